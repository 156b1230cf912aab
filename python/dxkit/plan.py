"""``dxkit.Plan``: a province's targets and results across documents and years, with what is
assigned to whom by when. ``.progress()`` and ``.due()`` give DataFrames. Deadlines in words
and assignment appendices: ``dxkit.parse_deadline``, ``dxkit.read_assignments`` and
``Assignments.due`` / ``.by_agency`` / ``.to_ics``. Paths are read by the core's CSV reader."""

from __future__ import annotations

import datetime as _dt
import os
import warnings

from dxkit import _core, _display
from dxkit import document as _document
from dxkit._lazy import frames as _frames
from dxkit.report import Reportable

_COLUMNS = ["indicator", "name", "target_year", "target", "target_value", "lower_is_better",
            "baseline_year", "baseline", "latest_year", "latest", "required", "observed", "ratio",
            "projected", "year_reached", "status", "path_from"]
#: Status ids of ``Plan.progress`` and ``Assignments.due``, in their order (ordered categoricals).
PROGRESS_STATUSES = [sid for sid, _ in _display.PROGRESS_STATUSES]
DUE_STATUSES = [sid for sid, _ in _display.DUE_STATUSES]


def _table(data, number_format: str = "vietnamese"):
    """A ``_core.text.Table``: a path read by the core's CSV reader (errors located as on the
    command line), a DataFrame's cells written as text (number cells in ``number_format``,
    "auto" writing them plain)."""
    if isinstance(data, (str, os.PathLike)):
        return _core.text.read_csv(os.fspath(data))
    return _core.text.table_from_columns(*_frames.text_columns(data, number_format),
                                         "<DataFrame>")


def parse_deadline(text: str):
    """Read a deadline phrase ("Tháng 09/2023", "Cuối năm 2023", "Thường xuyên" ...): a
    ``Deadline`` with ``kind`` (due, window, recurring, on_event, elsewhere, none), ``start``
    and ``due`` (ISO dates or None) and ``reading``. Raises ParseError quoting the text."""
    return _core.plan.parse_deadline(text)


def _weights(data, number_format: str = "vietnamese") -> dict:
    """The weights of weighted_mean rules as {weight: {unit: value}}: a dict as it is, a CSV
    path or a DataFrame of unit, indicator, value read by the core (errors located), its
    values in ``number_format`` (the plan's: "auto" decides for this file and warns how)."""
    if data is None:
        return {}
    if isinstance(data, dict):
        return {str(w): {str(u): float(v) for u, v in units.items()} for w, units in data.items()}
    weights, note = _core.units.read_weights(_table(data, number_format), number_format)
    if note:
        warnings.warn(f"weights: {note}", stacklevel=3)
    return weights


def _date(value) -> str:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


