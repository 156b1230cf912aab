"""dxkit.targets: targets and results parsed, tables evaluated."""


import numpy as np
import pandas as pd
import pytest

import dxkit


def test_targets():
    t = dxkit.parse_target("97% trở lên")
    assert t.parts[0].condition == "at_least"
    assert t.parts[0].low == 97 and t.parts[0].percent
    assert dxkit.parse_target("TRÊN 75%").parts[0].condition == "more_than"
    assert dxkit.parse_target("tối đa 5 ngày").parts[0].direction == "lower"
    assert dxkit.parse_target("6 - 8% GRDP").parts[0].condition == "within"
    assert dxkit.parse_target("Hoàn thành").is_milestone
    c = dxkit.parse_target("tỉnh: 90%; huyện: 80%; xã: 60%")
    assert c.is_compound and [p.label for p in c.parts] == ["tỉnh", "huyện", "xã"]
    assert str(c) == "tỉnh: ≥ 90%; huyện: ≥ 80%; xã: ≥ 60%"


def test_sentence_with_one_percentage_and_ambiguous_sentence():
    t = dxkit.parse_target("Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ đạt 80% trở lên.")
    assert t.describe() == "≥ 80%"
    with pytest.raises(dxkit.ParseError, match=r"2 percentages \(97%, 50%\)"):
        dxkit.parse_target("ký số đạt 97% trở lên, chữ ký số lãnh đạo đạt 50% trở lên")


def test_unknown_comparator_names_column_and_accepted_words():
    with pytest.raises(dxkit.ParseError) as info:
        dxkit.parse_target("gần 80%")
    assert info.value.column == 1
    assert "unknown comparator word 'gần'" in str(info.value)
    assert "tối thiểu X" in str(info.value)


def test_results():
    assert dxkit.parse_result("Trên 85%").parts[0].kind == "above"
    r = dxkit.parse_result("ước đạt 5%")
    assert r.is_estimate and r.parts[0].value == 5
    f = dxkit.parse_result("167.223/231.038").parts[0]
    assert (f.kind, f.value, f.denominator) == ("fraction", 167223, 231038)
    assert dxkit.parse_result("Hoàn thành").parts[0].kind == "done"
    assert not dxkit.parse_result("").has_data


def test_score_one_row():
    e = dxkit.score(dxkit.parse_target("95% trở lên"), dxkit.parse_result("Trên 95%"))
    assert e.met and e.exceeded
    e = dxkit.score(dxkit.parse_target("trên 50%"), dxkit.parse_result("50%"))
    assert not e.met
    with pytest.raises(dxkit.ValidationError, match="matches none of the target's parts"):
        dxkit.score(dxkit.parse_target("tỉnh: 90%; huyện: 80%"),
                    dxkit.parse_result("tỉnh: 90%; quận: 80%"))


def test_thai_binh_bands_reproduce_the_documents_tally(thai_binh):
    r = dxkit.evaluate(thai_binh, scheme="bands", bands=(90, 50))
    # "hoàn thành: 10/16; trên 50%: 04/16; dưới 50%: 02/16"
    assert r.counts == {"met": 10, "ge_90": 1, "ge_50": 3, "lt_50": 2, "no_data": 0}
    df = r.to_frame()
    assert len(df) == 16
    assert list(df.columns[:6]) == ["line", "code", "name", "pillar", "target", "actual"]
    for col in ("ratio", "met", "exceeded", "status", "label", "document_status"):
        assert col in df.columns
    # Every row's band agrees with the document's Ghi chú.
    def band(verdict):
        if verdict == "Hoàn thành":
            return "met"
        if verdict == "Đạt trên 90% mục tiêu":
            return "ge_90"
        if verdict == "Đạt trên 50% mục tiêu":
            return "ge_50"
        p = float(verdict.split()[1].rstrip("%"))
        return "ge_90" if p >= 90 else "ge_50" if p >= 50 else "lt_50"

    assert list(df["status"].astype(str)) == [band(v) for v in df["document_status"]]
    assert df.loc[df["code"] == "11", "ratio"].iloc[0] == pytest.approx(0.25)
    assert bool(df.loc[df["code"] == "11", "estimate"].iloc[0])


def test_dong_thap_exceed_reproduces_every_verdict(dong_thap):
    r = dxkit.evaluate(dong_thap)
    assert r.counts == {"exceeded": 6, "met": 7, "not_met": 2, "no_data": 0}
    df = r.to_frame()
    assert list(df["label"].astype(str)) == list(df["Đánh giá"])


def test_dataframe_source_with_text_and_vietnamese_headers(dong_thap):
    df = pd.read_csv(dong_thap, dtype=str, keep_default_na=False)
    r = dxkit.evaluate(df)
    assert r.counts["exceeded"] == 6
    assert r.source == "<DataFrame>"


def test_dataframe_with_float_cells_in_a_text_column():
    # 99.21 as a Python float must not be read as the malformed Vietnamese "99.21".
    df = pd.DataFrame({"code": ["a", "b", "c"], "target": ["80%", "trên 50", 5],
                       "actual": [99.21, "50", None]})
    f = dxkit.evaluate(df).to_frame()
    assert list(f["status"].astype(str)) == ["exceeded", "not_met", "no_data"]
    assert f["ratio"].isna().tolist() == [False, False, True]


