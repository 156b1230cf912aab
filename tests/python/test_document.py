"""Documents as they come: .docx and .xlsx built here from the seeds' appendices (python-docx,
openpyxl) give the same tallies, totals and findings as the CSV transcriptions in examples/."""

import csv
import importlib.util
import io
import json
import shutil

import pytest
from conftest import EXAMPLES, ROOT
from test_cli import run

import dxkit
import dxkit.dti
import dxkit.plan

FIXTURES = ROOT / "tests" / "data" / "documents"


def _builder():
    spec = importlib.util.spec_from_file_location(
        "make_document_fixtures", ROOT / "scripts" / "make_document_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("documents")
    _builder().main(out)
    return out


def _counts(result):
    return result.counts


def test_word_plan_tables_captions_units_kinds(built):
    doc = dxkit.read_document(built / "dong_thap_2023_plan.docx")
    got = [(t.number, t.caption.split(" — ")[0], t.kind, t.unit, t.shape) for t in doc.tables]
    assert got == [(1, "Phụ lục I", "results", "", (15, 6)),
                   (2, "Phụ lục II", "budget", "Triệu đồng", (9, 8)),
                   (3, "Phụ lục III", "budget", "Triệu đồng", (24, 5)),
                   (4, "Phụ lục VII", "assignments", "", (62, 5))]
    frame = doc.tables[1].to_frame()
    assert list(frame.columns)[5:7] == ["Vốn bố trí / Năm 2021", "Vốn bố trí / Năm 2022"]
    assert frame.iloc[0, 5] == "2.200"


def test_every_seed_tally_is_the_csv_tally(built):
    for name in ("dong_thap_2023_plan.docx", "appendices_2023.xlsx"):
        from_doc = dxkit.evaluate(built / name)
        from_csv = dxkit.evaluate(EXAMPLES / "dong_thap_2022_results.csv")
        assert _counts(from_doc) == _counts(from_csv)
        assert _counts(from_doc)["exceeded"] == 6 and _counts(from_doc)["met"] == 7
        assert from_doc.status == from_csv.status
        assert (from_doc.to_frame()["ratio"].fillna(-1).tolist()
                == from_csv.to_frame()["ratio"].fillna(-1).tolist())


@pytest.mark.parametrize("name, table, example, total", [
    ("dong_thap_2023_plan.docx", "Phụ lục II", "dong_thap_2022_investment.csv", 87_552_000_000),
    ("dong_thap_2023_plan.docx", 3, "dong_thap_2022_recurrent.csv", 30_088_000_000),
    ("appendices_2023.xlsx", None, "thai_binh_2023_budget.csv", None),
])
def test_every_budget_total_and_finding_is_the_csv_one(built, name, table, example, total):
    from_doc = dxkit.read_budget(built / name, table=table)
    from_csv = dxkit.read_budget(EXAMPLES / example)
    assert from_doc.total == from_csv.total
    assert [row[3] for row in from_doc._core.columns_info()] == [
        row[3] for row in from_csv._core.columns_info()]
    keep = ["label", "reported", "computed"]  # the places and column names are the document's
    assert from_doc.check()[keep].equals(from_csv.check()[keep])
    assert len(from_doc.check()) == len(from_csv.check())
    if total is not None:
        assert from_doc.total == total


def test_excel_cells_typed_by_their_number_format(built):
    doc = dxkit.read_document(built / "appendices_2023.xlsx")
    results = doc.table(kind="results")
    assert results.place == "sheet 'Phụ lục I'"
    assert results._core.types[3][2] == "percent"
    assert results.to_frame().iloc[2, 3] == "99,21%"
    assert results.cell_name(2, 3) == "D8"
    hidden = [t for t in doc.tables if t.hidden]
    assert [t.place for t in hidden] == ["sheet 'Tính toán' (hidden)"]
    assert doc.tables[4].to_frame().iloc[0, 2] == "30/6/2023"


def test_committed_fixtures_are_what_the_script_builds(built):
    for name in ("dong_thap_2023_plan.docx", "appendices_2023.xlsx", "nested_table.docx"):
        fresh = dxkit.read_document(built / name)
        kept = dxkit.read_document(FIXTURES / name)
        assert [(t.caption, t.header, t.to_csv()) for t in fresh.tables] == [
            (t.caption, t.header, t.to_csv()) for t in kept.tables]


def test_edge_documents(built):
    assert dxkit.read_document(built / "no_table.docx").tables == []
    with pytest.raises(dxkit.ValidationError, match="no results table in the document"):
        dxkit.evaluate(built / "no_table.docx")
    empty = dxkit.read_document(built / "empty_table.docx").tables
    assert [(t.kind, t.shape) for t in empty] == [("results", (0, 4))]
    nested = dxkit.read_document(built / "nested_table.docx").tables
    assert [t.place for t in nested] == ["table 1", "table 2 (inside a table)"]


def test_seed_text_form():
    doc = dxkit.read_document(ROOT / "tests" / "data" / "seeds" / "thai_binh_2024_plan.txt")
    t = doc.table("Phụ lục 02")
    assert t.unit == "Triệu đồng" and t.kind == "budget"
    assert t.header[4:7] == ["Nguồn vốn / Vốn đầu tư", "Nguồn vốn / Vốn sự nghiệp",
                             "Nguồn vốn / Vốn xã hội hóa"]


def test_cli_tables_extract_and_commands_on_documents(built, tmp_path):
    plan = built / "dong_thap_2023_plan.docx"
    p = run("tables", plan, "--format", "json")
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)["rows"]
    assert [(r["number"], r["kind"], r["rows"], r["columns"], r["unit"]) for r in rows] == [
        (1, "results", 15, 6, ""), (2, "budget", 9, 8, "Triệu đồng"),
        (3, "budget", 24, 5, "Triệu đồng"), (4, "assignments", 62, 5, "")]

    p = run("extract", plan, "--table", "2")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("ĐVT: Triệu đồng\nStt,Tên dự án,")
    extracted = tmp_path / "investment.csv"
    extracted.write_text(p.stdout, encoding="utf-8")
    from_extract = json.loads(run("budget", extracted, "--format", "json").stdout)
    from_doc = json.loads(run("budget", plan, "--table", "Phụ lục II", "--format", "json").stdout)
    from_csv = json.loads(run("budget", EXAMPLES / "dong_thap_2022_investment.csv",
                              "--format", "json").stdout)
    assert from_doc["totals"]["total"] == from_csv["totals"]["total"] == 87_552_000_000
    assert from_extract["totals"]["total"] == from_csv["totals"]["total"]

    p = run("evaluate", plan, "--format", "json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["counts"] == {"exceeded": 6, "met": 7, "not_met": 2,
                                              "no_data": 0}

    p = run("budget", plan)
    assert p.returncode != 0
    assert "2 budget tables in the document; choose one with --table; 2: Phụ lục II" in p.stderr


