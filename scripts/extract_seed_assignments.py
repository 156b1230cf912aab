"""Transcribe the seeds' assignment appendices (who does what by when) into examples/*.csv.

* Đồng Tháp 2023, Phụ lục VII: task, lead, supporting agencies, "Thời điểm đánh giá".
* Hải Dương 2023, Phụ lục 1: projects and tasks with "Thời gian thực hiện" (often blank).
* Hải Dương 2023, Phụ lục 2: targets with lead and supporting agencies, no deadline column
  (the plan is for 2023; `dxkit due --default-deadline "Cuối năm 2023"` applies the year).

Rows and cells are kept as printed; the export's <b>/<i> tags and <a> links are reduced to
their text and the header rows repeated at page breaks are dropped.

    python scripts/extract_seed_assignments.py ../shared/seeds
"""

import csv
import re
import sys
from pathlib import Path

TAGS = re.compile(r"</?(b|i)>")
LINK = re.compile(r'<a href="[^"]*">([^<]*)</a>')


def clean(cell: str) -> str:
    return re.sub(r"\s+", " ", LINK.sub(r"\1", TAGS.sub("", cell))).strip()


def table(lines, start_marker, stop_marker, header_first):
    start = next(i for i, line in enumerate(lines) if start_marker in line)
    after = range(start + 1, len(lines))
    stop = next((i for i in after if stop_marker and stop_marker in lines[i]), len(lines))
    header, rows = None, []
    for line in lines[start:stop]:
        if "\t" not in line:
            continue
        cells = [clean(c) for c in line.rstrip("\n").split("\t")]
        if cells[0] == header_first:
            header = header or cells
            continue
        rows.append(cells)
    return header, rows


def write(path: Path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow((r + [""] * len(header))[: len(header)])


def main(seeds: Path, out: Path) -> None:
    dt = (seeds / "002_9d522176ba99e809.txt").read_text(encoding="utf-8").split("\n")
    hd = (seeds / "003_4e401ceb505524e1.txt").read_text(encoding="utf-8").split("\n")
    header, rows = table(dt, "**Phụ lục VII**", None, "Stt")
    write(out / "dong_thap_2023_assignments.csv", header, rows)
    header, rows = table(hd, "**PHỤ LỤC 1**", "**PHỤ LỤC 2**", "STT")
    write(out / "hai_duong_2023_projects.csv", header, rows)
    header, rows = table(hd, "**PHỤ LỤC 2**", None, "STT")
    write(out / "hai_duong_2023_targets.csv", header, rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/seeds"), Path("examples"))
