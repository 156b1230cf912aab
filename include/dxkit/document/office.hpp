#pragma once
// Which files are office documents (Word, Excel) rather than CSV text: one answer for the
// command line, the bindings and the Python package.
#include <filesystem>

#include "dxkit/export.hpp"

namespace dxkit::document {

/// True when `path` ends in .docx or .xlsx, in any case (".Docx", ".XLSX"): the files the table
/// commands and readers open as an office document rather than as CSV. Only the name is
/// looked at; a missing or unreadable file is the reader's error.
[[nodiscard]] DXKIT_API bool is_office_document(const std::filesystem::path& path);

}  // namespace dxkit::document
