// Assignments (who owes what by when): read, listed as due on a fixed day, written as iCalendar.
#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/text/csv.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  dxkit::fuzz::guarded([&] {
    const auto list = dxkit::read_assignments(dxkit::csv::parse(in, "fuzz.csv"), "Cuối năm 2023");
    (void)dxkit::due(list, dxkit::parse_iso_date("2023-07-01"), 30);
    (void)dxkit::to_ics(list, "fuzz");
  });
  return 0;
}
