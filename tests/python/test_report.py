"""The Excel report (issue 15, point 3): workbooks written by the core, read back with openpyxl
(cells, number formats, bold group rows, fills, merges) for the seeds' appendices, the Python
to_excel / dxkit.report.write and the command line `dxkit report` end to end."""

import hashlib
import re

import pandas as pd
import pytest
from conftest import EXAMPLES
from test_cli import run

import dxkit
import dxkit.report

openpyxl = pytest.importorskip("openpyxl")

RED, AMBER, GREEN, LIGHT_GREEN = "FFFFC9C9", "FFFFE8A3", "FFB7E4C7", "FFDCF5E3"
PERCENT, MILLIONS, COUNT = "[$-42A]0.00%", "[$-42A]#,##0,,", "[$-42A]#,##0"


def fill(cell):
    return cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None


def row_of(ws, column, value):
    for row in ws.iter_rows():
        if row[column - 1].value == value:
            return row
    raise AssertionError(f"no row with {value!r} in column {column}")


def merged(ws):
    return {str(r) for r in ws.merged_cells.ranges}


def test_results_appendix_thai_binh_2023(tmp_path):
    r = dxkit.evaluate(EXAMPLES / "thai_binh_2023_results.csv")
    path = r.to_excel(tmp_path / "ket_qua.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Kết quả"]
    ws = wb["Kết quả"]
    assert ws["A1"].value == "KẾT QUẢ THỰC HIỆN CHỈ TIÊU" and ws["A1"].font.b
    assert "A1:F1" in merged(ws)
    assert [c.value for c in ws[3]] == ["STT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Tỷ lệ đạt",
                                        "Đánh giá"]
    assert ws.freeze_panes == "A4"
    # The three pillars are bold group rows merged across B:F, in the order of the appendix.
    groups = [(row[1].value, row[1].font.b) for row in ws.iter_rows(min_row=4)
              if f"B{row[1].row}:F{row[1].row}" in merged(ws)]
    assert groups == [("Chính quyền số", True), ("Kinh tế số", True), ("Xã hội số", True)]
    # Row 4: 92,56% against 100%: the ratio a number with a percent format, the verdict red.
    four = row_of(ws, 1, "4")
    assert four[4].value == pytest.approx(0.9256) and four[4].data_type == "n"
    assert four[4].number_format == PERCENT
    assert four[5].value == "Chưa đạt" and fill(four[5]) == RED
    one = row_of(ws, 1, "1")
    assert one[4].value == pytest.approx(1.25) and (one[5].value, fill(one[5])) == ("Vượt", GREEN)
    # The tally under the table: the counts and shares of the core, as numbers.
    total = row_of(ws, 1, "Tổng số chỉ tiêu")
    assert (total[3].value, total[3].number_format, total[0].font.b) == (16, COUNT, True)
    for status_id, label in r.statuses:
        row = row_of(ws, 1, label)
        assert row[3].value == r.counts[status_id]
        assert row[4].value == pytest.approx(r.counts[status_id] / 16)
        assert row[4].number_format == PERCENT
        assert f"A{row[0].row}:C{row[0].row}" in merged(ws)
    # Every status cell of the table is on its colour.
    colours = {"Vượt": GREEN, "Đạt": LIGHT_GREEN, "Chưa đạt": RED}
    for row in ws.iter_rows(min_row=4, max_row=ws.max_row):
        if isinstance(row[4].value, float) and row[5].value:  # an indicator, not the tally
            assert fill(row[5]) == colours[row[5].value]


def test_budget_thai_binh_2023_findings_in_place(tmp_path):
    b = dxkit.read_budget(EXAMPLES / "thai_binh_2023_budget.csv")
    findings = b.check()
    wb = openpyxl.load_workbook(b.to_excel(tmp_path / "kinh_phi.xlsx"))
    ws = wb["Kinh phí"]
    assert ws["A2"].value == "Đơn vị tính: Triệu đồng"
    header = [c.value for c in ws[3]]
    assert header[:3] == ["STT", "Tên nhiệm vụ", "Mục tiêu"] and header[-1] == "Phát hiện"
    # Section I as printed (66.757 triệu), stored as whole đồng with a format showing triệu.
    one = row_of(ws, 1, "I")
    total = header.index("Tổng mức đầu tư")
    assert one[total].value == 66_757_000_000 and one[total].number_format == MILLIONS
    assert one[0].font.b and one[1].font.b
    # Every finding is on its row: its message in the last column on red or amber, and the
    # cell of its column (or the name) filled.
    last = len(header) - 1
    placed = {}
    for row in ws.iter_rows(min_row=4):
        if row[last].value:
            for message in row[last].value.split("\n"):
                placed[message] = row
    assert len(findings) > 0
    for _, f in findings.iterrows():
        row = placed[f["message"]]
        assert fill(row[last]) in (RED, AMBER)
        column = header.index(f["column"]) if f["column"] in header else 1
        assert fill(row[column]) in (RED, AMBER)
    # And listed under the table, one row each with its line.
    listed = [row for row in ws.iter_rows() if row[2].value in set(findings["message"])
              and isinstance(row[0].value, int)]
    assert len(listed) == len(findings)
    computed = row_of(ws, 2, "Tổng các nhiệm vụ (tính lại)")
    assert computed[total].value == b.total


