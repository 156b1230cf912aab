#pragma once
// What the budget tests share: the seeds' appendices and findings written as one line each.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "dxkit/budget/budget.hpp"

namespace dxkit::budget::testing {

inline const std::string kExamples = DXKIT_EXAMPLES_DIR;
inline constexpr std::int64_t kMillion = 1'000'000;

inline Budget load(const std::string& name) { return read_budget(kExamples + "/" + name); }

inline std::size_t column(const Budget& b, const std::string& header) {
  for (std::size_t c = 0; c < b.columns.size(); ++c)
    if (b.columns[c].header == header) return c;
  throw std::runtime_error("no column " + header);
}

// "code line column reported computed" in triệu, one string per finding.
inline std::vector<std::string> summary(const Budget& b) {
  std::vector<std::string> out;
  for (const Finding& f : b.check()) {
    std::string s = f.diagnostic.code + " " + std::to_string(f.diagnostic.where.line);
    if (!f.diagnostic.where.column_name.empty()) s += " " + f.diagnostic.where.column_name;
    if (f.reported) s += " " + format_money(*f.reported, MoneyUnit::million);
    if (f.computed) s += " " + format_money(*f.computed, MoneyUnit::million);
    out.push_back(s);
  }
  return out;
}

inline std::vector<std::string> findings_of(const std::string& csv_text) {
  return summary(parse_budget(csv_text, "bad.csv"));
}

}  // namespace dxkit::budget::testing
