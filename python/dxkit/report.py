"""``dxkit.report``: results as an Excel workbook in the appendix layout, or one HTML page.

The workbook is written by the C++ core (``_core.report``), the same writer as ``dxkit report
PLAN --xlsx OUT.xlsx``: one sheet per section, laid out as the plans print their appendices
(STT, chỉ tiêu, mục tiêu, kết quả, đánh giá; bold group rows; the tally), figures as numbers
with Vietnamese number formats (money as whole đồng shown in the table's unit, shares as
percentages), findings and verdicts on their colours.

>>> import dxkit, dxkit.report
>>> r = dxkit.evaluate("examples/thai_binh_2023_results.csv")
>>> r.to_excel("ket_qua.xlsx")                              # one result, one sheet
>>> b = dxkit.read_budget("examples/thai_binh_2023_budget.csv")
>>> dxkit.report.write("bao_cao.xlsx", r, b, title="Báo cáo 2023")   # several in one book
>>> page = dxkit.report.html(r, b)                          # the same as one HTML page

A section is an ``EvaluationResult`` (the results appendix), a ``Budget`` (the budget with
its hierarchy, subtotals and findings in place), an ``Assignments`` list (the due list per
lead agency on ``as_of``), a ``Plan`` (progress toward its targets as ``Plan.progress()``
gives it, then its assignments' due list if it has one), an ``IndexResult`` or a ``DtiResult`` (the
ranking), an ``Uncertainty`` (``IndexResult.uncertainty()``: nominal rank, median, mean and the
5–95 % interval per unit), the frame of ``IndexResult.sensitivity()`` (first-order and total
index of each assumption with their intervals), a ``Document`` or the path of a plan document
/ CSV table (every results, budget and assignments table in it). The HTML page has the core's
charts (inline SVG) and, when matplotlib is installed, the figures of ``dxkit.plot`` for the
sections that have one (budget by agency, due tasks, scores, rank uncertainty, sensitivity),
embedded as inline SVG.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import warnings

import numpy as np

from dxkit import _core

__all__ = ["write", "html", "write_html", "workbook"]


def _iso(as_of) -> str:
    if as_of is None:
        return _dt.date.today().isoformat()
    if isinstance(as_of, (_dt.date, _dt.datetime)):
        return as_of.strftime("%Y-%m-%d")
    return str(as_of)


def _texts(values) -> list[str]:
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and np.isnan(v)):
            out.append("")
        else:
            out.append(str(v))
    return out


def _add(book, section, as_of: str, within: int, title: str,
         number_format: str = "vietnamese") -> None:
    from dxkit._frames import ProgressFrame, SensitivityFrame
    from dxkit.budget import Budget
    from dxkit.document import Document
    from dxkit.dti import DtiResult
    from dxkit.index import IndexResult, Uncertainty
    from dxkit.plan import Assignments, Plan
    from dxkit.targets import EvaluationResult

    if isinstance(section, EvaluationResult):
        rows = section._rows
        lines = [int(x) for x in np.asarray(rows.get("line", []))]
        book.add_results(section._table, str(section.source), _texts(rows["code"]),
                         _texts(rows["name"]), _texts(rows["pillar"]), _texts(rows["target"]),
                         _texts(rows["actual"]), lines, title)
    elif isinstance(section, Budget):
        book.add_budget(section._core, title)
    elif isinstance(section, Plan):
        # Progress toward the targets as Plan.progress() gives it (default options), then
        # the due list of its assignments when it has them.
        book.add_progress(section._table, section._mapping, section._documents, title=title,
                          number_format=section._number_format)
        if section.assignments is not None:
            book.add_due(section.assignments._core, as_of, within, "")
    elif isinstance(section, Assignments):
        book.add_due(section._core, as_of, within, title)
    elif isinstance(section, IndexResult):
        data = section.data("aggregated")
        column = data.columns[-1]
        ranks = section.ranks([column])
        names = _texts(data["uName"]) if "uName" in data.columns else _texts(data.index)
        book.add_ranking(names, [float(x) for x in data[column].to_numpy(dtype=float,
                                                                          na_value=np.nan)],
                         [float(x) for x in ranks[column].to_numpy(dtype=float, na_value=np.nan)],
                         title or f"BẢNG XẾP HẠNG: {column}", column)
    elif isinstance(section, DtiResult):
        p = section.published
        name = "uName" if "uName" in p.columns else p.columns[0]
        book.add_ranking(_texts(p[name]), [float(x) for x in p["DTI"].to_numpy(
                             dtype=float, na_value=np.nan)],
                         [float(x) for x in p["Rank"].to_numpy(dtype=float, na_value=np.nan)],
                         title or "BẢNG XẾP HẠNG DTI", "DTI", 4)
    elif isinstance(section, Uncertainty):
        summary = section.summary
        nominal = summary["nominal"].to_numpy(dtype=float, na_value=0).astype(np.int32)
        book.add_uncertainty(_texts(summary.index), str(section.column), nominal.tolist(),
                             *[summary[c].to_numpy(dtype=float, na_value=np.nan).tolist()
                               for c in ("mean", "median", "p5", "p95")],
                             section.n, title)
    elif isinstance(section, ProgressFrame):
        book.add_progress_rows(section.report_rows(), title)
    elif isinstance(section, SensitivityFrame):
        columns = ["first", "first_lo", "first_hi", "total", "total_lo", "total_hi"]
        values = section[columns].to_numpy(dtype=float, na_value=np.nan).tolist()
        book.add_sensitivity([(str(p), *v) for p, v in zip(section.index, values)],
                             int(section.attrs.get("runs", 0)),
                             float(section.attrs.get("variance", np.nan)), title)
    elif isinstance(section, Document):
        for note in book.add_document(section._core, as_of, within):
            warnings.warn(note, stacklevel=4)
    elif isinstance(section, (str, os.PathLike)):
        path = os.fspath(section)
        if path.lower().endswith((".docx", ".xlsx", ".txt", ".md")):
            for note in book.add_document(_core.document.read_document(path), as_of, within,
                                          number_format):
                warnings.warn(note, stacklevel=4)
        else:
            with open(path, encoding="utf-8-sig") as f:
                note = book.add_csv(f.read(), path, as_of, within, number_format)
            if note:
                warnings.warn(f"{path}: {note}", stacklevel=4)
    else:
        raise TypeError(
            f"a report section is an EvaluationResult, Budget, Assignments, Plan, IndexResult, "
            f"DtiResult, Uncertainty, a progress or sensitivity frame (Plan.progress(), "
            f"IndexResult.sensitivity()), Document or the path of a plan or CSV table, not "
            f"{type(section).__name__}")


def workbook(*sections, title: str = "", as_of=None, within: int = 30,
             titles=None, number_format: str = "vietnamese") -> _core.report.Workbook:
    """The core's report of ``sections`` (see the module's help), one sheet each, named by
    kind ("Kết quả", "Kinh phí", "Tiến độ", "Xếp hạng", "Bất định",
    "Độ nhạy"; "Kết quả (2)" for a second one);
    ``titles`` gives each section's title row (default: the appendix's own).
    ``number_format``: how the tables of path sections write their numbers, "vietnamese",
    "plain" or "auto" (decided per table, each decision a warning); results already read
    (EvaluationResult, Budget, ...) keep the format they were read with."""
    if not sections:
        raise _core.ValidationError("a report needs at least one section")
    book = _core.report.Workbook(title or "Báo cáo")
    day = _iso(as_of)
    titles = list(titles) if titles is not None else [""] * len(sections)
    if len(titles) != len(sections):
        raise _core.ValidationError(f"{len(titles)} titles for {len(sections)} sections")
    for section, t in zip(sections, titles):
        _add(book, section, day, int(within), t, number_format)
    return book


def write(path, *sections, title: str = "", as_of=None, within: int = 30, titles=None,
          number_format: str = "vietnamese") -> str:
    """Writes ``sections`` as one .xlsx workbook at ``path`` and returns the path. The bytes
    are the same for the same sections (fixed zip times), so a workbook can be compared.
    ``number_format``: as for ``workbook``."""
    book = workbook(*sections, title=title, as_of=as_of, within=within, titles=titles,
                    number_format=number_format)
    book.write_xlsx(os.fspath(path))
    return os.fspath(path)


def _figures(sections, as_of) -> list[str]:
    """The dxkit.plot figures of the sections as inline SVG ([] without matplotlib)."""
    try:
        import matplotlib
        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    from dxkit import plot
    from dxkit._frames import SensitivityFrame
    from dxkit.budget import Budget
    from dxkit.dti import DtiResult
    from dxkit.index import IndexResult, Uncertainty
    from dxkit.plan import Assignments

    out = []
    for s in sections:
        if isinstance(s, Budget):
            ax = plot.budget(s)
        elif isinstance(s, Assignments):
            ax = plot.due(s, as_of)
        elif isinstance(s, (IndexResult, DtiResult)):
            ax = plot.scores(s)
        elif isinstance(s, Uncertainty):
            ax = plot.uncertainty(s)
        elif isinstance(s, SensitivityFrame):
            ax = plot.sensitivity(s)
        else:
            continue
        buffer = io.StringIO()
        ax.figure.savefig(buffer, format="svg")
        plt.close(ax.figure)
        text = buffer.getvalue()
        out.append(text[text.index("<svg"):])
    return out


def html(*sections, title: str = "", as_of=None, within: int = 30, titles=None,
         figures: bool = True, number_format: str = "vietnamese") -> str:
    """The sections as one self-contained HTML page (inline CSS and SVG, no link): the same
    tables as the workbook, the core's charts, and with ``figures`` the dxkit.plot figures
    (when matplotlib is installed). ``number_format``: as for ``workbook``."""
    book = workbook(*sections, title=title, as_of=as_of, within=within, titles=titles,
                    number_format=number_format)
    page = book.html()
    if figures:
        svgs = _figures(sections, _iso(as_of))
        if svgs:
            block = "".join(f"<figure class=\"chart\">{s}</figure>\n" for s in svgs)
            page = page.replace("</body>", "<section><h2>Biểu đồ</h2>\n" + block +
                                "</section>\n</body>")
    return page


def write_html(path, *sections, **options) -> str:
    """Writes html(*sections, **options) to ``path`` (UTF-8) and returns the path."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(html(*sections, **options))
    return os.fspath(path)


class Reportable:
    """``to_excel`` and ``to_html`` for a result type: the result as one report section."""

    def to_excel(self, path, *, title: str = "", as_of=None, within: int = 30) -> str:
        """Writes this result as an .xlsx workbook in the appendix layout (dxkit.report.write)
        and returns the path. ``as_of`` and ``within`` are for due lists (default: today)."""
        return write(path, self, title=title, as_of=as_of, within=within)

    def to_html(self, path=None, *, title: str = "", as_of=None, within: int = 30) -> str:
        """This result as one self-contained HTML page (dxkit.report.html); written to
        ``path`` when given. Returns the page."""
        page = html(self, title=title, as_of=as_of, within=within)
        if path is not None:
            with open(path, "w", encoding="utf-8") as f:
                f.write(page)
        return page
