"""Runs inside a fresh venv that has only the dxkit wheel and its declared dependencies
(scripts/wheel.sh --test): imports the installed package, not the source tree, and checks the
seeds' figures through the Python API, the `dxkit` program and the bundled example script,
including the Word and Excel plans (libzip, zlib and pugixml, carried by the wheel).

DXKIT_EXAMPLES names the examples folder (data files only; nothing is imported from it)."""

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import dxkit

examples = Path(os.environ["DXKIT_EXAMPLES"])
site = Path(sysconfig.get_path("platlib"))
package = Path(dxkit.__file__).resolve()
assert package.is_relative_to(site.resolve()), f"dxkit imported from {package}, not {site}"
assert not any("python/dxkit" in p for p in sys.path), sys.path
print(f"dxkit {dxkit.__version__} from {package.parent}")

# Thái Bình 2023, Phụ lục 01 of plan 167/KH-UBND, bands 90/50 (the seed's 16 indicators).
r = dxkit.evaluate(str(examples / "thai_binh_2023_results.csv"), scheme="bands", bands=(90, 50))
assert r.counts == {"met": 10, "ge_90": 1, "ge_50": 3, "lt_50": 2, "no_data": 0}, r.counts
frame = r.to_frame()
assert len(frame) == 16 and str(frame["ratio"].dtype) == "Float64", frame.dtypes
print(r.summary())

# Thái Bình 2023 budget, Phụ lục 02: 75.428 triệu đồng, exact.
b = dxkit.read_budget(str(examples / "thai_binh_2023_budget.csv"))
assert b.total == 75_428_000_000, b.total
assert dxkit.format_money(b.total, "tỷ đồng", 2) == "75,43"
print("budget total", dxkit.format_money(b.total, "triệu đồng"), "triệu đồng")

# The Đồng Tháp 2023 plan as published (Word), and the Excel appendices: the libraries the
# wheel carries for documents (libzip with zlib, pugixml) load and read them.
r = dxkit.evaluate(str(examples / "dong_thap_2023_plan.docx"), scheme="exceed")
assert r.counts == {"exceeded": 6, "met": 7, "not_met": 2, "no_data": 0}, r.counts
workbook = dxkit.read_document(str(examples / "appendices_2023.xlsx"))
assert repr(workbook).endswith(": 5 tables>"), repr(workbook)


def run(*args: str) -> str:
    """stdout of a program run from the venv (isolated: -I for Python)."""
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


# The program installed beside the package, same version; the README's first example.
exe = Path(sys.executable).parent / "dxkit"
assert run(str(exe), "--version").strip().endswith(dxkit.__version__)
out = run(str(exe), "evaluate", str(examples / "dong_thap_2023_plan.docx"))
for line in ["Vượt (exceeded): 6/15", "Đạt (met): 7/15", "Chưa đạt (not_met): 2/15"]:
    assert line in out, out
out = run(str(exe), "evaluate", str(examples / "dong_thap_2022_results.csv"), "--scheme", "exceed")
assert "Vượt (exceeded): 6/15" in out, out
print(out.strip().splitlines()[-4])

# The bundled example script, run as a user would run it, and what it prints.
out = run(sys.executable, "-I", str(examples / "units_reorganisation.py"))
expected = [
    "Thái Bình -> Hưng Yên from 2025-07-01 (Resolution 202/2025/QH15)",
    "Tiền Giang -> Đồng Tháp from 2025-07-01",
    "Sở TTTT -> Sở Khoa học và Công nghệ",
    "Sở Y tế -> Sở Y tế",
]
for line in expected:
    assert line in out, f"{line!r} not in the example's output:\n{out}"
# Thái Bình's seed 5 % and Hưng Yên's 7 %, weighted by GRDP 140 and 130: 1610 / 270.
carried = [line.split() for line in out.splitlines() if line.startswith(" Hưng Yên  2023")]
assert len(carried) == 1 and carried[0][3] == f"{1610 / 270:.6f}", out
print(out.strip().splitlines()[0])
print("wheel smoke test: ok")
