"""Stage ranking: the furthest stage an entity reached, overall and per indication."""

from __future__ import annotations

from collections import defaultdict

from reportgen.facts import Fact, Phase, Regulatory
from reportgen.knowledge import Entity
from reportgen.naming import name_key
from reportgen.vocab import STAGE_RANK, STAGES


def stage_facts(entity: Entity) -> list[Fact]:
    """Facts that state the highest stage: phase facts, and approvals or filings."""
    ranked = [(STAGE_RANK[f.stage], f) for f in [*entity.values("phase"), *entity.values("regulatory")] if f.stage]
    if not ranked:
        return []
    top = max(rank for rank, _ in ranked)
    return [f for rank, f in ranked if rank == top]


def highest_stage(entity: Entity) -> str | None:
    facts = stage_facts(entity)
    return facts[0].stage if facts else None


INDICATION_NOT_STATED = "indication not stated"


def stated_indication(fact: Fact) -> str | None:
    """The indication a stage or regulatory fact names itself, if any."""
    return fact.object.indication if isinstance(fact.object, (Regulatory, Phase)) else None


def _fact_indication(fact: Fact, indications: list[str], doc_indications: dict[str, set[str]]) -> str:
    """The indication a stage fact is about, or INDICATION_NOT_STATED.

    In order: the indication the fact carries; the asset's only indication;
    the only one of its indications the quoted sentence names; the only one its
    document names for it. Otherwise the stage is the asset's, not any one
    disease's: spreading it over every indication is what made an approval in
    one disease show in four it is only in early trials for.
    """
    stated = stated_indication(fact)
    if stated:
        key = name_key(stated)
        for i in indications:
            if name_key(i) == key:
                return i
        for i in indications:  # "relapsed multiple myeloma" is about "multiple myeloma"
            if name_key(i) in key or key in name_key(i):
                return i
        return str(stated)
    if len(indications) == 1:
        return indications[0]
    quote = fact.evidence.quote.casefold()
    named = [i for i in indications if i.casefold() in quote]
    if len(named) == 1:
        return named[0]
    in_doc = doc_indications.get(fact.evidence.doc, set())
    if len(in_doc) == 1:
        return next(iter(in_doc))
    return INDICATION_NOT_STATED


def indication_stages(entity: Entity) -> list[tuple[str, str | None, list[Fact]]]:
    """Per indication: the furthest stage reported for it and the facts that state it.

    An indication with no stage stated for it is listed with None; stages no
    indication can be attached to are listed under INDICATION_NOT_STATED.
    """
    indications = []
    for f in entity.values("indication"):
        if isinstance(f.object, str) and f.object not in indications:
            indications.append(f.object)
    doc_indications: dict[str, set[str]] = defaultdict(set)
    for f in entity.values("indication"):
        if isinstance(f.object, str):
            doc_indications[f.evidence.doc].add(f.object)
    best: dict[str, tuple[int, list[Fact]]] = {}
    for f in [*entity.values("phase"), *entity.values("regulatory")]:
        if f.stage is None:
            continue
        r = STAGE_RANK[f.stage]
        ind = _fact_indication(f, indications, doc_indications)
        if ind not in best or r > best[ind][0]:
            best[ind] = (r, [f])
        elif r == best[ind][0]:
            best[ind][1].append(f)
    out = []
    for ind in [*indications, *sorted(k for k in best if k not in indications)]:
        if ind in best:
            out.append((ind, STAGES[best[ind][0]], best[ind][1]))
        else:
            out.append((ind, None, []))
    return out
