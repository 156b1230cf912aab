// dxkit index: COINr's pipeline on iData / iMeta, with an option for each step, and every
// data set, result and analysis as a table, CSV or JSON.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "document_input.hpp"
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
  // Unset options keep the preset's choice (the neutral defaults without --preset).
  std::string preset = "none";
  bool no_denominate = false;
  std::optional<std::string> impute, group;
  std::optional<double> screen, min_nonzero;
  std::string include, exclude;
  bool no_treat = false;
  std::optional<std::string> transform;
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
  std::string numbers = "plain";  // iData's numbers: a name of number_styles (COINr: plain)
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

// A data set (or its ranks) as a frame. `aggregates_in_table`: the text table shows only the
// aggregates (index, pillars); CSV and JSON show every column.
Frame data_frame(const DataSet& d, const Framework& f, const IndexArgs& a, bool ranks,
                 bool aggregates_in_table) {
  Frame out;
  out.digits = 2;
  out.header = {"uCode", "uName"};
  for (const std::string& column : d.columns) {
    out.header.push_back(column);
    if (aggregates_in_table && !is_aggregate(f, column)) out.not_in_table.insert(column);
  }
  const Ties ties = kTies.parse(a.ties);
  std::vector<std::vector<std::optional<double>>> rk;
  if (ranks)
    for (std::size_t c = 0; c < d.columns.size(); ++c) rk.push_back(rank(d.col(c), ties));
  for (std::size_t u = 0; u < d.rows(); ++u) {
    std::vector<Json> row = {d.units[u], d.names[u]};
    for (std::size_t k = 0; k < d.columns.size(); ++k) {
      if (!ranks)
        row.push_back(num(d.col(k)[u]));
      else if (!rk[k][u])
        row.emplace_back(nullptr);
      else if (*rk[k][u] == std::floor(*rk[k][u]))
        row.emplace_back(static_cast<long long>(*rk[k][u]));
      else
        row.emplace_back(*rk[k][u]);
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

PipelineOptions options(const IndexArgs& a) {
  PipelineOptions o;
  set_option(o, "preset", a.preset);
  o.time = a.time;
  set_option(o, "panel_impute", a.panel_impute);
  if (a.no_denominate) o.denominate = false;
  if (a.impute) set_option(o, "impute", *a.impute);
  if (a.group) o.impute_group = *a.group;
  if (a.screen) set_option(o, "screen", std::to_string(*a.screen));
  if (a.min_nonzero) set_option(o, "min_nonzero", std::to_string(*a.min_nonzero));
  set_option(o, "include", a.include);
  set_option(o, "exclude", a.exclude);
  if (a.no_treat) o.treat = false;
  if (a.transform) set_option(o, "transform", *a.transform);
  set_option(o, "normalise", a.normalise);
  if (a.lo) o.normalisation.lo = *a.lo;
  if (a.hi) o.normalisation.hi = *a.hi;
  set_option(o, "aggregate", a.aggregate);
  o.weight_set = a.weight_set;
  for (const std::string& kv : a.set) {
    const std::size_t eq = kv.find('=');
    if (eq == std::string::npos)
      throw ValidationError("--set '" + kv +
                            "': write KEY=VALUE, e.g. normalise.LPI=goalposts(lo=1,hi=5)");
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
    const auto f = eq == std::string::npos
                       ? std::from_chars_result{mid, std::errc::invalid_argument}
                       : std::from_chars(mid + 1, kv.data() + kv.size(), factor);
    if (l.ec != std::errc() || l.ptr != mid || f.ec != std::errc() ||
        f.ptr != kv.data() + kv.size() || !(factor >= 0))
      throw ValidationError("--noise '" + kv +
                            "': write LEVEL=FACTOR with a whole level and a "
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

Report uncertainty_report(const IndexArgs& a, const UnitData& data, const Framework& f,
                          const PipelineOptions& o) {
  Report report;
  report.command = "index";
  report.output = a.sensitivity > 0 ? "sensitivity" : "uncertainty";
  report.source = a.data;
  Frame& out = report.main();
  const Assumptions as = assumptions(a);
  if (a.sensitivity > 0) {
    const SensitivityResult r =
        run_sensitivity(data, f, o, as, a.sensitivity, a.seed, a.threads, a.bootstrap);
    out.header = {"parameter", "first", "first_lo", "first_hi", "total", "total_lo", "total_hi"};
    for (const SensitivityIndex& i : r.indices)
      out.rows.push_back(
          {i.parameter, i.first, i.first_lo, i.first_hi, i.total, i.total_lo, i.total_hi});
    report.note(std::to_string(r.runs) + " runs (Saltelli design, N = " +
                std::to_string(a.sensitivity) + "), seed " + std::to_string(a.seed) +
                "; output: mean absolute rank shift; 95 % bootstrap intervals");
    return report;
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
    out.rows.push_back({r.units[u], r.nominal[u] ? Json(r.nominal[u]) : Json(nullptr),
                        num(r.mean[u]), num(r.median[u]), num(r.p5[u]), num(r.p95[u])});
  out.digits = 1;
  report.note(std::to_string(a.uncertainty) + " replicates of the ranks of '" + r.column +
              "', seed " + std::to_string(a.seed));
  return report;
}

// What every output kind starts from: the options, the input and the pipeline's result.
struct IndexState {
  const IndexArgs& args;
  const Framework& framework;  // as read (the analyses re-run the pipeline on it)
  const UnitData& data;
  const PipelineOptions& options;
  const PipelineResult& result;

  Report report() const {
    Report r;
    r.command = "index";
    r.output = args.output;
    r.source = args.data;
    return r;
  }
  // A data set of the pipeline (or its ranks) as the report's frame.
  Report data_report(const std::string& name, bool ranks, bool aggregates_in_table) const {
    Report r = report();
    r.frames.push_back(data_frame(ranks ? result.aggregated : result.data(name), result.framework,
                                  args, ranks, aggregates_in_table));
    return r;
  }
};

// A data set of the run (or the ranks of the aggregated one); the text table of the aggregated
// set shows the aggregates only.
template <DataSetName Which, bool Ranks = false>
Report data_set_report(const IndexState& s) {
  return s.data_report(std::string(kDataSets.name(Which)), Ranks, Which == DataSetName::aggregated);
}

Report treatment_report(const IndexState& s) {
  const PipelineResult& r = s.result;
  Report report = s.report();
  Frame& out = report.main();
  // The columns of IndexResult.treatment().
  out.header = {"code", "passed",    "skew",         "kurtosis",   "points",
                "log",  "transform", "passed_after", "skew_after", "kurtosis_after"};
  for (const Treatment& t : r.treatment) {
    const bool treated = t.passed_after.has_value();
    out.rows.push_back({t.code, t.passed_before, num(t.skew_before), num(t.kurt_before), t.points,
                        t.log, t.transform, opt(t.passed_after),
                        treated ? num(t.skew_after) : Json(nullptr),
                        treated ? num(t.kurt_after) : Json(nullptr)});
  }
  return report;
}

Report screening_report(const IndexState& s) {
  const PipelineResult& r = s.result;
  Report report = s.report();
  Frame& out = report.main();
  out.header = {"uCode", "availability", "nonzero", "reason"};
  for (const Screened& s : r.screening)
    out.rows.push_back({s.unit, s.availability, s.nonzero, s.reason});
  return report;
}

Report weights_report(const IndexState& s) {
  const Framework& used = s.result.framework;
  Report report = s.report();
  Frame& out = report.main();
  // iMeta's own names, and IndexResult.effective_weights()'s.
  out.header = {"iCode", "Level", "Parent", "Weight", "effective_weight"};
  const auto eff = used.effective_weights();
  for (const Node& n : used.nodes)
    if (n.in_tree()) out.rows.push_back({n.code, n.level, n.parent, n.weight, eff.at(n.code)});
  return report;
}

Report describe_report(const IndexState& s) {
  const IndexArgs& a = s.args;
  const PipelineResult& r = s.result;
  Report report = s.report();
  Frame& out = report.main();
  // The columns of IndexResult.describe().
  out.header = {"code", "n",      "missing", "mean",     "sd",      "min",
                "max",  "median", "skew",    "kurtosis", "outliers"};
  for (const ColumnStats& c : describe(r.data(a.dataset.empty() ? "screened" : a.dataset)))
    out.rows.push_back({c.code, c.n, c.missing, num(c.mean), num(c.sd), num(c.min), num(c.max),
                        num(c.median), num(c.skew), num(c.kurt), c.outliers});
  return report;
}

Report availability_report(const IndexState& s) {
  const IndexArgs& a = s.args;
  const PipelineResult& r = s.result;
  Report report = s.report();
  Frame& out = report.main();
  const DataSet& d = r.data(a.dataset.empty() ? "denominated" : a.dataset);
  const Availability av = availability(d);
  out.header = {"uCode", "uName", "availability"};
  for (std::size_t u = 0; u < d.rows(); ++u)
    out.rows.push_back({d.units[u], d.names[u], av.by_unit[u]});
  for (std::size_t c = 0; c < d.columns.size(); ++c)
    report.note(d.columns[c] + ": " + cell_text(Json(av.by_column[c]), true, 4) + " available");
  return report;
}

Report correlations_report(const IndexState& s) {
  const PipelineResult& r = s.result;
  const Framework& used = s.result.framework;
  Report report = s.report();
  Frame& out = report.main();
  out.header = {"a", "b", "r", "flag"};
  for (const CorrelationFlag& c :
       flag_correlations(r.aggregated_with_indicators("--output correlations"), used))
    out.rows.push_back({c.a, c.b, c.r, c.flag});
  return report;
}

Report alpha_report(const IndexState& s) {
  const PipelineResult& r = s.result;
  const Framework& used = s.result.framework;
  Report report = s.report();
  Frame& out = report.main();
  out.header = {"iCode", "alpha"};
  const DataSet& data = r.aggregated_with_indicators("--output alpha");
  for (std::size_t i : used.of_type(NodeType::aggregate))
    out.rows.push_back({used.nodes[i].code, opt(cronbach_alpha(data, used, used.nodes[i].code))});
  return report;
}

Report strengths_report(const IndexState& s) {
  const IndexArgs& a = s.args;
  const PipelineResult& r = s.result;
  const Framework& used = s.result.framework;
  Report report = s.report();
  Frame& out = report.main();
  if (a.unit.empty()) throw ValidationError("--output strengths needs --unit CODE");
  const StrengthsWeaknesses sw =
      strengths_and_weaknesses(r.aggregated_with_indicators("--output strengths"), used, a.unit);
  out.header = {"kind", "iCode", "rank"};
  for (const auto& [code, rk] : sw.strengths) out.rows.push_back({"strength", code, rk});
  for (const auto& [code, rk] : sw.weaknesses) out.rows.push_back({"weakness", code, rk});
  return report;
}

Report pca_report(const IndexState& s) {
  const IndexArgs& a = s.args;
  const PipelineResult& r = s.result;
  const Framework& used = s.result.framework;
  Report report = s.report();
  Frame& out = report.main();
  const int level = a.level > 0 ? a.level : 1;
  const PcaWeights p = pca_weights(
      r.data(a.dataset.empty() ? (level == 1 ? "normalised" : "aggregated") : a.dataset), used,
      level);
  out.header = {"parent", "iCode", "loading", "explained", "units_used"};
  for (const PcaGroup& g : p.groups)
    for (std::size_t k = 0; k < g.codes.size(); ++k)
      out.rows.push_back({g.parent, g.codes[k], g.loadings[k], g.explained, g.units_used});
  for (const dxkit::Diagnostic& w : p.warnings) report.note(w.message);
  return report;
}

Report optimised_report(const IndexState& s) {
  const IndexArgs& a = s.args;
  const PipelineResult& r = s.result;
  const Framework& used = s.result.framework;
  const PipelineOptions& o = s.options;
  Report report = s.report();
  Frame& out = report.main();
  const int level = a.level > 0 ? a.level : 2;
  const OptimisedWeights w =
      optimise_weights(r.data("normalised"), used, o, level, kWeightObjectives.parse(a.objective));
  out.header = {"iCode", "weight", "r_with_index"};
  for (const auto& [code, weight] : w.weights)
    out.rows.push_back({code, weight, w.correlations.at(code)});
  report.note("objective " + cell_text(Json(w.objective), false, 0) + " after " +
              std::to_string(w.iterations) + " iterations" +
              (w.converged ? "" : " (did not converge)"));
  return report;
}

Report leave_one_out_report(const IndexState& s) {
  const IndexArgs& a = s.args;
  const Framework& f = s.framework;
  const UnitData& data = s.data;
  const PipelineOptions& o = s.options;
  Report report = s.report();
  Frame& out = report.main();
  const int level = a.level > 0 ? a.level : 1;
  out.header = {"iCode", "mean_abs_shift", "max_abs_shift", "note"};
  for (const LeftOut& l : leave_one_out(data, f, o, level))
    out.rows.push_back({l.code, l.note.empty() ? Json(l.mean_abs_shift) : Json(nullptr),
                        l.note.empty() ? Json(l.max_abs_shift) : Json(nullptr), l.note});
  return report;
}

const std::array<OutputKind<IndexState>, 18> kIndexOutputs{{
    {"denominated", "the data after denomination", data_set_report<DataSetName::denominated>},
    {"imputed", "after imputation", data_set_report<DataSetName::imputed>},
    {"screened", "after unit screening", data_set_report<DataSetName::screened>},
    {"treated", "after outlier treatment", data_set_report<DataSetName::treated>},
    {"normalised", "after normalisation", data_set_report<DataSetName::normalised>},
    {"aggregated", "the index and its aggregates (the table shows the aggregates only)",
     data_set_report<DataSetName::aggregated>},
    {"ranks", "ranks of the aggregated data (--ties)",
     data_set_report<DataSetName::aggregated, true>},
    {"treatment", "each indicator's skew and kurtosis before and after treatment",
     treatment_report},
    {"screening", "each unit's data availability and why it was screened out", screening_report},
    {"weights", "nominal and effective weights", weights_report},
    {"describe", "statistics of each column of --dataset (default screened)", describe_report},
    {"availability", "data availability of --dataset (default denominated)", availability_report},
    {"correlations", "flagged correlations within and across levels", correlations_report},
    {"alpha", "Cronbach's alpha of each aggregate", alpha_report},
    {"strengths", "a unit's (--unit) strengths and weaknesses", strengths_report},
    {"pca", "PCA loadings at --level (default 1)", pca_report},
    {"optimised", "weights optimised at --level (default 2) by --objective", optimised_report},
    {"leave-one-out", "rank shifts when each element of --level (default 1) is left out",
     leave_one_out_report},
}};

int run_index(const IndexArgs& a) {
  const auto& kind = find_kind(kIndexOutputs, a.output);
  if (is_stdin(a.data) && is_stdin(a.meta))
    throw ValidationError("--data and --meta cannot both be - (standard input)");
  Framework f = is_stdin(a.meta) ? make_framework(read_csv_input(a.meta)) : read_framework(a.meta);
  if (!a.weights_file.empty())
    for (const auto& [name, w] : read_weight_sets(a.weights_file, f)) f.add_weight_set(name, w);
  const csv::Table data_table =
      read_csv_input(a.data, reading_options(parse_number_style(a.numbers)));
  const NumberDecision numbers = data_number_format(data_table, f, parse_number_style(a.numbers));
  const UnitData data = make_unit_data(data_table, f, numbers.format);
  const PipelineOptions o = options(a);
  const PipelineResult r = run_pipeline(data, f, o);
  Report out = a.uncertainty > 0 || a.sensitivity > 0 ? uncertainty_report(a, data, f, o)
                                                      : kind.build(IndexState{a, f, data, o, r});
  if (r.time) {
    char time[32];
    std::snprintf(time, sizeof time, "%g", *r.time);
    out.note("time " + std::string(time));
  }
  out.summary["time"] = r.time ? Json(*r.time) : Json(nullptr);
  if (!numbers.note.empty()) out.note(numbers.note);
  // Steps that changed numbers as plain notes; warnings with their place and code.
  for (const dxkit::Diagnostic& n : r.notes) {
    if (n.severity == Severity::note)
      out.note(n.message);
    else
      out.notes.push_back(n);
  }
  write(std::cout, out, a.format);
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
  cmd->add_option("--data", a->data, "iData CSV (- reads standard input)")->required();
  cmd->add_option("--meta", a->meta, "iMeta CSV (- reads standard input)")->required();
  cmd->add_option("--weights", a->weights_file,
                  "weight sets: a CSV of iCode and one column per set");
  cmd->add_option("--weight-set", a->weight_set, "the weight set to use (default: iMeta's)");
  cmd->add_option("--time", a->time, "panel data: the Time to build (default: the latest)");
  cmd->add_option("--panel-impute", a->panel_impute, kPanelImputations.joined())
      ->check(CLI::IsMember(names(kPanelImputations)))
      ->capture_default_str();
  cmd->add_option("--preset", a->preset,
                  "choices of the steps that change data, overridden by the options below: " +
                      kPresets.joined())
      ->check(CLI::IsMember(names(kPresets)))
      ->capture_default_str();
  cmd->add_flag("--no-denominate", a->no_denominate, "skip denomination (the default)");
  cmd->add_option("--impute", a->impute, kImputations.joined() + " (default none)");
  cmd->add_option("--group", a->group, "group column for group imputation");
  cmd->add_option("--screen", a->screen,
                  "minimum data availability of a unit (0..1, default 0: no screening)");
  cmd->add_option("--min-nonzero", a->min_nonzero,
                  "minimum share of non-zero values of a unit (default 0)");
  cmd->add_option("--include", a->include, "units kept whatever their data (comma-separated)");
  cmd->add_option("--exclude", a->exclude, "units removed whatever their data (comma-separated)");
  cmd->add_flag("--no-treat", a->no_treat, "skip outlier treatment (the default)");
  cmd->add_option("--transform", a->transform,
                  "after winsorisation (with treat=true or a preset): " + kTransforms.joined() +
                      "; boxcox(lambda=L); default log_ct");
  cmd->add_option(
         "--normalise", a->normalise,
         kNormalisations.joined() +
             "; parameters: minmax(lo=,hi=), zscore(mean=,sd=), scaled(lo=,hi=), "
             "goalposts(lo=,hi=,scale=,truncate=), distance_to_target(target=,cap=), "
             "distance_to_reference(reference=,cap=); meta=true takes parameters from iMeta")
      ->capture_default_str();
  cmd->add_option("--range-low", a->lo, "min-max lower end");
  cmd->add_option("--range-high", a->hi, "min-max upper end");
  cmd->add_option(
         "--aggregate", a->aggregate,
         kAggregations.joined() +
             "; generalised(power=P); min_share=S leaves units with fewer children missing")
      ->capture_default_str();
  cmd->add_option("--set", a->set,
                  "KEY=VALUE, repeatable: impute.<iCode>, treat.<iCode>, normalise.<iCode>, "
                  "weight.<iCode>, aggregate.level.<N>, aggregate.<parent>, max_points, ... "
                  "(docs/index.md)");
  cmd->add_option("--output", a->output, kind_help(kIndexOutputs))
      ->check(CLI::IsMember(kind_names(kIndexOutputs)))
      ->capture_default_str();
  cmd->add_option("--dataset", a->dataset,
                  "the data set for describe, availability and pca: " + kDataSets.joined());
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
  cmd->add_option("--noise", a->noise,
                  "LEVEL=F: weights of a level times 1 + U(-F, F); repeatable");
  cmd->add_option("--alt-normalise", a->alt_normalise, "an alternative normalisation; repeatable");
  cmd->add_option("--alt-aggregate", a->alt_aggregate, "an alternative aggregation; repeatable");
  cmd->add_flag("--vary-impute", a->vary_impute, "imputation on or off");
  cmd->add_flag("--vary-treat", a->vary_treat, "outlier treatment on or off");
  cmd->add_option("--leave-out", a->leave_out,
                  "elements one of which may be left out (comma-separated)");
  add_numbers_option(cmd, a->numbers,
                     " (of --data; the default here is plain, COINr's format: 4.0979, 1e-05, "
                     "1,234.5)");
  add_format_option(cmd, a->format);
  cmd->callback([&run, a] { run = [a] { return run_index(*a); }; });
}

}  // namespace dxkit::cli
