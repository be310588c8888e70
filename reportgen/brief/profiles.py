"""Profiles: per entity, what the table cannot carry, and why its names were joined."""

from __future__ import annotations

from typing import Iterable

from reportgen.brief.cells import cell_values, display_org, fact_endpoint_key, group_values, regulatory_values
from reportgen.brief.citations import Citations
from reportgen.brief.model import Profile, ProfileGroup, Value, anchor
from reportgen.knowledge import Entity, Knowledge
from reportgen.landscape import Scope
from reportgen.naming import name_key


PROFILE_GROUPS = {
    "asset": [("Names", "names"), ("Developers", "developer"), ("Target", "target"), ("Modality", "modality"),
              ("Indications", "indication"), ("Stage", "phase"), ("Regulatory history", "regulatory"),
              ("Trials", "trial"), ("Efficacy", "efficacy"), ("Safety", "safety")],
    "organization": [("Names", "names"), ("Focus", "focus"), ("Country", "country"), ("Partners", "partner"),
                     ("Assets", "assets"), ("Guidelines issued", "guideline")],
}


# what a profile leaves to the table when the table has the column: short values the row already shows
_TABLE_ENOUGH = {"names": "names", "developer": "developer", "target": "target", "modality": "modality",
                 "country": "country", "focus": "focus"}


def build_profile(entity: Entity, cites: Citations, knowledge: Knowledge, table_columns: Iterable[str] = ()) -> Profile:
    """What the table cannot carry: every regulatory event with its date, every figure with its population, trials."""
    groups = []
    shown = set(table_columns)
    for label, key in PROFILE_GROUPS[entity.kind]:
        if _TABLE_ENOUGH.get(key) in shown:
            if key == "names":
                groups.extend(_join_groups(entity, cites))
            continue
        if key in ("names", "assets"):
            values = cell_values(entity, key, cites, knowledge, Scope())
        elif key in ("developer", "partner"):
            values = group_values(entity.values(key), cites, text_of=lambda f: display_org(f.object, knowledge))
        elif key == "regulatory":
            values = regulatory_values(entity.values(key), cites)
        elif key == "phase":
            values = stage_values(entity, cites)
        elif key == "guideline":
            values = group_values(entity.values(key), cites)
        else:
            values = group_values(entity.values(key), cites, conflict_key=fact_endpoint_key)
        if values:
            groups.append(ProfileGroup(label=label, values=values))
        if key == "names":
            groups.extend(_join_groups(entity, cites))
    return Profile(anchor=anchor(entity.name), name=entity.name, kind=entity.kind, groups=tuple(groups))


def stage_values(entity: Entity, cites: Citations) -> tuple[Value, ...]:
    """The furthest stage per indication, furthest first: an approved asset reads "approved (multiple myeloma)",
    not the phase of a trial in another disease."""
    from reportgen.brief.stages import INDICATION_NOT_STATED, indication_stages
    from reportgen.vocab import STAGE_RANK

    rows = [(stage, ind, facts) for ind, stage, facts in indication_stages(entity) if stage]
    rows.sort(key=lambda r: -STAGE_RANK[r[0]])  # stable: indications keep their order within a stage
    return tuple(Value(text=stage if ind == INDICATION_NOT_STATED else f"{stage} ({ind})",
                       cites=cites.cite(facts), pending=cites.pending(facts)) for stage, ind, facts in rows)


_JOIN_NOTE = {"analyst": " (the analyst's alias)", "legal suffix": " (the same name but for its legal suffix)"}


def _join_groups(entity: Entity, cites: Citations) -> list[ProfileGroup]:
    """Which sentences (and which analyst decisions) made this entity's names one, each cited.

    One line per pair of names, citing every document that states it (up to
    MAX_CITES); the analyst's forced and forbidden merges are said as such.
    """
    from reportgen.knowledge import display_form

    pairs: dict[tuple, list] = {}
    for j in entity.joins:
        a, b = (display_form(n, entity.kind) for n in j.names)
        if j.how == "analyst":  # the analyst's aliases of one name: one line, "A = B = C"
            line = pairs.setdefault(("analyst", name_key(a)), [[a], j.how, []])
            if b not in line[0]:
                line[0].append(b)
            continue
        key = (j.how, *sorted((name_key(a), name_key(b))))
        pairs.setdefault(key, [[a, b], j.how, []])[2].extend([j.fact] if j.fact else [])
    notes = dict(_JOIN_NOTE, analyst=" (the analyst's aliases)")
    values = [Value(text=" = ".join(names) + (notes if how == "analyst" and len(names) > 2 else _JOIN_NOTE).get(how, ""),
                    cites=cites.cite(facts), curated=how == "analyst", pending=cites.pending(facts))
              for names, how, facts in pairs.values()]
    out = [ProfileGroup(label="Names joined by", values=tuple(values))] if values else []
    if entity.apart:
        out.append(ProfileGroup(label="Kept apart by the analyst", values=tuple(
            Value(text=display_form(n, entity.kind), cites=(), curated=True) for n in entity.apart)))
    return out
