#include "dxkit/index/impute.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dxkit/error.hpp"

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
  // Each unit's group as a number, found once for all columns (not a lookup per cell); one
  // group (0) for the methods that ignore groups.
  std::vector<std::size_t> group_of;
  std::size_t groups = 0;
  std::vector<double> fill, sum;
  std::vector<std::size_t> count;
  std::vector<std::vector<double>> values;
  for (std::size_t c = 0; c < out.columns.size(); ++c) {
    auto chosen = by_indicator.find(out.columns[c]);
    const Imputation method = chosen == by_indicator.end() ? default_method : chosen->second;
    if (method == Imputation::none) continue;
    const bool by_group = method == Imputation::group_mean || method == Imputation::group_median;
    if (by_group && group.size() != out.rows())
      throw ValidationError("group imputation needs one group per unit");
    if (by_group && groups == 0) {
      std::unordered_map<std::string_view, std::size_t> ids;
      group_of.reserve(group.size());
      for (const std::string& g : group)
        group_of.push_back(ids.emplace(g, ids.size()).first->second);
      groups = ids.size();
    }
    const auto id = [&](std::size_t u) { return by_group ? group_of[u] : 0; };
    const std::size_t k = by_group ? groups : 1;
    auto col = out.col(c);
    // The fill values (NaN for a group with no value) are computed before any cell is filled,
    // each from its group's values in unit order.
    fill.assign(k, kNaN);
    if (method == Imputation::mean || method == Imputation::group_mean) {
      sum.assign(k, 0);
      count.assign(k, 0);
      for (std::size_t u = 0; u < col.size(); ++u) {
        if (std::isnan(col[u])) continue;
        sum[id(u)] += col[u];
        ++count[id(u)];
      }
      for (std::size_t g = 0; g < k; ++g)
        if (count[g] > 0) fill[g] = sum[g] / static_cast<double>(count[g]);
    } else {
      values.assign(k, {});
      for (std::size_t u = 0; u < col.size(); ++u)
        if (!std::isnan(col[u])) values[id(u)].push_back(col[u]);
      for (std::size_t g = 0; g < k; ++g) fill[g] = median_of(std::move(values[g]));
    }
    for (std::size_t u = 0; u < col.size(); ++u)
      if (std::isnan(col[u])) col[u] = fill[id(u)];
  }
  return out;
}

DataSet impute_group_mean(const DataSet& data, std::span<const std::string> group) {
  if (group.size() != data.rows())
    throw ValidationError("impute_group_mean: one group per unit is needed");
  return impute(data, Imputation::group_mean, group);
}

}  // namespace dxkit::index
