// Deadlines in words ("Quý III/2023", "Trước 09/2023"), and dates (dd/mm/yyyy, ISO); a dated
// deadline is also written as iCalendar, where the date is printed.
#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  dxkit::fuzz::guarded([&] {
    dxkit::Assignment a;
    a.task = "fuzz";
    a.deadline = dxkit::parse_deadline(in);
    (void)dxkit::due({a}, dxkit::parse_iso_date("2023-07-01"), 30);
    (void)dxkit::to_ics({a}, "fuzz");
  });
  dxkit::fuzz::guarded([&] { (void)dxkit::parse_date(in); });
  dxkit::fuzz::guarded([&] { (void)dxkit::parse_iso_date(in); });
  return 0;
}
