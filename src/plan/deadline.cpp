// Deadlines in words, assignment appendices, what is due, and an iCalendar of it.
#include "dxkit/plan/deadline.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <map>
#include <regex>

#include "dxkit/error.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit {

namespace bg = boost::gregorian;

namespace {


// Folded, single-spaced, without a closing full stop or semicolon.
std::string normal(std::string_view text) {
  const std::string f = text::fold(text);
  std::string out;
  for (char c : f) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.' || out.back() == ';')) out.pop_back();
  return out;
}

bool starts(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

int num(const std::ssub_match& m) { return std::stoi(m.str()); }

bg::date make(int y, int m, int d, const std::string& text) {
  try {
    return bg::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                    static_cast<unsigned short>(d));
  } catch (const std::exception&) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d, m, y);
    throw ParseError(std::string("no such date: ") + buf, text);
  }
}

bg::date month_end(int y, int m, const std::string& text) {
  const bg::date first = make(y, m, 1, text);
  return first.end_of_month();
}

std::string iso(const bg::date& d) { return bg::to_iso_extended_string(d); }

// The public API speaks dxkit::Date; the phrase arithmetic below stays in Boost.
Date to_date(const bg::date& d) {
  return Date(static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
              static_cast<unsigned>(d.day()));
}
bg::date to_boost(const Date& d) {
  return bg::date(static_cast<unsigned short>(d.year()), static_cast<unsigned short>(d.month()),
                  static_cast<unsigned short>(d.day()));
}

// A deadline while it is read, in Boost dates; parse_deadline converts it once.
struct RawDeadline {
  Deadline::Kind kind = Deadline::Kind::none;
  std::optional<bg::date> start, due;
  std::string text, reading;
};

int roman(const std::string& r) {
  static const std::map<std::string, int> k = {{"i", 1}, {"ii", 2}, {"iii", 3}, {"iv", 4},
                                               {"1", 1}, {"2", 2},  {"3", 3},   {"4", 4}};
  auto it = k.find(r);
  return it == k.end() ? 0 : it->second;
}

}  // namespace

const char* to_string(Deadline::Kind k) {
  switch (k) {
    case Deadline::Kind::due: return "due";
    case Deadline::Kind::window: return "window";
    case Deadline::Kind::recurring: return "recurring";
    case Deadline::Kind::on_event: return "on_event";
    case Deadline::Kind::elsewhere: return "elsewhere";
    case Deadline::Kind::none: return "none";
  }
  return "";
}

