#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/number_style.hpp"
#include "output.hpp"

namespace dxkit::cli {

namespace {

struct EvaluateArgs {
  std::string file;
  std::string scheme = "exceed";
  std::string bands = "90,50";
  std::string format = "table";
  std::string numbers = "vietnamese";
  std::string table;  // a document's table: number or caption text ("" = the only results table)
};

std::vector<std::string> scheme_names() {
  std::vector<std::string> out;
  for (const auto& e : kSchemes.entries) out.emplace_back(e.name);
  return out;
}

std::vector<double> parse_bands(const std::string& text) {
  std::vector<double> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(parse_number(item, NumberFormat::plain));
  return out;
}

int run_evaluate(const EvaluateArgs& a) {
  TableOptions options;
  const NumberStyle style = number_styles.parse(a.numbers);
  options.format = style == NumberStyle::plain ? NumberFormat::plain : NumberFormat::vietnamese;
  options.detect_format = style == NumberStyle::automatic;
  const IndicatorTable table =
      is_office_document(a.file)
          ? make_indicator_table(
                open_document_table(a.file, a.table, document::TableKind::results).table, options)
          : make_indicator_table(read_csv_input(a.file, reading_options(style)), options);
  const Scheme scheme = Scheme::from_name(a.scheme, parse_bands(a.bands));
  const EvaluationTable ev = evaluate(table, scheme);
  const auto& statuses = scheme.statuses();
  const auto counts = ev.counts();

  Report report;
  report.command = "evaluate";
  report.source = a.file;
  report.summary["scheme"] = scheme.name();
  const bool banded = kSchemes.parse(scheme.name()) == SchemeKind::bands;
  report.summary["bands"] = banded ? Json(scheme.thresholds()) : Json(nullptr);
  Json c = Json::object();
  for (std::size_t s = 0; s < statuses.size(); ++s) c[statuses[s].id] = counts[s];
  report.summary["counts"] = std::move(c);

  Frame& f = report.main();
  // The columns of dxkit.evaluate(...).to_frame(); ratio as a fraction of 1 (0.925). target
  // and actual are the canonical forms; target_text and actual_text the cells as written,
  // which `dxkit evaluate` reads again when given this output.
  f.header = {"line", "code",     "name",     "pillar", "target", "actual",      "ratio",
              "met",  "exceeded", "estimate", "status", "label",  "target_text", "actual_text"};
  f.not_in_table = {"line", "pillar", "estimate", "target_text", "actual_text"};
  f.max_width = 40;
  f.shown["ratio"] = [](const Json& v) {
    return v.is_null() ? std::string() : format_number(v.get<double>() * 100, 2) + "%";
  };
  const auto yes_no = [](const Json& v) { return std::string(v.get<bool>() ? "yes" : "no"); };
  f.shown["met"] = yes_no;
  f.shown["exceeded"] = yes_no;
  for (std::size_t i = 0; i < ev.size(); ++i)
    f.rows.push_back({table.lines[i], table.indicators[i].code, table.indicators[i].name,
                      table.indicators[i].pillar, table.targets[i].describe(),
                      table.results[i].describe(),
                      ev.has_data[i] ? Json(ev.ratio[i]) : Json(nullptr),
                      static_cast<bool>(ev.met[i]), static_cast<bool>(ev.exceeded[i]),
                      static_cast<bool>(ev.estimate[i]), statuses[ev.status[i]].id,
                      statuses[ev.status[i]].label, table.targets[i].text, table.results[i].text});

  report.heading.push_back(table.source + " — scheme " + scheme.name() +
                           (banded ? " (" + a.bands + ")" : std::string()) + ", " +
                           std::to_string(ev.size()) + " rows");
  report.heading.emplace_back();
  report.trailer.emplace_back();
  for (std::size_t s = 0; s < statuses.size(); ++s)
    report.trailer.push_back("  " + statuses[s].label + " (" + statuses[s].id +
                             "): " + std::to_string(counts[s]) + "/" + std::to_string(ev.size()));
  if (!table.number_note.empty()) report.note(table.number_note);
  for (const Diagnostic& w : ev.warnings) report.notes.push_back(w);
  write(std::cout, report, a.format);
  return 0;
}

}  // namespace

void add_evaluate(CLI::App& app, std::function<int()>& run) {
  auto args = std::make_shared<EvaluateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate", "Score a table of targets and results (code, name, pillar, target, actual)");
  cmd->add_option("file", args->file, "CSV file, .docx or .xlsx; - reads standard input")
      ->required();
  cmd->add_option("--table", args->table,
                  "for a .docx/.xlsx FILE: the table's number or caption text (default: the only "
                  "results table)");
  // The choices come from the core's name table, so the help cannot drift from the parser.
  cmd->add_option("--scheme", args->scheme, kSchemes.joined())
      ->check(CLI::IsMember(scheme_names()))
      ->capture_default_str();
  cmd->add_option("--bands", args->bands, "band thresholds in percent, decreasing")
      ->capture_default_str();
  add_format_option(cmd, args->format);
  cmd->add_option("--numbers", args->numbers, number_style_help())
      ->check(CLI::IsMember(number_style_names()))
      ->capture_default_str();
  cmd->callback([&run, args] { run = [args] { return run_evaluate(*args); }; });
}

}  // namespace dxkit::cli
