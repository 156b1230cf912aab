#pragma once
/// The steps of COINr's canonical pipeline on a DataSet, each with COINr's semantics:
/// denominate, impute (group mean), screen (data availability), treat outliers (skew and
/// kurtosis, winsorisation, log), normalise (min-max), aggregate (weighted arithmetic mean)
/// and rank. Checked against COINr's own intermediate data sets (tests/cpp/index_test.cpp).
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <span>
#include <string>
#include <vector>

#include "dxkit/index/framework.hpp"

namespace dxkit::index {

/// The indicator columns of `raw`, each divided by its denominator column where iMeta names one.
[[nodiscard]] DataSet denominate(const DataSet& raw, const Framework& framework);
/// The same from iData, whether its numbers are owned or borrowed.
[[nodiscard]] DataSet denominate(const UnitData& raw, const Framework& framework);

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

enum class Transform : std::uint8_t;

struct TreatOptions {
  bool enabled = true;      ///< false: the indicator is left as it is
  double skew_limit = 2;    ///< passes if |skew| < skew_limit ...
  double kurt_limit = 3.5;  ///< ... or kurtosis < kurt_limit
  bool winsorise = true;    ///< winsorise first (else go straight to the transform)
  int max_points = 5;       ///< winsorise at most this many points before the transform
  Transform transform{};    ///< log_ct (COINr's default) unless set
  double boxcox_lambda = 0; ///< for Transform::boxcox
};

/// What treatment did to one indicator.
struct Treatment {
  std::string code;
  bool passed_before = true;
  double skew_before = 0, kurt_before = 0;
  int points = 0;  ///< winsorised points (0 when it passed at once)
  bool log = false;  ///< a transform replaced the winsorised values
  std::string transform;  ///< its name (log_ct, log_ct_neg, log_ct_orig, boxcox), or ""
  std::optional<bool> passed_after;
  double skew_after = 0, kurt_after = 0;
  std::vector<std::size_t> high, low;  ///< units winsorised at the top / bottom
};

/// Outlier treatment per indicator: passes if |skew| < 2 or kurtosis < 3.5; else the maximum
/// (skew >= 0) or minimum (skew < 0), ties together, is replaced by the next value until it
/// passes or max_points distinct points have changed (a point moved again, as the top values
/// are pulled down together, counts once); then, if it still fails,
/// log(x - min + 0.01 (max - min)) of the original values.
[[nodiscard]] DataSet treat_outliers(DataSet data, const TreatOptions& options = {},
                                     std::vector<Treatment>* details = nullptr,
                                     const std::map<std::string, TreatOptions>* by_indicator = nullptr);

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

/// Panel imputation (iData with a Time column): a missing value of a unit is filled from the
/// same unit's other times. latest: the most recent earlier value (COINr's impute_panel),
/// at most max_time time points back; constant: latest, else the nearest later value;
/// linear: linear interpolation in time between the nearest earlier and later values, the
/// nearest value outside them.
enum class PanelImputation : std::uint8_t { none, latest, constant, linear };

/// Normalisation methods (direction applied first). Parameters in NormSpec.
enum class Normalisation : std::uint8_t {
  none,                   ///< values unchanged (the direction still applied)
  minmax,                 ///< (x - min) / (max - min) to [lo, hi]
  zscore,                 ///< (x - mean) / sd * sd_target + mean_target (sample sd)
  scaled,                 ///< (x - lo) / (hi - lo) * 100 (COINr's n_scaled)
  goalposts,              ///< (x - lo) / (hi - lo), truncated to [0, 1], times scale
  distance_to_target,     ///< (x - min) / (target - min), capped at 1 on request
  distance_to_reference,  ///< 1 - (x_ref - x) / (x_ref - min) for a reference unit
  distance_to_max,        ///< 1 - (max - x) / (max - min)
  fraction_of_max,        ///< x / max
  rank,                   ///< ranks, 1 = lowest value, ties share the lowest rank
  percentile_rank,        ///< (rank - 1) / (n - 1)
  borda,                  ///< rank - 1
};

/// One normalisation and its parameters. Goalposts and targets are in the indicator's own
/// units: for a negative indicator the goalposts are read from the upper one down
/// ((hi - x) / (hi - lo)) and the target is a low one ((max - x) / (max - target)), as COINr
/// does with iMeta parameters.
struct NormSpec {
  Normalisation method = Normalisation::minmax;
  double lo = 0, hi = 100;        ///< minmax range; scaled and goalposts: lower and upper bounds
  double mean = 0, sd = 1;        ///< zscore target mean and standard deviation
  double scale = 100;             ///< goalposts: the result runs from 0 to scale
  bool truncate = true;           ///< goalposts: values beyond the posts truncated
  std::optional<double> target;   ///< distance_to_target; default: the iMeta Target
  bool cap = false;               ///< distance_to_target / _reference: values beyond capped at 1
  std::string reference;          ///< distance_to_reference: the reference unit's code
  /// Parameters from iMeta columns, as COINr's "use_iMeta": minmax_lower / minmax_upper,
  /// scaled_lower / scaled_upper, zscore_mean / zscore_sd, Target / dist2targ_cap_max,
  /// goalpost_lower / goalpost_upper / goalpost_scale / goalpost_trunc2posts.
  bool from_meta = false;
};

/// Aggregation methods. Copeland scores a unit by its pairwise wins minus losses against
/// every other unit over the children (weighted majority; COINr's a_copeland).
enum class Aggregation : std::uint8_t { arithmetic, geometric, harmonic, generalised, copeland };

struct AggSpec {
  Aggregation method = Aggregation::arithmetic;
  double power = 2;       ///< generalised mean: (Σ w x^p / Σ w)^(1/p), p != 0
  double min_share = 0;   ///< a unit with a smaller share of its children available: missing
};

/// The second stage of outlier treatment, for an indicator that winsorisation did not fix.
enum class Transform : std::uint8_t {
  log_ct,       ///< log(x - min + 0.01 (max - min))
  log_ct_plus,  ///< log_ct if skew > 0, else -log(max + 0.01 (max - min) - x)
  log_ct_orig,  ///< log(x - min + 1)
  boxcox,       ///< Box-Cox of x - min + 1 with boxcox_lambda (log at lambda 0)
  none,         ///< keep the winsorised values
};

/// Screening of units: by data availability, by the share of non-zero values, with units
/// forced in or out whatever their data.
struct ScreenOptions {
  double min_availability = 0.9;  ///< units below this share of non-missing values dropped
  double min_nonzero = 0;         ///< units below this share of non-zero values dropped
  std::vector<std::string> include, exclude;  ///< forced inclusions and exclusions (uCode)
};

/// Which method each step uses. The defaults are COINr's canonical ASEM pipeline. Methods
/// can be set per indicator (imputation, treatment, normalisation), per level and per parent
/// (aggregation: a parent's own method wins over its level's, which wins over the default).
struct PipelineOptions {
  std::optional<double> time;  ///< panel data: the time to build (default: the latest)
  PanelImputation panel_imputation = PanelImputation::none;
  int max_time = 0;  ///< latest / constant: look at most this many time points back (0: all)
  bool denominate = true;
  Imputation imputation = Imputation::group_mean;
  std::string impute_group = "EurAsia_group";
  std::map<std::string, Imputation> impute_by_indicator;
  ScreenOptions screen;
  bool treat = true;
  TreatOptions treatment;
  std::map<std::string, TreatOptions> treat_by_indicator;
  NormSpec normalisation;
  std::map<std::string, NormSpec> normalise_by_indicator;
  std::string weight_set;                 ///< a named set of Framework::weight_sets; "" = iMeta
  std::map<std::string, double> weights;  ///< weights of single nodes, over the set's
  AggSpec aggregation;
  std::map<int, AggSpec> aggregate_by_level;
  std::map<std::string, AggSpec> aggregate_by_parent;
  /// Keep every intermediate data set (COINr's dsets). false keeps only the aggregated one
  /// and runs the steps in place: less memory and time for large data and many runs.
  bool keep_data_sets = true;
  /// Threads for the steps that work column by column (normalise, aggregate) on large data
  /// (from about 250,000 numbers; below that one thread is quicker). The results do not
  /// depend on it, to the bit.
  unsigned threads = 2;
};

/// Sets one option from text, as the command line and Python give them. Keys:
/// time, panel_impute, max_time, denominate, impute, impute.<iCode>, impute_group, screen,
/// min_nonzero, include, exclude (comma-separated uCodes), treat, max_points, skew_limit,
/// kurt_limit, winsorise, transform, boxcox_lambda, treat.<iCode> (a transform, or "none"
/// to leave it untreated), normalise, normalise.<iCode>, weight_set, weight.<iCode>,
/// aggregate, aggregate.level.<N>, aggregate.<parent iCode>, keep_data_sets, threads. Method values may carry
/// parameters: "minmax(lo=1,hi=100)", "goalposts(lo=0,hi=10,scale=1,truncate=false)",
/// "distance_to_target(target=90,cap=true)", "distance_to_reference(reference=VNM)",
/// "generalised(power=0.5,min_share=0.5)". Throws ValidationError naming the key and what
/// it accepts.
void set_option(PipelineOptions& options, std::string_view key, std::string_view value);

/// Method names ("group_mean", "zscore", "geometric"); throw ValidationError listing the
/// accepted names.
[[nodiscard]] Imputation parse_imputation(std::string_view name);
[[nodiscard]] PanelImputation parse_panel_imputation(std::string_view name);
[[nodiscard]] Normalisation parse_normalisation(std::string_view name);
[[nodiscard]] Aggregation parse_aggregation(std::string_view name);
[[nodiscard]] Transform parse_transform(std::string_view name);
/// A method with optional parameters: "goalposts(lo=0,hi=10)".
[[nodiscard]] NormSpec parse_norm_spec(std::string_view text);
[[nodiscard]] AggSpec parse_agg_spec(std::string_view text);

/// A unit removed by screening, and why ("availability", "zeros" or "forced").
struct Screened {
  std::string unit;
  double availability = 0, nonzero = 0;
  std::string reason;
};

/// A value filled by panel imputation: the unit, the column, and the time it came from.
struct PanelFill {
  std::string unit, column;
  double time = 0, from = 0;
};

/// Every data set of a run, as COINr keeps them, and what each step did.
struct PipelineResult {
  std::optional<double> time;  ///< the time built, for panel data
  DataSet denominated, imputed, screened, treated, normalised, aggregated;
  std::vector<std::string> screened_out;
  std::vector<Screened> screening;
  std::vector<PanelFill> panel_filled;
  std::vector<Treatment> treatment;
  Framework framework;  ///< the framework as used (weights of the chosen set applied)
  bool kept = true;     ///< false: only `aggregated` was kept (keep_data_sets = false)

