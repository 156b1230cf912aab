#pragma once
/// The deadlines of an assignment appendix as a calendar file.
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/plan/assignment.hpp"

namespace dxkit {

/// An iCalendar (RFC 5545) file of the dated assignments: one all-day event per task on its
/// last day (a window spans its period), summary "task (lead)", the supporting agencies and the
/// deadline as written in the description; CRLF lines folded at 75 octets.
[[nodiscard]] DXKIT_API std::string to_ics(const std::vector<Assignment>& assignments,
                                           std::string_view calendar_name);

}  // namespace dxkit
