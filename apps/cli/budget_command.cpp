#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "dxkit/budget/budget.hpp"
#include "dxkit/error.hpp"
#include "output.hpp"

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
  const Budget b = read_budget(a.file, options);
  const MoneyUnit shown = a.print_unit.empty() ? b.unit : parse_unit(a.print_unit);
  const int decimals = a.decimals;  // -1: exact
  auto money = [&](Money m) { return format_money(m, shown, decimals); };
  const auto by = parse_by(a.by);
  const auto rows = b.rollup(by);
  const auto findings = a.check ? b.check() : std::vector<Finding>{};
  std::optional<double> share;
  if (!a.state_budget.empty()) share = b.share_of(parse_money(a.state_budget, b.unit));

  if (a.format == "json") {
    nlohmann::ordered_json j;
    j["source"] = b.source;
    j["unit"] = to_string(shown);
    j["rounding"] = rounding_note(shown, decimals);
    nlohmann::ordered_json totals;
    totals["total_dong"] = b.total().dong;
    totals["total"] = money(b.total());
    for (std::size_t c = 0; c < b.columns.size(); ++c) {
      nlohmann::ordered_json col;
      col["computed"] = money(b.column_total(c));
      auto rep = b.reported_total(c);
      col["reported"] = rep ? nlohmann::ordered_json(money(*rep)) : nullptr;
      totals["columns"][b.columns[c].header] = std::move(col);
    }
    if (share) totals["share_of_state_budget_percent"] = *share;
    j["totals"] = std::move(totals);
    j["by"] = nlohmann::json::array();
    for (Dimension d : by) j["by"].push_back(to_string(d));
    j["rollup"] = nlohmann::json::array();
    for (const RollupRow& r : rows) {
      nlohmann::ordered_json o;
      for (std::size_t k = 0; k < by.size(); ++k) o[std::string(to_string(by[k]))] = r.keys[k];
      o["amount_dong"] = r.amount.dong;
      o["amount"] = money(r.amount);
      o["share"] = r.share;
      j["rollup"].push_back(std::move(o));
    }
    j["findings"] = nlohmann::json::array();
    for (const Finding& f : findings) {
      nlohmann::ordered_json o;
      o["kind"] = f.kind;
      o["severity"] = f.severity;
      o["line"] = f.line;
      o["label"] = f.label;
      o["column"] = f.column;
      o["reported"] = f.reported ? nlohmann::ordered_json(money(*f.reported)) : nullptr;
      o["computed"] = f.computed ? nlohmann::ordered_json(money(*f.computed)) : nullptr;
      o["message"] = f.message;
      j["findings"].push_back(std::move(o));
    }
    std::cout << j.dump(2) << '\n';
    return 0;
  }

  TextTable t;
  for (Dimension d : by) t.header.emplace_back(to_string(d));
  t.header.push_back("amount");
  t.header.push_back("share");
  for (std::size_t k = 0; k < by.size(); ++k) t.right_align.push_back(false);
  t.right_align.push_back(true);
  t.right_align.push_back(true);
  for (const RollupRow& r : rows) {
    auto cells = r.keys;
    cells.push_back(money(r.amount));
    cells.push_back(format_number(r.share * 100, 2) + "%");
    t.rows.push_back(std::move(cells));
  }
  if (a.format == "csv") {
    write_csv(std::cout, t);
    if (!findings.empty()) {
      TextTable f;
      f.header = {"kind", "severity", "line", "label", "column", "reported", "computed", "message"};
      for (const Finding& x : findings)
        f.rows.push_back({x.kind, x.severity, std::to_string(x.line), x.label, x.column,
                          x.reported ? money(*x.reported) : "", x.computed ? money(*x.computed) : "",
                          x.message});
      std::cout << '\n';
      write_csv(std::cout, f);
    }
    return 0;
  }
  std::cout << b.source << " — amounts in " << to_string(shown) << " ("
            << rounding_note(shown, decimals) << ")\n";
  std::cout << "total: " << money(b.total()) << '\n';
  for (std::size_t c = 0; c < b.columns.size(); ++c) {
    auto rep = b.reported_total(c);
    std::cout << "  " << b.columns[c].header << ": " << money(b.column_total(c));
    if (rep) std::cout << " (printed: " << money(*rep) << ")";
    std::cout << '\n';
  }
  if (share) std::cout << "share of the state budget: " << format_number(*share, 2) << "%\n";
  std::cout << '\n';
  write_text(std::cout, t, 48);
  if (a.check) {
    std::cout << '\n' << findings.size() << " finding(s)\n";
    for (const Finding& f : findings)
      std::cout << "  " << f.file << ":" << f.line << ": " << f.severity << ": " << f.kind << ": "
                << (f.label.empty() ? "" : "'" + f.label + "': ") << f.message << '\n';
  }
  return 0;
}

}  // namespace

void add_budget(CLI::App& app, std::function<int()>& run) {
  auto args = std::make_shared<BudgetArgs>();
  CLI::App* cmd = app.add_subcommand(
      "budget", "Read a budget appendix (kinh phí), roll it up exactly and check its totals");
  cmd->add_option("file", args->file, "CSV file in the appendix's own layout")->required();
  cmd->add_option("--unit", args->unit,
                  "unit of the amounts when the file does not declare it (triệu, tỷ, ...)");
  cmd->add_option("--print-unit", args->print_unit, "unit to print in")->capture_default_str();
  cmd->add_option("--decimals", args->decimals, "decimals to print (default: exact)");
  cmd->add_option("--by", args->by,
                  "dimensions to roll up by: section,group,agency,source,year,tag,period");
  cmd->add_flag("--check", args->check, "list what does not add up");
  cmd->add_option("--state-budget", args->state_budget,
                  "total state budget, for the share spent (in the table's unit)");
  add_format_option(cmd, args->format);
  cmd->callback([&run, args] { run = [args] { return run_budget(*args); }; });
}

}  // namespace dxkit::cli