class Assignments(Reportable):
    """An assignment appendix: who leads, who supports, by when."""

    def __init__(self, core, source: str = ""):
        self._core = core
        #: Where the table was read from (a path, "<DataFrame>"), for the notes.
        self.source = source

    def __len__(self) -> int:
        return len(self._core)

    def to_frame(self):
        """Every task as written: No, section, task, lead and support (agencies joined by
        "; "; ``.explode_agencies()`` gives one row per agency), deadline, kind, start and
        last_day (datetime64, NaT without a date), status (the document's), line."""
        frame = _frames.frame(self._core.rows(), columns=[
            "No", "section", "task", "lead", "support", "deadline", "kind", "start", "last_day",
            "status", "line"])
        for c in ("lead", "support"):
            frame[c] = _frames.joined(frame[c])
        for c in ("start", "last_day"):
            frame[c] = _frames.iso_dates(frame[c])
        return _frames.DueFrame(frame)

    def _in_units(self, units, registry):
        """(Assignments in the agencies of ``units``, leads as written, {agency: as written},
        notes): ``dxkit due --units``."""
        r = registry if registry is not None else _core.units.agencies()
        core, lead, written, notes = self._core.expressed(r, _date(units), self.source)
        return Assignments(core, self.source), lead, written, list(notes)

    def due(self, as_of, within: int = 30, *, units=None, registry=None):
        """Every task as of a date: status (an ordered categorical: overdue, due_soon, open,
        done, recurring, undated) and days to its last day (negative: days overdue).
        ``units`` (a date): lead and support expressed in the agencies of that date (the
        2025 reorganisation: Sở TTTT -> Sở Khoa học và Công nghệ; ``registry``: default
        ``dxkit.units.agencies()``), each task's lead as written in ``lead_original`` after
        ``lead``, as ``dxkit due --units`` prints; warnings in ``.attrs["notes"]``."""
        if units is not None:
            moved, lead, _written, notes = self._in_units(units, registry)
            frame = moved.due(as_of, within)
            frame.insert(frame.columns.get_loc("lead") + 1, "lead_original", lead)
            frame.attrs["notes"] = notes
            return frame
        frame = self.to_frame()
        rows = self._core.due(_date(as_of), int(within))
        frame["status"] = _frames.ordered([r[0] for r in rows], DUE_STATUSES)
        frame["days"] = [r[1] for r in rows]
        frame["days"] = frame["days"].astype("Int64")
        return frame

    def by_agency(self, as_of, within: int = 30, aliases=None, *, units=None, registry=None):
        """Per lead agency, how many of its tasks are overdue, due soon, open, done, recurring
        or without a date (a task with two leads counts for both). The spellings of one agency
        ("Sở TTTT", "Sở TT&TT", "Sở Thông tin và Truyền thông") are one row, named by the first
        spelling seen; most overdue first, then in order of appearance. ``aliases``: a CSV
        path of ``spelling,agency`` rows adding the user's own spellings to dxkit's.
        ``units`` (a date): grouped by the agencies of that date (see ``due``), the names as
        written in a first column ``lead_original`` ("Sở TT&TT; Sở TTTT")."""
        if units is not None:
            moved, _lead, written, notes = self._in_units(units, registry)
            table = moved.by_agency(as_of, within, aliases)
            table.insert(0, "lead_original", [written.get(n, n) for n in table.index])
            table.attrs["notes"] = notes
            return table
        columns = ["overdue", "due_soon", "open", "done", "recurring", "undated"]
        rows = self._core.by_agency(_date(as_of), int(within),
                                    "" if aliases is None else os.fspath(aliases))
        table = _frames.frame(rows, columns=["lead", *columns]).set_index("lead")
        table.columns.name = "status"
        return table

    def to_ics(self, path=None, name: str = "dxkit") -> str:
        """The dated tasks as an iCalendar file (RFC 5545); written to ``path`` if given."""
        text = self._core.ics(name)
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        return text

    def __repr__(self) -> str:
        return f"<Assignments {len(self)} tasks>"

    def _repr_html_(self) -> str:
        return _display.assignments_html(self)


def read_assignments(data, default_deadline: str | None = None, *,
                     table: int | str | None = None) -> Assignments:
    """An assignment table (STT, task, lead, supporting, deadline[, Status]) from a CSV path,
    a .docx / .xlsx document (``table``: its number or caption text; None = the document's only
    assignments table) or a DataFrame; Vietnamese headers as printed (Tên nhiệm vụ, Đơn vị chủ
    trì, Đơn vị phối hợp, Thời điểm đánh giá ...) or Task, Lead, Support, Deadline. Rows without
    a deadline take ``default_deadline`` (e.g. "Cuối năm 2023")."""
    if _document.is_office_document(data):
        table_csv, _unit = _document._shared(data)._csv(table, "assignments")
        return Assignments(_core.plan.assignments_from_table(table_csv, default_deadline or ""),
                           table_csv.source)
    if isinstance(data, (str, os.PathLike)):
        return Assignments(_core.plan.assignments_from_csv(os.fspath(data), default_deadline or ""),
                           os.fspath(data))
    return Assignments(_core.plan.assignments_from_table(_table(data), default_deadline or ""),
                       "<DataFrame>")




