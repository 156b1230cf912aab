"""
The Digital Transformation Index and its presets.
"""
from __future__ import annotations
import collections.abc
import dxkit._core.index
import dxkit._core.text
import typing
__all__: list[str] = ['dti_names', 'dti_preset_framework', 'dti_preset_meta', 'dti_presets', 'dti_score', 'dti_score_table', 'rank_values']
def dti_names(kind: str) -> list[tuple[str, str]]:
    """
    (name, meaning) of each choice: framework or rule.
    """
def dti_preset_framework(arg0: str) -> dxkit._core.index.Framework:
    ...
def dti_preset_meta(arg0: str) -> str:
    ...
def dti_presets() -> list[str]:
    ...
def dti_score(header: collections.abc.Sequence[str], columns: collections.abc.Sequence[collections.abc.Sequence[str]], source: str, framework: dxkit._core.index.Framework, values: str = 'points', number_format: str = 'vietnamese') -> tuple:
    ...
def dti_score_table(table: dxkit._core.text.Table, framework: dxkit._core.index.Framework, values: str = 'points', number_format: str = 'vietnamese') -> tuple:
    """
    dti_score on a table as read (a document's table: messages name its cells).
    """
def rank_values(arg0: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> list[float | None]:
    ...
