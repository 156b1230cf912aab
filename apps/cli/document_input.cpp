#include "document_input.hpp"

#include <filesystem>

#include "dxkit/document/office.hpp"

namespace dxkit::cli {

bool is_office_document(const std::string& file) { return document::is_office_document(file); }

DocumentTable open_document_table(const std::string& file, const std::string& choice,
                                  document::TableKind kind) {
  const document::Document doc = document::read_document(file);
  const document::Table& t = doc.choose(choice, kind);
  return {document::to_csv(doc, t), t.unit};
}

}  // namespace dxkit::cli
