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
MAX_SIDECAR_BYTES = 64 * 1024  # a sidecar holds four short fields
# Dates every writer can store: the XLSX is a ZIP, whose DOS timestamps run
# from 1980 to 2107 (PDF metadata and SOURCE_DATE_EPOCH hold those too).
EARLIEST_DATE = dt.date(1980, 1, 1)
LATEST_DATE = dt.date(2107, 12, 31)


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
    bomless = _utf16_without_bom(data)
    if bomless is not None:
        return bomless
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, name)
    if text.count("\x00") > len(text) // 100:
        raise DocumentError(name, "binary content, not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a byte-order mark: NULs on one side of most pairs.

    Mostly-ASCII UTF-16 would otherwise look binary (every other byte NUL).
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    pairs = len(data) // 2
    for zeros, encoding in ((odd.count(0), "utf-16-le"), (even.count(0), "utf-16-be")):
        if zeros >= pairs * 0.6:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and sum(ch.isprintable() or ch in "\n\r\t" for ch in text) >= len(text) * 0.95:
                return text
    return None


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
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise DocumentError(path.name, "encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(path.name, f"unreadable PDF: {exc}") from None
    except PyPdfError as exc:  # e.g. LimitReachedError: a small stream that decompresses past pypdf's limit
        raise DocumentError(path.name, f"unreadable PDF: {type(exc).__name__}: {exc}") from None
    except (RecursionError, MemoryError, ArithmeticError, AttributeError, IndexError, AssertionError) as exc:
        # a hostile PDF trips pypdf in many ways; it is one bad document, never a failed build
        raise DocumentError(path.name, f"unreadable PDF: {type(exc).__name__}: {exc}") from None
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


def sidecar_exists(meta_path: Path) -> bool:
    """Whether a sidecar (or a link in its place) is there; a name too long to exist is not."""
    try:
        return meta_path.exists() or meta_path.is_symlink()
    except OSError:  # ENAMETOOLONG: a long but valid source name, whose sidecar name cannot exist
        return False


def read_sidecar(path: Path, root: Path | None = None) -> dict:
    """The sidecar's fields; a bad sidecar or field is a warning naming it, never fatal.

    With `root`, a sidecar that resolves outside the project (a planted link)
    is not read.
    """
    meta_path = sidecar_path(path)
    if not sidecar_exists(meta_path):
        return {}
    if root is not None:
        from reportgen.paths import read_refusal

        refusal = read_refusal(meta_path, root)
        if refusal:
            log.warning("%s: sidecar not read: it %s", meta_path, refusal)
            return {}
    data = _load_sidecar(meta_path)
    if data is None:
        return {}
    meta = {}
    for key in ("title", "publisher", "url"):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, (dict, list)) or isinstance(value, bool):
            log.warning("%s: %s must be text, not %s; ignored", meta_path, key, type(value).__name__)
            continue
        meta[key] = str(value).strip()
    if data.get("date") is not None:
        date = _parse_date(data["date"], meta_path)
        if date is not None:
            meta["date"] = date
    return meta


def _load_sidecar(meta_path: Path) -> dict | None:
    from reportgen.errors import InputError

    try:
        size = meta_path.stat().st_size
        if size > MAX_SIDECAR_BYTES:
            log.warning("%s: sidecar ignored: too large (%d bytes; the limit is %d)", meta_path, size, MAX_SIDECAR_BYTES)
            return None
        raw = meta_path.read_bytes()
    except OSError as exc:
        log.warning("%s: sidecar ignored: cannot read: %s", meta_path, exc.strerror or exc)
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        log.warning("%s: sidecar ignored: not UTF-8 (byte %d)", meta_path, exc.start)
        return None
    data = _fast_sidecar(text)
    if data is None:
        from reportgen.yamlpos import load_yaml_with_positions

        try:
            data, _ = load_yaml_with_positions(text, str(meta_path))
        except InputError as exc:
            log.warning("sidecar ignored: %s", exc)
            return None
    if data is None:
        return None
    if not isinstance(data, dict):
        log.warning("%s: sidecar ignored: it must be a mapping of title, publisher, date, url", meta_path)
        return None
    return data


_CLoader = getattr(yaml, "CSafeLoader", None)
if _CLoader is not None:
    class _FastSidecarLoader(_CLoader):  # type: ignore[misc,valid-type]
        """libyaml's parser with the constructors of the positioned loader (yamlpos.py)."""

    from reportgen.yamlpos import _UniqueKeyLoader as _Slow

    _FastSidecarLoader.yaml_constructors = dict(_Slow.yaml_constructors)
_SCALARS = (str, int, float, bool, type(None))


def _fast_sidecar(text: str) -> dict | None:
    """A plain sidecar (a flat mapping of scalars, no anchors or aliases, printable) parsed by the
    C YAML loader, ~10x faster than the pure-Python one; None sends anything else (and every error,
    so that its message keeps the file, line and column) through yamlpos' positioned loader."""
    if _CLoader is None or "&" in text or "*" in text or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    try:
        data = yaml.load(text, Loader=_FastSidecarLoader)
    except Exception:  # noqa: BLE001 - the positioned loader reports it
        return None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, _SCALARS) for k, v in data.items()):
        return None
    return data


