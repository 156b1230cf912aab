#include "dxkit/targets/detail/expression.hpp"

#include <algorithm>
#include <cstdint>

#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::detail {

ParseError error_at(std::string_view text, std::size_t offset, std::string message,
                    std::string shown) {
  Location where;
  where.column = char_column(text, offset);
  return {std::move(message), std::move(shown), where};
}

double number_value(std::string_view text, const Token& token, NumberFormat format) {
  try {
    return parse_number(token.text, format);
  } catch (const ParseError& e) {
    throw error_at(text, token.offset, e.message(), e.text());
  }
}

std::optional<std::vector<Piece>> split_compound(std::string_view text,
                                                 std::span<const Token> tokens) {
  bool marks = false;
  for (const Token& t : tokens) marks = marks || t.text == ";" || t.text == ":";
  if (!marks) return std::nullopt;
  std::vector<std::span<const Token>> parts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= tokens.size(); ++i) {
    if (i == tokens.size() || tokens[i].text == ";") {
      if (i > begin) parts.push_back(tokens.subspan(begin, i - begin));
      begin = i + 1;
    }
  }
  std::vector<Piece> pieces;
  bool any_label = false;
  for (auto part : parts) {
    Piece piece{"", part};
    for (std::size_t k = 0; k < part.size() && k <= 6; ++k) {
      if (part[k].kind == TokenKind::number || part[k].kind == TokenKind::percent) break;
      if (part[k].text == ":") {
        if (k == 0) break;
        std::size_t from = part[0].offset;
        std::size_t to = part[k].offset;
        piece.label = std::string(text::trim(text.substr(from, to - from)));
        piece.body = part.subspan(k + 1);
        any_label = true;
        break;
      }
    }
    pieces.push_back(piece);
  }
  if (pieces.size() < 2 && !any_label) return std::nullopt;
  return pieces;
}

namespace {
bool whole_is(std::span<const Token> tokens, text::ResultWord word) {
  return text::result_words().spans(strip_trailing_punctuation(tokens), word);
}
}  // namespace

bool is_done_word(std::span<const Token> tokens) {
  return whole_is(tokens, text::ResultWord::done);
}

bool is_not_done_word(std::span<const Token> tokens) {
  return whole_is(tokens, text::ResultWord::not_done);
}

std::span<const Token> strip_trailing_punctuation(std::span<const Token> tokens) {
  while (!tokens.empty() && tokens.back().kind == TokenKind::symbol &&
         (tokens.back().text == "." || tokens.back().text == ";" || tokens.back().text == ","))
    tokens = tokens.first(tokens.size() - 1);
  return tokens;
}

bool is_unit(std::span<const Token> tokens) {
  if (tokens.size() > 4) return false;
  for (const Token& t : tokens)
    if (t.kind != TokenKind::word) return false;
  return true;
}

std::string unit_text(std::string_view text, std::span<const Token> tokens) {
  if (tokens.empty()) return {};
  std::size_t from = tokens.front().offset;
  std::size_t to = tokens.back().offset + tokens.back().text.size();
  return std::string(text.substr(from, to - from));
}

}  // namespace dxkit::detail

namespace dxkit::detail {

namespace {
using text::TargetWord;

struct Category {
  Condition condition;
  TargetWord word;
};
// In this order: on a tie the first wins.
const Category kCategories[] = {{Condition::at_least, TargetWord::at_least},
                                {Condition::more_than, TargetWord::more_than},
                                {Condition::at_most, TargetWord::at_most},
                                {Condition::less_than, TargetWord::less_than}};

// Several meanings in one vocabulary look-up (instead of one look-up per meaning): the longest
// phrase of any of them. A tie between meanings would need one phrase listed under two of
// them, which target_words does not do (tested in vocabulary_test.cpp), so one look-up reads
// exactly as the look-ups per meaning did.
struct Meanings {
  const text::Vocabulary<TargetWord>* words;
  std::uint64_t mask;
};
constexpr std::uint64_t bit(TargetWord w) { return std::uint64_t{1} << static_cast<unsigned>(w); }
bool in_meanings(const void* context, std::size_t entry) {
  const auto* m = static_cast<const Meanings*>(context);
  return (m->mask & bit(m->words->meaning(entry))) != 0;
}
constexpr std::uint64_t kComparators = bit(TargetWord::at_least) | bit(TargetWord::more_than) |
                                       bit(TargetWord::at_most) | bit(TargetWord::less_than);
constexpr std::uint64_t kPrefixWords =
    kComparators | bit(TargetWord::from) | bit(TargetWord::filler);

std::optional<Condition> condition_of(TargetWord word) {
  for (const Category& c : kCategories)
    if (c.word == word) return c.condition;
  return std::nullopt;
}
}  // namespace

std::optional<ComparatorMatch> comparator_before(std::span<const Token> tokens) {
  const auto& words = text::target_words();
  const Meanings wanted{&words, kComparators};
  const auto m = words.phrases().before(tokens, &in_meanings, &wanted);
  if (!m) return std::nullopt;
  return ComparatorMatch{*condition_of(words.meaning(m->entry)), m->length};
}

bool read_prefix(std::span<const Token> tokens, Prefix& out, bool estimates) {
  const auto& words = text::target_words();
  const Meanings wanted{&words, kPrefixWords};
  while (!tokens.empty()) {
    const auto m = words.phrases().at(tokens, &in_meanings, &wanted);
    const std::size_t found = m ? m->length : 0;
    std::size_t other =
        estimates ? text::result_words().prefix(tokens, text::ResultWord::estimate) : 0;
    std::size_t longest = std::max(found, other);
    if (longest == 0) return false;
    if (found == longest) {
      // On a tie a target word wins over an estimate word (a comparator sets the condition,
      // "từ" marks a range, a filler word is skipped).
      const TargetWord word = words.meaning(m->entry);
      if (auto condition = condition_of(word)) {
        out.condition = condition;
      } else if (word == TargetWord::from) {
        out.from = true;
      }
    } else {
      out.extra = true;
    }
    tokens = tokens.subspan(longest);
  }
  return true;
}

std::optional<ComparatorMatch> direction_suffix(std::span<const Token> tokens) {
  const auto& words = text::target_words();
  if (auto m = words.before(tokens, TargetWord::or_more))
    return ComparatorMatch{Condition::at_least, m->length};
  if (auto m = words.before(tokens, TargetWord::or_less))
    return ComparatorMatch{Condition::at_most, m->length};
  return std::nullopt;
}

bool is_range_joiner(const Token& t) {
  return text::target_words().spans(std::span<const Token>(&t, 1), TargetWord::range_joiner);
}

std::string_view accepted_comparators() noexcept {
  return "accepted: X, đạt X, phấn đấu X, X trở lên, từ X trở lên, tối thiểu X, ít nhất X, "
         "không dưới X, >= X, ≥ X, trên X, hơn X, > X, tối đa X, không quá X, <= X, ≤ X, "
         "dưới X, < X, X - Y, từ X đến Y, Hoàn thành";
}

}  // namespace dxkit::detail

namespace dxkit::detail {
void check_percent_signs(std::string_view text, std::span<const Token> tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::percent) continue;
    if (i > 0 && tokens[i - 1].kind == TokenKind::number) continue;
    if (i > 0 && tokens[i - 1].kind == TokenKind::word)
      throw error_at(text, tokens[i - 1].offset,
                     "'" + std::string(tokens[i - 1].text) +
                         "' before '%' is not a number; write a number such as 80% or 99,21%",
                     std::string(text));
    throw error_at(text, tokens[i].offset, "'%' without a number before it", std::string(text));
  }
}
}  // namespace dxkit::detail
