// PCA weights and optimised weights (linear algebra on Eigen), and leave-one-out analysis.
#include "dxkit/index/weights.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "dxkit/error.hpp"
#include "dxkit/index/analysis.hpp"

namespace dxkit::index {

std::string top_node(const Framework& f) {
  const int top = f.max_level();
  for (const Node& n : f.nodes)
    if (n.level == top && n.parent.empty() && n.type == NodeType::aggregate) return n.code;
  throw ValidationError("the framework has no top aggregate");
}

namespace {

PcaGroup pca_of(const DataSet& data, const std::vector<std::string>& codes, std::string parent) {
  PcaGroup g;
  g.parent = std::move(parent);
  g.codes = codes;
  std::vector<std::size_t> cols;
  for (const std::string& c : codes) {
    auto k = data.column(c);
    if (!k) throw ValidationError("PCA: the data set has no column '" + c + "'");
    cols.push_back(*k);
  }
  std::vector<std::size_t> rows;
  for (std::size_t u = 0; u < data.rows(); ++u) {
    bool complete = true;
    for (std::size_t c : cols) complete = complete && !std::isnan(data.col(c)[u]);
    if (complete) rows.push_back(u);
  }
  g.units_used = rows.size();
  g.units_dropped = data.rows() - rows.size();
  const auto n = static_cast<Eigen::Index>(rows.size()), k = static_cast<Eigen::Index>(cols.size());
  if (n < 3 || k < 2)
    throw ValidationError("PCA of '" + (g.parent.empty() ? std::string("the level") : g.parent) +
                          "' needs at least 2 columns and 3 complete units (has " +
                          std::to_string(k) + " and " + std::to_string(n) + ")");
  Eigen::MatrixXd x(n, k);
  for (Eigen::Index j = 0; j < k; ++j)
    for (Eigen::Index i = 0; i < n; ++i)
      x(i, j) = data.col(cols[static_cast<std::size_t>(j)])[rows[static_cast<std::size_t>(i)]];
  // Standardise (sample sd), then the correlation matrix's leading eigenvector.
  for (Eigen::Index j = 0; j < k; ++j) {
    auto c = x.col(j);
    const double mean = c.mean();
    c.array() -= mean;
    const double sd = std::sqrt(c.squaredNorm() / static_cast<double>(n - 1));
    if (!(sd > 0))
      throw ValidationError("PCA: column '" + codes[static_cast<std::size_t>(j)] + "' is constant");
    c /= sd;
  }
  const Eigen::MatrixXd corr = (x.transpose() * x) / static_cast<double>(n - 1);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(corr);
  if (eig.info() != Eigen::Success) throw ValidationError("PCA: the eigen decomposition failed");
  Eigen::VectorXd v = eig.eigenvectors().col(k - 1);  // eigenvalues ascend
  if (v.sum() < 0) v = -v;
  g.loadings.assign(v.data(), v.data() + k);
  g.explained = eig.eigenvalues()(k - 1) / eig.eigenvalues().sum();
  return g;
}

}  // namespace

PcaWeights pca_weights(const DataSet& data, const Framework& f, int level, bool by_parent) {
  PcaWeights out;
  const auto nodes = f.at_level(level);
  if (nodes.empty())
    throw ValidationError("PCA: the framework has no level " + std::to_string(level));
  if (by_parent) {
    std::vector<std::string> parents;
    for (std::size_t i : nodes)
      if (!f.nodes[i].parent.empty() &&
          std::find(parents.begin(), parents.end(), f.nodes[i].parent) == parents.end())
        parents.push_back(f.nodes[i].parent);
    for (const std::string& p : parents) {
      std::vector<std::string> codes;
      for (std::size_t i : f.children(p)) codes.push_back(f.nodes[i].code);
      if (codes.size() < 2) {
        out.weights[codes.front()] = 1;
        out.warnings.push_back(
            {{}, Severity::note, "only_child", "'" + p + "' has one child: its weight is 1"});
        continue;
      }
      out.groups.push_back(pca_of(data, codes, p));
    }
  } else {
    std::vector<std::string> codes;
    for (std::size_t i : nodes) codes.push_back(f.nodes[i].code);
    out.groups.push_back(pca_of(data, codes, ""));
  }
  for (const PcaGroup& g : out.groups) {
    std::string negative;
    for (std::size_t j = 0; j < g.codes.size(); ++j) {
      out.weights[g.codes[j]] = g.loadings[j];
      if (g.loadings[j] < 0) negative += (negative.empty() ? "" : ", ") + g.codes[j];
    }
    const std::string where =
        g.parent.empty() ? "level " + std::to_string(level) : "'" + g.parent + "'";
    if (!negative.empty())
      out.warnings.push_back(
          {{},
           Severity::warning,
           "negative_loadings",
           "PCA of " + where + ": negative loadings for " + negative +
               " (as weights they would lower the score of a unit that does better)"});
    if (g.units_dropped > 0)
      out.warnings.push_back(
          {{},
           Severity::warning,
           "units_dropped",
           "PCA of " + where + ": " + std::to_string(g.units_dropped) +
               " units with missing values left out (impute first to keep them)"});
  }
  return out;
}

namespace {

// Nelder-Mead minimisation (the default of R's optim), stopping when the spread of the
// simplex's values falls below tolerance * (|best| + tolerance).
template <class F>
std::pair<std::vector<double>, int> nelder_mead(F f, std::vector<double> start, double tolerance,
                                                int max_iterations, bool& converged) {
  const std::size_t n = start.size();
  std::vector<std::vector<double>> simplex(n + 1, start);
  double step = 0;
  for (double v : start) step = std::max(step, std::fabs(v));
  step = step > 0 ? 0.1 * step : 0.1;
  for (std::size_t i = 0; i < n; ++i) simplex[i + 1][i] += step;
  std::vector<double> value(n + 1);
  for (std::size_t i = 0; i <= n; ++i) value[i] = f(simplex[i]);
  int it = 0;
  converged = false;
  std::vector<std::size_t> order(n + 1);
  while (it < max_iterations) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return value[a] < value[b]; });
    const std::size_t best = order.front(), worst = order.back(), second = order[n - 1];
    if (std::fabs(value[worst] - value[best]) <= tolerance * (std::fabs(value[best]) + tolerance)) {
      converged = true;
      break;
    }
    ++it;
    std::vector<double> centre(n, 0);
    for (std::size_t i = 0; i <= n; ++i)
      if (i != worst)
        for (std::size_t j = 0; j < n; ++j) centre[j] += simplex[i][j] / static_cast<double>(n);
    auto along = [&](double t) {
      std::vector<double> p(n);
      for (std::size_t j = 0; j < n; ++j) p[j] = centre[j] + t * (simplex[worst][j] - centre[j]);
      return p;
    };
    std::vector<double> reflected = along(-1);
    const double fr = f(reflected);
    if (fr < value[best]) {
      std::vector<double> expanded = along(-2);
      const double fe = f(expanded);
      if (fe < fr) {
        simplex[worst] = std::move(expanded);
        value[worst] = fe;
      } else {
        simplex[worst] = std::move(reflected);
        value[worst] = fr;
      }
    } else if (fr < value[second]) {
      simplex[worst] = std::move(reflected);
      value[worst] = fr;
    } else {
      std::vector<double> contracted = fr < value[worst] ? along(-0.5) : along(0.5);
      const double fc = f(contracted);
      if (fc < std::min(fr, value[worst])) {
        simplex[worst] = std::move(contracted);
        value[worst] = fc;
      } else {  // shrink towards the best
        for (std::size_t i = 0; i <= n; ++i) {
          if (i == best) continue;
          for (std::size_t j = 0; j < n; ++j)
            simplex[i][j] = simplex[best][j] + 0.5 * (simplex[i][j] - simplex[best][j]);
          value[i] = f(simplex[i]);
        }
      }
    }
  }
  const std::size_t best =
      static_cast<std::size_t>(std::min_element(value.begin(), value.end()) - value.begin());
  return {simplex[best], it};
}

}  // namespace

