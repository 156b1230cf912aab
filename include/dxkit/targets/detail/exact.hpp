#pragma once
// Exact rationals for the verdict path. A number read from a plan ("99,21", "58", "0,9921") is a
// decimal; the parsers keep it as the nearest double, and every decimal of at most 15
// significant digits is recovered exactly from that double by its shortest round-trip spelling
// (std::to_chars). Comparing those decimals, and fractions of them, in 128-bit integers makes
// "58/100 against >= 58%" and "99,21% against 99,2%" exact, where a float comparison is not.
#include <compare>
#include <optional>

namespace dxkit::detail {

__extension__ typedef __int128 Int128;

/// num / den with den > 0, reduced.
struct Rational {
  Int128 num = 0;
  Int128 den = 1;
};

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
/// compare() without throwing: nullopt when the cross product does not fit 128 bits.
[[nodiscard]] std::optional<std::strong_ordering> compare_if_fits(const Rational& a,
                                                                  const Rational& b) noexcept;
[[nodiscard]] double to_double(const Rational& r) noexcept;

}  // namespace dxkit::detail
