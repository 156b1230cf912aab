// Target scoring, schemes and the table evaluation at their bounds (issue 12 point 10): each
// rule of src/targets/scoring.cpp and src/targets/evaluate.cpp pinned from both sides, with the
// values the rules of docs/targets.md (Scoring) give: a ratio v / x (x / v when lower is
// better), the cap and 0/0 rules, the bands' thresholds exactly, just above and just below,
// each path (the general 128-bit one and the fast one) asserted on its own.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "../expect_throw_msg.hpp"
#include "dxkit/cancel.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/scoring.hpp"
#include "targets/scorer.hpp"

using namespace dxkit;

namespace {

struct Case {
  const char* target;
  const char* result;
  bool met;
  bool exceeded;
  std::int64_t num;  // the exact ratio in lowest terms; den 0 where a rule (the cap) decides
  std::int64_t den;
  double ratio;
};

// The general path alone (Scorer with general_only), and the public evaluate() (the fast path
// where the numbers are short decimals): each must give the expected evaluation.
void check(const Case& c, const ScoringOptions& o = {}) {
  const Target t = parse_target(c.target);
  const Result r = parse_result(c.result);
  const std::string what = std::string(c.target) + " / " + c.result;
  const Evaluation general = targets_detail::Scorer(o, true).score(t, r);
  const Evaluation fast = evaluate(t, r, o);
  for (const Evaluation* e : {&general, &fast}) {
    const char* path = e == &general ? " (general)" : " (evaluate)";
    EXPECT_TRUE(e->has_data) << what << path;
    EXPECT_EQ(e->met, c.met) << what << path;
    EXPECT_EQ(e->exceeded, c.exceeded) << what << path;
    EXPECT_EQ(e->ratio, c.ratio) << what << path;
    const detail::Rational x = detail::lowest_terms(e->exact_ratio);
    EXPECT_EQ(static_cast<std::int64_t>(x.num), c.num) << what << path;
    EXPECT_EQ(static_cast<std::int64_t>(x.den), c.den) << what << path;
  }
}

std::string message_of(const Target& t, const Result& r, bool general_only = false) {
  try {
    (void)targets_detail::Scorer({}, general_only).score(t, r);
  } catch (const ValidationError& e) {
    return e.what();
  }
  return "no error";
}

std::string message_of(const char* target, const char* result, bool general_only = false) {
  return message_of(parse_target(target), parse_result(result), general_only);
}

}  // namespace

