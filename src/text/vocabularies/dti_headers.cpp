// Header spellings of DTI scoring sheets and points tables (src/dti/points.cpp): COINr's uCode /
// uName / Group and the sheet's Main, Sub, Rule, Max, Self, Appraised, Evidence. A table of
// string literals in one file: adding a header is one line here plus a test.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<DtiColumn>& dti_headers() {
  using enum DtiColumn;
  static const Vocabulary<DtiColumn> table("DTI header",
                                           {
                                               {"uCode", unit},
                                               {"uName", unit_name},
                                               // the Ministry's tables (dti.gov.vn)
                                               {"Các tỉnh, thành phố trực thuộc TW", unit_name},
                                               {"Tỉnh, thành phố trực thuộc TW", unit_name},
                                               {"Tỉnh, thành phố", unit_name},
                                               {"Tỉnh/thành phố", unit_name},
                                               {"Tên tỉnh", unit_name},
                                               {"Địa phương", unit_name},
                                               {"Group", group},
                                               {"Main", main},
                                               {"Sub", sub},
                                               {"Rule", rule},
                                               {"Max", max},
                                               {"Self", self},
                                               {"Appraised", appraised},
                                               {"Evidence", evidence},
                                           });
  return table;
}

}  // namespace dxkit::text
