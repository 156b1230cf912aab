// Excel workbooks (SpreadsheetML): every sheet is one grid; shared strings, merged ranges and
// the number formats of the styles decide what a cell is (a percent-formatted 0.9921 is 99,21%,
// a date-formatted serial a date), so a value is never read as something it is not shown as.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "archive.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::document::detail {

namespace {

struct CellRef {
  std::size_t row = 0, column = 0;
};

// "B7" -> row 7, column 2; false for anything else.
bool parse_ref(std::string_view s, CellRef& out) {
  std::size_t i = 0, col = 0, row = 0;
  while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z' && i < 3) col = col * 26 + (s[i++] - 'A' + 1);
  if (col == 0 || i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9' || row > 10000000) return false;
    row = row * 10 + static_cast<std::size_t>(s[i] - '0');
  }
  if (row == 0) return false;
  out = {row, col};
  return true;
}

// How a stored number is shown: as it is (General, and every number format that is neither a
// percent, a date nor a time: Excel's 0.00, #,##0, '@' and the like change only how many digits
// a reader sees), as a percent, as a date, or as a time of day or a duration (h:mm, [h]:mm:ss).
enum class Kind : unsigned char { plain, percent, date, time };
struct Format {
  Kind kind = Kind::plain;
  bool seconds = false;  // a time shows its seconds (h:mm:ss, mm:ss)
  bool elapsed = false;  // [h]: hours beyond 24 (a duration), not the time of day
  bool twelve = false;   // AM/PM: a 12-hour clock
  bool hours = true;     // the hours are shown (mm:ss shows minutes and seconds alone)
  bool padded = false;   // hh: the hours with two digits (08:30)
  bool clock = false;    // a date that shows its time of day too (dd/mm/yyyy hh:mm)
};

// The kind of a number format code, outside quotes and escapes: '%' is a percent; d or y a
// date (with h or s too, a date and its time of day); h or s, or [h] [m] [s], a time; m alone
// a month (a date). In brackets only the elapsed-time codes count ([Red], [$-42A] do not).
Format classify(std::string_view code) {
  bool quoted = false, percent = false, date = false, month = false;
  Format time{Kind::time};
  bool any_time = false, any_hours = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (!quoted && (c == '\\' || c == '_' || c == '*')) {  // the next character is literal
      ++i;
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') {
      const std::size_t close = code.find(']', i);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      const auto only = [&](char letter) {
        return !inside.empty() && std::all_of(inside.begin(), inside.end(), [&](char x) {
          return x == letter || x == letter - 'a' + 'A';
        });
      };
      if (only('h') || only('m') || only('s')) {
        any_time = time.elapsed = true;
        any_hours = any_hours || only('h');
        time.padded = time.padded || (only('h') && inside.size() > 1);  // [hh]
        time.seconds = time.seconds || only('s');
      }
      i = close;
      continue;
    }
    const char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (l == '%') percent = true;
    if (l == 'd' || l == 'y') date = true;
    if (l == 'm') month = true;
    if (l == 'h') {
      time.padded = time.padded || (i + 1 < code.size() && (code[i + 1] | 0x20) == 'h');
      any_time = any_hours = true;
    }
    if (l == 's') any_time = time.seconds = true;
    if (l == 'a') {  // AM/PM or A/P, all upper or all lower case: its m is no month
      const std::string_view five = code.substr(i, 5), three = code.substr(i, 3);
      const std::size_t ampm = five == "AM/PM" || five == "am/pm" ? 5
                               : three == "A/P" || three == "a/p" ? 3
                                                                  : 0;
      if (ampm > 0) {
        time.twelve = true;
        i += ampm - 1;
      }
    }
  }
  if (percent) return {Kind::percent};
  if (date && any_time) {
    time.kind = Kind::date;
    time.clock = true;
    time.hours = true;
    time.elapsed = false;  // a date's time is the time of that day
    return time;
  }
  if (date) return {Kind::date};
  if (any_time) {
    time.hours = any_hours;
    return time;
  }
  if (month) return {Kind::date};
  return {};
}

// Excel's built-in formats: 9-10 percent, 14-17 and 22 dates, 18-21 and 45-47 times.
Format builtin(unsigned id) {
  if (id == 9 || id == 10) return {Kind::percent};
  if (id >= 14 && id <= 17) return {Kind::date};
  if (id == 22) return {Kind::date, false, false, false, true, false, true};  // m/d/yy h:mm
  if (id == 18) return {Kind::time, false, false, true};                      // h:mm AM/PM
  if (id == 19) return {Kind::time, true, false, true};                       // h:mm:ss AM/PM
  if (id == 20) return {Kind::time};                                          // h:mm
  if (id == 21) return {Kind::time, true};                                    // h:mm:ss
  if (id == 45 || id == 47) return {Kind::time, true, false, false, false};   // mm:ss, mmss.0
  if (id == 46) return {Kind::time, true, true};                              // [h]:mm:ss
  return {};
}

