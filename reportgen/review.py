"""Reviewed facts: the analyst's accept / reject / correct decisions, for the whole project.

Decisions live in `landscapes/review.yaml` and apply to every landscape. A
fact is known by an id derived from what it says and the sentence it quotes
(document, predicate, subject, object, quote) - not offsets, cache or
extractor version - so a decision survives re-extraction and a new extractor
as long as the fact and its quote are unchanged. A decision whose fact is gone
is stale: reported, never applied.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Literal, Mapping

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reportgen.errors import InputError, Location, Problem
from reportgen.facts import Evidence, Fact, KnownPredicate, object_problem, object_text, plain
from reportgen.facts import hint as _hint
from reportgen.landscape import Citation, find_quote
from reportgen.yamlpos import load_yaml_with_positions, locate, read_yaml_mapping

REVIEW_FILE = Path("landscapes") / "review.yaml"
MIN_ID = 10  # hex characters printed; longer only when two facts would share a prefix
STATUSES = ("accepted", "rejected", "corrected")
MODES = ("required", "marked", "off")


def _norm(text: str) -> str:
    from reportgen.naming import name_key

    return name_key(text)


def fact_id(fact: Fact) -> str:
    """The full id of an extracted fact (64 hex); stable across extractor versions.

    A partnership is one statement whichever side is its subject, so both
    sides give the same id.
    """
    subject = _norm(fact.subject)
    obj: Any = plain(fact.object)
    if fact.predicate == "partner" and isinstance(obj, str):
        subject, obj = sorted((subject, _norm(obj)))
    canonical = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    quote = " ".join(fact.evidence.quote.split())
    payload = json.dumps([fact.evidence.doc, fact.predicate, subject, canonical, quote], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def short_ids(full_ids: Iterable[str]) -> int:
    """The shortest prefix length (at least MIN_ID) that keeps distinct ids distinct."""
    ids = sorted(set(full_ids))
    length = MIN_ID
    for a, b in zip(ids, ids[1:]):
        common = len(_common_prefix(a, b))
        length = max(length, common + 1)
    return length


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


# --- the file ----------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Decision(_Strict):
    """One reviewed fact. `doc`...`quote` are context for readers of the file; `id` decides."""

    id: str = Field(pattern=r"^[0-9a-f]{6,64}$")
    status: Literal["accepted", "rejected", "corrected"]
    reason: str | None = None
    object: str | dict[str, Any] | None = None   # corrected: the right value
    cite: Citation | None = None                  # corrected: the sentence that states it
    doc: str | None = None
    subject: str | None = None
    predicate: str | None = None
    value: str | None = None
    quote: str | None = None


class ReviewRemoval(_Strict):
    """A project-wide `remove:`: every value of `predicate` (or the one `object`) of `entity`."""

    entity: str
    predicate: KnownPredicate
    object: str | dict[str, Any] | None = None
    reason: str | None = None


class ReviewFile(_Strict):
    decisions: list[Decision] = []
    remove: list[ReviewRemoval] = []


@dataclass
class Review:
    """The loaded review file, with where each entry stands (for messages)."""

    path: Path
    shown: str
    decisions: list[Decision] = field(default_factory=list)
    removals: list[ReviewRemoval] = field(default_factory=list)
    positions: dict[str, Location] = field(default_factory=dict)  # decision id -> where
    removal_positions: list[tuple[Location, Location | None, Location | None]] = field(default_factory=list)
    digest: str = ""
    tree: Any = None

    def lookup(self, full_id: str) -> Decision | None:
        for length in self._lengths:
            d = self._by_id.get(full_id[:length])
            if d is not None:
                return d
        return None

    def __post_init__(self) -> None:
        self._by_id = {d.id: d for d in self.decisions}
        self._lengths = sorted({len(d.id) for d in self.decisions}, reverse=True)


def review_path(root: Path) -> Path:
    return root / REVIEW_FILE


def load_review(root: Path, documents: Mapping[str, str] | None = None) -> Review:
    """Parse and validate the project's review file (an absent file means no decisions)."""
    path = review_path(root)
    shown = REVIEW_FILE.as_posix()
    if not path.exists():
        return Review(path=path, shown=shown)
    data, tree, raw = read_yaml_mapping(path, shown, "review file", "the review file must be a mapping (decisions:, remove:)",
                                   empty_ok=True)
    problems: list[Problem] = []
    parsed = None
    try:
        parsed = ReviewFile.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p in ("str", "dict[str,any]"))))
            where = locate(tree, loc, shown)
            if err["type"] == "extra_forbidden":
                keys = list(Decision.model_fields) if "decisions" in loc else (
                    list(ReviewRemoval.model_fields) if "remove" in loc else list(ReviewFile.model_fields))
                problems.append(Problem(where, f"unknown key {loc[-1]!r}", _hint(str(loc[-1]), keys).lstrip("; ") or None))
            elif err["type"] == "missing":
                problems.append(Problem(where, f"missing required key {'.'.join(map(str, loc))!r}"))
            else:
                problems.append(Problem(where, f"{'.'.join(map(str, loc))}: {err['msg']}"))
    positions: dict[str, Location] = {}
    if parsed is not None:
        for i, d in enumerate(parsed.decisions):
            where = locate(tree, ("decisions", i, "id"), shown)
            if d.id in positions:
                problems.append(Problem(where, f"duplicate decision for {d.id} (also at line {positions[d.id].line})"))
            positions.setdefault(d.id, where)
            if d.status == "corrected":
                if d.object is None or d.cite is None:
                    problems.append(Problem(locate(tree, ("decisions", i), shown),
                                            f"decision {d.id}: a correction needs `object` and `cite` {{doc, quote}}"))
                elif documents is not None:
                    cite_at = locate(tree, ("decisions", i, "cite"), shown)
                    if d.cite.doc not in documents:
                        problems.append(Problem(cite_at, f"cite: no source document {d.cite.doc!r}",
                                                _hint(d.cite.doc, documents).lstrip("; ") or "see landscapes/sources/"))
                    elif find_quote(documents[d.cite.doc], d.cite.quote) is None:
                        problems.append(Problem(cite_at, f"cite: quote not found verbatim in {d.cite.doc}: {d.cite.quote[:60]!r}"))
            elif d.object is not None or d.cite is not None:
                problems.append(Problem(locate(tree, ("decisions", i, "status"), shown),
                                        f"decision {d.id}: `object` and `cite` belong to status: corrected"))
    if problems or parsed is None:
        raise InputError(problems)
    removal_positions = [(locate(tree, ("remove", i, "entity"), shown),
                          locate(tree, ("remove", i, "object"), shown) if r.object is not None else None,
                          locate(tree, ("remove", i, "predicate"), shown))
                         for i, r in enumerate(parsed.remove)]
    return Review(path=path, shown=shown, decisions=list(parsed.decisions), removals=list(parsed.remove),
                  positions=positions, removal_positions=removal_positions,
                  digest=hashlib.sha256(raw).hexdigest(), tree=tree)


