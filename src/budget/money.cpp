#include "dxkit/budget/money.hpp"

#include "dxkit/error.hpp"
#include "dxkit/targets/detail/expression.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::budget {

using detail::match_prefix;
using detail::Phrase;
using detail::Token;
using detail::TokenKind;

std::string_view to_string(MoneyUnit unit) noexcept {
  switch (unit) {
    case MoneyUnit::dong:
      return "đồng";
    case MoneyUnit::thousand:
      return "nghìn đồng";
    case MoneyUnit::million:
      return "triệu đồng";
    case MoneyUnit::billion:
      return "tỷ đồng";
  }
  return "?";
}

namespace {

struct UnitWord {
  Phrase phrase;
  MoneyUnit unit;
};

// Longest first where one is a prefix of another.
const UnitWord kUnitWords[] = {
    {{"triệu", "đồng"}, MoneyUnit::million},
    {{"tr", ".", "đ"}, MoneyUnit::million},
    {{"triệu"}, MoneyUnit::million},
    {{"trđ"}, MoneyUnit::million},
    {{"million"}, MoneyUnit::million},
    {{"tỷ", "đồng"}, MoneyUnit::billion},
    {{"tỉ", "đồng"}, MoneyUnit::billion},
    {{"tỷ"}, MoneyUnit::billion},
    {{"tỉ"}, MoneyUnit::billion},
    {{"billion"}, MoneyUnit::billion},
    {{"nghìn", "đồng"}, MoneyUnit::thousand},
    {{"ngàn", "đồng"}, MoneyUnit::thousand},
    {{"nghìn"}, MoneyUnit::thousand},
    {{"ngàn"}, MoneyUnit::thousand},
    {{"thousand"}, MoneyUnit::thousand},
    {{"đồng"}, MoneyUnit::dong},
    {{"vnd"}, MoneyUnit::dong},
    {{"vnđ"}, MoneyUnit::dong},
};

// The unit that `tokens` start with; its length in tokens, 0 if none.
std::size_t unit_at(std::span<const Token> tokens, MoneyUnit& unit) {
  std::size_t best = 0;
  for (const UnitWord& w : kUnitWords) {
    std::size_t n = match_prefix(tokens, {w.phrase});
    if (n > best) {
      best = n;
      unit = w.unit;
    }
  }
  return best;
}

constexpr std::int64_t kPow10[] = {1,           10,           100,          1000,      10000,
                                   100000,      1000000,      10000000,     100000000, 1000000000,
                                   10000000000, 100000000000, 1000000000000};

}  // namespace

bool find_unit(std::string_view raw, MoneyUnit& unit) {
  const std::string s = text::nfc(raw);
  detail::TokenList list;
  detail::tokenize(s, list);
  std::span<const Token> all(list.tokens);
  for (std::size_t i = 0; i < all.size(); ++i)
    if (unit_at(all.subspan(i), unit) > 0) return true;
  return false;
}

MoneyUnit parse_unit(std::string_view raw) {
  const std::string s = text::nfc(text::trim(raw));
  detail::TokenList list;
  detail::tokenize(s, list);
  std::span<const Token> t(list.tokens);
  // "ĐVT:" / "Đơn vị tính:" / "DVT:" before the unit.
  std::size_t skip = match_prefix(t, {{"đvt", ":"},
                                      {"dvt", ":"},
                                      {"đơn", "vị", "tính", ":"},
                                      {"đvt"},
                                      {"dvt"},
                                      {"đơn", "vị", "tính"},
                                      {"unit", ":"}});
  t = t.subspan(skip);
  MoneyUnit unit = MoneyUnit::million;
  std::size_t n = unit_at(t, unit);
  if (n == 0 || n != detail::strip_trailing_punctuation(t).size())
    throw ParseError(
        "unknown money unit; accepted: đồng, nghìn đồng, triệu đồng (triệu, trđ), "
        "tỷ đồng (tỷ), or 'ĐVT: Triệu đồng'",
        std::string(raw));
  return unit;
}

Money add(Money a, Money b) {
  Money out;
  if (__builtin_add_overflow(a.dong, b.dong, &out.dong))
    throw ValidationError("money overflow: the sum exceeds 9,2 × 10^18 đồng");
  return out;
}

