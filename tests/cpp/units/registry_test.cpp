// The shipped registry against Resolution 202/2025/QH15 as written, name lookup, and users'
// mapping tables.
#include "dxkit/units/registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "../expect_throw_msg.hpp"

using namespace dxkit;
using dxkit_test::error_of;
using namespace dxkit::units;

namespace {

const Date kBefore(2025, 6, 30), kAfter(2025, 7, 1);

// Article 1 of Resolution 202/2025/QH15, transcribed clause by clause from the text (an
// independent copy of the shipped table): "Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số
// của tỉnh A và tỉnh B thành tỉnh mới có tên gọi là tỉnh A".
struct Clause {
  const char* prose;
  std::string becomes;
  std::set<std::string> from;
};
const std::vector<Clause> kArticle1 = {
    {"1. Tuyên Quang and Hà Giang form Tuyên Quang", "Tuyên Quang", {"Tuyên Quang", "Hà Giang"}},
    {"2. Lào Cai and Yên Bái form Lào Cai", "Lào Cai", {"Lào Cai", "Yên Bái"}},
    {"3. Bắc Kạn and Thái Nguyên form Thái Nguyên", "Thái Nguyên", {"Bắc Kạn", "Thái Nguyên"}},
    {"4. Vĩnh Phúc, Hòa Bình and Phú Thọ form Phú Thọ",
     "Phú Thọ",
     {"Vĩnh Phúc", "Hòa Bình", "Phú Thọ"}},
    {"5. Bắc Ninh and Bắc Giang form Bắc Ninh", "Bắc Ninh", {"Bắc Ninh", "Bắc Giang"}},
    {"6. Hưng Yên and Thái Bình form Hưng Yên", "Hưng Yên", {"Hưng Yên", "Thái Bình"}},
    {"7. Hải Dương and Hải Phòng form the city of Hải Phòng",
     "Hải Phòng",
     {"Hải Dương", "Hải Phòng"}},
    {"8. Hà Nam, Ninh Bình and Nam Định form Ninh Bình",
     "Ninh Bình",
     {"Hà Nam", "Ninh Bình", "Nam Định"}},
    {"9. Quảng Bình and Quảng Trị form Quảng Trị", "Quảng Trị", {"Quảng Bình", "Quảng Trị"}},
    {"10. Quảng Nam and Đà Nẵng form the city of Đà Nẵng", "Đà Nẵng", {"Quảng Nam", "Đà Nẵng"}},
    {"11. Kon Tum and Quảng Ngãi form Quảng Ngãi", "Quảng Ngãi", {"Kon Tum", "Quảng Ngãi"}},
    {"12. Gia Lai and Bình Định form Gia Lai", "Gia Lai", {"Gia Lai", "Bình Định"}},
    {"13. Ninh Thuận and Khánh Hòa form Khánh Hòa", "Khánh Hòa", {"Ninh Thuận", "Khánh Hòa"}},
    {"14. Lâm Đồng, Đắk Nông and Bình Thuận form Lâm Đồng",
     "Lâm Đồng",
     {"Lâm Đồng", "Đắk Nông", "Bình Thuận"}},
    {"15. Đắk Lắk and Phú Yên form Đắk Lắk", "Đắk Lắk", {"Đắk Lắk", "Phú Yên"}},
    {"16. Bà Rịa - Vũng Tàu, Bình Dương and Hồ Chí Minh City form Hồ Chí Minh City",
     "Hồ Chí Minh",
     {"Bà Rịa - Vũng Tàu", "Bình Dương", "Hồ Chí Minh"}},
    {"17. Đồng Nai and Bình Phước form Đồng Nai", "Đồng Nai", {"Đồng Nai", "Bình Phước"}},
    {"18. Tây Ninh and Long An form Tây Ninh", "Tây Ninh", {"Tây Ninh", "Long An"}},
    {"19. Cần Thơ, Sóc Trăng and Hậu Giang form the city of Cần Thơ",
     "Cần Thơ",
     {"Cần Thơ", "Sóc Trăng", "Hậu Giang"}},
    {"20. Bến Tre, Vĩnh Long and Trà Vinh form Vĩnh Long",
     "Vĩnh Long",
     {"Bến Tre", "Vĩnh Long", "Trà Vinh"}},
    {"21. Tiền Giang and Đồng Tháp form Đồng Tháp", "Đồng Tháp", {"Tiền Giang", "Đồng Tháp"}},
    {"22. Bạc Liêu and Cà Mau form Cà Mau", "Cà Mau", {"Bạc Liêu", "Cà Mau"}},
    {"23. Kiên Giang and An Giang form An Giang", "An Giang", {"Kiên Giang", "An Giang"}},
};
// Article 2: the 11 units not arranged.
const std::set<std::string> kNotArranged = {"Hà Nội",  "Huế",      "Lai Châu",   "Điện Biên",
                                            "Sơn La",  "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
                                            "Nghệ An", "Hà Tĩnh",  "Cao Bằng"};

std::set<std::string> predecessor_names(const Registry& r, std::size_t unit) {
  std::set<std::string> out;
  for (const Succession& s : r.predecessors(unit)) out.insert(r.unit(s.old_unit).name);
  return out;
}

}  // namespace