def test_mixed_case_extensions_open_as_documents(built, tmp_path):
    # .DOCX / .Xlsx as Windows writes them: the core's is_office_document decides, in any case.
    assert dxkit.document.is_office_document("PLAN.DOCX")
    assert dxkit.document.is_office_document(tmp_path / "Phu luc.Xlsx")
    assert not dxkit.document.is_office_document("plan.txt")
    assert not dxkit.document.is_office_document(123)
    upper = tmp_path / "PLAN.DOCX"
    shutil.copy(built / "dong_thap_2023_plan.docx", upper)
    assert dxkit.evaluate(upper).counts == {"exceeded": 6, "met": 7, "not_met": 2,
                                            "no_data": 0}
    p = run("evaluate", upper, "--format", "json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["counts"] == {"exceeded": 6, "met": 7, "not_met": 2,
                                              "no_data": 0}
    mixed = tmp_path / "Appendices.Xlsx"
    shutil.copy(built / "appendices_2023.xlsx", mixed)
    p = run("tables", mixed, "--format", "json")
    assert p.returncode == 0, p.stderr
    assert len(json.loads(p.stdout)["rows"]) == len(dxkit.read_document(mixed).tables) > 0


def test_extracted_csv_reads_back_as_csv(built):
    doc = dxkit.read_document(built / "appendices_2023.xlsx")
    text = doc.table("Phụ lục 02").to_csv()
    lines = text.splitlines()
    assert lines[0] == "ĐVT: Triệu đồng"
    header = next(csv.reader(io.StringIO(lines[1])))
    assert header[3:7] == ["Tổng mức đầu tư", "Nguồn vốn / Vốn đầu tư",
                           "Nguồn vốn / Vốn sự nghiệp", "Nguồn vốn / Vốn xã hội hóa"]


