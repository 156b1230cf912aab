"""``dxkit.read_budget``: budget appendices (kinh phí) read by the C++ core, as DataFrames.

Amounts are whole đồng in int64 columns (exact); ``Budget.unit`` is the unit the table was
published in, and ``format_money`` prints đồng in any unit with the rounding stated.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

import numpy as np

from dxkit import _core, _display
from dxkit import document as _document
from dxkit._lazy import frames as _frames
from dxkit.report import Reportable


class Budget(Reportable):
    """A budget appendix: rows with their hierarchy, exact totals, roll-ups and findings."""

    def __init__(self, core: _core.budget.BudgetCore):
        self._core = core
        self.source: str = core.source
        #: How ``number_format="auto"`` read the amounts ("" when the format was given).
        self.number_note: str = core.number_note
        self.unit: str = core.unit

    @property
    def total(self) -> int:
        """Σ of the items (subtotal rows excluded), in đồng."""
        return self._core.total

    def totals(self):
        """Per amount column: computed Σ of the items and the printed grand total (đồng)."""
        rows = self._core.columns_info()
        return _frames.frame(
            {
                "column": [r[0] for r in rows],
                "role": [r[1] for r in rows],
                "year": _frames.nullable_int([r[2] or None for r in rows]),
                "computed": np.array([r[3] for r in rows], dtype=np.int64),
                "reported": _frames.nullable_int([r[4] for r in rows]),
            }
        )

    def to_frame(self):
        """Every row as published: line, stt, label, kind (grand_total / section / group /
        item), section, group, agency, source, note, period, then the amount columns (nullable
        Int64 đồng: <NA> where the cell is blank) and the free-text columns."""
        d = self._core.rows()
        frame = _frames.frame({k: v for k, v in d.items()})
        for header, *_ in self._core.columns_info():
            frame[header] = _frames.nullable_int(d[header])
        for col in ("period_start", "period_end"):
            frame[col] = _frames.nullable_int(d[col])
        return frame

    def rollup(self, by: Sequence[str] = (), *, units=None, registry=None):
        """Exact sums of the items by any of: section, group, agency, source, year, tag,
        period. Columns: the keys, ``amount`` (int64 đồng) and ``share`` of the total.

        ``units`` (a date): each row's agency expressed in the agencies of that date first
        (the 2025 reorganisation: Sở TTTT -> Sở Khoa học và Công nghệ; ``registry``: default
        ``dxkit.units.agencies()``), so a successor's amount is the exact sum of its
        predecessors'; by agency, ``agency_original`` after ``agency`` keeps the names as
        written, as ``dxkit budget --units`` prints; warnings in ``.attrs["notes"]``."""
        by = _dims(by)
        if units is None:
            core, written, notes = self._core, None, None
        else:
            r = registry if registry is not None else _core.units.agencies()
            day = units.strftime("%Y-%m-%d") if hasattr(units, "strftime") else str(units)
            core, written, notes, _moved = self._core.expressed(r, day)
        keys, amount, share = core.rollup(by)
        data: dict[str, object] = {}
        for name, values in zip(by, keys):
            data[name] = values
            if written is not None and name == "agency":
                data["agency_original"] = [written.get(v, v) for v in values]
        data["amount"] = np.asarray(amount, dtype=np.int64)
        data["share"] = np.asarray(share, dtype=np.float64)
        out = _frames.frame(data)
        if notes is not None:
            out.attrs["notes"] = list(notes)
        return out

    def compare(self, other: Budget, by: Sequence[str] = ("agency",), *, units=None,
                registry=None):
        """This budget (before) against ``other`` (after): ``before``, ``after``, ``change``
        (int64 đồng) and ``change_percent`` (<NA> where before is 0).

        ``units`` (a date): both budgets' agencies expressed in the agencies of that date
        first (as ``rollup(units=...)`` does), so a 2024 budget of Sở TTTT compares with a
        2026 budget of Sở Khoa học và Công nghệ; by agency, ``agency_original`` after
        ``agency`` keeps the names as written in either budget; warnings of both in
        ``.attrs["notes"]``."""
        by = _dims(by)
        mine, theirs, written, notes = self._core, other._core, None, None
        if units is not None:
            r = registry if registry is not None else _core.units.agencies()
            day = units.strftime("%Y-%m-%d") if hasattr(units, "strftime") else str(units)
            mine, w_before, n_before, _moved = self._core.expressed(r, day)
            theirs, w_after, n_after, _moved = other._core.expressed(r, day)
            notes = [*n_before, *n_after]

            def written(agency):
                names = []
                for w in (w_before, w_after):
                    for name in str(w.get(agency, agency)).split("; "):
                        if name not in names:
                            names.append(name)
                return "; ".join(names)
        keys, before, after, change, pct = mine.compare(theirs, by)
        data: dict[str, object] = {}
        for name, values in zip(by, keys):
            data[name] = values
            if written is not None and name == "agency":
                data["agency_original"] = [written(v) for v in values]
        data["before"] = np.asarray(before, dtype=np.int64)
        data["after"] = np.asarray(after, dtype=np.int64)
        data["change"] = np.asarray(change, dtype=np.int64)
        data["change_percent"] = _frames.nullable_float(pct)
        out = _frames.frame(data)
        if notes is not None:
            out.attrs["notes"] = notes
        return out

    def check(self):
        """Findings: kind, severity, file, line, label, column, reported and computed (Int64
        đồng) and a message; then, for a table of a document, sheet (the workbook sheet's
        name), table (the Word table's number, Int64) and cell (a sheet's cell, "D10"), None
        for a CSV file. file is the file alone."""
        d = self._core.check()
        frame = _frames.frame(d)
        frame["reported"] = _frames.nullable_int(d["reported"])
        frame["computed"] = _frames.nullable_int(d["computed"])
        frame["table"] = _frames.nullable_int(d["table"])
        return frame

    def share_of(self, state_budget) -> float:
        """The total as a percentage of a total state budget, given in đồng (int) or as text
        in the table's unit ("4.800.000")."""
        dong = state_budget if isinstance(state_budget, int) else _core.budget.parse_money(
            str(state_budget), self.unit)
        return self._core.share_of(dong)

    def __repr__(self) -> str:
        return _display.budget_repr(self)

    def _repr_html_(self) -> str:
        return _display.budget_html(self)


