// Budget tables: read, checked, rolled up by every dimension, printed in every unit.
#include "dxkit/budget/budget.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  using namespace dxkit::budget;
  dxkit::fuzz::guarded([&] {
    const Budget b = parse_budget(in, "fuzz.csv");
    (void)b.check();
    const Money total = b.total();
    (void)format_money(total, b.unit, 2);
    for (const auto& d : dimensions.entries) (void)b.rollup({d.value});
    (void)b.rollup({Dimension::agency, Dimension::source, Dimension::year});
    (void)b.compare(b, {Dimension::agency});
  });
  return 0;
}
