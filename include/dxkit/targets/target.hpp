#pragma once
/// Targets (chỉ tiêu, mục tiêu) as plans write them: "97% trở lên", "trên 75%", "6 - 8%",
/// "tối đa 5 ngày", "Hoàn thành", "tỉnh: 90%; huyện: 80%; xã: 60%", or a whole sentence from
/// a document with exactly one percentage in it. See docs/targets.md for the grammar.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/targets/detail/exact.hpp"
#include "dxkit/text/number.hpp"

namespace dxkit {

/// Which way is better for an indicator.
enum class Direction : std::uint8_t { higher_is_better, lower_is_better };

/// What a target (or one part of a compound target) asks for.
enum class Condition : std::uint8_t {
  at_least,  ///< value >= bound           ("X", "đạt X", "X trở lên", "tối thiểu X", ">= X")
  more_than,  ///< value > bound            ("trên X", "hơn X", "> X")
  at_most,    ///< value <= bound, lower is better ("tối đa X", "không quá X", "<= X")
  less_than,  ///< value < bound, lower is better  ("dưới X", "< X")
  within,     ///< low <= value <= high, higher is better ("X - Y", "từ X đến Y")
  milestone,  ///< done or not ("Hoàn thành", or a text with no number)
};

[[nodiscard]] DXKIT_API std::string_view to_string(Condition c) noexcept;
[[nodiscard]] DXKIT_API std::string_view to_string(Direction d) noexcept;
/// "higher", "lower" (and "cao", "thấp", "tăng", "giảm", "+", "-"); throws ParseError otherwise.
[[nodiscard]] DXKIT_API Direction parse_direction(std::string_view text);

/// One condition. Bounds are in the unit of the indicator; `percent` says they were written
/// with '%' (so 80% is stored as 80, not 0.8).
struct DXKIT_API TargetPart {
  std::string label;  ///< "tỉnh" in a compound, else empty
  Condition condition = Condition::milestone;
  bool percent = false;
  double low = 0;    ///< the bound; the lower end of a range
  double high = 0;   ///< the upper end of a range (== low otherwise)
  std::string unit;  ///< the unit word written after the number ("người"), NFC
  /// low and high as the decimals written, read once by parse_target for scoring; a bound
  /// changed since (Decimal::reads is false) is read again when scored.
  detail::Decimal exact_low;
  detail::Decimal exact_high;

  [[nodiscard]] Direction direction() const noexcept;
  /// "≥ 80%", "> 75%", "6–8%", "≤ 5 ngày", "hoàn thành"
  [[nodiscard]] std::string describe() const;
};

/// A target: one part, or several that must all be met (a compound).
struct DXKIT_API Target {
  std::string text;  ///< as written, NFC
  std::vector<TargetPart> parts;

  [[nodiscard]] bool is_compound() const noexcept { return parts.size() > 1; }
  [[nodiscard]] bool is_milestone() const noexcept;
  /// The parts' descriptions joined by "; " with their labels.
  [[nodiscard]] std::string describe() const;
};

struct DXKIT_API TargetOptions {
  NumberFormat format = NumberFormat::vietnamese;
  /// Direction of the indicator, if known: a bare "X" then means "at most X" when lower is
  /// better. A comparator word that contradicts it is an error.
  std::optional<Direction> direction;
};

/// Parses a target expression or a document sentence. Throws ParseError (with the column in
/// the text) for an empty text, an unknown comparator word, a malformed number, or a sentence
/// with more than one candidate number (the message lists them).
[[nodiscard]] DXKIT_API Target parse_target(std::string_view text,
                                            const TargetOptions& options = {});

}  // namespace dxkit
