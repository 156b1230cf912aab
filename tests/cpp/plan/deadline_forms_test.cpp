// Every deadline form of the accepted list (docs/progress.md, the message of parse_deadline)
// with one- and two-digit days, months and quarters, and each digit bound of the reader: a
// day or month of one to two digits, a year of exactly four. Each bound is pinned from both
// sides, so that a reader that takes one digit more or fewer gives a different answer here.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/deadline.hpp"

using namespace dxkit;

namespace {

Date day(int y, int m, int d) {
  return Date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

using K = Deadline::Kind;

struct Case {
  const char* text;
  K kind;
  std::optional<Date> start, due;
};

void expect_all(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const Deadline d = parse_deadline(c.text);
    EXPECT_EQ(d.kind, c.kind) << c.text;
    EXPECT_EQ(d.start, c.start) << c.text;
    EXPECT_EQ(d.due, c.due) << c.text;
  }
}

const std::string kNotADeadline =
    "not a deadline dxkit reads; accepted: 30/3/2024 (30-3-2024, 30.3.2024, ngày 30 tháng 3 năm "
    "2024), trước ngày 30/11/2024, Tháng 09/2023, Trước 09/2023, Trước tháng 05/2023, Cuối năm "
    "2023, Năm 2023, Trong năm 2023, Quý III/2023, 6 tháng đầu năm 2024, Từ ngày 01/10/2023 đến "
    "15/10/2023, 2022 - 2024, trước 17 giờ ngày 30/6/2023, 30/6/2023 14:30, Thường xuyên, Trước "
    "khi ..., Theo ..., or blank (docs/progress.md)";

void expect_not_a_deadline(const std::string& text) {
  EXPECT_THROW_MSG((void)parse_deadline(text), ParseError, kNotADeadline + ": '" + text + "'");
}

}  // namespace

TEST(DeadlineForms, ADayWithOneAndTwoDigitDaysAndMonths) {
  expect_all({
      {"1/3/2024", K::due, std::nullopt, day(2024, 3, 1)},
      {"01/03/2024", K::due, std::nullopt, day(2024, 3, 1)},
      {"9/12/2024", K::due, std::nullopt, day(2024, 12, 9)},
      {"31/1/2024", K::due, std::nullopt, day(2024, 1, 31)},
      {"10/10/2024", K::due, std::nullopt, day(2024, 10, 10)},
      {"Ngày 5/6/2023", K::due, std::nullopt, day(2023, 6, 5)},
      {"Hạn 5/6/2023", K::due, std::nullopt, day(2023, 6, 5)},
      {"Đến ngày 5/6/2023", K::due, std::nullopt, day(2023, 6, 5)},
      {"Hoàn thành 15/6/2023", K::due, std::nullopt, day(2023, 6, 15)},
      // "trước ngày D" is the day before D, across a month and a year and on a leap day.
      {"Trước ngày 1/3/2024", K::due, std::nullopt, day(2024, 2, 29)},
      {"Trước ngày 1/3/2023", K::due, std::nullopt, day(2023, 2, 28)},
      {"trước ngày 01/01/2024", K::due, std::nullopt, day(2023, 12, 31)},
      {"Trước 9/9/2023", K::due, std::nullopt, day(2023, 9, 8)},
      {"Trước ngày 10/10/2023", K::due, std::nullopt, day(2023, 10, 9)},
  });
}

TEST(DeadlineForms, AWindowOfDaysMayStartAndEndOnOneDay) {
  expect_all({
      {"Từ ngày 1/9/2023 đến 9/9/2023", K::window, day(2023, 9, 1), day(2023, 9, 9)},
      {"Từ 1/9/2023 đến ngày 30/9/2023", K::window, day(2023, 9, 1), day(2023, 9, 30)},
      {"1/9/2023 - 10/10/2023", K::window, day(2023, 9, 1), day(2023, 10, 10)},
      // The period may be a single day: it ends on the day it starts.
      {"Từ ngày 01/10/2023 đến 01/10/2023", K::window, day(2023, 10, 1), day(2023, 10, 1)},
      {"Từ ngày 31/12/2023 đến 1/1/2024", K::window, day(2023, 12, 31), day(2024, 1, 1)},
  });
  EXPECT_THROW_MSG((void)parse_deadline("Từ ngày 2/10/2023 đến 1/10/2023"), ParseError,
                   "the period ends before it starts: 'Từ ngày 2/10/2023 đến 1/10/2023'");
  EXPECT_EQ(parse_deadline("Từ ngày 1/9/2023 đến 9/9/2023").reading,
            "from 2023-09-01 to 2023-09-09");
}

