// Deadlines at their edges and cells from Word and Excel: wrong answers a mutation audit
// showed no other test noticed.
#include <gtest/gtest.h>

#include <vector>

#include "dxkit/date.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/unicode.hpp"

using namespace dxkit;

namespace {

Assignment due_on(const Date& day) {
  Assignment a;
  a.task = "task";
  a.deadline.kind = Deadline::Kind::due;
  a.deadline.due = day;
  return a;
}

}  // namespace

// docs/progress.md: due soon = the last day is within the next N days, today included.
TEST(DueBoundaries, TodayAndExactlyWithinDaysAreDueSoon) {
  const Date today(2024, 3, 1);
  const std::vector<Assignment> list = {due_on(Date(2024, 3, 1)), due_on(Date(2024, 3, 8)),
                                        due_on(Date(2024, 3, 9)), due_on(Date(2024, 2, 29))};
  const std::vector<DueItem> items = due(list, today, 7);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].status, DueStatus::due_soon);
  EXPECT_EQ(*items[0].days, 0);
  EXPECT_EQ(items[1].status, DueStatus::due_soon);  // in exactly 7 days
  EXPECT_EQ(*items[1].days, 7);
  EXPECT_EQ(items[2].status, DueStatus::open);  // in 8
  EXPECT_EQ(items[3].status, DueStatus::overdue);
  EXPECT_EQ(*items[3].days, -1);
  EXPECT_EQ(due(list, today, 0)[0].status, DueStatus::due_soon);
}

TEST(CellBoundaries, LeadingAndTrailingNoBreakSpaceAreTrimmed) {
  EXPECT_EQ(text::trim("\xC2\xA0"
                       "Kinh tế số"
                       "\xC2\xA0 "),
            "Kinh tế số");
  const csv::Table t = csv::parse(
      "code,name\n1,\xC2\xA0"
      "Chính quyền số\n",
      "word.csv");
  EXPECT_EQ(t.columns[1][0], "Chính quyền số");
}
