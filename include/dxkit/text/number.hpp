#pragma once
/// Numbers as Vietnamese documents write them: "75.428" is seventy-five thousand four hundred
/// and twenty-eight, "99,21" is ninety-nine point two one. The plain (English) format swaps
/// the two marks for data that comes from software rather than from documents.
#include <cstdint>
#include <string>
#include <string_view>

#include "dxkit/export.hpp"

namespace dxkit {

enum class NumberFormat : std::uint8_t {
  vietnamese,  ///< "." groups thousands in threes, "," is the decimal mark: 1.650.380 / 99,21
  plain,       ///< "," groups thousands in threes, "." is the decimal mark: 1,650,380 / 99.21
};

/// An exact decimal: `units` / 10^`scale`. Money and counts stay exact in it; scores convert
/// with to_double().
struct DXKIT_API Decimal {
  std::int64_t units = 0;
  std::int32_t scale = 0;

  [[nodiscard]] double to_double() const noexcept;
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

/// Parses one number ("75.428", "0,5", "01", "-3", "1.650.380"). Throws ParseError that says
/// why and what would be accepted: "12.5" in the Vietnamese format, "abc", two decimal marks,
/// more than 18 significant digits.
[[nodiscard]] DXKIT_API Decimal parse_decimal(std::string_view text,
                                              NumberFormat format = NumberFormat::vietnamese);

/// Throws the ParseError of a cell that holds a formula without its value ("=SUM(C2:C3)",
/// "=B5/B6": an .xlsx written by a program that does not calculate) when `text` is one (a '='
/// then a cell reference or a '('; "= 80%" is none); every reader of a number, a result or a
/// target refuses such a cell this way.
DXKIT_API void refuse_formula(std::string_view text);

/// parse_decimal(text, format).to_double().
[[nodiscard]] DXKIT_API double parse_number(std::string_view text,
                                            NumberFormat format = NumberFormat::vietnamese);

/// A number with an optional percent sign and the unit word written after it:
/// "99,21%" -> {99.21, percent}, "320 người" -> {320, "người"}, "1 cuộc" -> {1, "cuộc"}.
struct DXKIT_API Quantity {
  double value = 0;
  bool percent = false;
  std::string unit;  ///< NFC, as written ("" when none)
};

/// Parses a Quantity; throws ParseError on anything else ("abc%": "'abc' is not a number").
[[nodiscard]] DXKIT_API Quantity parse_quantity(std::string_view text,
                                                NumberFormat format = NumberFormat::vietnamese);

/// The canonical Vietnamese spelling of `value` with up to `decimals` decimals and no
/// trailing zeros: 75428 -> "75.428", 99.21 -> "99,21".
[[nodiscard]] DXKIT_API std::string format_number(double value, int decimals = 2,
                                                  NumberFormat format = NumberFormat::vietnamese);

}  // namespace dxkit