def _dims(by) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def read_budget(source, unit: str | None = None, columns: dict[str, str] | None = None,
                *, number_format: str = "vietnamese", delimiter: str | None = None,
                plan_year: int | None = None, table: int | str | None = None) -> Budget:
    """Read a budget appendix in its published layout.

    Parameters
    ----------
    source : CSV path or pandas DataFrame
        Columns as the appendix prints them: STT, a name, free text, amount columns (Tổng mức
        đầu tư, Vốn đầu tư, Vốn sự nghiệp, Vốn xã hội hóa, NSTW, NSĐP, Năm 2022, ...), notes.
        A CSV may start with a line "ĐVT: Triệu đồng".
    unit : the unit of the amounts ("triệu đồng", "tỷ đồng", ...) when the file does not say.
    columns : explicit roles for other headers, e.g. {"Kinh phí 2024": "year:2024"}.
    number_format : "vietnamese" (1.650.380), "plain" (1,650,380) or "auto" (decided from the
        amounts; the decision is the budget's ``number_note``; both styles raise ParseError).
    table : for a .docx / .xlsx ``source``: the table's number or caption text (None: the
        document's only budget table); its "ĐVT" line gives the unit.

    Raises dxkit.ValidationError (no amount column, ...) and dxkit.ParseError, naming file,
    line and column; amounts that cannot be read are findings (``check()``), not errors.
    """
    columns = dict(columns or {})
    if _document.is_office_document(source):
        table_csv, declared = _document._shared(source)._csv(table, "budget")
        return Budget(_core.budget.budget_from_table(table_csv, declared or None, unit, columns,
                                                     number_format, plan_year))
    if isinstance(source, (str, os.PathLike)):
        return Budget(_core.budget.read_budget_csv(os.fspath(source), unit, columns, number_format,
                                            delimiter or "", plan_year))
    if hasattr(source, "iloc") and hasattr(source, "columns"):
        header, data = _frames.text_columns(source, number_format)
        return Budget(_core.budget.budget_from_columns(header, data, unit, columns, number_format,
                                                plan_year))
    raise TypeError(f"read_budget() takes a CSV path or a DataFrame, not {type(source).__name__}")


