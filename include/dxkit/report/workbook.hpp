#pragma once
/// The report's model and its writers: a report is a list of sheets (one per section: the
/// results appendix, the budget, the due list, the ranking), each a grid of typed cells with
/// their style, merges, column widths and a frozen header. One model, two writers: an .xlsx
/// workbook (write_xlsx, src/report/xlsx.cpp) and one self-contained HTML page (write_html,
/// src/report/html.cpp). The sections are built from the core's results in sections.hpp.
///
/// Numbers stay numbers: a cell holds a double and a number format code (money as whole đồng
/// with a format that shows the table's unit, shares as fractions of 1 with a percent
/// format); `shown` is the Vietnamese text the HTML page prints for it. Format codes are
/// written as the Open XML spec stores them (',' groups thousands, '.' marks decimals), with
/// the locale tag [$-42A] (Vietnamese): LibreOffice then shows 75.428 and 99,21% whatever the
/// computer's locale; Excel shows the separators of the computer's regional settings (75.428
/// on a Vietnamese Windows), as it does for every number format.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "dxkit/export.hpp"

namespace dxkit::report {

/// A cell's background, named as the notebook's status colours (python/dxkit/_display.py:
/// green exceeded / done, light green met, amber due soon or a warning, red not met, overdue
/// or an error, grey no data, blue open); filled with a pale tint of that colour so that
/// the text stays readable. `header` is the column headers' fill.
enum class Tone : std::uint8_t { none, green, light_green, amber, red, grey, blue, header };

/// The fill colour of a tone as "RRGGBB" ("" for none).
[[nodiscard]] DXKIT_API const char* fill_colour(Tone tone) noexcept;

enum class Align : std::uint8_t { general, left, center, right };

struct DXKIT_API Style {
  bool bold = false;
  bool italic = false;
  bool wrap = false;
  bool border = true;
  Tone tone = Tone::none;
  Align align = Align::general;
  std::string number_format{};  ///< Excel format code ("" = General)
  friend bool operator==(const Style&, const Style&) = default;
};

struct DXKIT_API Cell {
  enum class Kind : std::uint8_t { empty, text, number };
  Kind kind = Kind::empty;
  std::string text{};  ///< a text cell's text; a number cell's value as the page shows it
  double number = 0;   ///< a number cell's value (money in đồng, shares as fractions of 1)
  Style style{};
  std::string title{};  ///< HTML only: a tooltip (a finding's message)
};

/// A text cell.
[[nodiscard]] DXKIT_API Cell text_cell(std::string value, Style style = {});
/// A number cell with its format code and the text the page shows.
[[nodiscard]] DXKIT_API Cell number_cell(double value, std::string shown, std::string format,
                                         Style style = {});

/// Cells merged into one: 0-based top-left row and column, and the size.
struct DXKIT_API Merge {
  std::size_t row = 0, column = 0, rows = 1, columns = 1;
};

/// A bar chart the HTML page draws as inline SVG (the workbook leaves it out).
struct DXKIT_API Chart {
  std::string title{};
  std::vector<std::string> labels{};
  std::vector<double> values{};
  std::vector<Tone> tones{};  ///< a bar's colour (none: the default blue)
  std::string unit{};         ///< after the values ("chỉ tiêu", "triệu đồng")
};

/// One section of the report: a sheet of the workbook, a part of the page.
struct DXKIT_API Sheet {
  std::string name;  ///< the sheet's tab (at most 31 characters, none of []:*?/\)
  std::vector<std::vector<Cell>> rows;
  std::vector<Merge> merges;
  std::vector<double> widths;   ///< column widths in characters (missing: Excel's default)
  std::size_t frozen_rows = 0;  ///< rows kept in view (the title and header)
  std::size_t header_row = 0;   ///< 0-based row of the column headers (HTML: <th>)
  std::vector<Chart> charts;

  /// Appends a row and returns its index.
  std::size_t add(std::vector<Cell> row);
  /// Merges row `row` from `column` over `columns` columns.
  void merge_across(std::size_t row, std::size_t column, std::size_t columns);
};

/// A report: its title and sections.
struct DXKIT_API Workbook {
  std::string title;
  std::vector<Sheet> sheets;

  /// Appends `sheet`; a name already taken gets a number: "Kết quả", "Kết quả (2)", ...
  void add(Sheet sheet);
};

/// Writes `book` as an .xlsx file at `path`: shared strings, one style per distinct cell
/// style, merges, widths, frozen panes; the zip entries carry a fixed time (1980-01-01), so
/// the same book gives the same bytes. Throws ValidationError for a sheet name Excel refuses
/// (empty, too long, a forbidden character, twice) or a merge outside its sheet, Error naming
/// the file when it cannot be written.
DXKIT_API void write_xlsx(const Workbook& book, const std::filesystem::path& path);

/// The book as one HTML page: inline CSS, no external link, one <section> per sheet with its
/// table (merges as colspan/rowspan, tones as classes) and its charts as inline SVG.
[[nodiscard]] DXKIT_API std::string html(const Workbook& book);
/// Writes html(book) to `path`; throws Error naming the file when it cannot be written.
DXKIT_API void write_html(const Workbook& book, const std::filesystem::path& path);

/// A bar chart as an inline SVG element (horizontal bars, labels at the left, values at the
/// right in Vietnamese number style).
[[nodiscard]] DXKIT_API std::string svg(const Chart& chart);

}  // namespace dxkit::report
