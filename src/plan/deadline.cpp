// Deadlines in words ("Tháng 09/2023", "Cuối năm 2023", "Quý III/2023", "Thường xuyên") and
// dates as documents write them. The phrase arithmetic is Boost.Date_Time; the API is dxkit::Date.
#include "dxkit/plan/deadline.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <stdexcept>

#include "dxkit/error.hpp"
#include "dxkit/text/detail/lexer.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"
#include "plan/detail.hpp"

namespace dxkit {

namespace bg = boost::gregorian;
using plan_detail::normal;

namespace {

bg::date make(int y, int m, int d, const std::string& text) {
  try {
    return bg::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                    static_cast<unsigned short>(d));
  } catch (const std::exception&) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d, m, y);
    throw ParseError(std::string("no such date: ") + buf, text);
  }
}

bg::date month_end(int y, int m, const std::string& text) {
  const bg::date first = make(y, m, 1, text);
  return first.end_of_month();
}

std::string iso(const bg::date& d) { return bg::to_iso_extended_string(d); }

// The public API speaks dxkit::Date; the phrase arithmetic below stays in Boost.
Date to_date(const bg::date& d) {
  return Date(static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
              static_cast<unsigned>(d.day()));
}

// A deadline while it is read, in Boost dates; parse_deadline converts it once.
struct RawDeadline {
  Deadline::Kind kind = Deadline::Kind::none;
  std::optional<bg::date> start, due;
  std::string text, reading;
};

int roman(std::string_view r) {
  static const std::pair<std::string_view, int> k[] = {{"i", 1}, {"ii", 2}, {"iii", 3}, {"iv", 4},
                                                       {"1", 1}, {"2", 2},  {"3", 3},   {"4", 4}};
  for (const auto& [name, q] : k)
    if (r == name) return q;
  return 0;
}

using detail::Token;
using detail::TokenKind;
using text::DeadlineWord;

// A left-to-right reader over the tokens of a normalised deadline: phrases come from
// text::deadline_words(), numbers are digit runs of bounded length (so "2024" is a year and a
// run of a thousand digits is simply not one). Linear in the text: no backtracking.
struct Reader {
  std::span<const Token> tokens;
  std::size_t i = 0;

  bool done() const { return i == tokens.size(); }
  // The phrase of meaning `w` at the cursor, if any (longest).
  bool word(DeadlineWord w) {
    const std::size_t n = text::deadline_words().prefix(tokens.subspan(i), w);
    i += n;
    return n > 0;
  }
  bool symbol(std::string_view s) {
    if (i < tokens.size() && tokens[i].kind == TokenKind::symbol && tokens[i].text == s) {
      ++i;
      return true;
    }
    return false;
  }
  // True when the token at the cursor starts right where the previous one ends ("9/2023").
  bool glued() const {
    return i > 0 && i < tokens.size() &&
           tokens[i - 1].offset + tokens[i - 1].text.size() == tokens[i].offset;
  }
  bool glued_symbol(std::string_view s) { return glued() && symbol(s); }
  // A number of `min` to `max` digits.
  std::optional<int> number(std::size_t min, std::size_t max) {
    if (i >= tokens.size() || tokens[i].kind != TokenKind::number) return std::nullopt;
    const std::string_view t = tokens[i].text;
    if (t.size() < min || t.size() > max) return std::nullopt;
    const auto v = detail::digits_value(t);
    if (!v) return std::nullopt;
    ++i;
    return static_cast<int>(*v);
  }
  std::optional<int> glued_number(std::size_t min, std::size_t max) {
    return glued() ? number(min, max) : std::nullopt;
  }
  // d/m/yyyy, written without spaces.
  std::optional<std::array<int, 3>> day() {
    const std::size_t back = i;
    auto d = number(1, 2);
    if (d && glued_symbol("/")) {
      auto m = glued_number(1, 2);
      if (m && glued_symbol("/")) {
        if (auto y = glued_number(4, 4)) return std::array<int, 3>{*d, *m, *y};
      }
    }
    i = back;
    return std::nullopt;
  }
  // m/yyyy, written without spaces.
  std::optional<std::array<int, 2>> month() {
    const std::size_t back = i;
    auto m = number(1, 2);
    if (m && glued_symbol("/")) {
      if (auto y = glued_number(4, 4)) return std::array<int, 2>{*m, *y};
    }
    i = back;
    return std::nullopt;
  }
  // A time of day after an optional "lúc": "17:00" (and "14:30:00"), "17h", "17h30", "17 giờ",
  // "17 giờ 30 (phút)"; hours 0-23, minutes and seconds 0-59. Its hour and minute.
  std::optional<std::array<int, 2>> clock() {
    const std::size_t back = i;
    word(DeadlineWord::clock_at);
    std::optional<std::array<int, 2>> hm;
    if (i < tokens.size() && tokens[i].kind == TokenKind::word) {
      const std::string_view t = tokens[i].folded;  // "17h", "17h30": one word
      const std::size_t h = t.find('h');
      if (h >= 1 && h <= 2 && (t.size() == h + 1 || t.size() == h + 3)) {
        const auto hours = detail::digits_value(t.substr(0, h));
        const auto minutes = t.size() == h + 1 ? std::optional<std::uint64_t>(0)
                                               : detail::digits_value(t.substr(h + 1));
        if (hours && minutes && *hours < 24 && *minutes < 60) {
          ++i;
          word(DeadlineWord::minute);
          hm = std::array<int, 2>{static_cast<int>(*hours), static_cast<int>(*minutes)};
        }
      }
    } else if (auto hours = number(1, 2); hours && *hours < 24) {
      if (glued_symbol(":")) {
        const auto minutes = glued_number(2, 2);
        bool ok = minutes && *minutes < 60;
        if (ok && glued_symbol(":")) {
          const auto seconds = glued_number(2, 2);
          ok = seconds && *seconds < 60;
        }
        if (ok) hm = std::array<int, 2>{*hours, *minutes};
      } else if (word(DeadlineWord::hour)) {
        const std::size_t at = i;
        const auto minutes = number(1, 2);
        if (!minutes) {
          i = at;
          hm = std::array<int, 2>{*hours, 0};
        } else if (*minutes < 60) {
          word(DeadlineWord::minute);
          hm = std::array<int, 2>{*hours, *minutes};
        }
      }
    }
    if (!hm) i = back;
    return hm;
  }
  // "/yyyy" or " năm yyyy" after a month or a quarter.
  std::optional<int> of_year() {
    const std::size_t back = i;
    if (glued_symbol("/") || word(DeadlineWord::month_year)) {
      if (auto y = number(4, 4)) return y;
    }
    i = back;
    return std::nullopt;
  }
};

}  // namespace