# --- applying ----------------------------------------------------------------

@dataclass
class Applied:
    """Facts with the decisions applied, and what each extracted fact's state is."""

    facts: list[Fact]
    accepted: set[str]          # full ids of accepted facts
    rejected: list[Fact]        # extracted facts a decision rejected
    corrected: list[Fact]       # the extracted facts a correction replaced
    stale: list[Decision]       # decisions whose fact no longer exists
    moved: list[tuple[Decision, str]] = field(default_factory=list)  # re-found by what the fact says

    def is_pending(self, fact: Fact) -> bool:
        return fact.source == "extracted" and fact_id(fact) not in self.accepted


def _statement(doc: str | None, predicate: str | None, subject: str | None, value: str | None) -> tuple | None:
    """What a fact says, without the sentence it quotes: the key a decision is re-found by."""
    if not (doc and predicate and subject and value is not None):
        return None
    subject_key, value_key = _norm(subject), " ".join(value.split())
    if predicate == "partner":
        subject_key, value_key = sorted((subject_key, _norm(value)))
    return doc, predicate, subject_key, value_key


def _fact_statement(fact: Fact) -> tuple | None:
    return _statement(fact.evidence.doc, fact.predicate, fact.subject, object_text(fact.object))


@dataclass
class Matched:
    """Which decision decides which extracted fact (by full id), and which decisions decide none."""

    by_fact: dict[str, Decision]
    moved: list[tuple[Decision, str]]   # decided by what the fact says: the extractor now quotes another sentence
    stale: list[Decision]


