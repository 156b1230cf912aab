"""The one module of dxkit that imports pandas: every conversion between the core's columns
and DataFrames goes through here (columns -> DataFrame, nullable and categorical columns,
DataFrame -> text columns). The area modules reach it through ``dxkit._lazy.frames``, so
``import dxkit`` does not import pandas; the first DataFrame made or read does."""

from __future__ import annotations

import math
import os
from typing import Any

import numpy as np
import pandas as pd

NA = pd.NA


def is_frame(value: Any) -> bool:
    """True for a pandas DataFrame."""
    return isinstance(value, pd.DataFrame)


def frame(data=None, *, index=None, columns=None, copy: bool | None = None) -> pd.DataFrame:
    """A DataFrame from a dict of columns, a list of row tuples (with ``columns``) or a 2-D
    array; ``copy=False`` keeps numpy columns as they are."""
    return pd.DataFrame(data, index=index, columns=columns, copy=copy)


def labels(values, name: str | None = None, *, copy: bool = False) -> pd.Index:
    """An Index (row or column labels) named ``name``."""
    return pd.Index(values, name=name, copy=copy)


_STR = pd.array([""], dtype="str")  # one "" as pandas' str dtype keeps it (made once)


def empty_texts(n: int):
    """A str column of n empty texts, made once (inserting the scalar "" into a frame builds
    the column again on every insert: 0.3 ms at 10,000 rows). Where pandas keeps str columns
    in Arrow, the column is made from n + 1 zero offsets and no characters (15 µs at 10,000
    rows; taking "" n times cost 150 µs)."""
    dtype = _STR.dtype
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow" and n > 0:
        import pyarrow as pa  # present: pandas keeps str columns in it

        offsets = pa.py_buffer(np.zeros(n + 1, dtype=np.int32))
        empty = pa.StringArray.from_buffers(n, offsets, pa.py_buffer(b""))
        try:
            return type(_STR)(empty, dtype=dtype)
        except TypeError:  # a pandas whose Arrow string array takes no dtype
            return pd.array(empty, dtype="str")
    return _STR.take(np.zeros(n, dtype=np.intp))


def series(values, *, index=None, name: str | None = None) -> pd.Series:
    """A Series (a dict becomes its index and values)."""
    return pd.Series(values, index=index, name=name)


def nullable_int(values, dtype: str = "Int64"):
    """Integers with None as <NA> (pandas' nullable integer column)."""
    return pd.array(values, dtype=dtype)


def nullable_float(values):
    """Floats with None as <NA> (pandas' nullable float column): not computable is <NA>,
    never a bare NaN."""
    return pd.array(values, dtype="Float64")


def masked_int(values: np.ndarray, missing: np.ndarray):
    """A nullable integer column on ``values`` (no copy) with ``missing`` as <NA>."""
    return pd.arrays.IntegerArray(values, missing)


def masked_float(values: np.ndarray, missing: np.ndarray):
    """A nullable float column on ``values`` (no copy) with ``missing`` as <NA>."""
    return pd.arrays.FloatingArray(values, missing)


def categorical(codes: np.ndarray, categories, ordered: bool = False) -> pd.Categorical:
    """A categorical column from integer codes into ``categories`` (``ordered``: in their
    order, so that sorting and ``<`` follow it)."""
    return pd.Categorical.from_codes(codes, categories=categories, ordered=ordered)


def iso_dates(values) -> pd.Series:
    """ISO date strings (None = missing) as a datetime64[ns] column (NaT where missing), so
    that ``.dt``, comparisons with dates and grouping by month work."""
    return pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d").astype(
        "datetime64[ns]")


def ordered(values, categories) -> pd.Categorical:
    """An ordered categorical: ``values`` (ids) in the order of ``categories``; a value
    outside them is an error, never a silent <NA>."""
    unknown = set(values) - set(categories)
    if unknown:
        raise ValueError(f"unknown status {sorted(unknown)!r}; expected one of {categories!r}")
    return pd.Categorical(values, categories=categories, ordered=True)


def joined(values, sep: str = "; ") -> list[str]:
    """Lists of names (agencies) as one string each, joined by ``sep``."""
    return [sep.join(v) for v in values]


class ResultFrame(pd.DataFrame):
    """A DataFrame that shows as a dxkit display in a notebook (``dxkit._display``); what is
    derived from it (a selection, a sort) is a plain DataFrame."""

    _render = ""  # the dxkit._display function that draws it

    @property
    def _constructor(self):
        return pd.DataFrame

    def _repr_html_(self) -> str | None:
        from dxkit import _display

        try:
            return getattr(_display, self._render)(self)
        except KeyError:  # a column the display needs was dropped in place: pandas' table
            return super()._repr_html_()


