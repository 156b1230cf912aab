"""What an analyst sees in a notebook: every result's ``_repr_html_`` against golden files (as
iminuit does), compact reprs, and the notebook habits of the frames (datetime64 due dates,
joined agencies, ordered statuses, threads, tqdm).

The golden files are tests/python/golden/*.html, compared exactly. After an intended change
of a display, regenerate them and review the diff:
    DXKIT_REGENERATE_GOLDEN=1 bash scripts/dev.sh tests/python/test_display.py
"""

import os
import pathlib
import re

import pandas as pd
import pytest
from conftest import ROOT
from test_index_cli import ASEM

import dxkit
import dxkit.dti
from dxkit import _display

GOLDEN = pathlib.Path(__file__).resolve().parent / "golden"
REGENERATE = os.environ.get("DXKIT_REGENERATE_GOLDEN") == "1"


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    # Sources are shown as given: relative paths keep the golden files machine-independent.
    monkeypatch.chdir(ROOT)


def check_golden(name: str, html: str) -> None:
    path = GOLDEN / f"{name}.html"
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(html + "\n", encoding="utf-8")
    assert path.is_file(), f"no golden file {path.name}: run with DXKIT_REGENERATE_GOLDEN=1"
    assert html + "\n" == path.read_text(encoding="utf-8"), \
        f"{path.name} differs (DXKIT_REGENERATE_GOLDEN=1 regenerates it; review the diff)"


@pytest.fixture(scope="module")
def asem():
    return dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                             normalise="minmax(lo=1,hi=100)")


@pytest.fixture(scope="module")
def plan():
    return dxkit.read_plan("examples/thai_binh_progress.csv",
                           "examples/dong_thap_2023_assignments.csv",
                           mapping="examples/thai_binh_mapping.csv",
                           documents="examples/thai_binh_documents.csv")


def test_evaluation_tally_first_colours_and_golden():
    r = dxkit.evaluate("examples/thai_binh_2023_results.csv", scheme="bands")
    html = r._repr_html_()
    # The tally comes before the table, each status on its colour.
    assert html.index("<b>10/16</b>") < html.index("<table>")
    assert f"background:{_display.LIGHT_GREEN}'>Hoàn thành</span> <b>10/16</b>" in html
    assert html.count(f"background:{_display.LIGHT_GREEN}'>Hoàn thành") == 1 + 10
    assert html.count(f"background:{_display.RED}'>") == 1 + 2  # Đạt dưới 50%: tally, rows
    assert f"background:{_display.AMBER}'>Đạt trên 90% mục tiêu</span> <b>1/16</b>" in html
    assert f"background:{_display.ORANGE}'>Đạt trên 50% mục tiêu</span> <b>3/16</b>" in html
    assert "<th style" in html and "Đánh giá" in html
    check_golden("evaluation_thai_binh_2023", html)
    assert repr(r) == "<EvaluationResult bands rows=16 met=10, ge_90=1, ge_50=3, lt_50=2, " \
        "no_data=0>"


def test_evaluation_escapes_what_it_shows():
    frame = pd.DataFrame({"code": ["1"], "name": ["<script>alert('x')</script> & co"],
                          "target": ["80%"], "actual": ["90%"]})
    html = dxkit.evaluate(frame)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in html
    assert f"background:{_display.GREEN}'>Vượt</span>" in html


def test_budget_golden_and_repr():
    b = dxkit.read_budget("examples/thai_binh_2023_budget.csv")
    html = b._repr_html_()
    assert html.startswith("<div class='dxkit-budget'")
    assert "Tổng (total): <b>" in html
    check_golden("budget_thai_binh_2023", html)
    assert repr(b).startswith("<Budget examples/thai_binh_2023_budget.csv: total ")


def test_index_golden_and_repr(asem):
    html = asem._repr_html_()
    top = asem.ranks(["Index"]).sort_values("Index").index[0]
    assert f"<td style='{_display._CELL}'>1</td><td style='{_display._CELL}'>{top}</td>" in html
    assert "51 đơn vị (units)" in html
    check_golden("index_asem", html)
    assert repr(asem) == "<IndexResult 51 units × 60 columns>"


def test_dti_golden_and_repr():
    r = dxkit.dti.score("examples/dti_synthetic_2022_points.csv",
                        previous="examples/dti_synthetic_2021_ranking.csv")
    html = r._repr_html_()
    assert "Xếp hạng DTI" in html and "Hạng năm trước" in html
    assert "Không còn trong xếp hạng (left the ranking): P6" in html
    check_golden("dti_synthetic_2022", html)
    assert repr(r) == f"<DtiResult {len(r.published)} units, first {r.published.index[0]}>"


def test_uncertainty_and_sensitivity_golden(asem):
    u = asem.uncertainty(40, seed=2, weight_noise={2: 0.25}, progress=False)
    html = u._repr_html_()
    assert "40 lần chạy (replicates) × 51 đơn vị (units)" in html
    check_golden("uncertainty_asem", html)
    assert repr(u) == "<Uncertainty 40 replicates × 51 units of Index>"
    s = asem.sensitivity(16, seed=3, weight_noise={2: 0.25}, normalisations=["rank"],
                         bootstrap=50, progress=False)
    assert isinstance(s, pd.DataFrame) and s.attrs["runs"] == 16 * 4
    html = s._repr_html_()
    assert "Phân tích độ nhạy" in html and "64 lần chạy (runs)" in html
    check_golden("sensitivity_asem", html)
    # What is derived from it is a plain DataFrame, shown by pandas.
    assert type(s.head(1)) is pd.DataFrame


