// The .xlsx writer. An Open XML workbook is a zip of XML parts; this writes the fewest parts
// Excel, LibreOffice and openpyxl need (content types, relationships, workbook, styles,
// shared strings, one part per sheet), with pugixml for the XML (escaping) and libzip for the
// container (already the document reader's). Every zip entry carries the same fixed time, so
// the same workbook gives the same bytes and tests can compare files.
#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <pugixml.hpp>
#include <sstream>

#include "dxkit/error.hpp"
#include "dxkit/report/workbook.hpp"

namespace dxkit::report {

namespace {

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kType = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
constexpr std::array kTones{Tone::green, Tone::light_green, Tone::amber, Tone::red,
                            Tone::grey,  Tone::blue,        Tone::header};
constexpr double kFontSize = 12;  // Times New Roman 12, as the appendices are printed

std::string column_letters(std::size_t column) {
  std::string out;
  for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  return out;
}

std::string cell_ref(std::size_t row, std::size_t column) {
  return column_letters(column) + std::to_string(row + 1);
}

// Whole numbers (money in đồng, counts, day numbers) as integers, so that a reader gets an
// integer back (75428000000, not 7.5428e+10); others the shortest text that reads back the
// same double.
std::string shortest(double v) {
  char buffer[32];
  if (v == std::trunc(v) && std::fabs(v) < 9.0e15) {
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(v));
    return {buffer, r.ptr};
  }
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
  return {buffer, r.ptr};
}

// Control characters XML 1.0 cannot hold are written as Open XML's _xHHHH_ escape (which
// Excel and openpyxl read back as the character); so is a literal "_x" that would read as one.
std::string xml_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
        (c == '_' && i + 1 < s.size() && s[i + 1] == 'x')) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "_x%04X_", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string save(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  return out.str();
}

pugi::xml_node start(pugi::xml_document& doc, const char* root, const char* ns) {
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  auto node = doc.append_child(root);
  node.append_attribute("xmlns") = ns;
  return node;
}

