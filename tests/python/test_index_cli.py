import json
import pathlib
import subprocess

from test_cli import DXKIT

ASEM = pathlib.Path(__file__).resolve().parents[1] / "data" / "coinr-asem"


def test_index_command_reproduces_coinr_ranks():
    p = subprocess.run([DXKIT, "index", "--data", str(ASEM / "ASEM_iData.csv"), "--meta",
                        str(ASEM / "ASEM_iMeta.csv"), "--preset", "coinr_asem", "--output", "ranks",
                        "--format", "json"],
                       check=False, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    rows = {r["uCode"]: r for r in json.loads(p.stdout)["rows"]}
    # COINr's expected ranks of the index: Switzerland 1st, the Netherlands 2nd.
    assert rows["CHE"]["Index"] == 1 and rows["NLD"]["Index"] == 2
    assert len(rows) == 51


def test_index_command_bad_meta(tmp_path):
    meta = tmp_path / "iMeta.csv"
    meta.write_text("Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,P,Indicator\n",
                    encoding="utf-8")
    p = subprocess.run([DXKIT, "index", "--data", str(ASEM / "ASEM_iData.csv"), "--meta",
                        str(meta)], check=False, capture_output=True, text=True, timeout=60)
    assert p.returncode == 1
    assert "iMeta.csv:2 (column 'Parent'): parent 'P' of 'a' does not exist" in p.stderr


def run(*args):
    return subprocess.run([DXKIT, "index", "--data", str(ASEM / "ASEM_iData.csv"), "--meta",
                           str(ASEM / "ASEM_iMeta.csv"), "--preset", "coinr_asem", *args],
                          check=False, capture_output=True, text=True, timeout=120)


def test_index_command_methods_and_analyses():
    p = run("--set", "aggregate.level.4=geometric", "--output", "aggregated", "--format", "json")
    assert p.returncode == 0, p.stderr
    row = json.loads(p.stdout)["rows"][0]
    assert abs(row["Index"] - (row["Conn"] * row["Sust"]) ** 0.5) < 1e-9
    p = run("--output", "leave-one-out", "--level", "3", "--format", "csv")
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[0] == "iCode,mean_abs_shift,max_abs_shift,note"
    assert len(p.stdout.splitlines()) == 3
    p = run("--output", "pca", "--level", "2", "--format", "json")
    notes = [n["message"] for n in json.loads(p.stdout)["notes"]]
    assert any("negative loadings for Social" in n for n in notes)
    p = run("--output", "treatment", "--format", "json")
    rows = {r["code"]: r for r in json.loads(p.stdout)["rows"]}
    assert rows["Services"]["points"] == 4 and rows["LPI"]["passed"] is True
    for output in ("describe", "availability", "correlations", "alpha", "weights", "screening",
                   "optimised"):
        assert run("--output", output, "--level", "3").returncode == 0, output
    p = run("--output", "strengths")
    assert p.returncode == 1 and "--output strengths needs --unit" in p.stderr


def test_index_command_bad_options():
    p = run("--set", "normalise.LPI=goalposts(lo=1")
    assert p.returncode == 1 and "name(key=value" in p.stderr
    p = run("--normalise", "cubic")
    assert p.returncode == 1 and "unknown normalisation 'cubic'" in p.stderr
    p = run("--set", "colour=red")
    assert p.returncode == 1 and "unknown option 'colour'" in p.stderr
    p = run("--output", "wrong")
    assert p.returncode == 2


def test_index_command_panel():
    p = subprocess.run([DXKIT, "index", "--data", str(ASEM / "ASEM_iData_p.csv"), "--meta",
                        str(ASEM / "ASEM_iMeta.csv"), "--time", "2020", "--format", "json"],
                       check=False, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "time 2020" in [n["message"] for n in json.loads(p.stdout)["notes"]]


def test_index_command_uncertainty_and_sensitivity():
    common = ("--normalise", "minmax(lo=1,hi=100)", "--noise", "2=0.25", "--alt-aggregate",
              "geometric", "--seed", "9", "--format", "json")
    p = run("--uncertainty", "200", *common)
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)["rows"]
    assert rows[0]["uCode"] == "CHE" and rows[0]["nominal"] == 1
    assert all(r["p5"] <= r["median"] <= r["p95"] for r in rows)
    assert run("--uncertainty", "200", *common).stdout == p.stdout  # seeded
    p = run("--sensitivity", "50", "--bootstrap", "100", *common)
    assert p.returncode == 0, p.stderr
    params = [r["parameter"] for r in json.loads(p.stdout)["rows"]]
    assert params == ["weights.L2", "aggregation"]
    p = run("--uncertainty", "10", "--noise", "x=1")
    assert p.returncode == 1 and "write LEVEL=FACTOR" in p.stderr


def test_index_command_defaults_and_preset_notes():
    plain = subprocess.run([DXKIT, "index", "--data", str(ASEM / "ASEM_iData.csv"), "--meta",
                            str(ASEM / "ASEM_iMeta.csv"), "--format", "json"],
                           check=False, capture_output=True, text=True, timeout=60)
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)["notes"] == []
    p = run("--no-treat", "--format", "json")
    notes = [n["message"] for n in json.loads(p.stdout)["notes"]]
    assert notes[0].startswith("divided by the iMeta denominator: Flights / Population")
    assert notes[1].endswith("missing value(s) imputed (group_mean)")
    assert not any(n.startswith("outliers treated") for n in notes)
    assert any(n["message"].startswith("outliers treated")
               for n in json.loads(run("--format", "json").stdout)["notes"])


def test_index_command_aggregates_alone():
    lean = ("--set", "keep_data_sets=false", "--set", "keep_indicators=false")
    p = run(*lean, "--output", "ranks", "--format", "json")
    assert p.returncode == 0, p.stderr
    full = run("--output", "ranks", "--format", "json")
    got = {r["uCode"]: r for r in json.loads(p.stdout)["rows"]}
    want = {r["uCode"]: r for r in json.loads(full.stdout)["rows"]}
    assert "LPI" not in got["CHE"] and "LPI" in want["CHE"]  # an indicator: not kept
    assert all(got[u][k] == v for u in want for k, v in want[u].items() if k in got[u])
    assert got["CHE"]["Index"] == 1
    for output in ("correlations", "alpha"):
        p = run(*lean, "--output", output)
        assert p.returncode == 1
        assert f"--output {output} needs the normalised indicators" in p.stderr
    p = run("--set", "keep_indicators=false")
    assert p.returncode == 1 and "keep_indicators = false needs keep_data_sets = false" in p.stderr
