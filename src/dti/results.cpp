// DTI results as published.
#include "dxkit/dti/results.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "dti/detail.hpp"
#include "dxkit/error.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::dti {

using detail::at;
using detail::kNaN;
using detail::split;

index::DataSet results(const index::UnitData& points, const index::Framework& f) {
  const index::DataSet& d = points.data;
  index::DataSet out;
  out.units = d.units;
  out.names = d.names;
  const std::size_t n = d.rows();
  // Points and maximum of every node: a leaf's own, an aggregate's the sum of its children's.
  std::map<std::string, std::pair<std::vector<double>, double>> sums;
  for (std::size_t i : f.of_type(index::NodeType::indicator)) {
    const index::Node& node = f.nodes[i];
    auto c = d.column(node.code);
    if (!c)
      throw ValidationError("the points have no column for main indicator '" + node.code + "'");
    const double max = max_points(node);
    const auto given = points.col(*c);
    std::vector<double> p(given.begin(), given.end());
    if (max > 0)
      for (std::size_t u = 0; u < n; ++u)
        if (std::isnan(p[u]))
          throw ValidationError("'" + d.units[u] + "' has no points for '" + node.code + "'");
    sums[node.code] = {max > 0 ? p : std::vector<double>(n, 0.0), max};
  }
  for (int level = 2; level <= f.max_level(); ++level)
    for (std::size_t i : f.of_type(index::NodeType::aggregate)) {
      if (f.nodes[i].level != level) continue;
      std::vector<double> p(n, 0.0);
      double max = 0;
      for (std::size_t k : f.children(f.nodes[i].code)) {
        const auto& [kp, km] = sums.at(f.nodes[k].code);
        for (std::size_t u = 0; u < n; ++u) p[u] += kp[u];
        max += km;
      }
      sums[f.nodes[i].code] = {std::move(p), max};
    }
  // Scores on 0..1, in iMeta order of indicators then aggregates level by level. Sums of
  // points with decimals are rounded at 1e-10 so that equal totals tie exactly.
  auto add = [&](const index::Node& node) {
    const auto& [p, max] = sums.at(node.code);
    auto col = out.col(out.add_column(node.code));
    for (std::size_t u = 0; u < n; ++u)
      col[u] = max > 0 ? std::round(p[u] / max * 1e10) / 1e10 : kNaN;
  };
  for (std::size_t i : f.of_type(index::NodeType::indicator)) add(f.nodes[i]);
  for (int level = 2; level <= f.max_level(); ++level)
    for (std::size_t i : f.of_type(index::NodeType::aggregate))
      if (f.nodes[i].level == level) add(f.nodes[i]);
  return out;
}

double published(double value, int decimals) {
  if (std::isnan(value)) return value;
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

}  // namespace dxkit::dti