const char* to_string(Deadline::Kind k) {
  switch (k) {
    case Deadline::Kind::due:
      return "due";
    case Deadline::Kind::window:
      return "window";
    case Deadline::Kind::recurring:
      return "recurring";
    case Deadline::Kind::on_event:
      return "on_event";
    case Deadline::Kind::elsewhere:
      return "elsewhere";
    case Deadline::Kind::none:
      return "none";
  }
  return "";
}

namespace {
RawDeadline parse_raw(std::string_view text) {
  RawDeadline d;
  d.text = std::string(text::trim(text));
  const std::string s = plan_detail::slashed_dates(normal(d.text));
  using K = Deadline::Kind;
  if (s.empty()) {
    d.kind = K::none;
    d.reading = "no deadline given";
    return d;
  }
  const auto& words = text::deadline_words();
  if (!words.find(s, DeadlineWord::recurring).empty() || words.is(s, DeadlineWord::continuous)) {
    d.kind = K::recurring;
    d.reading = "a standing (recurring) task";
    return d;
  }
  if (words.at(s, 0, DeadlineWord::on_event)) {
    d.kind = K::on_event;
    d.reading = "tied to an event, not a date";
    return d;
  }
  if (auto m = words.at(s, 0, DeadlineWord::elsewhere); m && m->length < s.size()) {
    d.kind = K::elsewhere;
    d.reading = "set by another body or document";
    return d;
  }
  thread_local detail::TokenList list;
  detail::tokenize(s, list);
  // Each form in turn, from the start; a form holds when it takes every token.
  auto form = [&](auto&& read) {
    Reader r{list.tokens};
    return read(r) && r.done();
  };
  using W = DeadlineWord;
  std::array<int, 3> a{}, b{};
  std::array<int, 2> mo{}, hm{};  // a month and year; an hour and minute
  int y = 0, y2 = 0, q = 0;
  if (form([&](Reader& r) {
        r.word(W::window_from);
        auto first = r.day();
        if (!first || !r.word(W::window_to)) return false;
        auto second = r.day();
        if (!second) return false;
        a = *first;
        b = *second;
        return true;
      })) {
    d.kind = K::window;
    d.start = make(a[2], a[1], a[0], d.text);
    d.due = make(b[2], b[1], b[0], d.text);
    if (*d.due < *d.start) throw ParseError("the period ends before it starts", d.text);
    d.reading = "from " + iso(*d.start) + " to " + iso(*d.due);
  } else if (form([&](Reader& r) {
               if (!r.word(W::before)) return false;
               auto day = r.day();
               if (day) a = *day;
               return day.has_value();
             })) {
    d.kind = K::due;
    d.due = make(a[2], a[1], a[0], d.text) - bg::days(1);
    d.reading = "by " + iso(*d.due) + " (the day before the date written)";
  } else if (form([&](Reader& r) {
               r.word(W::by);
               auto day = r.day();
               if (day) a = *day;
               return day.has_value();
             })) {
    d.kind = K::due;
    d.due = make(a[2], a[1], a[0], d.text);
    d.reading = "by " + iso(*d.due);
  } else if (form([&](Reader& r) {
               // A time of day, then its day: "trước 17 giờ ngày 30/6/2023", "17h00 ngày
               // 30/6/2023". "Before" a time is still that day: due on the day written, not the day
               // before.
               if (!r.word(W::before)) r.word(W::by);
               auto c = r.clock();
               if (!c) return false;
               r.symbol(",");
               r.word(W::by);
               auto day = r.day();
               if (day) {
                 a = *day;
                 hm = *c;
               }
               return day.has_value();
             }) ||
             form([&](Reader& r) {
               // A day, then its time: "30/6/2023 14:30" (an Excel date-time cell as shown),
               // "ngày 30/6/2023 lúc 14 giờ", "trước ngày 30/6/2023, 17h00".
               if (!r.word(W::before)) r.word(W::by);
               auto day = r.day();
               if (!day) return false;
               r.symbol(",");
               auto c = r.clock();
               if (c) {
                 a = *day;
                 hm = *c;
               }
               return c.has_value();
             })) {
    d.kind = K::due;
    d.due = make(a[2], a[1], a[0], d.text);
    char at[16];
    std::snprintf(at, sizeof at, "%d:%02d", hm[0] % 100, hm[1] % 100);
    d.reading = "by " + iso(*d.due) + " (" + at + " that day)";
  } else if (form([&](Reader& r) {
               if (!r.word(W::before_month)) return false;
               auto m = r.month();
               if (m) mo = *m;
               return m.has_value();
             })) {
    d.kind = K::due;
    d.due = make(mo[1], mo[0], 1, d.text) - bg::days(1);
    d.reading = "by " + iso(*d.due) + " (before the month written)";
  } else if (form([&](Reader& r) {
               if (!r.word(W::month)) return false;
               auto m = r.number(1, 2);
               auto of = m ? r.of_year() : std::nullopt;
               if (of) mo = {*m, *of};
               return of.has_value();
             })) {
    d.kind = K::window;
    d.start = make(mo[1], mo[0], 1, d.text);
    d.due = month_end(mo[1], mo[0], d.text);
    d.reading = "within " + iso(*d.start).substr(0, 7);
  } else if (form([&](Reader& r) {
               if (r.word(W::year_end_day))
                 r.glued_symbol("/");
               else if (!r.word(W::year_end))
                 return false;
               auto year = r.number(4, 4);
               if (year) y = *year;
               return year.has_value();
             })) {
    d.kind = K::due;
    d.due = make(y, 12, 31, d.text);
    d.reading = "by " + iso(*d.due) + " (end of the year)";
  } else if (form([&](Reader& r) {
               if (!r.word(W::year)) return false;
               auto year = r.number(4, 4);
               if (year) y = *year;
               return year.has_value();
             })) {
    d.kind = K::window;
    d.start = make(y, 1, 1, d.text);
    d.due = make(y, 12, 31, d.text);
    d.reading = "within " + std::to_string(y);
  } else if (form([&](Reader& r) {
               if (!r.word(W::quarter) || r.done()) return false;
               q = roman(r.tokens[r.i].folded);
               if (q == 0) return false;
               ++r.i;
               auto of = r.of_year();
               if (of) y = *of;
               return of.has_value();
             })) {
    d.kind = K::window;
    d.start = make(y, 3 * q - 2, 1, d.text);
    d.due = month_end(y, 3 * q, d.text);
    d.reading = "within quarter " + std::to_string(q) + " of " + std::to_string(y);
  } else if (form([&](Reader& r) {
               r.word(W::period);
               auto first = r.number(4, 4);
               if (!first || !r.word(W::period_to)) return false;
               auto second = r.number(4, 4);
               if (second) {
                 y = *first;
                 y2 = *second;
               }
               return second.has_value();
             })) {
    d.kind = K::window;
    d.start = make(y, 1, 1, d.text);
    d.due = make(y2, 12, 31, d.text);
    if (*d.due < *d.start) throw ParseError("the period ends before it starts", d.text);
    d.reading = "from " + std::to_string(y) + " to " + std::to_string(y2);
  } else if (form([&](Reader& r) {
               const bool first = r.word(W::first_half);
               if (!first && !r.word(W::second_half)) return false;
               q = first ? 1 : 2;
               auto year = r.number(4, 4);
               if (year) y = *year;
               return year.has_value();
             })) {
    d.kind = K::window;
    d.start = make(y, q == 1 ? 1 : 7, 1, d.text);
    d.due = month_end(y, q == 1 ? 6 : 12, d.text);
    d.reading = std::string(q == 1 ? "within the first half of " : "within the second half of ") +
                std::to_string(y);
  } else {
    throw ParseError(
        "not a deadline dxkit reads; accepted: 30/3/2024 (30-3-2024, 30.3.2024, ngày 30 tháng 3 "
        "năm 2024), trước ngày 30/11/2024, Tháng 09/2023, "
        "Trước 09/2023, Trước tháng 05/2023, Cuối năm 2023, Năm 2023, Trong năm 2023, "
        "Quý III/2023, 6 tháng đầu năm 2024, Từ ngày 01/10/2023 đến 15/10/2023, 2022 - 2024, "
        "trước 17 giờ ngày 30/6/2023, 30/6/2023 14:30, "
        "Thường xuyên, "
        "Trước khi ..., Theo ..., or blank (docs/progress.md)",
        d.text);
  }
  return d;
}
}  // namespace

