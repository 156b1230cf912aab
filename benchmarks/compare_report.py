"""Writing the results appendix as an .xlsx workbook from Python: dxkit's writer (C++, through
``EvaluationResult.to_excel``) against what an analyst would write it with otherwise
(benchmarks in docs/benchmarks.md, "The Excel report").

    PYTHONPATH=python python3 benchmarks/compare_report.py [--rows 1000 100000] [--repeat 5]

The table is the Thái Bình 2023 appendix (16 indicators, 3 pillars) repeated to ``--rows``
rows, a new pillar every 20 rows, scored once by dxkit; what is timed is writing the file. The
peers write the same layout: the title row merged across, the bold headers on their fill, the
frozen header, a bold group row merged across where the pillar changes, the ratio as a number
cell with a percent format and the verdict on its colour:

- ``xlsxwriter`` (the fastest Python writer; its default mode, faster than ``constant_memory``
  at these sizes),
- ``openpyxl`` in write-only mode (its fast mode; styled cells),
- ``DataFrame.to_excel`` (openpyxl underneath; no layout at all: what pandas gives in one call).

Timings interleave the ways (A, B, C, A, B, C, ...) and keep the best of each, since the machine
may be shared; the ratios are what to read. Every file is read back once with openpyxl to check
that it holds the rows (not timed).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import dxkit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "thai_binh_2023_results.csv"
HEADERS = ["STT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Tỷ lệ đạt", "Đánh giá"]
FILLS = {"exceeded": "B7E4C7", "met": "DCF5E3", "not_met": "FFC9C9", "no_data": "E5E5E5"}


def make_table(rows: int, folder: Path):
    """The seed's rows repeated to `rows`, a pillar every 20 rows; scored once."""
    seed = pd.read_csv(SEED, dtype=str, keep_default_na=False)
    reps = -(-rows // len(seed))
    table = pd.concat([seed] * reps, ignore_index=True).iloc[:rows].copy()
    table["code"] = [str(i + 1) for i in range(rows)]
    table["pillar"] = [f"Nhóm {i // 20 + 1}" for i in range(rows)]
    path = folder / f"results_{rows}.csv"
    table.to_csv(path, index=False)
    result = dxkit.evaluate(path)
    frame = result.to_frame()
    return result, frame


def appendix_rows(frame: pd.DataFrame):
    """What every peer writes: (kind, values) per row; the ratio a float or None."""
    out = []
    pillar = None
    codes = frame["code"].astype(str).tolist()
    names = frame["name"].astype(str).tolist()
    targets = frame["target"].astype(str).tolist()
    actuals = frame["actual"].astype(str).tolist()
    pillars = frame["pillar"].astype(str).tolist()
    ratios = frame["ratio"].to_numpy(dtype=float, na_value=np.nan).tolist()
    statuses = frame["status"].astype(str).tolist()
    labels = frame["label"].astype(str).tolist()
    for i in range(len(frame)):
        if pillars[i] != pillar:
            pillar = pillars[i]
            out.append(("group", pillar))
        r = ratios[i]
        out.append(("item", (codes[i], names[i], targets[i], actuals[i],
                             None if r != r else r, labels[i], statuses[i])))
    return out


def write_xlsxwriter(path, rows):
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Kết quả")
    title = book.add_format({"bold": True, "align": "center"})
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                              "align": "center", "text_wrap": True})
    group = book.add_format({"bold": True, "border": 1, "text_wrap": True})
    plain = book.add_format({"border": 1, "text_wrap": True})
    percent = book.add_format({"border": 1, "num_format": "[$-42A]0.00%"})
    verdict = {k: book.add_format({"border": 1, "bg_color": "#" + v, "align": "center"})
               for k, v in FILLS.items()}
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 48)
    ws.set_column(2, 3, 30)
    ws.set_column(4, 5, 14)
    ws.freeze_panes(2, 0)
    ws.merge_range(0, 0, 0, 5, "KẾT QUẢ THỰC HIỆN CHỈ TIÊU", title)
    ws.write_row(1, 0, HEADERS, header)
    r = 2
    for kind, values in rows:
        if kind == "group":
            ws.write(r, 0, "", group)
            ws.merge_range(r, 1, r, 5, values, group)
        else:
            code, name, target, actual, ratio, label, status = values
            ws.write_string(r, 0, code, plain)
            ws.write_string(r, 1, name, plain)
            ws.write_string(r, 2, target, plain)
            ws.write_string(r, 3, actual, plain)
            if ratio is None:
                ws.write_blank(r, 4, None, plain)
            else:
                ws.write_number(r, 4, ratio, percent)
            ws.write_string(r, 5, label, verdict.get(status, plain))
        r += 1
    book.close()


