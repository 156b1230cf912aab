#pragma once
/// Which method each step of an index run uses, and the names of the choices: one name
/// table per enumerated choice (NameTable), from which parsing, the command-line help, the
/// Python docstrings and the docs tables come.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/names.hpp"

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
struct DXKIT_API NormSpec {
  Normalisation method = Normalisation::minmax;
  double lo = 0, hi = 100;       ///< minmax range; scaled and goalposts: lower and upper bounds
  double mean = 0, sd = 1;       ///< zscore target mean and standard deviation
  double scale = 100;            ///< goalposts: the result runs from 0 to scale
  bool truncate = true;          ///< goalposts: values beyond the posts truncated
  std::optional<double> target;  ///< distance_to_target; default: the iMeta Target
  bool cap = false;              ///< distance_to_target / _reference: values beyond capped at 1
  std::string reference;         ///< distance_to_reference: the reference unit's code
  /// Parameters from iMeta columns, as COINr's "use_iMeta": minmax_lower / minmax_upper,
  /// scaled_lower / scaled_upper, zscore_mean / zscore_sd, Target / dist2targ_cap_max,
  /// goalpost_lower / goalpost_upper / goalpost_scale / goalpost_trunc2posts.
  bool from_meta = false;
};

/// Aggregation methods. Copeland scores a unit by its pairwise wins minus losses against
/// every other unit over the children (weighted majority; COINr's a_copeland).
enum class Aggregation : std::uint8_t { arithmetic, geometric, harmonic, generalised, copeland };

struct DXKIT_API AggSpec {
  Aggregation method = Aggregation::arithmetic;
  double power = 2;      ///< generalised mean: (Σ w x^p / Σ w)^(1/p), p != 0
  double min_share = 0;  ///< a unit with a smaller share of its children available: missing
};

/// The second stage of outlier treatment, for an indicator that winsorisation did not fix.
enum class Transform : std::uint8_t {
  log_ct,       ///< log(x - min + 0.01 (max - min))
  log_ct_plus,  ///< log_ct if skew > 0, else -log(max + 0.01 (max - min) - x)
  log_ct_orig,  ///< log(x - min + 1)
  boxcox,       ///< Box-Cox of x - min + 1 with boxcox_lambda (log at lambda 0)
  none,         ///< keep the winsorised values
};

struct DXKIT_API TreatOptions {
  bool enabled = true;       ///< false: the indicator is left as it is
  double skew_limit = 2;     ///< passes if |skew| < skew_limit ...
  double kurt_limit = 3.5;   ///< ... or kurtosis < kurt_limit
  bool winsorise = true;     ///< winsorise first (else go straight to the transform)
  int max_points = 5;        ///< winsorise at most this many points before the transform
  Transform transform{};     ///< log_ct (COINr's default) unless set
  double boxcox_lambda = 0;  ///< for Transform::boxcox
};

/// The imputation methods by name. Parse with kImputations.parse("group_mean") (throws
/// ValidationError "unknown imputation 'x'; accepted: none, mean, ...").
inline constexpr NameTable kImputations{
    "imputation",
    std::array{
        Named<Imputation>{Imputation::none, "none", "missing values stay missing"},
        Named<Imputation>{Imputation::mean, "mean", "the indicator's mean over all units"},
        Named<Imputation>{Imputation::median, "median", "the indicator's median over all units"},
        Named<Imputation>{
            Imputation::group_mean, "group_mean",
            "the indicator's mean over the units of the same group (COINr's default)"},
        Named<Imputation>{Imputation::group_median, "group_median",
                          "the indicator's median over the units of the same group"},
    }};

/// The panel imputation methods by name ("panel imputation" in messages).
inline constexpr NameTable kPanelImputations{
    "panel imputation",
    std::array{
        Named<PanelImputation>{PanelImputation::none, "none", "no panel imputation"},
        Named<PanelImputation>{PanelImputation::latest, "latest",
                               "the unit's most recent earlier value (COINr's impute_panel)"},
        Named<PanelImputation>{PanelImputation::constant, "constant",
                               "the most recent earlier value, else the nearest later one"},
        Named<PanelImputation>{PanelImputation::linear, "linear",
                               "linear interpolation in time between the nearest values"},
    }};

