#pragma once
// Tokens of a target or result cell, shared by the two parsers. The text is NFC already;
// every token keeps its case-folded spelling so that keywords match "TRÊN" and "Trên".
#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dxkit::detail {

enum class TokenKind : unsigned char { number, percent, word, symbol };

struct Token {
  TokenKind kind;
  std::string_view text;    ///< a view into the NFC text
  std::string_view folded;  ///< case-folded, for keyword matching (a view into TokenList)
  std::size_t offset;       ///< byte offset in the NFC text
};

/// The tokens of one text and the storage their folded spellings view. Parsers keep one per
/// thread and reuse it, so tokenising allocates nothing in the steady state. Neither
/// copyable nor movable: the tokens point into it.
struct TokenList {
  std::string folded;                ///< the whole text folded, when byte offsets match
  std::deque<std::string> fallback;  ///< per-token folds otherwise (stable addresses)
  std::vector<Token> tokens;

  TokenList() = default;
  TokenList(const TokenList&) = delete;
  TokenList& operator=(const TokenList&) = delete;
};

[[nodiscard]] bool is_space_byte(char c) noexcept;

/// Splits NFC text into numbers ("75.428", "99,21": digits with inner '.' or ','), percent
/// signs, words (letters, and letters joined by '-': "QĐ-UBND"; a digit run glued to letters
/// such as "4G" is a word) and symbols (">=", "≥", "-", "/", ":", ";", ",", ".", ...).
void tokenize(std::string_view nfc_text, TokenList& out);

/// A phrase is a sequence of folded tokens: {"tối", "thiểu"}, {">="}.
using Phrase = std::initializer_list<std::string_view>;

/// Length of the longest phrase of `phrases` that `tokens` starts with, 0 if none.
[[nodiscard]] std::size_t match_prefix(std::span<const Token> tokens,
                                       std::initializer_list<Phrase> phrases);

/// Length of the longest phrase of `phrases` that `tokens` ends with, 0 if none.
[[nodiscard]] std::size_t match_suffix(std::span<const Token> tokens,
                                       std::initializer_list<Phrase> phrases);

/// The value of a run of ASCII digits (std::from_chars, checked): nullopt when `s` is empty,
/// holds another character, or does not fit in 64 bits.
[[nodiscard]] std::optional<std::uint64_t> digits_value(std::string_view s) noexcept;

/// 1-based character column of byte `offset` in `text`.
[[nodiscard]] std::size_t char_column(std::string_view text, std::size_t offset) noexcept;

/// Numbers in a sentence that are quantities rather than references: not part of a date or a
/// document number ("09/11/2022", "2545/QĐ-UBND", "24/7") and not right after a word that
/// names a document, a year or a level ("số", "năm", "Đề án", "mức độ"). Indices into tokens.
[[nodiscard]] std::vector<std::size_t> quantity_numbers(std::span<const Token> tokens);

/// Indices of the number tokens directly followed by '%'.
[[nodiscard]] std::vector<std::size_t> percent_numbers(std::span<const Token> tokens);

/// "97%, 50%": the numbers at `indices` as written, for error messages.
[[nodiscard]] std::string list_numbers(std::span<const Token> tokens,
                                       std::span<const std::size_t> indices);

}  // namespace dxkit::detail
