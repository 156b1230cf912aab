#pragma once
/// Deadlines as plans write them ("Tháng 09/2023", "Cuối năm 2023", "Quý III/2023",
/// "Thường xuyên", "Trước khi đưa vào sử dụng chính thức"), read into a date, a window, or a
/// kind without a date; and the assignment appendices that give every task a lead agency,
/// supporting agencies and such a deadline. Dates are `dxkit::Date` (date.hpp).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/date.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit {

/// A deadline. `due` is the last day on which the task is on time; a window also has the
/// first day of its period (`start`).
struct Deadline {
  enum class Kind : std::uint8_t {
    due,        ///< by a day: "30/3/2024", "Trước 09/2023", "Cuối năm 2023"
    window,     ///< within a period: "Tháng 09/2023", "Năm 2023", "Quý III/2023", "2022 - 2024"
    recurring,  ///< "Thường xuyên", "Nhiệm vụ thường xuyên", "Kiểm tra thường xuyên", "Hằng năm"
    on_event,   ///< "Trước khi đưa vào sử dụng chính thức"
    elsewhere,  ///< "Theo thời gian yêu cầu của các cơ quan TW"
    none,       ///< blank
  };
  Kind kind = Kind::none;
  std::optional<Date> start, due;
  std::string text;     ///< as written
  std::string reading;  ///< how it was read, e.g. "by 2023-08-31 (before September 2023)"

  [[nodiscard]] bool dated() const { return due.has_value(); }
};

[[nodiscard]] const char* to_string(Deadline::Kind kind);

/// Reads a deadline phrase (case, NFC and spacing do not matter). Every accepted form is in
/// docs/progress.md (Deadlines in words); "trước" (before) a day or month means the day or month
/// before it. Anything else, and an impossible date ("31/02/2023"), is a ParseError quoting the
/// text.
[[nodiscard]] Deadline parse_deadline(std::string_view text);

/// One row of an assignment appendix.
struct Assignment {
  std::string number;   ///< STT as printed ("3"), prefixed by its section ("II.3")
  std::string section;  ///< the section heading above it ("XÂY DỰNG CHÍNH QUYỀN SỐ")
  std::string task;     ///< the task or target
  std::vector<std::string> lead, support;  ///< agencies, split at ";" (and "," for support)
  Deadline deadline;
  std::string status;  ///< "done" or "" (from a Status column: Hoàn thành / Đã hoàn thành / done)
  std::size_t line = 0;
};

/// Reads an assignment table: STT, the task (Tên nhiệm vụ / Tên dự án/nhiệm vụ / Nội dung chỉ
/// tiêu / Task), the lead (Đơn vị chủ trì / Chủ trì / Lead), the supporting agencies (Đơn vị
/// phối hợp / Phối hợp / Support), the deadline (Thời điểm đánh giá / Thời gian thực hiện /
/// Deadline, optional: a table without one takes `default_deadline`) and optionally Status.
/// A row whose STT is a Roman numeral is a section heading. Errors name the file, line and
/// column: a missing task or lead column, a deadline not understood, an impossible date.
[[nodiscard]] std::vector<Assignment> read_assignments(const csv::Table& table,
                                                       std::string_view default_deadline = {});
[[nodiscard]] std::vector<Assignment> read_assignments(const std::filesystem::path& path,
                                                       std::string_view default_deadline = {});

/// Where an assignment stands on a day.
enum class DueStatus : std::uint8_t {
  done,       ///< marked done
  overdue,    ///< its last day has passed
  due_soon,   ///< its last day is within the next N days (today included)
  open,       ///< dated, later than that
  recurring,  ///< a standing task
  undated,    ///< on an event, set elsewhere, or blank
};
[[nodiscard]] const char* to_string(DueStatus status);

struct DueItem {
  const Assignment* assignment = nullptr;
  DueStatus status = DueStatus::undated;
  std::optional<long> days;  ///< to the last day (negative: days overdue)
};
[[nodiscard]] std::vector<DueItem> due(const std::vector<Assignment>& assignments,
                                       const Date& as_of, int within_days);

/// One lead agency's tasks, counted by where they stand.
struct AgencyDue {
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
[[nodiscard]] std::vector<AgencyDue> due_by_agency(const std::vector<DueItem>& items);

/// An iCalendar (RFC 5545) file of the dated assignments: one all-day event per task on its
/// last day (a window spans its period), summary "task (lead)", the supporting agencies and the
/// deadline as written in the description; CRLF lines folded at 75 octets.
[[nodiscard]] std::string to_ics(const std::vector<Assignment>& assignments,
                                 std::string_view calendar_name);

/// "2023-09-30" -> date; throws ParseError for anything else or an impossible date.
[[nodiscard]] Date parse_iso_date(std::string_view text);
/// A date as documents write it ("19/11/2021") or as ISO ("2021-11-19"); throws ParseError
/// for anything else or an impossible date.
[[nodiscard]] Date parse_date(std::string_view text);

}  // namespace dxkit
