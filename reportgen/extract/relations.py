"""Relations read sentence by sentence: who develops what, what it targets, etc.

Every fact is tied to the sentence that states it. A fact term attaches to the
nearest asset named in its sentence (the one before it, else the one after),
skipping assets that only appear as comparators or prior therapies. Trials,
phases, results and regulatory events may instead attach to the asset the
discussion is about (the last one named), since press releases state those
without repeating the drug's name ("Among the 101 evaluable patients, ...").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from functools import lru_cache


from reportgen.extract.lexicon import Lexicons, Match, cue_alternation, read_data
from reportgen.extract.document import ACADEMIC_RE, build_model, code_after_inn, least_side, mention_counts, nearby_developers, \
    speakers_site
from reportgen.extract.guards import load_guards, planned_before, planned_regions, unrealised_before, study_assets, combined_focal, \
    treated_after_prior
from reportgen.extract.indications import adverse_event_disease, anaphoric_disease, in_study_context, regulatory_disease, secondary_disease, study_sentence_disease
from reportgen.extract.indications import at_risk_disease, class_list_sentence, engineered_against, first_person_study, regimen_components
from reportgen.extract.descriptors import colon_list_target, combination_partner, described_before, partner_apposition, partner_named_after
from reportgen.extract.lists import ListScope
from reportgen.extract.review_status import approval_starts_trials, review_action
from reportgen.extract.names import Mention, Names
from reportgen.extract.phases import implied_phases
from reportgen.extract.cataphora import forward_reference
from reportgen.extract.event_subjects import add_event_subjects, unknown_event_subject
from reportgen.extract.hazard import hazard_figures
from reportgen.extract.figures import change_is_result, compared_figure, control_led, death_counts, score_change, value_owner
from reportgen.extract import counts
from reportgen.extract.target_shapes import without_effector_arms
from reportgen.extract.regulatory_cues import relative_antecedent, head_authority, listed_with, programme_owner, runs_programme, counted_event, describes_a_class, accepted_alone, accepted_cues, agency_reference, names_an_application, recommended_approval, ind_cleared, response_letters, implied_authority
from reportgen.extract.heads import asset_named_after
from reportgen.extract.fastre import gate as _gate_early
from reportgen.extract.partners import codevelopers, deal_partners, licensees, joint_ventures, voice_counterparties
from reportgen.extract.references import Resolver
from reportgen.extract import developers
from reportgen.dates import DATE_RE, as_iso

# --- regions that do not describe the asset -----------------------------------
PRIOR_RE = re.compile(
    r"\b(?:who|that)\s+(?:have\s+|has\s+|had\s+)?(?:previously\s+|already\s+|also\s+)?(?:received|been\s+treated|progressed)"
    r"|\bprior\s+(?:lines?\s+of\s+)?(?:therap|treatment|regimen)|\bpreviously\s+received|\brefractory\s+to\b"
    r"|\bafter\s+(?:at\s+least\s+)?(?:\w+\s+)?(?:prior\s+)?lines?\b", re.I)
COMPARATOR_RE = re.compile(
    r"\b(?:compared\s+(?:to|with)|versus|vs\.?|in\s+combination\s+with|combined\s+with|plus|added\s+to|"
    # "X will be tested with Y, an approved ADC, in a Phase 1b trial": Y is X's partner
    r"(?:tested|evaluated|studied|investigated|administered|paired)\s+(?:together\s+)?(?:with|alongside)|"
    # "X is used with Y for treating Z": Y is X's partner
    r"(?:used|given|co-administered)\s+(?:together\s+|concurrently\s+|concomitantly\s+)?with|"
    r"standard\s+of\s+care|superiority\s+(?:of\s+[^.;]{0,40}?\s+)?(?:to|over)|superior\s+to|"
    r"(?:improvement|extension|advantage|benefit)\s+over|"
    # a market rival: "will compete with Y", "rivals such as Y"
    r"compet(?:e|es|ing)\s+(?:directly\s+)?(?:with|against)|(?:rivals?|competitors?)(?:\s+such\s+as)?)\b", re.I)
# the comparators among them: an event in their clause is theirs ("compared with Y, approved in 2015"); a
# combination partner's clause ("X plus Y was approved") states the regimen's event
RIVAL_RE = re.compile(r"\b(?:compared\s+(?:to|with)|versus|vs\.?|unlike|as\s+was|as\s+did|as\s+has|"
                      r"compet(?:e|es|ing)\s+(?:directly\s+)?(?:with|against)|(?:rivals?|competitors?)(?:\s+such\s+as)?)\b", re.I)
RIVAL_RE = _gate_early(RIVAL_RE)  # behind a literal gate (fastre.py): the same matches
COMPARED_FIGURE_RE = re.compile(r"\s*(?:a\s+|an\s+)?[\d.,]+\s*(?:%|percent|months?|weeks?|days?|years?|patients?)?\s*")
COMPARED_NAME_RE = re.compile(r"\s*(?:the\s+|an?\s+)?[\w\-]+")
COMPARATOR_END_RE = re.compile(r"\bfor\b|;|\b(?:is|was|are|were)\b|\bbased\s+on\b|\bin\s+(?:adult|patient|subject)|\bto\s+treat\b", re.I)
# "The drug, which binds X, will compete with Y": a sentence whose only named assets are rivals or comparators
# still speaks of the asset its opening reference names (a definite description, then a comma or verb)
REFERENCE_WITH_RIVAL_RE = re.compile(r"^\W*(?:The|This)\s+(?:[\w\-]+\s+){0,3}?(?:drug|therapy|candidate|antibody|medicine|product|treatment)\b", re.I)
# "the combination of X and Y", "combining X with Y": the second drug is the first's partner (as "X plus Y")
COMBINATION_OF_RE = re.compile(r"\b(?:combination\s+of|combining)\s+(?:the\s+)?([\w\-]+)(?:\s*(?:™|®))?(?:\s*\([^()]{0,40}\))?\s+"
                               r"(and|with)\s+(?!(?:an?|the|other|standard|approved)\s)", re.I)


def _combination_of(sent: str, base: int, assets) -> list[tuple[int, int]]:
    """The partner's clause of "the combination of X and Y" where X is a named asset: Y is X's partner."""
    out = []
    for m in COMBINATION_OF_RE.finditer(sent) if "ombin" in sent else ():
        if any(a.start == base + m.start(1) for a in assets):
            end = COMPARATOR_END_RE.search(sent, m.end())
            out.append((base + m.start(2), base + (end.start() if end else len(sent))))
    return out
INCLUDING_RE = re.compile(r"\bincluding\b|\bsuch\s+as\b", re.I)

def _cue_words(key: str) -> re.Pattern:
    """One list of cue words of data/relations.yaml as a whole-word, case-insensitive pattern."""
    return re.compile(rf"\b(?:{cue_alternation(read_data('relations.yaml')[key])})\b", re.I)


ANNOUNCE_RE = _cue_words("announce_verbs")
_IN_PLACE_BY = r"(?:\s+in\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"  # "developed in China by B", "marketed in Japan by B"
DEV_CUE_RE = re.compile(
    r"\b(?:co-?developed(?:\s+and\s+\w+)?" + _IN_PLACE_BY + r"\s+by|developed(?:\s+and\s+\w+)?(?:\s+(?:in-house|independently|jointly|internally|originally))?"
    + _IN_PLACE_BY + r"\s+by|"
    r"(?:co-?)?developed\s+(?:through|via|under|in)\s+(?:a\s+)?(?:partnership|collaboration|alliance)\s+(?:between|with)|commerciali[sz]ed"
    + _IN_PLACE_BY + r"\s+by|marketed" + _IN_PLACE_BY + r"\s+by|"
    r"under\s+co-?development\s+with|co-?development\s+with|licensee|licensed\s+(?:to|by)|developers?|"
    # "the BLA for X was jointly submitted by A, B and C" (an application named in the sentence: _developer)
    r"(?:jointly\s+)?(?:submitted|filed)\s+by|"
    r"(?:pipeline\s+)?(?:program|product|candidate|asset)\s+of)\b", re.I)
RIGHTS_RE = re.compile(r"\b(?:secured|obtained|acquired|holds?|gained|in-licensed)\s+(?:the\s+)?(?:[\w\-]+\s+){0,4}rights\s+to\b", re.I)
IN_LICENSE_RE = re.compile(r"\b(?:in-licen[sc]ed|in-licen[sc]es|licen[sc]ed\s+in)\b", re.I)
IN_LICENSE_GAP_RE = re.compile(r"\s*,?\s*(?:which|that|who)?\s*(?:has\s+|had\s+|previously\s+|also\s+)*", re.I)
DEVELOP_TO_RE = re.compile(r"\bto\s+(?:co-?)?develop\s+and\s+commerciali[sz]e\b", re.I)
FOR_ORG_TO_RE = re.compile(
    r"\s+to\s+(?:co-?develop|develop|commerciali[sz]e|market|sell|manufacture)(?:\s*(?:,|and|&)\s*(?:co-?develop|develop|"
    r"commerciali[sz]e|market|sell|manufacture))*\b", re.I)
STUDY_ARTICLE_RE = re.compile(r"\b(?:the|a|an|its|our|this)\s+(?:[\w\-]+\s+){0,3}$", re.I)
TRIAL_NOUN_RE = re.compile(r"\b(?:trial|study|studies|trials)\b", re.I)
ITS_RE = re.compile(r"\b(?:its|our)\b", re.I)
THE_COMPANY_RE = re.compile(r"\bthe\s+Company(?:’s|'s|\?s)", re.I)
PARTNER_RE = _cue_words("deal_nouns")
WITH_RE = re.compile(r"\b(?:with|between)\b", re.I)
BOTH_COMPANIES_RE = re.compile(r"\bwith\s+both\s+(?:\w+\s+)?(?:companies|parties)\b", re.I)
ANAPHOR_RE = re.compile(
    r"\b(?:the|this|these)\s+(?:[\w’'\-]+\s+){0,2}(?:study|studies|trial|trials|drug|therapy|treatment|product|"
    r"candidate|approval|NDA|BLA|data|results?|findings|designation)\b|\b(?:patients|subjects)\b|^Findings\b", re.I)
GRANT_RE = _cue_words("grant_verbs")
STUDY_OF_RE = re.compile(r"[^.;,]{0,40}?\b(?:study|trial)\s+(?:of|evaluating)\s+(?:its\s+|the\s+)?")
UNNAMED_RE = re.compile(
    r"\b(?:the\s+company(?:’s|'s)|its|our|another|a\s+second|a\s+new)\b[^.;]{0,90}?\b(?:therapy|antibody|product|candidate|program)\b", re.I)

# "T and NK cell activation", "T cell engager": cell words that describe biology, not the product's modality
BIOLOGY_AFTER_RE = re.compile(
    r"s?\s*(?:activation|activity|function|engag\w*|recruitment|infiltration|depletion|exhaustion|proliferation|"
    r"killing|-mediated|mediated|responses?)\b", re.I)

# --- targets, regulatory, phases, results ----------------------------------------
TARGET_PRE_ADJ = re.compile(r"(?:anti-?\s?|dual\s+)$", re.I)
TARGET_PRE_WIN = re.compile(rf"\b(?:{cue_alternation(read_data('target_shapes.yaml')['context_before'])})\b", re.I)
# a biomarker that qualifies the disease or the patients ("HER2-negative breast cancer", "EGFR exon 20 insertion NSCLC",
# "KRAS G12C-mutated tumors"): no target where only a cue some words before reaches it
TARGET_QUALIFIER_RE = re.compile(r"(?:\s+exon\s+\d{1,2})?[\s\-]*(?:positive|negative|low|high|ultralow|null|mutant|mutated|mutation|"
                                 r"mutations|insertion|insertions|deletion|amplified|amplification|altered|"
                                 r"rearranged|fusion|fusions|\+(?!\w))(?![\w\-])", re.I)
# the second target of "CD20xCD3", "CD19/CD20": joined to the one before, it shares its context
TARGET_JOINED_RE = re.compile(r"(?<=[A-Za-z0-9])(?:[x×]|\s[x×]\s|/)$")


@lru_cache(maxsize=1)
def _target_post_more() -> re.Pattern:
    """data/target_shapes.yaml context_after: "a CD19/BCMA dual-target CAR-T", "a PSMA ligand"."""
    data = read_data("target_shapes.yaml")
    return re.compile(rf"(?:\s*/\s*[\w.\-]+)*\s*\)?\s*[-–]?\s*(?:(?:{cue_alternation(data['context_after_mutation'])})\s+)?"
                      rf"(?:(?:{cue_alternation(data['context_after'])})(?![\w\-])|(?:{cue_alternation(data['context_after_mutation'])})\s+"
                      rf"(?:inhibitors?|antibod(?:y|ies)|degraders?|therap))", re.I)


TARGET_POST = re.compile(  # "a BCMA and CD19 dual-targeting CAR-T": a symbol joined by "and" to the next
    r"(?:\s*/\s*[\w.\-]+|\s+and\s+(?-i:[A-Z][A-Z0-9\-]{1,9})(?=\s+dual))*\s*\)?\s*(?:\([^)]{1,30}\))?\s*[-–]?\s*(?:dual[-\s]?|bi-?)?(?:targeted|targeting|directed|specific|CAR\b|chimeric|×|x\s|x(?=[A-Z])|"
    r"(?:small[-\s]molecule\s+|oral\s+|selective\s+|covalent\s+|allosteric\s+|(?:tyrosine\s+)?kinase\s+)?"
    r"(?:inhibitors?|antagonists?|agonists?|degraders?|blockers?|(?:monoclonal\s+|bispecific\s+)?antibod(?:y|ies)|"
    r"antibody[-\s]drug\s+conjugates?|ADCs?)\b)", re.I)

APPLICATION_RE = re.compile(
    r"\b(?:New\s+Drug\s+Application|Biologics?\s+License\s+Application|Marketing\s+Authori[sz]ation\s+Application|"
    r"supplemental\s+(?:New\s+Drug|Biologics\s+License)\s+Application|supplemental\s+(?:BLA|NDA)|New\s+Drug\s+Submission|sNDA|sBLA|NDA|BLA|MAA|"
    r"Investigational\s+New\s+Drug\s+(?:\(IND\)\s+)?application|IND\s+application|clinical\s+trial\s+application|(?-i:IND)(?![\-\w]))\b", re.I)
APP_CANON = {"new drug application": "NDA", "nda": "NDA", "biologics license application": "BLA",
             "biologic license application": "BLA", "bla": "BLA", "marketing authorization application": "MAA",
             "marketing authorisation application": "MAA", "maa": "MAA", "snda": "sNDA", "sbla": "sBLA",
             "investigational new drug application": "IND", "investigational new drug (ind) application": "IND",
             "ind application": "IND", "clinical trial application": "IND", "ind": "IND",
             "supplemental bla": "sBLA", "supplemental nda": "sNDA", "new drug submission": "NDS"}
IND_RE = re.compile(
    r"\b(?:IND|Investigational\s+New\s+Drug(?:\s*\(IND\))?)\s+(?:applications?\s+)?(?:approvals?|clearances?)\b"
    r"|\bclearance\s+(?:of|for)\s+(?:its\s+|the\s+|an\s+|their\s+|our\s+|the\s+company(?:’s|'s)\s+|[A-Z][\w\-]*(?:’s|'s)\s+)?(?:Investigational\s+New\s+Drug(?:\s*\(IND\))?|IND)"
    r"|\bclinical\s+trial\s+(?:approvals?|applications?\s+approvals?)\b"
    r"|\bcleared\s+(?:its\s+|the\s+|an\s+|their\s+|our\s+|the\s+company(?:’s|'s)\s+|[A-Z][\w\-]*(?:’s|'s)\s+)?(?:Investigational\s+New\s+Drug(?:\s*\(IND\))?|IND)"
    r"|\b(?:approval|clearance)\s+of\s+(?:the\s+|its\s+|an\s+)?IND\b|\bIND\s+(?:was|has\s+been)\s+(?:cleared|approved)"
    # "approval from the FDA to initiate a Phase I/II clinical study": leave the authority outside the action
    r"|\b(?:approv(?:al|ed)|clearance|cleared|authori[sz](?:ation|ed))\b(?=(?:[^.;]|(?<=[A-Z])\.){0,100}?\bto\s+(?:initiate|conduct|start|commence|"
    r"begin|launch|carry\s+out|proceed\s+with)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w/\-]+\s+){0,5}?(?:clinical|stud(?:y|ies)|trials?)\b)"
    r"|\bapprov(?:ed|es)\s+(?:an?\s+|the\s+|its\s+)?clinical\s+trial\s+applications?\b"
    # "received implied approval for clinical trials", "approval for a Phase 1 clinical study"
    r"|\bimplied\s+(?:approval|license|licence)\b|\bStudy\s+May\s+Proceed\b"
    r"|\b(?:approval|clearance)\s+for\s+(?:its\s+|an?\s+|the\s+)?(?:[\w/\-]+\s+){0,4}?clinical\s+(?:trials?|stud(?:y|ies))\b"
    # a headline's "MFDS Approval for Phase 3 Trial of X", "clearance to start a first-in-human study"
    r"|\b(?:(?:approval|clearance)\s+(?:for|of|to\s+(?:start|begin|initiate|conduct|launch))|(?:approves|approved|clears|cleared)"
    r"(?:\s+(?:for|of|to\s+(?:start|begin|initiate|conduct|launch)))?)\s+"
    r"(?:its\s+|an?\s+|the\s+)?(?:[\w/\-]+\s+){0,2}?(?:Phase\s*(?:[1-3]|I{1,3})[ab]?(?:/(?:[1-3]|I{1,3})[ab]?)?|first-in-human|FIH)"
    r"\s+(?:clinical\s+)?(?:trials?|stud(?:y|ies))\b"
    r"|\bclinical\s+trial\s+applications?\s+(?:\w+\s+){0,3}?(?:has|have)\s+been\s+(?:approved|cleared)\b"
    r"|\bclinical\s+trial\s+(?:approval\s+)?notification(?:\s+letters?)?\b"
    # "the go-ahead for a Phase 1 trial", "green light to start a clinical study"
    r"|\b(?:go-ahead|green[\s\-]?light)\s+(?:to\s+(?:initiate|conduct|start|begin|launch|proceed\s+with)\s+|for\s+)(?:an?\s+|the\s+|its\s+)?"
    r"(?:[\w/\-]+\s+){0,5}?(?:clinical|stud(?:y|ies)|trials?)\b", re.I)
REGULATORY_HINT_RE = re.compile(r"approv|authori[sz]|okay|May\s+Proceed|\bIND\b|Investigational|clinical\s+trial|hold\b|accept|submi|filed|filing|\bclear(?:ed|ance|s)?\b|Notice\s+of\s+Compliance|\bOK|\bnod\b|\bgreen[\s\-]?li|go-ahead|PDUFA", re.I)
GENERIC_DESIGNATION_RE = re.compile(
    r"\s*(?:designations?\s+|status\s+|programs?\s+|programmes?\s+)?(?:features|benefits|eligibility\s+(?:criteria|requirements|rules)|criteria|requirements)\b", re.I)
GRANTED_BEFORE_RE = re.compile(r"\b(?:grant(?:s|ed)?|receiv(?:es|ed)|award(?:s|ed)|obtain(?:s|ed)|achiev(?:es|ed))\b[^.;]{0,60}$", re.I)
HOLD_RE = re.compile(r"\b(?:placed|put|places|puts|placing)\s+(?:(?!on\b)[\w\-’'/]+\s+){0,8}?on\s+(?:a\s+)?(?:full\s+|partial\s+|complete\s+)?"
                     r"(?:clinical\s+)?hold\b|\bclinical\s+hold\b", re.I)
ACCEPT_RE = _cue_words("acceptance_words")
FILE_RE = _cue_words("filing_words")
APPROVE_RE = re.compile(
    r"\b(?:approv(?:al|ed|es|e)|(?:conditional\s+)?marketing\s+authori[sz]ations?|authori[sz]ed|okays?|Notice\s+of\s+Compliance"
    # "Swissmedic granted temporary authorisation to X"
    r"|(?:temporary|provisional)\s+authori[sz]ations?"
    # headline words: "FDA OKs X", "X gets FDA nod", "greenlit", "the green light"
    r"|(?-i:OKs|OK's|OK'd|OKed)|nod|green[\s\-]?light(?:s|ed)?|greenlit)\b", re.I)
TODAY_RE = re.compile(r"\b(?:today|this\s+week)\b", re.I)

# (Chinese releases write the numeral as one character: "Phase Ⅱ", "phase Ⅰ/Ⅱ"; trade news abbreviates: "Ph3", "PhII",
# "Ph. 2"; never "pH 3")
PHASE_RE = re.compile(
    r"\b(?:phase\s*|(?-i:Ph\.?\s?(?=[1-4IVⅠⅡⅢⅣ])))(?P<a>IV|I{1,3}|[1-4]|[ⅠⅡⅢⅣ])[ab]?(?:\s*(?:/|-|and|to)\s*(?:phase\s*)?(?P<b>IV|I{1,3}|[1-4]|[ⅠⅡⅢⅣ])[ab]?)?(?![\w])", re.I)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "ⅰ": 1, "ⅱ": 2, "ⅲ": 3, "ⅳ": 4}
PHASE_PART_RE = re.compile(r"\s+(?:portion|part|segment|stage)\s+of\b|[\s\-]+(?:ready|enabling)\b|\s+dose\b(?![\s\-]+(?:escalation|expansion|finding|ranging|optimi[sz]ation))|\s*\(RP2D\)", re.I)
# "the Phase 1 part of the Phase 1/2 trial" is the combined phase's part; "the Phase 2a portion of the trial" with no
# other phase in the sentence is the stage itself; "Phase 2-ready" never is
PHASE_READY_RE = re.compile(r"[\s\-]+(?:ready|enabling)\b|\s+dose\b|\s*\(RP2D\)", re.I)
PHASE_DOSE_RE = re.compile(r"\brecommended\s+(?:\w+\s+)?dose\s+(?:for|of)\s+(?:the\s+)?$", re.I)
PRECLINICAL_RE = re.compile(r"\bpre-?clinical\s+(?:stage|development|studies|data)\b", re.I)

NUM = r"(?P<num>\d{1,3}(?:\.\d+)?)"
PCT_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)")
MONTHS_VAL_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s+months?\b")
WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12}
COUNT_EVENT_RE = re.compile(
    r"(?:\b(?P<all>all)\s+)?(?P<n>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:(?:(?:of\s+the\s+)?(?:\w+\s+)?(?:patients?|subjects?|participants?)\s+)?(?:only\s+)?(?:experienced|had|developed|reported)\s+|"
    r"(?:case|cases|instance|instances)\s+of\s+)"  # "One case of grade 4 pneumonitis was reported"
    r"(?P<grade>(?:a\s+)?(?:grade|Grade)\s*[≥>=<≤]*\s*\d(?:\s*(?:-|–|to|or)\s*\d)?(?:\s+or\s+(?:higher|above|greater))?\s+)?$", re.I)
GRADE_RE = re.compile(r"(?:(?P<pre>[≥>]=?)\s*grade\s*(?P<g0>\d)|grade\s*(?P<op>[≥>]=?|≤|<)?\s*(?P<g1>\d)(?:\s*(?:-|–|to)\s*(?P<g2>\d))?(?P<hi>\s+or\s+(?:higher|above|greater))?)", re.I)
FOCUS_RE = re.compile(
    r"\b(?:focus(?:es|ed)?\s+on|focusing\s+on|engaged\s+in|dedicated\s+to|specializ(?:es|ed|ing)\s+in|specialist\s+in|"
    r"committed\s+to)\s+(?:the\s+field\s+of\s+|the\s+)?(?:(?:discovery|development|research|manufacturing|commercialization|"
    r"discovering|developing|manufacturing|marketing|and|,|\s)+(?:of\s+)?)?(?P<what>[^,.;:“”\"]{3,80})", re.I)
AREA_OF_FOCUS_RE = re.compile(r"^\W*For\s+(?P<org>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+){0,2}),\s+(?P<what>[^,.;]{3,60}?)\s+is\s+(?:a|the|our)\s+(?:key\s+|main\s+|core\s+)?(?:area|field|focus)", re.I)
REMARKS_RE = re.compile(r"\b(?:remarks|views|insights?)\s+on\s+the\s+field\s+of\s+(?P<what>[\w\s\-]{3,50}?)(?=[.:;,“\"]|$)", re.I)
COMPANY_DESC_RE = re.compile(r"^,?\s+(?:a|an)\s+(?:[\w\-]+\s+){0,4}?(?P<what>(?:cell|gene|CAR-T|antibody|RNA|iPSC|stem\s+cell|cell\s+and\s+gene)[\w\s\-]{0,30}?)\s+company\b", re.I)
PERSON_TEXT_RE = re.compile(r"\b(?:Dr\.|Professor|Prof\.|Mr\.|Ms\.)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}),\s+[^,“\"]{0,80}?\b(?:of|at)\s+(?P<org>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4})")
FOCUS_LEAD_RE = re.compile(r"\W*(?P<org>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+){0,2})\s+focus(?:es)?\s+on\s+(?:the\s+field\s+of\s+)?(?P<what>[^,.;:“”\"]{3,60})")
SPEAKER_FIELD_RE = re.compile(r",?\s*(?:stated|said|noted|commented)\s*[:,]?\s*[“\"]\s*The\s+(?P<what>[\w\-]+(?:\s[\w\-]+){0,3}?)\s+(?:track|field|sector|area)\b")
PERSON_RE = re.compile(r"\b(?:Dr\.|Professor|Prof\.|Mr\.|Ms\.)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}),\s+[^,“\"]{0,80}?\b(?:of|at)\s+$")
GUIDELINE_RE = re.compile(r"[“\"](?P<title>[^”\"]{10,250}?\b[Gg]uidelines?\b[^”\"]{0,250}?)[”\"]")
STATUS_RE = re.compile(r"\s*\((?P<status>Draft\s+for\s+Comments?|Draft|Trial|Trial\s+Implementation|Final)\)\s*$", re.I)
BASED_IN_RE = re.compile(r"\b(?:based|headquartered|located)\s+in\s+(?:the\s+)?$", re.I)
IN_COUNTRY_AFTER_RE = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")
_PLACE = r"([A-Z][A-Za-z]+(?:[ \-][A-Z][A-Za-z]+)?)"
# "X, a Suzhou-based developer", "X, headquartered in Hangzhou," "X (based in Kyoto)"
PLACE_AFTER_RE = re.compile(r"\s*[,(]\s*(?:(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,2}" + _PLACE + r"-based\b"
                            r"|(?:which\s+is\s+)?(?:headquartered|based)\s+in\s+" + _PLACE + r")")
# "Suzhou-based X", "Hangzhou-based biotech X"
PLACE_BEFORE_RE = re.compile(_PLACE + r"-based\s+(?:[a-z][\w\-]*\s+){0,3}$")
# "X (HKEX: 2696)", "X (SSE STAR Market: 688xxx)"
LISTING_AFTER_RE = re.compile(r"\s*\(\s*(?P<exchange>[A-Z][A-Za-z ]{1,40}?)\s*:\s*[\w.]+\s*\)")


@dataclass
class Raw:
    """A fact before it becomes a `Fact`: subject entity id, predicate, object, sentence span."""

    eid: int
    predicate: str
    obj: object
    span: tuple[int, int]


@dataclass
class Context:
    text: str
    names: Names
    lex: Lexicons
    doc_date: dt.date | None
    diseases: list[Match]
    targets: list[Match]
    modalities: list[Match]
    authorities: list[tuple[int, int, str]]
    designations: list[Match]
    endpoints: list[Match]
    events: list[Match]
    trials: list[tuple[int, int, str]]
    countries: list[Match]
    country_adj: list[Match]
    out: list[Raw] = field(default_factory=list)
    developers: dict[int, set[int]] = field(default_factory=dict)
    primary_org: int | None = None
    current: int | None = None
    focus_phrase: str | None = None
    persons: dict[str, int] = field(default_factory=dict)
    last_authority: tuple[int, str] | None = None  # (end offset, canonical) of the latest regulator mention
    planned: list[tuple[int, int]] = field(default_factory=list)  # the current sentence's planned clauses
    planned_phases: list[tuple[int, str, tuple[int, int]]] = field(default_factory=list)  # (eid, stage, span) planned
    blocked: list[tuple[int, int]] = field(default_factory=list)  # its comparators' clauses (RIVAL_RE)

    def add_named(self, name: str, predicate, obj, span):
        """A fact about an organization known only by the name the text gives it."""
        if name and obj:
            raw = Raw(-1, predicate, obj, span)
            raw.subject_name = name  # type: ignore[attr-defined]
            self.out.append(raw)

    def add(self, eid, predicate, obj, span, rules=None):
        """`rules`: the rule ids that propose it (weights in data/scoring.yaml); None: the default rule."""
        if eid is None or obj in (None, "", {}):
            return
        raw = Raw(eid, predicate, obj, span)
        if rules:
            raw.rules = tuple(rules)  # type: ignore[attr-defined]
        self.out.append(raw)
        if predicate == "developer":
            self.developers.setdefault(eid, set()).add(obj)


class Spans(list):
    """Mentions sorted by start, sliced by offsets with bisect (no per-sentence scans)."""

    def __init__(self, items=()):
        super().__init__(sorted(items, key=lambda m: (_start(m), -_end(m))))
        self.starts = [_start(m) for m in self]
        self.ends = [_end(m) for m in self]  # (read per sentence by every reader: kept, not recomputed)


def _within(items, s, e):
    if isinstance(items, Spans):
        starts = items.starts
        i = bisect_left(starts, s)
        j = bisect_left(starts, e, i)
        if i == j:
            return []
        ends = items.ends
        return [items[k] for k in range(i, j) if ends[k] <= e]
    return [m for m in items if s <= _start(m) and _end(m) <= e]


def _start(m):
    return m.start if hasattr(m, "start") and not isinstance(m, tuple) else m[0]


def _end(m):
    return m.end if hasattr(m, "end") and not isinstance(m, tuple) else m[1]


@lru_cache(maxsize=1)
def prior_any():
    """PRIOR_RE or the guards' prior cues (`prior_start`) in one gated pass: `_regions` needs only
    the first place either matches, and the leftmost match of an alternation is the earlier of the two."""
    return _gate(re.compile(rf"(?:{PRIOR_RE.pattern})|(?:{load_guards().prior.pattern})", re.I))


def _regions(sent: str, base: int):
    """Absolute spans of prior-therapy and comparator clauses, and 'including' tails."""
    blocked, including = [], []
    m = prior_any().search(sent)
    if m:
        blocked.append((base + m.start(), base + len(sent)))
    for m in COMPARATOR_RE.finditer(sent):
        end = COMPARATOR_END_RE.search(sent, m.end())
        if end and end.group(0).lower() == "for" and COMPARED_FIGURE_RE.fullmatch(sent, m.end(), end.start()):
            # "compared with 20% for docetaxel in the Phase 3 trial": the comparator's figure, then its name
            stop = COMPARED_NAME_RE.match(sent, end.end()).end()
            blocked.append((base + m.start(), base + stop))
            continue
        blocked.append((base + m.start(), base + (end.start() if end else len(sent))))
    m = INCLUDING_RE.search(sent)
    if m:
        including.append((base + m.start(), base + len(sent)))
    return blocked, including


def _inside(pos, regions):
    return any(a <= pos < b for a, b in regions)


def _blocked_by_drug(pos, regions, assets) -> bool:
    """Whether `pos` is in a comparator's, partner's or history clause that names a drug before it: "versus placebo
    in the Phase 3 trial" names none, and the phase is the asset's."""
    return any(a <= pos < b and any(a <= m.start < pos for m in assets) for a, b in regions)


