// Ranks of index results: min ranks of many columns on threads, ranks with a choice of ties,
// ranks within groups, a unit's strengths and weaknesses, and the comparison of two results.
#include "dxkit/index/ranks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

#include "dxkit/error.hpp"
#include "index/order.hpp"
#include "parallel.hpp"

namespace dxkit::index {

void detail::rank_min_into(std::span<const double> x, std::span<std::int32_t> out) {
  std::vector<std::uint64_t> keys;
  const auto order = detail::descending_order(x, &keys);
  std::fill(out.begin(), out.end(), 0);
  // Ties get the rank of their first member, whatever their order.
  std::int32_t rank = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k == 0 || keys[k] != keys[k - 1]) rank = static_cast<std::int32_t>(k) + 1;
    out[order[k]] = rank;
  }
}

std::vector<std::optional<int>> rank_min(std::span<const double> x) {
  std::vector<std::int32_t> r(x.size());
  detail::rank_min_into(x, r);
  std::vector<std::optional<int>> out(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    if (r[i] != 0) out[i] = r[i];
  return out;
}

std::vector<std::int32_t> rank_columns(std::span<const std::span<const double>> columns,
                                       unsigned threads) {
  const std::size_t n = columns.empty() ? 0 : columns[0].size(), cols = columns.size();
  for (const auto& c : columns)
    if (c.size() != n) throw ValidationError("rank_columns: the columns must be of one length");
  std::vector<std::int32_t> out(n * cols, 0);
  dxkit::detail::parallel_for(
      cols, dxkit::detail::threads_for(n * cols, threads), [&](std::size_t c) {
        detail::rank_min_into(columns[c], std::span<std::int32_t>(out.data() + c * n, n));
      });
  return out;
}

std::vector<std::int32_t> rank_columns(const DataSet& data, unsigned threads) {
  std::vector<std::span<const double>> columns;
  for (std::size_t c = 0; c < data.columns.size(); ++c) columns.push_back(data.col(c));
  return rank_columns(columns, threads);
}

std::vector<std::optional<double>> rank(std::span<const double> x, Ties ties) {
  std::vector<std::uint64_t> keys;
  const auto order = detail::descending_order(x, &keys);
  std::vector<std::optional<double>> out(x.size());
  int dense = 0;
  for (std::size_t k = 0; k < order.size();) {
    std::size_t j = k;
    while (j + 1 < order.size() && keys[j + 1] == keys[k]) ++j;
    ++dense;
    const double value = ties == Ties::min ? static_cast<double>(k + 1)
                         : ties == Ties::dense
                             ? static_cast<double>(dense)
                             : (static_cast<double>(k + 1) + static_cast<double>(j + 1)) / 2;
    for (std::size_t m = k; m <= j; ++m) out[order[m]] = value;
    k = j + 1;
  }
  return out;
}

std::vector<std::optional<double>> rank_within(std::span<const double> x,
                                               std::span<const std::string> group, Ties ties) {
  if (group.size() != x.size()) throw ValidationError("rank_within: one group per unit is needed");
  std::map<std::string, std::vector<std::size_t>> members;
  for (std::size_t i = 0; i < x.size(); ++i) members[group[i]].push_back(i);
  std::vector<std::optional<double>> out(x.size());
  for (const auto& [g, idx] : members) {
    std::vector<double> sub;
    for (std::size_t i : idx) sub.push_back(x[i]);
    const auto r = rank(sub, ties);
    for (std::size_t k = 0; k < idx.size(); ++k) out[idx[k]] = r[k];
  }
  return out;
}

StrengthsWeaknesses strengths_and_weaknesses(const DataSet& data, const Framework& f,
                                             std::string_view unit, std::size_t n) {
  const auto it = std::find(data.units.begin(), data.units.end(), unit);
  if (it == data.units.end()) throw ValidationError("no unit '" + std::string(unit) + "'");
  const auto u = static_cast<std::size_t>(it - data.units.begin());
  std::vector<std::pair<std::string, int>> ranked;  // in iMeta order
  for (std::size_t i : f.of_type(NodeType::indicator)) {
    auto c = data.column(f.nodes[i].code);
    if (!c) continue;
    const auto r = rank(data.col(*c), Ties::min);
    if (r[u]) ranked.emplace_back(f.nodes[i].code, static_cast<int>(*r[u]));
  }
  StrengthsWeaknesses out;
  auto best = ranked;
  std::stable_sort(best.begin(), best.end(), [](auto& a, auto& b) { return a.second < b.second; });
  auto worst = ranked;
  std::stable_sort(worst.begin(), worst.end(),
                   [](auto& a, auto& b) { return a.second > b.second; });
  best.resize(std::min(n, best.size()));
  worst.resize(std::min(n, worst.size()));
  out.strengths = std::move(best);
  out.weaknesses = std::move(worst);
  return out;
}

std::vector<Change> compare_results(const DataSet& before, const DataSet& after,
                                    std::string_view column) {
  const auto cb = before.column(column), ca = after.column(column);
  if (!cb || !ca)
    throw ValidationError("compare_results: both results need the column '" + std::string(column) +
                          "'");
  const auto rb = rank_min(before.col(*cb)), ra = rank_min(after.col(*ca));
  std::map<std::string, std::size_t> in_after;
  for (std::size_t u = 0; u < after.rows(); ++u) in_after[after.units[u]] = u;
  std::vector<Change> out;
  auto value = [](double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); };
  for (std::size_t u = 0; u < before.rows(); ++u) {
    Change c;
    c.unit = before.units[u];
    c.score_before = value(before.col(*cb)[u]);
    c.rank_before = rb[u];
    if (auto it = in_after.find(c.unit); it != in_after.end()) {
      c.score_after = value(after.col(*ca)[it->second]);
      c.rank_after = ra[it->second];
      in_after.erase(it);
    }
    if (c.rank_before && c.rank_after) c.rank_change = *c.rank_before - *c.rank_after;
    out.push_back(std::move(c));
  }
  for (std::size_t u = 0; u < after.rows(); ++u) {
    if (!in_after.count(after.units[u])) continue;
    Change c;
    c.unit = after.units[u];
    c.score_after = value(after.col(*ca)[u]);
    c.rank_after = ra[u];
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace dxkit::index
