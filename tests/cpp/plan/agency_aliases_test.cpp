// A user's agency aliases on top of dxkit's vocabulary (issue 13 point 7), on the Hải Dương
// 2023 appendices: "VP UBND tỉnh" (Phụ lục 2), "Văn phòng UBND tỉnh" and "Văn phòng UBND"
// (Phụ lục 1) are one office; dxkit's vocabulary knows the first two only.
#include "dxkit/plan/agency_aliases.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <numeric>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/due.hpp"

using namespace dxkit;

namespace {
const std::string kExamples = DXKIT_EXAMPLES_DIR;
std::filesystem::path write(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}
int tasks(const AgencyDue& g) { return std::accumulate(g.by_status.begin(), g.by_status.end(), 0); }
std::vector<AgencyDue> hai_duong(const AgencyAliases& aliases) {
  auto hd = read_assignments(kExamples + "/hai_duong_2023_targets.csv", "Cuối năm 2023");
  const auto projects = read_assignments(kExamples + "/hai_duong_2023_projects.csv");
  hd.insert(hd.end(), projects.begin(), projects.end());
  return due_by_agency(due(hd, Date(2023, 7, 1), 30), aliases);
}
const AgencyDue* group(const std::vector<AgencyDue>& groups, const std::string& name) {
  for (const AgencyDue& g : groups)
    if (g.agency == name) return &g;
  return nullptr;
}
}  // namespace

TEST(AgencyAliases, AUsersFileMakesTheOfficeOneAgency) {
  const auto without = hai_duong(AgencyAliases{});
  ASSERT_NE(group(without, "VP UBND tỉnh"), nullptr);
  EXPECT_EQ(tasks(*group(without, "VP UBND tỉnh")), 7);  // 6 + "Văn phòng UBND tỉnh"
  ASSERT_NE(group(without, "Văn phòng UBND"), nullptr);
  const auto path = write("dxkit_aliases.csv",
                          "spelling,agency\nVăn phòng UBND,Văn phòng UBND tỉnh\n"
                          "VP  UBND  TỈNH,Văn phòng UBND tỉnh\n");
  const AgencyAliases aliases = read_agency_aliases(path);
  EXPECT_EQ(aliases.agency_of("văn phòng ubnd"), "Văn phòng UBND tỉnh");
  EXPECT_EQ(aliases.agency_of("Sở TT&TT"), "Sở TTTT");  // dxkit's own aliases still apply
  const auto with = hai_duong(aliases);
  EXPECT_EQ(group(with, "Văn phòng UBND"), nullptr);
  ASSERT_NE(group(with, "VP UBND tỉnh"), nullptr);  // the first spelling seen is shown
  EXPECT_EQ(tasks(*group(with, "VP UBND tỉnh")), 8);
  EXPECT_EQ(with.size() + 1, without.size());
  std::filesystem::remove(path);
}

TEST(AgencyAliases, BadFilesAreLocatedErrors) {
  const auto empty = write("dxkit_aliases_empty.csv", "Cách viết,Cơ quan\nSở TT&TT,\n");
  EXPECT_THROW_MSG((void)read_agency_aliases(empty), ParseError,
                   empty.string() +
                       ":2:2 (column 'Cơ quan'): the alias 'Sở TT&TT' names no "
                       "agency");
  const auto twice = write("dxkit_aliases_twice.csv",
                           "spelling,agency\nSở TT&TT,Sở TTTT\nSở TT&TT,Sở Thông tin\n");
  EXPECT_THROW_MSG((void)read_agency_aliases(twice), ValidationError,
                   twice.string() +
                       ":3:2 (column 'agency'): the spelling 'Sở TT&TT' is the "
                       "agency 'Sở TTTT' on line 2 and 'Sở Thông tin' here");
  const auto columns = write("dxkit_aliases_columns.csv", "name,agency\nx,y\n");
  EXPECT_THROW(
      {
        try {
          (void)read_agency_aliases(columns);
        } catch (const ValidationError& e) {
          EXPECT_EQ(e.message(), "missing column 'spelling'");
          throw;
        }
      },
      ValidationError);
  for (const auto& p : {empty, twice, columns}) std::filesystem::remove(p);
}