void check_names(const Workbook& book) {
  std::vector<std::string> seen;
  for (const Sheet& s : book.sheets) {
    const auto length = std::count_if(s.name.begin(), s.name.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    if (s.name.empty() || length > 31)
      throw ValidationError(std::string("a sheet name must have 1 to 31 characters") + ": '" +
                            s.name + "'");
    if (s.name.find_first_of("[]:*?/\\") != std::string::npos || s.name.front() == '\'' ||
        s.name.back() == '\'')
      throw ValidationError(
          std::string("a sheet name cannot hold []:*?/\\ or begin or end with '") + ": '" + s.name +
          "'");
    std::string lower = s.name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (std::find(seen.begin(), seen.end(), lower) != seen.end())
      throw ValidationError(std::string("two sheets have the same name") + ": '" + s.name + "'");
    seen.push_back(lower);
    std::vector<std::vector<bool>> covered;
    for (const Merge& m : s.merges) {
      if (m.rows == 0 || m.columns == 0 || m.row + m.rows > s.rows.size())
        throw ValidationError(std::string("a merge lies outside its sheet's rows") + ": '" +
                              s.name + "!" + cell_ref(m.row, m.column) + "'");
      for (std::size_t r = m.row; r < m.row + m.rows; ++r) {
        if (m.column + m.columns > s.rows[r].size())
          throw ValidationError(std::string("a merge lies outside its row's cells") + ": '" +
                                s.name + "!" + cell_ref(m.row, m.column) + "'");
        if (covered.size() <= r) covered.resize(r + 1);
        if (covered[r].size() < s.rows[r].size()) covered[r].resize(s.rows[r].size());
        for (std::size_t c = m.column; c < m.column + m.columns; ++c) {
          if (covered[r][c])
            throw ValidationError(std::string("two merges overlap") + ": '" + s.name + "!" +
                                  cell_ref(r, c) + "'");
          covered[r][c] = true;
        }
      }
    }
  }
}

// The styles in use, each written once; cell style 0 is the default.
class Styles {
 public:
  Styles() { index(Style{.border = false}); }

  std::size_t index(const Style& s) {
    const auto it = std::find(styles_.begin(), styles_.end(), s);
    if (it != styles_.end()) return static_cast<std::size_t>(it - styles_.begin());
    if (!s.number_format.empty() && !formats_.contains(s.number_format))
      formats_.emplace(s.number_format, 164 + formats_.size());
    styles_.push_back(s);
    return styles_.size() - 1;
  }

  [[nodiscard]] std::string xml() const {
    pugi::xml_document doc;
    auto root = start(doc, "styleSheet", kMain);
    auto fmts = formats_.empty() ? pugi::xml_node() : root.append_child("numFmts");
    if (fmts) fmts.append_attribute("count") = formats_.size();
    std::vector<std::pair<std::size_t, std::string>> by_id;
    for (const auto& [code, id] : formats_) by_id.emplace_back(id, code);
    std::sort(by_id.begin(), by_id.end());
    for (const auto& [id, code] : by_id) {
      auto f = fmts.append_child("numFmt");
      f.append_attribute("numFmtId") = id;
      f.append_attribute("formatCode") = code.c_str();
    }
    auto fonts = root.append_child("fonts");
    fonts.append_attribute("count") = 4;
    for (int k = 0; k < 4; ++k) {
      auto font = fonts.append_child("font");
      if (k & 1) font.append_child("b");
      if (k & 2) font.append_child("i");
      font.append_child("sz").append_attribute("val") = kFontSize;
      font.append_child("name").append_attribute("val") = "Times New Roman";
      font.append_child("family").append_attribute("val") = 1;
    }
    auto fills = root.append_child("fills");
    fills.append_attribute("count") = 2 + kTones.size();
    fills.append_child("fill").append_child("patternFill").append_attribute("patternType") = "none";
    fills.append_child("fill").append_child("patternFill").append_attribute("patternType") =
        "gray125";
    for (Tone t : kTones) {
      auto p = fills.append_child("fill").append_child("patternFill");
      p.append_attribute("patternType") = "solid";
      p.append_child("fgColor").append_attribute("rgb") =
          ("FF" + std::string(fill_colour(t))).c_str();
      p.append_child("bgColor").append_attribute("indexed") = 64;
    }
    auto borders = root.append_child("borders");
    borders.append_attribute("count") = 2;
    for (int k = 0; k < 2; ++k) {
      auto b = borders.append_child("border");
      for (const char* side : {"left", "right", "top", "bottom"}) {
        auto e = b.append_child(side);
        if (k) {
          e.append_attribute("style") = "thin";
          e.append_child("color").append_attribute("auto") = 1;
        }
      }
      b.append_child("diagonal");
    }
    auto style_xfs = root.append_child("cellStyleXfs");
    style_xfs.append_attribute("count") = 1;
    auto base = style_xfs.append_child("xf");
    for (const char* a : {"numFmtId", "fontId", "fillId", "borderId"}) base.append_attribute(a) = 0;
    auto xfs = root.append_child("cellXfs");
    xfs.append_attribute("count") = styles_.size();
    for (const Style& s : styles_) {
      auto xf = xfs.append_child("xf");
      xf.append_attribute("numFmtId") = s.number_format.empty() ? 0 : formats_.at(s.number_format);
      xf.append_attribute("fontId") = (s.bold ? 1 : 0) + (s.italic ? 2 : 0);
      std::size_t fill = 0;
      for (std::size_t k = 0; k < kTones.size(); ++k)
        if (kTones[k] == s.tone) fill = 2 + k;
      xf.append_attribute("fillId") = fill;
      xf.append_attribute("borderId") = s.border ? 1 : 0;
      xf.append_attribute("xfId") = 0;
      if (!s.number_format.empty()) xf.append_attribute("applyNumberFormat") = 1;
      xf.append_attribute("applyFont") = 1;
      if (fill) xf.append_attribute("applyFill") = 1;
      if (s.border) xf.append_attribute("applyBorder") = 1;
      xf.append_attribute("applyAlignment") = 1;
      auto al = xf.append_child("alignment");
      static constexpr const char* kAlign[] = {nullptr, "left", "center", "right"};
      if (s.align != Align::general)
        al.append_attribute("horizontal") = kAlign[static_cast<int>(s.align)];
      al.append_attribute("vertical") = "center";
      if (s.wrap) al.append_attribute("wrapText") = 1;
    }
    auto cell_styles = root.append_child("cellStyles");
    cell_styles.append_attribute("count") = 1;
    auto normal = cell_styles.append_child("cellStyle");
    normal.append_attribute("name") = "Normal";
    normal.append_attribute("xfId") = 0;
    normal.append_attribute("builtinId") = 0;
    return save(doc);
  }

 private:
  std::vector<Style> styles_;
  std::map<std::string, std::size_t> formats_;
};

class SharedStrings {
 public:
  std::size_t index(const std::string& s) {
    ++uses_;
    const auto [it, added] = ids_.emplace(s, strings_.size());
    if (added) strings_.push_back(s);
    return it->second;
  }
  [[nodiscard]] std::string xml() const {
    pugi::xml_document doc;
    auto root = start(doc, "sst", kMain);
    root.append_attribute("count") = uses_;
    root.append_attribute("uniqueCount") = strings_.size();
    for (const std::string& s : strings_) {
      auto t = root.append_child("si").append_child("t");
      if (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.find('\n') != s.npos))
        t.append_attribute("xml:space") = "preserve";
      t.text() = xml_text(s).c_str();
    }
    return save(doc);
  }

 private:
  std::map<std::string, std::size_t> ids_;
  std::vector<std::string> strings_;
  std::size_t uses_ = 0;
};

