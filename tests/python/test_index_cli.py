import json
import pathlib
import subprocess

from test_cli import DXKIT

ASEM = pathlib.Path(__file__).resolve().parents[1] / "data" / "coinr-asem"


def test_index_command_reproduces_coinr_ranks():
    p = subprocess.run([DXKIT, "index", "--data", str(ASEM / "ASEM_iData.csv"), "--meta",
                        str(ASEM / "ASEM_iMeta.csv"), "--output", "ranks", "--format", "json"],
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
