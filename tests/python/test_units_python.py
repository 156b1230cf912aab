"""The --units DATE of the command line from Python: a plan followed into the provinces of a
date (progress), the due list and the budget roll-up in the agencies of a date, each equal to
the command line's output for the same input; carry() weighing by the shipped population."""

import json
import math
import pathlib
import re
import subprocess
import sys

import pandas as pd
import pytest
from test_cli import DXKIT

import dxkit
import dxkit.units as u

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PROGRESS = EXAMPLES / "thai_binh_progress.csv"
MAPPING = EXAMPLES / "thai_binh_mapping.csv"
DOCUMENTS = EXAMPLES / "thai_binh_documents.csv"


def _cli(*args):
    run = subprocess.run([DXKIT, *[str(a) for a in args]], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout


def _cli_json(*args):
    return json.loads(_cli(*args, "--format", "json"))


def _plain(value):
    """A cell as the command line's JSON writes it: <NA> / NaN -> None, numpy -> Python."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _same_rows(frame, rows):
    """Every JSON row of the command line equals the frame's row, key by key (numbers to 1e-12:
    the JSON prints them in full)."""
    assert len(frame) == len(rows)
    assert list(frame.columns) == list(rows[0].keys())
    for (_, mine), theirs in zip(frame.iterrows(), rows):
        for key, value in theirs.items():
            got = _plain(mine[key])
            if isinstance(value, float) and got is not None:
                assert got == pytest.approx(value, rel=1e-12, abs=1e-12), (key, theirs)
            else:
                assert got == value, (key, theirs)


# 1. A plan followed into the provinces of a date: Plan.progress(units=...), units.follow(...)

def test_follow_thai_binh_in_hung_yen_equals_the_command_line():
    cli = _cli_json("progress", PROGRESS, "--mapping", MAPPING, "--documents", DOCUMENTS,
                    "--units", "2025-07-01")
    out = u.follow(PROGRESS, DOCUMENTS, as_of="2025-07-01", mapping=MAPPING)
    _same_rows(out, cli["rows"])
    assert out.attrs["notes"] == [
        f"{n['where']['file']}:{n['where']['line']}: {n['severity']} [{n['code']}]: "
        f"{n['message']}" for n in cli["notes"] if n["code"]]
    # The same from a plan, and by hand: the seed's KTS (Resolution 02-NQ/TU: 20% of GRDP by
    # 2025, 30% by 2030) is followed in Hưng Yên; 2030 needs (30 - 20) / 5 = 2 points a year.
    plan = dxkit.read_plan(PROGRESS, mapping=MAPPING, documents=DOCUMENTS)
    same = plan.progress(units="2025-07-01")
    pd.testing.assert_frame_equal(pd.DataFrame(same), pd.DataFrame(out))
    kts = out[(out["indicator"] == "KTS") & (out["target_year"] == 2030)].iloc[0]
    assert (kts["province"], kts["original"], kts["required"]) == ("Hưng Yên", "Thái Bình", 2.0)
    assert "DTI" not in set(out["indicator"])  # a rank among the 63 is not followed
    assert any("DTI" in n and "is not a rank among the new ones; left out" in n
               for n in out.attrs["notes"])
    assert list(out.columns[:3]) == ["province", "original", "indicator"]


def _two_provinces(tmp_path):
    """The seed's Thái Bình rows plus the former Hưng Yên's (synthetic: KTS 25% by 2025, 8% in
    2023, plan HY-KH), and GRDP weights 2 and 3 (synthetic)."""
    rows = PROGRESS.read_text(encoding="utf-8") + "KTS,x,2025,target,25%,HY-KH\n" \
        "KTS,x,2023,result,8%,HY-KH\n"
    plan = tmp_path / "plan.csv"
    plan.write_text(rows, encoding="utf-8")
    docs = tmp_path / "documents.csv"
    docs.write_text(DOCUMENTS.read_text(encoding="utf-8") + "HY-KH,plan,Hưng Yên,2023,10/01/2023\n",
                    encoding="utf-8")
    mapping = tmp_path / "mapping.csv"
    mapping.write_text(MAPPING.read_text(encoding="utf-8"), encoding="utf-8")
    weights = tmp_path / "grdp.csv"
    weights.write_text("unit,indicator,value\nThái Bình,GRDP,2\nHưng Yên,GRDP,3\n",
                       encoding="utf-8")
    return plan, docs, mapping, weights


def test_follow_combines_two_provinces_as_the_command_line(tmp_path):
    plan, docs, mapping, weights = _two_provinces(tmp_path)
    cli = _cli_json("progress", plan, "--mapping", mapping, "--documents", docs, "--units",
                    "2025-07-01", "--carry", "KTS=weighted_mean(GRDP)", "--weights", weights)
    by_path = u.follow(plan, docs, "2025-07-01", {"KTS": "weighted_mean(GRDP)"}, weights,
                       mapping=mapping)
    _same_rows(by_path, cli["rows"])
    by_dict = u.follow(plan, docs, "2025-07-01", {"KTS": "weighted_mean(GRDP)"},
                       {"GRDP": {"Thái Bình": 2, "Hưng Yên": 3}}, mapping=mapping)
    pd.testing.assert_frame_equal(pd.DataFrame(by_dict), pd.DataFrame(by_path))
    # By hand: the 2025 target (20 * 2 + 25 * 3) / 5 = 23%, the 2023 result (5 * 2 + 8 * 3) / 5
    # = 6.8%; from the 2024 target (6%, Thái Bình's alone) 23 - 6 = 17 points in a year.
    kts = by_path[(by_path["indicator"] == "KTS") & (by_path["target_year"] == 2025)].iloc[0]
    assert kts["target_value"] == pytest.approx(23.0, rel=1e-15)
    assert kts["latest"] == pytest.approx(6.8, rel=1e-15)
    assert kts["required"] == pytest.approx(17.0, rel=1e-15)
    assert kts["original"] == "Hưng Yên; Thái Bình"
    assert any(n.endswith("weighted_mean(GRDP) of Hưng Yên 25%, Thái Bình 20%")
               for n in by_path.attrs["notes"])


def test_follow_errors_are_located(tmp_path):
    plan, docs, mapping, weights = _two_provinces(tmp_path)
    with pytest.raises(dxkit.ValidationError, match="comes from Hưng Yên .*: declare how the "
                       "indicator combines"):
        u.follow(plan, docs, "2025-07-01", mapping=mapping)
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,indicator,value\nThái Bình,GRDP,hai\n", encoding="utf-8")
    with pytest.raises(dxkit.ParseError, match=r"bad\.csv:2:3 \(column 'value'\)"):
        u.follow(plan, docs, "2025-07-01", {"KTS": "weighted_mean(GRDP)"}, bad, mapping=mapping)
    with pytest.raises(dxkit.ValidationError, match=r"needs the plan's documents"):
        dxkit.read_plan(PROGRESS, mapping=MAPPING).progress(units="2025-07-01")


# 2. The due list and the budget roll-up in the agencies of a date

ASSIGNMENTS = EXAMPLES / "dong_thap_2023_assignments.csv"


def test_due_units_equals_the_command_line():
    cli = _cli_json("due", ASSIGNMENTS, "--as-of", "2026-01-01", "--units", "2026-01-01")
    tasks = dxkit.read_assignments(ASSIGNMENTS)
    out = tasks.due("2026-01-01", units="2026-01-01")
    assert list(out.columns[3:5]) == ["lead", "lead_original"]
    frame = out.copy()
    for c in ("start", "last_day"):
        frame[c] = [None if pd.isna(d) else d.strftime("%Y-%m-%d") for d in frame[c]]
    frame["status"] = frame["status"].astype(str)
    _same_rows(frame[list(cli["rows"][0].keys())], cli["rows"])
    # By hand from the appendix: Sở TTTT leads 20 tasks, owed in 2026 by its successor.
    moved = out[out["lead_original"] == "Sở TTTT"]
    assert len(moved) == 20 and set(moved["lead"]) == {"Sở Khoa học và Công nghệ"}
    assert (tasks.to_frame()["lead"] == "Sở TTTT").sum() == 20  # the table is unchanged
    assert out.attrs["notes"] == [
        f"{ASSIGNMENTS}:42 (column 'lead'): warning [unknown_agency]: unknown agency 'Sở GDĐT' "
        "kept as written; close matches: Sở Kế hoạch và Đầu tư, Sở Giao thông vận tải"]


def test_by_agency_units_equals_the_command_line():
    cli = _cli_json("due", ASSIGNMENTS, "--as-of", "2026-01-01", "--units", "2026-01-01",
                    "--by", "agency")
    out = dxkit.read_assignments(ASSIGNMENTS).by_agency("2026-01-01", units="2026-01-01")
    _same_rows(out.reset_index(), cli["rows"])
    kh = out.loc["Sở Khoa học và Công nghệ"]
    assert kh["lead_original"] == "Sở TT&TT; Sở TTTT"
    assert kh.drop("lead_original").sum() == 21  # Sở TTTT's 20 tasks and Sở TT&TT's 1


def test_plan_due_units():
    plan = dxkit.read_plan(PROGRESS, assignments=ASSIGNMENTS, mapping=MAPPING,
                           documents=DOCUMENTS)
    out = plan.due("2026-01-01", units="2026-01-01")
    assert (out["lead_original"] == "Sở TTTT").sum() == 20


def test_budget_rollup_units_equals_the_command_line():
    path = EXAMPLES / "dong_thap_2023_recurrent.csv"
    cli = _cli_json("budget", path, "--by", "agency", "--units", "2026-01-01")
    b = dxkit.read_budget(path)
    out = b.rollup(["agency"], units="2026-01-01")
    assert list(out.columns) == ["agency", "agency_original", "amount", "share"]
    _same_rows(out, cli["rows"])
    # Exact: each successor's amount is the sum of what its predecessors were written as.
    before = b.rollup(["agency"]).set_index("agency")["amount"]
    for _, row in out.iterrows():
        assert row["amount"] == sum(before[n] for n in row["agency_original"].split("; "))
    kh = out.set_index("agency").loc["Sở Khoa học và Công nghệ"]
    assert (kh["agency_original"], kh["amount"]) == ("Sở TTTT", 16_390_000_000)
    assert out["amount"].sum() == b.total
    # Another dimension beside the agency keeps its place; without agency nothing is added.
    two = b.rollup(["section", "agency"], units="2026-01-01")
    assert list(two.columns) == ["section", "agency", "agency_original", "amount", "share"]
    assert list(b.rollup(["source"], units="2026-01-01").columns) == ["source", "amount", "share"]


# 3. carry() weighs by the shipped population when no population is given

def test_carry_weighted_by_the_shipped_population():
    # Hải Dương 2022: 8.48% of GRDP (seed 003); Hải Phòng's 12% synthetic. The shipped 2024
    # population (src/units/data/population.cpp): Hải Dương 1 978.2 and Hải Phòng 2 124.5
    # thousand, so (8.48 * 1978200 + 12 * 2124500) / 4102700 = 42269136 / 4102700.
    frame = pd.DataFrame({"unit": ["Hải Dương", "Hải Phòng"], "indicator": ["kts_grdp"] * 2,
                          "year": [2022, 2022], "value": [8.48, 12.0]})
    out = u.carry(frame, {"kts_grdp": "weighted_mean(population)"}, as_of="2026-01-01")
    row = out.iloc[0]
    assert (row["unit"], row["from"], row["complete"]) == ("Hải Phòng", "Hải Dương; Hải Phòng",
                                                           True)
    assert row["value"] == pytest.approx(42269136 / 4102700, rel=1e-15)
    pop = u.population().set_index("name")["persons"]
    assert (pop["Hải Dương"], pop["Hải Phòng"]) == (1978200, 2124500)
    assert out.attrs["notes"][0].startswith(
        "note [weights]: 'kts_grdp' of 2022 weighted by the population of 2024 (source: GSO")
    assert out.attrs["notes"][0].endswith(
        "shipped with dxkit; give 'population' observations to use others")
    # The user's population wins, without the note.
    own = pd.concat([frame, pd.DataFrame({"unit": ["Hải Dương", "Hải Phòng"],
                                          "indicator": ["population"] * 2, "year": [2022] * 2,
                                          "value": [1.0, 3.0]})])
    mine = u.carry(own, {"kts_grdp": "weighted_mean(population)"}, as_of="2026-01-01")
    assert mine.iloc[0]["value"] == pytest.approx((8.48 + 36) / 4, rel=1e-15)
    assert mine.attrs["notes"] == []


def test_carry_shipped_population_agrees_with_carry_ranking():
    # The same weights as carry_ranking's default: Thái Bình 0.6 and every other 0.3, the new
    # Hưng Yên (0.3 * 1318100 + 0.6 * 1890400) / 3208500 both ways.
    names = list(u.units("2025-06-30")["name"])
    scores = {n: 0.3 for n in names}
    scores["Thái Bình"] = 0.6
    ranking = u.carry_ranking(scores, year=2024).set_index("unit")
    frame = pd.DataFrame({"unit": names, "indicator": ["score"] * len(names),
                          "year": [2024] * len(names), "value": [scores[n] for n in names]})
    carried = u.carry(frame, {"score": "weighted_mean(population)"},
                      as_of="2025-07-01").set_index("unit")
    expected = (0.3 * 1318100 + 0.6 * 1890400) / 3208500
    assert carried.loc["Hưng Yên", "value"] == pytest.approx(expected, rel=1e-15)
    assert ranking.loc["Hưng Yên", "score"] == pytest.approx(expected, rel=1e-15)
    for unit in ranking.index:
        assert carried.loc[unit, "value"] == pytest.approx(ranking.loc[unit, "score"],
                                                           rel=1e-14)



def test_the_example_follows_thai_binh_and_the_tasks_of_so_tttt(tmp_path):
    # Run from elsewhere: the example finds its files beside itself.
    run = subprocess.run([sys.executable, str(EXAMPLES / "units_reorganisation.py")],
                         capture_output=True, text=True, check=True, cwd=tmp_path)
    assert re.search(r"Hưng Yên Thái Bình\s+2030\s+30%\s+5\.0\s+2\.0 insufficient_data",
                     run.stdout)
    assert re.search(r"Sở Khoa học và Công nghệ\s+20$", run.stdout, re.M)
