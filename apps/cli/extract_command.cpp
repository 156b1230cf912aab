// `dxkit extract FILE --table N`: one table of a document as the CSV the other commands read.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/document/document.hpp"

namespace dxkit::cli {

namespace {

struct ExtractArgs {
  std::string file;
  std::string table;
};

int run_extract(const ExtractArgs& a) {
  const document::Document doc = read_document_input(a.file);
  const document::Table& t = doc.choose(a.table, document::TableKind::unknown);
  std::cout << document::write_csv(t);
  return 0;
}

}  // namespace

void add_extract(CLI::App& app, std::function<int()>& run) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Write one table of a document as CSV (a 'ĐVT: ...' first line when it has a "
      "unit), in the layout `dxkit evaluate`, `budget` and `due` read");
  cmd->add_option("file", args->file, "document: .docx, .xlsx, .txt or .md; - reads standard input")
      ->required();
  cmd->add_option("--table", args->table,
                  "the table: its number in `dxkit tables`, or caption text")
      ->required();
  cmd->callback([&run, args] { run = [args] { return run_extract(*args); }; });
}

}  // namespace dxkit::cli
