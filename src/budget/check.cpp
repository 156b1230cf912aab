// The checks a person does by hand on a budget appendix: do rows add up across their source
// columns, do printed subtotals and the grand total match their rows, are some rows an "of
// which" breakdown of the row above that got summed twice, duplicates, and the numbering.
#include "dxkit/budget/check.hpp"

#include <algorithm>
#include <charconv>

#include "dxkit/error.hpp"
#include "dxkit/targets/detail/expression.hpp"

namespace dxkit::budget {

namespace {

// Exact, in the table's unit: 75428000000 đồng -> "75.428".
std::string shown(Money m, MoneyUnit unit) { return format_money(m, unit, -1); }

bool is_source(AmountRole r) {
  return r == AmountRole::investment || r == AmountRole::recurrent || r == AmountRole::socialized;
}
bool is_budget_level(AmountRole r) { return r == AmountRole::central || r == AmountRole::local; }

std::string roman(int v) {
  static const std::pair<int, const char*> kDigits[] = {{100, "C"}, {90, "XC"}, {50, "L"},
                                                        {40, "XL"}, {10, "X"},  {9, "IX"},
                                                        {5, "V"},   {4, "IV"},  {1, "I"}};
  std::string out;
  for (const auto& [n, d] : kDigits)
    while (v >= n) {
      out += d;
      v -= n;
    }
  return out;
}

int roman_value(const std::string& s) {
  int total = 0, prev = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = *it == 'I' ? 1 : *it == 'V' ? 5 : *it == 'X' ? 10 : *it == 'L' ? 50 : 100;
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return total;
}

}  // namespace

std::vector<Finding> check(const Budget& budget) { return budget.check(); }

Location Budget::place(std::size_t line, std::string column) const {
  Location where = origin;
  if (where.file.empty()) where.file = source;
  where.line = line;
  // A CSV file's finding names the column by its header only, as it always has; a document's
  // names the cell too.
  if (const auto it = document_columns.find(column); it != document_columns.end())
    where.column = it->second;
  where.column_name = std::move(column);
  return where;
}

std::vector<Finding> Budget::check() const {
  std::vector<Finding> out = read_findings;
  const std::size_t nc = columns.size();
  auto finding = [&](FindingCode code, Severity severity, const Row& r, std::string column,
                     std::optional<Money> reported, std::optional<Money> computed,
                     std::string message) {
    Location where = place(r.line, std::move(column));
    out.push_back(
        {{std::move(where), severity, std::string(finding_codes.name(code)), std::move(message)},
         r.label,
         reported,
         computed});
  };

  // row_sum: a total against its source columns (investment + recurrent + socialized) and,
  // separately, against central + local.
  std::optional<std::size_t> total_col;
  for (std::size_t c = 0; c < nc; ++c)
    if (columns[c].role == AmountRole::total && !total_col) total_col = c;
  if (total_col) {
    for (const Row& r : rows) {
      if (!r.amounts[*total_col]) continue;
      for (auto pick : {is_source, is_budget_level}) {
        Money sum;
        bool any = false;
        std::string names;
        for (std::size_t c = 0; c < nc; ++c) {
          if (!pick(columns[c].role) || !r.amounts[c]) continue;
          sum = add(sum, *r.amounts[c]);
          any = true;
          names += (names.empty() ? "" : " + ") + columns[c].header;
        }
        if (any && sum != *r.amounts[*total_col])
          finding(FindingCode::row_sum, Severity::error, r, columns[*total_col].header,
                  r.amounts[*total_col], sum,
                  columns[*total_col].header + " " + shown(*r.amounts[*total_col], unit) +
                      " is not " + names + " = " + shown(sum, unit));
      }
    }
  }

  // subtotal / grand_total: a printed amount against the sum of the items below it.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    if (r.kind == RowKind::item) continue;
    for (std::size_t c = 0; c < nc; ++c) {
      if (!r.amounts[c]) continue;
      Money sum;
      for (std::size_t j = 0; j < rows.size(); ++j) {
        const Row& item = rows[j];
        if (item.kind != RowKind::item || !item.amounts[c]) continue;
        bool inside = r.kind == RowKind::grand_total;
        for (auto p = item.parent; p && !inside; p = rows[*p].parent) inside = *p == i;
        if (inside) sum = add(sum, *item.amounts[c]);
      }
      if (sum != *r.amounts[c]) {
        const bool grand = r.kind == RowKind::grand_total;
        finding(grand ? FindingCode::grand_total : FindingCode::subtotal, Severity::error, r,
                columns[c].header, r.amounts[c], sum,
                std::string(grand ? "the grand total" : "the subtotal") + " of " +
                    columns[c].header + " is printed as " + shown(*r.amounts[c], unit) +
                    " but its rows add up to " + shown(sum, unit));
      }
    }
  }

