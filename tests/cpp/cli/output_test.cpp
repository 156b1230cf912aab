// The command line's one writer: the same report as a text table, CSV and JSON, and notes as
// dxkit::Diagnostic.
#include "cli/output.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "dxkit/error.hpp"

using namespace dxkit;
using namespace dxkit::cli;

namespace {

Report sample() {
  Report r;
  r.command = "index";
  r.output = "ranks";
  r.source = "data.csv";
  r.summary["scheme"] = "bands";
  Frame& f = r.main();
  f.header = {"uCode", "uName", "score", "code"};
  f.digits = 2;
  f.not_in_table = {"uName", "code"};
  f.rows.push_back({"HN", "Hà Nội", 0.825, 1});
  f.rows.push_back({"HP", "Hải Phòng", nullptr, 2});
  r.note("time 2023");
  Diagnostic d;
  d.where.file = "data.csv";
  d.where.line = 3;
  d.where.column_name = "score";
  d.severity = Severity::warning;
  d.code = "missing";
  d.message = "no score for HP";
  r.notes.push_back(d);
  return r;
}

std::string written(const Report& r, std::string_view format) {
  std::ostringstream out;
  write(out, r, format);
  return out.str();
}

}  // namespace

TEST(CliWriter, OneFrameAsTable) {
  EXPECT_EQ(written(sample(), "table"),
            "uCode  score\n"
            "------------\n"
            "HN      0.82\n"
            "HP        NA\n"
            "note: time 2023\n"
            "data.csv:3 (column 'score'): warning [missing]: no score for HP\n");
}

TEST(CliWriter, OneFrameAsCsv) {
  // The JSON rows' keys; numbers as JSON writes them (the shortest text that reads back the
  // same double), null as an empty cell.
  EXPECT_EQ(written(sample(), "csv"),
            "uCode,uName,score,code\n"
            "HN,Hà Nội,0.825,1\n"
            "HP,Hải Phòng,,2\n");
}

TEST(CliWriter, CsvQuotesWhatNeedsIt) {
  // RFC 4180: a cell with a comma (the Vietnamese decimal mark), a quote or a line break is
  // quoted, its quotes doubled; numbers as JSON writes them, booleans as true / false.
  Report r;
  r.command = "evaluate";
  Frame& f = r.main();
  f.header = {"mã, số", "kết quả", "ratio", "met"};
  f.rows.push_back({"CT-1", "99,21%", 0.9921, true});
  f.rows.push_back({"say \"đạt\"", "hai\ndòng", nullptr, false});
  EXPECT_EQ(written(r, "csv"),
            "\"mã, số\",kết quả,ratio,met\n"
            "CT-1,\"99,21%\",0.9921,true\n"
            "\"say \"\"đạt\"\"\",\"hai\ndòng\",,false\n");
}

TEST(CliWriter, OneFrameAsJson) {
  EXPECT_EQ(written(sample(), "json"), R"({
  "schema": "dxkit/1",
  "command": "index",
  "output": "ranks",
  "source": "data.csv",
  "scheme": "bands",
  "rows": [
    {
      "uCode": "HN",
      "uName": "Hà Nội",
      "score": 0.825,
      "code": 1
    },
    {
      "uCode": "HP",
      "uName": "Hải Phòng",
      "score": null,
      "code": 2
    }
  ],
  "notes": [
    {
      "severity": "note",
      "code": null,
      "where": {
        "file": null,
        "line": null,
        "column": null,
        "column_name": null,
        "sheet": null,
        "table": null,
        "cell": null
      },
      "message": "time 2023"
    },
    {
      "severity": "warning",
      "code": "missing",
      "where": {
        "file": "data.csv",
        "line": 3,
        "column": null,
        "column_name": "score",
        "sheet": null,
        "table": null,
        "cell": null
      },
      "message": "no score for HP"
    }
  ]
}
)");
}

