#pragma once
/// A user's own agency aliases, on top of dxkit's vocabulary (src/text/vocabularies/
/// agencies.cpp): a CSV of two columns, `spelling,agency` (or `Cách viết,Cơ quan`), one row per
/// spelling, so "Sở TT&TT", "STTTT" and "Sở Thông tin và Truyền thông" can be one agency in a
/// plan that writes them so. `dxkit due --by agency --aliases FILE`, `aliases=` in Python.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "dxkit/export.hpp"

namespace dxkit {

/// Spelling (its text::label_key) -> the agency it names.
struct DXKIT_API AgencyAliases {
  std::map<std::string, std::string> by_key;
  std::string source;  ///< the file read, for messages

  /// The agency `spelling` names: the user's alias if there is one, else dxkit's vocabulary
  /// (text::agency_of), else the spelling trimmed. Case and spacing do not matter.
  [[nodiscard]] std::string agency_of(std::string_view spelling) const;
};

/// Reads an alias file. Throws ValidationError "missing column 'spelling'" (or 'agency') at the
/// header, ParseError at file, line and column for an empty cell, and ValidationError naming
/// both lines for a spelling given two different agencies; Error for a missing file.
[[nodiscard]] DXKIT_API AgencyAliases read_agency_aliases(const std::filesystem::path& path);

}  // namespace dxkit
