// CSV: the reader with each delimiter (and detection), then the cells' locations.
#include "dxkit/text/csv.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  for (const char delimiter : {'\0', ',', ';', '\t'}) {
    dxkit::fuzz::guarded([&] {
      dxkit::csv::Options options;
      options.delimiter = delimiter;
      const auto t = dxkit::csv::parse(in, "fuzz.csv", options);
      (void)t.where_header();
      if (t.rows() > 0 && !t.header.empty()) (void)t.where(t.rows() - 1, t.header.size() - 1);
      (void)t.find({"STT", "iCode"});
    });
  }
  return 0;
}
