#pragma once
// The .docx and .xlsx harnesses: the reader takes a path (libzip opens the file), so the
// input is written to a file of this process's own (in the temporary directory) first, then
// read with tight limits and every table turned into CSV as `dxkit extract` would.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "dxkit/document/document.hpp"
#include "harness.hpp"

namespace dxkit::fuzz {

/// Reads `data` as a document named `*.<extension>`: only dxkit errors may come out.
inline int read_document_bytes(const std::uint8_t* data, std::size_t size,
                               const std::string& extension) {
  namespace fs = std::filesystem;
  static const fs::path path =
      fs::temp_directory_path() / ("dxkit_fuzz_" + std::to_string(::getpid()) + "." + extension);
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  document::Limits limits;  // small, so that a zip bomb is refused long before memory runs out
  limits.entry_bytes = 8u << 20;
  limits.total_bytes = 16u << 20;
  limits.entries = 1000;
  limits.cells = 200000;
  guarded([&] {
    const document::Document d = document::read_document(path, limits);
    for (const document::Table& t : d.tables) {
      (void)document::write_csv(t);
      const csv::Table c = document::to_csv(d, t);
      (void)c.where_header();
      for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t k = 0; k < t.header.size(); ++k) (void)t.cell_name(r, k);
    }
    for (const auto kind : document::table_kinds.entries) {
      try {
        (void)d.choose("", kind.value);
      } catch (const dxkit::Error&) {
        // none or several of that kind: a located error
      }
    }
  });
  // The same bytes read from memory (document::parse_document, what the Python readers use)
  // give the same document, or an error where the file gives one.
  const auto summary = [&](auto read) -> std::string {
    try {
      const document::Document d = read();
      std::string s = d.source + '\n';
      for (const std::string& p : d.paragraphs) s += p + '\n';
      for (const document::Table& t : d.tables)
        s += t.place + '|' + t.caption + '|' + std::string(document::table_kinds.name(t.kind)) +
             '\n' + document::write_csv(t);
      return s;
    } catch (const dxkit::Error&) {
      return "\x01error";
    }
  };
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (summary([&] { return document::read_document(path, limits); }) !=
      summary([&] { return document::parse_document(bytes, path, limits); }))
    __builtin_trap();
  return 0;
}

}  // namespace dxkit::fuzz
