"""Issue 13, point 6: round trips. Each command's CSV and JSON output, fed back to the reader
of the same table, gives the same answer; outputs keep the cells as written next to the
canonical form (target_text / actual_text)."""
import csv
import io
import json

import pytest
from conftest import EXAMPLES
from test_cli_output import run

import dxkit

THAI_BINH = EXAMPLES / "thai_binh_2023_results.csv"
DONG_THAP = EXAMPLES / "dong_thap_2022_results.csv"
TASKS = EXAMPLES / "dong_thap_2023_assignments.csv"


def _json(*args):
    p = run(*args, "--format", "json")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def _verdicts(out):
    return [(r["code"], r["status"], r["ratio"], r["estimate"]) for r in out["rows"]]


@pytest.mark.parametrize("source", [THAI_BINH, DONG_THAP], ids=["thai_binh", "dong_thap"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("scheme", ["exceed", "bands"])
def test_evaluate_reads_its_own_output(tmp_path, source, fmt, scheme):
    first = _json("evaluate", source, "--scheme", scheme)
    out = run("evaluate", source, "--scheme", scheme, "--format", fmt)
    assert out.returncode == 0, out.stderr
    saved = tmp_path / f"out.{fmt}"
    saved.write_text(out.stdout, encoding="utf-8")
    again = _json("evaluate", saved, "--scheme", scheme)
    assert again["counts"] == first["counts"]
    assert _verdicts(again) == _verdicts(first)
    # The cells as written travel with the output, and are what was read the second time.
    assert [r["target_text"] for r in again["rows"]] == [r["target_text"] for r in first["rows"]]
    assert [r["actual_text"] for r in again["rows"]] == [r["actual_text"] for r in first["rows"]]
    # Python reads the same file to the same verdicts.
    r = dxkit.evaluate(saved, scheme=scheme)
    assert r.counts == first["counts"]


def test_the_text_as_written_beside_the_canonical_form():
    out = _json("evaluate", THAI_BINH)
    row = next(r for r in out["rows"] if r["actual_text"] == "Dự kiến 5% GRDP")
    assert row["actual"] == "≈ 5% GRDP" and row["estimate"] is True
    # The canonical form is itself readable ("≈" is an estimate, as "khoảng" is).
    parsed = dxkit.parse_result("≈ 5% GRDP")
    assert parsed.parts[0].estimate and parsed.describe() == "≈ 5% GRDP"
    c = run("evaluate", THAI_BINH, "--format", "csv")
    header = next(csv.reader(io.StringIO(c.stdout)))
    assert header[-2:] == ["target_text", "actual_text"]
    # The text table does not show them (the canonical form is what it shows).
    t = run("evaluate", THAI_BINH)
    assert "target_text" not in t.stdout and "Dự kiến 5% GRDP" not in t.stdout


def test_python_frames_keep_the_cells_as_written_and_read_back():
    r = dxkit.evaluate(THAI_BINH, scheme="bands")
    df = r.to_frame()
    i = list(df["actual_text"]).index("Dự kiến 5% GRDP")
    assert df["actual"][i] == "≈ 5% GRDP"
    assert list(df.columns[12:14]) == ["target_text", "actual_text"]
    again = dxkit.evaluate(df, scheme="bands")
    assert again.counts == r.counts
    assert list(again.status) == list(r.status)
    # A DataFrame input keeps its own cells as the text as written.
    import pandas as pd
    small = pd.DataFrame({"code": ["A"], "target": ["97% trở lên"], "actual": ["99,6%"]})
    f = dxkit.evaluate(small).to_frame()
    assert f["target_text"][0] == "97% trở lên" and f["target"][0] == "≥ 97%"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_due_reads_its_own_output(tmp_path, fmt):
    args = ("due", "--as-of", "2023-09-01")
    first = _json(*args[:1], TASKS, *args[1:])
    out = run(args[0], TASKS, *args[1:], "--format", fmt)
    assert out.returncode == 0, out.stderr
    saved = tmp_path / f"due.{fmt}"
    saved.write_text(out.stdout, encoding="utf-8")
    again = _json(args[0], saved, *args[1:])
    assert again["counts"] == first["counts"]
    key = ("No", "task", "lead", "deadline", "kind", "start", "last_day", "status", "days")
    assert [[r[k] for k in key] for r in again["rows"]] == \
        [[r[k] for k in key] for r in first["rows"]]


def test_due_reads_a_done_task_back_as_done(tmp_path):
    p = tmp_path / "tasks.csv"
    p.write_text("STT,Nhiệm vụ,Cơ quan chủ trì,Thời gian hoàn thành,Trạng thái\n"
                 "1,Cổng dữ liệu,Sở TT&TT,Tháng 6/2023,Hoàn thành\n"
                 "2,Nền tảng LGSP,Sở TT&TT,Tháng 6/2023,\n", encoding="utf-8")
    first = _json("due", p, "--as-of", "2023-09-01")
    assert [r["status"] for r in first["rows"]] == ["done", "overdue"]
    saved = tmp_path / "due.json"
    saved.write_text(run("due", p, "--as-of", "2023-09-01", "--format", "json").stdout,
                     encoding="utf-8")
    again = _json("due", saved, "--as-of", "2023-09-01")
    assert [r["status"] for r in again["rows"]] == ["done", "overdue"]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_dti_previous_takes_its_own_output(tmp_path, fmt):
    points = EXAMPLES / "dti_synthetic_2022_points.csv"
    last = tmp_path / f"last.{fmt}"
    p = run("dti", EXAMPLES / "dti_synthetic_2022_points.csv", "--format", fmt)
    assert p.returncode == 0, p.stderr
    last.write_text(p.stdout, encoding="utf-8")
    out = _json("dti", points, "--previous", last)
    # Last year's ranks come from the published (4-decimal) DTI, as from a Ministry table:
    # P5, P1 and P2 tie at 0,715 (test_numbers_everywhere), from the CSV and the JSON alike.
    assert [r["PreviousRank"] for r in out["rows"]] == [1, 2, 2, 2, 5]
    # Python reads the same file with its defaults too.
    r = dxkit.dti.score(points, previous=last)
    assert list(r.published["PreviousRank"]) == [1, 2, 2, 2, 5]
    # An explicit --numbers vietnamese is obeyed: dxkit's plain CSV is then refused, located.
    if fmt == "csv":
        e = run("dti", points, "--previous", last, "--numbers", "vietnamese")
        assert e.returncode == 1 and "last.csv:2 (column 'DTI')" in e.stderr


def test_a_json_that_is_not_dxkits_output_is_refused_with_its_place(tmp_path):
    p = tmp_path / "x.json"
    p.write_text('{"data": [1, 2]}', encoding="utf-8")
    e = run("evaluate", p)
    assert e.returncode == 1
    assert "x.json:1: a JSON file that is not dxkit's output" in e.stderr
    p.write_text('{"schema": "dxkit/1",\n "rows": [\n  {"code": "1", "target": "80%"},,\n]}',
                 encoding="utf-8")
    e = run("evaluate", p)
    assert e.returncode == 1 and "x.json:3:34: not valid JSON" in e.stderr
    with pytest.raises(dxkit.ParseError, match="not valid JSON") as info:
        dxkit.evaluate(p)
    assert info.value.line == 3