def match_decisions(review: Review, facts: Mapping[str, Fact]) -> Matched:
    """Decisions matched to facts by id; a decision whose id matches nothing is re-found by what it says.

    A new extractor may quote another sentence for the same fact, which
    changes the fact's id. The decision still means what it meant when its
    document, predicate, subject and value (the context `reportgen review`
    writes) single out one undecided fact and no other decision says the same;
    anything less certain stays stale.
    """
    by_fact: dict[str, Decision] = {}
    used: set[str] = set()
    for full in facts:
        d = review.lookup(full)
        if d is not None:
            by_fact[full] = d
            used.add(d.id)
    waiting: dict[tuple, list[Decision]] = {}
    for d in review.decisions:
        key = None if d.id in used else _statement(d.doc, d.predicate, d.subject, d.value)
        if key is not None:
            waiting.setdefault(key, []).append(d)
    moved: list[tuple[Decision, str]] = []
    if waiting:
        candidates: dict[tuple, list[str]] = {}
        for full, fact in facts.items():
            if full not in by_fact and fact.source == "extracted":
                key = _fact_statement(fact)
                if key in waiting:
                    candidates.setdefault(key, []).append(full)
        for key, decided in waiting.items():
            found = candidates.get(key, [])
            if len(decided) == 1 and len(found) == 1:
                by_fact[found[0]] = decided[0]
                used.add(decided[0].id)
                moved.append((decided[0], found[0]))
    moved.sort(key=lambda m: m[0].id)
    return Matched(by_fact=by_fact, moved=moved, stale=[d for d in review.decisions if d.id not in used])


def apply_decisions(facts: Iterable[Fact], review: Review | None, docs: Mapping[str, Any] | None = None,
                    known: Mapping[str, Fact] | None = None) -> Applied:
    """Drop rejected facts, replace corrected ones, note accepted ones.

    `known`: every extracted fact of the project by full id (when facts come
    from several extraction runs); a decision matching none of them is stale.
    """
    facts = list(facts)
    if review is None or not review.decisions:
        return Applied(facts=facts, accepted=set(), rejected=[], corrected=[], stale=[])
    ids = [fact_id(f) if f.source == "extracted" else None for f in facts]
    if known is None:
        known = {}
        for full, fact in zip(ids, facts):
            if full is not None:
                known.setdefault(full, fact)
    matched = match_decisions(review, known)
    out, accepted, rejected, corrected = [], set(), [], []
    for full, fact in zip(ids, facts):
        if full is None:
            out.append(fact)
            continue
        decision = matched.by_fact.get(full)
        if decision is None:
            out.append(fact)
            continue
        if decision.status == "accepted":
            accepted.add(full)
            out.append(fact)
        elif decision.status == "rejected":
            rejected.append(fact)
        else:
            corrected.append(fact)
            replacement = _correction(fact, decision, docs, review.shown)
            if replacement is not None:
                out.append(replacement)
    return Applied(facts=out, accepted=accepted, rejected=rejected, corrected=corrected, stale=matched.stale,
                   moved=matched.moved)


def hide_pending(knowledge, applied: Applied):
    """The knowledge as `review: required` shows it: accepted and curated facts only.

    Entities stay merged as the extractor found them; only what they show shrinks.
    """
    from reportgen.knowledge import Knowledge

    return Knowledge([e.model_copy(update={"facts": tuple(f for f in e.facts if not applied.is_pending(f))})
                      for e in knowledge.entities])


