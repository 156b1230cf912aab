// Names of the seeds' assignment tables and plans expressed in the units of a date: agencies
// through Decree 45/2025's mergers, provinces through Resolution 202/2025/QH15.
#include "dxkit/units/express.hpp"

#include <gtest/gtest.h>

using namespace dxkit;
using namespace dxkit::units;

namespace {

const Date k2026(2026, 1, 1);

Location at(std::size_t line) {
  Location where;
  where.file = "dong_thap_2023_assignments.csv";
  where.line = line;
  where.column_name = "Đơn vị chủ trì";
  return where;
}

TEST(Express, SoTTTTIsOwedBySoKhoaHocVaCongNgheIn2026) {
  Diagnostics notes;
  const Expressed e = express(agencies(), "Sở TTTT", k2026, Unknown::keep, at(4), notes);
  EXPECT_EQ(e.name, "Sở Khoa học và Công nghệ");
  EXPECT_EQ(e.original, "Sở TTTT");
  EXPECT_TRUE(e.moved);
  EXPECT_TRUE(e.known);
  EXPECT_TRUE(notes.empty());
  // Before 1 March 2025 the department still existed: kept as written.
  const Expressed before =
      express(agencies(), "Sở TTTT", Date(2024, 12, 31), Unknown::keep, at(4), notes);
  EXPECT_EQ(before.name, "Sở TTTT");
  EXPECT_FALSE(before.moved);
  EXPECT_EQ(express(agencies(), "Sở KHĐT", k2026, Unknown::keep, at(9), notes).name,
            "Sở Tài chính");
}

TEST(Express, AgenciesNotReorganisedStayAsWritten) {
  Diagnostics notes;
  const Expressed e = express(agencies(), "Sở Y tế", k2026, Unknown::keep, at(12), notes);
  EXPECT_EQ(e.name, "Sở Y tế");
  EXPECT_FALSE(e.moved);
  EXPECT_FALSE(e.known);
  EXPECT_TRUE(notes.empty());
  // Unchanged agencies the registry knows keep the spelling of the table.
  EXPECT_EQ(express(agencies(), "Sở Tài chính", k2026, Unknown::keep, at(5), notes).name,
            "Sở Tài chính");
}

TEST(Express, AListOfAgenciesIsExpressedPartByPart) {
  Diagnostics notes;
  const Expressed e =
      express_list(agencies(), "Sở TTTT; UBND cấp huyện; Công an Tỉnh", k2026, at(7), notes);
  EXPECT_EQ(e.name, "Sở Khoa học và Công nghệ; UBND cấp xã; Công an Tỉnh");
  EXPECT_EQ(e.original, "Sở TTTT; UBND cấp huyện; Công an Tỉnh");
  EXPECT_TRUE(e.moved);
  EXPECT_EQ(express_list(agencies(), "", k2026, at(7), notes).name, "");
}

TEST(Express, ATypoOfAReorganisedAgencyIsAWarningWithTheCloseMatches) {
  Diagnostics notes;
  const Expressed e = express(agencies(), "Sở KHĐTT", k2026, Unknown::keep, at(9), notes);
  EXPECT_EQ(e.name, "Sở KHĐTT");
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_EQ(notes[0].where.line, 9U);
  EXPECT_EQ(notes[0].code, "unknown_agency");
  EXPECT_EQ(notes[0].message.rfind("unknown agency 'Sở KHĐTT' kept as written; close matches: "
                                   "Sở Kế hoạch và Đầu tư",
                                   0),
            0U)
      << notes[0].message;
}

TEST(Express, ProvincesFollowResolution202) {
  Diagnostics notes;
  const Date july(2025, 7, 1);
  Location where;
  where.file = "dti_2024.csv";
  where.line = 35;
  const Expressed tb = express(provinces(), "Thái Bình", july, Unknown::error, where, notes);
  EXPECT_EQ(tb.name, "Hưng Yên");
  EXPECT_TRUE(tb.moved);
  EXPECT_EQ(provinces().unit(tb.unit).code, "33");
  const Expressed hd = express(provinces(), "tinh hai duong", july, Unknown::error, where, notes);
  EXPECT_EQ(hd.name, "Hải Phòng");
  EXPECT_EQ(express(provinces(), "Tiền Giang", july, Unknown::error, where, notes).name,
            "Đồng Tháp");
  // A name the new unit kept is the new unit at the date.
  const Expressed hy = express(provinces(), "Hưng Yên", july, Unknown::error, where, notes);
  EXPECT_EQ(hy.name, "Hưng Yên");
  EXPECT_FALSE(hy.moved);
  try {
    (void)express(provinces(), "Thái Bìn", july, Unknown::error, where, notes);
    FAIL() << "an unknown province must be an error";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.message(), "unknown province 'Thái Bìn'; close matches: Thái Bình");
    EXPECT_EQ(e.where().line, 35U);
  }
}

}  // namespace