// The ratio's rules (exact_ratio), each on both sides: a lower-is-better value of 0 or less
// against a bound of 0 or more is the best possible (the cap); 0 against 0 is 1; against a
// bound below 0 lower is better reads v / x; otherwise x / v, and v / x when higher is better.
TEST(ScoringBounds, TheRatioRules) {
  const Case cases[] = {
      // Lower is better, a bound of 0 or more.
      {"tối đa 5", "0", true, true, 0, 0, 10},      // nothing happened: the cap
      {"tối đa 5", "-1", true, true, 0, 0, 10},     // below 0: the cap too
      {"tối đa 5", "1", true, true, 5, 1, 5},       // just above 0: 5 / 1
      {"tối đa 4", "10", false, false, 2, 5, 0.4},  // x / v, not v / x
      {"tối đa 1", "0", true, true, 0, 0, 10},      // a bound of 1 is no bound of 0
      {"tối đa 0", "0", true, false, 1, 1, 1},      // 0/0 is 1
      {"tối đa 0", "-1", true, true, 0, 0, 10},     // below a bound of 0: the cap
      {"tối đa 0", "2", false, false, 0, 1, 0},     // 0 / 2
      // Lower is better, a bound below 0 (a fall to reach): v / x.
      {"tối đa -2", "-1", false, false, 1, 2, 0.5},
      {"tối đa -2", "-3", true, true, 3, 2, 1.5},
      {"tối đa -2", "-2", true, false, 1, 1, 1},
      {"tối đa -2", "1", false, false, -1, 2, -0.5},
      // Higher is better: v / x, a bound of 0 gives 1 for 0 and the cap for anything else.
      {"5", "-1", false, false, -1, 5, -0.2},
      {"2", "3", true, true, 3, 2, 1.5},
      {"1", "3", true, true, 3, 1, 3},
      {"1", "0", false, false, 0, 1, 0},
      {"0", "0", true, false, 1, 1, 1},
      {"0", "1", true, true, 0, 0, 10},
      {"0", "5", true, true, 0, 0, 10},
      // The cap (10): exactly at it the ratio is exact, beyond it the rule's value.
      {"1", "10", true, true, 10, 1, 10},
      {"1", "11", true, true, 0, 0, 10},
      {"1", "-10", false, false, -10, 1, -10},
      {"1", "-11", false, false, 0, 0, -10},
      {"tối đa 10", "1", true, true, 10, 1, 10},
      {"tối đa 1", "0,1", true, true, 10, 1, 10},
      {"tối đa 1", "0,09", true, true, 0, 0, 10},
  };
  for (const Case& c : cases) check(c);
  // A cap that is not a whole number: 2,5 is 5/2 exactly, 2,6 beyond it.
  ScoringOptions small;
  small.ratio_cap = 2.5;
  check({"2", "5", true, true, 5, 2, 2.5}, small);
  check({"2", "5,2", true, true, 0, 0, 2.5}, small);
  check({"2", "-5", false, false, -5, 2, -2.5}, small);
  check({"2", "-5,2", false, false, 0, 0, -2.5}, small);
  // No cap: any ratio, exactly.
  ScoringOptions none;
  none.ratio_cap = std::numeric_limits<double>::infinity();
  check({"2", "1.000", true, true, 500, 1, 500}, none);
}

// met and exceeded of an open result ("trên X", "dưới X") and of an equal one, on the general
// path (the fast path has its own tests in exact_test.cpp).
TEST(ScoringBounds, OpenAndEqualResults) {
  const Case cases[] = {
      {"95%", "95%", true, false, 1, 1, 1},
      {"95%", "trên 95%", true, true, 1, 1, 1},
      {"95%", "dưới 95%", false, false, 1, 1, 1},
      {"tối đa 5", "5", true, false, 1, 1, 1},
      {"tối đa 5", "dưới 5", true, true, 1, 1, 1},
      {"tối đa 5", "trên 5", false, false, 1, 1, 1},
      // A fraction against a percentage counts x 100, against a count as it is.
      {"60%", "60/90", true, true, 10, 9, 10.0 / 9},
      {"2", "3/4", false, false, 3, 8, 0.375},
      {"75%", "3/4", true, false, 1, 1, 1},
  };
  for (const Case& c : cases) check(c);
}

// A milestone: done (1) or not done (0); a percentage or a fraction done is its progress, met
// from 100 % on (not when only "dưới" it), the ratio within [0, 1].
TEST(ScoringBounds, Milestones) {
  const Case cases[] = {
      {"Hoàn thành", "Hoàn thành", true, false, 1, 1, 1},
      {"Hoàn thành", "Chưa hoàn thành", false, false, 0, 1, 0},
      {"Hoàn thành", "78%", false, false, 39, 50, 0.78},
      {"Hoàn thành", "99,99%", false, false, 9999, 10000, 0.9999},
      {"Hoàn thành", "100%", true, false, 1, 1, 1},
      {"Hoàn thành", "trên 100%", true, false, 1, 1, 1},
      {"Hoàn thành", "dưới 100%", false, false, 1, 1, 1},
      {"Hoàn thành", "dưới 120%", false, false, 1, 1, 1},
      {"Hoàn thành", "120%", true, false, 1, 1, 1},
      {"Hoàn thành", "-5%", false, false, 0, 1, 0},
      {"Hoàn thành", "0%", false, false, 0, 1, 0},
      {"Hoàn thành", "45/90", false, false, 1, 2, 0.5},
      {"Hoàn thành", "90/90", true, false, 1, 1, 1},
      {"Hoàn thành", "91/90", true, false, 1, 1, 1},
  };
  for (const Case& c : cases) check(c);
  for (bool general_only : {false, true}) {
    EXPECT_EQ(message_of("Hoàn thành", "5", general_only),
              "the target is a milestone; its result must be Hoàn thành, Chưa hoàn thành or the "
              "percentage done (78%), not '5'");
    EXPECT_EQ(message_of("80%", "Chưa hoàn thành", general_only),
              "the target is numeric (≥ 80%); its result must be a number, not 'chưa hoàn thành'");
    EXPECT_EQ(message_of("80%", "Hoàn thành", general_only),
              "the target is numeric (≥ 80%); its result must be a number, not 'hoàn thành'");
    EXPECT_EQ(message_of("300 người", "50%", general_only),
              "the result is a percentage (50%) but the target is a count (≥ 300 người)");
    EXPECT_EQ(message_of("300 người", "150/300", general_only), "no error");
  }
}

