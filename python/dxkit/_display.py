"""How dxkit's results look in a notebook: every ``_repr_html_`` and compact ``__repr__`` is
built here, so that all results share one look (the tally first, status colours, Vietnamese
labels with the English id beside them once). Everything shown is escaped; the HTML carries
inline styles only (no CSS or JavaScript from elsewhere), so it renders the same in Jupyter,
VS Code, GitHub and a saved page. Frames are read through ``.columns`` / ``.tolist()`` only:
this module does not import pandas."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

from dxkit import _core

MAX_ROWS = 30

# Status id -> colour. Green: met / on track; amber: needs attention; red: not met, overdue,
# going backwards; grey: no data; blue: open, nothing to say yet.
GREEN, LIGHT_GREEN, AMBER, ORANGE, RED, GREY, BLUE = (
    "#1a7f37", "#2da44e", "#9a6700", "#bc4c00", "#cf222e", "#6e7781", "#0969da")
COLOURS = {
    "exceeded": GREEN, "met": LIGHT_GREEN, "not_met": RED, "no_data": GREY,
    "complete": GREEN, "achieved": GREEN, "on_track": LIGHT_GREEN,
    "acceleration_needed": AMBER, "limited_progress": ORANGE, "deteriorating": RED,
    "missed": RED,
    "insufficient_data": GREY,
    "overdue": RED, "due_soon": AMBER, "open": BLUE, "done": GREEN, "recurring": GREY,
    "undated": GREY,
}

#: Progress statuses (Plan.progress) in their order, with the Vietnamese label.
PROGRESS_STATUSES = [
    ("achieved", "Đã đạt"), ("on_track", "Đúng tiến độ"),
    ("acceleration_needed", "Cần tăng tốc"), ("limited_progress", "Tiến triển chậm"),
    ("deteriorating", "Đi lùi"), ("missed", "Không đạt"),
    ("insufficient_data", "Thiếu dữ liệu")]
#: Due statuses (Assignments.due) in their order, with the Vietnamese label.
DUE_STATUSES = [
    ("overdue", "Quá hạn"), ("due_soon", "Sắp đến hạn"), ("open", "Chưa đến hạn"),
    ("done", "Đã hoàn thành"), ("recurring", "Thường xuyên"), ("undated", "Không có hạn")]

_CELL = "padding:2px 6px;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top"


def colour(status: str) -> str:
    """The colour of a status id (grey-blue for an id without one, e.g. a band)."""
    if status in COLOURS:
        return COLOURS[status]
    if status.startswith("ge_"):  # a band: "Đạt trên 90% mục tiêu" amber, lower ones orange
        return AMBER if status[3:].isdigit() and int(status[3:]) >= 75 else ORANGE
    return RED if status.startswith("lt_") else BLUE


def blank(value: Any) -> bool:
    """True for None, NaN, pandas' <NA> and NaT."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return str(value) in ("<NA>", "NaT", "nan")


def number(value: Any, decimals: int = 2) -> str:
    """A number as the documents print it (99,21; 75.428), "—" where missing."""
    if blank(value):
        return "—"
    if isinstance(value, bool):
        return "có" if value else "không"
    return _core.text.format_number(float(value), decimals, "vietnamese")


def text(value: Any, width: int = 80) -> str:
    """A cell as text, cut to ``width`` characters, "" where missing."""
    if blank(value):
        return ""
    s = str(value)
    if hasattr(value, "strftime"):
        s = value.strftime("%d/%m/%Y")
    return s if len(s) <= width else s[: width - 1] + "…"


def chip(label: str, status: str) -> str:
    """A label on its status colour."""
    return (f"<span style='color:#fff;padding:0 5px;border-radius:3px;white-space:nowrap;"
            f"background:{colour(status)}'>{html.escape(label)}</span>")


def tally(items: Sequence[tuple[str, str, int]], total: int, zeros: bool = True) -> str:
    """The tally line, as the plans print it: label n/total for each (id, label, n); with
    ``zeros=False`` the statuses nobody has are left out."""
    parts = [f"{chip(label, sid)} <b>{n}/{total}</b>" for sid, label, n in items
             if n or zeros]
    return "<p style='margin:2px 0'>" + " &nbsp; ".join(parts) + "</p>"


