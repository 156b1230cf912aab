#pragma once
// Exact rationals for the verdict path. A number read from a plan ("99,21", "58", "0,9921") is a
// decimal; the parsers keep it as the nearest double, and every decimal of at most 15
// significant digits is recovered exactly from that double by its shortest round-trip spelling
// (std::to_chars). Comparing those decimals, and fractions of them, in 128-bit integers makes
// "58/100 against >= 58%" and "99,21% against 99,2%" exact, where a float comparison is not.
#include <compare>
#include <cstdint>
#include <limits>
#include <optional>

namespace dxkit::detail {

__extension__ typedef __int128 Int128;

/// num / den with den > 0, reduced.
struct Rational {
  Int128 num = 0;
  Int128 den = 1;
};

/// A decimal of at most eight places below 10^15 in magnitude, read from a double once (when a
/// target or a result is parsed) so that scoring it does not read it again: digits / 10^places
/// is exact(value) before reduction. places -1: nothing read, or the double is not such a
/// decimal (exact() reads it then).
struct Decimal {
  // Bit fields, so that a decimal is 16 bytes and a target or result part 120: a part vector
  // of one then stays in the allocator's small, fast bins (glibc's fastbins end at 120 bytes;
  // at 136 freeing a million-row table cost a quarter more). decimal_of's digits are below
  // 10^15 < 2^50 in magnitude, and places is -1..8.
  std::int64_t digits : 59 = 0;
  std::int64_t places : 5 = -1;
  /// The double it was read from, set by decimal_of only, with places in 0..8 (NaN when
  /// nothing was read, so that it reads no number): the one double that digits / 10^places
  /// reads as, kept so that reads() is one comparison, not a division.
  double from = std::numeric_limits<double>::quiet_NaN();

  /// Whether this was read from `value`. A number changed since it was read (a part built by
  /// hand, a bound combined from others) is not: only one double reads back from
  /// digits / 10^places, and it is the one it was read from (see decimal_of).
  [[nodiscard]] bool reads(double value) const noexcept { return from == value; }
  /// 10^places (1 to 10^8); only for a Decimal with places in 0..8.
  [[nodiscard]] std::int64_t scale() const noexcept { return kScales[places]; }

  static constexpr double kTens[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  static constexpr std::int64_t kScales[] = {1,      10,      100,      1000,     10000,
                                             100000, 1000000, 10000000, 100000000};
};

/// The shortest decimal spelling of `value` when it has at most eight places and is below
/// 10^15 in magnitude (the numbers documents write), else places -1; never throws.
[[nodiscard]] Decimal decimal_of(double value) noexcept;

/// The decimal a finite double was read from (its shortest round-trip spelling) as a rational.
/// Throws ValidationError for NaN or infinity.
[[nodiscard]] Rational exact(double value);
/// exact() read from std::to_chars's spelling in every case (exact() does so only for values
/// that are not a decimal of at most eight places below 10^15); for tests.
[[nodiscard]] Rational exact_by_chars(double value);
/// a x b, a / b (b != 0), checked: ValidationError "the numbers are too large to compare
/// exactly ..." on 128-bit overflow, never a wrong result.
[[nodiscard]] Rational times(const Rational& a, const Rational& b);
[[nodiscard]] Rational divided(const Rational& a, const Rational& b);
/// a <=> b by cross multiplication, checked like times().
[[nodiscard]] std::strong_ordering compare(const Rational& a, const Rational& b);
/// a <=> b when every term is below 2^63 in magnitude, so that neither cross product can
/// overflow 128 bits (the usual case, no overflow check), else nullopt.
[[nodiscard]] inline std::optional<std::strong_ordering> compare_small(const Rational& a,
                                                                       const Rational& b) noexcept {
  const auto fits = [](Int128 x) { return x == static_cast<std::int64_t>(x); };
  if (!(fits(a.num) && fits(a.den) && fits(b.num) && fits(b.den))) return std::nullopt;
  return Int128{static_cast<std::int64_t>(a.num)} * static_cast<std::int64_t>(b.den) <=>
         Int128{static_cast<std::int64_t>(b.num)} * static_cast<std::int64_t>(a.den);
}
/// compare() without throwing: nullopt when the cross product does not fit 128 bits.
[[nodiscard]] std::optional<std::strong_ordering> compare_if_fits(const Rational& a,
                                                                  const Rational& b) noexcept;
[[nodiscard]] double to_double(const Rational& r) noexcept;
/// r in lowest terms (r.den > 0).
[[nodiscard]] Rational lowest_terms(const Rational& r) noexcept;

}  // namespace dxkit::detail