TEST(Provinces, SixtyThreeBeforeAndThirtyFourAfter) {
  const Registry& r = provinces();
  EXPECT_EQ(r.valid_at(kBefore).size(), 63U);
  EXPECT_EQ(r.valid_at(kAfter).size(), 34U);
  std::size_t cities = 0;
  for (std::size_t u : r.valid_at(kAfter)) cities += r.unit(u).kind == "thành phố" ? 1 : 0;
  EXPECT_EQ(cities, 6U);  // 28 provinces and 6 centrally governed cities
  std::set<std::string> codes;
  for (std::size_t u : r.valid_at(kBefore)) codes.insert(r.unit(u).code);
  EXPECT_EQ(codes.size(), 63U);
  EXPECT_EQ(r.successions().size(), 52U);
}

TEST(Provinces, EveryMergerAsTheResolutionWritesIt) {
  const Registry& r = provinces();
  std::set<std::string> seen;
  for (const Clause& c : kArticle1) {
    const std::size_t unit = r.resolve(c.becomes, kAfter);
    EXPECT_EQ(predecessor_names(r, unit), c.from) << c.prose;
    EXPECT_EQ(r.unit(unit).from, kAfter) << c.prose;
    for (const std::string& old : c.from) {
      const std::size_t o = r.resolve(old, kBefore);
      EXPECT_EQ(r.unit(o).until, kBefore) << c.prose;
      const auto d = r.destinations(o, kAfter);
      ASSERT_EQ(d.size(), 1U) << c.prose;
      EXPECT_EQ(d[0].unit, unit) << c.prose;
      EXPECT_EQ(d[0].share, 1.0);
    }
    seen.insert(c.becomes);
  }
  for (const std::string& name : kNotArranged) {
    const std::size_t u = r.resolve(name, kAfter);
    EXPECT_EQ(r.resolve(name, kBefore), u) << name;  // the same unit on both days
    EXPECT_TRUE(r.predecessors(u).empty()) << name;
    seen.insert(name);
  }
  std::set<std::string> after;
  for (std::size_t u : r.valid_at(kAfter)) after.insert(r.unit(u).name);
  EXPECT_EQ(after, seen);
}

