#pragma once
/// Weights from the data and what each element contributes, as COINr offers them: PCA
/// weights (loadings of the first principal component), optimised weights ("balance" and
/// "infomax"), and the effect of leaving each element out.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dxkit/diagnostic.hpp"
#include "dxkit/export.hpp"
#include "dxkit/index/pipeline.hpp"

namespace dxkit::index {

/// PCA of the children of each parent (or of a whole level), on the units with all of them.
struct DXKIT_API PcaGroup {
  std::string parent;              ///< "" for a PCA over the whole level
  std::vector<std::string> codes;  ///< the children, in iMeta order
  std::vector<double> loadings;    ///< the first component's loadings (unit length)
  double explained = 0;            ///< share of the variance the first component explains
  std::size_t units_used = 0, units_dropped = 0;  ///< complete units; units with a gap
};
struct DXKIT_API PcaWeights {
  std::map<std::string, double> weights;  ///< iCode -> loading (COINr's PCA weights)
  std::vector<PcaGroup> groups;
  /// Findings, each with a code: "only_child" (note: a parent with one child, weight 1),
  /// "negative_loadings" (warning), "units_dropped" (warning: units with a gap left out).
  Diagnostics warnings;
};

/// Loadings of the first principal component of the standardised columns (prcomp with
/// center and scale) of the nodes at `level` in `data`, per parent when by_parent (COINr's
/// get_PCA). A component's sign is arbitrary; it is chosen so that the loadings sum to a
/// positive number. Negative loadings are listed in the warnings: such weights would make a
/// higher value lower the score, and Framework::add_weight_set refuses them.
[[nodiscard]] DXKIT_API PcaWeights pca_weights(const DataSet& data, const Framework& framework,
                                               int level, bool by_parent = true);

enum class WeightObjective : std::uint8_t {
  balance,  ///< correlations with the index as close as possible to target shares
  infomax,  ///< correlations with the index as high as possible
};
/// The objectives of optimise_weights by name ("objective" in messages: "unknown objective
/// 'x'; accepted: balance, infomax").
inline constexpr NameTable kWeightObjectives{
    "objective",
    std::array{
        Named<WeightObjective>{WeightObjective::balance, "balance",
                               "correlations with the index as close as possible to target shares"},
        Named<WeightObjective>{WeightObjective::infomax, "infomax",
                               "correlations with the index as high as possible"},
    }};

struct DXKIT_API OptimisedWeights {
  std::map<std::string, double> weights;       ///< the level's nodes, summing to 1
  std::map<std::string, double> correlations;  ///< each node with the index, at the optimum
  double objective = 0;
  int iterations = 0;
  bool converged = false;
};

/// COINr's get_opt_weights: the weights of the nodes at `level` that make their Pearson
/// correlations with the top node balanced (mean squared difference between the
/// correlations, scaled to sum to 1, and `target` shares; equal when empty) or maximal
/// (infomax: log Σ(1 - r) / n), found by Nelder-Mead from the target shares. `normalised`
/// is the normalised data set (indicators); it is aggregated with `options` at every step.
/// Weights are taken as absolute values, so they stay valid.
[[nodiscard]] DXKIT_API OptimisedWeights optimise_weights(
    const DataSet& normalised, const Framework& framework, const PipelineOptions& options,
    int level, WeightObjective objective, std::vector<double> target = {}, double tolerance = 1e-6,
    int max_iterations = 2000);

/// The effect of leaving one element out (COINr's remove_elements): the pipeline run again
/// without it, and the top node's ranks compared with the full index's.
struct DXKIT_API LeftOut {
  std::string code;
  double mean_abs_shift = 0;  ///< mean |rank change| over the units ranked in both
  int max_abs_shift = 0;
  std::vector<std::optional<int>> ranks;  ///< the top node's rank of each unit of the full
                                          ///< result without the element (nullopt: unranked)
  std::string note;                       ///< why it could not be left out (an only child), else ""
};
[[nodiscard]] DXKIT_API std::vector<LeftOut> leave_one_out(const UnitData& data,
                                                           const Framework& framework,
                                                           const PipelineOptions& options,
                                                           int level);

}  // namespace dxkit::index
