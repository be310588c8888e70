"""Find source documents and read each into a `Document`.

Readers are chosen by file suffix. The text a reader returns is the text every
evidence offset points into (`reportgen text DOC` prints it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

import yaml
from pydantic import BaseModel, ConfigDict

from reportgen.errors import DocumentError

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
META_SUFFIX = ".meta.yaml"
MAX_BYTES = 20 * 1024 * 1024  # larger sources are skipped, not read into memory
MIN_HTML_TEXT = 40  # characters: less than a sentence of main text is not a press release


class Document(BaseModel):
    """A source document: its text and what its sidecar says about it."""

    model_config = ConfigDict(frozen=True)

    id: str  # the file name; facts cite it
    text: str
    sha256: str
    title: str | None = None
    date: dt.date | None = None
    publisher: str | None = None
    url: str | None = None

    @property
    def display_title(self) -> str:
        return self.title or derived_title(self.text) or self.id


class SkippedSource(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    reason: str


# "CITY, Oct. 16, 2025 /PRNewswire/ --": a dateline opens the body; it is never a headline
_DATELINE = re.compile(r"^.{0,120}?\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b"
                       r".{0,40}?(?:/[A-Za-z ]+/|--|—|–)")


def derived_title(text: str, limit: int = 110) -> str:
    """The first non-empty line of the text, shortened: a title for untitled sources (none if it is a dateline)."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if len(line) >= 12 and not line.startswith("["):
            if _DATELINE.match(line):
                return ""
            if len(line) <= limit:
                return line
            cut = line[:limit].rsplit(" ", 1)[0]
            return cut.rstrip(",;:") + " …"
    return ""


# --- decoding ----------------------------------------------------------------

def decode_bytes(data: bytes, name: str) -> str:
    """UTF-8 as the file is (no newline translation), else the detected charset."""
    if not data.strip():
        raise DocumentError(name, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(name, f"broken UTF-16: {exc.reason}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, name)
    if text.count("\x00") > len(text) // 100:
        raise DocumentError(name, "binary content, not text")
    return text


# Among encodings that read the bytes equally well, the ones press releases
# actually use win: short Western text otherwise decodes as an odd DOS codepage.
_PREFERRED = ("utf_16", "gb18030", "big5", "cp1252", "latin_1", "iso8859_15", "shift_jis",
              "euc_jp", "euc_kr", "cp1251")


def _detect(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DocumentError(name, "binary or undecodable content (no text encoding fits)")
    best_chaos = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best_chaos + 0.01]
    tied.sort(key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED))
    log.info("%s: decoded as %s", name, tied[0].encoding)
    return str(tied[0])


# --- readers -----------------------------------------------------------------

def read_text_file(path: Path) -> str:
    return decode_bytes(_read_bytes(path), path.name)


def read_html_file(path: Path) -> str:
    import trafilatura

    html = decode_bytes(_read_bytes(path), path.name)
    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, favor_recall=True,
        deduplicate=False, with_metadata=False,
    )
    if not text or len(text.strip()) < MIN_HTML_TEXT:
        found = len(text.strip()) if text else 0
        raise DocumentError(path.name, f"no main text found in the HTML page ({found} characters; mostly script or markup?)")
    return text


def read_pdf_file(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise DocumentError(path.name, "encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(path.name, f"unreadable PDF: {exc}") from None
    text = "\n\n".join(p.strip() for p in pages).strip()
    if not text:
        raise DocumentError(path.name, "PDF has no extractable text (scanned image?)")
    return text


READERS: dict[str, Callable[[Path], str]] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".pdf": read_pdf_file,
}


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(path.name, f"too large ({size // 1_048_576} MiB; the limit is {MAX_BYTES // 1_048_576} MiB)")
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(path.name, f"cannot read: {exc.strerror or exc}") from None


# --- sidecars ----------------------------------------------------------------

def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + META_SUFFIX)


def read_sidecar(path: Path) -> dict:
    meta_path = sidecar_path(path)
    if not meta_path.exists():
        return {}
    from reportgen.errors import InputError, Location, Problem

    try:
        data = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(Problem(
            Location(str(meta_path), mark.line + 1 if mark else None, mark.column + 1 if mark else None),
            f"invalid YAML: {getattr(exc, 'problem', exc)}",
        )) from None
    if not isinstance(data, dict):
        raise InputError(Problem(Location(str(meta_path), 1), "sidecar must be a mapping of title, publisher, date, url"))
    meta = {}
    for key in ("title", "publisher", "url"):
        if data.get(key) is not None:
            meta[key] = str(data[key]).strip()
    if data.get("date") is not None:
        meta["date"] = _parse_date(data["date"], meta_path)
    return meta


def _parse_date(value, meta_path: Path) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern, fmt in ((r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"), (r"\d{4}-\d{2}", "%Y-%m"), (r"\d{4}", "%Y")):
        if re.fullmatch(pattern, text):
            return dt.datetime.strptime(text, fmt).date()
    log.warning("%s: date %r is not YYYY-MM-DD; ignored", meta_path, text)
    return None


# --- finding and reading -----------------------------------------------------

def is_source(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def find_sources(paths: Iterable[Path]) -> list[Path]:
    """Every source file named or inside a named folder, sorted by name."""
    found: dict[str, Path] = {}
    for path in paths:
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if is_source(child):
                    found.setdefault(child.name, child)
        elif path.exists():
            found.setdefault(path.name, path)
        else:
            from reportgen.errors import InputError
            raise InputError(f"{path}: no such file or folder")
    return [found[name] for name in sorted(found)]


def read_document(path: Path) -> Document:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentError(path.name, f"unsupported file type {path.suffix!r} (use {', '.join(SUFFIXES)})")
    raw = _read_bytes(path)
    text = reader(path)
    meta = read_sidecar(path)
    return Document(id=path.name, text=text, sha256=hashlib.sha256(raw).hexdigest(), **meta)


def read_documents(paths: Iterable[Path]) -> tuple[list[Document], list[SkippedSource]]:
    """Read every source; a bad one is skipped with a warning, never fatal."""
    docs, skipped = [], []
    for path in find_sources(paths):
        try:
            docs.append(read_document(path))
        except DocumentError as exc:
            log.warning("skipping %s: %s", exc.path, exc.reason)
            skipped.append(SkippedSource(id=path.name, reason=exc.reason))
    return docs, skipped


def iter_documents(paths: Iterable[Path]) -> Iterator[Document]:
    """Like read_documents, one at a time, for large corpora."""
    for path in find_sources(paths):
        try:
            yield read_document(path)
        except DocumentError as exc:
            log.warning("skipping %s: %s", exc.path, exc.reason)
