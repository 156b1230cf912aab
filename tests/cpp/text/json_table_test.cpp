// dxkit's own JSON output read back as a table (issue 13, point 6: round trips).
#include <gtest/gtest.h>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/indicator.hpp"
#include "dxkit/text/csv.hpp"

using namespace dxkit;

namespace {

// The shape `dxkit evaluate --format json` writes (abridged: two rows of Thái Bình 2023).
const char* kEvaluation = R"({
  "schema": "dxkit/1",
  "command": "evaluate",
  "output": null,
  "source": "examples/thai_binh_2023_results.csv",
  "counts": {"exceeded": 1, "met": 0, "not_met": 0, "no_data": 1},
  "rows": [
    {
      "line": 2,
      "code": "1",
      "name": "  Dịch vụ công trực tuyến toàn trình ",
      "target": "≥ 80%",
      "actual": "100%",
      "ratio": 1.25,
      "met": true,
      "status": "exceeded",
      "target_text": "80%",
      "actual_text": "100%"
    },
    {"line": 12, "code": "11", "name": "Kinh tế số", "target": "≥ 20% GRDP",
     "actual": "≈ 5% GRDP", "ratio": 0.25, "met": false, "status": "not_met",
     "target_text": "20% GRDP", "actual_text": "Dự kiến 5% GRDP", "note": null}
  ],
  "notes": []
})";

}  // namespace

TEST(JsonTable, RowsBecomeTheTableWithTheirLines) {
  csv::Table t = csv::parse(kEvaluation, "out.json");
  EXPECT_EQ(t.source, "out.json");
  const std::vector<std::string> header{"line",        "code",        "name", "target",
                                        "actual",      "ratio",       "met",  "status",
                                        "target_text", "actual_text", "note"};
  EXPECT_EQ(t.header, header);
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.lines, (std::vector<std::size_t>{8, 20}));             // the line of each row's '{'
  EXPECT_EQ(t.header_line, 7u);                                      // the line of "rows"
  EXPECT_EQ(t.columns[2][0], "Dịch vụ công trực tuyến toàn trình");  // trimmed, as CSV cells
  EXPECT_EQ(t.columns[5][0], "1,25");  // numbers in the reader's style (Vietnamese here)
  EXPECT_EQ(t.columns[5][1], "0,25");
  EXPECT_EQ(t.columns[0][1], "12");
  EXPECT_EQ(t.columns[6][0], "true");
  EXPECT_EQ(t.columns[6][1], "false");
  EXPECT_EQ(t.columns[10][0], "");  // a key a row lacks
  EXPECT_EQ(t.columns[10][1], "");  // null
  csv::Options plain;
  plain.json_numbers = NumberFormat::plain;
  EXPECT_EQ(csv::parse(kEvaluation, "out.json", plain).columns[5][0], "1.25");
}

TEST(JsonTable, AnEvaluationReadsBackFromItsOwnOutput) {
  // The cells as written (target_text, actual_text) are read again: the same verdicts as the
  // first run, and the canonical "≈ 5% GRDP" kept as an extra column.
  const IndicatorTable table = make_indicator_table(csv::parse(kEvaluation, "out.json"));
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table.targets[0].text, "80%");
  EXPECT_EQ(table.results[1].text, "Dự kiến 5% GRDP");
  EXPECT_TRUE(table.results[1].parts.front().estimate);
  EXPECT_EQ(table.actual_header, "actual_text");
  EXPECT_EQ(table.where(1, "actual").line, 20u);
  const EvaluationTable ev = evaluate(table, Scheme::exceed());
  EXPECT_TRUE(ev.exceeded[0]);
  EXPECT_FALSE(ev.met[1]);
  EXPECT_DOUBLE_EQ(ev.ratio[1], 0.25);
  ASSERT_EQ(table.extra_names.size(), 7u);
  EXPECT_EQ(table.extra_names[2], "actual");  // the canonical columns, kept aside
  EXPECT_EQ(table.extra_values[2][1], "≈ 5% GRDP");
}

TEST(JsonTable, OtherJsonIsRefusedWithItsPlace) {
  EXPECT_THROW_MSG(
      (void)csv::parse("{\"rows\": [1, 2,]}", "a.json"), ParseError,
      "a.json:1:16: not valid JSON (syntax error while parsing value - unexpected ']'; "
      "expected '[', '{', or a literal)");
  EXPECT_THROW_MSG((void)csv::parse("{\"rows\": []}", "a.json"), ParseError,
                   "a.json:1: a JSON file that is not dxkit's output (no \"schema\": "
                   "\"dxkit/1\"); dxkit reads back the JSON of `dxkit ... --format json` "
                   "(\"schema\": \"dxkit/1\", its rows in \"rows\"), or CSV");
  EXPECT_THROW_MSG((void)csv::parse("{\"schema\": \"dxkit/1\", \"rows\": {}}", "a.json"),
                   ParseError,
                   "a.json:1: a JSON file that is not dxkit's output (no \"rows\" array); dxkit "
                   "reads back the JSON of `dxkit ... --format json` (\"schema\": \"dxkit/1\", "
                   "its rows in \"rows\"), or CSV");
  EXPECT_THROW_MSG((void)csv::parse("{\"schema\": \"dxkit/1\",\n \"rows\": []}", "a.json"),
                   ParseError,
                   "a.json:2: the JSON's \"rows\" are empty: there is no table to read");
  EXPECT_THROW_MSG(
      (void)csv::parse("{\"schema\": \"dxkit/1\", \"rows\": [\n{\"a\": 1},\n{\"a\": [1]}]}",
                       "a.json"),
      ParseError, "a.json:3:1 (column 'a'): a list or an object where a cell is expected");
  EXPECT_THROW_MSG(
      (void)csv::parse("{\"schema\": \"dxkit/1\", \"rows\": [{\"Rank\": 1, \"rank\": 2}]}",
                       "a.json"),
      ParseError, "a.json:1: duplicate key (the same name but for case or spacing): 'rank'");
  EXPECT_THROW_MSG((void)csv::parse("{\"schema\": \"dxkit/1\", \"rows\": [3]}", "a.json"),
                   ParseError, "a.json:1: row 1 of \"rows\" is not an object");
  // A number beyond a double (found by fuzz_assignments): refused at its place, not an escape
  // of the JSON library's own exception.
  EXPECT_THROW_MSG(
      (void)csv::parse("{\"schema\": \"dxkit/1\", \"rows\": [\n  {\"No\": 7e77777}]}", "a.json"),
      ParseError, "a.json:2:10: not valid JSON (a number too large for a double): '7e77777'");
}
