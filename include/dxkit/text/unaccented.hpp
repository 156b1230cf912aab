#pragma once
// The fold for names that documents write with or without diacritics. Defined in
// src/text/vocabulary.cpp beside label_key (the fold of vocabulary phrases), so that every
// name look-up of dxkit (provinces, units) folds the same way.
#include <string>
#include <string_view>

#include "dxkit/export.hpp"

namespace dxkit::text {

/// "THÁI BÌNH", "Thai  Binh" -> "thai binh": case folded, diacritics left out (đ -> d), anything
/// but letters, digits and '&' as a space, one space between words. Throws EncodingError on
/// bad UTF-8 (naming the character).
[[nodiscard]] DXKIT_API std::string unaccented_key(std::string_view name);

}  // namespace dxkit::text