Money subtract(Money a, Money b) {
  Money out;
  if (__builtin_sub_overflow(a.dong, b.dong, &out.dong))
    throw ValidationError("money overflow: the difference exceeds 9,2 × 10^18 đồng");
  return out;
}

Money parse_money(std::string_view raw, MoneyUnit unit, NumberFormat format) {
  const std::string s = text::nfc(text::trim(raw));
  std::string_view number = s;
  // A unit written after the number wins over the declared one.
  if (auto space = s.find_first_of(" \t"); space != std::string::npos) {
    number = std::string_view(s).substr(0, space);
    unit = parse_unit(std::string_view(s).substr(space + 1));
  }
  const Decimal d = parse_decimal(number, format);
  const int exponent = static_cast<int>(unit) - d.scale;
  if (exponent < 0) {
    // Finer than the unit allows: fine if the extra digits are zeros. The bound is checked
    // before kPow10 is indexed (fuzz_number: "8.802688079268807" in đồng read kPow10[15]).
    if (-exponent > 12 || d.units % kPow10[-exponent] != 0)
      throw ParseError("the amount is finer than one đồng", std::string(raw));
    const std::int64_t div = kPow10[-exponent];
    return Money{d.units / div};
  }
  // exponent is at most 9 here (a scale is never negative, tỷ is 10^9); the bound is still
  // checked before kPow10 is indexed, so a future unit cannot read past the table.
  Money out;
  if (exponent > 12 || __builtin_mul_overflow(d.units, kPow10[exponent], &out.dong))
    throw ParseError("the amount is too large to hold exactly in đồng", std::string(raw));
  return out;
}

std::string format_money(Money amount, MoneyUnit unit, int decimals, NumberFormat format) {
  if (decimals > kMaxDecimals)
    throw ValidationError("decimals must be from 0 to " + std::to_string(kMaxDecimals) +
                          " (or negative for exact), not " + std::to_string(decimals));
  if (decimals < 0) {
    // Exact: as many decimals as the amount needs in this unit.
    decimals = static_cast<int>(unit);
    std::int64_t v = amount.dong;
    while (decimals > 0 && v % 10 == 0) {
      v /= 10;
      --decimals;
    }
  }
  const int shift = static_cast<int>(unit) - decimals;  // đồng per printed last digit, as 10^shift
  std::int64_t v = amount.dong;
  const bool negative = v < 0;
  // Work on the magnitude as unsigned so that INT64_MIN is fine.
  std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::uint64_t scaled = mag;
  std::size_t zeros = 0;  // decimals finer than a đồng are zeros, written as text (no overflow)
  if (shift > 0) {
    const auto div = static_cast<std::uint64_t>(kPow10[shift]);
    scaled = mag / div + ((mag % div) * 2 >= div ? 1 : 0);  // half away from zero
  } else {
    zeros = static_cast<std::size_t>(-shift);
  }
  std::string digits = std::to_string(scaled) + std::string(zeros, '0');
  if (static_cast<int>(digits.size()) <= decimals)
    digits.insert(0, static_cast<std::size_t>(decimals) - digits.size() + 1, '0');
  const std::string int_part = digits.substr(0, digits.size() - static_cast<std::size_t>(decimals));
  const std::string frac = digits.substr(digits.size() - static_cast<std::size_t>(decimals));
  const char group = format == NumberFormat::vietnamese ? '.' : ',';
  const char point = format == NumberFormat::vietnamese ? ',' : '.';
  std::string out;
  for (std::size_t k = 0; k < int_part.size(); ++k) {
    out += int_part[k];
    const std::size_t left = int_part.size() - k - 1;
    if (left > 0 && left % 3 == 0) out += group;
  }
  if (!frac.empty()) out += point + frac;
  return (negative && scaled != 0 ? "-" : "") + out;
}

std::string rounding_note(MoneyUnit unit, int decimals) {
  if (decimals < 0 || decimals >= static_cast<int>(unit)) return "exact";
  std::string step =
      decimals == 0 ? "1" : "0," + std::string(static_cast<std::size_t>(decimals - 1), '0') + "1";
  return "rounded half away from zero to " + step + " " + std::string(to_string(unit));
}

}  // namespace dxkit::budget
