#include "dxkit/names.hpp"

#include <gtest/gtest.h>

namespace {

enum class Colour { red, green };
constexpr dxkit::NameTable kColours{
    "colour", std::array{dxkit::Named<Colour>{Colour::red, "red", "the first"},
                         dxkit::Named<Colour>{Colour::green, "green", "the second"}}};

TEST(NameTable, ParsesPrintsAndListsInTableOrder) {
  EXPECT_EQ(kColours.parse("green"), Colour::green);
  EXPECT_EQ(kColours.name(Colour::red), "red");
  EXPECT_TRUE(kColours.contains("red"));
  EXPECT_FALSE(kColours.contains("Red"));
  EXPECT_EQ(kColours.joined(), "red, green");
  EXPECT_EQ(kColours.joined("|"), "red|green");
}

TEST(NameTable, UnknownNameListsTheAcceptedOnes) {
  try {
    (void)kColours.parse("blue");
    FAIL() << "no error";
  } catch (const dxkit::ValidationError& e) {
    EXPECT_STREQ(e.what(), "unknown colour 'blue'; accepted: red, green");
  }
}

}  // namespace
