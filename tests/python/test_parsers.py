import unicodedata

import pytest

import dxkit


def test_numbers_as_the_documents_write_them():
    assert dxkit.parse_number("75.428") == 75428
    assert dxkit.parse_number("1.650.380") == 1650380
    assert dxkit.parse_number("99,21") == pytest.approx(99.21)
    assert dxkit.parse_number("0,5") == 0.5
    assert dxkit.parse_number("01") == 1
    assert dxkit.parse_number("12.5", format="plain") == 12.5
    assert dxkit.parse_quantity("320 người") == (320.0, False, "người")
    assert dxkit.parse_quantity("99,21%") == (pytest.approx(99.21), True, "")
    assert dxkit.format_number(75428) == "75.428"


def test_twelve_point_five_is_an_error_that_says_why():
    with pytest.raises(dxkit.ParseError) as info:
        dxkit.parse_number("12.5")
    assert "groups of exactly three digits" in str(info.value)
    assert info.value.text == "12.5"
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, dxkit.Error)


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


def test_nfd_input_is_normalised():
    nfd = unicodedata.normalize("NFD", "Trên 75%")
    assert nfd != "Trên 75%"
    assert dxkit.parse_target(nfd).parts[0].condition == "more_than"
    assert dxkit.nfc(nfd) == "Trên 75%"


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
