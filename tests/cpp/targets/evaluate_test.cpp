// The seeds' results appendices, scored end to end: dxkit must reproduce the documents' own
// tallies and every row's verdict.
#include "dxkit/targets/evaluate.hpp"

#include <gtest/gtest.h>

#include <map>

#include "dxkit/error.hpp"

using namespace dxkit;

namespace {
const std::string kExamples = DXKIT_EXAMPLES_DIR;

std::map<std::string, std::size_t> tally(const EvaluationTable& e) {
  std::map<std::string, std::size_t> out;
  const auto counts = e.counts();
  for (std::size_t s = 0; s < counts.size(); ++s) out[e.scheme.statuses()[s].id] = counts[s];
  return out;
}

const std::vector<std::string>& column(const IndicatorTable& t, const std::string& name) {
  for (std::size_t k = 0; k < t.extra_names.size(); ++k)
    if (t.extra_names[k] == name) return t.extra_values[k];
  throw std::runtime_error("no column " + name);
}

// The band a Thái Bình "Ghi chú" verdict stands for: "Đạt 78% mục tiêu" is in [50, 90).
std::string band_of(const std::string& verdict) {
  if (verdict == "Hoàn thành") return "met";
  if (verdict == "Đạt trên 90% mục tiêu") return "ge_90";
  if (verdict == "Đạt trên 50% mục tiêu") return "ge_50";
  return "";
}

double percent_in(const std::string& verdict) {
  std::size_t i = verdict.find_first_of("0123456789");
  return std::stod(verdict.substr(i));
}
}  // namespace

TEST(SeedThaiBinh2023, BandsReproduceTheDocumentsTally) {
  IndicatorTable t = read_indicator_table(kExamples + "/thai_binh_2023_results.csv");
  ASSERT_EQ(t.size(), 16u);
  EvaluationTable e = evaluate(t, Scheme::bands({90, 50}));
  auto c = tally(e);
  // "Số mục tiêu đã hoàn thành: 10/16; trên 50%: 04/16; dưới 50%: 02/16".
  EXPECT_EQ(c["met"], 10u);
  EXPECT_EQ(c["ge_90"] + c["ge_50"], 4u);
  EXPECT_EQ(c["ge_90"], 1u);
  EXPECT_EQ(c["lt_50"], 2u);
  EXPECT_EQ(c["no_data"], 0u);
}

TEST(SeedThaiBinh2023, EveryRowMatchesItsGhiChu) {
  IndicatorTable t = read_indicator_table(kExamples + "/thai_binh_2023_results.csv");
  EvaluationTable e = evaluate(t, Scheme::bands({90, 50}));
  const auto& verdicts = column(t, "document_status");
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string& v = verdicts[i];
    const std::string id = e.scheme.statuses()[e.status[i]].id;
    std::string expected = band_of(v);
    if (expected.empty()) {
      // "Đạt 30% mục tiêu": the document's own percentage of the target.
      const double p = percent_in(v);
      expected = p >= 90 ? "ge_90" : (p >= 50 ? "ge_50" : "lt_50");
    }
    EXPECT_EQ(id, expected) << "row " << t.indicators[i].code << ": " << v;
  }
  // The documents' own percentages where they print one: rows 8 (≈ 33% written as 30%), 10,
  // 11 and 14.
  EXPECT_NEAR(e.ratio[7], 1.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(e.ratio[9], 0.5);
  EXPECT_DOUBLE_EQ(e.ratio[10], 0.25);
  EXPECT_DOUBLE_EQ(e.ratio[13], 0.78);
  EXPECT_TRUE(e.estimate[10]);  // "Dự kiến 5% GRDP"
}

TEST(SeedDongThap2022, ExceedReproducesTheDocumentsTallyAndEveryRow) {
  IndicatorTable t = read_indicator_table(kExamples + "/dong_thap_2022_results.csv");
  ASSERT_EQ(t.size(), 15u);
  EvaluationTable e = evaluate(t, Scheme::exceed());
  auto c = tally(e);
  // "đạt và vượt 13/15 chỉ tiêu ... 06 chỉ tiêu vượt và 07 chỉ tiêu đạt".
  EXPECT_EQ(c["exceeded"], 6u);
  EXPECT_EQ(c["met"], 7u);
  EXPECT_EQ(c["not_met"], 2u);
  const auto& verdicts = column(t, "Đánh giá");
  for (std::size_t i = 0; i < t.size(); ++i)
    EXPECT_EQ(e.scheme.statuses()[e.status[i]].label, verdicts[i])
        << "row " << t.indicators[i].code;
  // The document's headers were recognised.
  EXPECT_EQ(t.indicators[2].code, "3");
  EXPECT_EQ(t.target_header, "Mục tiêu");
  EXPECT_EQ(t.actual_header, "Kết quả thực hiện");
  EXPECT_DOUBLE_EQ(e.ratio[2], 99.21 / 80);
}