def _correction(fact: Fact, decision: Decision, docs, via: str) -> Fact | None:
    doc = (docs or {}).get(decision.cite.doc) if decision.cite else None
    if doc is None:
        return None
    span = find_quote(doc.text, decision.cite.quote)
    if span is None:  # validated at load time
        return None
    problem = object_problem(fact.predicate, decision.object)
    if problem:
        raise InputError(Problem(Location(via), f"decision {decision.id}: object of a {fact.predicate!r} fact: {problem}"))
    evidence = Evidence.from_span(doc.id, doc.text, *span, via=via)
    return Fact(subject=fact.subject, predicate=fact.predicate, object=decision.object, evidence=evidence,
                source="curated")


def stale_problems(review: Review, stale: Iterable[Decision]) -> list[Problem]:
    out = []
    for d in stale:
        what = " ".join(p for p in (d.subject, d.predicate, repr(d.value) if d.value else None) if p)
        out.append(Problem(review.positions.get(d.id, Location(review.shown)),
                           f"stale decision {d.id} ({d.status}{': ' + what if what else ''}): "
                           "no extracted fact has this id any more",
                           "the document or the sentence changed; review the fact again and delete this entry"))
    return out


def moved_problems(review: Review, moved: Iterable[tuple[Decision, str]], length: int | None = None) -> list[Problem]:
    """Warnings for decisions applied by what their fact says, not by id: the file should get the new id."""
    out = []
    for d, full in moved:
        new = full[:length or len(d.id)]
        what = " ".join(p for p in (d.subject, d.predicate, repr(d.value) if d.value else None) if p)
        out.append(Problem(review.positions.get(d.id, Location(review.shown)),
                           f"decision {d.id} ({d.status}: {what}) applied to the same fact quoted from another "
                           f"sentence, id {new}",
                           f"the extractor now quotes another sentence for it; the next decision `reportgen review` records "
                           f"writes the new id, or replace {d.id} by {new} by hand"))
    return out


# --- writing -----------------------------------------------------------------

def decision_for(fact: Fact, short: str, status: str, reason: str | None = None) -> Decision:
    return Decision(id=short, status=status, reason=reason, doc=fact.evidence.doc, subject=fact.subject,
                    predicate=fact.predicate, value=object_text(fact.object), quote=fact.evidence.quote)


HEADER = """\
# Reviewed facts: decisions about extracted facts, for every landscape.
# Written by `reportgen review`; safe to edit by hand (keep it sorted by id).
#   status: accepted | rejected (optional reason) | corrected (object + cite: {doc, quote})
#   doc, subject, predicate, value, quote: what the fact said, for readers; the id decides.
# remove: project-wide removals, [{entity, predicate, object (optional), reason}].
"""


def _round_trip():
    """ruamel.yaml's round-trip dumper: it keeps comments, which PyYAML drops. Lines are not
    wrapped, so a quote stays on one line and every rewrite gives the same bytes."""
    from ruamel.yaml import YAML

    rt = YAML()
    rt.width = 1 << 16
    rt.indent(mapping=2, sequence=2, offset=0)
    return rt


def _decision_map(d: Decision):
    from ruamel.yaml.comments import CommentedMap

    data = d.model_dump(exclude_none=True, mode="json")
    return CommentedMap((k, data[k]) for k in Decision.model_fields if k in data)


def _dump(data) -> str:
    out = io.StringIO()
    _round_trip().dump(data, out)
    return out.getvalue()


