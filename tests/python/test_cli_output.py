"""The command line's one output model: every command's report written as a text table, CSV
and JSON by one writer, notes as diagnostics, and --output kinds from one table per command."""
import csv
import io
import json
import pathlib
import subprocess

from conftest import EXAMPLES
from test_cli import DXKIT

ASEM = pathlib.Path(__file__).resolve().parents[1] / "data" / "coinr-asem"


def run(*args):
    return subprocess.run([DXKIT, *map(str, args)], check=False, capture_output=True,
                          text=True, timeout=60)


def small_table(tmp_path):
    p = tmp_path / "targets.csv"
    p.write_text("code,name,target,actual\nA1,Tỷ lệ hồ sơ trực tuyến,80%,74%\n"
                 "A2,Doanh nghiệp số,100,120\n", encoding="utf-8")
    return p


def test_one_report_in_three_formats(tmp_path):
    p = small_table(tmp_path)
    j = run("evaluate", p, "--scheme", "bands", "--format", "json")
    assert j.returncode == 0, j.stderr
    out = json.loads(j.stdout)
    assert list(out) == ["schema", "command", "output", "source", "scheme", "bands", "counts",
                         "rows", "notes"]
    assert out["schema"] == "dxkit/1" and out["command"] == "evaluate"
    assert out["output"] is None and out["source"].endswith("targets.csv")
    assert out["counts"] == {"met": 1, "ge_90": 1, "ge_50": 0, "lt_50": 0, "no_data": 0}
    assert out["rows"][0]["ratio"] == 0.925 and out["rows"][0]["met"] is False
    assert out["rows"][0]["line"] == 2 and out["notes"] == []
    c = run("evaluate", p, "--scheme", "bands", "--format", "csv")
    rows = list(csv.reader(io.StringIO(c.stdout)))
    assert rows[0] == ["line", "code", "name", "pillar", "target", "actual", "ratio", "met",
                       "exceeded", "estimate", "status", "label", "target_text", "actual_text"]
    assert rows[0] == list(out["rows"][0])  # CSV has the JSON rows' keys
    assert rows[1][1:3] == ["A1", "Tỷ lệ hồ sơ trực tuyến"]
    assert rows[1][6] == "0.925" and rows[1][7:9] == ["false", "false"]
    t = run("evaluate", p, "--scheme", "bands")
    lines = t.stdout.splitlines()
    assert lines[0].endswith("targets.csv — scheme bands (90,50), 2 rows")
    assert lines[2].split() == ["code", "name", "target", "actual", "ratio", "met", "exceeded",
                                "status", "label"]
    assert "92,5%" in lines[4] and " no " in lines[4]
    assert "yes" in lines[5]


def test_budget_frames_rollup_and_findings():
    f = EXAMPLES / "thai_binh_2023_budget.csv"
    c = run("budget", f, "--by", "section", "--check", "--format", "csv")
    assert c.returncode == 0, c.stderr
    rollup, findings = c.stdout.split("\n\n")
    rows = list(csv.reader(io.StringIO(rollup)))
    # Money in CSV is whole đồng (the table prints the unit); shares are fractions of 1.
    assert rows[0] == ["section", "amount", "share"]
    assert rows[1][:2] == ["Các sở, ban, ngành thuộc tỉnh", "66757000000"]
    assert "%" not in rows[1][2] and 0 < float(rows[1][2]) < 1
    assert "66.757" in run("budget", f, "--by", "section").stdout
    found = list(csv.reader(io.StringIO(findings)))
    # A document's sheet, Word table and cell follow, empty for a CSV file.
    assert found[0] == ["kind", "severity", "file", "line", "label", "column", "reported",
                        "computed", "message", "sheet", "table", "cell"]
    assert len(found) == 11 and found[1][:2] == ["row_sum", "error"] and found[1][3] == "50"
    assert found[1][2].endswith("thai_binh_2023_budget.csv") and found[1][9:] == ["", "", ""]
    # Without --check the CSV is the roll-up alone; JSON always has "findings".
    assert "\n\n" not in run("budget", f, "--format", "csv").stdout
    assert json.loads(run("budget", f, "--format", "json").stdout)["findings"] == []
    t = run("budget", f, "--check")
    assert "10 finding(s)" in t.stdout
    assert "thai_binh_2023_budget.csv:50: error: row_sum:" in t.stdout


def test_notes_are_diagnostics_in_every_format():
    common = ("index", "--data", ASEM / "ASEM_iData_p.csv", "--meta", ASEM / "ASEM_iMeta.csv",
              "--time", "2020")
    t = run(*common)
    assert t.returncode == 0, t.stderr
    assert t.stdout.splitlines()[-1] == "note: time 2020"
    j = json.loads(run(*common, "--format", "json").stdout)
    assert j["output"] == "aggregated" and [n["message"] for n in j["notes"]] == ["time 2020"]
    assert j["notes"][0]["severity"] == "note" and j["time"] == 2020
    assert "note:" not in run(*common, "--format", "csv").stdout


def test_output_kinds_come_from_one_table():
    h = run("index", "--help")
    assert "ranks: ranks of the aggregated data (--ties)" in h.stdout
    assert "leave-one-out: rank shifts when each element" in h.stdout
    p = run("dti", "--output", "wrong")
    assert p.returncode == 2
    assert "results" in p.stderr and "differences" in p.stderr
    d = run("dti", "--help")
    assert "differences: the appraisal council's corrections" in d.stdout
    # meta is the framework's iMeta as it is, whatever the format.
    m = run("dti", "--framework", "dti_922", "--output", "meta", "--format", "json")
    assert m.stdout.startswith("Level,iCode,iName")
    p = run("dti", "--output", "results")
    assert p.returncode == 1
    assert "give a scoring sheet or a points table (or --output meta)" in p.stderr
