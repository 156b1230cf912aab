#pragma once
// Pieces shared by the plan sources. Internal to the library.
#include <cstddef>
#include <string>
#include <string_view>

#include "dxkit/text/csv.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::plan_detail {

// Folded, single-spaced, without a closing full stop or semicolon.
inline std::string normal(std::string_view text) {
  const std::string f = text::fold(text);
  std::string out;
  for (char c : f) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.' || out.back() == ';'))
    out.pop_back();
  return out;
}

/// True for an ASCII digit.
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// End of the run of ASCII digits from `p`.
inline std::size_t digit_run(std::string_view s, std::size_t p) {
  while (p < s.size() && is_digit(s[p])) ++p;
  return p;
}

/// The cell of data row `r` in column `c`, trimmed.
inline std::string cell(const csv::Table& t, std::size_t c, std::size_t r) {
  return std::string(text::trim(t.columns[c][r]));
}

}  // namespace dxkit::plan_detail

namespace dxkit::plan_detail {
/// `s` (normalised by normal()) with "30-6-2023", "30.6.2023" and "30 tháng 6 năm 2023"
/// rewritten as "30/6/2023" (date_forms.cpp); everything else as it is.
std::string slashed_dates(std::string_view s);
}  // namespace dxkit::plan_detail
