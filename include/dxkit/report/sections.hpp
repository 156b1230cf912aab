#pragma once
/// The report's sections built from the core's results, each one sheet (workbook.hpp) laid out
/// as the appendices of a plan are printed: a title row over the table, the column headers,
/// group rows in bold across the table, items, and the tally under it. Every figure is a
/// number cell with its format code (money in đồng shown in the table's unit, shares as
/// percentages), never text.
#include <string>
#include <vector>

#include "dxkit/budget/check.hpp"
#include "dxkit/budget/table.hpp"
#include "dxkit/date.hpp"
#include "dxkit/export.hpp"
#include "dxkit/index/uncertainty.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/plan/progress.hpp"
#include "dxkit/report/workbook.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/indicator.hpp"

namespace dxkit::report {

/// The format code of amounts in đồng shown in `unit` with `decimals` decimals:
/// "[$-42A]#,##0,," shows 75 428 000 000 đồng as 75.428 (triệu đồng).
[[nodiscard]] DXKIT_API std::string money_format(budget::MoneyUnit unit, int decimals = 0);
/// The format code of shares (fractions of 1) with `decimals` decimals: "[$-42A]0.00%".
[[nodiscard]] DXKIT_API std::string percent_format(int decimals = 2);
/// The format code of whole counts: "[$-42A]#,##0".
[[nodiscard]] DXKIT_API std::string count_format();

/// The tone of a verdict or status id (exceeded, met, not_met, no_data; overdue, due_soon,
/// open, done, recurring, undated; achieved, on_track, ...): the notebook's colours.
[[nodiscard]] DXKIT_API Tone tone_of(std::string_view status_id) noexcept;

/// The results appendix (Phụ lục: kết quả thực hiện chỉ tiêu): STT, chỉ tiêu, mục tiêu, kết
/// quả, tỷ lệ đạt (a percent cell, blank without data), đánh giá (the scheme's label on its
/// colour); a bold group row across the table where the pillar changes; then the tally: the
/// number of indicators and, for each status, its count and share. A repeated code is amber
/// with its warning as the cell's note. `title` defaults to "KẾT QUẢ THỰC HIỆN CHỈ TIÊU".
[[nodiscard]] DXKIT_API Sheet results_sheet(const IndicatorTable& table,
                                            const EvaluationTable& evaluation,
                                            std::string title = {});

/// The text columns of a results table as a caller without an IndicatorTable holds them (a
/// DataFrame scored in Python): one entry per row each (lines may be empty: no warnings placed).
struct DXKIT_API ResultColumns {
  std::string source;
  std::vector<std::string> codes, names, pillars, targets, actuals;
  std::vector<std::size_t> lines;
};
/// The same from columns. Throws ValidationError when a column's length is not the
/// evaluation's.
[[nodiscard]] DXKIT_API Sheet results_sheet(const ResultColumns& columns,
                                            const EvaluationTable& evaluation,
                                            std::string title = {});

/// The budget appendix as published: STT, the name, the other text columns, the amount
/// columns in the table's unit (whole đồng underneath), Ghi chú; sections, groups and the
/// grand total in bold; each finding in place (the cell of its column, else the row's name,
/// red for an error, amber for a warning) and its message in a last column "Phát hiện";
/// under the table every finding listed with its line, code and message (those of the
/// header too), and the computed total beside the printed one.
[[nodiscard]] DXKIT_API Sheet budget_sheet(const budget::Budget& budget,
                                           const std::vector<budget::Finding>& findings,
                                           std::string title = {});

/// The due list per lead agency on `as_of`: first the count per agency and status (the
/// order of due_by_agency), then for each agency a bold row and its tasks (STT, nhiệm vụ,
/// đơn vị phối hợp, thời hạn as written, hạn cuối as a date cell, số ngày còn lại, tình
/// trạng on its colour). A task with two lead agencies is listed under both.
[[nodiscard]] DXKIT_API Sheet due_sheet(const std::vector<Assignment>& assignments,
                                        const Date& as_of, int within_days, std::string title = {});

/// Progress toward the targets (Plan.progress): per indicator and target year, the target,
/// the baseline and the latest result with their years, the yearly change required and
/// observed, their ratio (a percent cell), the value projected for the target year and the
/// status in Vietnamese on its colour (Đã đạt, Đúng tiến độ, Cần tăng tốc, Tiến triển chậm,
/// Đi lùi, Không đạt, Thiếu dữ liệu); a bold row per indicator; then the count per status.
[[nodiscard]] DXKIT_API Sheet progress_sheet(const std::vector<Progress>& verdicts,
                                             std::string title = {});

/// A ranking: units with their score and rank, best first (rank, then the order given);
/// `scores` and `ranks` have one entry per name (NaN score: no score, ranked last, blank);
/// scores shown with `decimals` places (4 for a DTI, as the Ministry publishes it). Throws
/// ValidationError when the lengths differ.
[[nodiscard]] DXKIT_API Sheet ranking_sheet(const std::vector<std::string>& names,
                                            const std::vector<double>& scores,
                                            const std::vector<double>& ranks,
                                            std::string title = {},
                                            std::string score_header = "Điểm", int decimals = 2);

/// The uncertainty of an index's ranks (IndexResult.uncertainty): per unit, in nominal order
/// (unranked last), the nominal rank, the median and mean rank over the replicates, the 5th
/// and 95th percentile and the interval's width (amber from 10 ranks: a rank the assumptions
/// can move far); the number of replicates (`result.replicates.size()`) in the title's note.
/// Reads units, column, nominal, mean, median, p5 and p95 (ranks are not needed). Throws
/// ValidationError when a column's length is not the number of units.
[[nodiscard]] DXKIT_API Sheet uncertainty_sheet(const index::UncertaintyResult& result,
                                                std::string title = {});

/// The sensitivity of the ranks to each assumption (IndexResult.sensitivity): the
/// first-order and total index with their bootstrap 95 % intervals, the assumptions by total
/// index, largest first (one whose interval's lower end is above 0,1 red: it moves the ranks);
/// the number of runs and the output's variance under the table.
[[nodiscard]] DXKIT_API Sheet sensitivity_sheet(const index::SensitivityResult& result,
                                                std::string title = {});

}  // namespace dxkit::report