def table(head: Sequence[str], rows: Sequence[Sequence[Any]], more: int = 0,
          hint: str = ".to_frame()") -> str:
    """A table: ``head`` texts, rows of cells (text, or (text, status) for a coloured cell);
    ``more`` rows not shown are said in a last row."""
    out = ["<table><thead><tr>"]
    out += [f"<th style='{_CELL}'>{html.escape(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>")
        for cell in row:
            if isinstance(cell, tuple):
                out.append(f"<td style='{_CELL}'>{chip(cell[0], cell[1])}</td>")
            else:
                out.append(f"<td style='{_CELL}'>{html.escape(str(cell))}</td>")
        out.append("</tr>")
    if more > 0:
        out.append(f"<tr><td style='{_CELL}' colspan='{len(head)}'>… {more} dòng nữa (more "
                   f"rows: {html.escape(hint)})</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def box(kind: str, title: str, body: Sequence[str]) -> str:
    """The frame of every display: a titled block of class dxkit-``kind``."""
    return (f"<div class='dxkit-{kind}' style='font-family:sans-serif'>"
            f"<p style='margin:2px 0'><b>{html.escape(title)}</b></p>{''.join(body)}</div>")


def note(words: str) -> str:
    return f"<p style='margin:2px 0;color:{GREY}'>{html.escape(words)}</p>"


def counts(values: Sequence[str], statuses: Sequence[tuple[str, str]]) -> list:
    """(id, label, n) for every status (0 too), in the statuses' order."""
    found = {sid: 0 for sid, _ in statuses}
    for v in values:
        if not blank(v):
            found[str(v)] = found.get(str(v), 0) + 1
    labels = dict(statuses)
    return [(sid, labels.get(sid, sid), n) for sid, n in found.items()]


def tally_text(items: Sequence[tuple[str, str, int]], total: int) -> str:
    """The tally in a compact repr: id=n for every status counted."""
    return " ".join(f"{sid}={n}" for sid, _, n in items if n) or f"rows={total}"


# Results ------------------------------------------------------------------------------


def evaluation_html(r, max_rows: int = MAX_ROWS) -> str:
    """EvaluationResult: the tally, then one row per indicator with its verdict."""
    n = len(r)
    items = [(sid, lab, c) for (sid, lab), c in zip(r.statuses, r.counts.values())]
    cols = [(c, h) for c, h in (("code", "STT"), ("name", "Chỉ tiêu"), ("target", "Mục tiêu"),
                                ("actual", "Kết quả")) if c in r._rows]
    rows = []
    for i in range(min(n, max_rows)):
        sid, lab = r.statuses[r.status_codes[i]]
        ratio = number(r.ratio[i] * 100) + "%" if r.has_data[i] else "—"
        rows.append([text(r._rows[c][i], 60) for c, _ in cols] + [ratio, (lab, sid)])
    head = [h for _, h in cols] + ["Tỷ lệ", "Đánh giá"]
    return box("evaluation", "Đánh giá (evaluation): " + r._header(),
               [tally(items, n), table(head, rows, n - max_rows)])


def budget_html(b, max_rows: int = MAX_ROWS) -> str:
    """Budget: total, columns computed against printed (mismatches red), then the findings."""
    fmt = _core.budget.format_money
    body = [f"<p style='margin:2px 0'>Tổng (total): <b>{html.escape(fmt(b.total, b.unit))}"
            f"</b> {html.escape(b.unit)}</p>"]
    rows = []
    for header, _role, _year, computed, reported in b._core.columns_info():
        printed = "" if reported is None else fmt(reported, b.unit)
        cell = fmt(computed, b.unit)
        if reported is not None:
            cell = (cell, "met" if reported == computed else "not_met")
        rows.append([header, cell, printed])
    body.append(table(["Cột (column)", "Tính được (computed)", "Số in (printed)"], rows))
    found = b._core.check()
    lines = list(zip(found["severity"], found["line"], found["kind"], found["message"]))
    body.append(f"<p style='margin:2px 0'>{len(lines)} phát hiện (findings)</p>")
    shown = [[(sev, "not_met" if sev == "error" else "acceleration_needed"), line, kind, msg]
             for sev, line, kind, msg in lines[:max_rows]]
    if shown:
        body.append(table(["Mức", "Dòng", "Loại", "Nội dung"], shown, len(lines) - max_rows,
                          ".check()"))
    return box("budget", f"Kinh phí (budget): {b.source}", body)


def budget_repr(b) -> str:
    return (f"<Budget {b.source}: total {_core.budget.format_money(b.total, b.unit)} "
            f"{b.unit}, {len(b._core.rows()['line'])} rows>")


def index_html(r, max_rows: int = 15) -> str:
    """IndexResult: units and columns, screening, then the top units by the top node."""
    units, names, columns, _ = r._core.data("aggregated")
    top = columns[-1]
    scores = r._core.values("aggregated")[:, len(columns) - 1]
    ranks = r._core.ranks([top])[:, 0]
    order = sorted(range(len(units)), key=lambda k: (ranks[k] == 0, ranks[k], k))
    rows = [[int(ranks[k]) if ranks[k] else "—", units[k], text(names[k] if names else "", 40),
             number(scores[k])] for k in order[:max_rows]]
    body = [note(f"{len(units)} đơn vị (units) × {len(columns)} cột (columns); "
                 f"{len(r.screened_out)} bị loại khi sàng lọc (screened out)")]
    body.append(table(["Hạng", "Mã", "Tên", top], rows, len(units) - max_rows, ".ranks()"))
    return box("index", f"Chỉ số tổng hợp (composite index): {top}", body)


def index_repr(r) -> str:
    units, _, columns, _ = r._core.data("aggregated")
    return f"<IndexResult {len(units)} units × {len(columns)} columns>"


def _ranking(frame, columns: Sequence[tuple[str, str]], max_rows: int) -> tuple[list, list]:
    have = [(c, h) for c, h in columns if c == frame.index.name or c in frame.columns]
    data = {c: (list(frame.index) if c == frame.index.name else frame[c].tolist())
            for c, _ in have}
    rows = []
    for i in range(min(len(frame), max_rows)):
        row = []
        for c, _ in have:
            v = data[c][i]
            if c == "Change" and not blank(v) and v != 0:
                row.append((f"{int(v):+d}", "met" if v > 0 else "not_met"))
            elif isinstance(v, float) and not blank(v):
                row.append(f"{v:.4f}".replace(".", ","))  # as published: 4 decimals
            else:
                row.append("mới" if c == "PreviousRank" and blank(v) else text(v, 40))
        rows.append(row)
    return [h for _, h in have], rows


def dti_html(r, max_rows: int = MAX_ROWS) -> str:
    """DtiResult: the ranking as published, with the change against last year."""
    p = r.published
    top = "DTI" if "DTI" in p.columns else p.columns[-2]
    head, rows = _ranking(p, [("Rank", "Hạng"), ("uCode", "Mã"), ("uName", "Tên"),
                              ("Group", "Nhóm"), (top, top), ("GroupRank", "Hạng trong nhóm"),
                              ("PreviousRank", "Hạng năm trước"), ("Change", "Thay đổi")],
                          max_rows)
    body = [note(f"{len(p)} đơn vị (units)")]
    if r.differences is not None:
        body.append(note(f"{len(r.differences)} chỉ tiêu thành phần được thẩm định lại "
                         "(sub-indicators corrected by the appraisal)"))
    if r.left:
        body.append(note("Không còn trong xếp hạng (left the ranking): " + ", ".join(r.left)))
    body.append(table(head, rows, len(p) - max_rows, ".published"))
    return box("dti", "Xếp hạng DTI (DTI ranking)", body)


def dti_repr(r) -> str:
    p = r.published
    first = p.index[0] if len(p) else "-"
    return f"<DtiResult {len(p)} units, first {first}>"


def uncertainty_html(u, max_rows: int = MAX_ROWS) -> str:
    """Uncertainty: nominal rank, median and the 5-95 % interval per unit (wide ones amber)."""
    s = u.summary
    rows = []
    data = {c: s[c].tolist() for c in ("nominal", "median", "p5", "p95")}
    for i, unit in enumerate(list(s.index)[:max_rows]):
        lo, hi = data["p5"][i], data["p95"][i]
        width = (hi - lo) if not (blank(lo) or blank(hi)) else None
        interval = f"{number(lo, 1)} – {number(hi, 1)}"
        if width is not None and width >= 10:
            interval = (interval, "acceleration_needed")
        rows.append([unit, text(data["nominal"][i]), number(data["median"][i], 1), interval])
    body = [note(f"{len(u.ranks)} lần chạy (replicates) × {len(s)} đơn vị (units), "
                 f"cột {u.column}")]
    body.append(table(["Mã", "Hạng danh nghĩa (nominal)", "Trung vị (median)", "5–95 %"],
                      rows, len(s) - max_rows, ".summary"))
    return box("uncertainty", "Phân tích bất định (uncertainty) của thứ hạng", body)


def uncertainty_repr(u) -> str:
    return f"<Uncertainty {len(u.ranks)} replicates × {len(u.summary)} units of {u.column}>"


def sensitivity_html(s) -> str:
    """Sensitivity: first-order and total index of each assumption with their 95 % interval."""
    rows = []
    for p, row in zip(s.index, s.itertuples(index=False)):
        total = (number(row.total, 3), "not_met" if row.total_lo > 0.1 else "open")
        rows.append([p, number(row.first, 3), f"{number(row.first_lo, 3)} – "
                     f"{number(row.first_hi, 3)}", total,
                     f"{number(row.total_lo, 3)} – {number(row.total_hi, 3)}"])
    runs = s.attrs.get("runs")
    body = [note(f"{runs} lần chạy (runs)")] if runs is not None else []
    body.append(table(["Giả định (assumption)", "Bậc nhất (first)", "95 %", "Tổng (total)",
                       "95 %"], rows))
    return box("sensitivity", "Phân tích độ nhạy (sensitivity) của thứ hạng", body)


def progress_html(f, max_rows: int = MAX_ROWS) -> str:
    """Plan.progress: the status tally, then each indicator and target year (followed into the
    provinces of a date, ``units=``: the province first, with the former ones it came from)."""
    status = f["status"].tolist()
    body = [tally(counts(status, PROGRESS_STATUSES), len(f), zeros=False)]
    labels = dict(PROGRESS_STATUSES)
    cols = {c: f[c].tolist() for c in ("indicator", "name", "target_year", "target", "latest",
                                       "latest_year", "ratio", "projected")}
    followed = "province" in f.columns
    if followed:
        province, original = f["province"].tolist(), f["original"].tolist()
    rows = []
    for i in range(min(len(f), max_rows)):
        st = str(status[i])
        latest = number(cols["latest"][i])
        if not blank(cols["latest_year"][i]):
            latest += f" ({cols['latest_year'][i]})"
        row = [cols["indicator"][i], text(cols["name"][i], 50),
               text(cols["target_year"][i]), text(cols["target"][i], 30), latest,
               number(cols["ratio"][i]), number(cols["projected"][i]),
               (labels.get(st, st), st)]
        if followed:
            where = text(province[i])
            if not blank(original[i]) and str(original[i]) != str(province[i]):
                where += f" (từ {text(original[i])})"
            row.insert(0, where)
        rows.append(row)
    header = ["Mã", "Chỉ tiêu", "Năm", "Mục tiêu", "Kết quả gần nhất", "Tốc độ / yêu cầu",
              "Dự báo", "Tình trạng"]
    if followed:
        header.insert(0, "Tỉnh (province)")
    body.append(table(header, rows, len(f) - max_rows))
    return box("progress", "Tiến độ (progress) tới mục tiêu", body)


def due_html(f, max_rows: int = MAX_ROWS) -> str:
    """Assignments.due: the status tally, then the tasks, most urgent first."""
    status = [str(s) for s in f["status"].tolist()]
    body = [tally(counts(status, DUE_STATUSES), len(f), zeros=False)]
    order = {sid: k for k, (sid, _) in enumerate(DUE_STATUSES)}
    cols = {c: f[c].tolist() for c in ("No", "task", "lead", "deadline", "last_day", "days")}
    urgent = sorted(range(len(f)), key=lambda i: (order.get(status[i], 9), i))
    labels = dict(DUE_STATUSES)
    rows = [[text(cols["No"][i]), text(cols["task"][i], 60), text(cols["lead"][i], 40),
             text(cols["deadline"][i], 30), text(cols["last_day"][i]), text(cols["days"][i]),
             (labels.get(status[i], status[i]), status[i])] for i in urgent[:max_rows]]
    body.append(table(["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Hạn cuối", "Số ngày",
                       "Tình trạng"], rows, len(f) - max_rows))
    return box("due", "Nhiệm vụ theo thời hạn (due list)", body)


def assignments_html(a, max_rows: int = MAX_ROWS) -> str:
    """Assignments: tasks by the kind of their deadline, then the tasks as written."""
    f = a.to_frame()
    kinds = f["kind"].tolist()
    found: dict[str, int] = {}
    for k in kinds:
        found[k] = found.get(k, 0) + 1
    body = [note(f"{len(f)} nhiệm vụ (tasks); thời hạn (deadlines): " +
                 ", ".join(f"{k} {n}" for k, n in found.items()))]
    cols = {c: f[c].tolist() for c in ("No", "task", "lead", "support", "deadline",
                                       "last_day")}
    rows = [[text(cols[c][i], 60 if c == "task" else 40) for c in cols]
            for i in range(min(len(f), max_rows))]
    body.append(table(["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn", "Hạn cuối"], rows,
                      len(f) - max_rows))
    return box("assignments", "Phân công nhiệm vụ (assignments)", body)


def plan_html(plan, max_rows: int = MAX_ROWS) -> str:
    """Plan: its progress (tally first), then its assignments and documents."""
    parts = [progress_html(plan.progress(), max_rows)]
    if plan.assignments is not None:
        parts.append(assignments_html(plan.assignments, max_rows))
    docs = plan.documents
    if docs is not None:
        rows = [[text(v) for v in row] for row in docs.itertuples(index=False)]
        parts.append(box("documents", "Văn bản (documents)",
                         [table(["Số", "Loại", "Tỉnh", "Năm", "Ngày"], rows)]))
    return box("plan", "Kế hoạch (plan)", parts)


def plan_repr(plan) -> str:
    p = plan.progress()
    items = counts(p["status"].tolist(), PROGRESS_STATUSES)
    tasks = len(plan.assignments) if plan.assignments is not None else 0
    return (f"<Plan {p['indicator'].nunique()} indicators, {len(p)} targets "
            f"({tally_text(items, len(p))}), {tasks} tasks>")

