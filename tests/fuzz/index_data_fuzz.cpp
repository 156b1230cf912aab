// iData: units and numbers read against COINr's ASEM framework, then run through the
// pipeline with its default options.
#include "dxkit/index/framework.hpp"
#include "dxkit/index/run.hpp"
#include "dxkit/text/csv.hpp"
#include "harness.hpp"

namespace {
const dxkit::index::Framework& asem() {
  static const dxkit::index::Framework f =
      dxkit::index::read_framework(DXKIT_FUZZ_COINR_DIR "/ASEM_iMeta.csv");
  return f;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  const auto& framework = asem();
  dxkit::fuzz::guarded([&] {
    const auto units = dxkit::index::make_unit_data(dxkit::csv::parse(in, "iData.csv"), framework);
    (void)units.times();
    (void)dxkit::index::run_pipeline(units, framework);
  });
  return 0;
}
