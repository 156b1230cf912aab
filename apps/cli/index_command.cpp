#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/pipeline.hpp"
#include "output.hpp"

namespace dxkit::cli {

namespace {

using namespace dxkit::index;

struct IndexArgs {
  std::string data, meta;
  std::string impute = "group_mean", group = "EurAsia_group";
  double screen = 0.9;
  bool no_treat = false;
  std::string normalise = "minmax";
  double lo = 0, hi = 100;
  std::string aggregate = "arithmetic";
  std::string output = "aggregated";
  std::string format = "table";
};

std::string number(double v) {
  if (std::isnan(v)) return "NA";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

int run_index(const IndexArgs& a) {
  const Framework f = read_framework(a.meta);
  const UnitData data = read_unit_data(a.data, f);
  PipelineOptions o;
  o.imputation = parse_imputation(a.impute);
  o.impute_group = a.group;
  o.screen_threshold = a.screen;
  o.treat = !a.no_treat;
  o.normalisation = parse_normalisation(a.normalise);
  o.norm_lo = a.lo;
  o.norm_hi = a.hi;
  o.aggregation = parse_aggregation(a.aggregate);
  const PipelineResult r = run_pipeline(data, f, o);
  // "ranks" are the ranks of the aggregated data set.
  const DataSet* ds = &r.data(a.output == "ranks" ? "aggregated" : a.output);
  const bool ranks = a.output == "ranks";

  std::vector<std::size_t> cols;
  for (std::size_t c = 0; c < ds->columns.size(); ++c) {
    // The table shows the aggregates of an aggregated data set; CSV and JSON show all.
    const auto node = f.find(ds->columns[c]);
    const bool aggregate = node && f.nodes[*node].type == NodeType::aggregate;
    if (a.format != "table" || !(a.output == "aggregated" || ranks) || aggregate) cols.push_back(c);
  }
  std::vector<std::vector<std::string>> cells(ds->rows());
  for (std::size_t c : cols) {
    const auto rk = ranks ? rank_min(ds->col(c)) : std::vector<std::optional<int>>{};
    for (std::size_t u = 0; u < ds->rows(); ++u)
      cells[u].push_back(ranks ? (rk[u] ? std::to_string(*rk[u]) : "NA") : number(ds->col(c)[u]));
  }
  if (a.format == "json") {
    nlohmann::ordered_json j;
    j["output"] = a.output;
    j["screened_out"] = r.screened_out;
    j["rows"] = nlohmann::json::array();
    for (std::size_t u = 0; u < ds->rows(); ++u) {
      nlohmann::ordered_json row;
      row["uCode"] = ds->units[u];
      row["uName"] = ds->names[u];
      for (std::size_t k = 0; k < cols.size(); ++k) {
        const double v = ds->col(cols[k])[u];
        if (ranks) row[ds->columns[cols[k]]] = cells[u][k] == "NA" ? nlohmann::ordered_json(nullptr)
                                                                   : nlohmann::ordered_json(std::stoi(cells[u][k]));
        else row[ds->columns[cols[k]]] = std::isnan(v) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v);
      }
      j["rows"].push_back(std::move(row));
    }
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  TextTable t;
  t.header = {"uCode", "uName"};
  for (std::size_t c : cols) t.header.push_back(ds->columns[c]);
  t.right_align.assign(t.header.size(), true);
  t.right_align[0] = t.right_align[1] = false;
  for (std::size_t u = 0; u < ds->rows(); ++u) {
    std::vector<std::string> row = {ds->units[u], ds->names[u]};
    for (std::size_t k = 0; k < cols.size(); ++k) {
      std::string s = cells[u][k];
      if (!ranks && a.format == "table" && s != "NA") {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", ds->col(cols[k])[u]);
        s = buf;
      }
      row.push_back(s);
    }
    t.rows.push_back(std::move(row));
  }
  if (a.format == "csv") write_csv(std::cout, t);
  else write_text(std::cout, t, 24);
  return 0;
}

}  // namespace

void add_index(CLI::App& app, std::function<int()>& run) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand(
      "index", "Build a composite index from COINr-style iData / iMeta (COINr's pipeline)");
  cmd->add_option("--data", args->data, "iData CSV")->required();
  cmd->add_option("--meta", args->meta, "iMeta CSV")->required();
  cmd->add_option("--impute", args->impute, "none, mean, median, group_mean, group_median")
      ->check(CLI::IsMember({"none", "mean", "median", "group_mean", "group_median"}))
      ->capture_default_str();
  cmd->add_option("--group", args->group, "group column for group imputation")->capture_default_str();
  cmd->add_option("--screen", args->screen, "minimum data availability of a unit (0..1)")
      ->capture_default_str();
  cmd->add_flag("--no-treat", args->no_treat, "skip outlier treatment");
  cmd->add_option("--normalise", args->normalise,
                  "minmax, zscore, goalposts, distance_to_max, fraction_of_max, rank, percentile_rank")
      ->check(CLI::IsMember({"minmax", "zscore", "goalposts", "distance_to_max", "fraction_of_max",
                             "rank", "percentile_rank"}))
      ->capture_default_str();
  cmd->add_option("--range-low", args->lo, "min-max lower end")->capture_default_str();
  cmd->add_option("--range-high", args->hi, "min-max upper end")->capture_default_str();
  cmd->add_option("--aggregate", args->aggregate, "arithmetic, geometric, harmonic")
      ->check(CLI::IsMember({"arithmetic", "geometric", "harmonic"}))
      ->capture_default_str();
  cmd->add_option("--output", args->output,
                  "denominated, imputed, screened, treated, normalised, aggregated, ranks")
      ->check(CLI::IsMember({"denominated", "imputed", "screened", "treated", "normalised",
                             "aggregated", "ranks"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->callback([&run, args] { run = [args] { return run_index(*args); }; });
}

}  // namespace dxkit::cli
