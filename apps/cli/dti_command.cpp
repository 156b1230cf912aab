// dxkit dti: a DTI-style index from a scoring sheet (sub-indicators) or a table of
// main-indicator points, on a shipped framework or the user's iMeta; results as published
// (points / max with 4 decimals, DTI, competition ranks), ranks within groups, the change
// against last year's ranking, and the appraisal council's corrections.
#include <cmath>
#include <iostream>
#include <map>
#include <memory>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/dti/dti.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/weights.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/units/ranking.hpp"
#include "output.hpp"
#include "units_option.hpp"

namespace dxkit::cli {

namespace {

struct DtiArgs {
  std::string input, framework = "dti_922", meta, previous;
  std::string output = "results";
  std::string format = "table";
  std::string units, units_rule = "weighted_mean(population)", weights;  // --units DATE
  int units_year = 0;  // the year of the sheet's units (default: the year before --units)
  std::string table;   // a document's table: number or caption text
  std::string values = "points";       // points | scores (dti::kValueKinds)
  std::string numbers = "vietnamese";  // a name of number_styles
  bool numbers_given = false;          // --numbers on the command line (else --previous is auto)
};

// Last year's ranking: uCode and DTI (published values) or Rank.
// `numbers` as --numbers says (auto: decided for this file, its note added to `notes`).
index::DataSet previous_ranking(const std::string& path, NumberStyle numbers, Report& notes) {
  const csv::Table t = csv::read(path, reading_options(numbers));
  std::optional<std::size_t> c_unit, c_dti, c_rank;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    if (t.header[c] == "uCode") c_unit = c;
    if (t.header[c] == "DTI") c_dti = c;
    if (t.header[c] == "Rank") c_rank = c;
  }
  const Location head = t.at(1);
  if (!c_unit || !(c_dti || c_rank))
    throw ValidationError("last year's ranking needs uCode and DTI (or Rank)", head);
  const std::array<std::size_t, 1> value_col{c_dti ? *c_dti : *c_rank};
  const NumberDecision numbers_read = resolve_number_style(numbers, t, value_col);
  if (!numbers_read.note.empty()) notes.note(path + ": " + numbers_read.note);
  index::DataSet d;
  const std::size_t col = d.add_column("DTI");
  for (std::size_t r = 0; r < t.rows(); ++r) {
    d.units.push_back(t.columns[*c_unit][r]);
    d.names.emplace_back();
    d.values.push_back(0);
    Location where = t.at(t.lines[r]);
    where.column_name = c_dti ? "DTI" : "Rank";
    try {
      const double v = parse_number(t.columns[value_col[0]][r], numbers_read.format);
      d.values.back() = c_dti ? v : -v;  // a rank: lower is better
    } catch (const ParseError& e) {
      throw e.at(where);
    }
  }
  (void)col;
  return d;
}

// What every output kind starts from: the framework, and the input read once.
struct DtiState {
  const DtiArgs& args;
  index::Framework framework;
  std::optional<csv::Table> table;
  std::optional<dti::Sheet> subs;  // when the input is a scoring sheet (with a Sub column)
  NumberDecision numbers;          // how the input's numbers are read (auto: its note)

