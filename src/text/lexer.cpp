#include "dxkit/text/detail/lexer.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::detail {

bool is_space_byte(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

namespace {
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// The symbols a cell can hold: ASCII punctuation and comparison signs, and a few UTF-8 ones
// (≥ ≤ − – — “ ” and the no-break space, which tokenize() skips as a space). Dispatches on
// the first byte: this runs for every byte of every word.
std::size_t symbol_at(std::string_view s) noexcept {
  if (s.empty()) return 0;
  const auto b0 = static_cast<unsigned char>(s[0]);
  switch (b0) {
    case '>':
    case '<':
      return s.size() >= 2 && s[1] == '=' ? 2 : 1;
    case '=':
    case '-':
    case '/':
    case ':':
    case ';':
    case ',':
    case '.':
    case '(':
    case ')':
    case '[':
    case ']':
    case '~':
    case '+':
    case '"':
    case '\'':
    case '*':
    case '&':
    case '!':
    case '?':
      return 1;
    case 0xC2:  // U+00A0 no-break space
      return s.size() >= 2 && static_cast<unsigned char>(s[1]) == 0xA0 ? 2 : 0;
    case 0xE2: {
      if (s.size() < 3) return 0;
      const auto b1 = static_cast<unsigned char>(s[1]);
      const auto b2 = static_cast<unsigned char>(s[2]);
      if (b1 == 0x89 && (b2 == 0xA4 || b2 == 0xA5)) return 3;  // ≤ ≥
      if (b1 == 0x88 && b2 == 0x92) return 3;                  // − (U+2212, Word's minus sign)
      if (b1 == 0x80 && (b2 == 0x93 || b2 == 0x94 || b2 == 0x9C || b2 == 0x9D))
        return 3;  // – — “ ”
      return 0;
    }
    default:
      return 0;
  }
}

// What a byte says about the word it is in: most bytes (letters, digits, every byte of a UTF-8
// letter) continue it; white space, '%' and the ASCII symbols end it; 0xC2 and 0xE2 start a
// no-break space or a UTF-8 symbol only with the right bytes after them (symbol_at decides).
enum ByteClass : unsigned char { kWordByte = 0, kBreakByte = 1, kLookAhead = 2 };
constexpr std::array<unsigned char, 256> kByteClass = [] {
  std::array<unsigned char, 256> t{};
  for (char c : std::string_view(" \t\r\n\v\f%=-/:;,.()[]~+\"'*&!?<>"))
    t[static_cast<unsigned char>(c)] = kBreakByte;
  t[0xC2] = kLookAhead;
  t[0xE2] = kLookAhead;
  return t;
}();

inline bool space_byte(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Not a space, '%' or a symbol: the byte continues (or starts) a word. One table look-up for
// all but two lead bytes; this runs for every byte of every word.
inline bool starts_word_char(std::string_view s) noexcept {
  if (s.empty()) return false;
  const unsigned char kind = kByteClass[static_cast<unsigned char>(s[0])];
  if (kind != kLookAhead) return kind == kWordByte;
  return symbol_at(s) == 0;
}
}  // namespace

namespace {
// utf8proc_tolower of every code point below U+2000 (Latin with all Vietnamese letters, Greek,
// Cyrillic, ...; all lower cases there are below U+10000), read from utf8proc once.
constexpr char32_t kTableEnd = 0x2000;
const std::array<std::uint16_t, kTableEnd>& lower_table() {
  static const auto table = [] {
    std::array<std::uint16_t, kTableEnd> t{};
    for (char32_t cp = 0; cp < kTableEnd; ++cp)
      t[cp] = static_cast<std::uint16_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
    return t;
  }();
  return table;
}

bool continuation(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }

// Lower-cases `s` code point by code point into `out`; false if some code point's lower case
// has another UTF-8 length (then offsets in `out` would not match those in `s`). Two-byte
// letters and those of U+1000-U+1FFF (Vietnamese: U+1EA0-U+1EF9) take the table; the rest
// go through utf8proc.
bool fold_same_layout(std::string_view s, std::string& out) {
  out.assign(s);
  const auto& lower = lower_table();
  for (std::size_t i = 0; i < out.size();) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF && i + 1 < out.size() &&
        continuation(static_cast<unsigned char>(out[i + 1]))) {
      const char32_t cp =
          (char32_t{c} & 0x1F) << 6 | (static_cast<unsigned char>(out[i + 1]) & 0x3F);
      const char32_t low = lower[cp];
      if (low != cp) {
        if (low < 0x80 || low >= 0x800) return false;
        out[i] = static_cast<char>(0xC0 | (low >> 6));
        out[i + 1] = static_cast<char>(0x80 | (low & 0x3F));
      }
      i += 2;
      continue;
    }
    if (c == 0xE1 && i + 2 < out.size() && continuation(static_cast<unsigned char>(out[i + 1])) &&
        continuation(static_cast<unsigned char>(out[i + 2]))) {
      const char32_t cp = (char32_t{c} & 0x0F) << 12 |
                          (char32_t{static_cast<unsigned char>(out[i + 1])} & 0x3F) << 6 |
                          (static_cast<unsigned char>(out[i + 2]) & 0x3F);
      const char32_t low = lower[cp];
      if (low != cp) {
        if (low < 0x800) return false;  // (all lower cases here are below U+10000)
        out[i] = static_cast<char>(0xE0 | (low >> 12));
        out[i + 1] = static_cast<char>(0x80 | ((low >> 6) & 0x3F));
        out[i + 2] = static_cast<char>(0x80 | (low & 0x3F));
      }
      i += 3;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(out.data() + i),
                                          static_cast<utf8proc_ssize_t>(out.size() - i), &cp);
    if (n <= 0) return false;
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    if (m != n) return false;
    out.replace(i, static_cast<std::size_t>(n), reinterpret_cast<const char*>(buf),
                static_cast<std::size_t>(m));
    i += static_cast<std::size_t>(n);
  }
  return true;
}
}  // namespace

