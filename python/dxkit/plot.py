"""``dxkit.plot``: the pictures an analyst draws from dxkit's results (COINr's set and the
plans' own), with Vietnamese labels. matplotlib is an optional extra (``pip install
dxkit[plot]``), imported when a plot is drawn, never by ``import dxkit``.

Every function takes ``ax=`` (an Axes to draw on; a new figure when None) and returns the
Axes it drew on, so that a plot can be placed in a figure of one's own and changed after.

>>> import dxkit, dxkit.plot
>>> r = dxkit.dti.score("examples/dti_synthetic_2022_points.csv")
>>> ax = dxkit.plot.scores(r)              # DTI by province, coloured by group
"""

from __future__ import annotations

import os

import numpy as np

from dxkit import _core, _display
from dxkit._lazy import frames as _frames

#: Colours of groups and series, in order (matplotlib's tab10, written out).
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf"]


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("dxkit.plot needs matplotlib, which is an optional extra: "
                          "pip install 'dxkit[plot]' (or pip install matplotlib)") from None
    return plt


def _axes(ax, size=(8, 4.5)):
    if ax is not None:
        return ax
    _, ax = _pyplot().subplots(figsize=size, layout="constrained")
    return ax


def scores(result, column: str | None = None, groups=None, *, ax=None):
    """Scores by unit as bars, highest first, coloured by group: an ``IndexResult`` (the
    aggregated data set's ``column``, default the index) or a ``DtiResult`` (``column``
    default "DTI", groups from its Group column). ``groups``: {uCode: group} to colour by."""
    ax = _axes(ax)
    if hasattr(result, "published"):  # DtiResult
        frame = result.scores
        column = column or ("DTI" if "DTI" in frame.columns else frame.columns[-1])
        names = result.published["uName"].reindex(frame.index).tolist()
        if groups is None and "Group" in result.published.columns:
            groups = result.published["Group"].to_dict()
    else:
        frame = result.data("aggregated")
        column = column or frame.columns[-1]
        names = frame["uName"].tolist()
    values = frame[column].to_numpy(dtype=float)
    units = list(frame.index)
    order = sorted(range(len(units)), key=lambda k: (np.isnan(values[k]), -values[k], k))
    names = [n if isinstance(n, str) and n else u for n, u in zip(names, units)]
    kinds = [str((groups or {}).get(units[k], "")) for k in order]
    legend = list(dict.fromkeys(kinds))
    colours = [PALETTE[legend.index(g) % len(PALETTE)] for g in kinds]
    x = np.arange(len(order))
    bars = ax.bar(x, [values[k] for k in order], color=colours)
    ax.set_xticks(x, [names[k] for k in order], rotation=60 if len(order) > 8 else 0,
                  ha="right" if len(order) > 8 else "center")
    ax.set_ylabel(f"Điểm {column} (score)")
    ax.set_title(f"{column} theo đơn vị (by unit)")
    if groups:
        handles = [bars[kinds.index(g)] for g in legend]
        ax.legend(handles, legend, title="Nhóm (group)")
    return ax


def framework(meta, *, ax=None):
    """The framework as a sunburst: the index in the middle, each ring a level, each node's
    angle its share of the index (its weight among its siblings). ``meta``: an iMeta (path or
    DataFrame: iCode, Level, Parent, Weight, Type) or a DTI preset name ("dti_922")."""
    if isinstance(meta, str) and meta in _core.dti.dti_presets():
        meta = _frames.frame_from_csv_text(_core.dti.dti_preset_meta(meta))
    elif isinstance(meta, (str, os.PathLike)):
        meta = _frames.frame_from_table(_core.text.read_csv(os.fspath(meta)))
    kind = meta["Type"].astype(str) if "Type" in meta.columns else None
    nodes = meta if kind is None else meta[kind.isin(["Indicator", "Aggregate"])]
    level = {str(c): int(v) for c, v in zip(nodes["iCode"], nodes["Level"])}
    parent = {str(c): str(p) for c, p in zip(nodes["iCode"], nodes["Parent"])}
    weight = {str(c): float(str(w).replace(",", ".")) for c, w in
              zip(nodes["iCode"], nodes["Weight"])}
    top = max(level.values())
    children: dict[str, list[str]] = {}
    for code in level:  # in iMeta's order
        if level[code] < top:
            children.setdefault(parent[code], []).append(code)
    ax = _axes(ax, (7, 7))
    ax.set_aspect("equal")
    ax.axis("off")
    roots = [c for c in level if level[c] == top]

    def draw(codes, start, span, depth, colour_of):
        total = sum(weight[c] for c in codes) or 1.0
        for k, code in enumerate(codes):
            part = span * weight[code] / total
            # The index (a single root) grey, each pillar its colour, inherited below it.
            colour = colour_of if colour_of is not None else (
                "#dddddd" if depth == 0 and len(codes) == 1 else PALETTE[k % len(PALETTE)])
            wedge = _wedge(start, part, depth, top, colour, depth / top)
            ax.add_patch(wedge)
            if part >= 8 or depth == 0:
                mid = np.radians(start + part / 2)
                r = 0.0 if depth == 0 else (depth + 0.5) / (top + 1)
                ax.text(r * np.cos(mid), r * np.sin(mid), f"{code}\n{_pct(weight[code], total)}",
                        ha="center", va="center", fontsize=7 if depth else 9)
            draw(children.get(code, []), start, part, depth + 1,
                 None if depth == 0 and len(codes) == 1 else colour)
            start += part

    draw(roots, 90.0, 360.0, 0, None)
    ax.set_xlim(-1.02, 1.02)
    ax.set_ylim(-1.02, 1.02)
    ax.set_title("Khung chỉ số và trọng số (framework and weights)")
    return ax


