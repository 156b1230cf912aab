// Deadlines in words and the assignment appendices of the seeds (Đồng Tháp 2023 Phụ lục VII,
// Hải Dương 2023 Phụ lục 1 and 2), with a due list as of a fixed date.
#include "dxkit/plan/deadline.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/text/vocabularies.hpp"

using namespace dxkit;

namespace {
const std::string kExamples = DXKIT_EXAMPLES_DIR;
Date day(int y, int m, int d) {
  return Date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}
}  // namespace

TEST(Deadline, EveryFormOfTheIssue) {
  using K = Deadline::Kind;
  struct Case {
    const char* text;
    K kind;
    std::optional<Date> start, due;
  };
  const std::vector<Case> cases = {
      {"Tháng 09/2023", K::window, day(2023, 9, 1), day(2023, 9, 30)},
      {"Trước 09/2023", K::due, std::nullopt, day(2023, 8, 31)},
      {"Tháng 9/2023", K::window, day(2023, 9, 1), day(2023, 9, 30)},  // a one-digit month
      {"Trước 9/2023", K::due, std::nullopt, day(2023, 8, 31)},
      {"Trước tháng 05/2023", K::due, std::nullopt, day(2023, 4, 30)},
      {"Cuối năm 2023", K::due, std::nullopt, day(2023, 12, 31)},
      {"Năm 2023", K::window, day(2023, 1, 1), day(2023, 12, 31)},
      {"Trong năm 2023", K::window, day(2023, 1, 1), day(2023, 12, 31)},
      {"Quý III/2023", K::window, day(2023, 7, 1), day(2023, 9, 30)},
      {"Quý I/2024", K::window, day(2024, 1, 1), day(2024, 3, 31)},
      {"Từ ngày 01/10/2023 đến 15/10/2023", K::window, day(2023, 10, 1), day(2023, 10, 15)},
      {"30/3/2024", K::due, std::nullopt, day(2024, 3, 30)},
      {"trước ngày 30/11/2024", K::due, std::nullopt, day(2024, 11, 29)},
      {"2022 - 2024", K::window, day(2022, 1, 1), day(2024, 12, 31)},
      {"Tháng 02/2024", K::window, day(2024, 2, 1), day(2024, 2, 29)},  // a leap year
      {"Thường xuyên", K::recurring, std::nullopt, std::nullopt},
      {"Nhiệm vụ thường xuyên", K::recurring, std::nullopt, std::nullopt},
      {"Kiểm tra thường xuyên", K::recurring, std::nullopt, std::nullopt},
      {"Trước khi đưa vào sử dụng chính thức", K::on_event, std::nullopt, std::nullopt},
      {"Theo thời gian yêu cầu của các cơ quan TW", K::elsewhere, std::nullopt, std::nullopt},
      {"", K::none, std::nullopt, std::nullopt},
      {"  CUỐI   NĂM 2023. ", K::due, std::nullopt, day(2023, 12, 31)},
  };
  for (const Case& c : cases) {
    const Deadline d = parse_deadline(c.text);
    EXPECT_EQ(d.kind, c.kind) << c.text;
    EXPECT_EQ(d.start, c.start) << c.text;
    EXPECT_EQ(d.due, c.due) << c.text;
    EXPECT_FALSE(d.reading.empty()) << c.text;
  }
}

TEST(Deadline, WhatItCannotReadIsAnErrorQuotingTheText) {
  try {
    (void)parse_deadline("31/02/2023");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.text(), "31/02/2023");
    EXPECT_NE(e.message().find("no such date: 31/02/2023"), std::string::npos);
  }
  try {
    (void)parse_deadline("Sớm nhất có thể");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.text(), "Sớm nhất có thể");
    EXPECT_NE(e.message().find("not a deadline dxkit reads"), std::string::npos);
  }
  EXPECT_THROW_MSG((void)parse_deadline("Tháng 13/2023"), ParseError,
                   "no such date: 01/13/2023: 'Tháng 13/2023'");
  EXPECT_THROW_MSG((void)parse_deadline("Từ ngày 15/10/2023 đến 01/10/2023"), ParseError,
                   "the period ends before it starts: 'Từ ngày 15/10/2023 đến 01/10/2023'");
  EXPECT_THROW_MSG((void)parse_iso_date("2023-02-30"), ParseError,
                   "no such date: 30/02/2023: '2023-02-30'");
  EXPECT_EQ(parse_iso_date("2023-07-01"), day(2023, 7, 1));
}

