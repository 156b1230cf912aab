"""Reading documents: a 200-page plan with 30 tables listed and read, and the seeds' appendices
read from the Word plan against the same appendices as CSV (benchmarks in docs/benchmarks.md).

    PYTHONPATH=python python3 benchmarks/compare_documents.py [--repeat 7] [--out DIR]

The large plan is generated here with python-docx (about 200 pages: 30 appendix tables of 60
rows between 2,400 paragraphs of text) into --out (default: a temporary folder), not committed.
Timings interleave the two ways (A, B, A, B, ...) and keep the best of each, since the machine
may be shared; the ratio is what to read. The .docx figure that counts is a first use (the
readers' cache of documents emptied before each repetition, so the plan is read once for its
three tables); the same calls on a plan already read, and with the plan read for every table,
are printed under it.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import docx

import dxkit
from dxkit.document import _forget_shared

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

TABLES, ROWS, PARAGRAPHS_BETWEEN = 30, 60, 80
SENTENCE = ("Tiếp tục triển khai các nhiệm vụ chuyển đổi số trên địa bàn tỉnh, phấn đấu đạt và "
            "vượt các chỉ tiêu Kế hoạch đề ra; tỷ lệ hồ sơ giải quyết trực tuyến đạt 85% trở lên.")


def make_large_plan(path):
    """About 200 pages of A4: 30 results tables of 60 rows (STT, Chỉ tiêu, Mục tiêu, Kết quả,
    Đơn vị chủ trì, Ghi chú), each after 80 paragraphs of text and a 'Phụ lục' caption."""
    doc = docx.Document()
    for t in range(1, TABLES + 1):
        for p in range(PARAGRAPHS_BETWEEN):
            doc.add_paragraph(f"{t}.{p + 1}. {SENTENCE}")
        doc.add_paragraph(f"Phụ lục {t:02d}").runs[0].bold = True
        doc.add_paragraph(f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NHÓM {t}")
        table = doc.add_table(rows=ROWS + 1, cols=6)
        for c, h in enumerate(["STT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Đơn vị chủ trì",
                               "Ghi chú"]):
            table.cell(0, c).text = h
        for r in range(1, ROWS + 1):
            cells = table.rows[r].cells
            cells[0].text = str(r)
            cells[1].text = f"Tỷ lệ dịch vụ công trực tuyến toàn trình nhóm {t}.{r}"
            cells[2].text = "80% trở lên"
            cells[3].text = f"{70 + (r * 7 + t) % 30},{r % 10}%"
            cells[4].text = "Sở Thông tin và Truyền thông"
            cells[5].text = ""
    doc.save(path)


def read_large(path):
    doc = dxkit.read_document(path)  # lists the tables: caption, kind, header, rows
    return [t.to_frame() for t in doc.tables]


def seeds_from_docx(plan):
    """A script's first use of the plan: the readers read it once for the three tables."""
    _forget_shared()
    return seeds_already_read(plan)


def seeds_already_read(plan):
    """The same calls again in the same process, the file unchanged (its bytes are still read
    and compared with those of the document kept)."""
    return (dxkit.evaluate(plan).counts, dxkit.read_budget(plan, table=2).total,
            dxkit.read_budget(plan, table=3).total)


def seeds_each_call_reads(plan):
    """As before the readers shared a read: the document read for every table."""
    _forget_shared()
    counts = dxkit.evaluate(plan).counts
    _forget_shared()
    investment = dxkit.read_budget(plan, table=2).total
    _forget_shared()
    return counts, investment, dxkit.read_budget(plan, table=3).total


def seeds_from_csv(_):
    return (dxkit.evaluate(EXAMPLES / "dong_thap_2022_results.csv").counts,
            dxkit.read_budget(EXAMPLES / "dong_thap_2022_investment.csv").total,
            dxkit.read_budget(EXAMPLES / "dong_thap_2022_recurrent.csv").total)


def interleaved(a, b, data, repeat):
    """Best times of a(data) and b(data), run alternately `repeat` times each."""
    ta, tb, out = [], [], None
    for _ in range(repeat):
        for fn, times in ((a, ta), (b, tb)):
            t0 = time.perf_counter()
            out = fn(data)
            times.append(time.perf_counter() - t0)
    return min(ta), min(tb), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    out = Path(args.out or tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    large = out / "large_plan.docx"
    if not large.exists():
        make_large_plan(large)
    doc = dxkit.read_document(large)
    rows = sum(t.shape[0] for t in doc.tables)
    print(f"large plan: {large.stat().st_size / 1e6:.1f} MB, {len(doc.paragraphs)} paragraphs, "
          f"{len(doc.tables)} tables, {rows} rows")
    best = min(_timed(read_large, large) for _ in range(args.repeat))
    print(f"listed and read (read_document + every table as a DataFrame): {best * 1000:.0f} ms")

    plan = EXAMPLES / "dong_thap_2023_plan.docx"
    assert seeds_from_docx(plan) == seeds_from_csv(plan), "the document and the CSV differ"
    t_doc, t_csv, _ = interleaved(seeds_from_docx, seeds_from_csv, plan, args.repeat)
    print(f"seeds' appendices (results + 2 budgets): .docx {t_doc * 1000:.2f} ms, "
          f"CSV {t_csv * 1000:.2f} ms, ratio {t_doc / t_csv:.2f}")
    for what, fn in (("already read", seeds_already_read),
                     ("read for each table", seeds_each_call_reads)):
        t_other, t_csv2, _ = interleaved(fn, seeds_from_csv, plan, args.repeat)
        print(f"  .docx {what}: {t_other * 1000:.2f} ms, CSV {t_csv2 * 1000:.2f} ms, "
              f"ratio {t_other / t_csv2:.2f}")
    return 0 if best < 1.0 and t_doc <= 2 * t_csv else 1


def _timed(fn, data):
    t0 = time.perf_counter()
    fn(data)
    return time.perf_counter() - t0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
