// Replays the fuzz corpora and every crash the fuzzers found (tests/fuzz/regressions) through
// the harnesses, compiled here by the normal compiler: the default suite and the ASan suite
// both run them. A harness accepts only dxkit errors; anything else fails the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#define DXKIT_HARNESS(name) \
  extern "C" int dxkit_fuzz_##name(const std::uint8_t* data, std::size_t size);
DXKIT_HARNESS(number)
DXKIT_HARNESS(target)
DXKIT_HARNESS(result)
DXKIT_HARNESS(csv)
DXKIT_HARNESS(indicators)
DXKIT_HARNESS(budget)
DXKIT_HARNESS(index_meta)
DXKIT_HARNESS(index_data)
DXKIT_HARNESS(assignments)
DXKIT_HARNESS(deadline)
DXKIT_HARNESS(observations)
DXKIT_HARNESS(dti)
DXKIT_HARNESS(check_text)
DXKIT_HARNESS(docx)
DXKIT_HARNESS(xlsx)
DXKIT_HARNESS(document_text)
#undef DXKIT_HARNESS

namespace {

namespace fs = std::filesystem;
using Harness = int (*)(const std::uint8_t*, std::size_t);

std::vector<fs::path> inputs(const std::string& kind, const std::string& harness) {
  std::vector<fs::path> out;
  const fs::path dir = fs::path(DXKIT_FUZZ_DIR) / kind / harness;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Runs every input of corpus/<harness> and regressions/<harness>; returns how many ran.
std::size_t replay(const std::string& harness, Harness run) {
  std::size_t count = 0;
  for (const std::string kind : {"corpus", "regressions"}) {
    for (const fs::path& p : inputs(kind, harness)) {
      std::ifstream in(p, std::ios::binary);
      const std::string bytes{std::istreambuf_iterator<char>(in), {}};
      SCOPED_TRACE(p.string());
      EXPECT_EQ(run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
      ++count;
    }
  }
  return count;
}

struct Case {
  const char* name;
  Harness run;
};

class FuzzReplay : public ::testing::TestWithParam<Case> {};

TEST_P(FuzzReplay, CorpusAndRegressionsOnlyRaiseDxkitErrors) {
  const Case& c = GetParam();
  // A seed corpus of at least a few inputs is checked in for every harness: an empty or
  // missing directory would make this test pass without running anything.
  EXPECT_GE(inputs("corpus", c.name).size(), 3U) << "tests/fuzz/corpus/" << c.name;
  EXPECT_EQ(replay(c.name, c.run),
            inputs("corpus", c.name).size() + inputs("regressions", c.name).size());
}

INSTANTIATE_TEST_SUITE_P(
    Harnesses, FuzzReplay,
    ::testing::Values(
        Case{"number", dxkit_fuzz_number}, Case{"target", dxkit_fuzz_target},
        Case{"result", dxkit_fuzz_result}, Case{"csv", dxkit_fuzz_csv},
        Case{"indicators", dxkit_fuzz_indicators}, Case{"budget", dxkit_fuzz_budget},
        Case{"index_meta", dxkit_fuzz_index_meta}, Case{"index_data", dxkit_fuzz_index_data},
        Case{"assignments", dxkit_fuzz_assignments}, Case{"deadline", dxkit_fuzz_deadline},
        Case{"observations", dxkit_fuzz_observations}, Case{"dti", dxkit_fuzz_dti},
        Case{"check_text", dxkit_fuzz_check_text}, Case{"docx", dxkit_fuzz_docx},
        Case{"xlsx", dxkit_fuzz_xlsx}, Case{"document_text", dxkit_fuzz_document_text}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

}  // namespace
