// dxkit units: the provinces (or agencies) valid at a date, each with what it was formed from
// and what it became, from the shipped registry and the user's own mapping table.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/units/follow.hpp"
#include "dxkit/units/registry.hpp"
#include "output.hpp"
#include "units_option.hpp"

namespace dxkit::cli {

namespace {

struct UnitsArgs {
  std::string as_of, map, registry = "provinces", format = "table";
};

std::string joined(const units::Registry& r, const std::vector<units::Succession>& list,
                   bool forward) {
  std::string out;
  for (const units::Succession& s : list) {
    out += (out.empty() ? "" : "; ") + r.unit(forward ? s.new_unit : s.old_unit).name;
    if (s.share < 1) out += " (" + std::to_string(s.share).substr(0, 6) + ")";
  }
  return out;
}

int run_units(const UnitsArgs& a) {
  units::Registry r = a.registry == "agencies" ? units::agencies() : units::provinces();
  if (!a.map.empty()) r.load(read_csv_input(a.map));
  std::optional<Date> as_of;
  if (!a.as_of.empty()) as_of = parse_iso_date(a.as_of);
  Report report;
  report.command = "units";
  report.source = a.map;
  report.summary["registry"] = a.registry;
  report.summary["as_of"] = as_of ? Json(as_of->iso()) : Json(nullptr);
  Frame& out = report.main();
  // The columns of dxkit.units.units(), with the successors beside.
  out.header = {"code",        "name",         "kind",       "valid_from",
                "valid_until", "predecessors", "successors", "source"};
  out.not_in_table = {"source"};
  std::size_t merged = 0, count = 0;
  for (std::size_t i = 0; i < r.units().size(); ++i) {
    const units::Unit& u = r.unit(i);
    if (as_of && !u.valid_at(*as_of)) continue;
    const auto before = r.predecessors(i);
    merged += before.empty() ? 0 : 1;
    ++count;
    out.rows.push_back({u.code, u.name, u.kind, u.from ? Json(u.from->iso()) : Json(nullptr),
                        u.until ? Json(u.until->iso()) : Json(nullptr), joined(r, before, false),
                        joined(r, r.successors(i), true), u.source});
  }
  report.note(std::to_string(count) + " units" +
              (as_of ? " valid on " + as_of->iso() : " in the registry") + ", " +
              std::to_string(merged) + " formed from others");
  write(std::cout, report, a.format);
  return 0;
}

}  // namespace

void add_units_option(CLI::App* cmd, std::string& units, const std::string& what) {
  cmd->add_option("--units", units,
                  "express " + what +
                      " in the units of this date, YYYY-MM-DD (2025 reorganisation: Decree "
                      "45/2025/NĐ-CP, Resolution 202/2025/QH15); the names as written kept beside");
}

std::optional<Date> units_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return parse_iso_date(text);
}

std::map<std::string, std::map<std::string, double>> read_weights(const std::string& path,
                                                                  NumberStyle numbers,
                                                                  std::string& note) {
  const csv::Table table = csv::read(path);
  const NumberDecision decided = resolve_number_style(numbers, table, {"unit", "indicator"});
  note = decided.note;
  return units::read_weights(table, decided.format);
}

void add_notes(Report& report, const Diagnostics& notes) {
  report.notes.insert(report.notes.end(), notes.begin(), notes.end());
}

void add_units(CLI::App& app, std::function<int()>& run) {
  auto a = std::make_shared<UnitsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "units",
      "Provinces or agencies valid at a date, with predecessors and successors (2025 reform)");
  cmd->add_option("--as-of", a->as_of, "the date, YYYY-MM-DD (default: every unit, any date)");
  cmd->add_option("--map", a->map,
                  "a mapping table of your own: old, new, from (YYYY-MM-DD), share (optional)");
  cmd->add_option("--registry", a->registry,
                  "provinces: the 63 and the 34 (Resolution 202/2025/QH15); agencies: the 2025 "
                  "department mergers (Decree 45/2025/NĐ-CP)")
      ->check(CLI::IsMember({"provinces", "agencies"}))
      ->capture_default_str();
  add_format_option(cmd, a->format);
  cmd->callback([&run, a] { run = [a] { return run_units(*a); }; });
}

}  // namespace dxkit::cli
