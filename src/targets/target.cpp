// Target parsing in three passes: the whole text as a keyword ("Hoàn thành"), as a compound
// ("label: expr; ..."), then as one expression. An expression is either the short form
// ([comparator] X [%] [unit] [trở lên]) or a sentence from a document, read by its single
// percentage (or, with no percentage, its single quantity) and the words around it.
#include "dxkit/targets/target.hpp"

#include "dxkit/targets/detail/expression.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit {

// A part vector of one stays in the allocator's fast bins (see detail::Decimal) when a part is
// at most 120 bytes, as it is with 32-byte strings (libstdc++) and 16-byte decimals.
static_assert(sizeof(detail::Decimal) == 16);
static_assert(sizeof(void*) != 8 || sizeof(TargetPart) <= 120);

using namespace detail;

std::string_view to_string(Condition c) noexcept {
  switch (c) {
    case Condition::at_least:
      return "at_least";
    case Condition::more_than:
      return "more_than";
    case Condition::at_most:
      return "at_most";
    case Condition::less_than:
      return "less_than";
    case Condition::within:
      return "within";
    case Condition::milestone:
      return "milestone";
  }
  return "?";
}

std::string_view to_string(Direction d) noexcept {
  return d == Direction::higher_is_better ? "higher" : "lower";
}

Direction parse_direction(std::string_view text) {
  if (text::target_words().is(text, text::TargetWord::higher)) return Direction::higher_is_better;
  if (text::target_words().is(text, text::TargetWord::lower)) return Direction::lower_is_better;
  throw ParseError("unknown direction; accepted: higher, lower (cao, thấp, tăng, giảm, +, -)",
                   std::string(text));
}

Direction TargetPart::direction() const noexcept {
  return condition == Condition::at_most || condition == Condition::less_than
             ? Direction::lower_is_better
             : Direction::higher_is_better;
}

std::string TargetPart::describe() const {
  if (condition == Condition::milestone) return "hoàn thành";
  auto num = [&](double v) { return format_number(v, 4) + (percent ? "%" : ""); };
  std::string out;
  switch (condition) {
    case Condition::at_least:
      out = "≥ " + num(low);
      break;
    case Condition::more_than:
      out = "> " + num(low);
      break;
    case Condition::at_most:
      out = "≤ " + num(low);
      break;
    case Condition::less_than:
      out = "< " + num(low);
      break;
    case Condition::within:
      out = format_number(low, 4) + "–" + num(high);
      break;
    case Condition::milestone:
      break;
  }
  if (!unit.empty()) out += " " + unit;
  return out;
}

bool Target::is_milestone() const noexcept {
  return parts.size() == 1 && parts.front().condition == Condition::milestone;
}

std::string Target::describe() const {
  std::string out;
  for (const TargetPart& p : parts) {
    if (!out.empty()) out += "; ";
    if (!p.label.empty()) out += p.label + ": ";
    out += p.describe();
  }
  return out;
}

