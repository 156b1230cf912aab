"""``dxkit.evaluate``: a results table scored by the C++ core, presented for notebooks.

Sources are a CSV path or a pandas DataFrame. A DataFrame whose target and actual columns are
numeric goes through the core's numeric kernel on the numpy arrays themselves; one with text
(the documents' "97% trở lên", "Trên 85%") goes through the parsers, column by column.
"""

from __future__ import annotations

import inspect
import os
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from dxkit import _core, _display
from dxkit import document as _document
from dxkit._core.targets import Evaluation, Result, Scheme, Target
from dxkit._lazy import frames as _frames
from dxkit.report import Reportable


class EvaluationResult(Reportable):
    """The evaluations of a table: per-row arrays, the tally, and a DataFrame on request.

    Attributes
    ----------
    scheme : str
        "exceed" or "bands".
    statuses : list of (id, label)
        Every status the scheme can give, in the order the documents tally them.
    ratio, met, exceeded, estimate, has_data : numpy.ndarray
        Views of the C++ columns (no copy). ``ratio`` is 0 where ``has_data`` is False.
    """

    def __init__(self, table: _core.targets.EvaluationTable, rows: Mapping[str, Sequence[Any]],
                 extras: Mapping[str, Sequence[Any]], source: str,
                 texts: Mapping[str, Sequence[Any]] | None = None):
        self._table = table
        self._rows = rows
        # target_text / actual_text: the cells as written (the canonical forms are in rows).
        self._texts = texts if texts is not None else {"target_text": rows["target"],
                                                       "actual_text": rows["actual"]}
        self._extras = extras
        self.source = source
        scheme = table.scheme
        self.scheme: str = scheme.name
        self.thresholds: list[float] = list(scheme.thresholds)
        self.statuses: list[tuple[str, str]] = list(scheme.statuses)
        self.ratio = table.ratio
        self.met = table.met
        self.exceeded = table.exceeded
        self.estimate = table.estimate
        self.has_data = table.has_data
        self.status_codes = table.status
        #: How ``number_format="auto"`` read the numbers ("" when the format was given).
        self.number_note: str = ""

    def __len__(self) -> int:
        return len(self._table)

    @property
    def counts(self) -> dict[str, int]:
        """Status id -> number of rows, every status of the scheme included (0 too)."""
        return {sid: int(n) for (sid, _), n in zip(self.statuses, self._table.counts())}

    @property
    def status(self) -> list[str]:
        ids = [sid for sid, _ in self.statuses]
        return [ids[c] for c in self.status_codes]

    @property
    def label(self) -> list[str]:
        labels = [lab for _, lab in self.statuses]
        return [labels[c] for c in self.status_codes]

    def summary(self) -> str:
        """The tally as the plans print it: "Hoàn thành: 10/16; Đạt trên 90% ... 1/16; ..."."""
        n = len(self)
        counts = self._table.counts()
        return "; ".join(f"{lab}: {c}/{n}" for (_, lab), c in zip(self.statuses, counts) if c)

    def to_frame(self):
        """A pandas DataFrame: code, name, pillar, target, actual, ratio (nullable: <NA> for no
        data), met, exceeded, estimate, status, label (categoricals), and the input's other
        columns (e.g. the document's own verdict) at the end."""
        ids = [sid for sid, _ in self.statuses]
        labels = [lab for _, lab in self.statuses]
        codes = np.asarray(self.status_codes, dtype=np.int8)
        ratio = _frames.masked_float(np.array(self.ratio, dtype=np.float64),
                                     ~np.asarray(self.has_data, dtype=bool))
        data: dict[str, Any] = dict(self._rows)
        data["ratio"] = ratio
        data["met"] = np.array(self.met, dtype=bool)
        data["exceeded"] = np.array(self.exceeded, dtype=bool)
        data["estimate"] = np.array(self.estimate, dtype=bool)
        data["status"] = _frames.categorical(codes, ids, ordered=True)
        data["label"] = _frames.categorical(codes, labels, ordered=True)
        # The cells as written (dxkit.evaluate reads them again from this frame or its CSV).
        data["target_text"] = self._texts["target_text"]
        data["actual_text"] = self._texts["actual_text"]
        for k, v in self._extras.items():
            if k not in data:
                data[k] = v
        # copy=False: the arrays are ours, and pandas copy-on-write protects the input's columns.
        return _frames.frame(data, copy=False)

    # Presentation -----------------------------------------------------------------------
    def _header(self) -> str:
        bands = f" ({', '.join(_fmt(t) for t in self.thresholds)})" if self.thresholds else ""
        return f"dxkit evaluation of {self.source}: scheme {self.scheme}{bands}, {len(self)} rows"

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.counts.items())
        return f"<EvaluationResult {self.scheme} rows={len(self)} {counts}>"

    def _repr_pretty_(self, p, cycle) -> None:  # IPython
        p.text(repr(self) if cycle else self._header() + "\n" + self.summary())

    def _repr_html_(self, max_rows: int = 30) -> str:
        return _display.evaluation_html(self, max_rows)


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _cell_text(value: Any, number_format: str) -> str:
    """A DataFrame cell as the text the core parses (see ``dxkit._frames.cell_text``)."""
    return _frames.cell_text(value, number_format)


