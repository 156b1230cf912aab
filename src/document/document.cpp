// Opening a document by its kind, the text form of the seeds, choosing a table, and handing a
// table to the table readers as the csv::Table they take.
#include "dxkit/document/document.hpp"

#include <algorithm>

#include "archive.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabulary.hpp"

namespace dxkit::document {

namespace {

std::string extension(const std::filesystem::path& path) {
  std::string e = path.extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

// Drops the text form's marks: <b> <i> <sup> tags and ** / * emphasis, headings' '#'.
std::string unmark(std::string_view s, bool* bold) {
  std::string out;
  bool b = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      const auto close = s.find('>', i);
      const std::string_view tag = s.substr(i, close == std::string_view::npos ? 0 : close - i + 1);
      if (tag == "<b>" || tag == "</b>" || tag == "<i>" || tag == "</i>" || tag == "<sup>" ||
          tag == "</sup>") {
        b = b || tag == "<b>";
        i = close;
        continue;
      }
    }
    if (s[i] == '*') continue;
    out += s[i];
  }
  if (bold) *bold = b;
  std::string t(text::trim(out));
  while (t.starts_with("#")) t = std::string(text::trim(std::string_view(t).substr(1)));
  return t;
}

// At most `bytes` bytes of `s`, cut at a character boundary, "…" when cut.
std::string shortened(const std::string& s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  std::size_t n = bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(text::trim(std::string_view(s).substr(0, n))) + "…";
}

// The caption's first part ("Phụ lục II" of "Phụ lục II — DANH MỤC ..."), as a key.
std::string caption_head(const std::string& caption) {
  return text::label_key(caption.substr(0, caption.find(" — ")));
}

}  // namespace

