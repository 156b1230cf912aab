// Reading a budget appendix: column roles from the published headers, the unit from the
// "ĐVT" line or the headers, amounts as exact đồng, and the hierarchy from the STT column.
#include "dxkit/budget/table.hpp"

#include <cctype>

#include "budget/own_output.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/detail/expression.hpp"
#include "dxkit/text/number_style.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::budget {

std::string_view to_string(AmountRole role) noexcept {
  switch (role) {
    case AmountRole::total:
      return "total";
    case AmountRole::investment:
      return "investment";
    case AmountRole::recurrent:
      return "recurrent";
    case AmountRole::socialized:
      return "socialized";
    case AmountRole::central:
      return "central";
    case AmountRole::local:
      return "local";
    case AmountRole::year:
      return "year";
  }
  return "?";
}

std::string_view to_string(RowKind kind) noexcept {
  switch (kind) {
    case RowKind::grand_total:
      return "grand_total";
    case RowKind::section:
      return "section";
    case RowKind::group:
      return "group";
    case RowKind::item:
      return "item";
  }
  return "?";
}

namespace {

struct Role {
  bool amount = false;
  AmountRole amount_role = AmountRole::total;
  int year = 0;
  TextRole text_role = TextRole::text;
};

Role amount(AmountRole r) { return Role{true, r, 0, TextRole::text}; }
Role text_role(TextRole r) { return Role{false, AmountRole::total, 0, r}; }

// The role of a header key; the spellings are in text::budget_headers().
std::optional<Role> known_role(const std::string& key) {
  using text::BudgetWord;
  const auto word = text::budget_headers().whole(key);
  if (!word) return std::nullopt;
  switch (*word) {
    case BudgetWord::stt:
      return text_role(TextRole::stt);
    case BudgetWord::name:
      return text_role(TextRole::name);
    case BudgetWord::agency:
      return text_role(TextRole::agency);
    case BudgetWord::source:
      return text_role(TextRole::source);
    case BudgetWord::period:
      return text_role(TextRole::period);
    case BudgetWord::note:
      return text_role(TextRole::note);
    case BudgetWord::total:
      return amount(AmountRole::total);
    case BudgetWord::investment:
      return amount(AmountRole::investment);
    case BudgetWord::recurrent:
      return amount(AmountRole::recurrent);
    case BudgetWord::socialized:
      return amount(AmountRole::socialized);
    case BudgetWord::central:
      return amount(AmountRole::central);
    case BudgetWord::local:
      return amount(AmountRole::local);
    case BudgetWord::year_prefix:
    case BudgetWord::grand_total:
      return std::nullopt;
  }
  return std::nullopt;
}

// "Năm 2021", "Vốn năm 2023", "Vốn bố trí năm 2022", "2023", "year 2023": a yearly allocation
// (the words before the year are text::BudgetWord::year_prefix).
int year_of(const std::string& key) {
  std::size_t at = 0;
  if (key.size() != 4) {
    const auto prefix = text::budget_headers().at(key, 0, text::BudgetWord::year_prefix);
    if (!prefix || prefix->length >= key.size() || key[prefix->length] != ' ') return 0;
    at = prefix->length + 1;
  }
  if (key.size() != at + 4) return 0;
  int y = 0;
  for (std::size_t i = at; i < key.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(key[i]))) return 0;
    y = y * 10 + (key[i] - '0');
  }
  return y >= 1990 && y <= 2100 ? y : 0;
}

// The header without a parenthesised part ("Tổng (tỷ đồng)" -> "tổng"), folded.
std::string header_key(const std::string& header, std::string& inside) {
  std::string h = header;
  if (auto open = h.find('('); open != std::string::npos) {
    auto close = h.find(')', open);
    inside = h.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
    h.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  return text::label_key(h);
}

Role explicit_role(const std::string& name, const std::string& header) {
  static const std::pair<std::string_view, Role> kNames[] = {
      {"total", amount(AmountRole::total)},
      {"investment", amount(AmountRole::investment)},
      {"recurrent", amount(AmountRole::recurrent)},
      {"socialized", amount(AmountRole::socialized)},
      {"central", amount(AmountRole::central)},
      {"local", amount(AmountRole::local)},
      {"stt", text_role(TextRole::stt)},
      {"name", text_role(TextRole::name)},
      {"agency", text_role(TextRole::agency)},
      {"source", text_role(TextRole::source)},
      {"period", text_role(TextRole::period)},
      {"note", text_role(TextRole::note)},
      {"text", text_role(TextRole::text)}};
  for (const auto& [n, r] : kNames)
    if (name == n) return r;
  if (name.rfind("year:", 0) == 0) {
    int y = year_of(name.substr(5));
    if (y) return Role{true, AmountRole::year, y, TextRole::text};
  }
  throw ValidationError("unknown role '" + name + "' for column '" + header +
                        "'; accepted: total, investment, recurrent, socialized, central, local, "
                        "year:YYYY, stt, name, agency, source, period, note, text");
}

// "I", "II.", "IV": a section's numeral (a trailing dot allowed, as in "I." and "1.").
bool is_roman(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.empty()) return false;
  for (char c : s)
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
  return true;
}