TEST(DeadlineForms, AMonthAndTheDayBeforeAMonth) {
  expect_all({
      {"Tháng 1/2024", K::window, day(2024, 1, 1), day(2024, 1, 31)},
      {"Tháng 01/2024", K::window, day(2024, 1, 1), day(2024, 1, 31)},
      {"Tháng 2/2023", K::window, day(2023, 2, 1), day(2023, 2, 28)},
      {"Tháng 4/2024", K::window, day(2024, 4, 1), day(2024, 4, 30)},
      {"Tháng 10/2024", K::window, day(2024, 10, 1), day(2024, 10, 31)},
      {"Tháng 12/2024", K::window, day(2024, 12, 1), day(2024, 12, 31)},
      {"Tháng 1 năm 2024", K::window, day(2024, 1, 1), day(2024, 1, 31)},
      {"tháng 11 năm 2023", K::window, day(2023, 11, 1), day(2023, 11, 30)},
      {"Trước 1/2024", K::due, std::nullopt, day(2023, 12, 31)},
      {"Trước 3/2024", K::due, std::nullopt, day(2024, 2, 29)},
      {"Trước 10/2023", K::due, std::nullopt, day(2023, 9, 30)},
      {"Trước 12/2023", K::due, std::nullopt, day(2023, 11, 30)},
      {"Trước tháng 1/2024", K::due, std::nullopt, day(2023, 12, 31)},
      {"Trước tháng 12/2024", K::due, std::nullopt, day(2024, 11, 30)},
  });
  EXPECT_EQ(parse_deadline("Tháng 1/2024").reading, "within 2024-01");
  EXPECT_EQ(parse_deadline("Trước 1/2024").reading, "by 2023-12-31 (before the month written)");
  // Month 0 and 13 do not exist; a month of three digits is no month at all.
  EXPECT_THROW_MSG((void)parse_deadline("Tháng 0/2024"), ParseError,
                   "no such date: 01/00/2024: 'Tháng 0/2024'");
  EXPECT_THROW_MSG((void)parse_deadline("Trước 13/2024"), ParseError,
                   "no such date: 01/13/2024: 'Trước 13/2024'");
  for (const char* s : {"Tháng 001/2024", "Trước 001/2024", "Tháng 100/2024"})
    expect_not_a_deadline(s);
}

TEST(DeadlineForms, EveryQuarterInDigitsAndRomanNumerals) {
  const int first_month[] = {1, 4, 7, 10};
  const Date last_day[] = {day(2024, 3, 31), day(2024, 6, 30), day(2024, 9, 30), day(2024, 12, 31)};
  const char* roman[] = {"I", "II", "III", "IV"};
  for (int q = 1; q <= 4; ++q) {
    for (const std::string& text :
         {"Quý " + std::to_string(q) + "/2024", "Quý " + std::string(roman[q - 1]) + "/2024",
          "quý " + std::string(roman[q - 1]) + " năm 2024",
          "Quý " + std::to_string(q) + " năm 2024"}) {
      const Deadline d = parse_deadline(text);
      EXPECT_EQ(d.kind, K::window) << text;
      EXPECT_EQ(d.start, day(2024, first_month[q - 1], 1)) << text;
      EXPECT_EQ(d.due, last_day[q - 1]) << text;
      EXPECT_EQ(d.reading, "within quarter " + std::to_string(q) + " of 2024") << text;
    }
  }
  // No fifth quarter and no quarter 0, in digits or numerals; "Quý" alone is no deadline.
  for (const char* s :
       {"Quý 5/2024", "Quý V/2024", "Quý 0/2024", "Quý 10/2024", "Quý", "Quý 2024", "Quý II"})
    expect_not_a_deadline(s);
}