TEST(Assignments, DongThap2023AppendixVIIDueOnTheFirstOfJuly) {
  const auto list = read_assignments(kExamples + "/dong_thap_2023_assignments.csv");
  ASSERT_EQ(list.size(), 55u);  // 62 rows less 7 section headings
  EXPECT_EQ(list[0].number, "I.1");
  EXPECT_EQ(list[0].section, "XÂY DỰNG DỮ LIỆU SỐ");
  EXPECT_EQ(list[0].lead, (std::vector<std::string>{"Sở TTTT"}));
  EXPECT_EQ(list[0].deadline.due, day(2023, 9, 30));  // Tháng 09/2023
  const auto items = due(list, day(2023, 7, 1), 30);
  std::map<DueStatus, int> count;
  for (const DueItem& i : items) ++count[i.status];
  // Counted from the appendix: Cuối năm 2023 ×31, Tháng 06/2023 ×5, Tháng 09/2023 ×2,
  // Tháng 11/2023 ×2, Trong năm 2023 ×2, Trước khi đưa vào sử dụng chính thức ×2, and once
  // each Trước tháng 05/2023, Tháng 05/2023, Tháng 08/2023, Trước 09/2023, Tháng 10/2023,
  // Từ ngày 01/10/2023 đến 15/10/2023, Cuối năm 2025, Nhiệm vụ thường xuyên, Kiểm tra thường
  // xuyên, Thường xuyên, Theo thời gian yêu cầu của các cơ quan TW.
  // On 1 July 2023: Trước tháng 05 (1), Tháng 05 (1) and Tháng 06 (5) have passed: 7 overdue;
  // nothing falls due in July.
  EXPECT_EQ(count[DueStatus::overdue], 7);
  EXPECT_EQ(count[DueStatus::due_soon], 0);
  EXPECT_EQ(count[DueStatus::recurring], 3);
  EXPECT_EQ(count[DueStatus::undated], 3);  // two "Trước khi ..." and one "Theo ..."
  EXPECT_EQ(count[DueStatus::open], 55 - 7 - 3 - 3);
  // Ninety days ahead (to 29 September): Tháng 08 and Trước 09/2023, both by 31 August;
  // Tháng 09 ends on 30 September, 91 days away.
  int soon = 0;
  for (const DueItem& i : due(list, day(2023, 7, 1), 90)) soon += i.status == DueStatus::due_soon;
  EXPECT_EQ(soon, 2);
}

TEST(Assignments, HaiDuongAppendicesAndAMissingDeadlineColumn) {
  const auto projects = read_assignments(kExamples + "/hai_duong_2023_projects.csv");
  EXPECT_EQ(projects.front().section.rfind("Các dự án, nhiệm vụ đã được phê duyệt", 0), 0u);
  EXPECT_EQ(projects.front().deadline.kind, Deadline::Kind::window);  // Năm 2023
  int blank = 0;
  for (const auto& a : projects) blank += a.deadline.kind == Deadline::Kind::none;
  EXPECT_GT(blank, 0);
  const auto targets = read_assignments(kExamples + "/hai_duong_2023_targets.csv", "Cuối năm 2023");
  for (const auto& a : targets) EXPECT_EQ(a.deadline.due, day(2023, 12, 31)) << a.number;
  try {
    (void)read_assignments(csv::parse("STT,Nội dung chỉ tiêu,Phối hợp\n1,x,y\n", "pl2.csv"));
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("pl2.csv:1: missing the lead agency column"),
              std::string::npos);
  }
  try {
    (void)read_assignments(csv::parse("STT,Task,Lead,Deadline\n1,x,Sở A,31/02/2023\n", "a.csv"));
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("a.csv:2 (column 'Deadline'): no such date"),
              std::string::npos);
  }
}

