"""dxkit.evaluate on a CSV path reads the file as columns (``evaluate_csv``: each distinct
target and result text parsed once, the cells made into str only when asked for) and gives
what the table of parsed rows gives (``evaluate_table`` on the file's table, the way every CSV
was scored before) and what the DataFrame path gives: the same answers, warnings with their
places, errors at the first bad cell, and the same to_frame(), on the seeds' tables and on
tricky rows."""

from __future__ import annotations

import pathlib
import warnings

import numpy as np
import pandas as pd
import pytest

import dxkit
from dxkit import _core
from dxkit.targets import _from_table

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"
SEEDS = [EXAMPLES / "thai_binh_2023_results.csv", EXAMPLES / "dong_thap_2022_results.csv"]

# A bare share (0,99 against 95 %), a blank line and a cell over two lines (so that lines are
# not row + 2), repeated codes past the 20 named, a direction, an estimate, a compound target,
# an empty result and a kept column.
TRICKY = ("code;name;pillar;target;actual;direction;Ghi chú\n"
          "1;A;Kinh tế số;95% trở lên;0,99;;a\n"
          "2;B;;tối đa 5 ngày;4 ngày;;\n"
          "\n"
          "1;C;;Trên 85%;ước đạt 90%;;b\n"
          '3;"D\nhai dòng";;6 - 8%;7%;;\n'
          "4;E;;80%;;;\n"
          "5;F;;5%;3%;lower;\n"
          '6;G;;"tỉnh: 90%; huyện: 80%";"tỉnh: 0,5; huyện: 85%";;\n'
          "7;H;;Hoàn thành;Hoàn thành;;\n"
          "8;I;;300 người;320;higher;\n"
          "9;J;;60/90;50/90;;\n" + "10;K;;97% trở lên;0,5;;\n" * 30)


def _by_rows(path, scheme, number_format="vietnamese"):
    """The table of parsed rows: one Target and one Result a row (the earlier CSV path)."""
    table = _core.text.read_csv(str(path))
    return _from_table(_core.targets.evaluate_table(table, scheme, number_format))


def _run(f):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        result = f()
    return result, [str(w.message) for w in got]


def _assert_same_frames(new, old):
    a, b = new.to_frame(), old.to_frame()
    assert list(a.columns) == list(b.columns)
    for c in a.columns:
        if c in ("target", "actual"):  # categoricals of the parsed texts, as for a DataFrame
            assert isinstance(a[c].dtype, pd.CategoricalDtype)
            assert a[c].astype(str).tolist() == b[c].astype(str).tolist(), c
        else:  # every other column as before, dtype included
            pd.testing.assert_series_equal(a[c], b[c], check_names=True)


def _assert_same(path, scheme="exceed", number_format="vietnamese"):
    sch = _core.targets.Scheme.from_name(scheme, [90.0, 50.0])
    new, new_warnings = _run(lambda: dxkit.evaluate(path, scheme, number_format=number_format))
    old, old_warnings = _run(lambda: _by_rows(path, sch, number_format))
    assert new_warnings == old_warnings
    assert len(new) == len(old)
    assert np.array_equal(np.asarray(new.ratio).view(np.int64),
                          np.asarray(old.ratio).view(np.int64))  # bit for bit
    for name in ("has_data", "met", "exceeded", "estimate", "status_codes"):
        assert np.array_equal(getattr(new, name), getattr(old, name)), name
    assert new.counts == old.counts
    assert new.summary() == old.summary()
    assert new.number_note == old.number_note
    assert new.source == old.source
    _assert_same_frames(new, old)
    return new, new_warnings


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
@pytest.mark.parametrize("scheme", ["exceed", "bands"])
def test_seeds_score_as_the_table_of_parsed_rows(path, scheme):
    _assert_same(path, scheme)
    _assert_same(path, scheme, number_format="auto")


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_score_as_the_dataframe_path(path):
    new, new_warnings = _run(lambda: dxkit.evaluate(path, "bands"))
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame, frame_warnings = _run(lambda: dxkit.evaluate(df, "bands"))
    assert [w.replace("<DataFrame>", str(path)) for w in frame_warnings] == new_warnings
    assert np.array_equal(new.ratio, frame.ratio)
    assert np.array_equal(new.status_codes, frame.status_codes)
    for c in ("target", "actual"):
        assert (new.to_frame()[c].astype(str).tolist()
                == frame.to_frame()[c].astype(str).tolist())


