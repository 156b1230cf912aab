"""dxkit.units: the registry of provinces and agencies through the 2025 reorganisation, users'
mappings, carried series, rankings across the break, and `dxkit units`."""

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


def test_the_seeds_provinces_after_the_merger():
    assert [s.name for s in u.successors("Thái Bình", as_of="2024-01-01")] == ["Hưng Yên"]
    assert [s.name for s in u.successors("Hải Dương", as_of="2024-01-01")] == ["Hải Phòng"]
    dong_thap = u.predecessors("Đồng Tháp", as_of="2025-07-01")
    assert sorted(p.name for p in dong_thap) == ["Tiền Giang", "Đồng Tháp"]
    assert {p.date for p in dong_thap} == {"2025-07-01"}
    assert dong_thap[0].source == "Resolution 202/2025/QH15"
    assert u.resolve("Đồng Tháp", as_of="2025-07-01").code == "82"


def test_resolve_folds_and_reports_close_matches():
    unit = u.resolve("tinh thai binh", as_of="2024-01-01")
    assert (unit.code, unit.name, unit.valid_until) == ("34", "Thái Bình", "2025-06-30")
    assert u.resolve("TP.HCM", as_of="2026-01-01").valid_from == "2025-07-01"
    with pytest.raises(dxkit.ValidationError,
                       match="^unknown province 'Thai Bnh'; close matches: Thái Bình$"):
        u.resolve("Thai Bnh", as_of="2024-01-01")
    with pytest.raises(dxkit.ValidationError, match=re.escape(
            "ambiguous province 'Hưng Yên': Hưng Yên (33, until 2025-06-30); "
            "Hưng Yên (33, from 2025-07-01); give a date")):
        u.resolve("Hưng Yên")


def test_units_at_a_date():
    before, after = u.units("2025-06-30"), u.units("2025-07-01")
    assert (len(before), len(after)) == (63, 34)
    merged = after[after["predecessors"] != ""]
    assert len(merged) == 23
    assert after.set_index("name").loc["Hải Phòng", "predecessors"] == "Hải Dương; Hải Phòng"


def test_agencies_of_2026():
    a = u.agencies()
    assert u.successors("Sở TT&TT", registry=a)[0].name == "Sở Khoa học và Công nghệ"
    assert u.successors("Sở Kế hoạch và Đầu tư", registry=a)[0].name == "Sở Tài chính"
    assert u.successors("UBND cấp huyện", registry=a)[0].date == "2025-07-01"


def test_user_mapping_with_shares(tmp_path):
    path = tmp_path / "communes.csv"
    path.write_text("old,new,from,share\nXã A,Xã B,2025-07-01,0.6\nXã A,Xã C,2025-07-01,0.4\n",
                    encoding="utf-8")
    r = u.load_map(path)
    assert [(s.name, s.share) for s in u.successors("Xã A", registry=r)] == \
        [("Xã B", 0.6), ("Xã C", 0.4)]
    bad = pd.DataFrame({"old": ["Xã A", "Xã A"], "new": ["Xã B", "Xã C"],
                        "from": ["2025-07-01"] * 2, "share": ["0.6", "0.3"]})
    with pytest.raises(dxkit.ValidationError, match=re.escape(
            "<DataFrame>:2:4 (column 'share'): shares of 'Xã A' from 2025-07-01 sum to 0.9, "
            "not 1: 0.6 to Xã B + 0.3 to Xã C")):
        u.load_map(bad)


