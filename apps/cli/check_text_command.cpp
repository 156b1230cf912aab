// dxkit check-text: a plan's text against itself: fractions and the shares printed with them,
// malformed numbers, and the same target stated twice with different values.
#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/consistency.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/text/csv.hpp"
#include "output.hpp"

namespace dxkit::cli {

namespace {

struct CheckArgs {
  std::string file, appendix, scheme = "bands", format = "table";
  std::string table;                   // a document's results appendix: number or caption text
  std::string numbers = "vietnamese";  // the appendix's numbers: a name of number_styles
};

int run_check(const CheckArgs& a) {
  // A .docx / .xlsx plan: its paragraphs are the text (line N = paragraph N), and its own
  // results table is the appendix unless --appendix names another.
  std::optional<document::Document> doc;
  if (is_office_document(a.file)) doc = read_document_input(a.file);
  const std::string source = is_stdin(a.file) ? kStdinName : a.file;
  const std::string text = doc ? document::paragraph_text(*doc) : read_text_input(a.file);
  const auto found = check_text(text, source);
  Report report;
  report.command = "check-text";
  report.source = a.file;
  // The columns of dxkit.check_text(...).
  Frame& out = report.main();
  out.header = {"line", "kind", "quote", "message", "other_line", "other_quote"};
  for (const TextFinding& x : found)
    out.rows.push_back({static_cast<long long>(x.line()), x.kind(), x.quote, x.message(),
                        x.other_line ? Json(static_cast<long long>(x.other_line)) : Json(nullptr),
                        x.other_quote});
  std::size_t findings = found.size();
  std::optional<IndicatorTable> appendix;
  std::string appendix_name = a.appendix;
  TableOptions numbers;  // the appendix's, as dxkit evaluate reads it
  const NumberStyle style = parse_number_style(a.numbers);
  numbers.format = style == NumberStyle::plain ? NumberFormat::plain : NumberFormat::vietnamese;
  numbers.detect_format = style == NumberStyle::automatic;
  if (!a.appendix.empty() && is_office_document(a.appendix)) {
    appendix = make_indicator_table(
        open_document_table(a.appendix, a.table, document::TableKind::results).table, numbers);
  } else if (!a.appendix.empty()) {
    appendix = make_indicator_table(read_csv_input(a.appendix), numbers);
  } else if (doc && (!a.table.empty() || doc->of_kind(document::TableKind::results).size() == 1)) {
    const document::Table& t = doc->choose(a.table, document::TableKind::results);
    appendix = make_indicator_table(document::to_csv(*doc, t), numbers);
    appendix_name = appendix->source;
  } else if (doc) {
    report.note(std::to_string(doc->of_kind(document::TableKind::results).size()) +
                " results tables in " + source + ": tallies not checked (choose one with --table)");
  }
  if (appendix) {
    // The text's tallies against the results appendix, scored as dxkit evaluate scores it.
    const auto& table = *appendix;
    const auto e = evaluate(table, Scheme::from_name(a.scheme));
    std::size_t checked = 0;
    for (const Tally& t : check_tallies(text, table, e, source, appendix_name)) {
      ++checked;
      if (t.supported) continue;
      ++findings;
      out.rows.push_back({static_cast<long long>(t.line), t.diagnostic.code, t.quote,
                          t.diagnostic.message, nullptr, ""});
    }
    report.note(std::to_string(checked) + " tallies checked against " + appendix_name);
    if (!table.number_note.empty()) report.note(appendix_name + ": " + table.number_note);
  }
  report.note(std::to_string(findings) + " finding(s) in " + source);
  write(std::cout, report, a.format);
  return 0;
}

}  // namespace

void add_check_text(CLI::App& app, std::function<int()>& run) {
  auto a = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check-text",
      "Where a plan's text disagrees with itself (fractions, shares, targets stated twice)");
  cmd->add_option("file", a->file,
                  "the plan as UTF-8 text, or a .docx/.xlsx (its paragraphs, line N = paragraph "
                  "N; its only results table is the appendix); - reads standard input")
      ->required();
  cmd->add_option("--appendix", a->appendix,
                  "the results appendix (code, name, target, actual; CSV, .docx or .xlsx): the "
                  "text's tallies are checked against it");
  cmd->add_option("--table", a->table,
                  "the appendix's table in a .docx/.xlsx (number or caption text; default: the "
                  "only results table)");
  // The choices come from the core's name table, so the help cannot drift from the parser.
  std::vector<std::string> schemes;
  for (const auto& e : kSchemes.entries) schemes.emplace_back(e.name);
  cmd->add_option("--scheme", a->scheme, "how the appendix is scored: " + kSchemes.joined())
      ->check(CLI::IsMember(schemes))
      ->capture_default_str();
  add_numbers_option(cmd, a->numbers,
                     " (the appendix's targets and results; the text is read as Vietnamese prose)");
  add_format_option(cmd, a->format);
  cmd->callback([&run, a] { run = [a] { return run_check(*a); }; });
}

}  // namespace dxkit::cli
