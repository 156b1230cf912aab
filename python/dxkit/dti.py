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

import io
import os
from dataclasses import dataclass

from dxkit import _core
from dxkit.targets import _cell_text


def presets() -> list[str]:
    """The frameworks shipped: dti_922 (QĐ 922/QĐ-BTTTT, DTI 2021-2022), dti_1726
    (QĐ 1726/QĐ-BTTTT, DTI 2020), haiduong_department (QĐ 297/QĐ-UBND Hải Dương 2023)."""
    return list(_core.dti_presets())


def preset_meta(name: str):
    """A preset's iMeta as a DataFrame (Weight = MaxPoints), to copy and change and pass back
    as ``framework=``."""
    import pandas as pd

    return pd.read_csv(io.StringIO(_core.dti_preset_meta(name)), keep_default_na=False)


def _framework(framework):
    if isinstance(framework, str) and framework in _core.dti_presets():
        return _core.dti_preset_framework(framework)
    from dxkit.index import _framework as index_framework

    return index_framework(framework)


def _columns(data):
    if isinstance(data, (str, os.PathLike)):
        import pandas as pd

        frame = pd.read_csv(data, dtype=str, keep_default_na=False)
        return ([str(c) for c in frame.columns],
                [frame[c].tolist() for c in frame.columns], os.fspath(data))
    header = [str(c) for c in data.columns]
    return header, [[_cell_text(v, "vietnamese") for v in data[c].tolist()]
                    for c in data.columns], "<DataFrame>"


@dataclass
class DtiResult:
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


def score(data, framework="dti_922", previous=None) -> DtiResult:
    """A DTI-style index from a scoring sheet (uCode, Main, Sub, Rule, Max, Self[, Appraised,
    Evidence]) or from main-indicator points (uCode[, uName, Group], one column per main
    indicator), given as a CSV path or a DataFrame. ``framework``: a preset name or an iMeta
    (path or DataFrame). ``previous``: last year's ranking (uCode and DTI), a path or a
    DataFrame."""
    import pandas as pd

    header, columns, source = _columns(data)
    units, names, groups, codes, cols, subs, top, node_ranks, group_ranks = _core.dti_score(
        header, columns, source, _framework(framework))
    index = pd.Index(units, name="uCode")
    scores = pd.DataFrame(dict(zip(codes, cols, strict=True)), index=index)
    published = scores.round(4)
    published.insert(0, "uName", names)
    if groups:
        published.insert(1, "Group", groups)
    ranks = pd.DataFrame({c: pd.array(r, dtype="Int64") for c, r in zip(codes, node_ranks,
                                                                         strict=True)},
                         index=index)
    published["Rank"] = ranks[top]
    if groups:
        published["GroupRank"] = pd.array(group_ranks, dtype="Int64")
    left: list[str] = []
    if previous is not None:
        prev = pd.read_csv(previous, dtype=str) if isinstance(previous, (str, os.PathLike)) \
            else previous.astype(str)
        values = prev.set_index("uCode")["DTI"].map(lambda s: _core.parse_number(s))
        before = pd.Series(pd.array(_core.rank_values(values.tolist()), dtype="Int64"),
                           index=values.index)
        published["PreviousRank"] = before.reindex(index)
        published["Change"] = published["PreviousRank"] - published["Rank"]
        left = [u for u in before.index if u not in index]
    published = published.sort_values("Rank", kind="stable")
    sub_frame = diff = None
    if subs is not None:
        sub_frame = pd.DataFrame(subs, columns=["uCode", "Main", "Sub", "Rule", "Max", "SelfText",
                                                "Self", "AppraisedText", "Appraised", "Final",
                                                "Evidence", "line"])
        changed = sub_frame["Appraised"].notna() & sub_frame["Self"].notna() & \
            (sub_frame["Appraised"] != sub_frame["Self"])
        diff = sub_frame[changed].assign(Difference=lambda f: f["Appraised"] - f["Self"])
    return DtiResult(scores, published, ranks, sub_frame, diff, left)
