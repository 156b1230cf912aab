#include "dxkit/targets/detail/exact.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
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
    if (a <= std::numeric_limits<std::uint64_t>::max() &&
        b <= std::numeric_limits<std::uint64_t>::max()) {
      // The usual case (decimals of a few digits): 64-bit remainders, not __int128 ones.
      auto x = static_cast<std::uint64_t>(a);
      auto y = static_cast<std::uint64_t>(b);
      while (y != 0) {
        const std::uint64_t t = x % y;
        x = y;
        y = t;
      }
      return x;
    }
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

// The decimals documents write (a few digits, at most eight after the point) without
// std::to_chars: the first k (0, 1, ..., 8) for which m = round(value x 10^k) gives back value
// as m / 10^k. With |m| < 10^15 the doubles near value are closer than 10^-k, so m / 10^k is
// the only decimal of k places that reads as value, none of fewer places does (k is the
// first), and any other decimal that reads as value has more significant digits: it is the
// shortest round-trip spelling, the one exact_by_chars reads. places -1: ask exact_by_chars.
// m / 10^k is one double, value, kept beside the digits: Decimal::reads(x) holds for x == value
// only. The rounding to an integer is done by adding and taking away 1.5 x 2^52 (exact for
// |scaled| < 2^51, ties to even as nearbyint in the default rounding mode), not by a call.
Decimal decimal_of(double value) noexcept {
  constexpr const double* kPowers = Decimal::kTens;
  constexpr double kRound = 6755399441055744.0;  // 1.5 x 2^52
  for (int k = 0; k <= 8; ++k) {
    const double scaled = value * kPowers[k];
    if (!(std::fabs(scaled) < 1e15)) return {};
    const double m = (scaled + kRound) - kRound;
    if (m / kPowers[k] == value) return {static_cast<std::int64_t>(m), k, value};
  }
  return {};
}

Rational exact(double value) {
  if (!std::isfinite(value)) throw ValidationError("a number to compare is not finite");
  if (const Decimal d = decimal_of(value); d.places >= 0) return reduced(d.digits, d.scale());
  return exact_by_chars(value);
}

Rational exact_by_chars(double value) {
  if (!std::isfinite(value)) throw ValidationError("a number to compare is not finite");
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  // d.dddde[+-]xx: the digits without the point, and the exponent (read in place: no string).
  const char* const e = std::find(buf, res.ptr, 'e');
  Int128 digits = 0;
  int decimals = 0;
  bool negative = false;
  bool after_point = false;
  for (const char* q = buf; q != e; ++q) {
    const char c = *q;
    if (c == '-') {
      negative = true;
    } else if (c == '.') {
      after_point = true;
    } else {
      digits = digits * 10 + (c - '0');
      if (after_point) ++decimals;
    }
  }
  int written_exponent = 0;
  const char* from = e == res.ptr ? e : e + 1;
  if (from != res.ptr && *from == '+') ++from;
  (void)std::from_chars(from, res.ptr, written_exponent);
  const int exponent = written_exponent - decimals;
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
  if (const auto c = compare_small(a, b)) return *c;
  const Int128 left = checked_mul(a.num, b.den);
  const Int128 right = checked_mul(b.num, a.den);
  return left <=> right;
}

std::optional<std::strong_ordering> compare_if_fits(const Rational& a, const Rational& b) noexcept {
  if (const auto c = compare_small(a, b)) return c;
  Int128 left;
  Int128 right;
  if (__builtin_mul_overflow(a.num, b.den, &left) || __builtin_mul_overflow(b.num, a.den, &right))
    return std::nullopt;
  return left <=> right;
}

Rational lowest_terms(const Rational& r) noexcept {
  const Int128 g = gcd(r.num, r.den);
  return g > 1 ? Rational{r.num / g, r.den / g} : r;
}

double to_double(const Rational& r) noexcept {
  return static_cast<double>(r.num) / static_cast<double>(r.den);
}

}  // namespace dxkit::detail
