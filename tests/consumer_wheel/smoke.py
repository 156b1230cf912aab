"""Runs inside a fresh venv that has only the dxkit wheel and its declared dependencies
(scripts/wheel.sh --test): imports the installed package, not the source tree, and checks the
seeds' figures through the Python API, the `dxkit` program and the bundled example script.

DXKIT_EXAMPLES names the examples folder (data files only; nothing is imported from it)."""

import os
import runpy
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

# The program installed beside the package, same version, same tally.
exe = Path(sys.executable).parent / "dxkit"
version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
assert version.stdout.strip().endswith(dxkit.__version__), version.stdout
out = subprocess.run(
    [str(exe), "evaluate", str(examples / "dong_thap_2022_results.csv"), "--scheme", "exceed"],
    capture_output=True, text=True, check=True).stdout
print(out.strip().splitlines()[-1])

# The bundled example script runs as a user would run it.
runpy.run_path(str(examples / "units_reorganisation.py"), run_name="__main__")
print("wheel smoke test: ok")