  Report report() const {
    Report r;
    r.command = "dti";
    r.output = args.output;
    r.source = args.input;
    r.summary["framework"] = args.meta.empty() ? args.framework : args.meta;
    if (!numbers.note.empty()) r.note(numbers.note);
    return r;
  }
  const csv::Table& input() const {
    if (!table) throw ValidationError("give a scoring sheet or a points table (or --output meta)");
    return *table;
  }
  const dti::Sheet& sheet() const {
    (void)input();
    if (!subs)
      throw ValidationError("--output " + args.output +
                            " needs a scoring sheet (with a Sub column)");
    return *subs;
  }
  // Main-indicator points and the results (points / max, pillars, groups, the DTI).
  std::pair<index::UnitData, index::DataSet> results() const {
    index::UnitData points =
        subs ? dti::main_scores(*subs, framework)
             : dti::main_values(input(), framework, dti::kValueKinds.parse(args.values),
                                numbers.format);
    index::DataSet r = dti::results(points, framework);
    return {std::move(points), std::move(r)};
  }
};

Report meta_report(const DtiState& s) {
  Report out = s.report();
  out.verbatim = s.args.meta.empty() ? dti::preset_meta(s.args.framework) : std::string();
  return out;
}

Report sub_report(const DtiState& s, bool only_differences) {
  const dti::Sheet& sheet = s.sheet();
  Report report = s.report();
  Frame& out = report.main();
  out.header = {"uCode",     "Main",  "Sub",        "Max",     "Self",
                "Appraised", "Final", "Difference", "Evidence"};
  for (const dti::SubScore& x : only_differences ? dti::differences(sheet) : sheet.subs)
    out.rows.push_back({x.unit, x.main, x.sub, x.max, opt(x.self), opt(x.appraised), x.final_points,
                        x.self && x.appraised ? Json(*x.appraised - *x.self) : Json(nullptr),
                        x.evidence});
  out.digits = 2;
  return report;
}

// Every main indicator, pillar and group, and the DTI, ranked.
Report ranks_report(const DtiState& s) {
  const auto [points, r] = s.results();
  Report report = s.report();
  Frame& out = report.main();
  out.header = {"uCode", "uName"};
  std::vector<std::vector<std::optional<double>>> ranks;
  for (std::size_t c = 0; c < r.columns.size(); ++c) {
    out.header.push_back(r.columns[c]);
    ranks.push_back(index::rank(r.col(c), index::Ties::min));
  }
  for (std::size_t u = 0; u < r.rows(); ++u) {
    std::vector<Json> row = {r.units[u], r.names[u]};
    for (const auto& rk : ranks)
      row.push_back(rk[u] ? Json(static_cast<int>(*rk[u])) : Json(nullptr));
    out.rows.push_back(std::move(row));
  }
  return report;
}

Report results_report(const DtiState& s) {
  const DtiArgs& a = s.args;
  const auto [points, r] = s.results();
  Report report = s.report();
  Frame& out = report.main();
  const std::string top = index::top_node(s.framework);
  const auto dti_col = r.col(*r.column(top));
  const auto rank = index::rank(dti_col, index::Ties::min);
  std::vector<std::optional<double>> group_rank;
  auto g = points.groups.find("Group");
  if (g != points.groups.end()) group_rank = index::rank_within(dti_col, g->second);
  std::map<std::string, index::Change> change;
  if (!a.previous.empty()) {
    const index::DataSet before = previous_ranking(
        a.previous, a.numbers_given ? parse_number_style(a.numbers) : NumberStyle::automatic,
        report);
    for (const index::Change& c : index::compare_results(before, r, top)) {
      change[c.unit] = c;
      if (!c.score_after)
        report.note(c.unit + " was ranked " + std::to_string(*c.rank_before) +
                    " last year and is not in this ranking");
    }
  }
  out.header = {"uCode", "uName"};
  if (!group_rank.empty()) out.header.push_back("Group");
  for (const std::string& c : r.columns) out.header.push_back(c);
  out.header.emplace_back("Rank");
  if (!group_rank.empty()) out.header.emplace_back("GroupRank");
  if (!a.previous.empty()) {
    // Change = PreviousRank - Rank (positive: moved up), null with is_new for a unit that was
    // not in last year's ranking (the table prints "new").
    out.header.emplace_back("PreviousRank");
    out.header.emplace_back("Change");
    out.header.emplace_back("is_new");
    out.not_in_table.insert("is_new");
    out.shown["Change"] = [](const Json& v) {
      return v.is_null() ? std::string("new") : cell_text(v, true, 0);
    };
  }
  std::vector<std::size_t> order(r.rows());
  for (std::size_t u = 0; u < order.size(); ++u) order[u] = u;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return rank[x].value_or(1e9) < rank[y].value_or(1e9);
  });
  for (std::size_t u : order) {
    std::vector<Json> row = {r.units[u], r.names[u]};
    if (!group_rank.empty()) row.emplace_back(g->second[u]);
    for (std::size_t c = 0; c < r.columns.size(); ++c)
      row.push_back(num(dti::published(r.col(c)[u])));
    row.push_back(rank[u] ? Json(static_cast<int>(*rank[u])) : Json(nullptr));
    if (!group_rank.empty())
      row.push_back(group_rank[u] ? Json(static_cast<int>(*group_rank[u])) : Json(nullptr));
    if (!a.previous.empty()) {
      const auto it = change.find(r.units[u]);
      const bool entered = it == change.end() || !it->second.rank_before;
      row.push_back(entered ? Json(nullptr) : Json(*it->second.rank_before));
      row.push_back(entered ? Json(nullptr) : opt(it->second.rank_change));
      row.emplace_back(entered);
    }
    out.rows.push_back(std::move(row));
  }
  report.note(
      "scores are points / maximum on 0..1, published with 4 decimals; ranks "
      "use the unrounded values (ties share the lowest rank)");
  return report;
}

