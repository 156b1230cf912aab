"""The documentation's habits: every docs/ file the code or the docs name exists, and every
relative link in the README and docs/ points at a file that is there."""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = ["include", "src", "bindings", "python", "apps", "docs", "scripts", "tests", "examples"]
SUFFIXES = {".cpp", ".hpp", ".py", ".md", ".sh", ".txt"}


def _files():
    yield ROOT / "README.md"
    for top in SOURCES:
        for path in (ROOT / top).rglob("*"):
            if path.suffix in SUFFIXES and path.is_file() and "data" not in path.parts:
                yield path


def test_every_docs_file_named_exists():
    missing = []
    for path in _files():
        for name in re.findall(r"docs/[A-Za-z0-9_/.-]+?\.md", path.read_text(encoding="utf-8")):
            if not (ROOT / name).exists():
                missing.append(f"{path.relative_to(ROOT)}: {name}")
    assert missing == []


def test_relative_links_in_docs_resolve():
    broken = []
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    assert len(pages) > 5
    for page in pages:
        for target in re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert broken == []


def test_paths_named_in_docs_exist():
    """A file of the project named in the README or docs/ (`src/...`, `include/dxkit/...`,
    `examples/...`) is there: a move that forgets the docs fails here."""
    roots = ("include/", "src/", "bindings/", "python/", "apps/", "tests/", "examples/",
             "scripts/", "benchmarks/", "docs/")
    stale = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        for name in re.findall(r"`([A-Za-z0-9_./-]+)`", page.read_text(encoding="utf-8")):
            if name.startswith(roots) and "*" not in name and not (ROOT / name).exists():
                stale.append(f"{page.relative_to(ROOT)}: {name}")
    assert stale == []
