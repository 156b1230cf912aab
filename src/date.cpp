#include "dxkit/date.hpp"

#include <cstdio>
#include <ostream>

#include "dxkit/error.hpp"

namespace dxkit {

namespace {
std::string iso_of(int y, unsigned m, unsigned d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}
}  // namespace

Date::Date(int year, unsigned month, unsigned day)
    : ymd_(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)) {
  // chrono's year wraps outside -32767..32767, so the range is checked on the int first.
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 || !ymd_.ok())
    throw ValidationError("no such date: " +
                          iso_of(year, month > 99 ? 99 : month, day > 99 ? 99 : day));
}

Date::Date(std::chrono::year_month_day ymd) : ymd_(ymd) {
  const int y = static_cast<int>(ymd.year());
  if (y < 1 || y > 9999 || !ymd.ok())
    throw ValidationError("no such date: " + iso_of(y, static_cast<unsigned>(ymd.month()),
                                                    static_cast<unsigned>(ymd.day())));
}

std::string Date::iso() const { return iso_of(year(), month(), day()); }

Date Date::plus_days(long n) const {
  // 9999 years are about 3.65 million days: a larger step leaves the range whatever the start.
  if (n > 4'000'000 || n < -4'000'000)
    throw ValidationError("a date " + std::to_string(n) + " days from " + iso() +
                          " is outside the years 1..9999");
  const std::chrono::year_month_day out{sys_days() + std::chrono::days(n)};
  const int y = static_cast<int>(out.year());
  if (y < 1 || y > 9999)
    throw ValidationError("a date " + std::to_string(n) + " days from " + iso() +
                          " is outside the years 1..9999");
  return Date(out);
}

long days_between(const Date& from, const Date& to) noexcept {
  return static_cast<long>((to.sys_days() - from.sys_days()).count());
}

Period::Period(Date first, Date last) : first_(first), last_(last) {
  if (last_ < first_)
    throw ValidationError("the period ends (" + last_.iso() + ") before it starts (" +
                          first_.iso() + ")");
}

std::ostream& operator<<(std::ostream& out, const Date& d) { return out << d.iso(); }

}  // namespace dxkit
