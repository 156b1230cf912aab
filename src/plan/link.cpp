// The documents observations come from, and the mapping that links an indicator's codes
// across them.
#include "dxkit/plan/link.hpp"

#include <algorithm>

#include "dxkit/error.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/text/detail/lexer.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"
#include "plan/detail.hpp"

namespace dxkit {

std::vector<Document> read_documents(const csv::Table& t) {
  using plan_detail::cell;
  using text::ProgressWord;
  const auto& words = text::progress_words();
  const std::size_t c_no = t.require(words, ProgressWord::number, "number"),
                    c_kind = t.require(words, ProgressWord::kind, "kind"),
                    c_prov = t.require(words, ProgressWord::province, "province"),
                    c_year = t.require(words, ProgressWord::year, "year");
  const auto c_date = t.find(words, ProgressWord::date);
  std::vector<Document> out;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const auto at = [&](std::size_t c) { return t.where(r, c); };
    Document d;
    d.number = cell(t, c_no, r);
    d.province = cell(t, c_prov, r);
    d.line = t.lines[r];
    const std::string& kind = t.columns[c_kind][r];
    if (words.is(kind, ProgressWord::plan_kind))
      d.kind = "plan";
    else if (words.is(kind, ProgressWord::resolution_kind))
      d.kind = "resolution";
    else
      throw ParseError("the kind is plan or resolution (kế hoạch, nghị quyết)", kind, at(c_kind));
    const std::string year = cell(t, c_year, r);
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
    const std::string from = plan_detail::cell(t, *c_from, r), to = plan_detail::cell(t, *c_to, r);
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
