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
std::string compose(const Location& where, const std::string& message, const std::string& text) {
  std::string out;
  if (!where.file.empty() || where.line > 0 || !where.column_name.empty()) {
    out = where.to_string() + ": ";
  }
  out += message;
  if (!text.empty()) out += ": '" + text + "'";
  return out;
}
}  // namespace

ParseError::ParseError(std::string message, std::string text, Location where)
    : Error(compose(where, message, text)),
      message_(std::move(message)),
      text_(std::move(text)),
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
