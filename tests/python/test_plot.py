"""dxkit.plot: each plot rendered to PNG with Agg, then what was drawn checked (bars and their
heights, patches, tick labels, titles), not pixels."""

import io

import numpy as np
import pytest
from conftest import EXAMPLES
from test_index_cli import ASEM

import dxkit
import dxkit.dti

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import dxkit.plot  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def asem():
    return dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                             normalise="minmax(lo=1,hi=100)")


def render(ax) -> None:
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png")
    assert buffer.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"


def ticks(ax, axis: str = "x") -> list[str]:
    labels = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return [t.get_text() for t in labels]


def test_dti_scores_by_province_with_group_colours():
    r = dxkit.dti.score(EXAMPLES / "dti_synthetic_2022_points.csv")
    ax = dxkit.plot.scores(r)
    render(ax)
    bars = ax.patches
    assert len(bars) == len(r.scores)
    heights = [b.get_height() for b in bars]
    assert heights == sorted(r.scores["DTI"], reverse=True)
    first = r.scores["DTI"].idxmax()
    assert ticks(ax)[0] == r.published.loc[first, "uName"]
    colours = {b.get_facecolor() for b in bars}
    assert len(colours) == r.published["Group"].nunique()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == \
        list(dict.fromkeys(r.published.set_index("uName").loc[ticks(ax), "Group"]))
    assert ax.get_ylabel() == "Điểm DTI (score)"


def test_index_scores_on_given_axes(asem):
    fig, (left, right) = plt.subplots(1, 2)
    ax = dxkit.plot.scores(asem, "Conn", ax=right)
    assert ax is right and not left.patches
    render(ax)
    conn = asem.data("aggregated")["Conn"].sort_values(ascending=False)
    assert [b.get_height() for b in ax.patches] == pytest.approx(conn.tolist())
    assert ax.get_title() == "Conn theo đơn vị (by unit)"


def test_framework_sunburst_with_weights():
    ax = dxkit.plot.framework("dti_922")
    render(ax)
    meta = dxkit.dti.preset_meta("dti_922")
    nodes = meta[meta["Type"].isin(["Indicator", "Aggregate"])]
    assert len(ax.patches) == len(nodes)
    # The ring of the pillars spans the circle, each pillar its share of the points.
    pillars = nodes[nodes["Level"] == nodes["Level"].max() - 1]
    spans = {t.get_text().split("\n")[0]: t.get_text().split("\n")[1] for t in ax.texts}
    for code, w in zip(pillars["iCode"], pillars["Weight"].astype(float)):
        share = 100 * w / pillars["Weight"].astype(float).sum()
        if code in spans:
            assert spans[code] == dxkit.format_number(share, 1) + "%"
    angles = [p.theta2 - p.theta1 for p in ax.patches if p.r == pytest.approx(2 / 4)]
    assert sum(angles) == pytest.approx(360)


def test_distribution_and_correlation(asem):
    ax = dxkit.plot.distribution(asem, ["LPI", "Flights", "Ship"])
    render(ax)
    assert ticks(ax) == ["LPI", "Flights", "Ship"]
    medians = [line.get_ydata()[0] for line in ax.lines if line.get_color() == "C1"]
    assert medians == pytest.approx(asem.data("normalised")[["LPI", "Flights", "Ship"]]
                                    .median().tolist())
    ax = dxkit.plot.correlation(asem, ["LPI", "Flights", "Ship"])
    render(ax)
    shown = ax.images[0].get_array()
    expected = asem.data("normalised")[["LPI", "Flights", "Ship"]].corr().to_numpy()
    assert np.asarray(shown) == pytest.approx(expected)
    assert ticks(ax, "y") == ["LPI", "Flights", "Ship"]


