#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/text/number.hpp"
#include "output.hpp"

namespace dxkit::cli {

namespace {

struct EvaluateArgs {
  std::string file;
  std::string scheme = "exceed";
  std::string bands = "90,50";
  std::string format = "table";
  std::string numbers = "vietnamese";
};

std::vector<double> parse_bands(const std::string& text) {
  std::vector<double> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(parse_number(item, NumberFormat::plain));
  return out;
}

std::string ratio_text(const EvaluationTable& e, std::size_t i) {
  return e.has_data[i] ? format_number(e.ratio[i] * 100, 2) + "%" : "";
}

int run_evaluate(const EvaluateArgs& a) {
  TableOptions options;
  options.format = a.numbers == "plain" ? NumberFormat::plain : NumberFormat::vietnamese;
  const IndicatorTable table = read_indicator_table(a.file, options);
  const Scheme scheme = Scheme::from_name(a.scheme, parse_bands(a.bands));
  const EvaluationTable ev = evaluate(table, scheme);
  const auto& statuses = scheme.statuses();
  const auto counts = ev.counts();

  if (a.format == "json") {
    nlohmann::ordered_json j;
    j["scheme"] = scheme.name();
    if (scheme.name() == "bands") j["bands"] = scheme.thresholds();
    j["source"] = table.source;
    j["rows"] = nlohmann::json::array();
    for (std::size_t i = 0; i < ev.size(); ++i) {
      nlohmann::ordered_json r;
      r["line"] = table.lines[i];
      r["code"] = table.indicators[i].code;
      r["name"] = table.indicators[i].name;
      r["target"] = table.targets[i].describe();
      r["actual"] = table.results[i].describe();
      r["ratio"] = ev.has_data[i] ? nlohmann::ordered_json(ev.ratio[i]) : nullptr;
      r["met"] = static_cast<bool>(ev.met[i]);
      r["exceeded"] = static_cast<bool>(ev.exceeded[i]);
      r["estimate"] = static_cast<bool>(ev.estimate[i]);
      r["status"] = statuses[ev.status[i]].id;
      r["label"] = statuses[ev.status[i]].label;
      j["rows"].push_back(std::move(r));
    }
    nlohmann::ordered_json c;
    for (std::size_t s = 0; s < statuses.size(); ++s) c[statuses[s].id] = counts[s];
    j["counts"] = std::move(c);
    std::cout << j.dump(2) << '\n';
    return 0;
  }

  TextTable t;
  t.header = {"code", "name", "target", "actual", "ratio", "met", "exceeded", "status", "label"};
  t.right_align = {false, false, false, false, true, false, false, false, false};
  for (std::size_t i = 0; i < ev.size(); ++i) {
    std::string actual = table.results[i].describe();
    t.rows.push_back({table.indicators[i].code, table.indicators[i].name,
                      table.targets[i].describe(), actual, ratio_text(ev, i),
                      ev.met[i] ? "yes" : "no", ev.exceeded[i] ? "yes" : "no",
                      statuses[ev.status[i]].id, statuses[ev.status[i]].label});
  }
  if (a.format == "csv") {
    for (std::size_t i = 0; i < ev.size(); ++i) {
      t.rows[i][4] = ev.has_data[i] ? std::to_string(ev.ratio[i]) : "";
      t.rows[i][5] = ev.met[i] ? "true" : "false";
      t.rows[i][6] = ev.exceeded[i] ? "true" : "false";
    }
    write_csv(std::cout, t);
    return 0;
  }
  std::cout << table.source << " — scheme " << scheme.name();
  if (scheme.name() == "bands") std::cout << " (" << a.bands << ")";
  std::cout << ", " << ev.size() << " rows\n\n";
  write_text(std::cout, t, 40);
  std::cout << '\n';
  for (std::size_t s = 0; s < statuses.size(); ++s)
    std::cout << "  " << statuses[s].label << " (" << statuses[s].id << "): " << counts[s] << "/"
              << ev.size() << '\n';
  return 0;
}

}  // namespace

void add_evaluate(CLI::App& app, std::function<int()>& run) {
  auto args = std::make_shared<EvaluateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate", "Score a table of targets and results (code, name, pillar, target, actual)");
  cmd->add_option("file", args->file, "CSV file")->required();
  cmd->add_option("--scheme", args->scheme, "exceed (Vượt/Đạt/Chưa đạt) or bands")
      ->check(CLI::IsMember({"exceed", "bands"}))
      ->capture_default_str();
  cmd->add_option("--bands", args->bands, "band thresholds in percent, decreasing")
      ->capture_default_str();
  add_format_option(cmd, args->format);
  cmd->add_option("--numbers", args->numbers,
                  "number format: vietnamese (75.428; 99,21) or plain (75,428; 99.21)")
      ->check(CLI::IsMember({"vietnamese", "plain"}))
      ->capture_default_str();
  cmd->callback([&run, args] { run = [args] { return run_evaluate(*args); }; });
}

}  // namespace dxkit::cli