namespace {
RawDeadline parse_raw(std::string_view text) {
  RawDeadline d;
  d.text = std::string(text::trim(text));
  const std::string s = normal(d.text);
  using K = Deadline::Kind;
  if (s.empty()) {
    d.kind = K::none;
    d.reading = "no deadline given";
    return d;
  }
  if (s.find("thường xuyên") != std::string::npos || s.find("hằng năm") != std::string::npos ||
      s.find("hàng năm") != std::string::npos || s == "liên tục") {
    d.kind = K::recurring;
    d.reading = "a standing (recurring) task";
    return d;
  }
  if (starts(s, "trước khi") || starts(s, "sau khi") || starts(s, "khi ")) {
    d.kind = K::on_event;
    d.reading = "tied to an event, not a date";
    return d;
  }
  if (starts(s, "theo ")) {
    d.kind = K::elsewhere;
    d.reading = "set by another body or document";
    return d;
  }
  static const std::regex range(
      R"(^(?:từ ngày |từ )?(\d{1,2})/(\d{1,2})/(\d{4}) ?(?:đến ngày|đến|-|–) ?(\d{1,2})/(\d{1,2})/(\d{4})$)");
  static const std::regex before_day(R"(^(?:trước ngày|trước) (\d{1,2})/(\d{1,2})/(\d{4})$)");
  static const std::regex by_day(R"(^(?:ngày |đến ngày |đến |hạn |hoàn thành )?(\d{1,2})/(\d{1,2})/(\d{4})$)");
  static const std::regex before_month(R"(^(?:trước tháng|trước) (\d{1,2})/(\d{4})$)");
  static const std::regex month(R"(^tháng (\d{1,2})(?:/| năm )(\d{4})$)");
  static const std::regex year_end(R"(^(?:cuối năm|đến cuối năm|trước 31/12/?) ?(\d{4})$)");
  static const std::regex year(R"(^(?:trong năm|năm|cả năm) (\d{4})$)");
  static const std::regex quarter(R"(^quý (i|ii|iii|iv|1|2|3|4)(?:/| năm )(\d{4})$)");
  static const std::regex years(R"(^(?:giai đoạn |năm )?(\d{4}) ?(?:-|–|đến) ?(\d{4})$)");
  std::smatch m;
  if (std::regex_match(s, m, range)) {
    d.kind = K::window;
    d.start = make(num(m[3]), num(m[2]), num(m[1]), d.text);
    d.due = make(num(m[6]), num(m[5]), num(m[4]), d.text);
    if (*d.due < *d.start) throw ParseError("the period ends before it starts", d.text);
    d.reading = "from " + iso(*d.start) + " to " + iso(*d.due);
  } else if (std::regex_match(s, m, before_day)) {
    d.kind = K::due;
    d.due = make(num(m[3]), num(m[2]), num(m[1]), d.text) - bg::days(1);
    d.reading = "by " + iso(*d.due) + " (the day before the date written)";
  } else if (std::regex_match(s, m, by_day)) {
    d.kind = K::due;
    d.due = make(num(m[3]), num(m[2]), num(m[1]), d.text);
    d.reading = "by " + iso(*d.due);
  } else if (std::regex_match(s, m, before_month)) {
    d.kind = K::due;
    d.due = make(num(m[2]), num(m[1]), 1, d.text) - bg::days(1);
    d.reading = "by " + iso(*d.due) + " (before the month written)";
  } else if (std::regex_match(s, m, month)) {
    d.kind = K::window;
    d.start = make(num(m[2]), num(m[1]), 1, d.text);
    d.due = month_end(num(m[2]), num(m[1]), d.text);
    d.reading = "within " + iso(*d.start).substr(0, 7);
  } else if (std::regex_match(s, m, year_end)) {
    d.kind = K::due;
    d.due = make(num(m[1]), 12, 31, d.text);
    d.reading = "by " + iso(*d.due) + " (end of the year)";
  } else if (std::regex_match(s, m, year)) {
    d.kind = K::window;
    d.start = make(num(m[1]), 1, 1, d.text);
    d.due = make(num(m[1]), 12, 31, d.text);
    d.reading = "within " + m[1].str();
  } else if (std::regex_match(s, m, quarter)) {
    const int q = roman(m[1].str()), y = num(m[2]);
    d.kind = K::window;
    d.start = make(y, 3 * q - 2, 1, d.text);
    d.due = month_end(y, 3 * q, d.text);
    d.reading = "within quarter " + std::to_string(q) + " of " + m[2].str();
  } else if (std::regex_match(s, m, years)) {
    d.kind = K::window;
    d.start = make(num(m[1]), 1, 1, d.text);
    d.due = make(num(m[2]), 12, 31, d.text);
    if (*d.due < *d.start) throw ParseError("the period ends before it starts", d.text);
    d.reading = "from " + m[1].str() + " to " + m[2].str();
  } else {
    throw ParseError(
        "not a deadline dxkit reads; accepted: 30/3/2024, trước ngày 30/11/2024, Tháng 09/2023, "
        "Trước 09/2023, Trước tháng 05/2023, Cuối năm 2023, Năm 2023, Trong năm 2023, "
        "Quý III/2023, Từ ngày 01/10/2023 đến 15/10/2023, 2022 - 2024, Thường xuyên, "
        "Trước khi ..., Theo ..., or blank (docs/progress.md)",
        d.text);
  }
  return d;
}
}  // namespace

Deadline parse_deadline(std::string_view text) {
  RawDeadline raw = parse_raw(text);
  Deadline d;
  d.kind = raw.kind;
  if (raw.start) d.start = to_date(*raw.start);
  if (raw.due) d.due = to_date(*raw.due);
  d.text = std::move(raw.text);
  d.reading = std::move(raw.reading);
  return d;
}

Date parse_iso_date(std::string_view text) {
  static const std::regex iso_date(R"(^(\d{4})-(\d{2})-(\d{2})$)");
  const std::string s = std::string(text::trim(text));
  std::smatch m;
  if (!std::regex_match(s, m, iso_date)) throw ParseError("a date is written YYYY-MM-DD", s);
  return to_date(make(num(m[1]), num(m[2]), num(m[3]), s));
}

