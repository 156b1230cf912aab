#include "dxkit/text/unicode.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "dxkit/error.hpp"

namespace dxkit::text {

namespace {
// Eight bytes at a time: most text is mostly ASCII, and every cell of a document is looked at.
bool ascii_word(const char* p) noexcept {
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  return (w & 0x8080808080808080ULL) == 0;
}
}  // namespace

bool is_ascii(std::string_view s) noexcept {
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8)
    if (!ascii_word(p)) return false;
  for (; n > 0; ++p, --n)
    if (static_cast<unsigned char>(*p) >= 0x80) return false;
  return true;
}

void validate_utf8(std::string_view s) {
  if (is_ascii(s)) return;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  std::size_t column = 1;
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n < 0) {
      Location where;
      where.column = column;
      throw EncodingError("invalid UTF-8 at character " + std::to_string(column) +
                              " (save the file as UTF-8; Windows-1258 and TCVN3 are not read)",
                          "", where);
    }
    p += n;
    left -= n;
    ++column;
  }
}

namespace {
std::string map(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) {
    std::free(out);
    validate_utf8(s);  // throws with the column
    throw EncodingError(std::string("cannot normalise text: ") + utf8proc_errmsg(n), "");
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(n)};
}

void ascii_lower(std::string& s) noexcept {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}
}  // namespace

namespace {
// Code points that are NFC whatever surrounds them (Unicode NFC_Quick_Check = Yes and no
// composition with a following mark): precomposed Latin and Vietnamese letters, punctuation
// and the comparison signs the documents use. Text made only of them is already NFC, which
// is what nearly every document cell is; anything else (a combining mark from an NFD
// document, for one) takes utf8proc's full normalisation.
bool stable_in_nfc(utf8proc_int32_t cp) noexcept {
  return cp < 0x300 || (cp >= 0x1EA0 && cp <= 0x1EF9) || (cp >= 0x2010 && cp <= 0x206F) ||
         cp == 0x2212 || cp == 0x2264 || cp == 0x2265 || cp == 0x2192;
}

// True when `s` is valid UTF-8 made only of stable code points.
bool quick_nfc(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    if (*p < 0x80) {
      // A base letter could still compose with a mark that follows; the mark itself is not
      // stable, so it sends the text to the slow path.
      ++p;
      --left;
      while (left >= 8 && ascii_word(reinterpret_cast<const char*>(p))) {
        p += 8;
        left -= 8;
      }
      continue;
    }
    // The two- and three-byte forms of the documents' letters and signs are decoded here
    // (they are always valid UTF-8 once their continuation bytes are); the rest by utf8proc.
    const auto continuation = [&](utf8proc_ssize_t k) { return (p[k] & 0xC0) == 0x80; };
    if (*p >= 0xC2 && *p <= 0xDF && left >= 2 && continuation(1)) {
      if (((*p & 0x1F) << 6 | (p[1] & 0x3F)) >= 0x300) return false;
      p += 2;
      left -= 2;
      continue;
    }
    if ((*p == 0xE1 || *p == 0xE2) && left >= 3 && continuation(1) && continuation(2)) {
      if (!stable_in_nfc((*p & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F))) return false;
      p += 3;
      left -= 3;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n < 0 || !stable_in_nfc(cp)) return false;
    p += n;
    left -= n;
  }
  return true;
}
}  // namespace