TEST(CliWriter, JsonIsWrittenRowByRowAsTheWholeDocumentWouldBe) {
  // The rows are written one object at a time (the whole document as one Json cost 3.9 GB at
  // 1M rows): the text is still that of the document dumped whole, with nested values in the
  // summary and in cells, an empty frame, a name given to two frames (the last one's rows, at
  // the first one's place) and a frame named "notes" (replaced by the notes).
  Report r = sample();
  r.summary["counts"] = Json{{"dat", 2}, {"chua_dat", Json::array({1, 2})}};
  r.summary["empty"] = Json::object();
  r.main().rows.push_back({"ĐT", Json{{"a", Json::array()}}, Json::array({1.5, nullptr}), 3});
  Frame& none = r.frames.emplace_back();
  none.name = "nothing";
  none.header = {"x"};
  for (const char* name : {"twice", "twice", "notes"}) {
    Frame& f = r.frames.emplace_back();
    f.name = name;
    f.header = {"k", "v"};
    f.rows.push_back({name, static_cast<int>(r.frames.size())});
  }
  Json whole;
  whole["schema"] = "dxkit/1";
  whole["command"] = r.command;
  whole["output"] = r.output;
  whole["source"] = r.source;
  for (const auto& [key, value] : r.summary.items()) whole[key] = value;
  for (const Frame& f : r.frames) {
    Json rows = Json::array();
    for (const auto& row : f.rows) {
      Json o = Json::object();
      for (std::size_t c = 0; c < f.header.size(); ++c) o[f.header[c]] = row[c];
      rows.push_back(std::move(o));
    }
    whole[f.name] = std::move(rows);
  }
  whole["notes"] = Json::parse(written(sample(), "json"))["notes"];
  const std::string text = written(r, "json");
  EXPECT_EQ(text, whole.dump(2) + "\n");
  EXPECT_EQ(Json::parse(text)["twice"].at(0)["v"], 4);  // the second "twice"
  EXPECT_EQ(Json::parse(text)["nothing"], Json::array());
}

TEST(CliWriter, NoOutputKindOrSourceIsNull) {
  Report r;
  r.command = "units";
  r.main().header = {"code"};
  EXPECT_EQ(written(r, "json"), R"({
  "schema": "dxkit/1",
  "command": "units",
  "output": null,
  "source": null,
  "rows": [],
  "notes": []
}
)");
}

TEST(CliWriter, SecondFramesHeadingTrailerAndVerbatim) {
  Report r;
  r.heading = {"a heading", ""};
  Frame& f = r.main();
  f.header = {"key", "share"};
  f.shown["share"] = [](const Json& v) { return std::to_string(v.get<int>()) + "%"; };
  f.right_aligned = {"key"};  // text aligned as numbers are
  f.rows.push_back({"x", 5});
  Frame extra;
  extra.name = "findings";
  extra.header = {"kind"};
  r.frames.push_back(extra);
  r.trailer = {"", "0 finding(s)"};
  EXPECT_EQ(written(r, "table"),
            "a heading\n\nkey  share\n----------\n  x     5%\n\nkind\n----\n\n0 finding(s)\n");
  // CSV leaves out a later frame with no rows; JSON has it as [].
  EXPECT_EQ(written(r, "csv"), "key,share\nx,5\n");
  EXPECT_NE(written(r, "json").find("\"findings\": []"), std::string::npos);
  r.frames[1].rows.push_back({"subtotal"});
  EXPECT_EQ(written(r, "csv"), "key,share\nx,5\n\nkind\nsubtotal\n");
  r.verbatim = "Level,iCode\n";
  EXPECT_EQ(written(r, "json"), "Level,iCode\n");
}

TEST(CliWriter, FormatsAndOutputKindsComeFromTables) {
  EXPECT_EQ(formats.joined(), "table, json, csv");
  try {
    (void)written(sample(), "xml");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "unknown format 'xml'; accepted: table, json, csv");
  }
  const std::array<OutputKind<int>, 2> kinds{{
      {"one", "the first", [](const int&) { return Report{}; }},
      {"two", "the second", [](const int&) { return Report{}; }},
  }};
  EXPECT_EQ(kind_names(kinds), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(kind_help(kinds), "one: the first; two: the second");
  EXPECT_EQ(find_kind(kinds, "two").meaning, "the second");
  try {
    (void)find_kind(kinds, "three");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "unknown output 'three'; accepted: one, two");
  }
}
