"""One version, written once: CMake's project(VERSION) line. The C++ header (DXKIT_VERSION,
dxkit::version()), the wheel's metadata (scikit-build-core's regex provider in pyproject.toml),
dxkit.__version__ and `dxkit --version` all come from it."""

import pathlib
import re
import subprocess

from test_cli import DXKIT

import dxkit

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROJECT_LINE = re.compile(r"project\(dxkit VERSION (\d+\.\d+\.\d+)")


def project_version() -> str:
    found = PROJECT_LINE.findall((ROOT / "CMakeLists.txt").read_text(encoding="utf-8"))
    assert len(found) == 1, found
    return found[0]


def test_python_and_program_report_the_cmake_version():
    version = project_version()
    assert dxkit.__version__ == version
    out = subprocess.run([DXKIT, "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == version


def test_pyproject_reads_the_same_line():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^dynamic = \["version"\]', text, re.M)
    assert not re.search(r"^version\s*=", text, re.M)  # no second copy of the number
    regex = re.search(r"^regex = '(.+)'$", text, re.M)[1]
    match = re.search(regex, (ROOT / "CMakeLists.txt").read_text(encoding="utf-8"))
    assert match and match["value"] == project_version()
    assert 'input = "CMakeLists.txt"' in text


def test_pandas_and_numpy_are_required():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    deps = re.search(r"^dependencies = \[(.*)\]$", text, re.M)[1]
    assert '"pandas>=1.5"' in deps and '"numpy>=1.22"' in deps
