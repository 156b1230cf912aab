#include "dxkit/text/csv.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <unordered_set>

#include "dxkit/cancel.hpp"
#include "dxkit/error.hpp"
#include "dxkit/text/unicode.hpp"
#include "json_table.hpp"

namespace dxkit::csv {

namespace {

// Invalid UTF-8 whose bytes above 0x7F are all Vietnamese letters or tone marks of
// Windows-1258 (most also Latin-1's: à, ô, é) or its no-break space: a Vietnamese text saved in
// the old code page, which UTF-8 cannot be (a lead byte from 0xC0 up would be followed by one
// below 0xC0). Other bytes (0xFF, control codes) are not named as a code page.
bool reads_as_cp1258(std::string_view s) {
  static constexpr unsigned char kVietnamese[] = {
      0xA0, 0xC0, 0xC1, 0xC2, 0xC3, 0xC8, 0xC9, 0xCA, 0xCC, 0xCD, 0xD0, 0xD2,
      0xD3, 0xD4, 0xD5, 0xD9, 0xDA, 0xDD, 0xDE, 0xE0, 0xE1, 0xE2, 0xE3, 0xE8,
      0xE9, 0xEA, 0xEC, 0xED, 0xF0, 0xF2, 0xF3, 0xF4, 0xF5, 0xF9, 0xFA, 0xFD};
  bool high = false;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) continue;
    if (std::find(std::begin(kVietnamese), std::end(kVietnamese), c) == std::end(kVietnamese))
      return false;
    high = true;
  }
  return high;
}

char detect_delimiter(std::string_view s) {
  std::size_t comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    comma += c == ',';
    semi += c == ';';
    tab += c == '\t';
  }
  if (tab > comma && tab > semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

struct Parser {
  std::string_view s;
  const std::string& source;
  char delim;
  std::size_t pos = 0;
  std::size_t line = 1;

  Location at(std::size_t ln, std::size_t column) const {
    Location where;
    where.file = source;
    where.line = ln;
    where.column = column;
    return where;
  }

  // Reads one record into `cells`; returns false at the end of input.
  bool record(std::vector<std::string>& cells, std::size_t& start_line) {
    cells.clear();
    // Skip blank lines.
    while (pos < s.size() && (s[pos] == '\n' || s[pos] == '\r')) {
      if (s[pos] == '\r' && pos + 1 < s.size() && s[pos + 1] == '\n') ++pos;
      ++pos;
      ++line;
    }
    if (pos >= s.size()) return false;
    start_line = line;
    std::string cell;  // a quoted cell, unescaped
    while (true) {
      cell.clear();
      // The cell's text: a quoted one unescaped into `cell`, an unquoted one viewed in place
      // (one copy a cell, made by nfc, instead of two).
      std::string_view raw;
      const std::size_t column = cells.size() + 1;
      if (pos < s.size() && s[pos] == '"') {
        const std::size_t open_line = line;
        ++pos;
        while (true) {
          if (pos >= s.size())
            throw ParseError(
                "unterminated quote: the cell opened with '\"' never closes "
                "(a quote inside a cell is written \"\")",
                "", at(open_line, column));
          char c = s[pos];
          if (c == '"') {
            if (pos + 1 < s.size() && s[pos + 1] == '"') {
              cell += '"';
              pos += 2;
              continue;
            }
            ++pos;
            break;
          }
          if (c == '\n') ++line;
          cell += c;
          ++pos;
        }
        // Only spaces may follow the closing quote before the delimiter.
        while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t') && s[pos] != delim) ++pos;
        if (pos < s.size() && s[pos] != delim && s[pos] != '\n' && s[pos] != '\r')
          throw ParseError("text after a closing quote; quote the whole cell", "",
                           at(line, column));
        raw = cell;
      } else {
        std::size_t b = pos;
        while (pos < s.size() && s[pos] != delim && s[pos] != '\n' && s[pos] != '\r') {
          if (s[pos] == '"')
            throw ParseError(
                "a quote in the middle of an unquoted cell; quote the whole cell "
                "and write the quote as \"\"",
                "", at(line, column));
          ++pos;
        }
        raw = s.substr(b, pos - b);
      }
      try {
        std::string_view trimmed = text::trim(raw);
        cells.push_back(text::nfc(trimmed));
      } catch (const EncodingError& e) {
        Location where = at(line, column);
        if (reads_as_cp1258(raw))
          throw EncodingError(
              "the file is not UTF-8: it reads as Windows-1258 (Vietnamese) or Latin-1 text; "
              "convert it to UTF-8 (iconv -f CP1258 -t UTF-8 FILE, or Excel: 'CSV UTF-8')",
              "", where);
        throw EncodingError(e.message() + " in cell " + std::to_string(column), "", where);
      }
      if (pos < s.size() && s[pos] == delim) {
        ++pos;
        continue;
      }
      // End of record.
      if (pos < s.size()) {
        if (s[pos] == '\r' && pos + 1 < s.size() && s[pos + 1] == '\n') ++pos;
        ++pos;
        ++line;
      }
      return true;
    }
  }
};

}  // namespace

