// Coded columns (a DataFrame's codes and distinct values) score exactly as the row-by-row
// table does: the seeds' appendices, repeated rows, missing cells, errors and warnings.
#include "dxkit/targets/columns.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <vector>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/indicator.hpp"
#include "dxkit/targets/scoring.hpp"
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

// The coded answers against the row-by-row table's: every output column the same, bit for bit.
void expect_same_answers(const CodedEvaluation& fast, const IndicatorTable& table,
                         const EvaluationTable& slow) {
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

// Both ways on the same cells of a DataFrame-like table (row i is line i + 2).
void expect_same(csv::Table t, const Scheme& scheme) {
  Coded target = code_of(t, find(t, "target")), actual = code_of(t, find(t, "actual"));
  Coded code = code_of(t, find(t, "code"));
  target.column.codes = target.codes;
  actual.column.codes = actual.codes;
  code.column.codes = code.codes;
  const CodedEvaluation fast = evaluate_coded(target.column, actual.column, nullptr, &code.column,
                                              scheme, NumberFormat::vietnamese, t.source);
  const IndicatorTable table = make_indicator_table(t);
  expect_same_answers(fast, table, evaluate(table, scheme));
}

// A CSV file's text read as columns (make_coded_table) and as a table of parsed rows
// (make_indicator_table): the same answers, warnings, lines and cells.
void expect_same_csv(const std::string& content, const Scheme& scheme,
                     const TableOptions& options = {}, const std::string& source = "plan.csv") {
  csv::Options copt;
  copt.delimiter = options.delimiter;
  const CodedTable coded = make_coded_table(csv::parse(content, source, copt), options);
  const IndicatorTable table = make_indicator_table(csv::parse(content, source, copt), options);
  expect_same_answers(evaluate(coded, scheme), table, evaluate(table, scheme));
  EXPECT_EQ(coded.lines, table.lines);
  EXPECT_EQ(coded.number_note, table.number_note);
  ASSERT_EQ(coded.size(), table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(coded.codes.empty() ? "" : coded.codes[i], table.indicators[i].code);
    EXPECT_EQ(coded.names.empty() ? "" : coded.names[i], table.indicators[i].name);
    EXPECT_EQ(coded.pillars.empty() ? "" : coded.pillars[i], table.indicators[i].pillar);
    EXPECT_EQ(coded.target.values[coded.target_codes[i]], table.targets[i].text);
    EXPECT_EQ(coded.actual.values[coded.actual_codes[i]], table.results[i].text);
  }
  EXPECT_EQ(coded.extra_names, table.extra_names);
  EXPECT_EQ(coded.extra_values, table.extra_values);
}

// What a call throws, as "type: message" ("" when it throws nothing).
template <class F>
std::string thrown(const F& f) {
  try {
    f();
  } catch (const ParseError& e) {
    return std::string("ParseError: ") + e.what();
  } catch (const ValidationError& e) {
    return std::string("ValidationError: ") + e.what();
  } catch (const Error& e) {
    return std::string("Error: ") + e.what();
  }
  return "";
}

// Both ways throw the same error at the same place; returns it.
std::string expect_same_error(const std::string& content, const TableOptions& options = {}) {
  const std::string coded = thrown([&] {
    (void)evaluate(make_coded_table(csv::parse(content, "plan.csv"), options), Scheme::exceed());
  });
  const std::string rows = thrown([&] {
    (void)evaluate(make_indicator_table(csv::parse(content, "plan.csv"), options),
                   Scheme::exceed());
  });
  EXPECT_EQ(coded, rows);
  EXPECT_NE(coded, "");
  return coded;
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

TEST(CodedTables, TheSeedsResultsScoreAsTheTableDoes) {
  for (const char* name : {"thai_binh_2023_results.csv", "dong_thap_2022_results.csv"}) {
    const std::string path = std::string(DXKIT_EXAMPLES_DIR) + "/" + name;
    const std::string content = csv::read_file(path);
    for (const Scheme& scheme : {Scheme::exceed(), Scheme::bands({90, 50})}) {
      SCOPED_TRACE(name);
      expect_same_csv(content, scheme, {}, path);
    }
    TableOptions automatic;
    automatic.detect_format = true;
    expect_same_csv(content, Scheme::exceed(), automatic, path);
  }
}

TEST(CodedTables, TrickyRowsScoreAndWarnAsTheTableDoes) {
  // A bare share (0,99 against 95 %), a blank line and a cell over two lines (lines are not
  // row + 2), repeated codes past the 20 named, a direction, estimates, a compound target,
  // empty results, and kept columns.
  std::string content =
      "code;name;pillar;target;actual;direction;Ghi chú\n"
      "1;A;Kinh tế số;95% trở lên;0,99;;a\n"
      "2;B;;tối đa 5 ngày;4 ngày;;\n"
      "\n"
      "1;C;;Trên 85%;ước đạt 90%;;b\n"
      "3;\"D\nhai dòng\";;6 - 8%;7%;;\n"
      "4;E;;80%;;;\n"
      "5;F;;5%;3%;lower;\n"
      "6;G;;\"tỉnh: 90%; huyện: 80%\";\"tỉnh: 0,5; huyện: 85%\";;\n"
      "7;H;;Hoàn thành;Hoàn thành;;\n"
      "8;I;;300 người;320;higher;\n"
      "9;J;;60/90;50/90;;\n";
  for (int k = 0; k < 30; ++k) content += "10;K;;97% trở lên;0,5;;\n";
  for (const Scheme& scheme : {Scheme::exceed(), Scheme::bands({90, 50})})
    expect_same_csv(content, scheme);
  // The warnings are there to be compared: bare shares and both kinds of repeat.
  const CodedTable coded = make_coded_table(csv::parse(content, "plan.csv"));
  const CodedEvaluation e = evaluate(coded, Scheme::exceed());
  std::size_t bare = 0, repeats = 0;
  for (const Diagnostic& d : e.evaluation.warnings) {
    bare += d.code == "bare_share";
    repeats += d.code == "duplicate_code";
  }
  EXPECT_EQ(bare, 32u);     // codes 1 (0,99) and 6 (tỉnh: 0,5), and the 30 rows of code 10
  EXPECT_EQ(repeats, 21u);  // 20 named, then one counting the rest
  EXPECT_EQ(e.evaluation.warnings.front().to_string(),
            "plan.csv:2:5 (column 'actual'): warning [bare_share]: the result '0,99' has no '%' "
            "against the percentage target '95% trở lên': read as 0,99% (1,04% of the target); "
            "if it is the share 99%, write '99%' (or format the cell as a percentage)");
  EXPECT_EQ(coded.lines[3], 6u);  // after the blank line
  EXPECT_EQ(coded.lines[4], 8u);  // after the cell over two lines
  // The targets are parsed once per distinct text: 11 texts for 40 rows.
  EXPECT_EQ(coded.target.values.size(), 11u);
  EXPECT_EQ(e.target_labels.size(), 10u);  // "Hoàn thành" and "60/90" both read "hoàn thành"
}

TEST(CodedTables, TheFirstBadCellIsTheTablesFirstBadCell) {
  const std::string head = "code,target,actual,direction\n1,80%,90%,\n\n";
  // A bad target after a blank line: line 4, column 2.
  EXPECT_EQ(expect_same_error(head + "2,abc%,90%,\n"),
            "ParseError: plan.csv:4:2 (column 'target'): 'abc' before '%' is not a number; "
            "write a number such as 80% or 99,21%: 'abc%'");
  // On one row, the direction comes first, then the target, then the result.
  (void)expect_same_error(head + "2,abc%,x%,sideways\n");
  (void)expect_same_error(head + "2,abc%,x%,\n");
  // A bad result on an earlier row than a bad target.
  (void)expect_same_error(head + "2,80%,x%,\n3,abc%,90%,\n");
  // A bad target on an earlier row than a bad result, after a cell over two lines.
  (void)expect_same_error(head + "\"2\n\",abc%,90%,\n3,80%,x%,\n");
  // A result that cannot be compared with its target: ValidationError naming the row.
  EXPECT_EQ(expect_same_error(head + "2,80%,Hoàn thành,\n"),
            "ValidationError: plan.csv:4 (column 'actual'): the target is numeric (≥ 80%); its "
            "result must be a number, not 'hoàn thành' (target '80%', result 'Hoàn thành')");
  // A missing column, and both number styles in one `auto` table.
  (void)expect_same_error("code,target\n1,80%\n");
  TableOptions automatic;
  automatic.detect_format = true;
  (void)expect_same_error("code,target,actual\n1,80%,\"99,21%\"\n2,80%,0.9921\n", automatic);
}

TEST(CodedTables, RefuseADocumentsTable) {
  csv::Table t = csv::parse("code,target,actual\n1,80%,90%\n", "plan.xlsx, sheet 'X'");
  t.origin = Location{"plan.xlsx"};
  EXPECT_THROW((void)make_coded_table(std::move(t)), ValidationError);
}

TEST(NumericFused, LanesGiveTheUnfusedBitsOnEveryEdge) {
  // The exceed scheme scores four rows at a time: on values picked from the edges of
  // achievement_ratio (zeros, 0/0, a bound below 0, results at or below 0, ratios past the cap
  // both ways, NaN) in both directions and a missing one, and on lengths that leave 0-3 rows
  // to the scalar loop, every ratio is the unfused kernel's to the bit, and so is every flag.
  const double picks[] = {0.0,  -0.0,  1.0, -1.0, 0.5,  -2.0,        3.0,
                          1e-9, -1e-9, 1e6, -1e6, 97.0, std::nan("")};
  std::uint64_t s = 11;
  auto next = [&] {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return s >> 33;
  };
  for (std::size_t n : {4099u, 4100u, 4101u, 4102u, 9000u}) {
    std::vector<double> target(n), actual(n);
    std::vector<std::int8_t> codes(n);
    std::vector<std::uint8_t> lower(n);
    const std::uint8_t lower_of_code[] = {0, 1};
    for (std::size_t i = 0; i < n; ++i) {
      do target[i] = picks[next() % std::size(picks)];
      while (std::isnan(target[i]));
      actual[i] = next() % 5 == 0 ? static_cast<double>(next() % 2000) / 7.0 - 100.0
                                  : picks[next() % std::size(picks)];
      codes[i] = static_cast<std::int8_t>(static_cast<int>(next() % 3) - 1);  // -1: missing
      lower[i] = codes[i] == 1;
    }
    DirectionCodes d;
    d.codes = codes.data();
    d.width = 1;
    d.lower_of_code = lower_of_code;
    const EvaluationTable fused = evaluate_numeric_fused(target, actual, d, Scheme::exceed());
    std::vector<double> ratio(n);
    std::vector<std::uint8_t> met(n), exceeded(n), has(n);
    evaluate_numeric(target, actual, lower, ratio, met, exceeded, has);
    ASSERT_EQ(fused.ratio.size(), n);
    EXPECT_EQ(std::memcmp(fused.ratio.data(), ratio.data(), n * sizeof(double)), 0) << n;
    for (std::size_t i = 0; i < n; ++i) {
      ASSERT_EQ(fused.met[i], met[i]) << i;
      ASSERT_EQ(fused.exceeded[i], exceeded[i]) << i;
      ASSERT_EQ(fused.has_data[i], has[i]) << i;
      const std::size_t want = !has[i] ? 3 : exceeded[i] ? 0 : met[i] ? 1 : 2;
      ASSERT_EQ(fused.status[i], want) << i;
    }
    // Higher is better on every row (no codes): the lanes without flags.
    const EvaluationTable plain = evaluate_numeric_fused(target, actual, {}, Scheme::exceed());
    evaluate_numeric(target, actual, {}, ratio, met, exceeded, has);
    EXPECT_EQ(std::memcmp(plain.ratio.data(), ratio.data(), n * sizeof(double)), 0) << n;
    EXPECT_EQ(plain.met, met);
    EXPECT_EQ(plain.exceeded, exceeded);
  }
}
