"""Regenerates the seed corpora of tests/fuzz/corpus/ from examples/ and tests/data/.

Whole tables are cut into pieces of at most 4 KB (the header kept on each piece), single
cells are taken from the columns that hold them. Run from anywhere:
``python3 tests/fuzz/make_corpus.py``. The output is deterministic.
"""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EX = ROOT / "examples"
COINR = ROOT / "tests" / "data" / "coinr-asem"
SEEDS = ROOT / "tests" / "data" / "seeds"
OUT = ROOT / "tests" / "fuzz" / "corpus"
MAX_BYTES = 4000
MAX_FILES = 24


def pieces(path: Path, header_lines: int = 1) -> list[bytes]:
    """The file cut into pieces of whole lines, each with the file's first header_lines."""
    lines = path.read_bytes().splitlines(keepends=True)
    head, body = b"".join(lines[:header_lines]), lines[header_lines:]
    out, cur = [], head
    for line in body:
        if len(cur) + len(line) > MAX_BYTES and cur != head:
            out.append(cur)
            cur = head
        cur += line
    if cur != head or not out:
        out.append(cur[:MAX_BYTES])
    return out


def cells(path: Path, names: tuple[str, ...], skip: int = 0) -> list[bytes]:
    """The non-empty cells of the columns whose header is one of names."""
    text = path.read_text(encoding="utf-8-sig").splitlines()[skip:]
    rows = list(csv.reader(io.StringIO("\n".join(text))))
    if not rows:
        return []
    cols = [i for i, h in enumerate(rows[0]) if h.strip().lower() in names]
    return [r[i].strip().encode() for r in rows[1:] for i in cols if i < len(r) and r[i].strip()]


