#pragma once
/// Documents as officials hold them: the tables of a Word file (.docx), the sheets of an Excel
/// workbook (.xlsx) and the plain-text form of the seeds (tab-separated rows, <b> marks), each
/// found with its caption, unit line, header rows and kind, and handed to the table readers as
/// the csv::Table they already accept (cell locations mapped to table / sheet, row, column).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/date.hpp"
#include "dxkit/error.hpp"
#include "dxkit/export.hpp"
#include "dxkit/names.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit::document {

/// What a cell holds as its file types it: Excel's number formats decide number / percent /
/// date; Word and the text form hold text only.
enum class CellType : unsigned char { empty, text, number, percent, date };

/// The cell types by name.
inline constexpr NameTable cell_types{
    "cell type",
    std::array{Named<CellType>{CellType::empty, "empty", "no content"},
               Named<CellType>{CellType::text, "text", "text as typed (Word cells are text)"},
               Named<CellType>{CellType::number, "number", "a number cell (e.g. format #,##0)"},
               Named<CellType>{CellType::percent, "percent",
                               "a percent-formatted number: 0.9921 shown as 99,21%"},
               Named<CellType>{CellType::date, "date", "a date-formatted serial number"}}};

/// The kind of a table, guessed from its header through the header vocabularies.
enum class TableKind : unsigned char { results, budget, assignments, dti_scores, unknown };

/// The table kinds by name, in the order `dxkit tables` explains them.
inline constexpr NameTable table_kinds{
    "table kind",
    std::array{
        Named<TableKind>{TableKind::results, "results",
                         "targets and results (chỉ tiêu, mục tiêu, kết quả): dxkit evaluate"},
        Named<TableKind>{TableKind::budget, "budget",
                         "amounts by task or project (kinh phí, vốn, tổng mức): dxkit budget"},
        Named<TableKind>{TableKind::assignments, "assignments",
                         "tasks with lead agency and deadline (chủ trì, thời gian): dxkit due"},
        Named<TableKind>{TableKind::dti_scores, "dti_scores",
                         "DTI points or scores by province or indicator: dxkit dti"},
        Named<TableKind>{TableKind::unknown, "unknown", "none of the above"}}};

/// One cell as read. `text` is NFC and trimmed, paragraphs joined with '\n'; a percent cell's
/// text is the percentage as shown ("99,21%"), a number's as the workbook stores it with a
/// Vietnamese decimal comma ("75428", "0,5"), a date's as d/m/yyyy.
struct DXKIT_API Cell {
  std::string text;
  CellType type = CellType::empty;
  bool bold = false;
  bool merged_left = false;     ///< covered by a horizontal merge starting to its left
  bool merged_above = false;    ///< covered by a vertical merge starting above it
  std::optional<Date> date;     ///< a date cell's day
  std::optional<double> value;  ///< a number / percent / date cell's stored value (0.9921)
};

/// A grid as the file holds it, before captions and headers are understood.
struct DXKIT_API Grid {
  std::string place;                     ///< "table 2" or "sheet 'Phụ lục 01'"
  std::string sheet_name;                ///< a sheet's name ("Phụ lục 01")
  std::size_t place_number = 0;          ///< a Word (or text) table's number in the file (2)
  std::vector<std::string> before;       ///< the paragraphs since the previous grid, in order
  std::vector<std::vector<Cell>> rows;   ///< rectangular after reading
  std::vector<std::size_t> row_numbers;  ///< each row's number in the file (Excel row, table row)
  std::size_t first_column = 1;          ///< the sheet column of rows[.][0] (1 = A)
  bool sheet = false;                    ///< from a workbook: places are cells such as "B7"
  bool hidden = false;                   ///< a hidden sheet
  bool nested = false;                   ///< a table found inside a table cell
  bool text_form = false;                ///< from the text form: merged header groups are inferred
};

/// A table found in a document and understood.
struct DXKIT_API Table {
  std::size_t number = 0;  ///< 1-based, in document order
  std::string caption;     ///< "Phụ lục 01 — KẾT QUẢ THỰC HIỆN ..." (empty if none)
  std::string unit;        ///< the unit line's unit as written ("Triệu đồng"), or ""
  TableKind kind = TableKind::unknown;
  std::string place;       ///< "table 2", "tables 2-3" or "sheet 'X'"
  std::string sheet_name;  ///< a sheet's name ("X")
  /// A Word (or text) table's numbers in the file: 2 and 3 for "tables 2-3", 2 and 2 for
  /// "table 2"; 0 for a sheet.
  std::size_t place_first = 0, place_last = 0;
  bool hidden = false;              ///< from a hidden sheet
  std::vector<std::string> header;  ///< one name per column; two rows as "Nguồn vốn / Vốn đầu tư"
  std::vector<std::vector<Cell>> rows;   ///< data rows (repeated headers dropped)
  std::vector<std::size_t> row_numbers;  ///< each data row's number in the file
  std::size_t header_row = 1;            ///< the file row of the (last) header row
  std::size_t first_column = 1;
  std::vector<std::size_t> column_numbers;  ///< each column's number in the file (1 = A)
  bool sheet = false;