// --units: the ranking's scores carried into the provinces of a date (the 63 of 2024 into the
// 34 of 2025-07-01) by a declared rule and ranked among themselves (units::carry_ranking).
Report units_report(const DtiState& s, const Date& day) {
  const DtiArgs& a = s.args;
  const auto [points, r] = s.results();
  const std::string top = index::top_node(s.framework);
  const auto scores_col = r.col(*r.column(top));
  std::vector<units::RankedScore> scores;
  for (std::size_t u = 0; u < r.rows(); ++u) {
    if (!std::isfinite(scores_col[u])) continue;
    Location where;
    where.file = a.input;
    where.column_name = r.names[u].empty() ? "uCode" : "uName";
    scores.push_back({r.names[u].empty() ? r.units[u] : r.names[u], scores_col[u], where});
  }
  const units::RuleSpec rule = units::parse_rule(a.units_rule);
  std::map<std::string, double> weights;
  std::string weights_note;
  if (!a.weights.empty())
    weights = read_weights(a.weights, parse_number_style(a.numbers), weights_note)[rule.weight];
  const int year = a.units_year != 0 ? a.units_year : day.year() - 1;
  const units::RankingAcross across =
      units::carry_ranking(units::provinces(), scores, year, weights, rule, day);
  Report report = s.report();
  if (!weights_note.empty()) report.note(a.weights + ": " + weights_note);
  Frame& out = report.main();
  // The columns of dxkit.units.carry_ranking(...).
  out.header = {"unit", "code", "score", "rank", "basis", "predecessors", "missing"};
  for (const units::RankAcross& x : across.rows) {
    std::string before, missing;
    for (const auto& p : x.predecessors) before += (before.empty() ? "" : "; ") + p;
    for (const auto& m : x.missing) missing += (missing.empty() ? "" : "; ") + m;
    const units::Unit& unit = units::provinces().unit(x.unit);
    out.rows.push_back({unit.name, unit.code, num(dti::published(x.score)), x.rank,
                        x.across ? "across the reorganisation" : "like for like", before, missing});
  }
  add_notes(report, across.notes);
  return report;
}

const std::array<OutputKind<DtiState>, 5> kDtiOutputs{{
    {"results", "points / max with 4 decimals, the DTI, ranks (within groups, against --previous)",
     results_report},
    {"ranks", "the rank of every main indicator, pillar and group, and of the DTI", ranks_report},
    {"differences", "the appraisal council's corrections (a sheet's Self against Appraised)",
     [](const DtiState& s) { return sub_report(s, true); }},
    {"subs", "every sub-indicator of a scoring sheet",
     [](const DtiState& s) { return sub_report(s, false); }},
    {"meta", "the framework's iMeta as CSV, to copy and change (--meta)", meta_report},
}};