def _described(text: str, assets: list[Mention], s: int, e: int) -> list[tuple[int, int, int]]:
    """Parentheses right after an asset name: "HLX07 (recombinant anti-EGFR humanized monoclonal antibody)"."""
    out = []
    for a in assets:
        par = re.match(r"\s*\(([^()]{3,120})\)", text[a.end:min(e, a.end + 125)])
        if par and not re.search(r"[;:]|\d", par.group(1)):
            out.append((a.end + par.start(1), a.end + par.end(1), a.eid))
    return out


def _owner(described, pos: int) -> int | None:
    for ps, pe, eid in described:
        if ps <= pos < pe:
            return eid
    return None


# cell classes a gene-edited cell product's "gene therapy" spelling yields to (modalities.yaml)
CELL_MODALITIES = frozenset({"CAR-T", "CAR-NK", "NK cell", "TCR-T", "T cell", "iPSC-derived cell", "MSC"})
PLURAL_TERM_RE = re.compile(r"(?:[a-z]s|[A-Z]s|ies)$")
JOIN_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$")


def _joined_before(text: str, assets: list[Mention], pos: int) -> list[int]:
    """The assets joined by "and" or commas into the list that ends just before a plural term at `pos`
    ("ZT-101 and ZT-102, two ADCs"), except the last (the nearest, which the term attaches to anyway)."""
    before = [a for a in assets if a.end <= pos]
    if len(before) < 2 or not re.fullmatch(r"\s*(?:,\s*|\s)(?:(?:two|three|four|both|all|the|its|our|their)\s+)?(?:[\w\-]+\s+){0,2}?",
                                           text[before[-1].end:pos]):
        return []
    out, last = [], before[-1]
    for a in reversed(before[:-1]):
        if not JOIN_GAP_RE.fullmatch(text, a.end, last.start) and not re.fullmatch(r"\s*,\s*", text[a.end:last.start]):
            break
        out.append(a.eid)
        last = a
    return out


def _nearest(assets: list[Mention], pos: int) -> int | None:
    before = [m for m in assets if m.end <= pos]
    if before:
        return before[-1].eid
    after = [m for m in assets if m.start >= pos]
    return after[0].eid if after else None


