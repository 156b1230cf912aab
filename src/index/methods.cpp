// The selectable methods of the index pipeline, beside the canonical ones in
// index_pipeline.cpp, and run_pipeline that chains the steps.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>


#include "dxkit/error.hpp"
#include "dxkit/index/pipeline.hpp"
#include "index/detail.hpp"
#include "index/kernels.hpp"
#include "index/order.hpp"
#include "parallel.hpp"

namespace dxkit::index {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double median_of(std::vector<double> v) {
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

DataSet impute(DataSet data, Imputation method, std::span<const std::string> group) {
  return impute(std::move(data), method, {}, group);
}

DataSet impute(DataSet data, Imputation default_method,
               const std::map<std::string, Imputation>& by_indicator,
               std::span<const std::string> group) {
  DataSet out = std::move(data);
  for (std::size_t c = 0; c < out.columns.size(); ++c) {
    auto chosen = by_indicator.find(out.columns[c]);
    const Imputation method = chosen == by_indicator.end() ? default_method : chosen->second;
    if (method == Imputation::none) continue;
    const bool by_group = method == Imputation::group_mean || method == Imputation::group_median;
    if (by_group && group.size() != out.rows())
      throw ValidationError("group imputation needs one group per unit");
    auto col = out.col(c);
    const auto src = out.col(c);  // the fill values are computed before any cell is filled
    std::map<std::string, std::vector<double>> values;
    for (std::size_t u = 0; u < src.size(); ++u)
      if (!std::isnan(src[u])) values[by_group ? group[u] : std::string()].push_back(src[u]);
    std::map<std::string, double> fill;
    for (auto& [g, v] : values) {
      if (method == Imputation::mean || method == Imputation::group_mean) {
        double sum = 0;
        for (double x : v) sum += x;
        fill[g] = sum / static_cast<double>(v.size());
      } else {
        fill[g] = median_of(v);
      }
    }
    for (std::size_t u = 0; u < col.size(); ++u) {
      if (!std::isnan(col[u])) continue;
      auto it = fill.find(by_group ? group[u] : std::string());
      if (it != fill.end()) col[u] = it->second;
    }
  }
  return out;
}

namespace {

// Min ranks, 1 = lowest value (R's rank(ties.method = "min")), NaN stays NaN.
std::vector<double> ascending_min_ranks(std::span<const double> x) {
  std::vector<std::uint64_t> keys;
  const auto order = detail::descending_order(x, &keys);
  std::vector<double> r(x.size(), kNaN);
  const std::size_t n = order.size();
  // Walk from the lowest value up; a tie shares the rank of its lowest position.
  double rank = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t at = n - 1 - k;
    if (k == 0 || keys[at] != keys[at + 1]) rank = static_cast<double>(k) + 1;
    r[order[at]] = rank;
  }
  return r;
}

const std::string* meta_cell(const Node* node, const std::string& column) {
  if (!node) return nullptr;
  auto it = node->extra.find(column);
  return it == node->extra.end() ? nullptr : &it->second;
}

double meta_number(const Node* node, std::string_view code, const std::string& column) {
  const std::string* cell = meta_cell(node, column);
  if (!cell)
    throw ValidationError("normalisation parameters from iMeta: indicator '" + std::string(code) +
                          "' has no '" + column + "'");
  double v = 0;
  auto [end, ec] = std::from_chars(cell->data(), cell->data() + cell->size(), v);
  if (ec != std::errc() || end != cell->data() + cell->size())
    throw ValidationError("iMeta: '" + column + "' of '" + std::string(code) +
                          "' is not a number: '" + *cell + "'");
  return v;
}

bool meta_flag(const Node* node, std::string_view code, const std::string& column, bool fallback) {
  const std::string* cell = meta_cell(node, column);
  if (!cell) return fallback;
  if (*cell == "TRUE" || *cell == "true" || *cell == "1") return true;
  if (*cell == "FALSE" || *cell == "false" || *cell == "0") return false;
  throw ValidationError("iMeta: '" + column + "' of '" + std::string(code) +
                        "' must be TRUE or FALSE, not '" + *cell + "'");
}

NormSpec with_meta(NormSpec s, const Node* node, std::string_view code) {
  switch (s.method) {
    case Normalisation::minmax:
      s.lo = meta_number(node, code, "minmax_lower");
      s.hi = meta_number(node, code, "minmax_upper");
      break;
    case Normalisation::scaled:
      s.lo = meta_number(node, code, "scaled_lower");
      s.hi = meta_number(node, code, "scaled_upper");
      break;
    case Normalisation::zscore:
      s.mean = meta_number(node, code, "zscore_mean");
      s.sd = meta_number(node, code, "zscore_sd");
      break;
    case Normalisation::distance_to_target:
      s.cap = meta_flag(node, code, "dist2targ_cap_max", false);
      break;  // the target is the Target column, read below
    case Normalisation::goalposts:
      s.lo = meta_number(node, code, "goalpost_lower");
      s.hi = meta_number(node, code, "goalpost_upper");
      s.scale = meta_number(node, code, "goalpost_scale");
      s.truncate = meta_flag(node, code, "goalpost_trunc2posts", true);
      break;
    default:
      throw ValidationError("normalisation parameters from iMeta exist for minmax, scaled, "
                            "zscore, distance_to_target and goalposts only");
  }
  return s;
}

}  // namespace

void normalise_column(std::span<double> col, double dir, const NormSpec& given, const Node* node,
                      const DataSet& data, std::string_view code) {
  normalise_column(col, col, dir, given, node, data, code);
}

void normalise_column(std::span<const double> in, std::span<double> col, double dir,
                      const NormSpec& given, const Node* node, const DataSet& data,
                      std::string_view code) {
  if (in.size() != col.size())
    throw ValidationError("indicator '" + std::string(code) + "': normalise_column needs spans of one size");
  const NormSpec s = given.from_meta ? with_meta(given, node, code) : given;
  const std::string name(code);
  // The statistics of the directed values; min-max then writes the output in one pass from
  // the input, the other methods rework the directed values written to the output.
  const bool one_pass = s.method == Normalisation::minmax;
  const auto [mn, mx, sum, n] = kernels::directed_stats(in, one_pass ? std::span<double>() : col, dir);
  const auto undefined = [&](const std::string& why) {
    return ValidationError("indicator '" + name + "': " + why);
  };
  // Every transform below maps NaN to NaN, so missing values need no test and the loop
  // vectorises.
  const auto each = [&](auto f) {
    for (double& v : col) v = f(v);
  };
  switch (s.method) {
    case Normalisation::none: break;
    case Normalisation::minmax:
      if (!(mx > mn)) throw undefined("it is constant (or empty): min-max normalisation is undefined");
      kernels::minmax(in, dir, col, mn, mx, s.lo, s.hi);
      break;
    case Normalisation::zscore: {
      const double mean = sum / n;
      double ss = 0;
      for (double v : col)
        if (!std::isnan(v)) ss += (v - mean) * (v - mean);  // once per column: kept simple
      const double sd = std::sqrt(ss / (n - 1));
      if (!(sd > 0)) throw undefined("it is constant (or empty): the z-score is undefined");
      each([&](double v) { return (v - mean) / sd * s.sd + s.mean; });
      break;
    }
    case Normalisation::scaled:
      if (s.hi == s.lo) throw undefined("scaled: the upper and lower bounds are equal");
      each([&](double v) { return (v - s.lo) / (s.hi - s.lo) * 100; });
      break;
    case Normalisation::goalposts: {
      if (!(s.hi > s.lo)) throw undefined("goalposts: the upper goalpost must be above the lower one");
      // In the indicator's own units; a negative indicator runs from the upper post down.
      each([&](double v) {
        const double x = v * dir;
        double y = dir > 0 ? (x - s.lo) / (s.hi - s.lo) : (s.hi - x) / (s.hi - s.lo);
        if (s.truncate) y = std::clamp(y, 0.0, 1.0);
        return y * s.scale;
      });
      break;
    }
    case Normalisation::distance_to_target: {
      const std::optional<double> target = s.target ? s.target : node ? node->target : std::nullopt;
      if (!target) throw undefined("distance to target needs a target (iMeta's Target or target=)");
      // Back in the indicator's units: a positive one climbs from its minimum to the target,
      // a negative one from its maximum down to the target.
      const double lo = dir > 0 ? mn : -mx, hi = dir > 0 ? mx : -mn;
      const double span = dir > 0 ? *target - lo : hi - *target;
      if (span == 0) throw undefined("distance to target: the target equals the worst value");
      each([&](double v) {
        const double x = v * dir;
        const double y = dir > 0 ? (x - lo) / span : (hi - x) / span;
        return s.cap ? std::min(y, 1.0) : y;
      });
      break;
    }
    case Normalisation::distance_to_reference: {
      auto it = std::find(data.units.begin(), data.units.end(), s.reference);
      if (it == data.units.end())
        throw undefined("distance to reference: unit '" + s.reference + "' is not in the data");
      const double ref = col[static_cast<std::size_t>(it - data.units.begin())];
      if (std::isnan(ref))
        throw undefined("distance to reference: unit '" + s.reference + "' has no value");
      if (ref == mn) throw undefined("distance to reference: the reference is the minimum");
      each([&](double v) {
        const double y = 1 - (ref - v) / (ref - mn);
        return s.cap ? std::min(y, 1.0) : y;
      });
      break;
    }
    case Normalisation::distance_to_max:
      if (!(mx > mn)) throw undefined("it is constant (or empty): the distance to the maximum is undefined");
      each([&](double v) { return 1 - (mx - v) / (mx - mn); });
      break;
    case Normalisation::fraction_of_max:
      if (!(mx > 0))
        throw undefined("its maximum (after the direction) is not positive, so a fraction of it is undefined");
      each([&](double v) { return v / mx; });
      break;
    case Normalisation::rank:
    case Normalisation::percentile_rank:
    case Normalisation::borda: {
      const auto r = ascending_min_ranks(col);
      for (std::size_t u = 0; u < col.size(); ++u) {
        if (std::isnan(col[u])) continue;
        col[u] = s.method == Normalisation::rank    ? r[u]
                 : s.method == Normalisation::borda ? r[u] - 1
                 : n > 1                            ? (r[u] - 1) / (n - 1)
                                                    : 1.0;
      }
      break;
    }
  }
}

namespace {

// Normalises column c of `out` from `in` by the column's spec.
void normalise_one(DataSet& out, std::size_t c, std::span<const double> in, const Framework& f,
                   const PipelineOptions& o) {
  const auto node = f.find(out.columns[c]);
  const Node* n = node ? &f.nodes[*node] : nullptr;
  auto chosen = o.normalise_by_indicator.find(out.columns[c]);
  const NormSpec& spec = chosen == o.normalise_by_indicator.end() ? o.normalisation : chosen->second;
  normalise_column(in, out.col(c), n ? n->direction : 1.0, spec, n, out, out.columns[c]);
}

}  // namespace

DataSet normalise(DataSet data, const Framework& f, const PipelineOptions& o) {
  DataSet out = std::move(data);
  dxkit::detail::parallel_for(out.columns.size(),
                              dxkit::detail::threads_for(out.values.size(), o.threads),
                              [&](std::size_t c) { normalise_one(out, c, out.col(c), f, o); });
  return out;
}

namespace {

const char* method_name(Aggregation m) {
  switch (m) {
    case Aggregation::arithmetic: return "arithmetic";
    case Aggregation::geometric: return "geometric";
    case Aggregation::harmonic: return "harmonic";
    case Aggregation::generalised: return "generalised";
    case Aggregation::copeland: return "copeland";
  }
  return "";
}

// Copeland scores over the children: for each pair of units, the weighted share of children
// where one is higher (ties count half); above one half is a win (+1), below a loss (-1).
void copeland(const std::vector<Child>& kids, std::span<double> out) {
  const std::size_t n = out.size();
  double total = 0;
  for (const Child& k : kids) total += k.weight;
  std::vector<double> score(n, 0);
  std::vector<bool> any(n, false);
  for (const Child& k : kids)
    for (std::size_t u = 0; u < n; ++u) any[u] = any[u] || !std::isnan(k.values[u]);
  for (std::size_t i = 0; i < n; ++i) {
    if (!any[i]) continue;
    for (std::size_t j = i + 1; j < n; ++j) {
      if (!any[j]) continue;
      double higher = 0, equal = 0;
      for (const Child& k : kids) {
        const double a = k.values[i], b = k.values[j];
        if (std::isnan(a) || std::isnan(b)) continue;
        if (a > b) higher += k.weight / total;
        else if (a == b) equal += k.weight / total;
      }
      const double share = higher + equal / 2;
      if (share > 0.5) {
        score[i] += 1;
        score[j] -= 1;
      } else if (share < 0.5) {
        score[i] -= 1;
        score[j] += 1;
      }
    }
  }
  for (std::size_t u = 0; u < n; ++u) out[u] = any[u] ? score[u] : kNaN;
}

}  // namespace

void aggregate_children(const std::vector<Child>& kids, const AggSpec& spec,
                        std::span<double> result, AggregateScratch& scratch,
                        const std::string& parent, std::span<const std::string> units) {
  const std::size_t n = result.size();
  if (spec.method == Aggregation::generalised && spec.power == 0)
    throw ValidationError("aggregate '" + parent + "': the generalised mean needs a power "
                          "other than 0 (use the geometric mean)");
  if (spec.method == Aggregation::copeland) {
    copeland(kids, result);
  } else if (spec.method == Aggregation::arithmetic) {
    kernels::weighted_mean(kids, result);  // the most used: its own kernel
  } else {
    auto& acc = scratch.acc;
    auto& weights = scratch.weights;
    acc.assign(n, 0.0);
    weights.assign(n, 0.0);
    const bool positive = spec.method == Aggregation::geometric ||
                          spec.method == Aggregation::harmonic ||
                          (spec.method == Aggregation::generalised && spec.power < 0);
    for (const Child& k : kids) {
      const auto x = k.values;
      const double w = k.weight;
      // Missing children are skipped and the weights renormalised over the others.
      for (std::size_t u = 0; u < n; ++u) {
        const double v = x[u];
        if (std::isnan(v)) continue;
        if (positive && !(v > 0))
          throw ValidationError("aggregate '" + parent + "': the " + method_name(spec.method) +
                                " mean needs positive values; '" + std::string(k.code) + "' of unit '" +
                                (u < units.size() ? units[u] : std::to_string(u)) + "' is " +
                                std::to_string(v) +
                                " (normalise to a positive range, e.g. min-max to [1, 100])");
        switch (spec.method) {
          case Aggregation::geometric: acc[u] += w * std::log(v); break;
          case Aggregation::harmonic: acc[u] += w / v; break;
          case Aggregation::generalised: acc[u] += w * std::pow(v, spec.power); break;
          case Aggregation::arithmetic:
          case Aggregation::copeland: break;
        }
        weights[u] += w;
      }
    }
    switch (spec.method) {  // weights[u] == 0: no child has a value
      case Aggregation::geometric:
        for (std::size_t u = 0; u < n; ++u)
          result[u] = weights[u] > 0 ? std::exp(acc[u] / weights[u]) : kNaN;
        break;
      case Aggregation::harmonic:
        for (std::size_t u = 0; u < n; ++u) result[u] = weights[u] > 0 ? weights[u] / acc[u] : kNaN;
        break;
      case Aggregation::generalised:
        for (std::size_t u = 0; u < n; ++u)
          result[u] = weights[u] > 0 ? std::pow(acc[u] / weights[u], 1 / spec.power) : kNaN;
        break;
      case Aggregation::arithmetic:  // kernels::weighted_mean above
      case Aggregation::copeland: break;
    }
  }
  if (spec.min_share > 0) {
    auto& have = scratch.have;
    have.assign(n, 0.0);
    for (const Child& k : kids)
      for (std::size_t u = 0; u < n; ++u) have[u] += std::isnan(k.values[u]) ? 0.0 : 1.0;
    for (std::size_t u = 0; u < n; ++u)
      if (have[u] / static_cast<double>(kids.size()) < spec.min_share) result[u] = kNaN;
  }
}

const AggSpec& aggregation_for(const PipelineOptions& o, const Node& aggregate) {
  if (auto p = o.aggregate_by_parent.find(aggregate.code); p != o.aggregate_by_parent.end())
    return p->second;
  if (auto l = o.aggregate_by_level.find(aggregate.level); l != o.aggregate_by_level.end())
    return l->second;
  return o.aggregation;
}

DataSet aggregate(DataSet data, const Framework& f, Aggregation method) {
  PipelineOptions o;
  o.aggregation.method = method;
  return aggregate(std::move(data), f, o);
}

namespace {

// Aggregation level by level. The aggregates of a level depend only on the levels below:
// each level's columns are added first (no reallocation after that), then computed on
// o.threads threads. With `fused`, the columns present on entry are not ready yet:
// prepare(out, c) readies column c (normalises it) inside the level-2 job that reads it, while it
// is in that core's cache, and columns no level-2 aggregate reads are readied first.
template <class Prepare>
DataSet aggregate_with(DataSet data, const Framework& f, const PipelineOptions& o, bool fused,
                       Prepare prepare) {
  DataSet out = std::move(data);
  const std::size_t given = out.columns.size();
  const std::vector<std::size_t> aggregates = f.of_type(NodeType::aggregate);
  // One column per aggregate is appended: reserve once instead of growing per column.
  out.values.reserve(out.values.size() + aggregates.size() * out.rows());
  struct Job {
    const Node* node;
    std::size_t target;
    std::vector<std::pair<std::size_t, double>> kids;  // column, weight
  };
  const auto jobs_of = [&](int level) {
    std::vector<Job> jobs;
    for (std::size_t a : aggregates) {
      const Node& agg = f.nodes[a];
      if (agg.level != level) continue;
      Job job{&agg, 0, {}};
      for (std::size_t k : f.children(agg.code)) {
        auto c = out.column(f.nodes[k].code);
        if (!c)
          throw ValidationError("aggregate '" + agg.code + "': no column for child '" +
                                f.nodes[k].code + "'");
        job.kids.emplace_back(*c, f.nodes[k].weight);
      }
      jobs.push_back(std::move(job));
    }
    return jobs;
  };
  std::vector<Job> jobs = jobs_of(2);
  if (fused) {
    std::vector<char> read_at_2(given, 0);
    for (const Job& j : jobs)
      for (const auto& [c, _] : j.kids) read_at_2[c] = 1;
    std::vector<std::size_t> rest;
    for (std::size_t c = 0; c < given; ++c)
      if (!read_at_2[c]) rest.push_back(c);
    dxkit::detail::parallel_for(rest.size(), dxkit::detail::threads_for(rest.size() * out.rows(), o.threads),
                                [&](std::size_t i) { prepare(out, rest[i]); });
  }
  for (int level = 2; level <= f.max_level(); ++level) {
    if (level > 2) jobs = jobs_of(level);
    std::size_t cells = 0;
    for (Job& j : jobs) {  // each job writes every number of its column: no NaN first
      j.target = out.columns.size();
      out.columns.push_back(j.node->code);
      cells += j.kids.size() * out.rows();
    }
    out.values.resize(out.columns.size() * out.rows());
    const bool readies = fused && level == 2;
    dxkit::detail::parallel_for<AggregateScratch>(
        jobs.size(), dxkit::detail::threads_for(cells, o.threads),
        [&](std::size_t j, AggregateScratch& scratch) {
          const Job& job = jobs[j];
          std::vector<Child> kids;
          kids.reserve(job.kids.size());
          for (const auto& [c, w] : job.kids) {
            if (readies && c < given) prepare(out, c);
            kids.push_back({out.columns[c], out.col(c), w});
          }
          aggregate_children(kids, aggregation_for(o, *job.node), out.col(job.target), scratch,
                             job.node->code, out.units);
        },
        dxkit::detail::NoReport{});
  }
  return out;
}

}  // namespace

DataSet aggregate(DataSet data, const Framework& f, const PipelineOptions& o) {
  return aggregate_with(std::move(data), f, o, false, [](DataSet&, std::size_t) {});
}

namespace {
template <class E>
E by_name(std::string_view name, std::initializer_list<std::pair<std::string_view, E>> options,
          const char* what) {
  std::string accepted;
  for (const auto& [n, e] : options) {
    if (name == n) return e;
    accepted += (accepted.empty() ? "" : ", ") + std::string(n);
  }
  throw ValidationError(std::string("unknown ") + what + " '" + std::string(name) +
                        "'; accepted: " + accepted);
}
}  // namespace

Imputation parse_imputation(std::string_view name) {
  return by_name<Imputation>(name,
                             {{"none", Imputation::none}, {"mean", Imputation::mean},
                              {"median", Imputation::median}, {"group_mean", Imputation::group_mean},
                              {"group_median", Imputation::group_median}},
                             "imputation");
}

PanelImputation parse_panel_imputation(std::string_view name) {
  return by_name<PanelImputation>(name,
                                  {{"none", PanelImputation::none},
                                   {"latest", PanelImputation::latest},
                                   {"constant", PanelImputation::constant},
                                   {"linear", PanelImputation::linear}},
                                  "panel imputation");
}

Normalisation parse_normalisation(std::string_view name) {
  return by_name<Normalisation>(
      name,
      {{"none", Normalisation::none}, {"minmax", Normalisation::minmax},
       {"zscore", Normalisation::zscore}, {"scaled", Normalisation::scaled},
       {"goalposts", Normalisation::goalposts},
       {"distance_to_target", Normalisation::distance_to_target},
       {"distance_to_reference", Normalisation::distance_to_reference},
       {"distance_to_max", Normalisation::distance_to_max},
       {"fraction_of_max", Normalisation::fraction_of_max}, {"rank", Normalisation::rank},
       {"percentile_rank", Normalisation::percentile_rank}, {"borda", Normalisation::borda}},
      "normalisation");
}

Aggregation parse_aggregation(std::string_view name) {
  return by_name<Aggregation>(name,
                              {{"arithmetic", Aggregation::arithmetic},
                               {"geometric", Aggregation::geometric},
                               {"harmonic", Aggregation::harmonic},
                               {"generalised", Aggregation::generalised},
                               {"copeland", Aggregation::copeland}},
                              "aggregation");
}

Transform parse_transform(std::string_view name) {
  return by_name<Transform>(name,
                            {{"log_ct", Transform::log_ct}, {"log_ct_plus", Transform::log_ct_plus},
                             {"log_ct_orig", Transform::log_ct_orig}, {"boxcox", Transform::boxcox},
                             {"none", Transform::none}},
                            "transform");
}

const DataSet& PipelineResult::data(std::string_view name) const {
  if (!kept && name != "aggregated" &&
      (name == "denominated" || name == "imputed" || name == "screened" || name == "treated" ||
       name == "normalised"))
    throw ValidationError("data set '" + std::string(name) +
                          "' was not kept (the run had keep_data_sets = false)");
  if (name == "denominated") return denominated;
  if (name == "imputed") return imputed;
  if (name == "screened") return screened;
  if (name == "treated") return treated;
  if (name == "normalised") return normalised;
  if (name == "aggregated") return aggregated;
  throw ValidationError("unknown data set '" + std::string(name) +
                        "'; accepted: denominated, imputed, screened, treated, normalised, "
                        "aggregated");
}

namespace {

// Options that name indicators, aggregates or levels must name existing ones.
void check_names(const PipelineOptions& o, const Framework& f) {
  auto indicator = [&](const std::string& code, const char* what) {
    auto i = f.find(code);
    if (!i || f.nodes[*i].type != NodeType::indicator)
      throw ValidationError(std::string(what) + ": '" + code + "' is not an indicator of the framework");
  };
  for (const auto& [code, _] : o.impute_by_indicator) indicator(code, "impute");
  for (const auto& [code, _] : o.treat_by_indicator) indicator(code, "treat");
  for (const auto& [code, _] : o.normalise_by_indicator) indicator(code, "normalise");
  for (const auto& [code, _] : o.aggregate_by_parent) {
    auto i = f.find(code);
    if (!i || f.nodes[*i].type != NodeType::aggregate)
      throw ValidationError("aggregate: '" + code + "' is not an aggregate of the framework");
  }
  for (const auto& [level, _] : o.aggregate_by_level)
    if (level < 2 || level > f.max_level())
      throw ValidationError("aggregate: level " + std::to_string(level) +
                            " is not an aggregation level (2.." + std::to_string(f.max_level()) + ")");
}

bool group_method(Imputation m) { return m == Imputation::group_mean || m == Imputation::group_median; }

// Whether denominate, impute, screen and treat would all leave the numbers as they are.
bool passes_through(const Framework& used, const PipelineOptions& o) {
  for (const Node& n : used.nodes)
    if (!n.denominator.empty()) return false;
  if (o.imputation != Imputation::none) return false;
  for (const auto& [_, m] : o.impute_by_indicator)
    if (m != Imputation::none) return false;
  return detail::screens_nothing(o.screen) && !o.treat;
}


}  // namespace

PipelineResult run_pipeline(const UnitData& data, const Framework& f, const PipelineOptions& o) {
  check_names(o, f);
  PipelineResult r;
  const UnitData* source = &data;
  UnitData panel;
  const std::vector<double> times = data.times();
  if (times.size() > 1 || o.time || o.panel_imputation != PanelImputation::none) {
    if (times.empty()) throw ValidationError("the data has no Time column (a time or panel imputation was asked for)");
    std::vector<PanelFill> filled;
    panel = impute_panel(data, o.panel_imputation, o.max_time, &filled);
    r.time = o.time ? *o.time : times.back();
    panel = select_time(panel, *r.time);
    for (PanelFill& p : filled)
      if (p.time == *r.time) r.panel_filled.push_back(std::move(p));
    source = &panel;
  }
  Framework used = f.with_weights(o.weight_set);
  for (const auto& [code, w] : o.weights) {
    auto i = used.find(code);
    if (!i || !used.nodes[*i].in_tree())
      throw ValidationError("weight: '" + code + "' is not an indicator or aggregate of the framework");
    if (!std::isfinite(w) || w < 0) throw ValidationError("weight of '" + code + "' must be a number >= 0");
    used.nodes[*i].weight = w;
  }
  if (!o.denominate)
    for (Node& n : used.nodes) n.denominator.clear();
  r.kept = o.keep_data_sets;  // without the intermediate sets every step works in place
  if (!r.kept && passes_through(used, o)) {
    // Nothing before the normalisation changes a number: it reads the source itself.
    std::vector<std::size_t> from;
    DataSet current = detail::indicator_columns_of(source->data, used, from);
    current.values.resize(current.columns.size() * current.rows());
    // Each indicator is normalised inside the job of the aggregate that reads it, while it
    // is in cache (same numbers as normalise then aggregate).
    r.aggregated = aggregate_with(std::move(current), used, o, true, [&](DataSet& out, std::size_t c) {
      normalise_one(out, c, source->col(from[c]), used, o);
    });
    r.framework = std::move(used);
    return r;
  }
  DataSet current = denominate(*source, used);
  const auto keep = [&](DataSet& slot) {
    if (r.kept) slot = current;
  };
  keep(r.denominated);
  std::vector<std::string> group;
  bool needs_group = group_method(o.imputation);
  for (const auto& [_, m] : o.impute_by_indicator) needs_group = needs_group || group_method(m);
  if (needs_group) {
    auto it = source->groups.find(o.impute_group);
    if (it == source->groups.end())
      throw ValidationError("no group column '" + o.impute_group + "' in the data for imputation");
    group = it->second;
  }
  current = impute(std::move(current), o.imputation, o.impute_by_indicator, group);
  keep(r.imputed);
  current = screen_units(std::move(current), o.screen, &r.screening);
  for (const Screened& s : r.screening) r.screened_out.push_back(s.unit);
  keep(r.screened);
  if (o.treat)
    current = treat_outliers(std::move(current), o.treatment, &r.treatment, &o.treat_by_indicator);
  keep(r.treated);
  current = normalise(std::move(current), used, o);
  keep(r.normalised);
  r.aggregated = aggregate(std::move(current), used, o);
  r.framework = std::move(used);
  return r;
}

}  // namespace dxkit::index