def test_plan_progress_and_due_golden(plan):
    html = plan._repr_html_()
    assert html.startswith("<div class='dxkit-plan'")
    assert html.index("Tiến độ") < html.index("Phân công nhiệm vụ")
    check_golden("plan_thai_binh", html)
    progress = plan.progress()
    p = progress._repr_html_()
    n = progress["status"].value_counts()
    assert f"Đã đạt</span> <b>{n['achieved']}/{len(progress)}</b>" in p
    check_golden("progress_thai_binh", p)
    due = plan.due("2023-07-01")
    d = due._repr_html_()
    assert f"background:{_display.RED}'>Quá hạn</span> <b>7/55</b>" in d
    # Overdue tasks are listed first.
    first = re.search(r"<tbody><tr>.*?</tr>", d).group(0)
    assert "Quá hạn" in first
    check_golden("due_dong_thap_2023", d)
    assert repr(plan).startswith(f"<Plan {progress['indicator'].nunique()} indicators, "
                                 f"{len(progress)} targets (")
    assert repr(plan).endswith(", 55 tasks>")
    assert repr(plan.assignments) == "<Assignments 55 tasks>"
    check_golden("assignments_dong_thap_2023", plan.assignments._repr_html_())


# Notebook habits -------------------------------------------------------------------------


def test_due_dates_are_datetime64_and_agencies_joined(plan):
    due = plan.due("2023-07-01")
    assert str(due["last_day"].dtype) == "datetime64[ns]"
    assert str(due["start"].dtype) == "datetime64[ns]"
    late = due.set_index("No")
    assert late.loc["I.7", "last_day"] == pd.Timestamp("2023-04-30")
    assert (due["last_day"].dt.year.dropna() == 2023).any()
    row = due[due["No"] == "I.3"].iloc[0]
    assert row["lead"] == "Sở TTTT"
    assert row["support"] == "Các sở, ngành Tỉnh; UBND cấp huyện"
    long = due.explode_agencies()
    three = long[long["No"] == "I.3"]
    assert list(zip(three["role"], three["agency"])) == [
        ("lead", "Sở TTTT"), ("support", "Các sở, ngành Tỉnh"), ("support", "UBND cấp huyện")]
    assert "lead" not in long.columns and "support" not in long.columns
    leads = long[long["role"] == "lead"]
    assert len(leads) == sum(len(s.split("; ")) for s in due["lead"])


def test_statuses_are_ordered_categoricals(plan):
    due = plan.due("2023-07-01")
    assert list(due["status"].cat.categories) == ["overdue", "due_soon", "open", "done",
                                                   "recurring", "undated"]
    assert due["status"].cat.ordered
    assert due.sort_values("status")["status"].iloc[0] == "overdue"
    progress = plan.progress()
    assert progress["status"].cat.ordered
    assert list(progress["status"].cat.categories) == dxkit.plan.PROGRESS_STATUSES
    assert (progress["status"] <= "on_track").sum() == \
        progress["status"].isin(["achieved", "on_track"]).sum()
    frame = dxkit.evaluate("examples/thai_binh_2023_results.csv", scheme="bands").to_frame()
    assert frame["status"].cat.ordered and frame["status"].min() == "met"


def test_threads_default_to_every_core(asem):
    one = asem.uncertainty(30, seed=4, weight_noise={2: 0.25}, threads=1, progress=False)
    every = asem.uncertainty(30, seed=4, weight_noise={2: 0.25}, progress=False)
    assert every.ranks.equals(one.ranks)
    with pytest.raises(dxkit.ValidationError,
                       match=r"^threads must be 1 or more \(None: every core\), not 0$"):
        asem.uncertainty(30, weight_noise={2: 0.25}, threads=0)


def test_progress_bar_is_tqdm_when_installed(asem, capsys, monkeypatch):
    pytest.importorskip("tqdm")
    asem.uncertainty(30, seed=4, weight_noise={2: 0.25}, progress=True)
    err = capsys.readouterr().err
    assert re.search(r"uncertainty: 100%\|[^|]*\| 30/30", err), err
    monkeypatch.setitem(__import__("sys").modules, "tqdm.auto", None)  # not installed
    asem.uncertainty(30, seed=4, weight_noise={2: 0.25}, progress=True)
    err = capsys.readouterr().err
    assert f"uncertainty [{'#' * 30}] 100% 30/30" in err


def test_a_selection_of_a_due_list_keeps_its_display_and_agencies(plan):
    due = plan.due("2023-07-01")
    late = due[due["status"] == "overdue"]
    assert len(late.explode_agencies(roles=("lead",))) >= 7
    assert "<b>7/7</b>" in late._repr_html_()
    # Without the columns the display needs, pandas' own table.
    assert late[["No", "task"]]._repr_html_().startswith("<div>")