OptimisedWeights optimise_weights(const DataSet& normalised, const Framework& f,
                                  const PipelineOptions& o, int level, WeightObjective objective,
                                  std::vector<double> target, double tolerance,
                                  int max_iterations) {
  const auto nodes = f.at_level(level);
  const std::string top = top_node(f);
  if (nodes.empty() || level >= f.max_level())
    throw ValidationError("optimised weights: level " + std::to_string(level) +
                          " has no nodes below the top");
  const std::size_t n = nodes.size();
  if (target.empty()) target.assign(n, 1.0);
  if (target.size() != n)
    throw ValidationError("optimised weights: " + std::to_string(target.size()) +
                          " target shares for " + std::to_string(n) + " nodes at level " +
                          std::to_string(level));
  double total = 0;
  for (double t : target) {
    if (!(t > 0)) throw ValidationError("optimised weights: target shares must be positive");
    total += t;
  }
  for (double& t : target) t /= total;

  Framework work = f;
  std::map<std::string, double> last_r;
  auto correlations = [&](const std::vector<double>& w) {
    double sum = 0;
    for (double v : w) sum += std::fabs(v);
    for (std::size_t i = 0; i < n; ++i)
      work.nodes[nodes[i]].weight = sum > 0 ? std::fabs(w[i]) / sum : 1;
    const DataSet agg = aggregate(normalised, work, o);
    const auto index = agg.col(*agg.column(top));
    std::vector<double> r(n);
    for (std::size_t i = 0; i < n; ++i) {
      auto c = correlation(agg.col(*agg.column(f.nodes[nodes[i]].code)), index);
      r[i] = c.value_or(0);
    }
    return r;
  };
  auto score = [&](const std::vector<double>& w) {
    const std::vector<double> r = correlations(w);
    const double dn = static_cast<double>(n);
    if (objective == WeightObjective::infomax) {
      double s = 0;
      for (double v : r) s += 1 - v;
      return std::log(s) / dn;
    }
    double sum = 0;
    for (double v : r) sum += v;
    double sq = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double d = target[i] - (sum != 0 ? r[i] / sum : 0);
      sq += d * d;
    }
    return sq / dn;
  };
  OptimisedWeights out;
  auto [best, iterations] = nelder_mead(score, target, tolerance, max_iterations, out.converged);
  out.iterations = iterations;
  out.objective = score(best);
  const std::vector<double> r = correlations(best);
  for (std::size_t i = 0; i < n; ++i) {
    out.weights[f.nodes[nodes[i]].code] = work.nodes[nodes[i]].weight;
    out.correlations[f.nodes[nodes[i]].code] = r[i];
  }
  return out;
}