def write(harness: str, inputs: list[bytes]) -> None:
    target = OUT / harness
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    seen: set[bytes] = set()
    for data in inputs:
        if data in seen or len(seen) >= MAX_FILES:
            continue
        seen.add(data)
        (target / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


# dxkit's own JSON output, which every table reader takes back (src/text/json_table.cpp).
EVALUATE_JSON = """{"schema": "dxkit/1", "command": "evaluate", "output": null, "source": "a.csv",
 "rows": [
  {"line": 2, "code": "1", "name": "Dịch vụ công", "target": "≥ 80%", "actual": "100%",
   "ratio": 1.25, "met": true, "status": "exceeded", "target_text": "80% trở lên",
   "actual_text": "100%"},
  {"line": 3, "code": "2", "name": "Kinh tế số", "target": "≥ 20% GRDP", "actual": "≈ 5% GRDP",
   "ratio": 0.25, "met": false, "status": "not_met", "target_text": "20% GRDP",
   "actual_text": "Dự kiến 5% GRDP", "note": null}],
 "notes": []}
""".encode()
DUE_JSON = """{"schema": "dxkit/1", "command": "due", "output": null, "rows": [
  {"No": "1", "task": "Cổng dữ liệu", "lead": "Sở TT&TT", "deadline": "Tháng 6/2023",
   "status": "done", "days": null},
  {"No": "2", "task": "LGSP", "lead": "Sở TTTT", "deadline": "Quý III/2023",
   "status": "overdue", "days": -3}]}
""".encode()

# dxkit budget's own output (the roll-up, with the findings block of --check), read back.
BUDGET_ROLLUP = """agency,source,amount,share
Sở Tư pháp,Vốn sự nghiệp,3210000000,0.15030904663794717
Sở Công Thương,Vốn xã hội hóa,55000000,0.0025753886495598426

kind,severity,file,line,label,column,reported,computed,message
row_sum,error,a.csv,50,Thương mại điện tử,Tổng mức đầu tư,732000000,877000000,Tổng 732 is not 877
""".encode()
BUDGET_YEARS = (b"year,period,tag,amount,share\n2021,2021 - 2023,,12400000000,0.14\n"
                b"2022,,x,75152000000,0.86\n")


def main() -> None:
    results = [EX / "thai_binh_2023_results.csv", EX / "dong_thap_2022_results.csv"]
    budgets = sorted(EX.glob("*_budget.csv")) + sorted(EX.glob("*_investment.csv"))
    budgets += sorted(EX.glob("*_recurrent.csv")) + [EX / "hai_duong_2023_projects.csv"]
    progress = [EX / "progress_digital_economy.csv", EX / "thai_binh_progress.csv"]
    write("target", [c for p in results for c in cells(p, ("target", "mục tiêu"))]
          + [c for p in progress for c in cells(p, ("value",))])
    write("result", [c for p in results for c in cells(p, ("actual", "kết quả thực hiện"))])
    numbers = ("75.428", "99,21", "1.650.380", "-3", "0,5", "12.5", "320 người", "99,21%",
               "1,650,380", "1e-05", "9223372036854775807", "Triệu đồng", "tỷ đồng")
    write("number", [s.encode() for s in numbers]
          + [c for p in budgets[:3] for c in cells(p, ("tổng mức đầu tư", "tổng"), skip=1)])
    write("deadline", cells(EX / "dong_thap_2023_assignments.csv", ("thời điểm đánh giá",))
          + cells(EX / "hai_duong_2023_projects.csv", ("thời gian thực hiện",))
          + [s.encode() for s in ("Quý III/2023", "Cuối năm 2023", "Trước 09/2023")]
          + ["Thường xuyên".encode(), b"30/3/2024", b"2023-09-30", b"2022 - 2024"])
    write("csv", [p for f in (EX / "thai_binh_mapping.csv", EX / "dti_synthetic_2022_points.csv",
                              EX / "thai_binh_2024_budget.csv") for p in pieces(f)]
          + [EVALUATE_JSON, DUE_JSON])
    write("indicators", [p for f in results + [EX / "hai_duong_2023_targets.csv"]
                         for p in pieces(f)] + [EVALUATE_JSON])
    write("budget", [p for f in budgets for p in pieces(f, header_lines=2)]
          + [BUDGET_ROLLUP, BUDGET_YEARS])
    write("index_meta", pieces(COINR / "ASEM_iMeta.csv") + [
        (COINR / "ASEM_iMeta.csv").read_bytes()[:MAX_BYTES]])
    write("index_data", pieces(COINR / "ASEM_iData.csv")[:8]
          + pieces(COINR / "ASEM_iData_p.csv")[:4])
    write("assignments", pieces(EX / "dong_thap_2023_assignments.csv")
          + pieces(EX / "hai_duong_2023_targets.csv") + [DUE_JSON])
    write("observations", [p for f in progress + [EX / "thai_binh_documents.csv",
                                                  EX / "thai_binh_mapping.csv"]
                           for p in pieces(f)])
    write("dti", published_dti() + [p for f in (EX / "department_sheet_2023.csv",
                              EX / "dti_synthetic_2022_points.csv",
                              EX / "dti_synthetic_2021_ranking.csv") for p in pieces(f)]
          + [b"steps(4=20;3=15;2=10;1=5)", "graded(chủ tịch=1;không=0)".encode(),
             b"yes_no", b"ratio"])
    write("check_text", [p for f in sorted(SEEDS.glob("*.txt")) for p in pieces(f, 0)[:6]])


def published_dti() -> list[bytes]:
    """The Ministry's published DTI 2022 table (scores on 0..1, scripts/make_document_fixtures.py)
    as CSV: '.' decimals with ',' between cells, and ',' decimals with ';' (Excel in Vietnamese)."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from make_document_fixtures import DTI_2022_HEADER, DTI_2022_ROWS

    out = []
    for sep, mark in ((",", "."), (";", ",")):
        lines = [sep.join(f'"{h}"' if sep in h else h for h in DTI_2022_HEADER)]
        lines += [sep.join(c if i == 1 else c.replace(".", mark) for i, c in enumerate(r))
                  for r in DTI_2022_ROWS]
        out.append(("\n".join(lines) + "\n").encode())
    return out


if __name__ == "__main__":
    main()
