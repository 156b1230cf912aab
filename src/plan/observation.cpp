// The long table of a plan's targets and results (indicator, year, kind, value): targets in
// the target grammar or as ranks ("top 30"), results as numbers or ranks ("48/63").
#include "dxkit/plan/observation.hpp"

#include <array>
#include <cmath>
#include <map>

#include "dxkit/error.hpp"
#include "dxkit/text/detail/lexer.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"
#include "plan/detail.hpp"

namespace dxkit {

namespace {

using text::RankWord;

// Past a phrase of meaning `w` at `pos` and the one space after it; `pos` unchanged if none.
std::size_t skip(const std::string& folded, std::size_t pos, RankWord w) {
  const auto m = text::rank_words().at(folded, pos, w);
  if (!m || pos + m->length >= folded.size() || folded[pos + m->length] != ' ') return pos;
  return pos + m->length + 1;
}

// The digit run at `pos` (advanced past it), as a rank; a run too long for a number is a
// ParseError, nullopt when there is no digit.
std::optional<double> rank_digits(const std::string& folded, std::size_t& pos) {
  const std::size_t from = pos;
  while (pos < folded.size() && folded[pos] >= '0' && folded[pos] <= '9') ++pos;
  if (pos == from) return std::nullopt;
  const auto v = detail::digits_value(std::string_view(folded).substr(from, pos - from));
  if (!v || *v > 1000000000ULL)
    throw ParseError("a rank is a whole number such as 30; this one has " +
                         std::to_string(pos - from) + " digits",
                     folded.substr(from, std::min<std::size_t>(pos - from, 40)));
  return static_cast<double>(*v);
}

bool ascii_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// "top 30", "trong top 30", "trong nhóm 30 ...", "xếp thứ 30 trở lên", "thứ 30": rank <= 30.
// The words are text::rank_words().
std::optional<double> rank_target(const std::string& folded) {
  const auto& words = text::rank_words();
  // [within] top|nhóm [space] digits, then anything after a word boundary.
  std::size_t pos = skip(folded, 0, RankWord::within);
  if (auto top = words.at(folded, pos, RankWord::top)) {
    pos += top->length;
    if (pos < folded.size() && folded[pos] == ' ') ++pos;
    auto value = rank_digits(folded, pos);
    if (value && (pos == folded.size() || !ascii_word_char(folded[pos]))) return value;
  }
  // [xếp|đứng] thứ|hạng digits [trở lên|trở về trước], the whole text.
  pos = skip(folded, 0, RankWord::place_lead);
  const std::size_t place = skip(folded, pos, RankWord::place);
  if (place == pos) return std::nullopt;
  pos = place;
  auto value = rank_digits(folded, pos);
  if (!value) return std::nullopt;
  if (pos == folded.size()) return value;
  if (folded[pos] != ' ') return std::nullopt;
  const auto tail = words.at(folded, pos + 1, RankWord::place_tail);
  if (tail && pos + 1 + tail->length == folded.size()) return value;
  return std::nullopt;
}

// "48/63", "hạng 48/63", "xếp thứ 48 / 63": the rank of a result.
std::optional<double> rank_result(const std::string& folded) {
  std::size_t pos = skip(folded, 0, RankWord::result_lead);
  auto value = rank_digits(folded, pos);
  if (!value) return std::nullopt;
  if (pos < folded.size() && folded[pos] == ' ') ++pos;
  if (pos >= folded.size() || folded[pos] != '/') return std::nullopt;
  ++pos;
  if (pos < folded.size() && folded[pos] == ' ') ++pos;
  if (!rank_digits(folded, pos) || pos != folded.size()) return std::nullopt;
  return value;
}

}  // namespace

NumberDecision observation_number_format(const csv::Table& t, NumberStyle style) {
  const std::array<std::size_t, 1> value{
      t.require(text::progress_words(), text::ProgressWord::value, "value")};
  return resolve_number_style(style, t, value);
}

std::vector<Observation> read_observations(const csv::Table& t, NumberFormat format) {
  TargetOptions target_options;
  target_options.format = format;
  using plan_detail::cell;
  using text::ProgressWord;
  const auto& words = text::progress_words();
  const std::size_t c_ind = t.require(words, ProgressWord::indicator, "indicator");
  const std::size_t c_year = t.require(words, ProgressWord::year, "year");
  const std::size_t c_kind = t.require(words, ProgressWord::kind, "kind");
  const std::size_t c_value = t.require(words, ProgressWord::value, "value");
  const auto c_source = t.find(words, ProgressWord::source);
  const auto c_name = t.find(words, ProgressWord::name);
  std::vector<Observation> out;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    auto at = [&](std::size_t c) { return t.where(r, c); };
    Observation o;
    o.line = t.lines[r];
    o.indicator = cell(t, c_ind, r);
    if (c_name) o.name = cell(t, *c_name, r);
    if (c_source) o.source = cell(t, *c_source, r);
    const std::string year = cell(t, c_year, r);
    try {
      const double y = parse_number(year, NumberFormat::plain);
      if (y != std::floor(y) || y < 1900 || y > 2200)
        throw ParseError("a year is a whole number like 2025", year);
      o.year = static_cast<int>(y);
    } catch (const ParseError& e) {
      throw ParseError("a year is a whole number like 2025", year, at(c_year));
    }
    const std::string& kind = t.columns[c_kind][r];
    if (words.is(kind, ProgressWord::target_kind))
      o.kind = Observation::Kind::target;
    else if (words.is(kind, ProgressWord::result_kind))
      o.kind = Observation::Kind::result;
    else if (words.is(kind, ProgressWord::baseline_kind))
      o.kind = Observation::Kind::baseline;
    else
      throw ParseError("the kind is target, result or baseline (chỉ tiêu, kết quả, cơ sở)",
                       t.columns[c_kind][r], at(c_kind));
    o.text = cell(t, c_value, r);
    const std::string folded = text::fold(o.text);
    try {
      if (o.kind == Observation::Kind::target) {
        if (auto rank = rank_target(folded)) {
          o.rank = true;
          o.value = *rank;
          Target tg;
          tg.text = o.text;
          TargetPart p;
          p.condition = Condition::at_most;
          p.low = p.high = *rank;
          p.unit = "hạng";
          tg.parts.push_back(p);
          o.target = tg;
        } else {
          Target tg = parse_target(o.text, target_options);
          if (tg.is_compound())
            throw ParseError("a compound target: give each part its own indicator code", o.text);
          if (tg.is_milestone())
            throw ParseError("a milestone has no pace to measure; progress needs a number", o.text);
          o.value = tg.parts[0].low;
          o.target = std::move(tg);
        }
      } else {
        if (auto rank = rank_result(folded)) {
          o.rank = true;
          o.value = *rank;
        } else {
          try {
            o.value = parse_quantity(o.text, format).value;
          } catch (const ParseError&) {
            // "trên 80%" under kind result: a target given the wrong kind.
            bool target_like = false;
            try {
              target_like = !parse_target(o.text, target_options).is_milestone() ||
                            rank_target(folded).has_value();
            } catch (const ParseError&) {
            }
            if (target_like)
              throw ParseError(
                  "a result is a number or a rank (48/63); this reads as a target: is "
                  "the kind wrong?",
                  o.text);
            throw;
          }
        }
      }
    } catch (const ParseError& e) {
      throw e.at(at(c_value));
    }
    out.push_back(std::move(o));
  }
  // Ranks and numbers do not mix within an indicator.
  std::map<std::string, const Observation*> first;
  for (const Observation& o : out) {
    auto [it, fresh] = first.emplace(o.indicator, &o);
    if (!fresh && it->second->rank != o.rank) {
      Location w = t.at(o.line);
      w.column_name = t.header[c_value];
      throw ValidationError("indicator '" + o.indicator + "' mixes ranks and other numbers ('" +
                                it->second->text + "' and '" + o.text + "')",
                            w);
    }
  }
  return out;
}

std::vector<Observation> read_observations(const std::filesystem::path& path) {
  return read_observations(csv::read(path));
}

}  // namespace dxkit
