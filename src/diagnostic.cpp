#include "dxkit/diagnostic.hpp"

namespace dxkit {

std::string_view to_string(Severity s) noexcept {
  switch (s) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "?";
}

std::string Diagnostic::to_string() const {
  std::string out;
  if (!where.file.empty() || where.line > 0 || !where.column_name.empty())
    out = where.to_string() + ": ";
  out += dxkit::to_string(severity);
  if (!code.empty()) out += " [" + code + "]";
  out += ": " + message;
  return out;
}

}  // namespace dxkit
