import json
import os
import shutil
import subprocess
import sysconfig

import pytest


def find_program():
    """$DXKIT_CLI (a development build), else the dxkit program that `pip install` put next to
    this Python, else the one on PATH."""
    if os.environ.get("DXKIT_CLI"):
        return os.environ["DXKIT_CLI"]
    candidate = os.path.join(sysconfig.get_path("scripts"), "dxkit")
    if os.access(candidate, os.X_OK):
        return candidate
    return shutil.which("dxkit")


DXKIT = find_program()


def run(*args):
    assert DXKIT, "the dxkit program was not installed with the package"
    return subprocess.run([DXKIT, *map(str, args)], check=False, capture_output=True,
                          text=True, timeout=60)


def test_json_output(thai_binh):
    p = run("evaluate", thai_binh, "--scheme", "bands", "--bands", "90,50", "--format", "json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["scheme"] == "bands"
    assert out["counts"] == {"met": 10, "ge_90": 1, "ge_50": 3, "lt_50": 2, "no_data": 0}
    assert len(out["rows"]) == 16
    row = out["rows"][3]
    assert {"code", "name", "ratio", "met", "exceeded", "status", "label"} <= row.keys()
    assert row["status"] == "ge_90" and row["label"] == "Đạt trên 90% mục tiêu"
    assert row["ratio"] == pytest.approx(0.9256)


def test_table_and_csv_output(dong_thap):
    p = run("evaluate", dong_thap)
    assert p.returncode == 0, p.stderr
    assert "Vượt (exceeded): 6/15" in p.stdout
    assert "Đạt (met): 7/15" in p.stdout
    assert "Chưa đạt (not_met): 2/15" in p.stdout
    c = run("evaluate", dong_thap, "--format", "csv")
    lines = c.stdout.strip().splitlines()
    assert lines[0] == ("line,code,name,pillar,target,actual,ratio,met,exceeded,estimate,"
                        "status,label,target_text,actual_text")
    assert len(lines) == 16


def test_bad_input_exits_nonzero_with_a_message(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("code,name,target,actual\n1,a,12.5%,90%\n", encoding="utf-8")
    r = run("evaluate", p)
    assert r.returncode == 1
    assert "bad.csv:2:3 (column 'target')" in r.stderr
    assert "groups of exactly three digits" in r.stderr
    r = run("evaluate", tmp_path / "missing.csv")
    assert r.returncode == 1 and "cannot open" in r.stderr
    r = run("evaluate", p, "--scheme", "nope")
    assert r.returncode == 2