@pytest.mark.parametrize("scheme", ["exceed", "bands"])
def test_tricky_rows_score_and_warn_as_the_table_of_parsed_rows(tmp_path, scheme):
    path = tmp_path / "tricky.csv"
    path.write_text(TRICKY, encoding="utf-8")
    new, got = _assert_same(path, scheme)
    assert sum("[bare_share]" in w for w in got) == 32
    assert sum("[duplicate_code]" in w for w in got) == 21
    assert got[0].startswith(f"{path}:2:5 (column 'actual'): warning [bare_share]: the result "
                             "'0,99' has no '%' against the percentage target '95% trở lên'")
    # Lines as the file numbers them: a blank line and a cell over two lines.
    assert new.to_frame()["line"].tolist()[:5] == [2, 3, 5, 6, 8]
    assert new.to_frame()["Ghi chú"].tolist()[:3] == ["a", "", "b"]
    assert new.to_frame()["target_text"].tolist()[6] == "tỉnh: 90%; huyện: 80%"


def test_tricky_rows_score_as_the_dataframe_path(tmp_path):
    # The same rows without the blank line and the cell over two lines: row i is line i + 2.
    text = TRICKY.replace("\n\n", "\n").replace('"D\nhai dòng"', "D")
    path = tmp_path / "tricky.csv"
    path.write_text(text, encoding="utf-8")
    new, new_warnings = _run(lambda: dxkit.evaluate(path))
    df = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    frame, frame_warnings = _run(lambda: dxkit.evaluate(df))
    assert [w.replace("<DataFrame>", str(path)) for w in frame_warnings] == new_warnings
    assert np.array_equal(new.ratio, frame.ratio)
    assert np.array_equal(new.status_codes, frame.status_codes)
    assert np.array_equal(new.estimate, frame.estimate)


BAD = [
    # A bad target after a blank line: line 4, column 2.
    ("2,abc%,90%,\n", "ParseError", 4, 2),
    # On one row the direction comes first, then the target, then the result.
    ("2,abc%,x%,sideways\n", "ParseError", 4, 4),
    ("2,abc%,x%,\n", "ParseError", 4, 2),
    # A bad result on an earlier row than a bad target.
    ("2,80%,x%,\n3,abc%,90%,\n", "ParseError", 4, 3),
    # A bad target on an earlier row than a bad result, after a cell over two lines.
    ('"2\n",abc%,90%,\n3,80%,x%,\n', "ParseError", 4, 2),
    # A result that cannot be compared with its target.
    ("2,80%,Hoàn thành,\n", "ValidationError", 4, None),
]


@pytest.mark.parametrize("rows,kind,line,column", BAD)
def test_the_first_bad_cell_is_located_as_before(tmp_path, rows, kind, line, column):
    path = tmp_path / "bad.csv"
    path.write_text("code,target,actual,direction\n1,80%,90%,\n\n" + rows, encoding="utf-8")
    sch = _core.targets.Scheme.exceed()
    error = getattr(dxkit, kind)
    with pytest.raises(error) as new:
        dxkit.evaluate(path)
    with pytest.raises(error) as old:
        _by_rows(path, sch)
    assert str(new.value) == str(old.value)
    assert (new.value.file, new.value.line) == (str(path), line)
    assert (old.value.file, old.value.line) == (str(path), line)
    if column is not None:
        assert new.value.column == old.value.column == column


def test_mixed_number_styles_under_auto_fail_as_before(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text('code,target,actual\n1,80%,"99,21%"\n2,80%,0.9921\n', encoding="utf-8")
    with pytest.raises(dxkit.ParseError) as new:
        dxkit.evaluate(path, number_format="auto")
    with pytest.raises(dxkit.ParseError) as old:
        _by_rows(path, _core.targets.Scheme.exceed(), "auto")
    assert str(new.value) == str(old.value)
    assert new.value.line == 3


def test_cells_become_str_only_when_asked_for(tmp_path):
    path = tmp_path / "tricky.csv"
    path.write_text(TRICKY, encoding="utf-8")
    r, _ = _run(lambda: dxkit.evaluate(path))
    assert r._rows._made == {} and r._texts._made == {}  # nothing per row in Python yet
    assert r.summary()  # the tally needs no cell
    assert r._rows._made == {}
    assert r._rows["code"][:2] == ["1", "2"]
    assert set(r._rows._made) == {"code"}
