// The sections of a report, laid out as the appendices officials print (the seeds'
// Phụ lục 01 and 02): the title over the table, the headers, bold group rows across it, and
// the figures as number cells whose format shows them in Vietnamese style.
#include "dxkit/report/sections.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "dxkit/error.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::report {

namespace {

constexpr const char* kLocale = "[$-42A]";  // Vietnamese: workbook.hpp says why

Style plain() { return Style{.wrap = true}; }
Style bold() { return Style{.bold = true, .wrap = true}; }
Style header() {
  return Style{.bold = true, .wrap = true, .tone = Tone::header, .align = Align::center};
}
Style centred() { return Style{.wrap = true, .align = Align::center}; }
Style bare(bool b = false, bool italic = false, Align align = Align::left) {
  return Style{.bold = b, .italic = italic, .border = false, .align = align};
}

// A title row (no border) merged across `width` columns.
void title_row(Sheet& s, std::string text_, std::size_t width, Style style) {
  std::vector<Cell> row(width, Cell{.style = style});
  row[0] = text_cell(std::move(text_), style);
  s.merge_across(s.add(std::move(row)), 0, width);
}

void header_row(Sheet& s, const std::vector<std::string>& names) {
  std::vector<Cell> row;
  for (const auto& n : names) row.push_back(text_cell(n, header()));
  s.header_row = s.add(std::move(row));
  s.frozen_rows = s.header_row + 1;
}

// A bold row: `label` in column `from`, merged to the end (a group row of the appendix).
void group_row(Sheet& s, std::string stt, std::string label, std::size_t width,
               std::size_t from = 1) {
  std::vector<Cell> row(width, Cell{.style = bold()});
  row[0] = text_cell(std::move(stt), Style{.bold = true, .align = Align::center});
  row[from] = text_cell(std::move(label), bold());
  s.merge_across(s.add(std::move(row)), from, width - from);
}

Cell count_cell(double n, Style style = {}) {
  return number_cell(n, format_number(n, 0), count_format(), std::move(style));
}

Cell share_cell(double share, Style style = {}) {
  return number_cell(share, format_number(share * 100, 2) + "%", percent_format(),
                     std::move(style));
}

// `value` with exactly `decimals` decimals, as a fixed format code shows it ("13,0", "0,700").
std::string fixed_text(double value, int decimals) {
  std::string out = format_number(value, decimals);
  if (decimals <= 0) return out;
  const auto comma = out.find(',');
  const std::size_t have = comma == std::string::npos ? 0 : out.size() - comma - 1;
  if (comma == std::string::npos) out += ',';
  return out + std::string(static_cast<std::size_t>(decimals) - have, '0');
}

double serial(const Date& d) {  // Excel's day number: 1 = 1900-01-01, 25569 = 1970-01-01
  return static_cast<double>(d.sys_days().time_since_epoch().count()) + 25569;
}

std::string dmy(const Date& d) {
  return std::to_string(d.day()) + "/" + std::to_string(d.month()) + "/" + std::to_string(d.year());
}

}  // namespace

std::string money_format(budget::MoneyUnit unit, int decimals) {
  std::string code = std::string(kLocale) + "#,##0";
  if (decimals > 0) code += "." + std::string(static_cast<std::size_t>(decimals), '0');
  code += std::string(static_cast<std::size_t>(unit) / 3, ',');
  return code;
}

std::string percent_format(int decimals) {
  std::string code = std::string(kLocale) + "0";
  if (decimals > 0) code += "." + std::string(static_cast<std::size_t>(decimals), '0');
  return code + "%";
}

std::string count_format() { return std::string(kLocale) + "#,##0"; }

Tone tone_of(std::string_view id) noexcept {
  if (id == "exceeded" || id == "done" || id == "achieved" || id == "complete") return Tone::green;
  if (id == "met" || id == "on_track") return Tone::light_green;
  if (id == "not_met" || id == "overdue" || id == "missed" || id == "deteriorating")
    return Tone::red;
  if (id == "due_soon" || id == "acceleration_needed" || id == "limited_progress")
    return Tone::amber;
  if (id == "no_data" || id == "recurring" || id == "undated" || id == "insufficient_data")
    return Tone::grey;
  if (id == "open") return Tone::blue;
  if (id.starts_with("ge_")) return Tone::light_green;  // bands: at or above a threshold
  if (id.starts_with("lt_")) return Tone::red;
  return Tone::none;
}

