// The tallies a plan's text prints ("Số mục tiêu đã hoàn thành: 10/16", "trên 50%: 04/16",
// "06 chỉ tiêu vượt") against its evaluated results appendix, each a Diagnostic. Read by a
// left-to-right scanner (no std::regex); the words are text::consistency_words.
#include "dxkit/plan/tally.hpp"

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
#include "plan/tally_detail.hpp"

namespace dxkit {

using plan_detail::digit_run;
using plan_detail::is_digit;

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

// Past a run of white space at `k`: the white space of text::trim (spaces, tabs, U+00A0, ...),
// a run counting as one space as in every phrase of the vocabulary (docs/vocabulary.md), so
// Word's double spaces change nothing.
std::size_t past_blanks(std::string_view line, std::size_t k) {
  const std::string_view rest = line.substr(std::min(k, line.size()));
  const std::string_view kept = text::trim(rest);
  return kept.empty() ? line.size() : line.size() - rest.size() + (kept.data() - rest.data());
}

// "␣*N␣*/␣*M" from `j` (␣* a run of white space, maybe none): the offsets of N and M and the
// end.
struct Fraction {
  std::size_t n_begin, n_end, m_begin, m_end;
};
std::optional<Fraction> fraction_at(std::string_view line, std::size_t j) {
  auto space = [&](std::size_t k) { return past_blanks(line, k); };
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

using plan_detail::Counts;
using plan_detail::scan_tallies;

std::vector<Tally> check_tallies(std::string_view whole, const EvaluationTable& e,
                                 std::string_view source, std::string_view appendix_source) {
  Counts c;
  const std::size_t total = e.size();
  c.total = total;
  for (std::size_t i = 0; i < total; ++i) {
    c.met += e.met[i];
    c.exceeded += e.exceeded[i];
  }
  c.exactly = [&](double percent) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < total; ++i)
      if (!e.met[i] && e.has_data[i] && std::fabs(e.ratio[i] * 100 - percent) <= percent * 1e-12)
        ++n;
    return n;
  };
  c.beyond = [&](double percent, bool above) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < total; ++i) {
      if (e.met[i] || !e.has_data[i]) continue;
      const double r = e.ratio[i] * 100;
      n += above ? r > percent * (1 + 1e-12) : r < percent * (1 - 1e-12);
    }
    return n;
  };
  return scan_tallies(whole, c, source, appendix_source);
}

namespace plan_detail {

std::vector<Tally> scan_tallies(std::string_view whole, const Counts& c, std::string_view source,
                                std::string_view appendix_source) {
  whole = text::strip_bom(whole);
  const std::size_t total = c.total, met = c.met, exceeded = c.exceeded;
  const auto& beyond = c.beyond;
  const auto& exactly = c.exactly;
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
    // Every tally has a count, and all but "06 chỉ tiêu vượt" a fraction: a line without a
    // digit (most of a plan) is not folded or scanned, one without '/' only for the last kind.
    const bool has_digit = std::any_of(raw.begin(), raw.end(), is_digit);
    if (!has_digit) continue;
    const bool has_fraction = raw.find('/') != std::string::npos;
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
    // "đạt và vượt 13/15" (white space before the fraction, one space or a run, as Word text
    // has them), else "hoàn thành: 10/16" (not followed by '/' or a digit).
    const std::vector<text::PhraseFound> none;
    for (const auto& w :
         has_fraction ? words.find(line, ConsistencyWord::tally_met_or_exceeded) : none) {
      const auto f = past_blanks(line, w.end) > w.end ? fraction_at(line, w.end) : std::nullopt;
      if (!f) continue;
      add(w.begin, f->m_end, "met", count(f->n_begin, f->n_end), count(f->m_begin, f->m_end), met);
      met_seen = true;
      break;
    }
    for (const auto& w :
         has_fraction && !met_seen ? words.find(line, ConsistencyWord::tally_met) : none) {
      std::size_t j = w.end;
      if (j < line.size() && line[j] == ':') ++j;
      const auto f = fraction_at(line, j);
      if (!f || (f->m_end < line.size() && line[f->m_end] == '/')) continue;
      add(w.begin, f->m_end, "met", count(f->n_begin, f->n_end), count(f->m_begin, f->m_end), met);
      break;
    }
    // "trên 50%: 04/16", "dưới 50%: 02/16", every one in the line.
    std::size_t after = 0;
    for (const auto& w : has_fraction ? words.find(line) : none) {
      const auto meaning = words.meaning(w.entry);
      if (w.begin < after ||
          (meaning != ConsistencyWord::tally_above && meaning != ConsistencyWord::tally_below))
        continue;
      const std::size_t pct_begin = past_blanks(line, w.end);
      if (pct_begin == w.end || pct_begin >= line.size() || !is_digit(line[pct_begin])) continue;
      std::size_t pct_end = digit_run(line, pct_begin);
      if (pct_end + 1 < line.size() && line[pct_end] == ',' && is_digit(line[pct_end + 1]))
        pct_end = digit_run(line, pct_end + 1);
      std::size_t k = past_blanks(line, pct_end);
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

}  // namespace plan_detail

}  // namespace dxkit
