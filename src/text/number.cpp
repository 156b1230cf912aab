#include "dxkit/text/number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "dxkit/error.hpp"
#include "dxkit/text/detail/lexer.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit {

namespace {
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
                             1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string accepted(NumberFormat format) {
  return format == NumberFormat::vietnamese
             ? "in the Vietnamese format '.' separates thousands in groups of three and ',' is "
               "the decimal mark (75.428, 1.650.380, 99,21)"
             : "in the plain format ',' separates thousands in groups of three and '.' is the "
               "decimal mark (75,428, 1,650,380, 99.21)";
}
}  // namespace

double Decimal::to_double() const noexcept {
  if (scale >= 0 && scale <= 18) return static_cast<double>(units) / kPow10[scale];
  return static_cast<double>(units) * std::pow(10.0, -scale);
}

// An .xlsx formula stored without its value is read as its text (document/xlsx.cpp):
// "=SUM(C2:C3)", "=B5/B6", "=(shared formula)". A '=' before a value is no formula: "= 80%"
// is a target dxkit reads; a formula names a cell (a letter then a digit) or a function '('.
void refuse_formula(std::string_view text) {
  const std::string_view s = text::trim(text);
  if (s.empty() || s.front() != '=') return;
  bool formula = s.find('(') != std::string_view::npos;
  for (std::size_t i = 1; !formula && i + 1 < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i] | 0x20);
    formula = c >= 'a' && c <= 'z' && is_digit(s[i + 1]);
  }
  if (formula)
    throw ParseError(
        "a formula whose value the file does not store (a program that does not calculate "
        "wrote it): open and save the file in Excel or LibreOffice, which calculates it",
        std::string(text));
}

Decimal parse_decimal(std::string_view original, NumberFormat format) {
  std::string_view s = text::trim(original);
  const std::string shown(original);
  if (s.empty()) throw ParseError("empty number; " + accepted(format), shown);
  refuse_formula(original);
  const char group = format == NumberFormat::vietnamese ? '.' : ',';
  const char point = format == NumberFormat::vietnamese ? ',' : '.';

  bool negative = false;
  if (s.front() == '-' || s.front() == '+') {
    negative = s.front() == '-';
    s.remove_prefix(1);
  } else if (s.starts_with("\xE2\x88\x92")) {  // U+2212 minus sign
    negative = true;
    s.remove_prefix(3);
  }
  if (s.empty() || !is_digit(s.front()))
    throw ParseError("not a number; " + accepted(format), shown);

  std::int64_t units = 0;
  std::int32_t scale = 0;
  auto push = [&](char c) {
    if (__builtin_mul_overflow(units, 10, &units) || __builtin_add_overflow(units, c - '0', &units))
      throw ParseError("number too large to hold exactly (more than 18 digits)", shown);
  };

  std::size_t i = 0;
  std::size_t group_len = 0;
  bool grouped = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (is_digit(c)) {
      push(c);
      ++group_len;
    } else if (c == group) {
      // A first group is never empty: the number starts with a digit (checked above).
      if ((grouped && group_len != 3) || (!grouped && group_len > 3)) break;  // reported below
      grouped = true;
      group_len = 0;
    } else {
      break;
    }
  }
  bool bad_grouping = i < s.size() && s[i] == group;
  if (grouped && group_len != 3) bad_grouping = true;
  if (bad_grouping) {
    std::string hint;
    if (format == NumberFormat::vietnamese)
      hint = "; for a decimal write ',' (12,5), or read the file with the plain number format";
    else
      hint = "; for a decimal write '.' (12.5), or read the file with the Vietnamese number format";
    throw ParseError(std::string("'") + group + "' must separate groups of exactly three digits; " +
                         accepted(format) + hint,
                     shown);
  }
  if (i < s.size() && s[i] == point) {
    ++i;
    if (i == s.size() || !is_digit(s[i]))
      throw ParseError("no digits after the decimal mark; " + accepted(format), shown);
    for (; i < s.size() && is_digit(s[i]); ++i) {
      push(s[i]);
      ++scale;
    }
    if (i < s.size() && (s[i] == point || s[i] == group))
      throw ParseError(
          "more than one decimal mark, or a thousands mark after it; " + accepted(format), shown);
  }
  if (i != s.size()) throw ParseError("not a number; " + accepted(format), shown);
  return {negative ? -units : units, scale};
}

double parse_number(std::string_view text, NumberFormat format) {
  return parse_decimal(text, format).to_double();
}

Quantity parse_quantity(std::string_view original, NumberFormat format) {
  const std::string normal = text::nfc(text::trim(original));
  std::string_view s = normal;
  std::size_t end = 0;
  while (end < s.size() && !detail::is_space_byte(s[end]) && s[end] != '%') ++end;
  Quantity q;
  q.value = parse_number(s.substr(0, end), format);
  s.remove_prefix(end);
  s = text::trim(s);
  if (!s.empty() && s.front() == '%') {
    q.percent = true;
    s.remove_prefix(1);
    s = text::trim(s);
  }
  q.unit = std::string(s);
  return q;
}

std::string format_number(double value, int decimals, NumberFormat format) {
  if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : (std::signbit(value) ? "-∞" : "∞");
  const char group = format == NumberFormat::vietnamese ? '.' : ',';
  const char point = format == NumberFormat::vietnamese ? ',' : '.';
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", std::max(decimals, 0), std::fabs(value));
  std::string digits(buf);
  std::string frac;
  if (auto dot = digits.find('.'); dot != std::string::npos) {
    frac = digits.substr(dot + 1);
    digits.resize(dot);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  }
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t k = 0; k < n; ++k) {
    out += digits[k];
    const std::size_t left = n - k - 1;  // digits still to come
    if (left % 3 == 0 && left != 0) out += group;
  }
  if (!frac.empty()) out += point + frac;
  bool zero = out.find_first_not_of("0.,") == std::string::npos;
  return (std::signbit(value) && !zero ? "-" : "") + out;
}

}  // namespace dxkit