// One part against one: scored as that part (its exact ratio kept); a compound takes the
// smallest ratio (at most the cap), met / exceeded when every part is, an estimate when any is.
TEST(ScoringBounds, CompoundsPartByPart) {
  const auto score = [](const char* t, const char* r) {
    return evaluate(parse_target(t), parse_result(r));
  };
  Evaluation e = score("tỉnh: 2; huyện: 4", "tỉnh: 3; huyện: 5");
  EXPECT_EQ(e.ratio, 1.25);
  EXPECT_TRUE(e.met);
  EXPECT_TRUE(e.exceeded);
  EXPECT_FALSE(e.estimate);
  e = score("tỉnh: 1; huyện: 1", "tỉnh: 20; huyện: 30");
  EXPECT_EQ(e.ratio, 10);  // both beyond the cap: the cap
  e = score("tỉnh: 90%; huyện: 80%", "tỉnh: ước đạt 95%; huyện: 85%");
  EXPECT_TRUE(e.estimate);
  EXPECT_TRUE(e.exceeded);
  e = score("tỉnh: 90%; huyện: 80%", "tỉnh: 95%; huyện: ước đạt 85%");
  EXPECT_TRUE(e.estimate);
  e = score("tỉnh: 90%; huyện: 80%", "tỉnh: 85%; huyện: 85%");
  EXPECT_FALSE(e.met);
  EXPECT_FALSE(e.exceeded);
  EXPECT_EQ(e.ratio, 85.0 / 90);
  e = score("tỉnh: 90%; huyện: 80%", "tỉnh: 95%; huyện: 75%");
  EXPECT_FALSE(e.met);
  EXPECT_EQ(e.ratio, 75.0 / 80);
  // By position: the first result part against the first target part.
  e = score("tỉnh: 90%; huyện: 80%", "45%; 80%");
  EXPECT_EQ(e.ratio, 0.5);
  // A one-part result against a one-part target keeps its estimate flag.
  EXPECT_TRUE(score("80%", "ước đạt 90%").estimate);
  EXPECT_FALSE(score("80%", "90%").estimate);
}

TEST(ScoringBounds, CompoundMismatchesNameTheLabels) {
  // A labelled result against a one-part target: the target's part has no label.
  EXPECT_EQ(message_of("80%", "tỉnh: 90%; huyện: 80%"),
            "the result's label 'tỉnh' matches none of the target's parts ((no label))");
  // An unlabelled part in a labelled result matches no part, even an unlabelled one.
  Target t = parse_target("tỉnh: 90%; huyện: 80%");
  t.parts[0].label.clear();
  EXPECT_EQ(message_of(t, parse_result("90%; huyện: 80%")),
            "the result's label '' matches none of the target's parts ((no label), huyện)");
  EXPECT_EQ(message_of("tỉnh: 90%; huyện: 80%", "tỉnh: 90%; tỉnh: 80%"),
            "the result gives the label 'tỉnh' twice");
  EXPECT_EQ(message_of("tỉnh: 90%; huyện: 80%", "huyện: 80%"),
            "the result has no value for the target's part 'tỉnh' (target parts: tỉnh, huyện)");
  EXPECT_EQ(message_of("tỉnh: 90%; huyện: 80%", "90%; 80%; 70%"),
            "the target has 2 parts (tỉnh, huyện) but the result has 3; give one value per part, "
            "'label: X; label: Y'");
  EXPECT_EQ(message_of("tỉnh: 90%; huyện: 80%", "tỉnh: 90%; huyện: 80%"), "no error");
}