class _ReportFrame(ResultFrame):
    """A result frame that is also a report section: ``to_excel(path)`` and ``to_html()`` give
    its sheet of dxkit.report; called with any of pandas' own arguments (``sheet_name=``, an
    ``ExcelWriter``, ``buf=``...) they are pandas' methods (``pd.DataFrame(f).to_excel(path)``
    for the plain table)."""

    def to_excel(self, excel_writer, *args, title: str = "", **kwargs):
        if args or kwargs or not isinstance(excel_writer, (str, os.PathLike)):
            return pd.DataFrame(self).to_excel(excel_writer, *args, **kwargs)
        from dxkit import report

        return report.write(excel_writer, self, title=title)

    def to_html(self, *args, title: str = "", **kwargs):
        if len(args) > 1 or kwargs:
            return pd.DataFrame(self).to_html(*args, **kwargs)
        from dxkit import report

        page = report.html(self, title=title)
        if args and args[0] is not None:
            with open(args[0], "w", encoding="utf-8") as f:
                f.write(page)
        return page


class ProgressFrame(_ReportFrame):
    """``Plan.progress()``: a DataFrame shown with the status tally first; ``to_excel(path)``
    writes the progress sheet (Tiến trình) of dxkit.report."""

    _render = "progress_html"

    def report_rows(self) -> list[tuple]:
        """The rows as the core's report takes them (Workbook.add_progress_rows), None where
        there is no value; a frame followed into the provinces of a date
        (``progress(units=...)``) names the province after the indicator's code."""

        def optional(column, kind):  # <NA> / NaN: None
            return [None if pd.isna(v) else kind(v) for v in self[column].astype(object)]

        def texts(column):
            return ["" if pd.isna(v) else str(v) for v in self[column].astype(object)]

        codes = texts("indicator")
        if "province" in self.columns:
            codes = [f"{c} ({p})" for c, p in zip(codes, texts("province"))]
        columns = [codes, texts("name"), [int(y) for y in self["target_year"]], texts("target"),
                   [float(v) for v in self["target_value"]], optional("baseline_year", int),
                   optional("baseline", float), optional("latest_year", int),
                   optional("latest", float), optional("required", float),
                   optional("observed", float), optional("ratio", float), texts("status")]
        return list(zip(*columns))


class SensitivityFrame(_ReportFrame):
    """``IndexResult.sensitivity()``: a DataFrame shown with its intervals; ``to_excel(path)``
    writes the sensitivity sheet (Độ nhạy) of dxkit.report: the assumptions by total index,
    with their intervals, the runs and the variance."""

    _render = "sensitivity_html"


class DueFrame(ResultFrame):
    """``Assignments.due()`` / ``to_frame()``: lead and support agencies as strings joined by
    "; "; ``explode_agencies()`` gives one row per task and agency. A selection of its rows
    (``due[due["status"] == "overdue"]``) is a DueFrame too."""

    _render = "due_html"

    @property
    def _constructor(self):
        return DueFrame

    def explode_agencies(self, roles=("lead", "support"), sep: str = "; ") -> pd.DataFrame:
        """One row per task and agency: the task's columns without lead and support, then
        ``role`` ("lead" or "support") and ``agency``. A task without a supporting agency
        has no support row."""
        rest = [c for c in self.columns if c not in ("lead", "support")]
        parts = []
        for role in roles:
            names = self[role].map(lambda s: [a for a in str(s).split(sep) if a] if s else [])
            part = pd.DataFrame(self[rest]).assign(role=role, agency=names).explode("agency")
            parts.append(part[part["agency"].notna()])
        out = pd.concat(parts)
        order = out.index.to_numpy()
        return out.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def concat(frames) -> pd.DataFrame:
    """Frames one under the other, renumbered."""
    return pd.concat(frames, ignore_index=True)


def crosstab(rows, columns) -> pd.DataFrame:
    """Counts of each (row, column) pair."""
    return pd.crosstab(rows, columns)


