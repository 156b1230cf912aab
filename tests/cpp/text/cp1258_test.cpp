// Vietnamese text saved in Windows-1258 (or Latin-1) is named as such, with the fix, instead
// of "invalid UTF-8"; other invalid bytes keep the plain message.
#include <gtest/gtest.h>

#include <string>

#include "dxkit/error.hpp"
#include "dxkit/text/csv.hpp"

using namespace dxkit;

namespace {

std::string error_of(const std::string& content) {
  try {
    (void)csv::parse(content, "old.csv");
  } catch (const EncodingError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(Cp1258, VietnameseInTheOldCodePageIsNamed) {
  // "Chuyển đổi số" in Windows-1258: ê + hook (0xEA 0xD2), đ (0xF0), ô + grave (0xF4 0xCC).
  const std::string cp1258 = "code,name\n1,Chuy\xEA\xD2n \xF0\xF4\xCCi s\xF4\xEC\n";
  EXPECT_EQ(error_of(cp1258),
            "old.csv:2:2: the file is not UTF-8: it reads as Windows-1258 (Vietnamese) or "
            "Latin-1 text; convert it to UTF-8 (iconv -f CP1258 -t UTF-8 FILE, or Excel: 'CSV "
            "UTF-8')");
  // Latin-1 "Hà Nội" has no Vietnamese-only byte but is named the same way.
  EXPECT_NE(error_of("code,name\n1,H\xE0 N\xF4i\n").find("Windows-1258"), std::string::npos);
  // A stray continuation byte is not a code page: the plain message.
  const std::string stray = error_of(
      "code,name\n1,a\x85"
      "b\n");
  EXPECT_EQ(stray.find("Windows-1258 (Vietnamese) or Latin-1 text;"), std::string::npos) << stray;
  EXPECT_NE(stray.find("invalid UTF-8"), std::string::npos) << stray;
  // UTF-8 is read.
  EXPECT_EQ(csv::parse("code,name\n1,Chuyển đổi số\n", "new.csv").columns[1][0], "Chuyển đổi số");
}