// A time-formatted number as Excel shows it: the fraction of a day as h:mm (or h:mm:ss, hh
// with two digits), rounded to the second; the hours of the day (a date part is not shown), or
// every hour of a duration ([h]); 12-hour with AM/PM; without hours (mm:ss) the minutes of the
// hour, or every minute of a duration ([mm]:ss), with two digits. None for a negative or huge
// number (Excel shows ####): the number is then read as stored.
std::optional<std::string> show_time(double days, const Format& f) {
  if (!(days >= 0) || days > 1e9) return std::nullopt;
  const auto total = static_cast<long long>(std::llround(days * 86400.0));
  const long long seconds = total % 60;
  char out[64];
  if (!f.hours) {
    const long long minutes = f.elapsed ? total / 60 : total / 60 % 60;
    const int n = std::snprintf(out, sizeof out, "%02lld:%02lld", minutes, seconds);
    return std::string(out, static_cast<std::size_t>(n));
  }
  long long hours = total / 3600;
  const long long minutes = total / 60 % 60;
  if (!f.elapsed) hours %= 24;
  const bool pm = hours >= 12;
  if (f.twelve) hours = hours % 12 == 0 ? 12 : hours % 12;
  const int width = f.padded ? 2 : 1;
  const int n = f.seconds ? std::snprintf(out, sizeof out, "%0*lld:%02lld:%02lld", width, hours,
                                          minutes, seconds)
                          : std::snprintf(out, sizeof out, "%0*lld:%02lld", width, hours, minutes);
  std::string text(out, static_cast<std::size_t>(n));
  if (f.twelve) text += pm ? " PM" : " AM";
  return text;
}

// A stored number as a Vietnamese reader reads it: decimal comma, no grouping, no exponent, at
// most the 15 significant digits Excel itself shows (0.99209999999999998 is 0,9921, a product's
// last-bit noise is gone); a whole number of 10^15 or more keeps every digit of the double (a
// budget in đồng reaches 10^15: "1e+15" would be no number to the readers).
std::string show(double v) {
  if (v == 0) return "0";
  const int lead = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  const int decimals = std::max(14 - lead, 0);
  const int n = std::snprintf(nullptr, 0, "%.*f", decimals, v);
  std::string s(static_cast<std::size_t>(n), '\0');
  std::snprintf(s.data(), s.size() + 1, "%.*f", decimals, v);
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") return "0";
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

// The date of a serial number: in the 1900 system (the default) serial 1 is 1 January 1900, in
// the 1904 system (`<workbookPr date1904="1"/>`, old Excel for Mac) serial 0 is 1 January 1904.
std::optional<Date> serial_date(double serial, bool date1904) {
  using namespace std::chrono;
  if (date1904) {
    // 0 .. 9999-12-31, the 1900 system's last day less the 1 462 days between the two bases.
    if (!(serial >= 0 && serial < 2958466 - 1462)) return std::nullopt;
    const sys_days base = sys_days(year(1904) / January / 1);
    return Date(year_month_day(base + days(static_cast<long>(std::floor(serial)))));
  }
  if (!(serial >= 1 && serial < 2958466)) return std::nullopt;  // 1900-01-01 .. 9999-12-31
  // Excel counts 1900-02-29, which did not exist: serials from 61 on are one day late.
  const sys_days base =
      serial >= 61 ? sys_days(year(1899) / December / 30) : sys_days(year(1899) / December / 31);
  return Date(year_month_day(base + days(static_cast<long>(std::floor(serial)))));
}

// The date a date-formatted serial shows, and for a date-time format (`clock`) the time of
// day in `time`: both from the serial rounded to the second, so 23:59:59.6 is the next day's
// 0:00, as Excel shows it.
std::optional<Date> dated(double serial, const Format& f, bool date1904,
                          std::optional<std::string>& time) {
  if (!f.clock) return serial_date(serial, date1904);
  if (!(serial >= 0 && serial < 3e6)) return std::nullopt;  // past every date: as stored
  const long long seconds = std::llround(serial * 86400.0);
  const auto date = serial_date(static_cast<double>(seconds / 86400), date1904);
  if (date) time = show_time(static_cast<double>(seconds % 86400) / 86400.0, f);
  return date;
}

// The UTF-16 code unit of an escape `_xHHHH_` at s[i] (ECMA-376 ST_Xstring), or -1.
long escape_at(std::string_view s, std::size_t i) {
  if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
  long u = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const char c = s[k];
    const int d = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                         : -1;
    if (d < 0) return -1;
    u = u * 16 + d;
  }
  return u;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A cell's text with Excel's escapes decoded: `_x000D_` is a carriage return, `_x005F_` a
// literal '_' (so "_x005F_x0041_" reads "_x0041_"), a surrogate pair of two escapes one
// character; a lone surrogate or anything else that is not an escape stays as written.
std::string unescaped(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const long u = escape_at(s, i);
    if (u < 0) {
      out += s[i++];
      continue;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      const long low = escape_at(s, i + 7);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((static_cast<unsigned long>(u) - 0xD800) << 10) +
                             (static_cast<unsigned long>(low) - 0xDC00));
        i += 14;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {  // a lone surrogate: not a character
      out += s[i++];
      continue;
    }
    append_utf8(out, static_cast<unsigned long>(u));
    i += 7;
  }
  return out;
}

