// Tallies counted as the document means them: where the results appendix has its own verdict
// column ("Hoàn thành", "Đạt 50% mục tiêu", "Đạt trên 90% mục tiêu", "Vượt", "Chưa đạt"), the
// text's "trên 50%: 04/16" counts that column's verdicts, in which "Đạt 50% mục tiêu" is among
// those above 50 % (the Thái Bình 2024 plan counts it so). dxkit's own "trên" (strictly above)
// applies only where the appendix has no verdicts and the scheme's evaluation is counted.
#include <charconv>
#include <optional>
#include <string>

#include "dxkit/plan/tally.hpp"
#include "dxkit/text/vocabularies.hpp"
#include "plan/detail.hpp"
#include "plan/tally_detail.hpp"

namespace dxkit {

namespace {

// One document verdict: met / exceeded, or not met with the percentage of the target reached
// (side -1 "dưới X%", 0 "X%", +1 "trên X%"), or no data.
struct DocumentVerdict {
  bool data = true, met = false, exceeded = false;
  std::optional<double> percent;
  int side = 0;
};

// "đạt [trên|dưới] X[,Y]% [words]" in a label_key; nullopt when the cell is not that.
std::optional<DocumentVerdict> percent_verdict(const std::string& key) {
  const std::size_t pct = key.find('%');
  if (pct == std::string::npos || pct == 0) return std::nullopt;
  std::size_t b = pct;
  while (b > 0 && (plan_detail::is_digit(key[b - 1]) || key[b - 1] == ',')) --b;
  if (b == pct || b == 0 || key[b - 1] != ' ') return std::nullopt;
  for (std::size_t i = pct + 1; i < key.size(); ++i)
    if (plan_detail::is_digit(key[i])) return std::nullopt;
  std::string words = key.substr(0, b - 1);
  DocumentVerdict v;
  const auto& tally_words = text::consistency_words();
  const std::size_t space = words.rfind(' ');
  if (space != std::string::npos) {
    const std::string last = words.substr(space + 1);
    if (tally_words.is(last, text::ConsistencyWord::tally_above)) {
      v.side = 1;
    } else if (tally_words.is(last, text::ConsistencyWord::tally_below)) {
      v.side = -1;
    } else {
      return std::nullopt;
    }
    words.resize(space);
  }
  if (!text::verdicts().is(words, text::Verdict::met)) return std::nullopt;
  std::string number = key.substr(b, pct - b);
  for (char& c : number)
    if (c == ',') c = '.';
  double x = 0;
  const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), x);
  if (ec != std::errc() || ptr != number.data() + number.size()) return std::nullopt;
  v.percent = x;
  return v;
}

std::optional<DocumentVerdict> read_verdict(std::string_view cell) {
  const std::string key = text::label_key(cell);
  DocumentVerdict v;
  if (key.empty()) {
    v.data = false;
    return v;
  }
  using text::Verdict;
  if (const auto m = text::verdicts().whole(key)) {
    switch (*m) {
      case Verdict::exceeded:
        v.exceeded = true;
        v.met = true;
        break;
      case Verdict::met:
      case Verdict::completed:
        v.met = true;
        break;
      case Verdict::no_data:
        v.data = false;
        break;
      default:  // Chưa đạt, Chưa hoàn thành: not met, no percentage
        break;
    }
    return v;
  }
  return percent_verdict(key);
}

}  // namespace

std::optional<std::size_t> verdict_column(const IndicatorTable& appendix) {
  for (std::size_t k = 0; k < appendix.extra_values.size(); ++k) {
    const auto& cells = appendix.extra_values[k];
    bool any = false, all = !cells.empty();
    for (const std::string& c : cells) {
      const auto v = read_verdict(c);
      if (!v) {
        all = false;
        break;
      }
      any = any || v->data;
    }
    if (all && any) return k;
  }
  return std::nullopt;
}

std::vector<Tally> check_tallies(std::string_view text, const IndicatorTable& appendix,
                                 const EvaluationTable& evaluated, std::string_view source,
                                 std::string_view appendix_source) {
  const auto column = verdict_column(appendix);
  if (!column) return check_tallies(text, evaluated, source, appendix_source);
  std::vector<DocumentVerdict> verdicts;
  for (const std::string& c : appendix.extra_values[*column]) verdicts.push_back(*read_verdict(c));
  plan_detail::Counts c;
  c.total = verdicts.size();
  for (const DocumentVerdict& v : verdicts) {
    c.met += v.met;
    c.exceeded += v.exceeded;
  }
  c.beyond = [&](double p, bool above) {
    std::size_t n = 0;
    for (const DocumentVerdict& v : verdicts) {
      if (v.met || !v.data || !v.percent) continue;
      const double x = *v.percent;
      n += above ? (v.side >= 0 && x >= p) : (v.side == 0 ? x < p : (v.side < 0 && x <= p));
    }
    return n;
  };
  c.exactly = [](double) { return std::size_t{0}; };
  const std::string named =
      (appendix_source.empty() ? std::string() : std::string(appendix_source) + ", ") +
      "verdict column '" + appendix.extra_names[*column] + "'";
  return plan_detail::scan_tallies(text, c, source, named);
}

}  // namespace dxkit
