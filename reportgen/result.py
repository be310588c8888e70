"""What a build did: the files it wrote, the briefs it built and skipped (light: the CLI reads it unimported)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    built: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # brief id -> why it was not rebuilt
    briefs: list = field(default_factory=list)  # the view models (reportgen.brief.Brief) computed