def test_uncertainty_ranks_against_nominal(asem):
    u = asem.uncertainty(40, seed=2, weight_noise={2: 0.25}, progress=False)
    ax = dxkit.plot.uncertainty(u)
    render(ax)
    assert ticks(ax) == list(u.summary.index)
    median_line, nominal_line = ax.lines[0], ax.lines[-1]
    assert list(median_line.get_ydata()) == pytest.approx(u.summary["median"].tolist())
    assert list(nominal_line.get_ydata()) == u.summary["nominal"].astype(float).tolist()
    assert ax.yaxis_inverted()
    segments = ax.collections[0].get_segments()  # the 5-95 % whiskers
    assert [s[0][1] for s in segments] == pytest.approx(u.summary["p5"].tolist())
    assert [s[1][1] for s in segments] == pytest.approx(u.summary["p95"].tolist())


def test_sensitivity_bars_with_intervals(asem):
    s = asem.sensitivity(16, seed=3, weight_noise={2: 0.25}, normalisations=["rank"],
                         bootstrap=50, progress=False)
    ax = dxkit.plot.sensitivity(s)
    render(ax)
    assert len(ax.patches) == 2 * len(s)
    heights = [b.get_height() for b in ax.patches]
    assert heights == pytest.approx(s["first"].tolist() + s["total"].tolist())
    assert ticks(ax) == list(s.index)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == \
        ["Bậc nhất (first order)", "Tổng (total)"]


def test_progress_path_to_2025_and_2030():
    plan = dxkit.read_plan(EXAMPLES / "progress_digital_economy.csv")
    p = plan.progress()
    indicator = p.loc[p["target_year"] == 2030, "indicator"].iloc[0]
    rows = p[p["indicator"] == indicator]
    ax = dxkit.plot.progress(plan, indicator)
    render(ax)
    labels = [line.get_label() for line in ax.lines]
    for year in rows["target_year"]:
        assert f"Tốc độ cần (required pace) {year}" in labels
    target = next(line for line in ax.lines if line.get_label().startswith("Mục tiêu 2030"))
    assert list(target.get_ydata()) == \
        [float(rows.loc[rows["target_year"] == 2030, "target_value"].iloc[0])]
    results = ax.lines[0]
    assert list(results.get_xdata()) == [rows["baseline_year"].iloc[0],
                                         rows["latest_year"].iloc[0]]
    with pytest.raises(dxkit.ValidationError, match=r"^no indicator 'NOPE' in the plan"):
        dxkit.plot.progress(plan, "NOPE")


def test_budget_by_agency_and_source():
    b = dxkit.read_budget(EXAMPLES / "thai_binh_2023_budget.csv")
    ax = dxkit.plot.budget(b)
    render(ax)
    r = b.rollup(["agency", "source"])
    per_unit = dxkit.parse_money("1", b.unit)
    widths = {}
    for bar, agency in zip(ax.patches, ticks(ax, "y") * r["source"].nunique()):
        widths[agency] = widths.get(agency, 0) + bar.get_width()
    totals = r.groupby("agency")["amount"].sum()
    for agency, amount in totals.items():
        assert widths[agency or "(không ghi)"] == pytest.approx(amount / per_unit)
    assert ax.get_xlabel() == f"Kinh phí ({b.unit})"


def test_due_tasks_by_agency_over_time():
    a = dxkit.read_assignments(EXAMPLES / "dong_thap_2023_assignments.csv")
    due = a.due("2023-07-01")
    ax = dxkit.plot.due(due, freq="Q")
    render(ax)
    long = due[due["last_day"].notna()].explode_agencies(roles=("lead",))
    assert sum(b.get_height() for b in ax.patches) == len(long)
    assert ticks(ax) == sorted(set(long["last_day"].dt.to_period("Q").astype(str)))
    undated = int(due["last_day"].isna().sum())
    assert f"({undated} không có hạn cụ thể)" in ax.get_title()


def test_matplotlib_missing_names_the_extra(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "matplotlib.pyplot", None)
    r = dxkit.dti.score(EXAMPLES / "dti_synthetic_2022_points.csv")
    with pytest.raises(ImportError, match=r"pip install 'dxkit\[plot\]'"):
        dxkit.plot.scores(r)


def test_import_dxkit_plot_does_not_import_matplotlib():
    import subprocess
    import sys

    code = "import sys, dxkit, dxkit.plot; assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60,
                   env={**__import__("os").environ})