// The bands' thresholds: in (0, 100], strictly decreasing, at least one.
TEST(ScoringBounds, BandThresholds) {
  EXPECT_THROW_MSG((void)Scheme::bands({0}), ValidationError,
                   "band thresholds must lie in (0, 100]; got 0");
  EXPECT_THROW_MSG((void)Scheme::bands({-5}), ValidationError,
                   "band thresholds must lie in (0, 100]; got -5");
  EXPECT_THROW_MSG((void)Scheme::bands({100.5}), ValidationError,
                   "band thresholds must lie in (0, 100]; got 100,5");
  EXPECT_THROW_MSG((void)Scheme::bands({90, 0}), ValidationError,
                   "band thresholds must lie in (0, 100]; got 0");
  EXPECT_EQ(Scheme::bands({100}).statuses()[1].id, "ge_100");
  EXPECT_EQ(Scheme::bands({0.5}).statuses()[1].id, "ge_0.5");
  EXPECT_EQ(Scheme::bands({1}).statuses()[2].id, "lt_1");
  const char* const order = "band thresholds must be strictly decreasing (e.g. 90,50)";
  EXPECT_THROW_MSG((void)Scheme::bands({90, 95}), ValidationError, order);
  EXPECT_THROW_MSG((void)Scheme::bands({90, 50, 50}), ValidationError, order);
  EXPECT_THROW_MSG((void)Scheme::bands({90, 50, 60}), ValidationError, order);
  const Scheme three = Scheme::bands({75, 50, 25});
  ASSERT_EQ(three.statuses().size(), 6u);
  EXPECT_EQ(three.statuses()[0].label, "Hoàn thành");
  EXPECT_EQ(three.statuses()[3].label, "Đạt trên 25% mục tiêu");
  EXPECT_EQ(three.statuses()[4].label, "Đạt dưới 25% mục tiêu");
  EXPECT_EQ(three.statuses()[5].label, "Chưa có số liệu");
}

namespace {

// Rows of one-part targets and results, as a table put together by hand.
IndicatorTable table_of(const std::vector<std::pair<const char*, const char*>>& rows) {
  IndicatorTable t;
  t.source = "rows.csv";
  for (const auto& [target, result] : rows) {
    t.indicators.push_back(Indicator{});
    t.targets.push_back(parse_target(target));
    t.results.push_back(parse_result(result));
    t.lines.push_back(t.lines.size() + 2);
  }
  t.code_warnings = Diagnostics{};
  return t;
}

std::vector<std::string> ids(const EvaluationTable& e) {
  std::vector<std::string> out;
  for (std::uint8_t s : e.status) out.push_back(e.scheme.statuses().at(s).id);
  return out;
}

}  // namespace

