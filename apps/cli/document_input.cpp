#include "document_input.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>

#include "dxkit/document/office.hpp"
#include "dxkit/error.hpp"

namespace dxkit::cli {

namespace {

bool stdin_is_zip() { return standard_input().rfind("PK\x03\x04", 0) == 0; }

// A document on standard input, copied to a temporary file named with the extension its parts
// call for (the reader picks the format by extension), removed when done.
document::Document read_stdin_document() {
  const std::string& in = standard_input();
  const bool word = in.find("word/document.xml") != std::string::npos;
  const bool excel = in.find("xl/workbook.xml") != std::string::npos;
  if (word == excel)
    throw ValidationError(std::string(kStdinName) +
                          ": a zip archive that is neither a .docx (word/document.xml) nor a "
                          ".xlsx (xl/workbook.xml)");
  std::random_device random;
  const auto path = std::filesystem::temp_directory_path() /
                    ("dxkit-stdin-" + std::to_string(random()) + (word ? ".docx" : ".xlsx"));
  {
    std::ofstream out(path, std::ios::binary);
    out.write(in.data(), static_cast<std::streamsize>(in.size()));
    if (!out) throw Error(std::string(kStdinName) + ": cannot copy to " + path.string());
  }
  struct Remove {
    std::filesystem::path p;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove(p, ec);
    }
  } remove{path};
  document::Document doc = document::read_document(path);
  doc.source = kStdinName;
  return doc;
}

}  // namespace

bool is_stdin(const std::string& file) { return file == "-"; }

const std::string& standard_input() {
  static const std::string all{std::istreambuf_iterator<char>(std::cin),
                               std::istreambuf_iterator<char>()};
  return all;
}

bool is_office_document(const std::string& file) {
  return is_stdin(file) ? stdin_is_zip() : document::is_office_document(file);
}

csv::Table read_csv_input(const std::string& file, const csv::Options& options) {
  if (!is_stdin(file)) return csv::read(file, options);
  if (stdin_is_zip())
    throw ValidationError(std::string(kStdinName) +
                          ": a .docx / .xlsx document where this option reads CSV");
  return csv::parse(standard_input(), kStdinName, options);
}

std::string read_text_input(const std::string& file) {
  return is_stdin(file) ? standard_input() : csv::read_file(file);
}

document::Document read_document_input(const std::string& file) {
  if (!is_stdin(file)) return document::read_document(file);
  if (stdin_is_zip()) return read_stdin_document();
  return document::parse_text_document(standard_input(), kStdinName);
}

DocumentTable open_document_table(const std::string& file, const std::string& choice,
                                  document::TableKind kind) {
  const document::Document doc = read_document_input(file);
  const document::Table& t = doc.choose(choice, kind);
  return {document::to_csv(doc, t), t.unit};
}

}  // namespace dxkit::cli
