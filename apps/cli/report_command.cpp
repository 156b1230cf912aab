// `dxkit report PLAN... --xlsx OUT.xlsx [--html OUT.html]`: a plan's tables as one workbook
// in the appendix layout and / or one self-contained HTML page. Every results, budget,
// assignments and DTI table of a document becomes a section (dxkit tables lists them); a CSV file
// is one table, its kind guessed from its header as the document reader guesses it.
#include <chrono>
#include <iostream>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/date.hpp"
#include "dxkit/dti/scores.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/report/plan.hpp"

namespace dxkit::cli {

namespace {

struct ReportArgs {
  std::vector<std::string> files;
  std::string xlsx, html, as_of, title;
  int within = 30;
  std::string framework = "dti_922", values = "points";  // a DTI table's, as `dxkit dti`
  std::string numbers = "vietnamese";                    // a name of number_styles
};

Date today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date(std::chrono::year_month_day(now));
}

int run_report(const ReportArgs& a) {
  if (a.xlsx.empty() && a.html.empty())
    throw ValidationError("say where to write the report: --xlsx OUT.xlsx and/or --html OUT.html");
  report::PlanOptions options;
  options.as_of = a.as_of.empty() ? today() : parse_iso_date(a.as_of);
  options.within = a.within;
  options.dti_framework = a.framework;
  options.dti_values = dti::kValueKinds.parse(a.values);
  options.numbers = parse_number_style(a.numbers);
  report::Workbook book;
  Diagnostics skipped;
  for (const std::string& file : a.files) {
    if (is_office_document(file) || document::is_document(file)) {
      report::Workbook part = report::plan_report(read_document_input(file), options, &skipped);
      for (auto& s : part.sheets) book.add(std::move(s));
    } else {
      const std::string source = is_stdin(file) ? kStdinName : file;
      const std::string note = report::add_csv(book, read_text_input(file), source, options);
      if (!note.empty())
        skipped.push_back(Diagnostic{.where = Location{source, 0, 0, {}},
                                     .severity = Severity::note,
                                     .code = "numbers",
                                     .message = note});
    }
  }
  book.title = !a.title.empty()
                   ? a.title
                   : "Báo cáo: " + a.files.front() + (a.files.size() > 1 ? " và các tệp khác" : "");
  if (!a.xlsx.empty()) report::write_xlsx(book, a.xlsx);
  if (!a.html.empty()) report::write_html(book, a.html);
  for (const Diagnostic& d : skipped) std::cerr << d.to_string() << '\n';
  std::cout << "report: " << book.sheets.size() << " section(s):";
  for (const auto& s : book.sheets) std::cout << ' ' << s.name << ';';
  std::cout << '\n';
  if (!a.xlsx.empty()) std::cout << "  workbook: " << a.xlsx << '\n';
  if (!a.html.empty()) std::cout << "  page: " << a.html << '\n';
  return 0;
}

}  // namespace

void add_report(CLI::App& app, std::function<int()>& run) {
  auto a = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "A plan's results, budget, assignments and DTI tables as one Excel workbook in the appendix "
      "layout (--xlsx) and/or one self-contained HTML page (--html)");
  cmd->add_option("plan", a->files,
                  "a plan document (.docx, .xlsx, the seeds' text form: every results, budget, "
                  "assignments and DTI table is a section) or CSV tables (one section each)")
      ->required();
  cmd->add_option("--xlsx", a->xlsx, "write the workbook here");
  cmd->add_option("--html", a->html, "write the HTML page here");
  cmd->add_option("--as-of", a->as_of, "the day of the due list, YYYY-MM-DD (default: today)");
  cmd->add_option("--within", a->within, "days ahead that count as due soon")
      ->capture_default_str();
  cmd->add_option("--title", a->title, "the report's title");
  add_dti_table_options(cmd, a->values, a->framework, "a DTI table's cells",
                        "a DTI table's framework (its ranking): ");
  add_numbers_option(cmd, a->numbers, " (each table read with it; auto decides per table)");
  cmd->callback([&run, a] { run = [a] { return run_report(*a); }; });
}

}  // namespace dxkit::cli