class Plan(Reportable):
    """Targets and results across documents (a long table: indicator, year, kind, value[,
    source, name]), linked by ``mapping`` ({code as written: common code}, or a CSV of from,
    to); the ``documents`` they come from (number, kind, province, year[, date]); optionally
    an assignment appendix (``dxkit.read_assignments``) and the plan's ``text`` with its
    results ``appendix`` for ``check()``, scored by ``scheme`` : {"exceed", "bands"}.
    ``number_format``: how the values are written, "vietnamese" (3,7%; 1.234,5), "plain"
    (3.7%; 1,234.5) or "auto" (decided from the value column; the decision is
    ``number_note``, a table holding both styles raises ParseError at the cell); a
    DataFrame's number cells are numbers already, the format reads its text cells."""

    def __init__(self, observations, assignments: Assignments | None = None, *, mapping=None,
                 documents=None, text=None, appendix=None, scheme: str = "bands",
                 number_format: str = "vietnamese"):
        self._table = _table(observations, number_format)
        self._numbers = number_format  # the style, for the appendix's own decision
        self._number_format, self.number_note = _core.plan.observation_number_format(
            self._table, number_format)
        self.assignments = assignments
        if isinstance(mapping, (str, os.PathLike)):
            mapping = _core.plan.read_mapping(_core.text.read_csv(os.fspath(mapping)))
        self._mapping = {str(k): str(v) for k, v in (mapping or {}).items()}
        self._documents = _table(documents) if documents is not None else None
        self._text, self._appendix, self._scheme = text, appendix, scheme
        self.progress()  # read once now: bad input is reported when the plan is made

    @property
    def documents(self):
        """The documents (number, kind, province, year, date), or None."""
        if self._documents is None:
            return None
        rows = _core.plan.read_documents(self._documents)
        return _frames.frame(rows, columns=["number", "kind", "province", "year", "date"])

    def check(self):
        """Where the plan's text disagrees with itself (``dxkit.check_text``) and, given its
        results appendix, the tallies it does not support (``dxkit.check_tallies``), as one
        DataFrame of findings."""
        if self._text is None:
            raise _core.ValidationError("this plan has no text to check (read_plan(..., text=...))")
        found = check_text(self._text)
        if self._appendix is not None:
            t = check_tallies(self._text, self._appendix, self._scheme,
                              number_format=self._numbers)
            bad = t[~t["supported"]]
            extra = _frames.frame({
                "line": bad["line"], "kind": bad["code"], "quote": bad["quote"],
                "message": bad["message"],
                "other_line": _frames.nullable_int([None] * len(bad)), "other_quote": ""})
            found = _frames.concat([found, extra])
        return found

    def progress(self, as_of=None, *, compound: bool = False, on_track: float = 0.95,
                 acceleration: float = 0.6, limited: float = 0.0, units=None, carry=None,
                 weights=None, registry=None):
        """Every indicator against each of its target years: required and observed yearly
        change (or growth rate with ``compound=True``), their ratio, status (achieved,
        on_track, acceleration_needed, limited_progress, deteriorating, insufficient_data),
        the value projected for the target year and the year the target would be reached.
        ``as_of`` (a date or year) leaves out later results.

        ``units`` (a date, e.g. "2025-07-01"): the plan followed into the provinces of that
        date first, as ``dxkit progress --units`` does (needs the ``documents``: a row's
        province is its document's, at the document's date; Thái Bình's targets are followed
        in Hưng Yên). ``carry``: {indicator: rule} for an indicator given by several former
        provinces ("weighted_mean(GRDP)", "sum", "mean", "min", "max"); ``weights``: the
        weights of weighted_mean, {weight: {province: value}} or a CSV path / DataFrame of
        unit, indicator, value; ``registry``: default ``dxkit.units.provinces()``. Two columns
        come first: ``province`` (of the date) and ``original`` (the provinces whose rows were
        used); the warnings are in ``.attrs["notes"]``."""
        year = None
        if isinstance(as_of, (_dt.date, _dt.datetime)):
            year = as_of.year
        elif as_of is not None:
            year = int(str(as_of)[:4])
        notes = None
        if units is not None:
            if self._documents is None:
                raise _core.ValidationError(
                    "progress(units=...) needs the plan's documents (read_plan(..., "
                    "documents=...)): a row's province and date come from its document")
            rows, notes = _core.units.progress_in(
                registry if registry is not None else _core.units.provinces(), self._table,
                self._mapping, self._documents, _date(units),
                {str(k): str(v) for k, v in (carry or {}).items()},
                _weights(weights, self._numbers), compound,
                on_track, acceleration, limited, year, self._number_format)
            frame = _frames.frame(rows, columns=["province", "original", *_COLUMNS])
        else:
            rows = _core.plan.progress_from_tables(self._table, self._mapping, self._documents,
                                                   compound, on_track, acceleration, limited,
                                                   year, self._number_format)
            frame = _frames.frame(rows, columns=_COLUMNS)
        for c in ("baseline_year", "latest_year"):
            frame[c] = frame[c].astype("Int64")
        # Not computable is <NA> (the status says why), never a bare NaN.
        for c in ("baseline", "latest", "required", "observed", "ratio", "projected",
                  "year_reached"):
            frame[c] = frame[c].astype("Float64")
        frame["status"] = _frames.ordered(frame["status"].tolist(), PROGRESS_STATUSES)
        out = _frames.ProgressFrame(frame)
        if notes is not None:
            out.attrs["notes"] = list(notes)
        return out

    def due(self, as_of, within: int = 30, *, units=None):
        """The assignment appendix as of a date (see ``Assignments.due``; ``units``: in the
        agencies of that date)."""
        if self.assignments is None:
            raise _core.ValidationError(
                "this plan has no assignment appendix "
                "(dxkit.read_plan(observations, assignments=...))")
        return self.assignments.due(as_of, within, units=units)

    def __repr__(self) -> str:
        return _display.plan_repr(self)

    def _repr_html_(self) -> str:
        return _display.plan_html(self)


