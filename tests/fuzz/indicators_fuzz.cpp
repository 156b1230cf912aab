// Indicator tables (results appendices): read, then evaluated under both schemes, by both
// evaluation paths: the parsed table's (make_indicator_table) and the coded columns' (what
// dxkit.evaluate("file.csv") runs). Besides crashing on nothing, the two must agree: the same
// ratios, flags, statuses and warnings, or the same first error; a difference aborts.
#include <cstdlib>
#include <cstring>

#include "dxkit/targets/columns.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/indicator.hpp"
#include "dxkit/text/csv.hpp"
#include "harness.hpp"

namespace {

// An evaluation as one text (ratios by their bits), or its error's message.
template <class Evaluate>
std::string outcome(Evaluate&& evaluate) {
  try {
    const dxkit::EvaluationTable e = evaluate();
    std::string s;
    for (std::size_t i = 0; i < e.size(); ++i) {
      char bits[sizeof(double)];
      std::memcpy(bits, &e.ratio[i], sizeof bits);
      s.append(bits, sizeof bits);
      s += {static_cast<char>(e.has_data[i]), static_cast<char>(e.met[i]),
            static_cast<char>(e.exceeded[i]), static_cast<char>(e.estimate[i]),
            static_cast<char>(e.status[i])};
    }
    for (const dxkit::Diagnostic& w : e.warnings) s += "\n" + w.to_string();
    return s;
  } catch (const dxkit::Error& err) {
    return std::string("error: ") + err.what();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  return dxkit::fuzz::guarded([&] {
    const dxkit::csv::Table csv = dxkit::csv::parse(in, "fuzz.csv");
    for (const dxkit::Scheme& scheme : {dxkit::Scheme::exceed(), dxkit::Scheme::bands()}) {
      const std::string rows =
          outcome([&] { return dxkit::evaluate(dxkit::make_indicator_table(csv), scheme); });
      const std::string coded = outcome([&] {
        dxkit::csv::Table copy = csv;
        return dxkit::evaluate(dxkit::make_coded_table(std::move(copy)), scheme).evaluation;
      });
      if (rows != coded) std::abort();  // the two paths disagree
    }
  });
}