def rollup(frame, by: Iterable[str], amount: str = "amount"):
    """Exact int64 sums of ``frame[amount]`` grouped by the columns ``by``, on the arrays
    themselves (categorical codes, or codes of the distinct values): the core of a budget
    roll-up for large line-item tables. Returns a DataFrame of the non-empty groups, in the
    order of the keys' codes (a categorical's categories, else first appearance), the first
    key varying slowest."""
    return _rollup(frame, _dims(by), amount)[0]


def _rollup(frame, by: list[str], amount: str):
    """``rollup`` and the distinct values of each key in code order (categories, or first
    appearance): ``dxkit.dask.rollup`` combines partitions' sums in the whole frame's order."""
    keys, cards, cats = [], [], []
    for name in by:
        col = frame[name]
        if _frames.plain_integers(col):
            # Grouped by the core on the values themselves (a table over their range, in the
            # same pass as the sums), coded in pandas' order (first appearance).
            keys.append(np.ascontiguousarray(col.to_numpy()))
            cards.append(0)
            cats.append(None)
        else:  # a categorical's codes as they are (int8 for a few categories), else factorized
            c, u = _frames.codes(col, missing=False)
            if len(u) == 0 and len(c) > 0:  # no category at all: no row has a value
                raise _core.ValidationError(
                    f"sum_by_codes: row 1: key {len(keys) + 1} has no value (code {int(c[0])})")
            keys.append(np.ascontiguousarray(c))
            cards.append(max(len(u), 1))
            cats.append(u)
    values = frame[amount].to_numpy()
    if values.dtype.kind not in "iu":
        raise _core.ValidationError(f"rollup: column '{amount}' must hold whole đồng as integers")
    if values.dtype.kind == "u" and values.size and values.max() > np.iinfo(np.int64).max:
        # An unsigned amount beyond int64 would wrap to a negative number in the cast below.
        row = int(np.argmax(values > np.iinfo(np.int64).max))
        raise _core.ValidationError(
            f"rollup: column '{amount}' row {row}: {values[row]} đồng is beyond the exact "
            f"range of a roll-up (int64, at most {np.iinfo(np.int64).max})")
    uniques, _, sums, counts = _core.budget.sum_by_keys(keys, cards,
                                                        values.astype(np.int64, copy=False))
    cats = [_frames.index_of(v) if u is None else u for u, v in zip(cats, uniques, strict=True)]
    present = np.flatnonzero(counts)
    data: dict[str, object] = {}
    rest = present.copy()
    parts = []
    for u in reversed(cats):
        parts.append(rest % len(u))
        rest //= len(u)
    for name, u, idx in zip(by, cats, reversed(parts)):
        data[name] = np.asarray(u)[idx]
    data[amount] = sums[present]
    return _frames.frame(data), cats


def parse_money(text: str, unit: str = "triệu đồng", format: str = "vietnamese") -> int:
    """An amount in whole đồng (int): parse_money('75.428') == 75_428_000_000;
    parse_money('105,24 tỷ đồng') == 105_240_000_000. Raises ParseError for text that is not
    an amount, ValidationError for an unknown unit."""
    return _core.budget.parse_money(text, unit, format)


def format_money(dong: int, unit: str = "triệu đồng", decimals: int = -1) -> str:
    """Đồng printed in a unit, rounded half away from zero (decimals=-1: exact)."""
    return _core.budget.format_money(dong, unit, decimals)


def rounding_note(unit: str, decimals: int) -> str:
    """The note a table prints when amounts in ``unit`` are rounded to ``decimals``."""
    return _core.budget.rounding_note(unit, decimals)
