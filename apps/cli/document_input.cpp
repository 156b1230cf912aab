#include "document_input.hpp"

#include <filesystem>

namespace dxkit::cli {

bool is_office_document(const std::string& file) {
  const std::string e = std::filesystem::path(file).extension().string();
  return e == ".docx" || e == ".xlsx" || e == ".DOCX" || e == ".XLSX";
}

DocumentTable open_document_table(const std::string& file, const std::string& choice,
                                  document::TableKind kind) {
  const document::Document doc = document::read_document(file);
  const document::Table& t = doc.choose(choice, kind);
  return {document::to_csv(doc, t), t.unit};
}

}  // namespace dxkit::cli
