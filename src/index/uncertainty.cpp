// Monte Carlo uncertainty and Saltelli / Jansen sensitivity analysis on the index engine.
// The data sets that depend on imputation, treatment and normalisation are computed once per
// combination; a replicate then only re-weights, re-aggregates and ranks, on a work space of
// its thread. Each run's choices come from its own seeded stream, so the results do not
// depend on the number of threads.
#include "dxkit/index/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "dxkit/cancel.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/weights.hpp"
#include "index/order.hpp"
#include "parallel.hpp"

namespace dxkit::index {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A stream of uniform numbers in [0, 1) for one run, from the seed and the run's number.
struct Stream {
  std::uint64_t state;
  Stream(std::uint64_t seed, std::uint64_t run) : state(seed) {
    state ^= run * 0xD1B54A32D192ED03ULL;
    (void)splitmix(state);
  }
  double next() { return static_cast<double>(splitmix(state) >> 11) * 0x1.0p-53; }
};

std::size_t pick(double u, std::size_t count) {
  return std::min(count - 1, static_cast<std::size_t>(u * static_cast<double>(count)));
}

// Quantile of sorted values, R's type 7.
double quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return kNaN;
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

struct Engine {
  Framework frame;  ///< as used by the nominal run (weights of the chosen set applied)
  PipelineOptions nominal;
  Assumptions as;
  std::uint64_t seed = 0;
  std::vector<std::string> params;
  std::vector<int> noisy_levels;
  // Normalised data per (imputed, treated, normalisation): variants[key].
  std::map<std::tuple<bool, bool, int>, DataSet> variants;
  std::map<std::tuple<bool, bool, int>, std::vector<std::int32_t>>
      to_nominal;                              // unit -> nominal position or -1
  std::vector<std::string> units;              // of the nominal result
  std::size_t top = 0;                         // node of the top aggregate
  std::vector<std::size_t> aggregates;         // nodes, level by level
  std::vector<std::vector<std::size_t>> kids;  // per aggregate: child nodes
  std::vector<std::int32_t> slot;              // node -> indicator column, or aggregate number
  std::vector<std::int32_t> nominal_ranks;

  struct Work {
    std::vector<double> agg;  // aggregates × units
    AggregateScratch scratch;
    std::vector<Child> children;
    std::vector<std::int32_t> ranks;
  };

  void build(const UnitData& data, const Framework& framework, const PipelineOptions& o,
             const Assumptions& a, std::uint64_t s) {
    as = a;
    seed = s;
    nominal = o;
    params = a.parameters();
    for (const auto& [level, noise] : a.weight_noise) {
      if (!(noise >= 0) || !std::isfinite(noise))
        throw ValidationError("weight noise of level " + std::to_string(level) + " must be >= 0");
      noisy_levels.push_back(level);
    }
    for (const std::string& code : a.leave_out)
      if (!framework.find(code))
        throw ValidationError("leave out: '" + code + "' is not in the framework");
    const PipelineResult base = run_pipeline(data, framework, o);
    frame = base.framework;
    for (int level : noisy_levels)
      if (frame.at_level(level).empty())
        throw ValidationError("weight noise: the framework has no level " + std::to_string(level));
    units = base.aggregated.units;
    top = *frame.find(top_node(frame));
    for (int level = 2; level <= frame.max_level(); ++level)
      for (std::size_t i : frame.of_type(NodeType::aggregate))
        if (frame.nodes[i].level == level) aggregates.push_back(i);
    slot.assign(frame.nodes.size(), -1);
    const auto indicators = frame.of_type(NodeType::indicator);
    for (std::size_t k = 0; k < indicators.size(); ++k)
      slot[indicators[k]] = static_cast<std::int32_t>(k);
    for (std::size_t k = 0; k < aggregates.size(); ++k) {
      slot[aggregates[k]] = static_cast<std::int32_t>(k);
      kids.push_back(frame.children(frame.nodes[aggregates[k]].code));
    }
    // Every combination the assumptions can produce.
    for (bool imputed : {true, false}) {
      if (!imputed && !a.imputation) continue;
      for (bool treated : {true, false}) {
        if (!treated && !a.treatment) continue;
        for (int norm = 0; norm <= static_cast<int>(a.normalisations.size()); ++norm) {
          PipelineOptions v = o;
          if (!imputed) v.imputation = Imputation::none, v.impute_by_indicator.clear();
          if (!treated) v.treat = false;
          if (norm > 0)
            v.normalisation = a.normalisations[static_cast<std::size_t>(norm - 1)],
            v.normalise_by_indicator.clear();
          PipelineResult r =
              imputed && treated && norm == 0 ? base : run_pipeline(data, framework, v);
          const auto key = std::make_tuple(imputed, treated, norm);
          std::vector<std::int32_t> map(r.normalised.rows(), -1);
          for (std::size_t u = 0; u < r.normalised.rows(); ++u) {
            auto it = std::find(units.begin(), units.end(), r.normalised.units[u]);
            if (it != units.end()) map[u] = static_cast<std::int32_t>(it - units.begin());
          }
          to_nominal[key] = std::move(map);
          variants[key] = std::move(r.normalised);
        }
      }
    }
    Work w;
    Replicate nominal_choice = choose(nullptr);
    nominal_ranks.assign(units.size(), 0);
    evaluate(nominal_choice, w, nominal_ranks);
  }

