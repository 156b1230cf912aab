"""``dxkit.read_document``: the tables of a Word (.docx) or Excel (.xlsx) plan, or of the
seeds' text form, found and understood by the C++ core (caption, unit line, merged headers,
kind), each ready for the table readers (``dxkit.evaluate``, ``dxkit.read_budget``)."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict

from dxkit import _core
from dxkit._lazy import frames as _frames
from dxkit.report import Reportable


def is_office_document(source) -> bool:
    """True for a path to a .docx or .xlsx file, in any case (what the readers open as a
    document); the core's ``document::is_office_document`` decides."""
    return isinstance(source, (str, os.PathLike)) and _core.document.is_office_document(
        os.fspath(source))


class DocumentTable:
    """One table of a document: ``caption``, ``unit``, ``kind``, ``header``, ``to_frame()``."""

    def __init__(self, document: Document, core: _core.document.DocumentTable):
        self._document = document
        self._core = core

    number = property(lambda self: self._core.number, doc="1-based, in document order.")
    caption = property(lambda self: self._core.caption, doc="'Phụ lục 01 — ...', or ''.")
    unit = property(lambda self: self._core.unit, doc="The unit line's unit, or ''.")
    kind = property(lambda self: self._core.kind,
                    doc="results, budget, assignments, dti_scores or unknown.")
    place = property(lambda self: self._core.place, doc="'table 2' or \"sheet 'X'\".")
    hidden = property(lambda self: self._core.hidden, doc="From a hidden sheet.")
    header = property(lambda self: list(self._core.header),
                      doc="Column names; two header rows as 'Nguồn vốn / Vốn đầu tư'.")

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns) of the data, headers left out."""
        return len(self._core), len(self._core.header)

    def to_frame(self):
        """The cells as a DataFrame of str columns, named by the header."""
        return _frames.frame_from_table(self._document._core.table_csv(self.number))

    def to_csv(self) -> str:
        """The table as CSV text, as ``dxkit extract`` writes it ('ĐVT: ...' first when known)."""
        return self._document._core.write_csv(self.number)

    def cell_name(self, row: int, column: int) -> str:
        """'B7' for a sheet cell, else 'row 7, column 2' (0-based data row and column)."""
        return self._core.cell_name(row, column)

    def __repr__(self) -> str:
        rows, cols = self.shape
        return f"<DocumentTable {self.number} {self.kind}: {self.caption!r}, {rows} x {cols}>"


class Document(Reportable):
    """A document's tables (``tables``) and paragraphs outside them (``paragraphs``)."""

    def __init__(self, core: _core.document.DocumentCore):
        self._core = core
        self.tables = [DocumentTable(self, t) for t in core.tables]

    source = property(lambda self: self._core.source, doc="The file name used in messages.")
    paragraphs = property(lambda self: list(self._core.paragraphs))

    def table(self, table: int | str | None = None, kind: str = "unknown") -> DocumentTable:
        """The table numbered ``table``, the one whose caption contains it, or (None) the only
        table of ``kind``. Raises dxkit.ValidationError listing the tables otherwise."""
        choice = "" if table is None else str(table)
        return self.tables[self._core.choose(choice, kind) - 1]

    def _csv(self, table, kind: str):
        t = self.table(table, kind)
        return self._core.table_csv(t.number), t.unit

    def __repr__(self) -> str:
        return f"<Document {self.source}: {len(self.tables)} tables>"


def read_document(path) -> Document:
    """Read a .docx, .xlsx or text-form (.txt, .md) document and find its tables.

    Raises dxkit.ParseError / dxkit.EncodingError naming the file and the part (a broken zip,
    a zip bomb past 256 MB, malformed XML with its line, a bad cell with its sheet and cell).
    """
    return Document(_core.document.read_document(os.fspath(path)))


# The readers (evaluate, read_budget, dti, read_assignments, check_text, ...) given a document
# read it through this cache, so that a script taking three appendices from one plan opens,
# inflates and parses it once. The file's bytes are read on every call and compared with those
# the cached document was read from: a changed file is always read again, however quickly it
# was rewritten (a key of size and modification time can miss a rewrite within the clock's
# tick). A few documents are kept, each read from a file of at most _SHARED_FILE_BYTES.
_SHARED: OrderedDict[str, tuple[bytes, Document]] = OrderedDict()
_SHARED_ENTRIES = 8
_SHARED_FILE_BYTES = 16 << 20
_SHARED_LOCK = threading.Lock()


def _shared(path) -> Document:
    """The document at ``path`` for a reader: as ``read_document(path)`` reads it, parsed
    again only when the file's bytes differ from the last time. Not for users: the Document
    returned is shared between calls."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            if os.fstat(f.fileno()).st_size > _SHARED_FILE_BYTES:
                return read_document(name)
            content = f.read()
    except OSError:
        return read_document(name)  # the core's own message for a file it cannot open
    with _SHARED_LOCK:
        hit = _SHARED.get(name)
        if hit is not None and hit[0] == content:
            _SHARED.move_to_end(name)
            return hit[1]
    doc = Document(_core.document.parse_document(content, name))
    with _SHARED_LOCK:
        _SHARED[name] = (content, doc)
        _SHARED.move_to_end(name)
        while len(_SHARED) > _SHARED_ENTRIES:
            _SHARED.popitem(last=False)
    return doc


def _forget_shared() -> None:
    """Empties the readers' cache of documents (benchmarks time a first read with it)."""
    with _SHARED_LOCK:
        _SHARED.clear()
