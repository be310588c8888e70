"""The summary: sentences generated from the facts, and the review-mode lines said with it."""

from __future__ import annotations

from collections import defaultdict

from reportgen.brief.chart_inputs import chart_targets
from reportgen.brief.citations import Citations
from reportgen.brief.model import Profile, Row, Sentence
from reportgen.brief.select import string_values
from reportgen.brief.stages import INDICATION_NOT_STATED, stage_facts, highest_stage, indication_stages
from reportgen.facts import Efficacy, Fact
from reportgen.knowledge import Entity, Knowledge
from reportgen.landscape import Landscape
from reportgen.naming import name_key
from reportgen.vocab import STAGE_RANK, STAGES


def _countries(entity: Entity, knowledge: Knowledge) -> list[Fact]:
    """Country facts of an organization, or of an asset's developers."""
    if entity.kind == "organization":
        return entity.values("country")
    out = []
    for dev in string_values(entity, "developer"):
        org = knowledge.find(dev)
        if org is not None:
            out.extend(org.values("country"))
    return out


def summary_lines(landscape: Landscape, rows: list[Entity], knowledge: Knowledge, cites: Citations) -> list[Sentence]:
    """Sentences generated from the facts: scope, leaders, newest events, best data."""
    kind = "assets" if landscape.rows == "assets" else "organizations"
    noun = kind if len(rows) != 1 else kind[:-1]
    listed = f"{len(rows)} {noun} in scope" + (
        ": " + ", ".join(e.name for e in rows[:8]) + (" and others" if len(rows) > 8 else "") if rows else "")
    # a name ending "Co., Ltd." ends the sentence itself
    out = [Sentence(text=listed if listed.endswith(".") else listed + ".", cites=())]
    if landscape.rows == "assets":
        staged = [(STAGE_RANK.get(highest_stage(e) or "", -1), e) for e in rows]
        staged = [(r, e) for r, e in staged if r >= 0]
        if staged:
            top = max(r for r, _ in staged)
            stage = STAGES[top]
            leaders = [e for r, e in staged if r == top]
            by_region: dict[str, list[str]] = defaultdict(list)
            region_facts: list[Fact] = []
            for e in leaders:
                countries = _countries(e, knowledge)
                region_facts.extend(countries)
                for c in sorted({f.object for f in countries if isinstance(f.object, str)}) or ["region not stated"]:
                    by_region[c].append(e.name)
            regions = "; ".join(f"{r}: {', '.join(n)}" for r, n in sorted(by_region.items()))
            facts = [f for e in leaders for f in stage_facts(e)]
            text = f"Furthest along ({stage}): {', '.join(e.name for e in leaders)}"
            if len(by_region) > 1 or "region not stated" not in by_region:
                text += f" (by region: {regions})"
            out.append(Sentence(text=text + ".", cites=cites.cite(facts + region_facts)))
        others = sorted(((r, e) for r, e in staged if r != top), key=lambda x: (-x[0], x[1].name.casefold()))[:4] if staged else []
        if others:
            out.append(Sentence(text="Next: " + "; ".join(f"{e.name} ({highest_stage(e)})" for _, e in others) + ".",
                                cites=cites.cite([f for _, e in others for f in stage_facts(e)])))
    # each event under its entity's display name, never the spelling its sentence happened to use
    dated = [(e.name, f) for e in rows for f in e.values("regulatory") if f.object.date]
    if dated:
        dated.sort(key=lambda nf: (nf[1].object.date, nf[0]), reverse=True)
        newest = []
        for shown_name, f in dated:
            label = f"{f.object.date} {shown_name}: {f.object.without('date').text()}"
            if label not in [n for n, _ in newest]:
                newest.append((label, f))
            if len(newest) == 3:
                break
        newest.sort(key=lambda nf: (nf[1].object.date, nf[0]))  # told in date order
        out.append(Sentence(text="Newest regulatory events, in date order: " + "; ".join(n for n, _ in newest) + ".",
                            cites=cites.cite([f for _, f in newest])))
    efficacy = [(e, f) for e in rows for f in e.values("efficacy") if f.object.unit == "%"]
    if efficacy:
        counts: dict[str, int] = defaultdict(int)
        for _, f in efficacy:
            counts[name_key(f.object.endpoint)] += 1
        endpoint = sorted(counts, key=lambda k: (-counts[k], k))[0]
        same = [(e, f) for e, f in efficacy if name_key(f.object.endpoint) == endpoint]
        # overall populations before subgroups: a subgroup's 98.9% is not the asset's result
        overall = [(e, f) for e, f in same if not is_subgroup(f)]
        best_e, best_f = max(overall or same, key=lambda ef: (ef[1].object.value, ef[0].name))
        pop = best_f.object.population
        across = len({name_key(e.name) for e, _ in same}) > 1
        text = (f"Best reported {best_f.object.endpoint}"
                + (" across different trials (not head to head)" if across else "")
                + f": {best_f.object.without('population').text()}"
                f" for {best_e.name}"
                + (f", in {pop}" if pop else
                   ", overall population (size not stated)" if overall and len(overall) < len(same)
                   else ", population size not stated") + ".")
        out.append(Sentence(text=text, cites=cites.cite([best_f])))
    if landscape.rows == "organizations":
        # only what the brief's own sources state: a country another document gives is not this brief's finding
        in_scope_docs = set(landscape.scope.documents)
        by_country: dict[str, list[Fact]] = defaultdict(list)
        orgs_in: dict[str, set[str]] = defaultdict(set)  # an organization named two ways counts once
        stated: set[str] = set()
        for e in rows:
            for f in e.values("country"):
                if isinstance(f.object, str) and (not in_scope_docs or f.evidence.doc in in_scope_docs):
                    by_country[f.object].append(f)
                    orgs_in[f.object].add(e.key)
                    stated.add(e.key)
        unstated = len([e for e in rows if e.key not in stated])
        if rows:
            parts = [f"{c} {len(orgs_in[c])}" for c, fs in sorted(by_country.items())]
            text = ("By country, where the sources state it: " + ", ".join(parts) + "; " if parts else "")
            text += (f"{unstated} of {len(rows)} organizations have no stated country." if unstated
                     else "every organization's country is stated.")
            out.append(Sentence(text=_cap(text), cites=cites.cite([f for fs in by_country.values() for f in fs])))
    if landscape.rows == "assets" and rows:
        out.extend(_outlook(rows, cites))
    return out