  // The choices of a run from its uniform numbers (one per parameter); nullptr: nominal.
  Replicate choose(const double* x) const {
    Replicate p;
    p.weights.assign(frame.nodes.size(), kNaN);
    for (std::size_t i = 0; i < frame.nodes.size(); ++i)
      if (frame.nodes[i].in_tree()) p.weights[i] = frame.nodes[i].weight;
    if (!x) return p;
    std::size_t j = 0;
    for (int level : noisy_levels) {
      // One noisy weight set per level, drawn from the parameter's value.
      Stream s(seed ^ (0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(level + 1)),
               static_cast<std::uint64_t>(x[j++] * 1048576.0));
      const double noise = as.weight_noise.at(level);
      for (std::size_t i : frame.at_level(level)) p.weights[i] *= 1 + noise * (2 * s.next() - 1);
    }
    if (!as.normalisations.empty())
      p.normalisation = static_cast<int>(pick(x[j++], as.normalisations.size() + 1));
    if (!as.aggregations.empty())
      p.aggregation = static_cast<int>(pick(x[j++], as.aggregations.size() + 1));
    if (as.imputation) p.imputed = x[j++] >= 0.5;
    if (as.treatment) p.treated = x[j++] >= 0.5;
    if (!as.leave_out.empty()) {
      const std::size_t k = pick(x[j++], as.leave_out.size() + 1);
      if (k > 0) {
        p.left_out = as.leave_out[k - 1];
        p.weights[*frame.find(p.left_out)] = 0;
      }
    }
    return p;
  }

