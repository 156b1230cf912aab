"""
Administrative units through the 2025 reorganisation.
"""
from __future__ import annotations
import collections.abc
import dxkit._core.text
import typing
__all__: list[str] = ['Registry', 'agencies', 'carry', 'carry_ranking', 'carry_rules', 'compare_rankings', 'express', 'progress_in', 'provinces', 'read_weights', 'shipped_population']
class Registry:
    """
    Administrative units with periods and successors.
    """
    def __len__(self) -> int:
        ...
    def destinations(self, name: str, as_of: str, at: str | None = None) -> list:
        """
        (name, code, share) of the units valid at as_of that the unit became.
        """
    def predecessors(self, name: str, as_of: str | None = None) -> list:
        """
        (name, code, from, share, source, note) of what the unit was formed from.
        """
    def resolve(self, name: str, as_of: str | None = None) -> tuple:
        """
        (code, name, kind, from, until, spellings, source) of the unit named so.
        """
    def successors(self, name: str, as_of: str | None = None) -> list:
        """
        (name, code, from, share, source, note) of what the unit became.
        """
    def units(self, as_of: str | None = None) -> list:
        """
        (unit tuple, predecessor names) of the units valid then.
        """
    def with_table(self, table: dxkit._core.text.Table) -> Registry:
        """
        A copy with a mapping table (old, new, from, share?) added.
        """
    @property
    def what(self) -> str:
        ...
def agencies() -> Registry:
    """
    The 2025 department mergers (Decree 45/2025/NĐ-CP) and the end of the districts.
    """
def carry(registry: Registry, units: collections.abc.Sequence[str], indicators: collections.abc.Sequence[str], years: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], values: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], exact: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex | None], lines: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], source: str, rules: collections.abc.Mapping[str, str], as_of: str) -> tuple[list[tuple], list[str]]:
    """
    Rows (unit, code, indicator, year, value, exact, rule, from, missing, complete, derived) and the warnings.
    """
def carry_ranking(registry: Registry, scores: collections.abc.Sequence[tuple[str, typing.SupportsFloat | typing.SupportsIndex]], year: typing.SupportsInt | typing.SupportsIndex, weights: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex], rule: str, as_of: str) -> tuple[list[tuple[str, str, float, int, str, list[str], list[str]]], list[str]]:
    """
    Rows (unit, code, score, rank, basis, predecessors, missing) and the notes.
    """
def carry_rules() -> list[tuple[str, str]]:
    """
    (name, meaning) of each carry rule.
    """
def compare_rankings(registry: Registry, current: collections.abc.Sequence[tuple[str, typing.SupportsFloat | typing.SupportsIndex]], year: typing.SupportsInt | typing.SupportsIndex, previous: collections.abc.Sequence[tuple[str, typing.SupportsFloat | typing.SupportsIndex]], previous_year: typing.SupportsInt | typing.SupportsIndex, weights: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex], rule: str, as_of: str) -> tuple[list[tuple], list[str]]:
    """
    Rows (unit, code, score, rank, previous_score, previous_rank, score_change, rank_change, basis, predecessors, missing) and the notes.
    """
def express(registry: Registry, names: collections.abc.Sequence[str], as_of: str, keep_unknown: bool, source: str) -> tuple[list[tuple[str, str, bool, bool]], list[str]]:
    """
    Rows (name at as_of, original, moved, known) and the warnings.
    """
def progress_in(registry: Registry, observations: dxkit._core.text.Table, mapping: collections.abc.Mapping[str, str], documents: dxkit._core.text.Table, as_of: str, rules: collections.abc.Mapping[str, str], weights: collections.abc.Mapping[str, collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex]], compound: bool, on_track: typing.SupportsFloat | typing.SupportsIndex, acceleration: typing.SupportsFloat | typing.SupportsIndex, limited: typing.SupportsFloat | typing.SupportsIndex, as_of_year: typing.SupportsInt | typing.SupportsIndex | None, number_format: str = 'vietnamese') -> tuple[list, list[str]]:
    """
    Rows (province, original, then the columns of plan.progress_from_tables) of a plan followed into the provinces of as_of, and the notes.
    """
def provinces() -> Registry:
    """
    The 63 provinces before and the 34 after 2025-07-01 (Resolution 202/2025/QH15).
    """
def read_weights(table: dxkit._core.text.Table, number_format: str = 'vietnamese') -> tuple[dict[str, dict[str, float]], str]:
    """
    ({weight: {unit: value}}, note) from a table of unit, indicator, value; number_format vietnamese, plain or auto (the note says how auto decided).
    """
def shipped_population() -> tuple[int, str, int, dict[str, int]]:
    """
    (year, source, national persons, {GSO code: persons}) of the 63 provinces.
    """