def run(ctx: Context, sentences: list[tuple[int, int]]) -> list[Raw]:
    names, text = ctx.names, ctx.text
    # roundups: "Lunavie received Orphan Drug Designation ..." names an asset the shapes did not (event_subjects.py)
    add_event_subjects(names, text, sentences, lambda s, e: _known_spans(ctx, s, e), lambda s, e: _states_event(ctx, s, e))
    orgs_all = names.orgs
    non_reg = [m for m in orgs_all]
    ctx.primary_org = non_reg[0].eid if non_reg else None
    model = build_model(names, sentences, text, lambda eid: _is_regulator(ctx, eid))
    resolver = Resolver(model.single_focal, model.announcers, lambda eid: _is_regulator(ctx, eid), text)
    ctx.sentences = sentences
    deal_announcers = _deal_announcers(ctx, model, sentences)  # who "with B" pairs B with when no party precedes
    lists = ListScope(text)  # a bulleted item's asset is its introduction's (lists.py)
    trial_phases: list[tuple[str, str, tuple[int, int]]] = []  # (trial, stage, span) of a phase no asset took
    edited: set[int] = set()  # the raws of "gene therapy" read from a gene-edited cell product's spelling
    for s, e in sentences:
        sent = text[s:e]
        span = (s, e)
        blocked, including = _regions(sent, s)
        ctx.planned = planned_regions(sent, s)
        ctx.blocked = [(s + m.start(), s + (x.start() if (x := COMPARATOR_END_RE.search(sent, m.end())) else len(sent)))
                       for m in RIVAL_RE.finditer(sent)]  # a comparator's clause (not a combination partner's)
        assets_all = names.in_span(names.assets, s, e)
        blocked += _combination_of(sent, s, assets_all)
        assets = [m for m in assets_all if not _inside(m.start, blocked)]
        for p, m in zip(assets_all, assets_all[1:]):  # "pembrolizumab plus KVR-201": the code, not the INN (document.py)
            if p in assets and m not in assets and code_after_inn(text, p, m):
                assets = sorted([x for x in assets if x is not p] + [m], key=lambda x: x.start)
                blocked = blocked + [(p.start, p.end)]
        prior_at = prior_any().search(sent) if len(assets_all) > len(assets) else None
        if len(assets_all) > len(assets):  # "evaluating Y plus X": the focal X, not its partner Y (guards.py)
            assets = combined_focal(text, assets_all, assets, model.single_focal, lambda p: _inside(p, ctx.blocked) or (
                prior_at is not None and p >= s + prior_at.start()))
            # "patients who had failed Y received X": X, treated in the main clause (guards.py)
            assets = treated_after_prior(text, assets_all, assets, s + prior_at.end() if prior_at else None,
                                         lambda p: _inside(p, ctx.blocked))
        named_assets = assets
        item_owner = lists.step(s, e, [a.eid for a in assets], ctx.current)
        orgs = names.in_span(orgs_all, s, e)
        unnamed = not assets and UNNAMED_RE.search(sent) and (
            _within(ctx.modalities, s, e) or _within(ctx.targets, s, e))
        if not assets and not unnamed and (not assets_all or REFERENCE_WITH_RIVAL_RE.match(sent)):
            ref = resolver.asset_reference(sent, s, blocked)
            if ref is not None:
                assets = [Mention(ref[0], ref[0], ref[2], "")]  # zero width: terms after it attach to it
        if not assets_all and not unnamed and not assets and model.single_focal is not None and \
                (not names.assets or names.assets[0].start >= e):
            fwd = forward_reference(sent)  # "... granted BTD to its investigational therapy": cataphora.py
            if fwd is not None:
                assets = [Mention(s + fwd[0], s + fwd[0], model.single_focal, "")]
                owner = [o for o in orgs if o.end <= s + fwd[0] and not _is_regulator(ctx, o.eid)]
                if owner and sent[fwd[0]:fwd[0] + 3].casefold() in ("its", "our"):
                    ctx.add(model.single_focal, "developer", owner[-1].eid, span)
        org_refs = [Mention(a, b, eid, "") for a, b, eid in resolver.org_references(sent, s)
                    if not any(o.start <= a < o.end for o in orgs)]
        dev_orgs = sorted(orgs + org_refs, key=lambda m: m.start) if org_refs else orgs
        _developer(ctx, sent, s, span, assets, dev_orgs)
        _partner(ctx, sent, s, span, dev_orgs)
        deal_partners(sent, s, dev_orgs, deal_announcers, lambda a, b, sp: _pair(ctx, a, b, sp), span)
        codevelopers(sent, s, assets, dev_orgs, lambda a, o: ctx.add(a, "developer", o, span))
        licensees(sent, s, assets, dev_orgs, lambda a, o: None if _is_regulator(ctx, o) else ctx.add(a, "developer", o, span),
                  lambda a, b: _pair(ctx, a, b, span))
        _role_developers(ctx, sent, s, span, assets, dev_orgs, model)
        joint_ventures(sent, s, dev_orgs, lambda a, b, _: _pair(ctx, a, b, span))
        _org_facts(ctx, sent, s, span, orgs)
        resolver.saw(named_assets, orgs, bool(unnamed), s)
        if unnamed:
            ctx.current = None
        # every asset named only as a comparator: the sentence is still about the current one
        subject_fallback = ctx.current if not assets else None
        other_company = not assets and _other_company_announces(ctx, sent, s, orgs)
        if other_company:
            subject_fallback = None  # a roundup's next item: "China-based B announced ... for its <unnamed drug>"
        # ("This therapy is ...": references.py, which resolves only a clear antecedent)
        anaphoric = bool(ANAPHOR_RE.search(sent)) or _subject_is_developer(ctx, sent, s, orgs)
        # targets
        described = _described(text, assets_all, s, e) + described_before(text, assets_all, s, e)  # descriptors.py
        found_targets: list[tuple[int | None, str]] = []
        for m in _within(ctx.targets, s, e):
            owner = _owner(described, m.start)
            if owner is not None and _target_context(text, s, m):
                found_targets.append((owner, m.canonical))
                continue
            if not (_target_context(text, s, m) or colon_list_target(text, s, m.start)):
                continue  # ("target two genes: X; Y": descriptors.py)
            if _inside(m.start, blocked) or combination_partner(text, s, m.start):
                # "in combination with an anti-PD-1 antibody": the partner's, if named right after (descriptors.py)
                partner = partner_named_after(text, assets_all, m.end)
                partner = partner_apposition(text, assets_all, m.start) if partner is None else partner
                if partner is not None:
                    found_targets.append((partner, m.canonical))
                continue
            eid = _nearest(assets, m.start)
            if eid is None and not assets_all and ctx.current is None and (s, e) == sentences[0]:
                eid = model.single_focal  # the headline's "First CD19 CAR-T" before any asset is named, as for trials
            found_targets.append((eid, m.canonical))
        for eid, target in without_effector_arms(found_targets):  # "a DLL3 x CD3 engager" targets DLL3
            ctx.add(eid, "target", target, span)
        for m in _within(ctx.modalities, s, e):
            owner = _owner(described, m.start)
            owner = asset_named_after(text, assets, m.end) if owner is None else owner  # "gene therapy QB-102": heads.py
            if owner is not None:
                ctx.add(owner, "modality", m.canonical, span)
                continue
            if _inside(m.start, blocked) or _inside(m.start, including) or BIOLOGY_AFTER_RE.match(text, m.end) or \
                    combination_partner(text, s, m.start):  # "in combination with a monoclonal antibody" (descriptors.py)
                partner = partner_apposition(text, assets_all, m.start) \
                    if _inside(m.start, blocked) and not BIOLOGY_AFTER_RE.match(text, m.end) else None
                if partner is not None and partner not in {a.eid for a in assets}:
                    ctx.add(partner, "modality", m.canonical, span)  # "with Y, Halden's anti-PD-1 antibody": Y's
                continue
            eid = _nearest(assets, m.start)
            if eid is None and not assets_all and ctx.current is None and (s, e) == sentences[0]:
                eid = model.single_focal  # the headline's "Orphan Drug Designation for Its Gene Therapy", as for targets
            ctx.add(eid, "modality", m.canonical, span)
            if eid is not None and m.canonical == "gene therapy" and "edited" in m.surface:
                edited.add(id(ctx.out[-1]))  # "a gene-edited cell therapy": yields to a cell class (below)
            for other in _joined_before(text, assets, m.start) if eid is not None and PLURAL_TERM_RE.search(m.surface) else ():
                ctx.add(other, "modality", m.canonical, span)  # "ZT-101 and ZT-102, two ADCs": each is one
        verb = ANNOUNCE_RE.search(sent)
        cur = None if other_company else ctx.current  # (the current asset is not a roundup's next company's)
        # a drug named only in the patients' history ("whose disease progressed after Y") is no other asset here
        ind_all = [a for a in assets_all if prior_at is None or a.start < s + prior_at.start()]
        for m in _disease_mentions(ctx, s, e):
            if _inside(m.start, blocked) and not assets:
                continue
            if verb and m.end <= s + verb.start() and not [a for a in assets if a.end <= m.start]:
                continue
            eid = _nearest(regimen_components(text, assets), m.start)  # not "(ZX-647)-containing regimen": indications.py
            if eid is None and subject_fallback is not None and (_subject_is_developer(ctx, sent, s, dev_orgs) or
                                                                  first_person_study(sent)) and \
                    in_study_context(text, s, m.start):
                eid = subject_fallback  # "The company is conducting trials in X", "We will conduct a study in X": indications.py
            if eid is None and not ind_all and item_owner is not None:
                eid = item_owner  # a bulleted item under "designations were granted for:" (lists.py)
            if eid is None and not ind_all and cur is not None and class_list_sentence(sent):
                eid = cur  # "Some of those malignancies include X and Y": indications.py
            if engineered_against(text, s, m.start) or at_risk_disease(text, s, m.start):
                continue  # "engineered to abrogate GvHD", "at risk for X": not what the asset is for (indications.py)
            if eid is None and not ind_all and cur is None and (s, e) == sentences[0]:
                eid = model.single_focal  # the headline's "First CAR-T for Lupus Nephritis", as for targets
            if eid is None and not ind_all and study_sentence_disease(text, sent, s, m.start):
                eid = cur  # "The Phase 2 trial is enrolling patients with X": indications.py
            if eid is None and not ind_all and cur is not None and \
                    (_within(ctx.designations, s, e) or _within(ctx.authorities, s, e)) and regulatory_disease(text, s, m.start):
                eid = cur  # "The FDA previously granted Fast Track designation for X": indications.py
            if eid is None and not ind_all and anaphoric_disease(anaphoric, cur, text, s, m.start):
                eid = cur  # "In the study, 12 patients with X responded" after the asset was named: indications.py
            if adverse_event_disease(m.canonical, sent):
                continue  # "grade 3 thrombocytopenia occurred in 2 patients": an event, not an indication (indications.py)
            if secondary_disease(text, s, m.start, _within(ctx.diseases, s, m.start)):
                continue  # "geographic atrophy secondary to AMD" is one disease, the first (indications.py)
            ctx.add(eid, "indication", m.canonical, span)
        # trials and phases
        trial_subject = None
        studied = study_assets(text, assets, model.single_focal)  # not "after lymphodepletion with X", nor the focal's partner: guards.py
        for ts, te, name in _within(ctx.trials, s, e):
            eid = _nearest(studied, ts) if assets else subject_fallback
            if eid is None and not assets_all and ctx.current is None:
                eid = model.single_focal  # a headline's "Phase 3 ABCDE-3 Trial" before any asset is named, as for phases
            ctx.add(eid, "trial", name, span)
            trial_subject = trial_subject or eid
        numbered: set = set()  # the assets a numbered phase of the sentence went to (planned ones too)
        for m in PHASE_RE.finditer(sent):
            pos = s + m.start()
            planned = _inside(pos, ctx.planned) or planned_before(text, pos)
            if _blocked_by_drug(pos, blocked, assets_all) or \
                    (PHASE_PART_RE.match(sent, m.end()) and (len(PHASE_RE.findall(sent)) > 1 or PHASE_READY_RE.match(sent, m.end()))) or \
                    PHASE_DOSE_RE.search(sent, max(0, m.start() - 40), m.start()):
                continue
            eid = _nearest(studied, pos) if assets else (
                subject_fallback if (trial_subject or anaphoric) else None)
            if eid is None and not assets_all and TRIAL_NOUN_RE.search(sent, m.end(), m.end() + 40):
                # "The Phase 3 trial enrolled ...": the asset last named, else (none yet) the release's subject
                # (only "the/a Phase N study": "6 assets are in Phase III trials" counts a pipeline)
                eid = model.single_focal if ctx.current is None else (
                    subject_fallback if STUDY_ARTICLE_RE.search(sent, max(0, m.start() - 40), m.start())
                    or not sent[:m.start()].strip(" \t\n-•*") else None)  # or the sentence opens with it: "Phase III trial is ..."
            of = STUDY_OF_RE.match(text, s + m.end())
            if of:
                nxt = [a for a in assets if a.start == of.end()]
                eid = nxt[0].eid if nxt else eid
            if eid is None and not planned:  # "results from the Phase 3 EV-303 trial" before any asset: the trial's asset's
                named = [t for t in _within(ctx.trials, s + m.end(), min(e, s + m.end() + 40))]
                if named:
                    trial_phases.append((named[0][2], _stage(m), span))
            numbered.add(eid)
            if planned:  # "plans to start a Phase 2 study of X": the asset's phase only if no other is stated
                if eid is not None:
                    ctx.planned_phases.append((eid, _stage(m), span))
                continue
            ctx.add(eid, "phase", {"stage": _stage(m)}, span)
        # "the first-in-human study of X": weak, scored (phases.py); in a sentence with a numbered phase, only for another
        # asset than the numbered phase's ("X is in a Phase 2 trial; its follow-on Y is in IND-enabling studies")
        if not numbered or len({a.eid for a in assets}) > 1:
            for pos, stage, rules in implied_phases(sent, s, bool(_within(ctx.trials, s, e))):
                if _inside(pos, blocked):
                    continue
                if _inside(pos, ctx.planned) or planned_before(text, pos):
                    rules = (*rules, "phase.planned")  # a veto: "will start a first-in-human study"
                eid = _nearest(assets, pos) if assets else (subject_fallback if (trial_subject or anaphoric) else None)
                if numbered and (eid is None or eid in numbered):
                    continue
                ctx.add(eid, "phase", {"stage": stage}, span, rules=rules)
        reg_fallback = subject_fallback if (anaphoric or not assets_all) else None
        if reg_fallback is None and not assets_all and ctx.current is None and (s, e) == sentences[0]:
            reg_fallback = model.single_focal  # the headline's "FDA Approves First CD19 CAR-T for ...", as for targets
        _regulatory(ctx, sent, s, span, assets, reg_fallback, bool(assets_all or assets))  # (a resolved "The drug" names it too)
        _results(ctx, sent, s, span, assets, subject_fallback if subject_fallback is not None or assets_all or
                 ctx.current is not None or (s, e) != sentences[0] else model.single_focal)  # the headline's figure
        _guidelines(ctx, sent, s, span)
        sent_auths = _within(ctx.authorities, s, e)
        if sent_auths:
            ctx.last_authority = (sent_auths[-1][1], sent_auths[-1][2])
        if assets:
            ctx.current = assets[0].eid
    _planned_phases(ctx)
    for trial, stage, sp in trial_phases:  # the phase of a named trial is the phase of the asset the trial is given to
        for eid in sorted({r.eid for r in ctx.out if r.predicate == "trial" and r.obj == trial and r.eid is not None}):
            ctx.add(eid, "phase", {"stage": stage}, sp)
    _code_prefix_developers(ctx, sentences)
    developers.licensed_sets(ctx.text, sentences, ctx.names, lambda o: not _is_regulator(ctx, o),
                             lambda a, o, sp: ctx.add(a, "developer", o, sp))  # rights to a set of assets, then their list
    _focal_developer(ctx, sentences, model)
    if edited:  # "X is a CRISPR-edited CAR-T ... a gene-edited cell therapy": the cell class it is, not gene therapy
        celled = {r.eid for r in ctx.out if r.predicate == "modality" and r.obj in CELL_MODALITIES}
        ctx.out = [r for r in ctx.out if not (id(r) in edited and r.eid in celled)]
    for eid, org, sp in nearby_developers(names, sentences, model, ctx.developers, lambda x: _is_regulator(ctx, x), text):
        ctx.add(eid, "developer", org, sp)  # the announcer named a sentence or two before (document.py)
    for base, end, assets, orgs, sp in ctx.__dict__.get("role_links", ()):  # the partner beside a developer (developers.py)
        developers.role_partners(text, base, end, assets, orgs, lambda eid: not _is_regulator(ctx, eid) and not _academic(ctx, eid),
                                 lambda a: ctx.developers.get(a, ()), lambda a, o, sp=sp: ctx.add(a, "developer", o, sp))
    # a headline designation with no regulator named is the one a later sentence attributes
    # (a designation only: an approval or filing is `other` only where a regulator outside the list is named,
    # "approved by the FDA and Health Canada" states both)
    named = {(r.eid, r.obj.get("action"), r.obj.get("detail")) for r in ctx.out
             if r.predicate == "regulatory" and r.obj.get("authority") != "other"}
    ctx.out = [r for r in ctx.out if not (r.predicate == "regulatory" and r.obj.get("authority") == "other"
                                          and r.obj.get("action") == "designation"
                                          and (r.eid, r.obj.get("action"), r.obj.get("detail")) in named)]
    return ctx.out


