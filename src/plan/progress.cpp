// Progress toward targets: required and observed pace, status, projection.
#include "dxkit/plan/progress.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "dxkit/error.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/text/detail/lexer.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"

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

std::vector<Observation> read_observations(const csv::Table& t) {
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
    o.indicator = std::string(text::trim(t.columns[c_ind][r]));
    if (c_name) o.name = std::string(text::trim(t.columns[*c_name][r]));
    if (c_source) o.source = std::string(text::trim(t.columns[*c_source][r]));
    const std::string year = std::string(text::trim(t.columns[c_year][r]));
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
    o.text = std::string(text::trim(t.columns[c_value][r]));
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
          Target tg = parse_target(o.text);
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
            o.value = parse_quantity(o.text).value;
          } catch (const ParseError&) {
            // "trên 80%" under kind result: a target given the wrong kind.
            bool target_like = false;
            try {
              target_like = !parse_target(o.text).is_milestone() || rank_target(folded).has_value();
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
      Location w;
      w.file = t.source;
      w.line = o.line;
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

namespace {

bool meets(const Target& t, double v) {
  const TargetPart& p = t.parts[0];
  switch (p.condition) {
    case Condition::at_least:
      return v >= p.low;
    case Condition::more_than:
      return v > p.low;
    case Condition::at_most:
      return v <= p.low;
    case Condition::less_than:
      return v < p.low;
    case Condition::within:
      return v >= p.low;  // within reach of the range: at least its start
    case Condition::milestone:
      return false;
  }
  return false;
}

double pace(double from, double to, double years, bool compound) {
  if (compound) return std::pow(to / from, 1.0 / years) - 1;
  return (to - from) / years;
}

}  // namespace

std::vector<Progress> progress(const std::vector<Observation>& all, const ProgressOptions& o) {
  std::map<std::string, std::vector<const Observation*>> by;
  std::vector<std::string> order;
  for (const Observation& x : all) {
    if (o.as_of_year && x.kind != Observation::Kind::target && x.year > *o.as_of_year) continue;
    if (!by.count(x.indicator)) order.push_back(x.indicator);
    by[x.indicator].push_back(&x);
  }
  std::vector<Progress> out;
  for (const std::string& code : order) {
    auto& xs = by[code];
    std::stable_sort(xs.begin(), xs.end(), [](auto a, auto b) { return a->year < b->year; });
    const Observation* base = nullptr;
    const Observation* latest = nullptr;
    std::vector<const Observation*> targets;
    for (const Observation* x : xs) {
      if (x->kind == Observation::Kind::baseline && !base) base = x;
      if (x->kind == Observation::Kind::result) {
        if (!base) base = x;
        latest = x;
      }
      if (x->kind == Observation::Kind::target) {
        // A later document restating the same year's target replaces the earlier one.
        if (!targets.empty() && targets.back()->year == x->year)
          targets.back() = x;
        else
          targets.push_back(x);
      }
    }
    if (latest && base && latest->year < base->year) latest = base;
    // Path points: the baseline, then every target after it.
    std::optional<std::pair<double, double>> start;
    std::string start_label;
    if (base) {
      start = std::pair{static_cast<double>(base->year), base->value};
      start_label = "baseline " + std::to_string(base->year);
    }
    for (const Observation* tg : targets) {
      Progress p;
      p.indicator = code;
      p.name = tg->name.empty() ? (base ? base->name : "") : tg->name;
      p.target_year = tg->year;
      p.target_text = tg->text;
      p.target = tg->value;
      p.lower_is_better = tg->target->parts[0].direction() == Direction::lower_is_better;
      if (base) {
        p.baseline_year = base->year;
        p.baseline = base->value;
      }
      if (latest) {
        p.latest_year = latest->year;
        p.latest = latest->value;
      }
      if (latest && tg->year <= latest->year) {
        // A target year already reached by the data: met or missed, no pace to judge. The
        // result of that year (or the latest before it) decides.
        const Observation* at = nullptr;
        for (const Observation* x : xs)
          if (x->kind == Observation::Kind::result && x->year <= tg->year) at = x;
        if (at) {
          p.latest_year = at->year;
          p.latest = at->value;
          p.status = meets(*tg->target, at->value) ? "achieved" : "missed";
          out.push_back(std::move(p));
          continue;
        }
      }
      if (base && tg->year <= base->year) continue;  // a target for a year before the data
      const bool enough = base && latest && latest->year > base->year;
      if (start) {
        p.path_from = start_label;
        const double years = tg->year - start->first;
        if (years > 0 && (!o.compound || (start->second > 0 && tg->value > 0)))
          p.required = pace(start->second, tg->value, years, o.compound);
      }
      if (latest && meets(*tg->target, latest->value)) {
        p.status = "achieved";
      } else if (!enough || !p.required) {
        p.status = "insufficient_data";
      } else {
        const double years = latest->year - base->year;
        if (o.compound && !(base->value > 0 && latest->value > 0)) {
          p.status = "insufficient_data";
        } else {
          p.observed = pace(base->value, latest->value, years, o.compound);
          const double remaining = tg->year - latest->year;
          p.projected = o.compound ? latest->value * std::pow(1 + *p.observed, remaining)
                                   : latest->value + *p.observed * remaining;
          if (*p.required == 0) {
            p.status = "insufficient_data";  // nothing required, yet not met: no pace to judge
          } else {
            p.ratio = *p.observed / *p.required;
            p.status = *p.ratio >= o.on_track       ? "on_track"
                       : *p.ratio >= o.acceleration ? "acceleration_needed"
                       : *p.ratio >= o.limited      ? "limited_progress"
                                                    : "deteriorating";
          }
          // The year the target is reached at the observed pace, if it is ever reached.
          const double gap = tg->value - latest->value;
          if (!o.compound && *p.observed != 0 && gap / *p.observed > 0)
            p.year_reached = latest->year + gap / *p.observed;
          if (o.compound && *p.observed > 0 && tg->value > latest->value)
            p.year_reached =
                latest->year + std::log(tg->value / latest->value) / std::log(1 + *p.observed);
          if (o.compound && *p.observed < 0 && tg->value < latest->value)
            p.year_reached =
                latest->year + std::log(tg->value / latest->value) / std::log(1 + *p.observed);
        }
      }
      out.push_back(std::move(p));
      // The next stretch of the path starts at this target.
      start = std::pair{static_cast<double>(tg->year), tg->value};
      start_label = "target " + std::to_string(tg->year);
    }
  }
  return out;
}

std::vector<Document> read_documents(const csv::Table& t) {
  using text::ProgressWord;
  const auto& words = text::progress_words();
  const std::size_t c_no = t.require(words, ProgressWord::number, "number");
  const std::size_t c_kind = t.require(words, ProgressWord::kind, "kind");
  const std::size_t c_prov = t.require(words, ProgressWord::province, "province");
  const std::size_t c_year = t.require(words, ProgressWord::year, "year");
  const auto c_date = t.find(words, ProgressWord::date);
  std::vector<Document> out;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    auto at = [&](std::size_t c) { return t.where(r, c); };
    Document d;
    d.line = t.lines[r];
    d.number = std::string(text::trim(t.columns[c_no][r]));
    d.province = std::string(text::trim(t.columns[c_prov][r]));
    const std::string& kind = t.columns[c_kind][r];
    if (words.is(kind, ProgressWord::plan_kind))
      d.kind = "plan";
    else if (words.is(kind, ProgressWord::resolution_kind))
      d.kind = "resolution";
    else
      throw ParseError("the kind is plan or resolution (kế hoạch, nghị quyết)",
                       t.columns[c_kind][r], at(c_kind));
    const std::string year = std::string(text::trim(t.columns[c_year][r]));
    const auto y = year.size() == 4 ? detail::digits_value(year) : std::nullopt;
    if (!y) throw ParseError("a year is a whole number like 2023", year, at(c_year));
    d.year = static_cast<int>(*y);
    if (c_date && !text::trim(t.columns[*c_date][r]).empty()) {
      try {
        d.date = parse_date(t.columns[*c_date][r]);
      } catch (const ParseError& e) {
        throw e.at(at(*c_date));
      }
    }
    for (const Document& other : out)
      if (other.number == d.number)
        throw ValidationError("document '" + d.number + "' is listed twice", at(c_no));
    out.push_back(std::move(d));
  }
  return out;
}

std::map<std::string, std::string> read_mapping(const csv::Table& t) {
  const Location head = t.where_header();
  const auto c_from = t.find({"from"});
  const auto c_to = t.find({"to"});
  if (!c_from || !c_to) throw ValidationError("a mapping has the columns from and to", head);
  std::map<std::string, std::string> out;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string from = std::string(text::trim(t.columns[*c_from][r])),
                      to = std::string(text::trim(t.columns[*c_to][r]));
    auto [it, fresh] = out.emplace(from, to);
    if (!fresh && it->second != to)
      throw ValidationError(
          "'" + from + "' is mapped to both '" + it->second + "' and '" + to + "'",
          t.where(r, *c_to));
  }
  return out;
}

void link(std::vector<Observation>& obs, const std::map<std::string, std::string>& mapping,
          const std::vector<Document>& documents) {
  for (Observation& o : obs) {
    auto it = mapping.find(o.indicator);
    if (it != mapping.end()) o.indicator = it->second;
    if (documents.empty()) continue;
    const bool known = std::any_of(documents.begin(), documents.end(),
                                   [&](const Document& d) { return d.number == o.source; });
    if (!known) {
      Location w;
      w.line = o.line;
      w.column_name = "source";
      throw ValidationError(
          "source '" + o.source + "' of '" + o.indicator + "' is not one of the documents", w);
    }
  }
}

}  // namespace dxkit
