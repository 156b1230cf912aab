"""Bundles into a repaired wheel the shared libraries auditwheel leaves to the system.

`auditwheel repair` copies into <package>.libs/ every library the wheel's ELF files need,
except those its manylinux policy counts on every Linux having; besides the C and C++ runtime
that list has libz.so.1 (which libzip needs). A wheel that is to install with nothing else
(issue 15) carries that one too: this script copies each such library into <package>.libs/
under a name with its content hash (as auditwheel names its copies, so it cannot clash with
the system's), points the files that need it at the copy (patchelf --replace-needed), and
rewrites the wheel with a new RECORD. What stays with the system is the C/C++ runtime only:
libc, libm, libstdc++, libgcc_s, the dynamic loader.

    python3 scripts/wheel_bundle.py dist/dxkit-<version>-<tags>.whl

Needs patchelf (setup.sh installs it).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

RUNTIME = re.compile(
    r"^(libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1|ld-linux-x86-64\.so\.2"
    r"|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1)$")


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def needed(path: Path) -> list[str]:
    out = subprocess.run(["patchelf", "--print-needed", str(path)], capture_output=True,
                         text=True, check=True).stdout
    return out.split()


def resolve(soname: str, user: Path) -> Path:
    """Where the system's dynamic loader finds `soname` for `user` (ldd, no LD_LIBRARY_PATH)."""
    out = subprocess.run(["ldd", str(user)], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin"}).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] == soname and parts[1] == "=>":
            return Path(parts[2]).resolve()
    raise SystemExit(f"wheel_bundle: {soname}, needed by {user.name}, is not found on this system")


def hashed_name(soname: str, content: bytes) -> str:
    """libz.so.1 -> libz-<8 hex>.so.1, as auditwheel names its copies."""
    stem, dot, rest = soname.partition(".so")
    return f"{stem}-{hashlib.sha256(content).hexdigest()[:8]}{dot}{rest}"


def record_line(root: Path, path: Path) -> str:
    data = path.read_bytes()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path.relative_to(root).as_posix()},sha256={digest},{len(data)}"


def bundle(wheel: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with zipfile.ZipFile(wheel) as z:
            infos = z.infolist()
            z.extractall(root)
            for info in infos:  # keep the executable bits (the program, the libraries)
                mode = (info.external_attr >> 16) & 0o777
                if mode and not info.is_dir():
                    (root / info.filename).chmod(mode)
        libs = [p for p in root.iterdir() if p.is_dir() and p.name.endswith(".libs")]
        if len(libs) != 1:
            raise SystemExit(f"wheel_bundle: {wheel.name} has no single <package>.libs folder "
                             "(run auditwheel repair first)")
        libs_dir = libs[0]
        elves = [p for p in root.rglob("*") if p.is_file() and is_elf(p)]
        copies: dict[str, str] = {}  # system soname -> name of the copy in libs_dir
        work = list(elves)
        while work:
            elf = work.pop()
            for soname in needed(elf):
                if RUNTIME.match(soname) or (libs_dir / soname).exists():
                    continue
                if soname not in copies:
                    source = resolve(soname, elf)
                    name = hashed_name(soname, source.read_bytes())
                    copy = libs_dir / name
                    shutil.copyfile(source, copy)
                    copy.chmod(0o755)
                    subprocess.run(["patchelf", "--set-soname", name, "--set-rpath", "$ORIGIN",
                                    str(copy)], check=True)
                    copies[soname] = name
                    work.append(copy)  # what it needs in turn
                subprocess.run(["patchelf", "--replace-needed", soname, copies[soname],
                                str(elf)], check=True)
        if not copies:
            return []
        records = [p for p in root.rglob("RECORD") if p.parent.name.endswith(".dist-info")]
        record = records[0]
        files = sorted(p for p in root.rglob("*") if p.is_file() and p != record)
        lines = [record_line(root, p) for p in files]
        lines.append(f"{record.relative_to(root).as_posix()},,")
        record.write_text("\n".join(lines) + "\n", encoding="utf-8")
        rewritten = wheel.with_suffix(".tmp")
        with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as z:
            # dist-info last, as wheels are written
            for p in sorted(files, key=lambda p: ".dist-info" in p.as_posix()) + [record]:
                info = zipfile.ZipInfo(p.relative_to(root).as_posix(), (1980, 1, 1, 0, 0, 0))
                info.external_attr = (p.stat().st_mode & 0o777 | 0o100000) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, p.read_bytes())
        rewritten.replace(wheel)
        return [f"{soname} -> {libs_dir.name}/{name}" for soname, name in copies.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path)
    args = parser.parse_args()
    for line in bundle(args.wheel):
        print(f"bundled {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
