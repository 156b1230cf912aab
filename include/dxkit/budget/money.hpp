#pragma once
/// Exact money (kinh phí): whole đồng in a 64-bit integer, every sum overflow-checked. Amounts
/// are read in the unit a table declares ("ĐVT: Triệu đồng") and printed in a chosen unit with
/// the rounding stated. No floating point ever touches an amount.
#include <cstdint>
#include <string>
#include <string_view>

#include "dxkit/export.hpp"
#include "dxkit/text/number.hpp"

namespace dxkit::budget {

/// A money unit: how many đồng one of it is, as a power of ten.
enum class MoneyUnit : std::uint8_t { dong = 0, thousand = 3, million = 6, billion = 9 };

/// "đồng", "nghìn đồng", "triệu đồng", "tỷ đồng".
[[nodiscard]] DXKIT_API std::string_view to_string(MoneyUnit unit) noexcept;

/// Reads a unit as documents write it: "Triệu đồng", "triệu", "trđ", "tr.đ", "tỷ đồng", "tỷ",
/// "nghìn", "ngàn", "đồng", "VND", "million", "billion"; also a whole declaration line such as
/// "ĐVT: Triệu đồng" or "Đơn vị tính: Triệu đồng". Throws ParseError otherwise.
[[nodiscard]] DXKIT_API MoneyUnit parse_unit(std::string_view text);

/// The unit named in a header such as "Tổng (tỷ đồng)" or "ĐVT: triệu", if any.
[[nodiscard]] DXKIT_API bool find_unit(std::string_view text, MoneyUnit& unit);

/// An amount in whole đồng.
struct DXKIT_API Money {
  std::int64_t dong = 0;

  friend bool operator==(const Money&, const Money&) = default;
  friend auto operator<=>(const Money&, const Money&) = default;
};

/// a + b; throws ValidationError on overflow.
[[nodiscard]] DXKIT_API Money add(Money a, Money b);
/// a - b; throws ValidationError on overflow.
[[nodiscard]] DXKIT_API Money subtract(Money a, Money b);

/// Reads "75.428" (with `unit` = million: 75 428 000 000 đồng), "105,24 tỷ đồng" (a unit word
/// in the text wins over `unit`), "0,15 tỷ đồng". Throws ParseError for malformed numbers, an
/// unknown unit word, an amount finer than one đồng, or one too large for 64 bits.
[[nodiscard]] DXKIT_API Money parse_money(std::string_view text,
                                          MoneyUnit unit = MoneyUnit::million,
                                          NumberFormat format = NumberFormat::vietnamese);

/// The amount in `unit` with `decimals` decimals, rounded half away from zero, Vietnamese
/// style: format_money({153'850'000'000}, billion, 2) == "153,85". With decimals < 0, exact:
/// as many decimals as needed (75.428 triệu, 0,15 tỷ). Integer arithmetic throughout; more
/// than kMaxDecimals decimals is a ValidationError.
/// The most decimals format_money prints (a đồng in tỷ needs 9).
inline constexpr int kMaxDecimals = 18;

[[nodiscard]] DXKIT_API std::string format_money(Money amount, MoneyUnit unit, int decimals = -1,
                                                 NumberFormat format = NumberFormat::vietnamese);

/// How format_money rounds, for printing beside the figures: "rounded half away from zero to
/// 0,01 tỷ đồng" (or "exact" when nothing is lost, or decimals < 0).
[[nodiscard]] DXKIT_API std::string rounding_note(MoneyUnit unit, int decimals);

}  // namespace dxkit::budget
