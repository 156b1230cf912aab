"""Deadlines in words and assignment appendices: ``dxkit.parse_deadline``,
``dxkit.read_assignments`` and ``Assignments.due`` / ``.by_agency`` / ``.to_ics``."""

from __future__ import annotations

import datetime as _dt
import os

from dxkit import _core
from dxkit.targets import _cell_text


def parse_deadline(text: str):
    """Read a deadline phrase ("Tháng 09/2023", "Cuối năm 2023", "Thường xuyên" ...): a
    ``Deadline`` with ``kind`` (due, window, recurring, on_event, elsewhere, none), ``start``
    and ``due`` (ISO dates or None) and ``reading``. Raises ParseError quoting the text."""
    return _core._parse_deadline(text)


def _date(value) -> str:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


class Assignments:
    """An assignment appendix: who leads, who supports, by when."""

    def __init__(self, core):
        self._core = core

    def __len__(self) -> int:
        return len(self._core)

    def to_frame(self):
        import pandas as pd

        frame = pd.DataFrame(self._core.rows(), columns=[
            "No", "section", "task", "lead", "support", "deadline", "kind", "start", "last_day",
            "status", "line"])
        for c in ("start", "last_day"):
            frame[c] = pd.to_datetime(frame[c]).dt.date
        return frame

    def due(self, as_of, within: int = 30):
        """Every task as of a date: status (overdue, due_soon, open, done, recurring, undated)
        and days to its last day (negative: days overdue)."""
        frame = self.to_frame()
        rows = self._core.due(_date(as_of), int(within))
        frame["status"] = [r[0] for r in rows]
        frame["days"] = [r[1] for r in rows]
        frame["days"] = frame["days"].astype("Int64")
        return frame

    def by_agency(self, as_of, within: int = 30):
        """Per lead agency, how many of its tasks are overdue, due soon, open, done, recurring
        or without a date (a task with two leads counts for both)."""
        import pandas as pd

        frame = self.due(as_of, within).explode("lead")
        table = pd.crosstab(frame["lead"], frame["status"])
        for c in ("overdue", "due_soon", "open", "done", "recurring", "undated"):
            if c not in table.columns:
                table[c] = 0
        table = table[["overdue", "due_soon", "open", "done", "recurring", "undated"]]
        return table.sort_values("overdue", ascending=False, kind="stable")

    def to_ics(self, path=None, name: str = "dxkit") -> str:
        """The dated tasks as an iCalendar file (RFC 5545); written to ``path`` if given."""
        text = self._core.ics(name)
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        return text


def read_assignments(data, default_deadline: str | None = None) -> Assignments:
    """An assignment table (STT, task, lead, supporting, deadline[, Status]) from a CSV path or
    a DataFrame; Vietnamese headers as printed (Tên nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp,
    Thời điểm đánh giá ...) or Task, Lead, Support, Deadline. Rows without a deadline take
    ``default_deadline`` (e.g. "Cuối năm 2023")."""
    if isinstance(data, (str, os.PathLike)):
        return Assignments(_core.assignments_from_csv(os.fspath(data), default_deadline or ""))
    header = [str(c) for c in data.columns]
    columns = [[_cell_text(v, "vietnamese") for v in data[c].tolist()] for c in data.columns]
    return Assignments(_core.assignments_from_columns(header, columns, "<DataFrame>",
                                                      default_deadline or ""))
