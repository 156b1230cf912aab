// Where each task of an assignment appendix stands on a day, and the same per lead agency
// (an agency's spellings as one, through text::agency_of).
#include "dxkit/plan/due.hpp"

#include <algorithm>
#include <map>

#include "dxkit/error.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit {

const char* to_string(DueStatus s) {
  switch (s) {
    case DueStatus::done:
      return "done";
    case DueStatus::overdue:
      return "overdue";
    case DueStatus::due_soon:
      return "due_soon";
    case DueStatus::open:
      return "open";
    case DueStatus::recurring:
      return "recurring";
    case DueStatus::undated:
      return "undated";
  }
  return "";
}

std::vector<DueItem> due(const std::vector<Assignment>& list, const Date& as_of, int within) {
  if (within < 0) throw ValidationError("the number of days ahead must be >= 0");
  std::vector<DueItem> out;
  for (const Assignment& a : list) {
    DueItem item;
    item.assignment = &a;
    if (a.deadline.due) item.days = days_between(as_of, *a.deadline.due);
    if (a.status == "done")
      item.status = DueStatus::done;
    else if (a.deadline.kind == Deadline::Kind::recurring)
      item.status = DueStatus::recurring;
    else if (!a.deadline.due)
      item.status = DueStatus::undated;
    else if (*item.days < 0)
      item.status = DueStatus::overdue;
    else if (*item.days <= within)
      item.status = DueStatus::due_soon;
    else
      item.status = DueStatus::open;
    out.push_back(item);
  }
  return out;
}

std::vector<AgencyDue> due_by_agency(const std::vector<DueItem>& items) {
  return due_by_agency(items, AgencyAliases{});
}

std::vector<AgencyDue> due_by_agency(const std::vector<DueItem>& items,
                                     const AgencyAliases& aliases) {
  std::vector<AgencyDue> out;
  std::map<std::string, std::size_t> index;  // the agency (text::agency_of) -> row of out
  for (const DueItem& i : items) {
    std::vector<std::size_t> counted;  // rows this task already counts for
    for (const std::string& lead : i.assignment->lead) {
      const auto [at, added] = index.try_emplace(aliases.agency_of(lead), out.size());
      if (added) out.push_back(AgencyDue{lead, {}});
      if (std::find(counted.begin(), counted.end(), at->second) != counted.end()) continue;
      counted.push_back(at->second);
      ++out[at->second].by_status[static_cast<std::size_t>(i.status)];
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const AgencyDue& x, const AgencyDue& y) {
    return x.count(DueStatus::overdue) > y.count(DueStatus::overdue);
  });
  return out;
}

}  // namespace dxkit
