#pragma once
/// The model of a results table: indicators (chỉ tiêu) with their targets and results, as in
/// Phụ lục 01 of a yearly plan. Later issues attach budgets, deadlines and rankings to it.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/diagnostic.hpp"
#include "dxkit/error.hpp"
#include "dxkit/export.hpp"
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/target.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit {

/// One indicator: what is measured and how to read it.
struct DXKIT_API Indicator {
  std::string code;    ///< "1", "CQS-3" (STT in the documents)
  std::string name;    ///< Tên chỉ tiêu
  std::string pillar;  ///< trụ cột / lĩnh vực ("Kinh tế số"), may be empty
  std::string unit;    ///< đơn vị tính, may be empty
  Direction direction = Direction::higher_is_better;
  bool direction_given = false;  ///< false when the table had no direction for it
  std::string level;             ///< cấp (tỉnh / huyện / xã), may be empty
};

/// Which input column plays which role. Built from a header by `resolve_columns`.
struct DXKIT_API ColumnRoles {
  std::optional<std::size_t> code, name, pillar, target, actual, unit, direction, level;
  std::vector<std::size_t> extra;  ///< columns kept as they are (Ghi chú, Đánh giá, ...)
};

/// Maps headers (English or the documents' Vietnamese: STT, Tên chỉ tiêu, Mục tiêu / Chỉ
/// tiêu, Kết quả / Kết quả thực hiện, ...) to roles. Throws ValidationError naming the
/// missing required column (target, actual, and code or name) and what would be accepted.
/// In dxkit's own output, `target_text` / `actual_text` (the cells as written) take the target
/// and actual roles, and the canonical `target` / `actual` columns are kept as extra columns.
[[nodiscard]] DXKIT_API ColumnRoles resolve_columns(const std::vector<std::string>& header,
                                                    const std::string& source = "");

struct DXKIT_API TableOptions {
  NumberFormat format = NumberFormat::vietnamese;
  /// `--numbers auto`: decide the format from the target and result cells
  /// (decide_number_format, text/number_style.hpp) instead of `format`; the decision is the
  /// table's number_note.
  bool detect_format = false;
  char delimiter = 0;  ///< 0: detect
};

/// Indicators with their targets and results, column by column.
struct DXKIT_API IndicatorTable {
  std::string source;  ///< file name, or "<DataFrame>"
  /// The file alone and, for a document's table, its sheet or Word table (csv::Table::origin);
  /// an empty file means `source`.
  Location origin;
  /// For a document's table: each column's number in its sheet or Word table, by header, so
  /// that a message names the cell ('X'!D8).
  std::map<std::string, std::size_t> document_columns;
  std::vector<Indicator> indicators;
  std::vector<Target> targets;
  std::vector<Result> results;
  std::vector<std::size_t> lines;  ///< 1-based source line of each row
  std::string target_header = "target", actual_header = "actual";
  std::size_t actual_column = 0;  ///< 1-based column of actual_header in the source (0: unknown)
  std::vector<std::string> extra_names;                ///< headers of the kept columns
  std::vector<std::vector<std::string>> extra_values;  ///< extra_values[k][row]
  std::string number_note;  ///< how `auto` read the numbers ("" when the format was given)
  /// The warnings for indicator codes on more than one row (repeated_codes below), which
  /// evaluate() reports: found once by make_indicator_table, so that scoring a table again
  /// costs no new look at its codes. nullopt for a table put together by hand, which evaluate()
  /// then checks itself on every call; set it back to nullopt after changing the codes.
  std::optional<Diagnostics> code_warnings;

  [[nodiscard]] std::size_t size() const noexcept { return indicators.size(); }
  /// Where row `i`'s cell of `column` came from, for messages.
  [[nodiscard]] Location where(std::size_t i, const std::string& column) const;
};

/// The warnings for indicator codes on more than one row (code "duplicate_code", both rows
/// scored and counted): the first 20 repeats named with the line they repeat, the rest
/// counted in one more; an empty code is never a repeat. One hash and one probe a row.
[[nodiscard]] DXKIT_API Diagnostics repeated_codes(const IndicatorTable& table);

/// Builds the table from a parsed CSV (or any header + columns). Every target and result is
/// parsed; the first bad cell throws ParseError naming file, line and column. Fills
/// `code_warnings`.
[[nodiscard]] DXKIT_API IndicatorTable make_indicator_table(const csv::Table& table,
                                                            const TableOptions& options = {});
/// The same, taking the cells over instead of copying them.
[[nodiscard]] DXKIT_API IndicatorTable make_indicator_table(csv::Table&& table,
                                                            const TableOptions& options = {});

/// Reads a CSV file of indicators. Throws dxkit::Error subclasses as above.
[[nodiscard]] DXKIT_API IndicatorTable read_indicator_table(const std::filesystem::path& path,
                                                            const TableOptions& options = {});

}  // namespace dxkit
