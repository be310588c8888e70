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
        assert not wanted.isascii() or any(c in quote for c in "\u0130\u0131\u017f")  # declines only there
    else:
        assert got == expected, (quote, form)


def test_keyed_search_cases():
    k = Keyed("Quill-101, (QX101) and anti-CD19 CAR-T")
    assert k.has("quill101") and k.has("qx101") and k.has("cart") and k.has("cd19")
    assert not k.has("ill101")  # not from a word start
    assert not Keyed("XCAR-T").has("cart")
    assert Keyed("X-CAR-T").has("cart")  # a hyphen is a word boundary for the lookbehind
    assert Keyed("Zorvex.").has("zorvex") and Keyed("Zorvex™").has("zorvex")
    assert Keyed("caf\u00e9").has("caf\u00e9") is None  # a non-ASCII key: the regex decides
    assert Keyed("Zorvex\u2122 (\u201cZX\u201d)").has("zx") and Keyed("\u0131b").has("b") is None


def test_skip_set_is_the_class():
    import re

    from reportgen.extract.keyed import SKIP
    from reportgen.naming import IGNORED_CLASS

    skip = re.compile(IGNORED_CLASS)
    assert SKIP == {chr(i) for i in range(0x110000) if skip.match(chr(i))}


def test_what_ignorecase_folds_onto_ascii():
    """The premises of the fast path: outside ASCII only İ, ı, ſ and the Kelvin sign match an ASCII
    character under IGNORECASE, only the Kelvin sign lowers to ASCII, only İ lowers to two characters."""
    import re

    from reportgen.extract.keyed import RISKY

    bmp = "".join(chr(i) for i in range(0x80, 0x10000) if not 0xD800 <= i < 0xE000)
    folded = set()
    for c in map(chr, range(0x21, 0x7F)):
        folded |= set(re.findall(re.escape(c), bmp, re.I))
    assert folded == set(RISKY) | {"\u212a"}
    assert {c for c in bmp if c.lower().isascii()} == {"\u212a"}
    assert {c for c in bmp if len(c.lower()) != 1} == {"\u0130"}
