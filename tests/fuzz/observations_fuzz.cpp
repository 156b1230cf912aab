// Observations (targets and results across years): read, then progress under both paces.
#include "dxkit/plan/progress.hpp"
#include "dxkit/text/csv.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  dxkit::fuzz::guarded([&] {
    const auto obs = dxkit::read_observations(dxkit::csv::parse(in, "fuzz.csv"));
    (void)dxkit::progress(obs);
    dxkit::ProgressOptions compound;
    compound.compound = true;
    (void)dxkit::progress(obs, compound);
  });
  dxkit::fuzz::guarded([&] { (void)dxkit::read_documents(dxkit::csv::parse(in, "fuzz.csv")); });
  dxkit::fuzz::guarded([&] { (void)dxkit::read_mapping(dxkit::csv::parse(in, "fuzz.csv")); });
  return 0;
}
