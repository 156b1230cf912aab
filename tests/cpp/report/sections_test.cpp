// The sections from the seeds' appendices (examples/, transcribed from the Thái Bình 2023 and
// Đồng Tháp 2023 plans): the figures are the core's, as numbers with their formats.
#include "dxkit/report/sections.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "../expect_throw_msg.hpp"
#include "dxkit/budget/budget.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/observation.hpp"
#include "dxkit/report/plan.hpp"

using namespace dxkit;
using namespace dxkit::report;

namespace {
const std::string kExamples = DXKIT_EXAMPLES_DIR;

// The row whose column `c` has text `s`.
const std::vector<Cell>* row_with(const Sheet& sheet, std::size_t c, const std::string& s) {
  for (const auto& r : sheet.rows)
    if (r.size() > c && r[c].kind == Cell::Kind::text && r[c].text == s) return &r;
  return nullptr;
}
}  // namespace

TEST(ResultsSheet, ThaiBinh2023AsTheAppendixWithItsTally) {
  const auto table = read_indicator_table(kExamples + "/thai_binh_2023_results.csv");
  const Sheet s = results_sheet(table, evaluate(table, Scheme::exceed()));
  EXPECT_EQ(s.name, "Kết quả");
  ASSERT_EQ(s.rows[s.header_row].size(), 6u);
  EXPECT_EQ(s.rows[s.header_row][4].text, "Tỷ lệ đạt");
  // Three pillars: three bold group rows merged from B to F.
  std::size_t groups = 0;
  for (const Merge& m : s.merges)
    if (m.column == 1 && m.columns == 5) {
      ++groups;
      EXPECT_TRUE(s.rows[m.row][1].style.bold);
    }
  EXPECT_EQ(groups, 3u);
  // Row 4: 92,56% against 100%: not met, red, the ratio a percent number.
  const auto* four = row_with(s, 0, "4");
  ASSERT_NE(four, nullptr);
  EXPECT_EQ((*four)[4].kind, Cell::Kind::number);
  EXPECT_DOUBLE_EQ((*four)[4].number, 0.9256);
  EXPECT_EQ((*four)[4].style.number_format, "[$-42A]0.00%");
  EXPECT_EQ((*four)[5].text, "Chưa đạt");
  EXPECT_EQ((*four)[5].style.tone, Tone::red);
  // The tally: 16 indicators, then each status with its count and share.
  const auto* total = row_with(s, 0, "Tổng số chỉ tiêu");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ((*total)[3].number, 16);
  const auto counts = evaluate(table, Scheme::exceed()).counts();
  const auto* exceeded = row_with(s, 0, "Vượt");
  ASSERT_NE(exceeded, nullptr);
  EXPECT_EQ((*exceeded)[3].number, static_cast<double>(counts[0]));
  EXPECT_DOUBLE_EQ((*exceeded)[4].number, static_cast<double>(counts[0]) / 16);
  EXPECT_EQ(s.charts.at(0).values.at(0), static_cast<double>(counts[0]));
}