TEST(DeadlineForms, YearsHalfYearsAndPeriods) {
  expect_all({
      {"Cuối năm 2024", K::due, std::nullopt, day(2024, 12, 31)},
      {"Đến cuối năm 2024", K::due, std::nullopt, day(2024, 12, 31)},
      {"Trước 31/12 2024", K::due, std::nullopt, day(2024, 12, 31)},
      {"Năm 2024", K::window, day(2024, 1, 1), day(2024, 12, 31)},
      {"Cả năm 2024", K::window, day(2024, 1, 1), day(2024, 12, 31)},
      {"6 tháng đầu năm 2023", K::window, day(2023, 1, 1), day(2023, 6, 30)},
      {"6 tháng cuối năm 2023", K::window, day(2023, 7, 1), day(2023, 12, 31)},
      {"Sáu tháng đầu năm 2023", K::window, day(2023, 1, 1), day(2023, 6, 30)},
      // A period of one year is that year; of two, both.
      {"2023 - 2023", K::window, day(2023, 1, 1), day(2023, 12, 31)},
      {"2023 - 2024", K::window, day(2023, 1, 1), day(2024, 12, 31)},
      {"Giai đoạn 2021 - 2025", K::window, day(2021, 1, 1), day(2025, 12, 31)},
      {"Năm 2021 đến 2025", K::window, day(2021, 1, 1), day(2025, 12, 31)},
  });
  EXPECT_EQ(parse_deadline("Cuối năm 2024").reading, "by 2024-12-31 (end of the year)");
  EXPECT_EQ(parse_deadline("6 tháng cuối năm 2023").reading, "within the second half of 2023");
  EXPECT_EQ(parse_deadline("Giai đoạn 2021 - 2025").reading, "from 2021 to 2025");
  EXPECT_THROW_MSG((void)parse_deadline("2024 - 2023"), ParseError,
                   "the period ends before it starts: '2024 - 2023'");
}

// A year is four digits in every form: three or five is not a deadline (not a year 999 or
// 20245 that would then fail as a date).
TEST(DeadlineForms, AYearIsExactlyFourDigitsInEveryForm) {
  for (const std::string& year : {"999", "20245"}) {
    for (const std::string& text :
         {"1/3/" + year, "Trước ngày 1/3/" + year, "Tháng 3/" + year, "Tháng 3 năm " + year,
          "Trước 3/" + year, "Trước tháng 3/" + year, "Cuối năm " + year, "Năm " + year,
          "Quý 1/" + year, "Quý I năm " + year, "6 tháng đầu năm " + year, "2022 - " + year,
          year + " - 2024", "Từ ngày 1/3/2024 đến 2/3/" + year, "Trước 31/12 " + year})
      expect_not_a_deadline(text);
  }
  // Days and months have one or two digits.
  for (const char* s :
       {"100/3/2024", "001/3/2024", "1/100/2024", "1/003/2024", "Trước ngày 100/3/2024"})
    expect_not_a_deadline(s);
  // Four digits, but before Boost's first year: a located error, not an internal one.
  EXPECT_THROW_MSG((void)parse_deadline("Trước 01/1400"), ParseError,
                   "the date is outside the years 1400..9999: 'Trước 01/1400'");
  EXPECT_EQ(parse_deadline("Năm 1400").start, day(1400, 1, 1));
  EXPECT_EQ(parse_deadline("Năm 9999").due, day(9999, 12, 31));
}

TEST(DeadlineForms, PhrasesAloneAreNotDeadlines) {
  // "Theo ..." is set elsewhere only when something follows it.
  EXPECT_EQ(parse_deadline("Theo kế hoạch của UBND tỉnh").kind, K::elsewhere);
  expect_not_a_deadline("Theo");
  EXPECT_EQ(parse_deadline("Khi có yêu cầu").kind, K::on_event);
  EXPECT_EQ(parse_deadline("Sau khi được phê duyệt").kind, K::on_event);
  EXPECT_EQ(parse_deadline("Hàng năm").kind, K::recurring);
  for (const char* s :
       {"Tháng", "Năm", "Trước", "Cuối năm", "Từ ngày 1/9/2023", "Từ ngày 1/9/2023 đến"})
    expect_not_a_deadline(s);
  // A month or quarter and its year are joined by '/' only: '-' and '.' there are not the
  // same form (a full date may use them: 30-3-2024, 30.3.2024).
  for (const char* s : {"Tháng 9-2023", "Tháng 9.2023", "Quý 4-2024", "Trước 09-2023"})
    expect_not_a_deadline(s);
  EXPECT_EQ(parse_deadline("Tháng 9/2023").kind, K::window);
}

