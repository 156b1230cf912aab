"""
Deadlines, assignments, progress and text checks.
"""
from __future__ import annotations
import collections.abc
import dxkit._core.text
import dxkit._core.units
import typing
__all__: list[str] = ['AssignmentList', 'Deadline', 'assignments_from_csv', 'assignments_from_table', 'check_tallies', 'check_tallies_table', 'check_text', 'observation_number_format', 'parse_deadline', 'progress_from_tables', 'read_documents', 'read_mapping']
class Deadline:
    """
    A deadline read from words (dxkit.parse_deadline).
    """
    def __repr__(self) -> str:
        ...
    @property
    def due(self) -> typing.Any:
        ...
    @property
    def kind(self) -> str:
        ...
    @property
    def reading(self) -> str:
        ...
    @property
    def start(self) -> typing.Any:
        ...
    @property
    def text(self) -> str:
        ...
class AssignmentList:
    def __len__(self) -> int:
        ...
    def by_agency(self, as_of: str, within: typing.SupportsInt | typing.SupportsIndex, aliases: str = '') -> list:
        ...
    def due(self, as_of: str, within: typing.SupportsInt | typing.SupportsIndex) -> list:
        ...
    def expressed(self, registry: dxkit._core.units.Registry, as_of: str, file: str) -> tuple[AssignmentList, list[str], dict[str, str], list[str]]:
        """
        (a copy with the agencies of as_of, each task's lead as written, {agency at as_of: names as written}, notes).
        """
    def ics(self, name: str) -> str:
        ...
    def rows(self) -> list:
        ...
def assignments_from_csv(path: str, default_deadline: str) -> AssignmentList:
    ...
def assignments_from_table(table: dxkit._core.text.Table, default_deadline: str) -> AssignmentList:
    ...
def check_tallies(text: str, appendix: str, scheme: str, source: str, number_format: str = 'vietnamese') -> tuple:
    """
    (rows, note): the tallies, and how number_format='auto' read the appendix.
    """
def check_tallies_table(text: str, appendix: dxkit._core.text.Table, scheme: str, source: str, number_format: str = 'vietnamese') -> tuple:
    """
    check_tallies with the appendix given as a table (a document's results table).
    """
def check_text(text: str, source: str) -> list:
    ...
def observation_number_format(observations: dxkit._core.text.Table, number_format: str = 'vietnamese') -> tuple[str, str]:
    """
    (format, note): how a long table's values are read under 'vietnamese', 'plain' or 'auto'.
    """
def parse_deadline(text: str) -> Deadline:
    ...
def progress_from_tables(observations: dxkit._core.text.Table, mapping: collections.abc.Mapping[str, str], documents: dxkit._core.text.Table | None, compound: bool, on_track: typing.SupportsFloat | typing.SupportsIndex, acceleration: typing.SupportsFloat | typing.SupportsIndex, limited: typing.SupportsFloat | typing.SupportsIndex, as_of_year: typing.SupportsInt | typing.SupportsIndex | None, number_format: str = 'vietnamese') -> list:
    ...
def read_documents(table: dxkit._core.text.Table) -> list:
    ...
def read_mapping(table: dxkit._core.text.Table) -> dict[str, str]:
    """
    {code as written: common code} from a table of from, to.
    """
