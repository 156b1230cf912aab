// `dxkit tables FILE`: the tables a document holds, as dxkit understands them.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/document/document.hpp"
#include "output.hpp"

namespace dxkit::cli {

namespace {

struct TablesArgs {
  std::string file;
  std::string format = "table";
};

int run_tables(const TablesArgs& a) {
  const document::Document doc = read_document_input(a.file);
  Report report;
  report.command = "tables";
  report.source = a.file;
  report.summary["tables"] = doc.tables.size();
  Frame& f = report.main();
  f.header = {"number", "caption", "kind", "rows", "columns", "unit", "place", "header"};
  f.not_in_table = {"header"};
  f.max_width = 48;
  for (const document::Table& t : doc.tables) {
    std::string header;
    for (const auto& h : t.header) header += (header.empty() ? "" : " | ") + h;
    f.rows.push_back({t.number, t.caption, std::string(document::table_kinds.name(t.kind)),
                      t.rows.size(), t.columns(), t.unit, t.place, header});
  }
  report.heading.push_back(doc.source + ": " + std::to_string(doc.tables.size()) + " table(s)");
  report.heading.emplace_back();
  write(std::cout, report, a.format);
  return 0;
}

}  // namespace

void add_tables(CLI::App& app, std::function<int()>& run) {
  auto args = std::make_shared<TablesArgs>();
  std::string kinds;
  for (const auto& k : document::table_kinds.entries)
    kinds += (kinds.empty() ? "" : "; ") + std::string(k.name) + ": " + std::string(k.meaning);
  CLI::App* cmd = app.add_subcommand(
      "tables",
      "List the tables of a document (.docx, .xlsx, or the seeds' text form): number, "
      "caption, kind, rows x columns, unit. Kinds: " +
          kinds);
  cmd->add_option("file", args->file, "document: .docx, .xlsx, .txt or .md; - reads standard input")
      ->required();
  add_format_option(cmd, args->format);
  cmd->callback([&run, args] { run = [args] { return run_tables(*args); }; });
}

}  // namespace dxkit::cli
