"""The exceptions reportgen raises; cli.py maps them to exit codes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, where it is and how to fix it."""

    location: Location
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location.path else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class ReportgenError(Exception):
    """Base of every error reportgen reports to a user."""


class InputError(ReportgenError):
    """Raised by loaders when a landscape, source or argument is invalid (exit 2)."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem(Location(""), problems)]  # the message names what it is about
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class BuildError(ReportgenError):
    """Raised by the build when rendering or writing a brief fails (exit 1)."""


class DocumentError(ReportgenError):
    """Raised by readers for a document that cannot be read; the build skips it."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")