  /// A data set by name: denominated, imputed, screened, treated, normalised, aggregated.
  /// Throws ValidationError listing the names for any other.
  [[nodiscard]] const DataSet& data(std::string_view name) const;
};

/// The data sets are taken by value: pass std::move(d) to work in place.
/// Runs [panel impute -> select time ->] denominate -> impute -> screen -> treat ->
/// normalise -> aggregate. When no intermediate data set is kept and nothing before the
/// normalisation changes the numbers (no denominator, imputation, screening or treatment),
/// the normalisation reads the indicators straight from `data` (owned or borrowed) instead
/// of a copy; the results are the same to the bit.
[[nodiscard]] PipelineResult run_pipeline(const UnitData& data, const Framework& framework,
                                          const PipelineOptions& options = {});

/// Imputation by a method (group methods need one group label per unit).
[[nodiscard]] DataSet impute(DataSet data, Imputation method,
                             std::span<const std::string> group = {});
/// Imputation with the method of each column (by_indicator, else `method`).
[[nodiscard]] DataSet impute(DataSet data, Imputation method,
                             const std::map<std::string, Imputation>& by_indicator,
                             std::span<const std::string> group);
/// Panel imputation of every numeric column of a panel; `filled` records each value filled.
[[nodiscard]] UnitData impute_panel(const UnitData& data, PanelImputation method,
                                    int max_time = 0, std::vector<PanelFill>* filled = nullptr);
/// The units of one time of a panel (throws ValidationError listing the times if absent).
[[nodiscard]] UnitData select_time(const UnitData& data, double time);
/// Screening with ScreenOptions; unknown forced units are a ValidationError.
[[nodiscard]] DataSet screen_units(DataSet data, const ScreenOptions& options,
                                   std::vector<Screened>* removed = nullptr);
/// Normalisation of every column by its spec (by_indicator, else options.normalisation).
[[nodiscard]] DataSet normalise(DataSet data, const Framework& framework,
                                const PipelineOptions& options);
/// One column by one spec; `direction` is applied first.
void normalise_column(std::span<double> x, double direction, const NormSpec& spec,
                      const Node* node, const DataSet& data, std::string_view code);
/// The same reading `in` and writing `out` (same size; they may be the same memory). `data`
/// gives the units (for a reference unit).
void normalise_column(std::span<const double> in, std::span<double> out, double direction,
                      const NormSpec& spec, const Node* node, const DataSet& data,
                      std::string_view code);
/// Aggregation by one method for every aggregate.
[[nodiscard]] DataSet aggregate(DataSet data, const Framework& framework,
                                Aggregation method);
/// One child of an aggregate: its values over the units and its weight.
struct Child {
  std::string_view code;
  std::span<const double> values;
  double weight = 1;
};
/// Work space of aggregate_children, reused between calls.
struct AggregateScratch {
  std::vector<double> acc, weights, have;
};
/// The aggregate of `kids` into `result` (one value per unit) by one method: the kernel of
/// aggregate(), also used by the uncertainty analysis. `parent` and `units` name the place
/// in errors.
void aggregate_children(const std::vector<Child>& kids, const AggSpec& spec,
                        std::span<double> result, AggregateScratch& scratch,
                        const std::string& parent, std::span<const std::string> units);
/// The method for one aggregate: its own, else its level's, else the default.
[[nodiscard]] const AggSpec& aggregation_for(const PipelineOptions& options, const Node& aggregate);

/// Aggregation with the method of each parent (aggregate_by_parent, then _by_level, then
/// the default). The geometric and harmonic means need positive values (ValidationError).
[[nodiscard]] DataSet aggregate(DataSet data, const Framework& framework,
                                const PipelineOptions& options);

}  // namespace dxkit::index

namespace dxkit::index {
/// rank_min of every column of `data`, column-major (rank 0 = missing), computed on
/// `threads` threads (columns are independent, so the result does not depend on it).
[[nodiscard]] std::vector<std::int32_t> rank_columns(const DataSet& data, unsigned threads = 2);
/// The same for columns given as spans of one length (e.g. a few columns of a data set).
[[nodiscard]] std::vector<std::int32_t> rank_columns(std::span<const std::span<const double>> columns,
                                                     unsigned threads = 2);
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
