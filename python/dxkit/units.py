"""``dxkit.units``: Vietnam's provinces and agencies through the 2025 reorganisation, on the C++
core. The registry ships the 63 provinces before and the 34 after 1 July 2025 (National
Assembly Resolution 202/2025/QH15) and the department mergers of Decree 45/2025/NĐ-CP; users
add their own mapping tables (``old, new, from, share``). Series of former units are carried
into the units of a date by a rule per indicator, and a ranking is compared with the previous
year's across the break.

>>> import dxkit.units as u
>>> u.resolve("tinh thai binh", as_of="2024-01-01").name
'Thái Bình'
>>> [p.name for p in u.predecessors("Hưng Yên", as_of="2025-07-01")]
['Hưng Yên', 'Thái Bình']
>>> u.successors("Sở TTTT", registry=u.agencies())[0].name
'Sở Khoa học và Công nghệ'
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass

from dxkit import _core
from dxkit import plan as _plan
from dxkit._lazy import frames as _frames

Registry = _core.units.Registry

#: The carry rules, name -> meaning (``weighted_mean`` is written ``weighted_mean(WEIGHT)``).
RULES = dict(_core.units.carry_rules())


@dataclass(frozen=True)
class Unit:
    """One administrative unit: GSO code (a short name for agencies), official name, kind,
    first and last day valid (None = open), other spellings, and the legal source."""

    code: str
    name: str
    kind: str
    valid_from: str | None
    valid_until: str | None
    spellings: list
    source: str


@dataclass(frozen=True)
class Link:
    """A succession seen from one unit: the other unit's name and code, the date, the share of
    the former unit it concerns (1 = whole), the legal source and what else moved."""

    name: str
    code: str
    date: str
    share: float
    source: str
    note: str


def _iso(day) -> str | None:
    if day is None:
        return None
    if isinstance(day, (_dt.date, _dt.datetime)):
        return day.strftime("%Y-%m-%d")
    return str(day)


def provinces() -> Registry:
    """The shipped provinces: 63 until 2025-06-30, 34 from 2025-07-01, with the 23 mergers."""
    return _core.units.provinces()


def agencies() -> Registry:
    """The shipped agencies: Sở TTTT -> Sở KHCN, Sở KHĐT -> Sở Tài chính, ... (2025-03-01) and
    UBND cấp huyện -> UBND cấp xã (2025-07-01)."""
    return _core.units.agencies()


def population():
    """The population dxkit ships, the weight of the default rule ``weighted_mean(population)``:
    the average population of the 63 provinces in 2024 as the General Statistics Office published
    it (thousands with one decimal, here in persons). A DataFrame code, name, persons; its
    ``.attrs`` hold the year, the source and the Office's national total (``national``)."""
    year, source, national, persons = _core.units.shipped_population()
    names = {unit[0]: unit[1] for unit, _ in provinces().units(f"{year}-12-31")}
    out = _frames.frame([(code, names[code], n) for code, n in sorted(persons.items())],
                        columns=["code", "name", "persons"])
    out.attrs.update(year=year, source=source, national=national)
    return out


def load_map(table, registry: Registry | None = None) -> Registry:
    """A copy of ``registry`` (default: the provinces) with a mapping table added: a CSV path or
    a DataFrame with columns old, new, from (YYYY-MM-DD) and optionally share, note. Shares of
    one old unit must sum to 1 (ValidationError naming the row otherwise)."""
    base = registry if registry is not None else provinces()
    if isinstance(table, (str, os.PathLike)):
        t = _core.text.read_csv(os.fspath(table))
    else:
        header, columns = _frames.text_columns(table, "vietnamese")
        t = _core.text.table_from_columns(header, columns, "<DataFrame>")
    return base.with_table(t)


def units(as_of=None, registry: Registry | None = None):
    """The units valid at ``as_of`` (every unit when None) as a DataFrame: code, name, kind,
    valid_from, valid_until, predecessors (names, "; "), source."""
    r = registry if registry is not None else provinces()
    rows = [(*unit[:5], "; ".join(before), unit[6]) for unit, before in r.units(_iso(as_of))]
    return _frames.frame(rows, columns=["code", "name", "kind", "valid_from", "valid_until",
                                        "predecessors", "source"])


def resolve(name: str, as_of=None, registry: Registry | None = None) -> Unit:
    """The unit named ``name`` (any case, with or without diacritics and "Tỉnh"/"TP." prefix,
    or its code) valid at ``as_of``. ValidationError lists close matches for an unknown name,
    the candidates for an ambiguous one, and the successor of a unit that no longer exists."""
    r = registry if registry is not None else provinces()
    return Unit(*r.resolve(name, _iso(as_of)))


def successors(name: str, as_of=None, registry: Registry | None = None) -> list[Link]:
    """What the unit named ``name`` (valid at ``as_of``) became: one Link per successor."""
    r = registry if registry is not None else provinces()
    return [Link(*x) for x in r.successors(name, _iso(as_of))]


