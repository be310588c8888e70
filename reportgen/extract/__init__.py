"""Rule-based, deterministic fact extraction (FACTS.md predicates).

`extract_facts(doc)` segments the text into sentences, finds asset and
organization names (merging aliases per document), then reads relations
sentence by sentence. Lexicons live in `data/*.yaml` and are compiled once.
"""

from __future__ import annotations

import re

import json
from json.encoder import encode_basestring as _json_str

from reportgen.extract.keyed import Keyed
from reportgen.extract.lexicon import Lexicons, Match, load_lexicons
from reportgen.extract.target_shapes import shaped_targets
from reportgen.extract.names import Names, build_names, norm
from reportgen.extract.normalize import Normalized, normalize
from reportgen.extract.scoring import Ballot
from reportgen.extract.quotes import DEFINED, ELSEWHERE, choose, defined_before, elsewhere, regulator_before, repeats, states
from reportgen.extract.relations import Context, Raw, Spans, run
from reportgen.extract.regulatory_cues import national_fda
from reportgen.extract.sentences import split_sentences
from reportgen.extract.mesh_mentions import mesh_diseases
from reportgen.extract.indications import abbreviation_in_context, shared_head_diseases
from reportgen.extract.antibodies import antibody_modalities, fragment_modalities
from reportgen.extract.trials import find_trials
from reportgen.extract.trial_names import more_trials
from reportgen.facts import Efficacy, Evidence, Fact, sort_facts
from reportgen.sources import Document

EXTRACTOR_VERSION = "2.6"

__all__ = ["EXTRACTOR_VERSION", "extract_facts", "load_lexicons", "split_sentences",
           "Extractor", "RuleExtractor", "get_extractor", "BACKENDS", "EXTENSION_KEYS"]


def extract_facts(doc: Document, lexicon: dict | Lexicons | None = None) -> list[Fact]:
    """Facts the document states, each with the sentence that states it.

    `lexicon`: extra spellings per lexicon (see `load_lexicons`), or a
    prebuilt `Lexicons`; the default lexicons otherwise.
    """
    lex = lexicon if isinstance(lexicon, Lexicons) else load_lexicons(lexicon)
    normalized = normalize(doc.text)  # rules read this; quotes are cut from doc.text (normalize.py)
    text = normalized.text
    sentences = split_sentences(text)
    if not sentences:
        return []
    found = lex.scan(text)
    shaped = shaped_targets(text, lex, [m for ms in found.values() if isinstance(ms, list) for m in ms
                                        if isinstance(m, Match)])
    if shaped:
        found["targets"] = sorted(found["targets"] + shaped, key=lambda m: (m.start, -m.end))
    trials = more_trials(text, lex, find_trials(text, lex))
    names = build_names(text, sentences, lex, trials, found)
    ctx = Context(
        text=text, names=names, lex=lex, doc_date=doc.date,
        diseases=Spans(_diseases(found, text)),
        targets=Spans(found["targets"]),
        modalities=Spans(found["modalities"] + _antibodies(text, found)),  # antibodies.py
        authorities=Spans(_authorities(found, text)),
        designations=Spans(found["designations"]),
        endpoints=Spans(found["endpoints"]),
        events=Spans(found["events"]),
        trials=Spans(trials),
        countries=found["countries"],
        country_adj=found["country_adjectives"],
    )
    raws = run(ctx, sentences)
    try:
        return [_with_population(f) for f in _to_facts(doc, names, raws, sentences, normalized, lex)]
    finally:
        Keyed.forget()  # quote choice's per-quote memo (keyed.py) holds this document's sentences only


def _antibodies(text: str, found: dict) -> list[Match]:
    """Antibodies written by their target, and antibody fragments heading a description (antibodies.py)."""
    out = antibody_modalities(text, found["modalities"], found["targets"])
    return out + fragment_modalities(text, found["modalities"] + out)


# "Among the 101 evaluable patients, ...", "In 89 patients without prior CAR-T therapy, ..."
# ... and subgroups without a count: "In patients with EGFR mutations, ...", "In the 1L cohort, ..."
POPULATION_RE = re.compile(
    r"^\W*(?:Among|In|Of|For)\s+(?:the\s+|all\s+)?((?:\d[\d,]*\s+)?(?:[\w\-/+]+\s+){0,4}?"
    r"(?:patients|subjects|participants|cohorts?|arms?|subgroups?|groups?|population)"
    r"(?:\s+(?:with|without|who|in|treated|receiving|whose|at)\s+[^,;:]{1,60})?)\s*[,:]")


# ... or names it right after the figure: "the ORR was 61% in patients with EGFR mutations"
POPULATION_AFTER_RE = re.compile(
    r"\s*(?:%|percent\b|months?\b)?\s*(?:\([^()]*\)\s*)?(?:in|among)\s+(?:the\s+|all\s+)?((?:\d[\d,]*\s+)?(?:[\w\-/+]+\s+){0,4}?"
    r"(?:patients|subjects|participants|cohorts?|arms?|subgroups?|population)"
    r"(?:\s+(?:with|without|who|treated|receiving|whose)\s+[^,;:.()]{1,60})?)")


