"""Issue 13, point 4 (last part): ``--numbers vietnamese|plain|auto`` on every command and
``number_format=`` on every reader. Each table is a real one from examples/ (or the COINr ASEM
reference), written again in the other style: read with the style it is written in, it gives
the figures of the original; read with the default, it gives what it gives today (a located
error); ``auto`` decides per file and says so."""

import csv
import io
import json
import pathlib
import re
import subprocess
import warnings

import numpy as np
import pytest
from test_cli import DXKIT

import dxkit
import dxkit.dti
import dxkit.report

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "tests" / "data" / "seeds"
ASEM = ROOT / "tests" / "data" / "coinr-asem"

NUMBER = re.compile(r"\d[\d.,]*\d")


def _cli(*args):
    return subprocess.run([DXKIT, *map(str, args)], check=False, capture_output=True, text=True,
                          timeout=120)


def _swap(cell: str) -> str:
    """The cell in the other style: '.' and ',' swapped inside every number ("99,6%" ->
    "99.6%", "1.234,5" -> "1,234.5")."""
    return NUMBER.sub(lambda m: m.group(0).translate(str.maketrans(".,", ",.")), cell)


def _rewrite(source: pathlib.Path, target: pathlib.Path, columns, change=_swap) -> pathlib.Path:
    """``source`` with the cells of ``columns`` changed, written as CSV at ``target``."""
    with open(source, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    keep = [header.index(c) for c in columns]
    for row in rows[1:]:
        for k in keep:
            row[k] = change(row[k])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    target.write_text(out.getvalue(), encoding="utf-8")
    return target


def _json(*args):
    p = _cli(*args, "--format", "json")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


# dxkit dti / dxkit.dti.score -----------------------------------------------------------------


def _points_with_decimals(tmp_path):
    """The synthetic 2022 points with half points on NT (80 -> 80,5), in both styles; its XHS
    column already holds decimals (100,04)."""
    def half(cell):
        return "80,5" if cell == "80" else cell
    vi = _rewrite(EXAMPLES / "dti_synthetic_2022_points.csv", tmp_path / "points_vi.csv",
                  ["NT"], half)
    plain = _rewrite(vi, tmp_path / "points_plain.csv", ["NT", "XHS"])
    return vi, plain


def test_dti_points_in_either_style(tmp_path):
    vi, plain = _points_with_decimals(tmp_path)
    assert "80.5" in plain.read_text(encoding="utf-8")
    want = dxkit.dti.score(vi).published
    got = dxkit.dti.score(plain, number_format="plain")
    assert got.number_note == ""
    np.testing.assert_allclose(got.published["DTI"], want["DTI"])
    assert list(got.published["Rank"]) == list(want["Rank"])
    # The default reads "80.5" as the Vietnamese format does not allow: a located error.
    with pytest.raises(dxkit.ParseError, match=r"points_plain.csv:2 \(column 'NT'\).*or read the "
                       r"file with the plain number format: '80.5'"):
        dxkit.dti.score(plain)
    auto = dxkit.dti.score(plain, number_format="auto")
    assert auto.number_note.startswith(
        "numbers read as plain (--numbers auto): '80.5' (line 2, column 'NT')")
    np.testing.assert_allclose(auto.published["DTI"], want["DTI"])
    assert dxkit.dti.score(vi, number_format="auto").number_note.startswith(
        "numbers read as vietnamese (--numbers auto): '80,5' (line 2, column 'NT')")

    rows = _json("dti", plain, "--numbers", "plain")["rows"]
    assert [r["DTI"] for r in rows] == [r["DTI"] for r in _json("dti", vi)["rows"]]
    p = _cli("dti", plain)
    assert p.returncode == 1 and "points_plain.csv:2 (column 'NT')" in p.stderr
    out = _json("dti", plain, "--numbers", "auto")
    assert any(n["message"].startswith("numbers read as plain (--numbers auto): '80.5'")
               for n in out["notes"])
    assert [r["DTI"] for r in out["rows"]] == [r["DTI"] for r in rows]
    p = _cli("dti", "--help")
    assert "--numbers" in p.stdout and "auto (decided per file" in p.stdout


def test_dti_previous_reads_dxkits_own_output(tmp_path):
    """Issue 13: `dxkit dti --previous` could not read dxkit's own CSV output (17-digit plain
    numbers against the Vietnamese reader); with --numbers auto each file is decided alone, and
    without --numbers --previous is read as auto (an explicit vietnamese is obeyed)."""
    last = tmp_path / "last.csv"
    p = _cli("dti", EXAMPLES / "dti_synthetic_2022_points.csv", "--format", "csv")
    assert p.returncode == 0, p.stderr
    last.write_text(p.stdout, encoding="utf-8")
    p = _cli("dti", EXAMPLES / "dti_synthetic_2022_points.csv", "--previous", last,
             "--numbers", "vietnamese")
    assert p.returncode == 1 and "last.csv:2" in p.stderr and "column 'DTI'" in p.stderr
    p = _cli("dti", EXAMPLES / "dti_synthetic_2022_points.csv", "--previous", last)
    assert p.returncode == 0, p.stderr
    out = _json("dti", EXAMPLES / "dti_synthetic_2022_points.csv", "--previous", last,
                "--numbers", "auto")
    # last year's ranks from the published (4-decimal) DTI: P5, P1, P2 tie at 0,715
    assert [r["PreviousRank"] for r in out["rows"]] == [1, 2, 2, 2, 5]
    notes = [n["message"] for n in out["notes"]]
    assert any(m.startswith(f"{last}: numbers read as plain (--numbers auto): '0.72' (line 2, "
                            "column 'DTI')") for m in notes)
    # the points file itself is decided alone: its XHS holds "100,04"
    assert any(m.startswith("numbers read as vietnamese (--numbers auto): '100,04'") for m in
               notes)
    r = dxkit.dti.score(EXAMPLES / "dti_synthetic_2022_points.csv", previous=last,
                        number_format="auto")
    assert list(r.published["PreviousRank"]) == [1, 2, 2, 2, 5]
    assert f"{last}: numbers read as plain" in r.number_note


def test_dti_scoring_sheet_in_either_style(tmp_path):
    """The department sheet's ratio 48/50 given as 47,5/50 / 47.5/50."""
    def half(cell):
        return cell.replace("48/50", "47,5/50")
    vi = _rewrite(EXAMPLES / "department_sheet_2023.csv", tmp_path / "sheet_vi.csv", ["Self"],
                  half)
    plain = _rewrite(vi, tmp_path / "sheet_plain.csv", ["Self", "Max", "Appraised"])
    want = dxkit.dti.score(vi, "haiduong_department")
    got = dxkit.dti.score(plain, "haiduong_department", number_format="plain")
    assert 47.5 in list(got.subs["Self"])
    np.testing.assert_allclose(got.subs["Final"], want.subs["Final"])
    with pytest.raises(dxkit.ParseError, match=r"sheet_plain.csv:4 \(column 'Self'\)"):
        dxkit.dti.score(plain, "haiduong_department")
    # a ratio "47.5/50" tells nothing (a number glued to '/'); the appraised 37.5 does
    note = dxkit.dti.score(plain, "haiduong_department", number_format="auto").number_note
    assert note.startswith(
        "numbers read as plain (--numbers auto): '37.5' (line 6, column 'Appraised')")
    p = _cli("dti", plain, "--framework", "haiduong_department", "--output", "subs",
             "--numbers", "plain", "--format", "json")
    assert p.returncode == 0, p.stderr
    assert 47.5 in [r["Self"] for r in json.loads(p.stdout)["rows"]]


# dxkit progress / dxkit.read_plan ------------------------------------------------------------


def test_progress_in_either_style(tmp_path):
    source = EXAMPLES / "progress_digital_economy.csv"
    plain = _rewrite(source, tmp_path / "progress_plain.csv", ["value"])
    assert "2.7%" in plain.read_text(encoding="utf-8")
    want = dxkit.read_plan(source).progress()
    got = dxkit.read_plan(plain, number_format="plain")
    assert got.number_note == ""
    np.testing.assert_allclose(got.progress()["latest"].astype(float),
                               want["latest"].astype(float))
    with pytest.raises(dxkit.ParseError, match=r"progress_plain.csv:2:5 \(column 'value'\)"):
        dxkit.read_plan(plain)
    auto = dxkit.read_plan(plain, number_format="auto")
    assert auto.number_note.startswith(
        "numbers read as plain (--numbers auto): '2.7%' (line 2, column 'value')")
    assert list(auto.progress()["status"]) == list(want["status"])

    rows = _json("progress", plain, "--numbers", "plain")["rows"]
    assert [r["latest"] for r in rows] == [r["latest"] for r in _json("progress", source)["rows"]]
    p = _cli("progress", plain)
    assert p.returncode == 1 and "progress_plain.csv:2:5 (column 'value')" in p.stderr
    out = _json("progress", plain, "--numbers", "auto")
    assert any(n["message"].startswith("numbers read as plain (--numbers auto): '2.7%'")
               for n in out["notes"])


# dxkit index / dxkit.build_index -------------------------------------------------------------


def _vietnamese_number(cell: str) -> str:
    """A plain iData cell ("4.0979850000000004", "1e-05", "NA") as documents write it."""
    try:
        v = float(cell)
    except ValueError:
        return cell
    text = np.format_float_positional(v, trim="-")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def _grouped_plain(cell: str) -> str:
    """A plain iData cell with ',' grouping thousands where it has decimals ("1234.5" ->
    "1,234.5"); a whole "1,234" could be a Vietnamese 1,234 and is refused, so it is left."""
    grouped = _swap(_vietnamese_number(cell))
    return grouped if "." in grouped else cell


def test_index_data_in_either_style(tmp_path):
    meta = ASEM / "ASEM_iMeta.csv"
    with open(ASEM / "ASEM_iData.csv", encoding="utf-8") as f:
        header = next(csv.reader(f))
    values = [c for c in header if c not in ("uCode", "uName", "Time")
              and not c.endswith("_group")]
    vi = _rewrite(ASEM / "ASEM_iData.csv", tmp_path / "asem_vi.csv", values, _vietnamese_number)
    grouped = _rewrite(ASEM / "ASEM_iData.csv", tmp_path / "asem_grouped.csv", values,
                       _grouped_plain)
    assert re.search(r"\d\.\d{3},\d", vi.read_text(encoding="utf-8"))
    assert re.search(r"\d,\d{3}\.\d", grouped.read_text(encoding="utf-8"))
    want = dxkit.build_index(ASEM / "ASEM_iData.csv", meta).data("aggregated")["Index"]
    np.testing.assert_allclose(dxkit.build_index(vi, meta, number_format="vietnamese")
                               .data("aggregated")["Index"], want, rtol=1e-12)
    # COINr's plain format is the default here, now with ',' grouping thousands too.
    np.testing.assert_allclose(dxkit.build_index(grouped, meta).data("aggregated")["Index"],
                               want, rtol=1e-12)
    with pytest.raises(dxkit.ParseError, match=r"asem_vi.csv:2:\d+ \(column '\w+'\): not a "
                       r"number \(iData and iMeta use the plain format"):
        dxkit.build_index(vi, meta)
    ambiguous = tmp_path / "ambiguous.csv"
    ambiguous.write_text("uCode," + ",".join(values) + "\nX," + ",".join(
        ['"75,428"'] * len(values)) + "\n", encoding="utf-8")
    with pytest.raises(dxkit.ParseError, match=r"ambiguous.csv:2:\d+ .*: not a number.*'75,428'"):
        dxkit.build_index(ambiguous, meta)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        auto = dxkit.build_index(vi, meta, number_format="auto")
    assert any("numbers read as vietnamese (--numbers auto)" in str(w.message) for w in caught)
    np.testing.assert_allclose(auto.data("aggregated")["Index"], want, rtol=1e-12)

    def index_rows(*args):
        return [r["Index"] for r in _json("index", "--meta", meta, "--data", *args)["rows"]]
    base = index_rows(ASEM / "ASEM_iData.csv")
    assert index_rows(vi, "--numbers", "vietnamese") == pytest.approx(base, rel=1e-12)
    assert index_rows(grouped) == pytest.approx(base, rel=1e-12)
    p = _cli("index", "--meta", meta, "--data", vi)
    assert p.returncode == 1 and "asem_vi.csv:2:" in p.stderr
    out = _json("index", "--meta", meta, "--data", vi, "--numbers", "auto")
    assert any(n["message"].startswith("numbers read as vietnamese (--numbers auto)")
               for n in out["notes"])


# dxkit check-text / dxkit.check_tallies ------------------------------------------------------


def test_check_text_appendix_in_either_style(tmp_path):
    plan = SEEDS / "thai_binh_2024_plan.txt"
    appendix = EXAMPLES / "thai_binh_2023_results.csv"
    plain = _rewrite(appendix, tmp_path / "results_plain.csv", ["target", "actual"])
    assert "99.6%" in plain.read_text(encoding="utf-8")
    want = dxkit.check_tallies(plan, appendix)
    got = dxkit.check_tallies(plan, plain, number_format="plain")
    assert list(got["counted"]) == list(want["counted"]) == [10, 4, 2]
    assert got.attrs["number_note"] == ""
    with pytest.raises(dxkit.ParseError, match=r"results_plain.csv:4:5 \(column 'actual'\)"):
        dxkit.check_tallies(plan, plain)
    auto = dxkit.check_tallies(plan, plain, number_format="auto")
    assert list(auto["counted"]) == [10, 4, 2]
    assert auto.attrs["number_note"].startswith("numbers read as plain (--numbers auto)")

    def kinds(*args):
        return [r["kind"] for r in _json("check-text", plan, "--appendix", *args)["rows"]]
    assert kinds(plain, "--numbers", "plain") == kinds(appendix)
    p = _cli("check-text", plan, "--appendix", plain)
    assert p.returncode == 1 and "results_plain.csv:4:5 (column 'actual')" in p.stderr
    out = _json("check-text", plan, "--appendix", plain, "--numbers", "auto")
    assert any(n["message"].startswith(f"{plain}: numbers read as plain (--numbers auto)")
               for n in out["notes"])


# dxkit report / dxkit.report.write -----------------------------------------------------------


def test_report_tables_in_either_style(tmp_path):
    (tmp_path / "vi").mkdir()
    (tmp_path / "plain").mkdir()
    appendix = tmp_path / "vi" / "results.csv"
    appendix.write_bytes((EXAMPLES / "thai_binh_2023_results.csv").read_bytes())
    plain = _rewrite(appendix, tmp_path / "plain" / "results.csv", ["target", "actual"])
    budget = tmp_path / "vi" / "budget.csv"
    budget.write_bytes((EXAMPLES / "thai_binh_2023_budget.csv").read_bytes())
    unit_line, _, table = budget.read_text(encoding="utf-8-sig").partition("\n")
    rows = list(csv.reader(io.StringIO(table)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([rows[0]] + [[_swap(c) for c in r]
                                                                 for r in rows[1:]])
    budget_plain = tmp_path / "plain" / "budget.csv"
    budget_plain.write_text(unit_line + "\n" + out.getvalue(), encoding="utf-8")
    want = dxkit.report.html(appendix, budget, figures=False)
    got = dxkit.report.html(plain, budget_plain, figures=False, number_format="plain")
    # the figures dxkit computes and prints (ratios, amounts, verdicts) are the same; the cells
    # quoted as written keep their own marks
    def figures(page):
        return re.findall(r'<td class="line (?:r|c \w+)">([^<]*)</td>', page)
    assert len(figures(want)) > 20
    assert figures(got) == figures(want)
    with pytest.raises(dxkit.ParseError, match=r"results.csv:4:5 \(column 'actual'\)"):
        dxkit.report.write(tmp_path / "r.xlsx", plain)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dxkit.report.write(tmp_path / "r.xlsx", plain, budget_plain, number_format="auto")
    said = [str(w.message) for w in caught]
    assert any(m.startswith(f"{plain}: numbers read as plain (--numbers auto)") for m in said)
    # The budget's amounts are all like 66,757 (a plain 66757 or a Vietnamese 66,757): nothing
    # tells, and auto says that it assumed the documents' style.
    assert any(m.startswith(f"{budget_plain}: numbers read as vietnamese (--numbers auto): no "
                            "number in the file tells") for m in said)

    p = _cli("report", plain, budget_plain, "--html", tmp_path / "p.html", "--numbers", "plain")
    assert p.returncode == 0, p.stderr
    p = _cli("report", plain, "--html", tmp_path / "d.html")
    assert p.returncode == 1 and f"{plain}:4:5 (column 'actual')" in p.stderr
    p = _cli("report", plain, budget_plain, "--html", tmp_path / "a.html", "--numbers", "auto")
    assert p.returncode == 0, p.stderr
    assert f"{plain}: note [numbers]: numbers read as plain (--numbers auto)" in p.stderr
    assert "--numbers" in _cli("report", "--help").stdout


def test_every_reading_command_has_numbers():
    for command in ("evaluate", "budget", "dti", "index", "progress", "check-text", "report"):
        p = _cli(command, "--help")
        assert "--numbers" in p.stdout and "auto (decided per file" in p.stdout, command
