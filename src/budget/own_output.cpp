#include "budget/own_output.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "dxkit/error.hpp"

namespace dxkit::budget::own_output {

namespace {

// The header of the findings block `dxkit budget --check --format csv` writes after the roll-up.
constexpr std::string_view kFindingsHeader =
    "kind,severity,file,line,label,column,reported,computed,message";
// The columns that follow since findings name a document's sheet, Word table and cell; an
// older output without them is read too.
constexpr std::string_view kFindingsPlace = ",sheet,table,cell";

Location header_place(const csv::Table& t, std::string column = "") {
  Location where = t.where_header();
  where.column_name = std::move(column);
  return where;
}

Severity severity_of(const std::string& text, const Location& where) {
  for (Severity s : {Severity::note, Severity::warning, Severity::error})
    if (text == to_string(s)) return s;
  throw ParseError("not a severity (note, warning, error)", text, where);
}

std::optional<Money> dong_or_blank(const std::string& text, const Location& where) {
  if (text.empty()) return std::nullopt;
  try {
    return parse_money(text, MoneyUnit::dong, NumberFormat::plain);
  } catch (const ParseError& e) {
    throw e.at(where);
  }
}

}  // namespace

std::optional<Budget> read_rollup(const csv::Table& table, const ReadOptions& options) {
  const auto& h = table.header;
  if (h.size() < 2 || h[h.size() - 2] != "amount" || h.back() != "share") return std::nullopt;
  std::map<Dimension, std::size_t> keys;
  std::optional<std::size_t> original;
  for (std::size_t c = 0; c + 2 < h.size(); ++c) {
    if (h[c] == "agency_original" && !original) {
      original = c;
    } else if (dimensions.contains(h[c]) && !keys.count(dimensions.parse(h[c]))) {
      keys[dimensions.parse(h[c])] = c;
    } else {
      return std::nullopt;  // some other table that happens to end in amount, share
    }
  }
  if (options.unit && *options.unit != MoneyUnit::dong)
    throw ValidationError("dxkit's roll-up output holds whole đồng in 'amount'; the unit " +
                              std::string(to_string(*options.unit)) + " does not apply",
                          header_place(table, "amount"));

  Budget b;
  b.source = table.source;
  b.origin = table.at(0);
  b.unit = MoneyUnit::dong;
  b.plan_year = options.plan_year;
  const std::size_t amount_col = h.size() - 2;
  auto key = [&](Dimension d, std::size_t r) -> std::string {
    const auto it = keys.find(d);
    return it == keys.end() ? std::string() : table.columns[it->second][r];
  };
  auto place = [&](std::size_t r, std::size_t c) { return b.place(table.lines[r], h[c]); };

  // A roll-up by year: one year in every row is the plan's year; several are yearly columns.
  std::vector<int> years(table.rows(), 0);
  std::set<int> distinct;
  if (keys.count(Dimension::year)) {
    const std::size_t c = keys.at(Dimension::year);
    for (std::size_t r = 0; r < table.rows(); ++r) {
      const std::string& y = table.columns[c][r];
      if (y.empty()) continue;
      const auto p = detail::parse_period(y);
      if (!p || p->begin().year() != p->last().year())
        throw ParseError("not a year", y, place(r, c));
      years[r] = p->begin().year();
      distinct.insert(years[r]);
    }
  }
  const bool yearly = distinct.size() > 1;
  if (distinct.size() == 1 && !b.plan_year) b.plan_year = *distinct.begin();
  b.columns.push_back({"amount", AmountRole::total, 0});
  std::map<int, std::size_t> year_column;
  if (yearly)
    for (int y : distinct) {
      year_column[y] = b.columns.size();
      b.columns.push_back({"amount " + std::to_string(y), AmountRole::year, y});
    }
  if (original) b.text_headers.push_back("agency_original");
  b.text_headers.push_back("share");

  for (std::size_t r = 0; r < table.rows(); ++r) {
    Row row;
    row.line = table.lines[r];
    row.kind = RowKind::item;
    row.section = key(Dimension::section, r);
    row.group = key(Dimension::group, r);
    row.agency = key(Dimension::agency, r);
    row.source = key(Dimension::source, r);
    row.note = key(Dimension::tag, r);
    // The label names the row in messages: its keys as the roll-up printed them.
    for (const auto& [d, c] : keys) {
      (void)d;
      const std::string& k = table.columns[c][r];
      if (k.empty()) continue;
      if (!row.label.empty()) row.label += " / ";
      row.label += k;
    }
    if (keys.count(Dimension::period)) {
      const std::string& p = key(Dimension::period, r);
      if (!p.empty() && !(row.period = detail::parse_period(p)))
        throw ParseError("not a period (2022 - 2024, 2023)", p,
                         place(r, keys.at(Dimension::period)));
    }
    row.amounts.assign(b.columns.size(), std::nullopt);
    const std::string& amount = table.columns[amount_col][r];
    // Whole đồng, as dxkit writes them; the file's number style (a JSON input's numbers come
    // in it) reads an integer the same either way.
    const std::optional<Money> m = detail::read_amount(
        amount, MoneyUnit::dong, options.format, place(r, amount_col), row.label, b.read_findings);
    row.amounts[yearly && years[r] ? year_column.at(years[r]) : 0] = m;
    if (original) row.texts.push_back(table.columns[*original][r]);
    row.texts.push_back(table.columns.back()[r]);
    b.rows.push_back(std::move(row));
  }
  return b;
}

std::vector<Finding> take_findings(std::string_view& content, const std::string& source,
                                   std::size_t first_line) {
  // The block starts at a line that is exactly the findings header, after a blank line.
  std::size_t at = std::string_view::npos;
  for (std::size_t from = 0;;) {
    const std::size_t hit = content.find(kFindingsHeader, from);
    if (hit == std::string_view::npos) return {};
    std::size_t end = hit + kFindingsHeader.size();
    if (content.substr(end).starts_with(kFindingsPlace)) end += kFindingsPlace.size();
    const bool line_ends = end == content.size() || content[end] == '\n' || content[end] == '\r';
    const std::string_view before = content.substr(0, hit);
    const bool after_blank = before.ends_with("\n\n") || before.ends_with("\r\n\r\n");
    if (line_ends && after_blank) {
      at = hit;
      break;
    }
    from = end;
  }
  const std::size_t line =
      first_line + static_cast<std::size_t>(std::count(
                       content.begin(), content.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  csv::Options copt;
  copt.delimiter = ',';
  copt.first_line = line;
  const csv::Table t = csv::parse(content.substr(at), source, copt);
  content = content.substr(0, at);
  std::vector<Finding> out;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    auto cell = [&](std::size_t c) -> const std::string& { return t.columns[c][r]; };
    Finding f;
    Diagnostic& d = f.diagnostic;
    d.code = cell(0);
    d.severity = severity_of(cell(1), t.where(r, 1));
    d.where.file = cell(2);
    if (const std::string& l = cell(3); !l.empty()) {
      const auto [end, ec] = std::from_chars(l.data(), l.data() + l.size(), d.where.line);
      if (ec != std::errc{} || end != l.data() + l.size())
        throw ParseError("not a line number", l, t.where(r, 3));
    }
    f.label = cell(4);
    d.where.column_name = cell(5);
    f.reported = dong_or_blank(cell(6), t.where(r, 6));
    f.computed = dong_or_blank(cell(7), t.where(r, 7));
    d.message = cell(8);
    if (t.header.size() > 11) {
      d.where.sheet = cell(9);
      if (const std::string& n = cell(10); !n.empty()) {
        const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), d.where.table);
        if (ec != std::errc{} || end != n.data() + n.size())
          throw ParseError("not a table number", n, t.where(r, 10));
      }
      // "D10": the column letters before the row.
      for (char ch : cell(11)) {
        if (ch < 'A' || ch > 'Z') break;
        d.where.column = d.where.column * 26 + static_cast<std::size_t>(ch - 'A' + 1);
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace dxkit::budget::own_output
