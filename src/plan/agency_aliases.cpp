#include "dxkit/plan/agency_aliases.hpp"

#include "dxkit/error.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/vocabularies.hpp"
#include "dxkit/text/vocabulary.hpp"
#include "plan/detail.hpp"

namespace dxkit {

std::string AgencyAliases::agency_of(std::string_view spelling) const {
  if (!by_key.empty()) {
    const auto it = by_key.find(text::label_key(spelling));
    if (it != by_key.end()) return it->second;
  }
  return text::agency_of(spelling);
}

AgencyAliases read_agency_aliases(const std::filesystem::path& path) {
  const csv::Table t = csv::read(path);
  const std::size_t spelling = t.require({"spelling", "cách viết", "tên viết"}, "spelling");
  const std::size_t agency = t.require({"agency", "cơ quan", "đơn vị"}, "agency");
  AgencyAliases out;
  out.source = t.source;
  std::map<std::string, std::size_t> row_of;  // key -> data row that gave it
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string s = plan_detail::cell(t, spelling, r);
    const std::string a = plan_detail::cell(t, agency, r);
    if (s.empty()) throw ParseError("an alias needs a spelling", "", t.where(r, spelling));
    if (a.empty())
      throw ParseError("the alias '" + s + "' names no agency", "", t.where(r, agency));
    const std::string key = text::label_key(s);
    const auto [at, added] = row_of.try_emplace(key, r);
    if (!added && out.by_key[key] != a)
      throw ValidationError("the spelling '" + s + "' is the agency '" + out.by_key[key] +
                                "' on line " + std::to_string(t.lines[at->second]) + " and '" + a +
                                "' here",
                            t.where(r, agency));
    out.by_key[key] = a;
  }
  return out;
}

}  // namespace dxkit
