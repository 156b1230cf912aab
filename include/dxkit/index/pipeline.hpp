#pragma once
/// The steps of COINr's canonical pipeline on a DataSet, each with COINr's semantics:
/// denominate, impute (group mean), screen (data availability), treat outliers (skew and
/// kurtosis, winsorisation, log), normalise (min-max), aggregate (weighted arithmetic mean)
/// and rank. Checked against COINr's own intermediate data sets (tests/cpp/index_test.cpp).
#include <optional>
#include <string_view>
#include <span>
#include <string>
#include <vector>

#include "dxkit/index/framework.hpp"

namespace dxkit::index {

/// The indicator columns of `raw`, each divided by its denominator column where iMeta names one.
[[nodiscard]] DataSet denominate(const DataSet& raw, const Framework& framework);

/// Missing values replaced by the mean of the indicator over the units of the same group.
/// A group with no value for an indicator leaves its cells missing.
[[nodiscard]] DataSet impute_group_mean(const DataSet& data, std::span<const std::string> group);

/// Units whose share of non-missing indicator values is below `threshold` (0..1) removed;
/// their codes go to `removed` if given.
[[nodiscard]] DataSet screen_by_availability(const DataSet& data, double threshold,
                                             std::vector<std::string>* removed = nullptr);

/// Sample skewness and kurtosis as COINr computes them (type-2 formulas), missing values
/// skipped.
[[nodiscard]] double skewness(std::span<const double> x);
[[nodiscard]] double kurtosis(std::span<const double> x);

struct TreatOptions {
  double skew_limit = 2;    ///< passes if |skew| < skew_limit ...
  double kurt_limit = 3.5;  ///< ... or kurtosis < kurt_limit
  int max_points = 5;       ///< winsorise at most this many points before the log transform
};

/// What treatment did to one indicator.
struct Treatment {
  std::string code;
  bool passed_before = true;
  double skew_before = 0, kurt_before = 0;
  int points = 0;  ///< winsorised points (0 when it passed at once)
  bool log = false;
  std::optional<bool> passed_after;
  double skew_after = 0, kurt_after = 0;
  std::vector<std::size_t> high, low;  ///< units winsorised at the top / bottom
};

/// Outlier treatment per indicator: passes if |skew| < 2 or kurtosis < 3.5; else the maximum
/// (skew >= 0) or minimum (skew < 0), ties together, is replaced by the next value until it
/// passes or max_points distinct points have changed (a point moved again, as the top values
/// are pulled down together, counts once); then, if it still fails,
/// log(x - min + 0.01 (max - min)) of the original values.
[[nodiscard]] DataSet treat_outliers(const DataSet& data, const TreatOptions& options = {},
                                     std::vector<Treatment>* details = nullptr);

/// Direction applied, then min-max to [lo, hi] per indicator. Throws ValidationError for a
/// constant indicator (its min-max is undefined).
[[nodiscard]] DataSet normalise_minmax(const DataSet& data, const Framework& framework,
                                       double lo = 0, double hi = 100);

/// The data with one column per aggregate appended, level by level: the weighted arithmetic
/// mean of the children that have a value (weights renormalised over them); missing when
/// none has.
[[nodiscard]] DataSet aggregate_mean(const DataSet& normalised, const Framework& framework);

/// Competition ranks, rank 1 = highest, ties share the lowest rank (1, 2, 2, 4); missing
/// values get none.
[[nodiscard]] std::vector<std::optional<int>> rank_min(std::span<const double> x);

}  // namespace dxkit::index