std::string nfc(std::string_view s) {
  if (is_ascii(s) || quick_nfc(s)) return std::string(s);
  return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

void make_nfc(std::string& s) {
  if (is_ascii(s) || quick_nfc(s)) return;
  s = map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string fold(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    ascii_lower(out);
    return out;
  }
  const std::string composed = nfc(s);
  // Simple (one-to-one) lower-casing of NFC text stays NFC for Vietnamese letters, and is all
  // keyword matching needs; it avoids a full utf8proc_map per word. ASCII bytes and the two-
  // byte letters (Latin-1, Ă Đ Ơ Ư ...) are lowered here, through utf8proc's own answers
  // kept in a table; the rest goes to utf8proc one code point at a time.
  static const std::vector<utf8proc_int32_t> lower_two_byte = [] {
    std::vector<utf8proc_int32_t> t(0x800);
    for (utf8proc_int32_t cp = 0; cp < 0x800; ++cp)
      t[static_cast<std::size_t>(cp)] = utf8proc_tolower(cp);
    return t;
  }();
  std::string out;
  out.reserve(composed.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(composed.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(composed.size());
  while (left > 0) {
    if (*p < 0x80) {
      out += static_cast<char>(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
      ++p;
      --left;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = 0;
    if (*p >= 0xC2 && *p <= 0xDF && left >= 2 && (p[1] & 0xC0) == 0x80) {
      cp = lower_two_byte[static_cast<std::size_t>((*p & 0x1F) << 6 | (p[1] & 0x3F))];
      n = 2;
    } else {
      n = utf8proc_iterate(p, left, &cp);
      if (n < 0) validate_utf8(composed);  // throws with the column
      cp = utf8proc_tolower(cp);
    }
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t m = utf8proc_encode_char(cp, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(m));
    p += n;
    left -= n;
  }
  return out;
}

std::string_view strip_bom(std::string_view s) noexcept {
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF &&
      static_cast<unsigned char>(s[1]) == 0xBB && static_cast<unsigned char>(s[2]) == 0xBF)
    s.remove_prefix(3);
  return s;
}

namespace {
bool space_at_front(std::string_view s, std::size_t& width) noexcept {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
    width = 1;
    return true;
  }
  if (s.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) {
    width = 2;
    return true;
  }
  return false;
}
bool space_at_back(std::string_view s, std::size_t& width) noexcept {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s.back());
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
    width = 1;
    return true;
  }
  if (s.size() >= 2 && c == 0xA0 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2) {
    width = 2;
    return true;
  }
  return false;
}
}  // namespace

std::string_view trim(std::string_view s) noexcept {
  std::size_t w = 0;
  while (space_at_front(s, w)) s.remove_prefix(w);
  while (space_at_back(s, w)) s.remove_suffix(w);
  return s;
}

std::size_t display_width(std::string_view s) noexcept {
  if (is_ascii(s)) return s.size();
  // utf8proc's widths of every code point below U+2000 (Latin with every Vietnamese letter,
  // the combining marks of width 0), read once: the tables and reports measure each cell.
  static const std::array<unsigned char, 0x2000> narrow = [] {
    std::array<unsigned char, 0x2000> t{};
    for (utf8proc_int32_t cp = 0; cp < 0x2000; ++cp)
      t[static_cast<std::size_t>(cp)] = static_cast<unsigned char>(utf8proc_charwidth(cp));
    return t;
  }();
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  std::size_t width = 0;
  const auto continuation = [&](utf8proc_ssize_t k) { return (p[k] & 0xC0) == 0x80; };
  while (left > 0) {
    if (*p < 0x80) {
      width += narrow[*p];
      ++p;
      --left;
      continue;
    }
    if (*p >= 0xC2 && *p <= 0xDF && left >= 2 && continuation(1)) {
      width += narrow[static_cast<std::size_t>((*p & 0x1F) << 6 | (p[1] & 0x3F))];
      p += 2;
      left -= 2;
      continue;
    }
    // E0 A0..BF (U+0800-U+0FFF, no overlong form) and E1 (U+1000-U+1FFF: Vietnamese U+1EA0-
    // U+1EF9).
    if ((*p == 0xE1 || (*p == 0xE0 && left >= 2 && p[1] >= 0xA0)) && left >= 3 && continuation(1) &&
        continuation(2)) {
      width +=
          narrow[static_cast<std::size_t>((*p & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F))];
      p += 3;
      left -= 3;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) break;
    width += static_cast<std::size_t>(utf8proc_charwidth(cp));
    p += n;
    left -= n;
  }
  return width;
}

}  // namespace dxkit::text
