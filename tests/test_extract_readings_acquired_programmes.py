"""Programmes acquired or in-licensed from a licensor: the buyer and the licensor both develop each asset
(data/relations.yaml rights_from_verbs, set_acquire_verbs, acquire_owned_verbs; developers.licensed_sets,
partners.licensees). Invented sentences; no name here is real."""

from __future__ import annotations

import pytest

from readings_support import developers, partners

BOTH = {"Velmara Pharma", "Daeyon Bio"}


@pytest.mark.parametrize("sentence, assets", [
    ("Velmara Pharma will acquire three programs from Daeyon Bio, including HB-301 and HB-302, for $200 million "
     "upfront.", ["HB-301", "HB-302"]),
    ("Velmara Pharma has agreed to acquire the antibodies HB-301 and HB-302 from Daeyon Bio for $50 million.",
     ["HB-301", "HB-302"]),
    ("Velmara Pharma will in-license HB-301, a PD-L1 antibody, from Daeyon Bio.", ["HB-301"]),
    ("Velmara Pharma obtained rights to three antibodies from Daeyon Bio, including HB-301, HB-302 and HB-303.",
     ["HB-301", "HB-302", "HB-303"]),
    ("Under the option agreement, Velmara Pharma may acquire Daeyon Bio's HB-301 program, a PD-L1 antibody.",
     ["HB-301"]),
])
def test_buyer_and_licensor_develop_each_acquired_asset(sentence, assets):
    for asset in assets:
        assert developers(sentence, asset) == BOTH, asset
    assert frozenset(BOTH) in partners(sentence)


def test_an_asset_after_the_list_is_not_acquired():
    text = ("Velmara Pharma will acquire two programs from Daeyon Bio, including HB-301 and HB-302, which will be "
            "tested against pembrolizumab.")
    assert developers(text, "pembrolizumab") == set()


def test_a_company_bought_from_its_parent_names_no_asset():
    text = "Velmara Pharma will acquire Daeyon Bio from Kinsel Group for $1 billion."
    assert frozenset(("Velmara Pharma", "Daeyon Bio")) in partners(text)
