#include "dxkit/index/impute.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

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

DataSet impute_group_mean(const DataSet& data, std::span<const std::string> group) {
  if (group.size() != data.rows())
    throw ValidationError("impute_group_mean: one group per unit is needed");
  return impute(data, Imputation::group_mean, group);
}

}  // namespace dxkit::index
