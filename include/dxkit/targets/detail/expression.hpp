#pragma once
// Pieces shared by the target and the result parsers: number tokens, compound splitting,
// and the comparator vocabulary.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/error.hpp"
#include "dxkit/text/detail/lexer.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/vocabulary.hpp"

namespace dxkit::detail {

/// The number token at `i` as a value, with a ParseError placed at its column in `text`.
[[nodiscard]] double number_value(std::string_view text, const Token& token, NumberFormat format);

/// A ParseError placed at `offset` of `text` (the column counts characters, 1-based).
[[nodiscard]] ParseError error_at(std::string_view text, std::size_t offset, std::string message,
                                  std::string shown);

/// One part of "label: expr; label: expr" (or "expr; expr").
struct Piece {
  std::string label;            ///< "" when none, else NFC as written
  std::span<const Token> body;  ///< the expression after the label
};
/// The pieces when `tokens` look like a compound (several ';'-separated parts, or one part
/// with a "label:"), else nullopt. A label is at most six words, with no number in it.
[[nodiscard]] std::optional<std::vector<Piece>> split_compound(std::string_view text,
                                                               std::span<const Token> tokens);

/// Kept for callers written before the move: the one normalisation of a label is
/// text::label_key (dxkit/text/vocabulary.hpp).
[[nodiscard]] inline std::string label_key(std::string_view label) {
  return text::label_key(label);
}

/// Words that say "this is a keyword of done" (hoàn thành, done, đã hoàn thành).
[[nodiscard]] bool is_done_word(std::span<const Token> tokens);
/// "chưa hoàn thành", "không hoàn thành", "not done".
[[nodiscard]] bool is_not_done_word(std::span<const Token> tokens);

/// Trailing sentence punctuation ('.', ';', ',') removed from a token list.
[[nodiscard]] std::span<const Token> strip_trailing_punctuation(std::span<const Token> tokens);

/// True when every token is a word (a unit such as "người", "hộ gia đình", at most 4 words).
[[nodiscard]] bool is_unit(std::span<const Token> tokens);

/// The unit text spanning `tokens` in the NFC text.
[[nodiscard]] std::string unit_text(std::string_view text, std::span<const Token> tokens);

}  // namespace dxkit::detail

#include "dxkit/targets/target.hpp"

namespace dxkit::detail {

/// A comparator phrase found in tokens: its condition and how many tokens it takes.
struct ComparatorMatch {
  Condition condition;
  std::size_t length;
};

/// The longest comparator phrase ("tối thiểu", "không quá", "trên", ">=") that `tokens` ends
/// with, for reading the words right before a number in a sentence.
[[nodiscard]] std::optional<ComparatorMatch> comparator_before(std::span<const Token> tokens);

/// Reads a prefix made only of target words (text::target_words: filler such as "đạt",
/// "phấn đấu", comparators, "từ") and, when `estimates`, the estimate words of results
/// ("ước đạt", "khoảng"). Returns false if some token is not one of them.
struct Prefix {
  std::optional<Condition> condition;  ///< the last comparator seen
  bool from = false;                   ///< "từ X ..." was written
  bool extra = false;                  ///< an estimate word was seen
};
[[nodiscard]] bool read_prefix(std::span<const Token> tokens, Prefix& out, bool estimates = false);

/// "trở lên" / "trở xuống" (and English "or more" / "or less") at the end of tokens.
[[nodiscard]] std::optional<ComparatorMatch> direction_suffix(std::span<const Token> tokens);

/// Range joiners: "-", "–", "đến", "tới", "to".
[[nodiscard]] bool is_range_joiner(const Token& token);

/// The accepted comparator words, for error messages.
[[nodiscard]] std::string_view accepted_comparators() noexcept;

}  // namespace dxkit::detail

namespace dxkit::detail {
/// Throws ParseError at the first '%' that does not follow a number ("abc%": 'abc' is not a
/// number), so such text is never read as a milestone or a sentence.
void check_percent_signs(std::string_view text, std::span<const Token> tokens);
}  // namespace dxkit::detail
