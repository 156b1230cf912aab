#pragma once
// One mechanism for every list of words the documents use: a vocabulary is a table
// of phrases, as documents write them, each mapped to a meaning. Phrases and input are compared
// after NFC and case folding (text::fold), with runs of white space as one space and whole words
// only, and the longest phrase wins. The tables themselves live one per file in
// src/text/vocabularies/ and are declared in vocabularies.hpp; docs/vocabulary.md says how to
// add a phrase. Lookups are linear in the input (no backtracking, no std::regex), so a 100 KB
// line costs a scan, not the stack.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/text/detail/lexer.hpp"

namespace dxkit::text {

/// The one normalisation of a label (a header, a row label, a verdict, an agency name): NFC,
/// case-folded, trimmed, runs of white space (and U+00A0) as one ASCII space. "Cấp  Tỉnh" and
/// "cấp tỉnh" give the same key. Throws EncodingError on bad UTF-8.
[[nodiscard]] DXKIT_API std::string label_key(std::string_view label);

/// `s` lower-cased code point by code point where the lower case has the same UTF-8 length
/// (all of Vietnamese), other code points kept, no normalisation: byte offsets in the result
/// are those of `s`, so a phrase found in it can be quoted from `s` as written. Bad UTF-8 is
/// kept as it is.
[[nodiscard]] DXKIT_API std::string fold_keeping_offsets(std::string_view s);

/// True when the code point that starts at byte `i` of UTF-8 `s` is a letter or a combining
/// mark (so a phrase ending just before it would end inside a word). False past the end.
[[nodiscard]] DXKIT_API bool letter_at(std::string_view s, std::size_t i) noexcept;

/// True when the code point that ends just before byte `i` of UTF-8 `s` is a letter or a mark.
[[nodiscard]] DXKIT_API bool letter_before(std::string_view s, std::size_t i) noexcept;

/// A phrase found: which entry of the table, and how much of the input it takes (tokens for
/// the token lookups, bytes for the text lookups).
struct DXKIT_API PhraseMatch {
  std::size_t entry = 0;
  std::size_t length = 0;
};

/// A phrase found in a text: its entry, and where it is (byte offsets in the text searched).
struct DXKIT_API PhraseFound {
  std::size_t entry = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The untyped core of a vocabulary: the phrases, their keys and their tokens. Lookups take a
/// filter (entry index -> allowed) so that one table can serve several questions.
class DXKIT_API PhraseList {
 public:
  using Filter = bool (*)(const void* context, std::size_t entry);

  /// Throws ValidationError naming `what` for an empty phrase or bad UTF-8 in one.
  PhraseList(std::string_view what, std::vector<std::string_view> phrases);

  [[nodiscard]] std::size_t size() const noexcept { return written_.size(); }
  [[nodiscard]] std::string_view what() const noexcept { return what_; }
  /// The phrase as the table writes it.
  [[nodiscard]] std::string_view written(std::size_t entry) const { return written_[entry]; }
  /// label_key() of the phrase.
  [[nodiscard]] const std::string& key(std::size_t entry) const { return keys_[entry]; }

  /// The first allowed entry whose key equals label_key(label).
  [[nodiscard]] std::optional<std::size_t> whole(std::string_view label, Filter = nullptr,
                                                 const void* context = nullptr) const;
  /// False when no allowed phrase can be the whole label, decided from its first character
  /// without folding it (a printable ASCII letter that no allowed key starts with, not
  /// followed by a combining mark); true otherwise (then whole() must fold to know).
  [[nodiscard]] bool may_be_whole(std::string_view label, Filter = nullptr,
                                  const void* context = nullptr) const noexcept;
  /// The longest allowed phrase that `tokens` start with (length in tokens); ties: the first.
  [[nodiscard]] std::optional<PhraseMatch> at(std::span<const detail::Token> tokens,
                                              Filter = nullptr,
                                              const void* context = nullptr) const;
  /// The longest allowed phrase that `tokens` end with (length in tokens); ties: the first.
  [[nodiscard]] std::optional<PhraseMatch> before(std::span<const detail::Token> tokens,
                                                  Filter = nullptr,
                                                  const void* context = nullptr) const;
  /// The longest allowed phrase at byte `pos` of `folded` (text already passed through
  /// text::fold), on word boundaries; a space of the phrase matches any run of white space.
  /// The length is in bytes of `folded`.
  [[nodiscard]] std::optional<PhraseMatch> at(std::string_view folded, std::size_t pos,
                                              Filter = nullptr,
                                              const void* context = nullptr) const;
  /// Every allowed phrase in `folded`, left to right, longest first at each place, not
  /// overlapping.
  [[nodiscard]] std::vector<PhraseFound> find(std::string_view folded, Filter = nullptr,
                                              const void* context = nullptr) const;

