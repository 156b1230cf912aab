#include "bind.hpp"
#include "dxkit/error.hpp"

namespace dxkit::python {

csv::Table table_from_columns(std::vector<std::string> header,
                              std::vector<std::vector<std::string>> columns, std::string source) {
  csv::Table t;
  t.source = std::move(source);
  t.header = std::move(header);
  if (columns.size() != t.header.size())
    throw ValidationError("the header and the columns differ in number");
  const std::size_t n = columns.empty() ? 0 : columns.front().size();
  for (const auto& c : columns)
    if (c.size() != n) throw ValidationError("the columns differ in length");
  t.columns = std::move(columns);
  t.lines.resize(n);
  // A DataFrame's "line" is the row number as a spreadsheet shows it (header = line 1).
  for (std::size_t i = 0; i < n; ++i) t.lines[i] = i + 2;
  return t;
}

}  // namespace dxkit::python
