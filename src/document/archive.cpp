// libzip for the container: in Debian, mature, and it inflates one entry as a stream, so the
// size of what a hostile file expands to is counted as it comes and capped (docs/documents.md).
#include "archive.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace dxkit::document::detail {

namespace {
zip_t* handle(void* p) { return static_cast<zip_t*>(p); }
}  // namespace

Archive::Archive(const std::filesystem::path& path, const Limits& limits)
    : source_(path.string()), limits_(limits) {
  int err = 0;
  zip_ = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!zip_) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    refuse(ze, path);
  }
  count_entries();
}

// The bytes are not copied: libzip reads them where they are.
Archive::Archive(std::string_view content, const std::filesystem::path& name, const Limits& limits)
    : source_(name.string()), limits_(limits) {
  zip_error_t ze;
  zip_error_init(&ze);
  // libzip takes an empty buffer for an empty archive, an empty file for no zip: as a file.
  if (content.empty()) {
    zip_error_set(&ze, ZIP_ER_NOZIP, 0);
    refuse(ze, name);
  }
  zip_source_t* src = zip_source_buffer_create(content.data(), content.size(), 0, &ze);
  if (src) {
    zip_ = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!zip_) zip_source_free(src);  // an archive that opened owns its source
  }
  if (!zip_) refuse(ze, name);
  zip_error_fini(&ze);
  count_entries();
}

void Archive::refuse(zip_error_t& error, const std::filesystem::path& path) const {
  std::string why = zip_error_strerror(&error);
  zip_error_fini(&error);
  throw ParseError("not a readable zip container (.docx and .xlsx are zip files): " + why,
                   path.filename().string(), Location{source_, 0, 0, {}});
}

void Archive::count_entries() {
  const zip_int64_t n = zip_get_num_entries(handle(zip_), 0);
  if (n < 0 || static_cast<std::uint64_t>(n) > limits_.entries) {
    zip_close(handle(zip_));
    zip_ = nullptr;
    throw ParseError("the zip holds more than " + std::to_string(limits_.entries) + " entries",
                     std::to_string(n), Location{source_, 0, 0, {}});
  }
}

Archive::~Archive() {
  if (zip_) zip_discard(handle(zip_));
}

std::optional<std::string> Archive::read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(handle(zip_), name.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_file_t* f = zip_fopen_index(handle(zip_), static_cast<zip_uint64_t>(index), 0);
  if (!f)
    throw ParseError("cannot inflate entry: " + std::string(zip_strerror(handle(zip_))), name,
                     Location{source_, 0, 0, {}});
  // Inflated straight into the string, sized from the size the zip declares (capped by the
  // limits, and only a first guess: a lying header costs a regrowth, never a wrong read). A
  // 64 KiB staging buffer cost a copy of every byte, and doubling past it made each part of
  // ~90 KB a 128 KiB block, which the allocator maps and unmaps on every read.
  zip_stat_t st;
  zip_stat_init(&st);
  std::uint64_t expected = 0;
  if (zip_stat_index(handle(zip_), static_cast<zip_uint64_t>(index), 0, &st) == 0 &&
      (st.valid & ZIP_STAT_SIZE) != 0)
    expected = st.size;
  const std::uint64_t cap = limits_.entry_bytes + (limits_.entry_bytes < UINT64_MAX ? 1 : 0);
  std::string out;
  out.resize(static_cast<std::size_t>(std::min<std::uint64_t>(
      {expected + (expected < UINT64_MAX ? 1 : 0), cap, std::uint64_t{1} << 24})));
  std::size_t filled = 0;
  for (;;) {
    // Grown by doubling, never past one byte over the limit (the check below then refuses).
    if (filled == out.size())
      out.resize(static_cast<std::size_t>(
          std::min<std::uint64_t>(std::max<std::uint64_t>(2 * out.size(), 4096), cap)));
    const zip_int64_t got = zip_fread(f, out.data() + filled, out.size() - filled);
    if (got < 0) {
      std::string why = zip_file_strerror(f);
      zip_fclose(f);
      throw ParseError("cannot inflate entry: " + why, name, Location{source_, 0, 0, {}});
    }
    if (got == 0) break;
    const auto g = static_cast<std::uint64_t>(got);
    if (filled + g > limits_.entry_bytes || total_ + g > limits_.total_bytes) {
      zip_fclose(f);
      const bool entry = filled + g > limits_.entry_bytes;
      throw EncodingError(entry ? "entry inflates past " + std::to_string(limits_.entry_bytes) +
                                      " bytes (a zip bomb?)"
                                : "the file inflates past " + std::to_string(limits_.total_bytes) +
                                      " bytes (a zip bomb?)",
                          name, Location{source_, 0, 0, {}});
    }
    total_ += g;
    filled += static_cast<std::size_t>(g);
  }
  out.resize(filled);
  zip_fclose(f);
  return out;
}

bool Archive::xml(const std::string& name, pugi::xml_document& out, bool required) {
  auto bytes = read(name);
  if (!bytes) {
    if (required)
      throw ParseError("missing part of the document", name, Location{source_, 0, 0, {}});
    return false;
  }
  const pugi::xml_parse_result r =
      out.load_buffer(bytes->data(), bytes->size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    const auto upto = bytes->begin() + std::min<std::ptrdiff_t>(r.offset, bytes->size());
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(bytes->begin(), upto, '\n'));
    throw ParseError(
        "malformed XML in " + name + " at line " + std::to_string(line) + ": " + r.description(),
        name, Location{source_, 0, 0, {}});
  }
  return true;
}

}  // namespace dxkit::document::detail