def _pct(w: float, total: float) -> str:
    return _display.number(100 * w / total, 1) + "%"


def _wedge(start, span, depth, top, colour, fade):
    from matplotlib.patches import Wedge

    outer = (depth + 1) / (top + 1)
    width = outer if depth == 0 else 1 / (top + 1)
    w = Wedge((0, 0), outer, start, start + span, width=width, facecolor=colour,
              edgecolor="white", linewidth=0.8, alpha=1.0 - 0.45 * fade)
    return w


def distribution(result, columns=None, dataset: str = "normalised", *, ax=None):
    """The distribution of each indicator of a data set as box plots (median, quartiles,
    1.5 IQR whiskers, outliers as points); missing values left out."""
    frame = result.data(dataset)
    columns = list(columns) if columns is not None else list(frame.columns[1:])
    data = [frame[c].dropna().to_numpy(dtype=float) for c in columns]
    ax = _axes(ax, (max(6, 0.35 * len(columns)), 4.5))
    ax.boxplot(data, tick_labels=columns)
    ax.tick_params(axis="x", labelrotation=90)
    ax.set_ylabel(f"Giá trị ({dataset})")
    ax.set_title("Phân phối các chỉ tiêu (indicator distributions)")
    return ax


def correlation(result, columns=None, dataset: str = "normalised", *, ax=None):
    """Pearson correlations between indicators (or any columns) of a data set as a heat map
    from -1 (red) to 1 (blue), with a colour bar; pairwise complete values."""
    frame = result.data(dataset)
    columns = list(columns) if columns is not None else list(frame.columns[1:])
    r = frame[columns].astype(float).corr().to_numpy()
    ax = _axes(ax, (7, 6))
    image = ax.imshow(r, vmin=-1, vmax=1, cmap="RdBu")
    ticks = np.arange(len(columns))
    ax.set_xticks(ticks, columns, rotation=90)
    ax.set_yticks(ticks, columns)
    ax.figure.colorbar(image, ax=ax, label="Hệ số tương quan (r)")
    ax.set_title("Tương quan (correlations)")
    return ax


def uncertainty(u, *, ax=None):
    """Ranks under uncertainty (``IndexResult.uncertainty``): per unit, in nominal order, the
    median rank with whiskers from the 5th to the 95th percentile, and the nominal rank."""
    s = u.summary
    ax = _axes(ax, (max(6, 0.18 * len(s)), 4.5))
    x = np.arange(len(s))
    median = s["median"].to_numpy(dtype=float)
    lo = median - s["p5"].to_numpy(dtype=float)
    hi = s["p95"].to_numpy(dtype=float) - median
    ax.errorbar(x, median, yerr=[lo, hi], fmt="o", color=PALETTE[0], markersize=4,
                capsize=2, label="Trung vị, 5–95 % (median, 5–95 %)")
    nominal = s["nominal"].to_numpy(dtype=float, na_value=np.nan)
    ax.plot(x, nominal, "x", color=PALETTE[3], label="Hạng danh nghĩa (nominal rank)")
    ax.set_xticks(x, list(s.index), rotation=90)
    ax.invert_yaxis()  # rank 1 at the top
    ax.set_ylabel("Thứ hạng (rank)")
    ax.set_title(f"Bất định của thứ hạng {u.column} (rank uncertainty)")
    ax.legend()
    return ax


def sensitivity(s, *, ax=None):
    """Sensitivity indices (``IndexResult.sensitivity``): first-order and total index of each
    assumption as bars, with their bootstrap 95 % intervals as whiskers."""
    ax = _axes(ax, (7, 4))
    x = np.arange(len(s))
    width = 0.38
    for k, (kind, label) in enumerate((("first", "Bậc nhất (first order)"),
                                       ("total", "Tổng (total)"))):
        v = s[kind].to_numpy(dtype=float)
        err = [v - s[f"{kind}_lo"].to_numpy(dtype=float),
               s[f"{kind}_hi"].to_numpy(dtype=float) - v]
        ax.bar(x + (k - 0.5) * width, v, width, yerr=np.clip(err, 0, None), capsize=3,
               color=PALETTE[k], label=label)
    ax.set_xticks(x, list(s.index))
    ax.set_ylabel("Chỉ số độ nhạy (sensitivity index)")
    ax.set_title("Độ nhạy của thứ hạng theo giả định (sensitivity)")
    ax.legend()
    return ax


