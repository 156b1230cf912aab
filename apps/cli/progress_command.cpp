// dxkit progress: every indicator of a long table of targets and results, judged against its
// target years (required and observed pace, ratio, status, projection).
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>

#include "commands.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/progress.hpp"
#include "output.hpp"

namespace dxkit::cli {

namespace {

struct ProgressArgs {
  std::string file, as_of, mapping, documents, format = "table";
  bool compound = false;
  ProgressOptions options;
};

int run_progress(const ProgressArgs& a) {
  ProgressOptions o = a.options;
  o.compound = a.compound;
  if (!a.as_of.empty()) o.as_of_year = parse_iso_date(a.as_of).year();
  auto obs = read_observations(a.file);
  link(
      obs,
      a.mapping.empty() ? std::map<std::string, std::string>{} : read_mapping(csv::read(a.mapping)),
      a.documents.empty() ? std::vector<Document>{} : read_documents(csv::read(a.documents)));
  const auto rows = progress(obs, o);
  Report report;
  report.output = "progress";
  report.source = a.file;
  Frame& out = report.main();
  out.header = {"indicator",    "name",     "target_year", "target", "baseline",
                "latest",       "required", "observed",    "ratio",  "projected",
                "year_reached", "status",   "path_from"};
  out.digits = 2;
  std::map<std::string, int> count;
  for (const Progress& p : rows) {
    const auto with_year = [](const std::optional<double>& v, const std::optional<int>& y) {
      if (!v) return Json(nullptr);
      return Json(cell_text(Json(*v), true, 2) + " (" + std::to_string(*y) + ")");
    };
    out.rows.push_back({p.indicator, p.name, p.target_year, p.target_text,
                        with_year(p.baseline, p.baseline_year), with_year(p.latest, p.latest_year),
                        opt(p.required), opt(p.observed), opt(p.ratio), opt(p.projected),
                        opt(p.year_reached), p.status, p.path_from});
    ++count[p.status];
  }
  std::string summary;
  for (const auto& [status, n] : count)
    summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + status;
  const auto g = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  report.note(std::string(a.compound ? "compound growth" : "linear change") +
              " per year; on track at a ratio >= " + g(o.on_track) + ", acceleration needed >= " +
              g(o.acceleration) + ", limited progress >= " + g(o.limited) + ": " + summary);
  write(std::cout, report, a.format);
  return 0;
}

}  // namespace

void add_progress(CLI::App& app, std::function<int()>& run) {
  auto a = std::make_shared<ProgressArgs>();
  CLI::App* cmd = app.add_subcommand(
      "progress",
      "Are the targets still reachable? Targets and results across documents and years");
  cmd->add_option(
         "file", a->file,
         "long table: indicator, year, kind (target/result/baseline), value[, source, name]")
      ->required();
  cmd->add_option("--as-of", a->as_of, "leave out results after this date's year (YYYY-MM-DD)");
  cmd->add_flag("--compound", a->compound, "compound growth rates instead of linear change");
  cmd->add_option("--mapping", a->mapping,
                  "indicator codes linked across documents: a CSV of from, to");
  cmd->add_option("--documents", a->documents,
                  "the documents (number, kind, province, year[, date]); "
                  "every source must be one of them");
  cmd->add_option("--on-track", a->options.on_track, "ratio for on_track")->capture_default_str();
  cmd->add_option("--acceleration", a->options.acceleration, "ratio for acceleration_needed")
      ->capture_default_str();
  cmd->add_option("--limited", a->options.limited, "ratio for limited_progress")
      ->capture_default_str();
  add_format_option(cmd, a->format);
  cmd->callback([&run, a] { run = [a] { return run_progress(*a); }; });
}

}  // namespace dxkit::cli
