"""Patterns tried only where their matches can start (fastre.StartsAt) find what their regexes find."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from reportgen.extract import shapes
from reportgen.extract.fastre import StartsAt

PIECES = ["Sponsor", "sponsors", "Developer", "MAH", "Licensee", "Company", "Marketing Authorisation Holder", ":", " ",
          "\t", "\n", ";", "|", "•", "Zentavo Bio", "Quenby", "and", "of", "&", ",", ".", "’", "'", "s", "’s ", "'s ",
          "Acme", "qx", "Inc", "-", "x"]
texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)
STARTS_AT = [shapes._APOSTROPHE, shapes.SPONSOR_LABEL_RE]


def _spans(ms):
    return [(m.span(), m.groups()) for m in ms]


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_starts_at_finds_what_the_regex_finds(text):
    for p in STARTS_AT:
        assert isinstance(p, StartsAt)
        assert _spans(p.finditer(text)) == _spans(p.rx.finditer(text)), (p.pattern, text)
        first = p.search(text)
        plain = p.rx.search(text)
        assert (first.span() if first else None) == (plain.span() if plain else None)


def test_sponsor_labels_cases():
    text = "Designations:\nSponsor: Zentavo Bio; Developer: Quenby Pharma and\nMAH: Acme"
    assert [text[s:e] for s, e in shapes.sponsor_labels(text)] == ["Zentavo Bio", "Quenby Pharma", "Acme"]
    assert shapes.sponsor_labels("Sponsor: Zentavo Bio") == [(9, 20)]