# efficacy stated for part of a trial's patients (data over code would put these in a lexicon; they are few)
SUBGROUP_CUES = ("subgroup", "subset", "sub-group", "subpopulation", "post hoc", "post-hoc", "high-risk",
                 "without prior", "with prior", "cohort of patients with")


def is_subgroup(fact: Fact) -> bool:
    """Whether an efficacy figure is for a subgroup: its population or its sentence says so."""
    population = fact.object.population if isinstance(fact.object, Efficacy) else None
    text = f"{population or ''} {fact.evidence.quote}".casefold()
    overall = "overall population" in text or "all patients" in text
    return not overall and any(cue in text for cue in SUBGROUP_CUES)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _outlook(rows: list[Entity], cites: Citations) -> list[Sentence]:
    """What the landscape means: who leads, who follows, which target x indication pairs are empty."""
    staged = []
    for e in rows:
        per = [(STAGE_RANK[st], ind, facts) for ind, st, facts in indication_stages(e) if st]
        if per:
            staged.append((max(per, key=lambda p: p[0]), e))
    out = []
    if staged:
        top = max(p[0] for p, _ in staged)
        leaders = sorted((e for p, e in staged if p[0] == top), key=lambda e: e.name.casefold())
        followers = sorted(((p, e) for p, e in staged if p[0] < top), key=lambda pe: (-pe[0][0], pe[1].name.casefold()))
        stage_name = STAGES
        lead_facts = [f for p, e in staged if p[0] == top for f in p[2]]
        text = (f"In short: {', '.join(e.name for e in leaders)} lead{'s' if len(leaders) == 1 else ''} "
                f"({stage_name[top]}")
        lead_ind = sorted({p[1] for p, e in staged if p[0] == top and p[1] != INDICATION_NOT_STATED})
        text += f" in {', '.join(lead_ind)})" if lead_ind else ")"
        if followers:
            text += "; " + ", ".join(f"{e.name} ({stage_name[p[0]]})" for p, e in followers[:4])
            text += " follow" + ("s" if len(followers) == 1 else "")
        out.append(Sentence(text=text + ".", cites=cites.cite(lead_facts)))
    targets = sorted({f.object for e in rows for f in chart_targets(e)}, key=str.casefold)
    indications = sorted({f.object for e in rows for f in e.values("indication") if isinstance(f.object, str)},
                         key=str.casefold)
    filled = {(name_key(f.object), name_key(ind)) for e in rows for f in chart_targets(e)
              for ind, st, _ in indication_stages(e) if st}
    empty = [f"{t} × {i}" for t in targets for i in indications if (name_key(t), name_key(i)) not in filled]
    if targets and indications and empty:
        shown = empty[:5]
        out.append(Sentence(text="No asset in scope has a reported stage for " + "; ".join(shown)
                            + (f" and {len(empty) - 5} more target × indication pairs" if len(empty) > 5 else "")
                            + ".", cites=()))
    return out


def count_pending(table: list[Row], comparators: list[Row], profiles: list[Profile]) -> int:
    """Distinct values (per row) shown but not yet reviewed, in the table and profiles."""
    seen = {(r.anchor, c.column, v.text) for r in [*table, *comparators] for c in r.cells for v in c.values if v.pending}
    shown = {(a, t) for a, _, t in seen}
    for p in profiles:
        for g in p.groups:
            for v in g.values:
                if v.pending and (p.anchor, v.text) not in shown:
                    shown.add((p.anchor, v.text))
                    seen.add((p.anchor, g.label, v.text))
    return len(seen)


def review_sentence(mode: str, count: int, wanted: bool) -> list[Sentence]:
    if not wanted or mode == "off" or not count:
        return []
    plural = "value" if count == 1 else "values"
    if mode == "marked":
        return [Sentence(text=f"{count} {plural} not yet reviewed (marked ◦).", cites=())]
    return [Sentence(text=f"{count} extracted {plural} not yet reviewed, not shown.", cites=())]


def review_note(mode: str, count: int) -> str | None:
    if mode == "required":
        return ("Review mode: required. Only values an analyst accepted or added are shown"
                + (f"; {count} not yet reviewed are left out." if count else "."))
    if mode == "marked":
        return ("Review mode: marked. Values no analyst has reviewed yet are marked ◦"
                + (f" ({count} in this brief)." if count else "; none in this brief."))
    return None
