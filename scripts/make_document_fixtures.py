"""Build .docx and .xlsx documents from the seeds' appendices, in the layouts officials use.

The appendices' rows come from the transcriptions in examples/*.csv (the seeds' tables as
published, see scripts/extract_seed_tables.py); this script lays them out again as Word and
Excel files the way a provincial office does: the "Phụ lục" title and "(Kèm theo Kế hoạch số
...)" lines, the "ĐVT" line, two-row merged headers ("Nguồn vốn" over its parts), bold
subtotal rows, vertically merged agency cells, numbers as text and as numbers, percent formats,
a table split over two pages, a second irrelevant sheet and a hidden one; and edge documents
(no table, an empty table, a nested table).

    python3 scripts/make_document_fixtures.py            # writes tests/data/documents/ + examples/
    python3 scripts/make_document_fixtures.py OUT_DIR    # the test documents only, into OUT_DIR

Needs python-docx and openpyxl (test-only dependencies, installed by scripts/setup.sh).
"""

import csv
import re
import sys
from pathlib import Path

import docx
import openpyxl
from docx.enum.text import WD_BREAK
from openpyxl.styles import Font

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ROMAN = re.compile(r"^[IVX]+$")


def read_example(name):
    """(unit, header, rows) of examples/<name>: the first line may be 'ĐVT: ...'."""
    lines = (EXAMPLES / name).read_text(encoding="utf-8").splitlines()
    unit = None
    if lines[0].startswith("ĐVT"):
        unit, lines = lines[0], lines[1:]
    rows = list(csv.reader(lines))
    return unit, rows[0], rows[1:]


def is_subtotal(row):
    return bool(ROMAN.match(row[0])) or row[0].upper().startswith("TỔNG") or (
        len(row) > 1 and row[1].upper().startswith("TỔNG"))


def vn_number(text):
    """'66.757' -> 66757, '4,5' -> 4.5, else None."""
    t = text.strip()
    if not re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+(,\d+)?", t):
        return None
    t = t.replace(".", "").replace(",", ".")
    return float(t) if "." in t else int(t)


def percent(text):
    m = re.fullmatch(r"(\d+(?:,\d+)?)%", text.strip())
    return float(m.group(1).replace(",", ".")) / 100 if m else None


# ---------------------------------------------------------------------------------- Word
def bold_paragraph(doc, text, italic=False):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = not italic
    run.italic = italic
    return p


def caption(doc, number, title, unit):
    bold_paragraph(doc, f"Phụ lục {number}")
    bold_paragraph(doc, title)
    bold_paragraph(doc, "(Kèm theo Kế hoạch số 167/KH-UBND ngày 20 tháng 12 năm 2023", True)
    bold_paragraph(doc, "của Ủy ban nhân dân tỉnh)", True)
    if unit:
        bold_paragraph(doc, unit)


def word_table(doc, header, rows, groups=(), vmerge=None):
    """A table with a one- or two-row header: `groups` = [(name, first, last)] over columns
    first..last whose own names go to the second row; `vmerge`: a column whose equal
    consecutive cells are merged vertically (an agency written once over its rows)."""
    two = bool(groups)
    t = doc.add_table(rows=(2 if two else 1) + len(rows), cols=len(header))
    t.style = "Table Grid"
    grouped = {c: g for g in groups for c in range(g[1], g[2] + 1)}
    for c, h in enumerate(header):
        if c in grouped:
            t.cell(1, c).text = h
        else:
            cell = t.cell(0, c)
            if two:
                cell = cell.merge(t.cell(1, c))
            cell.text = h
    for name, first, last in groups:
        t.cell(0, first).merge(t.cell(0, last)).text = name
    for r in range(2 if two else 1):
        for cell in t.rows[r].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    base = 2 if two else 1
    for i, row in enumerate(rows):
        for c, value in enumerate(row):
            if vmerge is not None and c == vmerge and i > 0 and value and value == rows[i - 1][c]:
                continue
            cell = t.cell(base + i, c)
            parts = value.split("\n")
            cell.text = parts[0]
            for extra in parts[1:]:
                cell.add_paragraph(extra)
            if is_subtotal(row):
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.bold = True
    if vmerge is not None:
        i = 0
        while i < len(rows):
            j = i
            same = rows[i][vmerge]
            while j + 1 < len(rows) and rows[j + 1][vmerge] and rows[j + 1][vmerge] == same:
                j += 1
            if j > i:
                text = rows[i][vmerge]
                t.cell(base + i, vmerge).merge(t.cell(base + j, vmerge)).text = text
            i = j + 1
    return t


