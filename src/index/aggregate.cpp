#include "dxkit/index/aggregate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

#include "dxkit/error.hpp"
#include "index/aggregate_levels.hpp"
#include "index/kernels.hpp"
#include "parallel.hpp"

namespace dxkit::index {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

namespace {

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
        // A missing value compares false both ways: that child adds to neither share.
        const double a = k.values[i], b = k.values[j];
        if (a > b)
          higher += k.weight / total;
        else if (a == b)
          equal += k.weight / total;
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
    throw ValidationError("aggregate '" + parent +
                          "': the generalised mean needs a power "
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
          throw ValidationError(
              "aggregate '" + parent + "': the " + std::string(kAggregations.name(spec.method)) +
              " mean needs positive values; '" + std::string(k.code) + "' of unit '" +
              (u < units.size() ? units[u] : std::to_string(u)) + "' is " + std::to_string(v) +
              " (normalise to a positive range, e.g. min-max to [1, 100])");
        switch (spec.method) {
          case Aggregation::geometric:
            acc[u] += w * std::log(v);
            break;
          case Aggregation::harmonic:
            acc[u] += w / v;
            break;
          case Aggregation::generalised:
            acc[u] += w * std::pow(v, spec.power);
            break;
          case Aggregation::arithmetic:
          case Aggregation::copeland:
            break;
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
      case Aggregation::copeland:
        break;
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

DataSet aggregate(DataSet data, const Framework& f, const PipelineOptions& o) {
  return detail::aggregate_with(std::move(data), f, o, false,
                                [](const DataSet&, std::span<double>, std::size_t) {});
}

DataSet aggregate_mean(const DataSet& data, const Framework& f) {
  return aggregate(data, f, Aggregation::arithmetic);
}

}  // namespace dxkit::index
