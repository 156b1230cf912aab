"""
Reports: an Excel workbook and an HTML page.
"""
from __future__ import annotations
import collections.abc
import dxkit._core.budget
import dxkit._core.document
import dxkit._core.plan
import dxkit._core.targets
import dxkit._core.text
import os
import typing
__all__: list[str] = ['Workbook']
class Workbook:
    """
    A report: sections (sheets) written as .xlsx or one HTML page.
    """
    title: str
    def __init__(self, title: str = '') -> None:
        ...
    def __len__(self) -> int:
        ...
    def add_budget(self, budget: dxkit._core.budget.BudgetCore, title: str = '') -> None:
        """
        The budget appendix with its hierarchy and the findings in place.
        """
    def add_csv(self, content: str, source: str, as_of: str, within: typing.SupportsInt | typing.SupportsIndex = 30, number_format: str = 'vietnamese') -> str:
        """
        One CSV table (its kind guessed from the header) as a section; returns how number_format='auto' read it ('' when given).
        """
    def add_document(self, document: dxkit._core.document.DocumentCore, as_of: str, within: typing.SupportsInt | typing.SupportsIndex = 30, number_format: str = 'vietnamese') -> list[str]:
        """
        Every results, budget and assignments table of a document; returns the notes on the tables left out and on how number_format='auto' read each table.
        """
    def add_due(self, assignments: dxkit._core.plan.AssignmentList, as_of: str, within: typing.SupportsInt | typing.SupportsIndex = 30, title: str = '') -> None:
        """
        The due list per lead agency on a day (YYYY-MM-DD).
        """
    def add_progress(self, observations: dxkit._core.text.Table, mapping: collections.abc.Mapping[str, str], documents: dxkit._core.text.Table | None, compound: bool = False, on_track: typing.SupportsFloat | typing.SupportsIndex = 0.95, acceleration: typing.SupportsFloat | typing.SupportsIndex = 0.6, limited: typing.SupportsFloat | typing.SupportsIndex = 0.0, as_of_year: typing.SupportsInt | typing.SupportsIndex | None = None, title: str = '', number_format: str = 'vietnamese') -> None:
        """
        Progress toward the targets, as Plan.progress reads the observations.
        """
    def add_progress_rows(self, rows: collections.abc.Sequence[tuple[str, str, typing.SupportsInt | typing.SupportsIndex, str, typing.SupportsFloat | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex | None, typing.SupportsFloat | typing.SupportsIndex | None, typing.SupportsInt | typing.SupportsIndex | None, typing.SupportsFloat | typing.SupportsIndex | None, typing.SupportsFloat | typing.SupportsIndex | None, typing.SupportsFloat | typing.SupportsIndex | None, typing.SupportsFloat | typing.SupportsIndex | None, str]], title: str = '') -> None:
        """
        Progress from the rows of a progress frame: (indicator, name, target_year, target, target_value, baseline_year, baseline, latest_year, latest, required, observed, ratio, status), None where there is no value.
        """
    def add_ranking(self, names: collections.abc.Sequence[str], scores: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], ranks: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], title: str = '', score_header: str = 'Điểm', decimals: typing.SupportsInt | typing.SupportsIndex = 2) -> None:
        """
        A ranking: units with their score and rank.
        """
    def add_results(self, evaluation: dxkit._core.targets.EvaluationTable, source: str, codes: collections.abc.Sequence[str], names: collections.abc.Sequence[str], pillars: collections.abc.Sequence[str], targets: collections.abc.Sequence[str], actuals: collections.abc.Sequence[str], lines: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], title: str = '') -> None:
        """
        The results appendix: STT, chỉ tiêu, mục tiêu, kết quả, tỷ lệ đạt, đánh giá, tally.
        """
    def add_sensitivity(self, rows: collections.abc.Sequence[tuple[str, typing.SupportsFloat | typing.SupportsIndex, typing.SupportsFloat | typing.SupportsIndex, typing.SupportsFloat | typing.SupportsIndex, typing.SupportsFloat | typing.SupportsIndex, typing.SupportsFloat | typing.SupportsIndex, typing.SupportsFloat | typing.SupportsIndex]], runs: typing.SupportsInt | typing.SupportsIndex, variance: typing.SupportsFloat | typing.SupportsIndex, title: str = '') -> None:
        """
        The sensitivity indices: rows of (parameter, first, first_lo, first_hi, total, total_lo, total_hi).
        """
    def add_uncertainty(self, units: collections.abc.Sequence[str], column: str, nominal: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], mean: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], median: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], p5: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], p95: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], replicates: typing.SupportsInt | typing.SupportsIndex, title: str = '') -> None:
        """
        The uncertainty of the ranks: nominal rank (0 = none), median, mean, 5-95 % per unit.
        """
    def html(self) -> str:
        ...
    def write_html(self, path: os.PathLike | str | bytes) -> None:
        ...
    def write_xlsx(self, path: os.PathLike | str | bytes) -> None:
        ...
    @property
    def sheet_names(self) -> list[str]:
        ...