def write_openpyxl(path, rows):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    book = Workbook(write_only=True)
    ws = book.create_sheet("Kết quả")
    side = Side(style="thin")
    border = Border(left=side, right=side, top=side, bottom=side)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True)
    fills = {k: PatternFill("solid", fgColor=v) for k, v in FILLS.items()}
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for letter, width in zip("ABCDEF", (6, 48, 30, 30, 14, 14)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A3"

    def cell(value, *, font=None, fill=None, fmt=None):
        c = WriteOnlyCell(ws, value=value)
        c.border = border
        c.alignment = wrap
        if font is not None:
            c.font = font
        if fill is not None:
            c.fill = fill
        if fmt is not None:
            c.number_format = fmt
        return c

    merges = ["A1:F1"]
    ws.append([cell("KẾT QUẢ THỰC HIỆN CHỈ TIÊU", font=bold)])
    ws.append([cell(h, font=bold, fill=header_fill) for h in HEADERS])
    r = 3
    for kind, values in rows:
        if kind == "group":
            ws.append([cell("", font=bold), cell(values, font=bold)])
            merges.append(f"B{r}:F{r}")
        else:
            code, name, target, actual, ratio, label, status = values
            ws.append([cell(code), cell(name), cell(target), cell(actual),
                       cell(ratio, fmt="[$-42A]0.00%"), cell(label, fill=fills.get(status))])
        r += 1
    for m in merges:
        ws.merged_cells.add(m)
    book.save(path)


def write_pandas(path, frame):
    frame.to_excel(path, index=False)


def best_times(ways, repeat):
    best = {name: float("inf") for name, _ in ways}
    for _ in range(repeat):
        for name, fn in ways:
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    try:
        import openpyxl
        import xlsxwriter  # noqa: F401
    except ImportError as e:
        print(f"compare_report.py needs openpyxl and xlsxwriter (pip install '.[bench]'): {e}",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("| rows | dxkit `to_excel` | xlsxwriter | openpyxl (write-only) | "
              "`DataFrame.to_excel` (no layout) | xlsxwriter / dxkit |")
        print("|---:|---:|---:|---:|---:|---:|")
        for n in args.rows:
            result, frame = make_table(n, folder)
            rows = appendix_rows(frame)
            paths = {k: folder / f"{k}_{n}.xlsx" for k in ("dxkit", "xw", "op", "pd")}
            ways = [
                ("dxkit", lambda r=result, p=paths["dxkit"]: r.to_excel(p)),
                ("xw", lambda p=paths["xw"], x=rows: write_xlsxwriter(p, x)),
                ("op", lambda p=paths["op"], x=rows: write_openpyxl(p, x)),
                ("pd", lambda p=paths["pd"], f=frame: write_pandas(p, f)),
            ]
            best = best_times(ways, args.repeat)
            for key, p in paths.items():  # each file holds every row (not timed)
                ws = openpyxl.load_workbook(p, read_only=True).worksheets[0]
                items = sum(1 for row in ws.iter_rows(values_only=True)
                            if sum(v not in (None, "") for v in row) >= 4) - 1  # the header
                if items < n:
                    print(f"{key}: {items} item rows of {n}", file=sys.stderr)
                    return 1
            print(f"| {n:,} | {best['dxkit'] * 1e3:.1f} ms | {best['xw'] * 1e3:.1f} ms | "
                  f"{best['op'] * 1e3:.1f} ms | {best['pd'] * 1e3:.1f} ms | "
                  f"{best['xw'] / best['dxkit']:.1f}× |", flush=True)
            for p in paths.values():
                os.remove(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