def dump_review(decisions: Iterable[Decision], removals: Iterable[ReviewRemoval] = ()) -> bytes:
    """The review file's bytes: decisions sorted by id, keys in a fixed order (diff-friendly)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    body = CommentedMap(decisions=CommentedSeq(_decision_map(d) for d in sorted(decisions, key=lambda d: d.id)))
    rem = [r.model_dump(exclude_none=True, mode="json") for r in removals]
    if rem:
        body["remove"] = rem
    return (HEADER + _dump(body)).encode("utf-8")


def rewrite_review(existing: str, decisions: Iterable[Decision], removals: Iterable[ReviewRemoval] = ()) -> bytes:
    """The review file updated in place: what the analyst wrote by hand (comments, an unchanged
    decision's layout) stays; new and changed decisions are written as `dump_review` writes them.

    A file the round-trip loader cannot read is rewritten whole (the loader that read the
    decisions already accepted it).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    try:
        data = _round_trip().load(existing)
    except Exception:  # noqa: BLE001 - any round-trip failure falls back to a clean rewrite
        data = None
    if not isinstance(data, CommentedMap):
        return dump_review(decisions, removals)
    old = {str(item.get("id")): item for item in data.get("decisions") or [] if isinstance(item, CommentedMap)}
    items = CommentedSeq()
    for d in sorted(decisions, key=lambda d: d.id):
        fresh, kept = _decision_map(d), old.get(d.id)
        same = kept is not None and json.dumps(kept, default=str, sort_keys=True) == json.dumps(fresh, sort_keys=True)
        items.append(kept if same else fresh)  # unchanged: the analyst's comments stay with it
    data["decisions"] = items
    return _dump(data).encode("utf-8")


def merge_decisions(review: Review, new: Iterable[Decision]) -> list[Decision]:
    """The file's decisions with `new` ones replacing those of the same fact."""
    merged = {d.id: d for d in review.decisions}
    for d in new:
        for old in [k for k in merged if k.startswith(d.id) or d.id.startswith(k)]:
            del merged[old]
        merged[d.id] = d
    return list(merged.values())


WORKLIST_HEADER = """\
# reportgen review worklist: set each status to accepted, rejected (add a reason)
# or corrected (add object: and cite: {doc, quote}); leave pending to decide later.
# Feed it back with: reportgen review --apply THIS_FILE
"""


class WorkItem(_Strict):
    id: str = Field(pattern=r"^[0-9a-f]{6,64}$")
    status: Literal["pending", "accepted", "rejected", "corrected"] = "pending"
    reason: str | None = None
    object: str | dict[str, Any] | None = None
    cite: Citation | None = None
    doc: str | None = None
    subject: str | None = None
    predicate: str | None = None
    value: str | None = None
    quote: str | None = None


def dump_worklist(items: Iterable[tuple[str, Fact]]) -> bytes:
    rows = []
    for short, fact in items:
        rows.append({"id": short, "status": "pending", "doc": fact.evidence.doc, "subject": fact.subject,
                     "predicate": fact.predicate, "value": object_text(fact.object), "quote": fact.evidence.quote})
    text = yaml.safe_dump({"facts": rows}, sort_keys=False, allow_unicode=True, width=100)
    return (WORKLIST_HEADER + text).encode("utf-8")


def load_worklist(path: Path) -> list[tuple[WorkItem, Location]]:
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Problem(Location(shown), f"cannot read worklist: {exc}")) from None
    data, tree = load_yaml_with_positions(text, shown)
    if not isinstance(data, dict) or not isinstance(data.get("facts", []), list):
        raise InputError(Problem(Location(shown, 1, 1), "a worklist is a mapping with a `facts:` list"))
    out, problems = [], []
    for i, item in enumerate(data.get("facts") or []):
        where = locate(tree, ("facts", i), shown)
        try:
            parsed = WorkItem.model_validate(item)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ("facts", i, *[p for p in err["loc"] if not (isinstance(p, str) and "[" in p)])
                problems.append(Problem(locate(tree, loc, shown), f"{'.'.join(map(str, loc[2:])) or 'item'}: {err['msg']}"))
            continue
        if parsed.status == "corrected" and (parsed.object is None or parsed.cite is None):
            problems.append(Problem(where, f"{parsed.id}: a correction needs `object` and `cite` {{doc, quote}}"))
            continue
        out.append((parsed, where))
    if problems:
        raise InputError(problems)
    return out


