#include "dxkit/report/workbook.hpp"

#include <fstream>

#include "dxkit/error.hpp"

namespace dxkit::report {

const char* fill_colour(Tone tone) noexcept {
  switch (tone) {
    case Tone::green:
      return "B7E4C7";
    case Tone::light_green:
      return "DCF5E3";
    case Tone::amber:
      return "FFE8A3";
    case Tone::red:
      return "FFC9C9";
    case Tone::grey:
      return "E6E8EB";
    case Tone::blue:
      return "D6E6FA";
    case Tone::header:
      return "D9E1F2";
    case Tone::none:
      break;
  }
  return "";
}

Cell text_cell(std::string value, Style style) {
  Cell c;
  c.kind = Cell::Kind::text;
  c.text = std::move(value);
  c.style = std::move(style);
  return c;
}

Cell number_cell(double value, std::string shown, std::string format, Style style) {
  Cell c;
  c.kind = Cell::Kind::number;
  c.number = value;
  c.text = std::move(shown);
  c.style = std::move(style);
  c.style.number_format = std::move(format);
  if (c.style.align == Align::general) c.style.align = Align::right;
  return c;
}

std::size_t Sheet::add(std::vector<Cell> row) {
  rows.push_back(std::move(row));
  return rows.size() - 1;
}

void Sheet::merge_across(std::size_t row, std::size_t column, std::size_t columns) {
  if (columns > 1) merges.push_back({row, column, 1, columns});
}

void Workbook::add(Sheet sheet) {
  const std::string base = sheet.name;
  for (int k = 2;; ++k) {
    bool taken = false;
    for (const Sheet& s : sheets) taken = taken || s.name == sheet.name;
    if (!taken) break;
    sheet.name = base + " (" + std::to_string(k) + ")";
  }
  sheets.push_back(std::move(sheet));
}

void write_html(const Workbook& book, const std::filesystem::path& path) {
  const std::string page = html(book);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error(path.string() + ": cannot write the page");
  out << page;
  if (!out.flush()) throw Error(path.string() + ": cannot write the page");
}

}  // namespace dxkit::report