@lru_cache(maxsize=1)
def _planned_alone() -> bool:
    return bool(read_data("phases.yaml").get("planned_phase_when_alone"))


def _planned_phases(ctx: Context) -> None:
    """A phase stated only as planned ("will conduct a Phase 2 study", "plans to commence a Phase 1/2 study", "the
    proposed Phase I study") is the asset's phase when the release states no other for it, if data/phases.yaml
    `planned_phase_when_alone` says so (off: the issue's rule, planned events are not facts)."""
    if not ctx.planned_phases or not _planned_alone():
        ctx.planned_phases = []
        return
    staged = {r.eid for r in ctx.out if r.predicate == "phase"}
    for eid, stage, span in ctx.planned_phases:
        if eid not in staged:
            ctx.add(eid, "phase", {"stage": stage}, span)
    ctx.planned_phases = []


def focal_assets(names: Names, limit: int = 1, text: str = "") -> list[int]:
    """The assets a release is about: most mentioned (not counting mentions as a combination partner or
    comparator, document.mention_counts), ties to the earliest."""
    count, first = mention_counts(names, text)
    return sorted(count, key=lambda e: (-count[e], first[e]))[:limit]


def _focal_developer(ctx: Context, sentences, model=None) -> None:
    """A focal asset with no developer stated: the announcing organization, quoted where
    the two first share a sentence (the announcer is the release's first non-regulator org)."""
    names = ctx.names
    announcer = next((m.eid for m in names.orgs if not _is_regulator(ctx, m.eid)), None)
    if model is not None and model.announcer is not None:
        announcer = model.announcer  # "X announced ..." in the first sentences, else the first organization
    if announcer is None:
        return
    focal = focal_assets(names, text=ctx.text)
    if model is not None and model.single_focal is not None and model.single_focal not in focal:
        focal.append(model.single_focal)
    count, _ = mention_counts(names, ctx.text)
    for eid in focal:
        if ctx.developers.get(eid) or not count.get(eid):
            continue  # (an asset named only as a partner, comparator or prior therapy is not the release's)
        for s, e in sentences:
            if any(m.eid == eid for m in names.in_span(names.assets, s, e)) and \
                    any(m.eid == announcer for m in names.in_span(names.orgs, s, e)):
                if _speaker_affiliation(ctx, announcer, s, e):
                    break
                ctx.add(eid, "developer", announcer, (s, e))
                break


_PERSON_BEFORE = re.compile(r"\b(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+[A-Z]")


def _speaker_affiliation(ctx: Context, eid: int, s: int, e: int) -> bool:
    """Whether a university or hospital is named in the sentence only as a speaker's affiliation ("Dr. Lin from
    the Halvor Cancer Hospital and Tarsen Medical College will present two reports on X"): no maker of X."""
    if not _academic(ctx, eid):
        return False
    first = next((m.start for m in ctx.names.in_span(ctx.names.orgs, s, e) if m.eid == eid), None)
    return first is not None and bool(_PERSON_BEFORE.search(ctx.text, s, first))


def _role_developers(ctx: Context, sent: str, base: int, span, assets: list[Mention], orgs: list[Mention], model) -> None:
    """Developers by the role a sentence gives an organization (developers.py): responsible for an asset's
    commercialization, reporting on assets named before it, maker of "the ORG product"."""
    if not orgs:
        return
    end = base + len(sent)
    def maker(eid):
        return not _is_regulator(ctx, eid)
    def add(a, o):
        ctx.add(a, "developer", o, span)
    developers.responsible(ctx.text, base, end, assets, orgs, maker, add,
                           ctx.current if ctx.current is not None else model.single_focal)
    developers.subject_org(ctx.text, base, end, assets, orgs, lambda eid: maker(eid) and not _academic(ctx, eid), add,
                           lambda a, b: _pair(ctx, a, b, span))
    developers.that_clause_org(ctx.text, base, end, assets, orgs, lambda eid: maker(eid) and not _academic(ctx, eid), add)
    developers.acquired_assets(ctx.text, base, end, assets, orgs, maker, add)
    developers.deal_for_asset(ctx.text, base, end, assets, orgs, maker, add)
    developers.copula_company(ctx.text, base, end, orgs, assets[0].eid if assets else ctx.current, maker,
                              lambda a, o: ctx.add(a, "developer", o, _back_to_asset(ctx, a, span)))
    developers.role_apposition(ctx.text, base, end, assets, orgs, maker, add)
    developers.origin(ctx.text, base, end, assets, orgs, maker, add, lambda eid: _academic(ctx, eid))
    developers.sponsored_trial(ctx.text, base, end, assets, orgs, maker, add, lambda eid: _academic(ctx, eid))
    developers.approval_holder(ctx.text, base, end, assets, orgs, maker, add)
    developers.said_after(ctx.text, base, end, assets, orgs, maker, lambda a: bool(ctx.developers.get(a)), add)
    if not ctx.names.in_span(ctx.names.assets, base, end) and ctx.current is None and model.single_focal is not None:
        developers.unnamed_licence(ctx.text, base, end, orgs, maker, lambda o: add(model.single_focal, o))
    referent = assets[0].eid if assets else (ctx.current if ctx.current is not None else model.single_focal)
    developers.org_product(ctx.text, base, end, assets, orgs, referent, maker, add)
    if assets and len(orgs) > 1:  # "A's partner B", "its partner B": read once every developer is known (run)
        ctx.__dict__.setdefault("role_links", []).append((base, end, list(assets), list(orgs), span))


def _back_to_asset(ctx: Context, eid: int, span) -> tuple[int, int]:
    """The span from the sentence that last named asset `eid` (before `span`) to the end of `span`: the quote of a
    fact stated in a sentence that names only the organization ("The drug was called X. The company was Y.")."""
    last = [m.start for m in ctx.names.assets if m.eid == eid and m.start < span[0]]
    if not last:
        return span
    start = next((s for s, e in getattr(ctx, "sentences", ()) if s <= last[-1] < e), span[0])
    return (start, span[1])


def _deal_announcers(ctx: Context, model, sentences) -> tuple[int, ...]:
    """The announcers a deal cue with no party before it ("in collaboration with B") pairs B with: not an organization
    the release's own voice deals with ("we entered into an agreement with B": B is not "we"; partners.py), and not
    a first organization named only deep in the text (a commentary has no announcer). Also kept on ctx for "our X"."""
    others = voice_counterparties(ctx.text, sentences, ctx.names.orgs)
    ctx.voice_others = others
    lead_end = sentences[min(3, len(sentences) - 1)][1] if sentences else 0
    out = []
    for eid in model.announcers:
        first = next((m.start for m in ctx.names.orgs if m.eid == eid), None)
        if eid not in others and first is not None and first < lead_end:
            out.append(eid)
    return tuple(out)


def _academic(ctx: Context, eid: int) -> bool:
    """A university, hospital or institute (data/shapes.yaml academic_words): it runs trials of others' assets."""
    return any(ACADEMIC_RE.search(n) for n in ctx.names.entities[eid].names)


def _code_prefix_developers(ctx: Context, sentences) -> None:
    """An R&D code named after a company in the text is that company's ("IASO-782" of IASO Bio)."""
    org_words: dict[str, int] = {}
    for eid, ent in enumerate(ctx.names.entities):
        if ent.kind == "org" and not _is_regulator(ctx, eid):
            for n in ent.names:
                org_words.setdefault(n.split()[0].casefold(), eid)
    if not org_words:
        return
    for m in ctx.names.assets:
        code = re.fullmatch(r"([A-Za-z]{2,6})-?\d{2,7}[A-Za-z]?", m.surface)
        if code and code.group(1).casefold() in org_words:
            span = next(((s, e) for s, e in sentences if s <= m.start < e), None)
            if span:
                ctx.add(m.eid, "developer", org_words[code.group(1).casefold()], span)


def _other_company_announces(ctx: Context, sent: str, base: int, orgs: list[Mention]) -> bool:
    """Whether the sentence is another company's announcement: it opens with an organization (within a few words) that
    announces, and that organization is known as no developer of the current asset, which has one."""
    devs = ctx.developers.get(ctx.current, set()) if ctx.current is not None else set()
    if not devs or not orgs or orgs[0].start - base > 40:
        return False
    verb = ANNOUNCE_RE.search(sent)
    first = orgs[0]
    return verb is not None and first.end <= base + verb.start() and first.eid not in devs and not _is_regulator(ctx, first.eid) \
        and not any(o.eid in devs for o in orgs if o.end <= base + verb.start())


def _subject_is_developer(ctx: Context, sent: str, base: int, orgs: list[Mention]) -> bool:
    if not orgs or ctx.current is None:
        return False
    first = orgs[0]
    if first.start - base > 12:
        return False
    return first.eid in ctx.developers.get(ctx.current, set())


def _target_context(text: str, base: int, m: Match) -> bool:
    pre = text[max(0, m.start - 8):m.start]
    if TARGET_PRE_ADJ.search(pre) or TARGET_JOINED_RE.search(pre):
        return True
    if TARGET_POST.match(text, m.end, min(len(text), m.end + 40)) or _target_post_more().match(text, m.end, min(len(text), m.end + 60)):
        return True
    window = text[max(base, m.start - 110):m.start]
    hit = None
    for hit in TARGET_PRE_WIN.finditer(window):
        pass
    if hit is None:
        return False
    gap = window[hit.end():]
    if re.search(r"[.;]\s", gap):
        return False
    if gap.strip() and TARGET_QUALIFIER_RE.match(text, m.end):
        return False  # "an inhibitor of CDK4 for HR-positive, HER2-negative breast cancer": HER2 qualifies the disease
    return len(gap) <= (100 if re.match(r"bind|recogn", hit.group(0), re.I) else 45)


def _disease_mentions(ctx: Context, s: int, e: int):
    text = ctx.text
    for m in _within(ctx.diseases, s, e):
        if m.canonical in ctx.lex.generic_diseases:
            pre = text[max(s, m.start - 45):m.start]
            if not re.search(r"(?:\bfor|\btreat(?:ment|ing)?(?:\s+of)?|\bin\s+patients\s+with|\bstudied\s+in|\bin|\bsuffer(?:s|ing)?\s+from)\s+(?:the\s+)?"
                             r"(?:(?:adult\s+)?(?:patients|adults|people|participants)\s+with\s+)?(?:[\w\-]+\s+){0,3}$", pre, re.I):
                continue
            if re.search(r"\b(?:for|in)\s+an?\s+$", pre, re.I):
                continue  # "the first cell therapy approved for a solid tumor": a class, not the asset's indication
        yield m


def _stage(m: re.Match) -> str:
    def num(x):
        return ROMAN.get(x.lower()) if x.lower() in ROMAN else int(x)
    a = num(m.group("a"))
    b = num(m.group("b")) if m.group("b") else None
    if b and b != a:
        lo, hi = sorted((a, b))
        if (lo, hi) in ((1, 2), (2, 3)):
            return f"phase {lo}/{hi}"
        return f"phase {hi}"
    return f"phase {min(a, 3)}" if a <= 3 else "approved"


# --- developer and partner -------------------------------------------------------

def _org_list_after(orgs: list[Mention], text: str, pos: int, first_gap: int = 45) -> list[Mention]:
    """Organizations listed right after pos: 'by A and B', 'developers - US major A and biotech firm B'."""
    out, cursor = [], pos
    for m in orgs:
        if m.start < pos:
            continue
        gap = text[cursor:m.start]
        limit = first_gap if not out else 40
        if len(gap) > limit or re.search(r"[.;]\s|\bto\b|\bfor\b", gap):
            break
        if out and not re.search(r"^\s*(?:\([^)]*\))?\s*(?:,|and|&|/)", gap):
            break
        if out and re.search(r"^\s*,\s*(?:an?|the)\s", gap):
            break  # "by A, an Osaka University spin-out": an apposition describes A, it lists no one
        out.append(m)
        cursor = m.end
    return out