  // Ranks of the top node over the nominal units (0 = unranked).
  void evaluate(const Replicate& p, Work& w, std::span<std::int32_t> out) const {
    const auto key = std::make_tuple(p.imputed, p.treated, p.normalisation);
    const DataSet& d = variants.at(key);
    const std::size_t n = d.rows();
    w.agg.resize(aggregates.size() * n);
    const auto column = [&](std::size_t node) -> std::span<const double> {
      const auto s = static_cast<std::size_t>(slot[node]);
      if (frame.nodes[node].type == NodeType::indicator) return d.col(s);
      return {w.agg.data() + s * n, n};
    };
    for (std::size_t a = 0; a < aggregates.size(); ++a) {
      const Node& agg = frame.nodes[aggregates[a]];
      w.children.clear();
      for (std::size_t k : kids[a])
        w.children.push_back({frame.nodes[k].code, column(k), p.weights[k]});
      const AggSpec& spec = p.aggregation == 0
                                ? aggregation_for(nominal, agg)
                                : as.aggregations[static_cast<std::size_t>(p.aggregation - 1)];
      aggregate_children(w.children, spec, {w.agg.data() + a * n, n}, w.scratch, agg.code, d.units);
    }
    w.ranks.resize(n);
    detail::rank_min_into(column(top), w.ranks);
    std::fill(out.begin(), out.end(), 0);
    const auto& map = to_nominal.at(key);
    for (std::size_t u = 0; u < n; ++u)
      if (map[u] >= 0) out[static_cast<std::size_t>(map[u])] = w.ranks[u];
  }
};

std::string describe(const Replicate& p) {
  std::string s = "normalisation " + std::to_string(p.normalisation) + ", aggregation " +
                  std::to_string(p.aggregation) + (p.imputed ? "" : ", no imputation") +
                  (p.treated ? "" : ", no treatment");
  if (!p.left_out.empty()) s += ", without " + p.left_out;
  return s;
}

}  // namespace

std::vector<std::string> Assumptions::parameters() const {
  std::vector<std::string> out;
  for (const auto& [level, _] : weight_noise) out.push_back("weights.L" + std::to_string(level));
  if (!normalisations.empty()) out.emplace_back("normalisation");
  if (!aggregations.empty()) out.emplace_back("aggregation");
  if (imputation) out.emplace_back("imputation");
  if (treatment) out.emplace_back("treatment");
  if (!leave_out.empty()) out.emplace_back("leave_out");
  return out;
}

UncertaintyResult run_uncertainty(const UnitData& data, const Framework& framework,
                                  const PipelineOptions& nominal, const Assumptions& assumptions,
                                  std::size_t n, std::uint64_t seed, unsigned threads,
                                  const Progress& progress, std::size_t first) {
  if (n == 0)
    throw ValidationError("uncertainty analysis: the number of replicates must be positive");
  Engine e;
  e.build(data, framework, nominal, assumptions, seed);
  const std::size_t units = e.units.size(), k = e.params.size();
  UncertaintyResult out;
  out.units = e.units;
  out.column = e.frame.nodes[e.top].code;
  out.nominal = e.nominal_ranks;
  out.replicates.resize(n);
  out.ranks.assign(n * units, 0);
  dxkit::detail::parallel_for<Engine::Work>(
      n, threads,
      [&](std::size_t r, Engine::Work& w) {
        Stream s(seed, first + r);
        std::vector<double> x(k);
        for (double& v : x) v = s.next();
        out.replicates[r] = e.choose(x.data());
        try {
          e.evaluate(out.replicates[r], w, {out.ranks.data() + r * units, units});
        } catch (const ValidationError& err) {
          throw ValidationError("replicate " + std::to_string(first + r) + " (" +
                                describe(out.replicates[r]) + "): " + err.what());
        }
      },
      progress);
  RankSummary summary = summarise_ranks(out.ranks, units);
  out.mean = std::move(summary.mean);
  out.median = std::move(summary.median);
  out.p5 = std::move(summary.p5);
  out.p95 = std::move(summary.p95);
  return out;
}

RankSummary summarise_ranks(std::span<const std::int32_t> ranks, std::size_t units) {
  if (units == 0 ? !ranks.empty() : ranks.size() % units != 0)
    throw ValidationError("summarise_ranks: " + std::to_string(ranks.size()) +
                          " ranks are not whole replicates of " + std::to_string(units) + " units");
  const std::size_t n = units == 0 ? 0 : ranks.size() / units;
  RankSummary out;
  out.mean.assign(units, kNaN);
  out.median.assign(units, kNaN);
  out.p5.assign(units, kNaN);
  out.p95.assign(units, kNaN);
  std::vector<double> v;
  for (std::size_t u = 0; u < units; ++u) {
    check_cancelled();  // each unit sorts n ranks: tens of ms for 400,000 replicates
    v.clear();
    for (std::size_t r = 0; r < n; ++r)
      if (const std::int32_t rank = ranks[r * units + u]; rank > 0) v.push_back(rank);
    if (v.empty()) continue;
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v) sum += x;
    out.mean[u] = sum / static_cast<double>(v.size());
    out.median[u] = quantile(v, 0.5);
    out.p5[u] = quantile(v, 0.05);
    out.p95[u] = quantile(v, 0.95);
  }
  return out;
}

