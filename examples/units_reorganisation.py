"""The seeds' provinces through the 2025 reorganisation: where Thái Bình, Hải Dương and Đồng
Tháp went, their figures carried into the provinces of 2026, and the seeds' lead agencies named
as the departments of 2026.

Run from the repository root: ``PYTHONPATH=python python3 examples/units_reorganisation.py``.
Figures marked "seed" come from the plans in tests/data/seeds; the others are made up to show
the rules and are marked "synthetic".
"""

import pandas as pd

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
