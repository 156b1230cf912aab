// Targets: the target grammar with and without a known direction, and its description.
#include "dxkit/targets/target.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  for (const auto direction :
       {std::optional<dxkit::Direction>{}, std::optional{dxkit::Direction::higher_is_better},
        std::optional{dxkit::Direction::lower_is_better}}) {
    dxkit::fuzz::guarded([&] {
      dxkit::TargetOptions options;
      options.direction = direction;
      (void)dxkit::parse_target(in, options).describe();
    });
  }
  dxkit::fuzz::guarded([&] { (void)dxkit::parse_direction(in); });
  return 0;
}
