"""The seeds' provinces through the 2025 reorganisation: where Thái Bình, Hải Dương and Đồng
Tháp went, their figures carried into the provinces of 2026, and the seeds' lead agencies named
as the departments of 2026.

Run from the repository root: ``PYTHONPATH=python python3 examples/units_reorganisation.py``.
Figures marked "seed" come from the plans in tests/data/seeds; the others are made up to show
the rules and are marked "synthetic".
"""

import pathlib

import pandas as pd

import dxkit
import dxkit.units as u

for name in ["Thái Bình", "Hải Dương", "Đồng Tháp", "Tiền Giang"]:
    (to,) = u.successors(name, as_of="2023-01-01")
    print(f"{name} -> {to.name} from {to.date} ({to.source})")

observations = pd.DataFrame(
    [
        ("Thái Bình", "kts_grdp", 2023, 5.0),     # seed: "Tỷ trọng kinh tế số trong GRDP: 5%"
        ("Thái Bình", "GRDP", 2023, 140.0),       # synthetic
        ("Hưng Yên", "kts_grdp", 2023, 7.0),      # synthetic
        ("Hưng Yên", "GRDP", 2023, 130.0),        # synthetic
        ("Hải Dương", "kts_grdp", 2022, 8.48),    # seed: "kinh tế số chiếm khoảng 8,48% GRDP"
        ("Hải Dương", "GRDP", 2022, 150.0),       # synthetic
        ("Hải Phòng", "kts_grdp", 2022, 12.0),    # synthetic
        ("Hải Phòng", "GRDP", 2022, 300.0),       # synthetic
        ("Đồng Tháp", "kts_grdp", 2022, 3.7),     # seed: "ước đạt 3,7% GRDP tỉnh"
        ("Đồng Tháp", "GRDP", 2022, 100.0),       # synthetic; Tiền Giang left out on purpose
    ],
    columns=["unit", "indicator", "year", "value"],
)
carried = u.carry(observations, {"kts_grdp": "weighted_mean(GRDP)"}, as_of="2026-01-01")
print(carried[["unit", "year", "value", "from", "missing", "complete"]].to_string(index=False))
for note in carried.attrs["notes"]:
    print("note:", note)

agencies = u.agencies()
for lead in ["Sở TTTT", "Sở KHĐT", "UBND cấp huyện", "Sở Y tế"]:
    try:
        now = [d.name for d in u.successors(lead, as_of="2023-01-01", registry=agencies)]
    except ValueError:
        now = []  # not reorganised in 2025: the name stands
    print(f"{lead} -> {', '.join(now) or lead}")

# The seed's Thái Bình targets followed in Hưng Yên (dxkit progress --units 2025-07-01), and
# the Đồng Tháp appendix's tasks of Sở TTTT owed by its successor (dxkit due --units).
here = pathlib.Path(__file__).resolve().parent
followed = u.follow(here / "thai_binh_progress.csv", here / "thai_binh_documents.csv",
                    as_of="2025-07-01", mapping=here / "thai_binh_mapping.csv")
kts = followed[followed["indicator"] == "KTS"]
print(kts[["province", "original", "target_year", "target", "latest", "required",
           "status"]].to_string(index=False))

tasks = dxkit.read_assignments(here / "dong_thap_2023_assignments.csv")
due = tasks.due("2026-01-01", units="2026-01-01")
print(due[due["lead_original"] == "Sở TTTT"]["lead"].value_counts().to_string())
