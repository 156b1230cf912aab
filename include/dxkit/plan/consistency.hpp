#pragma once
/// Documents that disagree with themselves: a share stated with its fraction ("1.030/1.685
/// đạt 61,1%") that the fraction does not give beyond the rounding of the share, a malformed
/// number inside such a fraction, and the same target stated twice with different values.
/// Each finding quotes the text and names its line (both places for a pair).
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/diagnostic.hpp"
#include "dxkit/export.hpp"
#include "dxkit/plan/tally.hpp"  // check_tallies, the other check of a plan's text

namespace dxkit {

/// One finding: the shared diagnostic (where = source, line and column of the quote; code =
/// ratio_mismatch, malformed_number (severity error) or conflicting_target (warning); the
/// message with the numbers) and what only a text finding has: the quotes.
struct DXKIT_API TextFinding {
  Diagnostic diagnostic;
  std::string quote;           ///< the text as written
  std::size_t other_line = 0;  ///< conflicting_target: the other place (0 otherwise)
  std::string other_quote;

  /// The diagnostic's code: ratio_mismatch, malformed_number, conflicting_target.
  [[nodiscard]] const std::string& kind() const noexcept { return diagnostic.code; }
  /// The 1-based line of the quote.
  [[nodiscard]] std::size_t line() const noexcept { return diagnostic.where.line; }
  /// What is wrong, with the numbers.
  [[nodiscard]] const std::string& message() const noexcept { return diagnostic.message; }
};

/// Scans a plan's text (one paragraph or table row per line, as the seeds are exported).
/// Fractions that are dates ("6/2023", "11/7/2022") are not fractions. A share matches its
/// fraction when they differ by at most half a unit of the share's last printed decimal.
/// Conflicting targets: the same words after a percentage ("83% dân số có hồ sơ sức khỏe điện
/// tử" and "90% dân số có hồ sơ sức khỏe điện tử") with different percentages; a result
/// ("đạt", "ước", "khoảng" before it) is not a target, and a table row that states the same
/// subject twice is a target beside its result. Text that is not UTF-8 is an EncodingError
/// naming `source`, the line and the column.
[[nodiscard]] DXKIT_API std::vector<TextFinding> check_text(std::string_view text,
                                                            std::string_view source = {});

}  // namespace dxkit
