// Word documents (WordprocessingML): the body's paragraphs and tables in order. A table's grid
// is rebuilt from gridSpan (horizontal merges) and vMerge (vertical merges); a cell's
// paragraphs are joined with '\n'; a cell is bold when every run with text in it is bold.
#include <string>

#include "archive.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::document::detail {

namespace {

bool on(const pugi::xml_node& flag) {
  if (!flag) return false;
  const std::string v = flag.attribute("w:val").value();
  return v.empty() || (v != "0" && v != "false" && v != "off");
}

struct Runs {
  std::string text;
  bool any = false, all_bold = true;
};

// The text of a paragraph (runs, tabs, breaks, runs inside hyperlinks and smart tags).
void collect(const pugi::xml_node& node, Runs& out) {
  for (auto n : node.children()) {
    const std::string_view name = n.name();
    if (name == "w:r") {
      const bool bold = on(n.child("w:rPr").child("w:b"));
      for (auto part : n.children()) {
        const std::string_view p = part.name();
        std::string piece;
        if (p == "w:t")
          piece = part.text().get();
        else if (p == "w:tab")
          piece = " ";
        else if (p == "w:br" || p == "w:cr")
          piece = "\n";
        if (piece.empty()) continue;
        if (!std::string(text::trim(piece)).empty()) {
          out.any = true;
          out.all_bold = out.all_bold && bold;
        }
        out.text += piece;
      }
    } else if (name == "w:hyperlink" || name == "w:smartTag" || name == "w:ins" ||
               name == "w:sdt" || name == "w:sdtContent" || name == "w:fldSimple") {
      collect(n, out);
    }
  }
}

std::string clean(std::string_view s) { return std::string(text::trim(text::nfc(s))); }

struct Reader {
  const std::string& source;
  std::vector<std::string>& paragraphs;
  std::vector<Grid>& grids;
  std::vector<std::string> pending;  // paragraphs since the last table
  std::size_t tables = 0;

  void paragraph(const pugi::xml_node& p) {
    Runs r;
    collect(p, r);
    std::string t = clean(r.text);
    if (t.empty()) return;
    paragraphs.push_back(t);
    pending.push_back(std::move(t));
  }

  void body(const pugi::xml_node& node) {
    for (auto n : node.children()) {
      const std::string_view name = n.name();
      if (name == "w:p")
        paragraph(n);
      else if (name == "w:tbl")
        table(n, false);
      else if (name == "w:sdt" || name == "w:sdtContent" || name == "w:customXml")
        body(n);
    }
  }

  void table(const pugi::xml_node& tbl, bool nested) {
    Grid g;
    g.place = "table " + std::to_string(++tables);
    g.nested = nested;
    g.before = std::move(pending);
    pending.clear();
    const std::size_t slot = grids.size();
    grids.emplace_back();  // keeps document order when nested tables follow
    std::size_t width = 0, number = 0;
    std::vector<std::string> nested_text;
    for (auto tr : tbl.children("w:tr")) {
      std::vector<Cell> row;
      const std::size_t before =
          tr.child("w:trPr").child("w:gridBefore").attribute("w:val").as_uint();
      row.resize(before);
      for (auto tc : tr.children("w:tc")) {
        auto pr = tc.child("w:tcPr");
        Cell cell;
        std::string joined;
        bool any = false, bold = true;
        for (auto part : tc.children()) {
          const std::string_view pn = part.name();
          if (pn == "w:p") {
            Runs r;
            collect(part, r);
            const std::string t = clean(r.text);
            if (t.empty()) continue;
            if (!joined.empty()) joined += '\n';
            joined += t;
            any = any || r.any;
            bold = bold && r.all_bold;
          } else if (pn == "w:tbl") {
            table(part, true);
          }
        }
        cell.text = joined;
        cell.type = joined.empty() ? CellType::empty : CellType::text;
        cell.bold = any && bold;
        if (auto vm = pr.child("w:vMerge")) {
          const std::string v = vm.attribute("w:val").value();
          if (v != "restart") cell.merged_above = true;
        }
        std::size_t span = pr.child("w:gridSpan").attribute("w:val").as_uint();
        if (span == 0) span = 1;
        if (span > 1000)
          throw ParseError("a cell spans more than 1000 columns", std::to_string(span),
                           Location{source + ", " + g.place, number + 1, row.size() + 1, {}});
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