def test_carry_sum_exact_and_weighted_mean():
    # Thái Bình 2023: 260 commune-level community digital technology teams (seed); Hưng Yên's
    # 139 synthetic. Hải Dương 2022: digital economy 8.48% of GRDP (seed); the rest synthetic.
    obs = pd.DataFrame({"unit": ["Thái Bình", "Hưng Yên"], "indicator": ["to_cnscd"] * 2,
                        "year": [2023, 2023], "value": [260, 139]})
    out = u.carry(obs, {"to_cnscd": "sum"}, as_of="2026-01-01")
    row = out.iloc[0]
    assert (row["unit"], row["code"], row["value"], row["from"], row["derived"]) == \
        ("Hưng Yên", "33", 399, "Hưng Yên; Thái Bình", True)
    assert out["value"].dtype == "int64"  # exact, not a float
    shares = pd.DataFrame({"unit": ["Hải Dương", "Hải Dương", "Hải Phòng", "Hải Phòng"],
                           "indicator": ["kts_grdp", "GRDP", "kts_grdp", "GRDP"],
                           "year": [2022] * 4, "value": [8.48, 150, 12, 300]})
    out = u.carry(shares, {"kts_grdp": "weighted_mean(GRDP)"}, as_of="2026-01-01")
    assert out.iloc[0]["value"] == pytest.approx(4872 / 450, rel=1e-15)
    assert out.iloc[0]["rule"] == "weighted_mean(GRDP)"


def test_carry_reports_a_missing_predecessor():
    obs = pd.DataFrame({"unit": ["Đồng Tháp"], "indicator": ["doanh_thu_kts"], "year": [2022],
                        "value": [2000]})
    out = u.carry(obs, {"doanh_thu_kts": "sum"}, as_of="2026-01-01")
    assert out.iloc[0]["value"] is None and out.iloc[0]["missing"] == "Tiền Giang"
    assert not out.iloc[0]["complete"]
    assert out.attrs["notes"] == [
        "<DataFrame>:2: warning [missing_predecessor]: Đồng Tháp 2022 'doanh_thu_kts' (sum): "
        "no value for Tiền Giang; the sum is left empty"]
    with pytest.raises(dxkit.ValidationError, match="unknown carry rule 'median'; accepted: "
                       "sum, weighted_mean, mean, min, max, not_comparable"):
        u.carry(obs, {"doanh_thu_kts": "median"}, as_of="2026-01-01")


def test_compare_rankings_by_hand():
    # Every former province 0.3 (population 1) but Thái Bình 0.6 (population 2) and Hưng Yên
    # 0.4: the new Hưng Yên carries (0.4 + 1.2) / 3; ranked 2nd now, 2nd among the carried
    # (after Hà Nội 0.8), so no move; it is across the reorganisation.
    previous = {n: 0.3 for n in u.units("2025-06-30")["name"]}
    previous.update({"Hà Nội": 0.8, "Thái Bình": 0.6, "Hưng Yên": 0.4})
    population = {n: 1.0 for n in previous}
    population["Thái Bình"] = 2.0
    current = {n: 0.4 for n in u.units("2025-07-01")["name"]}
    current.update({"Hà Nội": 0.9, "Hưng Yên": 0.7})
    out = u.compare_rankings(current, previous, year=2025, previous_year=2024, weights=population)
    hy = out.set_index("unit").loc["Hưng Yên"]
    assert hy["rank"] == 2 and hy["previous_rank"] == 2 and hy["rank_change"] == 0
    assert hy["previous_score"] == pytest.approx(1.6 / 3, rel=1e-15)
    assert hy["basis"] == "across the reorganisation"
    assert hy["predecessors"] == "Hưng Yên (rank 3, 0.4); Thái Bình (rank 2, 0.6)"
    assert out.set_index("unit").loc["Hà Nội", "basis"] == "like for like"
    # Without weights: the shipped 2024 population, Hưng Yên 1 318 100 and Thái Bình 1 890 400:
    # (0.4 * 1318100 + 0.6 * 1890400) / 3208500 = 0.5178, still 2nd among the carried.
    default = u.compare_rankings(current, previous, year=2025, previous_year=2024)
    hy = default.set_index("unit").loc["Hưng Yên"]
    assert hy["previous_score"] == pytest.approx(1661480 / 3208500, rel=1e-15)
    assert hy["previous_rank"] == 2
    assert default.attrs["notes"][0].startswith(
        "note [weights]: 2024 scores weighted by the population of 2024 (source: GSO (Cục Thống "
        "kê), average population by province 2024")
    # The shipped population is of the provinces: another registry still needs its weights.
    with pytest.raises(dxkit.ValidationError,
                       match="^the rule weighted_mean\\(population\\) needs the weight of each "
                       "previous unit: the shipped population is of the 63 provinces; this "
                       "registry's agency units do not include Hà Nội \\(01\\)"):
        u.carry_ranking({"Sở TTTT": 0.5, "Sở KHCN": 0.7}, year=2024, as_of="2026-01-01",
                        registry=u.agencies())


