// dxkit due: an assignment appendix (task, lead, supporting agencies, deadline in words) as of
// a date: what is overdue, due within N days, done, standing, or without a date; per agency
// on request; and an iCalendar file of the deadlines.
#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "commands.hpp"
#include "document_input.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/units/express.hpp"
#include "output.hpp"
#include "units_option.hpp"

namespace dxkit::cli {

namespace {

struct DueArgs {
  std::string file, as_of, ics, default_deadline, by, format = "table";
  std::string aliases;  // a CSV of spelling,agency (agency_aliases.hpp)
  std::string
      table;  // a document's table: number or caption text ("" = the only assignments table)
  int within = 30;
  std::string units;  // --units DATE: agencies of that date
};

int run_due(const DueArgs& a) {
  auto list =
      is_office_document(a.file)
          ? read_assignments(
                open_document_table(a.file, a.table, document::TableKind::assignments).table,
                a.default_deadline)
          : read_assignments(read_csv_input(a.file), a.default_deadline);
  const auto units_day = units_date(a.units);
  // --units: each lead and supporting agency expressed in the agencies of that date (Sở TTTT
  // -> Sở Khoa học và Công nghệ), the names as written kept.
  const units::AgenciesWritten written =
      units_day ? units::express_assignments(units::agencies(), list, *units_day, a.file)
                : units::AgenciesWritten{};
  const auto as_of = parse_iso_date(a.as_of);
  const auto items = due(list, as_of, a.within);
  Report report;
  report.command = "due";
  report.source = a.file;
  report.summary["as_of"] = as_of.iso();
  report.summary["within"] = a.within;
  report.summary["by"] = a.by.empty() ? Json(nullptr) : Json(a.by);
  Frame& out = report.main();
  if (a.by == "agency") {
    // Each lead agency (its spellings as one, first spelling shown): how many of its tasks
    // stand where (a task with two leads counts for both). The columns of
    // Assignments.by_agency(...).reset_index().
    out.header = {"lead", "overdue", "due_soon", "open", "done", "recurring", "undated"};
    if (units_day) out.header.insert(out.header.begin() + 1, "lead_original");
    const AgencyAliases aliases =
        a.aliases.empty() ? AgencyAliases{} : read_agency_aliases(a.aliases);
    for (const AgencyDue& g : due_by_agency(items, aliases)) {
      out.rows.push_back({g.agency, g.count(DueStatus::overdue), g.count(DueStatus::due_soon),
                          g.count(DueStatus::open), g.count(DueStatus::done),
                          g.count(DueStatus::recurring), g.count(DueStatus::undated)});
      if (units_day)
        out.rows.back().insert(out.rows.back().begin() + 1, written.original(g.agency));
    }
  } else {
    // The columns of Assignments.due(...): agencies joined by "; ", dates as ISO text.
    out.header = {"No",   "section", "task",     "lead",   "support", "deadline",
                  "kind", "start",   "last_day", "status", "line",    "days"};
    out.not_in_table = {"section", "support", "kind", "start", "line"};
    if (units_day) out.header.insert(out.header.begin() + 4, "lead_original");
    const auto joined_names = [](const std::vector<std::string>& names) {
      std::string out;
      for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
      return out;
    };
    const auto iso = [](const std::optional<Date>& d) {
      return d ? Json(d->iso()) : Json(nullptr);
    };
    for (const DueItem& i : items) {
      const Assignment& x = *i.assignment;
      out.rows.push_back({x.number, x.section, x.task, joined_names(x.lead),
                          joined_names(x.support), x.deadline.text, to_string(x.deadline.kind),
                          iso(x.deadline.start), iso(x.deadline.due), to_string(i.status), x.line,
                          i.days ? Json(*i.days) : Json(nullptr)});
      if (units_day)
        out.rows.back().insert(out.rows.back().begin() + 4,
                               written.lead[static_cast<std::size_t>(i.assignment - list.data())]);
    }
  }
  std::map<DueStatus, int> count;
  for (const DueItem& i : items) ++count[i.status];
  Json counts = Json::object();
  for (DueStatus st : {DueStatus::overdue, DueStatus::due_soon, DueStatus::open, DueStatus::done,
                       DueStatus::recurring, DueStatus::undated})
    counts[to_string(st)] = count[st];
  report.summary["counts"] = std::move(counts);
  report.note("as of " + a.as_of + ", due soon = within " + std::to_string(a.within) +
              " days: " + std::to_string(count[DueStatus::overdue]) + " overdue, " +
              std::to_string(count[DueStatus::due_soon]) + " due soon, " +
              std::to_string(count[DueStatus::open]) + " open, " +
              std::to_string(count[DueStatus::done]) + " done, " +
              std::to_string(count[DueStatus::recurring]) + " recurring, " +
              std::to_string(count[DueStatus::undated]) + " without a date");
  if (units_day) {
    report.note("agencies expressed as of " + units_day->iso() +
                " (Decree 45/2025/NĐ-CP, Law 72/2025/QH15): " + std::to_string(written.moved) +
                " names of lead and supporting agencies replaced by their successors; as "
                "written: " +
                "lead_original");
    add_notes(report, written.notes);
  }
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
                  "assignment table (STT, task, lead, supporting, deadline): CSV, .docx or .xlsx; "
                  "- reads standard input")
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
  add_units_option(cmd, a->units, "the lead and supporting agencies");
  cmd->add_option("--aliases", a->aliases,
                  "with --by agency: a CSV of spelling,agency that makes several spellings one "
                  "agency (on top of dxkit's own aliases)");
  add_format_option(cmd, a->format);
  cmd->callback([&run, a] { run = [a] { return run_due(*a); }; });
}

}  // namespace dxkit::cli