namespace {

struct Context {
  std::string_view text;  // the whole NFC text
  const TargetOptions& options;
};

void apply_direction(const Context& ctx, TargetPart& part, const Token& at) {
  if (!ctx.options.direction) return;
  if (part.condition == Condition::milestone || part.condition == Condition::within) return;
  if (part.direction() != *ctx.options.direction)
    throw error_at(ctx.text, at.offset,
                   std::string("the comparator says ") + std::string(to_string(part.direction())) +
                       " is better but the indicator's direction is " +
                       std::string(to_string(*ctx.options.direction)),
                   std::string(ctx.text));
}

Condition default_condition(const Context& ctx) {
  return ctx.options.direction == Direction::lower_is_better ? Condition::at_most
                                                             : Condition::at_least;
}

// The short form. Returns nullopt when the tokens are not of that shape (then the caller
// reads them as a sentence); throws for the shape with an unknown comparator word.
std::optional<TargetPart> read_short(const Context& ctx, std::span<const Token> tokens) {
  std::size_t n = 0;
  while (n < tokens.size() && tokens[n].kind != TokenKind::number) ++n;
  if (n == tokens.size()) return std::nullopt;
  bool negative = false;
  std::size_t prefix_end = n;
  if (n > 0 && (tokens[n - 1].text == "-" || tokens[n - 1].text == "−") &&
      (n == 1 || tokens[n - 2].kind != TokenKind::number)) {
    negative = true;
    prefix_end = n - 1;
  }
  TargetPart part;
  part.low = number_value(ctx.text, tokens[n], ctx.options.format) * (negative ? -1 : 1);
  std::size_t i = n + 1;
  if (i < tokens.size() && tokens[i].kind == TokenKind::percent) {
    part.percent = true;
    ++i;
  }
  bool range = false;
  if (i + 1 < tokens.size() && is_range_joiner(tokens[i]) &&
      tokens[i + 1].kind == TokenKind::number) {
    range = true;
    part.high = number_value(ctx.text, tokens[i + 1], ctx.options.format);
    i += 2;
    if (i < tokens.size() && tokens[i].kind == TokenKind::percent) {
      part.percent = true;
      ++i;
    }
  }
  auto rest = tokens.subspan(i);
  auto suffix = direction_suffix(rest);
  if (suffix) rest = rest.first(rest.size() - suffix->length);
  if (!is_unit(rest)) return std::nullopt;

  Prefix prefix;
  auto before = tokens.first(prefix_end);
  if (!read_prefix(before, prefix)) {
    bool short_prefix = before.size() <= 2;
    for (const Token& t : before) short_prefix = short_prefix && t.kind == TokenKind::word;
    if (!short_prefix) return std::nullopt;  // a sentence
    throw error_at(ctx.text, before.front().offset,
                   "unknown comparator word '" + unit_text(ctx.text, before) + "'; " +
                       std::string(accepted_comparators()),
                   std::string(ctx.text));
  }
  part.unit = unit_text(ctx.text, rest);
  if (range) {
    part.condition = Condition::within;
    if (part.high < part.low)
      throw error_at(ctx.text, tokens[n].offset, "the range's lower end is above its upper end",
                     std::string(ctx.text));
  } else if (prefix.condition) {
    part.condition = *prefix.condition;
  } else if (suffix) {
    part.condition = suffix->condition;
  } else {
    part.condition = default_condition(ctx);
  }
  if (!range) part.high = part.low;
  apply_direction(ctx, part, tokens[n]);
  return part;
}

// A sentence from a document: the one percentage in it (or, with none, the one quantity),
// with the comparator written right before it and "trở lên" after it.
TargetPart read_sentence(const Context& ctx, std::span<const Token> tokens) {
  auto percents = percent_numbers(tokens);
  std::vector<std::size_t> candidates = percents;
  if (percents.size() > 1)
    throw error_at(ctx.text, tokens[percents[0]].offset,
                   "ambiguous target: the text has " + std::to_string(percents.size()) +
                       " percentages (" + list_numbers(tokens, percents) +
                       "); write one target, or a compound 'label: X; label: Y'",
                   std::string(ctx.text));
  if (percents.empty()) {
    candidates = quantity_numbers(tokens);
    // "6 - 8": the two ends of a range count once.
    if (candidates.size() == 2 && candidates[1] == candidates[0] + 2 &&
        is_range_joiner(tokens[candidates[0] + 1]))
      candidates.erase(candidates.begin());
  }
  if (candidates.empty()) return TargetPart{};  // a milestone: no number in the text
  if (candidates.size() > 1)
    throw error_at(ctx.text, tokens[candidates[0]].offset,
                   "ambiguous target: the text has " + std::to_string(candidates.size()) +
                       " numbers (" + list_numbers(tokens, candidates) +
                       "); write the target as an expression such as '≥ 80%' or a compound "
                       "'label: X; label: Y'",
                   std::string(ctx.text));
  std::size_t i = candidates[0];
  TargetPart part;
  part.percent = i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::percent;
  double value = number_value(ctx.text, tokens[i], ctx.options.format);
  std::size_t start = i;  // first token of the number or range
  bool range = false;
  if (i >= 2 && is_range_joiner(tokens[i - 1]) && tokens[i - 2].kind == TokenKind::number) {
    range = true;
    start = i - 2;
    part.low = number_value(ctx.text, tokens[i - 2], ctx.options.format);
    part.high = value;
  } else if (i >= 3 && is_range_joiner(tokens[i - 1]) && tokens[i - 2].kind == TokenKind::percent &&
             tokens[i - 3].kind == TokenKind::number) {
    range = true;
    start = i - 3;
    part.low = number_value(ctx.text, tokens[i - 3], ctx.options.format);
    part.high = value;
  } else {
    part.low = part.high = value;
  }
  std::size_t after = i + (part.percent ? 2 : 1);
  // No unit is taken from a sentence: where the noun phrase after the number ends cannot be
  // told reliably ("01 cuộc diễn tập an toàn thông tin"); the table's unit column says it.
  // "trở lên" later in the same clause: "cho 300 cán bộ, công chức, viên chức trở lên."
  std::optional<ComparatorMatch> suffix;
  for (std::size_t k = after; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind == TokenKind::number || t.text == "." || t.text == ";") break;
    if (auto m = direction_suffix(tokens.first(k + 1))) {
      suffix = m;
      break;
    }
  }
  if (range) {
    part.condition = Condition::within;
    if (part.high < part.low)
      throw error_at(ctx.text, tokens[start].offset, "the range's lower end is above its upper end",
                     std::string(ctx.text));
  } else if (auto before = comparator_before(tokens.first(start))) {
    part.condition = before->condition;
  } else if (suffix) {
    part.condition = suffix->condition;
  } else {
    part.condition = default_condition(ctx);
  }
  apply_direction(ctx, part, tokens[i]);
  return part;
}