def _with_population(fact: Fact) -> Fact:
    """An efficacy figure whose sentence opens on its population carries it, or one named right after it."""
    if not isinstance(fact.object, Efficacy) or fact.object.population:
        return fact
    quote = fact.evidence.quote
    m = POPULATION_RE.match(quote)
    if not m:
        v = fact.object.value
        num = re.escape(str(int(v)) if float(v).is_integer() else str(v))
        at = [x for x in re.finditer(rf"(?<![\w.]){num}(?:\.0)?(?![\d])", quote)]
        hits = [POPULATION_AFTER_RE.match(quote, x.end()) for x in at]
        hits = [h for h in hits if h]
        if len(hits) != 1:
            return fact  # none, or the value written twice: no guess
        m = hits[0]
    from reportgen.extract.figures import names_a_control_arm
    if names_a_control_arm(m.group(1)):
        return fact  # "In the control arm, PFS was 4.1 months versus 9.8 months with X": X's figure is not the control's
    return fact.model_copy(update={"object": fact.object.model_copy(update={"population": m.group(1).strip()})})


def _diseases(scan: dict, text: str | None = None):
    """Disease mentions; abbreviations of <= 3 letters only where the disease is spelled out."""
    found = scan["diseases"]
    if text is not None:
        shared = shared_head_diseases(text, found)  # "gastric and pancreatic cancers": indications.py
        found = sorted(found + shared, key=lambda m: (m.start, -m.end)) if shared else found
        mesh = mesh_diseases(text, found)
        # the same longer name written elsewhere (a headline's "Metastatic Uveal Melanoma") is that name too
        seen = {(m.start, m.end) for m in mesh}
        longer = {}
        for m in mesh:
            if any(f.start >= m.start and f.end <= m.end for f in found):
                longer.setdefault(m.surface.casefold(), m.canonical)
        for surface, canonical in sorted(longer.items()):
            for o in re.finditer(rf"(?<![\w\-]){re.escape(surface)}(?![\w\-])", text, re.I):
                if o.span() not in seen:
                    seen.add(o.span())
                    mesh.append(Match(o.start(), o.end(), canonical, o.group(0), False))
        mesh.sort(key=lambda m: (m.start, -m.end))
        # "uveal melanoma" (MeSH) read where the curated list knows only "melanoma": the longer name stands
        found = [m for m in found if not any(x.start <= m.start and m.end <= x.end for x in mesh)]
        found = sorted(found + mesh, key=lambda m: (m.start, -m.end))
    spelled = {m.canonical for m in found if not m.abbrev or len(m.surface) > 3}
    return [m for m in found if not (m.abbrev and len(m.surface) <= 3 and m.canonical not in spelled
                                     and not abbreviation_in_context(text, m))]  # "patients with SLE": indications.py


# "Korea's drug regulator", "South Korea's health authorities": the country's regulator, named by its role
_COUNTRY_REGULATOR = re.compile(r"(?:’s|'s)\s+(?:top\s+|national\s+|state\s+)?(?:drugs?|health|medicines?|medical\s+products|pharmaceutical|"
                                r"food\s+and\s+drugs?)\s+(?:regulators?|regulatory\s+(?:agency|authority|body)|authorit(?:y|ies)|agency|"
                                r"watchdog|ministry|administration)\b", re.I)
_OUTSIDE = re.compile(r"(?:\b(?:outside|excluding|except|beyond)\s+(?:of\s+)?(?:the\s+)?(?:Greater\s+|mainland\s+)?|\bex-(?:Greater\s+)?)$", re.I)
_IN_PLACE = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*(?:,\s*(?:and\s+)?|and\s+))*$")


def _authorities(scan: dict, text: str = "") -> list[tuple[int, int, str]]:
    """Regulator mentions, and country names standing for their regulator."""
    # "the Thai FDA", "Taiwan's Food and Drug Administration": not the U.S. FDA (regulatory_cues.national_fda)
    out = [(m.start, m.end, (m.canonical != "FDA" or m.surface.startswith(("U", "United"))) and m.canonical
            or national_fda(text, m.start, m.end) or m.canonical) for m in scan["authorities"]]
    taken = [(s, e) for s, e, _ in out]
    for m in scan["country_authorities"]:
        # "China's CDE", "Japan's MHLW": the country qualifies the regulator named right after it
        if not any(a <= m.start < b or m.end <= a <= m.end + 4 for a, b in taken):
            if m.canonical == "other" and not _IN_PLACE.search(text, max(0, m.start - 80), m.start) and \
                    not _COUNTRY_REGULATOR.match(text, m.end):
                continue  # "approved in South Korea" names the regulator; "SEOUL, South Korea --" does not
            if _OUTSIDE.search(text, max(0, m.start - 40), m.start):
                continue  # "rights to X outside China", "ex-China rights": a territory, not the regulator
            out.append((m.start, m.end, m.canonical))
    return sorted(out)


