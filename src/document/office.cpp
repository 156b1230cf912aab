#include "dxkit/document/office.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace dxkit::document {

bool is_office_document(const std::filesystem::path& path) {
  std::string e = path.extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e == ".docx" || e == ".xlsx";
}

}  // namespace dxkit::document
