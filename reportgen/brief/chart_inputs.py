"""Chart inputs: the facts behind each chart, turned into reportgen.charts items with their citations."""

from __future__ import annotations

from collections import defaultdict

from reportgen.brief.citations import Citations
from reportgen.brief.select import org_assets, guideline_facts, string_values
from reportgen.brief.stages import INDICATION_NOT_STATED, indication_stages
from reportgen.facts import Fact
from reportgen.knowledge import Entity, Knowledge
from reportgen.landscape import Scope
from reportgen.naming import name_key
from reportgen.vocab import endpoint_key


def _population_size(population: str | None) -> int | None:
    import re

    m = re.search(r"\b(\d{1,5})\b", population or "")
    return int(m.group(1)) if m else None


# the effector arm of a T-cell engager: what it binds on the T cell, not what it targets
EFFECTOR_ARMS = ("CD3", "CD3e", "CD3ε", "CD3 epsilon")


def chart_targets(entity: Entity) -> list[Fact]:
    """Target facts for the matrix: the CD3 arm of a T-cell engager is not a target."""
    targets = [f for f in entity.values("target") if isinstance(f.object, str)]
    arms = {name_key(a) for a in EFFECTOR_ARMS}
    others = [f for f in targets if name_key(f.object) not in arms]
    return others if others else targets


def organization_charts(rows: list[Entity], knowledge: Knowledge, scope: Scope, cites: Citations) -> list:
    """An organization brief's charts: its organizations by country and by focus (what the sources
    state, with the count no source places), their assets by stage, and a timeline of their
    regulatory events and of the guidelines their sources cite."""
    from reportgen import charts

    out = []
    in_scope_docs = set(scope.documents)
    for predicate, label, unstated_label in (("country", "Country", "country not stated"),
                                              ("focus", "Focus", "focus not stated")):
        items, unstated = [], []
        for org in rows:
            # only what the sources state: an organization no sentence places is counted apart, never guessed
            facts = [f for f in org.values(predicate) if isinstance(f.object, str)
                     and (not in_scope_docs or f.evidence.doc in in_scope_docs)]
            if not facts:
                unstated.append(org.name)
            by_value: dict[str, list[Fact]] = defaultdict(list)
            for f in facts:
                by_value[name_key(f.object)].append(f)
            for group in by_value.values():
                items.append(charts.CountItem(category=sorted(str(f.object) for f in group)[0], member=org.name,
                                              cites=cites.cite(group)))
        if items:
            chart = charts.count_chart(items, chart_id=f"chart-orgs-{predicate}", category=label,
                                       title=f"Organizations by {predicate}, as the sources state it",
                                       unstated=unstated, unstated_label=unstated_label)
            if chart is not None:
                out.append(chart)
    assets = {a.key: a for org in rows for a in org_assets(org, knowledge)}
    guidelines = [f for f in guideline_facts(scope, rows, knowledge) if f.object.date]
    return out + asset_charts(sorted(assets.values(), key=lambda a: a.name.casefold()), cites, guidelines, knowledge)


def asset_charts(rows: list[Entity], cites: Citations, guidelines: list[Fact] = (), knowledge: Knowledge | None = None) -> list:
    """The charts, from the same facts as the table; each number cited."""
    from reportgen import charts

    out = []
    bars, events, efficacy, matrix = [], [], [], []
    for f in guidelines:  # a guideline is an event of its issuer's, on the same timeline
        issuer = knowledge.find(f.subject) if knowledge is not None else None
        events.append(charts.TimelineEvent(asset=issuer.name if issuer else f.subject, date=f.object.date,
                                           label=f"guideline ({f.object.status or 'issued'})",
                                           kind="guideline", cites=cites.cite([f])))
    for e in rows:
        modality = next(iter(string_values(e, "modality")), None)
        per_indication = indication_stages(e)
        ind_facts = {f.object: f for f in e.values("indication") if isinstance(f.object, str)}
        for ind, stage, facts in per_indication:
            if stage is None and ind == INDICATION_NOT_STATED:
                continue
            source = facts if facts else [ind_facts[ind]] if ind in ind_facts else []
            bars.append(charts.PipelineBar(asset=e.name, indication=ind, stage=stage, group=modality,
                                           cites=cites.cite(source)))
        for f in e.values("regulatory"):
            reg = f.object
            if reg.date:
                label = (f"{reg.authority} {reg.action}" if reg.action != "designation"
                         else " ".join(p for p in (reg.authority, reg.detail) if p))
                events.append(charts.TimelineEvent(asset=e.name, date=reg.date, label=label,
                                                   kind=reg.action, cites=cites.cite([f])))
        endpoint_counts: dict[str, int] = defaultdict(int)
        for f in e.values("efficacy"):
            endpoint_counts[endpoint_key(f.object.endpoint)] += 1
        for f in e.values("efficacy"):
            eff = f.object
            several = endpoint_counts[endpoint_key(eff.endpoint)] > 1
            label = f"{e.name} ({eff.population})" if several and eff.population else e.name
            efficacy.append(charts.EfficacyPoint(
                asset=label, endpoint=eff.endpoint, value=float(eff.value), unit=eff.unit,
                n=_population_size(eff.population), population=eff.population, cites=cites.cite([f])))
        for t in chart_targets(e):
            for ind, stage, facts in per_indication:
                if ind == INDICATION_NOT_STATED:
                    continue
                source = [t, *facts] if facts else [t, *([ind_facts[ind]] if ind in ind_facts else [])]
                matrix.append(charts.MatrixCell(target=t.object, indication=ind, asset=e.name, stage=stage,
                                                cites=cites.cite(source)))
    for chart in (charts.fit_for_print(charts.pipeline_chart, bars, "assets"),
                  charts.fit_for_print(charts.timeline_chart, events, "assets (by first event)")):
        if chart is not None:
            out.append(chart)
    out.extend(charts.efficacy_charts(efficacy))
    matrix_chart = charts.matrix_chart(matrix)
    if matrix_chart is not None:
        out.append(matrix_chart)
    return out