SHORT_ID = re.compile(r"^[0-9a-f]{6,64}$")


# --- the review session (what `reportgen review` shows and changes) -----------

@dataclass
class Item:
    """One extracted fact as the review command lists it."""

    short: str
    full: str
    fact: Fact
    date: str | None
    status: str   # pending | accepted | rejected | corrected

    def to_json(self) -> str:
        ev = self.fact.evidence
        return json.dumps({"id": self.short, "status": self.status, "doc": ev.doc, "date": self.date,
                           "subject": self.fact.subject, "predicate": self.fact.predicate,
                           "object": plain(self.fact.object), "value": object_text(self.fact.object),
                           "quote": ev.quote, "start": ev.start, "end": ev.end}, ensure_ascii=False)


@dataclass
class Counts:
    reviewed: int = 0
    pending: int = 0
    rejected: int = 0


@dataclass
class Session:
    root: Path
    review: Review
    docs: dict
    items: dict[str, Item]                 # full id -> item, every extracted fact of the project
    in_landscape: dict[str, set[str]]      # landscape id -> full ids of the facts about its rows
    counts: dict[str, Counts]
    stale: list[Decision]
    id_length: int
    moved: list[tuple[Decision, str]] = field(default_factory=list)

    def listing(self, landscape: str | None = None, doc: str | None = None, predicate: str | None = None,
                subject: str | None = None, status: str | None = "pending") -> list[Item]:
        """Facts to review, newest documents first (sidecar date, then name), in reading order."""
        from reportgen.naming import name_key

        chosen = self.in_landscape.get(landscape, set()) if landscape else set(self.items)
        out = [it for full, it in self.items.items() if full in chosen
               and (status is None or it.status == status)
               and (doc is None or it.fact.evidence.doc == doc)
               and (predicate is None or it.fact.predicate == predicate)
               and (subject is None or name_key(subject) in name_key(it.fact.subject))]
        dates = {it.fact.evidence.doc: it.date or "" for it in out}
        order = sorted(dates, key=lambda name: (dates[name] == "", _neg(dates[name]), name))
        position = {name: i for i, name in enumerate(order)}
        out.sort(key=lambda it: (position[it.fact.evidence.doc], it.fact.evidence.start, it.fact.evidence.end,
                                 it.fact.predicate, it.short))
        return out

    def resolve(self, given: Iterable[str]) -> list[Item]:
        """Items by the ids the user typed (a unique prefix of at least 6 hex); bad ids are an error."""
        problems, out = [], []
        shorts = [it.short for it in self.items.values()]
        for raw in given:
            ident = raw.strip().lower()
            if not SHORT_ID.match(ident):
                problems.append(Problem(Location(raw), "not a fact id (6 to 64 hex characters)",
                                        "use an id `reportgen review` printed"))
                continue
            matches = [it for full, it in self.items.items() if full.startswith(ident)]
            if not matches:
                problems.append(Problem(Location(raw), "no extracted fact has this id",
                                        _hint(ident, shorts).lstrip("; ") or "run `reportgen review` to list the ids"))
            elif len(matches) > 1:
                problems.append(Problem(Location(raw), f"ambiguous id: {len(matches)} facts start with it",
                                        "give more characters: " + ", ".join(sorted(m.short for m in matches))))
            else:
                out.append(matches[0])
        if problems:
            raise InputError(problems)
        return out

    def refreshed(self) -> list[Decision]:
        """Moved decisions under their fact's new id and quote (written with the next decisions)."""
        return [d.model_copy(update={"id": full[:self.id_length], "quote": self.items[full].fact.evidence.quote})
                for d, full in self.moved]

    def write(self, decisions: Iterable[Decision]) -> Path:
        from reportgen.build import write_atomic

        merged = merge_decisions(self.review, [*self.refreshed(), *decisions])
        gone = {d.id for d, _ in self.moved}
        merged = [d for d in merged if d.id not in gone]
        path = self.review.path
        body = (rewrite_review(path.read_text(encoding="utf-8"), merged, self.review.removals) if path.is_file()
                else dump_review(merged, self.review.removals))
        write_atomic(path, body)
        return self.review.path


