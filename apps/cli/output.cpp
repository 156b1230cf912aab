#include "output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

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
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    std::string ch = s.substr(i, len);
    std::size_t w = text::display_width(ch);
    if (width + w > max_width - 1) break;
    out += ch;
    width += w;
    i += len;
  }
  return out + "…";
}

// The columns of `f` a format shows.
std::vector<std::size_t> shown_columns(const Frame& f, Format format) {
  std::vector<std::size_t> out;
  for (std::size_t c = 0; c < f.header.size(); ++c) {
    const std::string& name = f.header[c];
    if (format == Format::table && f.not_in_table.count(name)) continue;
    out.push_back(c);
  }
  return out;
}

// A frame as the table format shows it: columns padded to their widest cell (by display width),
// cells longer than the frame's `max_width` shortened with "…", numbers aligned right. Two passes
// over the rows, the widths first, then each line written as it is made: a table of every
// cell's text, held twice, cost 2.5 GB at 1M rows.
void write_text(std::ostream& out, const Frame& f) {
  const std::vector<std::size_t> cols = shown_columns(f, Format::table);
  const std::size_t n = cols.size();
  std::vector<bool> right(n, false);  // a column of numbers, or named so, aligns right
  std::vector<std::size_t> widths(n, 0);
  std::vector<decltype(f.shown.end())> how;
  for (std::size_t k = 0; k < n; ++k) {
    const std::string& name = f.header[cols[k]];
    right[k] = f.right_aligned.count(name) > 0;
    widths[k] = text::display_width(name);
    how.push_back(f.shown.find(name));
  }
  const auto shown = [&](const Json& cell, std::size_t k) {
    return shorten(how[k] != f.shown.end() ? how[k]->second(cell) : cell_text(cell, true, f.digits),
                   f.max_width);
  };
  for (const auto& row : f.rows)
    for (std::size_t k = 0; k < n; ++k) {
      const Json& cell = row[cols[k]];
      if (cell.is_number()) right[k] = true;
      widths[k] = std::max(widths[k], text::display_width(shown(cell, k)));
    }
  std::string line;
  const auto put = [&](const std::string& v, std::size_t k, bool align_right) {
    const std::size_t pad = widths[k] - text::display_width(v);
    if (align_right) line.append(pad, ' ');
    line += v;
    if (k + 1 < n) {
      if (!align_right) line.append(pad, ' ');
      line += "  ";
    }
  };
  for (std::size_t k = 0; k < n; ++k) put(f.header[cols[k]], k, false);
  out << line << '\n';
  std::size_t total = 0;
  for (std::size_t w : widths) total += w + 2;
  out << std::string(total > 2 ? total - 2 : 0, '-') << '\n';
  for (const auto& row : f.rows) {
    line.clear();
    for (std::size_t k = 0; k < n; ++k) put(shown(row[cols[k]], k), k, right[k]);
    out << line << '\n';
  }
}

// A frame as CSV, written a row at a time: a text table of every cell first, and a string
// made per character of a quoted cell (the Vietnamese decimal comma quotes most numbers),
// cost 19 s and 2 GB at 1M rows.
void write_csv(std::ostream& out, const Frame& f) {
  const std::vector<std::size_t> cols = shown_columns(f, Format::csv);
  std::string line;
  const auto cell = [&](const std::string& v) {
    if (v.find_first_of(",\"\n\r") == std::string::npos) {
      line += v;
      return;
    }
    line += '"';
    for (const char c : v) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  };
  for (std::size_t k = 0; k < cols.size(); ++k) {
    if (k) line += ',';
    cell(f.header[cols[k]]);
  }
  line += '\n';
  out << line;
  for (const auto& row : f.rows) {
    line.clear();
    for (std::size_t k = 0; k < cols.size(); ++k) {
      if (k) line += ',';
      const Json& j = row[cols[k]];
      if (j.is_string())
        cell(j.get_ref<const std::string&>());
      else
        cell(cell_text(j, false, f.digits));
    }
    line += '\n';
    out << line;
  }
}

Json or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// `text` (a value as dump(2) writes it at the top) moved `by` spaces to the right, as dump(2)
// of the enclosing document writes it: JSON text holds no raw newline inside a string.
std::string indented(std::string text, std::size_t by) {
  const std::string pad(by, ' ');
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
    text.insert(at + 1, pad);
  return text;
}

