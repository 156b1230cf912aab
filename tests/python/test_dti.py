import json
import pathlib
import subprocess

import pandas as pd
import pytest
from test_cli import DXKIT

import dxkit
import dxkit.dti

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


def test_presets_copy_and_change():
    assert dxkit.dti.presets() == ["dti_922", "dti_1726", "haiduong_department"]
    meta = dxkit.dti.preset_meta("dti_922")
    assert meta.loc[meta["Type"] == "Indicator", "MaxPoints"].astype(float).sum() == 1000
    # A province that does not score Đô thị thông minh but wants 50 points on it.
    changed = meta.copy()
    changed.loc[changed["iCode"] == "DTTM", ["Weight", "MaxPoints"]] = 50
    changed.loc[changed["iCode"] == "NenTang", ["Weight", "MaxPoints"]] = 550
    points = pd.read_csv(EXAMPLES / "dti_synthetic_2022_points.csv", dtype=str)
    points["DTTM"] = "25"
    r = dxkit.dti.score(points, framework=changed)
    assert r.scores.loc["P4", "DTTM"] == 0.5
    assert r.scores.loc["P4", "DTI"] == pytest.approx((500 + 25) / 1050)


def test_synthetic_provinces_published_ranks_and_change():
    r = dxkit.dti.score(EXAMPLES / "dti_synthetic_2022_points.csv",
                        previous=EXAMPLES / "dti_synthetic_2021_ranking.csv")
    p = r.published
    assert list(p.index) == ["P3", "P5", "P1", "P2", "P4"]
    assert list(p["Rank"]) == [1, 2, 3, 3, 5]  # P5 0,71504 prints as P1's 0,7150 but ranks above
    assert p.loc["P5", "DTI"] == p.loc["P1", "DTI"] == 0.715
    assert r.scores.loc["P5", "DTI"] > r.scores.loc["P1", "DTI"]
    assert p.loc["P1", "Change"] == -2 and pd.isna(p.loc["P4", "PreviousRank"])
    assert r.left == ["P6"]
    assert p.loc["P1", "GroupRank"] == 2 and p.loc["P5", "GroupRank"] == 1
    # Pillar ranks: P2 leads Nhận thức số alone, P3 leads the foundation group.
    assert r.ranks.loc["P2", "NT"] == 1 and r.ranks.loc["P1", "NT"] == 2
    assert r.ranks.loc["P3", "NenTang"] == 1 and r.ranks.loc["P4", "NenTang"] == 5


def test_scoring_sheet_and_corrections():
    r = dxkit.dti.score(EXAMPLES / "department_sheet_2023.csv", framework="haiduong_department")
    # STTTT final: NT 25 + 25, TC 45, HT 45, NL 37,5, ATTT 100, HĐ 170 = 447,5 of 500.
    assert r.scores.loc["STTTT", "DTI"] == pytest.approx(447.5 / 500)
    assert r.scores.loc["SNN", "ATTT"] == 0  # the council found no plan
    d = r.differences.set_index(["uCode", "Sub"])
    assert d.loc[("SNN", "AT1"), "Difference"] == -100
    assert len(r.differences) == 7
    assert r.subs.loc[0, "Evidence"] == "QĐ 45/QĐ-STTTT"


def test_errors_name_the_place(tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("uCode,Main,Sub,Rule,Max,Self\nA,NT,NT1,ratio,10,12/10\n", encoding="utf-8")
    with pytest.raises(dxkit.ParseError, match=r"sheet.csv:2.*column 'Self'.*0 <= a <= b"):
        dxkit.dti.score(sheet, framework="haiduong_department")
    with pytest.raises(dxkit.ValidationError, match="unknown framework 'dti_2030'"):
        dxkit.dti.preset_meta("dti_2030")


def test_dti_command():
    p = subprocess.run([DXKIT, "dti", str(EXAMPLES / "dti_synthetic_2022_points.csv"),
                        "--previous", str(EXAMPLES / "dti_synthetic_2021_ranking.csv"),
                        "--format", "json"], check=False, capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    rows = {r["uCode"]: r for r in out["rows"]}
    assert rows["P5"]["Rank"] == 2 and rows["P5"]["DTI"] == 0.715
    # A unit new in the ranking: Change null and is_new (the table prints "new").
    assert rows["P5"]["Change"] is None and rows["P5"]["is_new"] is True
    assert rows["P1"]["Change"] == -2 and rows["P1"]["is_new"] is False
    assert any("P6 was ranked 4" in n["message"] for n in out["notes"])
    p = subprocess.run([DXKIT, "dti", str(EXAMPLES / "department_sheet_2023.csv"), "--framework",
                        "haiduong_department", "--output", "differences", "--format", "csv"],
                       check=False, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert len(p.stdout.splitlines()) == 8
    p = subprocess.run([DXKIT, "dti", "--framework", "dti_1726", "--output", "meta"],
                       check=False, capture_output=True, text=True, timeout=60)
    assert p.stdout.startswith("Level,iCode,iName,Direction,Weight,MaxPoints,Parent,Type")


def test_a_malformed_points_table_fails_as_on_the_command_line(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text('uCode,uName,Group\nA,"Tỉnh A,1\n', encoding="utf-8")
    with pytest.raises(dxkit.ParseError) as e:
        dxkit.dti.score(path)
    assert (e.value.file, e.value.line, e.value.column) == (str(path), 2, 2)
    p = subprocess.run([DXKIT, "dti", str(path)], capture_output=True, text=True, check=False)
    assert p.returncode != 0
    assert p.stderr == f"dxkit: error: {e.value}\n"


def test_previous_ranking_is_read_by_the_core_reader(tmp_path):
    previous = tmp_path / "previous.csv"
    previous.write_text("uCode;DTI\nA;0,5\n", encoding="utf-8")  # ';' and a decimal comma
    points = EXAMPLES / "dti_synthetic_2022_points.csv"
    r = dxkit.dti.score(points, previous=previous)
    assert r.left == ["A"]
    assert r.published["PreviousRank"].isna().all()