 private:
  // Spelling -> entries (in table order): a flat open-addressed table of 16-byte slots, a
  // short multiply hash over the spelling's bytes and the spellings in one buffer, so a
  // lookup hashes a string_view, probes a slot or two and allocates nothing. Filled once,
  // when the table is built; a lookup compares only the phrases that can match, so its cost
  // does not grow with the size of the table.
  class Index {
   public:
    /// `keys[i]` is a spelling of entry `entries[i]`; entries in increasing order.
    void build(const std::vector<std::string_view>& keys, const std::vector<std::size_t>& entries);
    /// The entries with spelling `key`, in table order (empty if none).
    [[nodiscard]] std::span<const std::uint32_t> find(std::string_view key) const noexcept;

   private:
    struct Slot {
      std::uint32_t tag = 0;       // high 32 bits of the hash
      std::uint32_t key_at = 0;    // the spelling in spellings_
      std::uint32_t begin = 0;     // its entries in entries_
      std::uint16_t key_size = 0;  //
      std::uint16_t count = 0;     // 0: an empty slot
    };
    std::vector<Slot> slots_;  // a power of two, at most half full
    std::string spellings_;
    std::vector<std::uint32_t> entries_;
    std::size_t mask_ = 0;
  };
  [[nodiscard]] std::optional<PhraseMatch> longest_tokens(std::span<const detail::Token> tokens,
                                                          bool at_end, Filter filter,
                                                          const void* context) const;

  std::string what_;
  std::vector<std::string> written_;
  std::vector<std::string> keys_;
  std::vector<std::vector<std::string>> tokens_;         // folded token spellings of each phrase
  Index by_key_;                                         // label_key -> entries
  Index by_first_;                                       // first token -> entries
  Index by_last_;                                        // last token -> entries
  std::vector<std::size_t> tokenless_;                   // phrases with no token (match anywhere)
  std::array<std::vector<std::size_t>, 256> by_byte_{};  // first byte of the key -> entries
};

/// A phrase as documents write it and what it means in one vocabulary.
template <class M>
struct Entry {
  std::string_view phrase;
  M meaning;
};

/// A table of phrases, each with a meaning of type M (an enum of the vocabulary). A phrase
/// may appear twice with two meanings ("trước" opens a day and a month deadline); lookups
/// given a meaning consider only its phrases.
template <class M>
class Vocabulary {
 public:
  /// `what` names the vocabulary in messages ("deadline phrase"). Throws ValidationError for
  /// an empty phrase.
  Vocabulary(std::string_view what, std::initializer_list<Entry<M>> entries)
      : entries_(entries), list_(what, phrases_of(entries)) {}

  [[nodiscard]] const std::vector<Entry<M>>& entries() const noexcept { return entries_; }
  [[nodiscard]] const PhraseList& phrases() const noexcept { return list_; }

  /// The meaning of the whole label ("Kết quả  thực hiện" -> actual), if it is a phrase.
  [[nodiscard]] std::optional<M> whole(std::string_view label) const {
    if (auto i = list_.whole(label)) return entries_[*i].meaning;
    return std::nullopt;
  }
  /// True when the whole label is a phrase of meaning `m`.
  [[nodiscard]] bool is(std::string_view label, M m) const {
    const Want want_m{this, m};
    return list_.whole(label, &only, &want_m).has_value();
  }
  /// False when the label's first character already rules out every phrase of meaning `m`
  /// (PhraseList::may_be_whole): a cheap test before folding a label for other reasons.
  [[nodiscard]] bool may_be(std::string_view label, M m) const noexcept {
    const Want want_m{this, m};
    return list_.may_be_whole(label, &only, &want_m);
  }