TEST(Provinces, CodesOfBothLists) {
  const Registry& r = provinces();
  EXPECT_EQ(r.unit(r.resolve("Thái Bình", kBefore)).code, "34");
  EXPECT_EQ(r.unit(r.resolve("Hải Dương", kBefore)).code, "30");
  EXPECT_EQ(r.unit(r.resolve("Đồng Tháp", kBefore)).code, "87");
  EXPECT_EQ(r.unit(r.resolve("Đồng Tháp", kAfter)).code, "82");  // Tiền Giang's, the seat
  EXPECT_EQ(r.unit(r.resolve("Lào Cai", kAfter)).code, "15");    // Yên Bái's, the seat
  EXPECT_EQ(r.unit(r.resolve("Hưng Yên", kAfter)).code, "33");
  EXPECT_EQ(r.unit(r.resolve("15", kBefore)).name, "Yên Bái");
  EXPECT_EQ(r.unit(r.resolve("15", kAfter)).name, "Lào Cai");
}

// The province list of Decision 19/2025/QĐ-TTg (codes of administrative units, in force
// 2025-07-01), transcribed from the decision's list independently of the shipped table.
TEST(Provinces, TheThirtyFourCodesOfDecision19) {
  const std::map<std::string, std::string> decision19 = {
      {"01", "Hà Nội"},    {"04", "Cao Bằng"},   {"08", "Tuyên Quang"}, {"11", "Điện Biên"},
      {"12", "Lai Châu"},  {"14", "Sơn La"},     {"15", "Lào Cai"},     {"19", "Thái Nguyên"},
      {"20", "Lạng Sơn"},  {"22", "Quảng Ninh"}, {"24", "Bắc Ninh"},    {"25", "Phú Thọ"},
      {"31", "Hải Phòng"}, {"33", "Hưng Yên"},   {"37", "Ninh Bình"},   {"38", "Thanh Hóa"},
      {"40", "Nghệ An"},   {"42", "Hà Tĩnh"},    {"44", "Quảng Trị"},   {"46", "Huế"},
      {"48", "Đà Nẵng"},   {"51", "Quảng Ngãi"}, {"52", "Gia Lai"},     {"56", "Khánh Hòa"},
      {"66", "Đắk Lắk"},   {"68", "Lâm Đồng"},   {"75", "Đồng Nai"},    {"79", "Hồ Chí Minh"},
      {"80", "Tây Ninh"},  {"82", "Đồng Tháp"},  {"86", "Vĩnh Long"},   {"91", "An Giang"},
      {"92", "Cần Thơ"},   {"96", "Cà Mau"}};
  const Registry& r = provinces();
  std::map<std::string, std::string> shipped;
  for (std::size_t u : r.valid_at(kAfter)) shipped[r.unit(u).code] = r.unit(u).name;
  EXPECT_EQ(shipped, decision19);
}

TEST(Provinces, TheSeedsProvincesMoved) {
  const Registry& r = provinces();
  const auto became = [&](const char* name) {
    const auto d = r.destinations(r.resolve(name, Date(2023, 1, 1)), Date(2026, 1, 1));
    return d.size() == 1 ? r.unit(d[0].unit).label() : std::string("?");
  };
  EXPECT_EQ(became("Thái Bình"), "Hưng Yên (33, from 2025-07-01)");
  EXPECT_EQ(became("Hải Dương"), "Hải Phòng (31, from 2025-07-01)");
  EXPECT_EQ(became("Đồng Tháp"), "Đồng Tháp (82, from 2025-07-01)");
  EXPECT_EQ(became("Tiền Giang"), "Đồng Tháp (82, from 2025-07-01)");
  EXPECT_EQ(became("Hà Nội"), "Hà Nội (01)");
}

TEST(Provinces, NamesFoldCaseDiacriticsAndPrefixes) {
  const Registry& r = provinces();
  const std::size_t tb = r.resolve("Thái Bình", kBefore);
  for (const char* spelling : {"tỉnh Thái Bình", "THÁI BÌNH", "Thai Binh", "Tinh Thai Binh", "34"})
    EXPECT_EQ(r.resolve(spelling, kBefore), tb) << spelling;
  const std::size_t hcm = r.resolve("Hồ Chí Minh", kAfter);
  for (const char* spelling : {"TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP.HCM", "tphcm"})
    EXPECT_EQ(r.resolve(spelling, kAfter), hcm) << spelling;
  EXPECT_EQ(r.resolve("Thừa Thiên Huế", kAfter), r.resolve("Huế", kBefore));
  EXPECT_EQ(r.resolve("Bà Rịa Vũng Tàu", kBefore), r.resolve("Bà Rịa-Vũng Tàu", kBefore));
  EXPECT_EQ(name_key("Tỉnh Đắk Lắk"), "dak lak");
  EXPECT_EQ(edit_distance("thai binh", "thai bnh"), 1U);
}

