"""Editions: a snapshot of a brief's facts each time it changes, and what changed since.

Snapshots live in `out/<id>/editions/<as_of>.json` (`<as_of>-2.json`, ... when
one date has several editions). They are history, not cache: the "What
changed" section compares the brief with the edition before it.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from reportgen.facts import Efficacy, Evidence, Fact, Regulatory, Safety, object_text, sort_facts
from reportgen.naming import name_key
from reportgen.vocab import ACTION_INFO, PREDICATE_INFO, STAGE_RANK, STAGES

log = logging.getLogger(__name__)
MAX_EDITION_BYTES = 64 * 1024 * 1024  # a snapshot of one brief's facts; a larger file is not one

EDITION_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2}|undated)(?:-(\d+))?$")


class Edition(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    landscape: str
    as_of: str
    rows: tuple[str, ...]
    facts: tuple[Fact, ...]

    def same_content(self, other: "Edition") -> bool:
        return self.rows == other.rows and self.facts == other.facts


class Change(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str          # "new row", "changed", "new", "removed" (shown in this order)
    subject: str
    text: str
    facts: tuple[Fact, ...] = ()   # current facts to cite
    old_quote: str | None = None   # for removed or changed facts: what the old source said
    old_doc: str | None = None
    pending: bool = False          # newly extracted and not yet reviewed (landscapes/review.yaml)
    old_facts: tuple[Fact, ...] = ()  # the previous edition's facts, cited where their document still is
    weight: int = 9                # 0 approval, 1 filing, 2 designation, 3 other regulatory, 4 stage, ...


class ChangeSet(BaseModel):
    model_config = ConfigDict(frozen=True)

    since: str | None   # previous edition name; None on a first edition
    changes: tuple[Change, ...]
    same_date: bool = False  # the previous edition has the same as-of date (its sources changed, not the date)


def snapshot(landscape_id: str, as_of: str, rows: list[str], facts: list[Fact]) -> Edition:
    return Edition(name=as_of, landscape=landscape_id, as_of=as_of, rows=tuple(rows), facts=tuple(sort_facts(facts)))


def editions_dir(out_dir: Path, landscape_id: str) -> Path:
    return out_dir / landscape_id / "editions"


class CorruptEdition(ValueError):
    """An editions/*.json that cannot be read back: history lost, never a failed build."""


def _edition_files(out_dir: Path, landscape_id: str) -> list[Path]:
    from reportgen.paths import read_refusal

    folder = editions_dir(out_dir, landscape_id)
    if not folder.is_dir():
        return []
    if read_refusal(folder, out_dir):
        log.warning("%s: not read: it resolves outside the output folder", folder)
        return []
    return [p for p in folder.glob("*.json") if EDITION_NAME.match(p.stem)]


def editions_state(out_dir: Path, landscape_id: str, adding: tuple[str, int] | None = None) -> str:
    """Every edition file's name and size: what "What changed" compares against, read by stat only.

    Part of a brief's selection digest, so deleting (or replacing) an edition
    re-plans the brief instead of leaving its comparison with the deleted one.
    `adding`: (file name, size) of an edition about to be written.
    """
    state = {}
    for path in _edition_files(out_dir, landscape_id):
        try:
            state[path.name] = path.stat().st_size
        except OSError:
            continue
    if adding is not None:
        state[adding[0]] = adding[1]
    return json.dumps(sorted(state.items()))


def list_editions(out_dir: Path, landscape_id: str) -> list[str]:
    """The readable editions, oldest first; a corrupt one is warned about and left out.

    Leaving it out starts a fresh edition line when it was the newest.
    """
    names = []
    for path in _edition_files(out_dir, landscape_id):
        try:
            read_edition(out_dir, landscape_id, path.stem)
        except CorruptEdition as exc:
            log.warning("%s: corrupt edition ignored (%s); the next one starts a fresh line", path, exc)
            continue
        names.append(path.stem)
    return sorted(names, key=_edition_order)


def _taken_names(out_dir: Path, landscape_id: str) -> set[str]:
    """Every edition file name in use, corrupt ones included: a new edition never replaces one."""
    return {p.stem for p in _edition_files(out_dir, landscape_id)}


def _edition_order(name: str):
    m = EDITION_NAME.match(name)
    return (m.group(1), int(m.group(2) or 1)) if m else (name, 0)


def read_edition(out_dir: Path, landscape_id: str, name: str) -> Edition:
    from pydantic import ValidationError

    from reportgen.paths import read_refusal

    path = editions_dir(out_dir, landscape_id) / f"{name}.json"
    try:
        if read_refusal(path, out_dir):
            raise CorruptEdition("it resolves outside the output folder")
        if path.stat().st_size > MAX_EDITION_BYTES:
            raise CorruptEdition(f"larger than {MAX_EDITION_BYTES // 1_048_576} MiB")
        data = json.loads(path.read_text(encoding="utf-8"))
        facts = tuple(Fact(subject=f["subject"], predicate=f["predicate"], object=f["object"],
                           evidence=Evidence(**f["evidence"]), source=f.get("source", "extracted"))
                      for f in data["facts"])
        return Edition(name=name, landscape=data["landscape"], as_of=data["as_of"], rows=tuple(data["rows"]),
                       facts=facts)
    except CorruptEdition:
        raise
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError, ValidationError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
        raise CorruptEdition(str(reason).splitlines()[0][:200]) from None


def edition_bytes(edition: Edition) -> bytes:
    data = {"landscape": edition.landscape, "as_of": edition.as_of, "rows": list(edition.rows),
            "facts": [json.loads(f.to_json()) for f in edition.facts]}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def place_edition(out_dir: Path, current: Edition) -> tuple[Edition, Edition | None, bool]:
    """Name the current edition and find the one before it.

    Returns (current edition with its name, previous edition or None, whether
    the current one is new and must be written).
    """
    names = list_editions(out_dir, current.landscape)
    if names:
        latest = read_edition(out_dir, current.landscape, names[-1])
        if latest.same_content(current):
            previous = read_edition(out_dir, current.landscape, names[-2]) if len(names) > 1 else None
            return latest, previous, False
        name = current.as_of
        n = 1
        taken = _taken_names(out_dir, current.landscape)
        while name in taken:
            n += 1
            name = f"{current.as_of}-{n}"
        return current.model_copy(update={"name": name}), latest, True
    name, n, taken = current.as_of, 1, _taken_names(out_dir, current.landscape)
    while name in taken:  # only corrupt editions: keep them, start a fresh line beside them
        n += 1
        name = f"{current.as_of}-{n}"
    return current.model_copy(update={"name": name}), None, True


def _identity(fact: Fact) -> tuple:
    """What makes two facts the same statement (values aside), for 'changed' detection."""
    obj = fact.object
    subject = name_key(fact.subject)
    if isinstance(obj, Efficacy):
        return (subject, fact.predicate, name_key(obj.endpoint), name_key(obj.population or ""))
    if isinstance(obj, Safety):
        return (subject, fact.predicate, name_key(obj.event), "" if obj.grade is None else str(obj.grade))
    if fact.predicate in ("target", "modality"):
        return (subject, fact.predicate)
    return (subject, fact.predicate, _value_key(fact))


def _value_key(fact: Fact) -> str:
    obj = fact.object
    if isinstance(obj, str):
        return name_key(obj)
    return json.dumps(obj.without("population", "date").dump(), sort_keys=True)


def weight(fact: Fact) -> int:
    """How much a change about this fact matters: approvals first, new aliases last (data/vocab.yaml)."""
    if isinstance(fact.object, Regulatory):
        return ACTION_INFO[fact.object.action].weight
    return PREDICATE_INFO[fact.predicate].weight


def _stage_rank(fact: Fact) -> int:
    return STAGE_RANK.get(fact.stage or "", -1)


def row_summary(subject: str, facts: list[Fact]) -> tuple[str, list[Fact]]:
    """One line about a new asset or organization: developer, target, modality, stage, newest event, headline figure.

    Returns the line and the facts it rests on (to cite). Values no source
    states are left out, not guessed.
    """
    parts: list[str] = []
    used: list[Fact] = []

    def first(predicate: str) -> Fact | None:
        return next((f for f in facts if f.predicate == predicate), None)

    for label, predicate in (("developed by", "developer"), ("target", "target"), ("modality", "modality"),
                             ("focus", "focus"), ("country", "country")):
        f = first(predicate)
        if f is not None:
            values = sorted({g.object for g in facts if g.predicate == predicate},
                            key=str.casefold)
            parts.append(f"{label} {', '.join(values[:3])}")
            used.append(f)
    staged = [f for f in facts if _stage_rank(f) >= 0]
    if staged:
        top = max(staged, key=lambda f: (_stage_rank(f), f.evidence.doc, f.evidence.start))
        parts.append("stage " + STAGES[_stage_rank(top)])
        used.append(top)
    dated = [f for f in facts if isinstance(f.object, Regulatory) and f.object.date]
    if dated:
        newest = max(dated, key=lambda f: (f.object.date, -weight(f), f.evidence.doc))
        parts.append("newest regulatory event " + object_text(newest.object))
        used.append(newest)
    figures = [f for f in facts if isinstance(f.object, Efficacy)]
    if figures:
        headline = figures[0]  # facts are in document order: the first figure a release states is its headline
        parts.append("headline " + object_text(headline.object))
        used.append(headline)
    return (subject + (": " + "; ".join(parts) if parts else "")), used


def diff(previous: Edition | None, current: Edition) -> ChangeSet:
    """What is new, changed and gone since `previous`, as a briefing.

    One entry per new row (a line saying who, what and how far, cited); then
    changed values (old -> new); then new statements about rows already there;
    then what no source supports any more. Within each, by weight: approvals,
    filings, designations and stages before trials and aliases.
    """
    if previous is None:
        return ChangeSet(since=None, changes=())
    changes: list[Change] = []
    old_rows = {name_key(r) for r in previous.rows}
    new_rows = set()
    for row in current.rows:
        if name_key(row) not in old_rows:
            new_rows.add(name_key(row))
            facts = [f for f in current.facts if name_key(f.subject) == name_key(row)]
            text, used = row_summary(row, facts)
            top = min((weight(f) for f in used if f.predicate in ("regulatory", "phase")), default=9)
            changes.append(Change(kind="new row", subject=row, text=text, facts=tuple(used), weight=top))

    def index(facts):
        out: dict[tuple, dict[str, list[Fact]]] = {}
        for f in facts:
            if name_key(f.subject) in new_rows:
                continue  # said once, in the new row's line
            out.setdefault(_identity(f), {}).setdefault(_value_key(f), []).append(f)
        return out

    old, new = index(previous.facts), index(current.facts)
    for ident in sorted(set(old) | set(new), key=str):
        before, after = old.get(ident, {}), new.get(ident, {})
        added = [v for v in after if v not in before]
        gone = [v for v in before if v not in after]
        if added and gone:  # only value-free identities (an endpoint, a target) can differ in value
            for a, g in zip(sorted(added), sorted(gone)):
                fa, fg = after[a][0], before[g][0]
                changes.append(Change(kind="changed", subject=fa.subject,
                                      text=f"{fa.predicate}: {object_text(fg.object)} → {object_text(fa.object)}",
                                      facts=tuple(after[a]), old_quote=fg.evidence.quote, old_doc=fg.evidence.doc,
                                      old_facts=tuple(before[g]), weight=weight(fa)))
            added, gone = added[len(gone):], gone[len(added):]
        for a in added:
            f = after[a][0]
            changes.append(Change(kind="new", subject=f.subject, text=f"{f.predicate}: {object_text(f.object)}",
                                  facts=tuple(after[a]), weight=weight(f)))
        for g in gone:
            f = before[g][0]
            changes.append(Change(kind="removed", subject=f.subject, text=f"{f.predicate}: {object_text(f.object)}",
                                  old_quote=f.evidence.quote, old_doc=f.evidence.doc, old_facts=tuple(before[g]),
                                  weight=weight(f)))
    order = {"new row": 0, "changed": 1, "new": 2, "removed": 3}
    changes.sort(key=lambda c: (order[c.kind], c.weight, c.subject.casefold(), c.text))
    return ChangeSet(since=previous.name, changes=tuple(changes), same_date=previous.as_of == current.as_of)


def mark_pending(changes: ChangeSet, is_pending) -> ChangeSet:
    """`review: marked`: new facts nobody has reviewed yet are flagged as pending."""
    marked = tuple(c.model_copy(update={"pending": True})
                   if c.kind in ("new", "new row", "changed") and c.facts and all(is_pending(f) for f in c.facts) else c
                   for c in changes.changes)
    return changes.model_copy(update={"changes": marked})


def pending_changes(changes: ChangeSet, previous: Edition | None, hidden: list[Fact]) -> ChangeSet:
    """`review: required`: facts the brief hides until reviewed, from documents new since `previous`.

    They are not in the brief, so they cannot be "new" in it, and their values
    are not shown (the brief shows reviewed facts only): each subject is told
    with how many new facts await review, and from which documents.
    """
    if previous is None or not hidden:
        return changes
    seen_docs = {f.evidence.doc for f in previous.facts}
    waiting: dict[str, tuple[str, set, set]] = {}
    for f in sort_facts(hidden):
        if f.evidence.doc in seen_docs:
            continue
        subject, keys, docs = waiting.setdefault(name_key(f.subject), (f.subject, set(), set()))
        keys.add((f.predicate, _value_key(f)))
        docs.add(f.evidence.doc)
    extra = []
    for subject, keys, docs in waiting.values():
        noun = "fact" if len(keys) == 1 else "facts"
        extra.append(Change(kind="awaiting review", subject=subject, pending=True,
                            text=f"{len(keys)} new extracted {noun} awaiting review ({', '.join(sorted(docs))})"))
    extra.sort(key=lambda c: (c.subject.casefold(), c.text))
    return changes.model_copy(update={"changes": changes.changes + tuple(extra)})


def changes_since(project_root: Path, landscape_id: str, since: str | None = None,
                  out_dir: Path | None = None):
    """What changed between an edition (default: the one before the newest) and the newest."""
    from reportgen.errors import InputError, Location, Problem
    from reportgen.landscape import ID_PATTERN
    from reportgen.paths import inside_project, read_refusal

    out_dir = inside_project(project_root, out_dir or project_root / "out", "--out")
    if not re.fullmatch(ID_PATTERN, landscape_id):
        raise InputError(Problem(Location(landscape_id), "not a landscape id",
                                 "ids are lower-case letters, digits and hyphens, like the landscape's file name"))
    if read_refusal(out_dir / landscape_id, project_root):
        raise InputError(Problem(Location(str(out_dir / landscape_id)), "resolves outside the project; not read"))
    names = list_editions(out_dir, landscape_id)
    if not names:
        raise InputError(f"{landscape_id}: no editions in {out_dir} yet; run reportgen build first")
    if since is not None and since not in names:
        raise InputError(Problem(Location(since), f"no edition {since!r} of {landscape_id}",
                                 f"editions: {', '.join(names)}"))
    current = read_edition(out_dir, landscape_id, names[-1])
    if since is None:
        previous = read_edition(out_dir, landscape_id, names[-2]) if len(names) > 1 else None
    else:
        previous = read_edition(out_dir, landscape_id, since)
    return diff(previous, current)