def test_several_sections_in_one_book_and_the_same_bytes(tmp_path):
    r = dxkit.evaluate(EXAMPLES / "thai_binh_2023_results.csv")
    b = dxkit.read_budget(EXAMPLES / "thai_binh_2023_budget.csv")
    tasks = dxkit.read_assignments(EXAMPLES / "dong_thap_2023_assignments.csv")
    one = dxkit.report.write(tmp_path / "a.xlsx", r, b, tasks, r, as_of="2023-10-01",
                             title="Báo cáo 2023")
    two = dxkit.report.write(tmp_path / "b.xlsx", r, b, tasks, r, as_of="2023-10-01",
                             title="Báo cáo 2023")
    assert open(one, "rb").read() == open(two, "rb").read()
    wb = openpyxl.load_workbook(one)
    assert wb.sheetnames == ["Kết quả", "Kinh phí", "Tiến độ", "Kết quả (2)"]
    # The due list: per agency, counts as numbers equal to Assignments.by_agency.
    ws = wb["Tiến độ"]
    by_agency = tasks.by_agency("2023-10-01")
    first = row_of(ws, 2, by_agency.index[0])
    assert first[2].value == by_agency.iloc[0]["overdue"] and first[2].number_format == COUNT
    if first[2].value:
        assert fill(first[2]) == RED
    dated = [row for row in ws.iter_rows() if getattr(row[4], "is_date", False)]
    assert dated and all(row[4].number_format == "[$-42A]dd/mm/yyyy" for row in dated)


def test_rankings_of_an_index_and_of_dti(tmp_path):
    r = dxkit.dti.score(EXAMPLES / "dti_synthetic_2022_points.csv")
    ws = openpyxl.load_workbook(r.to_excel(tmp_path / "dti.xlsx"))["Xếp hạng"]
    p = r.published.sort_values("Rank", kind="stable")
    assert [c.value for c in ws[2]] == ["Thứ hạng", "Đơn vị", "DTI"]
    assert ws["A3"].value == 1 and ws["C3"].value == pytest.approx(p["DTI"].iloc[0])
    assert ws["C3"].number_format == "[$-42A]0.0000"  # the DTI as the Ministry prints it


def test_cli_reports_a_dti_table_as_its_ranking(tmp_path):
    # The same ranking as `dxkit dti` / dxkit.dti.score: DTI published to 4 decimals,
    # competition ranks, best first.
    src = EXAMPLES / "dti_synthetic_2022_points.csv"
    out = tmp_path / "dti.xlsx"
    proc = run("report", src, "--xlsx", out)
    assert proc.returncode == 0, proc.stderr
    ws = openpyxl.load_workbook(out)["Xếp hạng"]
    p = dxkit.dti.score(src).published.sort_values("Rank", kind="stable")
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3, max_col=3)
            if row[0].value is not None]
    assert [r[0] for r in rows] == [int(x) for x in p["Rank"]]
    assert [r[1] for r in rows] == list(p["uName"])
    assert [r[2] for r in rows] == pytest.approx(list(p["DTI"]), abs=0)
    assert ws["C3"].number_format == "[$-42A]0.0000"
    # Points where scores on 0..1 are given: refused, located, as by `dxkit dti`.
    scores = tmp_path / "scores.csv"
    scores.write_text("uCode,uName,NT,TC,HT,NL,ATTT,CQS,KTS,XHS\n"
                      "P1,Tỉnh 1,0.8,0.7,0.9,0.6,0.75,0.75,0.9,1\n", encoding="utf-8")
    bad = run("report", scores, "--xlsx", tmp_path / "b.xlsx")
    assert bad.returncode != 0 and "scores.csv" in bad.stderr and "--values scores" in bad.stderr
    ok = run("report", scores, "--values", "scores", "--xlsx", tmp_path / "c.xlsx")
    assert ok.returncode == 0, ok.stderr