def _directions(column, name: str, number_format: str):
    """The direction column as (codes, 0/1 per code: 1 = lower is better; a negative code
    is missing: higher), parsing each distinct value once."""
    codes, uniques = _frames.codes(column)
    flags = np.zeros(len(uniques), dtype=np.uint8)
    for k, value in enumerate(uniques):
        try:
            flags[k] = _core.targets.parse_directions([_cell_text(value, number_format)])[0]
        except _core.ParseError as e:
            line = int(np.flatnonzero(codes == k)[0]) + 2
            err = _core.ParseError(f"<DataFrame>:{line} (column '{name}'): {e.message}: '{e.text}'")
            err.file, err.line, err.column, err.column_name = "<DataFrame>", line, None, name
            err.sheet = err.table = err.cell = None
            err.message, err.text = e.message, e.text
            raise err from None
    return np.ascontiguousarray(codes), flags


def _from_table(t: _core.targets.TableEvaluation) -> EvaluationResult:
    rows = {
        "line": np.asarray(t.lines, dtype=np.int64),
        "code": t.codes,
        "name": t.names,
        "pillar": t.pillars,
        "target": t.targets,
        "actual": t.actuals,
    }
    texts = {"target_text": t.target_texts, "actual_text": t.actual_texts}
    extras = dict(zip(t.extra_names, t.extra_values))
    for text in t.evaluation.warnings:  # a code on two rows, a bare 0,99 against a percentage
        warnings.warn(text, stacklevel=3)
    result = EvaluationResult(t.evaluation, rows, extras, t.source, texts)
    result.number_note = t.number_note
    return result