// Each band exactly at its threshold, just below it, the lowest band and no data; by the
// table's kernel (64-bit terms) and by Scheme::classify of each evaluation (exact ratios).
TEST(ScoringBounds, BandsAtTheirThresholds) {
  const Scheme s = Scheme::bands({75, 62.5, 25});
  const std::vector<std::pair<const char*, const char*>> rows = {
      {"80%", "60%"},        // 75 % of the target exactly
      {"80%", "59,99%"},     // just below: 74,9875 %
      {"80%", "50%"},        // 62,5 % exactly
      {"80%", "49,99%"},     // just below
      {"80%", "20%"},        // 25 % exactly
      {"80%", "19,99%"},     // just below: the lowest band
      {"80%", "0%"},         // 0
      {"1", "-20"},          // beyond the cap below: -10, the lowest band
      {"80%", "80%"},        // met
      {"80%", ""},           // no data
      {"Hoàn thành", "75%"}  // a milestone's progress
  };
  const std::vector<std::string> expected = {"ge_75", "ge_62.5", "ge_62.5", "ge_25",
                                             "ge_25", "lt_25",   "lt_25",   "lt_25",
                                             "met",   "no_data", "ge_75"};
  const IndicatorTable t = table_of(rows);
  const EvaluationTable e = evaluate(t, s);
  EXPECT_EQ(ids(e), expected);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Evaluation one = evaluate(t.targets[i], t.results[i]);
    EXPECT_EQ(s.statuses()[s.classify(one)].id, expected[i]) << rows[i].second;
    EXPECT_EQ(s.statuses()[s.classify(one.ratio, one.has_data, one.met, one.exceeded)].id,
              expected[i])
        << rows[i].second;
  }
  EXPECT_EQ(e.has_data, (std::vector<std::uint8_t>{1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1}));
  EXPECT_EQ(e.met, (std::vector<std::uint8_t>{0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0}));
  EXPECT_EQ(e.ratio[7], -10);
  EXPECT_EQ(e.counts(), (std::vector<std::size_t>{1, 2, 2, 2, 3, 1}));
}

// The exceed scheme in a table: exceeded, met, not met and no data, each from the kernel.
TEST(ScoringBounds, ExceedInATable) {
  const IndicatorTable t = table_of({{"80%", "50%"},
                                     {"80%", "80%"},
                                     {"80%", "ước đạt 81%"},
                                     {"80%", ""},
                                     {"tối đa 5 ngày", "5 ngày"},
                                     {"tối đa 5 ngày", "4 ngày"}});
  const EvaluationTable e = evaluate(t, Scheme::exceed());
  EXPECT_EQ(ids(e),
            (std::vector<std::string>{"not_met", "met", "exceeded", "no_data", "met", "exceeded"}));
  EXPECT_EQ(e.has_data, (std::vector<std::uint8_t>{1, 1, 1, 0, 1, 1}));
  EXPECT_EQ(e.estimate, (std::vector<std::uint8_t>{0, 0, 1, 0, 0, 0}));
  EXPECT_EQ(e.exceeded, (std::vector<std::uint8_t>{0, 0, 1, 0, 0, 1}));
  EXPECT_EQ(e.ratio[0], 0.625);
  EXPECT_EQ(e.ratio[5], 1.25);
  EXPECT_EQ(e.counts(), (std::vector<std::size_t>{2, 2, 1, 1}));
}

// A threshold whose exact value needs a large denominator (999 999 999 / 10^9): the kernel's
// products overflow 64 bits on one side or both, and each row must still land in its band
// (statuses 1 "ge_99.9999999", 2 "ge_50", 3 "lt_50").
TEST(ScoringBounds, BandsWithLongThresholds) {
  const Scheme s = Scheme::bands({99.9999999, 50});
  const IndicatorTable t = table_of({{"100%", "0,00000001%"},
                                     {"100%", "99,9999999%"},
                                     {"100%", "99,99999989%"},
                                     {"100%", "99,99999995%"},
                                     {"100%", "60%"}});
  const EvaluationTable e = evaluate(t, s);
  EXPECT_EQ(e.status, (std::vector<std::uint8_t>{3, 1, 2, 1, 2}));
  for (std::size_t i = 0; i < t.size(); ++i)
    EXPECT_EQ(e.status[i], s.classify(evaluate(t.targets[i], t.results[i]))) << i;
}

// A row whose target and result differ in their number of parts is an error in a table too
// (the kernel scores only one part against one).
TEST(ScoringBounds, ATableRowWithPartsThatDoNotMatchIsAnError) {
  for (const auto& [target, result] :
       {std::pair{"tỉnh: 90%; huyện: 80%", "90%"}, std::pair{"80%", "tỉnh: 90%; huyện: 80%"}}) {
    try {
      (void)evaluate(table_of({{"80%", "90%"}, {target, result}}), Scheme::exceed());
      ADD_FAILURE() << "no error: " << target << " / " << result;
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.where().line, 3u) << target;
    }
  }
}

