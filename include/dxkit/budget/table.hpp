#pragma once
/// Budget appendices (phụ lục kinh phí) read as published: the STT column gives the hierarchy
/// (Roman numerals are sections, Arabic numerals groups or items, blank or lettered rows
/// items, "Tổng cộng" the grand total wherever it stands), amount columns are typed by their
/// headers (total, funding sources, yearly allocations), and every printed subtotal is
/// checked against its rows. Amounts are exact đồng (money.hpp).
/// This header holds the table's types and the readers (src/budget/table.cpp); the checks
/// are in check.hpp and the roll-ups in rollup.hpp, each with its source of the same name.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dxkit/budget/finding.hpp"
#include "dxkit/budget/money.hpp"
#include "dxkit/budget/rollup.hpp"
#include "dxkit/date.hpp"
#include "dxkit/export.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit::budget {

/// What an amount column holds.
enum class AmountRole : std::uint8_t {
  total,       ///< Tổng mức đầu tư, Tổng cộng, Kinh phí bố trí, Tổng
  investment,  ///< Vốn đầu tư, Vốn đầu tư công
  recurrent,   ///< Vốn sự nghiệp, Chi thường xuyên
  socialized,  ///< Vốn xã hội hóa
  central,     ///< NSTW (ngân sách trung ương)
  local,       ///< NSĐP (ngân sách địa phương)
  year,        ///< Năm 2021, Vốn năm 2023: the allocation for one year
};
[[nodiscard]] DXKIT_API std::string_view to_string(AmountRole role) noexcept;

/// A text column's role.
enum class TextRole : std::uint8_t { stt, name, agency, source, period, note, text };

struct DXKIT_API AmountColumn {
  std::string header;  ///< as published
  AmountRole role;
  int year = 0;  ///< for AmountRole::year
};

enum class RowKind : std::uint8_t { grand_total, section, group, item };
[[nodiscard]] DXKIT_API std::string_view to_string(RowKind kind) noexcept;

/// One row of the table, in file order.
struct DXKIT_API Row {
  std::size_t line = 0;  ///< 1-based line in the file
  std::string stt;       ///< as written ("I", "1", "", "a")
  std::string label;     ///< the name column
  RowKind kind = RowKind::item;
  std::optional<std::size_t> parent;  ///< index of the enclosing section or group row
  std::string section;                ///< label of the enclosing section ("" if none)
  std::string group;                  ///< label of the enclosing group ("" if none)
  std::string agency;                 ///< agency column, else the group's (or section's) label
  std::string source;                 ///< a funding-source label (Nguồn vốn: "NSDP", "SNKT")
  std::string note;                   ///< Ghi chú, used as a tag ("Kinh tế số")
  std::optional<Period> period;       ///< Thời gian thực hiện "2022 - 2024"
  std::vector<std::optional<Money>> amounts;  ///< per Budget::columns; nullopt = blank
  std::vector<std::string> texts;             ///< per Budget::text_headers
};

class DXKIT_API Budget {
 public:
  std::string source;  ///< file name for messages
  /// The file alone and, for a document's table, its sheet or Word table (csv::Table::origin).
  Location origin;
  /// For a document's table: each column's number in its sheet or Word table, by header, so
  /// that a finding names its cell ('X'!D8).
  std::map<std::string, std::size_t> document_columns;
  MoneyUnit unit = MoneyUnit::million;  ///< the unit the amounts were published in
  std::vector<AmountColumn> columns;
  std::vector<std::string> text_headers;
  std::vector<Row> rows;
  std::vector<Finding> read_findings;  ///< found while reading (not_a_number, unit, negative)
  std::string number_note;       ///< how `auto` read the amounts ("" when the format was given)
  std::optional<int> plan_year;  ///< the year the whole table is for, if declared

  /// The place of a finding: `line` of the table, in the column headed `column`.
  [[nodiscard]] Location place(std::size_t line, std::string column) const;

  // Values and roll-ups (rollup.hpp, defined in src/budget/rollup.cpp).

  /// The amount of one item: its total if printed, else the sum of its source columns,
  /// else the sum of its yearly allocations; nullopt if it has none.
  [[nodiscard]] std::optional<Money> value(const Row& row) const;
  /// Σ value over the items (not subtotal rows): the table's computed total.
  [[nodiscard]] Money total() const;
  /// Σ of one column over the items.
  [[nodiscard]] Money column_total(std::size_t column) const;
  /// The grand-total row's printed amount in a column, if any.
  [[nodiscard]] std::optional<Money> reported_total(std::size_t column) const;

  /// Every finding (check.hpp; defined in src/budget/check.cpp): what reading found, then
  /// the checks of rows, subtotals, grand total, breakdowns, duplicates and numbering, in
  /// file order within each code.
  [[nodiscard]] std::vector<Finding> check() const;

  /// Exact sums of the items grouped by `by` (in order of first appearance); with no
  /// dimension, one row with the total. "source" splits by the source columns where a row
  /// has them, else by its source label; "year" by the yearly columns (else plan_year).
  [[nodiscard]] std::vector<RollupRow> rollup(const std::vector<Dimension>& by) const;

  /// This budget (before) against `other` (after), by `by`: change and its percentage.
  [[nodiscard]] std::vector<ComparisonRow> compare(const Budget& other,
                                                   const std::vector<Dimension>& by) const;

  /// total() as a percentage of a total state budget (tổng chi ngân sách nhà nước).
  [[nodiscard]] double share_of(Money state_budget) const;
};

struct DXKIT_API ReadOptions {
  /// The unit of the amounts; when unset, a "ĐVT: ..." line before the header, else a unit in
  /// the amount headers, else triệu đồng.
  std::optional<MoneyUnit> unit;
  NumberFormat format = NumberFormat::vietnamese;
  /// `--numbers auto`: decide the format from the amount cells (decide_number_format,
  /// text/number_style.hpp) instead of `format`; the decision is the budget's number_note.
  bool detect_format = false;
  char delimiter = 0;
  /// Explicit roles for headers the defaults do not know: header -> "total", "investment",
  /// "recurrent", "socialized", "central", "local", "year:2023", "stt", "name", "agency",
  /// "source", "period", "note", "text".
  std::map<std::string, std::string> columns;
  std::optional<int> plan_year;
};

/// Builds a budget from a parsed CSV. Throws ValidationError naming the file when there is no
/// amount column or no STT / name column; cells that are not amounts become findings.
[[nodiscard]] DXKIT_API Budget make_budget(csv::Table table, const ReadOptions& options = {},
                                           std::optional<MoneyUnit> declared = std::nullopt);

/// Takes the lines before a CSV's header that declare the unit ("ĐVT: Triệu đồng", "Đơn vị
/// tính: tỷ đồng") off the front of `content` (and a BOM), returns the unit they declare
/// (nullopt: none) and sets `first_line` to the 1-based line the CSV starts on. Throws
/// ParseError at that line for a unit it does not know.
[[nodiscard]] DXKIT_API std::optional<MoneyUnit> read_unit_lines(std::string_view& content,
                                                                 const std::string& source,
                                                                 std::size_t& first_line);
/// Reads a CSV file as published; a first line "ĐVT: Triệu đồng" declares the unit.
[[nodiscard]] DXKIT_API Budget read_budget(const std::filesystem::path& path,
                                           const ReadOptions& options = {});
/// The same from text in memory.
[[nodiscard]] DXKIT_API Budget parse_budget(std::string_view content, std::string source,
                                            const ReadOptions& options = {});

}  // namespace dxkit::budget
