#include "dxkit/report/plan.hpp"

#include "dxkit/budget/check.hpp"
#include "dxkit/budget/table.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/report/sections.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/indicator.hpp"

namespace dxkit::report {

void add_table(Workbook& book, const csv::Table& table, document::TableKind kind,
               const std::string& caption, const std::string& unit, const PlanOptions& options) {
  using document::TableKind;
  Sheet sheet;
  switch (kind) {
    case TableKind::results: {
      const IndicatorTable t = make_indicator_table(table);
      sheet = results_sheet(t, evaluate(t, options.scheme), caption);
      break;
    }
    case TableKind::budget: {
      std::optional<budget::MoneyUnit> declared;
      if (!unit.empty()) declared = budget::parse_unit(unit);
      const budget::Budget b = budget::make_budget(table, {}, declared);
      sheet = budget_sheet(b, b.check(), caption);
      break;
    }
    case TableKind::assignments:
      sheet = due_sheet(read_assignments(table), options.as_of, options.within, caption);
      break;
    default:
      throw ValidationError(
          "a report section is a results, budget or assignments table; this one is " +
              std::string(document::table_kinds.name(kind)),
          Location{table.source, 0, 0, {}});
  }
  book.add(std::move(sheet));
}

void add_csv(Workbook& book, std::string_view content, const std::string& source,
             const PlanOptions& options) {
  std::size_t first_line = 1;
  const auto unit = budget::read_unit_lines(content, source, first_line);
  csv::Options copt;
  copt.first_line = first_line;
  const csv::Table table = csv::parse(content, source, copt);
  const document::TableKind kind = document::guess_kind(table.header);
  if (kind != document::TableKind::results && kind != document::TableKind::budget &&
      kind != document::TableKind::assignments) {
    std::string header;
    for (const auto& h : table.header) header += (header.empty() ? "" : ", ") + h;
    throw ValidationError(
        "cannot tell which table this is: a section is a results table (chỉ tiêu, mục tiêu, "
        "kết quả), a budget (kinh phí, vốn, tổng mức) or assignments (chủ trì, thời gian); the "
        "header has: " +
            header,
        Location{source, first_line, 0, {}});
  }
  add_table(book, table, kind, "", unit ? std::string(budget::to_string(*unit)) : "", options);
}

Workbook plan_report(const document::Document& doc, const PlanOptions& options,
                     Diagnostics* skipped) {
  Workbook book;
  book.title = options.title.empty() ? "Báo cáo: " + doc.source : options.title;
  for (const document::Table& t : doc.tables) {
    using document::TableKind;
    if (t.kind != TableKind::results && t.kind != TableKind::budget &&
        t.kind != TableKind::assignments) {
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
    add_table(book, document::to_csv(doc, t), t.kind, t.caption, t.unit, options);
  }
  if (book.sheets.empty())
    throw ValidationError(
        "none of the document's tables is a results, budget or assignments table "
        "(dxkit tables lists them)",
        Location{doc.source, 0, 0, {}});
  return book;
}

}  // namespace dxkit::report