def _developer(ctx: Context, sent: str, base: int, span, assets: list[Mention], orgs: list[Mention]):
    text = ctx.text
    all_assets = ctx.names.in_span(ctx.names.assets, base, base + len(sent))
    if not orgs and not THE_COMPANY_RE.search(sent) and not ITS_RE.search(sent):
        return
    # possessive: "Sanofi's (SNY +4%) Sarclisa", "Fate Therapeutics’ iPSC-derived CAR-T FT819"
    for o in orgs:
        pm = re.match(r"(?:’s|'s|’|'|\?s)(?!\w)\s*(?:\([^)]{0,30}\)\s*)?", text[o.end:o.end + 40])
        if not pm:
            continue
        after = [a for a in all_assets if o.end <= a.start <= o.end + 70]
        if after and not any(o2.start > o.end and o2.start < after[0].start for o2 in orgs):
            gap = text[o.end:after[0].start]
            if not re.search(r"[;.]\s|\b(?:and|with)\b", gap) and not _is_regulator(ctx, o.eid):
                ctx.add(after[0].eid, "developer", o.eid, span)  # ("the FDA's review of X" names no maker)
                for p in developers.joint_owners(text, base, o, orgs, lambda x: not _is_regulator(ctx, x)):
                    ctx.add(after[0].eid, "developer", p.eid, span)  # "A and B's X": A's too
    # "ORG is developing ASSET", "The company advances ASSET" (data/relations.yaml)
    cues = _relation_cues()
    for o in orgs:
        vm = cues["develops"].match(text, o.end)
        if not vm or _is_regulator(ctx, o.eid):
            continue
        after = [a for a in assets if 0 <= a.start - vm.end() <= cues["gap"]]
        if after and not re.search(r"[;.]\s|\b(?:and|with|for|than)\b", text[vm.end():after[0].start]):
            # "A, together with B, is developing X": A and B; "A, a subsidiary of B, is developing X": A (developers.py)
            for who in developers.subject_of(text, base, o, orgs, lambda x: not _is_regulator(ctx, x)):
                ctx.add(after[0].eid, "developer", who.eid, span)
    # "ORG received Orphan Drug Designation for ASSET" (data/relations.yaml holder_verbs)
    for o in orgs:
        hm = cues["holder"].match(text, o.end)
        if not hm or _is_regulator(ctx, o.eid):
            continue
        after = [a for a in assets if a.start == hm.end()]
        if after:
            ctx.add(after[0].eid, "developer", o.eid, span)
    # "ASSET, a small-molecule inhibitor of PARP7 from ORG": the apposition names where the asset comes from
    # (a combination partner's or comparator's own apposition too: "with Y, Halden's anti-PD-1 antibody" names Y's maker)
    for o in orgs:
        before = [a for a in all_assets if a.end <= o.start]
        if before and APPOS_FROM_RE.fullmatch(text, before[-1].end, o.start) and not _is_regulator(ctx, o.eid):
            ctx.add(before[-1].eid, "developer", o.eid, span)
    # "ASSET, ORG's investigational gene therapy": the apposition names the owner
    for o in orgs:
        before = [a for a in all_assets if a.end <= o.start]
        if before and APPOS_OWNER_RE.fullmatch(text, before[-1].end, o.start) and OWNED_RE.match(text, o.end) \
                and not _is_regulator(ctx, o.eid):
            ctx.add(before[-1].eid, "developer", o.eid, span)
    # "ORG R&D code: X"
    for m in RD_CODE_WORDS_RE.finditer(sent):
        o = [x for x in orgs if 0 < base + m.start() - x.end <= 3]
        near = [a for a in assets if a.start > base + m.start()]
        if o and near:
            ctx.add(near[0].eid, "developer", o[0].eid, span)
    # "its X" / "our X" / "the Company's X"
    for m in list(ITS_RE.finditer(sent)) + list(THE_COMPANY_RE.finditer(sent)):
        pos = base + m.end()
        after = [a for a in assets if 0 <= a.start - pos <= 110]
        if not after:
            continue
        if re.search(r"[;.]\s", text[pos:after[0].start]) or ITS_COMBINATION_RE.search(text, pos, after[0].start):
            continue  # "its combination with pembrolizumab": the partner drug is not the company's
        owner = [o for o in orgs if o.end <= base + m.start() and o.eid not in ctx.names.regulators]
        eid = owner[-1].eid if owner and m.group(0).lower() == "its" else None
        if eid is None and (m.group(0).lower() != "its" or not orgs):
            eid = ctx.primary_org
        if eid is not None and eid == ctx.primary_org and eid in getattr(ctx, "voice_others", ()):
            continue  # "we entered into an agreement with B" ... "our X": B is not who "our" stands for
        if eid is not None and not _is_regulator(ctx, eid):
            ctx.add(after[0].eid, "developer", eid, span)
    # announcer: "A and B announce(d) ... ASSET"
    verb = ANNOUNCE_RE.search(sent)
    if verb:
        vpos = base + verb.start()
        subj = [o for o in orgs if o.end <= vpos and not _is_regulator(ctx, o.eid) and not speakers_site(text, o, ctx.names)]
        targets = [a for a in assets if a.start > vpos]
        # "... granted BTD to KVR-201 in combination with pembrolizumab", "compared with docetaxel", "after the 2023
        # approval of Y": a partner, comparator or earlier drug is not the announcer's (document.side_level)
        targets = least_side(text, base, targets)
        if subj and targets and not re.search(r"\b(?:Prof|Dr|Mr|Ms)\b\.?", text[subj[-1].end:vpos]):
            seen = []
            for o in subj:
                if o.eid not in seen:
                    seen.append(o.eid)
            for t in {a.eid for a in targets}:
                for eid in seen:
                    ctx.add(t, "developer", eid, span)
    # cue words: "co-developed by A and B", "developers - A and B", "a pipeline program of A"
    for m in DEV_CUE_RE.finditer(sent):
        if m.group(0)[:1] in "jsfJSF" and re.match(r"(?:jointly\s+)?(?:submitted|filed)\s", m.group(0), re.I) and \
                not APPLICATION_RE.search(sent):
            continue  # "submitted by" names a maker only for an application ("the BLA was submitted by A")
        listed = _org_list_after(orgs, text, base + m.end())
        if not listed and ctx.primary_org is not None and re.match(r"by\b", m.group(0).split()[-1]) and \
                re.match(r"\s*the\s+company\b", text[base + m.end():base + m.end() + 20], re.I):
            # "SKB535 ... developed by the company": the company the release is about
            listed = [Mention(base + m.end(), base + m.end(), ctx.primary_org, "")]
        if not listed:
            continue
        before = text[max(base, base + m.start() - 40):base + m.start()]
        if re.search(r"\b(?:the|this)\s+(?:product|drug|therapy|treatment|candidate)(?:’s|'s)\s*$", before):
            asset = ctx.current
        else:
            asset = _nearest(assets, base + m.start()) if assets else ctx.current
        _pair_listed_developers(ctx, listed, span)  # "developed by A and B": they develop it together
        for o in listed:
            if not _is_regulator(ctx, o.eid):
                co = m.group(0).lower().startswith(("co", "under co"))
                for other in ctx.developers.get(asset, set()) if co else ():
                    if other != o.eid:
                        _pair(ctx, other, o.eid, span)
                ctx.add(asset, "developer", o.eid, span)
    # licensee: "B, which in-licensed ASSET in 2022", "B in-licensed ASSET from A"
    for m in IN_LICENSE_RE.finditer(sent):
        pos = base + m.start()
        owner = [o for o in orgs if o.end <= pos and IN_LICENSE_GAP_RE.fullmatch(text, o.end, pos)
                 and not _is_regulator(ctx, o.eid)]
        after = [a for a in assets if 0 <= a.start - (base + m.end()) <= 60]
        if owner and after:
            ctx.add(after[0].eid, "developer", owner[-1].eid, span)
    # "opens the door for A to commercialize and sell ASSET"
    for o in orgs:
        if not re.search(r"\bfor\s+$", text[max(base, o.start - 6):o.start]):
            continue
        tm = FOR_ORG_TO_RE.match(text, o.end)
        after = [a for a in assets if tm and 0 <= a.start - tm.end() <= 40]
        if after and not _is_regulator(ctx, o.eid):
            ctx.add(after[0].eid, "developer", o.eid, span)
    # "A secured ... rights to ASSET"; "... agreement with B to develop and commercialize ASSET"
    for rx in (RIGHTS_RE, DEVELOP_TO_RE):
        for m in rx.finditer(sent):
            after = [a for a in assets if a.start >= base + m.end()]
            if not after:
                continue
            owners = [o for o in orgs if not _is_regulator(ctx, o.eid)]
            if rx is RIGHTS_RE:
                owners = [o for o in owners if o.end <= base + m.start()][:1]
            for o in owners:
                ctx.add(after[0].eid, "developer", o.eid, span)
    # an organization inside an asset's parenthesis: "teclistamab-cqyv (Tecvayli, Janssen Biotech, Inc.)"
    for a in assets:
        par = re.match(r"\s*\(([^()]{0,120})\)", text[a.end:a.end + 130])
        if not par:
            continue
        ps = a.end + par.start(1)
        for o in orgs:
            if ps <= o.start and o.end <= ps + len(par.group(1)):
                if re.search(r",\s*(?:an?|the)\s+$", text[max(ps, o.start - 8):o.start]):
                    continue  # "(developed by A, an Osaka University spin-out)": the apposition's organization describes A
                ctx.add(a.eid, "developer", o.eid, span)


def _pair_listed_developers(ctx: Context, listed: list[Mention], span) -> None:
    """Two or more organizations a developer cue lists ("developed by A and B") co-develop: partners."""
    eids = []
    for o in listed:
        if o.eid not in eids and not _is_regulator(ctx, o.eid):
            eids.append(o.eid)
    for i, a in enumerate(eids):
        for b in eids[i + 1:]:
            _pair(ctx, a, b, span)


# the apposition between an asset and "from ORG"; words of licensing, data or cell sources say ORG is not the maker
APPOS_FROM_RE = re.compile(r"(?:™|®)?,\s+(?:(?:an?|the)\s+(?![^,;.()]*\b(?:licen[cs]\w*|acquir\w*|rights|data|results|"
                           r"derived|cells?\s+from|donors?|patients?)\b)[^,;.()]{0,80}\b)?from\s+(?:the\s+)?")


ITS_COMBINATION_RE = re.compile(r"\b(?:combination|combined|plus|versus|vs\.?|compared|comparator|alongside|added\s+to)\b", re.I)
APPOS_OWNER_RE = re.compile(r"(?:™|®)?(?:,\s+|\s+(?:is|was|remains|has\s+been|will\s+be)\s+)")  # "X, ORG's ..." / "X is ORG's lead candidate"
OWNED_RE = re.compile(r"(?:’s?|'s?)\s+(?:[\w\-]+\s+){0,4}?(?:therapy|candidate|antibody|drug|product|treatment|"
                      r"molecule|vaccine|conjugate|inhibitor|medicine)\b", re.I)


@lru_cache(maxsize=1)
def _relation_cues() -> dict:
    data = read_data("relations.yaml")
    verbs = cue_alternation(data["develops_verbs"])
    holder = (rf"(?:\s*\([^()]{{1,40}}\))?\s+(?:{cue_alternation(data['holder_verbs'])})\s+(?:[\w\-()]+\s+){{0,6}}?"
              rf"(?:{cue_alternation(data['holder_nouns'])})\s+(?:\([^()]{{1,20}}\)\s+)?(?:from\s+(?:the\s+)?[\w.\-]+\s+)?for\s+(?:its\s+|the\s+)?")
    return {"holder": re.compile(holder, re.I),
            "develops": re.compile(rf"(?:\s*\([^()]{{1,40}}\))?,?\s+(?:(?:which|that|who)\s+)?(?:also\s+|currently\s+|now\s+)?(?:{verbs})\b", re.I),
            "gap": int(data["develops_gap"])}


@lru_cache(maxsize=1)
def _filed_for_approval() -> re.Pattern:
    """ "filed for approval", "submitted ... for marketing approval" (data/relations.yaml): a filing."""
    data = read_data("relations.yaml")
    gap = int(data.get("filed_for_gap_words", 4))
    # the gap may hold an application and its authority ("filed an application with the Ministry of Health,
    # Labour and Welfare (MHLW), for approval of X") but no decision word of its own
    return re.compile(rf"\b(?:{cue_alternation(data['filed_for_verbs'])})\s+"
                      rf"(?:(?!approv|grant|receiv|obtain)[\w\-(),’']+\s+){{0,{gap}}}?(?:for|seeking|to\s+seek|requesting)\s+"
                      r"(?:(?:marketing|regulatory|conditional|accelerated|full)\s+)?approval\b", re.I)


def _is_regulator(ctx: Context, eid: int) -> bool:
    memo = ctx.__dict__.setdefault("_regulator", {})  # entities are fixed while relations are read
    if eid not in memo:
        memo[eid] = any(ctx.lex.authorities.lookup(n)[0] for n in ctx.names.entities[eid].names) or \
            _regulator_program(ctx, eid) or _inside_regulator(ctx, eid)
    return memo[eid]


def _inside_regulator(ctx: Context, eid: int) -> bool:
    """Every mention of the organization lies inside a regulator's name: "Singapore's Health Sciences" of
    "Singapore's Health Sciences Authority" is that regulator, not a company."""
    spans = [(m.start, m.end) for m in ctx.names.orgs if m.eid == eid]
    return bool(spans) and all(any(x <= a and b <= y for x, y, _ in _within(ctx.authorities, max(0, a - 80), b + 80))
                               for a, b in spans)


def _regulator_program(ctx: Context, eid: int) -> bool:
    """A name opening on a regulator's acronym is its office or programme, not a company: "the FDA Real-Time Oncology
    Review", "FDA Oncology Center of Excellence" (the acronym written in capitals, followed by a capitalized word)."""
    for n in ctx.names.entities[eid].names:
        words = n.split()
        if len(words) >= 2 and words[0].isupper() and words[1][:1].isupper() and ctx.lex.authorities.lookup(words[0])[0]:
            return True
    return False


def _pair(ctx: Context, a: int, b: int, span):
    if a == b or _is_regulator(ctx, a) or _is_regulator(ctx, b):
        return
    ctx.add(a, "partner", b, span)


def _partner(ctx: Context, sent: str, base: int, span, orgs: list[Mention]):
    if not orgs:
        return  # every cue below pairs organizations the sentence names (or resolves)
    text = ctx.text
    verb = ANNOUNCE_RE.search(sent)
    if verb:
        subj = []
        for o in orgs:
            if o.end <= base + verb.start() and not _is_regulator(ctx, o.eid) and o.eid not in subj:
                subj.append(o.eid)
        if len(subj) >= 2 and re.search(r"\b(?:and|together\s+with|jointly\s+with)\b", text[orgs[0].start:base + verb.start()]):
            for i, a in enumerate(subj):
                for b in subj[i + 1:]:
                    _pair(ctx, a, b, span)
    cue = PARTNER_RE.search(sent)
    if not cue:
        return
    both = BOTH_COMPANIES_RE.search(sent)
    if both and orgs:
        subj = orgs[0].eid
        prior = []
        for m in reversed([m for m in ctx.names.orgs if m.start < base]):
            if m.eid != subj and m.eid not in prior and not _is_regulator(ctx, m.eid):
                prior.append(m.eid)
            if len(prior) == 2:
                break
        for p in prior:
            _pair(ctx, subj, p, span)
    between = re.search(r"\bbetween\b", sent)
    if between:
        listed = _org_list_after(orgs, text, base + between.end())
        for i, a in enumerate(listed):
            for b in listed[i + 1:]:
                _pair(ctx, a.eid, b.eid, span)
    for w in WITH_RE.finditer(sent):
        if w.group(0).lower() != "with":
            continue
        listed = _org_list_after(orgs, text, base + w.end())
        subj = [o for o in orgs if o.end <= base + w.start() and not _is_regulator(ctx, o.eid)]
        if listed and subj:
            for o in listed:
                _pair(ctx, subj[0].eid, o.eid, span)
    # "A and B reached/signed/entered ... collaboration"
    verb = re.search(r"\b(?:reached|signed|entered|formed|established|launched)\b", sent)
    if verb:
        subj = []
        for o in orgs:
            if o.end <= base + verb.start() and not _is_regulator(ctx, o.eid) and o.eid not in subj:
                subj.append(o.eid)
        if len(subj) == 2:
            _pair(ctx, subj[0], subj[1], span)


# --- focus, country (organizations) ------------------------------------------------

def _org_facts(ctx: Context, sent: str, base: int, span, orgs: list[Mention]):
    text = ctx.text
    # persons and their organizations: "Dr. Zhang Ying, Co-Founder of Zhongsheng Suyuan"
    for pm in PERSON_TEXT_RE.finditer(sent):
        org = pm.group("org")
        hit = [o for o in orgs if o.start == base + pm.start("org")]
        ctx.persons[pm.group("name")] = hit[0].eid if hit else org
    lead = FOCUS_LEAD_RE.match(sent) if "focus" in sent else None
    if lead and not [o for o in orgs if o.start == base + lead.start("org")]:
        ctx.add_named(lead.group("org"), "focus", _clean_focus(lead.group("what")), span)
        ctx.focus_phrase = _clean_focus(lead.group("what"))
    for o in orgs:
        if _is_regulator(ctx, o.eid):
            continue
        after = text[o.end:min(len(text), o.end + 220)]
        after = re.sub(r"^\s*\([^)]*\)", "", after)
        d = COMPANY_DESC_RE.match(after)
        if d:
            ctx.add(o.eid, "focus", _clean_focus(d.group("what")), span)
        f = FOCUS_RE.search(after[:160])
        if f and not re.search(r"[.;]\s", after[:f.start()]) and not [x for x in orgs if o.end < x.start < o.end + f.start()]:
            ctx.add(o.eid, "focus", _clean_focus(f.group("what")), span)
            ctx.focus_phrase = _clean_focus(f.group("what"))
    # (readers that attach only to an organization of the sentence are not asked when it names none)
    m = AREA_OF_FOCUS_RE.search(sent) if orgs else None
    if m:
        eid = _org_by_name(ctx, m.group("org"), orgs)
        if eid is not None:
            ctx.add(eid, "focus", _clean_focus(m.group("what")), span)
            ctx.focus_phrase = _clean_focus(m.group("what"))
    # a speaker's quote that opens on a field: "..., Vice President at Legend Capital, stated: “The MSC track is ..."
    q = SPEAKER_FIELD_RE.search(sent) if orgs else None
    if q:
        speaker = [o for o in orgs if o.end <= base + q.start()]
        if speaker and base + q.start() - speaker[-1].end <= 25 and not _is_regulator(ctx, speaker[-1].eid):
            ctx.add(speaker[-1].eid, "focus", _clean_focus(q.group("what")), span)
    r = REMARKS_RE.search(sent)
    if r:
        for person, eid in ctx.persons.items():
            if person in sent[:r.start()]:
                what = _clean_focus(r.group("what"))
                if isinstance(eid, int):
                    ctx.add(eid, "focus", what, span)
                else:
                    ctx.add_named(eid, "focus", what, span)
                ctx.focus_phrase = what
    # "representative entities in this field include A in the United States and B in Japan"
    if orgs and FIELD_PLAYERS_RE.search(sent) and ctx.focus_phrase:
        for o in orgs:
            if not _is_regulator(ctx, o.eid):
                ctx.add(o.eid, "focus", ctx.focus_phrase, span)
    # country: "A in the United States", "China-based A", "French pharmaceutical giant A", "In the U.S., ... companies ...: A, B"
    for o in orgs:
        if _is_regulator(ctx, o.eid):
            continue
        after = IN_COUNTRY_AFTER_RE.match(text, o.end)
        if after:
            c = [m for m in ctx.countries if m.start in (after.end(), after.end() - 4)]
            if c and text[after.start():after.end()].strip().startswith("in"):
                ctx.add(o.eid, "country", c[0].canonical, span)
        adj = [m for m in ctx.country_adj if m.end <= o.start and o.start - m.end <= 35
               and re.fullmatch(r"[\s\-]*(?:[a-z][\w\-]*\s+){0,3}", text[m.end:o.start])]
        if adj:
            ctx.add(o.eid, "country", adj[-1].canonical, span)
        pre = text[max(base, o.start - 120):o.start]
        b = BASED_IN_NAME_RE.search(text[o.end:o.end + 160])
        if b and not re.search(r"[.;]\s", text[o.end:o.end + b.start()]):
            c = ctx.lex.countries.lookup(b.group(1))[0]
            if c and not [x for x in orgs if o.end < x.start < o.end + b.start()]:
                ctx.add(o.eid, "country", c, span)
        for m in (PLACE_AFTER_RE.match(text, o.end), PLACE_BEFORE_RE.search(text, max(base, o.start - 60), o.start)):
            place = next((g for g in m.groups() if g), None) if m else None
            c = _place_country(ctx, place) if place else None
            if c:
                ctx.add(o.eid, "country", c, span)
        listing = LISTING_AFTER_RE.match(text, o.end)
        if listing:
            c = _exchange_country(ctx, listing.group("exchange"))
            if c:
                ctx.add(o.eid, "country", c, span)
    lead = IN_COUNTRY_COMPANIES_RE.match(sent) if orgs and "companies" in sent else None
    if lead:
        c = ctx.lex.countries.lookup(lead.group(1))[0]
        if c:
            for o in orgs:
                if o.start > base + lead.end():
                    ctx.add(o.eid, "country", c, span)