TEST(Express, AnAssignmentTableInTheAgenciesOf2026) {
  // Rows of the Đồng Tháp 2023 appendix (the seed), lead and supporting agencies.
  auto list = read_assignments(
      csv::parse("STT,Tên nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời điểm đánh giá\n"
                 "1,Trung tâm IOC,Sở TTTT,Sở KHĐT; Sở Y tế,Tháng 09/2023\n"
                 "2,Hồ sơ sức khỏe,Sở Y tế,Sở TT&TT,Cuối năm 2023\n"
                 "3,Dữ liệu đất đai,Sở TNMT; UBND cấp huyện,Sở GDĐT,Cuối năm 2023\n",
                 "dong_thap.csv"));
  const AgenciesWritten w = express_assignments(agencies(), list, k2026, "dong_thap.csv");
  EXPECT_EQ(list[0].lead, std::vector<std::string>{"Sở Khoa học và Công nghệ"});
  EXPECT_EQ(list[0].support, (std::vector<std::string>{"Sở Tài chính", "Sở Y tế"}));
  EXPECT_EQ(list[1].support, std::vector<std::string>{"Sở Khoa học và Công nghệ"});
  EXPECT_EQ(list[2].lead,
            (std::vector<std::string>{"Sở Nông nghiệp và Môi trường", "UBND cấp xã"}));
  EXPECT_EQ(w.lead, (std::vector<std::string>{"Sở TTTT", "Sở Y tế", "Sở TNMT; UBND cấp huyện"}));
  EXPECT_EQ(w.original("Sở Khoa học và Công nghệ"), "Sở TT&TT; Sở TTTT");
  EXPECT_EQ(w.original("Sở Y tế"), "Sở Y tế");
  EXPECT_EQ(w.original("not written"), "not written");
  EXPECT_EQ(w.moved, 5U);  // Sở TTTT, Sở KHĐT, Sở TT&TT, Sở TNMT, UBND cấp huyện
  ASSERT_EQ(w.notes.size(), 1U);
  EXPECT_EQ(w.notes[0].where.to_string(), "dong_thap.csv:4 (column 'support')");
  EXPECT_NE(w.notes[0].message.find("unknown agency 'Sở GDĐT' kept as written"), std::string::npos);
}

TEST(Express, ABudgetRollsUpByTheSuccessorExactly) {
  // Lines of the Đồng Tháp 2023 recurrent budget (the seed), million đồng.
  budget::Budget b = budget::parse_budget(
      "ĐVT: Triệu đồng\nStt,Danh mục,Đơn vị thực hiện,Tổng cộng\n"
      "1,Trung tâm tích hợp dữ liệu,Sở TTTT,1.770\n"
      "2,Cổng thông tin,Sở TT&TT,50\n"
      "3,Hệ thống thông tin ngành y tế,Sở Y tế,5.000\n"
      "4,Dữ liệu nông nghiệp,Sở NNPTNT,9.869\n",
      "recurrent.csv");
  const AgenciesWritten w = express_budget(agencies(), b, k2026);
  EXPECT_EQ(w.moved, 3U);
  EXPECT_EQ(w.original("Sở Khoa học và Công nghệ"), "Sở TT&TT; Sở TTTT");
  const auto rows = b.rollup({budget::Dimension::agency});
  ASSERT_EQ(rows.size(), 3U);
  for (const auto& r : rows)
    if (r.keys[0] == "Sở Khoa học và Công nghệ")
      EXPECT_EQ(r.amount.dong, 1'820'000'000);  // 1 770 + 50 million
    else if (r.keys[0] == "Sở Nông nghiệp và Môi trường")
      EXPECT_EQ(r.amount.dong, 9'869'000'000);
    else
      EXPECT_EQ(r.keys[0], "Sở Y tế");
}