Date parse_date(std::string_view text) {
  static const std::regex dmy(R"(^(\d{1,2})/(\d{1,2})/(\d{4})$)");
  const std::string s(text::trim(text));
  std::smatch m;
  if (std::regex_match(s, m, dmy)) return to_date(make(num(m[3]), num(m[2]), num(m[1]), s));
  if (s.size() == 10 && s[4] == '-') return parse_iso_date(s);
  throw ParseError("a date is dd/mm/yyyy or YYYY-MM-DD", s);
}

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
  const auto c_no = t.find({"STT", "Stt", "No"});
  const auto c_task = t.find({"Tên nhiệm vụ", "Tên dự án/nhiệm vụ", "Nội dung chỉ tiêu",
                                    "Nội dung", "Nhiệm vụ", "Chỉ tiêu", "Task", "Target"});
  const auto c_lead = t.find({"Đơn vị chủ trì", "Chủ trì", "Cơ quan chủ trì", "Lead"});
  const auto c_support = t.find({"Đơn vị phối hợp", "Phối hợp", "Cơ quan phối hợp", "Support"});
  const auto c_deadline = t.find({"Thời điểm đánh giá", "Thời gian thực hiện", "Thời gian hoàn thành",
                                        "Thời hạn", "Deadline"});
  const auto c_status = t.find({"Status", "Tình trạng", "Kết quả"});
  if (!c_task) throw ValidationError("missing the task column (Tên nhiệm vụ, Nội dung chỉ tiêu or Task)", head);
  if (!c_lead) throw ValidationError("missing the lead agency column (Đơn vị chủ trì, Chủ trì or Lead)", head);
  std::vector<Assignment> out;
  std::string section, section_no;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string no = c_no ? std::string(text::trim(t.columns[*c_no][r])) : std::to_string(r + 1);
    const std::string task = std::string(text::trim(t.columns[*c_task][r]));
    if (const auto heading = section_number(no)) {
      section = heading->second.empty() ? task : heading->second;
      section_no = heading->first;
      continue;
    }
    if (task.empty() && text::trim(t.columns[*c_lead][r]).empty()) continue;  // an empty row
    Location where;
    where.file = t.source;
    where.line = t.lines[r];
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
      a.deadline = parse_deadline(text::trim(written).empty() ? default_deadline : std::string_view(written));
    } catch (const ParseError& e) {
      where.column_name = c_deadline ? t.header[*c_deadline] : "default deadline";
      throw e.at(where);
    }
    if (c_status) {
      const std::string st = normal(t.columns[*c_status][r]);
      if (st == "done" || st == "hoàn thành" || st == "đã hoàn thành" || st == "đạt" || st == "vượt")
        a.status = "done";
      else if (!st.empty() && st != "chưa hoàn thành" && st != "đang thực hiện" && st != "chưa đạt" &&
               st != "open")
        throw ParseError("status: Hoàn thành / Đã hoàn thành / Đạt / Vượt (done), Chưa hoàn thành / "
                         "Đang thực hiện / Chưa đạt (open), or blank",
                         t.columns[*c_status][r],
                         t.where(r, *c_status));
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Assignment> read_assignments(const std::filesystem::path& path,
                                         std::string_view default_deadline) {
  return read_assignments(csv::read(path), default_deadline);
}

const char* to_string(DueStatus s) {
  switch (s) {
    case DueStatus::done: return "done";
    case DueStatus::overdue: return "overdue";
    case DueStatus::due_soon: return "due_soon";
    case DueStatus::open: return "open";
    case DueStatus::recurring: return "recurring";
    case DueStatus::undated: return "undated";
  }
  return "";
}

std::vector<DueItem> due(const std::vector<Assignment>& list, const Date& as_of, int within) {
  if (within < 0) throw ValidationError("the number of days ahead must be >= 0");
  std::vector<DueItem> out;
  for (const Assignment& a : list) {
    DueItem item;
    item.assignment = &a;
    if (a.deadline.due) item.days = days_between(as_of, *a.deadline.due);
    if (a.status == "done") item.status = DueStatus::done;
    else if (a.deadline.kind == Deadline::Kind::recurring) item.status = DueStatus::recurring;
    else if (!a.deadline.due) item.status = DueStatus::undated;
    else if (*item.days < 0) item.status = DueStatus::overdue;
    else if (*item.days <= within) item.status = DueStatus::due_soon;
    else item.status = DueStatus::open;
    out.push_back(item);
  }
  return out;
}

namespace {

std::string ics_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// A content line folded at 75 octets, never inside a UTF-8 sequence.
void line(std::string& out, const std::string& content) {
  std::size_t pos = 0, limit = 75;
  while (content.size() - pos > limit) {
    std::size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80) --cut;
    out += content.substr(pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    limit = 74;  // the leading space counts
  }
  out += content.substr(pos);
  out += "\r\n";
}

std::string compact(const Date& d) { return bg::to_iso_string(to_boost(d)); }

std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

}  // namespace

std::string to_ics(const std::vector<Assignment>& list, std::string_view name) {
  std::string out;
  line(out, "BEGIN:VCALENDAR");
  line(out, "VERSION:2.0");
  line(out, "PRODID:-//dxkit//deadlines//VI");
  line(out, "CALSCALE:GREGORIAN");
  line(out, "X-WR-CALNAME:" + ics_escape(name));
  for (const Assignment& a : list) {
    if (!a.deadline.due) continue;
    const Date first = a.deadline.start.value_or(*a.deadline.due);
    char uid[32];
    std::snprintf(uid, sizeof uid, "%016llx",
                  static_cast<unsigned long long>(fnv(a.number + "|" + a.task + "|" + a.deadline.text)));
    std::string lead, support;
    for (const auto& l : a.lead) lead += (lead.empty() ? "" : "; ") + l;
    for (const auto& s : a.support) support += (support.empty() ? "" : "; ") + s;
    line(out, "BEGIN:VEVENT");
    line(out, std::string("UID:") + uid + "@dxkit");
    line(out, "DTSTAMP:" + compact(*a.deadline.due) + "T000000Z");
    line(out, "DTSTART;VALUE=DATE:" + compact(first));
    line(out, "DTEND;VALUE=DATE:" + compact(a.deadline.due->plus_days(1)));
    line(out, "SUMMARY:" + ics_escape(a.number + " " + a.task + " (" + lead + ")"));
    line(out, "DESCRIPTION:" + ics_escape("Chủ trì: " + lead + "\nPhối hợp: " + support +
                                          "\nThời hạn: " + a.deadline.text));
    line(out, "END:VEVENT");
  }
  line(out, "END:VCALENDAR");
  return out;
}

}  // namespace dxkit
