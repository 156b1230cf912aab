// Random cells built from the pieces the documents use (and broken bytes) must either parse
// or raise a dxkit::Error: never crash, never leak another exception, never give NaN.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "dxkit/budget/budget.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/evaluate.hpp"

using namespace dxkit;

namespace {
const char* const kPieces[] = {"0",
                               "1",
                               "5",
                               "12",
                               "75.428",
                               "99,21",
                               "1.650.380",
                               "12.5",
                               "0,5",
                               "99999999999999999999",
                               "%",
                               " ",
                               "  ",
                               "-",
                               "–",
                               "/",
                               ":",
                               ";",
                               ",",
                               ".",
                               "(",
                               ")",
                               ">=",
                               "≥",
                               "<",
                               "≤",
                               "trên",
                               "TRÊN",
                               "dưới",
                               "tối đa",
                               "tối thiểu",
                               "từ",
                               "đến",
                               "trở lên",
                               "Hoàn thành",
                               "chưa",
                               "ước đạt",
                               "khoảng",
                               "tỉnh",
                               "huyện",
                               "người",
                               "năm",
                               "số",
                               "4G",
                               "abc",
                               "\xC3",
                               "\xFF",
                               "e\xCC\x82",
                               "\xEF\xBB\xBF",
                               "\"",
                               "\n",
                               "I",
                               "II",
                               "Tổng cộng",
                               "tỷ đồng",
                               "triệu"};

std::string random_cell(std::mt19937_64& rng) {
  std::string s;
  const std::size_t n = rng() % 7;
  for (std::size_t i = 0; i < n; ++i) s += kPieces[rng() % std::size(kPieces)];
  return s;
}
}  // namespace

TEST(Fuzz, TargetAndResultParsersOnlyRaiseDxkitErrors) {
  std::mt19937_64 rng(42);
  std::size_t parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string t = random_cell(rng), r = random_cell(rng);
    try {
      Target target = parse_target(t);
      Result result = parse_result(r);
      Evaluation e = evaluate(target, result);
      EXPECT_TRUE(std::isfinite(e.ratio)) << t << " | " << r;
      ++parsed;
    } catch (const Error&) {
    } catch (const std::exception& e) {
      ADD_FAILURE() << "'" << t << "' / '" << r << "' raised " << e.what();
    }
  }
  EXPECT_GT(parsed, 100u);  // the generator does produce valid pairs
}

TEST(Fuzz, BudgetReaderOnlyRaisesDxkitErrors) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 3000; ++i) {
    std::string csv = "STT,Tên nhiệm vụ,Tổng,Vốn đầu tư,Năm 2023\n";
    const std::size_t rows = rng() % 6;
    for (std::size_t r = 0; r < rows; ++r) {
      for (int c = 0; c < 5; ++c) csv += (c ? "," : "") + random_cell(rng);
      csv += "\n";
    }
    try {
      const budget::Budget b = budget::parse_budget(csv, "fuzz.csv");
      (void)b.check();
      (void)b.rollup(
          {budget::Dimension::agency, budget::Dimension::source, budget::Dimension::year});
    } catch (const Error&) {
    } catch (const std::exception& e) {
      ADD_FAILURE() << "budget raised " << e.what() << " for:\n" << csv;
    }
  }
}

// A cell as CSV writes it: quoted, quotes doubled, so that every row has its five cells
// whatever the pieces hold (a ';' or ',' inside a cell no longer shifts the columns).
std::string quoted(const std::string& cell) {
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

TEST(Fuzz, IndicatorTablesOnlyRaiseDxkitErrors) {
  // Half the tables are well formed (targets and results that can be compared), half random:
  // every well-formed row must be scored, the random ones parse or raise a dxkit::Error.
  const char* const targets[] = {"80%",  "trên 90%",      "dưới 5%", "80 - 90%",
                                 "100%", "tối thiểu 70%", "≥ 95%",   "tối đa 10%"};
  const char* const actuals[] = {"85%", "90%", "3,5%", "100%", "ước đạt 95%", "", "70,25%"};
  std::mt19937_64 rng(11);
  std::size_t well_formed_rows = 0, scored = 0, random_tables_read = 0;
  for (int i = 0; i < 3000; ++i) {
    const bool well_formed = i % 2 == 0;
    std::string csv = "code,name,target,actual,direction\n";
    const std::size_t rows = rng() % 5;
    for (std::size_t r = 0; r < rows; ++r) {
      if (well_formed) {
        csv += std::to_string(r + 1) + ",row," + targets[rng() % std::size(targets)] + "," +
               quoted(actuals[rng() % std::size(actuals)]) + ",\n";
        ++well_formed_rows;
        continue;
      }
      for (int c = 0; c < 5; ++c) csv += (c ? "," : "") + quoted(random_cell(rng));
      csv += "\n";
    }
    try {
      const IndicatorTable t = make_indicator_table(csv::parse(csv, "fuzz.csv"));
      const EvaluationTable e = evaluate(t, Scheme::bands());
      ASSERT_EQ(e.size(), rows) << csv;
      for (double x : e.ratio) EXPECT_TRUE(std::isfinite(x));
      scored += e.size();
      random_tables_read += well_formed ? 0 : 1;
    } catch (const Error& e) {
      if (well_formed) ADD_FAILURE() << "a well-formed table raised " << e.what() << ":\n" << csv;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "indicators raised " << e.what() << " for:\n" << csv;
    }
  }
  // The rows were really scored, not thrown away: every well-formed one and some random ones.
  EXPECT_GT(well_formed_rows, 2500u);
  EXPECT_GE(scored, well_formed_rows);
  EXPECT_GT(random_tables_read, 100u);  // at least the empty ones (no rows) and a few more
}
