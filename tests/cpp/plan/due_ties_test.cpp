// Agencies by overdue tasks: most overdue first, then in the order the list first names them
// (docs/architecture.md, `dxkit due --by agency`); a task led twice by one agency counts once.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dxkit/date.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/due.hpp"

using namespace dxkit;

TEST(DueBoundaries, AgenciesWithAsManyOverdueTasksKeepTheirOrder) {
  auto task = [](std::vector<std::string> lead, const Date& day) {
    Assignment a;
    a.task = "t";
    a.lead = std::move(lead);
    a.deadline.kind = Deadline::Kind::due;
    a.deadline.due = day;
    return a;
  };
  const Date past(2024, 1, 1), future(2024, 12, 1);
  // A: 1 overdue, B: 1, C: 2, D: 1, E: 0; a task led twice by D counts once.
  const std::vector<Assignment> list = {task({"Sở A"}, past), task({"Sở B"}, past),
                                        task({"Sở C"}, past), task({"Sở D", "Sở D"}, past),
                                        task({"Sở C"}, past), task({"Sở E"}, future)};
  const auto groups = due_by_agency(due(list, Date(2024, 6, 1), 7));
  ASSERT_EQ(groups.size(), 5u);
  const char* order[] = {"Sở C", "Sở A", "Sở B", "Sở D", "Sở E"};
  const int overdue[] = {2, 1, 1, 1, 0};
  for (std::size_t k = 0; k < 5; ++k) {
    EXPECT_EQ(groups[k].agency, order[k]) << k;
    EXPECT_EQ(groups[k].count(DueStatus::overdue), overdue[k]) << k;
  }
  EXPECT_EQ(groups[4].count(DueStatus::open), 1);
}