def _place_country(ctx: Context, place: str) -> str | None:
    """The country a place names: a country itself, or a city or province (reportgen/places.py)."""
    from reportgen.places import country_of

    return ctx.lex.countries.lookup(place)[0] or country_of(place)


def _exchange_country(ctx: Context, exchange: str) -> str | None:
    for country, names in ctx.lex.exchanges.items():
        for name in names:
            if re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", exchange):
                return country
    return None


def _org_by_name(ctx: Context, name: str, orgs: list[Mention]):
    for o in orgs:
        if o.surface == name or name in ctx.names.entities[o.eid].names:
            return o.eid
    return None


def _clean_focus(what: str) -> str:
    what = re.sub(r"\s+", " ", what).strip(" -")
    what = re.sub(r"^(?:the\s+field\s+of|the|innovative|novel)\s+", "", what, flags=re.I)
    what = re.split(r"\s+(?:for|with|that|which|based|in\s+China|and\s+(?:the|is|are)|stated)\b", what)[0]
    return what.strip()


# --- regulatory ----------------------------------------------------------------

def _regulatory(ctx: Context, sent: str, base: int, span, assets, fallback, named: bool):
    if not assets and fallback is None:
        return  # an action attaches to an asset of the sentence or the fallback: none here
    text = ctx.text
    designations = _within(ctx.designations, base, base + len(sent))
    if not designations and not REGULATORY_HINT_RE.search(sent) and not accepted_cues().search(sent) and \
            not response_letters(sent):
        return
    auths = _within(ctx.authorities, base, base + len(sent))
    if not assets and fallback is not None and _unknown_subject(ctx, sent, base):
        return  # "Moravex was granted Fast Track designation": another, unrecognized asset (event_subjects.py)
    actions: list[tuple[int, int, str, str | None]] = []
    taken: list[tuple[int, int]] = []

    def add_action(s, e, action, detail=None):
        if any(a <= s < b or a < e <= b for a, b in taken):
            return
        if not assets and counted_event(sent, s - base, e - base) or action == "approval" and describes_a_class(sent, e - base):
            return  # "four IND clearances", "no FDA-approved treatments": not this asset's event (regulatory_cues.py)
        if action != "designation" and (_inside(s, ctx.planned) or planned_before(text, s)):
            return  # "plans to submit a BLA", "a potential approval": not (yet) a regulatory event
        if unrealised_before(text, s):
            return  # "has not been approved", "may be eligible for Priority Review": guards.py
        taken.append((s, e))
        actions.append((s, e, action, detail))

    for m in IND_RE.finditer(sent):
        add_action(base + m.start(), base + m.end(), "IND clearance")
    for a, b in ind_cleared(sent):  # "its IND application for X has been cleared by the FDA": regulatory_cues.py
        add_action(base + a, base + b, "IND clearance")
    for m in HOLD_RE.finditer(sent):
        add_action(base + m.start(), base + m.end(), "clinical hold")
    for m in merge_abbrev(designations, ctx.text):
        if GENERIC_DESIGNATION_RE.match(ctx.text, m.end) and not GRANTED_BEFORE_RE.search(ctx.text, max(0, m.start - 80), m.start):
            continue  # "designation features": not an event, but "granted PRIME eligibility to X" is one
        add_action(m.start, m.end, review_action(ctx.text, m.start, m.canonical, m.end), m.canonical)
    apps = list(APPLICATION_RE.finditer(sent))
    for m in response_letters(sent):  # "a complete response letter for the BLA for X": the BLA was filed
        app = _nearby_app(apps, m, sent, 140)
        if app and app != "IND":
            add_action(base + m.start(), base + m.end(), "filing", app)
    for m in _filed_for_approval().finditer(sent):
        add_action(base + m.start(), base + m.end(), "filing", _nearby_app(apps, m, sent, 140))
    for rx, action in ((ACCEPT_RE, "filing accepted"), (accepted_cues(), "filing accepted"), (FILE_RE, "filing"),
                       (APPROVE_RE, "approval")):
        for m in rx.finditer(sent):
            if action == "approval" and names_an_application(sent, m.end()):
                continue  # "a Marketing Authorisation Application" is a filing (regulatory_cues.py)
            if action == "approval":
                opinion, instead = recommended_approval(sent, m.start())
                if opinion:  # "a positive opinion recommending approval": not the decision (regulatory_cues.py)
                    if instead:
                        add_action(base + m.start(), base + m.end(), instead, _nearby_app(apps, m, sent, 140) or "MAA")
                    continue
            app = _nearby_app(apps, m, sent, 70 if action == "approval" else 140)
            if action != "approval" and not app and not (rx is not ACCEPT_RE and rx is not FILE_RE and accepted_alone(m.group(0))):
                continue  # "a PDUFA date for X" needs no application named: only an accepted one has it
            if action == "approval" and app == "IND":
                action, app = "IND clearance", None
            elif action == "approval" and not app and approval_starts_trials(sent, m.end()):
                action = "IND clearance"  # "approved by the NMPA and initiated Phase I trials": review_status.py
            add_action(base + m.start(), base + m.end(), action, app)
    actions.sort()
    found = [_authorities_for(ctx, sent, base, a[0], a[1], auths, actions, i) for i, a in enumerate(actions)]
    # "RMAT and Orphan Drug designations from the U.S. FDA": a designation shares the authority named after the next one
    for i in range(len(actions) - 2, -1, -1):
        s, e, action, _ = actions[i]
        ns = actions[i + 1][0]
        if action == "designation" and actions[i + 1][2] == "designation" and found[i + 1] and \
                not [a for a in auths if e <= a[0] < ns] and \
                re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:designations?\s*)?(?:,|and|as\s+well\s+as|&)\s*(?:the\s+|an?\s+)?",
                             ctx.text[e:ns], re.I):
            found[i] = found[i + 1]
    for i in range(1, len(actions)):
        if actions[i][2] == "designation" and actions[i - 1][2] == "designation" and found[i - 1] and not found[i] and \
                re.fullmatch(r"\s*(?:designations?\s*)?(?:,|and|as\s+well\s+as|&)\s*(?:the\s+|an?\s+)?",
                             ctx.text[actions[i - 1][1]:actions[i][0]], re.I):
            found[i] = found[i - 1]
    # "the FDA had granted X orphan drug designation for ... (June 2018) and fast track designation for ..."
    for i in range(1, len(actions)):
        if actions[i][2] == "designation" and actions[i - 1][2] == "designation" and found[i - 1] and not found[i] and \
                AND_NEXT_RE.fullmatch(ctx.text, actions[i - 1][1], actions[i][0]):
            found[i] = found[i - 1]
    for i, (s, e, action, detail) in enumerate(actions):
        authority_list = found[i]
        if not authority_list:
            if action == "designation" and named and (GRANT_RE.search(ctx.text, max(base, s - 60), s) or
                                                      PASSIVE_GRANT_RE.match(ctx.text, e)):  # "The BTD has been granted to X"
                clause = [a for a in auths if ";" not in ctx.text[min(a[1], s):max(a[0], e)]]
                authority_list = [_authority_in_scope(ctx, clause, s) if clause or len(clause) == len(auths) else "other"]
                if authority_list == ["other"] or not runs_programme(authority_list[0], detail):
                    authority_list = [programme_owner(detail)]  # no EU Breakthrough Therapy: regulatory_cues.py
            elif agency_reference(sent) and ctx.last_authority and s - ctx.last_authority[0] <= SCOPE_CHARS:
                authority_list = [ctx.last_authority[1]]  # "the agency put the study on hold": the regulator named before
            elif action in ("filing accepted", "filing") and implied_authority(sent):
                authority_list = [implied_authority(sent)]  # "under Priority Review, with a PDUFA date": regulatory_cues.py
            else:
                continue
        eid = _nearest(assets, s) if assets else fallback
        rel = relative_antecedent(ctx.text, ctx.names.in_span(ctx.names.assets, base, base + len(sent)), s) if named else None
        eid = rel if rel is not None else eid  # "in combination with Y, which is approved for Z": Y's (regulatory_cues.py)
        rival = [(a, b) for a, b in ctx.blocked if a <= s < b]
        if rival:  # "compared with Y, an antibody approved in 2015": Y's event, not the asset's
            inside = ctx.names.in_span(ctx.names.assets, rival[0][0], rival[0][1])
            eid = _nearest(inside, s) if inside else None
        if eid is None:
            continue
        date = _date_near(ctx, sent, base, e, actions[i + 1][0] if i + 1 < len(actions) else base + len(sent))
        ind = [m for m in _disease_mentions(ctx, e, base + len(sent))][:1]
        # "granted Orphan Drug designation to A for X and to B for Y": the same decision for each "to" object
        stop = actions[i + 1][0] if i + 1 < len(actions) else base + len(sent)
        shared = [a for a in assets if e <= a.start < stop and a.eid != eid
                  and AND_TO_RE.search(ctx.text, max(e, a.start - 12), a.start)]
        targets_of_action = [(eid, ind)] + [
            (a.eid, [m for m in _disease_mentions(ctx, a.end, stop)][:1]) for a in shared]
        targets_of_action += [(x, ind) for x in (listed_with(ctx.text, assets, s, e) if len(assets) > 1 and not rival else ())
                              if x != eid and x not in [t[0] for t in targets_of_action]]  # "X and Y were approved"
        if shared:  # the first object's indication ends where the next object starts
            ind = [m for m in ind if m.start < shared[0].start]
            targets_of_action[0] = (eid, ind)
        for eid, ind in targets_of_action:
            _add_regulatory(ctx, eid, authority_list, action, detail, ind, date, span)


PASSIVE_GRANT_RE = re.compile(r"[”\"’']?\s*(?:designation\s+|status\s+)?(?:has\s+been|had\s+been|was|were|have\s+been)\s+(?:granted|awarded|given)\s+to\b", re.I)
AND_TO_RE = re.compile(r"\band\s+(?:also\s+)?to\s+(?:the\s+)?$")


def _known_spans(ctx: Context, base: int, e: int) -> list[tuple[int, int]]:
    known = [(_start(m), _end(m)) for group in (ctx.names.assets, ctx.names.orgs) for m in ctx.names.in_span(group, base, e)]
    for items in (ctx.authorities, ctx.designations, ctx.diseases, ctx.targets, ctx.modalities, ctx.countries,
                  ctx.country_adj, ctx.trials):
        known += [(_start(m), _end(m)) for m in _within(items, base, e)]
    return known


def _states_event(ctx: Context, s: int, e: int) -> bool:
    """A designation, or an approval word with a regulator, in the sentence (the events a roundup lists)."""
    sent = ctx.text[s:e]
    return bool(_within(ctx.designations, s, e)) or bool(
        _within(ctx.authorities, s, e) or _within(ctx.countries, s, e)) and bool(APPROVE_RE.search(sent))


def _unknown_subject(ctx: Context, sent: str, base: int) -> bool:
    """The sentence names an event's subject the extractor does not know (event_subjects.py)."""
    return unknown_event_subject(sent, base, _known_spans(ctx, base, base + len(sent)))


def _add_regulatory(ctx: Context, eid: int, authority_list, action: str, detail, ind, date, span) -> None:
    """One regulatory fact per authority named for the decision."""
    for auth in authority_list:
        obj = {"authority": auth, "action": action}
        if detail:
            obj["detail"] = detail
        if auth == "FDA" and action == "filing accepted" and detail == "IND":
            # a US IND has no acceptance step: "the FDA accepted the IND" means it may proceed
            obj = {"authority": auth, "action": "IND clearance"}
        if ind and action in ("approval", "designation", "filing", "filing accepted"):
            obj["indication"] = ind[0].canonical
        if date:
            obj["date"] = date
        ctx.add(eid, "regulatory", obj, span)


AND_NEXT_RE = re.compile(r"[^;]{0,140}?\b(?:and|as\s+well\s+as|along\s+with|plus)\s+(?:an?\s+|the\s+)?")  # "..., as well as Orphan Drug"
SCOPE_CHARS = 400  # how far back a regulator named in an earlier sentence still speaks for a designation


def _authority_in_scope(ctx: Context, auths, pos: int) -> str:
    """A designation whose regulator is not beside it: the sentence's own regulator, else the one
    named just before (the previous sentence or two), else 'other'."""
    if auths:
        return min(auths, key=lambda a: abs(a[0] - pos))[2]
    last = ctx.last_authority
    if last and pos - last[0] <= SCOPE_CHARS:
        return last[1]
    return "other"


def _nearby_app(apps, m, sent, window=70):
    best = None
    for a in apps:
        dist = m.start() - a.end() if a.end() <= m.start() else a.start() - m.end()
        if 0 <= dist <= window and not re.search(r"[;]", sent[min(a.end(), m.end()):max(a.start(), m.start())]):
            if best is None or dist < best[0]:
                best = (dist, a)
    if best is None:
        return None
    raw = re.sub(r"\s+", " ", best[1].group(0)).lower()
    return APP_CANON.get(raw, best[1].group(0))


