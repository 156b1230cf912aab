#include "dxkit/text/reading.hpp"

#include <utility>

#include "dxkit/error.hpp"

namespace dxkit {

NumberFormat parse_number_format(std::string_view name) {
  // Short spellings older scripts use; the table lists only the names to document.
  if (name == "vi") return NumberFormat::vietnamese;
  if (name == "en") return NumberFormat::plain;
  return number_formats.parse(name);
}

char parse_delimiter(std::string_view name) {
  if (name.empty()) return 0;
  if (name == "tab" || name == "\\t" || name == "\t") return '\t';
  if (name.size() != 1) throw ValidationError("the delimiter must be one character, or 'tab'");
  return name[0];
}

namespace csv {

Table from_columns(std::vector<std::string> header, std::vector<std::vector<std::string>> columns,
                   std::string source) {
  Table t;
  t.source = std::move(source);
  t.header = std::move(header);
  if (columns.size() != t.header.size())
    throw ValidationError("the header and the columns differ in number");
  const std::size_t n = columns.empty() ? 0 : columns.front().size();
  for (const auto& c : columns)
    if (c.size() != n) throw ValidationError("the columns differ in length");
  t.columns = std::move(columns);
  t.lines.resize(n);
  for (std::size_t i = 0; i < n; ++i) t.lines[i] = i + 2;
  return t;
}

}  // namespace csv
}  // namespace dxkit
