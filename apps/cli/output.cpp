#include "output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "dxkit/text/unicode.hpp"

namespace dxkit::cli {

namespace {
std::string shorten(const std::string& s, std::size_t max_width) {
  if (text::display_width(s) <= max_width) return s;
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    std::string ch = s.substr(i, len);
    std::size_t w = text::display_width(ch);
    if (width + w > max_width - 1) break;
    out += ch;
    width += w;
    i += len;
  }
  return out + "…";
}
}  // namespace

void write_text(std::ostream& out, const TextTable& t, std::size_t max_width) {
  const std::size_t n = t.header.size();
  std::vector<std::vector<std::string>> cells;
  cells.push_back(t.header);
  for (const auto& r : t.rows) {
    std::vector<std::string> row;
    for (const auto& c : r) row.push_back(shorten(c, max_width));
    cells.push_back(std::move(row));
  }
  std::vector<std::size_t> widths(n, 0);
  for (const auto& r : cells)
    for (std::size_t c = 0; c < n; ++c) widths[c] = std::max(widths[c], text::display_width(r[c]));
  for (std::size_t k = 0; k < cells.size(); ++k) {
    std::string line;
    for (std::size_t c = 0; c < n; ++c) {
      const std::string& v = cells[k][c];
      std::string pad(widths[c] - text::display_width(v), ' ');
      bool right = c < t.right_align.size() && t.right_align[c] && k > 0;
      line += right ? pad + v : v + (c + 1 < n ? pad : "");
      if (c + 1 < n) line += "  ";
    }
    out << line << '\n';
    if (k == 0) {
      std::size_t total = 0;
      for (std::size_t w : widths) total += w + 2;
      out << std::string(total > 2 ? total - 2 : 0, '-') << '\n';
    }
  }
}

void write_csv(std::ostream& out, const TextTable& t) {
  auto cell = [&](const std::string& v) {
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  auto row = [&](const std::vector<std::string>& r) {
    for (std::size_t c = 0; c < r.size(); ++c) out << (c ? "," : "") << cell(r[c]);
    out << '\n';
  };
  row(t.header);
  for (const auto& r : t.rows) row(r);
}

Json num(double v) { return std::isnan(v) ? Json(nullptr) : Json(v); }

std::string cell_text(const Json& j, bool table, int digits) {
  if (j.is_null()) return "NA";
  if (j.is_string()) return j.get<std::string>();
  if (j.is_boolean()) return j.get<bool>() ? "true" : "false";
  if (j.is_number_integer()) return std::to_string(j.get<long long>());
  char buf[40];
  std::snprintf(buf, sizeof buf, table ? "%.*f" : "%.*g", table ? digits : 17, j.get<double>());
  return buf;
}

void write_frame(std::ostream& os, const Frame& f, const std::string& output,
                 const std::string& format) {
  if (format == "json") {
    Json j;
    j["output"] = output;
    j["rows"] = Json::array();
    for (const auto& row : f.rows) {
      Json o;
      for (std::size_t c = 0; c < f.header.size(); ++c) o[f.header[c]] = row[c];
      j["rows"].push_back(std::move(o));
    }
    j["notes"] = f.notes;
    os << j.dump(2) << '\n';
    return;
  }
  TextTable t;
  t.header = f.header;
  t.right_align.assign(f.header.size(), false);
  for (const auto& row : f.rows) {
    std::vector<std::string> cells;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (row[c].is_number()) t.right_align[c] = true;
      cells.push_back(cell_text(row[c], format == "table", f.digits));
    }
    t.rows.push_back(std::move(cells));
  }
  if (format == "csv") {
    write_csv(os, t);
    return;
  }
  write_text(os, t, 24);
  for (const std::string& n : f.notes) os << "note: " << n << '\n';
}

}  // namespace dxkit::cli
