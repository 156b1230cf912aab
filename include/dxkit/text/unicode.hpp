#pragma once
/// Unicode handling for Vietnamese documents: validation, NFC normalisation (utf8proc),
/// case-insensitive keyword folding, and display width for tables.
#include <cstddef>
#include <string>
#include <string_view>

#include "dxkit/export.hpp"

namespace dxkit::text {

/// Throws EncodingError naming the 1-based character column where `s` stops being valid UTF-8.
DXKIT_API void validate_utf8(std::string_view s);

/// `s` in Unicode Normalization Form C. Documents come in NFD too ("e" + U+0302 + U+0301);
/// after this they compare equal to the precomposed form. Throws EncodingError on bad UTF-8.
[[nodiscard]] DXKIT_API std::string nfc(std::string_view s);
/// `s` made NFC where it stands: text that is NFC already (nearly every cell) is neither
/// copied nor reallocated. Throws EncodingError on bad UTF-8.
DXKIT_API void make_nfc(std::string& s);

/// NFC plus simple (code point by code point) lower-casing, for matching keywords without
/// regard to case ("TRÊN", "Trên" and "trên" fold to the same bytes). Throws EncodingError
/// on bad UTF-8.
[[nodiscard]] DXKIT_API std::string fold(std::string_view s);

/// `s` without a leading UTF-8 byte-order mark.
[[nodiscard]] DXKIT_API std::string_view strip_bom(std::string_view s) noexcept;

/// `s` without leading and trailing ASCII white space (and U+00A0 no-break space).
[[nodiscard]] DXKIT_API std::string_view trim(std::string_view s) noexcept;

/// Terminal columns `s` takes (Vietnamese letters in NFC take one each). `s` must be valid UTF-8.
[[nodiscard]] DXKIT_API std::size_t display_width(std::string_view s) noexcept;

/// True when every byte is ASCII (such text is already NFC).
[[nodiscard]] DXKIT_API bool is_ascii(std::string_view s) noexcept;

}  // namespace dxkit::text