/// The normalisation methods by name.
inline constexpr NameTable kNormalisations{
    "normalisation",
    std::array{
        Named<Normalisation>{Normalisation::none, "none",
                             "values unchanged (the direction still applied)"},
        Named<Normalisation>{Normalisation::minmax, "minmax",
                             "(x - min) / (max - min) to [lo, hi]"},
        Named<Normalisation>{Normalisation::zscore, "zscore",
                             "(x - mean) / sd * sd_target + mean_target (sample sd)"},
        Named<Normalisation>{Normalisation::scaled, "scaled",
                             "(x - lo) / (hi - lo) * 100 (COINr's n_scaled)"},
        Named<Normalisation>{Normalisation::goalposts, "goalposts",
                             "(x - lo) / (hi - lo), truncated to [0, 1], times scale"},
        Named<Normalisation>{Normalisation::distance_to_target, "distance_to_target",
                             "(x - min) / (target - min), capped at 1 on request"},
        Named<Normalisation>{Normalisation::distance_to_reference, "distance_to_reference",
                             "1 - (x_ref - x) / (x_ref - min) for a reference unit"},
        Named<Normalisation>{Normalisation::distance_to_max, "distance_to_max",
                             "1 - (max - x) / (max - min)"},
        Named<Normalisation>{Normalisation::fraction_of_max, "fraction_of_max", "x / max"},
        Named<Normalisation>{Normalisation::rank, "rank",
                             "ranks, 1 = lowest value, ties share the lowest rank"},
        Named<Normalisation>{Normalisation::percentile_rank, "percentile_rank",
                             "(rank - 1) / (n - 1)"},
        Named<Normalisation>{Normalisation::borda, "borda", "rank - 1"},
    }};

/// The aggregation methods by name.
inline constexpr NameTable kAggregations{
    "aggregation", std::array{
                       Named<Aggregation>{Aggregation::arithmetic, "arithmetic",
                                          "weighted arithmetic mean (COINr's default)"},
                       Named<Aggregation>{Aggregation::geometric, "geometric",
                                          "weighted geometric mean (positive values)"},
                       Named<Aggregation>{Aggregation::harmonic, "harmonic",
                                          "weighted harmonic mean (positive values)"},
                       Named<Aggregation>{Aggregation::generalised, "generalised",
                                          "weighted generalised mean (sum w x^p / sum w)^(1/p)"},
                       Named<Aggregation>{Aggregation::copeland, "copeland",
                                          "pairwise wins minus losses against every other unit"},
                   }};

/// The outlier transforms by name ("transform" in messages).
inline constexpr NameTable kTransforms{
    "transform",
    std::array{
        Named<Transform>{Transform::log_ct, "log_ct",
                         "log(x - min + 0.01 (max - min)) (COINr's default)"},
        Named<Transform>{Transform::log_ct_plus, "log_ct_plus",
                         "log_ct if skew > 0, else -log(max + 0.01 (max - min) - x)"},
        Named<Transform>{Transform::log_ct_orig, "log_ct_orig", "log(x - min + 1)"},
        Named<Transform>{Transform::boxcox, "boxcox", "Box-Cox of x - min + 1 with boxcox_lambda"},
        Named<Transform>{Transform::none, "none", "keep the winsorised values"},
    }};

/// Screening of units: by data availability, by the share of non-zero values, with units
/// forced in or out whatever their data.
struct DXKIT_API ScreenOptions {
  double min_availability = 0;  ///< units below this share of non-missing values dropped
  double min_nonzero = 0;       ///< units below this share of non-zero values dropped
  std::vector<std::string> include, exclude;  ///< forced inclusions and exclusions (uCode)
};

