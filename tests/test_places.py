"""Places resolve to the country that owns the name, and shared names to nothing."""

import pytest

from reportgen.places import country_of


@pytest.mark.parametrize("place, country", [("Suzhou", "China"), ("Zhejiang", "China"), ("Kyoto", "Japan"),
                                            ("Seoul", "South Korea"), ("Massachusetts", "United States")])
def test_places_resolve(place, country):
    assert country_of(place) == country


def test_a_name_two_countries_share_is_not_guessed():
    assert country_of("Cambridge") is None


def test_not_a_place():
    assert country_of("biotechnology") is None
