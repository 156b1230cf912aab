"""Regenerates the seed corpora of the document harnesses (docx, xlsx, document_text).

From examples/*.docx|*.xlsx and the fixtures of scripts/make_document_fixtures.py
(tests/data/documents): each file as it is when small enough, and rebuilt with only the parts
the reader uses (deflated, and stored so that the fuzzer sees the XML), plus hand-made edge
zips: an empty zip, a zip without its main part, an entry whose declared size is huge, a
truncated zip, text that is not a zip. document_text gets pieces of the seeds' text form
(tests/data/seeds) and the body XML of each .docx. Deterministic; run from anywhere:
``python3 tests/fuzz/make_document_corpus.py``.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fuzz" / "corpus"
MAX_BYTES = 60_000  # below the harnesses' -max_len (scripts/fuzz.sh)
DOCX_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml",
              "word/_rels/document.xml.rels")
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def rezip(parts: dict[str, bytes], method: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = method
            z.writestr(info, data)
    return buf.getvalue()


def huge_declared(data: bytes) -> bytes:
    """The zip with every entry's uncompressed size declared as 4 GB - 1 (local and central)."""
    out = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = out.find(sig)
        while at >= 0:
            out[at + offset:at + offset + 4] = struct.pack("<I", 0xFFFFFFFF)
            at = out.find(sig, at + 4)
    return bytes(out)


def zips(path: Path, keep: tuple[str, ...] | None, main: str) -> list[bytes]:
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()
                 if keep is None or i.filename in keep}
    out = [path.read_bytes(), rezip(parts, zipfile.ZIP_DEFLATED)]
    stored = rezip(parts, zipfile.ZIP_STORED)
    out.append(stored)
    out.append(huge_declared(out[1]))
    out.append(rezip({k: v for k, v in parts.items() if k != main}, zipfile.ZIP_DEFLATED))
    out.append(out[1][: len(out[1]) // 2])  # truncated
    return [b for b in out if len(b) <= MAX_BYTES]


def edges() -> list[bytes]:
    return [rezip({}, zipfile.ZIP_STORED), b"PK\x05\x06" + bytes(18), b"not a zip\n", b""]


def text_pieces(path: Path, limit: int = 4000) -> list[bytes]:
    out, cur = [], b""
    for line in path.read_bytes().splitlines(keepends=True):
        if len(cur) + len(line) > limit and cur:
            out.append(cur)
            cur = b""
        cur += line
    return out + ([cur] if cur else [])


def write(harness: str, inputs: list[bytes]) -> None:
    d = OUT / harness
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    for i, b in enumerate(inputs):
        (d / f"{i:03d}_{hashlib.sha1(b).hexdigest()[:16]}").write_bytes(b)


def main() -> None:
    docs = sorted((ROOT / "examples").glob("*.docx")) + sorted(
        (ROOT / "tests" / "data" / "documents").glob("*.docx"))
    books = sorted((ROOT / "examples").glob("*.xlsx")) + sorted(
        (ROOT / "tests" / "data" / "documents").glob("*.xlsx"))
    docx = [b for p in docs for b in zips(p, DOCX_PARTS, "word/document.xml")]
    xlsx = [b for p in books for b in zips(p, None, "xl/workbook.xml")]
    # A workbook whose sheet part is missing (the relation points nowhere).
    with zipfile.ZipFile(books[0]) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    xlsx.append(rezip({k: v for k, v in parts.items() if not k.startswith("xl/worksheets/")},
                      zipfile.ZIP_DEFLATED))
    write("docx", sorted(set(docx + edges())))
    write("xlsx", sorted(set(xlsx + edges())))
    text = [b for p in sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))
            for b in text_pieces(p)]
    for p in docs:
        with zipfile.ZipFile(p) as z:
            body = z.read("word/document.xml")
        if len(body) <= MAX_BYTES:
            text.append(body)
    write("document_text", sorted(set(text))[:40])


if __name__ == "__main__":
    main()
