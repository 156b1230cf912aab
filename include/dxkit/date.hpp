#pragma once
/// dxkit's one date type. Deadlines, documents, due lists and budget periods all carry a
/// `dxkit::Date` (a validated `std::chrono::year_month_day`) and periods a `dxkit::Period`, so
/// the public API never exposes Boost.Date_Time (which stays inside the sources, for the
/// arithmetic of deadline phrases).
#include <chrono>
#include <iosfwd>
#include <string>

#include "dxkit/export.hpp"

namespace dxkit {

/// A calendar day of the proleptic Gregorian calendar, year 1 to 9999.
class DXKIT_API Date {
 public:
  /// Throws ValidationError naming the day ("no such date: 2023-02-30") when it does not exist
  /// or the year is outside 1..9999.
  Date(int year, unsigned month, unsigned day);
  /// The same check for a chrono date.
  explicit Date(std::chrono::year_month_day ymd);

  [[nodiscard]] int year() const noexcept { return static_cast<int>(ymd_.year()); }
  [[nodiscard]] unsigned month() const noexcept { return static_cast<unsigned>(ymd_.month()); }
  [[nodiscard]] unsigned day() const noexcept { return static_cast<unsigned>(ymd_.day()); }
  [[nodiscard]] std::chrono::year_month_day ymd() const noexcept { return ymd_; }
  /// Days since 1970-01-01 (negative before), for arithmetic.
  [[nodiscard]] std::chrono::sys_days sys_days() const noexcept { return ymd_; }
  /// "2023-09-30".
  [[nodiscard]] std::string iso() const;
  /// The day `n` days later (earlier for negative `n`); throws ValidationError when that
  /// leaves the years 1..9999.
  [[nodiscard]] Date plus_days(long n) const;

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date& a, const Date& b) noexcept { return a.ymd_ <=> b.ymd_; }

 private:
  std::chrono::year_month_day ymd_;
};

/// Days from `from` to `to` (negative when `to` is earlier).
[[nodiscard]] DXKIT_API long days_between(const Date& from, const Date& to) noexcept;

/// A span of days, both ends included ("2022 - 2024" is 2022-01-01 .. 2024-12-31).
class DXKIT_API Period {
 public:
  /// Throws ValidationError when `last` is before `first`.
  Period(Date first, Date last);
  [[nodiscard]] const Date& begin() const noexcept { return first_; }
  [[nodiscard]] const Date& last() const noexcept { return last_; }
  friend bool operator==(const Period&, const Period&) = default;

 private:
  Date first_, last_;
};

/// Writes `d` as ISO ("2023-09-30"): for tests and logs.
DXKIT_API std::ostream& operator<<(std::ostream& out, const Date& d);

}  // namespace dxkit