Sheet results_sheet(const IndicatorTable& table, const EvaluationTable& ev, std::string title) {
  ResultColumns c;
  c.source = table.source;
  c.lines = table.lines;
  for (std::size_t i = 0; i < table.size(); ++i) {
    c.codes.push_back(table.indicators[i].code);
    c.names.push_back(table.indicators[i].name);
    c.pillars.push_back(table.indicators[i].pillar);
    c.targets.push_back(table.targets[i].text);
    c.actuals.push_back(table.results[i].text);
  }
  return results_sheet(c, ev, std::move(title));
}

Sheet results_sheet(const ResultColumns& table, const EvaluationTable& ev, std::string title) {
  for (const auto* column :
       {&table.codes, &table.names, &table.pillars, &table.targets, &table.actuals})
    if (column->size() != ev.size())
      throw ValidationError("the evaluation has " + std::to_string(ev.size()) +
                            " rows and a column of the table " + std::to_string(column->size()));
  constexpr std::size_t kWidth = 6;
  Sheet s;
  s.name = "Kết quả";
  s.widths = {6, 48, 30, 30, 11, 16};
  title_row(s, title.empty() ? "KẾT QUẢ THỰC HIỆN CHỈ TIÊU" : std::move(title), kWidth,
            bare(true, false, Align::center));
  title_row(s, "(" + table.source + ")", kWidth, bare(false, true, Align::center));
  header_row(s, {"STT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Tỷ lệ đạt", "Đánh giá"});
  std::map<std::size_t, std::string> warned;  // line -> warnings
  for (const Diagnostic& d : ev.warnings)
    warned[d.where.line] += (warned[d.where.line].empty() ? "" : "\n") + d.message;
  const auto& statuses = ev.scheme.statuses();
  std::string pillar;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    if (!table.pillars[i].empty() && table.pillars[i] != pillar) {
      pillar = table.pillars[i];
      group_row(s, "", pillar, kWidth);
    }
    const Status& st = statuses[ev.status[i]];
    Cell code = text_cell(table.codes[i], centred());
    if (const auto w = i < table.lines.size() ? warned.find(table.lines[i]) : warned.end();
        w != warned.end()) {
      code.style.tone = Tone::amber;
      code.title = w->second;
    }
    Cell ratio = ev.has_data[i] ? share_cell(ev.ratio[i], plain()) : text_cell("", plain());
    Cell verdict =
        text_cell(st.label, Style{.wrap = true, .tone = tone_of(st.id), .align = Align::center});
    s.add({std::move(code),
           text_cell(table.names[i].empty() ? table.targets[i] : table.names[i], plain()),
           text_cell(table.targets[i], plain()), text_cell(table.actuals[i], plain()),
           std::move(ratio), std::move(verdict)});
  }
  // The tally, as a plan's text states it: how many indicators, and per status how many
  // and what share.
  s.add(std::vector<Cell>(kWidth, Cell{.style = bare()}));
  const auto counts = ev.counts();
  const double n = static_cast<double>(ev.size());
  const auto tally = [&](std::string label, double count, Tone tone, bool b) {
    std::vector<Cell> row(kWidth, Cell{.style = Style{.bold = b}});
    row[0] = text_cell(std::move(label), Style{.bold = b, .tone = tone});
    row[1].style.tone = tone;
    row[2].style.tone = tone;
    row[3] = count_cell(count, Style{.bold = b});
    row[4] = n > 0 ? share_cell(count / n, Style{.bold = b}) : text_cell("", Style{.bold = b});
    s.merge_across(s.add(std::move(row)), 0, 3);
  };
  tally("Tổng số chỉ tiêu", n, Tone::none, true);
  for (std::size_t k = 0; k < statuses.size(); ++k)
    tally(statuses[k].label, static_cast<double>(counts[k]), tone_of(statuses[k].id), false);
  Chart chart{.title = "Kết quả đánh giá chỉ tiêu", .unit = "chỉ tiêu"};
  for (std::size_t k = 0; k < statuses.size(); ++k) {
    chart.labels.push_back(statuses[k].label);
    chart.values.push_back(static_cast<double>(counts[k]));
    chart.tones.push_back(tone_of(statuses[k].id));
  }
  s.charts.push_back(std::move(chart));
  return s;
}

