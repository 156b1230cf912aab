#include "dxkit/targets/result.hpp"

#include "dxkit/targets/detail/expression.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit {

// A part vector of one stays in the allocator's fast bins (see detail::Decimal) when a part is
// at most 120 bytes, as it is with 32-byte strings (libstdc++) and 16-byte decimals.
static_assert(sizeof(detail::Decimal) == 16);
static_assert(sizeof(void*) != 8 || sizeof(ResultPart) <= 120);

using namespace detail;

std::string_view to_string(ResultKind k) noexcept {
  switch (k) {
    case ResultKind::value:
      return "value";
    case ResultKind::above:
      return "above";
    case ResultKind::below:
      return "below";
    case ResultKind::fraction:
      return "fraction";
    case ResultKind::done:
      return "done";
    case ResultKind::not_done:
      return "not_done";
  }
  return "?";
}

std::string ResultPart::describe() const {
  auto num = [&](double v) { return format_number(v, 4) + (percent ? "%" : ""); };
  std::string out;
  switch (kind) {
    case ResultKind::value:
      out = num(value);
      break;
    case ResultKind::above:
      out = "> " + num(value);
      break;
    case ResultKind::below:
      out = "< " + num(value);
      break;
    case ResultKind::fraction:
      out = format_number(value, 4) + "/" + format_number(denominator, 4);
      break;
    case ResultKind::done:
      return "hoàn thành";
    case ResultKind::not_done:
      return "chưa hoàn thành";
  }
  if (estimate) out = "≈ " + out;
  if (!unit.empty()) out += " " + unit;
  return out;
}

bool Result::is_estimate() const noexcept {
  for (const ResultPart& p : parts)
    if (p.estimate) return true;
  return false;
}

std::string Result::describe() const {
  if (parts.empty()) return "";
  std::string out;
  for (const ResultPart& p : parts) {
    if (!out.empty()) out += "; ";
    if (!p.label.empty()) out += p.label + ": ";
    out += p.describe();
  }
  return out;
}

namespace {

bool has_estimate_word(std::span<const Token> tokens) {
  for (std::size_t k = 0; k < tokens.size(); ++k)
    if (text::result_words().at(tokens.subspan(k), text::ResultWord::estimate)) return true;
  return false;
}

ResultKind kind_of(Condition c) {
  switch (c) {
    case Condition::more_than:
    case Condition::at_least:
      return ResultKind::above;
    case Condition::less_than:
    case Condition::at_most:
      return ResultKind::below;
    default:
      return ResultKind::value;
  }
}

struct Reader {
  std::string_view text;
  NumberFormat format;

  [[noreturn]] void fail(std::size_t offset, std::string message) const {
    throw error_at(text, offset, std::move(message), std::string(text));
  }

  void read_number(std::span<const Token> tokens, std::size_t n, ResultPart& part) const {
    part.value = number_value(text, tokens[n], format);
    part.percent = n + 1 < tokens.size() && tokens[n + 1].kind == TokenKind::percent;
  }

  // [prefix] X [%] [unit] or [prefix] a/b [%]; nullopt when not that shape.
  std::optional<ResultPart> read_short(std::span<const Token> tokens) const {
    std::size_t n = 0;
    while (n < tokens.size() && tokens[n].kind != TokenKind::number) ++n;
    if (n == tokens.size()) return std::nullopt;
    ResultPart part;
    // n is the first number, so a sign before it follows a word (or starts the text), never a
    // number: "đạt −2,5%" is −2,5.
    bool negative = n > 0 && (tokens[n - 1].text == "-" || tokens[n - 1].text == "−");
    std::size_t prefix_end = negative ? n - 1 : n;
    read_number(tokens, n, part);
    if (negative) part.value = -part.value;
    std::size_t i = n + 1;
    if (i + 1 < tokens.size() && tokens[i].text == "/" && tokens[i + 1].kind == TokenKind::number) {
      part.kind = ResultKind::fraction;
      part.denominator = number_value(text, tokens[i + 1], format);
      if (part.denominator == 0) fail(tokens[i + 1].offset, "a fraction's denominator is zero");
      i += 2;
    }
    if (i < tokens.size() && tokens[i].kind == TokenKind::percent) {
      part.percent = true;
      ++i;
    }
    auto rest = tokens.subspan(i);
    if (!is_unit(rest)) return std::nullopt;
    Prefix prefix;
    auto before = tokens.first(prefix_end);
    if (!read_prefix(before, prefix, true)) {
      bool short_prefix = before.size() <= 2;
      for (const Token& t : before) short_prefix = short_prefix && t.kind == TokenKind::word;
      if (!short_prefix) return std::nullopt;
      fail(before.front().offset,
           "unknown word '" + unit_text(text, before) +
               "' before the result; accepted: X, trên X, hơn X, > X, dưới X, < X, ước đạt X, "
               "khoảng X, dự kiến X, a/b, Hoàn thành, Chưa hoàn thành");
    }
    if (part.kind != ResultKind::fraction && prefix.condition)
      part.kind = kind_of(*prefix.condition);
    part.estimate = prefix.extra;
    part.unit = unit_text(text, rest);
    return part;
  }

