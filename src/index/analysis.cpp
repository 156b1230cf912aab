#include "dxkit/index/analysis.hpp"

#include <algorithm>
#include <cmath>

#include "dxkit/error.hpp"

namespace dxkit::index {

std::vector<ColumnStats> describe(const DataSet& data) {
  std::vector<ColumnStats> out;
  for (std::size_t c = 0; c < data.columns.size(); ++c) {
    ColumnStats s;
    s.code = data.columns[c];
    std::vector<double> v;
    for (double x : data.col(c))
      if (std::isnan(x))
        ++s.missing;
      else
        v.push_back(x);
    s.n = v.size();
    if (!v.empty()) {
      double sum = 0;
      for (double x : v) sum += x;
      s.mean = sum / static_cast<double>(v.size());
      double ss = 0;
      for (double x : v) ss += (x - s.mean) * (x - s.mean);
      s.sd = v.size() > 1 ? std::sqrt(ss / static_cast<double>(v.size() - 1)) : 0;
      std::sort(v.begin(), v.end());
      s.min = v.front();
      s.max = v.back();
      const std::size_t n = v.size();
      s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
      if (n >= 4 && ss > 0) {
        s.skew = skewness(data.col(c));
        s.kurt = kurtosis(data.col(c));
        s.outliers = std::fabs(s.skew) >= 2 && s.kurt >= 3.5;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

Availability availability(const DataSet& data) {
  Availability a;
  a.by_unit.assign(data.rows(), 0);
  for (std::size_t c = 0; c < data.columns.size(); ++c) {
    std::size_t have = 0;
    const auto col = data.col(c);
    for (std::size_t u = 0; u < col.size(); ++u)
      if (!std::isnan(col[u])) {
        ++have;
        a.by_unit[u] += 1;
      }
    a.by_column.push_back(data.rows() ? static_cast<double>(have) / static_cast<double>(data.rows())
                                      : 0);
  }
  for (double& x : a.by_unit)
    x = data.columns.empty() ? 0 : x / static_cast<double>(data.columns.size());
  return a;
}

std::optional<double> correlation(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size()) throw ValidationError("correlation: columns differ in length");
  double n = 0, sx = 0, sy = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isnan(x[i]) && !std::isnan(y[i])) {
      ++n;
      sx += x[i];
      sy += y[i];
    }
  if (n < 3) return std::nullopt;
  const double mx = sx / n, my = sy / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isnan(x[i]) && !std::isnan(y[i])) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
  if (sxx == 0 || syy == 0) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

std::vector<CorrelationFlag> flag_correlations(const DataSet& d, const Framework& f, double weak) {
  std::vector<CorrelationFlag> out;
  auto check = [&](const std::string& a, const std::string& b) {
    auto ca = d.column(a), cb = d.column(b);
    if (!ca || !cb) return;
    auto r = correlation(d.col(*ca), d.col(*cb));
    if (!r) return;
    if (*r < -weak)
      out.push_back({a, b, *r, "negative"});
    else if (std::fabs(*r) < weak)
      out.push_back({a, b, *r, "weak"});
  };
  for (const Node& n : f.nodes) {
    if (n.parent.empty() || !n.in_tree()) continue;
    check(n.code, n.parent);
  }
  for (std::size_t a : f.of_type(NodeType::aggregate)) {
    const auto kids = f.children(f.nodes[a].code);
    for (std::size_t i = 0; i < kids.size(); ++i)
      for (std::size_t j = i + 1; j < kids.size(); ++j)
        check(f.nodes[kids[i]].code, f.nodes[kids[j]].code);
  }
  return out;
}

std::optional<double> cronbach_alpha(const DataSet& d, const Framework& f,
                                     std::string_view aggregate) {
  std::vector<std::size_t> cols;
  for (std::size_t k : f.children(aggregate))
    if (auto c = d.column(f.nodes[k].code)) cols.push_back(*c);
  const double k = static_cast<double>(cols.size());
  if (cols.size() < 2) return std::nullopt;
  std::vector<std::size_t> complete;
  for (std::size_t u = 0; u < d.rows(); ++u) {
    bool ok = true;
    for (std::size_t c : cols) ok = ok && !std::isnan(d.col(c)[u]);
    if (ok) complete.push_back(u);
  }
  if (complete.size() < 2) return std::nullopt;
  auto variance = [&](auto value) {
    double s = 0;
    for (std::size_t u : complete) s += value(u);
    const double m = s / static_cast<double>(complete.size());
    double ss = 0;
    for (std::size_t u : complete) ss += (value(u) - m) * (value(u) - m);
    return ss / static_cast<double>(complete.size() - 1);
  };
  double sum_var = 0;
  for (std::size_t c : cols) sum_var += variance([&](std::size_t u) { return d.col(c)[u]; });
  const double total_var = variance([&](std::size_t u) {
    double t = 0;
    for (std::size_t c : cols) t += d.col(c)[u];
    return t;
  });
  if (total_var == 0) return std::nullopt;
  return k / (k - 1) * (1 - sum_var / total_var);
}

}  // namespace dxkit::index