TEST(BudgetSheet, ThaiBinh2023FindingsInPlaceAndAmountsInDong) {
  const auto b = budget::read_budget(kExamples + "/thai_binh_2023_budget.csv");
  const auto findings = b.check();
  ASSERT_FALSE(findings.empty());
  const Sheet s = budget_sheet(b, findings);
  const auto& header = s.rows[s.header_row];
  EXPECT_EQ(header.back().text, "Phát hiện");
  // Section I: 66.757 triệu printed, as 66 757 000 000 đồng shown in triệu.
  const auto* one = row_with(s, 0, "I");
  ASSERT_NE(one, nullptr);
  EXPECT_TRUE((*one)[1].style.bold);
  EXPECT_EQ((*one)[3].number, 66'757'000'000.0);
  EXPECT_EQ((*one)[3].text, "66.757");
  EXPECT_EQ((*one)[3].style.number_format, "[$-42A]#,##0,,");
  // Every finding is highlighted on its row and listed under the table.
  for (const auto& f : findings) {
    bool placed = false;
    for (const auto& r : s.rows)
      if (!r.empty() && r.back().text.find(f.diagnostic.message) != std::string::npos)
        placed = placed || r.back().style.tone != Tone::none;
    EXPECT_TRUE(placed) << f.diagnostic.message;
    EXPECT_NE(row_with(s, 2, f.diagnostic.message), nullptr) << f.diagnostic.message;
  }
  const auto* computed = row_with(s, 1, "Tổng các nhiệm vụ (tính lại)");
  ASSERT_NE(computed, nullptr);
  EXPECT_EQ((*computed)[3].number, static_cast<double>(b.total().dong));
}

TEST(DueSheet, DongThap2023PerAgency) {
  const auto list = read_assignments(kExamples + "/dong_thap_2023_assignments.csv");
  const Date day(2023, 10, 1);
  const Sheet s = due_sheet(list, day, 30);
  const auto per_agency = due_by_agency(due(list, day, 30));
  // The first agency's counts as numbers, overdue in red.
  const auto* first = row_with(s, 1, per_agency.at(0).agency);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ((*first)[2].number, per_agency[0].count(DueStatus::overdue));
  EXPECT_EQ((*first)[2].style.tone, Tone::red);
  // Each agency has a bold group row with as many tasks under it as it leads.
  std::size_t groups = 0;
  for (const Merge& m : s.merges)
    if (m.column == 1 && m.columns == 6) ++groups;
  EXPECT_EQ(groups, per_agency.size());
  // A dated task: its last day a date cell (Excel's day number), its days left a number.
  bool dated = false;
  for (const auto& r : s.rows)
    if (r.size() == 7 && r[4].kind == Cell::Kind::number) {
      EXPECT_EQ(r[4].style.number_format, "[$-42A]dd/mm/yyyy");
      dated = true;
    }
  EXPECT_TRUE(dated);
  EXPECT_EQ(Date(2023, 12, 31).sys_days().time_since_epoch().count() + 25569, 45291);
}

TEST(RankingSheet, BestFirstAndLengthsChecked) {
  const Sheet s = ranking_sheet({"A", "B", "C"}, {50, 70, std::nan("")}, {2, 1, std::nan("")});
  EXPECT_EQ(s.rows[s.header_row + 1][1].text, "B");
  EXPECT_EQ(s.rows[s.header_row + 1][0].number, 1);
  EXPECT_EQ(s.rows[s.header_row + 3][1].text, "C");
  EXPECT_EQ(s.rows[s.header_row + 3][2].kind, Cell::Kind::text);  // no score: blank
  EXPECT_THROW_MSG((void)ranking_sheet({"A"}, {1, 2}, {1}), ValidationError,
                   "a ranking needs one score and one rank per unit: 1 names, 2 scores, 1 ranks");
}

TEST(UncertaintySheet, NominalOrderUnrankedLastWideIntervalsAmber) {
  index::UncertaintyResult r;
  r.units = {"A", "B", "C"};
  r.column = "Index";
  r.nominal = {2, 0, 1};
  r.mean = {2.5, std::nan(""), 1.2};
  r.median = {2, std::nan(""), 1};
  r.p5 = {1, std::nan(""), 1};
  r.p95 = {14, std::nan(""), 3};
  r.replicates.resize(1500);
  const Sheet s = uncertainty_sheet(r);
  EXPECT_EQ(s.rows[0][0].text, "PHÂN TÍCH BẤT ĐỊNH CỦA THỨ HẠNG: Index");
  EXPECT_EQ(s.rows[1][0].text, "(1.500 lần chạy; thứ hạng theo Index)");
  const auto& first = s.rows[s.header_row + 1];
  EXPECT_EQ(first[1].text, "C");
  EXPECT_EQ(first[0].number, 1);
  EXPECT_EQ(first[6].number, 2);
  EXPECT_EQ(first[6].style.tone, Tone::none);
  const auto& second = s.rows[s.header_row + 2];
  EXPECT_EQ(second[1].text, "A");
  EXPECT_EQ(second[6].number, 13);
  EXPECT_EQ(second[6].text, "13,0");
  EXPECT_EQ(second[6].style.tone, Tone::amber);  // 10 ranks or more apart
  const auto& last = s.rows[s.header_row + 3];
  EXPECT_EQ(last[1].text, "B");  // never ranked: last, its figures blank, not NaN
  for (std::size_t k : {0U, 2U, 3U, 4U, 5U, 6U}) EXPECT_EQ(last[k].kind, Cell::Kind::text);
  r.p95.pop_back();
  EXPECT_THROW_MSG((void)uncertainty_sheet(r), ValidationError,
                   "an uncertainty result needs one nominal rank, mean, median, p5 and p95 per "
                   "unit: 3 units, a column of 2");
}

TEST(SensitivitySheet, LargestTotalFirstAndTheDesignUnderIt) {
  index::SensitivityResult r;
  r.runs = 400;
  r.variance = 0.25;
  r.indices = {{"weights.L2", 0.1, 0.0, 0.2, 0.15, 0.05, 0.3},
               {"normalisation", 0.6, 0.4, 0.8, 0.7, 0.5, 0.9},
               {"leave_out", std::nan(""), 0, 0, std::nan(""), 0, 0}};
  const Sheet s = sensitivity_sheet(r);
  const auto& first = s.rows[s.header_row + 1];
  EXPECT_EQ(first[1].text, "Phương pháp chuẩn hoá");
  EXPECT_EQ(first[2].text, "normalisation");
  EXPECT_EQ(first[6].text, "0,700");
  EXPECT_EQ(first[6].style.tone, Tone::red);  // its interval is above 0,1
  const auto& second = s.rows[s.header_row + 2];
  EXPECT_EQ(second[1].text, "Trọng số cấp 2");
  EXPECT_EQ(second[6].style.tone, Tone::none);
  EXPECT_EQ(s.rows[s.header_row + 3][6].kind, Cell::Kind::text);  // NaN: blank, last
  EXPECT_EQ(s.rows[s.header_row + 5][1].text, "Số lần chạy");
  EXPECT_EQ(s.rows[s.header_row + 5][2].number, 400);
  EXPECT_EQ(s.rows[s.header_row + 6][2].number, 0.25);
}

TEST(PlanReport, EveryReadableTableOfTheWordPlanIsASection) {
  Diagnostics skipped;
  PlanOptions options;
  options.as_of = Date(2023, 10, 1);
  const Workbook book = plan_report(
      document::read_document(kExamples + "/dong_thap_2023_plan.docx"), options, &skipped);
  std::vector<std::string> names;
  for (const auto& s : book.sheets) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Kết quả", "Kinh phí", "Kinh phí (2)", "Tiến độ"}));
  EXPECT_TRUE(skipped.empty());
  EXPECT_EQ(book.sheets[0].rows[0][0].text.rfind("Phụ lục I", 0), 0u);
}

TEST(PlanReport, ACsvOfNoKnownKindIsRefusedWithItsHeader) {
  Workbook book;
  EXPECT_THROW_MSG(add_csv(book, "a,b\n1,2\n", "x.csv", {}), ValidationError,
                   "x.csv:1: cannot tell which table this is: a section is a results table (chỉ "
                   "tiêu, mục tiêu, kết quả), a budget (kinh phí, vốn, tổng mức), assignments "
                   "(chủ trì, thời gian) or DTI scores (uCode or DTI); the header has: a, b");
}

TEST(PlanReport, ADtiTableIsItsRanking) {
  // Main-indicator points (dti_922: the DTI is the sum of the points / 1000), worked by hand:
  // P1 80+70+90+60+75+150+90+100 = 715 -> 0.7150; P2 the same with NT 100 -> 0.7350; P3 = P1,
  // a tie: competition ranks 1, 2, 2, shown with the Ministry's 4 decimals.
  const std::string csv =
      "uCode,uName,NT,TC,HT,NL,ATTT,CQS,KTS,XHS\n"
      "P1,Tỉnh 1,80,70,90,60,75,150,90,100\n"
      "P2,Tỉnh 2,100,70,90,60,75,150,90,100\n"
      "P3,Tỉnh 3,80,70,90,60,75,150,90,100\n";
  Workbook book;
  add_csv(book, csv, "dti.csv", {});
  ASSERT_EQ(book.sheets.size(), 1u);
  const Sheet& s = book.sheets[0];
  EXPECT_EQ(s.name, "Xếp hạng");
  const std::size_t h = s.header_row;
  const std::vector<std::pair<std::string, double>> expected = {
      {"Tỉnh 2", 1}, {"Tỉnh 1", 2}, {"Tỉnh 3", 2}};
  const double dti[] = {0.735, 0.715, 0.715};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(s.rows[h + 1 + i][1].text, expected[i].first);
    EXPECT_EQ(s.rows[h + 1 + i][0].number, expected[i].second);
    EXPECT_EQ(s.rows[h + 1 + i][2].number, dti[i]);
    EXPECT_EQ(s.rows[h + 1 + i][2].style.number_format, "[$-42A]0.0000");
    EXPECT_EQ(s.rows[h + 1 + i][2].text, i == 0 ? "0,7350" : "0,7150");  // as Excel shows it
  }
  // Scores on 0..1 read as points: refused where they are, as by `dxkit dti`.
  PlanOptions scores;
  const std::string given =
      "uCode,NT,TC,HT,NL,ATTT,CQS,KTS,XHS\nP1,0.8,0.7,0.9,0.6,0.7,0.7,0.9,1\n";
  EXPECT_THROW_MSG((void)add_csv(book, given, "s.csv", scores), ValidationError,
                   "s.csv:1: every main-indicator value is between 0 and 1: these are published "
                   "scores (points / maximum), not points; read them with --values scores "
                   "(values=\"scores\" in Python)");
  scores.dti_values = dti::Values::scores;
  add_csv(book, given, "s.csv", scores);
  EXPECT_EQ(book.sheets.size(), 2u);
}

TEST(ProgressSheet, OneRowPerVerdictUnderItsIndicatorAndTheCounts) {
  const auto verdicts =
      progress(read_observations(kExamples + "/progress_digital_economy.csv"), {});
  ASSERT_FALSE(verdicts.empty());
  const Sheet s = progress_sheet(verdicts);
  EXPECT_EQ(s.rows[s.header_row].back().text, "Tình trạng");
  std::size_t rows = 0, on_track = 0;
  for (const auto& r : s.rows)
    if (r.size() == 11 && r[0].kind == Cell::Kind::number) {
      ++rows;
      if (r[10].text == "Đúng tiến độ") {
        ++on_track;
        EXPECT_EQ(r[10].style.tone, Tone::light_green);
      }
    }
  EXPECT_EQ(rows, verdicts.size());
  const auto expected = std::count_if(verdicts.begin(), verdicts.end(),
                                      [](const Progress& p) { return p.status == "on_track"; });
  EXPECT_EQ(on_track, static_cast<std::size_t>(expected));
  const auto* tally = row_with(s, 0, "Đúng tiến độ");
  ASSERT_NE(tally, nullptr);
  EXPECT_EQ((*tally)[2].number, static_cast<double>(expected));
}