def test_numeric_dataframe_uses_the_numeric_kernel():
    df = pd.DataFrame({"code": ["a", "b", "c", "d"],
                       "target": [80.0, 50.0, 5.0, 10.0],
                       "actual": [99.21, 25.94, 4.0, np.nan],
                       "direction": ["higher", "higher", "lower", "higher"]})
    r = dxkit.evaluate(df, scheme="exceed")
    assert r.status == ["exceeded", "not_met", "exceeded", "no_data"]
    assert isinstance(r.ratio, np.ndarray)
    assert r.ratio[2] == pytest.approx(1.25)
    f = r.to_frame()
    assert f["ratio"].isna().tolist() == [False, False, False, True]
    assert not np.isnan(np.asarray(r.ratio)).any()


def test_result_arrays_share_memory_with_the_core(thai_binh):
    r = dxkit.evaluate(thai_binh)
    assert r.ratio.base is not None  # a view, not a copy
    assert r.ratio.dtype == np.float64 and r.met.dtype == np.bool_


def test_repr_html_and_summary(thai_binh):
    r = dxkit.evaluate(thai_binh, scheme="bands")
    html = r._repr_html_()
    assert "Đạt trên 90% mục tiêu" in html and "10/16" in html and "<table>" in html
    assert "scheme bands (90, 50)" in html
    assert r.summary().startswith("Hoàn thành: 10/16")
    assert repr(r).startswith("<EvaluationResult bands rows=16 met=10")


def test_bad_input_names_file_row_and_column(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("code,name,target,actual\n1,a,80%,90%\n2,b,abc%,90%\n", encoding="utf-8")
    with pytest.raises(dxkit.ParseError) as info:
        dxkit.evaluate(p)
    e = info.value
    assert (e.line, e.column, e.column_name) == (3, 3, "target")
    assert e.file.endswith("bad.csv")
    assert "'abc' before '%' is not a number" in str(e)

    p.write_text("code,name,target\n1,a,80%\n", encoding="utf-8")
    with pytest.raises(dxkit.ValidationError, match="missing required column 'actual'"):
        dxkit.evaluate(p)

    p.write_bytes("code,name,target,actual\n1,a,80%,9\xff%\n".encode("latin-1"))
    with pytest.raises(dxkit.EncodingError) as info:
        dxkit.evaluate(p)
    assert (info.value.line, info.value.column) == (2, 4)

    df = pd.DataFrame({"code": ["1"], "target": ["12.5%"], "actual": ["1%"]})
    with pytest.raises(dxkit.ParseError) as info:
        dxkit.evaluate(df)
    assert info.value.line == 2 and info.value.column_name == "target"


def test_bad_arguments():
    with pytest.raises(dxkit.ValidationError, match="strictly decreasing"):
        dxkit.evaluate(pd.DataFrame({"code": [], "target": [], "actual": []}), scheme="bands",
                       bands=(50, 90))
    with pytest.raises(TypeError):
        dxkit.evaluate(42)


# The schemes are one name table in the core (kSchemes): the docstrings, the command-line help
# and docs/targets.md list exactly its names, and an unknown name is refused in its words.
def _scheme_names():
    return [name for name, _ in dxkit._core.targets.targets_names("scheme")]


def _docstring_choices(doc):
    import re
    return [re.findall(r'"(\w+)"', m) for m in re.findall(r"scheme`{0,2} : \{(.*?)\}", doc)]


def test_scheme_names_come_from_the_core_table():
    import dxkit.plan
    import dxkit.targets
    assert _scheme_names() == ["exceed", "bands"]
    assert all(meaning for _, meaning in dxkit._core.targets.targets_names("scheme"))
    for doc in (dxkit.targets.evaluate.__doc__, dxkit.plan.Plan.__doc__,
                dxkit.plan.read_plan.__doc__, dxkit.plan.check_tallies.__doc__):
        assert _docstring_choices(doc) == [_scheme_names()], doc
    with pytest.raises(dxkit.ValidationError,
                       match=r"^unknown scheme 'ranks'; accepted: exceed, bands$"):
        dxkit.evaluate(pd.DataFrame({"code": [], "target": [], "actual": []}), scheme="ranks")
    with pytest.raises(dxkit.ValidationError,
                       match=r"^unknown kind of choice 'colour'; accepted: scheme$"):
        dxkit._core.targets.targets_names("colour")


@pytest.mark.parametrize("command", ["evaluate", "check-text"])
def test_scheme_help_and_check_come_from_the_core_table(command):
    import re
    import subprocess

    from test_cli import DXKIT
    p = subprocess.run([DXKIT, command, "--help"], capture_output=True, text=True, check=True)
    assert ", ".join(_scheme_names()) in re.sub(r"\s+", " ", p.stdout)
    p = subprocess.run([DXKIT, command, "x.csv", "--scheme", "ranks"], capture_output=True,
                       text=True, check=False)
    assert p.returncode == 2
    assert "--scheme: ranks not in {exceed,bands}" in p.stderr
