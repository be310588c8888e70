"""One path policy for every file reportgen reads or writes, in every command.

Sources come from the open web and projects are shared, so a planted symlink
must not make reportgen publish a file from elsewhere or overwrite one:

- a path is judged by where it *resolves* (symlinks and `..` followed);
- what resolves outside the project is neither read nor written;
- nothing is written *through* a symlink: a file reportgen creates or
  replaces is never a link (a dangling one included), and its folder
  resolves inside the project.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportgen.errors import InputError, Location, Problem


def within(path: Path, root: Path) -> bool:
    """Whether `path` (already resolved) is `root` or lies under it."""
    return path == root or root in path.parents


def resolves_inside(path: Path, root: Path) -> bool:
    """Whether `path`, with every symlink followed, stays inside `root`."""
    try:
        return within(Path(path).resolve(), Path(root).resolve())
    except (OSError, RuntimeError):  # a symlink loop resolves nowhere
        return False


def read_refusal(path: Path, root: Path) -> str | None:
    """Why `path` must not be read (it resolves outside the project), or None."""
    if not resolves_inside(path, root):
        return "links to a file outside the project" if Path(path).is_symlink() else "is outside the project"
    return None


def inside_project(root: Path, path: Path, what: str) -> Path:
    """`path` (relative to the project), resolved, if it stays inside; an input error otherwise."""
    path = Path(path)
    resolved = (root / path).resolve() if not path.is_absolute() else path.resolve()
    if not within(resolved, Path(root).resolve()):
        raise InputError(Problem(Location(str(path)), f"{what} points outside the project ({root})",
                                 "choose a folder inside the project"))
    return resolved


def write_refusal(target: Path, root: Path) -> str | None:
    """Why reportgen must not create or replace `target`, or None.

    A link (even a dangling one) would be written through; a folder that
    resolves outside the project would put the file outside it.
    """
    target = Path(target)
    if target.is_symlink():
        return "is a symbolic link; reportgen does not write through links"
    if not resolves_inside(target.parent, root):
        return "its folder resolves outside the project"
    return None


def project_of(path: Path) -> Path:
    """The project a named path belongs to: the nearest folder above it with landscapes/.

    Without one, the named folder itself (or a named file's folder) is the root,
    so links inside it still cannot reach out of it.
    """
    start = Path(os.path.abspath(path))
    for folder in (start, *start.parents):
        if (folder / "landscapes").is_dir():
            return folder.resolve()
    return (start if start.is_dir() and not start.is_symlink() else start.parent).resolve()


def create_new(target: Path, data: bytes) -> None:
    """Write a file that must not exist yet, refusing links (O_EXCL | O_NOFOLLOW)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(data)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        Path(target).unlink(missing_ok=True)
        raise
