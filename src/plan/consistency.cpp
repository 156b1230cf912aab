// Inconsistencies inside one document: fractions against their shares, malformed numbers,
// the same target with two values, and tallies against the results appendix.
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

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool in(std::string_view set, char c) { return set.find(c) != std::string_view::npos; }

// End of the run of [0-9.,] from `p`.
std::size_t number_run(std::string_view s, std::size_t p) {
  while (p < s.size() && in("0123456789.,", s[p])) ++p;
  return p;
}

// End of the run of digits from `p`.
std::size_t digit_run(std::string_view s, std::size_t p) {
  while (p < s.size() && is_digit(s[p])) ++p;
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

namespace {

// A count of a tally as written ("04"); a digit run too long for a count is a ParseError at
// its place.
std::size_t count_of(std::string_view line, std::size_t begin, std::size_t end,
                     std::string_view source, std::size_t line_no) {
  const auto v = detail::digits_value(line.substr(begin, end - begin));
  if (!v || *v > 1000000000ULL)
    throw ParseError("a tally's count is a whole number of at most 10 digits",
                     std::string(line.substr(begin, std::min<std::size_t>(end - begin, 40))),
                     Location{std::string(source), line_no, detail::char_column(line, begin), ""});
  return static_cast<std::size_t>(*v);
}

// " ?N ?/ ?M" from `j`: the offsets of N and M and the end.
struct Fraction {
  std::size_t n_begin, n_end, m_begin, m_end;
};
std::optional<Fraction> fraction_at(std::string_view line, std::size_t j) {
  auto space = [&](std::size_t k) { return k < line.size() && line[k] == ' ' ? k + 1 : k; };
  Fraction f{};
  f.n_begin = space(j);
  f.n_end = digit_run(line, f.n_begin);
  if (f.n_end == f.n_begin) return std::nullopt;
  std::size_t k = space(f.n_end);
  if (k >= line.size() || line[k] != '/') return std::nullopt;
  f.m_begin = space(k + 1);
  f.m_end = digit_run(line, f.m_begin);
  if (f.m_end == f.m_begin) return std::nullopt;
  return f;
}

}  // namespace

namespace {

// The diagnostic of a tally whose numbers are all known: one wording for the command line and
// Python.
void describe(Tally& t, std::string_view source, std::size_t column,
              std::string_view appendix_source) {
  Diagnostic& d = t.diagnostic;
  d.where = Location{std::string(source), t.line, column, ""};
  d.severity = t.supported ? Severity::note : Severity::warning;
  d.code = t.supported ? "tally" : "tally_mismatch";
  d.message = "the text says " + std::to_string(t.stated) +
              (t.stated_total ? "/" + std::to_string(t.stated_total) : "") + " " + t.category +
              "; the appendix" +
              (appendix_source.empty() ? "" : " (" + std::string(appendix_source) + ")") +
              " gives " + std::to_string(t.counted) + "/" + std::to_string(t.total);
  if (t.at_threshold)
    d.message += ", and " + std::to_string(t.at_threshold) + " exactly at the percentage";
}

}  // namespace

std::vector<Tally> check_tallies(std::string_view whole, const EvaluationTable& e,
                                 std::string_view source, std::string_view appendix_source) {
  whole = text::strip_bom(whole);
  const std::size_t total = e.size();
  std::size_t met = 0, exceeded = 0;
  for (std::size_t i = 0; i < total; ++i) {
    met += e.met[i];
    exceeded += e.exceeded[i];
  }
  auto exactly = [&](double percent) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < total; ++i)
      if (!e.met[i] && e.has_data[i] && std::fabs(e.ratio[i] * 100 - percent) <= percent * 1e-12)
        ++n;
    return n;
  };
  auto beyond = [&](double percent, bool above) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < total; ++i) {
      if (e.met[i] || !e.has_data[i]) continue;
      const double r = e.ratio[i] * 100;
      n += above ? r > percent * (1 + 1e-12) : r < percent * (1 - 1e-12);
    }
    return n;
  };
  std::vector<Tally> out;
  std::size_t line_no = 0, pos = 0;
  while (pos <= whole.size()) {
    const std::size_t end = std::min(whole.find('\n', pos), whole.size());
    const std::string raw(whole.substr(pos, end - pos));
    ++line_no;
    pos = end + 1;
    try {
      text::validate_utf8(raw);
    } catch (const EncodingError& err) {
      throw err.at(Location{std::string(source), line_no, err.where().column, ""});
    }
    const std::string line = text::fold(raw);
    const std::size_t first_of_line = out.size();
    std::vector<std::size_t> columns;  // of this line's tallies
    auto add = [&](std::size_t begin, std::size_t end_of, std::string category, std::size_t stated,
                   std::size_t of, std::size_t counted) {
      Tally t;
      t.line = line_no;
      t.quote = line.substr(begin, end_of - begin);
      t.category = std::move(category);
      t.stated = stated;
      t.stated_total = of;
      t.counted = counted;
      t.total = total;
      t.supported = stated == counted && (of == 0 || of == total);
      columns.push_back(detail::char_column(line, begin));
      out.push_back(std::move(t));
    };
    using text::ConsistencyWord;
    const auto& words = text::consistency_words();
    auto count = [&](std::size_t b, std::size_t e) {
      return count_of(line, b, e, source, line_no);
    };
    bool met_seen = false;
    // "đạt và vượt 13/15", else "hoàn thành: 10/16" (not followed by '/' or a digit).
    for (const auto& w : words.find(line, ConsistencyWord::tally_met_or_exceeded)) {
      const auto f =
          w.end < line.size() && line[w.end] == ' ' ? fraction_at(line, w.end + 1) : std::nullopt;
      if (!f || f->n_begin != w.end + 1) continue;
      add(w.begin, f->m_end, "met", count(f->n_begin, f->n_end), count(f->m_begin, f->m_end), met);
      met_seen = true;
      break;
    }
    for (const auto& w : words.find(line, ConsistencyWord::tally_met)) {
      if (met_seen) break;
      std::size_t j = w.end;
      if (j < line.size() && line[j] == ':') ++j;
      const auto f = fraction_at(line, j);
      if (!f || (f->m_end < line.size() && line[f->m_end] == '/')) continue;
      add(w.begin, f->m_end, "met", count(f->n_begin, f->n_end), count(f->m_begin, f->m_end), met);
      break;
    }
    // "trên 50%: 04/16", "dưới 50%: 02/16", every one in the line.
    std::size_t after = 0;
    for (const auto& w : words.find(line)) {
      const auto meaning = words.meaning(w.entry);
      if (w.begin < after ||
          (meaning != ConsistencyWord::tally_above && meaning != ConsistencyWord::tally_below))
        continue;
      std::size_t k = w.end;
      if (k + 1 >= line.size() || line[k] != ' ' || !is_digit(line[k + 1])) continue;
      const std::size_t pct_begin = k + 1;
      std::size_t pct_end = digit_run(line, pct_begin);
      if (pct_end + 1 < line.size() && line[pct_end] == ',' && is_digit(line[pct_end + 1]))
        pct_end = digit_run(line, pct_end + 1);
      k = pct_end;
      if (k < line.size() && line[k] == ' ') ++k;
      if (k >= line.size() || line[k] != '%') continue;
      ++k;
      if (k < line.size() && line[k] == ':') ++k;
      const auto f = fraction_at(line, k);
      if (!f) continue;
      std::string pct = line.substr(pct_begin, pct_end - pct_begin);
      std::replace(pct.begin(), pct.end(), ',', '.');
      double percent = 0;
      const auto [ptr, ec] = std::from_chars(pct.data(), pct.data() + pct.size(), percent);
      if (ec != std::errc() || ptr != pct.data() + pct.size())
        throw ParseError(
            "a tally's percentage is a number such as 50 or 50,5",
            line.substr(pct_begin, std::min<std::size_t>(pct_end - pct_begin, 40)),
            Location{std::string(source), line_no, detail::char_column(line, pct_begin), ""});
      const bool above = meaning == ConsistencyWord::tally_above;
      add(w.begin, f->m_end,
          std::string(above ? "above " : "below ") + line.substr(pct_begin, pct_end - pct_begin) +
              "%",
          count(f->n_begin, f->n_end), count(f->m_begin, f->m_end), beyond(percent, above));
      out.back().at_threshold = exactly(percent);
      after = f->m_end;
    }
    // "06 chỉ tiêu vượt", "07 chỉ tiêu đạt" (not "đạt và"): the first of each.
    auto counted_before = [&](ConsistencyWord word, std::string category, std::size_t counted) {
      for (const auto& w : words.find(line, word)) {
        if (w.begin < 2 || line[w.begin - 1] != ' ' || !is_digit(line[w.begin - 2])) continue;
        if (word == ConsistencyWord::tally_met_only && line.compare(w.end, 4, " và") == 0) continue;
        std::size_t b = w.begin - 1;
        while (b > 0 && is_digit(line[b - 1])) --b;
        add(b, w.end, std::move(category), count(b, w.begin - 1), 0, counted);
        return;
      }
    };
    counted_before(ConsistencyWord::tally_exceeded, "exceeded", exceeded);
    counted_before(ConsistencyWord::tally_met_only, "met_not_exceeded", met - exceeded);
    for (std::size_t k = first_of_line; k < out.size(); ++k)
      describe(out[k], source, columns[k - first_of_line], appendix_source);
  }
  return out;
}

}  // namespace dxkit
