"""Transcribe the seeds' budget appendices into examples/*.csv, in their published layout.

The seed documents are text exports of Word files: tables are tab-separated, page breaks
repeat the header, cells carry <b>/<i> tags. This script keeps the rows and cells as printed
(amounts untouched, including the ones that do not add up) and writes a first line with the
table's declared unit. Two repairs are made, both of the export, not of the figures:

* Thái Bình 2024 Phụ lục 03: the bullet lines "- Kinh phí bảo trì ..." that the export split
  into rows of their own are joined back into the Mục tiêu cell they belong to.
* Đồng Tháp 2022 Phụ lục II: the export shifted the grand-total row one cell to the right; its
  12.400 and 75.152 are put back under Năm 2021 and Năm 2022 (they are those columns' sums,
  and the plan's text gives 75,15 tỷ đồng).

Run from the repository root with the shared seeds beside it:
    python scripts/extract_seed_tables.py ../shared/seeds
"""

import csv
import re
import sys
from pathlib import Path

TAGS = re.compile(r"</?(b|i)>")


def rows_between(lines, start, stop):
    out = []
    for line in lines[start:stop]:
        if "\t" not in line:
            continue
        cells = [TAGS.sub("", c).strip() for c in line.rstrip("\n").split("\t")]
        out.append(cells)
    return out


def write(path, unit_line, header, rows):
    width = len(header)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(unit_line + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            r = (r + [""] * width)[:width]
            w.writerow(r)


def find(lines, text, after=0):
    for i in range(after, len(lines)):
        if text in lines[i]:
            return i
    raise SystemExit(f"not found: {text}")


def main(seeds: Path, out: Path) -> None:
    tb = (seeds / "000_b6cdd905ed66e69a.txt").read_text(encoding="utf-8").split("\n")
    dt = (seeds / "002_9d522176ba99e809.txt").read_text(encoding="utf-8").split("\n")

    def drop_headers(rows, first):
        return [r for r in rows if r[0] != first and not (r[0] == "" and r[3:4] == ["Vốn đầu tư"])
                and not (r[0] == "" and len(r) > 4 and r[4] == "Vốn đầu tư")]

    # Thái Bình 2023, Phụ lục 02.
    a = find(tb, "**Phụ lục 02**")
    b = find(tb, "**Phụ lục 03**")
    rows = drop_headers(rows_between(tb, a, b), "STT")
    header = ["STT", "Tên nhiệm vụ", "Mục tiêu", "Tổng mức đầu tư", "Vốn đầu tư",
              "Vốn sự nghiệp", "Vốn xã hội hóa", "Ghi chú"]
    write(out / "thai_binh_2023_budget.csv", "ĐVT: Triệu đồng", header, rows)

    # Thái Bình 2024, Phụ lục 03 (up to its Tổng cộng).
    a = b
    b = find(tb, "Tổng cộng:", a)
    rows = drop_headers(rows_between(tb, a, b + 1), "STT")
    fixed = []
    for r in rows:
        if r[0].startswith("- ") and all(c == "" for c in r[1:]):
            fixed[-1][2] += "\n" + r[0]  # an export split of the Mục tiêu cell
        else:
            fixed.append(r)
    write(out / "thai_binh_2024_budget.csv", "ĐVT: Triệu đồng", header, fixed)

    # Đồng Tháp 2022, Phụ lục II.
    a = find(dt, "**Phụ lục II**")
    b = find(dt, "**Phụ lục III**")
    rows = [r for r in rows_between(dt, a, b) if r[0] not in ("Stt",) and r[1:2] != [""] or
            r[0].startswith("TỔNG")]
    rows = [r for r in rows if not (r[0] == "" and "Năm 2021" in r)]
    for r in rows:
        if r[0].startswith("TỔNG"):
            r[:] = ["", r[0], "", "", "", "12.400", "75.152", ""]
    write(out / "dong_thap_2022_investment.csv", "ĐVT: Triệu đồng",
          ["Stt", "Tên dự án", "Tổng mức đầu tư", "Mục tiêu đầu tư", "Nguồn vốn", "Năm 2021",
           "Năm 2022", "Hiện trạng"], rows)

    # Đồng Tháp 2022, Phụ lục III.
    a = b
    b = find(dt, "**Phụ lục IV**")
    rows = [r for r in rows_between(dt, a, b) if r[0] != "Stt"]
    write(out / "dong_thap_2022_recurrent.csv", "ĐVT: Triệu đồng",
          ["Stt", "Danh mục", "Đơn vị thực hiện", "Kinh phí bố trí", "Nguồn kinh phí"], rows)

    # Đồng Tháp 2023, Phụ lục V.
    a = find(dt, "**Phụ lục V**")
    b = find(dt, "**Phụ lục VI**")
    rows = [r for r in rows_between(dt, a, b) if r[0] != "Stt"]
    write(out / "dong_thap_2023_investment.csv", "ĐVT: Triệu đồng",
          ["Stt", "Tên dự án", "QĐ đầu tư", "Tổng mức đầu tư", "Thời gian thực hiện",
           "Vốn năm 2023", "Ghi chú"], rows)

    # Đồng Tháp 2023, Phụ lục VI.
    a = b
    b = find(dt, "**Phụ lục VII**")
    rows = [r for r in rows_between(dt, a, b) if r[0] != "Stt"]
    write(out / "dong_thap_2023_recurrent.csv", "ĐVT: Triệu đồng",
          ["Stt", "Danh mục", "Đơn vị thực hiện", "Tổng cộng", "Nguồn kinh phí"], rows)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds"), Path("examples"))
