"""
Budget appendices and exact money.
"""
from __future__ import annotations
import collections.abc
import dxkit._core.text
import dxkit._core.units
import numpy
import numpy.typing
import typing
__all__: list[str] = ['BudgetCore', 'budget_from_columns', 'budget_from_table', 'format_money', 'parse_money', 'read_budget_csv', 'rounding_note', 'sum_by_codes', 'sum_by_keys']
class BudgetCore:
    """
    A budget appendix as read by the C++ core.
    """
    def check(self) -> dict:
        ...
    def columns_info(self) -> list:
        ...
    def compare(self, other: BudgetCore, by: collections.abc.Sequence[str]) -> tuple[list[list[str]], list[int], list[int], list[int], list[typing.Any]]:
        ...
    def expressed(self, registry: dxkit._core.units.Registry, as_of: str) -> tuple[BudgetCore, dict[str, str], list[str], int]:
        """
        (a copy with each row's agency in the agencies of as_of, {agency at as_of: names as written}, notes, items moved).
        """
    def rollup(self, by: collections.abc.Sequence[str]) -> tuple[list[list[str]], numpy.ndarray, numpy.ndarray]:
        ...
    def rows(self) -> dict:
        ...
    def share_of(self, dong: typing.SupportsInt | typing.SupportsIndex) -> float:
        ...
    @property
    def number_note(self) -> str:
        ...
    @property
    def source(self) -> str:
        ...
    @property
    def total(self) -> int:
        ...
    @property
    def unit(self) -> str:
        ...
def budget_from_columns(header: collections.abc.Sequence[str], columns_data: collections.abc.Sequence[collections.abc.Sequence[str]], unit: str | None = None, columns: collections.abc.Mapping[str, str] = {}, format: str = 'vietnamese', plan_year: typing.SupportsInt | typing.SupportsIndex | None = None) -> BudgetCore:
    ...
def budget_from_table(table: dxkit._core.text.Table, declared: str | None = None, unit: str | None = None, columns: collections.abc.Mapping[str, str] = {}, format: str = 'vietnamese', plan_year: typing.SupportsInt | typing.SupportsIndex | None = None) -> BudgetCore:
    """
    A budget from a table already read (a document's table), its unit line as `declared`.
    """
def format_money(dong: typing.SupportsInt | typing.SupportsIndex, unit: str = 'triệu đồng', decimals: typing.SupportsInt | typing.SupportsIndex = -1) -> str:
    """
    Đồng printed in a unit, rounded half away from zero (decimals=-1: exact).
    """
def parse_money(text: str, unit: str = 'triệu đồng', format: str = 'vietnamese') -> int:
    """
    An amount in whole đồng (int): parse_money('75.428') == 75_428_000_000;
    parse_money('105,24 tỷ đồng') == 105_240_000_000.
    """
def read_budget_csv(path: str, unit: str | None = None, columns: collections.abc.Mapping[str, str] = {}, format: str = 'vietnamese', delimiter: str = '', plan_year: typing.SupportsInt | typing.SupportsIndex | None = None) -> BudgetCore:
    ...
def rounding_note(unit: str, decimals: typing.SupportsInt | typing.SupportsIndex) -> str:
    """
    The note a table prints when amounts in `unit` are rounded to `decimals` decimals.
    """
def sum_by_codes(keys: collections.abc.Sequence[numpy.ndarray], cardinalities: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], amounts: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """
    Exact int64 sums and row counts grouped by integer codes (dense, row-major).
    """
def sum_by_keys(keys: collections.abc.Sequence[numpy.ndarray], cardinalities: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], amounts: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> tuple[list, list[int], numpy.ndarray, numpy.ndarray]:
    """
    Exact int64 sums and counts by keys of codes (cardinality > 0) or integer values
    (cardinality 0, coded by first appearance): (uniques per key, cardinalities, sums,
    counts), dense and row-major by the codes.
    """
