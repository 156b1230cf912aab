// DTI sheets: a scoring sheet (sub-indicators, rules) against the Hải Dương department
// framework, and a main-indicator table against QĐ 922, read as points and as the Ministry's
// published scores on 0..1 (scores_table: province names, 4 decimals); all to results.
#include "dxkit/dti/dti.hpp"
#include "dxkit/text/csv.hpp"
#include "harness.hpp"

namespace {
const dxkit::index::Framework& framework(const char* name) {
  static const dxkit::index::Framework department =
      dxkit::dti::preset_framework("haiduong_department");
  static const dxkit::index::Framework provincial = dxkit::dti::preset_framework("dti_922");
  return std::string_view(name) == "dti_922" ? provincial : department;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  dxkit::fuzz::guarded([&] {
    const auto& f = framework("haiduong_department");
    const auto sheet = dxkit::dti::score_sheet(dxkit::csv::parse(in, "sheet.csv"), f);
    (void)dxkit::dti::differences(sheet);
    (void)dxkit::dti::results(dxkit::dti::main_scores(sheet, f), f);
  });
  for (const auto values : {dxkit::dti::Values::points, dxkit::dti::Values::scores}) {
    dxkit::fuzz::guarded([&] {
      const auto& f = framework("dti_922");
      const auto table = dxkit::csv::parse(in, "main.csv");
      (void)dxkit::dti::results(dxkit::dti::main_values(table, f, values), f);
    });
  }
  dxkit::fuzz::guarded([&] { (void)dxkit::dti::parse_rule(in); });
  return 0;
}
