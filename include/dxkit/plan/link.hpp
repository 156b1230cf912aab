#pragma once
/// The documents a plan's observations come from (plans, resolutions) and the mapping that
/// makes one indicator of the codes each document gives it.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dxkit/date.hpp"
#include "dxkit/export.hpp"
#include "dxkit/plan/observation.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit {

/// A plan or a resolution: the documents observations come from.
struct DXKIT_API Document {
  std::string number;  ///< "167/KH-UBND", "09-NQ/TU"
  std::string kind;    ///< plan (kế hoạch) or resolution (nghị quyết)
  std::string province;
  int year = 0;              ///< the year it plans (a resolution: the year it was adopted)
  std::optional<Date> date;  ///< date of signature, if given
  std::size_t line = 0;
};

/// Reads documents: number, kind, province, year, and optionally date (dd/mm/yyyy or
/// YYYY-MM-DD). Errors name the file, line and column (an unknown kind, a bad date, a number
/// listed twice).
[[nodiscard]] DXKIT_API std::vector<Document> read_documents(const csv::Table& table);

/// Links indicators across documents: each observation whose indicator is a key of `mapping`
/// takes the mapped code (a resolution's "KTS_GRDP" and a plan's "3.1" become one
/// indicator). With documents given, every observation's source must be one of their numbers
/// (ValidationError naming the observation's line otherwise).
DXKIT_API void link(std::vector<Observation>& observations,
                    const std::map<std::string, std::string>& mapping,
                    const std::vector<Document>& documents = {});
/// A mapping table: from, to (the code as a document writes it, the common code).
[[nodiscard]] DXKIT_API std::map<std::string, std::string> read_mapping(const csv::Table& table);

}  // namespace dxkit
