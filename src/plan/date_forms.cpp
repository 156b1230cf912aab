// Dates as plans also write them: "30-6-2023", "30.6.2023" and "ngày 30 tháng 6 năm 2023",
// rewritten to the "30/6/2023" form the deadline reader knows, so each form has one grammar
// and one range check (an impossible "31-02-2023" is the same ParseError as "31/02/2023").
#include <optional>
#include <string>

#include "dxkit/text/vocabularies.hpp"
#include "plan/detail.hpp"

namespace dxkit::plan_detail {

namespace {

// The run of 1..max digits at `p` (nullopt for none or more), its end in `end`.
std::optional<std::string_view> digits(std::string_view s, std::size_t p, std::size_t min,
                                       std::size_t max, std::size_t& end) {
  end = digit_run(s, p);
  const std::size_t n = end - p;
  if (n < min || n > max) return std::nullopt;
  return s.substr(p, n);
}

// The phrase of `word` at `p` followed by one space; the position after it, else nullopt.
std::optional<std::size_t> word_then_space(std::string_view s, std::size_t p,
                                           text::DeadlineWord word) {
  const auto m = text::deadline_words().at(s, p, word);
  if (!m || p + m->length >= s.size() || s[p + m->length] != ' ') return std::nullopt;
  return p + m->length + 1;
}

// "d-m-yyyy", "d.m.yyyy" (one separator twice) or "d tháng m năm yyyy" at `p`, as "d/m/yyyy";
// `end` is where the form ends.
std::optional<std::string> date_at(std::string_view s, std::size_t p, std::size_t& end) {
  std::size_t e = 0;
  const auto d = digits(s, p, 1, 2, e);
  if (!d || e >= s.size()) return std::nullopt;
  std::optional<std::string_view> m, y;
  const char sep = s[e];
  if (sep == '-' || sep == '.') {
    m = digits(s, e + 1, 1, 2, e);
    if (!m || e >= s.size() || s[e] != sep) return std::nullopt;
    y = digits(s, e + 1, 4, 4, e);
  } else if (sep == ' ') {
    const auto after_month = word_then_space(s, e + 1, text::DeadlineWord::month);
    if (!after_month) return std::nullopt;
    m = digits(s, *after_month, 1, 2, e);
    if (!m || e >= s.size() || s[e] != ' ') return std::nullopt;
    const auto after_year = word_then_space(s, e + 1, text::DeadlineWord::month_year);
    if (!after_year) return std::nullopt;
    y = digits(s, *after_year, 4, 4, e);
  }
  if (!m || !y) return std::nullopt;
  // Not the head of a longer number ("30.6.20231", "1.650.380,5").
  if (e < s.size() && (is_digit(s[e]) || ((s[e] == '.' || s[e] == ',' || s[e] == '-') &&
                                          e + 1 < s.size() && is_digit(s[e + 1]))))
    return std::nullopt;
  end = e;
  return std::string(*d) + "/" + std::string(*m) + "/" + std::string(*y);
}

}  // namespace

std::string slashed_dates(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const bool starts =
        is_digit(s[i]) && (i == 0 || !(is_digit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',' ||
                                       s[i - 1] == '-' || s[i - 1] == '/'));
    std::size_t end = 0;
    if (starts) {
      if (auto date = date_at(s, i, end)) {
        out += *date;
        i = end;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

}  // namespace dxkit::plan_detail
