// Numbers and money: both number formats, every money unit, and money printed back with
// every number of decimals the command line accepts; the number style of a cell and of a
// column (`--numbers auto`: the input as one cell, then as a column of its lines).
#include "dxkit/budget/money.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/number_style.hpp"
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = dxkit::fuzz::text(data, size);
  using dxkit::NumberFormat;
  using dxkit::budget::MoneyUnit;
  for (const NumberFormat format : {NumberFormat::vietnamese, NumberFormat::plain}) {
    dxkit::fuzz::guarded([&] { (void)dxkit::parse_decimal(in, format).to_double(); });
    dxkit::fuzz::guarded([&] {
      const auto q = dxkit::parse_quantity(in, format);
      (void)dxkit::format_number(q.value, 2, format);
    });
    for (const MoneyUnit unit :
         {MoneyUnit::dong, MoneyUnit::thousand, MoneyUnit::million, MoneyUnit::billion}) {
      dxkit::fuzz::guarded([&] {
        const auto m = dxkit::budget::parse_money(in, unit, format);
        for (int decimals = -1; decimals <= dxkit::budget::kMaxDecimals; ++decimals)
          (void)dxkit::budget::format_money(m, unit, decimals, format);
      });
    }
  }
  dxkit::fuzz::guarded([&] { (void)dxkit::budget::parse_unit(in); });
  dxkit::fuzz::guarded([&] { (void)dxkit::number_format_of(in); });
  dxkit::fuzz::guarded([&] {
    std::string column = "value\n";
    column += in;
    const auto table = dxkit::csv::parse(column, "numbers.csv", {.delimiter = '\t'});
    const std::size_t first = 0;
    (void)dxkit::decide_number_format(table, std::span<const std::size_t>(&first, 1));
  });
  return 0;
}
