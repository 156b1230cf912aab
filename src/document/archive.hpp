#pragma once
// A bounded reader of the zip container of .docx and .xlsx (libzip): entries are inflated one
// at a time by streaming, and reading stops at the limits (a zip bomb is an error, not an
// out-of-memory kill). XML parts are parsed with pugixml; a malformed part names its line.
#include <filesystem>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "dxkit/document/document.hpp"

struct zip_error;

namespace dxkit::document::detail {

class Archive {
 public:
  /// Opens the zip; throws ParseError naming the file if it is not one, or has too many entries.
  Archive(const std::filesystem::path& path, const Limits& limits);
  /// The same on the bytes of a file held in memory (`content` must outlive the archive);
  /// `name` is the file named in messages.
  Archive(std::string_view content, const std::filesystem::path& name, const Limits& limits);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  /// The uncompressed bytes of entry `name`, or nullopt if absent; throws EncodingError past
  /// the limits ("entry 'x' inflates past 268435456 bytes").
  [[nodiscard]] std::optional<std::string> read(const std::string& name);
  /// The entry parsed as XML; throws ParseError "<file>: <entry>: malformed XML at line N: ..."
  /// when it does not parse, ParseError "missing part" when absent and `required`.
  bool xml(const std::string& name, pugi::xml_document& out, bool required);

  [[nodiscard]] const std::string& source() const noexcept { return source_; }

 private:
  [[noreturn]] void refuse(zip_error& error, const std::filesystem::path& path) const;
  void count_entries();

  void* zip_ = nullptr;
  std::string source_;
  Limits limits_;
  std::uint64_t total_ = 0;
};

/// The tables of a workbook.
[[nodiscard]] std::vector<Grid> read_xlsx(Archive& zip, const Limits& limits);

}  // namespace dxkit::document::detail