TEST(Provinces, UnknownAmbiguousAndExpiredNamesAreLocatedErrors) {
  const Registry& r = provinces();
  const Location at{"plan.csv", 7, 2, "Tỉnh"};
  EXPECT_EQ(error_of([&] { (void)r.resolve("Thai Bnh", kBefore, at); }),
            "plan.csv:7:2 (column 'Tỉnh'): unknown province 'Thai Bnh'; close matches: "
            "Thái Bình");
  EXPECT_EQ(error_of([&] { (void)r.resolve("Hưng Yên", std::nullopt, at); }),
            "plan.csv:7:2 (column 'Tỉnh'): ambiguous province 'Hưng Yên': Hưng Yên (33, until "
            "2025-06-30); Hưng Yên (33, from 2025-07-01); give a date");
  EXPECT_EQ(error_of([&] { (void)r.resolve("Thái Bình", Date(2026, 1, 1), at); }),
            "plan.csv:7:2 (column 'Tỉnh'): province 'Thái Bình' does not exist on 2026-01-01: "
            "Thái Bình (34, until 2025-06-30), now part of Hưng Yên");
  EXPECT_EQ(error_of([&] { (void)r.resolve("Atlantis", kAfter, at); }),
            "plan.csv:7:2 (column 'Tỉnh'): unknown province 'Atlantis'; no close match");
}

TEST(Agencies, TheDepartmentsOf2025) {
  const Registry& a = agencies();
  const auto successor = [&](const char* name) {
    const auto d = a.destinations(a.resolve(name, Date(2024, 1, 1)), Date(2026, 1, 1));
    return d.size() == 1 ? a.unit(d[0].unit).name : std::string("?");
  };
  EXPECT_EQ(successor("Sở TTTT"), "Sở Khoa học và Công nghệ");
  EXPECT_EQ(successor("Sở TT&TT"), "Sở Khoa học và Công nghệ");
  EXPECT_EQ(successor("Sở KHĐT"), "Sở Tài chính");
  EXPECT_EQ(successor("Sở Kế hoạch và Đầu tư"), "Sở Tài chính");
  EXPECT_EQ(successor("Sở TN&MT"), "Sở Nông nghiệp và Môi trường");
  EXPECT_EQ(successor("Sở NN&PTNT"), "Sở Nông nghiệp và Môi trường");
  EXPECT_EQ(successor("Sở GTVT"), "Sở Xây dựng");
  EXPECT_EQ(successor("Sở LĐTBXH"), "Sở Nội vụ");
  EXPECT_EQ(successor("UBND cấp huyện"), "UBND cấp xã");
  EXPECT_EQ(successor("Sở Tài chính"), "Sở Tài chính");  // kept
  // Between the department mergers (1 March) and the end of the districts (1 July).
  const auto d = a.destinations(a.resolve("UBND huyện", Date(2024, 1, 1)), Date(2025, 4, 1));
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(a.unit(d[0].unit).name, "UBND cấp huyện");
  const auto tttt = a.successors(a.resolve("Sở TTTT", Date(2024, 1, 1)));
  ASSERT_EQ(tttt.size(), 1U);
  EXPECT_EQ(tttt[0].note, "press, publishing and broadcasting to Sở Văn hóa, Thể thao và Du lịch");
  EXPECT_EQ(tttt[0].from, Date(2025, 3, 1));
}

