#pragma once
/// How robust a ranking is to the way it was built: Monte Carlo uncertainty analysis and
/// variance-based (Saltelli / Jansen) sensitivity analysis over the assumptions a user
/// chooses, on the index engine. Replicates are seeded per replicate, so results are the same
/// bits whatever the number of threads.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/index/pipeline.hpp"

namespace dxkit::index {

/// The assumptions to vary. The nominal choice of each is the one in PipelineOptions.
struct DXKIT_API Assumptions {
  /// Noise on the weights of a level: each weight times 1 + U(-f, f).
  std::map<int, double> weight_noise;
  std::vector<NormSpec> normalisations;  ///< alternatives to the nominal normalisation
  std::vector<AggSpec> aggregations;     ///< alternatives to the nominal aggregation (all levels)
  bool imputation = false;               ///< imputation on (nominal) or off
  bool treatment = false;                ///< outlier treatment on (nominal) or off
  std::vector<std::string> leave_out;    ///< nothing left out (nominal), or one of these

  /// The uncertain parameters, in a fixed order: "weights.L<n>" per level with noise,
  /// "normalisation", "aggregation", "imputation", "treatment", "leave_out" for those used.
  [[nodiscard]] std::vector<std::string> parameters() const;
};

/// One replicate's choices, for inspection.
struct DXKIT_API Replicate {
  std::vector<double> weights;  ///< per node of the framework (iMeta order); NaN for others
  int normalisation = 0;        ///< 0: nominal, i: Assumptions::normalisations[i - 1]
  int aggregation = 0;          ///< 0: nominal, i: Assumptions::aggregations[i - 1]
  bool imputed = true, treated = true;
  std::string left_out;  ///< "" when nothing is left out
};

struct DXKIT_API UncertaintyResult {
  std::vector<std::string> units;             ///< the units of the nominal result
  std::string column;                         ///< the column ranked (the top node)
  std::vector<std::int32_t> nominal;          ///< nominal rank per unit (0 = unranked)
  std::vector<double> mean, median, p5, p95;  ///< over the replicates that rank the unit
  std::vector<Replicate> replicates;
  std::vector<std::int32_t> ranks;  ///< ranks[r * units.size() + u], 0 = unranked
};

/// Reports (done, total); called on the calling thread only.
using Progress = std::function<void(std::size_t, std::size_t)>;

/// N Monte Carlo replicates. Replicate r draws its choices from its own stream of
/// SplitMix64(seed, first + r); the nominal replicate (all nominal choices) is computed as
/// well and equals run_pipeline's result exactly. `first`: the number of the first replicate,
/// so that runs of replicates [first, first + n) on several machines, put one after the
/// other, are the replicates of one run from 0 (summarise_ranks gives their summary).
[[nodiscard]] DXKIT_API UncertaintyResult
run_uncertainty(const UnitData& data, const Framework& framework, const PipelineOptions& nominal,
                const Assumptions& assumptions, std::size_t n, std::uint64_t seed,
                unsigned threads = 2, const Progress& progress = {}, std::size_t first = 0);

/// Mean, median, 5th and 95th percentile (R's type 7) of each unit's ranks over the
/// replicates that rank it (NaN where none does): ranks[r * units + u], 0 = unranked, as in
/// UncertaintyResult. run_uncertainty's summary is this function of its ranks.
struct DXKIT_API RankSummary {
  std::vector<double> mean, median, p5, p95;
};
[[nodiscard]] DXKIT_API RankSummary summarise_ranks(std::span<const std::int32_t> ranks,
                                                    std::size_t units);

/// First-order and total sensitivity index of one parameter, with bootstrap 95 % intervals.
struct DXKIT_API SensitivityIndex {
  std::string parameter;
  double first = 0, first_lo = 0, first_hi = 0;
  double total = 0, total_lo = 0, total_hi = 0;
};
struct DXKIT_API SensitivityResult {
  std::vector<SensitivityIndex> indices;
  std::size_t runs = 0;        ///< N × (k + 2)
  double variance = 0;         ///< of the output over the A and B runs
  std::vector<double> output;  ///< the output of every run: A (N), B (N), then AB_i (N each)
};

/// Saltelli's design over the parameters of `assumptions` (k of them): matrices A and B of N
/// rows of uniform numbers, and A with column i taken from B, for each i: N (k + 2) runs.
/// The output of a run is the mean absolute shift of the units' ranks from the nominal
/// ranks. First-order indices by Saltelli (2010), total indices by Jansen (1999), each with a
/// bootstrap 95 % interval (`bootstrap` resamples of the N rows).
/// It is sensitivity_runs over all N (k + 2) runs, then sensitivity_indices of their outputs.
[[nodiscard]] DXKIT_API SensitivityResult
run_sensitivity(const UnitData& data, const Framework& framework, const PipelineOptions& nominal,
                const Assumptions& assumptions, std::size_t n, std::uint64_t seed,
                unsigned threads = 2, std::size_t bootstrap = 1000, const Progress& progress = {});

/// Some of the runs of a sensitivity analysis: what sensitivity_runs gives.
struct DXKIT_API SensitivityRuns {
  std::vector<std::string> parameters;  ///< the k parameters, Assumptions::parameters()
  std::size_t n = 0;                    ///< N, rows of A and of B
  std::size_t runs = 0;                 ///< N × (k + 2), all the runs of the design
  std::size_t first = 0;                ///< the number of the first run given
  std::vector<double> output;           ///< the outputs of runs [first, first + count)
};

/// The outputs of runs [first, first + count) of run_sensitivity's design, computed exactly as
/// run_sensitivity computes them: the design (A and B, drawn from the seed) is the whole
/// run's, and run j takes row j % N of A or B and the column block j / N, whoever runs it. So
/// the outputs of blocks run apart (on several machines), put one after the other in run
/// order, are those of one run from 0, and sensitivity_indices of them is run_sensitivity's
/// result, bit for bit. `count` 0 runs nothing: the checks, the parameters and the number of
/// runs only. `progress` counts the runs of this block.
[[nodiscard]] DXKIT_API SensitivityRuns sensitivity_runs(
    const UnitData& data, const Framework& framework, const PipelineOptions& nominal,
    const Assumptions& assumptions, std::size_t n, std::uint64_t seed, std::size_t first,
    std::size_t count, unsigned threads = 2, const Progress& progress = {});

/// The first-order and total indices, the variance and the bootstrap intervals from the
/// outputs of all N (k + 2) runs of the design (in run order: A, B, then AB_i; k the number of
/// `parameters`), with the bootstrap resamples drawn from `seed` as run_sensitivity draws
/// them. `output` is moved into the result's output.
[[nodiscard]] DXKIT_API SensitivityResult sensitivity_indices(
    std::vector<double> output, std::size_t n, const std::vector<std::string>& parameters,
    std::uint64_t seed, std::size_t bootstrap = 1000);

}  // namespace dxkit::index
