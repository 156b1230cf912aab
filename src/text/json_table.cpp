#include "json_table.hpp"

#include <charconv>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabulary.hpp"

namespace dxkit::csv::detail {

namespace {

using Json = nlohmann::ordered_json;

Location at(const std::string& source, std::size_t line, std::size_t column = 0) {
  Location w;
  w.file = source;
  w.line = line;
  if (column) w.column = column;
  return w;
}

// The line of byte `offset` (0-based) and its column in bytes (1-based).
std::pair<std::size_t, std::size_t> line_of(std::string_view s, std::size_t offset) {
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i)
    if (s[i] == '\n') {
      ++line;
      start = i + 1;
    }
  return {line, offset - start + 1};
}

// The line of the `{` of every element of the top-level object's "rows" array, in order, and
// the line of the "rows" key. One pass over the text; strings (and their escapes) skipped.
struct RowLines {
  std::vector<std::size_t> rows;
  std::size_t key = 1;
};

RowLines row_lines(std::string_view s) {
  RowLines out;
  std::size_t line = 1, depth = 0, rows_depth = 0;
  bool rows_done = false;
  std::string last_string;
  bool string_is_key = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\n') ++line;
    if (c == '"') {
      const std::size_t b = ++i;
      while (i < s.size() && s[i] != '"') {
        if (s[i] == '\\')
          ++i;
        else if (s[i] == '\n')
          ++line;
        ++i;
      }
      if (depth == 1) {
        last_string.assign(s.substr(b, std::min(i, s.size()) - b));
        string_is_key = true;
      }
      continue;
    }
    if (c == ':') continue;
    if (c == '{' || c == '[') {
      if (depth == 1 && c == '[' && string_is_key && last_string == "rows" && !rows_depth &&
          !rows_done) {
        rows_depth = depth + 1;
        out.key = line;
      } else if (c == '{' && rows_depth && depth == rows_depth) {
        out.rows.push_back(line);
      }
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth) --depth;
      if (rows_depth && depth < rows_depth) {
        rows_depth = 0;
        rows_done = true;
      }
    }
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') string_is_key = string_is_key && c == ':';
  }
  return out;
}

std::string number_text(const Json& v, NumberFormat format) {
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, v.get<double>(), std::chars_format::fixed);
  std::string out(buf, r.ec == std::errc() ? r.ptr : buf);
  if (format == NumberFormat::vietnamese)
    for (char& ch : out)
      if (ch == '.') ch = ',';
  return out;
}

}  // namespace

bool looks_like_json(std::string_view content) noexcept {
  content = text::strip_bom(content);
  for (char c : content) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{';
  }
  return false;
}

Table parse_json(std::string_view content, std::string source, const Options& options) {
  content = text::strip_bom(content);
  Json doc;
  try {
    doc = Json::parse(content);
  } catch (const Json::parse_error& e) {
    const std::size_t byte = e.byte ? e.byte - 1 : 0;
    const auto [line, column] = line_of(content, byte);
    std::string why = e.what();
    if (const auto p = why.find("syntax error"); p != std::string::npos) why = why.substr(p);
    throw ParseError("not valid JSON (" + why + ")", "", at(source, line, column));
  } catch (const Json::out_of_range& e) {
    // A number beyond a double ("1e400"): nlohmann names it but not its place, so the place is
    // that of its first spelling in the text (found by the fuzzers).
    const std::string why = e.what();
    const auto open = why.find('\'');
    const auto close = why.rfind('\'');
    const std::string number =
        open != std::string::npos && close > open ? why.substr(open + 1, close - open - 1) : "";
    const std::size_t byte = number.empty() ? 0 : content.find(number);
    const auto [line, column] = line_of(content, byte == std::string_view::npos ? 0 : byte);
    throw ParseError("not valid JSON (a number too large for a double)", number,
                     at(source, line, column));
  } catch (const Json::exception& e) {
    throw ParseError("not valid JSON (" + std::string(e.what()) + ")", "", at(source, 1));
  }
  const auto not_ours = [&](const std::string& why) {
    return ParseError("a JSON file that is not dxkit's output (" + why +
                          "); dxkit reads back the JSON of `dxkit ... --format json` "
                          "(\"schema\": \"dxkit/1\", its rows in \"rows\"), or CSV",
                      "", at(source, 1));
  };
  if (!doc.is_object()) throw not_ours("the top level is not an object");
  const auto schema = doc.find("schema");
  if (schema == doc.end() || !schema->is_string() ||
      schema->get_ref<const std::string&>().rfind("dxkit/", 0) != 0)
    throw not_ours("no \"schema\": \"dxkit/1\"");
  const auto rows = doc.find("rows");
  if (rows == doc.end() || !rows->is_array()) throw not_ours("no \"rows\" array");
  const RowLines lines = row_lines(content);
  const auto row_line = [&](std::size_t r) {
    return r < lines.rows.size() ? lines.rows[r] : lines.key;
  };

  Table table;
  table.source = std::move(source);
  table.header_line = lines.key;
  std::unordered_map<std::string, std::size_t> index;
  std::unordered_set<std::string> folded;
  for (std::size_t r = 0; r < rows->size(); ++r) {
    const Json& row = (*rows)[r];
    if (!row.is_object())
      throw ParseError("row " + std::to_string(r + 1) + " of \"rows\" is not an object", "",
                       at(table.source, row_line(r)));
    for (const auto& [key, value] : row.items()) {
      if (index.count(key)) continue;
      const std::string name = text::nfc(text::trim(key));
      if (name.empty())
        throw ParseError("an empty key in row " + std::to_string(r + 1), "",
                         at(table.source, row_line(r)));
      if (!folded.insert(text::fold(name)).second)
        throw ParseError("duplicate key (the same name but for case or spacing)", name,
                         at(table.source, row_line(r)));
      index.emplace(key, table.header.size());
      table.header.push_back(name);
    }
  }
  if (table.header.empty())
    throw ParseError("the JSON's \"rows\" are empty: there is no table to read", "",
                     at(table.source, lines.key));
  table.columns.assign(table.header.size(), std::vector<std::string>(rows->size()));
  for (std::size_t r = 0; r < rows->size(); ++r) {
    const Json& row = (*rows)[r];
    for (const auto& [key, value] : row.items()) {
      const std::size_t c = index.at(key);
      std::string& cell = table.columns[c][r];
      if (value.is_string())
        cell = text::nfc(text::trim(value.get_ref<const std::string&>()));
      else if (value.is_boolean())
        cell = value.get<bool>() ? "true" : "false";
      else if (value.is_number())
        cell = number_text(value, options.json_numbers);
      else if (!value.is_null()) {
        Location w = at(table.source, row_line(r));
        w.column = c + 1;
        w.column_name = table.header[c];
        throw ParseError("a list or an object where a cell is expected", "", w);
      }
    }
    table.lines.push_back(row_line(r));
  }
  return table;
}

}  // namespace dxkit::csv::detail
