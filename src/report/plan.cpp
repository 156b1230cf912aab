#include "dxkit/report/plan.hpp"

#include <cmath>

#include "dxkit/budget/check.hpp"
#include "dxkit/budget/table.hpp"
#include "dxkit/dti/presets.hpp"
#include "dxkit/dti/results.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/index/ranks.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/report/sections.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/indicator.hpp"

namespace dxkit::report {

std::string add_table(Workbook& book, const csv::Table& table, document::TableKind kind,
                      const std::string& caption, const std::string& unit,
                      const PlanOptions& options) {
  using document::TableKind;
  Sheet sheet;
  std::string note;
  const NumberFormat given =
      options.numbers == NumberStyle::plain ? NumberFormat::plain : NumberFormat::vietnamese;
  const bool detect = options.numbers == NumberStyle::automatic;
  switch (kind) {
    case TableKind::results: {
      TableOptions read;
      read.format = given;
      read.detect_format = detect;
      const IndicatorTable t = make_indicator_table(table, read);
      note = t.number_note;
      sheet = results_sheet(t, evaluate(t, options.scheme), caption);
      break;
    }
    case TableKind::budget: {
      std::optional<budget::MoneyUnit> declared;
      if (!unit.empty()) declared = budget::parse_unit(unit);
      budget::ReadOptions read;
      read.format = given;
      read.detect_format = detect;
      const budget::Budget b = budget::make_budget(table, read, declared);
      note = b.number_note;
      sheet = budget_sheet(b, b.check(), caption);
      break;
    }
    case TableKind::assignments:
      sheet = due_sheet(read_assignments(table), options.as_of, options.within, caption);
      break;
    case TableKind::dti_scores: {
      // As `dxkit dti`: the main indicators as points, the DTI recomputed with the
      // framework's weights, published to 4 decimals, competition ranks on the unrounded DTI.
      const index::Framework framework = dti::preset_framework(options.dti_framework);
      NumberDecision numbers = dti::number_format(table, options.numbers);
      note = std::move(numbers.note);
      const index::DataSet r = dti::results(
          dti::main_values(table, framework, options.dti_values, numbers.format), framework);
      const auto dti_column = r.col(*r.column(index::top_node(framework)));
      const auto rank = index::rank(dti_column, index::Ties::min);
      std::vector<std::string> names;
      std::vector<double> scores;
      std::vector<double> ranks;
      for (std::size_t u = 0; u < r.rows(); ++u) {
        names.push_back(r.names[u].empty() ? r.units[u] : r.names[u]);
        scores.push_back(std::isnan(dti_column[u]) ? dti_column[u] : dti::published(dti_column[u]));
        ranks.push_back(rank[u] ? *rank[u] : std::nan(""));
      }
      sheet = ranking_sheet(names, scores, ranks, caption.empty() ? "BẢNG XẾP HẠNG DTI" : caption,
                            "DTI", 4);
      break;
    }
    default:
      throw ValidationError(
          "a report section is a results, budget, assignments or DTI table; this one is " +
              std::string(document::table_kinds.name(kind)),
          table.at(0));
  }
  book.add(std::move(sheet));
  return note;
}

std::string add_csv(Workbook& book, std::string_view content, const std::string& source,
                    const PlanOptions& options) {
  std::size_t first_line = 1;
  const auto unit = budget::read_unit_lines(content, source, first_line);
  csv::Options copt;
  copt.first_line = first_line;
  const csv::Table table = csv::parse(content, source, copt);
  const document::TableKind kind = document::guess_kind(table.header);
  if (kind == document::TableKind::unknown) {
    std::string header;
    for (const auto& h : table.header) header += (header.empty() ? "" : ", ") + h;
    throw ValidationError(
        "cannot tell which table this is: a section is a results table (chỉ tiêu, mục tiêu, "
        "kết quả), a budget (kinh phí, vốn, tổng mức), assignments (chủ trì, thời gian) or DTI "
        "scores (uCode or DTI); the header has: " +
            header,
        Location{source, first_line, 0, {}});
  }
  return add_table(book, table, kind, "", unit ? std::string(budget::to_string(*unit)) : "",
                   options);
}

Workbook plan_report(const document::Document& doc, const PlanOptions& options,
                     Diagnostics* skipped) {
  Workbook book;
  book.title = options.title.empty() ? "Báo cáo: " + doc.source : options.title;
  for (const document::Table& t : doc.tables) {
    using document::TableKind;
    if (t.kind == TableKind::unknown) {
      if (skipped)
        skipped->push_back(Diagnostic{.where = Location{doc.source, 0, 0, {}},
                                      .severity = Severity::note,
                                      .code = "not_a_section",
                                      .message = "table " + std::to_string(t.number) + " (" +
                                                 t.place + ", " +
                                                 std::string(document::table_kinds.name(t.kind)) +
                                                 ") is not a section of the report"});
      continue;
    }
    const std::string note =
        add_table(book, document::to_csv(doc, t), t.kind, t.caption, t.unit, options);
    if (skipped && !note.empty())
      skipped->push_back(Diagnostic{.where = Location{doc.source, 0, 0, {}},
                                    .severity = Severity::note,
                                    .code = "numbers",
                                    .message = "table " + std::to_string(t.number) + ": " + note});
  }
  if (book.sheets.empty())
    throw ValidationError(
        "none of the document's tables is a results, budget, assignments or DTI table "
        "(dxkit tables lists them)",
        Location{doc.source, 0, 0, {}});
  return book;
}

}  // namespace dxkit::report