AGENT_AFTER_RE = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:by|from)\s+(?:the\s+)?(?:[A-Z][\w.]*(?:’s|'s)?\s+){0,2}?", re.I)


def _authorities_for(ctx, sent, base, s, e, auths, actions, i):
    """Authorities stated for an action: the nearest one, with any joined to it by 'and'."""
    nxt = actions[i + 1][0] if i + 1 < len(actions) else base + len(sent)
    prev = actions[i - 1][1] if i > 0 else base
    # (not across a semicolon: "X received Orphan Drug designation; Y was approved by the EMA")
    after = [a for a in auths if e <= a[0] < min(nxt, e + 90) and ";" not in ctx.text[e:a[0]]]
    before = [a for a in auths if max(prev, s - 110) <= a[0] and a[1] <= s and ";" not in ctx.text[a[1]:s]]
    action = actions[i][2]
    pick = None
    # "filed an application with the FDA for approval": the authority named inside the action's own words
    inside = [a for a in auths if s <= a[0] and a[1] <= e]
    if inside:
        pick = inside[:1]
    elif after and (not before or action == "designation" or after[0][0] - e < s - before[-1][1]
                  or AGENT_AFTER_RE.fullmatch(ctx.text, e, after[0][0])):  # "was approved by the FDA": its agent
        group = [after[0]]
        for a in [a for a in auths if after[0][0] < a[0] < min(nxt, e + 160)]:
            if re.fullmatch(r"(?:\s*\([^()]{1,15}\))?(?:\s+(?:in|on)\s+[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4})?"
                            r"[\s,]*(?:and|&|/|,)\s*(?:the\s+)?(?:both\s+)?", ctx.text[group[-1][1]:a[0]]) and \
                    not (i + 1 < len(actions) and re.fullmatch(r"\s*(?:[’']s\s*)?", ctx.text[a[1]:nxt])):
                group.append(a)
        pick = group
    elif before:
        group = [before[-1]]
        for a in reversed(before[:-1]):
            if re.fullmatch(r"[\s,]*(?:and|&|/|,)\s*(?:the\s+)?", ctx.text[a[1]:group[0][0]]) or \
                    re.fullmatch(r"\s*(?:both\s+)?", ctx.text[a[1]:group[0][0]]):
                group.insert(0, a)
        pick = group
    if not pick:
        return []
    out = []
    for a in [head_authority(ctx.text, auths, a) for a in pick]:  # "the CDE of the NMPA": the CDE (regulatory_cues.py)
        if a[2] not in out:
            out.append(a[2])
    return out


# "a PDUFA date of May 2026", "target action date of ...": a date the decision is expected, not the event's
TARGET_DATE_RE = re.compile(r"\b(?:PDUFA|target\s+action|goal|action)\s+(?:goal\s+)?date\b[^.;]{0,20}$", re.I)


def _date_near(ctx, sent, base, pos, stop):
    for m in DATE_RE.finditer(ctx.text, pos, max(pos, min(stop, pos + 120))):
        if not TARGET_DATE_RE.search(ctx.text, max(0, m.start() - 40), m.start()):
            return as_iso(m)
    m = None
    for m in DATE_RE.finditer(sent):
        if not TARGET_DATE_RE.search(sent, max(0, m.start() - 40), m.start()):
            return as_iso(m)
    if TODAY_RE.search(sent) and ctx.doc_date:
        return ctx.doc_date.isoformat()
    return None


# --- efficacy and safety ------------------------------------------------------------

RECUR_RE = re.compile(r"\bno\s+(?:[\w\-]+\s+)?(?:recurrence|relapse)s?\b", re.I)


def _recurrence(sent: str, base: int) -> list[Match]:
    return [Match(base + m.start(), base + m.end(), "no recurrence", m.group(0), False) for m in RECUR_RE.finditer(sent)]


def merge_abbrev(items: list[Match], text: str) -> list[Match]:
    """'overall response rate (ORR)' is one term: the abbreviation in parentheses joins the term before it."""
    if not items:
        return []
    items = sorted(items, key=lambda m: (m.start, -m.end))
    out: list[Match] = []
    for m in items:
        if out and out[-1].start <= m.start < out[-1].end:
            continue
        if out:
            gap = text[out[-1].end:m.start]
            close = re.match(r"\s*\)", text[m.end:m.end + 3])
            if re.fullmatch(r"\s*[\(\[]\s*(?:[A-Za-z]{2,6}[\-–+]?\s+)?", gap) and close:
                prev = out[-1]
                out[-1] = Match(prev.start, m.end + close.end(), prev.canonical, prev.surface, prev.abbrev)
                continue
        out.append(m)
    return out


def _number(x: str):
    v = float(x)
    return int(v) if v.is_integer() and "." not in x else v


def _results(ctx: Context, sent: str, base: int, span, assets, fallback):
    text = ctx.text
    rivals = [a for a in assets if VS_VALUE_FOR_RE.search(text, max(base, a.start - 60), a.start)]
    if rivals:  # "The ORR was 45% vs 20% for docetaxel": the asset after the compared figure is the comparator
        assets = [a for a in assets if a not in rivals]
        if not assets and fallback is None:
            fallback = ctx.current
    if not assets and fallback is None:
        return  # a figure attaches to an asset of the sentence or the fallback: none here
    eps = merge_abbrev(_within(ctx.endpoints, base, base + len(sent)) + _recurrence(sent, base), ctx.text)
    evs = merge_abbrev(_within(ctx.events, base, base + len(sent)), ctx.text)
    used: set[int] = set()
    for off, _survival, endpoint, value, unit in hazard_figures(sent):  # "HR 0.62", "reduced the risk of death by 35%"
        eid = _nearest(assets, base + off) if assets else fallback
        if eid is not None:
            used.add(base + off)
            ctx.add(eid, "efficacy", {"endpoint": endpoint, "value": value, "unit": unit}, span)
    for off, n in death_counts(sent) if "die" in sent or "eath" in sent else ():  # "two treatment-related deaths": figures.py
        eid = _nearest(assets, base + off) if assets else fallback
        if eid is not None:
            ctx.add(eid, "safety", {"event": "death", "value": n, "unit": "patients"}, span)
    _count_figures(ctx, sent, base, span, assets, fallback, eps, used)  # "24 patients (55.8%) had a response": counts.py
    if not eps and not evs:
        return
    terms = sorted([(m.start, m.end, "efficacy", m) for m in eps] + [(m.start, m.end, "safety", m) for m in evs])
    terms = [t for i, t in enumerate(terms) if not (i and t[2] == "safety" and terms[i - 1][2] == "safety" and
                                                     MOST_COMMON_RE.fullmatch(text, terms[i - 1][1], t[0]))]
    # ("Infusion-related reactions were the most common adverse event, occurring in 22%": the class is the event's, not
    # a second event: the first term's figure comes after it)
    terms = [t for i, t in enumerate(terms) if not (i and t[2] == "efficacy" and terms[i - 1][2] == "efficacy" and
                                                     t[3].surface.lower().startswith("response") and
                                                     re.fullmatch(r"[\s\-]*", text[terms[i - 1][1]:t[0]]))]
    # ("an ACR20 response rate of 61%", "a PASI 90 response rate": the named endpoint's rate, not an ORR)
    paired = _respectively(text, terms, base + len(sent))
    skip = _control_first(ctx, text, base, sent, span, terms, assets) if terms else set()
    for i, (s, e, kind, m) in enumerate(terms):
        eid = _nearest(assets, s) if assets else fallback
        if eid is None or i in skip:
            continue
        if i in paired:  # "ORR and CR rates were 90% and 60%, respectively": the n-th term takes the n-th value
            pos, num = paired[i]
            if pos not in used:
                used.add(pos)
                key = "endpoint" if kind == "efficacy" else "event"
                ctx.add(eid, kind, {key: m.canonical, "value": _number(num), "unit": "%"}, span)
            continue
        nxt = terms[i + 1][0] if i + 1 < len(terms) else base + len(sent)
        prev_end = terms[i - 1][1] if i > 0 else base
        values = []
        if kind == "efficacy" and CHANGE_BEFORE_RE.search(text, max(prev_end, s - 40), s) and not change_is_result(m.canonical, "reduction in "):
            continue  # "a numerical improvement in median OS of 1.9 months": a difference, not the endpoint's value
        # "ENDPOINT (ABBR) was 96%, ..." / "ENDPOINT of 61.8%" / "ENDPOINT was 10.6 months" / "EVENT (91%)"
        seg = text[e:nxt]
        seg_cut = re.split(r";|(?<!\bv)(?<!\bvs)\.\s|\bwhile\b|\bwhereas\b", seg)[0]
        lead = re.match(r"\s*(?:\((?![^)]*%)(?:[^()]|\([^()]*\))*\)\s*)*(?:rates?(?:\s+|(?=\s*[:=]))|events?\s+|responses?\s+(?:rates?\s+)?|scores?\s+|levels?\s+|concentrations?\s+)?(?:of\s+any\s+grade\s+|"
                        r"(?P<gafter>(?:of\s+)?grade\s*(?:[≥>]=?\s*)?\d(?:\s*(?:-|–|to)\s*\d|\s+or\s+(?:higher|above|greater))?\s+))?(?:,\s*(?=(?:reported|observed|seen|occurring|noted)\s+in\b))?"
                        # "Injection site reactions were mild and occurred in 9%": the severity words before the figure
                        r"(?:(?:was|were)\s+(?:generally\s+|mostly\s+|all\s+|predominantly\s+)?(?:mild|transient|manageable|low[\s\-]grade|reversible|"
                        r"mild\s+(?:to|or)\s+moderate|grade\s*1\s*(?:or|-|–|to|/)\s*2)(?:\s+in\s+severity)?\s*,?\s*(?:and\s+)?(?=(?:occurred|reported|observed|seen)\s+in\b))?"
                        r"(?:(?:was|were)\s+the\s+most\s+(?:common(?:ly\s+reported)?|frequent(?:ly\s+reported)?)\s+(?P<gmost>(?:[\w≥\-]+\s+){0,4}?)"
                        r"(?:adverse\s+(?:events?|reactions?)|AEs?|TRAEs?|TEAEs?|toxicit(?:y|ies))\s*,?\s*(?=(?:reported|observed|seen|occurring|noted)\s+in\b|\(\s*\d))?", seg_cut)
        lead_end = lead.end() if lead else 0
        rest = seg_cut[lead_end:]
        # "ENDPOINT at six months was 31%", "ENDPOINT with ASSET was 80%": a time point or the asset itself between
        qual = ENDPOINT_QUALIFIER_RE.match(rest)
        if qual and (qual.group("asset") is None or any(a.start == e + lead_end + qual.start("asset") for a in assets)):
            lead_end += qual.end()
            rest = seg_cut[lead_end:]
        limited = None
        pm = re.match(r"(?:\(\s*)?(\d{1,3}(?:\.\d+)?)\s?%", rest)
        if pm is None and (am := ASSET_FIRST_RE.match(rest)) and any(
                a.start == e + lead_end + len(re.match(r"\(\s*", rest).group()) for a in ctx.names.in_span(ctx.names.assets, base, base + len(sent))):
            pm = am  # "ocular pain (X 6.6% compared to placebo 4.6%)": the asset named first in the bracket, its rate
        bare = None if pm or kind != "efficacy" else BARE_MONTHS_RE.match(rest)  # "mPFS 8.3 months", "median OS: 24.1 months"
        if pm:
            values.append((e + lead_end + pm.start(1), pm.group(1), "%"))
        elif bare:
            values.append((e + lead_end + bare.start(1), bare.group(1), "months"))
        else:
            vs = VS_MONTHS_RE.match(rest) if kind == "efficacy" else None
            if vs:
                values.append((e + lead_end + vs.start(1), vs.group(1), "months"))
            vm = (ACHIEVED_IN_RE.match(rest) if kind == "efficacy" and not vs else None) or (None if vs else re.match(r"(?:,\s*(?=was\b|were\b|is\b))?(?:(?:was|were|is|are|has\s+been|have\s+been)\s+(?:reported|observed|seen|noted|documented)\s+in"
                                          # "the mean ABR decreased from 5.4 to 2.6 bleeds per year": the value after treatment
                                          r"|(?:decreased|declined|fell|dropped|was\s+reduced|improved|increased|rose)\s+from\s+(?:a\s+(?:mean|median)\s+of\s+)?\d{1,3}(?:\.\d+)?\s+(?:\w+\s+){0,3}?to(?=\s+\d)"
                                          r"|(?:was|were)\s+reported\s+by|affected|affecting|was|were|of|reached|is|are|at|:|=|occurred\s+in|observed\s+in|reported\s+in|seen\s+in|occurring\s+in|noted\s+in|developed\s+in|in|by(?=\s+(?:an?\s+(?:mean|average|median)\s+of\s+)?\d)|to(?=\s+\d))\s+(?:only\s+|approximately\s+|about\s+|an?\s+(?:mean|average|median)\s+of\s+|(?:up\s+to|nearly|almost|more\s+than|over|greater\s+than|roughly|around|as\s+high\s+as)\s+(?=\d)|[≥>~≈]\s*(?=\d))?", rest))
            # ("MRD negativity was achieved in 75%", "BCVA improved by a mean of 9.1 letters": ACHIEVED_IN_RE; "a DCR of
            # up to 90%", "ORR was over 85%" give the figure; "at least 6 months" is a threshold, not a value: left out)
            if vm and kind != "efficacy" and vm.group(0).startswith("by"):
                vm = None  # "reduced HbA1c by 1.8%" is a result; an event "by 10%" is a change, not a rate
            if vm and kind == "efficacy" and vm.group(0).startswith("by") and not change_is_result(m.canonical, "reduction in ") \
                    and not score_change(rest[vm.end():]):
                vm = None  # "extended median OS by 4.1 months", "improved ORR by 20%": a difference ("BCVA improved by 9 letters" stays)
            if vm:
                tail = rest[vm.end():]
                for off, num in _pct_chain(tail):
                    values.append((e + lead_end + vm.end() + off, num, "%"))
                if not values and (cr := counts.count_rate(tail)):  # "reported in 38 (88.0%) of patients": counts.py
                    values.append((e + lead_end + vm.end() + cr[0], cr[1], "%"))
                if not values:
                    mm = re.match(r"(\d{1,3}(?:\.\d+)?)\s+months?(?:\b|(?-i:(?=[A-Z][a-z])))", tail)
                    if mm and kind == "efficacy" and not vm.group(0).startswith("at"):  # "remission at 6 months": a time point
                        values.append((e, mm.group(1), "months"))
                if not values and kind == "efficacy":  # "BCVA improved by a mean of 9.1 letters": figures.py
                    values += [(e + lead_end + vm.end() + off, num, unit) for off, num, unit in score_change(tail)]
                if not values and kind == "efficacy" and "%" not in sent and re.search(r"\bin\s+$", vm.group(0)):
                    fm = SAFETY_COUNT_RE.match(tail)  # "complete responses in three patients": a count, where no rate is given
                    if fm and not fm.group("pct") and not fm.group("of"):
                        n = fm.group("n").lower()
                        values.append((e + lead_end + vm.end() + fm.start("n"), str(WORD_NUM.get(n, n)), "patients"))
                if not values and kind == "safety" and re.search(r"occurr|reported|observed|seen|noted|documented", vm.group(0)):
                    # "CRS occurred in 8 of 12 patients (67%)" -> 67%; "Grade 3 CRS occurred in 2 patients" -> 2 patients
                    fm = SAFETY_COUNT_RE.match(tail)
                    if fm and fm.group("pct"):
                        values.append((e + lead_end + vm.end() + fm.start("pct"), fm.group("pct"), "%"))
                    elif fm and not fm.group("of"):
                        n = fm.group("n").lower()
                        values.append((e + lead_end + vm.end() + fm.start("n"), str(WORD_NUM.get(n, n)), "patients"))
            limited = _limited_to(rest) if not values and kind == "safety" else None  # "CRS was limited to grade 1 in 3 patients"
            if limited:
                values.append((e + lead_end + limited[0], limited[1], limited[2]))
            if not values and kind == "efficacy" and not vs:
                nm = re.match(r"[\w\s]{0,40}?\bin\s+\d+(?:\s+(?:of|out\s+of)\s+\d+)?(?:\s+(?:evaluable\s+|treated\s+)?(?:patients|subjects|participants))?\s+\((\d{1,3}(?:\.\d+)?)\s?%\)", rest)
                if nm:
                    values.append((e, nm.group(1), "%"))
        # "94% of the patients achieved ENDPOINT", "98% overall response rate", "80% of the patients achieved sCR" (a threshold,
        # "HbA1c <7% and time in range", is no value)
        if not values:
            pre = text[max(prev_end, s - 90):s]
            pm = re.search(r"(?<![\w.<>≤≥])(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)\)?\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?(?:of\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}(?:patients|subjects|participants)\s*(?:with\s+\w+\s+|(?:treated|dosed)\s+with\s+[\w\-]+\s+|(?:on|receiving|given)\s+[\w\-]+\s+)?)?(?:\w+\s+)?(?:achieved|reached|had|attained|showed|experienced|achieving)?\s*(?:an?\s+|the\s+)?(?:(?:grade|Grade)\s*[≥>=]*\s*\d(?:\s*(?:-|–|to|or)\s*\d)?(?:\s+or\s+(?:higher|above|greater))?\s+)?(?:[\w\-]+\s+)?(?:the\s+)?$", pre)
            if pm and CHANGE_WORDS_RE.search(GRADE_WORDS_RE.sub(" ", pm.group(0))) and \
                    not (kind == "efficacy" and change_is_result(m.canonical, pm.group(0))):  # ("grade 3 or higher" is no change)
                pm = None  # "a 30% improvement in PFS", "a 20% reduction in HbA1c": a change, not the endpoint's value
            if pm and (kind == "efficacy" or re.search(r"experienced|had|developed|suffered", pm.group(0))):
                values.append((max(prev_end, s - 90) + pm.start(1), pm.group(1), "%"))
        # (the grade written before the event, in its own clause: not "(grade ≥3: 2%), and neurologic events")
        grade = _grade(re.split(r"[;)]|,\s+and\b|\band\s+(?=[a-z])", text[max(base, s - 30):s])[-1]) if kind == "safety" else None
        if kind == "safety" and not grade and lead and lead.group("gafter"):  # "TRAEs of grade 3 or higher occurred in 15%"
            grade = _grade(lead.group("gafter"))
        if kind == "safety" and not grade and lead and lead.group("gmost"):  # "X was the most common grade ≥3 TRAE"
            grade = _grade(lead.group("gmost"))
        grade = limited[3] if kind == "safety" and limited and not grade else grade
        if not values and kind == "safety":
            cm = COUNT_EVENT_RE.search(text[max(base, s - 90):s])
            if cm:
                n = cm.group("n").lower()
                values.append((s, str(WORD_NUM.get(n, n)), "patients"))
                grade = _grade(cm.group("grade") or "") or grade
        if not values:  # "Nine of 12 patients (75%) achieved a CR", "three patients achieved CR": counts.py
            cb = counts.count_before(text, max(prev_end, base), s, people_required=kind == "safety") or \
                (counts.counted_term(text, max(prev_end, base), s, m.surface) if kind == "efficacy" else
                 counts.subject_count(text, max(prev_end, base), s, m.surface))  # "3 complete responses", "2 patients discontinued"
            if cb and cb[2] != "%" and "%" in sent and not counts.breakdown(text, base, cb[0]):
                cb = None  # a sentence that gives rates gives the term's rate (dev: a bare count there was a false fact),
                # unless the count itemizes a response rate: "20 (90.9%) had a response: 12 who achieved sCR, 2 with VGPR"
            if cb and (kind == "efficacy" or cb[2] == "%" or not re.search(r"\bwith\s+(?:an?\s+|the\s+)?$", text[max(base, s - 12):s])):
                values.append(cb)
        if values:  # "occurred in two patients on placebo and four on X": X's count (counts.py)
            named = ctx.names.in_span(ctx.names.assets, base, base + len(sent))
            for j, v in enumerate(values):
                w = re.match(r"[\w.]+", text[v[0]:]) if v[2] == "patients" else None
                sw = counts.control_then_asset(text, v[0] + w.end()) if w else None
                if sw and any(a.start == sw[2] for a in named):
                    values[j] = (sw[0], sw[1], "patients")
                elif w and counts.on_control(text, v[0] + w.end()):
                    values[j] = None  # "occurred in two patients on placebo": the control's count, no asset's figure
            values = [v for v in values if v is not None]
        if kind == "safety" and values:  # "..., with 1 grade ≥3 event (2.3%)": the severe share too (counts.py)
            last = max(values)
            after = re.match(r"[\d.]*\s?%?\)?(?:\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:patients|participants|subjects))?\s*\)?",
                             text[last[0]:nxt])
            for off, num, g in counts.graded_parts(text[last[0] + after.end():nxt]):
                pos = last[0] + after.end() + off
                if pos not in used:
                    used.add(pos)
                    ctx.add(eid, kind, {"event": m.canonical, "value": _number(num), "unit": "%", "grade": g}, span)
        owners = {}
        if len(values) > 1:  # "The ORR was 45% for X and 30% for Y": each figure is the asset's named right after it
            named = ctx.names.in_span(ctx.names.assets, base, base + len(sent))
            owners = {v[0]: o for v in values if (o := value_owner(text, v[0] + len(v[1]), named)) is not None}
        for v in values:
            pos, num, unit = v[0], v[1], v[2]
            if pos in used:
                continue
            used.add(pos)
            value = _number(num)
            eid = owners.get(pos, eid) if len(set(owners.values())) > 1 else eid
            if kind == "efficacy":
                endpoint = m.canonical
                lm = MONTH_POINT_RE.search(text, max(base, s - 16), s)
                pm2 = TWO_POINTS_RE.search(text, max(base, s - 24), s)
                pct = [w for w in values if w[2] == "%"]
                if pm2 and unit == "%" and len(pct) == 2:  # "the 6- and 12-month EFS rates were 65% and 49%(, respectively)"
                    n = pm2.group(1 if v is pct[0] else 2)
                    endpoint = f"{n}-{pm2.group(3).lower()} {endpoint} rate"
                elif lm and unit == "%":
                    n = lm.group(1).lower()
                    endpoint = f"{WORD_NUM.get(n, n)}-{lm.group(2).lower()} {endpoint} rate"  # "2-year PFS rate"
                obj = {"endpoint": endpoint, "value": value, "unit": unit}
            else:
                obj = {"event": m.canonical, "value": value, "unit": unit}
                if grade:
                    obj["grade"] = grade
            ctx.add(eid, kind, obj, span)


def _count_figures(ctx: Context, sent: str, base: int, span, assets, fallback, eps, used: set[int]) -> None:
    """Results written around a count of patients (counts.py): "24 patients (55.8%) had a response" is an ORR;
    "a median percentage reduction in Lp(a) of 90%" a change in a marker no endpoint of the lexicon names."""
    if "%" not in sent and "per" not in sent:  # both readings need a rate: "%", "percent", "per cent" (counts.py)
        return
    for off, num in counts.responders(sent):
        eid = _nearest(assets, base + off) if assets else fallback
        if eid is not None and base + off not in used:
            used.add(base + off)
            ctx.add(eid, "efficacy", {"endpoint": "ORR", "value": _number(num), "unit": "%"}, span)
    for ep_off, off, endpoint, num in counts.marker_changes(sent):
        if any(m.start < base + max(off, ep_off + len(endpoint)) and m.end > base + min(off, ep_off) for m in eps):
            continue  # "a mean reduction in LDL-C of 55%": the lexicon's endpoint, read by _results
        eid = _nearest(assets, base + off) if assets else fallback
        if eid is not None and base + off not in used:
            used.add(base + off)
            ctx.add(eid, "efficacy", {"endpoint": endpoint, "value": _number(num), "unit": "%"}, span)


GRADE_LIMITED_RE = re.compile(r"(?:was|were)\s+(?:limited|confined|restricted)\s+to\s+grade\s*(?P<g1>\d)(?:\s*(?:-|–|to|or)\s*(?P<g2>\d))?"
                              r"(?:\s+events?)?\s+(?:in|among)\s+", re.I)


def _limited_to(rest: str):
    """ "(CRS) was limited to grade 1 in three patients": (offset in rest, value, unit, grade), else None."""
    gm = GRADE_LIMITED_RE.match(rest)
    fm = SAFETY_COUNT_RE.match(rest, gm.end()) if gm else None
    if not fm:
        return None
    grade = f"{gm.group('g1')}-{gm.group('g2')}" if gm.group("g2") else gm.group("g1")
    if fm.group("pct"):
        return fm.start("pct"), fm.group("pct"), "%", grade
    if fm.group("of"):
        return None
    n = fm.group("n").lower()
    return fm.start("n"), str(WORD_NUM.get(n, n)), "patients", grade


# "MRD negativity was achieved in 75% of patients", "clinical remission was achieved by 32%", "... attained by 40%"
ACHIEVED_IN_RE = re.compile(r"(?:scores?\s+)?(?:(?:was|were|has\s+been|have\s+been)\s+(?:achieved|attained|reached)\s+(?:in|by)"
                            r"|(?:improved|increased|decreased|reduced|fell|declined|rose|dropped|dropping|falling|declining|changed)\s+by)\s+"
                            r"(?:only\s+|approximately\s+|about\s+|an?\s+(?:mean|average|median)\s+of\s+)?(?=\d)", re.I)


def _control_first(ctx: Context, text: str, base: int, sent: str, span, terms, assets) -> set[int]:
    """ "Placebo had an ORR of 10%, compared with 45% for X": X takes the compared figure (figures.py); the terms
    whose first value is the control arm's are skipped (their indices returned)."""
    if not control_led(sent, min((a.start - base for a in assets), default=None), terms[0][0] - base):
        return set()
    skip: set[int] = set()
    for r in ctx.names.in_span(ctx.names.assets, base, base + len(sent)):
        fig = compared_figure(text, base, r.start)
        before = [i for i, t in enumerate(terms) if t[1] <= r.start]
        if fig is None or not before:
            continue
        i = before[-1]
        _s, _e, kind, m = terms[i]
        pos, num, unit = fig
        if kind == "safety" and unit != "%":
            continue
        key = "endpoint" if kind == "efficacy" else "event"
        ctx.add(r.eid, kind, {key: m.canonical, "value": _number(num), "unit": unit}, span)
        skip.add(i)
    return skip


SAFETY_COUNT_RE = re.compile(r"(?P<n>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                             r"(?P<of>\s+(?:of|out\s+of)\s+(?:the\s+)?\d{1,4})?\s+(?:\w+\s+)?(?:patients?|subjects?|participants?)\b"
                             r"(?:\s*\(\s*(?P<pct>\d{1,3}(?:\.\d+)?)\s?%\s*\))?", re.I)
GRADE_WORDS_RE = re.compile(r"\bgrade\s*[≥>=]*\s*\d(?:\s*(?:-|–|to|or)\s*\d)?(?:\s+or\s+(?:higher|above|greater))?", re.I)
# "EVENT were the most common grade ≥3 adverse event": the words between an event and the class it belongs to
MOST_COMMON_RE = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:was|were)\s+the\s+most\s+(?:common(?:ly\s+reported)?|frequent(?:ly\s+reported)?)\s+"
                            r"(?:[\w≥\-]+\s+){0,4}?", re.I)