def progress(plan, indicator: str, *, ax=None):
    """The path of one indicator toward its targets (e.g. 2025 and 2030): the baseline and
    the latest result, the pace each target requires from the baseline (dashed) and where the
    observed pace leads (dotted, to the projected value). ``plan``: a ``Plan`` or the frame of
    ``Plan.progress()``."""
    frame = plan.progress() if hasattr(plan, "progress") else plan
    rows = frame[frame["indicator"] == indicator]
    if len(rows) == 0:
        raise _core.ValidationError(f"no indicator '{indicator}' in the plan; it has: "
                                    + ", ".join(dict.fromkeys(frame["indicator"])))
    ax = _axes(ax)
    first = rows.iloc[0]
    seen = [(first["baseline_year"], first["baseline"]), (first["latest_year"], first["latest"])]
    seen = [(int(y), float(v)) for y, v in seen if not (_display.blank(y) or _display.blank(v))]
    if seen:
        ax.plot(*zip(*seen), "o-", color=PALETTE[0], label="Kết quả (results)")
    for k, row in enumerate(rows.itertuples(index=False)):
        year, value = int(row.target_year), row.target_value
        if _display.blank(value):
            continue
        colour = PALETTE[(k + 1) % len(PALETTE)]
        ax.plot([year], [float(value)], "*", markersize=12, color=colour,
                label=f"Mục tiêu {year}: {row.target}")
        if seen:
            ax.plot([seen[0][0], year], [seen[0][1], float(value)], "--", color=colour,
                    label=f"Tốc độ cần (required pace) {year}")
            if not _display.blank(row.projected):
                ax.plot([seen[-1][0], year], [seen[-1][1], float(row.projected)], ":",
                        color=colour, label=f"Dự báo (projected) {year}")
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("Năm (year)")
    ax.set_ylabel("Giá trị (value)")
    ax.set_title(str(first["name"]) or indicator)
    ax.legend(fontsize=8)
    return ax


def budget(b, by: str = "agency", stack: str = "source", *, ax=None):
    """A budget's items summed by ``by`` (agency) as horizontal bars, stacked by ``stack``
    (source of funds), in the unit the table was published in."""
    frame = b.rollup([by, stack])
    per_unit = _core.budget.parse_money("1", b.unit)
    keys = list(dict.fromkeys(frame.groupby(by, sort=False)["amount"].sum()
                              .sort_values(kind="stable").index))
    parts = list(dict.fromkeys(frame[stack]))
    ax = _axes(ax)
    left = np.zeros(len(keys))
    for k, part in enumerate(parts):
        rows = frame[frame[stack] == part].set_index(by)["amount"]
        width = np.array([rows.get(key, 0) / per_unit for key in keys], dtype=float)
        ax.barh(np.arange(len(keys)), width, left=left, color=PALETTE[k % len(PALETTE)],
                label=str(part) or "(không ghi)")
        left += width
    ax.set_yticks(np.arange(len(keys)), [str(k) or "(không ghi)" for k in keys])
    ax.set_xlabel(f"Kinh phí ({b.unit})")
    ax.set_title("Kinh phí theo đơn vị và nguồn vốn (budget)")
    ax.legend(title="Nguồn (source)", fontsize=8)
    return ax


def due(tasks, as_of=None, *, freq: str = "Q", top: int = 8, ax=None):
    """Dated tasks by lead agency over time: per period (``freq`` "M" month, "Q" quarter,
    "Y" year) of their last day, stacked by lead agency (the ``top`` agencies with most tasks,
    the others as one). ``tasks``: ``Assignments``, a ``Plan`` or the frame of ``.due()``.
    A task with two leads counts for both; undated and recurring tasks are left out (said in
    the title)."""
    if hasattr(tasks, "assignments") and not hasattr(tasks, "explode_agencies"):
        tasks = tasks.assignments
    frame = tasks if hasattr(tasks, "explode_agencies") else (
        tasks.due(as_of) if as_of is not None else tasks.to_frame())
    dated = frame[frame["last_day"].notna()]
    long = _frames.DueFrame(dated).explode_agencies(roles=("lead",))
    long["period"] = long["last_day"].dt.to_period(freq).astype(str)
    counts = _frames.crosstab(long["period"], long["agency"])
    order = counts.sum().sort_values(ascending=False, kind="stable").index
    if len(order) > top:
        counts["Khác (others)"] = counts[order[top:]].sum(axis=1)
        order = [*order[:top], "Khác (others)"]
    ax = _axes(ax, (9, 4.5))
    bottom = np.zeros(len(counts))
    x = np.arange(len(counts))
    for k, agency in enumerate(order):
        h = counts[agency].to_numpy(dtype=float)
        ax.bar(x, h, bottom=bottom, color=PALETTE[k % len(PALETTE)], label=str(agency))
        bottom += h
    ax.set_xticks(x, list(counts.index), rotation=45, ha="right")
    ax.set_ylabel("Số nhiệm vụ (tasks)")
    left = len(frame) - len(dated)
    ax.set_title(f"Nhiệm vụ theo hạn cuối và đơn vị chủ trì ({left} không có hạn cụ thể)")
    ax.legend(title="Chủ trì (lead)", fontsize=7)
    return ax
