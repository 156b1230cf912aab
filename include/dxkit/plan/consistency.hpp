#pragma once
/// Documents that disagree with themselves: a share stated with its fraction ("1.030/1.685
/// đạt 61,1%") that the fraction does not give beyond the rounding of the share, a malformed
/// number inside such a fraction, and the same target stated twice with different values.
/// Each finding quotes the text and names its line (both places for a pair).
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/diagnostic.hpp"
#include "dxkit/targets/evaluate.hpp"

namespace dxkit {

/// One finding: the shared diagnostic (where = source, line and column of the quote; code =
/// ratio_mismatch, malformed_number (severity error) or conflicting_target (warning); the
/// message with the numbers) and what only a text finding has: the quotes.
struct TextFinding {
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
[[nodiscard]] std::vector<TextFinding> check_text(std::string_view text,
                                                  std::string_view source = {});

/// A tally the text prints and what the results appendix gives: the shared diagnostic
/// (where = source, line and column of the quote; code `tally` with severity note when the
/// appendix supports it, `tally_mismatch` with severity warning when not; the message "the text
/// says 4/16 above 50%; the appendix (results.csv) gives 3/16, and 1 exactly at the
/// percentage") and the numbers behind it.
struct Tally {
  Diagnostic diagnostic;
  std::size_t line = 0;  ///< the 1-based line of the quote (diagnostic.where.line)
  std::string quote;     ///< the tally as written ("Số mục tiêu đã hoàn thành: 10/16")
  std::string category;  ///< met, exceeded, met_not_exceeded, above <X>%, below <X>%
  std::size_t stated = 0, stated_total = 0;  ///< N of N/M (M = 0 when not written)
  std::size_t counted = 0, total = 0;        ///< from the appendix
  std::size_t at_threshold = 0;              ///< above / below X%: rows at exactly X% (in neither)
  bool supported = false;
};

/// The tallies of a plan's text ("Số mục tiêu đã hoàn thành: 10/16", "trên 50%: 04/16",
/// "dưới 50%: 02/16", "đạt và vượt 13/15 chỉ tiêu", "06 chỉ tiêu vượt", "07 chỉ tiêu đạt")
/// against the evaluated results appendix: met rows, exceeded rows, and rows not met whose
/// achievement ratio is strictly above (or below) the percentage, as "trên" and "dưới" read
/// everywhere else in dxkit. A tally whose count or total differs is not supported.
/// `appendix_source` (the appendix's file name) is named in the messages when given. A count
/// of more than 10 digits is a ParseError at its place.
[[nodiscard]] std::vector<Tally> check_tallies(std::string_view text,
                                               const EvaluationTable& appendix,
                                               std::string_view source = {},
                                               std::string_view appendix_source = {});

}  // namespace dxkit
