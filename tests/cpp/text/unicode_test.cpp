#include "dxkit/text/unicode.hpp"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;

TEST(Text, NfdInputComparesEqualToNfc) {
  // "Việt" in NFD: e + combining dot below (U+0323) + combining circumflex (U+0302).
  const std::string nfd = "Vi\x65\xCC\xA3\xCC\x82t";
  const std::string nfc = "Vi\xE1\xBB\x87t";  // U+1EC7
  EXPECT_NE(nfd, nfc);
  EXPECT_EQ(text::nfc(nfd), nfc);
  EXPECT_EQ(text::nfc(nfc), nfc);
}

TEST(Text, MakeNfcComposesWhereTheTextStands) {
  std::string nfd = "Vi\x65\xCC\xA3\xCC\x82t";
  text::make_nfc(nfd);
  EXPECT_EQ(nfd, "Vi\xE1\xBB\x87t");
  // Text already NFC (ASCII, precomposed letters) is left as it is, in its own buffer.
  std::string nfc = "Đạt 80% trở lên — chỉ tiêu";
  const char* before = nfc.data();
  text::make_nfc(nfc);
  EXPECT_EQ(nfc, "Đạt 80% trở lên — chỉ tiêu");
  EXPECT_EQ(nfc.data(), before);
  std::string bad = "ab\xFF";
  EXPECT_THROW_MSG(
      text::make_nfc(bad), EncodingError,
      "invalid UTF-8 at character 3 (save the file as UTF-8; Windows-1258 and TCVN3 are not read)");
}

TEST(Text, FoldIgnoresCaseOfVietnameseLetters) {
  EXPECT_EQ(text::fold("TRÊN"), "trên");
  EXPECT_EQ(text::fold("Trên"), "trên");
  EXPECT_EQ(text::fold("ĐẠT"), "đạt");
  EXPECT_EQ(text::fold("Hoàn Thành"), text::fold("HOÀN THÀNH"));
}

TEST(Text, FoldLowersTwoByteLettersByTheirSimpleMapping) {
  // Two-byte letters are lowered from a table of utf8proc's answers: Unicode's simple (one to
  // one) lowercase, also where it changes the length or there is none.
  EXPECT_EQ(text::fold("ĂÂĐÊÔƠƯ"), "ăâđêôơư");
  EXPECT_EQ(text::fold("İ"), "i");  // U+0130 -> U+0069: two bytes to one
  EXPECT_EQ(text::fold("Ÿ"), "ÿ");  // U+0178 -> U+00FF
  EXPECT_EQ(text::fold("ǅ"), "ǆ");  // titlecase U+01C5 -> U+01C6
  EXPECT_EQ(text::fold("ΣΑ Ω"), "σα ω");
  EXPECT_EQ(text::fold("µß×"), "µß×");            // no lowercase of their own
  EXPECT_EQ(text::fold("Ẫ Ạ A\u0301"), "ẫ ạ á");  // three-byte letters and a composed mark
}

TEST(Text, DisplayWidthIsUtf8procsOnEveryCodePoint) {
  // The widths below U+2000 come from a table of utf8proc's answers, the rest from utf8proc:
  // the same sum either way, for every code point between ASCII, in the two- and three-byte
  // forms the table covers and past it (CJK wide, combining marks of width 0).
  for (utf8proc_int32_t cp = 0; cp < 0x3100; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(cp, buf);
    const std::string one(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
    const auto w = static_cast<std::size_t>(utf8proc_charwidth(cp));
    ASSERT_EQ(text::display_width("é" + one + "a"), 2 + w) << cp;
  }
  EXPECT_EQ(text::display_width("Tỷ lệ hồ sơ \u4E2D\u6587"), 16u);  // two wide characters
  EXPECT_EQ(text::display_width("A\u0301 \xC3"), 2u);  // a mark of width 0; a broken byte ends it
  EXPECT_EQ(text::display_width("\xC3\xA9\xE1\xBA"), 1u);       // a cut three-byte form ends it
  EXPECT_EQ(text::display_width("\xC3\xA9\xE0\x80\x80x"), 1u);  // an overlong form ends it
}

TEST(Text, InvalidUtf8NamesTheCharacterColumn) {
  try {
    text::validate_utf8("ab\xC3(");
    FAIL() << "expected EncodingError";
  } catch (const EncodingError& e) {
    EXPECT_EQ(e.where().column, 3u);
    EXPECT_NE(std::string(e.what()).find("invalid UTF-8 at character 3"), std::string::npos);
  }
  EXPECT_THROW_MSG(
      (void)text::nfc("\xFF"), EncodingError,
      "invalid UTF-8 at character 1 (save the file as UTF-8; Windows-1258 and TCVN3 are not read)");
}

TEST(Text, BomTrimAndWidth) {
  EXPECT_EQ(text::strip_bom("\xEF\xBB\xBFSTT"), "STT");
  EXPECT_EQ(text::strip_bom("STT"), "STT");
  EXPECT_EQ(text::trim("  \t80%\xC2\xA0 "), "80%");
  EXPECT_EQ(text::display_width("Đạt"), 3u);
  EXPECT_EQ(text::display_width("abc"), 3u);
}
