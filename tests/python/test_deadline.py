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
    assert agencies.loc["Sở TTTT", "open"] == 15
    assert agencies["overdue"].sum() >= 7  # tasks with two leads count for both


def test_default_deadline_and_dataframes(tmp_path):
    t = dxkit.read_assignments(EXAMPLES / "hai_duong_2023_targets.csv",
                               default_deadline="Cuối năm 2023")
    assert set(t.to_frame()["last_day"]) == {dt.date(2023, 12, 31)}
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
    assert sum(r["Status"] == "due_soon" for r in rows) == 2
    assert ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 55 - 3 - 3
    p = subprocess.run([DXKIT, "due", str(EXAMPLES / "dong_thap_2023_assignments.csv"),
                        "--as-of", "2023-02-30"], check=False, capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 1 and "no such date" in p.stderr