std::string text_of(const pugi::xml_node& si) {
  std::string s;
  if (auto t = si.child("t")) return unescaped(t.text().get());
  for (auto r : si.children("r")) s += r.child("t").text().get();
  return unescaped(std::move(s));
}

}  // namespace

std::vector<Grid> read_xlsx(Archive& zip, const Limits& limits) {
  pugi::xml_document book, rels, shared, styles;
  zip.xml("xl/workbook.xml", book, true);
  zip.xml("xl/_rels/workbook.xml.rels", rels, true);
  std::map<std::string, std::string> targets;
  for (auto r : rels.child("Relationships").children("Relationship"))
    targets[r.attribute("Id").value()] = r.attribute("Target").value();

  std::vector<std::string> strings;
  if (zip.xml("xl/sharedStrings.xml", shared, false))
    for (auto si : shared.child("sst").children("si")) strings.push_back(text_of(si));

  // Styles, fonts and shared strings are looked up with at() behind their bound checks: a wrong
  // bound would then throw, never read past the end.
  std::vector<Format> xf_format;
  std::vector<bool> xf_bold;
  if (zip.xml("xl/styles.xml", styles, false)) {
    auto sheet = styles.child("styleSheet");
    std::map<unsigned, Format> custom;
    for (auto f : sheet.child("numFmts").children("numFmt"))
      custom[f.attribute("numFmtId").as_uint()] = classify(f.attribute("formatCode").value());
    std::vector<bool> font_bold;
    for (auto f : sheet.child("fonts").children("font")) {
      auto b = f.child("b");
      font_bold.push_back(b && b.attribute("val").as_bool(true));
    }
    for (auto xf : sheet.child("cellXfs").children("xf")) {
      const unsigned id = xf.attribute("numFmtId").as_uint();
      auto it = custom.find(id);
      xf_format.push_back(it != custom.end() ? it->second : builtin(id));
      const unsigned font = xf.attribute("fontId").as_uint();
      xf_bold.push_back(font < font_bold.size() && font_bold.at(font));
    }
  }

  const auto date1904 = book.child("workbook").child("workbookPr").attribute("date1904");
  const bool in1904 = date1904 && date1904.as_bool();
  std::vector<Grid> grids;
  for (auto s : book.child("workbook").child("sheets").children("sheet")) {
    const std::string name = s.attribute("name").value();
    std::string target = targets[s.attribute("r:id").value()];
    if (target.starts_with("/"))
      target.erase(0, 1);
    else
      target = "xl/" + target;
    pugi::xml_document doc;
    if (!zip.xml(target, doc, false)) continue;
    Grid g;
    g.place = "sheet '" + name + "'";
    g.sheet_name = name;
    g.sheet = true;
    const std::string state = s.attribute("state").value();
    g.hidden = state == "hidden" || state == "veryHidden";
    std::map<std::pair<std::size_t, std::size_t>, Cell> cells;
    std::size_t r0 = SIZE_MAX, r1 = 0, c0 = SIZE_MAX, c1 = 0;
    auto extend = [&](const CellRef& at) {
      r0 = std::min(r0, at.row), r1 = std::max(r1, at.row);
      c0 = std::min(c0, at.column), c1 = std::max(c1, at.column);
    };
    auto root = doc.child("worksheet");
    for (auto row : root.child("sheetData").children("row")) {
      for (auto c : row.children("c")) {
        CellRef at;
        const std::string ref = c.attribute("r").value();
        if (!parse_ref(ref, at))
          throw ParseError("a cell without a valid reference", ref,
                           Location{zip.source(), row.attribute("r").as_uint(), 0, {}, name});
        Cell cell;
        const std::string t = c.attribute("t").value();
        const unsigned style = c.attribute("s").as_uint();
        cell.bold = style < xf_bold.size() && xf_bold.at(style);
        const char* v = c.child("v").text().get();
        // The two errors below name the XML cell as "<file>, sheet 'X' B4:4:2" (its reference,
        // then row and column), a form older than the structured sheet: their file keeps it.
        if (t == "s") {
          const unsigned i = c.child("v").text().as_uint();
          if (i >= strings.size())
            throw ParseError(
                "shared string " + std::to_string(i) + " does not exist", ref,
                Location{zip.source() + ", " + g.place + " " + ref, at.row, at.column, {}});
          cell.text = strings.at(i);
        } else if (t == "inlineStr") {
          cell.text = text_of(c.child("is"));
        } else if (t == "str" || t == "e") {
          cell.text = unescaped(v);
        } else if (t == "b") {
          cell.text = std::string(v) == "1" ? "TRUE" : "FALSE";
        } else if (*v) {
          char* end = nullptr;
          const double x = std::strtod(v, &end);
          if (end == v || *end || !std::isfinite(x))
            throw ParseError(
                "a number cell that holds no number", v,
                Location{zip.source() + ", " + g.place + " " + ref, at.row, at.column, {}});
          cell.value = x;
          const Format f = style < xf_format.size() ? xf_format.at(style) : Format{};
          std::optional<std::string> time;
          if (f.kind == Kind::percent) {
            cell.type = CellType::percent;
            cell.text = show(x * 100) + "%";
          } else if (f.kind == Kind::time && (time = show_time(x, f))) {
            // Shown as a time: text, so that no reader takes 0,35 for what reads 8:30.
            cell.type = CellType::text;
            cell.text = *time;
          } else if (f.kind == Kind::date && (cell.date = dated(x, f, in1904, time))) {
            // d/m/yyyy as Vietnamese documents write it; a date-time adds the time it shows
            // ("30/6/2023 14:30", which the deadline and date readers take as that day).
            cell.type = CellType::date;
            cell.text = std::to_string(cell.date->day()) + "/" +
                        std::to_string(cell.date->month()) + "/" +
                        std::to_string(cell.date->year());
            if (time) cell.text += " " + *time;
          } else {
            cell.type = CellType::number;
            cell.text = show(x);
          }
        }
        if ((t.empty() || t == "n") && !*v && c.child("f")) {
          // A number formula the file stores without its value (no <v>, or openpyxl's empty
          // one: written by a program that does not calculate): its text, never an empty cell
          // where a total stands. (A text formula's empty <v> is its value, the empty text.)
          // A reader that needs a number there refuses it at the cell (the advice: open and
          // save the file in Excel or LibreOffice, which calculates it).
          const std::string formula(text::trim(c.child("f").text().get()));
          cell.text = formula.empty() ? "=(shared formula)" : "=" + formula;
        }
        if (cell.type == CellType::empty) {
          cell.text = std::string(text::trim(text::nfc(cell.text)));
          if (!cell.text.empty()) cell.type = CellType::text;
        }
        if (cell.type == CellType::empty) continue;
        extend(at);
        cells[{at.row, at.column}] = std::move(cell);
      }
    }
    std::vector<std::pair<CellRef, CellRef>> merges;
    for (auto m : root.child("mergeCells").children("mergeCell")) {
      const std::string ref = m.attribute("ref").value();
      const auto colon = ref.find(':');
      CellRef a, b;
      if (colon == std::string::npos || !parse_ref(ref.substr(0, colon), a) ||
          !parse_ref(ref.substr(colon + 1), b) || b.row < a.row || b.column < a.column)
        throw ParseError("a merged range that is not A1:B2", ref,
                         Location{zip.source(), 0, 0, {}, name});
      merges.push_back({a, b});  // used only when the sheet has cells
    }
    if (cells.empty()) {
      grids.push_back(std::move(g));
      continue;
    }
    for (auto& [a, b] : merges) extend(a), extend(b);
    if ((r1 - r0 + 1) * (c1 - c0 + 1) > limits.cells)
      throw ParseError(
          "the sheet's used range holds more than " + std::to_string(limits.cells) + " cells",
          g.place, Location{zip.source(), r1, c1, {}, name});
    g.first_column = c0;
    g.rows.assign(r1 - r0 + 1, std::vector<Cell>(c1 - c0 + 1));
    for (std::size_t r = r0; r <= r1; ++r) g.row_numbers.push_back(r);
    for (auto& [at, cell] : cells) g.rows[at.first - r0][at.second - c0] = std::move(cell);
    for (auto& [a, b] : merges)
      for (std::size_t r = a.row; r <= b.row; ++r)
        for (std::size_t c = a.column; c <= b.column; ++c) {
          if (r == a.row && c == a.column) continue;
          Cell& x = g.rows[r - r0][c - c0];
          (r == a.row ? x.merged_left : x.merged_above) = true;
        }
    grids.push_back(std::move(g));
  }
  return grids;
}

}  // namespace dxkit::document::detail