namespace {
std::string error_of(const std::string& csv_text) {
  try {
    IndicatorTable t = make_indicator_table(csv::parse(csv_text, "bad.csv"));
    (void)evaluate(t, Scheme::exceed());
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST(EvaluateBadInput, ErrorsNameFileLineAndColumn) {
  std::string w = error_of("code,name,target,actual\n1,a,80%,90%\n2,b,gần 80%,90%\n");
  EXPECT_NE(w.find("bad.csv:3:3 (column 'target'): unknown comparator word 'gần'"),
            std::string::npos)
      << w;
  w = error_of("code,name,target,actual\n1,a,12.5%,90%\n");
  EXPECT_NE(w.find("bad.csv:2:3 (column 'target')"), std::string::npos) << w;
  EXPECT_NE(w.find("groups of exactly three digits"), std::string::npos) << w;
  w = error_of("code,name,target,actual\n1,a,80%,abc%\n");
  EXPECT_NE(w.find("bad.csv:2:4 (column 'actual'): 'abc' before '%' is not a number"),
            std::string::npos)
      << w;
  w = error_of("code,name,target,actual\n1,a,,90%\n");
  EXPECT_NE(w.find("bad.csv:2:3 (column 'target'): empty target"), std::string::npos) << w;
  w = error_of("code,name,target,actual\n1,a,tỉnh: 90%; huyện: 80%,tỉnh: 90%; quận: 80%\n");
  EXPECT_NE(w.find("bad.csv:2 (column 'actual'): the result's label 'quận'"), std::string::npos)
      << w;
  w = error_of("code,name,actual\n1,a,90%\n");
  EXPECT_NE(w.find("missing required column 'target' (accepted headers: target, mục tiêu"),
            std::string::npos)
      << w;
  w = error_of("code,name,target,actual\n1,a,\"80%,90%\n");
  EXPECT_NE(w.find("bad.csv:2:3: unterminated quote"), std::string::npos) << w;
  w = error_of("code,name,target,actual\n1,a,80%,9\xFF%\n");
  EXPECT_NE(w.find("bad.csv:2:4: invalid UTF-8"), std::string::npos) << w;
}

TEST(EvaluateBadInput, MissingResultIsNoData) {
  IndicatorTable t =
      make_indicator_table(csv::parse("code,name,target,actual\n1,a,80%,\n2,b,80%,85%\n", "x"));
  EvaluationTable e = evaluate(t, Scheme::exceed());
  EXPECT_EQ(e.scheme.statuses()[e.status[0]].id, "no_data");
  EXPECT_EQ(e.scheme.statuses()[e.status[1]].id, "exceeded");
}

TEST(Evaluate, DirectionColumnAndNumericColumns) {
  IndicatorTable t = make_indicator_table(csv::parse(
      "code,name,target,actual,direction\n1,thời gian xử lý,5 ngày,4 ngày,lower\n", "x"));
  EXPECT_EQ(t.indicators[0].direction, Direction::lower_is_better);
  EXPECT_EQ(t.targets[0].parts[0].condition, Condition::at_most);
  EvaluationTable e = evaluate(t, Scheme::exceed());
  EXPECT_EQ(e.status[0], 0);  // exceeded
  std::vector<double> target = {80, 50};
  std::vector<double> actual = {99.21, 25.94};
  EvaluationTable n = evaluate(target, actual, {}, Scheme::exceed());
  EXPECT_EQ(n.counts(), (std::vector<std::size_t>{1, 0, 1, 0}));
}

// A code on two rows is probably a pasted row twice: both are scored, and a warning names
// both lines.
TEST(EvaluateTable, DuplicateCodesAreAWarningNamingBothRows) {
  const IndicatorTable t = make_indicator_table(
      csv::parse("code,name,target,actual\n1,a,80%,100%\n2,b,90%,95%\n1,a,80%,100%\n", "dup.csv"));
  const EvaluationTable e = evaluate(t, Scheme::exceed());
  EXPECT_EQ(e.size(), 3u);
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_EQ(e.warnings[0].to_string(),
            "dup.csv:4 (column 'code'): warning [duplicate_code]: indicator code '1' repeats "
            "line 2: both rows are scored and counted");
  const IndicatorTable fine = make_indicator_table(
      csv::parse("code,name,target,actual\n1,a,80%,100%\n2,b,90%,95%\n", "ok.csv"));
  EXPECT_TRUE(evaluate(fine, Scheme::exceed()).warnings.empty());
}

// The repeats are found once, when the table is built; a table put together by hand (no
// code_warnings) is checked by evaluate itself, with the same warnings.
TEST(EvaluateTable, RepeatedCodesAreFoundWhenTheTableIsBuilt) {
  IndicatorTable t = make_indicator_table(
      csv::parse("code,name,target,actual\n1,a,80%,100%\n2,b,90%,95%\n1,a,80%,100%\n", "dup.csv"));
  ASSERT_TRUE(t.code_warnings.has_value());
  ASSERT_EQ(t.code_warnings->size(), 1u);
  EXPECT_EQ(t.code_warnings->front().to_string(), repeated_codes(t).front().to_string());
  const std::string named = evaluate(t, Scheme::exceed()).warnings.at(0).to_string();
  EXPECT_EQ(named, t.code_warnings->front().to_string());
  t.code_warnings.reset();  // as if assembled by hand
  const EvaluationTable e = evaluate(t, Scheme::exceed());
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_EQ(e.warnings[0].to_string(), named);
  t.indicators[2].code = "3";  // changed codes, no cached answer: no repeat any more
  EXPECT_TRUE(evaluate(t, Scheme::exceed()).warnings.empty());
}

TEST(EvaluateTable, ManyRepeatedCodesAreNamedTwentyTimesThenCounted) {
  std::string text = "code,name,target,actual\n";
  for (int i = 0; i < 26; ++i) text += "7,a,80%,100%\n";  // 25 repeats of line 2
  const EvaluationTable e =
      evaluate(make_indicator_table(csv::parse(text, "many.csv")), Scheme::exceed());
  EXPECT_EQ(e.size(), 26u);
  ASSERT_EQ(e.warnings.size(), 21u);
  EXPECT_EQ(e.warnings[19].to_string(),
            "many.csv:22 (column 'code'): warning [duplicate_code]: indicator code '7' repeats "
            "line 2: both rows are scored and counted");
  EXPECT_EQ(e.warnings[20].to_string(),
            "many.csv: warning [duplicate_code]: 5 more rows repeat an indicator code (the "
            "first 20 are named above)");
}