def predecessors(name: str, as_of=None, registry: Registry | None = None) -> list[Link]:
    """What the unit named ``name`` (valid at ``as_of``) was formed from: one Link each."""
    r = registry if registry is not None else provinces()
    return [Link(*x) for x in r.predecessors(name, _iso(as_of))]


def carry(frame, rules: dict, as_of, registry: Registry | None = None, *, unit: str = "unit",
          indicator: str = "indicator", year: str = "year", value: str = "value"):
    """Carries a long table of observations (columns ``unit``, ``indicator``, ``year``,
    ``value``) into the units valid at ``as_of``. ``rules`` maps each indicator to a rule of
    ``RULES``: "sum", "weighted_mean(population)", "mean", "min", "max", "not_comparable"; a
    weight indicator needs no rule of its own; "weighted_mean(population)" with no population
    rows weighs by the 2024 population dxkit ships for the 63 provinces (``population()``), as
    ``compare_rankings`` does, and a note says so. Integer columns are summed exactly. Returns a
    DataFrame: unit, code, indicator, year, value, rule, from, missing, complete, derived;
    the warnings (a missing predecessor, ...) are in ``.attrs["notes"]``."""
    r = registry if registry is not None else provinces()
    values = frame[value]
    integers = values.dtype.kind in "iu"
    exact = [int(v) for v in values] if integers else [None] * len(values)
    rows, notes = _core.units.carry(
        r, [str(x) for x in frame[unit]], [str(x) for x in frame[indicator]],
        [int(x) for x in frame[year]], [float(v) for v in values], exact,
        list(range(2, len(values) + 2)), "<DataFrame>", dict(rules), _iso(as_of))
    out = _frames.frame(
        [(n, c, i, y, (e if e is not None else v), rl, "; ".join(f), "; ".join(m), ok, d)
         for n, c, i, y, v, e, rl, f, m, ok, d in rows],
        columns=["unit", "code", "indicator", "year", "value", "rule", "from", "missing",
                 "complete", "derived"])
    out.attrs["notes"] = list(notes)
    return out


def follow(observations, documents, as_of, rules: dict | None = None, weights=None, *,
           mapping=None, registry: Registry | None = None, compound: bool = False,
           on_track: float = 0.95, acceleration: float = 0.6, limited: float = 0.0):
    """A plan's targets and results (``observations``: a long table of indicator, year, kind,
    value, source, as ``dxkit.read_plan`` takes) followed into the provinces of ``as_of`` and
    judged there, as ``dxkit progress --units AS_OF --documents DOCS`` does: each row's province
    is its document's (``documents``: number, kind, province, year, date), at the document's
    date; rows of one former province are followed as they are (Thái Bình's targets in Hưng
    Yên), rows of several are combined by ``rules`` ({indicator: "weighted_mean(GRDP)", "sum",
    ...}) with ``weights`` ({weight: {province: value}}, or a CSV path / DataFrame of unit,
    indicator, value). ``mapping`` links indicator codes. Returns the DataFrame of
    ``Plan.progress(units=as_of)``: province, original, then the columns of ``Plan.progress``;
    the warnings in ``.attrs["notes"]``. The same as ``dxkit.read_plan(observations,
    mapping=mapping, documents=documents).progress(units=as_of, carry=rules, weights=weights)``."""
    plan = _plan.read_plan(observations, mapping=mapping, documents=documents)
    return plan.progress(compound=compound, on_track=on_track, acceleration=acceleration,
                         limited=limited, units=_iso(as_of), carry=rules, weights=weights,
                         registry=registry)


def _scores(data) -> list[tuple[str, float]]:
    if isinstance(data, dict):
        return [(str(k), float(v)) for k, v in data.items()]
    columns = list(data.columns)
    unit = "unit" if "unit" in columns else columns[0]
    score = "score" if "score" in columns else columns[1]
    return [(str(u), float(s)) for u, s in zip(data[unit], data[score])]


def compare_rankings(current, previous, *, year: int, previous_year: int, as_of="2025-07-01",
                     weights: dict | None = None, rule: str = "weighted_mean(population)",
                     registry: Registry | None = None):
    """A ranking of the units of ``as_of`` (``current``: {name: score} or a DataFrame with
    unit, score) beside the previous year's ranking of the units they were formed from. The
    previous scores are carried by ``rule`` (population-weighted by default: by ``weights``
    {former unit: population} when given, else by the 2024 population dxkit ships for the 63
    provinces, see ``population()``, stated in the notes; or rule="mean") and ranked among
    themselves. Returns a DataFrame by current rank: unit, code, score, rank, previous_score,
    previous_rank, score_change, rank_change, basis ("across the reorganisation" or "like for
    like"), predecessors, missing; the rule stated in ``.attrs["notes"]``."""
    r = registry if registry is not None else provinces()
    rows, notes = _core.units.compare_rankings(
        r, _scores(current), int(year), _scores(previous), int(previous_year),
        {str(k): float(v) for k, v in (weights or {}).items()}, rule, _iso(as_of))
    out = _frames.frame(
        [(*x[:9], "; ".join(x[9]), "; ".join(x[10])) for x in rows],
        columns=["unit", "code", "score", "rank", "previous_score", "previous_rank",
                 "score_change", "rank_change", "basis", "predecessors", "missing"])
    out["previous_rank"] = _frames.nullable_int(out["previous_rank"])
    out["rank_change"] = _frames.nullable_int(out["rank_change"])
    out.attrs["notes"] = list(notes)
    return out


