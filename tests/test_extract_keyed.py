"""The regex-free name-key search of quote choice (extract/keyed.py) answers as the per-form regex does."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from reportgen.extract.keyed import Keyed
from reportgen.extract.quotes import _form_re
from reportgen.naming import name_key

# letters, digits, the characters name_key skips, other punctuation, and a few that IGNORECASE folds
ALPHABET = "aAbBkKsSiI019 -_.,'\"`[]()+/\t\x1c™®‐–’é\u0131\u017f\u212a"
PIECES = ["CAR-T", "car t", "ZX-101", "zx101", "Zorvex", "Inc.", "the", "(", ")", "-", " ", "b", "1"]

quotes = st.lists(st.one_of(st.text(ALPHABET, max_size=4), st.sampled_from(PIECES)), max_size=12).map("".join)
forms = st.one_of(st.text(ALPHABET, min_size=1, max_size=6), st.sampled_from(PIECES))


@settings(max_examples=3000, deadline=None)
@given(quotes, forms)
def test_keyed_search_is_the_regex(quote, form):
    wanted = name_key(form)
    pattern = _form_re(form)
    expected = pattern is not None and pattern.search(quote) is not None
    got = Keyed(quote).has(wanted) if wanted else False
    if got is None:
        assert not (wanted.isascii() and quote.isascii())  # it declines only where the regex must answer
    else:
        assert got == expected, (quote, form)


def test_keyed_search_cases():
    k = Keyed("Quill-101, (QX101) and anti-CD19 CAR-T")
    assert k.has("quill101") and k.has("qx101") and k.has("cart") and k.has("cd19")
    assert not k.has("ill101")  # not from a word start
    assert not Keyed("XCAR-T").has("cart")
    assert Keyed("X-CAR-T").has("cart")  # a hyphen is a word boundary for the lookbehind
    assert Keyed("Zorvex.").has("zorvex") and Keyed("Zorvex™").has("zorvex") is None
    assert Keyed("caf\u00e9").has("cafe") is None  # non-ASCII: the regex decides
