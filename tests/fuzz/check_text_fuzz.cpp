// A plan's text: consistency findings, and its tallies against the Thái Bình 2023 appendix.
#include "dxkit/plan/consistency.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/indicator.hpp"
#include "harness.hpp"

namespace {
const dxkit::EvaluationTable& appendix() {
  static const dxkit::EvaluationTable e = dxkit::evaluate(
      dxkit::read_indicator_table(DXKIT_FUZZ_EXAMPLES_DIR "/thai_binh_2023_results.csv"),
      dxkit::Scheme::bands());
  return e;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  const auto& e = appendix();
  dxkit::fuzz::guarded([&] { (void)dxkit::check_text(in, "fuzz.txt"); });
  dxkit::fuzz::guarded([&] { (void)dxkit::check_tallies(in, e, "fuzz.txt"); });
  return 0;
}