TEST(Mappings, UsersTablesWithShares) {
  Registry r = provinces();
  r.load(
      csv::parse("old,new,from,share\n"
                 "Xã Vũ Hội,Xã Vũ Thư,2025-07-01,\n"
                 "Xã Việt Hùng,Xã Vũ Thư,2025-07-01,0.4\n"
                 "Xã Việt Hùng,Xã Thư Trì,2025-07-01,0.6\n",
                 "communes.csv"));
  const std::size_t vh = r.resolve("Xã Việt Hùng", kBefore);
  const auto d = r.destinations(vh, kAfter);
  ASSERT_EQ(d.size(), 2U);
  EXPECT_EQ(r.unit(d[0].unit).name, "Xã Vũ Thư");
  EXPECT_DOUBLE_EQ(d[0].share, 0.4);
  EXPECT_EQ(r.unit(d[1].unit).name, "Xã Thư Trì");
  EXPECT_DOUBLE_EQ(d[1].share, 0.6);
  EXPECT_EQ(predecessor_names(r, r.resolve("Xã Vũ Thư", kAfter)),
            (std::set<std::string>{"Xã Vũ Hội", "Xã Việt Hùng"}));
}

TEST(Mappings, SharesInEitherDecimalStyle) {
  // A share lies in (0, 1]: "0,4" (Vietnamese) and "0.6" (plain) can only mean one thing.
  Registry r = provinces();
  r.load(
      csv::parse("old;new;from;share\n"
                 "Xã Việt Hùng;Xã Vũ Thư;2025-07-01;0,4\n"
                 "Xã Việt Hùng;Xã Thư Trì;2025-07-01;0.6\n",
                 "communes.csv"));
  const auto d = r.destinations(r.resolve("Xã Việt Hùng", kBefore), kAfter);
  ASSERT_EQ(d.size(), 2U);
  EXPECT_DOUBLE_EQ(d[0].share, 0.4);
  EXPECT_DOUBLE_EQ(d[1].share, 0.6);
  Registry s = provinces();
  EXPECT_EQ(error_of([&] {
              s.load(csv::parse("old,new,from,share\nXã A,Xã B,2025-07-01,40%\n", "m.csv"));
            }),
            "m.csv:2:4 (column 'share'): a share is a number between 0 and 1 (0,5 or 0.5): "
            "'40%'");
  Registry u = provinces();
  EXPECT_EQ(error_of([&] {
              u.load(csv::parse("old,new,from,share\nXã A,Xã B,2025-07-01,\"0,5,5\"\n", "m.csv"));
            }),
            "m.csv:2:4 (column 'share'): a share is a number between 0 and 1 (0,5 or 0.5): "
            "'0,5,5'");
}

TEST(Mappings, SharesThatDoNotSumToOneAndTyposAreLocated) {
  Registry r = provinces();
  EXPECT_EQ(error_of([&] {
              r.load(
                  csv::parse("old,new,from,share\n"
                             "Xã A,Xã B,2025-07-01,0.6\n"
                             "Xã A,Xã C,2025-07-01,0.3\n",
                             "communes.csv"));
            }),
            "communes.csv:2:4 (column 'share'): shares of 'Xã A' from 2025-07-01 sum to 0.9, "
            "not 1: 0.6 to Xã B + 0.3 to Xã C");
  Registry s = provinces();
  EXPECT_EQ(
      error_of([&] { s.load(csv::parse("old,new,from\nThai Bnh,Xã B,2025-07-01\n", "map.csv")); }),
      "map.csv:2:1 (column 'old'): unknown province 'Thai Bnh'; close matches: Thái Bình");
  Registry t = provinces();
  EXPECT_EQ(
      error_of([&] { t.load(csv::parse("old,new,from\nXã A,Xã B,2025-13-01\n", "map.csv")); }),
      "map.csv:2:3 (column 'from'): no such date: 01/13/2025: '2025-13-01'");
}