// "đối với các sở, ngành đạt 100%; đối với UBND cấp huyện đạt 95%; đối với UBND cấp xã đạt
// 80%": every ';'-separated clause names its subject after a subject phrase (text::TargetWord::
// subject) and holds one percentage; each is a part labelled with its subject (the words
// between the phrase and the comparator or filler before the number). nullopt when the text
// is not that shape, so it is read as before.
std::optional<std::vector<TargetPart>> read_subject_parts(const Context& ctx,
                                                          std::span<const Token> all) {
  bool several = false;  // no ';', no parts: the common case costs one scan, no allocation
  for (const Token& t : all) several = several || t.text == ";";
  if (!several) return std::nullopt;
  std::vector<std::span<const Token>> clauses;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= all.size(); ++i) {
    if (i < all.size() && all[i].text != ";") continue;
    auto clause = strip_trailing_punctuation(all.subspan(begin, i - begin));
    if (!clause.empty()) clauses.push_back(clause);
    begin = i + 1;
  }
  if (clauses.size() < 2) return std::nullopt;
  const auto& words = text::target_words();
  std::vector<TargetPart> parts;
  for (auto clause : clauses) {
    std::size_t k = 0;
    std::optional<text::PhraseMatch> subject;
    for (; k < clause.size() && !subject; ++k)
      subject = words.at(clause.subspan(k), text::TargetWord::subject);
    if (!subject) return std::nullopt;
    auto body = clause.subspan(k - 1 + subject->length);
    const auto percents = percent_numbers(body);
    if (percents.size() != 1) return std::nullopt;
    std::size_t j = percents[0];
    while (j > 0) {
      const auto w = words.before(body.first(j));
      if (!w) break;
      j -= w->length;
    }
    auto label = body.first(j);
    while (!label.empty() && label.back().kind == TokenKind::symbol)
      label = label.first(label.size() - 1);
    if (label.empty()) return std::nullopt;
    TargetPart part = read_sentence(ctx, body);
    part.label = unit_text(ctx.text, label);
    parts.push_back(std::move(part));
  }
  return parts;
}

TargetPart read_part(const Context& ctx, std::span<const Token> tokens) {
  tokens = strip_trailing_punctuation(tokens);
  if (tokens.empty()) throw ParseError("empty target part", std::string(ctx.text));
  if (is_done_word(tokens)) return TargetPart{};
  if (auto part = read_short(ctx, tokens)) return *part;
  return read_sentence(ctx, tokens);
}

}  // namespace

namespace {

Target read_target(std::string_view raw, const TargetOptions& options) {
  Target target;
  target.text = text::nfc(text::trim(raw));
  const Context ctx{target.text, options};
  if (target.text.empty())
    throw ParseError(std::string("empty target; write a value such as 80%, ≥ 95%, 6 - 8%, "
                                 "tối đa 5 ngày or Hoàn thành (") +
                         std::string(accepted_comparators()) + ")",
                     "");
  refuse_formula(target.text);
  thread_local TokenList tokens;  // reused: parsing a table allocates no token storage
  tokenize(target.text, tokens);
  std::span<const Token> all(tokens.tokens);
  check_percent_signs(target.text, all);
  if (auto parts = read_subject_parts(ctx, all)) {
    target.parts = std::move(*parts);
    return target;
  }
  if (auto pieces = split_compound(target.text, all)) {
    std::vector<TargetPart> parts;
    bool labelled = false;
    for (const Piece& piece : *pieces) labelled = labelled || !piece.label.empty();
    try {
      for (const Piece& piece : *pieces) {
        auto body = strip_trailing_punctuation(piece.body);
        TargetPart part;
        if (piece.label.empty() && !is_done_word(body)) {
          // An unlabelled part must be a short expression; otherwise the ';' is just
          // punctuation inside a sentence.
          auto p = body.empty() ? std::nullopt : read_short(ctx, body);
          if (!p) throw ParseError("not a compound", "");
          part = *p;
        } else {
          if (body.empty())
            throw error_at(target.text, piece.body.empty() ? 0 : piece.body.front().offset,
                           "empty target after the label '" + piece.label + "'", target.text);
          part = read_part(ctx, body);
        }
        part.label = piece.label;
        parts.push_back(std::move(part));
      }
      target.parts = std::move(parts);
      return target;
    } catch (const ParseError&) {
      if (labelled) throw;
    }
  }
  target.parts.push_back(read_part(ctx, all));
  return target;
}

}  // namespace

Target parse_target(std::string_view raw, const TargetOptions& options) {
  Target target = read_target(raw, options);
  // Scoring compares the decimals written: read here, once, not at every evaluation.
  for (TargetPart& p : target.parts) {
    p.exact_low = decimal_of(p.low);
    p.exact_high = p.high == p.low ? p.exact_low : decimal_of(p.high);
  }
  return target;
}

}  // namespace dxkit
