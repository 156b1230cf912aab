"""Issue 13, points 4, 7 and 8: exact verdicts on fractions and decimals, a bare 0,99 against a
percentage, ``--numbers auto``, multi-part "đối với" targets, date forms, users' agency
aliases and tallies counted from the appendix's own verdicts; Python and the command line."""

import json
import pathlib
import subprocess
import warnings

import pytest
from test_cli import DXKIT

import dxkit

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "tests" / "data" / "seeds"


def _cli(*args):
    return subprocess.run([DXKIT, *map(str, args)], check=False, capture_output=True, text=True,
                          timeout=60)


def test_fractions_and_decimals_are_exact(tmp_path):
    f = tmp_path / "fractions.csv"
    f.write_text("code,name,target,actual\nA,a,≥ 58%,58/100\nB,b,56%,42/75\n"
                 "C,c,\"99,2%\",\"99,21%\"\nD,d,60%,60/90\n", encoding="utf-8")
    r = dxkit.evaluate(f)
    assert list(r.met) == [True, True, True, True]
    assert list(r.exceeded) == [False, False, True, True]
    assert list(r.ratio[:2]) == [1.0, 1.0]
    bands = dxkit.evaluate(f.parent / "fractions.csv", scheme="bands", bands=[58])
    assert bands.counts["met"] == 4


def test_bare_share_against_a_percentage_warns_with_its_place(tmp_path):
    f = tmp_path / "bare.csv"
    f.write_text("code,name,target,actual\nX,Văn bản ký số,97% trở lên,\"0,99\"\n"
                 "Y,Hồ sơ,80%,\"99,21%\"\n", encoding="utf-8")
    message = (f"{f}:2:4 (column 'actual'): warning [bare_share]: the result '0,99' has no '%' "
               "against the percentage target '97% trở lên': read as 0,99% (1,02% of the "
               "target); if it is the share 99%, write '99%' (or format the cell as a "
               "percentage)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = dxkit.evaluate(f)
    assert [str(w.message) for w in caught if "bare_share" in str(w.message)] == [message]
    assert not r.met[0] and r.met[1]
    p = _cli("evaluate", f)
    assert p.returncode == 0, p.stderr
    assert message in p.stdout
    j = json.loads(_cli("evaluate", f, "--format", "json").stdout)
    assert any(n["code"] == "bare_share" and n["severity"] == "warning" for n in j["notes"])


def test_numbers_auto_decides_per_file_and_says_so(tmp_path):
    plain = tmp_path / "plain.csv"
    plain.write_text("code,name,target,actual\nA,a,80%,0.9921\nB,b,\"1,000\",\"1,234.5\"\n",
                     encoding="utf-8")
    r = dxkit.evaluate(plain, number_format="auto")
    assert r.number_note.startswith("numbers read as plain (--numbers auto): '0.9921' (line 2")
    assert r.ratio[1] == pytest.approx(1.2345)
    vi = tmp_path / "vi.csv"
    vi.write_text("code,name,target,actual\nA,a,\"1.000\",\"1.234,5\"\n", encoding="utf-8")
    assert dxkit.evaluate(vi, number_format="auto").number_note.startswith(
        "numbers read as vietnamese (--numbers auto): '1.234,5' (line 2")
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("code,name,target,actual\nA,a,80%,\"99,21%\"\nB,b,80%,0.9921\n",
                     encoding="utf-8")
    with pytest.raises(dxkit.ParseError, match=r"mixed.csv:3:4 \(column 'actual'\): the file "
                       r"mixes number styles: '99,21%' \(line 2, column 'actual'\) is vietnamese"):
        dxkit.evaluate(mixed, number_format="auto")
    p = _cli("evaluate", plain, "--numbers", "auto")
    assert p.returncode == 0, p.stderr
    assert "numbers read as plain (--numbers auto)" in p.stdout
    p = _cli("evaluate", mixed, "--numbers", "auto")
    assert p.returncode == 1 and "mixes number styles" in p.stderr
    p = _cli("evaluate", "--help")
    assert "auto (decided per file" in p.stdout


def test_subject_parts_and_date_forms():
    t = dxkit.parse_target("đối với các sở, ngành đạt 100%; đối với UBND cấp huyện đạt 95%; "
                           "đối với UBND cấp xã đạt 80%")
    assert [p.label for p in t.parts] == ["các sở, ngành", "UBND cấp huyện", "UBND cấp xã"]
    for text in ("30-6-2023", "30.6.2023", "ngày 30 tháng 6 năm 2023"):
        assert dxkit.parse_deadline(text).due == "2023-06-30", text
    with pytest.raises(dxkit.ParseError, match="no such date: 31/02/2023"):
        dxkit.parse_deadline("31-02-2023")


def test_users_aliases_make_one_agency(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("spelling,agency\nVăn phòng UBND,Văn phòng UBND tỉnh\n", encoding="utf-8")
    a = dxkit.read_assignments(EXAMPLES / "hai_duong_2023_projects.csv")
    before = a.by_agency("2023-07-01")
    after = a.by_agency("2023-07-01", aliases=aliases)
    assert "Văn phòng UBND" in before.index and "Văn phòng UBND" not in after.index
    assert after.loc["Văn phòng UBND tỉnh"].sum() == 2
    p = _cli("due", EXAMPLES / "hai_duong_2023_projects.csv", "--as-of", "2023-07-01", "--by",
             "agency", "--aliases", aliases, "--format", "json")
    assert p.returncode == 0, p.stderr
    agencies = [row["lead"] for row in json.loads(p.stdout)["rows"]]
    assert "Văn phòng UBND" not in agencies and "Văn phòng UBND tỉnh" in agencies


def test_thai_binh_tallies_as_the_document_means_them():
    t = dxkit.check_tallies(SEEDS / "thai_binh_2024_plan.txt",
                            EXAMPLES / "thai_binh_2023_results.csv")
    assert list(t["supported"]) == [True, True, True]
    assert list(t["counted"]) == [10, 4, 2]
    p = _cli("check-text", SEEDS / "thai_binh_2024_plan.txt", "--appendix",
             EXAMPLES / "thai_binh_2023_results.csv", "--format", "json")
    assert p.returncode == 0, p.stderr
    kinds = [row["kind"] for row in json.loads(p.stdout)["rows"]]
    assert kinds == ["malformed_number", "ratio_mismatch", "ratio_mismatch"]
