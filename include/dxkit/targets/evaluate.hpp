#pragma once
/// Scoring a whole table: one contiguous column per output, so that C++ callers, the Python
/// bindings (numpy without copies) and the command line read the same arrays.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "dxkit/diagnostic.hpp"
#include "dxkit/export.hpp"
#include "dxkit/targets/indicator.hpp"
#include "dxkit/targets/scoring.hpp"

namespace dxkit {

/// The evaluations of a table, column by column, and the scheme's statuses.
struct DXKIT_API EvaluationTable {
  Scheme scheme = Scheme::exceed();
  std::vector<double> ratio;           ///< 0 where there is no data (see has_data)
  std::vector<std::uint8_t> has_data;  ///< 0/1
  std::vector<std::uint8_t> met;       ///< 0/1
  std::vector<std::uint8_t> exceeded;  ///< 0/1
  std::vector<std::uint8_t> estimate;  ///< 0/1
  std::vector<std::uint8_t> status;    ///< index into scheme.statuses()
  /// What the table holds that is probably a mistake, located (code "duplicate_code": an
  /// indicator code on two rows, both scored and counted; code "bare_share": a result of at
  /// most 1 with no '%' against a percentage target, read as written: 0,99 is 0,99 %).
  Diagnostics warnings;

  [[nodiscard]] std::size_t size() const noexcept { return ratio.size(); }
  /// How many rows got each status, in the order of scheme.statuses().
  [[nodiscard]] std::vector<std::size_t> counts() const;
  /// Fills `status` from the other columns.
  void classify();
};

/// Scores every row of `table`. Throws ValidationError naming the file, line and column of
/// the first row whose result cannot be compared with its target. A code repeated on a later
/// row is a warning naming both lines (the rows are still scored).
[[nodiscard]] DXKIT_API EvaluationTable evaluate(const IndicatorTable& table, const Scheme& scheme,
                                                 const ScoringOptions& options = {});

/// Scores plain numeric columns (see evaluate_numeric) and classifies them.
[[nodiscard]] DXKIT_API EvaluationTable evaluate(std::span<const double> target,
                                                 std::span<const double> actual,
                                                 std::span<const std::uint8_t> lower_is_better,
                                                 const Scheme& scheme,
                                                 const ScoringOptions& options = {});

}  // namespace dxkit
