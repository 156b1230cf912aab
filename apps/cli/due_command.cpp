// dxkit due: an assignment appendix (task, lead, supporting agencies, deadline in words) as of
// a date: what is overdue, due within N days, done, standing, or without a date; per agency
// on request; and an iCalendar file of the deadlines.
#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "output.hpp"

namespace dxkit::cli {

namespace {

struct DueArgs {
  std::string file, as_of, ics, default_deadline, by, format = "table";
  std::string
      table;  // a document's table: number or caption text ("" = the only assignments table)
  int within = 30;
};

int run_due(const DueArgs& a) {
  const auto list =
      is_office_document(a.file)
          ? read_assignments(
                open_document_table(a.file, a.table, document::TableKind::assignments).table,
                a.default_deadline)
          : read_assignments(a.file, a.default_deadline);
  const auto as_of = parse_iso_date(a.as_of);
  const auto items = due(list, as_of, a.within);
  Report report;
  report.output = "due";
  report.source = a.file;
  Frame& out = report.main();
  if (a.by == "agency") {
    // Each lead agency (its spellings as one, first spelling shown): how many of its tasks
    // stand where (a task with two leads counts for both).
    out.header = {"agency", "overdue", "due_soon", "open", "done", "recurring", "undated"};
    for (const AgencyDue& g : due_by_agency(items))
      out.rows.push_back({g.agency, g.count(DueStatus::overdue), g.count(DueStatus::due_soon),
                          g.count(DueStatus::open), g.count(DueStatus::done),
                          g.count(DueStatus::recurring), g.count(DueStatus::undated)});
  } else {
    out.header = {"No", "Task", "Lead", "Deadline", "LastDay", "Status", "Days"};
    for (const DueItem& i : items) {
      const Assignment& x = *i.assignment;
      std::string lead;
      for (const auto& l : x.lead) lead += (lead.empty() ? "" : "; ") + l;
      out.rows.push_back({x.number, x.task, lead, x.deadline.text,
                          x.deadline.due ? Json(x.deadline.due->iso()) : Json(nullptr),
                          to_string(i.status), i.days ? Json(*i.days) : Json(nullptr)});
    }
  }
  std::map<DueStatus, int> count;
  for (const DueItem& i : items) ++count[i.status];
  report.note("as of " + a.as_of + ", due soon = within " + std::to_string(a.within) +
              " days: " + std::to_string(count[DueStatus::overdue]) + " overdue, " +
              std::to_string(count[DueStatus::due_soon]) + " due soon, " +
              std::to_string(count[DueStatus::open]) + " open, " +
              std::to_string(count[DueStatus::done]) + " done, " +
              std::to_string(count[DueStatus::recurring]) + " recurring, " +
              std::to_string(count[DueStatus::undated]) + " without a date");
  if (!a.ics.empty()) {
    std::ofstream f(a.ics, std::ios::binary);
    if (!f) throw ValidationError("cannot write '" + a.ics + "'");
    f << to_ics(list, a.file);
    report.note("calendar written to " + a.ics);
  }
  write(std::cout, report, a.format);
  return 0;
}

}  // namespace

void add_due(CLI::App& app, std::function<int()>& run) {
  auto a = std::make_shared<DueArgs>();
  CLI::App* cmd = app.add_subcommand(
      "due",
      "What an assignment appendix has overdue or due soon as of a date, per task or agency");
  cmd->add_option("file", a->file,
                  "assignment table (STT, task, lead, supporting, deadline): CSV, .docx or .xlsx")
      ->required();
  cmd->add_option("--table", a->table,
                  "for a .docx/.xlsx FILE: the table's number or caption text (default: the only "
                  "assignments table)");
  cmd->add_option("--as-of", a->as_of, "the date, YYYY-MM-DD")->required();
  cmd->add_option("--within", a->within, "days ahead that count as due soon")
      ->capture_default_str();
  cmd->add_option("--ics", a->ics, "also write the deadlines as an iCalendar file");
  cmd->add_option("--default-deadline", a->default_deadline,
                  "the deadline of rows without one (e.g. \"Cuối năm 2023\")");
  cmd->add_option("--by", a->by, "agency: one row per lead agency")
      ->check(CLI::IsMember({"agency"}));
  add_format_option(cmd, a->format);
  cmd->callback([&run, a] { run = [a] { return run_due(*a); }; });
}

}  // namespace dxkit::cli