class _Columns(Mapping):
    """Columns made on first use: a CSV of millions of rows is scored without a Python object
    per cell, and its cells become str only for to_frame(), a report or a display."""

    def __init__(self, makers: dict[str, Callable[[], Sequence[Any]]]):
        self._makers = makers
        self._made: dict[str, Sequence[Any]] = {}

    def __getitem__(self, key: str) -> Sequence[Any]:
        if key not in self._made:
            self._made[key] = self._makers[key]()
        return self._made[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


def _cells(coded) -> np.ndarray:
    """A column given as (codes, distinct texts) as an object array of those texts: one str
    object per distinct text, shared by its rows."""
    codes, values = coded
    return np.array(values, dtype=object)[codes]


def _from_csv(t: _core.targets.CsvEvaluation) -> EvaluationResult:
    """A CSV file scored as columns (evaluate_csv): the parsed targets and results as
    categoricals, as for a DataFrame; the cells as read made on first use."""
    rows = _Columns({
        "line": lambda: np.asarray(t.lines, dtype=np.int64),
        "code": lambda: t.codes,
        "name": lambda: t.names,
        "pillar": lambda: t.pillars,
        "target": lambda: _frames.categorical(t.target_codes, t.target_labels),
        "actual": lambda: _frames.categorical(t.actual_codes, t.actual_labels),
    })
    texts = _Columns({"target_text": lambda: _cells(t.target_cells),
                      "actual_text": lambda: _cells(t.actual_cells)})
    extras = _Columns({name: (lambda k=k: t.extra_values(k))
                       for k, name in enumerate(t.extra_names)})
    for text in t.evaluation.warnings:  # a code on two rows, a bare 0,99 against a percentage
        warnings.warn(text, stacklevel=3)
    result = EvaluationResult(t.evaluation, rows, extras, t.source, texts)
    result.number_note = t.number_note
    return result


def _evaluate_frame(df, scheme, number_format: str) -> EvaluationResult:
    header = [str(c) for c in df.columns]
    roles = _core.targets.resolve_columns(header)
    target = df.iloc[:, roles["target"]]
    actual = df.iloc[:, roles["actual"]]
    numeric = _frames.is_numeric(target) and _frames.is_numeric(actual, allow_bool=True)
    if numeric:
        codes = lower = None
        if "direction" in roles:
            codes, lower = _directions(df.iloc[:, roles["direction"]],
                                       header[roles["direction"]], number_format)
        # One pass in C++ over the float64 arrays (no copies), directions through their codes.
        table = _core.targets.evaluate_numeric_fused(_frames.float_values(target),
                                                     _frames.float_values(actual), scheme,
                                                     codes, lower)
        # The input's own columns go to to_frame() as they are (no re-inference of dtypes).
        def column(k):
            return df.iloc[:, k].reset_index(drop=True)

        rows: dict[str, Any] = {}
        for role in ("code", "name", "pillar"):
            if role in roles:
                rows[role] = column(roles[role])
        rows["target"] = column(roles["target"])
        rows["actual"] = column(roles["actual"])
        extras = {header[k]: column(k) for k in roles["extra"]}
        return EvaluationResult(table, rows, extras, "<DataFrame>")
    return _evaluate_text_frame(df, header, roles, scheme, number_format)


def _evaluate_text_frame(df, header, roles, scheme, number_format: str) -> EvaluationResult:
    """Text cells scored from each column's codes and distinct values (pandas' own hash
    tables factorise them; no Python step per cell): each distinct text is parsed once, the
    GIL released, and the targets and results come back as categoricals."""
    def coded(role):
        if role not in roles:
            return None
        k = roles[role]
        codes, values = _frames.coded_text(df.iloc[:, k], number_format)
        return (header[k], k, codes, values)

    # Repeated codes: an Arrow str column is checked on its buffers in place; any other
    # column through its codes and distinct values, as the text columns.
    code, repeated = None, []
    if "code" in roles:
        chunks = _frames.arrow_string_chunks(df.iloc[:, roles["code"]])
        if chunks is None:
            code = coded("code")
        else:
            repeated = _core.targets.repeated_codes(chunks, "<DataFrame>")
    t = _core.targets.evaluate_coded(coded("target"), coded("actual"), coded("direction"),
                                     code, scheme, number_format, "<DataFrame>")
    n = len(df)
    rows: dict[str, Any] = {"line": np.arange(2, n + 2, dtype=np.int64)}
    for role in ("code", "name", "pillar"):  # the input's own columns, not copies
        rows[role] = (df.iloc[:, roles[role]].reset_index(drop=True) if role in roles
                      else np.full(n, "", dtype=object))
    rows["target"] = _frames.categorical(t.target_codes, t.target_labels)
    rows["actual"] = _frames.categorical(t.actual_codes, t.actual_labels)
    texts = {"target_text": df.iloc[:, roles["target"]].reset_index(drop=True),
             "actual_text": df.iloc[:, roles["actual"]].reset_index(drop=True)}
    extras = {header[k]: df.iloc[:, k].reset_index(drop=True) for k in roles["extra"]}
    evaluation = t.evaluation
    for text in list(evaluation.warnings) + repeated:  # a code on two rows: both are scored
        warnings.warn(text, stacklevel=4)
    return EvaluationResult(evaluation, rows, extras, "<DataFrame>", texts)


def evaluate(source, scheme: str = "exceed", bands: Sequence[float] = (90, 50), *,
             number_format: str = "vietnamese", delimiter: str | None = None,
             table: int | str | None = None) -> EvaluationResult:
    """Score a table of targets and results.

    Parameters
    ----------
    source : str, os.PathLike or pandas.DataFrame
        A CSV file, or a DataFrame, with columns code / name / pillar / target / actual
        (optional unit, direction) or the documents' headers (STT, Tên chỉ tiêu, Mục tiêu /
        Chỉ tiêu, Kết quả / Kết quả thực hiện).
    scheme : {"exceed", "bands"}
        "exceed": Vượt / Đạt / Chưa đạt. "bands": Hoàn thành / Đạt trên T% mục tiêu / ...
    bands : thresholds for "bands", strictly decreasing percentages (default 90, 50).
    number_format : "vietnamese" (75.428; 99,21), "plain" (75,428; 99.21) or "auto" (decided
        from the table's targets and results; the decision is the result's ``number_note``, a
        table holding both styles raises ParseError at the cell).
    delimiter : CSV delimiter; detected from the header (',', ';', TAB) when None.
    table : for a .docx / .xlsx ``source``: the table's number or caption text (None: the
        document's only results table).

    Raises
    ------
    dxkit.ParseError, dxkit.ValidationError, dxkit.EncodingError
        With the file, line and column of the offending cell.
    """
    sch = _core.targets.Scheme.from_name(scheme, [float(b) for b in bands])
    if _document.is_office_document(source):
        table_csv, _unit = _document._shared(source)._csv(table, "results")
        return _from_table(_core.targets.evaluate_table(table_csv, sch, number_format))
    if isinstance(source, (str, os.PathLike)):
        return _from_csv(_core.targets.evaluate_csv(os.fspath(source), sch, number_format,
                                            delimiter or ""))
    if hasattr(source, "iloc") and hasattr(source, "columns"):
        return _evaluate_frame(source, sch, number_format)
    raise TypeError("evaluate() takes a CSV path or a pandas DataFrame, "
                    f"not {type(source).__name__}")


def parse_target(text: str, format: str = "vietnamese", direction: str | None = None) -> Target:
    """Parses a target: '97% trở lên', 'trên 75%', '6 - 8%', 'tối đa 5 ngày', 'Hoàn thành',
    'tỉnh: 90%; huyện: 80%', or a document sentence with one percentage in it. ``direction``
    ('higher' / 'lower') overrides the one the words imply. Raises ParseError (with .column)
    for anything else."""
    return _core.targets.parse_target(text, format, direction)


def parse_result(text: str, format: str = "vietnamese") -> Result:
    """Parses a result: '99,21%', 'trên 85%', 'ước đạt 5%', '60/90', 'Hoàn thành', '' (no
    data)."""
    return _core.targets.parse_result(text, format)


def score(target: Target, result: Result) -> Evaluation:
    """Scores one parsed result against one parsed target."""
    return _core.targets.score(target, result)


def _signature(*params: tuple) -> inspect.Signature:
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    return inspect.Signature([inspect.Parameter(name, kind, default=default, annotation=ann)
                              for name, ann, default in params])


_NONE = inspect.Parameter.empty
# The core's classes, as their constructors take them (pybind11 does not give builtins a
# signature inspect can read).
Target.__signature__ = _signature(("text", str, _NONE), ("format", str, "vietnamese"),
                                  ("direction", "str | None", None))
Result.__signature__ = _signature(("text", str, _NONE), ("format", str, "vietnamese"))
Evaluation.__signature__ = _signature(("target", Target, _NONE), ("result", Result, _NONE))
Scheme.__signature__ = _signature(("name", str, "exceed"),
                                  ("thresholds", "Sequence[float]", [90.0, 50.0]))
# Parts come out of parsing only: no constructor, no parameters.
_core.targets.TargetPart.__signature__ = inspect.Signature()
_core.targets.ResultPart.__signature__ = inspect.Signature()
