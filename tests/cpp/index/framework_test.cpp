// iData: numbers borrowed where they are, repeated units.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <string>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/analysis.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/index/weights.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::index;
using namespace dxkit::index::fixtures;

TEST(IndexBorrowed, NumbersAreReadWhereTheyAre) {
  const Framework f = read_framework(kDir + "/ASEM_iMeta.csv");
  const UnitData owned = read_unit_data(kDir + "/ASEM_iData.csv", f);
  auto memory =
      std::make_shared<std::vector<double>>(owned.data.values.begin(), owned.data.values.end());
  UnitData lent = owned;
  lent.borrow(*memory, memory);
  EXPECT_TRUE(lent.borrowed());
  EXPECT_TRUE(lent.data.values.empty());
  ASSERT_EQ(lent.col(3).data(), memory->data() + 3 * owned.data.rows());  // no copy
  // COINr's whole pipeline (denominate, group imputation, screening, treatment) and the
  // direct path give the same bits from borrowed numbers as from owned ones.
  PipelineOptions o = coinr_asem();
  expect_same_bits(run_pipeline(owned, f, o).aggregated, run_pipeline(lent, f, o).aggregated);
  o = PipelineOptions{};
  o.denominate = false;
  o.imputation = Imputation::none;
  o.screen.min_availability = 0;
  o.treat = false;
  o.keep_data_sets = false;
  expect_same_bits(run_pipeline(owned, f, o).aggregated, run_pipeline(lent, f, o).aggregated);
  // Read, not copied: a change to the lender's memory is seen...
  const double before = (*memory)[5];
  (*memory)[5] = before + 1;
  EXPECT_EQ(lent.col(0)[5], before + 1);
  // ...until the numbers are owned.
  lent.own();
  EXPECT_FALSE(lent.borrowed());
  (*memory)[5] = before + 2;
  EXPECT_EQ(lent.col(0)[5], before + 1);
  EXPECT_EQ(lent.data.values.size(), owned.data.values.size());
  // The wrong number of values, or no owner, is refused.
  UnitData bad = owned;
  EXPECT_THROW_MSG(bad.borrow(std::span<const double>(memory->data(), memory->size() - 1), memory),
                   ValidationError, "iData: 2702 numbers for 51 units × 53 columns");
  EXPECT_THROW_MSG(bad.borrow(*memory, nullptr), ValidationError,
                   "iData: borrowed numbers need an owner that keeps them alive");
  EXPECT_FALSE(bad.borrowed());
}

TEST(IndexBorrowed, PanelsFromBorrowedNumbers) {
  const Framework f = make_framework(
      csv::parse("Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,T,Indicator\n"
                 "1,b,B,1,1,T,Indicator\n2,T,Top,1,1,,Aggregate\n",
                 "m.csv"));
  const UnitData p = make_unit_data(
      csv::parse("uCode,Time,a,b\nX,2020,1,NA\nX,2021,NA,4\nY,2020,NA,1\nY,2021,2,NA\n", "p.csv"),
      f);
  auto memory = std::make_shared<std::vector<double>>(p.data.values.begin(), p.data.values.end());
  UnitData lent = p;
  lent.borrow(*memory, memory);
  const UnitData filled = impute_panel(lent, PanelImputation::latest);
  EXPECT_FALSE(filled.borrowed());  // filled in its own memory; the lender's is untouched
  EXPECT_EQ(filled.col(*filled.data.column("a"))[1], 1);  // X 2021 from 2020
  EXPECT_TRUE(std::isnan((*memory)[1]));
  const UnitData y2021 = select_time(lent, 2021);
  ASSERT_EQ(y2021.data.units, (std::vector<std::string>{"X", "Y"}));
  EXPECT_EQ(y2021.col(*y2021.data.column("b"))[0], 4);
  EXPECT_EQ(y2021.col(*y2021.data.column("a"))[1], 2);
}

// A data set of 32 MiB or more is asked for in huge pages (aligned to 2 MiB); it holds,
// copies and frees its numbers as any other (ASan checks the matching free).
TEST(IndexValues, LargeDataSetsLiveInTheirOwnAlignedBlock) {
  const std::size_t n = (dxkit::index::detail::kLargeBlock / sizeof(double)) + 3;
  Values big(n);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(big.data()) % (std::size_t{2} << 20), 0U);
  for (std::size_t i = 0; i < n; ++i) big[i] = static_cast<double>(i);
  Values copy = big;
  EXPECT_EQ(copy[n - 1], static_cast<double>(n - 1));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(copy.data()) % (std::size_t{2} << 20), 0U);
  copy.resize(10);       // still the large block: shrinking keeps the capacity
  copy.shrink_to_fit();  // a small block now, from the ordinary allocator
  EXPECT_EQ(copy.size(), 10U);
  EXPECT_EQ(copy[9], 9.0);
  Values small(1000, 1.5);
  EXPECT_EQ(small[999], 1.5);
}

TEST(IndexUnits, FirstRepeatedUnit) {
  std::vector<std::string> codes;
  for (int i = 0; i < 50000; ++i) codes.push_back("VN-" + std::to_string(i * 7919 % 50000));
  EXPECT_FALSE(first_repeated_unit(codes).has_value());
  codes.push_back("VN-123");
  codes.push_back("VN-9");
  EXPECT_EQ(first_repeated_unit(codes), 50000u);  // the first row that repeats, not the second
  // With times a code may repeat, a (code, time) pair may not; 0 and -0 are one time.
  const std::vector<std::string> panel = {"HN", "HN", "HP", "HP"};
  EXPECT_FALSE(first_repeated_unit(panel, std::vector<double>{2022, 2023, 2022, 0.0}).has_value());
  EXPECT_EQ(first_repeated_unit(panel, std::vector<double>{2022, 2023, 0.0, -0.0}), 3u);
  EXPECT_EQ(first_repeated_unit(panel), 1u);
  EXPECT_FALSE(first_repeated_unit(std::vector<std::string>{}).has_value());
}

