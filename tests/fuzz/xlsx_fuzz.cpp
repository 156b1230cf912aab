// .xlsx files: the zip container, the workbook and its relations, shared strings, the number
// formats of the styles, every sheet's cells and merges; the tables written as CSV.
#include "document_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dxkit::fuzz::read_document_bytes(data, size, "xlsx");
}
