#include "dxkit/text/number_style.hpp"

#include <algorithm>

#include "dxkit/error.hpp"

namespace dxkit {

NumberStyle parse_number_style(std::string_view name) {
  if (name == "vi") return NumberStyle::vietnamese;
  if (name == "en") return NumberStyle::plain;
  return number_styles.parse(name);
}

std::vector<std::string> number_style_names() {
  std::vector<std::string> out;
  for (const auto& e : number_styles.entries) out.emplace_back(e.name);
  return out;
}

std::string number_style_help() {
  std::string out = "number style:";
  for (const auto& e : number_styles.entries)
    out += std::string(out.back() == ':' ? " " : "; ") + std::string(e.name) + " (" +
           std::string(e.meaning) + ")";
  return out;
}

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// What one number written as digit groups joined by '.' and ',' says. Groups of thousands are
// 1-3 digits then exactly 3 each; a mark that cannot be grouping is the decimal mark.
std::optional<NumberFormat> format_of_number(std::string_view n) {
  std::vector<std::string_view> groups;
  std::vector<char> marks;
  std::size_t start = 0;
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (n[i] == '.' || n[i] == ',') {
      groups.push_back(n.substr(start, i - start));
      marks.push_back(n[i]);
      start = i + 1;
    }
  }
  groups.push_back(n.substr(start));
  if (marks.empty()) return std::nullopt;
  auto decimal_is = [](char mark) {
    return mark == ',' ? NumberFormat::vietnamese : NumberFormat::plain;
  };
  auto grouped = [&](std::size_t count) {  // groups[0..count] are thousands groups
    if (groups[0].empty() || groups[0].size() > 3 || (groups[0][0] == '0')) return false;
    for (std::size_t k = 1; k <= count; ++k)
      if (groups[k].size() != 3) return false;
    return true;
  };
  const char last = marks.back();
  bool mixed = false;
  for (char m : marks) mixed = mixed || m != last;
  if (mixed) {
    // "1.234,5": the last mark is the decimal, the others group thousands.
    for (std::size_t k = 0; k + 1 < marks.size(); ++k)
      if (marks[k] == last) return std::nullopt;
    if (!grouped(marks.size() - 1)) return std::nullopt;
    return decimal_is(last);
  }
  if (marks.size() >= 2) {  // "1.650.380": grouping only
    if (!grouped(marks.size())) return std::nullopt;
    return last == '.' ? NumberFormat::vietnamese : NumberFormat::plain;
  }
  // One mark: "0.9921", "99,21", "1234.5" are decimals; "75.428" could be either.
  if (groups[1].size() != 3 || groups[0] == "0" || groups[0].size() > 3 || groups[0].empty())
    return decimal_is(last);
  return std::nullopt;
}

}  // namespace

std::optional<NumberFormat> number_format_of(std::string_view cell) {
  std::optional<NumberFormat> found;
  for (std::size_t i = 0; i < cell.size();) {
    if (!digit(cell[i])) {
      ++i;
      continue;
    }
    // A number is digits joined by single marks; one glued to a letter or a '/' ("4.0G",
    // "30.6/2023", "1472/QĐ") is not a quantity and says nothing.
    const bool after_other = i > 0 && (cell[i - 1] == '/' || cell[i - 1] == '.' ||
                                       cell[i - 1] == ',' || cell[i - 1] == '-');
    std::size_t j = i;
    while (j < cell.size() && (digit(cell[j]) || ((cell[j] == '.' || cell[j] == ',') &&
                                                  j + 1 < cell.size() && digit(cell[j + 1]))))
      ++j;
    const bool glued = j < cell.size() && (cell[j] == '/' || cell[j] == '-' ||
                                           static_cast<unsigned char>(cell[j]) >= 0x80 ||
                                           (cell[j] >= 'A' && cell[j] <= 'z'));
    if (!after_other && !glued) {
      if (const auto f = format_of_number(cell.substr(i, j - i))) {
        if (found && *found != *f) return std::nullopt;  // one cell with both: it does not tell
        found = f;
      }
    }
    i = j;
  }
  return found;
}

NumberDecision decide_number_format(const csv::Table& table, std::span<const std::size_t> columns) {
  struct Seen {
    std::size_t row = 0, column = 0;
  };
  std::optional<Seen> first[2];
  for (std::size_t r = 0; r < table.rows(); ++r) {
    for (std::size_t c : columns) {
      const std::string& cell = table.columns[c][r];
      const auto f = number_format_of(cell);
      if (!f) continue;
      const int k = static_cast<int>(*f);
      if (!first[k]) first[k] = Seen{r, c};
      if (first[1 - k]) {
        const Seen& s = *first[1 - k];
        const std::string& other = table.columns[s.column][s.row];
        throw ParseError(
            "the file mixes number styles: '" + other + "' (line " +
                std::to_string(table.lines[s.row]) + ", column '" + table.header[s.column] +
                "') is " + std::string(number_styles.name(static_cast<NumberStyle>(1 - k))) +
                " and this cell is " +
                std::string(number_styles.name(static_cast<NumberStyle>(k))) +
                "; choose one with --numbers vietnamese or --numbers plain (numbers= in Python)",
            cell, table.where(r, c));
      }
    }
  }
  NumberDecision d;
  for (int k = 0; k < 2; ++k) {
    if (!first[k]) continue;
    const Seen& s = *first[k];
    d.format = static_cast<NumberFormat>(k);
    d.note = "numbers read as " + std::string(number_styles.name(static_cast<NumberStyle>(k))) +
             " (--numbers auto): '" + table.columns[s.column][s.row] + "' (line " +
             std::to_string(table.lines[s.row]) + ", column '" + table.header[s.column] +
             "') has '" + (k == 0 ? "," : ".") + "' as its decimal mark or '" +
             (k == 0 ? "." : ",") + "' grouping thousands";
    return d;
  }
  d.note =
      "numbers read as vietnamese (--numbers auto): no number in the file tells the styles apart "
      "(like 75.428 or 12), so the documents' style is assumed";
  return d;
}

NumberDecision resolve_number_style(NumberStyle style, const csv::Table& table,
                                    std::span<const std::size_t> columns) {
  if (style == NumberStyle::automatic) return decide_number_format(table, columns);
  NumberDecision d;
  d.format = style == NumberStyle::plain ? NumberFormat::plain : NumberFormat::vietnamese;
  return d;
}

NumberDecision resolve_number_style(NumberStyle style, const csv::Table& table,
                                    std::initializer_list<std::string_view> skip) {
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < table.header.size(); ++c)
    if (std::find(skip.begin(), skip.end(), std::string_view(table.header[c])) == skip.end())
      columns.push_back(c);
  return resolve_number_style(style, table, columns);
}

}  // namespace dxkit
