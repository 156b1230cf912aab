"""
Word and Excel documents and their tables.
"""
from __future__ import annotations
import dxkit._core.text
import os
import typing
__all__: list[str] = ['DocumentCore', 'DocumentTable', 'is_document', 'is_office_document', 'parse_document', 'read_document']
class DocumentTable:
    """
    A table found in a document, with its caption and unit.
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def cell_name(self, row: typing.SupportsInt | typing.SupportsIndex, column: typing.SupportsInt | typing.SupportsIndex) -> str:
        """
        'B7' for a sheet cell, else 'row 7, column 2'.
        """
    @property
    def bold(self) -> list[bool]:
        """
        For each row: every cell with text in it is bold (a subtotal, a group heading).
        """
    @property
    def caption(self) -> str:
        """
        'Phụ lục 01 — KẾT QUẢ ...', or ''.
        """
    @property
    def cells(self) -> list[list[str]]:
        """
        cells[c][r]: the text of column c, row r (vertical merges filled).
        """
    @property
    def header(self) -> list[str]:
        """
        Column names; two header rows as 'A / B'.
        """
    @property
    def hidden(self) -> bool:
        """
        From a hidden sheet.
        """
    @property
    def kind(self) -> str:
        """
        results, budget, assignments, dti_scores or unknown.
        """
    @property
    def number(self) -> int:
        """
        1-based, in document order.
        """
    @property
    def place(self) -> str:
        """
        'table 2', 'tables 3-4' or "sheet 'X'".
        """
    @property
    def row_numbers(self) -> list[int]:
        """
        Each row's number in the file.
        """
    @property
    def types(self) -> list[list[str]]:
        """
        types[c][r]: empty, text, number, percent or date.
        """
    @property
    def unit(self) -> str:
        """
        The unit line's unit ('Triệu đồng'), or ''.
        """
class DocumentCore:
    """
    A document as read by the C++ core.
    """
    def choose(self, choice: str, kind: str) -> int:
        """
        The number of the table `choice` ('' = the only table of `kind`, a number, or caption text). Raises ValidationError listing the tables when it is not one.
        """
    def paragraph_text(self) -> str:
        """
        The paragraphs outside tables, one a line (line N = paragraph N), as check_text reads a plan's text.
        """
    def table_csv(self, number: typing.SupportsInt | typing.SupportsIndex) -> dxkit._core.text.Table:
        """
        Table `number` as the CSV table the readers take (rows numbered as in the file).
        """
    def write_csv(self, number: typing.SupportsInt | typing.SupportsIndex) -> str:
        """
        Table `number` as CSV text, as `dxkit extract` writes it.
        """
    @property
    def paragraphs(self) -> list[str]:
        """
        Paragraphs outside tables, in order.
        """
    @property
    def source(self) -> str:
        ...
    @property
    def tables(self) -> list[DocumentTable]:
        ...
def is_document(path: os.PathLike | str | bytes) -> bool:
    """
    True for .docx, .xlsx, .txt and .md.
    """
def is_office_document(path: os.PathLike | str | bytes) -> bool:
    """
    True for .docx and .xlsx in any case (.Docx, .XLSX): the files opened as documents.
    """
def parse_document(content: bytes, name: os.PathLike | str | bytes) -> DocumentCore:
    """
    Reads a document from the bytes of its file (its kind from `name`'s extension, `name` in messages): the same document as read_document on that file, an error where it gives one.
    """
def read_document(path: os.PathLike | str | bytes) -> DocumentCore:
    """
    Reads a .docx, .xlsx or text-form (.txt, .md) document and finds its tables.
    Raises ParseError / EncodingError naming the file and the part, sheet or cell.
    """
