"""Screenshots of dxkit's notebook displays and plots for docs/notebooks.md.

The displays are the golden files of tests/python/test_display.py (exactly what the tests
check), each opened as a page in headless Chromium (Debian's `chromium`, installed by
scripts/setup.sh) and saved as docs/img/display_<name>.png; the plots are drawn by
dxkit.plot from the examples and saved as docs/img/plot_<name>.png.

    PYTHONPATH=python python3 scripts/screenshots.py        (after bash scripts/dev.sh)
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "python" / "golden"
IMG = ROOT / "docs" / "img"

# Golden file -> (screenshot name, window height in pixels).
DISPLAYS = {
    "evaluation_thai_binh_2023": ("evaluation", 900),
    "budget_thai_binh_2023": ("budget", 700),
    "index_asem": ("index", 700),
    "dti_synthetic_2022": ("dti", 300),
    "uncertainty_asem": ("uncertainty", 900),
    "sensitivity_asem": ("sensitivity", 250),
    "progress_thai_binh": ("progress", 800),
    "due_dong_thap_2023": ("due", 1000),
    "plan_thai_binh": ("plan", 1000),
}


def browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("no Chromium found: apt-get install -y chromium (scripts/setup.sh does)")


def shoot(chromium: str, page: pathlib.Path, out: pathlib.Path, height: int) -> None:
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size=1100,{height}", f"--screenshot={out}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)


def displays() -> list[pathlib.Path]:
    chromium = browser()
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for golden, (name, height) in DISPLAYS.items():
            body = (GOLDEN / f"{golden}.html").read_text(encoding="utf-8")
            page = pathlib.Path(tmp) / f"{name}.html"
            page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
                            f"<body>{body}</body></html>", encoding="utf-8")
            out = IMG / f"display_{name}.png"
            shoot(chromium, page, out, height)
            written.append(out)
    return written


def plots() -> list[pathlib.Path]:
    import matplotlib

    matplotlib.use("Agg")
    import dxkit
    import dxkit.dti
    import dxkit.plot

    examples = ROOT / "examples"
    asem = ROOT / "tests" / "data" / "coinr-asem"
    index = dxkit.build_index(asem / "ASEM_iData.csv", asem / "ASEM_iMeta.csv", preset="coinr_asem")
    dti = dxkit.dti.score(examples / "dti_synthetic_2022_points.csv")
    plan = dxkit.read_plan(examples / "progress_digital_economy.csv",
                           examples / "dong_thap_2023_assignments.csv")
    drawn = {
        "scores": dxkit.plot.scores(dti),
        "framework": dxkit.plot.framework("dti_922"),
        "distribution": dxkit.plot.distribution(index, ["LPI", "Flights", "Ship", "Bord",
                                                        "Elec", "Gas"]),
        "correlation": dxkit.plot.correlation(index, ["LPI", "Flights", "Ship", "Bord",
                                                      "Elec", "Gas"]),
        "uncertainty": dxkit.plot.uncertainty(index.uncertainty(
            300, seed=1, weight_noise={2: 0.25}, progress=False)),
        "sensitivity": dxkit.plot.sensitivity(index.sensitivity(
            50, seed=1, weight_noise={2: 0.25}, normalisations=["rank"], progress=False)),
        "progress": dxkit.plot.progress(plan, "TB_KTS"),
        "budget": dxkit.plot.budget(dxkit.read_budget(examples / "thai_binh_2023_budget.csv")),
        "due": dxkit.plot.due(plan, "2023-07-01"),
    }
    written = []
    for name, ax in drawn.items():
        out = IMG / f"plot_{name}.png"
        ax.figure.savefig(out, dpi=80)
        written.append(out)
    return written


def main() -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    for path in displays() + plots():
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
