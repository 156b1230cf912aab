// Coded columns (a DataFrame's codes and distinct values) score exactly as the row-by-row
// table does: the seeds' appendices, repeated rows, missing cells, errors and warnings.
#include "dxkit/targets/columns.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <map>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/indicator.hpp"
#include "dxkit/text/csv.hpp"

using namespace dxkit;

namespace {

// Column `c` of `t` factorised: codes in order of first appearance; "" stays a value.
struct Coded {
  std::vector<std::int64_t> codes;
  CodedColumn column;
};

Coded code_of(const csv::Table& t, std::size_t c, std::int64_t missing_every = 0) {
  Coded out;
  std::map<std::string, std::int64_t> seen;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (missing_every && static_cast<std::int64_t>(r) % missing_every == 0) {
      out.codes.push_back(-1);
      continue;
    }
    auto [it, fresh] = seen.try_emplace(t.columns[c][r], out.column.values.size());
    if (fresh) out.column.values.push_back(t.columns[c][r]);
    out.codes.push_back(it->second);
  }
  out.column.name = t.header[c];
  out.column.position = c;
  return out;
}

std::size_t find(const csv::Table& t, const std::string& name) {
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (t.header[c] == name) return c;
  throw std::runtime_error("no column " + name);
}

// Both ways on the same cells; every output column must be the same, bit for bit.
void expect_same(csv::Table t, const Scheme& scheme) {
  Coded target = code_of(t, find(t, "target")), actual = code_of(t, find(t, "actual"));
  Coded code = code_of(t, find(t, "code"));
  target.column.codes = target.codes;
  actual.column.codes = actual.codes;
  code.column.codes = code.codes;
  const CodedEvaluation fast = evaluate_coded(target.column, actual.column, nullptr, &code.column,
                                              scheme, NumberFormat::vietnamese, t.source);
  const IndicatorTable table = make_indicator_table(t);
  const EvaluationTable slow = evaluate(table, scheme);
  ASSERT_EQ(fast.evaluation.size(), slow.size());
  EXPECT_EQ(0, std::memcmp(fast.evaluation.ratio.data(), slow.ratio.data(),
                           slow.size() * sizeof(double)));
  EXPECT_EQ(fast.evaluation.status, slow.status);
  EXPECT_EQ(fast.evaluation.met, slow.met);
  EXPECT_EQ(fast.evaluation.exceeded, slow.exceeded);
  EXPECT_EQ(fast.evaluation.estimate, slow.estimate);
  EXPECT_EQ(fast.evaluation.has_data, slow.has_data);
  ASSERT_EQ(fast.evaluation.warnings.size(), slow.warnings.size());
  for (std::size_t i = 0; i < slow.warnings.size(); ++i)
    EXPECT_EQ(fast.evaluation.warnings[i].to_string(), slow.warnings[i].to_string());
  for (std::size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(fast.target_labels[fast.target_codes[i]], table.targets[i].describe());
    EXPECT_EQ(fast.actual_labels[fast.actual_codes[i]], table.results[i].describe());
  }
}

}  // namespace

TEST(CodedColumns, ThaiBinhScoresAsTheTableDoes) {
  csv::Table t = csv::read(std::string(DXKIT_EXAMPLES_DIR) + "/thai_binh_2023_results.csv");
  expect_same(t, Scheme::bands({90, 50}));
  expect_same(t, Scheme::exceed());
}

TEST(CodedColumns, RepeatedRowsAreParsedOnceAndScoredTheSame) {
  csv::Table t = csv::read(std::string(DXKIT_EXAMPLES_DIR) + "/thai_binh_2023_results.csv");
  csv::Table big = t;
  for (int k = 0; k < 40; ++k)  // 656 rows, the same 16 codes over and over: 640 repeats
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      big.columns[c].insert(big.columns[c].end(), t.columns[c].begin(), t.columns[c].end());
  big.lines.resize(big.columns[0].size());
  for (std::size_t i = 0; i < big.lines.size(); ++i) big.lines[i] = i + 2;
  expect_same(big, Scheme::exceed());
  const std::size_t target = find(big, "target"), actual = find(big, "actual");
  Coded tc = code_of(big, target), ac = code_of(big, actual);
  tc.column.codes = tc.codes;
  ac.column.codes = ac.codes;
  EXPECT_EQ(tc.column.values.size(), 13u);  // 656 cells, 13 distinct texts to parse
  const CodedEvaluation e = evaluate_coded(tc.column, ac.column, nullptr, nullptr, Scheme::exceed(),
                                           NumberFormat::vietnamese);
  std::vector<std::size_t> counts = evaluate(make_indicator_table(t), Scheme::exceed()).counts();
  for (std::size_t& c : counts) c *= 41;
  EXPECT_EQ(e.evaluation.counts(), counts);
}

TEST(CodedColumns, MissingCellsAreNoData) {
  csv::Table t = csv::read(std::string(DXKIT_EXAMPLES_DIR) + "/thai_binh_2023_results.csv");
  Coded target = code_of(t, find(t, "target")), actual = code_of(t, find(t, "actual"), 4);
  target.column.codes = target.codes;
  actual.column.codes = actual.codes;
  const CodedEvaluation e = evaluate_coded(target.column, actual.column, nullptr, nullptr,
                                           Scheme::exceed(), NumberFormat::vietnamese);
  for (std::size_t i = 0; i < t.rows(); ++i) EXPECT_EQ(e.evaluation.has_data[i], i % 4 != 0) << i;
  EXPECT_EQ(e.evaluation.counts().back(), 4u);  // rows 0, 4, 8, 12
}

TEST(CodedColumns, TheFirstBadCellIsLocatedAsTheTableLocatesIt) {
  const std::vector<std::int64_t> target_codes{0, 0, 1, 0}, actual_codes{0, 1, 0, 2};
  CodedColumn target{"Mục tiêu", 2, target_codes, {"80%", "abc%"}};
  CodedColumn actual{"Kết quả", 3, actual_codes, {"90%", "x%", "Hoàn thành"}};
  // Row 1's result comes before row 2's target.
  EXPECT_THROW_MSG(
      (void)evaluate_coded(target, actual, nullptr, nullptr, Scheme::exceed(),
                           NumberFormat::vietnamese, "plan.csv"),
      ParseError,
      "plan.csv:3:4 (column 'Kết quả'): 'x' before '%' is not a number; write a number such "
      "as 80% or 99,21%: 'x%'");
  actual.values[1] = "70%";
  EXPECT_THROW_MSG(
      (void)evaluate_coded(target, actual, nullptr, nullptr, Scheme::exceed(),
                           NumberFormat::vietnamese, "plan.csv"),
      ParseError,
      "plan.csv:4:3 (column 'Mục tiêu'): 'abc' before '%' is not a number; write a number "
      "such as 80% or 99,21%: 'abc%'");
  target.values[1] = "75%";
  EXPECT_THROW_MSG(
      (void)evaluate_coded(target, actual, nullptr, nullptr, Scheme::exceed(),
                           NumberFormat::vietnamese, "plan.csv"),
      ValidationError,
      "plan.csv:5 (column 'Kết quả'): the target is numeric (≥ 80%); its result must be "
      "a number, not 'hoàn thành' (target '80%', result 'Hoàn thành')");
  const std::vector<std::int64_t> short_codes{0};
  CodedColumn shorter{"Kết quả", 3, short_codes, {"90%"}};
  EXPECT_THROW_MSG((void)evaluate_coded(target, shorter, nullptr, nullptr, Scheme::exceed(),
                                        NumberFormat::vietnamese),
                   ValidationError, "the columns differ in length");
}
