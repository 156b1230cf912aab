#include "dxkit/targets/direction_column.hpp"

#include <gtest/gtest.h>

#include "dxkit/error.hpp"

namespace dxkit {
namespace {

TEST(DirectionColumn, FlagsLowerIsBetterAndTreatsEmptyAsHigher) {
  const std::vector<std::string> v{"higher", "lower", "", "giảm", "tăng"};
  EXPECT_EQ(lower_is_better_flags(v), (std::vector<std::uint8_t>{0, 1, 0, 1, 0}));
}

TEST(DirectionColumn, BadWordIsLocatedAtItsRow) {
  const std::vector<std::string> v{"higher", "sideways"};
  try {
    (void)lower_is_better_flags(v);
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_EQ(e.where().column_name, "direction");
    EXPECT_EQ(e.text(), "sideways");
  }
}

}  // namespace
}  // namespace dxkit
