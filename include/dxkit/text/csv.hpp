#pragma once
/// A strict CSV reader for tables exported from Word and Excel: RFC 4180 quoting, a UTF-8 BOM,
/// CRLF or LF line ends, and ',' ';' or TAB as the delimiter (Vietnamese Excel writes ';',
/// since ',' is its decimal mark). Cells are NFC-normalised. Errors name file, line and column.
/// dxkit's own JSON output (`--format json`, schema "dxkit/1") is read too: its rows are the
/// table, so every reader takes back what a command wrote.
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/error.hpp"
#include "dxkit/export.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/vocabulary.hpp"

namespace dxkit::csv {

struct DXKIT_API Table {
  /// The name for messages: the file, or for a document's table (document::to_csv) the file
  /// and its part, "plan.xlsx, sheet 'X'" or "plan.docx, table 2".
  std::string source;
  /// For a document's table: the file alone and the sheet or Word table(s) the table was taken
  /// from, line and column 0. An empty file means a table of its own (a CSV file): `source`.
  Location origin;
  /// For a document's table: each column's number in its sheet (1 = A) or Word table, as the
  /// reader may drop empty columns and a sheet's table may start right of A; empty when column
  /// c is c + 1.
  std::vector<std::size_t> column_numbers;
  std::vector<std::string> header;  ///< trimmed, NFC
  /// columns[c][r]: cell of column c in data row r, NFC, surrounding spaces trimmed.
  std::vector<std::vector<std::string>> columns;
  std::vector<std::size_t> lines;  ///< 1-based line where each data row starts
  /// 1-based line of the header row (after any blank lines and the file's first line offset;
  /// the table row of a document's header).
  std::size_t header_line = 1;

  [[nodiscard]] std::size_t rows() const noexcept { return lines.size(); }
  /// The place of a line of the table (0: the table itself): file, sheet or Word table, line.
  [[nodiscard]] Location at(std::size_t line) const;
  /// The file column of table column `column` (0-based), 1-based.
  [[nodiscard]] std::size_t file_column(std::size_t column) const noexcept {
    return column < column_numbers.size() ? column_numbers[column] : column + 1;
  }
  /// The place of a cell, for messages: file, line of the row, column number and header.
  [[nodiscard]] Location where(std::size_t row, std::size_t column) const;
  /// The header row's line (header_line), for a missing column.
  [[nodiscard]] Location where_header() const;
  /// The first column whose header is one of `names`, compared without regard to case.
  [[nodiscard]] std::optional<std::size_t> find(
      std::initializer_list<std::string_view> names) const;
  /// find(), or a ValidationError "missing column '<label>'" at the header line.
  [[nodiscard]] std::size_t require(std::initializer_list<std::string_view> names,
                                    std::string_view label) const;
  /// The first column whose header is a phrase of `role` in the vocabulary `headers`
  /// (compared as text::label_key), or nullopt.
  template <class M>
  [[nodiscard]] std::optional<std::size_t> find(const text::Vocabulary<M>& headers, M role) const {
    for (std::size_t c = 0; c < header.size(); ++c)
      if (headers.is(header[c], role)) return c;
    return std::nullopt;
  }
  /// find(headers, role), or a ValidationError "missing column '<label>'" at the header line.
  template <class M>
  [[nodiscard]] std::size_t require(const text::Vocabulary<M>& headers, M role,
                                    std::string_view label) const {
    if (auto c = find(headers, role)) return *c;
    throw ValidationError("missing column '" + std::string(label) + "'", where_header());
  }
};

struct DXKIT_API Options {
  char delimiter = 0;          ///< 0: detect from the header line among ',', ';' and TAB
  std::size_t first_line = 1;  ///< the line number of the content's first line in its file
  /// How the numbers of a dxkit JSON input are written into cells, for the reader that reads
  /// them next: 0,735 (vietnamese) or 0.735 (plain); integers have no separator either way.
  NumberFormat json_numbers = NumberFormat::vietnamese;
};

/// Parses CSV text. Throws ParseError for an unterminated quote, text after a closing quote,
/// a row with more or fewer cells than the header, an empty or duplicate header, and
/// EncodingError for invalid UTF-8 (line and column of the cell). Blank lines are skipped.
/// Content that opens a JSON object is read as dxkit's JSON output: its "rows", each row's
/// line the line of its `{` (ParseError for any other JSON).
[[nodiscard]] DXKIT_API Table parse(std::string_view content, std::string source,
                                    const Options& = {});

/// Reads and parses a file; throws dxkit::Error if it cannot be opened.
[[nodiscard]] DXKIT_API Table read(const std::filesystem::path& path, const Options& = {});

/// Reads a whole file into memory; throws dxkit::Error naming it if that fails.
[[nodiscard]] DXKIT_API std::string read_file(const std::filesystem::path& path);

}  // namespace dxkit::csv
