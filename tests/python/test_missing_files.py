"""A missing input file: every command exits with the documented status 1 and names the file
(docs/usage.md); Python raises dxkit.Error, never OSError."""

import re
import subprocess

import pytest
from test_cli import DXKIT

import dxkit

COMMANDS = [
    ["evaluate", "{missing}"],
    ["budget", "{missing}"],
    ["index", "--data", "{missing}", "--meta", "{missing}"],
    ["dti", "{missing}"],
    ["due", "{missing}", "--as-of", "2024-01-01"],
    ["progress", "{missing}"],
    ["check-text", "{missing}"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_exits_1_naming_the_missing_file(tmp_path, command):
    missing = str(tmp_path / "không có.csv")
    args = [a.format(missing=missing) for a in command]
    p = subprocess.run([DXKIT, *args], check=False, capture_output=True, text=True, timeout=60)
    assert p.returncode == 1, p.stderr
    assert p.stderr == f"dxkit: error: {missing}: cannot open the file\n"


@pytest.mark.parametrize("call", [
    lambda path: dxkit.evaluate(path),
    lambda path: dxkit.read_budget(path),
    lambda path: dxkit.build_index(path, path),
    lambda path: dxkit.read_assignments(path),
])
def test_python_raises_the_dxkit_error(tmp_path, call):
    missing = str(tmp_path / "none.csv")
    with pytest.raises(dxkit.Error, match=rf"^{re.escape(missing)}: cannot open the file$"):
        call(missing)
