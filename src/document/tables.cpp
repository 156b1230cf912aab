// From grids to tables: the caption and unit lines above a table, its header rows (a merged
// group over its parts becomes "Nguồn vốn / Vốn đầu tư"), a table continued over pages (the
// same header again with no caption between) joined into one, and the kind guessed from the
// header through the header vocabularies of the table readers (src/text/vocabularies/).
#include <algorithm>

#include "dxkit/document/document.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::document::detail {

namespace {

// False when `line`'s key cannot start with a letter of `first` (ASCII, both cases given): the
// first byte that is not ASCII space nor one of `skip` is ASCII and none of `first`. Such a line
// needs no key (folding a whole paragraph to look at its first word is most of the cost of a
// long plan); anything else (a non-ASCII first letter, a Unicode space) is decided by its key.
bool may_start_with(const std::string& line, std::string_view first, std::string_view skip = {}) {
  for (const char ch : line) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' ||
        skip.find(ch) != std::string_view::npos)
      continue;
    return c >= 0x80 || first.find(ch) != std::string_view::npos;
  }
  return false;
}

// "ĐVT: Triệu đồng", "Đơn vị tính: triệu đồng" -> the unit; "" if the line is no unit line.
std::string unit_of(const std::string& line) {
  if (!may_start_with(line, "dD", "*()")) return {};  // "đ"/"Đ" are two bytes, not ASCII
  std::string s = line;
  std::erase_if(s, [](char c) { return c == '*' || c == '(' || c == ')'; });
  const std::string key = text::label_key(s);
  // "DVT" without its stroke is how Đồng Tháp's Phụ lục V prints it.
  if (!key.starts_with("đvt") && !key.starts_with("dvt") && !key.starts_with("đơn vị tính"))
    return {};
  const auto colon = s.find(':');
  if (colon == std::string::npos) return {};
  return std::string(text::trim(std::string_view(s).substr(colon + 1)));
}

bool is_caption_start(const std::string& line) {
  if (!may_start_with(line, "pPbB")) return false;
  const std::string key = text::label_key(line);
  return key.starts_with("phụ lục") || key.starts_with("biểu số");
}

std::size_t filled(const std::vector<Cell>& row) {
  std::size_t n = 0;
  for (const Cell& c : row) n += !c.text.empty() && !c.merged_left;
  return n;
}

std::vector<std::string> keys_of(const std::vector<Cell>& row) {
  std::vector<std::string> k;
  for (const Cell& c : row) k.push_back(text::label_key(c.text));
  return k;
}

// keys_of(row) == keys, stopping at the first cell that differs (a data row differs from the
// header in its first cell): each row is compared with the header, so this is per cell.
bool same_keys(const std::vector<Cell>& row, const std::vector<std::string>& keys) {
  if (row.size() != keys.size()) return false;
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (row[c].text.empty()) {             // the empty key; a cell of spaces only has it too, so
      if (!keys[c].empty()) return false;  // an empty key alone does not decide
      continue;
    }
    if (text::label_key(row[c].text) != keys[c]) return false;
  }
  return true;
}

// A row under the header belongs to it when the header row above has a merged group and every
// cell with text in this row sits under such a group (and holds no bare number).
bool continues_header(const std::vector<Cell>& above, const std::vector<Cell>& row) {
  std::vector<bool> grouped(above.size(), false);
  bool any_group = false;
  for (std::size_t c = 1; c < above.size(); ++c)
    if (above[c].merged_left) {
      grouped[c] = true;
      std::size_t s = c;
      while (s > 0 && above[s].merged_left) --s;
      grouped[s] = true;
      any_group = true;
    }
  if (!any_group) return false;
  bool any = false;
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (row[c].text.empty() || row[c].merged_above) continue;
    if (!grouped[c] || row[c].type == CellType::number || row[c].type == CellType::percent)
      return false;
    if (std::none_of(row[c].text.begin(), row[c].text.end(), [](char ch) {
          return std::isalpha(static_cast<unsigned char>(ch)) || ch < 0;
        }))
      return false;
    any = true;
  }
  return any;
}

