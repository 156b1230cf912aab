#include "dxkit/index/denominate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

#include "dxkit/error.hpp"
#include "index/detail.hpp"

namespace dxkit::index {

namespace {
// The indicator columns of `raw` (numbers from `col`), each divided by its denominator.
template <class Col>
DataSet denominate_from(const DataSet& raw, Col col, const Framework& f) {
  std::vector<std::size_t> from;
  DataSet out = detail::indicator_columns_of(raw, f, from);
  for (std::size_t k = 0; k < out.columns.size(); ++k) {
    const std::string& code = out.columns[k];
    const auto src = col(from[k]);
    const std::size_t at = out.values.size();
    out.values.insert(out.values.end(), src.begin(), src.end());
    const Node& n = f.nodes[*f.find(code)];
    if (n.denominator.empty()) continue;
    auto d = raw.column(n.denominator);
    if (!d) throw ValidationError("the data has no denominator column '" + n.denominator + "'");
    const auto den = col(*d);
    for (std::size_t u = 0; u < raw.rows(); ++u) out.values[at + u] /= den[u];
  }
  return out;
}
}  // namespace

DataSet detail::indicator_columns_of(const DataSet& raw, const Framework& f,
                                     std::vector<std::size_t>& from) {
  DataSet out;
  out.units = raw.units;
  out.names = raw.names;
  const auto indicators = f.of_type(NodeType::indicator);
  out.values.reserve((indicators.size() + f.of_type(NodeType::aggregate).size()) * raw.rows());
  from.clear();
  const auto column_at = positions(raw.columns);
  for (std::size_t i : indicators) {
    const auto it = column_at.find(f.nodes[i].code);
    const auto c = it == column_at.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    if (!c) throw ValidationError("the data has no column for indicator '" + f.nodes[i].code + "'");
    out.columns.push_back(f.nodes[i].code);
    from.push_back(*c);
  }
  return out;
}

DataSet denominate(const DataSet& raw, const Framework& f) {
  return denominate_from(
      raw, [&](std::size_t c) { return raw.col(c); }, f);
}

DataSet denominate(const UnitData& raw, const Framework& f) {
  return denominate_from(
      raw.data, [&](std::size_t c) { return raw.col(c); }, f);
}

}  // namespace dxkit::index
