"""Warnings instead of silence: a code on two rows of a results table, a parent whose children
all weigh 0 (its scores NA), each said once with the place."""

import pathlib
import re

import pandas as pd
import pytest

import dxkit

ASEM = pathlib.Path(__file__).resolve().parents[1] / "data" / "coinr-asem"
PHYSICAL = ["LPI", "Flights", "Ship", "Bord", "Elec", "Gas", "ConSpeed", "Cov4G"]


def test_a_duplicate_indicator_code_is_a_located_warning(tmp_path):
    table = tmp_path / "results.csv"
    table.write_text("code,name,target,actual\n1,a,80%,100%\n2,b,90%,95%\n1,a,80%,100%\n",
                     encoding="utf-8")
    want = (f"{table}:4 (column 'code'): warning [duplicate_code]: indicator code '1' repeats "
            "line 2: both rows are scored and counted")
    with pytest.warns(UserWarning, match=re.escape(want)):
        r = dxkit.evaluate(table)
    assert len(r) == 3


def test_all_zero_weights_of_a_parent_warn_and_give_na():
    meta = ASEM / "ASEM_iMeta.csv"
    want = (f"{meta}:2 (column 'Weight'): warning [index.zero_weights]: every child of "
            "'Physical' has weight 0: its scores are NA (nothing to average)")
    with pytest.warns(UserWarning, match=re.escape(want)):
        r = dxkit.build_index(ASEM / "ASEM_iData.csv", meta, weights=dict.fromkeys(PHYSICAL, 0))
    aggregated = r.data("aggregated")
    assert aggregated["Physical"].isna().all()
    assert aggregated["Index"].notna().all()  # the other pillars still make the index
    assert ("index.zero_weights", "every child of 'Physical' has weight 0: its scores are NA "
            "(nothing to average)") in r.notes()
    assert isinstance(aggregated, pd.DataFrame)
