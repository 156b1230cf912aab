#include "dxkit/targets/target.hpp"

#include <gtest/gtest.h>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;

namespace {
TargetPart one(std::string_view text, const TargetOptions& o = {}) {
  Target t = parse_target(text, o);
  EXPECT_EQ(t.parts.size(), 1u) << text;
  return t.parts.at(0);
}

std::string error_of(std::string_view text) {
  try {
    (void)parse_target(text);
  } catch (const ParseError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST(Target, AtLeastForms) {
  for (std::string_view s : {"80%", "đạt 80%", "phấn đấu 80%", "80% trở lên", "từ 80% trở lên",
                             "tối thiểu 80%", "ít nhất 80%", "không dưới 80%", ">= 80%", "≥ 80%",
                             "Đạt 80%", "TỐI THIỂU 80%", "Phấn đấu đạt tối thiểu 80 %"}) {
    TargetPart p = one(s);
    EXPECT_EQ(p.condition, Condition::at_least) << s;
    EXPECT_EQ(p.low, 80) << s;
    EXPECT_TRUE(p.percent) << s;
    EXPECT_EQ(p.direction(), Direction::higher_is_better);
  }
}

TEST(Target, StrictAndLowerIsBetterForms) {
  for (std::string_view s : {"trên 75%", "Trên 75%", "TRÊN 75%", "hơn 75%", "> 75%"})
    EXPECT_EQ(one(s).condition, Condition::more_than) << s;
  for (std::string_view s : {"tối đa 5 ngày", "không quá 5 ngày", "<= 5 ngày", "≤ 5 ngày"}) {
    TargetPart p = one(s);
    EXPECT_EQ(p.condition, Condition::at_most) << s;
    EXPECT_EQ(p.unit, "ngày") << s;
    EXPECT_EQ(p.direction(), Direction::lower_is_better);
  }
  for (std::string_view s : {"dưới 5%", "< 5%"}) EXPECT_EQ(one(s).condition, Condition::less_than);
}

TEST(Target, NfdKeywordsAreRecognised) {
  // "trên" written in NFD (e + U+0302 combining circumflex).
  EXPECT_EQ(one("tre\xCC\x82n 75%").condition, Condition::more_than);
}

TEST(Target, Ranges) {
  for (std::string_view s : {"6 - 8%", "6-8%", "từ 6% đến 8%", "6 - 8% GRDP", "6–8%"}) {
    TargetPart p = one(s);
    EXPECT_EQ(p.condition, Condition::within) << s;
    EXPECT_EQ(p.low, 6) << s;
    EXPECT_EQ(p.high, 8) << s;
    EXPECT_TRUE(p.percent) << s;
  }
  EXPECT_THROW_MSG((void)parse_target("8 - 6%"), ParseError,
                   "the range's lower end is above its upper end: '8 - 6%'");
}

TEST(Target, Milestones) {
  EXPECT_TRUE(parse_target("Hoàn thành").is_milestone());
  EXPECT_TRUE(parse_target("done").is_milestone());
  EXPECT_TRUE(parse_target("HOÀN THÀNH.").is_milestone());
  EXPECT_TRUE(parse_target("Thúc đẩy chuyển đổi số trong doanh nghiệp").is_milestone());
  // "4G/5G" are words, not numbers (Thái Bình 2023, target 14).
  EXPECT_TRUE(parse_target("Hoàn thành phổ cập dịch vụ mạng di động 4G/5G và điện thoại di "
                           "động thông minh")
                  .is_milestone());
}

TEST(Target, CompoundWithLabels) {
  Target t = parse_target("tỉnh: 90%; huyện: 80%; xã: 60%");
  ASSERT_EQ(t.parts.size(), 3u);
  EXPECT_EQ(t.parts[0].label, "tỉnh");
  EXPECT_EQ(t.parts[1].label, "huyện");
  EXPECT_EQ(t.parts[2].low, 60);
  EXPECT_EQ(t.describe(), "tỉnh: ≥ 90%; huyện: ≥ 80%; xã: ≥ 60%");
  Target u = parse_target("cấp xã: 100%; hộ gia đình: trên 75%");
  EXPECT_EQ(u.parts[1].condition, Condition::more_than);
}

TEST(Target, SentencesFromTheSeedsAreReadByTheirOnePercentage) {
  struct Case {
    const char* text;
    Condition condition;
    double low;
  };
  const Case cases[] = {
      // Đồng Tháp 2023 plan, Phụ lục I.
      {"Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ đạt 80% trở lên.", Condition::at_least, 80},
      {"Tỷ lệ họp trực tuyến trên tổng số cuộc họp có từ 02 cấp trở lên của các cơ quan nhà nước "
       "đạt tối thiểu 80%.",
       Condition::at_least, 80},
      {"Tỷ lệ máy tính cài đặt phần mềm phòng chống mã độc theo Chỉ thị số 14/CT-TTg đạt 95% "
       "trở lên.",
       Condition::at_least, 95},
      {"100% hệ thống thông tin dùng chung của tỉnh được giám sát 24/7 và đánh giá an toàn thông "
       "tin định kỳ hằng năm.",
       Condition::at_least, 100},
      {"Tổ chức tập huấn công tác bảo đảm an toàn thông tin cơ bản cho 300 cán bộ, công chức, "
       "viên chức trở lên.",
       Condition::at_least, 300},
      {"Tổ chức ít nhất 01 cuộc diễn tập an toàn thông tin. Trong đó, có nội dung diễn tập thực "
       "chiến.",
       Condition::at_least, 1},
      // Thái Bình 2023 plan, Phụ lục 01.
      {"Hạ tầng mạng băng thông rộng cáp quang phủ tới trên 75% hộ gia đình", Condition::more_than,
       75},
      {"Phấn đấu 80% dịch vụ công trực tuyến mức độ 4 hoặc toàn trình, được cung cấp trên nhiều "
       "phương tiện truy cập khác nhau (Quyết định số 2545/QĐ-UBND ngày 09/11/2022)",
       Condition::at_least, 80},
      {"Thực hiện cung cấp dữ liệu mở đầy đủ theo danh mục cơ sở dữ liệu dùng chung của tỉnh; "
       "năm 2023 đạt 60% theo danh mục đã phê duyệt tại Quyết định số 1472/QĐ-UBND ngày "
       "11/7/2022",
       Condition::at_least, 60},
      {"Phân đầu kinh tế số chiếm 20% GRDP", Condition::at_least, 20},
      // Thái Bình resolution: a range in a sentence.
      {"Kinh tế số chiếm 6 - 8% GRDP", Condition::within, 6},
  };
  for (const Case& c : cases) {
    TargetPart p = one(c.text);
    EXPECT_EQ(p.condition, c.condition) << c.text;
    EXPECT_EQ(p.low, c.low) << c.text;
  }
}

TEST(Target, AmbiguousSentenceListsTheNumbersItFound) {
  const std::string what = error_of(
      "Tỷ lệ văn bản điện tử có chứng thực số và ký số đạt 97% trở lên, tỷ lệ văn bản có đầy đủ "
      "chữ ký số của cơ quan và cá nhân lãnh đạo đạt 50% trở lên");
  EXPECT_NE(what.find("2 percentages (97%, 50%)"), std::string::npos) << what;
  const std::string counts = error_of(
      "Mỗi sở, ngành, đăng ký thực hiện ít nhất 01 mô hình chuyển đổi số tiêu biểu; mỗi huyện, "
      "thành phố đăng ký thực hiện ít nhất 02 mô hình chuyển đổi số tiêu biểu.");
  EXPECT_NE(counts.find("2 numbers (01, 02)"), std::string::npos) << counts;
}

TEST(Target, BadInputErrorsSayWhereAndWhatIsAccepted) {
  std::string what = error_of("gần 80%");
  EXPECT_NE(what.find("unknown comparator word 'gần'"), std::string::npos) << what;
  EXPECT_NE(what.find("accepted: X, đạt X"), std::string::npos) << what;
  try {
    (void)parse_target("khoảng 80%");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().column, 1u);
  }
  what = error_of("12.5%");
  EXPECT_NE(what.find("groups of exactly three digits"), std::string::npos) << what;
  what = error_of("abc%");
  EXPECT_NE(what.find("'abc' before '%' is not a number"), std::string::npos) << what;
  what = error_of("");
  EXPECT_NE(what.find("empty target"), std::string::npos) << what;
  what = error_of("   ");
  EXPECT_NE(what.find("empty target"), std::string::npos) << what;
}

TEST(Target, ErrorColumnPointsIntoTheText) {
  try {
    (void)parse_target("trên 1.5%");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().column, 6u);  // the number starts at character 6
  }
}

TEST(Target, DirectionOfTheIndicator) {
  TargetOptions lower;
  lower.direction = Direction::lower_is_better;
  EXPECT_EQ(one("5 ngày", lower).condition, Condition::at_most);
  EXPECT_THROW_MSG((void)parse_target("tối thiểu 5 ngày", lower), ParseError,
                   "the comparator says higher is better but the indicator's direction is lower: "
                   "'tối thiểu 5 ngày'");
  EXPECT_EQ(parse_direction("Giảm"), Direction::lower_is_better);
  EXPECT_EQ(parse_direction("higher"), Direction::higher_is_better);
  EXPECT_THROW_MSG(
      (void)parse_direction("sideways"), ParseError,
      "unknown direction; accepted: higher, lower (cao, thấp, tăng, giảm, +, -): 'sideways'");
}

TEST(Target, PlainNumberFormat) {
  TargetOptions plain;
  plain.format = NumberFormat::plain;
  EXPECT_DOUBLE_EQ(one("12.5%", plain).low, 12.5);
  EXPECT_DOUBLE_EQ(one("99,21%").low, 99.21);
}

TEST(Target, WordsWhoseLowerCaseChangesLengthStillMatch) {
  // U+1E9E (3 bytes) lower-cases to U+00DF (2 bytes): the lexer then folds word by word.
  TargetPart p = one("TỐI ĐA 5 \xE1\xBA\x9E");
  EXPECT_EQ(p.condition, Condition::at_most);
  EXPECT_EQ(p.unit, "\xE1\xBA\x9E");
}
