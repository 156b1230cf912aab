#pragma once
/// A whole plan as a report: every table of a document that dxkit reads (results, budget,
/// assignments) becomes a section, read by the same readers as `dxkit evaluate`, `budget` and
/// `due`, in document order. `dxkit report` and dxkit.report.plan_report use it.
#include <optional>
#include <string>

#include "dxkit/date.hpp"
#include "dxkit/diagnostic.hpp"
#include "dxkit/document/document.hpp"
#include "dxkit/dti/scores.hpp"
#include "dxkit/export.hpp"
#include "dxkit/report/workbook.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/number_style.hpp"

namespace dxkit::report {

struct DXKIT_API PlanOptions {
  Scheme scheme = Scheme::exceed();
  Date as_of{2000, 1, 1};  ///< the day the due list is taken on
  int within = 30;         ///< days ahead that count as due soon
  std::string title;       ///< the book's title ("" = "Báo cáo: <file>")
  /// A DTI table (kind dti_scores): its framework (a dti::kPresetNames name) and what its
  /// cells hold, as `dxkit dti --framework --values` (points by default; the Ministry's 0..1
  /// scores are `scores`, and a score read as points is refused by the reader, located).
  std::string dti_framework = "dti_922";
  dti::Values dti_values = dti::Values::points;
  /// How the tables write their numbers (`--numbers`): `automatic` decides per table, as the
  /// readers of evaluate, budget and dti do, and each decision is a note.
  NumberStyle numbers = NumberStyle::vietnamese;
};

/// Adds the section of one table of `kind` (results, budget, assignments, or DTI scores: the
/// ranking) to `book`, named by the kind ("Kết quả", "Kinh phí", "Tiến độ", "Xếp hạng";
/// "Kết quả (2)" for a second one), titled by
/// `caption` when it has one; `unit` is the table's unit line ("Triệu đồng") or "". Throws the
/// readers' located errors; ValidationError for another kind. Returns how `auto` read the
/// table's numbers ("" when the style was given, and for assignments, which hold none).
DXKIT_API std::string add_table(Workbook& book, const csv::Table& table, document::TableKind kind,
                                const std::string& caption, const std::string& unit,
                                const PlanOptions& options);

/// Adds the section of a CSV table given as text (`source` names it in messages): a first
/// line "ĐVT: ..." declares a budget's unit, the kind is guessed from the header as for a
/// document's tables (document::guess_kind). Throws ValidationError naming the source when
/// the header is of no kind a section takes, and the readers' located errors. Returns the
/// number note of add_table.
DXKIT_API std::string add_csv(Workbook& book, std::string_view content, const std::string& source,
                              const PlanOptions& options);

/// The report of a document: one section per results, budget, assignments and DTI table, in
/// order. Tables of other kinds are left out, each named in `skipped` (a note), where also
/// go the decisions of `--numbers auto`, one per table (code "numbers"). Throws
/// ValidationError naming the file when none of its tables can be a section.
[[nodiscard]] DXKIT_API Workbook plan_report(const document::Document& doc,
                                             const PlanOptions& options,
                                             Diagnostics* skipped = nullptr);

}  // namespace dxkit::report
