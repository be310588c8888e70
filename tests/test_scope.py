"""Scope by meaning: disease areas, and organizations selected through their assets."""

from reportgen.brief import scope_reasons
from reportgen.facts import Evidence, Fact
from reportgen.knowledge import build_knowledge
from reportgen.landscape import DiseaseArea, Scope


def _fact(subject, predicate, obj, doc="a.txt", quote=None):
    quote = quote or f"{subject} {obj}"
    return Fact(subject=subject, predicate=predicate, object=obj,
                evidence=Evidence(doc=doc, start=0, end=len(quote), quote=quote), source="extracted")


def _knowledge(*facts):
    return build_knowledge(list(facts))


def test_an_asset_in_a_disease_no_landscape_lists_enters_by_area():
    k = _knowledge(_fact("ZT-101", "modality", "CAR-T"), _fact("ZT-101", "indication", "pemphigus vulgaris"),
                   _fact("ZT-102", "modality", "CAR-T"), _fact("ZT-102", "indication", "gastric cancer"))
    scope = Scope(modalities=["CAR-T"], indications=[DiseaseArea(area="autoimmune")])
    assert scope_reasons(k.find("ZT-101"), scope, k) == ["pemphigus vulgaris: autoimmune"]
    assert scope_reasons(k.find("ZT-102"), scope, k) is None


def test_an_organization_enters_through_the_asset_it_develops():
    k = _knowledge(_fact("QX-7", "modality", "iPSC-derived cell"), _fact("QX-7", "developer", "Qingxin Cell"),
                   _fact("Qingxin Cell", "country", "China"),
                   _fact("RB-2", "modality", "MSC"), _fact("RB-2", "developer", "Rubio Cell"),
                   _fact("Rubio Cell", "country", "China"))
    scope = Scope(modalities=["iPSC-derived cell"], countries=["China"])
    assert scope_reasons(k.find("Qingxin Cell"), scope, k) == ["QX-7: iPSC-derived cell"]
    assert scope_reasons(k.find("Rubio Cell"), scope, k) is None


def test_a_stated_focus_puts_an_organization_in_scope():
    k = _knowledge(_fact("Hanlin Bio", "focus", "iPSC platform", quote="Hanlin Bio builds an iPSC platform."))
    assert scope_reasons(k.find("Hanlin Bio"), Scope(modalities=["iPSC-derived cell"]), k) is not None


def test_unstated_country_is_left_out_unless_the_landscape_keeps_it():
    k = _knowledge(_fact("QX-7", "modality", "iPSC-derived cell"), _fact("QX-7", "developer", "Qingxin Cell"),
                   _fact("US-1", "modality", "iPSC-derived cell"), _fact("US-1", "developer", "Yonder Cell"),
                   _fact("Yonder Cell", "country", "United States"))
    strict = Scope(modalities=["iPSC-derived cell"], countries=["China"])
    lenient = Scope(modalities=["iPSC-derived cell"], countries=["China"], countries_unstated="include")
    assert scope_reasons(k.find("Qingxin Cell"), strict, k) is None
    assert "country not stated" in scope_reasons(k.find("Qingxin Cell"), lenient, k)
    assert scope_reasons(k.find("Yonder Cell"), lenient, k) is None


def test_each_reason_is_stated_once_however_many_sources_state_it():
    # two releases both call QX-8 an ADC: the organization's profile says why it is a row once, not twice
    k = _knowledge(_fact("QX-8", "modality", "ADC"), _fact("QX-8", "modality", "ADC", doc="b.txt"),
                   _fact("QX-8", "developer", "Qingxin Bio"))
    assert scope_reasons(k.find("Qingxin Bio"), Scope(modalities=["ADC"]), k) == ["QX-8: ADC"]
