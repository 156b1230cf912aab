// dxkit index: COINr's pipeline on iData / iMeta, with an option for each step, and every
// data set, result and analysis as a table, CSV or JSON.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/analysis.hpp"
#include "dxkit/index/uncertainty.hpp"
#include "dxkit/index/weights.hpp"
#include "output.hpp"

namespace dxkit::cli {

namespace {

using namespace dxkit::index;

struct IndexArgs {
  std::string data, meta, weights_file, weight_set;
  std::optional<double> time;
  std::string panel_impute = "none";
  bool no_denominate = false;
  std::string impute = "group_mean", group = "EurAsia_group";
  double screen = 0.9, min_nonzero = 0;
  std::string include, exclude;
  bool no_treat = false;
  std::string transform = "log_ct";
  std::string normalise = "minmax";
  std::optional<double> lo, hi;
  std::string aggregate = "arithmetic";
  std::vector<std::string> set;
  std::string output = "aggregated";
  std::string dataset;
  int level = 0;
  std::string objective = "balance";
  std::string ties = "min";
  std::string unit;
  std::string format = "table";
  // Uncertainty and sensitivity analysis.
  std::size_t uncertainty = 0, sensitivity = 0, bootstrap = 1000;
  std::uint64_t seed = 1;
  unsigned threads = 2;
  std::vector<std::string> noise, alt_normalise, alt_aggregate;
  bool vary_impute = false, vary_treat = false;
  std::string leave_out;
};

bool is_aggregate(const Framework& f, const std::string& code) {
  auto i = f.find(code);
  return i && f.nodes[*i].type == NodeType::aggregate;
}

Frame data_frame(const DataSet& d, const Framework& f, const IndexArgs& a, bool ranks) {
  Frame out;
  out.digits = 2;
  out.header = {"uCode", "uName"};
  std::vector<std::size_t> cols;
  // The text table of an aggregated set shows the aggregates; CSV and JSON show all.
  const bool only_aggregates = a.format == "table" && (ranks || a.output == "aggregated");
  for (std::size_t c = 0; c < d.columns.size(); ++c)
    if (!only_aggregates || is_aggregate(f, d.columns[c])) {
      cols.push_back(c);
      out.header.push_back(d.columns[c]);
    }
  const Ties ties = kTies.parse(a.ties);
  std::vector<std::vector<std::optional<double>>> rk;
  if (ranks)
    for (std::size_t c : cols) rk.push_back(rank(d.col(c), ties));
  for (std::size_t u = 0; u < d.rows(); ++u) {
    std::vector<Json> row = {d.units[u], d.names[u]};
    for (std::size_t k = 0; k < cols.size(); ++k) {
      if (!ranks) row.push_back(num(d.col(cols[k])[u]));
      else if (!rk[k][u]) row.emplace_back(nullptr);
      else if (*rk[k][u] == std::floor(*rk[k][u])) row.emplace_back(static_cast<long long>(*rk[k][u]));
      else row.emplace_back(*rk[k][u]);
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

PipelineOptions options(const IndexArgs& a) {
  PipelineOptions o;
  o.time = a.time;
  set_option(o, "panel_impute", a.panel_impute);
  o.denominate = !a.no_denominate;
  set_option(o, "impute", a.impute);
  o.impute_group = a.group;
  set_option(o, "screen", std::to_string(a.screen));
  set_option(o, "min_nonzero", std::to_string(a.min_nonzero));
  set_option(o, "include", a.include);
  set_option(o, "exclude", a.exclude);
  o.treat = !a.no_treat;
  set_option(o, "transform", a.transform);
  set_option(o, "normalise", a.normalise);
  if (a.lo) o.normalisation.lo = *a.lo;
  if (a.hi) o.normalisation.hi = *a.hi;
  set_option(o, "aggregate", a.aggregate);
  o.weight_set = a.weight_set;
  for (const std::string& kv : a.set) {
    const std::size_t eq = kv.find('=');
    if (eq == std::string::npos)
      throw ValidationError("--set '" + kv + "': write KEY=VALUE, e.g. normalise.LPI=goalposts(lo=1,hi=5)");
    set_option(o, kv.substr(0, eq), kv.substr(eq + 1));
  }
  return o;
}

Assumptions assumptions(const IndexArgs& a) {
  Assumptions as;
  for (const std::string& kv : a.noise) {
    const std::size_t eq = kv.find('=');
    int level = 0;
    double factor = 0;
    const char* mid = kv.data() + (eq == std::string::npos ? kv.size() : eq);
    const auto l = std::from_chars(kv.data(), mid, level);
    const auto f = eq == std::string::npos ? std::from_chars_result{mid, std::errc::invalid_argument}
                                           : std::from_chars(mid + 1, kv.data() + kv.size(), factor);
    if (l.ec != std::errc() || l.ptr != mid || f.ec != std::errc() || f.ptr != kv.data() + kv.size() ||
        !(factor >= 0))
      throw ValidationError("--noise '" + kv + "': write LEVEL=FACTOR with a whole level and a "
                            "factor >= 0, e.g. 2=0.25");
    as.weight_noise[level] = factor;
  }
  for (const auto& t : a.alt_normalise) as.normalisations.push_back(parse_norm_spec(t));
  for (const auto& t : a.alt_aggregate) as.aggregations.push_back(parse_agg_spec(t));
  as.imputation = a.vary_impute;
  as.treatment = a.vary_treat;
  PipelineOptions list;
  set_option(list, "include", a.leave_out);
  as.leave_out = list.screen.include;
  return as;
}

Frame uncertainty_frame(const IndexArgs& a, const UnitData& data, const Framework& f,
                        const PipelineOptions& o) {
  Frame out;
  const Assumptions as = assumptions(a);
  if (a.sensitivity > 0) {
    const SensitivityResult r = run_sensitivity(data, f, o, as, a.sensitivity, a.seed, a.threads, a.bootstrap);
    out.header = {"parameter", "first", "first_lo", "first_hi", "total", "total_lo", "total_hi"};
    for (const SensitivityIndex& i : r.indices)
      out.rows.push_back({i.parameter, i.first, i.first_lo, i.first_hi, i.total, i.total_lo, i.total_hi});
    out.notes.push_back(std::to_string(r.runs) + " runs (Saltelli design, N = " +
                        std::to_string(a.sensitivity) + "), seed " + std::to_string(a.seed) +
                        "; output: mean absolute rank shift; 95 % bootstrap intervals");
    return out;
  }
  const UncertaintyResult r = run_uncertainty(data, f, o, as, a.uncertainty, a.seed, a.threads);
  out.header = {"uCode", "nominal", "mean", "median", "p5", "p95"};
  std::vector<std::size_t> order(r.units.size());
  for (std::size_t u = 0; u < order.size(); ++u) order[u] = u;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const auto key = [&](std::size_t u) { return r.nominal[u] == 0 ? INT32_MAX : r.nominal[u]; };
    return key(x) < key(y);
  });
  for (std::size_t u : order)
    out.rows.push_back({r.units[u], r.nominal[u] ? Json(r.nominal[u]) : Json(nullptr), num(r.mean[u]),
                        num(r.median[u]), num(r.p5[u]), num(r.p95[u])});
  out.digits = 1;
  out.notes.push_back(std::to_string(a.uncertainty) + " replicates of the ranks of '" + r.column +
                      "', seed " + std::to_string(a.seed));
  return out;
}

int run_index(const IndexArgs& a) {
  Framework f = read_framework(a.meta);
  if (!a.weights_file.empty())
    for (const auto& [name, w] : read_weight_sets(a.weights_file, f)) f.add_weight_set(name, w);
  const UnitData data = read_unit_data(a.data, f);
  const PipelineOptions o = options(a);
  const PipelineResult r = run_pipeline(data, f, o);
  const Framework& used = r.framework;
  Frame out;
  const std::string& what = a.output;
  if (a.uncertainty > 0 || a.sensitivity > 0) {
    out = uncertainty_frame(a, data, f, o);
  } else if (what == "ranks") {
    out = data_frame(r.aggregated, used, a, true);
  } else if (what == "denominated" || what == "imputed" || what == "screened" ||
             what == "treated" || what == "normalised" || what == "aggregated") {
    out = data_frame(r.data(what), used, a, false);
  } else if (what == "treatment") {
    out.header = {"iCode", "passed", "skew", "kurtosis", "points", "transform", "passed_after",
                  "skew_after", "kurtosis_after"};
    for (const Treatment& t : r.treatment) {
      const bool treated = t.passed_after.has_value();
      out.rows.push_back({t.code, t.passed_before, num(t.skew_before), num(t.kurt_before),
                          t.points, t.transform, opt(t.passed_after),
                          treated ? num(t.skew_after) : Json(nullptr),
                          treated ? num(t.kurt_after) : Json(nullptr)});
    }
  } else if (what == "screening") {
    out.header = {"uCode", "availability", "nonzero", "reason"};
    for (const Screened& s : r.screening)
      out.rows.push_back({s.unit, s.availability, s.nonzero, s.reason});
  } else if (what == "weights") {
    out.header = {"iCode", "Level", "Parent", "Weight", "EffWeight"};
    const auto eff = used.effective_weights();
    for (const Node& n : used.nodes)
      if (n.in_tree())
        out.rows.push_back({n.code, n.level, n.parent, n.weight, eff.at(n.code)});
  } else if (what == "describe") {
    out.header = {"iCode", "n", "missing", "mean", "sd", "min", "max", "median", "skew",
                  "kurtosis", "outliers"};
    for (const ColumnStats& c : describe(r.data(a.dataset.empty() ? "screened" : a.dataset)))
      out.rows.push_back({c.code, c.n, c.missing, num(c.mean), num(c.sd), num(c.min), num(c.max),
                          num(c.median), num(c.skew), num(c.kurt), c.outliers});
  } else if (what == "availability") {
    const DataSet& d = r.data(a.dataset.empty() ? "denominated" : a.dataset);
    const Availability av = availability(d);
    out.header = {"uCode", "uName", "availability"};
    for (std::size_t u = 0; u < d.rows(); ++u) out.rows.push_back({d.units[u], d.names[u], av.by_unit[u]});
    for (std::size_t c = 0; c < d.columns.size(); ++c)
      out.notes.push_back(d.columns[c] + ": " + cell_text(Json(av.by_column[c]), true, 4) + " available");
  } else if (what == "correlations") {
    out.header = {"a", "b", "r", "flag"};
    for (const CorrelationFlag& c : flag_correlations(r.aggregated, used))
      out.rows.push_back({c.a, c.b, c.r, c.flag});
  } else if (what == "alpha") {
    out.header = {"iCode", "alpha"};
    for (std::size_t i : used.of_type(NodeType::aggregate))
      out.rows.push_back({used.nodes[i].code, opt(cronbach_alpha(r.aggregated, used, used.nodes[i].code))});
  } else if (what == "strengths") {
    if (a.unit.empty()) throw ValidationError("--output strengths needs --unit CODE");
    const StrengthsWeaknesses sw = strengths_and_weaknesses(r.aggregated, used, a.unit);
    out.header = {"kind", "iCode", "rank"};
    for (const auto& [code, rk] : sw.strengths) out.rows.push_back({"strength", code, rk});
    for (const auto& [code, rk] : sw.weaknesses) out.rows.push_back({"weakness", code, rk});
  } else if (what == "pca") {
    const int level = a.level > 0 ? a.level : 1;
    const PcaWeights p =
        pca_weights(r.data(a.dataset.empty() ? (level == 1 ? "normalised" : "aggregated") : a.dataset),
                    used, level);
    out.header = {"parent", "iCode", "loading", "explained", "units_used"};
    for (const PcaGroup& g : p.groups)
      for (std::size_t k = 0; k < g.codes.size(); ++k)
        out.rows.push_back({g.parent, g.codes[k], g.loadings[k], g.explained, g.units_used});
    for (const dxkit::Diagnostic& d : p.warnings) out.notes.push_back(d.message);
  } else if (what == "optimised") {
    const int level = a.level > 0 ? a.level : 2;
    const OptimisedWeights w = optimise_weights(
        r.normalised, used, o, level,
        kWeightObjectives.parse(a.objective));
    out.header = {"iCode", "weight", "r_with_index"};
    for (const auto& [code, weight] : w.weights) out.rows.push_back({code, weight, w.correlations.at(code)});
    out.notes.push_back("objective " + cell_text(Json(w.objective), false, 0) + " after " +
                        std::to_string(w.iterations) + " iterations" +
                        (w.converged ? "" : " (did not converge)"));
  } else if (what == "leave-one-out") {
    const int level = a.level > 0 ? a.level : 1;
    out.header = {"iCode", "mean_abs_shift", "max_abs_shift", "note"};
    for (const LeftOut& l : leave_one_out(data, f, o, level))
      out.rows.push_back({l.code, l.note.empty() ? Json(l.mean_abs_shift) : Json(nullptr),
                          l.note.empty() ? Json(l.max_abs_shift) : Json(nullptr), l.note});
  }
  if (r.time) out.notes.push_back("time " + cell_text(Json(*r.time), false, 0));
  if (!r.screened_out.empty()) {
    std::string list;
    for (const auto& u : r.screened_out) list += (list.empty() ? "" : ", ") + u;
    out.notes.push_back("screened out: " + list);
  }
  write_frame(std::cout, out, a.output, a.format);
  return 0;
}

}  // namespace

void add_index(CLI::App& app, std::function<int()>& run) {
  auto a = std::make_shared<IndexArgs>();
  // Choice lists come from the core's name tables, so the help cannot drift from the parser.
  const auto names = [](const auto& table) {
    std::vector<std::string> out;
    for (const auto& e : table.entries) out.emplace_back(e.name);
    return out;
  };
  std::vector<std::string> outputs = names(kDataSets);
  for (const char* o : {"ranks", "treatment", "screening", "weights", "describe", "availability",
                        "correlations", "alpha", "strengths", "pca", "optimised", "leave-one-out"})
    outputs.emplace_back(o);
  std::string output_help;
  for (const auto& o : outputs) output_help += (output_help.empty() ? "" : ", ") + o;
  CLI::App* cmd = app.add_subcommand(
      "index", "Build a composite index from COINr-style iData / iMeta (COINr's pipeline)");
  cmd->add_option("--data", a->data, "iData CSV")->required();
  cmd->add_option("--meta", a->meta, "iMeta CSV")->required();
  cmd->add_option("--weights", a->weights_file, "weight sets: a CSV of iCode and one column per set");
  cmd->add_option("--weight-set", a->weight_set, "the weight set to use (default: iMeta's)");
  cmd->add_option("--time", a->time, "panel data: the Time to build (default: the latest)");
  cmd->add_option("--panel-impute", a->panel_impute, kPanelImputations.joined())
      ->check(CLI::IsMember(names(kPanelImputations)))
      ->capture_default_str();
  cmd->add_flag("--no-denominate", a->no_denominate, "skip denomination");
  cmd->add_option("--impute", a->impute, kImputations.joined())
      ->capture_default_str();
  cmd->add_option("--group", a->group, "group column for group imputation")->capture_default_str();
  cmd->add_option("--screen", a->screen, "minimum data availability of a unit (0..1)")
      ->capture_default_str();
  cmd->add_option("--min-nonzero", a->min_nonzero, "minimum share of non-zero values of a unit")
      ->capture_default_str();
  cmd->add_option("--include", a->include, "units kept whatever their data (comma-separated)");
  cmd->add_option("--exclude", a->exclude, "units removed whatever their data (comma-separated)");
  cmd->add_flag("--no-treat", a->no_treat, "skip outlier treatment");
  cmd->add_option("--transform", a->transform,
                  "after winsorisation: " + kTransforms.joined() + "; boxcox(lambda=L)")
      ->capture_default_str();
  cmd->add_option("--normalise", a->normalise,
                  kNormalisations.joined() +
                      "; parameters: minmax(lo=,hi=), zscore(mean=,sd=), scaled(lo=,hi=), "
                      "goalposts(lo=,hi=,scale=,truncate=), distance_to_target(target=,cap=), "
                      "distance_to_reference(reference=,cap=); meta=true takes parameters from iMeta")
      ->capture_default_str();
  cmd->add_option("--range-low", a->lo, "min-max lower end");
  cmd->add_option("--range-high", a->hi, "min-max upper end");
  cmd->add_option("--aggregate", a->aggregate,
                  kAggregations.joined() +
                      "; generalised(power=P); min_share=S leaves units with fewer children missing")
      ->capture_default_str();
  cmd->add_option("--set", a->set,
                  "KEY=VALUE, repeatable: impute.<iCode>, treat.<iCode>, normalise.<iCode>, "
                  "weight.<iCode>, aggregate.level.<N>, aggregate.<parent>, max_points, ... "
                  "(docs/index.md)");
  cmd->add_option("--output", a->output, output_help)->check(CLI::IsMember(outputs))
      ->capture_default_str();
  cmd->add_option("--dataset", a->dataset, "the data set for describe, availability and pca");
  cmd->add_option("--level", a->level, "the level for pca, optimised and leave-one-out");
  cmd->add_option("--objective", a->objective, "optimised weights: " + kWeightObjectives.joined())
      ->check(CLI::IsMember(names(kWeightObjectives)))
      ->capture_default_str();
  cmd->add_option("--ties", a->ties, "ranks: " + kTies.joined())
      ->check(CLI::IsMember(names(kTies)))
      ->capture_default_str();
  cmd->add_option("--unit", a->unit, "strengths: the unit");
  cmd->add_option("--uncertainty", a->uncertainty,
                  "Monte Carlo: N replicates; shows each unit's nominal, mean, median, 5th and "
                  "95th percentile rank");
  cmd->add_option("--sensitivity", a->sensitivity,
                  "Saltelli design with N rows (N (k + 2) runs): first-order and total indices");
  cmd->add_option("--seed", a->seed, "random seed of the analysis")->capture_default_str();
  cmd->add_option("--threads", a->threads, "threads of the analysis")->capture_default_str();
  cmd->add_option("--bootstrap", a->bootstrap, "bootstrap resamples of the sensitivity indices")
      ->capture_default_str();
  cmd->add_option("--noise", a->noise, "LEVEL=F: weights of a level times 1 + U(-F, F); repeatable");
  cmd->add_option("--alt-normalise", a->alt_normalise, "an alternative normalisation; repeatable");
  cmd->add_option("--alt-aggregate", a->alt_aggregate, "an alternative aggregation; repeatable");
  cmd->add_flag("--vary-impute", a->vary_impute, "imputation on or off");
  cmd->add_flag("--vary-treat", a->vary_treat, "outlier treatment on or off");
  cmd->add_option("--leave-out", a->leave_out, "elements one of which may be left out (comma-separated)");
  add_format_option(cmd, a->format);
  cmd->callback([&run, a] { run = [a] { return run_index(*a); }; });
}

}  // namespace dxkit::cli
