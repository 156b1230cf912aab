#pragma once
// Commands that read a table take a document too: `FILE.docx|.xlsx [--table N|CAPTION]`.
#include <optional>
#include <string>

#include "dxkit/document/document.hpp"

namespace dxkit::cli {

/// A table chosen from a document, as the CSV the table readers take, with its unit as written.
struct DocumentTable {
  csv::Table table;
  std::string unit;  ///< "Triệu đồng", or "" when the document gives none
};

/// True for the files the table commands open as documents (.docx, .xlsx).
[[nodiscard]] bool is_office_document(const std::string& file);

/// The table `choice` ("" = the only table of `kind`, a number, or caption text) of the
/// document `file`. Throws the reader's errors and Document::choose's ValidationError.
[[nodiscard]] DocumentTable open_document_table(const std::string& file, const std::string& choice,
                                                document::TableKind kind);

}  // namespace dxkit::cli