std::string sheet_xml(const Sheet& sheet, Styles& styles, SharedStrings& strings) {
  pugi::xml_document doc;
  auto root = start(doc, "worksheet", kMain);
  root.append_attribute("xmlns:r") = kRel;
  // Printed as wide as one A4 page in landscape, as many pages long as it needs.
  root.append_child("sheetPr").append_child("pageSetUpPr").append_attribute("fitToPage") = 1;
  std::size_t width = sheet.widths.size();
  for (const auto& row : sheet.rows) width = std::max(width, row.size());
  if (!sheet.rows.empty() && width > 0)
    root.append_child("dimension").append_attribute("ref") =
        ("A1:" + cell_ref(sheet.rows.size() - 1, width - 1)).c_str();
  auto view = root.append_child("sheetViews").append_child("sheetView");
  view.append_attribute("workbookViewId") = 0;
  if (sheet.frozen_rows > 0) {
    auto pane = view.append_child("pane");
    pane.append_attribute("ySplit") = sheet.frozen_rows;
    pane.append_attribute("topLeftCell") = cell_ref(sheet.frozen_rows, 0).c_str();
    pane.append_attribute("activePane") = "bottomLeft";
    pane.append_attribute("state") = "frozen";
  }
  root.append_child("sheetFormatPr").append_attribute("defaultRowHeight") = 15.75;
  if (!sheet.widths.empty()) {
    auto cols = root.append_child("cols");
    for (std::size_t c = 0; c < sheet.widths.size(); ++c) {
      auto col = cols.append_child("col");
      col.append_attribute("min") = c + 1;
      col.append_attribute("max") = c + 1;
      col.append_attribute("width") = sheet.widths[c];
      col.append_attribute("customWidth") = 1;
    }
  }
  auto data = root.append_child("sheetData");
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    auto row = data.append_child("row");
    row.append_attribute("r") = r + 1;
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const Cell& cell = sheet.rows[r][c];
      auto x = row.append_child("c");
      x.append_attribute("r") = cell_ref(r, c).c_str();
      const std::size_t s = styles.index(cell.style);
      if (s) x.append_attribute("s") = s;
      if (cell.kind == Cell::Kind::text) {
        x.append_attribute("t") = "s";
        x.append_child("v").text() = strings.index(cell.text);
      } else if (cell.kind == Cell::Kind::number) {
        if (!std::isfinite(cell.number))
          throw ValidationError(std::string("a report cell holds a number that is not finite") +
                                ": '" + sheet.name + "!" + cell_ref(r, c) + "'");
        x.append_child("v").text() = shortest(cell.number).c_str();
      }
    }
  }
  if (!sheet.merges.empty()) {
    auto merges = root.append_child("mergeCells");
    merges.append_attribute("count") = sheet.merges.size();
    for (const Merge& m : sheet.merges)
      merges.append_child("mergeCell").append_attribute("ref") =
          (cell_ref(m.row, m.column) + ":" + cell_ref(m.row + m.rows - 1, m.column + m.columns - 1))
              .c_str();
  }
  auto margins = root.append_child("pageMargins");
  for (const auto& [name, value] :
       std::initializer_list<std::pair<const char*, double>>{{"left", 0.5},
                                                             {"right", 0.5},
                                                             {"top", 0.6},
                                                             {"bottom", 0.6},
                                                             {"header", 0.3},
                                                             {"footer", 0.3}})
    margins.append_attribute(name) = value;
  auto page = root.append_child("pageSetup");
  page.append_attribute("paperSize") = 9;  // A4
  page.append_attribute("orientation") = "landscape";
  page.append_attribute("fitToWidth") = 1;
  page.append_attribute("fitToHeight") = 0;
  return save(doc);
}

