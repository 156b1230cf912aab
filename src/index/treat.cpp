#include "dxkit/index/treat.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

#include "dxkit/error.hpp"

namespace dxkit::index {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

namespace {
struct Moments {
  double n = 0, s2 = 0, s3 = 0, s4 = 0;
};

Moments moments(std::span<const double> x) {
  double sum = 0, n = 0;
  for (double v : x)
    if (!std::isnan(v)) {
      sum += v;
      ++n;
    }
  Moments m;
  m.n = n;
  const double mean = sum / n;
  for (double v : x) {
    if (std::isnan(v)) continue;
    const double d = v - mean;
    m.s2 += d * d;
    m.s3 += d * d * d;
    m.s4 += d * d * d * d;
  }
  return m;
}

bool passes(double skew, double kurt, const TreatOptions& o) {
  return std::fabs(skew) < o.skew_limit || kurt < o.kurt_limit;
}
}  // namespace

double skewness(std::span<const double> x) {
  const Moments m = moments(x);
  const double n = m.n;
  return std::sqrt(n) * m.s3 / std::pow(m.s2, 1.5) * std::sqrt(n * (n - 1)) / (n - 2);
}

double kurtosis(std::span<const double> x) {
  const Moments m = moments(x);
  const double n = m.n;
  const double r = n * m.s4 / (m.s2 * m.s2);
  return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3));
}

namespace {
// The transform of the original values of an indicator that winsorisation did not fix.
void transform(std::span<double> col, const std::vector<double>& original, const TreatOptions& o,
               Treatment& t) {
  double lo = INFINITY, hi = -INFINITY;
  for (double v : original)
    if (!std::isnan(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  const double a = 0.01 * (hi - lo);
  bool negative = false;
  if (o.transform == Transform::log_ct_plus) negative = !(skewness(original) > 0);
  for (std::size_t u = 0; u < col.size(); ++u) {
    const double x = original[u];
    if (std::isnan(x)) {
      col[u] = kNaN;
      continue;
    }
    switch (o.transform) {
      case Transform::log_ct:
        col[u] = std::log(x - lo + a);
        break;
      case Transform::log_ct_plus:
        col[u] = negative ? -std::log(hi + a - x) : std::log(x - lo + a);
        break;
      case Transform::log_ct_orig:
        col[u] = std::log(x - lo + 1);
        break;
      case Transform::boxcox: {
        const double y = x - lo + 1;
        col[u] = o.boxcox_lambda == 0 ? std::log(y)
                                      : (std::pow(y, o.boxcox_lambda) - 1) / o.boxcox_lambda;
        break;
      }
      case Transform::none:
        break;
    }
  }
  switch (o.transform) {
    case Transform::log_ct:
      t.transform = "log_ct";
      break;
    case Transform::log_ct_plus:
      t.transform = negative ? "log_ct_neg" : "log_ct";
      break;
    case Transform::log_ct_orig:
      t.transform = "log_ct_orig";
      break;
    case Transform::boxcox:
      t.transform = "boxcox";
      break;
    case Transform::none:
      break;
  }
}
}  // namespace

DataSet treat_outliers(DataSet data, const TreatOptions& defaults, std::vector<Treatment>* details,
                       const std::map<std::string, TreatOptions>* by_indicator) {
  DataSet out = std::move(data);
  for (std::size_t c = 0; c < out.columns.size(); ++c) {
    const TreatOptions* chosen = &defaults;
    if (by_indicator) {
      auto it = by_indicator->find(out.columns[c]);
      if (it != by_indicator->end()) chosen = &it->second;
    }
    const TreatOptions& o = *chosen;
    auto col = out.col(c);
    Treatment t;
    t.code = out.columns[c];
    double skew = skewness(col), kurt = kurtosis(col);
    t.skew_before = skew;
    t.kurt_before = kurt;
    t.passed_before = !o.enabled || passes(skew, kurt, o);
    if (!t.passed_before) {
      const std::vector<double> original(col.begin(), col.end());
      std::vector<bool> changed(col.size(), false);  // a point counts once, however often moved
      bool ok = false;
      while (o.winsorise && !ok && t.points < o.max_points) {
        const bool high = skew >= 0;
        double extreme = high ? -INFINITY : INFINITY;
        for (double v : col)
          if (!std::isnan(v)) extreme = high ? std::max(extreme, v) : std::min(extreme, v);
        double next = high ? -INFINITY : INFINITY;
        for (double v : col)
          if (!std::isnan(v) && v != extreme) next = high ? std::max(next, v) : std::min(next, v);
        if (std::isinf(next)) break;  // every value equal: nothing left to winsorise
        for (std::size_t u = 0; u < col.size(); ++u)
          if (col[u] == extreme) {
            col[u] = next;
            if (!changed[u]) {
              changed[u] = true;
              (high ? t.high : t.low).push_back(u);
              ++t.points;
            }
          }
        skew = skewness(col);
        kurt = kurtosis(col);
        ok = passes(skew, kurt, o);
      }
      if (!ok && o.transform != Transform::none) {
        // The transform applies to the original values instead of the winsorised ones.
        transform(col, original, o, t);
        t.high.clear();
        t.low.clear();
        t.log = true;
        skew = skewness(col);
        kurt = kurtosis(col);
        ok = passes(skew, kurt, o);
      }
      t.passed_after = ok;
      t.skew_after = skew;
      t.kurt_after = kurt;
    }
    if (details) details->push_back(std::move(t));
  }
  return out;
}

}  // namespace dxkit::index
