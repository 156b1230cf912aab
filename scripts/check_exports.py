"""Checks that every public declaration of include/dxkit carries DXKIT_API.

libdxkit is built with hidden visibility (CMakeLists.txt), so a shared library exports only what
carries DXKIT_API (include/dxkit/export.hpp). A public class, struct or non-inline function
declared without it compiles, and then fails to link in a program using the shared library:
this script finds those first. It reads each header as C++ tokens at namespace scope (comments
and strings removed, class bodies skipped), so it sees:

- a class or struct definition (``struct Name {`` or ``class Name : Base {``): needs
  ``struct DXKIT_API Name``;
- a function declaration ending in ``;`` that is not inline, constexpr, a template or deleted:
  needs DXKIT_API before its return type (after any ``[[nodiscard]]``);
- an ``extern`` variable: needs DXKIT_API.

Headers under a ``detail/`` folder are internal (not exported). ``--fix`` inserts the missing
macros. Exit status 1 lists each missing one as ``file:line: what``. Run by ctest
(``exports_check``) and usable by hand: ``python3 scripts/check_exports.py [--fix]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_WORDS = ("inline", "constexpr", "consteval", "template", "using", "typedef", "static_assert",
              "friend", "namespace", "enum", "static")


def blank_comments_and_strings(text: str) -> str:
    """The text with comments, string and character literals replaced by spaces (offsets kept)."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif text[i] in "\"'":
            quote, j = text[i], i + 1
            while j < n and text[j] != quote:
                j += 2 if text[j] == "\\" else 1
            j += 1
        elif text[i] == "#":  # a preprocessor line
            j = text.find("\n", i)
            j = n if j < 0 else j
        else:
            i += 1
            continue
        for k in range(i, min(j, n)):
            if out[k] != "\n":
                out[k] = " "
        i = j
    return "".join(out)


def matching_brace(code: str, open_at: int) -> int:
    depth = 0
    for k in range(open_at, len(code)):
        if code[k] == "{":
            depth += 1
        elif code[k] == "}":
            depth -= 1
            if depth == 0:
                return k
    return len(code) - 1


def matching_paren(code: str, open_at: int) -> int:
    depth = 0
    for k in range(open_at, len(code)):
        if code[k] == "(":
            depth += 1
        elif code[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    return len(code) - 1


def statement_start(code: str, start: int) -> int:
    """The first non-space offset at or after `start`."""
    while start < len(code) and code[start].isspace():
        start += 1
    return start


def after_attributes(code: str, at: int) -> int:
    """`at` moved past leading [[...]] attributes."""
    while code.startswith("[[", at):
        at = statement_start(code, code.index("]]", at) + 2)
    return at


CLASS_HEAD = re.compile(r"(struct|class)\s+(?!DXKIT_API\b)([A-Za-z_]\w*)\s*(final\s*)?[:{]")


def missing(code: str) -> list[tuple[int, str]]:
    """(offset where DXKIT_API goes, what) for each declaration lacking it."""
    found: list[tuple[int, str]] = []
    i = 0
    start = statement_start(code, 0)
    while i < len(code):
        c = code[i]
        if c == "}":  # the end of a namespace
            i += 1
            start = statement_start(code, i)
            continue
        if c == "(":  # a parameter list: its `= {}` default arguments are not bodies
            i = matching_paren(code, i) + 1
            continue
        if c not in "{;":
            i += 1
            continue
        stmt = code[start:i]
        words = stmt.split()
        head = after_attributes(code, start)
        first = words[0] if words else ""
        if c == "{" and first == "namespace":
            i += 1  # into the namespace: its declarations are at namespace scope too
        elif c == "{":
            is_class = first in ("struct", "class") and CLASS_HEAD.match(code, head)
            if is_class:
                found.append((head + len(first), f"{first} {CLASS_HEAD.match(code, head)[2]}"))
            i = matching_brace(code, i) + 1
            # a class definition ends in `};`
            if i < len(code) and code[statement_start(code, i)] == ";":
                i = statement_start(code, i) + 1
        else:
            flat = " ".join(words)
            plain = re.sub(r"\[\[.*?\]\]", "", flat).strip()
            first_plain = plain.split()[0] if plain else ""
            if ("DXKIT_API" not in flat and first_plain not in SKIP_WORDS and plain
                    and not first_plain.startswith("[[")):
                if first_plain == "extern":
                    found.append((head, "extern " + plain.split("(")[0].split()[-1]))
                elif "(" in plain and not plain.endswith("= delete") and not re.match(
                        r"(struct|class|union)\s+\w+$", plain):
                    name = plain.split("(")[0].split()[-1]
                    found.append((head, f"function {name}"))
            i += 1
        start = statement_start(code, i)
    return found


def with_export_include(text: str) -> str:
    """`text` including dxkit/export.hpp: beside its other dxkit includes, else in a block of
    its own after the last include (or after #pragma once)."""
    line = '#include "dxkit/export.hpp"\n'
    first_own = re.search(r'^#include "dxkit/', text, re.M)
    if first_own:
        return text[:first_own.start()] + line + text[first_own.start():]
    includes = list(re.finditer(r"^#include .*\n", text, re.M))
    if includes:
        end = includes[-1].end()
        return text[:end] + "\n" + line + text[end:]
    return text.replace("#pragma once\n", "#pragma once\n" + line, 1)


def headers() -> list[Path]:
    return sorted(p for p in (ROOT / "include" / "dxkit").rglob("*.hpp")
                  if "detail" not in p.parts and p.name != "export.hpp")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fix", action="store_true", help="insert the missing DXKIT_API")
    args = parser.parse_args()
    problems = []
    for path in headers():
        text = path.read_text(encoding="utf-8")
        unmarked = missing(blank_comments_and_strings(text))
        if not unmarked:
            continue
        if args.fix:
            for offset, what in sorted(unmarked, reverse=True):
                insert = " DXKIT_API" if what.startswith(("struct", "class")) else "DXKIT_API "
                text = text[:offset] + insert + text[offset:]
            if '#include "dxkit/export.hpp"' not in text:
                text = with_export_include(text)
            path.write_text(text, encoding="utf-8")
            continue
        for offset, what in unmarked:
            line = text.count("\n", 0, offset) + 1
            problems.append(f"{path.relative_to(ROOT)}:{line}: {what} lacks DXKIT_API")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} public declarations without DXKIT_API (include/dxkit/export.hpp);"
              " python3 scripts/check_exports.py --fix adds them")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
