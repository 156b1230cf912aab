#pragma once
// What the commands read: a CSV file, a document (.docx, .xlsx; `FILE [--table N|CAPTION]`), or
// "-", standard input. Standard input is read once; a .docx or .xlsx there is recognised by the
// zip magic bytes (PK\3\4) and its parts (word/document.xml, xl/workbook.xml), anything else
// is CSV or text. Messages about standard input name it "<stdin>".
#include <optional>
#include <string>

#include "dxkit/document/document.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit::cli {

/// A table chosen from a document, as the CSV the table readers take, with its unit as written.
struct DocumentTable {
  csv::Table table;
  std::string unit;  ///< "Triệu đồng", or "" when the document gives none
};

/// How standard input is named in messages and locations.
inline constexpr const char* kStdinName = "<stdin>";

/// True for "-" (standard input).
[[nodiscard]] bool is_stdin(const std::string& file);
/// The whole of standard input, read on first use.
[[nodiscard]] const std::string& standard_input();

/// True for the files the table commands open as documents (.docx, .xlsx; for "-", standard
/// input that starts with the zip magic bytes).
[[nodiscard]] bool is_office_document(const std::string& file);

/// The CSV `file` ("-": standard input). Throws the reader's errors; ValidationError when
/// standard input is a zip archive (a document) where CSV is expected.
[[nodiscard]] csv::Table read_csv_input(const std::string& file, const csv::Options& options = {});
/// The bytes of `file` ("-": standard input).
[[nodiscard]] std::string read_text_input(const std::string& file);
/// The document `file` ("-": a .docx / .xlsx by its zip parts, else the text form).
[[nodiscard]] document::Document read_document_input(const std::string& file);

/// The table `choice` ("" = the only table of `kind`, a number, or caption text) of the
/// document `file`. Throws the reader's errors and Document::choose's ValidationError.
[[nodiscard]] DocumentTable open_document_table(const std::string& file, const std::string& choice,
                                                document::TableKind kind);

}  // namespace dxkit::cli
