// .docx files: the zip container (libzip, bounded), word/document.xml (pugixml), the tables
// found and understood (captions, units, header rows, merged cells), written as CSV.
#include "document_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dxkit::fuzz::read_document_bytes(data, size, "docx");
}
