#pragma once
// What the DTI tests share: a synthetic set of provinces whose DTI and ranks are worked out by
// hand, and a cell of a result by unit and column.
#include <algorithm>
#include <string>

#include "dxkit/dti/dti.hpp"

namespace dxkit::dti::fixtures {

inline double at(const index::DataSet& d, const std::string& unit, const std::string& col) {
  const auto u =
      static_cast<std::size_t>(std::find(d.units.begin(), d.units.end(), unit) - d.units.begin());
  return d.col(*d.column(col))[u];
}

// QĐ 922 points: NT, TC, HT, NL, ATTT (100 each), DTTM (0), CQS (200), KTS, XHS (150 each).
//   P3: 720         -> DTI 0,72     rank 1
//   P5: 715,04      -> DTI 0,71504  rank 2 (published 0,7150, as P1 and P2)
//   P1: 715         -> DTI 0,715    rank 3
//   P2: 715 (other split) rank 3 (tie)
//   P4: 500         -> DTI 0,5      rank 5
inline const char* kPoints =
    "uCode,uName,Group,NT,TC,HT,NL,ATTT,CQS,KTS,XHS\n"
    "P1,Tỉnh 1,Bắc,80,70,90,60,75,150,90,100\n"
    "P2,Tỉnh 2,Nam,100,50,90,60,75,150,90,100\n"
    "P3,Tỉnh 3,Bắc,80,70,90,60,80,150,90,100\n"
    "P4,Tỉnh 4,Nam,50,50,50,50,50,100,75,75\n"
    "P5,Tỉnh 5,Nam,80,70,90,60,75,150,90,\"100,04\"\n";

}  // namespace dxkit::dti::fixtures