  [[nodiscard]] std::size_t columns() const noexcept { return header.size(); }
  /// "B7" for a sheet cell, else "row 7, column 2": the place of data row `row`, column `column`.
  [[nodiscard]] std::string cell_name(std::size_t row, std::size_t column) const;
};

/// The kind of a table with this header, as the reader guesses it for a document's tables
/// (results before budget before assignments before DTI scores; unknown when none fits).
[[nodiscard]] DXKIT_API TableKind guess_kind(const std::vector<std::string>& header);

/// A document: its tables and the paragraphs outside them.
struct DXKIT_API Document {
  std::string source;  ///< the file name for messages
  std::vector<Table> tables;
  std::vector<std::string> paragraphs;  ///< every paragraph outside tables, in order

  /// Tables of one kind.
  [[nodiscard]] std::vector<const Table*> of_kind(TableKind kind) const;
  /// The table chosen by `choice`: "" = the only table of `kind` (none or several: a
  /// ValidationError naming the file and listing the tables), a number "2" = table 2, other
  /// text = the table whose caption contains it (case-insensitive; none or several: error).
  [[nodiscard]] const Table& choose(std::string_view choice, TableKind kind) const;
};

/// Limits on hostile input.
struct DXKIT_API Limits {
  std::uint64_t entry_bytes = 256ull << 20;  ///< uncompressed bytes of one zip entry
  std::uint64_t total_bytes = 256ull << 20;  ///< uncompressed bytes read from one file
  std::size_t entries = 10000;               ///< entries in the zip directory
  std::size_t cells = 5000000;               ///< cells of one grid
};

/// Reads a .docx, .xlsx or text-form (.txt, .md) file by its extension. Throws
/// EncodingError / ParseError naming the file and the part (a zip bomb past the limits, a
/// broken zip, malformed XML with its line), dxkit::Error if the file cannot be opened or its
/// extension is none of those.
[[nodiscard]] DXKIT_API Document read_document(const std::filesystem::path& path,
                                               const Limits& = {});

/// The same on a file's bytes held in memory (`content`, e.g. read once and kept), its kind
/// taken from `name`'s extension and `name` used in messages: the same document as
/// read_document on a file holding `content`, and an error (naming `name`) where it gives one.
[[nodiscard]] DXKIT_API Document parse_document(std::string_view content,
                                                const std::filesystem::path& name,
                                                const Limits& = {});

/// The text form of the seeds: lines with TABs are rows, runs of them tables, other lines
/// paragraphs; `<b>`/`<i>` marks are dropped (bold kept on the cell), `**x**` marks too.
[[nodiscard]] DXKIT_API Document parse_text_document(std::string_view content, std::string source);

/// True when `path` names a document this reader takes (.docx, .xlsx, .txt, .md).
[[nodiscard]] DXKIT_API bool is_document(const std::filesystem::path& path);

/// Table `t` as the CSV the table readers take: its header and cells (vertically merged cells
/// filled from above), source "<file>, <place>", each row's line its row number in the file.
/// The unit, when known, is returned through `unit_line` as "ĐVT: <unit>".
[[nodiscard]] DXKIT_API csv::Table to_csv(const Document& doc, const Table& t);

/// The document's text outside its tables, one paragraph a line (line N = paragraph N of
/// Document::paragraphs), as check_text and check_tallies read a plan's text.
[[nodiscard]] DXKIT_API std::string paragraph_text(const Document& doc);

/// Table `t` written as CSV text (a "ĐVT: ..." first line when it has a unit), as
/// `dxkit extract` writes it: every reader of dxkit reads it back.
[[nodiscard]] DXKIT_API std::string write_csv(const Table& t);

namespace detail {
/// Understands grids: captions, units, header rows, kinds, continuation over pages.
[[nodiscard]] DXKIT_API std::vector<Table> understand(std::vector<Grid> grids);
/// Reads the tables of a .docx's word/document.xml text.
[[nodiscard]] DXKIT_API std::vector<Grid> parse_docx_xml(std::string_view xml,
                                                         const std::string& source,
                                                         std::vector<std::string>& paragraphs);
}  // namespace detail

}  // namespace dxkit::document
