"""``dxkit.Plan``: a province's targets and results across documents and years, with what is
assigned to whom by when. ``.progress()`` and ``.due()`` give DataFrames."""

from __future__ import annotations

import datetime as _dt
import os

from dxkit import _core
from dxkit._deadline import Assignments, read_assignments
from dxkit.targets import _cell_text

_COLUMNS = ["indicator", "name", "target_year", "target", "target_value", "lower_is_better",
            "baseline_year", "baseline", "latest_year", "latest", "required", "observed", "ratio",
            "projected", "year_reached", "status", "path_from"]


def _text_columns(data):
    if isinstance(data, (str, os.PathLike)):
        import pandas as pd

        frame = pd.read_csv(data, dtype=str, keep_default_na=False)
        return ([str(c) for c in frame.columns],
                [frame[c].tolist() for c in frame.columns], os.fspath(data))
    return ([str(c) for c in data.columns],
            [[_cell_text(v, "vietnamese") for v in data[c].tolist()] for c in data.columns],
            "<DataFrame>")


class Plan:
    """Targets and results across documents (a long table: indicator, year, kind, value[,
    source, name]), linked by ``mapping`` ({code as written: common code}, or a CSV of from,
    to); the ``documents`` they come from (number, kind, province, year[, date]); optionally
    an assignment appendix (``dxkit.read_assignments``) and the plan's ``text`` with its
    results ``appendix`` for ``check()``."""

    def __init__(self, observations, assignments: Assignments | None = None, *, mapping=None,
                 documents=None, text=None, appendix=None, scheme: str = "bands"):
        self._table = _text_columns(observations)
        self.assignments = assignments
        if isinstance(mapping, (str, os.PathLike)):
            import pandas as pd

            m = pd.read_csv(mapping, dtype=str, keep_default_na=False)
            if "from" not in m.columns or "to" not in m.columns:
                raise _core.ValidationError(f"{os.fspath(mapping)}: a mapping has the columns "
                                            "from and to")
            mapping = dict(zip(m["from"], m["to"], strict=True))
        self._mapping = {str(k): str(v) for k, v in (mapping or {}).items()}
        self._documents = _text_columns(documents) if documents is not None else None
        self._text, self._appendix, self._scheme = text, appendix, scheme
        self.progress()  # read once now: bad input is reported when the plan is made

    @property
    def documents(self):
        """The documents (number, kind, province, year, date), or None."""
        import pandas as pd

        if self._documents is None:
            return None
        rows = _core.read_documents(*self._documents)
        return pd.DataFrame(rows, columns=["number", "kind", "province", "year", "date"])

    def check(self):
        """Where the plan's text disagrees with itself (``dxkit.check_text``) and, given its
        results appendix, the tallies it does not support (``dxkit.check_tallies``), as one
        DataFrame of findings."""
        import pandas as pd

        if self._text is None:
            raise _core.ValidationError("this plan has no text to check (read_plan(..., text=...))")
        found = check_text(self._text)
        if self._appendix is not None:
            t = check_tallies(self._text, self._appendix, self._scheme)
            bad = t[~t["supported"]]
            extra = pd.DataFrame({
                "line": bad["line"], "kind": "tally_mismatch", "quote": bad["quote"],
                "message": [f"the text says {s} {c}; the appendix gives {n}/{tot}"
                            + (f", and {a} exactly at the percentage" if a else "")
                            for s, c, n, tot, a in zip(bad["stated"], bad["category"],
                                                       bad["counted"], bad["total"],
                                                       bad["at_threshold"], strict=True)],
                "other_line": pd.array([None] * len(bad), dtype="Int64"), "other_quote": ""})
            found = pd.concat([found, extra], ignore_index=True)
        return found

    def progress(self, as_of=None, *, compound: bool = False, on_track: float = 0.95,
                 acceleration: float = 0.6, limited: float = 0.0):
        """Every indicator against each of its target years: required and observed yearly
        change (or growth rate with ``compound=True``), their ratio, status (achieved,
        on_track, acceleration_needed, limited_progress, deteriorating, insufficient_data),
        the value projected for the target year and the year the target would be reached.
        ``as_of`` (a date or year) leaves out later results."""
        import pandas as pd

        year = None
        if isinstance(as_of, (_dt.date, _dt.datetime)):
            year = as_of.year
        elif as_of is not None:
            year = int(str(as_of)[:4])
        header, columns, source = self._table
        doc_header, doc_columns = (None, None) if self._documents is None else \
            self._documents[:2]
        rows = _core.progress_from_columns(header, columns, source, self._mapping, doc_header,
                                           doc_columns, compound, on_track, acceleration,
                                           limited, year)
        frame = pd.DataFrame(rows, columns=_COLUMNS)
        for c in ("baseline_year", "latest_year"):
            frame[c] = frame[c].astype("Int64")
        # Not computable is <NA> (the status says why), never a bare NaN.
        for c in ("baseline", "latest", "required", "observed", "ratio", "projected",
                  "year_reached"):
            frame[c] = frame[c].astype("Float64")
        return frame

    def due(self, as_of, within: int = 30):
        """The assignment appendix as of a date (see ``Assignments.due``)."""
        if self.assignments is None:
            raise _core.ValidationError(
                "this plan has no assignment appendix "
                "(dxkit.read_plan(observations, assignments=...))")
        return self.assignments.due(as_of, within)


def read_plan(observations, assignments=None, default_deadline: str | None = None, *,
              mapping=None, documents=None, text=None, appendix=None,
              scheme: str = "bands") -> Plan:
    """A Plan from a long table of targets and results and, optionally, an assignment table,
    a mapping of indicator codes, the documents, the plan's text and its results appendix
    (paths or DataFrames)."""
    if assignments is not None and not isinstance(assignments, Assignments):
        assignments = read_assignments(assignments, default_deadline)
    return Plan(observations, assignments, mapping=mapping, documents=documents, text=text,
                appendix=appendix, scheme=scheme)


def _read_text(document, source):
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


def check_tallies(document, appendix, scheme: str = "bands", source: str | None = None):
    """The tallies a plan's text prints ("Số mục tiêu đã hoàn thành: 10/16", "trên 50%:
    04/16", "đạt và vượt 13/15 chỉ tiêu") against its results appendix (a CSV path scored as
    ``dxkit.evaluate`` scores it): one row per tally with the count stated and the count
    found, and whether the appendix supports it."""
    import pandas as pd

    text, source = _read_text(document, source)
    rows = _core.check_tallies(text, os.fspath(appendix), scheme, source)
    return pd.DataFrame(rows, columns=["line", "quote", "category", "stated", "stated_total",
                                       "counted", "total", "at_threshold", "supported"])


def check_text(document, source: str | None = None):
    """Where a plan's text disagrees with itself: a fraction and the share printed with it
    that do not match beyond rounding (ratio_mismatch), a malformed number in such a fraction
    (malformed_number), the same target stated twice with different values
    (conflicting_target, with the other place). ``document``: a path or the text itself."""
    import pandas as pd

    document, source = _read_text(document, source)
    rows = _core.check_text(document, source)
    frame = pd.DataFrame(rows, columns=["line", "kind", "quote", "message", "other_line",
                                        "other_quote"])
    frame["other_line"] = frame["other_line"].astype("Int64")
    return frame
