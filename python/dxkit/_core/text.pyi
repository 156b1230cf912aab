"""
Numbers, Unicode and the CSV reader.
"""
from __future__ import annotations
import collections.abc
import typing
__all__: list[str] = ['Table', 'fold', 'format_number', 'nfc', 'parse_number', 'parse_quantity', 'read_csv', 'resolve_number_style', 'table_from_columns']
class Table:
    """
    A table as the CSV reader gives it: trimmed NFC text cells, column by column.
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def columns(self) -> list[list[str]]:
        """
        columns[c][r]: the cell of column c, row r.
        """
    @property
    def header(self) -> list[str]:
        ...
    @property
    def lines(self) -> list[int]:
        """
        The 1-based line where each row starts.
        """
    @property
    def source(self) -> str:
        """
        The file name used in messages.
        """
def fold(text: str) -> str:
    """
    NFC + case folding, for keyword matching.
    """
def format_number(value: typing.SupportsFloat | typing.SupportsIndex, decimals: typing.SupportsInt | typing.SupportsIndex = 2, format: str = 'vietnamese') -> str:
    """
    75428 -> '75.428', 99.21 -> '99,21'.
    """
def nfc(text: str) -> str:
    """
    The text in Unicode NFC.
    """
def parse_number(text: str, format: str = 'vietnamese') -> float:
    """
    A number as Vietnamese documents write it: '75.428' -> 75428.0, '99,21' -> 99.21.
    format='plain' reads '12.5' and '1,650,380'. Raises ParseError on anything else.
    """
def parse_quantity(text: str, format: str = 'vietnamese') -> tuple[float, bool, str]:
    """
    '99,21%' -> (99.21, True, ''), '320 người' -> (320.0, False, 'người').
    """
def read_csv(path: str, delimiter: str = '') -> Table:
    """
    Reads a CSV file with the core's reader (delimiter '' = detect ',', ';' or TAB).
    Raises ParseError / EncodingError with file, line and column.
    """
def resolve_number_style(table: Table, columns: collections.abc.Sequence[str], style: str = 'vietnamese') -> tuple[str, str]:
    """
    (format, note): the number format of the cells of `columns` (by header) of `table` under
    style 'vietnamese', 'plain' or 'auto' (decided from the cells; the note says how, a
    table holding both raises ParseError at the cell).
    """
def table_from_columns(header: collections.abc.Sequence[str], columns: collections.abc.Sequence[collections.abc.Sequence[str]], source: str = '<DataFrame>') -> Table:
    """
    A table from text columns (a DataFrame's), rows numbered from line 2.
    """