int run_dti(const DtiArgs& a) {
  const auto& kind = find_kind(kDtiOutputs, a.output);
  DtiState s{a,
             a.meta.empty() ? dti::preset_framework(a.framework) : index::read_framework(a.meta),
             {},
             {},
             {}};
  if (kind.build != meta_report && !a.input.empty()) {
    s.table = is_office_document(a.input)
                  ? open_document_table(a.input, a.table, document::TableKind::dti_scores).table
                  : read_csv_input(a.input, reading_options(parse_number_style(a.numbers)));
    s.numbers = dti::number_format(*s.table, parse_number_style(a.numbers));
    if (std::find(s.table->header.begin(), s.table->header.end(), "Sub") != s.table->header.end())
      s.subs = dti::score_sheet(*s.table, s.framework, s.numbers.format);
  }
  if (const auto day = units_date(a.units)) {
    if (a.output != "results") throw ValidationError("--units applies to --output results");
    write(std::cout, units_report(s, *day), a.format);
    return 0;
  }
  write(std::cout, kind.build(s), a.format);
  return 0;
}

}  // namespace

void add_dti_table_options(CLI::App* cmd, std::string& values, std::string& framework,
                           const std::string& cells, const std::string& framework_help) {
  std::vector<std::string> value_kinds;
  for (const auto& e : dti::kValueKinds.entries) value_kinds.emplace_back(e.name);
  cmd->add_option("--values", values, "what " + cells + " hold: " + dti::kValueKinds.joined())
      ->check(CLI::IsMember(value_kinds))
      ->capture_default_str();
  std::vector<std::string> frameworks;
  for (const auto& e : dti::kPresetNames.entries) frameworks.emplace_back(e.name);
  cmd->add_option("--framework", framework, framework_help + dti::kPresetNames.joined())
      ->check(CLI::IsMember(frameworks))
      ->capture_default_str();
}

void add_dti(CLI::App& app, std::function<int()>& run) {
  auto a = std::make_shared<DtiArgs>();
  CLI::App* cmd = app.add_subcommand(
      "dti",
      "A DTI-style index (provinces, departments, districts) from points or a scoring sheet");
  cmd->add_option("input", a->input,
                  "a scoring sheet (uCode, Main, Sub, Rule, Max, Self[, Appraised, Evidence]) or "
                  "main-indicator points (uCode[, uName, Group], one column per main indicator); "
                  "CSV, .docx or .xlsx; - reads standard input");
  cmd->add_option("--table", a->table,
                  "for a .docx/.xlsx input: the table's number or caption text (default: the "
                  "only DTI table)");
  add_dti_table_options(cmd, a->values, a->framework, "the main-indicator cells");
  cmd->add_option("--meta", a->meta, "your own iMeta (copy one with --output meta and change it)");
  cmd->add_option("--previous", a->previous, "last year's ranking: uCode and DTI (or Rank)");
  cmd->add_option("--output", a->output, kind_help(kDtiOutputs))
      ->check(CLI::IsMember(kind_names(kDtiOutputs)))
      ->capture_default_str();
  add_units_option(cmd, a->units,
                   "the ranking (its scores carried into the provinces of the date)");
  cmd->add_option(
         "--units-rule", a->units_rule,
         "with --units: how a merged province's score is carried: " + units::kRules.joined() +
             " (weighted_mean(population) uses the shipped 2024 population unless --weights is "
             "given; other weights need --weights)")
      ->capture_default_str();
  cmd->add_option("--units-year", a->units_year,
                  "with --units: the year of the sheet's provinces (default: the year before)");
  cmd->add_option("--weights", a->weights,
                  "with --units: the weights (population), a CSV of unit, indicator, value");
  CLI::Option* numbers = add_numbers_option(
      cmd, a->numbers,
      " (the input and --previous, each decided for itself; without --numbers, --previous is "
      "read as auto, so that dxkit's own CSV or JSON output of last year reads back)");
  add_format_option(cmd, a->format);
  cmd->callback([&run, a, numbers] {
    a->numbers_given = numbers->count() > 0;
    run = [a] { return run_dti(*a); };
  });
}

}  // namespace dxkit::cli
