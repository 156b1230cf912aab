// The selectable methods of the index pipeline, beside the canonical ones in
// index_pipeline.cpp, and run_pipeline that chains the steps.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "dxkit/error.hpp"
#include "dxkit/index/pipeline.hpp"

namespace dxkit::index {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double median_of(std::vector<double> v) {
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Average ranks, 1 = lowest value (ties share the mean of their positions).
std::vector<double> average_ranks(std::span<const double> x) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isnan(x[i])) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size(), kNaN);
  for (std::size_t k = 0; k < order.size();) {
    std::size_t j = k;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[k]]) ++j;
    const double avg = (static_cast<double>(k) + static_cast<double>(j)) / 2 + 1;
    for (std::size_t m = k; m <= j; ++m) r[order[m]] = avg;
    k = j + 1;
  }
  return r;
}
}  // namespace

DataSet impute(const DataSet& data, Imputation method, std::span<const std::string> group) {
  if (method == Imputation::none) return data;
  if (method == Imputation::group_mean) return impute_group_mean(data, group);
  const bool by_group = method == Imputation::group_median;
  if (by_group && group.size() != data.rows())
    throw ValidationError("group imputation needs one group per unit");
  DataSet out = data;
  for (std::size_t c = 0; c < out.columns.size(); ++c) {
    auto col = out.col(c);
    const auto src = data.col(c);
    std::map<std::string, std::vector<double>> values;
    for (std::size_t u = 0; u < src.size(); ++u)
      if (!std::isnan(src[u])) values[by_group ? group[u] : std::string()].push_back(src[u]);
    std::map<std::string, double> fill;
    for (auto& [g, v] : values) {
      if (method == Imputation::mean) {
        double s = 0;
        for (double x : v) s += x;
        fill[g] = s / static_cast<double>(v.size());
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

DataSet normalise(const DataSet& data, const Framework& f, const PipelineOptions& o) {
  if (o.normalisation == Normalisation::minmax) return normalise_minmax(data, f, o.norm_lo, o.norm_hi);
  DataSet out = data;
  for (std::size_t c = 0; c < out.columns.size(); ++c) {
    const auto node = f.find(out.columns[c]);
    const double dir = node ? f.nodes[*node].direction : 1.0;
    auto col = out.col(c);
    double mn = INFINITY, mx = -INFINITY, sum = 0, n = 0;
    for (double& v : col) {
      if (std::isnan(v)) continue;
      v *= dir;
      mn = std::min(mn, v);
      mx = std::max(mx, v);
      sum += v;
      ++n;
    }
    const auto constant = [&] {
      return ValidationError("indicator '" + out.columns[c] + "' is constant (or empty): " +
                             "this normalisation is undefined");
    };
    switch (o.normalisation) {
      case Normalisation::zscore: {
        const double mean = sum / n;
        double ss = 0;
        for (double v : col)
          if (!std::isnan(v)) ss += (v - mean) * (v - mean);
        const double sd = std::sqrt(ss / (n - 1));
        if (!(sd > 0)) throw constant();
        for (double& v : col)
          if (!std::isnan(v)) v = (v - mean) / sd * o.z_sd + o.z_mean;
        break;
      }
      case Normalisation::goalposts: {
        if (!(o.goal_high > o.goal_low))
          throw ValidationError("goalposts: the high goalpost must be above the low one");
        for (double& v : col)
          if (!std::isnan(v))
            v = std::clamp((v - o.goal_low) / (o.goal_high - o.goal_low), 0.0, 1.0) * 100;
        break;
      }
      case Normalisation::distance_to_max:
        if (!(mx > mn)) throw constant();
        for (double& v : col)
          if (!std::isnan(v)) v = 1 - (mx - v) / (mx - mn);
        break;
      case Normalisation::fraction_of_max:
        if (!(mx > 0))
          throw ValidationError("indicator '" + out.columns[c] + "': its maximum (after the " +
                                "direction) is not positive, so a fraction of it is undefined");
        for (double& v : col)
          if (!std::isnan(v)) v = v / mx;
        break;
      case Normalisation::rank:
      case Normalisation::percentile_rank: {
        const auto r = average_ranks(col);
        for (std::size_t u = 0; u < col.size(); ++u) {
          if (std::isnan(col[u])) continue;
          col[u] = o.normalisation == Normalisation::rank ? r[u]
                   : n > 1                                ? (r[u] - 1) / (n - 1)
                                                          : 1.0;
        }
        break;
      }
      case Normalisation::minmax: break;
    }
  }
  return out;
}

DataSet aggregate(const DataSet& data, const Framework& f, Aggregation method) {
  DataSet out = data;
  // One column per aggregate is appended: reserve once instead of growing per column.
  out.values.reserve(out.values.size() + f.of_type(NodeType::aggregate).size() * out.rows());
  for (int level = 2; level <= f.max_level(); ++level) {
    for (std::size_t a : f.of_type(NodeType::aggregate)) {
      const Node& agg = f.nodes[a];
      if (agg.level != level) continue;
      std::vector<std::pair<std::size_t, double>> kids;  // column, weight
      for (std::size_t k : f.children(agg.code)) {
        auto c = out.column(f.nodes[k].code);
        if (!c)
          throw ValidationError("aggregate '" + agg.code + "': no column for child '" +
                                f.nodes[k].code + "'");
        kids.emplace_back(*c, f.nodes[k].weight);
      }
      const std::size_t target = out.add_column(agg.code);
      for (std::size_t u = 0; u < out.rows(); ++u) {
        // Missing children are skipped and the weights renormalised over the others.
        double acc = 0, weights = 0;
        for (const auto& [c, w] : kids) {
          const double v = out.col(c)[u];
          if (std::isnan(v)) continue;
          if (method != Aggregation::arithmetic && !(v > 0))
            throw ValidationError(
                "the " + std::string(method == Aggregation::geometric ? "geometric" : "harmonic") +
                " mean needs positive values; '" + out.columns[c] + "' of unit '" +
                out.units[u] + "' is " + std::to_string(v) +
                " (normalise to a positive range, e.g. min-max to [1, 100])");
          acc += method == Aggregation::arithmetic ? w * v
                 : method == Aggregation::geometric ? w * std::log(v)
                                                    : w / v;
          weights += w;
        }
        double value = kNaN;
        if (weights > 0)
          value = method == Aggregation::arithmetic ? acc / weights
                  : method == Aggregation::geometric ? std::exp(acc / weights)
                                                     : weights / acc;
        out.col(target)[u] = value;
      }
    }
  }
  return out;
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

Normalisation parse_normalisation(std::string_view name) {
  return by_name<Normalisation>(
      name,
      {{"minmax", Normalisation::minmax}, {"zscore", Normalisation::zscore},
       {"goalposts", Normalisation::goalposts}, {"distance_to_max", Normalisation::distance_to_max},
       {"fraction_of_max", Normalisation::fraction_of_max}, {"rank", Normalisation::rank},
       {"percentile_rank", Normalisation::percentile_rank}},
      "normalisation");
}

Aggregation parse_aggregation(std::string_view name) {
  return by_name<Aggregation>(name,
                              {{"arithmetic", Aggregation::arithmetic},
                               {"geometric", Aggregation::geometric},
                               {"harmonic", Aggregation::harmonic}},
                              "aggregation");
}

const DataSet& PipelineResult::data(std::string_view name) const {
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

PipelineResult run_pipeline(const UnitData& data, const Framework& f, const PipelineOptions& o) {
  PipelineResult r;
  Framework used = f;
  if (!o.denominate)
    for (Node& n : used.nodes) n.denominator.clear();
  r.denominated = denominate(data.data, used);
  std::vector<std::string> group;
  if (o.imputation == Imputation::group_mean || o.imputation == Imputation::group_median) {
    auto it = data.groups.find(o.impute_group);
    if (it == data.groups.end())
      throw ValidationError("no group column '" + o.impute_group + "' in the data for imputation");
    group = it->second;
  }
  r.imputed = impute(r.denominated, o.imputation, group);
  r.screened = screen_by_availability(r.imputed, o.screen_threshold, &r.screened_out);
  r.treated = o.treat ? treat_outliers(r.screened, o.treatment, &r.treatment) : r.screened;
  r.normalised = normalise(r.treated, f, o);
  r.aggregated = aggregate(r.normalised, f, o.aggregation);
  return r;
}

}  // namespace dxkit::index