Sheet budget_sheet(const budget::Budget& b, const std::vector<budget::Finding>& findings,
                   std::string title) {
  using budget::RowKind;
  bool notes = false;
  for (const auto& r : b.rows) notes = notes || !r.note.empty();
  std::vector<std::string> headers{"STT", "Tên nhiệm vụ"};
  for (const auto& h : b.text_headers) headers.push_back(h);
  const std::size_t first_amount = headers.size();
  for (const auto& c : b.columns) headers.push_back(c.header);
  if (notes) headers.emplace_back("Ghi chú");
  headers.emplace_back("Phát hiện");
  const std::size_t width = headers.size();

  // Decimals a column needs in the table's unit (75.428 triệu needs none, 4.518,5 one).
  const auto unit_dong = [&] {
    std::int64_t u = 1;
    for (int k = 0; k < static_cast<int>(b.unit); ++k) u *= 10;
    return u;
  }();
  std::vector<int> decimals(b.columns.size(), 0);
  for (const auto& r : b.rows)
    for (std::size_t c = 0; c < b.columns.size() && c < r.amounts.size(); ++c)
      if (r.amounts[c]) {
        std::int64_t rest = r.amounts[c]->dong % unit_dong;
        int d = static_cast<int>(b.unit);
        while (rest != 0 && rest % 10 == 0 && d > 0) rest /= 10, --d;
        decimals[c] = std::max(decimals[c], rest == 0 ? 0 : d);
      }

  Sheet s;
  s.name = "Kinh phí";
  s.widths = {6, 44};
  for (std::size_t k = 0; k < b.text_headers.size(); ++k) s.widths.push_back(30);
  for (std::size_t k = 0; k < b.columns.size(); ++k) s.widths.push_back(14);
  if (notes) s.widths.push_back(16);
  s.widths.push_back(40);
  title_row(s, title.empty() ? "DANH MỤC NHIỆM VỤ VÀ KINH PHÍ" : std::move(title), width,
            bare(true, false, Align::center));
  std::string unit(budget::to_string(b.unit));
  if (!unit.empty()) unit[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(unit[0])));
  title_row(s, "Đơn vị tính: " + unit, width, bare(false, true, Align::right));
  header_row(s, headers);

  std::map<std::size_t, std::vector<const budget::Finding*>> by_line;
  for (const auto& f : findings) by_line[f.diagnostic.where.line].push_back(&f);
  for (const auto& r : b.rows) {
    const bool strong = r.kind != RowKind::item;
    const Style base{.bold = strong, .wrap = true};
    std::vector<Cell> row;
    row.push_back(text_cell(r.stt, Style{.bold = strong, .align = Align::center}));
    row.push_back(text_cell(r.label, base));
    for (std::size_t k = 0; k < b.text_headers.size(); ++k)
      row.push_back(text_cell(k < r.texts.size() ? r.texts[k] : "", base));
    for (std::size_t c = 0; c < b.columns.size(); ++c) {
      const auto& m = c < r.amounts.size() ? r.amounts[c] : std::nullopt;
      if (m)
        row.push_back(number_cell(static_cast<double>(m->dong), budget::format_money(*m, b.unit),
                                  money_format(b.unit, decimals[c]), base));
      else
        row.push_back(text_cell("", base));
    }
    if (notes) row.push_back(text_cell(r.note, base));
    std::string messages;
    Tone worst = Tone::none;
    if (const auto it = by_line.find(r.line); it != by_line.end()) {
      for (const budget::Finding* f : it->second) {
        const Diagnostic& d = f->diagnostic;
        const Tone tone = d.severity == Severity::error ? Tone::red : Tone::amber;
        if (worst != Tone::red) worst = tone;
        std::size_t at = 1;  // the name, unless the finding is about one amount column
        for (std::size_t c = 0; c < b.columns.size(); ++c)
          if (!d.where.column_name.empty() && b.columns[c].header == d.where.column_name)
            at = first_amount + c;
        if (row[at].style.tone != Tone::red) row[at].style.tone = tone;
        row[at].title += (row[at].title.empty() ? "" : "\n") + d.message;
        messages += (messages.empty() ? "" : "\n") + d.message;
      }
    }
    row.push_back(text_cell(messages, Style{.wrap = true, .tone = worst}));
    s.add(std::move(row));
  }

  // Under the table: the computed total beside the printed one, and every finding.
  s.add(std::vector<Cell>(width, Cell{.style = bare()}));
  {
    std::vector<Cell> row(width, Cell{.style = bare(true)});
    row[1] = text_cell("Tổng các nhiệm vụ (tính lại)", bare(true));
    const budget::Money total = b.total();
    row[first_amount] =
        number_cell(static_cast<double>(total.dong), budget::format_money(total, b.unit),
                    money_format(b.unit, *std::max_element(decimals.begin(), decimals.end())),
                    Style{.bold = true, .border = false});
    s.add(std::move(row));
  }
  if (!findings.empty()) {
    s.add(std::vector<Cell>(width, Cell{.style = bare()}));
    title_row(s, "Phát hiện khi kiểm tra (" + std::to_string(findings.size()) + ")", width,
              bare(true));
    for (const auto& f : findings) {
      const Diagnostic& d = f.diagnostic;
      const Tone tone = d.severity == Severity::error ? Tone::red : Tone::amber;
      std::vector<Cell> row(width, Cell{.style = Style{.wrap = true}});
      row[0] = count_cell(static_cast<double>(d.where.line), Style{.align = Align::center});
      row[1] = text_cell(d.code, Style{.wrap = true, .tone = tone});
      row[2] = text_cell(d.message, Style{.wrap = true});
      s.merge_across(s.add(std::move(row)), 2, width - 2);
    }
  }
  return s;
}