def test_shipped_population():
    pop = u.population()
    assert len(pop) == 63
    assert set(pop["code"]) == set(u.units("2025-06-30")["code"])
    assert pop["persons"].sum() == 101_343_900
    assert pop.attrs["national"] == 101_343_800 and pop.attrs["year"] == 2024
    assert "pxweb.nso.gov.vn" in pop.attrs["source"]
    by_name = pop.set_index("name")["persons"]
    assert (by_name["Thái Bình"], by_name["Hà Nội"]) == (1_890_400, 8_717_600)


def test_docs_list_the_carry_rules():
    text = (ROOT / "docs" / "units.md").read_text(encoding="utf-8")
    for name, meaning in u.RULES.items():
        assert f"| `{name}` | {meaning} |" in text


def test_cli_units_as_of(tmp_path):
    run = subprocess.run([DXKIT, "units", "--as-of", "2025-07-01", "--format", "json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(run.stdout)
    assert data["command"] == "units" and data["output"] is None
    assert data["as_of"] == "2025-07-01" and data["source"] is None
    assert len(data["rows"]) == 34
    hy = next(r for r in data["rows"] if r["name"] == "Hưng Yên")
    assert (hy["code"], hy["valid_from"], hy["predecessors"]) == ("33", "2025-07-01",
                                                            "Hưng Yên; Thái Bình")
    assert [n["message"] for n in data["notes"]] == [
        "34 units valid on 2025-07-01, 23 formed from others"]
    path = tmp_path / "map.csv"
    path.write_text("old,new,from,share\nThai Bnh,Xã B,2025-07-01,1\n", encoding="utf-8")
    bad = subprocess.run([DXKIT, "units", "--map", str(path)], check=False,
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stderr == (f"dxkit: error: {path}:2:1 (column 'old'): unknown province "
                          "'Thai Bnh'; close matches: Thái Bình\n")
    csv = subprocess.run([DXKIT, "units", "--registry", "agencies", "--as-of", "2026-01-01",
                          "--format", "csv"], capture_output=True, text=True, check=True)
    # CSV: null as an empty cell (no valid_from / valid_until).
    assert "Sở KHCN,Sở Khoa học và Công nghệ,sở,,,Sở Thông tin và Truyền thông," in csv.stdout


def test_example_runs():
    run = subprocess.run([sys.executable, str(ROOT / "examples" / "units_reorganisation.py")],
                         capture_output=True, text=True, check=True)
    assert "Thái Bình -> Hưng Yên from 2025-07-01 (Resolution 202/2025/QH15)" in run.stdout
    assert "Sở TTTT -> Sở Khoa học và Công nghệ" in run.stdout
    assert "Đồng Tháp 2022 'kts_grdp' (weighted_mean(GRDP)): no value for Tiền Giang" in run.stdout


EXAMPLES = ROOT / "examples"


def test_dong_thap_assignments_in_the_agencies_of_2026():
    table = pd.read_csv(EXAMPLES / "dong_thap_2023_assignments.csv")
    out = u.express_agencies(table, ["Đơn vị chủ trì", "Đơn vị phối hợp"], written="2023-01-01",
                             as_of="2026-01-01")
    assert list(out.columns[2:4]) == ["Đơn vị chủ trì", "Đơn vị chủ trì (2026-01-01)"]
    lead = out["Đơn vị chủ trì (2026-01-01)"].value_counts()
    assert lead["Sở Khoa học và Công nghệ"] == 21  # Sở TTTT's 20 tasks and Sở TT&TT's 1
    khdt = out[out["Đơn vị chủ trì"] == "Sở KHĐT"]["Đơn vị chủ trì (2026-01-01)"]
    assert list(khdt) == ["Sở Tài chính"] * 2
    assert lead["Các sở, ngành Tỉnh; UBND cấp xã"] == 9
    assert lead["Sở Nông nghiệp và Môi trường"] == 1 and lead["Sở Xây dựng"] == 1
    assert lead["Sở Nội vụ"] == 3 and lead["Công an Tỉnh"] == 3  # not reorganised
    assert (out["Đơn vị chủ trì"] == "Sở TTTT").sum() == 20   # the original kept beside
    assert out.attrs["notes"] == ["unknown agency 'Sở GDĐT'; close matches: Sở Kế hoạch và Đầu "
                                  "tư, Sở Giao thông vận tải; kept as written"]


def test_hai_duong_targets_in_the_agencies_of_2026():
    table = pd.read_csv(EXAMPLES / "hai_duong_2023_targets.csv")
    out = u.express_agencies(table, ["Chủ trì", "Phối hợp"], written="2023-01-01",
                             as_of="2026-01-01")
    lead = out["Chủ trì (2026-01-01)"].value_counts()
    assert (lead["Sở Khoa học và Công nghệ"], lead["Sở Tài chính"]) == (9, 6)
    support = out["Phối hợp (2026-01-01)"].value_counts()
    assert support["Sở Khoa học và Công nghệ"] == 7
    assert support["Các sở, ban, ngành; UBND cấp xã"] == 1  # "UBND các huyện, thị xã, thành phố"
    # A cell broken across two rows of the appendix ("UBND cấp huyện, cấp" / "xã") is kept
    # and reported.
    assert out.attrs["notes"] == ["unknown agency 'UBND cấp huyện, cấp'; close matches: UBND cấp "
                                  "huyện; kept as written"]


# --units DATE on due, budget, progress and dti: the output in the units of that date.

def _run(*args):
    run = subprocess.run([DXKIT, *[str(a) for a in args]], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    return run


def _csv_rows(text):
    import csv
    import io
    return list(csv.DictReader(io.StringIO(text)))


def test_due_units_tasks_of_so_tttt_are_owed_by_the_successor():
    path = EXAMPLES / "dong_thap_2023_assignments.csv"
    table = pd.read_csv(path)
    leads = [str(c) for c in table["Đơn vị chủ trì"] if isinstance(c, str)]
    tttt = sum(1 for c in leads if "Sở TTTT" in [p.strip() for p in c.split(";")])
    assert tttt == 20
    rows = _csv_rows(_run("due", path, "--as-of", "2026-01-01", "--units", "2026-01-01",
                          "--format", "csv").stdout)
    moved = [r for r in rows if "Sở TTTT" in r["lead_original"].split("; ")]
    assert len(moved) == tttt
    assert {r["lead"] for r in moved} == {"Sở Khoa học và Công nghệ"}
    khdt = [r for r in rows if r["lead_original"] == "Sở KHĐT"]
    assert [r["lead"] for r in khdt] == ["Sở Tài chính"] * 2
    police = [r for r in rows if r["lead_original"] == "Công an Tỉnh"]
    assert police and {r["lead"] for r in police} == {"Công an Tỉnh"}  # not reorganised
    by = _csv_rows(_run("due", path, "--as-of", "2026-01-01", "--units", "2026-01-01",
                        "--by", "agency", "--format", "csv").stdout)
    kh = next(r for r in by if r["lead"] == "Sở Khoa học và Công nghệ")
    assert kh["lead_original"] == "Sở TT&TT; Sở TTTT"
    total = sum(int(kh[k]) for k in ("overdue", "due_soon", "open", "done", "recurring",
                                     "undated"))
    assert total == 21  # Sở TTTT's 20 tasks and Sở TT&TT's 1
    run = _run("due", path, "--as-of", "2026-01-01", "--units", "2026-01-01", "--format", "json")
    notes = [n["message"] for n in json.loads(run.stdout)["notes"]]
    assert any(n.startswith("agencies expressed as of 2026-01-01 (Decree 45/2025/NĐ-CP, Law "
                            "72/2025/QH15): ") for n in notes)
    assert any("unknown agency 'Sở GDĐT' kept as written; close matches: " in n for n in notes)


def test_due_units_hai_duong_projects():
    rows = _csv_rows(_run("due", EXAMPLES / "hai_duong_2023_projects.csv", "--as-of",
                          "2026-01-01", "--units", "2026-01-01", "--format", "csv").stdout)
    moved = [r for r in rows if r["lead_original"] == "Sở Thông tin và Truyền thông"]
    assert moved and {r["lead"] for r in moved} == {"Sở Khoa học và Công nghệ"}


def test_budget_units_rolls_up_by_the_successor_agency():
    path = EXAMPLES / "dong_thap_2023_recurrent.csv"
    plain = _csv_rows(_run("budget", path, "--by", "agency", "--format", "csv").stdout)
    now = _csv_rows(_run("budget", path, "--by", "agency", "--units", "2026-01-01",
                         "--format", "csv").stdout)
    by_name = {r["agency"]: int(r["amount"]) for r in plain}
    kh = next(r for r in now if r["agency"] == "Sở Khoa học và Công nghệ")
    # Exact: the successor's total is the sum of what its predecessors were written as.
    assert int(kh["amount"]) == sum(by_name[n] for n in kh["agency_original"].split("; "))
    assert "Sở TTTT" in kh["agency_original"].split("; ")
    assert kh["agency_original"] == "Sở TTTT"
    nnmt = next(r for r in now if r["agency"] == "Sở Nông nghiệp và Môi trường")
    assert nnmt["agency_original"] == "Sở NNPTNT"
    assert int(nnmt["amount"]) == sum(by_name[n] for n in nnmt["agency_original"].split("; "))
    assert sum(int(r["amount"]) for r in now) == sum(by_name.values())


def test_progress_units_thai_binh_followed_in_hung_yen():
    args = ["progress", EXAMPLES / "thai_binh_progress.csv", "--mapping",
            EXAMPLES / "thai_binh_mapping.csv", "--documents", EXAMPLES / "thai_binh_documents.csv"]
    plain = json.loads(_run(*args, "--format", "json").stdout)["rows"]
    run = _run(*args, "--units", "2025-07-01", "--format", "json")
    data = json.loads(run.stdout)
    rows = data["rows"]
    assert {r["province"] for r in rows} == {"Hưng Yên"}
    assert {r["original"] for r in rows} == {"Thái Bình"}
    # Thái Bình alone gave rows: the carried series is Thái Bình's, so progress is the same,
    # except the DTI rank (a rank among the 63 is not one among the 34: left out, said so).
    def key(r):
        return r["indicator"], r["target_year"], r["status"], r["required"]
    assert sorted(map(key, rows), key=str) == sorted(
        (key(r) for r in plain if r["indicator"] != "DTI"), key=str)
    assert any(r["indicator"] == "DTI" for r in plain)
    assert any("DTI" in n and "is not a rank among the new ones; left out" in n
               for n in (x["message"] for x in data["notes"]))
    notes = [x["message"] for x in data["notes"]]
    assert any("Hưng Yên (33, until 2025-06-30) gave none" in n for n in notes)
    bad = subprocess.run([DXKIT, "progress", str(EXAMPLES / "thai_binh_progress.csv"),
                          "--units", "2025-07-01"], capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert bad.stderr == ("dxkit: error: --units needs --documents: a row's province and date "
                          "come from its document\n")


def _sheet_63(tmp_path):
    """A points table of the 63 (synthetic): every province the same but Thái Bình and Hà Nội."""
    names = list(u.units("2025-06-30")["name"])
    lines = ["uCode,uName,NT,TC,HT,NL,ATTT,CQS,KTS,XHS"]
    for k, name in enumerate(names):
        points = "80,70,90,60,75,150,90,100"
        if name == "Thái Bình":
            points = "100,100,100,100,100,200,150,150"
        if name == "Hà Nội":
            points = "95,95,95,95,95,190,140,140"
        lines.append(f"T{k},{name},{points}")
    path = tmp_path / "dti_2024.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dti_units_carries_a_63_ranking_into_the_34(tmp_path):
    path = _sheet_63(tmp_path)
    plain = {r["uName"]: float(r["DTI"]) for r in
             json.loads(_run("dti", path, "--format", "json").stdout)["rows"]}
    run = _run("dti", path, "--units", "2025-07-01", "--units-rule", "mean", "--format", "json")
    data = json.loads(run.stdout)
    rows = {r["unit"]: r for r in data["rows"]}
    assert len(rows) == 34
    hy = rows["Hưng Yên"]
    assert hy["score"] == pytest.approx((plain["Hưng Yên"] + plain["Thái Bình"]) / 2, abs=1e-4)
    assert hy["basis"] == "across the reorganisation"
    assert hy["predecessors"].startswith("Hưng Yên (rank ")
    assert rows["Hà Nội"]["basis"] == "like for like"
    assert (rows["Hà Nội"]["rank"], hy["rank"]) == (1, 2)
    notes = [x["message"] for x in data["notes"]]
    assert any("scores carried into the units of 2025-07-01 by mean" in n for n in notes)
    # The default rule weighs by the shipped 2024 population (Hưng Yên 1 318 100, Thái Bình
    # 1 890 400) and says so.
    weighted = json.loads(_run("dti", path, "--units", "2025-07-01", "--format", "json").stdout)
    hy = {r["unit"]: r for r in weighted["rows"]}["Hưng Yên"]
    assert hy["score"] == pytest.approx(
        (plain["Hưng Yên"] * 1318100 + plain["Thái Bình"] * 1890400) / 3208500, abs=1e-4)
    assert any("2024 scores weighted by the population of 2024 (source: GSO" in x["message"]
               for x in weighted["notes"])
    bad = subprocess.run([DXKIT, "dti", str(path), "--units", "2025-07-01", "--units-rule",
                          "weighted_mean(GRDP)"], capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert bad.stderr == ("dxkit: error: the rule weighted_mean(GRDP) needs the weight of each "
                          "previous unit: dxkit ships only the population (2024) of the 63 "
                          "provinces, so pass them (weights), or choose the rule 'mean'\n")


def test_express_and_carry_ranking_from_python():
    out = u.express(["Sở TTTT", "Sở Y tế", "UBND cấp huyện"], as_of="2026-01-01",
                    registry=u.agencies())
    assert list(out["name"]) == ["Sở Khoa học và Công nghệ", "Sở Y tế", "UBND cấp xã"]
    assert list(out["moved"]) == [True, False, True]
    assert list(u.express(["Thái Bình", "Hải Dương"], as_of="2025-07-01")["name"]) == [
        "Hưng Yên", "Hải Phòng"]
    with pytest.raises(dxkit.ValidationError,
                       match="^<names>:2: unknown province 'Thai Bnh'; close matches: Thái Bình$"):
        u.express(["Hà Nội", "Thai Bnh"], as_of="2025-07-01")
    scores = {name: 0.3 for name in u.units("2025-06-30")["name"]}
    scores["Thái Bình"] = 0.6
    population = {name: 1.0 for name in scores}
    population["Thái Bình"] = 2.0
    ranking = u.carry_ranking(scores, year=2024, weights=population)
    top = ranking.iloc[0]
    # Hưng Yên: (0.3 * 1 + 0.6 * 2) / 3 = 0.5, by hand; every other unit 0.3.
    assert (top["unit"], top["rank"], top["basis"]) == ("Hưng Yên", 1, "across the reorganisation")
    assert top["score"] == pytest.approx(0.5)
    assert set(ranking["rank"]) == {1, 2}


# The --units DATE of the command line from Python: a plan followed into the provinces of a date
# (progress), the due list and the budget roll-up in the agencies of a date, each equal to the
# command line's output for the same input; carry() weighing by the shipped population.

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
    # The notebook view shows the province of the date and where the row came from.
    html = same._repr_html_()
    assert "Tỉnh (province)" in html and "Hưng Yên (từ Thái Bình)" in html
    assert "Tỉnh (province)" not in plan.progress()._repr_html_()


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


def test_budget_compare_across_the_merger(tmp_path):
    # Đồng Tháp's 2023 recurrent budget (seed) against the same lines written after the
    # merger (synthetic: Sở TTTT renamed Sở Khoa học và Công nghệ).
    path = EXAMPLES / "dong_thap_2023_recurrent.csv"
    after_path = tmp_path / "after.csv"
    after_path.write_text(path.read_text(encoding="utf-8").replace(
        "Sở TTTT", "Sở Khoa học và Công nghệ"), encoding="utf-8")
    before, after = dxkit.read_budget(path), dxkit.read_budget(after_path)
    # As written, Sở TTTT's 16,39 billion vanish and reappear under its successor.
    plain = before.compare(after).set_index("agency")
    assert plain.loc["Sở TTTT", "change"] == -16_390_000_000
    assert plain.loc["Sở TTTT", "after"] == 0
    # In the agencies of 2026 both are the same budget: no change anywhere.
    out = before.compare(after, units="2026-01-01")
    assert list(out.columns) == ["agency", "agency_original", "before", "after", "change",
                                 "change_percent"]
    assert (out["change"] == 0).all() and out["before"].sum() == before.total
    kh = out.set_index("agency").loc["Sở Khoa học và Công nghệ"]
    assert kh["agency_original"] == "Sở TTTT; Sở Khoa học và Công nghệ"
    assert (kh["before"], kh["after"]) == (16_390_000_000, 16_390_000_000)
    assert "Sở TTTT" not in set(out["agency"])


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


def test_weights_files_follow_the_number_style(tmp_path):
    # A weights file written with plain numbers: "1.234" is 1.234 in plain and 1234 in the
    # Vietnamese style; auto decides from the file ("2.5" has '.' as its decimal mark) and says
    # so, in Python and on the command line, instead of reading it as Vietnamese.
    path = tmp_path / "grdp.csv"
    path.write_text("unit,indicator,value\nThái Bình,GRDP,1.234\nHưng Yên,GRDP,2.5\n",
                    encoding="utf-8")
    table = dxkit.text.read_csv(path)
    plain, note = dxkit._core.units.read_weights(table, "plain")
    assert plain == {"GRDP": {"Thái Bình": 1.234, "Hưng Yên": 2.5}} and note == ""
    auto, note = dxkit._core.units.read_weights(table, "auto")
    assert auto == plain and "plain" in note
    with pytest.raises(dxkit.ParseError, match="grdp.csv:3:3"):
        dxkit._core.units.read_weights(table, "vietnamese")  # "2.5": not a Vietnamese number
    out = _cli_json("progress", PROGRESS, "--mapping", MAPPING, "--documents", DOCUMENTS,
                    "--units", "2025-07-01", "--carry", "KTS=weighted_mean(GRDP)",
                    "--weights", path, "--numbers", "auto")
    notes = [n for n in out["notes"] if n["code"] == "numbers" and
             n["where"]["file"] == str(path)]
    assert len(notes) == 1 and "plain" in notes[0]["message"]