Deadline parse_deadline(std::string_view text) {
  RawDeadline raw;
  try {
    raw = parse_raw(text);
  } catch (const std::out_of_range&) {
    // Boost's dates end at 1400 and 9999: a step past either ("Trước 01/1400" is 1399-12-31)
    // throws bad_year / bad_day_of_month, which is bad input here, not an internal error.
    throw ParseError("the date is outside the years 1400..9999", std::string(text::trim(text)));
  }
  Deadline d;
  d.kind = raw.kind;
  if (raw.start) d.start = to_date(*raw.start);
  if (raw.due) d.due = to_date(*raw.due);
  d.text = std::move(raw.text);
  d.reading = std::move(raw.reading);
  return d;
}

namespace {
// The digits of s[from, from + n) as a number, if they are all digits.
std::optional<int> digits_at(std::string_view s, std::size_t from, std::size_t n) {
  if (from + n > s.size()) return std::nullopt;
  const auto v = detail::digits_value(s.substr(from, n));
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}
}  // namespace

Date parse_iso_date(std::string_view text) {
  const std::string s = std::string(text::trim(text));
  const auto y = digits_at(s, 0, 4), m = digits_at(s, 5, 2), d = digits_at(s, 8, 2);
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !y || !m || !d)
    throw ParseError("a date is written YYYY-MM-DD", s);
  return to_date(make(*y, *m, *d, s));
}

