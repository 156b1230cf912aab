// DTI results as the Ministry prints them: the first five rows of the published DTI 2022
// provincial table (dti.gov.vn/xep-hang-2022, "Xếp hạng chi tiết"; laid out as .xlsx and .docx
// by scripts/make_document_fixtures.py), provinces by name and main-indicator scores on 0..1,
// recomputed with the framework's weights and ranked.
#include "dxkit/dti/scores.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "dxkit/document/document.hpp"
#include "dxkit/dti/dti.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/ranks.hpp"

using namespace dxkit;

namespace {

const std::string kDocs = DXKIT_DOCUMENTS_DIR;

csv::Table published(const std::string& name) {
  const document::Document doc = document::read_document(kDocs + "/" + name);
  return document::to_csv(doc, doc.choose("1", document::TableKind::dti_scores));
}

std::vector<double> dti_of(const index::UnitData& points, const index::Framework& f) {
  const index::DataSet r = dti::results(points, f);
  std::vector<double> out;
  for (double v : r.col(*r.column("DTI"))) out.push_back(dti::published(v));
  return out;
}

}  // namespace

TEST(PublishedScores, Dti2022RowsRecomputedWithTheFrameworkWeights) {
  const index::Framework f = dti::preset_framework("dti_922");
  const index::UnitData points = dti::scores_table(published("dti_2022_published.xlsx"), f);
  // TP. Đà Nẵng, TP. Hồ Chí Minh, Quảng Ninh, Thừa Thiên - Huế, TP. Cần Thơ: GSO codes.
  EXPECT_EQ(points.data.units, (std::vector<std::string>{"48", "79", "22", "46", "92"}));
  EXPECT_EQ(points.data.names[3], "Thừa Thiên - Huế");
  EXPECT_DOUBLE_EQ(points.data.col(*points.data.column("CQS"))[0], 0.8575 * 200);
  // Printed: 0,8002 0,7163 0,7024 0,6975 0,6924. Hồ Chí Minh's 0,7163 was computed from
  // unrounded scores; from the printed 4-decimal ones it is 716,355 / 1000 = 0,7164.
  EXPECT_EQ(dti_of(points, f), (std::vector<double>{0.8002, 0.7164, 0.7024, 0.6975, 0.6924}));
  const index::DataSet r = dti::results(points, f);
  const auto ranks = index::rank(r.col(*r.column("DTI")), index::Ties::min);
  for (std::size_t u = 0; u < ranks.size(); ++u) EXPECT_EQ(*ranks[u], static_cast<double>(u + 1));
}

TEST(PublishedScores, CommaDecimalsInWordGiveTheSameScores) {
  const index::Framework f = dti::preset_framework("dti_922");
  const auto a = dti::scores_table(published("dti_2022_published.xlsx"), f);
  const auto b = dti::scores_table(published("dti_2022_published.docx"), f);
  EXPECT_EQ(a.data.units, b.data.units);
  // Bit for bit, NaN (an indicator the table does not print) where the other has NaN.
  ASSERT_EQ(a.data.values.size(), b.data.values.size());
  std::size_t missing = 0;
  for (std::size_t i = 0; i < a.data.values.size(); ++i) {
    const double x = a.data.values[i];
    const double y = b.data.values[i];
    if (std::isnan(x) || std::isnan(y)) {
      EXPECT_TRUE(std::isnan(x) && std::isnan(y)) << "value " << i;
      ++missing;
    } else {
      EXPECT_EQ(x, y) << "value " << i;
    }
  }
  EXPECT_LT(missing, static_cast<std::size_t>(a.data.values.size()));
}

TEST(PublishedScores, PointsModeRefusesScoresOnZeroToOne) {
  const index::Framework f = dti::preset_framework("dti_922");
  try {
    (void)dti::points_table(published("dti_2022_published.xlsx"), f);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(std::string(e.what()),
              kDocs +
                  "/dti_2022_published.xlsx, 'DTI 2022' row 5: every main-indicator value is "
                  "between 0 and 1: these are published scores (points / maximum), not points; "
                  "read them with --values scores (values=\"scores\" in Python)");
  }
}

TEST(PublishedScores, BadCellsAndUnknownProvincesAreLocated) {
  const index::Framework f = dti::preset_framework("dti_922");
  csv::Table t = published("dti_2022_published.xlsx");
  t.columns[4][1] = "1,2";  // Hạ tầng số of Hồ Chí Minh, sheet row 7, column E
  try {
    (void)dti::scores_table(t, f);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(std::string(e.what()),
              kDocs +
                  "/dti_2022_published.xlsx, 'DTI 2022'!E7 (column 'Chỉ số Hạ tầng số'): score "
                  "outside 0..1: '1,2'");
  }
  t = published("dti_2022_published.xlsx");
  t.columns[1][2] = "Quảng Nimh";
  try {
    (void)dti::scores_table(t, f);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(std::string(e.what()),
              kDocs +
                  "/dti_2022_published.xlsx, 'DTI 2022'!B8 (column 'Các tỉnh, thành phố trực "
                  "thuộc TW'): unknown province 'Quảng Nimh'; close matches: Quảng Ninh, Quảng "
                  "Bình, Quảng Nam");
  }
}

TEST(PublishedScores, IndicatorColumnsByCodeOrVietnameseName) {
  const index::Framework f = dti::preset_framework("dti_922");
  csv::Table t;
  t.source = "x.csv";
  t.header = {"uCode", "NT", "Chỉ số Thể chế số", "hạ tầng số"};
  t.columns.assign(4, {});
  const auto cols = dti::indicator_columns(t, f);
  ASSERT_GE(cols.size(), 3u);
  EXPECT_EQ(cols[0], 1u);
  EXPECT_EQ(cols[1], 2u);
  EXPECT_EQ(cols[2], 3u);
  EXPECT_FALSE(cols[3]);  // NL: no column
}