def _neg(date: str) -> tuple:
    """Sort key putting later ISO dates first."""
    return tuple(-ord(c) for c in date)


def open_session(root: Path, names: list[str] | None = None) -> Session:
    """Read the project (facts from the cache when it can), its landscapes and the review file."""
    from reportgen.brief import select_entities
    from reportgen.build import Project, load_corpus, load_landscapes
    from reportgen.knowledge import build_knowledge, curated_facts

    project = Project(root)
    cache = root / "out" / ".cache"
    # the same cache as the build: reviewing a large corpus twice does not extract it twice
    corpus = load_corpus(project, cache_dir=cache)
    landscapes = load_landscapes(project, names, corpus)
    review = load_review(root, {d: doc.text for d, doc in corpus.docs.items()})
    corpora = {"": corpus}
    for _, ls in landscapes:
        key = json.dumps(ls.lexicon, sort_keys=True) if ls.lexicon else ""
        if key not in corpora:
            corpora[key] = load_corpus(project, cache_dir=cache, lexicon=ls.lexicon)
    facts: dict[str, Fact] = {}
    for c in corpora.values():
        for f in c.facts:
            if f.source == "extracted":
                facts.setdefault(fact_id(f), f)
    length = short_ids(facts)
    matched = match_decisions(review, facts)
    items = {}
    for full, f in facts.items():
        d = matched.by_fact.get(full)
        doc = corpus.docs.get(f.evidence.doc)
        items[full] = Item(short=full[:length], full=full, fact=f, status=d.status if d else "pending",
                           date=doc.date.isoformat() if doc is not None and doc.date else None)
    in_landscape: dict[str, set[str]] = {}
    counts: dict[str, Counts] = {}
    for path, ls in landscapes:
        c = corpora[json.dumps(ls.lexicon, sort_keys=True) if ls.lexicon else ""]
        via = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        knowledge = build_knowledge([*c.facts, *curated_facts(ls.entities, c.docs, via)], ls.entities, review.removals)
        rows, comparators = select_entities(ls, knowledge)
        ids = {fact_id(f) for e in [*rows, *comparators] for f in e.facts if f.source == "extracted"}
        ids &= set(items)
        in_landscape[ls.id] = ids
        n = Counts()
        for full in ids:
            status = items[full].status
            if status == "pending":
                n.pending += 1
            elif status == "rejected":
                n.rejected += 1
            else:
                n.reviewed += 1
        counts[ls.id] = n
    return Session(root=root, review=review, docs=corpus.docs, items=items, in_landscape=in_landscape,
                   counts=counts, stale=matched.stale, id_length=length, moved=matched.moved)


def decisions_from_worklist(session: Session, path: Path) -> list[Decision]:
    """The decided items of an edited worklist, as decisions (pending ones are left for later)."""
    entries = load_worklist(path)
    decided = [(w, where) for w, where in entries if w.status != "pending"]
    items = session.resolve([w.id for w, _ in decided])
    out, problems = [], []
    for (w, where), item in zip(decided, items):
        if w.status == "corrected":
            doc = session.docs.get(w.cite.doc)
            if doc is None:
                problems.append(Problem(where, f"cite: no source document {w.cite.doc!r}",
                                        _hint(w.cite.doc, session.docs).lstrip("; ") or None))
                continue
            if find_quote(doc.text, w.cite.quote) is None:
                problems.append(Problem(where, f"cite: quote not found verbatim in {w.cite.doc}: {w.cite.quote[:60]!r}"))
                continue
        base = decision_for(item.fact, item.short, w.status, w.reason)
        if w.status == "corrected":
            base = base.model_copy(update={"object": w.object, "cite": w.cite})
        out.append(base)
    if problems:
        raise InputError(problems)
    return out
