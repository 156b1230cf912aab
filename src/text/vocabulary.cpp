#include "dxkit/text/vocabulary.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>

#include "dxkit/error.hpp"
#include "dxkit/text/unaccented.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::text {

namespace {

bool is_space_at(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return false;
  if (detail::is_space_byte(s[i])) return true;
  return s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
}

std::size_t space_width(std::string_view s, std::size_t i) noexcept {
  return detail::is_space_byte(s[i]) ? 1 : 2;
}

bool is_letter(utf8proc_int32_t cp) noexcept {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

// A short hash of a spelling (a token of a few bytes, or a label): its bytes read as at most
// three 64-bit words (overlapping loads, no byte loop), one multiply each, then the high bits
// folded down so that the slot (low bits) depends on every byte.
std::uint64_t load8(const char* p) noexcept {
  std::uint64_t w = 0;
  std::memcpy(&w, p, 8);
  return w;
}
std::uint64_t load4(const char* p) noexcept {
  std::uint32_t w = 0;
  std::memcpy(&w, p, 4);
  return w;
}

std::uint64_t spelling_hash(std::string_view s) noexcept {
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = (n + 1) * k;
  auto mix = [&](std::uint64_t w) {
    h = (h ^ w) * k;
    h ^= h >> 32;
  };
  if (n >= 8) {
    for (; n > 8; p += 8, n -= 8) mix(load8(p));
    mix(load8(p + n - 8));  // the last eight bytes (overlapping the words before)
  } else if (n >= 4) {
    mix(load4(p) | load4(p + n - 4) << 32);
  } else if (n > 0) {
    const auto b = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
    mix(b(0) | b(n / 2) << 8 | b(n - 1) << 16);
  }
  return h ^ (h >> 29);
}

bool allowed(PhraseList::Filter filter, const void* context, std::size_t entry) {
  return filter == nullptr || filter(context, entry);
}

}  // namespace

std::string label_key(std::string_view label) {
  const std::string folded = fold(trim(label));
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (std::size_t i = 0; i < folded.size();) {
    if (is_space_at(folded, i)) {
      space = true;
      i += space_width(folded, i);
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += folded[i++];
  }
  return out;
}

std::string unaccented_key(std::string_view name) {
  validate_utf8(name);
  utf8proc_uint8_t* mapped = nullptr;
  const auto n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                   static_cast<utf8proc_ssize_t>(name.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                                  UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  if (n < 0) throw EncodingError("not valid UTF-8", std::string(name));
  const std::string_view folded(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const auto c = static_cast<unsigned char>(folded[i]);
    const bool letter = std::isalnum(c) || c >= 0x80 || c == '&';  // "TT&TT" keeps its '&'
    if (!letter) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (c == 0xC4 && i + 1 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x91) {
      out += 'd';  // đ (U+0111) has no decomposition
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string fold_keeping_offsets(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size();) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(out.data() + i),
                                    static_cast<utf8proc_ssize_t>(out.size() - i), &cp);
    if (n <= 0) {
      ++i;
      continue;
    }
    utf8proc_uint8_t buf[4];
    if (utf8proc_encode_char(utf8proc_tolower(cp), buf) == n)
      out.replace(i, static_cast<std::size_t>(n), reinterpret_cast<const char*>(buf),
                  static_cast<std::size_t>(n));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

bool letter_at(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return false;
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  return n > 0 && is_letter(cp);
}

bool letter_before(std::string_view s, std::size_t i) noexcept {
  if (i == 0 || i > s.size()) return false;
  std::size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return letter_at(s.substr(0, i), k);
}

void PhraseList::Index::build(const std::vector<std::string_view>& keys,
                              const std::vector<std::size_t>& entries) {
  // Spellings in the order they first appear, each with its entries in table order.
  std::vector<std::string_view> order;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> grouped;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto [it, added] = grouped.try_emplace(keys[i]);
    if (added) order.push_back(keys[i]);
    it->second.push_back(static_cast<std::uint32_t>(entries[i]));
  }
  std::size_t capacity = 8;
  while (capacity < 2 * order.size()) capacity <<= 1;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  for (std::string_view key : order) {
    const std::vector<std::uint32_t>& list = grouped[key];
    if (key.size() > std::numeric_limits<std::uint16_t>::max() ||
        list.size() > std::numeric_limits<std::uint16_t>::max())
      throw ValidationError("a vocabulary phrase or its repeats exceed 65535");
    const std::uint64_t hash = spelling_hash(key);
    std::size_t pos = hash & mask_;
    while (slots_[pos].count != 0) pos = (pos + 1) & mask_;
    slots_[pos] =
        Slot{static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(spellings_.size()),
             static_cast<std::uint32_t>(entries_.size()), static_cast<std::uint16_t>(key.size()),
             static_cast<std::uint16_t>(list.size())};
    spellings_ += key;
    entries_.insert(entries_.end(), list.begin(), list.end());
  }
}

std::span<const std::uint32_t> PhraseList::Index::find(std::string_view key) const noexcept {
  if (slots_.empty()) return {};
  const std::uint64_t hash = spelling_hash(key);
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t pos = hash & mask_;; pos = (pos + 1) & mask_) {
    const Slot& slot = slots_[pos];
    if (slot.count == 0) return {};
    if (slot.tag == tag && slot.key_size == key.size() &&
        std::memcmp(spellings_.data() + slot.key_at, key.data(), key.size()) == 0)
      return {entries_.data() + slot.begin, slot.count};
  }
}

PhraseList::PhraseList(std::string_view what, std::vector<std::string_view> phrases) : what_(what) {
  detail::TokenList tokens;
  for (std::string_view p : phrases) {
    std::string key;
    try {
      key = label_key(p);
    } catch (const EncodingError&) {
      throw ValidationError(what_ + ": a phrase is not UTF-8");
    }
    if (key.empty()) throw ValidationError(what_ + ": an empty phrase");
    const std::string normal = nfc(key);
    detail::tokenize(normal, tokens);
    std::vector<std::string> spelled;
    for (const detail::Token& t : tokens.tokens) spelled.emplace_back(t.folded);
    const std::size_t entry = written_.size();
    by_byte_[static_cast<unsigned char>(key[0])].push_back(entry);
    if (spelled.empty()) tokenless_.push_back(entry);
    written_.emplace_back(p);
    keys_.push_back(std::move(key));
    tokens_.push_back(std::move(spelled));
  }
  // The indexes view the spellings above, which no longer move.
  std::vector<std::string_view> whole, first, last;
  std::vector<std::size_t> all, spelled;
  for (std::size_t e = 0; e < keys_.size(); ++e) {
    whole.push_back(keys_[e]);
    all.push_back(e);
    if (tokens_[e].empty()) continue;
    first.push_back(tokens_[e].front());
    last.push_back(tokens_[e].back());
    spelled.push_back(e);
  }
  by_key_.build(whole, all);
  by_first_.build(first, spelled);
  by_last_.build(last, spelled);
}

namespace {
// The first byte of label_key(label) when its first character decides it alone: a printable
// ASCII character (lowered as fold() lowers it) followed by nothing, another ASCII byte or a
// precomposed Latin letter (U+00C0-U+01BF, U+1E00-U+1EFF: no mark to compose with it).
// Anything else (leading space, a combining mark, other scripts) gives -1: fold to know.
int decided_first_byte(std::string_view label) noexcept {
  if (label.empty()) return -1;
  const auto c = static_cast<unsigned char>(label[0]);
  if (c < 0x21 || c > 0x7E) return -1;
  if (label.size() > 1) {
    const auto n = static_cast<unsigned char>(label[1]);
    const bool latin = (n >= 0xC3 && n <= 0xC6) || (n == 0xE1 && label.size() > 2 &&
                                                    (static_cast<unsigned char>(label[2]) == 0xBA ||
                                                     static_cast<unsigned char>(label[2]) == 0xBB));
    if (n >= 0x80 && !latin) return -1;
  }
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}
}  // namespace

bool PhraseList::may_be_whole(std::string_view label, Filter filter,
                              const void* context) const noexcept {
  const int first = decided_first_byte(label);
  if (first < 0) return true;
  const auto& candidates = by_byte_[static_cast<std::size_t>(first)];
  return std::any_of(candidates.begin(), candidates.end(),
                     [&](std::size_t e) { return allowed(filter, context, e); });
}

std::optional<std::size_t> PhraseList::whole(std::string_view label, Filter filter,
                                             const void* context) const {
  // Most labels asked about (every budget row's STT and name, every header cell) start with a
  // letter no phrase starts with: answered without folding the label.
  if (!may_be_whole(label, filter, context)) return std::nullopt;
  for (std::size_t e : by_key_.find(label_key(label)))
    if (allowed(filter, context, e)) return e;
  return std::nullopt;
}

std::optional<PhraseMatch> PhraseList::longest_tokens(std::span<const detail::Token> tokens,
                                                      bool at_end, Filter filter,
                                                      const void* context) const {
  std::optional<PhraseMatch> best;
  if (!tokens.empty()) {
    const Index& index = at_end ? by_last_ : by_first_;
    // Table order: the first of equal length wins.
    for (std::size_t e : index.find(at_end ? tokens.back().folded : tokens.front().folded)) {
      const auto& p = tokens_[e];
      if (p.size() > tokens.size() || (best && p.size() <= best->length)) continue;
      const auto part = at_end ? tokens.subspan(tokens.size() - p.size()) : tokens;
      bool same = true;
      for (std::size_t k = 0; k < p.size() && same; ++k) same = part[k].folded == p[k];
      if (same && allowed(filter, context, e)) best = PhraseMatch{e, p.size()};
    }
  }
  if (best) return best;
  for (std::size_t e : tokenless_)
    if (allowed(filter, context, e)) return PhraseMatch{e, 0};
  return best;
}

std::optional<PhraseMatch> PhraseList::at(std::span<const detail::Token> tokens, Filter filter,
                                          const void* context) const {
  return longest_tokens(tokens, false, filter, context);
}

std::optional<PhraseMatch> PhraseList::before(std::span<const detail::Token> tokens, Filter filter,
                                              const void* context) const {
  return longest_tokens(tokens, true, filter, context);
}

std::optional<PhraseMatch> PhraseList::at(std::string_view folded, std::size_t pos, Filter filter,
                                          const void* context) const {
  std::optional<PhraseMatch> best;
  if (pos >= folded.size()) return best;
  const auto& candidates = by_byte_[static_cast<unsigned char>(folded[pos])];
  if (candidates.empty()) return best;
  const bool inside_word = letter_before(folded, pos);  // once, not once per candidate
  for (std::size_t e : candidates) {
    const std::string& key = keys_[e];
    if (inside_word && letter_at(key, 0)) continue;
    std::size_t j = pos;
    bool same = true;
    for (std::size_t i = 0; i < key.size() && same; ++i) {
      if (key[i] == ' ') {
        if (!is_space_at(folded, j)) {
          same = false;
          break;
        }
        while (is_space_at(folded, j)) j += space_width(folded, j);
      } else {
        same = j < folded.size() && folded[j] == key[i];
        ++j;
      }
    }
    if (!same) continue;
    if (letter_before(key, key.size()) && letter_at(folded, j)) continue;
    if ((!best || j - pos > best->length) && allowed(filter, context, e))
      best = PhraseMatch{e, j - pos};
  }
  return best;
}

std::vector<PhraseFound> PhraseList::find(std::string_view folded, Filter filter,
                                          const void* context) const {
  std::vector<PhraseFound> out;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    if (auto m = at(folded, pos, filter, context)) {
      out.push_back({m->entry, pos, pos + m->length});
      pos += m->length;
      continue;
    }
    ++pos;
    while (pos < folded.size() && (static_cast<unsigned char>(folded[pos]) & 0xC0) == 0x80) ++pos;
  }
  return out;
}

}  // namespace dxkit::text
