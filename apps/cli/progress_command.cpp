// dxkit progress: every indicator of a long table of targets and results, judged against its
// target years (required and observed pace, ratio, status, projection).
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/progress.hpp"
#include "dxkit/units/follow.hpp"
#include "output.hpp"
#include "units_option.hpp"

namespace dxkit::cli {

namespace {

struct ProgressArgs {
  std::string file, as_of, mapping, documents, format = "table";
  bool compound = false;
  ProgressOptions options;
  std::string units, weights;          // --units DATE: provinces of that date
  std::vector<std::string> carry;      // INDICATOR=RULE
  std::string numbers = "vietnamese";  // a name of number_styles
};

// --units: the plan followed into the provinces of `day` (units::progress_in), one block of
// rows per province, with the provinces as written beside.
units::ProgressIn by_province(const ProgressArgs& a, const std::vector<Observation>& obs,
                              const std::vector<Document>& documents, const ProgressOptions& o,
                              const Date& day) {
  if (documents.empty())
    throw ValidationError(
        "--units needs --documents: a row's province and date come from its "
        "document");
  std::map<std::string, units::RuleSpec> rules;
  for (const std::string& c : a.carry) {
    const auto eq = c.find('=');
    if (eq == std::string::npos)
      throw ValidationError("--carry '" + c + "': write INDICATOR=RULE (" + units::kRules.joined() +
                            ")");
    rules[c.substr(0, eq)] = units::parse_rule(c.substr(eq + 1));
  }
  std::string note;
  const auto weights = a.weights.empty()
                           ? units::Weights{}
                           : read_weights(a.weights, parse_number_style(a.numbers), note);
  units::ProgressIn in =
      units::progress_in(units::provinces(), obs, documents, day, rules, weights, o, a.file);
  if (!note.empty())
    in.notes.push_back(Diagnostic{Location{a.weights}, Severity::note, "numbers", note});
  return in;
}

int run_progress(const ProgressArgs& a) {
  ProgressOptions o = a.options;
  o.compound = a.compound;
  if (!a.as_of.empty()) o.as_of_year = parse_iso_date(a.as_of).year();
  const csv::Table table = read_csv_input(a.file, reading_options(parse_number_style(a.numbers)));
  const NumberDecision numbers = observation_number_format(table, parse_number_style(a.numbers));
  auto obs = read_observations(table, numbers.format);
  const auto documents =
      a.documents.empty() ? std::vector<Document>{} : read_documents(csv::read(a.documents));
  link(
      obs,
      a.mapping.empty() ? std::map<std::string, std::string>{} : read_mapping(csv::read(a.mapping)),
      documents);
  const auto units_day = units_date(a.units);
  const units::ProgressIn placed =
      units_day ? by_province(a, obs, documents, o, *units_day) : units::ProgressIn{};
  std::vector<Progress> rows;
  if (units_day)
    for (const units::ProvinceProgress& r : placed.rows) rows.push_back(r.progress);
  else
    rows = progress(obs, o);
  Report report;
  report.command = "progress";
  report.source = a.file;
  report.summary["as_of"] = a.as_of.empty() ? Json(nullptr) : Json(parse_iso_date(a.as_of).iso());
  report.summary["compound"] = a.compound;
  Frame& out = report.main();
  // The columns of Plan.progress(): target as written and target_value, baseline and latest
  // with their years in columns of their own.
  out.header = {"indicator",       "name",          "target_year", "target",      "target_value",
                "lower_is_better", "baseline_year", "baseline",    "latest_year", "latest",
                "required",        "observed",      "ratio",       "projected",   "year_reached",
                "status",          "path_from"};
  out.not_in_table = {"target_value", "lower_is_better"};
  if (units_day) out.header.insert(out.header.begin(), {"province", "original"});
  out.digits = 2;
  std::map<std::string, int> count;
  for (const Progress& p : rows) {
    out.rows.push_back({p.indicator, p.name, p.target_year, p.target_text, num(p.target),
                        p.lower_is_better, opt(p.baseline_year), opt(p.baseline),
                        opt(p.latest_year), opt(p.latest), opt(p.required), opt(p.observed),
                        opt(p.ratio), opt(p.projected), opt(p.year_reached), p.status,
                        p.path_from});
    if (units_day) {
      const units::ProvinceProgress& where = placed.rows[out.rows.size() - 1];
      out.rows.back().insert(out.rows.back().begin(), {Json(where.province), Json(where.original)});
    }
    ++count[p.status];
  }
  report.summary["counts"] = count;
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
  if (!numbers.note.empty()) report.note(numbers.note);
  if (units_day) {
    report.note("followed into the provinces of " + units_day->iso() +
                " (Resolution 202/2025/QH15): each row's province is its document's, at the "
                "document's date; original = the provinces whose rows were used");
    add_notes(report, placed.notes);
  }
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
         "long table: indicator, year, kind (target/result/baseline), value[, source, name]; - "
         "reads standard input")
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
  add_units_option(cmd, a->units, "the plan (needs --documents)");
  cmd->add_option("--carry", a->carry,
                  "with --units: how an indicator of several former provinces combines, "
                  "INDICATOR=RULE (" +
                      units::kRules.joined() + "), e.g. KTS=weighted_mean(GRDP)");
  cmd->add_option("--weights", a->weights,
                  "with --units: the weights of weighted_mean, a CSV of unit, indicator, value");
  add_numbers_option(cmd, a->numbers);
  add_format_option(cmd, a->format);
  cmd->callback([&run, a] { run = [a] { return run_progress(*a); }; });
}

}  // namespace dxkit::cli