  // possible_breakdown: consecutive items right under an item that add up to it exactly.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& head = rows[i];
    if (head.kind != RowKind::item) continue;
    auto v = value(head);
    if (!v || v->dong == 0) continue;
    Money sum;
    std::size_t k = i + 1;
    for (; k < rows.size() && k - i <= 12; ++k) {
      const Row& next = rows[k];
      if (next.kind != RowKind::item || next.parent != head.parent) break;
      auto nv = value(next);
      if (!nv) break;
      sum = add(sum, *nv);
      if (sum >= *v) break;
    }
    // sum == v only when the loop stopped at `sum >= *v` on rows[k] (any other exit leaves a
    // sum below v, or 0, which v is not): rows[k] is then an item under the same parent.
    if (k - i >= 2 && sum == *v) {
      std::string lines;
      for (std::size_t j = i + 1; j <= k; ++j)
        lines += (lines.empty() ? "" : ", ") + std::to_string(rows[j].line);
      finding(FindingCode::possible_breakdown, Severity::warning, head, "", v, sum,
              "the " + std::to_string(k - i) + " rows below it (lines " + lines +
                  ") add up exactly to this row's " + shown(*v, unit) +
                  ": if they are an \"of which\" breakdown, the amount is counted twice");
    }
  }

  // duplicate: the same label and amounts twice under one parent.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].kind != RowKind::item || rows[i].label.empty()) continue;
    for (std::size_t j = i + 1; j < rows.size(); ++j) {
      if (rows[j].kind != RowKind::item || rows[j].parent != rows[i].parent) continue;
      if (detail::label_key(rows[j].label) == detail::label_key(rows[i].label) &&
          rows[j].amounts == rows[i].amounts) {
        finding(FindingCode::duplicate, Severity::warning, rows[j], "", value(rows[j]), {},
                "the same label and amounts as line " + std::to_string(rows[i].line));
        break;
      }
    }
  }

  // numbering: Roman sections I, II, III ... and Arabic rows 1, 2, 3 ... under each parent.
  int expected_section = 1;
  std::map<std::optional<std::size_t>, int> expected_arabic;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    std::string stt = r.stt;
    if (!stt.empty() && stt.back() == '.') stt.pop_back();
    if (r.kind == RowKind::section) {
      int v = roman_value(stt);
      if (v != expected_section)
        finding(
            FindingCode::numbering, Severity::warning, r, "STT", {}, {},
            "section " + stt + " comes where section " + roman(expected_section) + " was expected");
      expected_section = v + 1;
    } else if ((r.kind == RowKind::group || r.kind == RowKind::item) && !stt.empty() &&
               std::all_of(stt.begin(), stt.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      int& e = expected_arabic.try_emplace(r.parent, 1).first->second;
      int v = 0;
      // All digits: from_chars reads them all, or fails only when they exceed an int.
      if (std::from_chars(stt.data(), stt.data() + stt.size(), v).ec != std::errc()) {
        finding(FindingCode::numbering, Severity::warning, r, "STT", {}, {},
                "number " + stt + " is out of range");
        continue;
      }
      if (v != e)
        finding(FindingCode::numbering, Severity::warning, r, "STT", {}, {},
                "number " + stt + " comes where " + std::to_string(e) + " was expected");
      e = v + 1;
    }
  }
  return out;
}

}  // namespace dxkit::budget
