import json
import pathlib
import subprocess

import pandas as pd
import pytest
from test_cli import DXKIT

import dxkit

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


def test_plan_progress_and_due():
    plan = dxkit.read_plan(EXAMPLES / "progress_digital_economy.csv",
                           EXAMPLES / "dong_thap_2023_assignments.csv")
    p = plan.progress().set_index(["indicator", "target_year"])
    dt = p.loc[("DT_KTS", 2023)]
    assert dt["status"] == "on_track"
    assert dt["ratio"] == pytest.approx(0.5 / (1.3 / 3))
    assert dt["projected"] == pytest.approx(4.2)
    assert p.loc[("HD_KTS", 2023), "status"] == "insufficient_data"
    assert pd.isna(p.loc[("HD_KTS", 2023), "ratio"])
    assert p.loc[("TB_KTS", 2025), "path_from"] == "target 2024"
    assert bool(p.loc[("TB_DTI", 2025), "lower_is_better"])
    early = plan.progress(as_of="2021-12-31").set_index(["indicator", "target_year"])
    assert early.loc[("DT_KTS", 2023), "latest"] == pytest.approx(3.6)
    assert plan.due("2023-07-01")["status"].eq("overdue").sum() == 7


def test_plan_from_dataframe_and_errors():
    frame = pd.DataFrame({"indicator": ["X", "X", "X"], "year": [2020, 2022, 2025],
                          "kind": ["result", "result", "target"], "value": [10.0, 12.5, 20.0]})
    p = dxkit.read_plan(frame).progress()
    assert p.loc[0, "observed"] == pytest.approx(1.25)
    assert p.loc[0, "status"] == "acceleration_needed"  # 1,25 / (10 / 5) = 0,625
    assert dxkit.read_plan(frame).progress(acceleration=0.7).loc[0, "status"] == \
        "limited_progress"
    with pytest.raises(dxkit.ParseError, match="the kind is target, result or baseline"):
        dxkit.read_plan(frame.assign(kind=["result", "result", "goal"]))
    with pytest.raises(dxkit.ValidationError, match="no assignment appendix"):
        dxkit.read_plan(frame).due("2023-01-01")


def test_progress_command():
    p = subprocess.run([DXKIT, "progress", str(EXAMPLES / "progress_digital_economy.csv"),
                        "--format", "json"], check=False, capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)["rows"]
    dt = next(r for r in rows if r["indicator"] == "DT_KTS")
    assert dt["status"] == "on_track" and dt["year_reached"] == pytest.approx(2022.6)
    p = subprocess.run([DXKIT, "progress", str(EXAMPLES / "progress_digital_economy.csv"),
                        "--as-of", "2023-02-30"], check=False, capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 1 and "no such date" in p.stderr


SEEDS = pathlib.Path(__file__).resolve().parents[1] / "data" / "seeds"


def test_check_text_on_the_seeds(tmp_path):
    tb = dxkit.check_text(SEEDS / "thai_binh_2024_plan.txt")
    assert list(tb["line"]) == [199, 237, 585]
    assert list(tb["kind"]) == ["malformed_number", "ratio_mismatch", "ratio_mismatch"]
    dt = dxkit.check_text(SEEDS / "dong_thap_2023_plan.txt")
    assert dt.loc[0, "kind"] == "conflicting_target"
    assert (dt.loc[0, "line"], dt.loc[0, "other_line"]) == (742, 316)
    assert dxkit.check_text("1.030/1.685 đạt 61,1%.").empty
    bad = tmp_path / "plan.txt"
    bad.write_bytes("Kế hoạch".encode("cp1258", errors="replace") + b"\xff\n")
    with pytest.raises(dxkit.EncodingError, match="plan.txt"):
        dxkit.check_text(bad)
    p = subprocess.run([DXKIT, "check-text", str(SEEDS / "dong_thap_2023_plan.txt"), "--format",
                        "json"], check=False, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)["rows"]
    assert rows[0]["other_line"] == 316 and "83%" in rows[0]["message"]
    p = subprocess.run([DXKIT, "check-text", str(bad)], check=False, capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 1 and "invalid UTF-8" in p.stderr and "plan.txt:1" in p.stderr


def test_check_tallies():
    t = dxkit.check_tallies(SEEDS / "thai_binh_2024_plan.txt",
                            EXAMPLES / "thai_binh_2023_results.csv")
    assert list(t["supported"]) == [True, False, True]
    assert (t.loc[1, "stated"], t.loc[1, "counted"], t.loc[1, "at_threshold"]) == (4, 3, 1)
    d = dxkit.check_tallies(SEEDS / "dong_thap_2023_plan.txt",
                            EXAMPLES / "dong_thap_2022_results.csv", scheme="exceed")
    assert d["supported"].all() and len(d) == 3
    p = subprocess.run([DXKIT, "check-text", str(SEEDS / "thai_binh_2024_plan.txt"),
                        "--appendix", str(EXAMPLES / "thai_binh_2023_results.csv"), "--format",
                        "csv"], check=False, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert sum("tally_mismatch" in line for line in p.stdout.splitlines()) == 1


def test_plan_links_documents_and_checks_itself():
    plan = dxkit.read_plan(EXAMPLES / "thai_binh_progress.csv",
                           mapping=EXAMPLES / "thai_binh_mapping.csv",
                           documents=EXAMPLES / "thai_binh_documents.csv",
                           text=SEEDS / "thai_binh_2024_plan.txt",
                           appendix=EXAMPLES / "thai_binh_2023_results.csv")
    p = plan.progress().set_index(["indicator", "target_year"])
    assert set(p.index.get_level_values(0)) == {"DVC4", "KIEMTRA", "KTS", "DNCNS", "TKTT", "DTI"}
    assert p.loc[("KTS", 2023), "status"] == "missed"
    assert p.loc[("KTS", 2025), "required"] == pytest.approx(14)
    assert p.loc[("DVC4", 2030), "status"] == "achieved"
    assert list(plan.documents["number"]) == ["02-NQ/TU", "167/KH-UBND"]
    found = plan.check()
    assert list(found["kind"]) == ["malformed_number", "ratio_mismatch", "ratio_mismatch",
                                   "tally_mismatch"]
    with pytest.raises(dxkit.ValidationError, match="not one of the documents"):
        dxkit.read_plan(EXAMPLES / "progress_digital_economy.csv",
                        documents=EXAMPLES / "thai_binh_documents.csv")