def _sentence_of(sentences, pos: int) -> tuple[int, int]:
    lo, hi = 0, len(sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sentences[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return sentences[lo]


def _to_facts(doc: Document, names: Names, raws: list[Raw], sentences, normalized: Normalized | None = None,
              lex: Lexicons | None = None) -> list[Fact]:
    """Candidate facts voted on (scoring.py), those reaching the threshold made into facts whose
    quotes are cut from the original text (spans mapped back through `normalized`)."""
    text = doc.text
    ballot = Ballot()
    spans: dict = {}  # candidate key -> every span that yields it, and the names quote choice looks for

    def emit(subject: str, predicate: str, obj, span, rules=(None,), names=(), obj_names=()):
        # a plain string's JSON is what json.dumps would write for it, without the encoder set-up per call
        key = (subject, predicate, _json_str(obj) if type(obj) is str else json.dumps(obj, sort_keys=True, ensure_ascii=False))
        ballot.vote(key, (subject, predicate, obj, span), rules)
        spans.setdefault(key, ([], names or (subject,), obj_names))[0].append(span)

    used_assets = set()
    for r in raws:
        if r.eid == -1:
            emit(getattr(r, "subject_name"), r.predicate, r.obj, r.span)
            continue
        ent = names.entities[r.eid]
        obj, obj_names = r.obj, ()
        if r.predicate in ("developer", "partner"):
            other = names.entities[obj]
            obj = other.canonical
            if norm(obj) == norm(ent.canonical):
                continue
            obj_names = tuple(other.names)  # the spellings its name facts join (quote choice accepts them)
        if ent.kind == "asset":
            used_assets.add(r.eid)
        emit(ent.canonical, r.predicate, obj, r.span, getattr(r, "rules", (None,)), tuple(ent.names), obj_names)
    # name facts: every alias of an asset and every spelling of an organization the document joined
    # ("Quillon Therapeutics, Inc." ... "Quillon"): FACTS.md has each other name in a name fact, so a
    # reader (and the quote of a developer fact naming the company briefly) joins on any of them
    for eid, ent in enumerate(names.entities):
        if ent.kind == "asset" and len(ent.names) < 2:
            continue
        canon = ent.canonical
        seen = {norm(canon)}
        for name, first in sorted(ent.names.items(), key=lambda kv: kv[1]):
            if norm(name) in seen:
                continue
            seen.add(norm(name))
            at = ent.links.get(name, first)
            emit(canon, "name", name, _sentence_of(sentences, at))
    decided = []
    cited = None  # the sentences in original offsets, made when a fact needs another sentence

    def original(span):
        return normalized.span(*span) if normalized is not None else span

    for key, (subject, predicate, obj, _first), score in ballot.decided():
        found, subject_names, obj_names = spans[key]
        quote_of = lambda x: text[x[0]:x[1]]  # noqa: E731
        s, e = choose([original(x) for x in found], quote_of, predicate, obj, subject_names, obj_names)
        ok = states(predicate, obj, text[s:e], obj_names)
        if not ok and (predicate in ELSEWHERE or predicate in DEFINED):
            if cited is None:
                cited = [original(x) for x in sentences]
            other = (elsewhere(predicate, obj, (s, e), cited, quote_of, subject_names, obj_names)
                     or defined_before(predicate, obj, (s, e), cited, quote_of)
                     or (regulator_before(obj, (s, e), cited, quote_of) if predicate == "regulatory" else None))
            if other is not None:
                (s, e), ok = other, True
        if not ok and predicate == "indication" and lex is not None:
            obj, ok = _indication_as_written(obj, text[s:e], lex, ok)
        decided.append((subject, predicate, obj, (s, e), score, ok))
    drop = repeats([(d[0], d[1], d[2], d[5]) for d in decided])
    facts = [Fact.extracted(subject, predicate, obj, Evidence.extracted(doc.id, text, s, e), score=score)
             for i, (subject, predicate, obj, (s, e), score, _ok) in enumerate(decided) if i not in drop]
    return sort_facts(facts)


def _indication_as_written(obj, quote: str, lex: Lexicons, ok: bool):
    """An indication its quote writes only as an abbreviation or synonym is that spelling (indications.py)."""
    from reportgen.diseases import vocabulary
    from reportgen.extract.indications import as_written

    written = as_written(obj, quote, lex.diseases, vocabulary().resolve) if isinstance(obj, str) else None
    return (written, True) if written else (obj, ok)


# --- the extractor seam --------------------------------------------------------

from reportgen.extract.base import BACKENDS, EXTENSION_KEYS, Extractor, RuleExtractor, get_extractor  # noqa: E402