# a difference named before an endpoint: "an improvement in median OS of 1.9 months", "a 3-month extension of PFS"
CHANGE_BEFORE_RE = re.compile(r"\b(?:improvements?|extensions?|increases?|differences?|gains?|prolongation|benefit)\s+"
                              r"(?:in|of)\s+(?:the\s+)?(?:median\s+)?$", re.I)
CHANGE_WORDS_RE = re.compile(r"\b(?:improvement|improvements|reduction|reductions|increase|increases|decrease|decreases|"
                             r"difference|change|gain|relative|absolute|higher|lower|greater|fewer|more|less)\b", re.I)
VS_VALUE_FOR_RE = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to))\s+\d{1,3}(?:\.\d+)?\s*(?:%|percent|months?)?\s*"
                             r"(?:\([^()]{0,40}\)\s*)?(?:for|with|in|on)\s+(?:the\s+|patients\s+(?:receiving|treated\s+with|on)\s+)?$", re.I)
RESPECTIVELY_RE = re.compile(r"\s*(?:rates?\s+|scores?\s+)?(?:(?:were|was|are|is)\s+(?:reported|observed|seen)\s+in|occurred\s+in|"
                             r"were|was|of|reached|are|is|at|:)\s+")


def _respectively(text: str, terms, sent_end: int) -> dict[int, tuple[int, str]]:
    """{term index: (value offset, value)} for "A and B (rates) were X% and Y%(, respectively)": terms joined by
    "and" or commas, then exactly as many percentages; {} when the sentence has no such list."""
    if len(terms) < 2:
        return {}
    for first in range(len(terms)):
        last = first
        while last + 1 < len(terms) and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)",
                                                     text[terms[last][1]:terms[last + 1][0]]):
            last += 1
        if last == first:
            continue
        lead = RESPECTIVELY_RE.match(text, terms[last][1])
        if not lead:
            continue
        values = _pct_chain(text[lead.end():sent_end])
        n = last - first + 1
        tail_end = lead.end() + values[-1][0] + len(values[-1][1]) if values else lead.end()
        if len(values) == n and not re.match(r"\s*(?:and|,)\s*\d", text[tail_end:sent_end]):
            return {first + k: (lead.end() + off, num) for k, (off, num) in enumerate(values)}
    return {}


# a duration written right after its endpoint, in lists: "ORR 45%, DCR 90%, mPFS 8.3 months" (not "longer", not "after")
# "9.7 monthsMedian PFS ...": a table flattened without spaces ends the unit where the next capital word begins
ASSET_FIRST_RE = re.compile(r"\(\s*(?=[A-Za-z])[\w\-]+(?:\s*:)?\s+(\d{1,3}(?:\.\d+)?)\s?%")
BARE_MONTHS_RE = re.compile(r"(?:\(\s*)?(\d{1,3}(?:\.\d+)?)\s*months?(?:\b|(?-i:(?=[A-Z][a-z])))(?!\s+(?:longer|more|later|after|before|earlier|follow|of\s+follow))", re.I)
TWO_POINTS_RE = re.compile(r"\b(\d{1,2})(?:[\s\-]?(?:months?|years?))?-?\s+(?:and|or|&)\s+(\d{1,2})[\s\-](month|year)s?\s*$", re.I)
MONTH_POINT_RE = re.compile(r"\b(\d{1,2}|one|two|three|four|five|six|nine|twelve)[\s\-](month|year)\s*$", re.I)
ENDPOINT_QUALIFIER_RE = re.compile(
    r"(?:at\s+(?:(?:\d{1,2}|one|two|three|six|nine|twelve|eighteen|twenty-four)[\s\-]+(?:months?|years?|weeks?))"
    r"|(?:with|for)\s+(?P<asset>[A-Za-z][\w\-]*)"
    # the assessor or criteria: "ORR per IRC was 58%", "ORR by blinded independent central review (BICR) was 45%"
    r"|(?:per|by|as\s+assessed\s+by|assessed\s+by|according\s+to)\s+(?:the\s+)?(?:blinded\s+|independent\s+|central\s+|investigators?\b|"
    r"IRC\b|BICR\b|IRRC\b|ICR\b|RECIST\b|iwCLL\b|Lugano\b|IMWG\b|mRECIST\b|review\b|committee\b|v?1\.1\b|criteria\b|\s)+(?:\([A-Z]{2,6}\)\s*)?"
    # the population or study it was measured in: "ORR in the study was 45%", "ORR among evaluable patients was 45%"
    r"|(?:in|among|across)\s+(?:the\s+|all\s+|this\s+|these\s+)?(?:[\w\-/+.]+\s+){0,4}?(?:study|trial|cohort|arm|group|population|patients|participants|subjects|subgroup)\b)"
    r"\s*(?=was\b|were\b|of\b|reached\b|is\b|:)", re.I)


VS_MONTHS_RE = re.compile(
    r"(?:(?:was|were|of|:)\s+)?(\d{1,3}(?:\.\d+)?)\s*(?:months?\s+)?(?:v\.?|vs\.?|versus)\s+\d{1,3}(?:\.\d+)?\s+months?\b")
PCT_ITEM = re.compile(r"(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)(?:\s*\((?:[^()]|\([^()]*\))*\))?(?:\s+at\s+\d+\s+months?)?(?:\s+in\s+the\s+\w+)?"
                      r"(?:\s+(?:for|with)\s+(?:the\s+)?(?=[A-Z\d]|[a-z]+(?:mab|nib|cel|lib|sib|tug|cept|zumab|ximab)\b)[\w\-]+)?")  # "45% for X and 30% for Y"
PCT_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _pct_chain(tail: str) -> list[tuple[int, str]]:
    """'25%, 28.6% and 35.2%' -> each value with its offset; stops at the first non-value."""
    out, pos = [], 0
    while True:
        m = PCT_ITEM.match(tail, pos)
        if not m or (out and re.match(r"\s+(?:of\s+(?:the\s+)?\w+\s+)?(?:reached|achieved|had|attained|experienced)\b", tail[m.end():])):
            return out
        out.append((m.start(1), m.group(1)))
        sep = PCT_SEP.match(tail, m.end())
        if not sep:
            return out
        pos = sep.end()


def _grade(before: str) -> str | None:
    g = None
    for g in GRADE_RE.finditer(before):
        pass
    if not g:
        return None
    if g.group("pre"):
        return f">={g.group('g0')}"
    if g.group("g2"):
        return f"{g.group('g1')}-{g.group('g2')}"
    if g.group("op") in ("≥", ">=", ">") or g.group("hi"):
        return f">={g.group('g1')}"
    return g.group("g1")


# --- guidelines ------------------------------------------------------------------

def _guidelines(ctx: Context, sent: str, base: int, span):
    if "uideline" not in sent:
        return
    auths = _within(ctx.authorities, base, base + len(sent))
    if not auths:
        return
    for m in GUIDELINE_RE.finditer(sent):
        title = m.group("title").strip()
        obj = {"title": title}
        title = title.rstrip(" .,;")
        obj["title"] = title
        st = STATUS_RE.search(title)
        if st:
            obj["title"] = title[:st.start()].strip()
            obj["status"] = st.group("status").lower()
        d = DATE_RE.search(sent)
        if d:
            obj["date"] = as_iso(d)
        near = min(auths, key=lambda a: abs(a[0] - (base + m.start())))
        ctx.out.append(Raw(-1, "guideline", obj, span))
        ctx.out[-1].subject_name = near[2]  # type: ignore[attr-defined]


FIELD_PLAYERS_RE = re.compile(
    r"\b(?:entities|companies|players|institutions|leaders)\b[^.;]{0,30}\bin\s+this\s+field\b|\bleading\s+the\s+way\b")
BASED_IN_NAME_RE = re.compile(r"\bbased\s+in\s+(?:the\s+)?([A-Z][\w.]+(?:\s[A-Z]\w+)?)")
IN_COUNTRY_COMPANIES_RE = re.compile(r"\W*In\s+(?:the\s+)?([A-Z][\w.]+(?:\s[A-Z]\w+)?),[^:]*\bcompanies\b[^:]*:")
RD_CODE_WORDS_RE = re.compile(r"R&D code")

# --- literal gates (fastre.py): the same matches, without running a regex where none can occur -------
from reportgen.extract.fastre import gate as _gate  # noqa: E402

(PRIOR_RE, COMPARATOR_RE, COMPARATOR_END_RE, INCLUDING_RE, ANNOUNCE_RE, DEV_CUE_RE, RIGHTS_RE, IN_LICENSE_RE,
 DEVELOP_TO_RE, ITS_RE, THE_COMPANY_RE, PARTNER_RE, WITH_RE, BOTH_COMPANIES_RE, ANAPHOR_RE, GRANT_RE, UNNAMED_RE,
 TARGET_PRE_ADJ, TARGET_PRE_WIN, APPLICATION_RE, IND_RE, REGULATORY_HINT_RE, HOLD_RE, ACCEPT_RE, FILE_RE, APPROVE_RE,
 DATE_RE, TODAY_RE, PHASE_RE, PHASE_DOSE_RE, COUNT_EVENT_RE, GRADE_RE, FOCUS_RE, AREA_OF_FOCUS_RE, REMARKS_RE,
 PERSON_TEXT_RE, SPEAKER_FIELD_RE, GUIDELINE_RE, STATUS_RE, PLACE_BEFORE_RE, RECUR_RE, FIELD_PLAYERS_RE,
 BASED_IN_NAME_RE, RD_CODE_WORDS_RE) = map(_gate, (
    PRIOR_RE, COMPARATOR_RE, COMPARATOR_END_RE, INCLUDING_RE, ANNOUNCE_RE, DEV_CUE_RE, RIGHTS_RE, IN_LICENSE_RE,
    DEVELOP_TO_RE, ITS_RE, THE_COMPANY_RE, PARTNER_RE, WITH_RE, BOTH_COMPANIES_RE, ANAPHOR_RE, GRANT_RE, UNNAMED_RE,
    TARGET_PRE_ADJ, TARGET_PRE_WIN, APPLICATION_RE, IND_RE, REGULATORY_HINT_RE, HOLD_RE, ACCEPT_RE, FILE_RE, APPROVE_RE,
    DATE_RE, TODAY_RE, PHASE_RE, PHASE_DOSE_RE, COUNT_EVENT_RE, GRADE_RE, FOCUS_RE, AREA_OF_FOCUS_RE, REMARKS_RE,
    PERSON_TEXT_RE, SPEAKER_FIELD_RE, GUIDELINE_RE, STATUS_RE, PLACE_BEFORE_RE, RECUR_RE, FIELD_PLAYERS_RE,
    BASED_IN_NAME_RE, RD_CODE_WORDS_RE))