Sheet due_sheet(const std::vector<Assignment>& assignments, const Date& as_of, int within,
                std::string title) {
  static constexpr std::array<std::pair<DueStatus, const char*>, 6> kLabels{{
      {DueStatus::overdue, "Quá hạn"},
      {DueStatus::due_soon, "Sắp đến hạn"},
      {DueStatus::open, "Chưa đến hạn"},
      {DueStatus::done, "Đã hoàn thành"},
      {DueStatus::recurring, "Thường xuyên"},
      {DueStatus::undated, "Không có hạn"},
  }};
  const auto label = [](DueStatus st) {
    for (const auto& [k, l] : kLabels)
      if (k == st) return l;
    return "";
  };
  const auto items = due(assignments, as_of, within);
  const auto agencies = due_by_agency(items);
  constexpr std::size_t kWidth = 7;
  Sheet s;
  s.name = "Tiến độ";
  s.widths = {8, 50, 30, 22, 12, 10, 16};
  title_row(s,
            title.empty() ? "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO ĐƠN VỊ CHỦ TRÌ" : std::move(title),
            kWidth, bare(true, false, Align::center));
  title_row(
      s, "Tính đến ngày " + dmy(as_of) + "; sắp đến hạn: trong " + std::to_string(within) + " ngày",
      kWidth, bare(false, true, Align::center));
  // The count per agency and status.
  {
    std::vector<std::string> names{"STT", "Đơn vị chủ trì"};
    for (const auto& [k, l] : kLabels) names.emplace_back(l);
    std::vector<Cell> row;
    for (std::size_t c = 0; c < names.size(); ++c) {
      row.push_back(text_cell(names[c], header()));
    }
    s.header_row = s.add(std::move(row));
    s.frozen_rows = 0;
  }
  s.widths.resize(std::max<std::size_t>(s.widths.size(), 2 + kLabels.size()), 12);
  for (std::size_t a = 0; a < agencies.size(); ++a) {
    std::vector<Cell> row{count_cell(static_cast<double>(a + 1), centred()),
                          text_cell(agencies[a].agency, plain())};
    for (const auto& [k, l] : kLabels) {
      const int n = agencies[a].count(k);
      Style st{};
      if (n > 0 && (k == DueStatus::overdue || k == DueStatus::due_soon))
        st.tone = tone_of(to_string(k));
      row.push_back(count_cell(n, st));
    }
    s.add(std::move(row));
  }
  s.add(std::vector<Cell>(2 + kLabels.size(), Cell{.style = bare()}));
  {
    std::vector<Cell> row;
    for (const char* h :
         {"STT", "Nhiệm vụ", "Đơn vị phối hợp", "Thời hạn", "Hạn cuối", "Còn (ngày)", "Tình trạng"})
      row.push_back(text_cell(h, header()));
    s.add(std::move(row));
  }
  for (const AgencyDue& a : agencies) {
    const std::string key = text::agency_of(a.agency);
    group_row(s, "", a.agency, kWidth);
    for (const DueItem& item : items) {
      const Assignment& t = *item.assignment;
      if (std::none_of(t.lead.begin(), t.lead.end(),
                       [&](const std::string& l) { return text::agency_of(l) == key; }))
        continue;
      std::string support;
      for (const auto& p : t.support) support += (support.empty() ? "" : "; ") + p;
      Cell last = t.deadline.due ? number_cell(serial(*t.deadline.due), dmy(*t.deadline.due),
                                               std::string(kLocale) + "dd/mm/yyyy", centred())
                                 : text_cell("", plain());
      Cell days = item.days ? count_cell(static_cast<double>(*item.days)) : text_cell("", plain());
      s.add({text_cell(t.number, centred()), text_cell(t.task, plain()),
             text_cell(support, plain()), text_cell(t.deadline.text, plain()), std::move(last),
             std::move(days),
             text_cell(label(item.status), Style{.wrap = true,
                                                 .tone = tone_of(to_string(item.status)),
                                                 .align = Align::center})});
    }
  }
  Chart chart{.title = "Nhiệm vụ quá hạn theo đơn vị chủ trì", .unit = "nhiệm vụ"};
  for (const AgencyDue& a : agencies) {
    chart.labels.push_back(a.agency);
    chart.values.push_back(a.count(DueStatus::overdue));
    chart.tones.push_back(Tone::red);
  }
  s.charts.push_back(std::move(chart));
  return s;
}

