// Dates written "30-6-2023", "30.6.2023" and "ngày 30 tháng 6 năm 2023" in deadlines and
// dates (issue 13 point 7), range-checked like "30/6/2023".
#include <gtest/gtest.h>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/text/unicode.hpp"

using namespace dxkit;

namespace {
Date day(int y, int m, int d) {
  return Date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}
}  // namespace

TEST(DateForms, DashesDotsAndWordsInDeadlines) {
  for (const char* text : {"30/6/2023", "30-6-2023", "30.6.2023", "ngày 30 tháng 6 năm 2023",
                           "Ngày 30 tháng 06 năm 2023", "Hạn 30-06-2023"}) {
    const Deadline d = parse_deadline(text);
    EXPECT_EQ(d.kind, Deadline::Kind::due) << text;
    EXPECT_EQ(d.due, day(2023, 6, 30)) << text;
    EXPECT_EQ(d.text, text::trim(text)) << "spelling kept: " << text;
  }
  const Deadline before = parse_deadline("Trước ngày 30.6.2023");
  EXPECT_EQ(before.due, day(2023, 6, 29));
  const Deadline window = parse_deadline("Từ ngày 01-10-2023 đến 15-10-2023");
  EXPECT_EQ(window.kind, Deadline::Kind::window);
  EXPECT_EQ(window.start, day(2023, 10, 1));
  EXPECT_EQ(window.due, day(2023, 10, 15));
  // The month and quarter forms that were read already.
  EXPECT_EQ(parse_deadline("tháng 6/2023").due, day(2023, 6, 30));
  EXPECT_EQ(parse_deadline("Tháng 6 năm 2023").due, day(2023, 6, 30));
  EXPECT_EQ(parse_deadline("quý II/2023").due, day(2023, 6, 30));
  // A period of years is not a date: "2022-2024" stays a period.
  EXPECT_EQ(parse_deadline("2022-2024").kind, Deadline::Kind::window);
}

TEST(DateForms, ImpossibleDatesAreErrorsQuotingTheText) {
  EXPECT_THROW_MSG((void)parse_deadline("31-02-2023"), ParseError,
                   "no such date: 31/02/2023: '31-02-2023'");
  EXPECT_THROW_MSG((void)parse_deadline("ngày 31 tháng 4 năm 2023"), ParseError,
                   "no such date: 31/04/2023: 'ngày 31 tháng 4 năm 2023'");
  EXPECT_THROW_MSG((void)parse_date("30.13.2023"), ParseError,
                   "no such date: 30/13/2023: '30.13.2023'");
  // d/m/yyyy takes one or two digits for the day and the month and four for the year.
  for (const char* s : {"1/012/2023", "001/1/2023", "1/1/23", "1/1/02023", "/1/2023", "1//2023"})
    EXPECT_THROW_MSG((void)parse_date(s), ParseError,
                     std::string("a date is dd/mm/yyyy or YYYY-MM-DD: '") + s + "'");
  EXPECT_EQ(parse_date("01/02/2023"), day(2023, 2, 1));
  EXPECT_EQ(parse_date("1/2/2023"), day(2023, 2, 1));
}

TEST(DateForms, DocumentDatesFromTheSeeds) {
  // Thái Bình 2024 Phụ lục: "(Kèm theo Kế hoạch số 167/KH-UBND ngày 20 tháng 12 năm 2023)";
  // Thái Bình resolution: "ngày 27 tháng 9 năm 2019" (Nghị quyết 52-NQ/TW).
  EXPECT_EQ(parse_date("ngày 20 tháng 12 năm 2023"), day(2023, 12, 20));
  EXPECT_EQ(parse_date("27 tháng 9 năm 2019"), day(2019, 9, 27));
  EXPECT_EQ(parse_date("11-7-2022"), day(2022, 7, 11));
  EXPECT_EQ(parse_date("11.7.2022"), day(2022, 7, 11));
  EXPECT_EQ(parse_date("2022-07-11"), day(2022, 7, 11));
  EXPECT_THROW_MSG((void)parse_date("11.7.20222"), ParseError,
                   "a date is dd/mm/yyyy or YYYY-MM-DD: '11.7.20222'");
  // A day or month that is not digits, with a good year: an error, never a date made of the
  // year alone (a mutation pass found no test here).
  EXPECT_THROW_MSG((void)parse_date("x/6/2023"), ParseError,
                   "a date is dd/mm/yyyy or YYYY-MM-DD: 'x/6/2023'");
  EXPECT_THROW_MSG((void)parse_date("30/y/2023"), ParseError,
                   "a date is dd/mm/yyyy or YYYY-MM-DD: '30/y/2023'");
}
