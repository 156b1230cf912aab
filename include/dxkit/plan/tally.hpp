#pragma once
/// The tallies a plan's text prints ("Số mục tiêu đã hoàn thành: 10/16", "trên 50%: 04/16")
/// against its evaluated results appendix; each tally is a Diagnostic (diagnostic.hpp) with the
/// numbers behind it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/diagnostic.hpp"
#include "dxkit/export.hpp"
#include "dxkit/targets/evaluate.hpp"

namespace dxkit {

/// A tally the text prints and what the results appendix gives: the shared diagnostic
/// (where = source, line and column of the quote; code `tally` with severity note when the
/// appendix supports it, `tally_mismatch` with severity warning when not; the message "the text
/// says 4/16 above 50%; the appendix (results.csv) gives 3/16, and 1 exactly at the
/// percentage") and the numbers behind it.
struct DXKIT_API Tally {
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
[[nodiscard]] DXKIT_API std::vector<Tally> check_tallies(std::string_view text,
                                                         const EvaluationTable& appendix,
                                                         std::string_view source = {},
                                                         std::string_view appendix_source = {});

/// The extra column of `appendix` that holds the document's own verdicts: every non-empty cell
/// is a verdict (Hoàn thành, Vượt, Đạt, Chưa đạt, Chưa có số liệu, "Đạt [trên|dưới] X% mục
/// tiêu") and at least one has data. Its index into extra_names, or nullopt when none.
[[nodiscard]] DXKIT_API std::optional<std::size_t> verdict_column(const IndicatorTable& appendix);

/// The tallies as the document means them: where `appendix` has a verdict column
/// (verdict_column), counted from its verdicts, in which "trên P%" holds every row not met whose
/// verdict reaches P % or more ("Đạt 50% mục tiêu" is in "trên 50%") and "dưới P%" those below;
/// the messages name the column ("the appendix (results.csv, verdict column 'Đánh giá') gives
/// 4/16"). Without one, check_tallies(text, evaluated, ...) above.
[[nodiscard]] DXKIT_API std::vector<Tally> check_tallies(std::string_view text,
                                                         const IndicatorTable& appendix,
                                                         const EvaluationTable& evaluated,
                                                         std::string_view source = {},
                                                         std::string_view appendix_source = {});

}  // namespace dxkit
