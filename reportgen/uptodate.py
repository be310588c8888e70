"""Decide "nothing changed" before doing anything: one fingerprint of every input a build reads.

A clean build stores the fingerprint of its inputs (every file under
landscapes/, the project's and --templates' templates, the reportgen package
itself, the formats and landscapes asked for) with the files it wrote. The
next build with the same fingerprint, and all those files present, returns
after hashing: no fact decoding, no knowledge, no brief, and no heavy import.
A file whose size, times and inode are those the stamp recorded is not read
again (its recorded digest is used), so a no-op costs a stat per file.
Links are not followed (a link's target path is hashed instead): nothing
outside the project is read.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

STAMP = ".inputs.json"
STAT = ".cache/inputs-stat.json"  # each input file's size, times, inode and digest at the last scan
STAGED = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # a staged write (build._stage) a killed build left
PACKAGE = Path(__file__).resolve().parent
SOURCES = "landscapes/sources/"


RACY_NS = 2_000_000_000  # a file changed this close before the last scan is hashed again (coarse clocks)


@dataclass
class Inputs:
    """A fingerprint of every input, with what each file's digest was computed from.

    `files` maps a file's project path to [size, mtime_ns, ctime_ns, inode,
    sha256]; the next scan reuses a digest whose four stat fields are the same
    and that was not written within RACY_NS of the scan that hashed it (a
    write in the same clock tick could leave the stat as it was). `previous`
    is the last clean build's stamp, read once for both the scan and the
    build's incremental paths.
    """

    digest: str
    files: dict[str, list] = field(default_factory=dict)
    taken_ns: int = 0
    previous: dict | None = None
    rest: str = ""  # the same fingerprint without landscapes/sources/'s files (a build of new documents only)

    def __str__(self) -> str:
        return self.digest


def _hash_tree(h, folder: Path, label: str, files: dict | None = None, known: dict | None = None,
               trusted_before: int = 0, links: list | None = None) -> None:
    """Hash every file under `folder` in name order (as os.walk with sorted names); links by their target path."""
    if not folder.is_dir() or folder.is_symlink():
        return
    known = known or {}

    def walk(directory: str, prefix: str) -> None:
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            return
        subdirs = []
        for entry in entries:
            try:
                is_link = entry.is_symlink()
                is_dir = not is_link and entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if entry.name != "__pycache__":
                    subdirs.append(entry)
                continue
            rel = prefix + entry.name
            if is_link:
                line = f"{rel} -> {os.readlink(entry.path)}\n".encode("utf-8", "surrogateescape")
                h.update(line)
                if links is not None:
                    links.append(line)
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                st = None
            digest = None
            if st is not None:
                record = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
                old = known.get(rel)
                if (isinstance(old, list) and len(old) == 5 and old[:4] == record
                        and max(st.st_mtime_ns, st.st_ctime_ns) < trusted_before and isinstance(old[4], str)):
                    digest = old[4]
            if digest is None:
                try:
                    with open(entry.path, "rb") as f:
                        digest = hashlib.file_digest(f, "sha256").hexdigest()
                except OSError:
                    digest, st = "unreadable", None
            if files is not None and st is not None:
                files[rel] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, digest]
            h.update(f"{rel} {digest}\n".encode("utf-8", "surrogateescape"))
        for entry in subdirs:  # os.walk order: a folder's files, then its subfolders
            walk(entry.path, prefix + entry.name + "/")

    walk(str(folder), label + "/")


def fingerprint(root: Path, names: list[str] | None, formats: tuple[str, ...], templates: Path | None) -> str:
    return scan(root, names, formats, templates).digest


def scan(root: Path, names: list[str] | None, formats: tuple[str, ...], templates: Path | None,
         previous: dict | None = None) -> Inputs:
    """The fingerprint of a build's inputs; digests of files whose stat is unchanged since `previous` are reused."""
    taken = time.time_ns()
    known = previous.get("files") if isinstance(previous, dict) else None
    known = known if isinstance(known, dict) else {}
    trusted_before = previous.get("taken_ns", 0) if isinstance(previous, dict) else 0
    trusted_before = (trusted_before if isinstance(trusted_before, int) else 0) - RACY_NS
    files: dict[str, list] = {}
    links: list[bytes] = []
    header = json.dumps([sorted(names or []), list(formats), str(templates or "")]).encode()
    h = hashlib.sha256(header)
    _hash_tree(h, root / "landscapes", "landscapes", files, known, trusted_before, links)
    _hash_tree(h, root / "templates", "templates", files, known, trusted_before, links)
    if templates is not None:
        _hash_tree(h, templates, "extra-templates", files, known, trusted_before, links)
    _hash_tree(h, PACKAGE, "reportgen", files, known, trusted_before, links)
    rest = hashlib.sha256(header)
    for line in links:
        rest.update(line)
    for rel, record in files.items():
        if not rel.startswith(SOURCES):
            rest.update(f"{rel} {record[4]}\n".encode("utf-8", "surrogateescape"))
    return Inputs(h.hexdigest(), files, taken, previous, rest.hexdigest())