def _parse_date(value, meta_path: Path) -> dt.date | None:
    """A real date in the range every writer can store, else a warning and None."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else repr(value)
    date, problem = partial_date(text)
    if problem:
        log.warning("%s: %s; ignored", meta_path, problem)
        return None
    return date


# month names as dates spell them ("Sept." too): the first three letters, casefolded
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def partial_date(text: str) -> tuple[dt.date | None, str | None]:
    """YYYY-MM-DD, YYYY-MM or YYYY as the first day it covers, or why it is not a date every writer can store.

    The one reading of the dates sidecars, landscapes and facts carry.
    """
    if not _PARTIAL_DATE.fullmatch(text):
        return None, f"date {text[:40]!r} is not YYYY-MM-DD, YYYY-MM or YYYY"
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        date = dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None, f"date {text!r} is not a real date"
    if not EARLIEST_DATE <= date <= LATEST_DATE:
        return None, f"date {text!r} is outside {EARLIEST_DATE}..{LATEST_DATE}"
    return date, None


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


def read_document(path: Path, root: Path | None = None) -> Document:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentError(path.name, f"unsupported file type {path.suffix!r} (use {', '.join(SUFFIXES)})")
    if root is not None:
        from reportgen.paths import read_refusal

        refusal = read_refusal(path, root)
        if refusal:
            raise DocumentError(path.name, refusal)
    raw = _read_bytes(path)
    text = reader(path)
    meta = read_sidecar(path, root)
    return Document(id=path.name, text=text, sha256=hashlib.sha256(raw).hexdigest(), **meta)


def _with_roots(paths: Iterable[Path], root: Path | None) -> list[tuple[Path, Path]]:
    """Each source found, with the project it must stay inside (the path policy)."""
    from reportgen.paths import project_of

    out: dict[str, tuple[Path, Path]] = {}
    for named in paths:
        named_root = Path(root).resolve() if root is not None else project_of(named)
        for path in find_sources([named]):
            out.setdefault(path.name, (path, named_root))
    return [out[name] for name in sorted(out)]


def read_documents(paths: Iterable[Path], root: Path | None = None) -> tuple[list[Document], list[SkippedSource]]:
    """Read every source; a bad one is skipped with a warning, never fatal.

    Sources and sidecars that resolve outside `root` (default: the project
    each named path is in) are skipped, as the build skips them.
    """
    skipped: list[SkippedSource] = []
    return list(iter_documents(paths, root, skipped)), skipped


def iter_documents(paths: Iterable[Path], root: Path | None = None,
                   skipped: list[SkippedSource] | None = None) -> Iterator[Document]:
    """Like read_documents, one at a time, for large corpora; what is skipped goes to `skipped`."""
    for path, path_root in _with_roots(paths, root):
        try:
            yield read_document(path, path_root)
        except DocumentError as exc:
            skip(path.name, exc.reason, skipped)


def skip(name: str, reason: str, skipped: list[SkippedSource] | None = None) -> None:
    """A source left out: a warning naming it and why, and (in `skipped`) a line for the brief."""
    log.warning("skipping %s: %s", name, reason)
    if skipped is not None:
        skipped.append(SkippedSource(id=name, reason=reason))
