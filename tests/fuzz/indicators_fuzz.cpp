// Indicator tables (results appendices): read, then evaluated under both schemes.
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/indicator.hpp"
#include "dxkit/text/csv.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  dxkit::fuzz::guarded([&] {
    const auto table = dxkit::make_indicator_table(dxkit::csv::parse(in, "fuzz.csv"));
    (void)dxkit::evaluate(table, dxkit::Scheme::exceed()).counts();
    (void)dxkit::evaluate(table, dxkit::Scheme::bands()).counts();
  });
  return 0;
}