  /// The longest phrase `tokens` start with, any meaning.
  [[nodiscard]] std::optional<PhraseMatch> at(std::span<const detail::Token> tokens) const {
    return list_.at(tokens);
  }
  /// The longest phrase of meaning `m` that `tokens` start with.
  [[nodiscard]] std::optional<PhraseMatch> at(std::span<const detail::Token> tokens, M m) const {
    const Want want_m{this, m};
    return list_.at(tokens, &only, &want_m);
  }
  /// Tokens of the longest phrase of meaning `m` that `tokens` start with, 0 if none.
  [[nodiscard]] std::size_t prefix(std::span<const detail::Token> tokens, M m) const {
    auto found = at(tokens, m);
    return found ? found->length : 0;
  }
  /// The longest phrase `tokens` end with, any meaning.
  [[nodiscard]] std::optional<PhraseMatch> before(std::span<const detail::Token> tokens) const {
    return list_.before(tokens);
  }
  /// The longest phrase of meaning `m` that `tokens` end with.
  [[nodiscard]] std::optional<PhraseMatch> before(std::span<const detail::Token> tokens,
                                                  M m) const {
    const Want want_m{this, m};
    return list_.before(tokens, &only, &want_m);
  }
  /// True when the whole token sequence is one phrase of meaning `m`.
  [[nodiscard]] bool spans(std::span<const detail::Token> tokens, M m) const {
    auto found = at(tokens, m);
    return !tokens.empty() && found && found->length == tokens.size();
  }
  /// The longest phrase of meaning `m` at byte `pos` of folded text (length in bytes).
  [[nodiscard]] std::optional<PhraseMatch> at(std::string_view folded, std::size_t pos, M m) const {
    const Want want_m{this, m};
    return list_.at(folded, pos, &only, &want_m);
  }
  /// Every phrase of any meaning in folded text.
  [[nodiscard]] std::vector<PhraseFound> find(std::string_view folded) const {
    return list_.find(folded);
  }
  /// Every phrase of meaning `m` in folded text.
  [[nodiscard]] std::vector<PhraseFound> find(std::string_view folded, M m) const {
    const Want want_m{this, m};
    return list_.find(folded, &only, &want_m);
  }
  /// The meaning of entry `i` of a match.
  [[nodiscard]] M meaning(std::size_t entry) const { return entries_[entry].meaning; }

  /// The first phrase of meaning `m` as written (the one dxkit prints); "" if none.
  [[nodiscard]] std::string_view first(M m) const {
    for (const Entry<M>& e : entries_)
      if (e.meaning == m) return e.phrase;
    return {};
  }

  /// "a, b, c": the phrases of meaning `m` as written, for messages.
  [[nodiscard]] std::string joined(M m) const {
    std::string out;
    for (const Entry<M>& e : entries_) {
      if (!(e.meaning == m)) continue;
      if (!out.empty()) out += ", ";
      out += e.phrase;
    }
    return out;
  }

 private:
  static std::vector<std::string_view> phrases_of(std::initializer_list<Entry<M>> entries) {
    std::vector<std::string_view> out;
    out.reserve(entries.size());
    for (const Entry<M>& e : entries) out.push_back(e.phrase);
    return out;
  }
  // A filtered lookup's context: the table and the meaning wanted.
  struct Want {
    const Vocabulary* self;
    M m;
  };
  static bool only(const void* context, std::size_t i) {
    const auto* want = static_cast<const Want*>(context);
    return want->self->entries_[i].meaning == want->m;
  }

  std::vector<Entry<M>> entries_;
  PhraseList list_;
};

}  // namespace dxkit::text
