"""dxkit.plan: deadlines and assignments, progress across documents, checks of the text."""

import datetime as dt
import json
import pathlib
import subprocess

import pandas as pd
import pytest
from test_cli import DXKIT

import dxkit

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


def test_parse_deadline_forms():
    d = dxkit.parse_deadline("Quý III/2023")
    assert (d.kind, d.start, d.due) == ("window", "2023-07-01", "2023-09-30")
    assert dxkit.parse_deadline("Trước tháng 05/2023").due == "2023-04-30"
    assert dxkit.parse_deadline("Nhiệm vụ thường xuyên").kind == "recurring"
    assert dxkit.parse_deadline("").kind == "none"
    with pytest.raises(dxkit.ParseError, match="no such date: 31/02/2023"):
        dxkit.parse_deadline("31/02/2023")


def test_dong_thap_due_list_and_agencies():
    a = dxkit.read_assignments(EXAMPLES / "dong_thap_2023_assignments.csv")
    assert len(a) == 55
    due = a.due(dt.date(2023, 7, 1), within=30)
    counts = due["status"].value_counts()
    assert counts["overdue"] == 7 and counts["recurring"] == 3 and counts["undated"] == 3
    late = due[due["status"] == "overdue"].set_index("No")
    assert late.loc["I.7", "days"] == -62  # Trước tháng 05/2023: last day 30 April
    agencies = a.by_agency("2023-07-01")
    # 15 as "Sở TTTT" and one as "Sở TT&TT" (row 29): one agency since the redesign
    assert agencies.loc["Sở TTTT", "open"] == 16
    assert "Sở TT&TT" not in agencies.index
    assert agencies["overdue"].sum() >= 7  # tasks with two leads count for both


def test_default_deadline_and_dataframes(tmp_path):
    t = dxkit.read_assignments(EXAMPLES / "hai_duong_2023_targets.csv",
                               default_deadline="Cuối năm 2023")
    assert set(t.to_frame()["last_day"]) == {pd.Timestamp(2023, 12, 31)}  # datetime64
    frame = pd.DataFrame({"STT": ["1", "2"], "Task": ["a", "b"], "Lead": ["Sở A", "Sở B"],
                          "Deadline": ["Tháng 11/2023", "Thường xuyên"],
                          "Status": ["Hoàn thành", ""]})
    a = dxkit.read_assignments(frame)
    due = a.due("2023-12-15")
    assert list(due["status"]) == ["done", "recurring"]
    text = a.to_ics(tmp_path / "x.ics", name="test")
    assert (tmp_path / "x.ics").read_bytes().count(b"\r\n") == text.count("\r\n")
    with pytest.raises(dxkit.ValidationError, match="missing the lead agency column"):
        dxkit.read_assignments(frame.drop(columns=["Lead"]))
    with pytest.raises(dxkit.ParseError, match=r"column 'Deadline'.*not a deadline"):
        dxkit.read_assignments(frame.assign(Deadline=["sớm", ""]))


def test_due_command(tmp_path):
    ics = tmp_path / "dt.ics"
    p = subprocess.run([DXKIT, "due", str(EXAMPLES / "dong_thap_2023_assignments.csv"),
                        "--as-of", "2023-07-01", "--within", "90", "--ics", str(ics),
                        "--format", "json"], check=False, capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)["rows"]
    assert sum(r["status"] == "due_soon" for r in rows) == 2
    assert ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 55 - 3 - 3
    p = subprocess.run([DXKIT, "due", str(EXAMPLES / "dong_thap_2023_assignments.csv"),
                        "--as-of", "2023-02-30"], check=False, capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 1 and "no such date" in p.stderr


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
    # Counted from Phụ lục 01's own verdicts ("Đạt 50% mục tiêu" is in "trên 50%"): all hold.
    assert list(t["supported"]) == [True, True, True]
    assert (t.loc[1, "stated"], t.loc[1, "counted"], t.loc[1, "at_threshold"]) == (4, 4, 0)
    d = dxkit.check_tallies(SEEDS / "dong_thap_2023_plan.txt",
                            EXAMPLES / "dong_thap_2022_results.csv", scheme="exceed")
    assert d["supported"].all() and len(d) == 3
    p = subprocess.run([DXKIT, "check-text", str(SEEDS / "thai_binh_2024_plan.txt"),
                        "--appendix", str(EXAMPLES / "thai_binh_2023_results.csv"), "--format",
                        "csv"], check=False, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert sum("tally_mismatch" in line for line in p.stdout.splitlines()) == 0


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
    assert list(found["kind"]) == ["malformed_number", "ratio_mismatch", "ratio_mismatch"]
    with pytest.raises(dxkit.ValidationError, match="not one of the documents"):
        dxkit.read_plan(EXAMPLES / "progress_digital_economy.csv",
                        documents=EXAMPLES / "thai_binh_documents.csv")


@pytest.mark.parametrize(("content", "line"), [
    ('indicator,year,kind,value\nA,2020,target,"90\nB,2021,result,5\n', 2),  # open quote
    ("indicator,year,kind,value\nA,2020,target,90\nB,2021,result\n", 3),     # a cell missing
    (b"indicator,year,kind,value\nA,2020,target,9\xff0\n", 2),                # not UTF-8
])
def test_a_malformed_file_fails_as_on_the_command_line(tmp_path, content, line):
    path = tmp_path / "observations.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(dxkit.ParseError) as e:
        dxkit.read_plan(path)
    assert e.value.file == str(path) and e.value.line == line
    assert str(e.value).startswith(f"{path}:{line}:")
    p = subprocess.run([DXKIT, "progress", str(path)], capture_output=True, text=True,
                       check=False)
    assert p.returncode != 0
    assert p.stderr == f"dxkit: error: {e.value}\n"


def test_mapping_and_documents_are_read_by_the_core_reader(tmp_path):
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("from;to\nA;X\nA;Y\n", encoding="utf-8")  # ';' as Excel writes it
    observations = EXAMPLES / "thai_binh_progress.csv"
    with pytest.raises(dxkit.ValidationError) as e:
        dxkit.read_plan(observations, mapping=mapping)
    assert str(e.value) == f"{mapping}:3:2 (column 'to'): 'A' is mapped to both 'X' and 'Y'"