def read_stamp(out_dir: Path) -> dict | None:
    """The last clean build's stamp, or None (no stamp, unreadable, or a link).

    With the file records of the scan it was made from (`files`, `taken_ns`),
    kept apart in out/.cache/ (machine state: inodes and times) so the stamp
    itself is the same bytes for the same inputs.
    """
    stamp = out_dir / STAMP
    if out_dir.is_symlink() or stamp.is_symlink() or not stamp.is_file():
        return None
    try:
        data = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    stat_file = out_dir / STAT
    try:
        records = json.loads(stat_file.read_text(encoding="utf-8")) if not stat_file.is_symlink() else None
    except (OSError, ValueError):
        records = None
    if isinstance(records, dict) and records.get("inputs") == data.get("inputs"):
        data.update(files=records.get("files"), taken_ns=records.get("taken_ns"))
    return data


def stamp_bytes(inputs: "str | Inputs", out_dir: Path, written: list[Path]) -> bytes:
    files = sorted({p.relative_to(out_dir).as_posix() for p in written if p.is_relative_to(out_dir)})
    data: dict = {"inputs": str(inputs), "outputs": files}
    if isinstance(inputs, Inputs):  # a build of new documents only compares it with the next scan
        data["rest"] = inputs.rest
    return json.dumps(data, indent=1).encode()


def stat_output(out_dir: Path, inputs: "str | Inputs") -> tuple[Path, bytes] | None:
    """The file records to keep for the next scan, unless those on disk already say the same."""
    if not isinstance(inputs, Inputs):
        return None
    old = (inputs.previous or {})
    if old.get("inputs") == inputs.digest and old.get("files") == inputs.files:
        return None
    data = {"inputs": inputs.digest, "taken_ns": inputs.taken_ns, "files": inputs.files}
    return out_dir / STAT, json.dumps(data, separators=(",", ":")).encode()


def save_records(out_dir: Path, inputs: "Inputs") -> None:
    """After a no-op whose stamp had no (or older) file records: keep this scan's, so the next one stats only.

    Best effort, in the disposable out/.cache/ (never through a link); a failure costs the next no-op time.
    """
    item = stat_output(out_dir, inputs)
    cache = out_dir / ".cache"
    if item is None or not cache.is_dir() or cache.is_symlink() or item[0].is_symlink():
        return
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(dir=cache, prefix=".inputs-stat.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(item[1])
        os.replace(tmp, item[0])
    except OSError:
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass


def check(root: Path, out_dir: Path, names: list[str] | None, formats: tuple[str, ...],
          templates: Path | None) -> tuple[Inputs, bool]:
    """Scan the inputs (reusing the last stamp's digests) and say whether the last clean build had them."""
    previous = read_stamp(out_dir)
    inputs = scan(root, names, formats, templates, previous)
    return inputs, up_to_date(out_dir, inputs, previous)


def up_to_date(out_dir: Path, inputs: "str | Inputs", stamp: dict | None = None) -> bool:
    """True when the last clean build had these inputs and every file it wrote is still there."""
    data = stamp if stamp is not None else read_stamp(out_dir)
    if not isinstance(data, dict) or data.get("inputs") != str(inputs) or not isinstance(data.get("outputs"), list):
        return False
    if not all(isinstance(p, str) and (out_dir / p).is_file() for p in data["outputs"]):
        return False
    # a killed build's leftovers: the full build cleans them up
    for dirpath, dirnames, filenames in os.walk(out_dir):
        dirnames[:] = [d for d in dirnames if d != ".cache" and not os.path.islink(os.path.join(dirpath, d))]
        if any(STAGED.match(name) for name in filenames):
            return False
    return True