std::string escape_sheet_name(const std::string& name) {
  std::string out = "'";
  for (char c : name) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string workbook_xml(const Workbook& book) {
  pugi::xml_document doc;
  auto root = start(doc, "workbook", kMain);
  root.append_attribute("xmlns:r") = kRel;
  root.append_child("bookViews").append_child("workbookView");
  auto sheets = root.append_child("sheets");
  for (std::size_t k = 0; k < book.sheets.size(); ++k) {
    auto s = sheets.append_child("sheet");
    s.append_attribute("name") = book.sheets[k].name.c_str();
    s.append_attribute("sheetId") = k + 1;
    s.append_attribute("r:id") = ("rId" + std::to_string(k + 1)).c_str();
  }
  // The header row is printed again on every page (Print_Titles).
  pugi::xml_node names;
  for (std::size_t k = 0; k < book.sheets.size(); ++k) {
    const Sheet& s = book.sheets[k];
    if (s.frozen_rows == 0) continue;
    if (!names) names = root.append_child("definedNames");
    auto d = names.append_child("definedName");
    d.append_attribute("name") = "_xlnm.Print_Titles";
    d.append_attribute("localSheetId") = k;
    const std::string row = std::to_string(s.header_row + 1);
    d.text() = (escape_sheet_name(s.name) + "!$" + row + ":$" + row).c_str();
  }
  return save(doc);
}

std::string relationships(const std::vector<std::pair<std::string, std::string>>& targets) {
  pugi::xml_document doc;
  auto root = start(doc, "Relationships", kPackageRel);
  for (std::size_t k = 0; k < targets.size(); ++k) {
    auto r = root.append_child("Relationship");
    r.append_attribute("Id") = ("rId" + std::to_string(k + 1)).c_str();
    r.append_attribute("Type") = (std::string(kRel) + "/" + targets[k].first).c_str();
    r.append_attribute("Target") = targets[k].second.c_str();
  }
  return save(doc);
}

std::string content_types(std::size_t sheets) {
  pugi::xml_document doc;
  auto root = start(doc, "Types", "http://schemas.openxmlformats.org/package/2006/content-types");
  const auto add_default = [&](const char* ext, const char* type) {
    auto d = root.append_child("Default");
    d.append_attribute("Extension") = ext;
    d.append_attribute("ContentType") = type;
  };
  add_default("rels", "application/vnd.openxmlformats-package.relationships+xml");
  add_default("xml", "application/xml");
  const auto add_override = [&](const std::string& part, const std::string& type) {
    auto o = root.append_child("Override");
    o.append_attribute("PartName") = part.c_str();
    o.append_attribute("ContentType") = (kType + type).c_str();
  };
  add_override("/xl/workbook.xml", "sheet.main+xml");
  for (std::size_t k = 1; k <= sheets; ++k)
    add_override("/xl/worksheets/sheet" + std::to_string(k) + ".xml", "worksheet+xml");
  add_override("/xl/styles.xml", "styles+xml");
  add_override("/xl/sharedStrings.xml", "sharedStrings+xml");
  return save(doc);
}

[[noreturn]] void cannot_write(const std::filesystem::path& path, const std::string& why) {
  throw Error(path.string() + ": cannot write the workbook: " + why);
}

}  // namespace

void write_xlsx(const Workbook& book, const std::filesystem::path& path) {
  if (book.sheets.empty()) throw ValidationError("a workbook needs at least one sheet");
  check_names(book);
  Styles styles;
  SharedStrings strings;
  std::vector<std::pair<std::string, std::string>> parts;
  std::vector<std::pair<std::string, std::string>> links;
  for (std::size_t k = 0; k < book.sheets.size(); ++k) {
    const std::string name = "sheet" + std::to_string(k + 1) + ".xml";
    parts.emplace_back("xl/worksheets/" + name, sheet_xml(book.sheets[k], styles, strings));
    links.emplace_back("worksheet", "worksheets/" + name);
  }
  links.emplace_back("styles", "styles.xml");
  links.emplace_back("sharedStrings", "sharedStrings.xml");
  parts.emplace(parts.begin(), "xl/workbook.xml", workbook_xml(book));
  parts.emplace(parts.begin(), "_rels/.rels",
                relationships({{"officeDocument", "xl/workbook.xml"}}));
  parts.emplace(parts.begin(), "[Content_Types].xml", content_types(book.sheets.size()));
  parts.emplace_back("xl/_rels/workbook.xml.rels", relationships(links));
  parts.emplace_back("xl/styles.xml", styles.xml());
  parts.emplace_back("xl/sharedStrings.xml", strings.xml());

  std::error_code ec;
  std::filesystem::remove(path, ec);  // libzip would otherwise read an old file as an archive
  int err = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!zip) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    const std::string why = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    cannot_write(path, why);
  }
  for (const auto& [name, bytes] : parts) {
    zip_source_t* src = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    const zip_int64_t index =
        src ? zip_file_add(zip, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
    if (index < 0) {
      if (src) zip_source_free(src);
      const std::string why = zip_strerror(zip);
      zip_discard(zip);
      cannot_write(path, why);
    }
    const auto i = static_cast<zip_uint64_t>(index);
    // 1980-01-01 00:00, the first day a zip can say: the same bytes on every run.
    zip_file_set_dostime(zip, i, 0, (0 << 9) | (1 << 5) | 1, 0);
    zip_set_file_compression(zip, i, ZIP_CM_DEFLATE, 6);
  }
  if (zip_close(zip) != 0) {
    const std::string why = zip_strerror(zip);
    zip_discard(zip);
    cannot_write(path, why);
  }
}

}  // namespace dxkit::report