bool amount_header(const std::string& key) {
  using text::BudgetWord;
  const auto w = text::budget_headers().whole(key);
  if (w &&
      (*w == BudgetWord::total || *w == BudgetWord::investment || *w == BudgetWord::recurrent ||
       *w == BudgetWord::socialized || *w == BudgetWord::central || *w == BudgetWord::local))
    return true;
  const auto p = text::budget_headers().at(key, 0, BudgetWord::year_prefix);
  return p && key.size() == p->length + 5 &&
         std::all_of(key.end() - 4, key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

TableKind guess_header(const std::vector<std::string>& header) {
  bool actual = false, target = false, amount = false, lead = false, dti = false;
  for (const std::string& h : header) {
    for (std::string key = text::label_key(h);;) {
      actual = actual || text::indicator_headers().is(key, text::IndicatorColumn::actual);
      target = target || text::indicator_headers().is(key, text::IndicatorColumn::target);
      amount = amount || amount_header(key);
      lead = lead || text::assignment_headers().is(key, text::AssignmentColumn::lead);
      dti = dti || key == "ucode" || key.find("dti") != std::string::npos;
      const auto slash = key.rfind(" / ");
      if (slash == std::string::npos) break;
      key = key.substr(slash + 3);
    }
  }
  if (actual) return TableKind::results;
  if (amount) return TableKind::budget;
  if (lead) return TableKind::assignments;
  if (dti) return TableKind::dti_scores;
  if (target) return TableKind::results;
  return TableKind::unknown;
}

}  // namespace

std::vector<Table> understand(std::vector<Grid> grids) {
  std::vector<Table> out;
  std::vector<std::string> header0;  // keys of the previous table's first header row
  std::size_t header_rows_of_last = 0;
  for (Grid& g : grids) {
    // Title rows of a sheet (one cell each) are caption lines.
    std::size_t first = 0;
    while (first + 1 < g.rows.size() && filled(g.rows[first]) <= 1) {
      if (filled(g.rows[first]) == 1)
        for (const Cell& c : g.rows[first])
          if (!c.text.empty() && !c.merged_left) g.before.push_back(c.text);
      ++first;
    }
    std::vector<bool> caption_line(g.before.size());
    bool caption_here = false;
    for (std::size_t i = 0; i < g.before.size(); ++i)
      caption_here = (caption_line[i] = is_caption_start(g.before[i])) || caption_here;
    // A table continued over pages: no caption between, the same first header row.
    if (!out.empty() && !caption_here && !g.nested && first < g.rows.size() && !out.back().sheet &&
        !g.sheet && same_keys(g.rows[first], header0)) {
      Table& t = out.back();
      for (std::size_t r = first + header_rows_of_last; r < g.rows.size(); ++r) {
        if (filled(g.rows[r]) == 0 || same_keys(g.rows[r], header0)) continue;
        t.rows.push_back(std::move(g.rows[r]));
        t.row_numbers.push_back(g.row_numbers[r]);
      }
      const auto dash = t.place.find('-');
      t.place =
          (dash == std::string::npos ? "tables " + t.place.substr(6) : t.place.substr(0, dash)) +
          "-" + g.place.substr(6);
      t.place_last = g.place_number;
      continue;
    }
    Table t;
    t.number = out.size() + 1;
    t.place = g.place + (g.nested ? " (inside a table)" : "") + (g.hidden ? " (hidden)" : "");
    t.hidden = g.hidden;
    t.sheet = g.sheet;
    t.sheet_name = g.sheet_name;
    t.place_first = t.place_last = g.place_number;
    t.first_column = g.first_column;
    // Caption: from the last "Phụ lục" line on (the "Kèm theo" and unit lines left out); else
    // a short last paragraph.
    std::size_t from = g.before.size();
    for (std::size_t i = 0; i < g.before.size(); ++i)
      if (caption_line[i]) from = i;
    for (const auto& line : g.before)
      if (auto u = unit_of(line); !u.empty()) t.unit = u;
    if (from < g.before.size()) {
      for (std::size_t i = from; i < g.before.size(); ++i) {
        const std::string& line = g.before[i];
        std::string bare = line;
        std::erase_if(bare, [](char c) { return c == '(' || c == '*'; });
        const std::string key = text::label_key(bare);
        if (!unit_of(line).empty() || key.starts_with("kèm theo") ||
            key.starts_with("ban hành kèm theo") || key.starts_with("của "))
          continue;
        t.caption += (t.caption.empty() ? "" : " — ") + line;
      }
    } else if (!g.before.empty() && unit_of(g.before.back()).empty() &&
               g.before.back().size() <= 160) {
      t.caption = g.before.back();
    }
    if (first >= g.rows.size() || filled(g.rows[first]) == 0) {
      out.push_back(std::move(t));
      header0.clear();
      header_rows_of_last = 0;
      continue;
    }
    // The text form has no merge marks: empty header cells right of a name are its group
    // when the row below names their parts.
    if (g.text_form && first + 1 < g.rows.size()) {
      std::vector<Cell> marked = g.rows[first];
      for (std::size_t c = 1; c < marked.size(); ++c)
        marked[c].merged_left =
            marked[c].text.empty() && (marked[c - 1].merged_left || !marked[c - 1].text.empty());
      if (continues_header(marked, g.rows[first + 1])) g.rows[first] = std::move(marked);
    }
    // Header rows.
    std::size_t last = first;
    while (last + 1 < g.rows.size() && continues_header(g.rows[last], g.rows[last + 1])) ++last;
    const std::size_t width = g.rows[first].size();
    std::vector<std::string> names(width);
    for (std::size_t c = 0; c < width; ++c) {
      std::vector<std::string> parts;
      bool own = false;  // a column covered by a merge and named by nothing of its own is empty
      for (std::size_t r = first; r <= last; ++r) {
        const Cell& x = g.rows[r][c];
        own = own || (!x.text.empty() && !x.merged_left && !x.merged_above) ||
              (x.merged_above && !x.merged_left);
        std::size_t s = c;
        while (s > 0 && g.rows[r][s].merged_left) --s;
        const std::string& p = g.rows[r][s].text;
        if (g.rows[r][c].merged_above && r > first) continue;
        if (!p.empty() && (parts.empty() || parts.back() != p)) parts.push_back(p);
      }
      if (!own) parts.clear();
      for (const auto& p : parts) names[c] += (names[c].empty() ? "" : " / ") + p;
      std::replace(names[c].begin(), names[c].end(), '\n', ' ');
    }
    t.header_row = g.row_numbers[last];
    header0 = keys_of(g.rows[first]);
    header_rows_of_last = last - first + 1;
    for (std::size_t r = last + 1; r < g.rows.size(); ++r) {
      if (filled(g.rows[r]) == 0 || same_keys(g.rows[r], header0)) continue;
      t.rows.push_back(std::move(g.rows[r]));
      t.row_numbers.push_back(g.row_numbers[r]);
    }
    // Columns with neither a name nor a value are the layout's, not the table's.
    std::vector<std::size_t> keep;
    for (std::size_t c = 0; c < width; ++c) {
      bool used = !names[c].empty();
      for (const auto& row : t.rows) used = used || !row[c].text.empty();
      if (used) keep.push_back(c);
    }
    for (std::size_t c : keep) {
      std::string n = names[c].empty() ? "column " + std::to_string(c + 1) : names[c];
      std::string base = n;
      for (int k = 2; std::find(t.header.begin(), t.header.end(), n) != t.header.end(); ++k)
        n = base + " (" + std::to_string(k) + ")";
      t.header.push_back(n);
      t.column_numbers.push_back(g.first_column + c);
    }
    for (auto& row : t.rows) {
      std::vector<Cell> kept;
      for (std::size_t c : keep) kept.push_back(std::move(row[c]));
      row = std::move(kept);
    }
    // Vertically merged cells (an agency over several rows) hold the text of the first.
    for (std::size_t r = 1; r < t.rows.size(); ++r)
      for (std::size_t c = 0; c < t.rows[r].size(); ++c)
        if (t.rows[r][c].merged_above && t.rows[r][c].text.empty() && !t.rows[r][c].merged_left)
          t.rows[r][c] =
              Cell{t.rows[r - 1][c].text, t.rows[r - 1][c].type, t.rows[r][c].bold, false, true,
                   t.rows[r - 1][c].date, t.rows[r - 1][c].value};
    t.kind = guess_header(t.header);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace dxkit::document::detail

namespace dxkit::document {

TableKind guess_kind(const std::vector<std::string>& header) {
  return detail::guess_header(header);
}

}  // namespace dxkit::document
