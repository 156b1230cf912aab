"""``dxkit.dti``: Vietnam's Digital Transformation Index and the department / district indices
that copy it, on the C++ core.

>>> import dxkit.dti
>>> dxkit.dti.presets()
['dti_922', 'dti_1726', 'haiduong_department']
>>> meta = dxkit.dti.preset_meta("dti_922")   # an iMeta DataFrame: copy it, change it
>>> r = dxkit.dti.score("examples/dti_synthetic_2022_points.csv")
>>> r.published[["DTI", "Rank"]]               # 4 decimals, competition ranks
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from dxkit import _core, _display
from dxkit import document as _document
from dxkit._lazy import frames as _frames
from dxkit.report import Reportable


def presets() -> list[str]:
    """The frameworks shipped: dti_922 (QĐ 922/QĐ-BTTTT, DTI 2021-2022), dti_1726
    (QĐ 1726/QĐ-BTTTT, DTI 2020), haiduong_department (QĐ 297/QĐ-UBND Hải Dương 2023)."""
    return list(_core.dti.dti_presets())


def preset_meta(name: str):
    """A preset's iMeta as a DataFrame (Weight = MaxPoints), to copy and change and pass back
    as ``framework=``."""
    return _frames.frame_from_csv_text(_core.dti.dti_preset_meta(name))


def _framework(framework):
    if isinstance(framework, str) and framework in _core.dti.dti_presets():
        return _core.dti.dti_preset_framework(framework)
    from dxkit.index import _framework as index_framework

    return index_framework(framework)


@dataclass(repr=False)
class DtiResult(Reportable):
    """``scores``: every node on 0..1, unrounded (ranks use these); ``ranks``: competition
    ranks of every node (main indicators, pillars, groups, DTI); ``published``: the scores
    with 4 decimals, the rank, the rank within the Group and, given last year's ranking, the
    previous rank and the change (``<NA>`` previous rank = new in the ranking); ``subs`` and
    ``differences``: the sub-indicators of a scoring sheet, and those the appraisal council
    corrected (None for a points table)."""

    scores: object
    published: object
    ranks: object
    subs: object
    differences: object
    left: list
    #: How ``number_format="auto"`` read the numbers ("" when the format was given).
    number_note: str = ""

    def __repr__(self) -> str:
        return _display.dti_repr(self)

    def _repr_html_(self) -> str:
        return _display.dti_html(self)


def score(data, framework="dti_922", previous=None, *, table: int | str | None = None,
          values: str = "points", number_format: str | None = None) -> DtiResult:
    """A DTI-style index from a scoring sheet (uCode, Main, Sub, Rule, Max, Self[, Appraised,
    Evidence]) or from main-indicator values (uCode or the province's name[, uName, Group], one
    column per main indicator, by code or Vietnamese name), given as a CSV path, a .docx /
    .xlsx document (``table``: its number or caption text; None = its only DTI table) or a
    DataFrame. ``values``: "points" (0..max) or "scores" (published scores on 0..1, '.' or ','
    decimals: the DTI is recomputed with the framework's weights and ranked); points refuses
    a table whose values all lie in 0..1. ``framework``: a preset name or an iMeta (path or
    DataFrame). ``previous``: last year's ranking (uCode and DTI), a path or a DataFrame.
    ``number_format``: "vietnamese" (75.428; 0,8253), "plain" (75,428; 0.8253) or "auto"
    (decided for ``data`` and for ``previous``, each from its own cells; the decision is the
    result's ``number_note``, a table holding both styles raises ParseError at the cell). A
    DataFrame's number cells are numbers already: the format reads only its text cells.
    Without ``number_format``, ``data`` is read as "vietnamese" and ``previous`` as "auto", so
    that dxkit's own output of last year (CSV or JSON, plain numbers) reads back."""
    given = number_format
    prev_format = number_format or "auto"
    number_format = number_format or "vietnamese"
    if _document.is_office_document(data):
        table_csv, _unit = _document._shared(data)._csv(table, "dti_scores")
        result = _core.dti.dti_score_table(table_csv, _framework(framework), values,
                                           number_format)
    elif isinstance(data, (str, os.PathLike)):  # read and scored in C++, no cell in Python
        result = _core.dti.dti_score_table(_core.text.read_csv(os.fspath(data)),
                                           _framework(framework), values, number_format)
    else:
        header, columns = _frames.text_columns(data, number_format)
        result = _core.dti.dti_score(header, columns, "<DataFrame>", _framework(framework),
                                     values, number_format)
    units, names, groups, codes, cols, subs, top, node_ranks, group_ranks, note = result
    notes = [note] if note else []
    index = _frames.labels(units, "uCode")
    scores = _frames.frame(dict(zip(codes, cols.T, strict=True)), index=index)
    published = scores.round(4)
    published.insert(0, "uName", names)
    if groups:
        published.insert(1, "Group", groups)
    # Scores and ranks come as (units, nodes) arrays; a rank of 0 (a missing score) is <NA>.
    ranks = _frames.frame({c: _frames.masked_int(r, r == 0)
                           for c, r in zip(codes, node_ranks.T, strict=True)}, index=index)
    published["Rank"] = ranks[top]
    if groups:
        published["GroupRank"] = _frames.masked_int(group_ranks, group_ranks == 0)
    left: list[str] = []
    if previous is not None:
        if isinstance(previous, (str, os.PathLike)):
            prev_table = _core.text.read_csv(os.fspath(previous))
            prev = _frames.frame_from_table(prev_table)
            fmt, prev_note = _core.text.resolve_number_style(prev_table, ["DTI"], prev_format)
            if prev_note:
                notes.append(f"{os.fspath(previous)}: {prev_note}")
        else:
            # Number cells are numbers already (written plain); text cells as asked.
            fmt = ("plain" if _frames.is_numeric(previous["DTI"]) or given == "auto"
                   else given or "vietnamese")
            prev = previous.astype(str)
        values = prev.set_index("uCode")["DTI"].map(lambda s: _core.text.parse_number(s, fmt))
        before = _frames.series(_frames.nullable_int(_core.dti.rank_values(values.tolist())),
                                index=values.index)
        published["PreviousRank"] = before.reindex(index)
        published["Change"] = published["PreviousRank"] - published["Rank"]
        left = [u for u in before.index if u not in index]
    published = published.sort_values("Rank", kind="stable")
    sub_frame = diff = None
    if subs is not None:
        sub_frame = _frames.frame(subs, columns=["uCode", "Main", "Sub", "Rule", "Max",
                                                 "SelfText", "Self", "AppraisedText",
                                                 "Appraised", "Final", "Evidence", "line"])
        changed = sub_frame["Appraised"].notna() & sub_frame["Self"].notna() & \
            (sub_frame["Appraised"] != sub_frame["Self"])
        diff = sub_frame[changed].assign(Difference=lambda f: f["Appraised"] - f["Self"])
    return DtiResult(scores, published, ranks, sub_frame, diff, left, " ".join(notes))
