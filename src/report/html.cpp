// The report as one HTML page that needs nothing else: the CSS is in a <style> element, the
// charts are inline SVG, there is no script and no link, so the page can be mailed, archived
// or printed as it is. It shows the sheets of the workbook (write_xlsx) in the same order.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "dxkit/report/workbook.hpp"
#include "dxkit/text/number.hpp"

namespace dxkit::report {

namespace {

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string with_breaks(std::string_view s) {
  std::string out = escape(s);
  for (std::size_t p = 0; (p = out.find('\n', p)) != std::string::npos; p += 4)
    out.replace(p, 1, "<br>");
  return out;
}

const char* tone_class(Tone t) {
  switch (t) {
    case Tone::green:
      return "green";
    case Tone::light_green:
      return "light-green";
    case Tone::amber:
      return "amber";
    case Tone::red:
      return "red";
    case Tone::grey:
      return "grey";
    case Tone::blue:
      return "blue";
    case Tone::header:
      return "head";
    case Tone::none:
      break;
  }
  return "";
}

std::string css() {
  std::string out =
      "body{font-family:'Times New Roman',serif;margin:24px;color:#1f2328}"
      "h1{font-size:20px}h2{font-size:17px;margin-top:28px}"
      "table{border-collapse:collapse;margin:8px 0}"
      "td,th{padding:3px 6px;vertical-align:middle}"
      "td.line,th.line{border:1px solid #8c959f}th{font-weight:bold}"
      ".b{font-weight:bold}.i{font-style:italic}.c{text-align:center}.r{text-align:right}"
      ".l{text-align:left}.chart{margin:12px 0}";
  for (Tone t : {Tone::green, Tone::light_green, Tone::amber, Tone::red, Tone::grey, Tone::blue,
                 Tone::header})
    out += std::string(".") + tone_class(t) + "{background:#" + fill_colour(t) + "}";
  return out;
}

void write_sheet(std::ostringstream& out, const Sheet& sheet) {
  out << "<section><h2>" << escape(sheet.name) << "</h2>\n<table>\n";
  std::vector<std::vector<int>> span(sheet.rows.size());  // 0 covered, -1 plain, k>0 = merge
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) span[r].assign(sheet.rows[r].size(), -1);
  for (std::size_t k = 0; k < sheet.merges.size(); ++k) {
    const Merge& m = sheet.merges[k];
    for (std::size_t r = m.row; r < m.row + m.rows && r < span.size(); ++r)
      for (std::size_t c = m.column; c < m.column + m.columns && c < span[r].size(); ++c)
        span[r][c] = 0;
    if (m.row < span.size() && m.column < span[m.row].size())
      span[m.row][m.column] = static_cast<int>(k) + 1;
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    out << "<tr>";
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      if (span[r][c] == 0) continue;
      const Cell& cell = sheet.rows[r][c];
      const char* tag = r == sheet.header_row && sheet.frozen_rows > 0 ? "th" : "td";
      std::string classes = cell.style.border ? "line" : "";
      const auto add = [&classes](std::string_view k) {
        if (k.empty()) return;
        if (!classes.empty()) classes += ' ';
        classes += k;
      };
      if (cell.style.bold) add("b");
      if (cell.style.italic) add("i");
      if (cell.style.align == Align::center) add("c");
      if (cell.style.align == Align::right) add("r");
      if (cell.style.align == Align::left) add("l");
      add(tone_class(cell.style.tone));
      out << '<' << tag;
      if (!classes.empty()) out << " class=\"" << classes << '"';
      if (span[r][c] > 0) {
        const Merge& m = sheet.merges[static_cast<std::size_t>(span[r][c] - 1)];
        if (m.columns > 1) out << " colspan=\"" << m.columns << '"';
        if (m.rows > 1) out << " rowspan=\"" << m.rows << '"';
      }
      if (!cell.title.empty()) out << " title=\"" << escape(cell.title) << '"';
      out << '>' << with_breaks(cell.text) << "</" << tag << '>';
    }
    out << "</tr>\n";
  }
  out << "</table>\n";
  for (const Chart& chart : sheet.charts)
    out << "<div class=\"chart\">" << svg(chart) << "</div>\n";
  out << "</section>\n";
}

}  // namespace

std::string svg(const Chart& chart) {
  constexpr int kLabel = 260, kBar = 320, kValue = 150, kRow = 22, kTop = 28;
  const int height = kTop + static_cast<int>(chart.values.size()) * kRow + 8;
  const int width = kLabel + kBar + kValue;
  double top = 0;
  for (double v : chart.values)
    if (std::isfinite(v)) top = std::max(top, v);
  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << ' ' << height
      << "\" font-family=\"Times New Roman, serif\" font-size=\"13\" role=\"img\">"
      << "<title>" << escape(chart.title) << "</title>"
      << "<text x=\"0\" y=\"16\" font-weight=\"bold\">" << escape(chart.title) << "</text>";
  std::string suffix;
  if (!chart.unit.empty()) suffix.append(" ").append(escape(chart.unit));
  for (std::size_t k = 0; k < chart.values.size(); ++k) {
    const double v = chart.values[k];
    const int y = kTop + static_cast<int>(k) * kRow;
    const double w = top > 0 && std::isfinite(v) && v > 0 ? kBar * v / top : 0;
    const Tone tone = k < chart.tones.size() ? chart.tones[k] : Tone::none;
    const std::string fill = tone == Tone::none ? "0969DA" : std::string(fill_colour(tone));
    std::string label = k < chart.labels.size() ? chart.labels[k] : std::string();
    out << "<text x=\"" << kLabel - 6 << "\" y=\"" << y + 15 << "\" text-anchor=\"end\">"
        << escape(label) << "</text>"
        << "<rect x=\"" << kLabel << "\" y=\"" << y + 3 << "\" width=\"" << std::lround(w)
        << "\" height=\"" << kRow - 6 << "\" fill=\"#" << fill
        << "\" stroke=\"#57606a\" stroke-width=\"0.5\"/>"
        << "<text x=\"" << kLabel + static_cast<int>(w) + 6 << "\" y=\"" << y + 15 << "\">"
        << escape(std::isfinite(v) ? format_number(v, v == std::floor(v) ? 0 : 2) : "NA") << suffix
        << "</text>";
  }
  out << "</svg>";
  return out.str();
}

std::string html(const Workbook& book) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
      << escape(book.title) << "</title><style>" << css() << "</style></head>\n<body>\n<h1>"
      << escape(book.title) << "</h1>\n";
  for (const Sheet& s : book.sheets) write_sheet(out, s);
  out << "</body></html>\n";
  return out.str();
}

}  // namespace dxkit::report