TEST(Assignments, CalendarFile) {
  const auto list = read_assignments(csv::parse(
      "STT,Task,Lead,Support,Deadline\n1,Tổ chức diễn tập thực chiến ATTT; giai đoạn 1,Sở TTTT,"
      "Đội ứng cứu,Tháng 11/2023\n2,Báo cáo,Sở Nội vụ,,Thường xuyên\n",
      "a.csv"));
  const std::string ics = to_ics(list, "Kế hoạch CĐS");
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20231101\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTEND;VALUE=DATE:20231201\r\n"), std::string::npos);
  EXPECT_NE(ics.find("ATTT\\; giai"), std::string::npos);  // escaped
  EXPECT_EQ(ics.find("Báo cáo"), std::string::npos);       // a standing task has no date
  std::size_t start = 0;
  while (start < ics.size()) {  // every line at most 75 octets
    const std::size_t end = ics.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 75u);
    start = end + 2;
  }
}

TEST(Deadline, HalfYearsArePhrasesOfTheVocabulary) {
  // "6 tháng đầu năm" is known only from text::deadline_words(): the phrase table.
  const Deadline first = parse_deadline("6 tháng đầu năm 2024");
  EXPECT_EQ(first.kind, Deadline::Kind::window);
  EXPECT_EQ(first.start, day(2024, 1, 1));
  EXPECT_EQ(first.due, day(2024, 6, 30));
  EXPECT_EQ(first.reading, "within the first half of 2024");
  const Deadline second = parse_deadline("Sáu tháng cuối năm 2023");
  EXPECT_EQ(second.start, day(2023, 7, 1));
  EXPECT_EQ(second.due, day(2023, 12, 31));
  EXPECT_EQ(parse_deadline("Tháng 9 năm 2023").due, day(2023, 9, 30));
  EXPECT_EQ(parse_deadline("Quý 2 năm 2024").start, day(2024, 4, 1));
  // Every quarter in digits and in Roman numerals: the fourth ends the year.
  for (const char* q : {"Quý 4/2024", "Quý IV/2024", "quý 4 năm 2024"}) {
    EXPECT_EQ(parse_deadline(q).start, day(2024, 10, 1)) << q;
    EXPECT_EQ(parse_deadline(q).due, day(2024, 12, 31)) << q;
  }
  EXPECT_EQ(parse_deadline("Quý 1/2024").due, day(2024, 3, 31));
  EXPECT_EQ(parse_deadline("Quý 3/2024").due, day(2024, 9, 30));
  EXPECT_EQ(parse_deadline("Trước 31/12 2023").due, day(2023, 12, 31));
  EXPECT_EQ(parse_deadline("Trước 31/12/2023").due, day(2023, 12, 30));  // the day before
  EXPECT_EQ(parse_deadline("Hằng năm").kind, Deadline::Kind::recurring);
  EXPECT_EQ(parse_deadline("Liên tục").kind, Deadline::Kind::recurring);
}

