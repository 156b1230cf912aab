#pragma once
/// Results (kết quả thực hiện) as plans report them: "99,21%", "Trên 85%", "ước đạt 5%",
/// "60/90", "Hoàn thành", "tỉnh: 92%; huyện: 81%", or empty for no data.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/targets/detail/exact.hpp"
#include "dxkit/text/number.hpp"

namespace dxkit {

enum class ResultKind : std::uint8_t {
  value,     ///< exactly `value`
  above,     ///< known to be above `value` ("trên 95%")
  below,     ///< known to be below `value` ("dưới 5%")
  fraction,  ///< `value` / `denominator` ("60/90"); x 100 against a percentage target
  done,      ///< a milestone reached ("Hoàn thành")
  not_done,  ///< a milestone not reached ("Chưa hoàn thành")
};

[[nodiscard]] DXKIT_API std::string_view to_string(ResultKind k) noexcept;

struct DXKIT_API ResultPart {
  std::string label;  ///< "tỉnh" in a compound result, else empty
  ResultKind kind = ResultKind::value;
  bool percent = false;    ///< written with '%'
  bool estimate = false;   ///< "ước đạt", "khoảng", "dự kiến"
  double value = 0;        ///< the number, or the fraction's numerator
  double denominator = 1;  ///< for fractions
  std::string unit;        ///< "người", "cuộc"
  /// value and denominator as the decimals written, read once by parse_result for scoring; a
  /// number changed since (Decimal::reads is false) is read again when scored.
  detail::Decimal exact_value;
  detail::Decimal exact_denominator;

  /// "99,21%", "> 85%", "≈ 5%", "60/90", "hoàn thành"
  [[nodiscard]] std::string describe() const;
};

struct DXKIT_API Result {
  std::string text;               ///< as written, NFC
  std::vector<ResultPart> parts;  ///< empty when there is no data

  [[nodiscard]] bool has_data() const noexcept { return !parts.empty(); }
  [[nodiscard]] bool is_estimate() const noexcept;
  [[nodiscard]] std::string describe() const;
};

/// Parses a result. Empty text (or "-", "Chưa có số liệu") gives no parts: no data, not an
/// error. Throws ParseError for malformed numbers, unknown words before a number, a fraction
/// with a zero denominator, or a sentence with several percentages.
[[nodiscard]] DXKIT_API Result parse_result(std::string_view text,
                                            NumberFormat format = NumberFormat::vietnamese);

}  // namespace dxkit
