// Multi-part targets written "đối với X đạt A%; đối với Y đạt B%" (issue 13 point 7): one part
// per subject, labelled with it, like "tỉnh: 90%; huyện: 80%".
#include <gtest/gtest.h>

#include "dxkit/error.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/targets/target.hpp"

using namespace dxkit;

namespace {
// The sentence of the issue (a plan outside the seeds), with its three subjects.
const char* kThreeLevels =
    "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng: đối với các sở, ngành đạt 100%; đối "
    "với UBND cấp huyện đạt 95%; đối với UBND cấp xã đạt 80%";
}  // namespace

TEST(SubjectParts, ThreeSubjectsAreThreeLabelledParts) {
  const Target t = parse_target(kThreeLevels);
  ASSERT_EQ(t.parts.size(), 3u);
  EXPECT_EQ(t.parts[0].label, "các sở, ngành");
  EXPECT_EQ(t.parts[1].label, "UBND cấp huyện");
  EXPECT_EQ(t.parts[2].label, "UBND cấp xã");
  EXPECT_EQ(t.parts[0].low, 100);
  EXPECT_EQ(t.parts[1].low, 95);
  EXPECT_EQ(t.parts[2].low, 80);
  for (const TargetPart& p : t.parts) {
    EXPECT_TRUE(p.percent);
    EXPECT_EQ(p.condition, Condition::at_least);
  }
  EXPECT_EQ(t.describe(), "các sở, ngành: ≥ 100%; UBND cấp huyện: ≥ 95%; UBND cấp xã: ≥ 80%");
}

TEST(SubjectParts, ComparatorsAndResultsByLabelOrPosition) {
  const Target t = parse_target("đối với cấp tỉnh tối thiểu 90%; đối với cấp huyện trên 80%.");
  ASSERT_EQ(t.parts.size(), 2u);
  EXPECT_EQ(t.parts[0].label, "cấp tỉnh");
  EXPECT_EQ(t.parts[0].condition, Condition::at_least);
  EXPECT_EQ(t.parts[1].label, "cấp huyện");
  EXPECT_EQ(t.parts[1].condition, Condition::more_than);
  const Evaluation by_label = evaluate(t, parse_result("cấp huyện: 81%; cấp tỉnh: 90%"));
  EXPECT_TRUE(by_label.met);
  EXPECT_FALSE(by_label.exceeded);
  const Evaluation by_position =
      evaluate(parse_target(kThreeLevels), parse_result("100%; 95%; 79%"));
  EXPECT_FALSE(by_position.met);
  EXPECT_EQ(by_position.ratio, 79.0 / 80);
}

TEST(SubjectParts, OtherSentencesReadAsBefore) {
  // One clause with "đối với" is a sentence with one percentage (Hải Dương 2023, Phụ lục 2
  // row 3, as written).
  const Target one = parse_target(
      "Mức độ hài lòng của tổ chức, cá nhân đối với chất lượng cung dịch vụ công đạt tối thiểu "
      "80%");
  ASSERT_EQ(one.parts.size(), 1u);
  EXPECT_EQ(one.parts[0].low, 80);
  EXPECT_EQ(one.parts[0].condition, Condition::at_least);
  EXPECT_EQ(parse_target("tỉnh: 90%; huyện: 80%; xã: 60%").parts[2].label, "xã");
  // Three percentages without a subject in each clause stay ambiguous.
  try {
    (void)parse_target("đối với các sở đạt 100%; cấp huyện 95% và cấp xã 80%");
    ADD_FAILURE() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.message(),
              "ambiguous target: the text has 3 percentages (100%, 95%, 80%); write one target, "
              "or a compound 'label: X; label: Y'");
  }
}