namespace {

struct Indices {
  double variance = 0;
  std::vector<double> first, total;
};

Indices saltelli(const std::vector<double>& y, std::size_t n, std::size_t k,
                 const std::vector<std::size_t>& rows) {
  Indices out;
  const double m = static_cast<double>(rows.size());
  double sum = 0, sq = 0;
  for (std::size_t j : rows) {
    for (double v : {y[j], y[n + j]}) {
      sum += v;
      sq += v * v;
    }
  }
  const double mean = sum / (2 * m);
  out.variance = (sq - 2 * m * mean * mean) / (2 * m - 1);
  for (std::size_t i = 0; i < k; ++i) {
    double s = 0, t = 0;
    for (std::size_t j : rows) {
      const double a = y[j], b = y[n + j], ab = y[(2 + i) * n + j];
      s += b * (ab - a);
      t += (a - ab) * (a - ab);
    }
    const bool flat = !(out.variance > 0);
    out.first.push_back(flat ? 0.0 : s / m / out.variance);
    out.total.push_back(flat ? 0.0 : t / (2 * m) / out.variance);
  }
  return out;
}

// N (k + 2), the runs of the design; refused when N or k is too large to count them.
std::size_t design_runs(std::size_t n, std::size_t k) {
  if (n > std::numeric_limits<std::size_t>::max() / (k + 2))
    throw ValidationError("sensitivity analysis: N = " + std::to_string(n) + " with " +
                          std::to_string(k) + " parameters is more runs than can be counted");
  return n * (k + 2);
}

}  // namespace

SensitivityRuns sensitivity_runs(const UnitData& data, const Framework& framework,
                                 const PipelineOptions& nominal, const Assumptions& assumptions,
                                 std::size_t n, std::uint64_t seed, std::size_t first,
                                 std::size_t count, unsigned threads, const Progress& progress) {
  if (n < 2) throw ValidationError("sensitivity analysis: N must be at least 2");
  Engine e;
  e.build(data, framework, nominal, assumptions, seed);
  const std::size_t k = e.params.size();
  if (k == 0)
    throw ValidationError(
        "sensitivity analysis: no assumption varies (set weight noise, "
        "alternative methods, toggles or elements to leave out)");
  const std::size_t runs = design_runs(n, k), units = e.units.size();
  if (first > runs || count > runs - first)
    throw ValidationError("sensitivity analysis: the " + std::to_string(count) + " runs from run " +
                          std::to_string(first) + " are not all among the design's " +
                          std::to_string(runs) + " runs (N = " + std::to_string(n) +
                          ", k = " + std::to_string(k) + ")");
  SensitivityRuns out;
  out.parameters = e.params;
  out.n = n;
  out.runs = runs;
  out.first = first;
  out.output.assign(count, 0);
  if (count == 0) return out;
  // The design: A and B, N × k each, drawn before any run (the whole design, whichever runs
  // are asked for: run j's numbers do not depend on the block).
  std::vector<double> a(n * k), b(n * k);
  {
    Stream s(seed, 0x5A17E111ULL);
    for (double& v : a) v = s.next();
    for (double& v : b) v = s.next();
  }
  dxkit::detail::parallel_for<Engine::Work>(
      count, threads,
      [&](std::size_t r, Engine::Work& w) {
        const std::size_t j = first + r;
        std::vector<double> x(k);
        const std::size_t row = j % n, block = j / n;
        for (std::size_t i = 0; i < k; ++i) x[i] = block == 1 ? b[row * k + i] : a[row * k + i];
        if (block >= 2) x[block - 2] = b[row * k + block - 2];
        const Replicate p = e.choose(x.data());
        std::vector<std::int32_t> ranks(units);
        e.evaluate(p, w, ranks);
        double shift = 0;
        std::size_t counted = 0;
        for (std::size_t u = 0; u < units; ++u)
          if (ranks[u] > 0 && e.nominal_ranks[u] > 0) {
            shift += std::abs(ranks[u] - e.nominal_ranks[u]);
            ++counted;
          }
        out.output[r] = counted ? shift / static_cast<double>(counted) : 0.0;
      },
      progress);
  return out;
}