namespace {
// Files that are not UTF-8 text are named for what they are, before any cell is read.
void check_encoding(std::string_view content, const std::string& source) {
  Location where;
  where.file = source;
  where.line = 1;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(content[i]); };
  if (content.size() >= 2 &&
      ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)))
    throw EncodingError(std::string("the file is UTF-16 (") +
                            (byte(0) == 0xFF ? "little-endian" : "big-endian") +
                            "); save it as UTF-8 (Excel: 'CSV UTF-8')",
                        "", where);
  if (content.size() >= 4 && content.substr(0, 4) == std::string_view("PK\x03\x04", 4))
    throw EncodingError("the file is a zip archive (an .xlsx or .docx?), not a CSV text", "",
                        where);
  // UTF-16 without a byte-order mark: ASCII letters with a zero byte beside each.
  const std::size_t probe = std::min<std::size_t>(content.size(), 64);
  std::size_t zeros = 0;
  for (std::size_t i = 0; i < probe; ++i) zeros += content[i] == '\0';
  if (probe >= 4 && zeros * 3 >= probe)
    throw EncodingError("the file looks like UTF-16 (every other byte is zero); save it as UTF-8",
                        "", where);
  if (zeros > 0)
    throw EncodingError("the file holds zero bytes: binary data, not CSV text", "", where);
}
}  // namespace

Table parse(std::string_view content, std::string source, const Options& options) {
  content = text::strip_bom(content);
  check_encoding(content, source);
  if (detail::looks_like_json(content))
    return detail::parse_json(content, std::move(source), options);
  Table table;
  table.source = std::move(source);
  const char delim = options.delimiter ? options.delimiter : detect_delimiter(content);
  Parser p{content, table.source, delim};
  p.line = options.first_line;
  std::vector<std::string> cells;
  std::size_t start = 0;
  if (!p.record(cells, start)) throw ParseError("empty file: no header row", "", p.at(1, 0));
  // Each header folded once and looked up in a hash set: a header of 100,000 columns is
  // checked in linear time (a pairwise comparison took minutes).
  std::unordered_set<std::string> seen;
  seen.reserve(cells.size());
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (cells[c].empty())
      throw ParseError("empty header in column " + std::to_string(c + 1), "", p.at(start, c + 1));
    if (!seen.insert(text::fold(cells[c])).second)
      throw ParseError("duplicate header", cells[c], p.at(start, c + 1));
  }
  table.header = cells;
  table.header_line = start;
  const std::size_t width = cells.size();
  table.columns.assign(width, {});
  // Room for a row a line (cells over several lines make it more than enough): a file of
  // millions of rows then fills its columns without regrowing them, which at the last doubling
  // held the old and the new storage at once.
  const auto rows =
      static_cast<std::size_t>(
          std::count(content.begin() + static_cast<std::ptrdiff_t>(p.pos), content.end(), '\n')) +
      1;
  table.lines.reserve(rows);
  for (std::vector<std::string>& column : table.columns) column.reserve(rows);
  while (p.record(cells, start)) {
    // Ctrl-C in Python (dxkit/cancel.hpp) on a file of millions of rows.
    if (table.lines.size() % 65536 == 65535) check_cancelled();
    if (cells.size() != width) {
      Location where = p.at(start, 0);
      throw ParseError("the row has " + std::to_string(cells.size()) +
                           " cells but the header has " + std::to_string(width) +
                           (cells.size() > width ? " (an unquoted delimiter inside a cell?)" : ""),
                       "", where);
    }
    for (std::size_t c = 0; c < width; ++c) table.columns[c].push_back(std::move(cells[c]));
    table.lines.push_back(start);
  }
  return table;
}

Location Table::at(std::size_t line) const {
  Location w = origin;
  if (w.file.empty()) w.file = source;
  w.line = line;
  return w;
}

Location Table::where(std::size_t row, std::size_t column) const {
  Location w = at(lines[row]);
  w.column = file_column(column);
  w.column_name = header[column];
  return w;
}

Location Table::where_header() const { return at(header_line); }

std::optional<std::size_t> Table::find(std::initializer_list<std::string_view> names) const {
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string h = text::fold(header[c]);
    for (std::string_view n : names)
      if (h == text::fold(n)) return c;
  }
  return std::nullopt;
}

std::size_t Table::require(std::initializer_list<std::string_view> names,
                           std::string_view label) const {
  if (auto c = find(names)) return *c;
  throw ValidationError("missing column '" + std::string(label) + "'", where_header());
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open the file");
  // A regular file is read into one string of its size; a stream into a string buffer grows
  // by copies, twice a large file at its peak. A pipe (no size) is read as a stream.
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > 0 && std::filesystem::is_regular_file(path, ec)) {
    std::string out(static_cast<std::size_t>(size), '\0');
    in.read(out.data(), static_cast<std::streamsize>(size));
    out.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw Error(path.string() + ": cannot read the file");
    if (in) {  // grown since its size was taken: the rest too
      std::ostringstream rest;
      rest << in.rdbuf();
      out += std::move(rest).str();
    }
    return out;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error(path.string() + ": cannot read the file");
  return std::move(buffer).str();
}

Table read(const std::filesystem::path& path, const Options& options) {
  return parse(read_file(path), path.string(), options);
}

}  // namespace dxkit::csv
