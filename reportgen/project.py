"""Where a project lives: the folder that holds landscapes/ and templates/."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import InputError


def find_project(start: Path | None = None) -> Path:
    """The given folder, or the nearest folder upwards from cwd with a landscapes/ folder."""
    if start is not None:
        if not (start / "landscapes").is_dir():
            raise InputError(f"{start}: not a reportgen project (no landscapes/ folder)")
        return start.resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "landscapes").is_dir():
            return folder
    raise InputError(f"{here}: no landscapes/ folder here or above; run from a project or pass --project")