def express(names, as_of, registry: Registry | None = None, *, keep_unknown: bool | None = None,
            source: str = "<names>"):
    """Names (provinces by default; ``registry=agencies()`` for agencies) expressed in the units
    valid at ``as_of``: a DataFrame of original, name (the unit(s) at the date, ", " between
    successors), moved, known. Unknown province names are a ValidationError listing the close
    matches; unknown agencies (``keep_unknown``, the default for agencies: Sở Y tế was not
    reorganised) stay as written, with a warning in ``.attrs["notes"]`` when close to a known
    one. ``"Sở TTTT"`` at 2026-01-01 is ``"Sở Khoa học và Công nghệ"``."""
    r = registry if registry is not None else provinces()
    keep = (r.what == "agency") if keep_unknown is None else keep_unknown
    rows, notes = _core.units.express(r, [str(n) for n in names], _iso(as_of), keep, source)
    out = _frames.frame([(o, n, m, k) for n, o, m, k in rows],
                        columns=["original", "name", "moved", "known"])
    out.attrs["notes"] = list(notes)
    return out


def carry_ranking(scores, *, year: int, as_of="2025-07-01",
                  rule: str = "weighted_mean(population)", weights: dict | None = None,
                  registry: Registry | None = None):
    """A ranking of ``year`` (``scores``: {former unit: score} or a DataFrame with unit, score;
    the 63 of DTI 2024) expressed in the units of ``as_of``: each unit's score carried from its
    predecessors by ``rule`` (population-weighted by default: by ``weights`` when given, else
    by the shipped 2024 population of the 63, ``population()``; or rule="mean"; stated in the
    notes), ranked among the carried scores. Returns a
    DataFrame by rank: unit, code, score, rank, basis ("across the reorganisation" for a merged
    unit), predecessors, missing; ``.attrs["notes"]`` states the rule."""
    r = registry if registry is not None else provinces()
    rows, notes = _core.units.carry_ranking(
        r, _scores(scores), int(year), {str(k): float(v) for k, v in (weights or {}).items()},
        rule, _iso(as_of))
    out = _frames.frame([(*x[:5], "; ".join(x[5]), "; ".join(x[6])) for x in rows],
                        columns=["unit", "code", "score", "rank", "basis", "predecessors",
                                 "missing"])
    out.attrs["notes"] = list(notes)
    return out


def _agency_now(name: str, written: str | None, as_of: str, r: Registry, notes: list) -> str:
    try:
        found = r.destinations(name, as_of, written)
    except ValueError as error:
        message = str(error)
        if not message.startswith(f"unknown {r.what} "):
            raise  # ambiguous, or not valid when written: the table needs a look
        if "close matches" in message:
            notes.append(message + "; kept as written")
        return name
    if not found:
        notes.append(f"{name!r} ended without a successor by {as_of}; kept as written")
        return name
    return ", ".join(n for n, _, _ in found)


def express_agencies(frame, columns, written, as_of, registry: Registry | None = None):
    """A copy of an assignment table (a DataFrame) with each column of ``columns`` (lead,
    supporting agencies) expressed in the agencies of ``as_of``: a column "<column> (<as_of>)"
    right after the original, which is kept. Cells list agencies separated by ";"; a name the
    registry (default: the shipped agencies) knows is followed from ``written`` (the table's
    date) to its successor (Sở TTTT -> Sở Khoa học và Công nghệ); names it does not know are not
    reorganised and stay as written (``.attrs["notes"]`` lists those close to a known name)."""
    r = registry if registry is not None else agencies()
    notes: list[str] = []
    out = frame.copy()
    for column in [columns] if isinstance(columns, str) else list(columns):
        now = []
        for cell in frame[column]:
            if not isinstance(cell, str) or not cell.strip():
                now.append(cell)
                continue
            parts = [p.strip() for p in cell.split(";")]
            now.append("; ".join(_agency_now(p, _iso(written), _iso(as_of), r, notes)
                                 for p in parts))
        out.insert(out.columns.get_loc(column) + 1, f"{column} ({_iso(as_of)})", now)
    out.attrs["notes"] = notes
    return out


__all__ = ["RULES", "Link", "Registry", "Unit", "agencies", "carry", "carry_ranking",
           "compare_rankings", "express", "express_agencies", "follow", "load_map", "population",
           "predecessors", "provinces", "resolve", "successors", "units"]