TEST(Deadline, LongAndOddInputIsAnErrorNotACrash) {
  // One line of ~100 KB: a located error (the text is quoted), never a stack overflow.
  const std::string long_line = "Trước ngày " + std::string(100000, '1') + "/11/2024";
  try {
    (void)parse_deadline(long_line);
    FAIL() << "no error";
  } catch (const ParseError& e) {
    // The quote is cut to 200 bytes with an ellipsis (error.cpp): the start is the input's.
    EXPECT_EQ(e.text(), long_line.substr(0, 200) + "…");
    EXPECT_NE(e.message().find("not a deadline dxkit reads"), std::string::npos);
  }
  const std::string kNotADeadline =
      "not a deadline dxkit reads; accepted: 30/3/2024 (30-3-2024, 30.3.2024, ngày 30 tháng 3 năm "
      "2024), trước ngày 30/11/2024, Tháng 09/2023, "
      "Trước 09/2023, Trước tháng 05/2023, Cuối năm 2023, Năm 2023, Trong năm 2023, Quý III/2023, "
      "6 tháng đầu năm 2024, Từ ngày 01/10/2023 đến 15/10/2023, 2022 - 2024, trước 17 giờ ngày "
      "30/6/2023, 30/6/2023 14:30, Thường xuyên, Trước "
      "khi ..., Theo ..., or blank (docs/progress.md): ";
  std::string words;
  for (int i = 0; i < 20000; ++i) words += "quý ";
  EXPECT_THROW_MSG((void)parse_deadline(words + "III/2023"), ParseError,
                   kNotADeadline + "'" + words.substr(0, 200) + "…'");
  EXPECT_EQ(parse_deadline("Thường xuyên " + std::string(100000, 'x')).kind,
            Deadline::Kind::recurring);
  // An unbounded digit run where a year goes: not read as a number at all.
  EXPECT_THROW_MSG((void)parse_deadline("Năm " + std::string(400, '9')), ParseError,
                   kNotADeadline + "'Năm " + std::string(195, '9') + "…'");
  EXPECT_THROW_MSG((void)parse_date("1/1/" + std::string(400, '9')), ParseError,
                   "a date is dd/mm/yyyy or YYYY-MM-DD: '1/1/" + std::string(196, '9') + "…'");
  EXPECT_THROW_MSG((void)parse_iso_date("99999-01-01"), ParseError,
                   "a date is written YYYY-MM-DD: '99999-01-01'");
  // Dates are written without spaces inside.
  EXPECT_THROW_MSG((void)parse_deadline("30 / 3 / 2024"), ParseError,
                   kNotADeadline + "'30 / 3 / 2024'");
  EXPECT_EQ(parse_date(" 5/7/2023 "), day(2023, 7, 5));
}

TEST(Assignments, DueListGroupsTheSpellingsOfOneAgency) {
  EXPECT_EQ(text::agency_of("Sở TT và TT"), "Sở TTTT");
  // Đồng Tháp 2023 Phụ lục VII: "Sở TTTT" leads 20 tasks, "Sở TT&TT" one (row 29, "Kinh tế số
  // chiếm trên 4% GRDP", Cuối năm 2023): one agency, shown as the first spelling.
  const auto dt = read_assignments(kExamples + "/dong_thap_2023_assignments.csv");
  const auto groups = due_by_agency(due(dt, day(2023, 7, 1), 30));
  int tttt = 0;
  for (const AgencyDue& g : groups) {
    EXPECT_NE(g.agency, "Sở TT&TT");
    if (g.agency != "Sở TTTT") continue;
    ++tttt;
    EXPECT_EQ(g.count(DueStatus::open), 16);  // 15 as "Sở TTTT" and the one as "Sở TT&TT"
    EXPECT_EQ(g.count(DueStatus::overdue), 1);
  }
  EXPECT_EQ(tttt, 1);
  EXPECT_EQ(groups.front().agency, "Các sở, ngành Tỉnh");  // most overdue (2) first
  // Hải Dương 2023: Phụ lục 2 writes "Sở TTTT" (9 targets), Phụ lục 1 "Sở Thông tin và Truyền
  // thông" (15 projects); together they are one agency of 24 tasks.
  auto hd = read_assignments(kExamples + "/hai_duong_2023_targets.csv", "Cuối năm 2023");
  const auto projects = read_assignments(kExamples + "/hai_duong_2023_projects.csv");
  hd.insert(hd.end(), projects.begin(), projects.end());
  const auto both = due_by_agency(due(hd, day(2023, 7, 1), 30));
  const auto tt = std::find_if(both.begin(), both.end(),
                               [](const AgencyDue& g) { return g.agency == "Sở TTTT"; });
  ASSERT_NE(tt, both.end());
  EXPECT_EQ(tt->count(DueStatus::open), 9 + 9);
  EXPECT_EQ(tt->count(DueStatus::recurring), 2);
  EXPECT_EQ(tt->count(DueStatus::undated), 4);
  for (const AgencyDue& g : both) EXPECT_NE(g.agency, "Sở Thông tin và Truyền thông");
  // A task led by two spellings of one agency counts once for it.
  const auto twice = read_assignments(
      csv::parse("STT,Task,Lead,Deadline\n1,x,Sở TTTT; Sở TT và TT,Tháng 5/2023\n", "a.csv"));
  const auto one = due_by_agency(due(twice, day(2023, 7, 1), 30));
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].agency, "Sở TTTT");
  EXPECT_EQ(one[0].count(DueStatus::overdue), 1);
}
