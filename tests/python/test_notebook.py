"""The worked notebook examples/year_in_review.ipynb, executed headless (nbclient + ipykernel,
the `notebook-test` extra) as a reader would run it, so that it cannot rot: every cell runs
without an error and the figures it shows are the plans' own (the seed tallies and totals)."""

import pathlib

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def outputs():
    """{tag: (the text of the cell's outputs, the MIME types it displayed)}."""
    nb = nbformat.read(EXAMPLES / "year_in_review.ipynb", as_version=4)
    # Stored without outputs: the notebook in the repository is the source, not a result.
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(EXAMPLES)}})
    client.execute()
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts, kinds = [], set()
        for out in cell.outputs:
            assert out.output_type != "error", out
            if out.output_type == "stream":
                texts.append(out.text)
            else:
                kinds.update(out.data)
                texts.append(out.data.get("text/plain", ""))
        for tag in cell.metadata.get("tags", []):
            found[tag] = ("\n".join(texts), kinds)
    return found


def test_results_appendix_tally(outputs):
    text, kinds = outputs["results"]
    assert "Vượt: 6/15; Đạt: 7/15; Chưa đạt: 2/15" in text
    assert "text/html" in kinds
    not_met, _ = outputs["not_met"]
    assert "25,94%" in not_met and "20%" in not_met and not_met.count("Chưa đạt") == 2


def test_budget_totals_and_finding(outputs):
    text, _ = outputs["budget"]
    assert "vốn đầu tư (investment): 101.241 triệu đồng = 101,24 tỷ đồng" in text
    assert "kinh phí thường xuyên (recurrent): 52.609 triệu đồng = 52,61 tỷ đồng" in text
    assert "tổng (total): 153,85 tỷ đồng" in text
    findings, _ = outputs["findings"]
    assert "section III comes where section II was expected" in findings
    assert "dong_thap_2023_recurrent.csv" in findings and " 24 " in findings
    departments, _ = outputs["by_department"]
    assert "SỞ THÔNG TIN VÀ TRUYỀN THÔNG  16390000000" in departments


def test_dti_ranking_and_uncertainty(outputs):
    assert outputs["dti"][0] == "<DtiResult 5 units, first P3>"
    text, kinds = outputs["uncertainty"]
    assert "<Uncertainty 1000 replicates × 5 units of DTI>" in text and "text/html" in kinds
    ranks = {line.split()[0]: int(line.split()[1]) for line in text.splitlines()
             if line[:1] == "P"}
    assert ranks == {"P3": 1, "P5": 2, "P1": 3, "P2": 3, "P4": 5}


def test_progress_and_due_list(outputs):
    progress, _ = outputs["progress"]
    line = next(x for x in progress.splitlines() if "DT_KTS" in x)
    assert "trên 4%" in line and "4.2" in line and line.endswith("on_track")
    counts, _ = outputs["due_counts"]
    assert "overdue      15" in counts and "due_soon     33" in counts
    agencies, _ = outputs["due_by_agency"]
    assert agencies.splitlines()[2].split()[:3] == ["Sở", "TTTT", "7"]


def test_plots_and_files(outputs):
    for tag in ["plot_budget", "plot_uncertainty", "plot_progress", "plot_progress_2030",
                "plot_due"]:
        assert "image/png" in outputs[tag][1], tag
    text, _ = outputs["outputs"]
    for name in ["bao_cao_2023.xlsx", "ket_qua_2022.csv", "kinh_phi_phat_hien.csv",
                 "nhiem_vu_den_han.csv", "thoi_han.ics"]:
        assert name in text
