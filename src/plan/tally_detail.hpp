#pragma once
// The tally scanner shared by the two ways of counting an appendix (tally.cpp: the scheme's
// evaluation; tally_verdicts.cpp: the appendix's own verdict column). Internal.
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "dxkit/plan/tally.hpp"

namespace dxkit::plan_detail {

// What the tallies are counted from: rows met / exceeded, and for a percentage P the rows not
// met beyond it (above or below) and exactly at it.
struct Counts {
  std::size_t total = 0, met = 0, exceeded = 0;
  std::function<std::size_t(double, bool)> beyond;
  std::function<std::size_t(double)> exactly;
};

// The tallies of `whole` against `counts`; `appendix_source` is named in the messages.
std::vector<Tally> scan_tallies(std::string_view whole, const Counts& counts,
                                std::string_view source, std::string_view appendix_source);

}  // namespace dxkit::plan_detail