// "1", "1.", "1.1", "1.1.1": numbers joined by single dots (a trailing dot allowed).
bool is_dotted(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' && s[i - 1] == '.') return false;
    if (c != '.' && !std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The dotted number without a trailing dot ("1." -> "1").
std::string_view dotted_key(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  return s;
}

// Whether `child` numbers a row under `parent` ("1.2" and "1.2.3" under "1").
bool extends(std::string_view parent, std::string_view child) {
  parent = dotted_key(parent);
  child = dotted_key(child);
  return child.size() > parent.size() + 1 && child.substr(0, parent.size()) == parent &&
         child[parent.size()] == '.';
}

bool is_grand_total(const std::string& stt, const std::string& label) {
  for (const std::string* s : {&stt, &label}) {
    // Most STT numbers and names start with a letter no grand-total phrase starts with.
    if (!text::budget_headers().may_be(*s, text::BudgetWord::grand_total)) continue;
    std::string k = text::label_key(*s);
    while (!k.empty() && (k.back() == ':' || k.back() == '.')) k.pop_back();
    if (text::budget_headers().is(k, text::BudgetWord::grand_total)) return true;
  }
  return false;
}

}  // namespace

std::optional<Period> detail::parse_period(const std::string& text) {
  int years[2] = {0, 0};
  int n = 0;
  std::size_t i = 0;
  while (i < text.size() && n < 3) {
    if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      int y = 0;
      std::size_t j = i;
      // Only four digits make a year; a longer run is counted but not accumulated (no overflow).
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) {
        if (j - i < 4) y = y * 10 + (text[j] - '0');
        ++j;
      }
      if (j - i != 4 || n == 2) return std::nullopt;
      years[n++] = y;
      i = j;
    } else {
      ++i;
    }
  }
  if (n == 0) return std::nullopt;
  if (n == 1) years[1] = years[0];
  if (years[0] < 1 || years[1] < years[0]) return std::nullopt;  // no year 0000
  return Period(Date(years[0], 1, 1), Date(years[1], 12, 31));
}

std::optional<Money> detail::read_amount(const std::string& text, MoneyUnit unit,
                                         NumberFormat format, const Location& where,
                                         const std::string& label, std::vector<Finding>& findings) {
  try {
    const Money m = parse_money(text, unit, format);
    if (m.dong < 0)
      findings.push_back({{where, Severity::error, "negative", "a negative amount: '" + text + "'"},
                          label,
                          m,
                          {}});
    return m;
  } catch (const ParseError& e) {
    findings.push_back({{where, Severity::error, "not_a_number", e.message() + ": '" + text + "'"},
                        label,
                        {},
                        {}});
    return std::nullopt;
  }
}