TEST(DeadlineForms, IsoAndDocumentDatesAtTheirDigitBounds) {
  EXPECT_EQ(parse_iso_date("2024-01-09"), day(2024, 1, 9));
  EXPECT_EQ(parse_iso_date("2024-12-31"), day(2024, 12, 31));
  EXPECT_EQ(parse_iso_date(" 2024-12-31 "), day(2024, 12, 31));
  for (const char* s : {"2024-1-09", "2024-01-9", "2024-01-091", "2024/01/09", "20240-01-09",
                        "24-01-09", "2024-01-0x"})
    EXPECT_THROW_MSG((void)parse_iso_date(s), ParseError,
                     std::string("a date is written YYYY-MM-DD: '") + s + "'");
  EXPECT_EQ(parse_date("1/1/2024"), day(2024, 1, 1));
  EXPECT_EQ(parse_date("31/12/2024"), day(2024, 12, 31));
  EXPECT_EQ(parse_date("9/10/2024"), day(2024, 10, 9));
  EXPECT_EQ(parse_date("10/9/2024"), day(2024, 9, 10));
  EXPECT_EQ(parse_date("ngày 1 tháng 1 năm 2024"), day(2024, 1, 1));
  EXPECT_EQ(parse_date("Ngày 01-01-2024"), day(2024, 1, 1));
  EXPECT_EQ(parse_date("2024-01-01"), day(2024, 1, 1));
  for (const char* s : {"1/1/999", "1/1/20240", "123/1/2024", "1/123/2024", "1/1/2024/",
                        "1-1-2024x", "ngày 1/1/2024"})
    EXPECT_THROW_MSG((void)parse_date(s), ParseError,
                     std::string("a date is dd/mm/yyyy or YYYY-MM-DD: '") + s + "'");
}

TEST(DeadlineForms, ATimeOfDayKeepsItsDay) {
  // Dispatches set a time of day ("trước 17 giờ ngày 15/12/2023"), and an Excel date-time
  // cell shows one ("30/6/2023 14:30"). Before a time is still that day: due on the day
  // written, not the day before as "trước ngày 30/6/2023" (29/6) is.
  for (const char* s :
       {"trước 17 giờ ngày 30/6/2023", "Trước 17h00 ngày 30/6/2023", "17h ngày 30/6/2023",
        "trước 17 giờ 30 phút, ngày 30/6/2023", "lúc 8:00 ngày 30/6/2023", "30/6/2023 14:30",
        "30/06/2023 14:30:15", "ngày 30/6/2023 lúc 14 giờ", "trước ngày 30/6/2023, 17h00",
        "Trước 17 giờ 00 ngày 30-6-2023", "0:00 30/6/2023", "30/6/2023 23:59"})
    expect_all({{s, K::due, std::nullopt, day(2023, 6, 30)}});
  EXPECT_EQ(parse_deadline("Trước 17h30 ngày 30/6/2023").reading, "by 2023-06-30 (17:30 that day)");
  EXPECT_EQ(parse_deadline("trước ngày 30/6/2023").due, day(2023, 6, 29));
  // Hours 0-23, minutes and seconds 0-59, two digits after a colon; a clock with no day, or
  // a day with a broken clock, is no deadline.
  for (const char* s : {"24:00 30/6/2023", "30/6/2023 14:60", "30/6/2023 14:5",
                        "30/6/2023 14:30:60", "24h ngày 30/6/2023", "17h60 ngày 30/6/2023",
                        "17h3 ngày 30/6/2023", "trước 17 giờ", "17 giờ 60 ngày 30/6/2023",
                        "30/6/2023 lúc", "trước 17 giờ ngày 06/2023", "123h ngày 30/6/2023"})
    expect_not_a_deadline(s);
  EXPECT_THROW_MSG((void)parse_deadline("17h ngày 31/6/2023"), ParseError,
                   "no such date: 31/06/2023: '17h ngày 31/6/2023'");
  // A document date written with its time (an Excel date-time cell) is its date.
  EXPECT_EQ(parse_date("30/6/2023 14:30"), day(2023, 6, 30));
  EXPECT_EQ(parse_date("30/6/2023 8:05:59"), day(2023, 6, 30));
  for (const char* s : {"30/6/2023 24:00", "30/6/2023 14:3", "30/6/2023 14:30:", "30/6/2023 x:30"})
    EXPECT_THROW_MSG((void)parse_date(s), ParseError,
                     std::string("a date is dd/mm/yyyy or YYYY-MM-DD: '") + s + "'");
}
