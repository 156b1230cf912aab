// Word documents (WordprocessingML): the body's paragraphs and tables in order. A table's grid
// is rebuilt from gridSpan (horizontal merges) and vMerge (vertical merges); a cell's
// paragraphs are joined with '\n'; a cell is bold when every run with text in it is bold.
// Children are walked with first_child / next_sibling: pugixml's range iterators cost twice as
// much per node, and the walk is most of the time a .docx takes to read (docs/benchmarks.md).
#include <cstring>
#include <string>
#include <string_view>

#include "archive.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::document::detail {

namespace {

// n's name is `name`, compared inline byte by byte (up to the terminating 0, which stops a
// shorter name at its end): a call to strcmp per node and name was a tenth of the walk.
template <std::size_t N>
bool is(const char* have, const char (&name)[N]) {
  for (std::size_t i = 0; i < N; ++i)
    if (have[i] != name[i]) return false;
  return true;
}
template <std::size_t N>
bool is(const pugi::xml_node& n, const char (&name)[N]) {
  return is(n.name(), name);
}

bool on(const pugi::xml_node& flag) {
  if (!flag) return false;
  const std::string_view v = flag.attribute("w:val").value();
  return v.empty() || (v != "0" && v != "false" && v != "off");
}

struct Runs {
  std::string text;
  bool any = false, all_bold = true;
};

// The text of a paragraph (runs, tabs, breaks, runs inside hyperlinks and smart tags). A run's
// bold flag is looked up only when the run has text other than spaces.
void collect(const pugi::xml_node& node, Runs& out) {
  for (auto n = node.first_child(); n; n = n.next_sibling()) {
    const char* name = n.name();
    if (is(name, "w:r")) {
      int bold = -1;  // not looked up yet
      for (auto part = n.first_child(); part; part = part.next_sibling()) {
        std::string_view piece;
        if (is(part, "w:t"))
          piece = part.text().get();
        else if (is(part, "w:tab"))
          piece = " ";
        else if (is(part, "w:br") || is(part, "w:cr"))
          piece = "\n";
        if (piece.empty()) continue;
        if (!text::trim(piece).empty()) {
          out.any = true;
          if (bold < 0) bold = on(n.child("w:rPr").child("w:b")) ? 1 : 0;
          out.all_bold = out.all_bold && bold == 1;
        }
        out.text += piece;
      }
    } else if (is(name, "w:hyperlink") || is(name, "w:smartTag") || is(name, "w:ins") ||
               is(name, "w:sdt") || is(name, "w:sdtContent") || is(name, "w:fldSimple")) {
      collect(n, out);
    }
  }
}

// A paragraph's text NFC and trimmed, in its own string (no copy when it is both already).
std::string clean(std::string&& s) {
  if (text::trim(s).empty()) return {};  // nothing but spaces: nothing to normalise
  text::make_nfc(s);
  const std::string_view v = text::trim(s);
  if (v.size() != s.size()) {
    const auto front = static_cast<std::size_t>(v.data() - s.data());
    s.erase(front + v.size());
    s.erase(0, front);
  }
  return std::move(s);
}

struct Reader {
  const std::string& source;
  std::vector<std::string>& paragraphs;
  std::vector<Grid>& grids;
  std::vector<std::string> pending;  // paragraphs since the last table
  std::size_t tables = 0;

  void paragraph(const pugi::xml_node& p) {
    Runs r;
    collect(p, r);
    std::string t = clean(std::move(r.text));
    if (t.empty()) return;
    paragraphs.push_back(t);
    pending.push_back(std::move(t));
  }

  void body(const pugi::xml_node& node) {
    for (auto n = node.first_child(); n; n = n.next_sibling()) {
      const char* name = n.name();
      if (is(name, "w:p"))
        paragraph(n);
      else if (is(name, "w:tbl"))
        table(n, false);
      else if (is(name, "w:sdt") || is(name, "w:sdtContent") || is(name, "w:customXml"))
        body(n);
    }
  }