// The text of j.dump(2) for the whole report, written key by key and a frame's rows one object
// at a time: the report as one Json document and then as one string cost 3.9 GB at 1M rows.
void write_json(std::ostream& os, const Report& r) {
  Json j;
  j["schema"] = kSchema;
  j["command"] = r.command;
  j["output"] = or_null(r.output);
  j["source"] = or_null(r.source);
  for (const auto& [key, value] : r.summary.items()) j[key] = value;
  std::map<std::string, const Frame*, std::less<>> frames;  // a name's last frame, as j[] keeps
  for (const Frame& f : r.frames) {
    j[f.name] = Json::array();  // its place among the keys; the rows are written below
    frames[f.name] = &f;
  }
  j["notes"] = Json::array();
  frames.erase("notes");  // the notes replace a frame of that name, as j["notes"] does
  for (const Diagnostic& d : r.notes) j["notes"].push_back(note_json(d));
  os << '{';
  bool first_key = true;
  for (const auto& [key, value] : j.items()) {
    os << (first_key ? "\n  " : ",\n  ") << Json(key).dump() << ": ";
    first_key = false;
    const auto frame = frames.find(key);
    if (frame == frames.end() || frame->second->rows.empty()) {
      os << indented(value.dump(2), 2);
      continue;
    }
    const Frame& f = *frame->second;
    os << '[';
    bool first_row = true;
    for (const auto& row : f.rows) {
      Json o = Json::object();
      for (std::size_t c = 0; c < f.header.size(); ++c) o[f.header[c]] = row[c];
      os << (first_row ? "\n    " : ",\n    ") << indented(o.dump(2), 4);
      first_row = false;
    }
    os << "\n  ]";
  }
  os << "\n}\n";
}

}  // namespace

Frame& Report::main() {
  if (frames.empty()) frames.emplace_back();
  return frames.front();
}

void Report::note(std::string message) {
  Diagnostic d;
  d.severity = Severity::note;
  d.message = std::move(message);
  notes.push_back(std::move(d));
}

Json note_json(const Diagnostic& d) {
  const Location& w = d.where;
  Json where = Json::object();
  where["file"] = or_null(w.file);
  where["line"] = w.line ? Json(w.line) : Json(nullptr);
  where["column"] = w.column ? Json(w.column) : Json(nullptr);
  where["column_name"] = or_null(w.column_name);
  where["sheet"] = or_null(w.sheet);
  where["table"] = w.table ? Json(w.table) : Json(nullptr);
  where["cell"] = or_null(w.cell());
  Json out = Json::object();
  out["severity"] = std::string(to_string(d.severity));
  out["code"] = or_null(d.code);
  out["where"] = std::move(where);
  out["message"] = d.message;
  return out;
}

Json num(double v) { return std::isnan(v) ? Json(nullptr) : Json(v); }

std::string cell_text(const Json& j, bool table, int digits) {
  if (j.is_null()) return table ? "NA" : "";
  if (j.is_string()) return j.get<std::string>();
  if (j.is_boolean()) return j.get<bool>() ? "true" : "false";
  if (j.is_number_unsigned()) return std::to_string(j.get<unsigned long long>());
  if (j.is_number_integer()) return std::to_string(j.get<long long>());
  if (!table) return j.dump();  // shortest round trip: 0.825, 1e-07
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*f", digits, j.get<double>());
  return buf;
}

void write(std::ostream& os, const Report& r, Format format) {
  if (r.verbatim) {
    os << *r.verbatim;
    return;
  }
  if (format == Format::json) {
    write_json(os, r);
    return;
  }
  if (format == Format::csv) {
    for (std::size_t k = 0; k < r.frames.size(); ++k) {
      if (k > 0 && r.frames[k].rows.empty()) continue;
      if (k > 0) os << '\n';
      write_csv(os, r.frames[k]);
    }
    return;
  }
  for (const std::string& line : r.heading) os << line << '\n';
  bool first = true;
  for (const Frame& f : r.frames) {
    if (!f.in_table) continue;
    if (!first) os << '\n';
    write_text(os, f);
    first = false;
  }
  for (const std::string& line : r.trailer) os << line << '\n';
  for (const Diagnostic& d : r.notes) os << d.to_string() << '\n';
}

void write(std::ostream& out, const Report& report, std::string_view format) {
  write(out, report, formats.parse(format));
}

}  // namespace dxkit::cli
