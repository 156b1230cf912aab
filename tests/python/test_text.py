"""dxkit.text: numbers as the documents write them, Unicode, the CSV reader."""

import unicodedata

import pytest

import dxkit
import dxkit.text


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


def test_nfd_input_is_normalised():
    nfd = unicodedata.normalize("NFD", "Trên 75%")
    assert nfd != "Trên 75%"
    assert dxkit.parse_target(nfd).parts[0].condition == "more_than"
    assert dxkit.nfc(nfd) == "Trên 75%"


def test_text_module_forwards_to_the_core():
    assert dxkit.text.parse_number("1.650.380") == 1650380.0
    assert dxkit.text.parse_number("1,650,380", "plain") == 1650380.0
    assert dxkit.text.format_number(99.21) == "99,21"
    assert dxkit.text.parse_quantity("320 người") == (320.0, False, "người")
    assert dxkit.text.fold("CHUYỂN ĐỔI SỐ") == dxkit.text.fold("chuyển đổi số")
    with pytest.raises(dxkit.ValidationError) as e:
        dxkit.text.parse_number("1", "german")
    assert str(e.value) == "unknown number format 'german'; accepted: vietnamese, plain"


def test_read_csv_is_the_core_reader(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("\ufeffMã;Giá trị\n A ;99,21\n\nB;\n", encoding="utf-8")
    t = dxkit.text.read_csv(path)
    assert t.header == ["Mã", "Giá trị"]
    assert t.columns == [["A", "B"], ["99,21", ""]]
    assert t.lines == [2, 4] and len(t) == 2 and t.source == str(path)
    with pytest.raises(dxkit.ValidationError) as e:
        dxkit.text.read_csv(path, ";;")
    assert str(e.value) == "the delimiter must be one character, or 'tab'"
    made = dxkit.text.table_from_columns(["a"], [["1", "2"]])
    assert made.lines == [2, 3] and made.source == "<DataFrame>"
    with pytest.raises(dxkit.ValidationError) as e:
        dxkit.text.table_from_columns(["a", "b"], [["1"], ["1", "2"]])
    assert str(e.value) == "the columns differ in length"
