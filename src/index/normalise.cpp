#include "dxkit/index/normalise.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

#include "dxkit/error.hpp"
#include "index/detail.hpp"
#include "index/kernels.hpp"
#include "index/order.hpp"
#include "parallel.hpp"

namespace dxkit::index {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

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
      throw ValidationError(
          "normalisation parameters from iMeta exist for minmax, scaled, "
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
    throw ValidationError("indicator '" + std::string(code) +
                          "': normalise_column needs spans of one size");
  const NormSpec s = given.from_meta ? with_meta(given, node, code) : given;
  const std::string name(code);
  // The statistics of the directed values; min-max then writes the output in one pass from
  // the input, the other methods rework the directed values written to the output.
  const bool one_pass = s.method == Normalisation::minmax;
  // Named copies, not a structured binding: lambdas below capture them, which clang before
  // 16 (the fuzz preset's clang 14) does not allow for bindings.
  const kernels::DirectedStats stats =
      kernels::directed_stats(in, one_pass ? std::span<double>() : col, dir);
  const double mn = stats.min, mx = stats.max, sum = stats.sum, n = stats.n;
  const auto undefined = [&](const std::string& why) {
    return ValidationError("indicator '" + name + "': " + why);
  };
  // Every transform below maps NaN to NaN, so missing values need no test and the loop
  // vectorises.
  const auto each = [&](auto f) {
    for (double& v : col) v = f(v);
  };
  switch (s.method) {
    case Normalisation::none:
      break;
    case Normalisation::minmax:
      if (!(mx > mn))
        throw undefined("it is constant (or empty): min-max normalisation is undefined");
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
      if (!(s.hi > s.lo))
        throw undefined("goalposts: the upper goalpost must be above the lower one");
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
      if (!(mx > mn))
        throw undefined("it is constant (or empty): the distance to the maximum is undefined");
      each([&](double v) { return 1 - (mx - v) / (mx - mn); });
      break;
    case Normalisation::fraction_of_max:
      if (!(mx > 0))
        throw undefined(
            "its maximum (after the direction) is not positive, so a fraction of it is undefined");
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

// Normalises column c of `out` from `in` by the column's spec.
void detail::normalise_one(const DataSet& set, std::size_t c, std::span<const double> in,
                           std::span<double> dst, const Node* n, const PipelineOptions& o) {
  auto chosen = o.normalise_by_indicator.find(set.columns[c]);
  const NormSpec& spec =
      chosen == o.normalise_by_indicator.end() ? o.normalisation : chosen->second;
  normalise_column(in, dst, n ? n->direction : 1.0, spec, n, set, set.columns[c]);
}

DataSet normalise(DataSet data, const Framework& f, const PipelineOptions& o) {
  DataSet out = std::move(data);
  const std::vector<const Node*> nodes = detail::nodes_of_columns(out, f);
  dxkit::detail::parallel_for(
      out.columns.size(), dxkit::detail::threads_for(out.values.size(), o.threads),
      [&](std::size_t c) { detail::normalise_one(out, c, out.col(c), out.col(c), nodes[c], o); });
  return out;
}

DataSet normalise_minmax(const DataSet& data, const Framework& f, double lo, double hi) {
  PipelineOptions o;
  o.normalisation.lo = lo;
  o.normalisation.hi = hi;
  return normalise(data, f, o);
}

}  // namespace dxkit::index