# ------------------------------------------------- due, check-text and dti take a document too
def test_due_reads_the_word_assignment_table_as_the_csv(built):
    plan = built / "dong_thap_2023_plan.docx"
    from_doc = dxkit.read_assignments(plan).due("2023-10-01")
    from_csv = dxkit.read_assignments(EXAMPLES / "dong_thap_2023_assignments.csv").due("2023-10-01")
    keep = ["No", "section", "task", "lead", "support", "deadline", "last_day", "status", "days"]
    assert len(from_doc) == len(from_csv) == 55
    assert from_doc[keep].astype(str).values.tolist() == from_csv[keep].astype(str).values.tolist()
    p = run("due", plan, "--as-of", "2023-10-01", "--format", "json")
    assert p.returncode == 0, p.stderr
    q = run("due", EXAMPLES / "dong_thap_2023_assignments.csv", "--as-of", "2023-10-01",
            "--format", "json")
    drop = {"line"}
    rows = [{k: v for k, v in r.items() if k not in drop} for r in json.loads(p.stdout)["rows"]]
    assert rows == [{k: v for k, v in r.items() if k not in drop}
                    for r in json.loads(q.stdout)["rows"]]
    p = run("due", plan, "--as-of", "2023-10-01", "--table", "Phụ lục VII", "--by", "agency")
    assert p.returncode == 0, p.stderr


def test_check_text_reads_the_plan_and_its_own_results_appendix(built, tmp_path):
    plan = built / "dong_thap_2023_plan.docx"
    p = run("check-text", plan, "--format", "json")
    assert p.returncode == 0, p.stderr
    from_doc = json.loads(p.stdout)
    text = tmp_path / "plan.txt"
    text.write_text("\n".join(dxkit.read_document(plan).paragraphs) + "\n", encoding="utf-8")
    q = run("check-text", text, "--appendix", EXAMPLES / "dong_thap_2022_results.csv",
            "--format", "json")
    assert q.returncode == 0, q.stderr
    from_csv = json.loads(q.stdout)
    assert from_doc["rows"] == from_csv["rows"]
    assert "3 tallies checked against" in p.stdout + json.dumps(from_doc)
    tallies = dxkit.plan.check_tallies(plan)
    assert tallies["supported"].tolist() == dxkit.plan.check_tallies(
        text, EXAMPLES / "dong_thap_2022_results.csv")["supported"].tolist()
    assert len(tallies) == 3
    assert dxkit.plan.check_text(plan).equals(dxkit.plan.check_text(text))


def test_published_dti_scores_recomputed_and_ranked(built):
    book = built / "dti_2022_published.xlsx"
    p = run("dti", book, "--table", "1", "--values", "scores", "--format", "json")
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)["rows"]
    assert [(r["uCode"], r["uName"], r["DTI"], r["Rank"]) for r in rows] == [
        ("48", "TP. Đà Nẵng", 0.8002, 1), ("79", "TP. Hồ Chí Minh", 0.7164, 2),
        ("22", "Quảng Ninh", 0.7024, 3), ("46", "Thừa Thiên - Huế", 0.6975, 4),
        ("92", "TP. Cần Thơ", 0.6924, 5)]
    word = run("dti", built / "dti_2022_published.docx", "--values", "scores", "--format", "json")
    assert word.returncode == 0, word.stderr
    assert json.loads(word.stdout)["rows"] == rows
    result = dxkit.dti.score(book, table=1, values="scores")
    assert result.published["DTI"].tolist() == [0.8002, 0.7164, 0.7024, 0.6975, 0.6924]
    assert result.published["Rank"].tolist() == [1, 2, 3, 4, 5]


def test_published_dti_scores_refused_as_points(built):
    book = built / "dti_2022_published.xlsx"
    p = run("dti", book, "--table", "1")
    assert p.returncode != 0
    assert (f"{book}, 'DTI 2022' row 5: every main-indicator value is between 0 and 1: these "
            "are published scores (points / maximum), not points; read them with --values "
            "scores") in p.stderr
    with pytest.raises(dxkit.ValidationError, match="read them with --values scores"):
        dxkit.dti.score(book, table=1)
    p = run("dti", book)
    assert p.returncode != 0
    assert "2 dti_scores tables in the document; choose one with --table; 1: " in p.stderr
    points = run("dti", book, "--table", "2", "--format", "json")
    assert points.returncode == 0, points.stderr
    csv_points = run("dti", EXAMPLES / "dti_synthetic_2022_points.csv", "--format", "json")
    assert json.loads(points.stdout)["rows"] == json.loads(csv_points.stdout)["rows"]


