#include "dxkit/error.hpp"

#include <string_view>

namespace dxkit {

namespace {
// "D" for column 4, "AA" for 27: the column letters of a spreadsheet.
std::string column_letters(std::size_t column) {
  std::string out;
  for (std::size_t n = column; n > 0; n = (n - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

// A sheet name as a spreadsheet formula writes it: quoted unless letters, digits and '_'.
std::string quoted_sheet(const std::string& name) {
  bool plain = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
  for (char c : name)
    plain = plain && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '_');
  if (plain) return name;
  std::string out = "'";
  for (char c : name) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// A cell of a workbook sheet or a Word table is named as officials see it:
// "<file>, 'X'!D8" and "<file>, table 2, row 8, column 4"; the sheet or table alone (no row
// known) as document::to_csv names the table, "<file>, sheet 'X'" and "<file>, tables 2-3".
bool document_place(const Location& w, std::string& out) {
  if (!w.sheet.empty()) {
    if (w.line == 0) {
      out += ", sheet '" + w.sheet + "'";
      return true;
    }
    out += ", " + quoted_sheet(w.sheet);
    if (w.column > 0) {
      out += '!';
      out += column_letters(w.column);
    } else {
      out += " row ";
    }
    out += std::to_string(w.line);
    return true;
  }
  if (w.table == 0) return false;
  if (w.last_table > w.table)
    out += ", tables " + std::to_string(w.table) + "-" + std::to_string(w.last_table);
  else
    out += ", table " + std::to_string(w.table);
  if (w.line > 0) {
    out += ", row " + std::to_string(w.line);
    if (w.column > 0) out += ", column " + std::to_string(w.column);
  }
  return true;
}
}  // namespace

std::string Location::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (document_place(*this, out)) {
    if (!column_name.empty()) out.append(" (column '").append(column_name).append("')");
    return out;
  }
  if (line > 0) {
    out.append(":").append(std::to_string(line));
    if (column > 0) out.append(":").append(std::to_string(column));
  }
  if (!column_name.empty()) out.append(" (column '").append(column_name).append("')");
  return out;
}

std::string Location::cell() const {
  if (sheet.empty() || line == 0 || column == 0) return {};
  return column_letters(column) + std::to_string(line);
}

namespace {
// A message quotes at most this many bytes of the input: a 1 MB cell is cut, on a UTF-8
// character boundary, with an ellipsis.
constexpr std::size_t kMaxQuoted = 200;

std::string bounded(std::string text) {
  if (text.size() <= kMaxQuoted) return text;
  std::size_t cut = kMaxQuoted;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "…";
}

std::string compose(const Location& where, const std::string& message, const std::string& text) {
  std::string out;
  if (!where.file.empty() || where.line > 0 || !where.column_name.empty() || !where.sheet.empty() ||
      where.table > 0) {
    out = where.to_string() + ": ";
  }
  out += message;
  if (!text.empty()) out += ": '" + bounded(text) + "'";
  return out;
}
}  // namespace

ParseError::ParseError(std::string message, std::string text, Location where)
    : Error(compose(where, message, text)),
      message_(std::move(message)),
      text_(bounded(std::move(text))),
      where_(std::move(where)) {}

ParseError ParseError::at(const Location& where) const { return {message_, text_, where}; }

EncodingError EncodingError::at(const Location& place) const {
  Location merged = place;
  // The column inside the cell is the character where decoding failed; keep it if the
  // caller only knows the row.
  if (merged.column == 0) merged.column = ParseError::where().column;
  return {message(), text(), merged};
}

ValidationError::ValidationError(std::string message, Location where)
    : Error(compose(where, message, "")), message_(std::move(message)), where_(std::move(where)) {}

}  // namespace dxkit