def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def plan_docx(path):
    """The Đồng Tháp 2023 plan's appendices I-III (2022 results and budgets) as Word tables."""
    doc = docx.Document()
    bold_paragraph(doc, "KẾ HOẠCH")
    bold_paragraph(doc, "Chuyển đổi số tỉnh Đồng Tháp năm 2023")
    doc.add_paragraph("Các cơ quan, đơn vị trên địa bàn tỉnh đã phấn đấu đạt và vượt 13/15 chỉ "
                      "tiêu Kế hoạch đề ra, trong đó có 06 chỉ tiêu vượt và 07 chỉ tiêu đạt Kế "
                      "hoạch (Chi tiết Phụ lục I kèm theo).")
    page_break(doc)
    _, header, rows = read_example("dong_thap_2022_results.csv")
    caption(doc, "I", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2022", None)
    word_table(doc, header, rows)
    page_break(doc)
    unit, header, rows = read_example("dong_thap_2022_investment.csv")
    caption(doc, "II", "DANH MỤC CÁC DỰ ÁN CHUYỂN ĐỔI SỐ SỬ DỤNG NGUỒN VỐN ĐẦU TƯ CÔNG NĂM 2022",
            unit)
    word_table(doc, header, rows, groups=[("Vốn bố trí", 5, 6)])
    page_break(doc)
    unit, header, rows = read_example("dong_thap_2022_recurrent.csv")
    caption(doc, "III", "DANH MỤC CÁC NHIỆM VỤ CHUYỂN ĐỔI SỐ SỬ DỤNG NGUỒN VỐN CHI THƯỜNG XUYÊN "
            "NĂM 2022", unit)
    half = 12  # the table runs over a page: the header printed again on the next one
    word_table(doc, header, rows[:half], vmerge=2)
    page_break(doc)
    word_table(doc, header, rows[half:], vmerge=2)
    page_break(doc)
    _, header, rows = read_example("dong_thap_2023_assignments.csv")
    caption(doc, "VII", "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH NĂM 2023", None)
    word_table(doc, header, rows, vmerge=2)  # the lead agency written once over its rows
    doc.add_paragraph("Nơi nhận: như trên.")
    doc.save(path)


def edge_docx(out):
    doc = docx.Document()
    doc.add_paragraph("Kế hoạch không có phụ lục.")
    doc.save(out / "no_table.docx")

    doc = docx.Document()
    bold_paragraph(doc, "Phụ lục 01")
    bold_paragraph(doc, "KẾT QUẢ THỰC HIỆN MỤC TIÊU")
    word_table(doc, ["STT", "Mục tiêu", "Kết quả", "Ghi chú"], [])
    doc.save(out / "empty_table.docx")

    doc = docx.Document()
    bold_paragraph(doc, "Phụ lục 01")
    t = word_table(doc, ["STT", "Mục tiêu", "Kết quả"], [["1", "Đạt 80% trở lên", "92,56%"]])
    inner = t.cell(1, 2).add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "Quý"
    inner.cell(0, 1).text = "Tỷ lệ"
    inner.cell(1, 0).text = "IV"
    inner.cell(1, 1).text = "92,56%"
    doc.save(out / "nested_table.docx")


# --------------------------------------------------------------------------------- Excel
def sheet_title(ws, number, title, unit, width):
    lines = [f"Phụ lục {number}", title,
             "(Kèm theo Kế hoạch số 167/KH-UBND ngày 20 tháng 12 năm 2023 của UBND tỉnh)"]
    if unit:
        lines.append(unit)
    for i, line in enumerate(lines, start=1):
        ws.cell(i, 1, line).font = Font(bold=i <= 2)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
    return len(lines) + 2  # a blank row, then the header


def budget_sheet(ws, header, rows, unit, groups, start):
    """Two-row header with groups, amounts as numbers (#,##0) except every third one as text."""
    grouped = {c for _, a, b in groups for c in range(a, b + 1)}
    for c, h in enumerate(header, start=1):
        if c - 1 in grouped:
            ws.cell(start + 1, c, h).font = Font(bold=True)
        else:
            ws.cell(start, c, h).font = Font(bold=True)
            ws.merge_cells(start_row=start, start_column=c, end_row=start + 1, end_column=c)
    for name, a, b in groups:
        ws.cell(start, a + 1, name).font = Font(bold=True)
        ws.merge_cells(start_row=start, start_column=a + 1, end_row=start, end_column=b + 1)
    n = 0
    for i, row in enumerate(rows):
        r = start + 2 + i
        for c, value in enumerate(row, start=1):
            x = vn_number(value) if c > 3 else None
            cell = ws.cell(r, c)
            if x is not None and n % 3 != 2:
                cell.value = x
                cell.number_format = "#,##0"
            else:
                cell.value = value if value else None
            n += x is not None
            if is_subtotal(row):
                cell.font = Font(bold=True)


def results_sheet(ws, header, rows, start):
    for c, h in enumerate(header, start=1):
        ws.cell(start, c, h).font = Font(bold=True)
    for i, row in enumerate(rows):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(start + 1 + i, c)
            p = percent(value) if header[c - 1].startswith("Kết quả") else None
            if p is not None:
                cell.value = p
                cell.number_format = "0.00%" if "," in value else "0%"
            else:
                cell.value = value if value else None


def plan_xlsx(path):
    """Thái Bình 2023 Phụ lục 02 (budget) and Đồng Tháp 2022 Phụ lục I (results) as sheets."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục 02"
    unit, header, rows = read_example("thai_binh_2023_budget.csv")
    start = sheet_title(ws, "02", "DANH MỤC DỰ ÁN, NHIỆM VỤ THỰC HIỆN NĂM 2023",
                        "Đơn vị tính: Triệu đồng", len(header))
    budget_sheet(ws, header, rows, unit, [("Nguồn vốn", 4, 6)], start)
    notes = wb.create_sheet("Ghi chú")
    notes["A1"] = "Bảng tổng hợp do Sở Thông tin và Truyền thông lập."
    ws2 = wb.create_sheet("Phụ lục I")
    _, header, rows = read_example("dong_thap_2022_results.csv")
    start = sheet_title(ws2, "I", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2022", None, len(header))
    results_sheet(ws2, header, rows, start)
    hidden = wb.create_sheet("Tính toán")
    hidden["A1"], hidden["B1"], hidden["A2"], hidden["B2"] = "Khóa", "Giá trị", "tổng", 66757
    hidden.sheet_state = "hidden"
    dates = wb.create_sheet("Tiến độ")
    dates["A1"], dates["B1"], dates["C1"] = "STT", "Nhiệm vụ", "Thời hạn"
    dates["A2"], dates["B2"] = 1, "Ban hành kế hoạch"
    dates["C2"] = 45107  # 30/6/2023 as Excel stores it
    dates["C2"].number_format = "dd/mm/yyyy"
    wb.save(path)


# ------------------------------------------------------------------ DTI as the Ministry prints it
# Source: Bộ Thông tin và Truyền thông, "Báo cáo xếp hạng đánh giá mức độ chuyển đổi số năm
# 2022", table "Xếp hạng chi tiết" (provincial level, PDTI), https://dti.gov.vn/xep-hang-2022
# (read 2026-12-01): the first five rows as published, scores of the eight main indicators on
# 0..1 with 4 decimals and the printed DTI.
DTI_2022_HEADER = ["Xếp hạng DTI", "Các tỉnh, thành phố trực thuộc TW", "Chỉ số Nhận thức số",
                   "Chỉ số Thể chế số", "Chỉ số Hạ tầng số", "Chỉ số Nhân lực số",
                   "Chỉ số An toàn thông tin mạng", "Chỉ số Hoạt động chính quyền số",
                   "Chỉ số Hoạt động kinh tế số", "Chỉ số Hoạt động xã hội số",
                   "CHUYỂN ĐỔI SỐ CẤP TỈNH (PDTI)"]
DTI_2022_ROWS = [
    ["1", "TP. Đà Nẵng", "1.0000", "0.9000", "0.8253", "0.8487", "0.7578", "0.8575", "0.7836",
     "0.5197", "0.8002"],
    ["2", "TP. Hồ Chí Minh", "0.8917", "0.9000", "0.8258", "0.6267", "0.5580", "0.8406", "0.7611",
     "0.3590", "0.7163"],
    ["3", "Quảng Ninh", "0.9581", "0.9000", "0.7648", "0.6250", "0.5382", "0.8385", "0.5904",
     "0.4505", "0.7024"],
    ["4", "Thừa Thiên - Huế", "0.9500", "0.9000", "0.6823", "0.6794", "0.6423", "0.8262",
     "0.6787", "0.3001", "0.6975"],
    ["5", "TP. Cần Thơ", "0.9000", "0.8000", "0.7233", "0.7376", "0.7226", "0.7325", "0.7556",
     "0.2947", "0.6924"],
]
DTI_SOURCE = ("Nguồn: Bộ Thông tin và Truyền thông, Báo cáo xếp hạng đánh giá mức độ chuyển đổi "
              "số năm 2022 (https://dti.gov.vn/xep-hang-2022)")


def dti_xlsx(path):
    """The published DTI 2022 provincial table as a sheet: title and source lines, the header,
    scores as printed ('.' decimals as text in four columns, number cells formatted 0.0000 in
    the others); a second sheet with the synthetic main-indicator points."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DTI 2022"
    width = len(DTI_2022_HEADER)
    for i, line in enumerate(["BÁO CÁO XẾP HẠNG ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM 2022",
                              "Xếp hạng chi tiết cấp tỉnh", DTI_SOURCE], start=1):
        ws.cell(i, 1, line).font = Font(bold=i < 3)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
    start = 5
    for c, h in enumerate(DTI_2022_HEADER, start=1):
        ws.cell(start, c, h).font = Font(bold=True)
    for i, row in enumerate(DTI_2022_ROWS, start=start + 1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(i, c)
            if c == 1:
                cell.value = int(value)
            elif c > 2 and c % 2 == 0:
                cell.value = float(value)
                cell.number_format = "0.0000"
            else:
                cell.value = value
    _, header, rows = read_example("dti_synthetic_2022_points.csv")
    points = wb.create_sheet("Điểm 2022")
    for c, h in enumerate(header, start=1):
        points.cell(1, c, h).font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            points.cell(r, c, int(value) if value.isdigit() else value)
    wb.save(path)


def dti_docx(path):
    """The same table in a Word report with ',' decimals (as Vietnamese write-ups print it)."""
    doc = docx.Document()
    bold_paragraph(doc, "Bảng 1. Xếp hạng chi tiết cấp tỉnh năm 2022")
    word_table(doc, DTI_2022_HEADER, [r[:2] + [v.replace(".", ",") for v in r[2:]]
                                      for r in DTI_2022_ROWS])
    doc.add_paragraph(DTI_SOURCE)
    doc.save(path)


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    plan_docx(out / "dong_thap_2023_plan.docx")
    plan_xlsx(out / "appendices_2023.xlsx")
    dti_xlsx(out / "dti_2022_published.xlsx")
    dti_docx(out / "dti_2022_published.docx")
    edge_docx(out)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        main(ROOT / "tests" / "data" / "documents")
        plan_docx(EXAMPLES / "dong_thap_2023_plan.docx")
        plan_xlsx(EXAMPLES / "appendices_2023.xlsx")