std::string Table::cell_name(std::size_t row, std::size_t column) const {
  const std::size_t r = row < row_numbers.size() ? row_numbers[row] : 0;
  const std::size_t c = column < column_numbers.size() ? column_numbers[column] : column + 1;
  if (!sheet) return "row " + std::to_string(r) + ", column " + std::to_string(c);
  std::string letters;
  for (std::size_t n = c; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters + std::to_string(r);
}

std::vector<const Table*> Document::of_kind(TableKind kind) const {
  std::vector<const Table*> out;
  for (const Table& t : tables)
    if (t.kind == kind) out.push_back(&t);
  return out;
}

const Table& Document::choose(std::string_view choice, TableKind kind) const {
  auto list = [&](const std::vector<const Table*>& ts) {
    std::string s;
    for (const Table* t : ts)
      s += "; " + std::to_string(t->number) + ": " +
           (t->caption.empty() ? t->place : shortened(t->caption, 60)) + " (" +
           std::string(table_kinds.name(t->kind)) + ")";
    return s;
  };
  std::vector<const Table*> all;
  for (const Table& t : tables) all.push_back(&t);
  const Location at{source, 0, 0, {}};
  if (choice.empty()) {
    auto found = of_kind(kind);
    if (found.size() == 1) return *found.front();
    const std::string kind_name(table_kinds.name(kind));
    if (found.empty())
      throw ValidationError("no " + kind_name + " table in the document; choose one with --table" +
                                (all.empty() ? std::string(": it has no table") : list(all)),
                            at);
    throw ValidationError(std::to_string(found.size()) + " " + kind_name +
                              " tables in the document; choose one with --table" + list(found),
                          at);
  }
  if (std::all_of(choice.begin(), choice.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::size_t n = 0;
    for (char c : choice.substr(0, 9)) n = n * 10 + static_cast<std::size_t>(c - '0');
    if (n >= 1 && n <= tables.size()) return tables[n - 1];
    throw ValidationError("no table " + std::string(choice) + "; the document has " +
                              std::to_string(tables.size()) + " table(s)" + list(all),
                          at);
  }
  const std::string want = text::label_key(choice);
  std::vector<const Table*> found;
  for (const Table& t : tables)  // "Phụ lục II" names II, not also III
    if (caption_head(t.caption) == want) found.push_back(&t);
  if (found.empty())
    for (const Table& t : tables)
      if (text::label_key(t.caption).find(want) != std::string::npos) found.push_back(&t);
  if (found.size() == 1) return *found.front();
  throw ValidationError((found.empty() ? "no table's caption contains '"
                                       : std::to_string(found.size()) + " captions contain '") +
                            std::string(choice) + "'" + list(found.empty() ? all : found),
                        at);
}

Document parse_text_document(std::string_view content, std::string source) {
  content = text::strip_bom(content);
  Document doc;
  doc.source = std::move(source);
  std::vector<Grid> grids;
  std::vector<std::string> pending;
  Grid* open = nullptr;
  std::size_t line_no = 0, tables = 0;
  for (std::size_t at = 0; at <= content.size();) {
    auto end = content.find('\n', at);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(at, end - at);
    at = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find('\t') == std::string_view::npos) {
      open = nullptr;
      std::string p = unmark(text::nfc(line), nullptr);
      if (p.empty()) continue;
      doc.paragraphs.push_back(p);
      pending.push_back(std::move(p));
      if (end == content.size()) break;
      continue;
    }
    if (!open) {
      grids.emplace_back();
      open = &grids.back();
      open->place = "table " + std::to_string(++tables);
      open->place_number = tables;
      open->text_form = true;
      open->before = std::move(pending);
      pending.clear();
    }
    std::vector<Cell> row;
    for (std::size_t a = 0;;) {
      const auto tab = line.find('\t', a);
      Cell c;
      c.text =
          unmark(text::nfc(line.substr(a, tab == std::string_view::npos ? tab : tab - a)), &c.bold);
      c.type = c.text.empty() ? CellType::empty : CellType::text;
      row.push_back(std::move(c));
      if (tab == std::string_view::npos) break;
      a = tab + 1;
    }
    open->rows.push_back(std::move(row));
    open->row_numbers.push_back(line_no);
    if (end == content.size()) break;
  }
  for (Grid& g : grids) {
    std::size_t width = 0;
    for (const auto& r : g.rows) width = std::max(width, r.size());
    for (auto& r : g.rows) r.resize(width);
  }
  doc.tables = detail::understand(std::move(grids));
  return doc;
}

bool is_document(const std::filesystem::path& path) {
  const std::string e = extension(path);
  return e == ".docx" || e == ".xlsx" || e == ".txt" || e == ".md";
}

namespace {

// The tables of an opened .docx or .xlsx (`e` its extension), within the limits.
Document read_office(detail::Archive& zip, const std::string& e, const Limits& limits) {
  Document doc;
  doc.source = zip.source();
  std::vector<Grid> grids;
  if (e == ".xlsx") {
    grids = detail::read_xlsx(zip, limits);
  } else {
    auto xml = zip.read("word/document.xml");
    if (!xml)
      throw ParseError("missing part of the document", "word/document.xml",
                       Location{doc.source, 0, 0, {}});
    grids = detail::parse_docx_xml(*xml, doc.source, doc.paragraphs);
  }
  for (const Grid& g : grids) {
    std::size_t n = 0;
    for (const auto& r : g.rows) n += r.size();
    if (n > limits.cells)
      throw ParseError("a table holds more than " + std::to_string(limits.cells) + " cells",
                       g.place, Location{doc.source, 0, 0, {}});
  }
  doc.tables = detail::understand(std::move(grids));
  return doc;
}

[[noreturn]] void refuse_kind(const std::filesystem::path& path) {
  throw Error(path.string() + ": not a document dxkit reads (.docx, .xlsx, .txt, .md)");
}

}  // namespace

Document read_document(const std::filesystem::path& path, const Limits& limits) {
  const std::string e = extension(path);
  if (e == ".txt" || e == ".md") return parse_text_document(csv::read_file(path), path.string());
  if (e != ".docx" && e != ".xlsx") refuse_kind(path);
  if (!std::filesystem::exists(path)) throw Error(path.string() + ": cannot open the file");
  detail::Archive zip(path, limits);
  return read_office(zip, e, limits);
}

Document parse_document(std::string_view content, const std::filesystem::path& name,
                        const Limits& limits) {
  const std::string e = extension(name);
  if (e == ".txt" || e == ".md") return parse_text_document(content, name.string());
  if (e != ".docx" && e != ".xlsx") refuse_kind(name);
  detail::Archive zip(content, name, limits);
  return read_office(zip, e, limits);
}

csv::Table to_csv(const Document& doc, const Table& t) {
  csv::Table out;
  out.source = doc.source + ", " + t.place;
  // Its cells are named by sheet and sheet column ('X'!D8) or Word table, row and column.
  out.origin.file = doc.source;
  if (t.sheet) {
    out.origin.sheet = t.sheet_name;
  } else {
    out.origin.table = t.place_first;
    if (t.place_last > t.place_first) out.origin.last_table = t.place_last;
  }
  out.column_numbers = t.column_numbers;
  out.header = t.header;
  out.header_line = t.header_row;
  out.columns.assign(t.header.size(), {});
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t c = 0; c < t.header.size(); ++c) out.columns[c].push_back(t.rows[r][c].text);
    out.lines.push_back(t.row_numbers[r]);
  }
  return out;
}

std::string paragraph_text(const Document& doc) {
  std::string out;
  for (const std::string& p : doc.paragraphs) {
    // A paragraph with line breaks inside stays one line, so that line N is paragraph N.
    std::string line = p;
    std::replace(line.begin(), line.end(), '\n', ' ');
    out += line;
    out += '\n';
  }
  return out;
}

std::string write_csv(const Table& t) {
  std::string out;
  if (!t.unit.empty()) out += "ĐVT: " + t.unit + "\n";
  auto cell = [&](const std::string& s) {
    if (s.find_first_of(",\"\n\r;") == std::string::npos) {
      out += s;
      return;
    }
    out += '"';
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  };
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    if (c) out += ',';
    cell(t.header[c]);
  }
  out += '\n';
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      cell(row[c].text);
    }
    out += '\n';
  }
  return out;
}

}  // namespace dxkit::document
