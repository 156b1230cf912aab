#!/usr/bin/env bash
# Sets everything up, then scores the bundled sample data: a plan as a Word document first, then
# the seeds' results appendices.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dxkit="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/dxkit"
[ -x "$dxkit" ] || dxkit=dxkit
echo "== The Đồng Tháp 2023 plan as a Word document: its tables, then its results appendix scored"
"$dxkit" tables examples/dong_thap_2023_plan.docx
"$dxkit" evaluate examples/dong_thap_2023_plan.docx
echo
echo "== Thái Bình 2023 (Phụ lục 01 of plan 167/KH-UBND), scheme bands 90,50"
"$dxkit" evaluate examples/thai_binh_2023_results.csv --scheme bands --bands 90,50
echo
echo "== Đồng Tháp 2022 (Phụ lục I of the 2023 plan), scheme exceed"
"$dxkit" evaluate examples/dong_thap_2022_results.csv --scheme exceed
echo
echo "== Thái Bình 2023 budget (Phụ lục 02): totals by section and source, and what does not add up"
"$dxkit" budget examples/thai_binh_2023_budget.csv --by section,source --check
echo
echo "== COINr's ASEM index (tests/data/coinr-asem): COINr's pipeline, scores of the aggregates"
"$dxkit" index --data tests/data/coinr-asem/ASEM_iData.csv --meta tests/data/coinr-asem/ASEM_iMeta.csv --preset coinr_asem --output aggregated
echo
echo "== A DTI-style ranking (QĐ 922 structure) of a synthetic province set, against last year"
"$dxkit" dti examples/dti_synthetic_2022_points.csv --previous examples/dti_synthetic_2021_ranking.csv
echo
echo "== Department index (Hải Dương's 500-point template): what the appraisal council corrected"
"$dxkit" dti examples/department_sheet_2023.csv --framework haiduong_department --output differences
echo
echo "== How robust is the ASEM ranking? 1000 Monte Carlo replicates (weights ±25 %, geometric or arithmetic)"
"$dxkit" index --data tests/data/coinr-asem/ASEM_iData.csv --meta tests/data/coinr-asem/ASEM_iMeta.csv --preset coinr_asem --normalise "minmax(lo=1,hi=100)" --uncertainty 1000 --noise 2=0.25 --alt-aggregate geometric
echo
echo "== Are the digital-economy targets still reachable? (Đồng Tháp, Hải Dương, Thái Bình)"
"$dxkit" progress examples/progress_digital_economy.csv
echo
echo "== Đồng Tháp 2023 Phụ lục VII on 1 July 2023: who is late"
"$dxkit" due examples/dong_thap_2023_assignments.csv --as-of 2023-07-01 --by agency
echo
echo "== Where the Thái Bình 2024 plan disagrees with itself"
"$dxkit" check-text tests/data/seeds/thai_binh_2024_plan.txt --appendix examples/thai_binh_2023_results.csv