/// Which method each step uses. The defaults change nothing that was not asked for: no
/// denomination, imputation, screening or outlier treatment; min-max to [0, 100] and
/// weighted arithmetic means (kPresets names COINr's ASEM choices). Methods
/// can be set per indicator (imputation, treatment, normalisation), per level and per parent
/// (aggregation: a parent's own method wins over its level's, which wins over the default).
struct DXKIT_API PipelineOptions {
  std::optional<double> time;  ///< panel data: the time to build (default: the latest)
  PanelImputation panel_imputation = PanelImputation::none;
  int max_time = 0;         ///< latest / constant: look at most this many time points back (0: all)
  bool denominate = false;  ///< divide by the iMeta denominators
  Imputation imputation = Imputation::none;
  std::string impute_group;  ///< the group column of group_mean / group_median
  std::map<std::string, Imputation> impute_by_indicator;
  ScreenOptions screen;
  bool treat = false;
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
  /// false (with keep_data_sets = false only): the aggregated set holds the aggregates alone,
  /// not the normalised indicators before them. The normalised indicators are then never
  /// written: the leanest run for an index and its ranks on large data.
  bool keep_indicators = true;
  /// Threads for the steps that work column by column (normalise, aggregate) on large data
  /// (from about 250,000 numbers; below that one thread is quicker). The results do not
  /// depend on it, to the bit.
  unsigned threads = 2;
};

/// Named sets of choices for the steps that change data (denominate, impute, screen, treat).
enum class Preset : std::uint8_t { none, coinr_asem };

/// The presets by name ("preset" in messages).
inline constexpr NameTable kPresets{
    "preset",
    std::array{
        Named<Preset>{Preset::none, "none",
                      "no denomination, imputation, screening or treatment (the defaults)"},
        Named<Preset>{Preset::coinr_asem, "coinr_asem",
                      "COINr's ASEM example: denominate, group_mean imputation over "
                      "EurAsia_group, screening at 0.9 availability, outlier treatment"},
    }};

/// Sets the choices `preset` makes (denominate, imputation, impute_group, the availability
/// screen, treatment) and leaves every other option as it is; apply it before the explicit
/// options so that they override it.
DXKIT_API void apply_preset(PipelineOptions& options, Preset preset);

/// Sets one option from text, as the command line and Python give them. Keys:
/// preset (apply_preset; give it first), time, panel_impute, max_time, denominate, impute,
/// impute.<iCode>, impute_group, screen, min_nonzero, include, exclude (comma-separated uCodes),
/// treat, max_points, skew_limit, kurt_limit, winsorise, transform, boxcox_lambda, treat.<iCode> (a
/// transform, or "none" to leave it untreated), normalise, normalise.<iCode>, weight_set,
/// weight.<iCode>, aggregate, aggregate.level.<N>, aggregate.<parent iCode>, keep_data_sets,
/// keep_indicators, threads. Method values may carry parameters: "minmax(lo=1,hi=100)",
/// "goalposts(lo=0,hi=10,scale=1,truncate=false)", "distance_to_target(target=90,cap=true)",
/// "distance_to_reference(reference=VNM)", "generalised(power=0.5,min_share=0.5)". Throws
/// ValidationError naming the key and what it accepts.
DXKIT_API void set_option(PipelineOptions& options, std::string_view key, std::string_view value);

/// Method names ("group_mean", "zscore", "geometric"); throw ValidationError listing the
/// accepted names.
[[nodiscard]] DXKIT_API Imputation parse_imputation(std::string_view name);
[[nodiscard]] DXKIT_API PanelImputation parse_panel_imputation(std::string_view name);
[[nodiscard]] DXKIT_API Normalisation parse_normalisation(std::string_view name);
[[nodiscard]] DXKIT_API Aggregation parse_aggregation(std::string_view name);
[[nodiscard]] DXKIT_API Transform parse_transform(std::string_view name);
/// (name, meaning) of each choice of one enumerated option, in table order. `kind` is one of
/// imputation, panel_imputation, normalisation, aggregation, transform, ties, objective,
/// data_set, preset; any other is a ValidationError listing them.
[[nodiscard]] DXKIT_API std::vector<std::pair<std::string_view, std::string_view>> choices(
    std::string_view kind);
/// A method with optional parameters: "goalposts(lo=0,hi=10)".
[[nodiscard]] DXKIT_API NormSpec parse_norm_spec(std::string_view text);
[[nodiscard]] DXKIT_API AggSpec parse_agg_spec(std::string_view text);

}  // namespace dxkit::index
