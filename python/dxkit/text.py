"""``dxkit.text``: numbers as Vietnamese documents write them ("75.428" is 75428, "99,21" is
99.21), Unicode normalisation for matching, and the core's CSV reader.

>>> from dxkit.text import parse_number, format_number
>>> parse_number("1.650.380")
1650380.0
>>> format_number(99.21)
'99,21'
"""

from __future__ import annotations

from dxkit._core.text import (
    Table,
    fold,
    format_number,
    nfc,
    parse_number,
    parse_quantity,
    read_csv,
    table_from_columns,
)

__all__ = ["Table", "fold", "format_number", "nfc", "parse_number", "parse_quantity",
           "read_csv", "table_from_columns"]
