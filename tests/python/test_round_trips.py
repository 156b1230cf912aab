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


BUDGETS = [EXAMPLES / "thai_binh_2023_budget.csv", EXAMPLES / "dong_thap_2022_investment.csv"]


@pytest.mark.parametrize("source", BUDGETS, ids=["thai_binh", "dong_thap_by_year"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("by", ["", "agency", "agency,source", "section,group", "year",
                                "source,year", "tag,period"])
def test_budget_reads_its_own_rollup(tmp_path, source, fmt, by):
    dims = ["--by", by] if by else []
    first = _json("budget", source, *dims)
    out = run("budget", source, *dims, "--format", fmt)
    assert out.returncode == 0, out.stderr
    saved = tmp_path / f"rollup.{fmt}"
    saved.write_text(out.stdout, encoding="utf-8")
    again = _json("budget", saved, *dims)
    # The same keys, the same whole đồng, the same shares; the amounts were read as đồng
    # (dxkit's output says so), not as the triệu of an appendix without a unit line.
    assert again["rows"] == first["rows"]
    # Its total is its rows' (by source, Thái Bình's line 50 counts its sources, 877, not its
    # printed total, 732: the row_sum finding, so the two totals differ by 145 triệu there).
    assert again["totals"]["total"] == sum(r["amount"] for r in first["rows"])
    if "source" not in by:
        assert again["totals"]["total"] == first["totals"]["total"]
    assert again["source_unit"] == "đồng"
    # Python reads the file, and the frame Budget.rollup() returns, to the same roll-up.
    keys = by.split(",") if by else []
    want = dxkit.read_budget(source).rollup(keys)
    for back in (dxkit.read_budget(saved), dxkit.read_budget(want)):
        got = back.rollup(keys)
        assert got["amount"].tolist() == want["amount"].tolist()
        assert got[keys].values.tolist() == want[keys].values.tolist()


def test_budget_check_findings_travel_with_the_csv_rollup(tmp_path):
    source = EXAMPLES / "thai_binh_2023_budget.csv"
    first = _json("budget", source, "--by", "agency", "--check")
    kinds = [f["kind"] for f in first["findings"]]
    assert kinds == ["row_sum"] + ["subtotal"] * 8 + ["possible_breakdown"]
    out = run("budget", source, "--by", "agency", "--check", "--format", "csv")
    saved = tmp_path / "checked.csv"
    saved.write_text(out.stdout, encoding="utf-8")
    again = _json("budget", saved, "--by", "agency", "--check")
    assert again["rows"] == first["rows"]
    # The source's findings come back as they were written (its file and lines), and the
    # roll-up itself adds none.
    assert again["findings"] == first["findings"]
    assert again["findings"][0]["line"] == 50 and again["findings"][0]["computed"] == 877_000_000


def test_a_rollup_is_whole_dong_whatever_unit_is_asked(tmp_path):
    out = run("budget", BUDGETS[0], "--by", "agency", "--format", "csv")
    saved = tmp_path / "rollup.csv"
    saved.write_text(out.stdout, encoding="utf-8")
    e = run("budget", saved, "--unit", "tỷ")
    assert e.returncode == 1
    assert "rollup.csv:1 (column 'amount'): dxkit's roll-up output holds whole đồng" in e.stderr
    ok = run("budget", saved, "--unit", "đồng", "--format", "json")
    assert json.loads(ok.stdout)["totals"]["total"] == 75_428_000_000
    # A broken findings block is refused at its cell, not skipped.
    text = run("budget", BUDGETS[0], "--check", "--format", "csv").stdout
    bad = tmp_path / "bad.csv"
    bad.write_text(text.replace(",error,", ",fatal,", 1), encoding="utf-8")
    e = run("budget", bad)
    assert e.returncode == 1 and "not a severity (note, warning, error)" in e.stderr
    assert "bad.csv:5:2 (column 'severity')" in e.stderr
