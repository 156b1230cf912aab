#pragma once
/// Deadlines as plans write them ("Tháng 09/2023", "Cuối năm 2023", "Quý III/2023",
/// "Thường xuyên", "Trước khi đưa vào sử dụng chính thức"), read into a date, a window, or a
/// kind without a date; and dates as documents write them. Dates are `dxkit::Date` (date.hpp).
/// The assignment appendices that use such deadlines: assignment.hpp; what is due: due.hpp; an
/// iCalendar of them: calendar.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dxkit/date.hpp"
#include "dxkit/export.hpp"

namespace dxkit {

/// A deadline. `due` is the last day on which the task is on time; a window also has the
/// first day of its period (`start`).
struct DXKIT_API Deadline {
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

[[nodiscard]] DXKIT_API const char* to_string(Deadline::Kind kind);

/// Reads a deadline phrase (case, NFC and spacing do not matter). Every accepted form is in
/// docs/progress.md (Deadlines in words); "trước" (before) a day or month means the day or month
/// before it. Anything else, and an impossible date ("31/02/2023"), is a ParseError quoting the
/// text.
[[nodiscard]] DXKIT_API Deadline parse_deadline(std::string_view text);

/// "2023-09-30" -> date; throws ParseError for anything else or an impossible date.
[[nodiscard]] DXKIT_API Date parse_iso_date(std::string_view text);
/// A date as documents write it ("19/11/2021") or as ISO ("2021-11-19"); throws ParseError
/// for anything else or an impossible date.
[[nodiscard]] DXKIT_API Date parse_date(std::string_view text);

}  // namespace dxkit
