#pragma once
/// dxkit's exception hierarchy. Every error names where (file, line, column) and what,
/// and says what would have been accepted; the Python module maps each class to its own
/// exception type (see bindings/error.cpp).
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#include "dxkit/export.hpp"

namespace dxkit {

/// Where a piece of input came from. `line` and `column` are 1-based; 0 means "not known".
/// `column_name` is the CSV header of the cell when the input is a table.
/// For a table taken from a document, `file` is still the file alone and the part is data:
/// `sheet` names the workbook sheet (then `line` is the sheet's row and `column` its column,
/// 4 = D), or `table` numbers the Word table (then `line` and `column` are the table's row and
/// column; a table continued over pages is tables `table` to `last_table`).
struct DXKIT_API Location {
  Location() = default;
  /// Positional, as the readers write a place ({file, line, column, column_name} as before the
  /// document part was data); the members can be set one by one too.
  Location(std::string file, std::size_t line = 0, std::size_t column = 0,
           std::string column_name = {}, std::string sheet = {}, std::size_t table = 0,
           std::size_t last_table = 0)
      : file(std::move(file)),
        line(line),
        column(column),
        column_name(std::move(column_name)),
        sheet(std::move(sheet)),
        table(table),
        last_table(last_table) {}

  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string column_name;
  std::string sheet;           ///< the workbook sheet's name, or empty
  std::size_t table = 0;       ///< the Word table's 1-based number, or 0
  std::size_t last_table = 0;  ///< the last of the tables a continued table spans, or 0

  /// "file:line:column (column 'name')", leaving out what is unknown; a sheet's cell is
  /// "file, 'Sheet'!D10" and a Word table's "file, table 2, row 8, column 4".
  [[nodiscard]] std::string to_string() const;
  /// The sheet cell's name, "D10"; empty unless a sheet, row and column are all known.
  [[nodiscard]] std::string cell() const;
};

/// Base of all dxkit errors.
class DXKIT_API Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Input that cannot be read: a malformed number, an unknown word, a broken CSV.
/// `what()` is "<location>: <message>: '<text>'"; the parts are kept for programs.
class DXKIT_API ParseError : public Error {
 public:
  ParseError(std::string message, std::string text, Location where = {});

  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }
  [[nodiscard]] const Location& where() const noexcept { return where_; }

  /// The same error, placed at `where` (a parser that saw only a cell learns its row late).
  [[nodiscard]] ParseError at(const Location& where) const;

 private:
  std::string message_;
  std::string text_;
  Location where_;
};

/// Bytes that are not valid UTF-8.
class DXKIT_API EncodingError : public ParseError {
 public:
  using ParseError::ParseError;
  [[nodiscard]] EncodingError at(const Location& where) const;
};

/// Input that reads well but does not fit together: a result whose parts do not match its
/// target's, a missing required column, a duplicate code.
class DXKIT_API ValidationError : public Error {
 public:
  explicit ValidationError(std::string message, Location where = {});
  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  [[nodiscard]] const Location& where() const noexcept { return where_; }

 private:
  std::string message_;
  Location where_;
};

}  // namespace dxkit
