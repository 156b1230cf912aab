#pragma once
/// What an assignment appendix has overdue, due soon, open, done, standing or undated on a
/// day, per task and per lead agency.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dxkit/date.hpp"
#include "dxkit/export.hpp"
#include "dxkit/plan/agency_aliases.hpp"
#include "dxkit/plan/assignment.hpp"

namespace dxkit {

/// Where an assignment stands on a day.
enum class DueStatus : std::uint8_t {
  done,       ///< marked done
  overdue,    ///< its last day has passed
  due_soon,   ///< its last day is within the next N days (today included)
  open,       ///< dated, later than that
  recurring,  ///< a standing task
  undated,    ///< on an event, set elsewhere, or blank
};
[[nodiscard]] DXKIT_API const char* to_string(DueStatus status);

struct DXKIT_API DueItem {
  const Assignment* assignment = nullptr;
  DueStatus status = DueStatus::undated;
  std::optional<long> days;  ///< to the last day (negative: days overdue)
};
[[nodiscard]] DXKIT_API std::vector<DueItem> due(const std::vector<Assignment>& assignments,
                                                 const Date& as_of, int within_days);

/// One lead agency's tasks, counted by where they stand.
struct DXKIT_API AgencyDue {
  std::string agency;              ///< the first spelling of the agency in the list
  std::array<int, 6> by_status{};  ///< tasks per DueStatus (indexed by its value)
  /// The number of this agency's tasks with `status`.
  [[nodiscard]] int count(DueStatus status) const noexcept {
    return by_status[static_cast<std::size_t>(status)];
  }
};
/// The due list per lead agency: the spellings of one agency ("Sở TTTT", "Sở TT&TT", "Sở TT và
/// TT", "Sở Thông tin và Truyền thông") are one agency through the alias vocabulary
/// (text::agency_of), shown as the first spelling seen; a task with two leads counts for both,
/// once per agency. Ordered by the number overdue (most first), then by first appearance.
[[nodiscard]] DXKIT_API std::vector<AgencyDue> due_by_agency(const std::vector<DueItem>& items);
/// The same, with a user's aliases (agency_aliases.hpp) taking precedence over the vocabulary:
/// the group is the alias's agency, its name the first spelling seen.
[[nodiscard]] DXKIT_API std::vector<AgencyDue> due_by_agency(const std::vector<DueItem>& items,
                                                             const AgencyAliases& aliases);

}  // namespace dxkit