Sheet progress_sheet(const std::vector<Progress>& verdicts, std::string title) {
  // The labels of python/dxkit/_display.py's PROGRESS_STATUSES, in their order.
  static constexpr std::array<std::pair<std::string_view, const char*>, 7> kLabels{{
      {"achieved", "Đã đạt"},
      {"on_track", "Đúng tiến độ"},
      {"acceleration_needed", "Cần tăng tốc"},
      {"limited_progress", "Tiến triển chậm"},
      {"deteriorating", "Đi lùi"},
      {"missed", "Không đạt"},
      {"insufficient_data", "Thiếu dữ liệu"},
  }};
  const auto label = [](std::string_view id) -> std::string {
    for (const auto& [k, l] : kLabels)
      if (k == id) return l;
    return std::string(id);
  };
  constexpr std::size_t kWidth = 11;
  Sheet s;
  s.name = "Tiến trình";
  s.widths = {8, 40, 10, 18, 16, 16, 12, 12, 11, 12, 16};
  title_row(s, title.empty() ? "TIẾN TRÌNH THỰC HIỆN MỤC TIÊU" : std::move(title), kWidth,
            bare(true, false, Align::center));
  header_row(s,
             {"Năm mục tiêu", "Mục tiêu", "Giá trị mục tiêu", "Gốc (năm)", "Gốc", "Mới nhất (năm)",
              "Mới nhất", "Mức cần/năm", "Mức đạt/năm", "Tỷ lệ", "Tình trạng"});
  const std::string year_format = std::string(kLocale) + "0";
  const std::string value_format = std::string(kLocale) + "#,##0.##";
  const auto year = [&](const std::optional<int>& y) {
    return y ? number_cell(*y, std::to_string(*y), year_format, centred()) : text_cell("", plain());
  };
  const auto value = [&](const std::optional<double>& v) {
    return v && std::isfinite(*v) ? number_cell(*v, format_number(*v, 2), value_format)
                                  : text_cell("", plain());
  };
  std::string indicator;
  std::map<std::string, std::size_t> counts;
  for (const Progress& p : verdicts) {
    if (p.indicator != indicator) {
      indicator = p.indicator;
      std::vector<Cell> row(kWidth, Cell{.style = bold()});
      row[0] = text_cell(p.indicator + (p.name.empty() ? "" : ". " + p.name), bold());
      s.merge_across(s.add(std::move(row)), 0, kWidth);
    }
    ++counts[p.status];
    s.add({year(p.target_year), text_cell(p.target_text, plain()), value(p.target),
           year(p.baseline_year), value(p.baseline), year(p.latest_year), value(p.latest),
           value(p.required), value(p.observed),
           p.ratio && std::isfinite(*p.ratio) ? share_cell(*p.ratio) : text_cell("", plain()),
           text_cell(label(p.status),
                     Style{.wrap = true, .tone = tone_of(p.status), .align = Align::center})});
  }
  s.add(std::vector<Cell>(kWidth, Cell{.style = bare()}));
  Chart chart{.title = "Tình trạng các mục tiêu", .unit = "mục tiêu"};
  for (const auto& [id, l] : kLabels) {
    const auto it = counts.find(std::string(id));
    const double n = it == counts.end() ? 0.0 : static_cast<double>(it->second);
    std::vector<Cell> row(kWidth, Cell{.style = Style{}});
    row[0] = text_cell(l, Style{.tone = tone_of(id)});
    row[2] = count_cell(n);
    s.merge_across(s.add(std::move(row)), 0, 2);
    chart.labels.emplace_back(l);
    chart.values.push_back(n);
    chart.tones.push_back(tone_of(id));
  }
  s.charts.push_back(std::move(chart));
  return s;
}

