// The dated tasks of an assignment appendix as an iCalendar file (RFC 5545).
#include "dxkit/plan/calendar.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace dxkit {

namespace {

std::string ics_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// A content line folded at 75 octets, never inside a UTF-8 sequence.
void line(std::string& out, const std::string& content) {
  std::size_t pos = 0, limit = 75;
  while (content.size() - pos > limit) {
    std::size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80) --cut;
    out += content.substr(pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    limit = 74;  // the leading space counts
  }
  out += content.substr(pos);
  out += "\r\n";
}

// 2023-09-30 -> 20230930 (RFC 5545's DATE).
std::string compact(const Date& d) {
  std::string s = d.iso();
  s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
  return s;
}

std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

}  // namespace

std::string to_ics(const std::vector<Assignment>& list, std::string_view name) {
  std::string out;
  line(out, "BEGIN:VCALENDAR");
  line(out, "VERSION:2.0");
  line(out, "PRODID:-//dxkit//deadlines//VI");
  line(out, "CALSCALE:GREGORIAN");
  line(out, "X-WR-CALNAME:" + ics_escape(name));
  for (const Assignment& a : list) {
    if (!a.deadline.due) continue;
    const Date first = a.deadline.start.value_or(*a.deadline.due);
    char uid[32];
    std::snprintf(
        uid, sizeof uid, "%016llx",
        static_cast<unsigned long long>(fnv(a.number + "|" + a.task + "|" + a.deadline.text)));
    std::string lead, support;
    for (const auto& l : a.lead) lead += (lead.empty() ? "" : "; ") + l;
    for (const auto& s : a.support) support += (support.empty() ? "" : "; ") + s;
    line(out, "BEGIN:VEVENT");
    line(out, std::string("UID:") + uid + "@dxkit");
    line(out, "DTSTAMP:" + compact(*a.deadline.due) + "T000000Z");
    line(out, "DTSTART;VALUE=DATE:" + compact(first));
    line(out, "DTEND;VALUE=DATE:" + compact(a.deadline.due->plus_days(1)));
    line(out, "SUMMARY:" + ics_escape(a.number + " " + a.task + " (" + lead + ")"));
    line(out, "DESCRIPTION:" + ics_escape("Chủ trì: " + lead + "\nPhối hợp: " + support +
                                          "\nThời hạn: " + a.deadline.text));
    line(out, "END:VEVENT");
  }
  line(out, "END:VCALENDAR");
  return out;
}

}  // namespace dxkit