void tokenize(std::string_view s, TokenList& list) {
  list.tokens.clear();
  list.fallback.clear();
  const bool same_layout = fold_same_layout(s, list.folded);
  std::vector<Token>& out = list.tokens;
  std::size_t i = 0;
  auto push = [&](TokenKind kind, std::size_t begin, std::size_t end) {
    std::string_view t = s.substr(begin, end - begin);
    std::string_view folded;
    if (kind != TokenKind::word) {
      folded = t;
    } else if (same_layout) {
      folded = std::string_view(list.folded).substr(begin, end - begin);
    } else {
      folded = list.fallback.emplace_back(text::fold(t));
    }
    out.push_back({kind, t, folded, begin});
  };
  while (i < s.size()) {
    char c = s[i];
    if (space_byte(c)) {
      ++i;
      continue;
    }
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      i += 2;
      continue;
    }
    if (c == '%') {
      push(TokenKind::percent, i, i + 1);
      ++i;
      continue;
    }
    if (is_digit(c)) {
      std::size_t j = i;
      while (j < s.size() && (is_digit(s[j]) || ((s[j] == '.' || s[j] == ',') && j + 1 < s.size() &&
                                                 is_digit(s[j + 1]))))
        ++j;
      if (j < s.size() && starts_word_char(s.substr(j))) {
        // "4G", "10A": a digit run glued to letters is a word.
        while (j < s.size() && starts_word_char(s.substr(j))) ++j;
        push(TokenKind::word, i, j);
      } else {
        push(TokenKind::number, i, j);
      }
      i = j;
      continue;
    }
    if (std::size_t n = symbol_at(s.substr(i))) {
      push(TokenKind::symbol, i, i + n);
      i += n;
      continue;
    }
    std::size_t j = i;
    while (j < s.size()) {
      if (starts_word_char(s.substr(j))) {
        ++j;
        continue;
      }
      // A hyphen between letters belongs to the word: "QĐ-UBND", "Thương-binh".
      if (s[j] == '-' && j > i && j + 1 < s.size() && starts_word_char(s.substr(j + 1)) &&
          !is_digit(s[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    push(TokenKind::word, i, j);
    i = j;
  }
}

namespace {
bool phrase_equals(std::span<const Token> tokens, const Phrase& phrase) {
  if (phrase.size() > tokens.size()) return false;
  std::size_t k = 0;
  for (std::string_view p : phrase)
    if (tokens[k++].folded != p) return false;
  return true;
}
}  // namespace

std::size_t match_prefix(std::span<const Token> tokens, std::initializer_list<Phrase> phrases) {
  std::size_t best = 0;
  for (const Phrase& p : phrases)
    if (p.size() > best && phrase_equals(tokens, p)) best = p.size();
  return best;
}

std::size_t match_suffix(std::span<const Token> tokens, std::initializer_list<Phrase> phrases) {
  std::size_t best = 0;
  for (const Phrase& p : phrases)
    if (p.size() > best && p.size() <= tokens.size() &&
        phrase_equals(tokens.subspan(tokens.size() - p.size()), p))
      best = p.size();
  return best;
}

std::optional<std::uint64_t> digits_value(std::string_view s) noexcept {
  if (s.empty()) return std::nullopt;
  for (char c : s)
    if (!is_digit(c)) return std::nullopt;
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::size_t char_column(std::string_view text, std::size_t offset) noexcept {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

std::vector<std::size_t> quantity_numbers(std::span<const Token> tokens) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::number) continue;
    const bool slash_before = i > 0 && tokens[i - 1].text == "/";
    const bool slash_after = i + 1 < tokens.size() && tokens[i + 1].text == "/";
    if (slash_before || slash_after) continue;
    if (text::target_words().before(tokens.first(i), text::TargetWord::reference)) continue;
    // "15 tuổi": an age qualifies the population, it is not the quantity.
    if (i + 1 < tokens.size() && tokens[i + 1].folded == "tuổi") continue;
    out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> percent_numbers(std::span<const Token> tokens) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    if (tokens[i].kind == TokenKind::number && tokens[i + 1].kind == TokenKind::percent)
      out.push_back(i);
  return out;
}

std::string list_numbers(std::span<const Token> tokens, std::span<const std::size_t> indices) {
  std::string out;
  for (std::size_t k = 0; k < indices.size(); ++k) {
    if (k > 0) out += ", ";
    std::size_t i = indices[k];
    out += tokens[i].text;
    if (i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::percent) out += "%";
  }
  return out;
}

}  // namespace dxkit::detail