def codes(column, *, sort: bool = False, missing: bool = True):
    """Integer codes of a column and the distinct values they index: a categorical's own,
    else pandas.factorize (-1 for a missing value)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        # The Categorical's own codes array, read-only and not copied (``.cat.codes`` builds a
        # Series of a copy: 100 MB more for 100 M rows).
        return column.array.codes, column.cat.categories
    if missing:
        return pd.factorize(column, sort=sort, use_na_sentinel=True)
    return pd.factorize(column, sort=sort)


def plain_integers(column) -> bool:
    """A column of numpy signed integers (no missing value can be among them)."""
    return isinstance(column.dtype, np.dtype) and column.dtype.kind == "i"


def index_of(values):
    """An array's values as a pandas Index (what pandas.factorize gives as its uniques)."""
    return pd.Index(values)


def coded_text(column, number_format: str = "vietnamese"):
    """(codes as int64, distinct cell texts) of a column for the core's coded scoring: a
    categorical's own codes, else pandas.factorize (its C hash tables read object, str and
    Arrow columns without a Python step per cell). -1 marks a missing cell (no data); each
    distinct value is written by ``cell_text``, once."""
    row_codes, uniques = codes(column)
    values = [v if type(v) is str else cell_text(v, number_format) for v in uniques.tolist()]
    return np.asarray(row_codes, dtype=np.int64), values


def text_column(column):
    """A column as str: itself when it is one already (no copy), else ``astype(str)`` (labels,
    as pandas writes them)."""
    return column if isinstance(column.dtype, pd.StringDtype) else column.astype(str)


def string_column(column):
    """A column as pandas' string dtype with its missing cells kept missing (``astype(str)``
    writes None as "None" under pandas 2): itself when it is one already (no copy)."""
    return column if isinstance(column.dtype, pd.StringDtype) else column.astype("string")


def arrow_string_chunks(column):
    """The Arrow buffers of a str column kept by pyarrow, as the core reads them in place:
    a list of (offsets, data, validity or None, offset, length, large offsets?) per chunk;
    None for any other column (object, python-backed str, categorical, numbers)."""
    dtype = column.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return None
    import pyarrow as pa  # present: pandas keeps this column in it

    data = pa.array(column.array)  # the __arrow_array__ protocol: pandas' own arrays
    out = []
    for chunk in data.chunks if isinstance(data, pa.ChunkedArray) else [data]:
        if not (pa.types.is_string(chunk.type) or pa.types.is_large_string(chunk.type)):
            return None
        validity, offsets, data = chunk.buffers()
        out.append((offsets, data if data is not None else b"", validity, chunk.offset,
                    len(chunk), pa.types.is_large_string(chunk.type)))
    return out


def float_values(column) -> np.ndarray:
    """A numeric column as float64 with NaN where missing: the column's own array when it is
    already a numpy float64 one (no copy), else a converted copy."""
    if column.dtype == np.float64:
        return column.to_numpy(copy=False)
    return column.to_numpy(dtype=np.float64, na_value=np.nan)


def is_numeric(column, *, allow_bool: bool = False) -> bool:
    """True for a numeric column (a boolean one only with ``allow_bool``)."""
    if not pd.api.types.is_numeric_dtype(column):
        return False
    return allow_bool or not pd.api.types.is_bool_dtype(column)


def frame_from_table(table) -> pd.DataFrame:
    """A ``_core.text.Table`` (read by the core's CSV reader) as a DataFrame of str columns."""
    return pd.DataFrame({h: pd.Series(c, dtype=object) for h, c in
                         zip(table.header, table.columns, strict=True)})


def frame_from_csv_text(text: str) -> pd.DataFrame:
    """CSV text the core wrote (a preset's iMeta) as a DataFrame with pandas' own types."""
    import io

    return pd.read_csv(io.StringIO(text), keep_default_na=False)


def cell_text(value: Any, number_format: str) -> str:
    """A DataFrame cell as the text the core parses: missing -> "" (no data), numbers written
    in the chosen format so that 99.21 does not become the malformed Vietnamese "99.21"."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = repr(value)
        if "e" in text or "E" in text:
            text = np.format_float_positional(value, trim="-")
        return text.replace(".", ",") if number_format in ("vietnamese", "vi") else text
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, np.floating):
        return cell_text(float(value), number_format)
    if value is pd.NA or value is pd.NaT:
        return ""
    return str(value)


def text_columns(data: pd.DataFrame, number_format: str = "vietnamese"):
    """A DataFrame as (header, text columns) for the core, cells written by ``cell_text``."""
    header = [str(c) for c in data.columns]
    columns = [[cell_text(v, number_format) for v in data.iloc[:, k].tolist()]
               for k in range(len(header))]
    return header, columns
