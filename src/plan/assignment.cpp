// Assignment appendices (Phụ lục: who leads, who supports, by when): STT with section
// headings, agencies split at ';', a deadline in words per task, an optional status.
#include "dxkit/plan/assignment.hpp"

#include "dxkit/error.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"
#include "plan/detail.hpp"

namespace dxkit {

namespace {

// A section heading's number in the STT cell: "II", "II." or "III. Về phát triển ..." (the
// export sometimes merges the heading into the STT cell). Returns the numeral and the rest.
std::optional<std::pair<std::string, std::string>> section_number(const std::string& s) {
  std::size_t k = 0;
  while (k < s.size() && (s[k] == 'I' || s[k] == 'V' || s[k] == 'X' || s[k] == 'L')) ++k;
  if (k == 0) return std::nullopt;
  std::size_t rest = k;
  if (rest < s.size() && s[rest] == '.') ++rest;
  if (rest < s.size() && s[rest] != ' ') return std::nullopt;  // a word, not a numeral
  return std::make_pair(s.substr(0, k), std::string(text::trim(std::string_view(s).substr(rest))));
}

std::vector<std::string> agencies(const std::string& cell) {
  std::vector<std::string> out;
  std::string_view s = cell;
  for (;;) {
    const std::size_t k = s.find(';');
    const std::string part = std::string(text::trim(s.substr(0, k)));
    if (!part.empty()) out.push_back(part);
    if (k == std::string_view::npos) break;
    s.remove_prefix(k + 1);
  }
  return out;
}

}  // namespace

std::vector<Assignment> read_assignments(const csv::Table& t, std::string_view default_deadline) {
  const Location head = t.where_header();
  using text::AssignmentColumn;
  const auto& headers = text::assignment_headers();
  const auto c_no = t.find(headers, AssignmentColumn::number);
  const auto c_task = t.find(headers, AssignmentColumn::task);
  const auto c_lead = t.find(headers, AssignmentColumn::lead);
  const auto c_support = t.find(headers, AssignmentColumn::support);
  const auto c_deadline = t.find(headers, AssignmentColumn::deadline);
  const auto c_status = t.find(headers, AssignmentColumn::status);
  if (!c_task)
    throw ValidationError("missing the task column (Tên nhiệm vụ, Nội dung chỉ tiêu or Task)",
                          head);
  if (!c_lead)
    throw ValidationError("missing the lead agency column (Đơn vị chủ trì, Chủ trì or Lead)", head);
  std::vector<Assignment> out;
  std::string section, section_no;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string no =
        c_no ? std::string(text::trim(t.columns[*c_no][r])) : std::to_string(r + 1);
    const std::string task = std::string(text::trim(t.columns[*c_task][r]));
    if (const auto heading = section_number(no)) {
      section = heading->second.empty() ? task : heading->second;
      section_no = heading->first;
      continue;
    }
    if (task.empty() && text::trim(t.columns[*c_lead][r]).empty()) continue;  // an empty row
    Location where = t.at(t.lines[r]);
    Assignment a;
    a.line = t.lines[r];
    a.number = section_no.empty() ? no : section_no + "." + no;
    a.section = section;
    a.task = task;
    a.lead = agencies(t.columns[*c_lead][r]);
    if (c_support) a.support = agencies(t.columns[*c_support][r]);
    if (a.lead.empty()) {
      where.column_name = t.header[*c_lead];
      throw ValidationError("task " + a.number + " has no lead agency", where);
    }
    const std::string written = c_deadline ? t.columns[*c_deadline][r] : std::string();
    try {
      a.deadline = parse_deadline(text::trim(written).empty() ? default_deadline
                                                              : std::string_view(written));
    } catch (const ParseError& e) {
      where.column_name = c_deadline ? t.header[*c_deadline] : "default deadline";
      throw e.at(where);
    }
    if (c_status) {
      using text::Verdict;
      const std::string st = plan_detail::normal(t.columns[*c_status][r]);
      const auto verdict = text::verdicts().whole(st);
      if (verdict == Verdict::completed || verdict == Verdict::met || verdict == Verdict::exceeded)
        a.status = "done";
      else if (!st.empty() && verdict != Verdict::open && verdict != Verdict::not_met)
        throw ParseError(
            "status: Hoàn thành / Đã hoàn thành / Đạt / Vượt (done), Chưa hoàn thành / "
            "Đang thực hiện / Chưa đạt / Quá hạn (open), dxkit due's own statuses (done, overdue, "
            "due_soon, open, recurring, undated), or blank",
            t.columns[*c_status][r], t.where(r, *c_status));
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Assignment> read_assignments(const std::filesystem::path& path,
                                         std::string_view default_deadline) {
  return read_assignments(csv::read(path), default_deadline);
}

}  // namespace dxkit