Budget make_budget(csv::Table table, const ReadOptions& options,
                   std::optional<MoneyUnit> declared) {
  if (auto own = own_output::read_rollup(table, options)) return std::move(*own);
  Budget b;
  b.source = table.source;
  b.origin = table.at(0);
  if (!table.column_numbers.empty())
    for (std::size_t c = 0; c < table.header.size(); ++c)
      b.document_columns.emplace(table.header[c], table.file_column(c));
  b.plan_year = options.plan_year;
  if (options.unit) declared = options.unit;

  // Column roles.
  std::vector<Role> roles(table.header.size());
  std::vector<std::optional<MoneyUnit>> header_units(table.header.size());
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const std::string& h = table.header[c];
    if (auto it = options.columns.find(h); it != options.columns.end()) {
      roles[c] = explicit_role(it->second, h);
      continue;
    }
    std::string inside;
    std::string key = header_key(h, inside);
    // A two-row header read from a document ("Nguồn vốn / Vốn đầu tư") has the role of its
    // lower part when the whole is not a known spelling.
    if (const auto slash = key.rfind(" / "); slash != std::string::npos && !known_role(key))
      key = key.substr(slash + 3);
    MoneyUnit u;
    if (!inside.empty() && find_unit(inside, u)) header_units[c] = u;
    const auto role = known_role(key);
    if (role) {
      roles[c] = *role;
    } else {
      if (int y = year_of(key)) roles[c] = Role{true, AmountRole::year, y, TextRole::text};
    }
  }
  std::optional<std::size_t> stt_col, name_col, agency_col, source_col, period_col, note_col;
  std::vector<std::size_t> amount_cols, text_cols;
  for (std::size_t c = 0; c < roles.size(); ++c) {
    if (roles[c].amount) {
      amount_cols.push_back(c);
      b.columns.push_back({table.header[c], roles[c].amount_role, roles[c].year});
      continue;
    }
    auto take = [&](std::optional<std::size_t>& slot) {
      if (!slot)
        slot = c;
      else
        text_cols.push_back(c);
    };
    switch (roles[c].text_role) {
      case TextRole::stt:
        take(stt_col);
        break;
      case TextRole::name:
        take(name_col);
        break;
      case TextRole::agency:
        take(agency_col);
        break;
      case TextRole::source:
        take(source_col);
        break;
      case TextRole::period:
        take(period_col);
        break;
      case TextRole::note:
        take(note_col);
        break;
      case TextRole::text:
        text_cols.push_back(c);
        break;
    }
  }
  NumberFormat format = options.format;
  if (options.detect_format && !amount_cols.empty()) {
    NumberDecision d = decide_number_format(table, amount_cols);
    format = d.format;
    b.number_note = std::move(d.note);
  }
  const Location file_loc = table.at(table.lines.empty() ? 1 : table.lines.front() - 1);
  if (amount_cols.empty())
    throw ValidationError(
        "no amount column: accepted headers are Tổng mức đầu tư, Tổng cộng, Kinh phí bố trí, "
        "Tổng, Vốn đầu tư (công), Vốn sự nghiệp, Chi thường xuyên, Vốn xã hội hóa, NSTW, NSĐP, "
        "Năm YYYY, Vốn năm YYYY (or English total, investment, ...), or map a column "
        "explicitly",
        file_loc);
  if (!name_col && !stt_col)
    throw ValidationError(
        "no name or STT column (accepted: STT, Tên nhiệm vụ, Tên dự án, "
        "Danh mục, Nội dung, name)",
        file_loc);
  for (std::size_t c : text_cols) b.text_headers.push_back(table.header[c]);

  // The unit: declared, else from the headers, else triệu đồng.
  std::optional<MoneyUnit> from_headers;
  for (std::size_t c : amount_cols)
    if (header_units[c] && !from_headers) from_headers = header_units[c];
  b.unit = declared ? *declared : from_headers.value_or(MoneyUnit::million);
  for (std::size_t c : amount_cols) {
    if (header_units[c] && *header_units[c] != b.unit) {
      Location where = file_loc;
      where.column_name = table.header[c];
      b.read_findings.push_back({{where, Severity::error, "unit",
                                  "the header says " + std::string(to_string(*header_units[c])) +
                                      " but the table's unit is " + std::string(to_string(b.unit))},
                                 "",
                                 {},
                                 {}});
    }
  }

  // Rows and hierarchy; a finding's place is its line and its column's header.
  auto cell_at = [&](std::size_t line, std::size_t column) {
    return b.place(line, table.header[column]);
  };
  std::optional<std::size_t> section, group;
  // Dotted numbering (1, 1.1, 1.1.1) nests: the open numbered groups, outermost first, so that
  // a subtotal and its items are never both counted as items.
  std::vector<std::size_t> numbered;
  const std::size_t n = table.rows();
  auto cell = [&](const std::optional<std::size_t>& c, std::size_t r) -> std::string {
    return c ? table.columns[*c][r] : std::string();
  };
  // Whether row r is the grand total, asked of each row and of the row after a dotted number:
  // computed once per row.
  std::vector<signed char> grand(n, -1);
  const auto grand_total_at = [&](std::size_t r) {
    if (grand[r] < 0)
      grand[r] = is_grand_total(std::string(text::trim(cell(stt_col, r))), cell(name_col, r));
    return grand[r] == 1;
  };
  for (std::size_t r = 0; r < n; ++r) {
    Row row;
    row.line = table.lines[r];
    row.stt = cell(stt_col, r);
    row.label = cell(name_col, r);
    row.source = cell(source_col, r);
    row.note = cell(note_col, r);
    const std::string agency = cell(agency_col, r);
    const std::string period = cell(period_col, r);
    if (!period.empty()) {
      row.period = detail::parse_period(period);
      if (!row.period)
        b.read_findings.push_back(
            {{cell_at(row.line, *period_col), Severity::warning, "not_a_period",
              "not a period; accepted: 2022 - 2024, 2023: '" + period + "'"},
             row.label,
             {},
             {}});
    }
    for (std::size_t c : text_cols) row.texts.push_back(table.columns[c][r]);
    for (std::size_t k = 0; k < amount_cols.size(); ++k) {
      const std::string& s = table.columns[amount_cols[k]][r];
      if (s.empty()) {
        row.amounts.emplace_back();
        continue;
      }
      row.amounts.push_back(detail::read_amount(
          s, b.unit, format, cell_at(row.line, amount_cols[k]), row.label, b.read_findings));
    }
    const std::string stt = std::string(text::trim(row.stt));
    const std::size_t index = b.rows.size();
    if (grand_total_at(r)) {
      row.kind = RowKind::grand_total;
      if (row.label.empty()) row.label = row.stt;  // "Tổng cộng:" written in the STT column
    } else if (is_roman(stt)) {
      row.kind = RowKind::section;
      section = index;
      group.reset();
      numbered.clear();
    } else if (is_dotted(stt)) {
      // A group if the next row numbers a row under it (1 then 1.1) or is a blank or lettered
      // item; an item otherwise.
      const std::string next = r + 1 < n ? std::string(text::trim(cell(stt_col, r + 1))) : "x";
      const bool next_is_child =
          r + 1 < n &&
          (extends(stt, next) || (!is_dotted(next) && !is_roman(next) && !grand_total_at(r + 1)));
      while (!numbered.empty() && !extends(text::trim(b.rows[numbered.back()].stt), stt))
        numbered.pop_back();
      row.kind = next_is_child ? RowKind::group : RowKind::item;
      row.parent = numbered.empty() ? section : std::optional<std::size_t>(numbered.back());
      if (row.kind == RowKind::group) {
        group = index;
        numbered.push_back(index);
      } else {
        group = numbered.empty() ? std::nullopt : std::optional<std::size_t>(numbered.back());
      }
    } else {
      row.kind = RowKind::item;
      row.parent = group ? group : section;
    }
    if (row.kind == RowKind::section)
      row.section = row.label;
    else if (section && row.kind != RowKind::grand_total)
      row.section = b.rows[*section].label;
    if (row.kind == RowKind::group)
      row.group = row.label;
    else if (group && row.kind == RowKind::item && row.parent == group)
      row.group = b.rows[*group].label;
    if (!agency.empty())
      row.agency = agency;
    else if (!row.group.empty())
      row.agency = row.group;
    else
      row.agency = row.section;
    b.rows.push_back(std::move(row));
  }
  return b;
}