  ResultPart read_sentence(std::span<const Token> tokens) const {
    auto candidates = percent_numbers(tokens);
    if (candidates.size() > 1)
      fail(tokens[candidates[0]].offset,
           "ambiguous result: the text has " + std::to_string(candidates.size()) +
               " percentages (" + list_numbers(tokens, candidates) +
               "); write one value, or a compound 'label: X; label: Y'");
    if (candidates.empty()) candidates = quantity_numbers(tokens);
    if (candidates.size() != 1) {
      std::string found = candidates.empty() ? std::string("no number")
                                             : std::to_string(candidates.size()) + " numbers (" +
                                                   list_numbers(tokens, candidates) + ")";
      fail(tokens.front().offset,  // read_part refuses an empty part before
           "cannot read a result from this text (it has " + found +
               "); write a value (99,21%), a bound (trên 85%), an estimate (ước đạt 5%), a "
               "fraction (60/90), Hoàn thành or Chưa hoàn thành");
    }
    std::size_t n = candidates[0];
    ResultPart part;
    read_number(tokens, n, part);
    if (auto c = comparator_before(tokens.first(n))) part.kind = kind_of(c->condition);
    part.estimate = has_estimate_word(tokens.first(n));
    return part;
  }

  ResultPart read_part(std::span<const Token> tokens) const {
    tokens = strip_trailing_punctuation(tokens);
    ResultPart part;
    if (tokens.empty()) fail(0, "empty part in a compound result");
    if (is_done_word(tokens)) {
      part.kind = ResultKind::done;
      return part;
    }
    if (is_not_done_word(tokens)) {
      part.kind = ResultKind::not_done;
      return part;
    }
    if (auto p = read_short(tokens)) return *p;
    return read_sentence(tokens);
  }
};

bool is_no_data(std::span<const Token> tokens) {
  return tokens.empty() || text::result_words().spans(tokens, text::ResultWord::no_data);
}

}  // namespace

namespace {

Result read_result(std::string_view raw, NumberFormat format) {
  Result result;
  result.text = text::nfc(text::trim(raw));
  if (result.text.empty()) return result;
  refuse_formula(result.text);
  thread_local TokenList tokens;  // reused: parsing a table allocates no token storage
  tokenize(result.text, tokens);
  std::span<const Token> all(tokens.tokens);
  if (all.empty() || is_no_data(strip_trailing_punctuation(all))) return result;
  check_percent_signs(result.text, all);
  const Reader reader{result.text, format};
  if (auto pieces = split_compound(result.text, all)) {
    bool labelled = false;
    for (const Piece& piece : *pieces) labelled = labelled || !piece.label.empty();
    try {
      std::vector<ResultPart> parts;
      for (const Piece& piece : *pieces) {
        auto body = strip_trailing_punctuation(piece.body);
        ResultPart part;
        if (piece.label.empty()) {
          if (is_done_word(body)) {
            part.kind = ResultKind::done;
          } else if (is_not_done_word(body)) {
            part.kind = ResultKind::not_done;
          } else {
            auto p = body.empty() ? std::nullopt : reader.read_short(body);
            if (!p) throw ParseError("not a compound", "");
            part = *p;
          }
        } else {
          part = reader.read_part(body);
        }
        part.label = piece.label;
        parts.push_back(std::move(part));
      }
      result.parts = std::move(parts);
      return result;
    } catch (const ParseError&) {
      if (labelled) throw;
    }
  }
  result.parts.push_back(reader.read_part(all));
  return result;
}

}  // namespace

Result parse_result(std::string_view raw, NumberFormat format) {
  Result result = read_result(raw, format);
  // Scoring compares the decimals written: read here, once, not at every evaluation.
  for (ResultPart& p : result.parts) {
    if (p.kind == ResultKind::done || p.kind == ResultKind::not_done) continue;
    p.exact_value = decimal_of(p.value);
    if (p.kind == ResultKind::fraction) p.exact_denominator = decimal_of(p.denominator);
  }
  return result;
}

}  // namespace dxkit
