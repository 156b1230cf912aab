// iMeta: a framework read from CSV (parents, cycles, weights, types), then its derived views.
#include "dxkit/index/framework.hpp"
#include "dxkit/text/csv.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  dxkit::fuzz::guarded([&] {
    const auto framework = dxkit::index::make_framework(dxkit::csv::parse(in, "iMeta.csv"));
    (void)framework.max_level();
    (void)framework.effective_weights();
    (void)dxkit::index::top_node(framework);
  });
  return 0;
}