Sheet ranking_sheet(const std::vector<std::string>& names, const std::vector<double>& scores,
                    const std::vector<double>& ranks, std::string title, std::string score_header,
                    int decimals) {
  if (scores.size() != names.size() || ranks.size() != names.size())
    throw ValidationError(
        "a ranking needs one score and one rank per unit: " + std::to_string(names.size()) +
        " names, " + std::to_string(scores.size()) + " scores, " + std::to_string(ranks.size()) +
        " ranks");
  std::vector<std::size_t> order(names.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto key = [&](std::size_t i) {
    return std::isfinite(ranks[i]) ? ranks[i] : std::numeric_limits<double>::infinity();
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  if (decimals < 0 || decimals > 10)
    throw ValidationError("a ranking's scores take 0 to 10 decimals, not " +
                          std::to_string(decimals));
  const std::string score_format =
      std::string(kLocale) + (decimals == 0 ? "0" : "0." + std::string(decimals, '0'));
  constexpr std::size_t kWidth = 3;
  Sheet s;
  s.name = "Xếp hạng";
  s.widths = {10, 40, 14};
  title_row(s, title.empty() ? "BẢNG XẾP HẠNG" : std::move(title), kWidth,
            bare(true, false, Align::center));
  header_row(s, {"Thứ hạng", "Đơn vị", std::move(score_header)});
  Chart chart{.title = "Điểm theo đơn vị"};
  for (std::size_t i : order) {
    const bool has = std::isfinite(scores[i]);
    s.add({std::isfinite(ranks[i]) ? count_cell(ranks[i], centred()) : text_cell("", centred()),
           text_cell(names[i], plain()),
           has ? number_cell(scores[i], fixed_text(scores[i], decimals), score_format)
               : text_cell("", plain())});
    chart.labels.push_back(names[i]);
    chart.values.push_back(has ? scores[i] : 0.0);
  }
  s.charts.push_back(std::move(chart));
  return s;
}

namespace {

// A decimal figure with `decimals` places as a number cell ("" blank when NaN).
Cell figure_cell(double value, int decimals, Style style = {}) {
  if (!std::isfinite(value)) return text_cell("", std::move(style));
  return number_cell(
      value, fixed_text(value, decimals),
      std::string(kLocale) + "0." + std::string(static_cast<std::size_t>(decimals), '0'),
      std::move(style));
}

// An assumption of the sensitivity analysis in Vietnamese (Assumptions::parameters()).
std::string assumption_label(const std::string& parameter) {
  if (parameter.starts_with("weights.L")) return "Trọng số cấp " + parameter.substr(9);
  if (parameter == "normalisation") return "Phương pháp chuẩn hoá";
  if (parameter == "aggregation") return "Phương pháp tổng hợp";
  if (parameter == "imputation") return "Bổ sung dữ liệu thiếu (có / không)";
  if (parameter == "treatment") return "Xử lý giá trị ngoại lai (có / không)";
  if (parameter == "leave_out") return "Bỏ bớt một thành phần";
  return parameter;
}

}  // namespace

Sheet uncertainty_sheet(const index::UncertaintyResult& r, std::string title) {
  const std::size_t n = r.units.size();
  for (const std::size_t size :
       {r.nominal.size(), r.mean.size(), r.median.size(), r.p5.size(), r.p95.size()})
    if (size != n)
      throw ValidationError(
          "an uncertainty result needs one nominal rank, mean, median, p5 and "
          "p95 per unit: " +
          std::to_string(n) + " units, a column of " + std::to_string(size));
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  const auto key = [&](std::size_t i) {
    return r.nominal[i] > 0 ? r.nominal[i] : std::numeric_limits<std::int32_t>::max();
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  constexpr std::size_t kWidth = 7;
  Sheet s;
  s.name = "Bất định";
  s.widths = {12, 30, 12, 12, 12, 12, 14};
  title_row(s, title.empty() ? "PHÂN TÍCH BẤT ĐỊNH CỦA THỨ HẠNG: " + r.column : std::move(title),
            kWidth, bare(true, false, Align::center));
  title_row(s,
            "(" + format_number(static_cast<double>(r.replicates.size()), 0) +
                " lần chạy; thứ hạng theo " + r.column + ")",
            kWidth, bare(false, true, Align::center));
  header_row(s, {"Thứ hạng danh nghĩa", "Đơn vị", "Trung vị", "Trung bình", "Phân vị 5%",
                 "Phân vị 95%", "Độ rộng 5–95%"});
  Chart chart{.title = "Độ rộng khoảng 5–95% của thứ hạng", .unit = "bậc"};
  for (const std::size_t i : order) {
    const double width = r.p95[i] - r.p5[i];
    const bool wide = std::isfinite(width) && width >= 10;
    s.add({r.nominal[i] > 0 ? count_cell(r.nominal[i], centred()) : text_cell("", centred()),
           text_cell(r.units[i], plain()), figure_cell(r.median[i], 1), figure_cell(r.mean[i], 1),
           figure_cell(r.p5[i], 1), figure_cell(r.p95[i], 1),
           figure_cell(width, 1, Style{.tone = wide ? Tone::amber : Tone::none})});
    chart.labels.push_back(r.units[i]);
    chart.values.push_back(std::isfinite(width) ? width : 0.0);
    chart.tones.push_back(wide ? Tone::amber : Tone::none);
  }
  s.charts.push_back(std::move(chart));
  return s;
}

Sheet sensitivity_sheet(const index::SensitivityResult& r, std::string title) {
  std::vector<std::size_t> order(r.indices.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto key = [&](std::size_t i) {
    const double t = r.indices[i].total;
    return std::isfinite(t) ? t : -std::numeric_limits<double>::infinity();
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  constexpr std::size_t kWidth = 9;
  Sheet s;
  s.name = "Độ nhạy";
  s.widths = {6, 34, 16, 12, 10, 10, 12, 10, 10};
  title_row(s, title.empty() ? "PHÂN TÍCH ĐỘ NHẠY CỦA THỨ HẠNG" : std::move(title), kWidth,
            bare(true, false, Align::center));
  header_row(s, {"STT", "Giả định", "Tham số", "Chỉ số bậc nhất", "95%: từ", "đến", "Chỉ số tổng",
                 "95%: từ", "đến"});
  Chart chart{.title = "Chỉ số độ nhạy tổng theo giả định"};
  std::size_t stt = 0;
  for (const std::size_t i : order) {
    const index::SensitivityIndex& x = r.indices[i];
    const Style strong{.tone = x.total_lo > 0.1 ? Tone::red : Tone::none};
    s.add({count_cell(static_cast<double>(++stt), centred()),
           text_cell(assumption_label(x.parameter), plain()), text_cell(x.parameter, plain()),
           figure_cell(x.first, 3), figure_cell(x.first_lo, 3), figure_cell(x.first_hi, 3),
           figure_cell(x.total, 3, strong), figure_cell(x.total_lo, 3),
           figure_cell(x.total_hi, 3)});
    chart.labels.push_back(assumption_label(x.parameter));
    chart.values.push_back(std::isfinite(x.total) ? x.total : 0.0);
    chart.tones.push_back(strong.tone);
  }
  // Under the table: the design's size and the output's variance (the indices' scale).
  s.add(std::vector<Cell>(kWidth, Cell{.style = bare()}));
  const auto line = [&](std::string label, Cell value) {
    std::vector<Cell> row(kWidth, Cell{.style = bare()});
    row[1] = text_cell(std::move(label), bare(true));
    row[2] = std::move(value);
    s.add(std::move(row));
  };
  line("Số lần chạy", count_cell(static_cast<double>(r.runs), bare()));
  line("Phương sai của độ lệch thứ hạng", figure_cell(r.variance, 3, bare()));
  s.charts.push_back(std::move(chart));
  return s;
}

}  // namespace dxkit::report
