#include "dxkit/targets/detail/exact.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "dxkit/error.hpp"

namespace dxkit::detail {

namespace {

[[noreturn]] void too_large() {
  throw ValidationError(
      "the numbers are too large to compare exactly (more than 38 digits in a cross product); "
      "write them with fewer digits");
}

Int128 checked_mul(Int128 a, Int128 b) {
  Int128 out;
  if (__builtin_mul_overflow(a, b, &out)) too_large();
  return out;
}

Int128 gcd(Int128 a, Int128 b) noexcept {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    const Int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

Rational reduced(Int128 num, Int128 den) {
  if (den == 0) throw ValidationError("division by zero in an exact comparison");
  if (den < 0) {
    num = checked_mul(num, -1);
    den = checked_mul(den, -1);
  }
  const Int128 g = gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  return {num, den};
}

}  // namespace

Rational exact(double value) {
  if (!std::isfinite(value)) throw ValidationError("a number to compare is not finite");
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  // d.dddde[+-]xx: the digits without the point, and the exponent.
  const std::string s(buf, res.ptr);
  const std::size_t e = s.find('e');
  Int128 digits = 0;
  int decimals = 0;
  bool negative = false;
  bool after_point = false;
  for (std::size_t i = 0; i < e; ++i) {
    const char c = s[i];
    if (c == '-') {
      negative = true;
    } else if (c == '.') {
      after_point = true;
    } else {
      digits = digits * 10 + (c - '0');
      if (after_point) ++decimals;
    }
  }
  const int exponent = std::stoi(s.substr(e + 1)) - decimals;
  Int128 num = negative ? -digits : digits;
  Int128 den = 1;
  for (int i = 0; i < exponent; ++i) num = checked_mul(num, 10);
  for (int i = 0; i > exponent; --i) den = checked_mul(den, 10);
  return reduced(num, den);
}

Rational times(const Rational& a, const Rational& b) {
  // Cross-reduce first so products stay as small as they can.
  const Int128 g1 = gcd(a.num, b.den);
  const Int128 g2 = gcd(b.num, a.den);
  const Int128 n1 = g1 > 1 ? a.num / g1 : a.num;
  const Int128 d2 = g1 > 1 ? b.den / g1 : b.den;
  const Int128 n2 = g2 > 1 ? b.num / g2 : b.num;
  const Int128 d1 = g2 > 1 ? a.den / g2 : a.den;
  return reduced(checked_mul(n1, n2), checked_mul(d1, d2));
}

Rational divided(const Rational& a, const Rational& b) {
  if (b.num == 0) throw ValidationError("division by zero in an exact comparison");
  return times(a,
               Rational{b.den, b.num}.den < 0 ? Rational{-b.den, -b.num} : Rational{b.den, b.num});
}

std::strong_ordering compare(const Rational& a, const Rational& b) {
  const Int128 left = checked_mul(a.num, b.den);
  const Int128 right = checked_mul(b.num, a.den);
  return left <=> right;
}

std::optional<std::strong_ordering> compare_if_fits(const Rational& a, const Rational& b) noexcept {
  Int128 left;
  Int128 right;
  if (__builtin_mul_overflow(a.num, b.den, &left) || __builtin_mul_overflow(b.num, a.den, &right))
    return std::nullopt;
  return left <=> right;
}

double to_double(const Rational& r) noexcept {
  return static_cast<double>(r.num) / static_cast<double>(r.den);
}

}  // namespace dxkit::detail