def test_errors_are_named(tmp_path):
    with pytest.raises(TypeError, match="a report section is an EvaluationResult"):
        dxkit.report.write(tmp_path / "x.xlsx", 42)
    bad = tmp_path / "what.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(dxkit.ValidationError, match=r"what.csv:1: cannot tell which table"):
        dxkit.report.write(tmp_path / "x.xlsx", bad)


def test_html_page_is_self_contained(tmp_path):
    r = dxkit.evaluate(EXAMPLES / "thai_binh_2023_results.csv")
    page = r.to_html(tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == page
    assert "<script" not in page and "<link" not in page
    assert "<svg" in page and "Kết quả đánh giá chỉ tiêu" in page
    assert re.search(r"<td class=\"line r light-green\">|class=\"line c green\">Vượt</td>", page)


def test_html_embeds_the_plot_figures_when_matplotlib_is_there(tmp_path):
    pytest.importorskip("matplotlib")
    b = dxkit.read_budget(EXAMPLES / "thai_binh_2023_budget.csv")
    page = dxkit.report.html(b)
    assert page.count("<figure") == 1 and "Biểu đồ" in page
    assert page.count("<svg") >= 1


def test_cli_report_of_the_word_plan(tmp_path):
    xlsx, html = tmp_path / "plan.xlsx", tmp_path / "plan.html"
    p = run("report", EXAMPLES / "dong_thap_2023_plan.docx", "--xlsx", xlsx, "--html", html,
            "--as-of", "2023-10-01")
    assert p.returncode == 0, p.stderr
    assert "4 section(s)" in p.stdout
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Kết quả", "Kinh phí", "Kinh phí (2)", "Tiến độ"]
    assert wb["Kết quả"]["A1"].value.startswith("Phụ lục I")
    # The results as dxkit evaluate scores them.
    r = dxkit.evaluate(EXAMPLES / "dong_thap_2023_plan.docx")
    total = row_of(wb["Kết quả"], 1, "Tổng số chỉ tiêu")
    assert total[3].value == len(r)
    # The budget in its unit, amounts numbers.
    ws = wb["Kinh phí"]
    assert ws["A2"].value == "Đơn vị tính: Triệu đồng"
    numbers = [c for row in ws.iter_rows(min_row=4) for c in row if c.data_type == "n"
               and c.number_format == MILLIONS]
    assert numbers and all(isinstance(c.value, int) for c in numbers)
    page = html.read_text(encoding="utf-8")
    assert page.count("<section>") == 4 and "<svg" in page
    # Nothing is fetched: no attribute names another file (the plan's text has web addresses).
    assert not re.search(r"\b(?:href|src)\s*=", page) and "<script" not in page
    assert "<style>" in page and "<link" not in page
    # The same bytes on a second run.
    again = tmp_path / "again.xlsx"
    run("report", EXAMPLES / "dong_thap_2023_plan.docx", "--xlsx", again, "--as-of", "2023-10-01")
    assert hashlib.sha256(xlsx.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest()


def test_cli_report_of_csv_tables_and_its_errors(tmp_path):
    out = tmp_path / "tb.xlsx"
    p = run("report", EXAMPLES / "thai_binh_2023_results.csv",
            EXAMPLES / "thai_binh_2023_budget.csv", "--xlsx", out)
    assert p.returncode == 0, p.stderr
    assert openpyxl.load_workbook(out).sheetnames == ["Kết quả", "Kinh phí"]
    p = run("report", EXAMPLES / "thai_binh_2023_results.csv")
    assert p.returncode != 0
    assert "say where to write the report: --xlsx OUT.xlsx and/or --html OUT.html" in p.stderr
    p = run("report", EXAMPLES / "thai_binh_mapping.csv", "--xlsx", out)
    assert p.returncode != 0 and "thai_binh_mapping.csv:1: cannot tell which table" in p.stderr


def test_ranking_of_an_index_result(tmp_path):
    asem = EXAMPLES.parent / "tests" / "data" / "coinr-asem"
    r = dxkit.build_index(asem / "ASEM_iData.csv", asem / "ASEM_iMeta.csv", preset="coinr_asem")
    ws = openpyxl.load_workbook(r.to_excel(tmp_path / "index.xlsx"))["Xếp hạng"]
    data, ranks = r.data("aggregated"), r.ranks(["Index"])
    best = ranks["Index"].idxmin()
    assert ws["A3"].value == 1 and ws["B3"].value == data.loc[best, "uName"]
    assert ws["C3"].value == pytest.approx(data.loc[best, "Index"])
    listed = [row[1].value for row in ws.iter_rows(min_row=3)]
    assert len(listed) == len(data)


def test_plan_progress_and_due_list(tmp_path):
    tasks = dxkit.read_assignments(EXAMPLES / "dong_thap_2023_assignments.csv")
    plan = dxkit.read_plan(EXAMPLES / "progress_digital_economy.csv", tasks)
    wb = openpyxl.load_workbook(plan.to_excel(tmp_path / "plan.xlsx", as_of="2023-10-01"))
    assert wb.sheetnames == ["Tiến trình", "Tiến độ"]
    ws = wb["Tiến trình"]
    p = plan.progress()
    labels = {"achieved": "Đã đạt", "on_track": "Đúng tiến độ",
              "acceleration_needed": "Cần tăng tốc", "limited_progress": "Tiến triển chậm",
              "deteriorating": "Đi lùi", "missed": "Không đạt",
              "insufficient_data": "Thiếu dữ liệu"}
    rows = [row for row in ws.iter_rows(min_row=3) if row[10].value in labels.values()]
    assert [r[10].value for r in rows] == [labels[s] for s in p["status"]]
    assert [r[0].value for r in rows] == list(p["target_year"])
    for r, (_, v) in zip(rows, p.iterrows()):
        if pd.notna(v["ratio"]):
            assert r[9].value == pytest.approx(v["ratio"]) and r[9].number_format == PERCENT
    for status, label in labels.items():
        count = row_of(ws, 1, label)[2].value
        assert count == int((p["status"] == status).sum())


@pytest.fixture(scope="module")
def asem_index():
    asem = EXAMPLES.parent / "tests" / "data" / "coinr-asem"
    return dxkit.build_index(asem / "ASEM_iData.csv", asem / "ASEM_iMeta.csv", preset="coinr_asem")


def test_uncertainty_as_a_report_section(asem_index, tmp_path):
    u = asem_index.uncertainty(60, seed=5, weight_noise={2: 0.5}, normalisations=["rank"],
                               progress=False)
    ws = openpyxl.load_workbook(u.to_excel(tmp_path / "u.xlsx"))["Bất định"]
    assert ws["A1"].value == f"PHÂN TÍCH BẤT ĐỊNH CỦA THỨ HẠNG: {u.column}"
    assert ws["A2"].value == f"(60 lần chạy; thứ hạng theo {u.column})"
    assert [c.value for c in ws[3]] == ["Thứ hạng danh nghĩa", "Đơn vị", "Trung vị", "Trung bình",
                                        "Phân vị 5%", "Phân vị 95%", "Độ rộng 5–95%"]
    assert ws.freeze_panes == "A4"
    s = u.summary.sort_values("nominal", kind="stable")
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(s)  # every unit, none dropped
    assert [r[1] for r in rows] == list(s.index)  # in nominal order
    assert [r[0] for r in rows] == [int(x) for x in s["nominal"]]
    for r, (_, x) in zip(rows, s.iterrows()):
        assert r[2:6] == pytest.approx((x["median"], x["mean"], x["p5"], x["p95"]))
        assert r[6] == pytest.approx(x["p95"] - x["p5"])
    assert ws["C4"].number_format == "[$-42A]0.0" and ws["A4"].number_format == COUNT
    # A wide interval (10 ranks or more) is amber, a narrow one is not.
    widths = (s["p95"] - s["p5"]).to_numpy()
    assert (widths >= 10).any() and (widths < 10).any()
    for k, w in enumerate(widths):
        assert (fill(ws.cell(4 + k, 7)) == AMBER) == (w >= 10)
    page = u.to_html()
    assert "PHÂN TÍCH BẤT ĐỊNH" in page and "Độ rộng khoảng 5–95% của thứ hạng" in page


def test_sensitivity_as_a_report_section(asem_index, tmp_path):
    s = asem_index.sensitivity(24, seed=3, weight_noise={2: 0.5}, normalisations=["rank"],
                               bootstrap=200, progress=False)
    ws = openpyxl.load_workbook(s.to_excel(tmp_path / "s.xlsx"))["Độ nhạy"]
    assert ws["A1"].value == "PHÂN TÍCH ĐỘ NHẠY CỦA THỨ HẠNG"
    assert [c.value for c in ws[2]] == ["STT", "Giả định", "Tham số", "Chỉ số bậc nhất",
                                        "95%: từ", "đến", "Chỉ số tổng", "95%: từ", "đến"]
    by_total = s.sort_values("total", ascending=False, kind="stable")
    rows = list(ws.iter_rows(min_row=3, max_row=2 + len(s), values_only=True))
    assert [r[2] for r in rows] == list(by_total.index)
    assert dict(zip([r[2] for r in rows], [r[1] for r in rows])) == {
        "weights.L2": "Trọng số cấp 2", "normalisation": "Phương pháp chuẩn hoá"}
    for r, (_, x) in zip(rows, by_total.iterrows()):
        assert r[0] == rows.index(r) + 1
        assert r[3:] == pytest.approx(tuple(x[c] for c in ("first", "first_lo", "first_hi",
                                                           "total", "total_lo", "total_hi")))
    assert ws["G3"].number_format == "[$-42A]0.000"
    for k, (_, x) in enumerate(by_total.iterrows()):
        assert (fill(ws.cell(3 + k, 7)) == RED) == (x["total_lo"] > 0.1)
    runs = row_of(ws, 2, "Số lần chạy")
    assert runs[2].value == s.attrs["runs"] == 24 * 4
    assert row_of(ws, 2, "Phương sai của độ lệch thứ hạng")[2].value == pytest.approx(
        s.attrs["variance"])
    # pandas' own to_excel / to_html when called with pandas' arguments
    plain = tmp_path / "plain.xlsx"
    s.to_excel(plain, sheet_name="raw")
    assert openpyxl.load_workbook(plain).sheetnames == ["raw"]
    assert s.to_html(None, float_format="%.2f").startswith("<table")


def test_uncertainty_and_sensitivity_in_one_book_with_the_ranking(asem_index, tmp_path):
    u = asem_index.uncertainty(20, seed=1, weight_noise={2: 0.25}, progress=False)
    s = asem_index.sensitivity(8, seed=1, weight_noise={2: 0.25}, bootstrap=50, progress=False)
    path = dxkit.report.write(tmp_path / "book.xlsx", asem_index, u, s)
    assert openpyxl.load_workbook(path).sheetnames == ["Xếp hạng", "Bất định", "Độ nhạy"]


def test_a_progress_frame_writes_the_progress_sheet(tmp_path):
    # The frame the analyst holds after Plan.progress(): the same sheet as Plan.to_excel gives.
    plan = dxkit.read_plan(EXAMPLES / "progress_digital_economy.csv")
    p = plan.progress()
    from_frame = openpyxl.load_workbook(p.to_excel(tmp_path / "p.xlsx"))["Tiến trình"]
    from_plan = openpyxl.load_workbook(plan.to_excel(tmp_path / "plan.xlsx"))["Tiến trình"]
    assert [[c.value for c in r] for r in from_frame.iter_rows()] == \
        [[c.value for c in r] for r in from_plan.iter_rows()]
    assert "TIẾN TRÌNH THỰC HIỆN MỤC TIÊU" in p.to_html()
    # pandas' own methods when called with pandas' arguments
    p.to_excel(tmp_path / "raw.xlsx", sheet_name="raw", index=False)
    raw = openpyxl.load_workbook(tmp_path / "raw.xlsx")["raw"]
    assert [c.value for c in raw[1]] == list(p.columns)


def test_a_plan_followed_into_the_new_provinces_names_them(tmp_path):
    # Thái Bình's resolution followed into Hưng Yên (1 July 2025): each indicator's group row
    # says the province of the date.
    plan = dxkit.read_plan(EXAMPLES / "thai_binh_progress.csv",
                           mapping=EXAMPLES / "thai_binh_mapping.csv",
                           documents=EXAMPLES / "thai_binh_documents.csv")
    p = plan.progress(units="2025-07-01")
    ws = openpyxl.load_workbook(p.to_excel(tmp_path / "hy.xlsx"))["Tiến trình"]
    groups = [r[0].value for r in ws.iter_rows(min_row=3) if r[0].font.b and r[0].value]
    assert any(g.startswith("KTS (Hưng Yên)") for g in groups), groups
    years = [r[0].value for r in ws.iter_rows(min_row=3) if isinstance(r[0].value, int)]
    assert years == list(p["target_year"])


def test_html_embeds_the_uncertainty_and_sensitivity_figures(asem_index):
    pytest.importorskip("matplotlib")
    u = asem_index.uncertainty(20, seed=1, weight_noise={2: 0.25}, progress=False)
    s = asem_index.sensitivity(8, seed=1, weight_noise={2: 0.25}, bootstrap=50, progress=False)
    page = dxkit.report.html(u, s)
    assert page.count("<figure") == 2
    assert "PHÂN TÍCH BẤT ĐỊNH" in page and "PHÂN TÍCH ĐỘ NHẠY" in page
