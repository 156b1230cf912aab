"""Writes the name tables of the index, DTI and targets choices into docs/index.md, docs/dti.md
and docs/targets.md.

Each table sits between ``<!-- names:KIND -->`` and ``<!-- /names:KIND -->`` and is made
from the core's own name table (``index_names(kind)`` / ``dti_names(kind)`` /
``targets_names(kind)``), so the docs
list exactly the names the parser accepts. ``--check`` only reports stale tables (exit 1);
tests/python/test_index_names.py checks the same. Run with the built module on PYTHONPATH,
e.g. ``PYTHONPATH=python python3 scripts/gen_docs_names.py``.
"""

from __future__ import annotations

import pathlib
import re
import sys

DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs"
# docs file -> the kinds whose tables it holds
KINDS = {
    "index.md": ("imputation", "panel_imputation", "normalisation", "aggregation", "transform",
                 "ties", "objective", "data_set", "preset"),
    "dti.md": ("framework", "rule"),
    "targets.md": ("scheme",),
}
BLOCK = re.compile(r"<!-- names:(\w+) -->\n(.*?)<!-- /names:\1 -->", re.S)


def core_names(kind: str) -> list[tuple[str, str]]:
    """(name, meaning) pairs of one kind, from the core."""
    from dxkit import _core

    def find(attr):
        if hasattr(_core, attr):
            return getattr(_core, attr)
        for sub in ("index", "dti", "targets"):  # when the bindings are submodules of _core
            module = getattr(_core, sub, None)
            if module is not None and hasattr(module, attr):
                return getattr(module, attr)
        raise AttributeError(attr)

    if kind in KINDS["targets.md"]:
        return [tuple(p) for p in find("targets_names")(kind)]
    if kind in KINDS["dti.md"]:
        return [tuple(p) for p in find("dti_names")(kind)]
    return [tuple(p) for p in find("index_names")(kind)]


def table(kind: str) -> str:
    rows = "".join(f"| `{name}` | {meaning} |\n" for name, meaning in core_names(kind))
    return f"<!-- names:{kind} -->\n| name | meaning |\n|---|---|\n{rows}<!-- /names:{kind} -->"


def rendered(text: str) -> str:
    return BLOCK.sub(lambda m: table(m.group(1)), text)


def parse(text: str) -> dict[str, list[tuple[str, str]]]:
    """The tables of a docs page: kind -> [(name, meaning)] as written."""
    out = {}
    for m in BLOCK.finditer(text):
        rows = []
        for line in m.group(2).splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 2 and cells[0].startswith("`"):
                rows.append((cells[0].strip("`"), cells[1]))
        out[m.group(1)] = rows
    return out


def main(argv: list[str]) -> int:
    stale = []
    for page in KINDS:
        path = DOCS / page
        text = path.read_text(encoding="utf-8")
        new = rendered(text)
        if new != text:
            stale.append(page)
            if "--check" not in argv:
                path.write_text(new, encoding="utf-8")
    if stale and "--check" in argv:
        print("stale name tables in " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
