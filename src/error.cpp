#include "dxkit/error.hpp"

namespace dxkit {

std::string Location::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out.append(":").append(std::to_string(line));
    if (column > 0) out.append(":").append(std::to_string(column));
  }
  if (!column_name.empty()) out.append(" (column '").append(column_name).append("')");
  return out;
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
  if (!where.file.empty() || where.line > 0 || !where.column_name.empty()) {
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
