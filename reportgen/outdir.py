"""The output folder, written safely: refusing one that holds inputs, one build at a time (the lock),
every file staged beside its target and renamed, and staging files a killed build left removed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

from reportgen.errors import BuildError, InputError, Location, Problem
from reportgen.paths import within
from reportgen.uptodate import STAGED as _STAGED  # what _stage names (mkstemp's 8 characters)


log = logging.getLogger(__name__)


def check_out_dir(root: Path, out_dir: Path, template_dirs: list[Path]) -> None:
    """Refuse an output folder where inputs are read: it would turn outputs into inputs.

    An output folder that is, holds, or lies inside templates/, landscapes/
    (which holds the sources), a --templates folder or the package would let
    a rendered page become a template (code) or a source of the next build.
    """
    import reportgen

    out = out_dir.resolve()
    inputs = {
        "the project": root.resolve(),
        "the templates folder": (root / "templates").resolve(),  # even before it exists: a build would read it
        "the landscapes folder": (root / "landscapes").resolve(),
        "the sources folder": (root / "landscapes" / "sources").resolve(),
        "the reportgen package": Path(reportgen.__file__).resolve().parent,
    }
    for folder in template_dirs:
        if Path(folder).resolve() not in inputs.values():
            inputs[f"the templates folder {folder}"] = Path(folder).resolve()
    for what, folder in inputs.items():
        if what == "the project":
            if out == folder:
                raise InputError(Problem(Location(str(out_dir)), "--out is the project folder itself",
                                         "choose a folder of its own, such as out/"))
            continue
        # lying inside a folder that holds the whole project (a parent used as --templates) is fine
        inside = within(out, folder) and not within(root.resolve(), folder)
        if out == folder or inside or within(folder, out):
            relation = "is" if out == folder else ("lies inside" if inside else "contains")
            raise InputError(Problem(Location(str(out_dir)), f"--out {relation} {what}, where a build reads its inputs",
                                     "choose a folder of its own, such as out/"))


def check_targets(root: Path, targets: list[Path]) -> None:
    """No output is written through a link or into a folder that resolves outside the project."""
    from reportgen.paths import write_refusal

    for target in targets:
        refusal = write_refusal(target, root)
        if refusal:
            raise BuildError(f"{target}: not written: it {refusal}")


def remove_stale_temporaries(out_dir: Path) -> int:
    """Delete staging files a killed build left behind; run under the build lock."""
    removed = 0
    for folder, subdirs, files in os.walk(out_dir):
        # out/.cache/ too: the scope index and the stamp's file records are staged there (not its subfolders)
        subdirs[:] = [d for d in subdirs if not os.path.islink(os.path.join(folder, d))
                      and Path(folder, d).parent.name != ".cache"]
        for name in files:
            if _STAGED.match(name):
                path = Path(folder) / name
                try:
                    path.unlink()
                    removed += 1
                except OSError as exc:
                    log.warning("%s: cannot remove a temporary file left by a killed build: %s", path, exc.strerror)
    if removed:
        log.info("removed %d temporary files left by an interrupted build", removed)
    return removed


@contextlib.contextmanager
def build_lock(out_dir: Path, wait: float = 600.0):
    """One build at a time per output folder: a second one waits, then gives up clearly."""
    import fcntl
    import time

    if (out_dir / ".lock").is_symlink():
        raise BuildError(f"{out_dir / '.lock'}: is a symbolic link; reportgen does not write through links")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = open(out_dir / ".lock", "a+")
    except OSError as exc:
        raise BuildError(f"{out_dir}: cannot write the output folder: {exc.strerror or exc}") from None
    try:
        deadline = time.monotonic() + wait
        announced = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not announced:
                    log.warning("another build is writing %s; waiting for it to finish", out_dir)
                    announced = True
                if time.monotonic() > deadline:
                    raise BuildError(f"{out_dir}: another build has held the lock for {wait:.0f} s; giving up") from None
                time.sleep(0.2)
        yield
    finally:
        handle.close()


def write_all(outputs: list[tuple[Path, bytes]]) -> None:
    """Stage every file beside its target, then rename them all.

    A failure while staging (a full disk, say) removes what was staged and
    leaves every previous output untouched.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in outputs:
            staged.append((_stage(target, data), target))
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    try:
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as exc:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise BuildError(f"cannot write outputs: {exc.strerror or exc}") from None


def _stage(target: Path, data: bytes) -> str:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise BuildError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise BuildError(f"{target}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(target: Path, data: bytes) -> None:
    """Write one file: staged beside the target, then renamed over it."""
    write_all([(target, data)])


def _holds(target: Path, data: bytes) -> bool:
    """The file is already exactly these bytes (a plain file, not a link)."""
    try:
        return (not target.is_symlink() and target.stat().st_size == len(data)
                and target.read_bytes() == data)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