// Plain numbers: the first row is classified too, and no row is an estimate.
TEST(ScoringBounds, NumericColumnsEveryRow) {
  const std::vector<double> target = {80, 50, 5};
  const std::vector<double> actual = {50, 99, 4};
  const std::vector<std::uint8_t> lower = {0, 0, 1};
  const EvaluationTable e = evaluate(target, actual, lower, Scheme::exceed());
  EXPECT_EQ(ids(e), (std::vector<std::string>{"not_met", "exceeded", "exceeded"}));
  EXPECT_EQ(e.estimate, (std::vector<std::uint8_t>{0, 0, 0}));
  EXPECT_EQ(e.ratio, (std::vector<double>{0.625, 1.98, 1.25}));
  const EvaluationTable b = evaluate(target, actual, {}, Scheme::bands({90, 50}));
  // Without directions the third is higher-is-better: 4 of 5 is 80 %.
  EXPECT_EQ(ids(b), (std::vector<std::string>{"ge_50", "met", "ge_50"}));
  EXPECT_EQ(b.ratio[2], 0.8);
}

namespace {
int polls = 0;
void count_poll() { ++polls; }
}  // namespace

// A table is looked at for Ctrl-C before rows 65 535, 65 535 + 65 536, ... (0-based), never
// before the first: a table of 65 535 rows is never interrupted, one of 65 536 is once.
TEST(ScoringBounds, ALargeTableIsPolledForCancellationInChunks) {
  IndicatorTable t = table_of({{"80%", "90%"}});
  const Target target = t.targets[0];
  const Result result = t.results[0];
  const Scheme s = Scheme::exceed();
  const auto polls_for = [&](std::size_t n) {
    t.indicators.resize(n);
    t.targets.resize(n, target);
    t.results.resize(n, result);
    t.lines.resize(n, 2);
    polls = 0;
    set_cancel_hook(&count_poll);
    const EvaluationTable e = evaluate(t, s);
    set_cancel_hook(nullptr);
    EXPECT_EQ(e.counts()[0], n);  // every row scored
    return polls;
  };
  EXPECT_EQ(polls_for(1), 0);
  EXPECT_EQ(polls_for(65535), 0);
  EXPECT_EQ(polls_for(65536), 1);
  EXPECT_EQ(polls_for(65535 + 65536), 1);
  EXPECT_EQ(polls_for(65535 + 65536 + 1), 2);
}

// The bare-share warning: the value and the share with four decimals, the ratio with two; a
// labelled part names its label and a compound gives no ratio; a count target warns of nothing.
TEST(ScoringBounds, BareShareWarningsInFull) {
  const IndicatorTable t = table_of({{"97% trở lên", "0,1234567"},
                                     {"2 xã", "0,5"},
                                     {"Hoàn thành", "Hoàn thành"},
                                     {"97%", "1"},
                                     {"97%", "1,5"}});
  EvaluationTable e = evaluate(t, Scheme::exceed());
  ASSERT_EQ(e.warnings.size(), 2u);
  EXPECT_EQ(e.warnings[0].message,
            "the result '0,1235' has no '%' against the percentage target '97% trở lên': read as "
            "0,1235% (0,13% of the target); if it is the share 12,3457%, write '12,3457%' (or "
            "format the cell as a percentage)");
  EXPECT_EQ(e.warnings[1].message,
            "the result '1' has no '%' against the percentage target '97%': read as 1% (1,03% of "
            "the target); if it is the share 100%, write '100%' (or format the cell as a "
            "percentage)");
  EXPECT_EQ(e.warnings[1].where.line, 5u);
  const IndicatorTable c =
      table_of({{"tỉnh: 90%; huyện: 80%", "tỉnh: 0,95; huyện: 85%"}, {"90%", "95%"}});
  e = evaluate(c, Scheme::exceed());
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_EQ(e.warnings[0].message,
            "the result 'tỉnh: 0,95' has no '%' against the percentage target 'tỉnh: 90%; huyện: "
            "80%': read as 0,95%; if it is the share 95%, write '95%' (or format the cell as a "
            "percentage)");
}
