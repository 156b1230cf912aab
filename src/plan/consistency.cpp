// Inconsistencies inside one document: fractions against their shares, malformed numbers,
// and the same target with two values (the tallies against the appendix: tally.cpp).
// The text is read by small left-to-right scanners (no std::regex: libstdc++'s is recursive
// and a long line overflows the stack); the words they look for are vocabularies
// (text::consistency_words, text::result_words), found on word boundaries.
#include "dxkit/plan/consistency.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include "dxkit/error.hpp"
#include "dxkit/text/detail/lexer.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"
#include "plan/detail.hpp"

namespace dxkit {

namespace {

std::string number_text(double v, int decimals) {
  return format_number(v, decimals, NumberFormat::vietnamese);
}

int decimals_of(const std::string& s) {
  const std::size_t comma = s.find(',');
  return comma == std::string::npos ? 0 : static_cast<int>(s.size() - comma - 1);
}

// The words after a percentage, folded, up to the first punctuation: the target's subject.
std::string subject(const std::string& rest) {
  std::string out;
  int words = 0;
  bool in_word = false;
  for (char c : rest) {
    if (c == '.' || c == ';' || c == ',' || c == '(' || c == '\t' || c == ':') break;
    if (c == ' ') {
      if (in_word) ++words;
      in_word = false;
      if (words >= 12) break;
    } else {
      in_word = true;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return text::fold(out);
}

using plan_detail::digit_run;
using plan_detail::is_digit;
bool in(std::string_view set, char c) { return set.find(c) != std::string_view::npos; }

// End of the run of [0-9.,] from `p`.
std::size_t number_run(std::string_view s, std::size_t p) {
  while (p < s.size() && in("0123456789.,", s[p])) ++p;
  return p;
}

// "a/b ... đạt [tỷ lệ] p%" at `p` of `line` (`folded` has the same offsets).
struct Ratio {
  std::size_t a_begin, a_end, b_begin, b_end, verb, verb_end, qualifier_end, p_begin, p_end, end;
};

// The share after the verb: " p%" or " p %" from `j`; the end of the share and its number.
std::optional<std::array<std::size_t, 3>> share_after(std::string_view line, std::size_t j) {
  if (j >= line.size() || line[j] != ' ' || j + 1 >= line.size() || !is_digit(line[j + 1]))
    return std::nullopt;
  const std::size_t p_begin = j + 1, p_end = number_run(line, p_begin);
  if (!is_digit(line[p_end - 1])) return std::nullopt;
  std::size_t c = p_end;
  if (c < line.size() && line[c] == ' ') ++c;
  if (c >= line.size() || line[c] != '%') return std::nullopt;
  return std::array<std::size_t, 3>{p_begin, p_end, c + 1};
}

std::optional<Ratio> ratio_at(std::string_view line, std::string_view folded, std::size_t p) {
  using text::ConsistencyWord;
  const auto& words = text::consistency_words();
  Ratio r{};
  r.a_begin = p;
  r.a_end = number_run(line, p);
  if (r.a_end >= line.size() || line[r.a_end] != '/' || !is_digit(line[r.a_end - 1]))
    return std::nullopt;
  r.b_begin = r.a_end + 1;
  if (r.b_begin >= line.size() || !is_digit(line[r.b_begin])) return std::nullopt;
  r.b_end = number_run(line, r.b_begin);
  while (!is_digit(line[r.b_end - 1])) --r.b_end;
  if (r.b_end < line.size() && (is_digit(line[r.b_end]) || line[r.b_end] == '/'))
    return std::nullopt;
  // The clause between the fraction and its verb: no '/', '%', tab, ';' or full stop.
  for (std::size_t k = r.b_end; k < line.size(); ++k) {
    if (auto verb = words.at(folded, k, ConsistencyWord::share_verb)) {
      const std::size_t j = k + verb->length;
      std::optional<std::array<std::size_t, 3>> share;
      std::size_t qualifier_end = j;
      if (j < line.size() && line[j] == ' ') {
        if (auto q = words.at(folded, j + 1, ConsistencyWord::share_qualifier)) {
          qualifier_end = j + 1 + q->length;
          share = share_after(line, qualifier_end);
        }
      }
      if (!share) {
        qualifier_end = j;
        share = share_after(line, j);
      }
      if (share) {
        r.verb = k;
        r.verb_end = j;
        r.qualifier_end = qualifier_end;
        r.p_begin = (*share)[0];
        r.p_end = (*share)[1];
        r.end = (*share)[2];
        return r;
      }
    }
    const char c = line[k];
    if (c == '/' || c == '%' || c == '\t' || c == ';') return std::nullopt;
    if (c == '.' && k + 1 < line.size() && line[k + 1] == ' ') return std::nullopt;
  }
  return std::nullopt;
}

// "p% <subject>" at `p`: the share's digits and the subject (up to the next '%' or tab).
struct Share {
  std::size_t value_end, rest_begin, rest_end;
};

std::optional<Share> share_at(std::string_view line, std::size_t p) {
  Share s{};
  s.value_end = digit_run(line, p);
  if (s.value_end + 1 < line.size() && line[s.value_end] == ',' && is_digit(line[s.value_end + 1]))
    s.value_end = digit_run(line, s.value_end + 1);
  std::size_t c = s.value_end;
  if (c < line.size() && line[c] == ' ') ++c;
  if (c + 1 >= line.size() || line[c] != '%' || line[c + 1] != ' ') return std::nullopt;
  s.rest_begin = c + 2;
  if (s.rest_begin >= line.size() || in("0123456789%\t", line[s.rest_begin])) return std::nullopt;
  s.rest_end = line.find_first_of("%\t", s.rest_begin);
  if (s.rest_end == std::string_view::npos) s.rest_end = line.size();
  if (s.rest_end - s.rest_begin < 9) return std::nullopt;
  return s;
}

// A share in running text that reads as a result: an estimate or "đạt" / "đã" just before it.
bool after_result_word(std::string_view before) {
  using text::ResultWord;
  const auto& words = text::result_words();
  return !words.find(before, ResultWord::estimate).empty() ||
         !words.find(before, ResultWord::achieved).empty();
}

Diagnostic finding(std::string code, Severity severity, std::string_view source, std::size_t line,
                   std::string_view text, std::size_t offset, std::string message) {
  Diagnostic d;
  d.where = Location{std::string(source), line, detail::char_column(text, offset), ""};
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}

}  // namespace

std::vector<TextFinding> check_text(std::string_view whole, std::string_view source) {
  whole = text::strip_bom(whole);
  std::vector<TextFinding> out;
  struct Seen {
    std::string value;
    std::size_t line;
    std::string quote;
  };
  std::map<std::string, Seen> subjects;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos <= whole.size()) {
    const std::size_t end = std::min(whole.find('\n', pos), whole.size());
    const std::string line(whole.substr(pos, end - pos));
    ++line_no;
    try {
      text::validate_utf8(line);
    } catch (const EncodingError& e) {
      throw e.at(Location{std::string(source), line_no, e.where().column, ""});
    }
    const std::string folded = text::fold_keeping_offsets(line);
    // A fraction, then within the same clause "đạt / bằng / chiếm / tương đương [tỷ lệ] p%".
    // Each match starts after the previous one, past a character that is not part of a number.
    std::size_t search = 0;
    for (std::size_t p = 0; p < line.size();) {
      const bool starts = is_digit(line[p]) && ((p == 0 && search == 0) ||
                                                (p > search && !in("0123456789/.,", line[p - 1])));
      const auto m = starts ? ratio_at(line, folded, p) : std::nullopt;
      if (!m) {
        ++p;
        continue;
      }
      search = p = m->end;
      const std::string a_text = line.substr(m->a_begin, m->a_end - m->a_begin);
      const std::string b_text = line.substr(m->b_begin, m->b_end - m->b_begin);
      const std::string p_text = line.substr(m->p_begin, m->p_end - m->p_begin);
      const std::string quote = a_text + "/" +
                                line.substr(m->b_begin, m->qualifier_end - m->b_begin) + " " +
                                p_text + "%";
      // A date (month/year, day/month/year) is not a fraction.
      if (a_text.find_first_of(".,") == std::string::npos &&
          b_text.find_first_of(".,") == std::string::npos) {
        const auto a = detail::digits_value(a_text), b = detail::digits_value(b_text);
        if (a && b && *a >= 1 && *a <= 12 && *b >= 1900 && *b <= 2100) continue;
      }
      TextFinding f;
      f.quote = quote;
      // Each side of the fraction must read as a number; one that does not is the finding.
      double a = 0, b = 0, share = 0;
      bool malformed = false;
      for (const auto& [side, value] : {std::pair{&a_text, &a}, std::pair{&b_text, &b}}) {
        try {
          *value = parse_number(*side);
        } catch (const ParseError& e) {
          f.diagnostic =
              finding("malformed_number", Severity::error, source, line_no, line, m->a_begin,
                      "'" + *side + "' is not a number as written: " + e.message());
          malformed = true;
          break;
        }
      }
      if (malformed) {
        out.push_back(std::move(f));
        continue;
      }
      try {
        share = parse_number(p_text);
      } catch (const ParseError&) {
        continue;  // the share itself is odd; the fraction is not in question
      }
      if (b == 0) continue;
      const double actual = a / b * 100;
      const int d = decimals_of(p_text);
      const double tolerance = 0.5 * std::pow(10.0, -d) + 1e-9;
      if (std::fabs(actual - share) > tolerance) {
        f.diagnostic = finding("ratio_mismatch", Severity::error, source, line_no, line, m->a_begin,
                               a_text + "/" + b_text + " is " +
                                   number_text(actual, std::max(d, 2)) + "%, not " + p_text + "%");
        out.push_back(std::move(f));
      }
    }
    // Targets stated as "p% <subject>". A result ("đạt 61%", "khoảng 8,48%") is not a target;
    // a table row that states the same subject twice is a target beside its result.
    struct Stated {
      std::string words;
      std::size_t at;
      std::string value, rest;
    };
    std::vector<Stated> here;
    search = 0;
    for (std::size_t p = 0; p < line.size();) {
      const bool starts = is_digit(line[p]) && ((p == 0 && search == 0) ||
                                                (p > search && !in("0123456789.,/", line[p - 1])));
      const auto m = starts ? share_at(line, p) : std::nullopt;
      if (!m) {
        ++p;
        continue;
      }
      const std::size_t at = p;
      search = p = m->rest_end;
      std::size_t from = at > 16 ? at - 16 : 0;  // on a character boundary
      while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
      if (after_result_word(text::fold(line.substr(from, at - from)))) continue;
      const std::string rest = line.substr(m->rest_begin, m->rest_end - m->rest_begin);
      const std::string words = subject(rest);
      if (std::count(words.begin(), words.end(), ' ') < 3) continue;  // too short to be a subject
      here.push_back({words, at, line.substr(at, m->value_end - at), rest});
    }
    bool paired = false;
    for (std::size_t i = 0; i < here.size(); ++i)
      for (std::size_t j = i + 1; j < here.size(); ++j)
        paired = paired || here[i].words == here[j].words;
    for (const Stated& st : here) {
      if (paired) break;
      const std::string quote = st.value + "% " + st.rest.substr(0, 120);
      auto [seen, fresh] = subjects.emplace(st.words, Seen{st.value, line_no, quote});
      if (fresh || seen->second.value == st.value) continue;
      TextFinding f;
      f.diagnostic = finding("conflicting_target", Severity::warning, source, line_no, line, st.at,
                             "'" + st.words + "' is " + seen->second.value + "% on line " +
                                 std::to_string(seen->second.line) + " and " + st.value + "% here");
      f.quote = quote;
      f.other_line = seen->second.line;
      f.other_quote = seen->second.quote;
      out.push_back(std::move(f));
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace dxkit
