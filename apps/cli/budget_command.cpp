#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/budget/budget.hpp"
#include "dxkit/error.hpp"
#include "dxkit/text/number_style.hpp"
#include "dxkit/units/express.hpp"
#include "output.hpp"
#include "units_option.hpp"

namespace dxkit::cli {

namespace {

using namespace dxkit::budget;

struct BudgetArgs {
  std::string file;
  std::string unit;  // "" = as declared by the file
  std::string print_unit = "million";
  int decimals = -1;  // -1: exact in the print unit
  std::string by;
  bool check = false;
  std::string format = "table";
  std::string state_budget;
  std::string table;  // a document's table: number or caption text ("" = the only budget table)
  std::string units;  // --units DATE: agencies of that date
  std::string numbers = "vietnamese";  // a name of number_styles
};

std::vector<Dimension> parse_by(const std::string& text) {
  std::vector<Dimension> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(parse_dimension(item));
  return out;
}

int run_budget(const BudgetArgs& a) {
  ReadOptions options;
  if (!a.unit.empty()) options.unit = parse_unit(a.unit);
  const NumberStyle style = number_styles.parse(a.numbers);
  options.format = style == NumberStyle::plain ? NumberFormat::plain : NumberFormat::vietnamese;
  options.detect_format = style == NumberStyle::automatic;
  Budget b;
  if (is_office_document(a.file)) {
    DocumentTable d = open_document_table(a.file, a.table, document::TableKind::budget);
    std::optional<MoneyUnit> declared;
    if (!d.unit.empty()) declared = parse_unit(d.unit);
    b = make_budget(std::move(d.table), options, declared);
  } else if (is_stdin(a.file)) {  // a document there went the way above
    b = parse_budget(standard_input(), kStdinName, options);
  } else {
    b = read_budget(a.file, options);
  }
  const auto units_day = units_date(a.units);
  // --units: each row's agency expressed in the agencies of that date, as written kept.
  const units::AgenciesWritten agencies =
      units_day ? units::express_budget(units::agencies(), b, *units_day)
                : units::AgenciesWritten{};
  const MoneyUnit shown = a.print_unit.empty() ? b.unit : parse_unit(a.print_unit);
  const int decimals = a.decimals;  // -1: exact
  auto money = [&](Money m) { return format_money(m, shown, decimals); };
  const auto by = parse_by(a.by);
  const auto rows = b.rollup(by);
  const auto findings = a.check ? b.check() : std::vector<Finding>{};
  std::optional<double> share;
  if (!a.state_budget.empty()) share = b.share_of(parse_money(a.state_budget, b.unit));

  Report report;
  report.command = "budget";
  report.source = a.file;
  // Money in JSON and CSV is whole đồng (integers, exact); the unit the appendix was written in
  // and the unit and rounding of the text table are said beside.
  report.summary["currency"] = "VND";
  report.summary["money_unit"] = "đồng";
  report.summary["source_unit"] = to_string(b.unit);
  report.summary["table_unit"] = to_string(shown);
  report.summary["table_rounding"] = rounding_note(shown, decimals);
  Json totals = Json::object();
  totals["total"] = b.total().dong;
  totals["columns"] = Json::object();
  for (std::size_t c = 0; c < b.columns.size(); ++c) {
    Json col;
    col["computed"] = b.column_total(c).dong;
    auto rep = b.reported_total(c);
    col["reported"] = rep ? Json(rep->dong) : Json(nullptr);
    totals["columns"][b.columns[c].header] = std::move(col);
  }
  totals["share_of_state_budget_percent"] = share ? Json(*share) : Json(nullptr);
  report.summary["totals"] = std::move(totals);
  report.summary["by"] = Json::array();
  for (Dimension d : by) report.summary["by"].push_back(to_string(d));

  // The columns of Budget.rollup(by): the keys, amount (đồng), share (of 1).
  Frame& roll = report.main();
  roll.max_width = 48;
  for (Dimension d : by) {
    roll.header.emplace_back(to_string(d));
    if (units_day && d == Dimension::agency) roll.header.emplace_back("agency_original");
  }
  for (const char* h : {"amount", "share"}) roll.header.emplace_back(h);
  const auto money_cell = [=](const Json& v) {
    return v.is_null() ? std::string()
                       : format_money(Money{v.get<std::int64_t>()}, shown, decimals);
  };
  roll.shown["amount"] = money_cell;
  roll.shown["share"] = [](const Json& v) { return format_number(v.get<double>() * 100, 2) + "%"; };
  for (const RollupRow& r : rows) {
    std::vector<Json> cells;
    for (std::size_t k = 0; k < r.keys.size(); ++k) {
      cells.emplace_back(r.keys[k]);
      if (!units_day || by[k] != Dimension::agency) continue;
      cells.emplace_back(agencies.original(r.keys[k]));
    }
    cells.emplace_back(r.amount.dong);
    cells.emplace_back(r.share);
    roll.rows.push_back(std::move(cells));
  }

  // Findings: rows of their own in CSV and JSON, one line each under the text table.
  Frame found;
  found.name = "findings";
  found.in_table = false;
  // The columns of Budget.check(); reported and computed in đồng.
  // A document's finding names its sheet or Word table, and a sheet's its cell ("D10"), in
  // columns of their own after those of a CSV file's.
  found.header = {"kind",     "severity", "file",    "line",  "label", "column",
                  "reported", "computed", "message", "sheet", "table", "cell"};
  const auto dong_or_null = [](const std::optional<Money>& m) {
    return m ? Json(m->dong) : Json(nullptr);
  };
  for (const Finding& f : findings) {
    const Diagnostic& d = f.diagnostic;
    found.rows.push_back({d.code, std::string(to_string(d.severity)), d.where.file, d.where.line,
                          f.label, d.where.column_name, dong_or_null(f.reported),
                          dong_or_null(f.computed), d.message,
                          d.where.sheet.empty() ? Json(nullptr) : Json(d.where.sheet),
                          d.where.table ? Json(d.where.table) : Json(nullptr),
                          d.where.cell().empty() ? Json(nullptr) : Json(d.where.cell())});
  }
  report.frames.push_back(std::move(found));

  report.heading.push_back(b.source + " — amounts in " + std::string(to_string(shown)) + " (" +
                           rounding_note(shown, decimals) + ")");
  report.heading.push_back("total: " + money(b.total()));
  for (std::size_t c = 0; c < b.columns.size(); ++c) {
    auto rep = b.reported_total(c);
    report.heading.push_back("  " + b.columns[c].header + ": " + money(b.column_total(c)) +
                             (rep ? " (printed: " + money(*rep) + ")" : std::string()));
  }
  if (share)
    report.heading.push_back("share of the state budget: " + format_number(*share, 2) + "%");
  report.heading.emplace_back();
  if (a.check) {
    report.trailer.emplace_back();
    report.trailer.push_back(std::to_string(findings.size()) + " finding(s)");
    for (const Finding& f : findings) {
      const Diagnostic& d = f.diagnostic;
      // file:line for a CSV file; a document's sheet cell or Word table row as messages say.
      Location place = d.where;
      place.column_name.clear();
      if (place.sheet.empty() && place.table == 0) place.column = 0;
      report.trailer.push_back("  " + place.to_string() + ": " +
                               std::string(to_string(d.severity)) + ": " + d.code + ": " +
                               (f.label.empty() ? "" : "'" + f.label + "': ") + d.message);
    }
  }
  if (units_day) {
    report.note("agencies expressed as of " + units_day->iso() +
                " (Decree 45/2025/NĐ-CP, Law 72/2025/QH15): " + std::to_string(agencies.moved) +
                " items' agencies replaced by their successors; as written: agency_original");
    add_notes(report, agencies.notes);
  }
  if (!b.number_note.empty()) report.note(b.number_note);
  write(std::cout, report, a.format);
  return 0;
}

}  // namespace

void add_budget(CLI::App& app, std::function<int()>& run) {
  auto args = std::make_shared<BudgetArgs>();
  CLI::App* cmd = app.add_subcommand(
      "budget", "Read a budget appendix (kinh phí), roll it up exactly and check its totals");
  cmd->add_option("file", args->file,
                  "CSV file in the appendix's own layout, .docx or .xlsx; - reads standard input")
      ->required();
  cmd->add_option("--table", args->table,
                  "for a .docx/.xlsx FILE: the table's number or caption text (default: the only "
                  "budget table)");
  cmd->add_option("--unit", args->unit,
                  "unit of the amounts when the file does not declare it (triệu, tỷ, ...)");
  cmd->add_option("--print-unit", args->print_unit, "unit to print in")->capture_default_str();
  cmd->add_option("--decimals", args->decimals, "decimals to print (default: exact)");
  cmd->add_option("--by", args->by,
                  "dimensions to roll up by, comma-separated: " + dimensions.joined(","));
  cmd->add_flag("--check", args->check, "list what does not add up");
  cmd->add_option("--state-budget", args->state_budget,
                  "total state budget, for the share spent (in the table's unit)");
  add_units_option(cmd, args->units, "the agencies");
  cmd->add_option("--numbers", args->numbers, number_style_help())
      ->check(CLI::IsMember(number_style_names()))
      ->capture_default_str();
  add_format_option(cmd, args->format);
  cmd->callback([&run, args] { run = [args] { return run_budget(*args); }; });
}

}  // namespace dxkit::cli