  void table(const pugi::xml_node& tbl, bool nested) {
    Grid g;
    g.place = "table " + std::to_string(++tables);
    g.place_number = tables;
    g.nested = nested;
    g.before = std::move(pending);
    pending.clear();
    const std::size_t slot = grids.size();
    grids.emplace_back();  // keeps document order when nested tables follow
    std::size_t width = 0, number = 0;
    std::vector<std::string> nested_text;
    for (auto tr = tbl.child("w:tr"); tr; tr = tr.next_sibling("w:tr")) {
      std::vector<Cell> row;
      // One pass over the row's and each cell's children (properties, paragraphs, tables):
      // looking each property up by name would walk the children again.
      for (auto part = tr.first_child(); part; part = part.next_sibling())
        if (is(part, "w:trPr")) {  // the first, as child() finds it
          row.resize(part.child("w:gridBefore").attribute("w:val").as_uint());
          break;
        }
      for (auto tc = tr.child("w:tc"); tc; tc = tc.next_sibling("w:tc")) {
        Cell cell;
        std::string joined;
        bool any = false, bold = true;
        pugi::xml_node vmerge, grid_span;
        bool properties = false;
        for (auto part = tc.first_child(); part; part = part.next_sibling()) {
          if (is(part, "w:p")) {
            Runs r;
            collect(part, r);
            std::string t = clean(std::move(r.text));
            if (t.empty()) continue;
            if (joined.empty()) {
              joined = std::move(t);
            } else {
              joined += '\n';
              joined += t;
            }
            any = any || r.any;
            bold = bold && r.all_bold;
          } else if (is(part, "w:tbl")) {
            table(part, true);
          } else if (!properties && is(part, "w:tcPr")) {  // the first, as child() finds it
            properties = true;
            for (auto property = part.first_child(); property; property = property.next_sibling()) {
              if (!vmerge && is(property, "w:vMerge")) vmerge = property;
              if (!grid_span && is(property, "w:gridSpan")) grid_span = property;
            }
          }
        }
        cell.type = joined.empty() ? CellType::empty : CellType::text;
        cell.text = std::move(joined);
        cell.bold = any && bold;
        if (vmerge) {
          const std::string_view v = vmerge.attribute("w:val").value();
          if (v != "restart") cell.merged_above = true;
        }
        std::size_t span = grid_span.attribute("w:val").as_uint();
        if (span == 0) span = 1;
        if (span > 1000)
          throw ParseError("a cell spans more than 1000 columns", std::to_string(span),
                           Location{source, number + 1, row.size() + 1, {}, {}, g.place_number});
        const bool above = cell.merged_above;
        row.push_back(std::move(cell));
        for (std::size_t k = 1; k < span; ++k) {
          Cell cover;
          cover.merged_left = true;
          cover.merged_above = above;
          row.push_back(std::move(cover));
        }
      }
      ++number;
      width = std::max(width, row.size());
      g.rows.push_back(std::move(row));
      g.row_numbers.push_back(number);
    }
    for (auto& r : g.rows) r.resize(width);
    grids[slot] = std::move(g);
  }
};

}  // namespace

std::vector<Grid> parse_docx_xml(std::string_view xml, const std::string& source,
                                 std::vector<std::string>& paragraphs) {
  pugi::xml_document doc;
  const auto r = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < static_cast<std::size_t>(r.offset) && i < xml.size(); ++i)
      line += xml[i] == '\n';
    throw ParseError("malformed XML in word/document.xml at line " + std::to_string(line) + ": " +
                         r.description(),
                     "word/document.xml", Location{source, 0, 0, {}});
  }
  std::vector<Grid> grids;
  Reader reader{source, paragraphs, grids, {}, 0};
  reader.body(doc.child("w:document").child("w:body"));
  return grids;
}

}  // namespace dxkit::document::detail