def read_plan(observations, assignments=None, default_deadline: str | None = None, *,
              mapping=None, documents=None, text=None, appendix=None,
              scheme: str = "bands", number_format: str = "vietnamese") -> Plan:
    """A Plan from a long table of targets and results and, optionally, an assignment table,
    a mapping of indicator codes, the documents, the plan's text and its results appendix
    (paths or DataFrames); ``scheme`` : {"exceed", "bands"} scores the appendix;
    ``number_format`` : "vietnamese", "plain" or "auto", how the values are written (see
    ``Plan``)."""
    if assignments is not None and not isinstance(assignments, Assignments):
        assignments = read_assignments(assignments, default_deadline)
    return Plan(observations, assignments, mapping=mapping, documents=documents, text=text,
                appendix=appendix, scheme=scheme, number_format=number_format)


def _read_text(document, source):
    if _document.is_office_document(document):  # its paragraphs, line N = paragraph N
        return _document._shared(document)._core.paragraph_text(), source or os.fspath(
            document)
    if isinstance(document, os.PathLike) or (isinstance(document, str) and "\n" not in document
                                             and os.path.exists(document)):
        source = source or os.fspath(document)
        with open(document, "rb") as f:
            raw = f.read()
        try:
            return raw.decode("utf-8"), source
        except UnicodeDecodeError as e:
            raise _core.EncodingError(f"{source}: not UTF-8 at byte {e.start} (save the file as "
                                      "UTF-8)") from None
    return document, source or "<text>"


def check_tallies(document, appendix=None, scheme: str = "bands", source: str | None = None, *,
                  table: int | str | None = None, number_format: str = "vietnamese"):
    """The tallies a plan's text prints ("Số mục tiêu đã hoàn thành: 10/16", "trên 50%:
    04/16", "đạt và vượt 13/15 chỉ tiêu") against its results appendix (a CSV path, or a .docx /
    .xlsx whose results table ``table`` is taken, scored as ``dxkit.evaluate`` scores it): one
    row per tally with the count stated and the count found, whether the appendix supports it,
    and the core's diagnostic (code ``tally`` or ``tally_mismatch``, message). ``document``: a
    path (a .docx / .xlsx plan: its paragraphs, line N = paragraph N, and without ``appendix``
    its own results table) or the text. ``scheme`` : {"exceed", "bands"}. ``number_format``:
    how the appendix writes its numbers, "vietnamese", "plain" or "auto" (as for
    ``dxkit.evaluate``; auto's decision is ``.attrs["number_note"]``); the text is read as
    Vietnamese prose."""
    text, source = _read_text(document, source)
    if appendix is None and _document.is_office_document(document):
        appendix = document
    if appendix is None:
        raise TypeError("check_tallies() needs the results appendix (appendix=...)")
    if _document.is_office_document(appendix):
        table_csv, _unit = _document._shared(appendix)._csv(table, "results")
        rows, note = _core.plan.check_tallies_table(text, table_csv, scheme, source,
                                                    number_format)
    else:
        rows, note = _core.plan.check_tallies(text, os.fspath(appendix), scheme, source,
                                              number_format)
    frame = _frames.frame(rows, columns=["line", "quote", "category", "stated", "stated_total",
                                        "counted", "total", "at_threshold", "supported",
                                        "code", "message"])
    frame.attrs["number_note"] = note
    return frame


def check_text(document, source: str | None = None):
    """Where a plan's text disagrees with itself: a fraction and the share printed with it
    that do not match beyond rounding (ratio_mismatch), a malformed number in such a fraction
    (malformed_number), the same target stated twice with different values
    (conflicting_target, with the other place). ``document``: a path (a .docx / .xlsx: its
    paragraphs outside tables, line N = paragraph N) or the text itself."""
    document, source = _read_text(document, source)
    rows = _core.plan.check_text(document, source)
    frame = _frames.frame(rows, columns=["line", "kind", "quote", "message", "other_line",
                                        "other_quote"])
    frame["other_line"] = frame["other_line"].astype("Int64")
    return frame
