"""Whether a stated indication falls under what a landscape covers, and why.

A landscape names diseases (matched as written, or as the same MeSH
descriptor) and disease areas (matched through the MeSH hierarchy), so the
answer is an explanation an analyst can check ("systemic sclerosis: autoimmune"),
or None.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .naming import name_key
from .landscape import DiseaseArea


def indication_match(value: str, wanted: Iterable[str | DiseaseArea]) -> str | None:
    """How `value` (a stated indication) matches the first entry of `wanted` it matches, else None."""
    key = name_key(value)
    areas = []
    for w in wanted:
        if isinstance(w, DiseaseArea):
            areas.append(w)
            continue
        wk = name_key(w)
        if wk and (wk in key or key in wk):
            return value if wk == key else f"{value}: {w}"
    strings = [w for w in wanted if isinstance(w, str)]
    if not areas and not strings:
        return None
    from .diseases import vocabulary  # only when words alone did not decide

    vocab = vocabulary()
    disease = _resolve(value)
    if disease is None:
        return None
    for w in strings:
        other = _resolve(w)
        if other is not None and other.mesh_id == disease.mesh_id:
            return f"{value}: {w}"
    for w in areas:
        area = vocab.area(w.area)
        if area is not None and disease.under(area.trees):
            return f"{value}: {area.name}"
    return None


@functools.lru_cache(maxsize=8192)
def _resolve(name: str):
    """The MeSH descriptor a name means; the same few names are asked for once per row and fact."""
    from .diseases import vocabulary

    return vocabulary().resolve(name)


def matches_indications(values: Iterable[str], wanted: list[str | DiseaseArea]) -> list[str]:
    """The explanation of every stated indication in `values` that `wanted` covers."""
    out = []
    for v in values:
        why = indication_match(v, wanted)
        if why is not None:
            out.append(why)
    return out


@functools.cache
def _modality_spellings() -> dict[str, tuple[str, ...]]:
    import yaml

    from .extract.lexicon import DATA_DIR

    from . import prepared

    data = prepared.load_yaml(DATA_DIR / "modalities.yaml", yaml.SafeLoader) or {}
    return {k: tuple(v or ()) for k, v in data.items() if isinstance(k, str)}


def modality_forms(modality: str) -> tuple[str, ...]:
    """The modality and the spellings the extractor knows for it (one home: extract/data/modalities.yaml)."""
    forms = (modality, *_modality_spellings().get(modality, ()))
    # "iPSC-derived cell": a focus sentence says "iPSCs" or "iPSC platform", not "-derived".
    head = modality.split("-derived")[0]
    return forms + ((head,) if head != modality else ())
