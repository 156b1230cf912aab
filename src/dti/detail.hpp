#pragma once
// Pieces shared by the DTI sources. Internal to the library.
#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/error.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::dti::detail {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The place of a cell of `t`, for messages.
inline Location at(const csv::Table& t, std::size_t row, const std::string& column) {
  Location where = t.at(t.lines[row]);
  where.column_name = column;
  // In a document its column too, so that a sheet cell reads 'Sheet'!D8 (Location::to_string).
  if (!t.origin.sheet.empty() || t.origin.table > 0) {
    const auto c = std::find(t.header.begin(), t.header.end(), column);
    if (c != t.header.end())
      where.column = t.file_column(static_cast<std::size_t>(c - t.header.begin()));
  }
  return where;
}

/// `s` cut at `sep`, each part trimmed.
inline std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (;;) {
    const std::size_t k = s.find(sep);
    out.push_back(std::string(text::trim(s.substr(0, k))));
    if (k == std::string_view::npos) break;
    s.remove_prefix(k + 1);
  }
  return out;
}

}  // namespace dxkit::dti::detail