namespace dxkit::index {

/// Imputation methods. Group methods use the group column named in PipelineOptions.
enum class Imputation : std::uint8_t { none, mean, median, group_mean, group_median };

/// Normalisation methods (direction applied first). Parameters in PipelineOptions.
enum class Normalisation : std::uint8_t {
  minmax,          ///< (x - min) / (max - min) to [lo, hi]
  zscore,          ///< (x - mean) / sd * sd_target + mean_target (sample sd)
  goalposts,       ///< (x - low) / (high - low) * 100, truncated to [0, 100]
  distance_to_max, ///< 1 - (max - x) / (max - min)
  fraction_of_max, ///< x / max
  rank,            ///< ranks, higher value = higher rank number, ties averaged
  percentile_rank, ///< (rank - 1) / (n - 1), ties averaged
};

enum class Aggregation : std::uint8_t { arithmetic, geometric, harmonic };

/// Which method each step uses. The defaults are COINr's canonical ASEM pipeline.
struct PipelineOptions {
  bool denominate = true;
  Imputation imputation = Imputation::group_mean;
  std::string impute_group = "EurAsia_group";
  double screen_threshold = 0.9;  ///< units below this data availability are dropped; 0: keep all
  bool treat = true;
  TreatOptions treatment;
  Normalisation normalisation = Normalisation::minmax;
  double norm_lo = 0, norm_hi = 100;            ///< min-max range
  double z_mean = 0, z_sd = 1;                  ///< z-score target mean and sd
  double goal_low = 0, goal_high = 100;         ///< goalposts (after direction)
  Aggregation aggregation = Aggregation::arithmetic;
};

/// Method names as the command line and Python take them ("group_mean", "zscore",
/// "geometric"); throw ValidationError listing the accepted names.
[[nodiscard]] Imputation parse_imputation(std::string_view name);
[[nodiscard]] Normalisation parse_normalisation(std::string_view name);
[[nodiscard]] Aggregation parse_aggregation(std::string_view name);

/// Every data set of a run, as COINr keeps them, and what treatment did.
struct PipelineResult {
  DataSet denominated, imputed, screened, treated, normalised, aggregated;
  std::vector<std::string> screened_out;
  std::vector<Treatment> treatment;

  /// A data set by name: denominated, imputed, screened, treated, normalised, aggregated.
  /// Throws ValidationError listing the names for any other.
  [[nodiscard]] const DataSet& data(std::string_view name) const;
};

/// Runs denominate -> impute -> screen -> treat -> normalise -> aggregate.
[[nodiscard]] PipelineResult run_pipeline(const UnitData& data, const Framework& framework,
                                          const PipelineOptions& options = {});

/// Imputation by a method (group methods need one group label per unit).
[[nodiscard]] DataSet impute(const DataSet& data, Imputation method,
                             std::span<const std::string> group = {});
/// Normalisation by a method with the parameters of `options`.
[[nodiscard]] DataSet normalise(const DataSet& data, const Framework& framework,
                                const PipelineOptions& options);
/// Aggregation by a method; the geometric mean needs positive values (ValidationError).
[[nodiscard]] DataSet aggregate(const DataSet& data, const Framework& framework,
                                Aggregation method);

}  // namespace dxkit::index

namespace dxkit::index {
/// rank_min of every column of `data`, column-major (rank 0 = missing), computed on
/// `threads` threads (columns are independent, so the result does not depend on it).
[[nodiscard]] std::vector<std::int32_t> rank_columns(const DataSet& data, unsigned threads = 2);
}  // namespace dxkit::index

namespace dxkit::index {

/// How tied values are ranked: min (1, 2, 2, 4, COINr's default), dense (1, 2, 2, 3) or
/// average (1, 2.5, 2.5, 4).
enum class Ties : std::uint8_t { min, dense, average };

/// Ranks, 1 = highest; missing values unranked. Average ties can be fractional.
[[nodiscard]] std::vector<std::optional<double>> rank(std::span<const double> x, Ties ties);

/// Ranks within groups: each unit ranked among the units of its group.
[[nodiscard]] std::vector<std::optional<double>> rank_within(std::span<const double> x,
                                                             std::span<const std::string> group,
                                                             Ties ties = Ties::min);

/// A unit's strengths and weaknesses: its `n` best- and worst-ranked indicators (ties by
/// iMeta order), with their ranks.
struct StrengthsWeaknesses {
  std::vector<std::pair<std::string, int>> strengths, weaknesses;
};
[[nodiscard]] StrengthsWeaknesses strengths_and_weaknesses(const DataSet& data,
                                                           const Framework& framework,
                                                           std::string_view unit,
                                                           std::size_t n = 5);

/// One unit's change in one column between two results (year on year, method against method).
struct Change {
  std::string unit;
  std::optional<double> score_before, score_after;
  std::optional<int> rank_before, rank_after;
  std::optional<int> rank_change;  ///< before - after: positive = moved up
};
/// Matched by unit code; a unit in only one result has the other side empty. Units in the
/// order of `before`, then those only in `after`.
[[nodiscard]] std::vector<Change> compare_results(const DataSet& before, const DataSet& after,
                                                  std::string_view column);

}  // namespace dxkit::index
