"""``dxkit.text``: numbers as Vietnamese documents write them ("75.428" is 75428, "99,21" is
99.21), Unicode normalisation for matching, and the core's CSV reader. The functions forward
to ``dxkit._core.text`` (plain Python functions, so ``inspect.signature`` and editors see
their parameters).

>>> from dxkit.text import parse_number, format_number
>>> parse_number("1.650.380")
1650380.0
>>> format_number(99.21)
'99,21'
"""

from __future__ import annotations

import os

from dxkit._core import text as _text
from dxkit._core.text import Table

__all__ = ["Table", "fold", "format_number", "nfc", "parse_number", "parse_quantity",
           "read_csv", "table_from_columns"]


def parse_number(text: str, format: str = "vietnamese") -> float:
    """A number as Vietnamese documents write it: '75.428' -> 75428.0, '99,21' -> 99.21.
    format='plain' reads '12.5' and '1,650,380'. Raises ParseError on anything else."""
    return _text.parse_number(text, format)


def parse_quantity(text: str, format: str = "vietnamese") -> tuple[float, bool, str]:
    """'99,21%' -> (99.21, True, ''), '320 người' -> (320.0, False, 'người')."""
    return _text.parse_quantity(text, format)


def format_number(value: float, decimals: int = 2, format: str = "vietnamese") -> str:
    """75428 -> '75.428', 99.21 -> '99,21' (at most ``decimals`` decimals, no trailing
    zeros)."""
    return _text.format_number(value, decimals, format)


def nfc(text: str) -> str:
    """The text in Unicode NFC."""
    return _text.nfc(text)


def fold(text: str) -> str:
    """NFC + case folding, for keyword matching."""
    return _text.fold(text)


def read_csv(path, delimiter: str = "") -> Table:
    """A CSV file read by the core's reader (the command line's): trimmed NFC text cells,
    delimiter detected among ',', ';' and TAB unless given ('tab' for TAB). Raises ParseError
    / EncodingError with file, line and column."""
    return _text.read_csv(os.fspath(path), delimiter)


def table_from_columns(header: list[str], columns: list[list[str]],
                       source: str = "<DataFrame>") -> Table:
    """A Table from text columns, rows numbered from line 2 (as a spreadsheet shows them)."""
    return _text.table_from_columns(header, columns, source)
