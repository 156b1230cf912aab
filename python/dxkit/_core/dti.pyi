"""
The Digital Transformation Index and its presets.
"""
from __future__ import annotations
import collections.abc
import dxkit._core.index
import typing
__all__: list[str] = ['dti_names', 'dti_preset_framework', 'dti_preset_meta', 'dti_presets', 'dti_score', 'rank_values']
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
def dti_score(arg0: collections.abc.Sequence[str], arg1: collections.abc.Sequence[collections.abc.Sequence[str]], arg2: str, arg3: dxkit._core.index.Framework) -> tuple[list[str], list[str], list[str], list[str], list[list[float]], typing.Any, str, list[list[float | None]], list[float | None]]:
    ...
def rank_values(arg0: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> list[float | None]:
    ...
