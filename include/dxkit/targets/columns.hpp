#pragma once
/// Scoring text columns given as codes into their distinct values (a pandas categorical, or a
/// column factorised once): each distinct target and result is parsed once however many rows
/// repeat it, and the parsed targets and results come back as codes too. The answers are those
/// of make_indicator_table + evaluate on the same cells, row for row.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/text/number.hpp"

namespace dxkit {

/// One text column: row i holds values[codes[i]], or no cell ("") where codes[i] < 0.
struct DXKIT_API CodedColumn {
  std::string name;                     ///< header, named in messages
  std::size_t position = 0;             ///< 0-based column number, named in messages (+1)
  std::span<const std::int64_t> codes;  ///< one per row, borrowed (not copied)
  std::vector<std::string> values;      ///< the distinct cells as UTF-8
};

/// The evaluations of coded columns, with the parsed targets and results as codes.
struct DXKIT_API CodedEvaluation {
  EvaluationTable evaluation;
  std::vector<std::int32_t> target_codes;  ///< row -> index into target_labels
  std::vector<std::string> target_labels;  ///< distinct Target::describe() texts
  std::vector<std::int32_t> actual_codes;  ///< row -> index into actual_labels
  std::vector<std::string> actual_labels;  ///< distinct Result::describe() texts
};

/// Scores rows whose target, actual and optional direction cells are coded columns, giving
/// what make_indicator_table + evaluate give for the same cells: the same ratios and statuses,
/// the same first error (ParseError at `source`, line row + 2, the column's number and name,
/// row by row, direction then target then actual; then ValidationError naming the row), and
/// the same duplicate-code warnings over `code` (nullptr: no check). Throws ValidationError
/// if the columns differ in length or a code is out of range of its values.
[[nodiscard]] DXKIT_API CodedEvaluation
evaluate_coded(const CodedColumn& target, const CodedColumn& actual, const CodedColumn* direction,
               const CodedColumn* code, const Scheme& scheme, NumberFormat format,
               const std::string& source = "<DataFrame>", const ScoringOptions& options = {});

/// The direction of each row as a code into a small table (a pandas categorical's codes):
/// row i is lower-is-better when codes[i] >= 0 and lower_of_code[codes[i]] is 1.
struct DXKIT_API DirectionCodes {
  const void* codes = nullptr;  ///< nullptr: every row higher is better
  int width = 1;                ///< bytes per code: 1, 2, 4 or 8 (signed integers)
  std::span<const std::uint8_t> lower_of_code;
};

/// evaluate(target, actual, lower_is_better, scheme) in one pass over the arrays, block by
/// block so that each block's ratios and flags are classified while still in cache, with the
/// direction read through its codes: the same bits as the unfused call. Throws
/// ValidationError if the arrays differ in length or a code is beyond lower_of_code.
[[nodiscard]] DXKIT_API EvaluationTable evaluate_numeric_fused(std::span<const double> target,
                                                               std::span<const double> actual,
                                                               const DirectionCodes& direction,
                                                               const Scheme& scheme,
                                                               const ScoringOptions& options = {});

/// The warnings evaluate(IndicatorTable) gives for indicator codes on more than one row, for
/// codes given as views (row i is line i + 2 of `source`; an empty code is never a repeat):
/// the first 20 repeats named with the line they repeat, the rest counted in one more.
[[nodiscard]] DXKIT_API Diagnostics repeated_codes(std::span<const std::string_view> codes,
                                                   const std::string& source = "<DataFrame>");

}  // namespace dxkit