SensitivityResult sensitivity_indices(std::vector<double> output, std::size_t n,
                                      const std::vector<std::string>& parameters,
                                      std::uint64_t seed, std::size_t bootstrap) {
  if (n < 2) throw ValidationError("sensitivity analysis: N must be at least 2");
  const std::size_t k = parameters.size();
  if (k == 0)
    throw ValidationError(
        "sensitivity analysis: no assumption varies (set weight noise, "
        "alternative methods, toggles or elements to leave out)");
  const std::size_t runs = design_runs(n, k);
  if (output.size() != runs)
    throw ValidationError("sensitivity analysis: " + std::to_string(output.size()) +
                          " outputs for a design of " + std::to_string(runs) +
                          " runs (N = " + std::to_string(n) + ", k = " + std::to_string(k) + ")");
  for (std::size_t j = 0; j < runs; ++j)
    if (!std::isfinite(output[j]))
      throw ValidationError("sensitivity analysis: the output of run " + std::to_string(j) +
                            " is not a finite number");
  SensitivityResult out;
  out.runs = runs;
  out.output = std::move(output);
  std::vector<std::size_t> all(n);
  for (std::size_t j = 0; j < n; ++j) all[j] = j;
  const Indices point = saltelli(out.output, n, k, all);
  out.variance = point.variance;
  std::vector<std::vector<double>> first(k), total(k);
  std::vector<std::size_t> rows(n);
  for (std::size_t r = 0; r < bootstrap; ++r) {
    check_cancelled();  // each resample passes over N rows k times
    Stream s(seed, 0xB0075712ULL + r);
    for (auto& j : rows) j = pick(s.next(), n);
    const Indices ix = saltelli(out.output, n, k, rows);
    for (std::size_t i = 0; i < k; ++i) {
      first[i].push_back(ix.first[i]);
      total[i].push_back(ix.total[i]);
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    SensitivityIndex si;
    si.parameter = parameters[i];
    si.first = point.first[i];
    si.total = point.total[i];
    std::sort(first[i].begin(), first[i].end());
    std::sort(total[i].begin(), total[i].end());
    si.first_lo = bootstrap ? quantile(first[i], 0.025) : si.first;
    si.first_hi = bootstrap ? quantile(first[i], 0.975) : si.first;
    si.total_lo = bootstrap ? quantile(total[i], 0.025) : si.total;
    si.total_hi = bootstrap ? quantile(total[i], 0.975) : si.total;
    out.indices.push_back(si);
  }
  return out;
}

SensitivityResult run_sensitivity(const UnitData& data, const Framework& framework,
                                  const PipelineOptions& nominal, const Assumptions& assumptions,
                                  std::size_t n, std::uint64_t seed, unsigned threads,
                                  std::size_t bootstrap, const Progress& progress) {
  // k is the number of the assumptions' parameters (checked by sensitivity_runs).
  const std::size_t k = assumptions.parameters().size();
  SensitivityRuns runs = sensitivity_runs(data, framework, nominal, assumptions, n, seed, 0,
                                          design_runs(n, k), threads, progress);
  return sensitivity_indices(std::move(runs.output), n, runs.parameters, seed, bootstrap);
}

}  // namespace dxkit::index
