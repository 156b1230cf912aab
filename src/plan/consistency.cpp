// Inconsistencies inside one document: fractions against their shares, malformed numbers,
// the same target with two values.
#include "dxkit/plan/consistency.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "dxkit/error.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit {

namespace {

std::string number_text(double v, int decimals) { return format_number(v, decimals, NumberFormat::vietnamese); }

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

}  // namespace

std::vector<TextFinding> check_text(std::string_view whole, std::string_view source) {
  whole = text::strip_bom(whole);
  std::vector<TextFinding> out;
  // A fraction, then within the same clause "đạt / bằng / chiếm / tương đương [tỷ lệ] p%".
  static const std::regex ratio(
      R"((^|[^0-9/.,])([0-9](?:[0-9.,]*[0-9])?)/([0-9](?:[0-9.,]*[0-9])?)(?![0-9/])((?:[^/%\t;.]|\.(?! ))*?)(đạt|bằng|chiếm|tương đương)( tỷ lệ| khoảng)? ([0-9](?:[0-9.,]*[0-9])?) ?%)");
  static const std::regex share(R"((^|[^0-9.,/])([0-9]+(?:,[0-9]+)?) ?% ([^0-9%\t][^%\t]{8,}))");
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
    for (auto it = std::sregex_iterator(line.begin(), line.end(), ratio); it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      const std::string a_text = m[2].str(), b_text = m[3].str(), p_text = m[7].str();
      const std::string quote = a_text + "/" + b_text + m[4].str() + m[5].str() + m[6].str() + " " + p_text + "%";
      // A date (month/year, day/month/year) is not a fraction.
      if (a_text.find_first_of(".,") == std::string::npos && b_text.find_first_of(".,") == std::string::npos) {
        const long a = std::stol(a_text), b = std::stol(b_text);
        if (a >= 1 && a <= 12 && b >= 1900 && b <= 2100) continue;
      }
      TextFinding f;
      f.line = line_no;
      f.quote = quote;
      // Each side of the fraction must read as a number; one that does not is the finding.
      double a = 0, b = 0, p = 0;
      bool malformed = false;
      for (const auto& [side, value] : {std::pair{&a_text, &a}, std::pair{&b_text, &b}}) {
        try {
          *value = parse_number(*side);
        } catch (const ParseError& e) {
          f.kind = "malformed_number";
          f.message = "'" + *side + "' is not a number as written: " + e.message();
          malformed = true;
          break;
        }
      }
      if (malformed) {
        out.push_back(std::move(f));
        continue;
      }
      try {
        p = parse_number(p_text);
      } catch (const ParseError&) {
        continue;  // the share itself is odd; the fraction is not in question
      }
      if (b == 0) continue;
      const double actual = a / b * 100;
      const int d = decimals_of(p_text);
      const double tolerance = 0.5 * std::pow(10.0, -d) + 1e-9;
      if (std::fabs(actual - p) > tolerance) {
        f.kind = "ratio_mismatch";
        f.message = a_text + "/" + b_text + " is " + number_text(actual, std::max(d, 2)) +
                    "%, not " + p_text + "%";
        out.push_back(std::move(f));
      }
    }
    // Targets stated as "p% <subject>". A result ("đạt 61%", "khoảng 8,48%") is not a target;
    // a table row that states the same subject twice is a target beside its result.
    std::vector<std::pair<std::string, std::smatch>> here;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), share); it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      const std::size_t at = static_cast<std::size_t>(m.position(2));
      std::size_t from = at > 16 ? at - 16 : 0;  // on a character boundary
      while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
      const std::string before = text::fold(line.substr(from, at - from));
      if (before.find("khoảng") != std::string::npos || before.find("ước") != std::string::npos ||
          before.find("đạt") != std::string::npos || before.find("đã") != std::string::npos)
        continue;
      const std::string words = subject(m[3].str());
      if (std::count(words.begin(), words.end(), ' ') < 3) continue;  // too short to be a subject
      here.emplace_back(words, m);
    }
    bool paired = false;
    for (std::size_t i = 0; i < here.size(); ++i)
      for (std::size_t j = i + 1; j < here.size(); ++j) paired = paired || here[i].first == here[j].first;
    for (const auto& [words, m] : here) {
      if (paired) break;
      const std::string value = m[2].str();
      const std::string quote = value + "% " + m[3].str().substr(0, 120);
      auto [seen, fresh] = subjects.emplace(words, Seen{value, line_no, quote});
      if (fresh || seen->second.value == value) continue;
      TextFinding f;
      f.kind = "conflicting_target";
      f.line = line_no;
      f.quote = quote;
      f.other_line = seen->second.line;
      f.other_quote = seen->second.quote;
      f.message = "'" + words + "' is " + seen->second.value + "% on line " +
                  std::to_string(seen->second.line) + " and " + value + "% here";
      out.push_back(std::move(f));
    }
    pos = end + 1;
  }
  return out;
}

std::vector<Tally> check_tallies(std::string_view whole, const EvaluationTable& e,
                                 std::string_view source) {
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
      if (!e.met[i] && e.has_data[i] && std::fabs(e.ratio[i] * 100 - percent) <= percent * 1e-12) ++n;
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
  static const std::regex done(R"(hoàn thành:? ?(\d+) ?/ ?(\d+)(?![/\d]))");
  static const std::regex band(R"((trên|dưới) (\d+(?:,\d+)?) ?%:? ?(\d+) ?/ ?(\d+))");
  static const std::regex both(R"(đạt và vượt (\d+) ?/ ?(\d+))");
  static const std::regex over(R"((\d+) chỉ tiêu vượt)");
  static const std::regex only(R"((\d+) chỉ tiêu đạt(?! và))");
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
    auto add = [&](const std::smatch& m, std::string category, std::size_t stated, std::size_t of,
                   std::size_t counted) {
      Tally t;
      t.line = line_no;
      t.quote = m.str(0);
      t.category = std::move(category);
      t.stated = stated;
      t.stated_total = of;
      t.counted = counted;
      t.total = total;
      t.supported = stated == counted && (of == 0 || of == total);
      out.push_back(std::move(t));
    };
    std::smatch m;
    if (std::regex_search(line, m, both)) add(m, "met", std::stoul(m[1]), std::stoul(m[2]), met);
    else if (std::regex_search(line, m, done)) add(m, "met", std::stoul(m[1]), std::stoul(m[2]), met);
    for (auto it = std::sregex_iterator(line.begin(), line.end(), band); it != std::sregex_iterator(); ++it) {
      const std::smatch& b = *it;
      std::string pct = b[2].str();
      std::replace(pct.begin(), pct.end(), ',', '.');
      const bool above = b[1].str() == "trên";
      add(b, std::string(above ? "above " : "below ") + b[2].str() + "%", std::stoul(b[3]), std::stoul(b[4]),
          beyond(std::stod(pct), above));
      out.back().at_threshold = exactly(std::stod(pct));
    }
    if (std::regex_search(line, m, over)) add(m, "exceeded", std::stoul(m[1]), 0, exceeded);
    if (std::regex_search(line, m, only)) add(m, "met_not_exceeded", std::stoul(m[1]), 0, met - exceeded);
  }
  return out;
}

}  // namespace dxkit
