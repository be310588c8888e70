"""Where a project lives: the folder that holds landscapes/ and templates/, and its parts."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass
class Project:
    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "landscapes" / "sources"


def _shown(root: Path, path: Path) -> str:
    """A project file as messages name it: relative to the project where it is inside."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
