// The seeds' text form of a document (TAB rows as tables, <b>/<i> and **x** marks), and the
// body of a .docx without its zip (word/document.xml as the fuzzer writes it): both through
// the understanding of tables and out as CSV. The first byte chooses which.
#include "dxkit/document/document.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dxkit::document;
  if (size == 0) return 0;
  const bool xml = data[0] == '<';
  const std::string_view in = dxkit::fuzz::text(data, size);
  dxkit::fuzz::guarded([&] {
    Document d;
    if (xml) {
      d.source = "fuzz.docx";
      d.tables = detail::understand(detail::parse_docx_xml(in, d.source, d.paragraphs));
    } else {
      d = parse_text_document(in, "fuzz.txt");
    }
    for (const Table& t : d.tables) {
      (void)write_csv(t);
      (void)to_csv(d, t).where_header();
    }
  });
  return 0;
}