def test_cells_named_as_officials_see_them(built, tmp_path):
    import openpyxl

    book = tmp_path / "dti.xlsx"
    wb = openpyxl.load_workbook(built / "dti_2022_published.xlsx")
    wb["DTI 2022"]["E7"] = "1,2"
    wb.save(book)
    p = run("dti", book, "--table", "1", "--values", "scores")
    assert p.returncode != 0
    assert (f"{book}, 'DTI 2022'!E7 (column 'Chỉ số Hạ tầng số'): score outside 0..1: '1,2'"
            in p.stderr)
    wb["DTI 2022"]["E7"] = "0.8258"
    wb["DTI 2022"]["B8"] = "Quảng Nimh"
    wb.save(book)
    p = run("dti", book, "--table", "1", "--values", "scores")
    assert p.returncode != 0
    assert (f"{book}, 'DTI 2022'!B8 (column 'Các tỉnh, thành phố trực thuộc TW'): unknown "
            "province 'Quảng Nimh'; close matches: Quảng Ninh, Quảng Bình, Quảng Nam") in p.stderr


def test_errors_and_findings_carry_sheet_table_and_cell(tmp_path):
    # The document's part is data, not text folded into the file name: the exception's file is
    # the file alone, its sheet / table / cell say where in it; a budget finding's too, in the
    # findings frame, the CLI's JSON and its CSV (which reads back).
    import docx
    import openpyxl

    book = tmp_path / "plan.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục 01"
    ws["B1"] = "Phụ lục 01 — KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"
    for col, text in zip("BCDE", ["STT", "Tên chỉ tiêu", "Mục tiêu", "Kết quả"], strict=True):
        ws[f"{col}9"] = text
    for col, text in zip("BCDE", ["1", "Tỷ lệ hồ sơ trực tuyến", "90%%", "90%"], strict=True):
        ws[f"{col}10"] = text
    wb.save(book)
    with pytest.raises(dxkit.ParseError) as caught:
        dxkit.evaluate(book)
    e = caught.value
    assert (e.file, e.sheet, e.cell, e.table) == (str(book), "Phụ lục 01", "D10", None)
    assert (e.line, e.column, e.column_name) == (10, 4, "Mục tiêu")
    assert str(e).startswith(f"{book}, 'Phụ lục 01'!D10 (column 'Mục tiêu'): ")

    plan = tmp_path / "plan.docx"
    d = docx.Document()
    d.add_paragraph("Phụ lục 01 — Danh mục")
    first = d.add_table(rows=2, cols=2)
    for r, row in enumerate([["a", "b"], ["1", "2"]]):
        for c, text in enumerate(row):
            first.cell(r, c).text = text
    d.add_paragraph("Phụ lục 02 — KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    second = d.add_table(rows=3, cols=4)
    for r, row in enumerate([["STT", "Tên chỉ tiêu", "Mục tiêu", "Kết quả"],
                             ["1", "Tỷ lệ hồ sơ trực tuyến", "80%", "90%"],
                             ["2", "Số doanh nghiệp số", "50", "@@"]]):
        for c, text in enumerate(row):
            second.cell(r, c).text = text
    d.save(plan)
    with pytest.raises(dxkit.ParseError) as caught:
        dxkit.evaluate(plan)
    e = caught.value
    assert (e.file, e.sheet, e.cell, e.table) == (str(plan), None, None, 2)
    assert (e.line, e.column, e.column_name) == (3, 4, "Kết quả")
    assert str(e).startswith(f"{plan}, table 2, row 3, column 4 (column 'Kết quả'): ")

    # A budget whose table starts in column B and whose column D is empty: the amount column,
    # the table's third, is the sheet's E.
    spend = tmp_path / "budget.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kinh phí"
    for row, cells in [(3, ["STT", "Tên nhiệm vụ", "Tổng mức đầu tư"]),
                       (4, ["1", "Trung tâm dữ liệu", "1.200"]),
                       (5, ["2", "Cổng dịch vụ công", "mười"])]:
        for col, text in zip("BCE", cells, strict=True):
            ws[f"{col}{row}"] = text
    wb.save(spend)
    found = dxkit.read_budget(spend).check()
    bad = found[found["kind"] == "not_a_number"].iloc[0]
    assert (bad["file"], bad["sheet"], bad["cell"], bad["line"]) == (
        str(spend), "Kinh phí", "E5", 5)
    assert bad["column"] == "Tổng mức đầu tư"
    assert found["table"].isna().all()
    from_csv = dxkit.read_budget(EXAMPLES / "thai_binh_2023_budget.csv").check()
    assert from_csv["sheet"].isna().all() and from_csv["cell"].isna().all()
    assert from_csv["table"].isna().all() and len(from_csv) > 0

    p = run("budget", spend, "--check", "--format", "json")
    assert p.returncode == 0, p.stderr
    item = next(f for f in json.loads(p.stdout)["findings"] if f["kind"] == "not_a_number")
    assert (item["file"], item["sheet"], item["table"], item["cell"]) == (
        str(spend), "Kinh phí", None, "E5")
    p = run("budget", spend, "--check")
    assert p.returncode == 0, p.stderr
    assert f"  {spend}, 'Kinh phí'!E5: error: not_a_number: " in p.stdout
    p = run("budget", spend, "--check", "--format", "csv")
    assert p.returncode == 0, p.stderr
    assert "kind,severity,file,line,label,column,reported,computed,message,sheet,table,cell" in (
        p.stdout)
    written = tmp_path / "budget_out.csv"
    written.write_text(p.stdout, encoding="utf-8")
    again = dxkit.read_budget(written).check()
    bad = again[again["kind"] == "not_a_number"].iloc[0]
    assert (bad["file"], bad["sheet"], bad["cell"], bad["line"]) == (
        str(spend), "Kinh phí", "E5", 5)

    # The JSON notes' places carry the part too: a code repeated on row 11 of the sheet.
    wb = openpyxl.load_workbook(book)
    ws = wb["Phụ lục 01"]
    ws["D10"] = "80%"
    for col, text in zip("BCDE", ["1", "Số doanh nghiệp số", "50", "60"], strict=True):
        ws[f"{col}11"] = text
    wb.save(book)
    p = run("evaluate", book, "--format", "json")
    assert p.returncode == 0, p.stderr
    notes = [n for n in json.loads(p.stdout)["notes"] if n["code"] == "duplicate_code"]
    assert [n["where"] for n in notes] == [{
        "file": str(book), "line": 11, "column": 2, "column_name": "code",
        "sheet": "Phụ lục 01", "table": None, "cell": "B11"}]


def test_excel_escapes_in_text_are_decoded(tmp_path):
    # Excel writes characters XML cannot hold as _xHHHH_ (a carriage return in a cell is
    # _x000D_, a literal "_x" sequence is protected by _x005F_); they are read as what they
    # stand for, a surrogate pair as one character, a lone surrogate as written.
    import zipfile

    import dxkit.report

    source = tmp_path / "source.xlsx"
    r = dxkit.evaluate(EXAMPLES / "thai_binh_2023_results.csv")
    dxkit.report.write(source, r)
    patched = tmp_path / "escaped.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(patched, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                text = data.decode("utf-8")
                assert "<t>STT</t>" in text or ">STT</t>" in text
                escaped = "S_x000D_T_x005F_x0054__xD83D__xDE00__xD800_"
                text = text.replace(">STT</t>", f">{escaped}</t>", 1)
                data = text.encode("utf-8")
            zout.writestr(item, data)
    doc = dxkit.read_document(patched)
    headers = [h for t in doc.tables for h in t.header]
    assert "S\rT_x0054_\U0001F600_xD800_" in headers, headers


def _stored_plan(path, old, new):
    """The Đồng Tháp plan with `old` replaced by `new` in its XML, written uncompressed (so that
    text of the same length gives a file of the same size)."""
    import zipfile
    with zipfile.ZipFile(EXAMPLES / "dong_thap_2023_plan.docx") as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                assert data.count(old) == 1
                data = data.replace(old, new)
            out.writestr(zipfile.ZipInfo(info.filename, info.date_time), data)


def test_readers_read_a_document_once_and_a_changed_one_again(tmp_path):
    import os

    from dxkit import document
    plan = tmp_path / "plan.docx"
    _stored_plan(plan, b">25,94%<", b">25,94%<")
    before = dxkit.evaluate(plan).counts
    assert before == {"exceeded": 6, "met": 7, "not_met": 2, "no_data": 0}
    assert document._shared(plan) is document._shared(plan)  # read once for several readers
    assert dxkit.read_budget(plan, table=2).total == dxkit.read_budget(
        EXAMPLES / "dong_thap_2022_investment.csv").total
    # Rewritten with the same size and the same modification time: read again all the same.
    was = os.stat(plan)
    _stored_plan(plan, b">25,94%<", b">95,94%<")
    os.utime(plan, ns=(was.st_atime_ns, was.st_mtime_ns))
    now = os.stat(plan)
    assert (now.st_size, now.st_mtime_ns) == (was.st_size, was.st_mtime_ns)
    assert dxkit.evaluate(plan).counts == {"exceeded": 7, "met": 7, "not_met": 1, "no_data": 0}
    # A file that no longer reads is an error, never the document read before.
    plan.write_bytes(b"STT,Chi tieu\n")
    with pytest.raises(dxkit.ParseError, match="not a readable zip container"):
        dxkit.evaluate(plan)
    plan.unlink()
    with pytest.raises(dxkit.Error, match="cannot open the file"):
        dxkit.evaluate(plan)
    # read_document gives the caller a document of its own, not the readers' shared one.
    _stored_plan(plan, b">25,94%<", b">25,94%<")
    assert dxkit.read_document(plan) is not dxkit.read_document(plan)
    assert dxkit.read_document(plan)._core is not document._shared(plan)._core


def test_excel_date_time_deadlines_keep_their_day_and_show_their_time(tmp_path):
    # A deadline typed into Excel as a date and time ("30/06/2023 17:00", a datetime cell with
    # a date-time format) reads as that day, and the time the sheet shows stays in the text; a
    # plain date cell beside it is the date alone.
    import datetime

    import openpyxl

    book = tmp_path / "nhiem_vu.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục VII"
    ws.append(["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"])
    ws.append([1, "Nâng cấp cổng dịch vụ công", "Sở TT&TT", "Các sở, ngành",
               datetime.datetime(2023, 6, 30, 17, 0)])
    ws.append([2, "Số hoá hồ sơ một cửa", "Văn phòng UBND tỉnh", "", datetime.date(2023, 9, 15)])
    ws["E2"].number_format = "dd/mm/yyyy hh:mm"
    ws["E3"].number_format = "dd/mm/yyyy"
    wb.save(book)
    doc = dxkit.read_document(book)
    frame = doc.tables[0].to_frame()
    assert frame.iloc[:, 4].tolist() == ["30/6/2023 17:00", "15/9/2023"]
    due = dxkit.read_assignments(book).due("2023-07-01")
    assert due["deadline"].tolist() == ["30/6/2023 17:00", "15/9/2023"]
    assert [d.date().isoformat() for d in due["last_day"]] == ["2023-06-30", "2023-09-15"]
    assert due["status"].tolist() == ["overdue", "open"]


def test_excel_formulas_saved_without_their_values_are_refused_at_the_cell(tmp_path):
    # openpyxl (and other programs that do not calculate) save a formula without its value: a
    # "Tổng cộng" row of =SUM(...) is then no number at all. It is never read as an empty
    # cell: the budget's check names the cell and says what to do; a result refuses the same.
    import openpyxl

    book = tmp_path / "kinh_phi.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kinh phí"
    ws.append(["STT", "Nội dung", "Kinh phí (triệu đồng)"])
    ws.append(["1", "Trung tâm dữ liệu", 1200])
    ws.append(["2", "Cổng dịch vụ công", 800])
    ws.append(["", "Tổng cộng", "=SUM(C2:C3)"])
    wb.save(book)
    frame = dxkit.read_document(book).tables[0].to_frame()
    assert frame.iloc[2, 2] == "=SUM(C2:C3)"
    findings = dxkit.read_budget(book, table=1).check()
    assert findings[["kind", "severity", "sheet", "cell"]].values.tolist() == [
        ["not_a_number", "error", "Kinh phí", "C4"]]
    assert findings["message"][0].startswith("a formula whose value the file does not store")

    results = tmp_path / "ket_qua.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục 01"
    ws.append(["STT", "Tên chỉ tiêu", "Mục tiêu", "Kết quả"])
    ws.append(["1", "Tỷ lệ hồ sơ trực tuyến", "80%", "=B5/B6"])
    wb.save(results)
    with pytest.raises(dxkit.ParseError) as caught:
        dxkit.evaluate(results)
    assert (caught.value.sheet, caught.value.cell) == ("Phụ lục 01", "D2")
    assert "a formula whose value the file does not store" in str(caught.value)
    assert str(caught.value).endswith("'=B5/B6'")