Date parse_date(std::string_view text) {
  // "30-6-2023", "30.6.2023", "ngày 30 tháng 6 năm 2023" as "30/6/2023"; errors quote the text.
  const std::string written(text::trim(text));
  const std::string folded = text::fold(written);
  std::string s = plan_detail::slashed_dates(folded);
  if (s == folded) s = written;
  if (const auto by = text::deadline_words().at(s, 0, text::DeadlineWord::by);
      by && by->length < s.size() && s[by->length] == ' ' && s != written)
    s.erase(0, by->length + 1);

  // A time of day after the date ("30/6/2023 14:30", an Excel date-time cell as shown): the
  // date is what is read.
  if (const std::size_t space = s.rfind(' '); space != std::string::npos) {
    const std::string_view tail = std::string_view(s).substr(space + 1);
    const std::size_t colon = tail.find(':'), at = space + 1;
    if (colon >= 1 && colon <= 2) {
      const auto hours = digits_at(s, at, colon), minutes = digits_at(s, at + colon + 1, 2);
      const bool seconds = tail.size() == colon + 6 && tail[colon + 3] == ':' &&
                           digits_at(s, at + colon + 4, 2).value_or(60) < 60;
      if (hours && *hours < 24 && minutes && *minutes < 60 && (tail.size() == colon + 3 || seconds))
        s = std::string(text::trim(std::string_view(s).substr(0, space)));
    }
  }
  // d/m/yyyy: one or two digits, one or two digits, four digits.
  const std::size_t first = s.find('/');
  const std::size_t second = first == std::string::npos ? first : s.find('/', first + 1);
  if (second != std::string::npos && first >= 1 && first <= 2 && second - first - 1 >= 1 &&
      second - first - 1 <= 2 && s.size() - second - 1 == 4) {
    const auto d = digits_at(s, 0, first), m = digits_at(s, first + 1, second - first - 1),
               y = digits_at(s, second + 1, 4);
    if (d && m && y) return to_date(make(*y, *m, *d, written));
  }
  if (s.size() == 10 && s[4] == '-') return parse_iso_date(s);
  throw ParseError("a date is dd/mm/yyyy or YYYY-MM-DD", written);
}

}  // namespace dxkit