std::vector<LeftOut> leave_one_out(const UnitData& data, const Framework& f,
                                   const PipelineOptions& o, int level) {
  const std::string top = top_node(f);
  const auto nodes = f.at_level(level);
  if (nodes.empty() || level >= f.max_level())
    throw ValidationError("leave one out: level " + std::to_string(level) +
                          " has no nodes below the top");
  const PipelineResult full = run_pipeline(data, f, o);
  const DataSet& base = full.aggregated;
  const auto base_ranks = rank_min(base.col(*base.column(top)));
  std::vector<LeftOut> out;
  for (std::size_t i : nodes) {
    LeftOut l;
    l.code = f.nodes[i].code;
    Framework reduced;
    try {
      reduced = f.without(l.code);
    } catch (const ValidationError& e) {
      l.note = e.what();
      out.push_back(std::move(l));
      continue;
    }
    PipelineOptions oo = o;
    oo.impute_by_indicator.erase(l.code);
    oo.treat_by_indicator.erase(l.code);
    oo.normalise_by_indicator.erase(l.code);
    oo.aggregate_by_parent.erase(l.code);
    oo.weights.erase(l.code);
    const PipelineResult r = run_pipeline(data, reduced, oo);
    const DataSet& d = r.aggregated;
    const auto ranks = rank_min(d.col(*d.column(top)));
    std::map<std::string, std::optional<int>> by_unit;
    for (std::size_t u = 0; u < d.rows(); ++u) by_unit[d.units[u]] = ranks[u];
    double sum = 0;
    int count = 0;
    for (std::size_t u = 0; u < base.rows(); ++u) {
      auto it = by_unit.find(base.units[u]);
      l.ranks.push_back(it == by_unit.end() ? std::nullopt : it->second);
      if (!base_ranks[u] || !l.ranks.back()) continue;
      const int shift = std::abs(*base_ranks[u] - *l.ranks.back());
      sum += shift;
      l.max_abs_shift = std::max(l.max_abs_shift, shift);
      ++count;
    }
    l.mean_abs_shift = count > 0 ? sum / count : 0;
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace dxkit::index