TEST(IndexUnits, DataFromColumnsIsCheckedInTheCore) {
  const Framework f = two_level();
  // The numbers are borrowed: the shared vector is their owner.
  const auto held = std::make_shared<const std::vector<double>>(std::vector<double>{1, 2, 3, 4});
  const std::span<const double> numbers(*held);
  auto columns = [] {
    UnitColumns c;
    c.units = {"A", "B"};
    c.columns = {"a", "b"};
    return c;
  };
  auto message = [&](UnitColumns c, std::size_t rows, std::size_t cols) {
    try {
      (void)make_unit_data(std::move(c), numbers, rows, cols, held, f);
    } catch (const ValidationError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const UnitData ok = make_unit_data(columns(), numbers, 2, 2, held, f);
  EXPECT_EQ(ok.data.names, (std::vector<std::string>{"", ""}));
  EXPECT_EQ(ok.col(1)[0], 3);
  EXPECT_EQ(message(columns(), 4, 1), "iData: the values must be a (units × columns) array");
  UnitColumns named = columns();
  named.names = {"only one"};
  EXPECT_EQ(message(named, 2, 2), "iData: one uName per unit is needed");
  UnitColumns grouped = columns();
  grouped.groups["Region"] = {"North"};
  EXPECT_EQ(message(grouped, 2, 2), "iData: one 'Region' per unit is needed");
  UnitColumns timed = columns();
  timed.time = {2020, std::nan("")};
  EXPECT_EQ(message(timed, 2, 2), "<iData>:2 (column 'Time'): missing Time");
  UnitColumns nameless = columns();
  nameless.units = {"A", ""};  // a missing uCode (Arrow's null arrives as "")
  EXPECT_EQ(message(nameless, 2, 2), "<iData>:2 (column 'uCode'): missing unit code (uCode)");
  UnitColumns twice = columns();
  twice.units = {"A", "A"};
  EXPECT_EQ(message(twice, 2, 2), "<iData>:2 (column 'uCode'): duplicate unit code 'A'");
  twice.time = {2021, 2021};
  EXPECT_EQ(message(twice, 2, 2),
            "<iData>:2 (column 'uCode'): duplicate unit code 'A' at Time 2021");
  UnitColumns short_of_b = columns();
  short_of_b.columns = {"a", "c"};
  EXPECT_EQ(message(short_of_b, 2, 2), "indicator 'b' of iMeta has no column in iData");
}

// A framework built in code is checked as iMeta is: a dangling parent would otherwise leave
// a subtree out of the index without a word.
TEST(IndexFramework, BuiltInCodeIsValidatedWhereverItIsUsed) {
  const Framework good = two_level();
  EXPECT_NO_THROW(validate_framework(good));
  Framework f = good;
  f.nodes[1].parent = "Tpo";
  f.nodes[1].line = 0;  // as code builds it
  try {
    validate_framework(f);
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "framework: parent 'Tpo' of 'b' does not exist");
  }
  const DataSet d = sample({1, 2, 3}, {3, 2, 1});
  UnitData data;
  data.data = d;
  EXPECT_EQ(error_of(data, f, PipelineOptions{}), "framework: parent 'Tpo' of 'b' does not exist");
  // Read from iMeta, the node keeps its line: the message names the file, line and column.
  Framework read = two_level();
  read.nodes[0].parent = "X";
  try {
    validate_framework(read);
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "m.csv:2 (column 'Parent'): parent 'X' of 'a' does not exist");
  }
  // Two nodes of one code would make every look-up by code ambiguous: refused as in iMeta.
  Framework twice = two_level();
  twice.nodes[1].code = "a";
  twice.nodes[1].line = 0;
  try {
    validate_framework(twice);
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "framework: duplicate iCode 'a'");
  }
  // An aggregate whose only children are outside the tree (a denominator) has no children.
  Framework bare = two_level();
  bare.nodes[0].parent = "";
  bare.nodes[1].type = NodeType::denominator;  // still names T as its parent
  try {
    validate_framework(bare);
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("aggregate 'T' has no children"), std::string::npos)
        << e.what();
  }
}

TEST(IndexFramework, AllZeroWeightsOfAParentAreAWarningAndNa) {
  const Framework f = two_level();
  UnitData data;
  data.data = sample({1, 2, 3}, {3, 2, 1});
  PipelineOptions o;
  set_option(o, "weight.a", "0");
  set_option(o, "weight.b", "0");
  const PipelineResult r = run_pipeline(data, f, o);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].severity, Severity::warning);
  EXPECT_EQ(r.notes[0].to_string(),
            "m.csv:2 (column 'Weight'): warning [index.zero_weights]: every child of 'T' has "
            "weight 0: its scores are NA (nothing to average)");
  for (double v : r.aggregated.col(*r.aggregated.column("T"))) EXPECT_TRUE(std::isnan(v));
  // One weight above 0 is enough: no warning, scores.
  set_option(o, "weight.b", "1");
  const PipelineResult fine = run_pipeline(data, f, o);
  EXPECT_TRUE(fine.notes.empty());
  EXPECT_FALSE(std::isnan(fine.aggregated.col(*fine.aggregated.column("T"))[0]));
}
