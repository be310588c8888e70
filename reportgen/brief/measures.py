"""Measures: each efficacy and safety figure in long form, for spreadsheets."""

from __future__ import annotations

from reportgen.brief.citations import Citations
from reportgen.brief.model import Measure
from reportgen.facts import Efficacy, Fact, Safety
from reportgen.knowledge import Entity
from reportgen.naming import name_key


def brief_measures(entities: list[Entity], role: str, cites: Citations) -> list[Measure]:
    """Each distinct efficacy or safety reading of each asset once, its sources merged."""
    out = []
    for e in entities:
        groups: dict[tuple, list[Fact]] = {}
        for f in [*e.values("efficacy"), *e.values("safety")]:
            obj = f.object
            label = obj.endpoint if isinstance(obj, Efficacy) else obj.event
            grade = str(obj.grade) if isinstance(obj, Safety) and obj.grade else None
            population = obj.population if isinstance(obj, Efficacy) else None
            key = (f.predicate, name_key(label), grade or "", obj.value, obj.unit, name_key(population or ""))
            groups.setdefault(key, []).append(f)
        for key, facts in groups.items():
            obj = facts[0].object
            out.append(Measure(
                asset=e.name, role=role, kind=facts[0].predicate,
                endpoint=obj.endpoint if isinstance(obj, Efficacy) else obj.event,
                grade=str(obj.grade) if isinstance(obj, Safety) and obj.grade else None, value=obj.value,
                unit=obj.unit or None,
                population=obj.population if isinstance(obj, Efficacy) and obj.population else None,
                cites=cites.cite(facts)))
    return out
