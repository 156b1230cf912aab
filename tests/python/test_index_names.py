"""The names of every enumerated choice of the index and DTI areas come from one name table
in the core: the ``build_index`` docstring, ``dxkit index --help``, ``dxkit dti --help`` and
the docs tables must list exactly those names, so they cannot drift."""

import pathlib
import re
import subprocess
import sys

import pytest
from test_cli import DXKIT

import dxkit
import dxkit.index
from dxkit import _core

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import gen_docs_names  # noqa: E402


def names(kind):
    return [name for name, _ in gen_docs_names.core_names(kind)]


def test_core_tables_hold_names_and_meanings():
    assert names("ties") == ["min", "dense", "average"]
    assert names("objective") == ["balance", "infomax"]
    assert names("data_set") == ["denominated", "imputed", "screened", "treated", "normalised",
                                 "aggregated"]
    assert names("framework") == ["dti_922", "dti_1726", "haiduong_department"]
    assert names("rule") == ["points", "ratio", "steps", "graded", "yes_no"]
    for kind in ("imputation", "normalisation", "aggregation", "transform", "rule"):
        assert all(meaning for _, meaning in gen_docs_names.core_names(kind))


def test_unknown_kind_names_the_accepted_ones():
    with pytest.raises(dxkit.ValidationError,
                       match=r"^unknown kind of choice 'colour'; accepted: imputation, "
                             r"panel_imputation, normalisation, aggregation, transform, ties, "
                             r"objective, data_set$"):
        gen_docs_names.core_names("colour")
    with pytest.raises(dxkit.ValidationError,
                       match=r"^unknown kind of choice 'colour'; accepted: framework, rule$"):
        _dti_names()("colour")


def _dti_names():
    if hasattr(_core, "dti_names"):
        return _core.dti_names
    return _core.dti.dti_names


def docstring_lists():
    """parameter -> names listed in the bullet of build_index's docstring."""
    doc = dxkit.index.build_index.__doc__
    out = {}
    for m in re.finditer(r"^\s*- ([\w ]+?)(?: \(``data\(name\)``\))?: (.*?)(?=^\s*- |^\s*$)",
                         doc, re.M | re.S):
        text = re.sub(r"\s+", " ", m.group(2))
        text = re.sub(r"\(.*?\)", "", text)
        out[m.group(1)] = [n.strip() for n in text.split(",") if n.strip()]
    return out


@pytest.mark.parametrize("parameter, kind", [
    ("impute", "imputation"), ("panel_impute", "panel_imputation"),
    ("normalise", "normalisation"), ("aggregate", "aggregation"), ("transform", "transform"),
    ("data sets", "data_set"), ("preset", "preset"),
])
def test_build_index_docstring_lists_each_table(parameter, kind):
    assert docstring_lists()[parameter] == names(kind)


def test_index_help_lists_the_tables():
    p = subprocess.run([DXKIT, "index", "--help"], capture_output=True, text=True, check=True)
    text = re.sub(r"\s+", " ", p.stdout)
    for kind in ("imputation", "panel_imputation", "normalisation", "aggregation", "transform",
                 "ties", "objective", "data_set", "preset"):
        assert ", ".join(names(kind)) in text, kind


def test_dti_help_lists_the_frameworks():
    p = subprocess.run([DXKIT, "dti", "--help"], capture_output=True, text=True, check=True)
    assert ", ".join(names("framework")) in re.sub(r"\s+", " ", p.stdout)


def test_index_command_refuses_a_name_outside_the_table():
    p = subprocess.run([DXKIT, "index", "--data", "x.csv", "--meta", "y.csv", "--ties", "max"],
                       check=False, capture_output=True, text=True)
    assert p.returncode != 0
    assert "--ties: max not in {min,dense,average}" in p.stderr


@pytest.mark.parametrize("page, kinds", sorted(gen_docs_names.KINDS.items()))
def test_docs_tables_list_exactly_the_names(page, kinds):
    tables = gen_docs_names.parse((ROOT / "docs" / page).read_text(encoding="utf-8"))
    assert sorted(tables) == sorted(kinds)
    for kind in kinds:
        assert tables[kind] == gen_docs_names.core_names(kind), kind


def test_docs_generator_finds_nothing_stale():
    assert gen_docs_names.main(["--check"]) == 0