std::optional<MoneyUnit> read_unit_lines(std::string_view& content, const std::string& source,
                                         std::size_t& first_line) {
  content = text::strip_bom(content);
  std::optional<MoneyUnit> declared;
  first_line = 1;
  // Lines before the header that declare the unit: "ĐVT: Triệu đồng" (possibly quoted and
  // followed by empty cells).
  while (!content.empty()) {
    std::size_t end = content.find('\n');
    std::string_view line = content.substr(0, end);
    std::string cleaned;
    for (char c : line)
      if (c != '"' && c != '\r') cleaned += c;
    while (!cleaned.empty() && (cleaned.back() == ',' || cleaned.back() == ';' ||
                                cleaned.back() == '\t' || cleaned.back() == ' '))
      cleaned.pop_back();
    const std::string key = text::label_key(cleaned);
    if (key.rfind("đvt", 0) != 0 && key.rfind("dvt", 0) != 0 && key.rfind("đơn vị tính", 0) != 0)
      break;
    try {
      declared = parse_unit(cleaned);
    } catch (const ParseError& e) {
      Location where;
      where.file = source;
      where.line = first_line;
      throw e.at(where);
    }
    content.remove_prefix(end == std::string_view::npos ? content.size() : end + 1);
    ++first_line;
  }
  return declared;
}

Budget parse_budget(std::string_view content, std::string source, const ReadOptions& options) {
  std::size_t first_line = 1;
  const std::optional<MoneyUnit> declared = read_unit_lines(content, source, first_line);
  // dxkit's own `budget --check --format csv` output: the findings it carries come back too.
  std::vector<Finding> earlier = own_output::take_findings(content, source, first_line);
  csv::Options copt;
  copt.delimiter = options.delimiter;
  copt.first_line = first_line;
  Budget b = make_budget(csv::parse(content, std::move(source), copt), options, declared);
  b.read_findings.insert(b.read_findings.begin(), std::make_move_iterator(earlier.begin()),
                         std::make_move_iterator(earlier.end()));
  return b;
}

Budget read_budget(const std::filesystem::path& path, const ReadOptions& options) {
  return parse_budget(csv::read_file(path), path.string(), options);
}

}  // namespace dxkit::budget
