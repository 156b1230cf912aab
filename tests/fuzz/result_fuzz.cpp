// Results: the result grammar in both number formats, scored against a plain target.
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/targets/target.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  for (const auto format : {dxkit::NumberFormat::vietnamese, dxkit::NumberFormat::plain}) {
    dxkit::fuzz::guarded([&] {
      const dxkit::Result r = dxkit::parse_result(in, format);
      (void)r.describe();
      for (const char* target : {"80%", "tối đa 5 ngày", "Hoàn thành", "6 - 8%"})
        (void)dxkit::evaluate(dxkit::parse_target(target), r);
    });
  }
  return 0;
}
