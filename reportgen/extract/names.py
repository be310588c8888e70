"""Drug and organization names found by shape, merged into entities per document.

Assets: INN stems (-cabtagene autoleucel, -mab, -tinib, ...), short "-cel"
names, brands marked ® / ™, and R&D codes in a drug context; aliases are
joined by parenthesised definitions ("FUCASO (Equecabtagene Autoleucel, R&D
code: CT103A)"), "X or Y", "R&D code: X" and shared INN prefixes ("eque-cel").
Organizations: legal suffixes and company words (Inc., Therapeutics, Bio,
Hospital...), stock codes, the well-known-sponsor lexicon, short-name
definitions ('IASO Biotechnology ("IASO Bio")') and first-word short forms.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from reportgen.extract.lexicon import Lexicons, cue_alternation, read_data
from reportgen.extract.shapes import add_shape_assets, asset_owners, org_shapes
from reportgen.naming import LEGAL_FORM, UnionFind, name_key
from reportgen.extract.aliases import is_org_item, phrase_links
from reportgen.extract.orgnames import academic_of, is_place, join_tickers, place_free_word, shortens
from reportgen.extract.radioligands import radioligand_names
from reportgen.extract.references import load_cues
from reportgen.extract.name_links import bracket_generic_links, short_after_or, slash_pair_links

# --- shapes ------------------------------------------------------------------

_CAR_INN = r"[A-Za-z]{3,}(?:cabtagene|gene)\s+[A-Za-z]*leucel|[A-Za-z]{5,}leucel"
_ADC_INN = (r"[A-Za-z]{3,}mab\s+(?:vedotin|mafodotin|deruxtecan|govitecan|emtansine|tesirine|soravtansine|ozogamicin|"
            r"[a-z]{2,}(?:tecan|dotin|tansine|mycin|rubicin|tesirine))")
# gene therapy INNs: "voretigene neparvovec", "onasemnogene abeparvovec", "nadofaragene firadenovec"
_GT_INN = r"[A-Za-z]{3,}gene\s+[a-z]{3,}vec"
_STEM_INN = (r"[A-Za-z]{3,}(?:mab|tinib|ciclib|rafenib|parib|lisib|domide|vedotin|deruxtecan|govitecan|"
             r"sertib|metinib|siran|nersen|cept|bart|tug|mig|lutamide|zomib|gliflozin|glutide|gliptin|previr|buvir|asvir|"
             r"tegravir|platin|taxel|rubicin|tecan|degib|olimus|dustat|rsen|parvovec|repvec|cestat|zolid)")
# a lowercase drug name introduced as such: "the investigational drug orteronel plus prednisone"
INTRO_RE = re.compile(
    r"\b(?:investigational|experimental)\s+(?:new\s+)?(?:drug|agent|compound|medicine|molecule|therapy|therapeutic|treatment)\s+"
    r"([a-z]{6,}|[A-Z][a-z]{5,})(?=\s*(?:\(|,|plus\b|in\s+combination\b|and\b|was\b|is\b|has\b|had\b|"
    r"demonstrated\b|showed\b|reduced\b|achieved\b|improved\b|met\b|for\b|in\s+(?:patients|adults|men|women|people)\b))")
NOT_INTRO = frozenset("""candidate candidates product products program programme approach approaches platform option options
therapy therapies treatment treatments designed developed targeting called named known currently being which whose
research regimen regimens combination monotherapy alone arm group cohort option application applications
program programs trial trials study studies""".split())


def _inn_stem_patterns() -> tuple[str, str, frozenset]:
    """Two-word and one-word INN shapes from data/inn_stems.yaml (WHO stems)."""
    data = read_data("inn_stems.yaml")
    n = int(data.get("min_prefix", 3))
    alt = lambda xs: "|".join(re.escape(x) for x in sorted(set(xs), key=lambda x: (-len(x), x)))  # noqa: E731
    two = "|".join(rf"[A-Za-z]{{{n},}}{re.escape(k)}\s+(?:[a-z]{{{n},}})?(?:{alt(v)})"  # "becotatug vedotin"
                   for k, v in sorted(data.get("two_word", {}).items()))
    one = rf"[A-Za-z]{{{n},}}(?:{alt(data['suffixes'])})|[A-Za-z]{{{int(data.get('cel_min_prefix', 5))},}}cel"
    return two, one, frozenset(w.casefold() for w in data.get("not_inn", []))


_DATA_TWO_INN, _DATA_ONE_INN, _DATA_NOT_INN = _inn_stem_patterns()
INN_RE = re.compile(rf"(?<![\w\-])(?=[A-Za-z]{{5}})(?:{_CAR_INN}|{_ADC_INN}|{_GT_INN}|{_DATA_TWO_INN}|{_STEM_INN}|{_DATA_ONE_INN})"
                    rf"(?:-[A-Z](?![a-z]))?(?:-(?!like\b)[a-z]{{4}})?(?![\w]|-like\b)")  # not "toripalimab-like"
_INN_AFTER_PREFIX = re.compile(INN_RE.pattern.replace(r"(?<![\w\-])", "", 1))  # the INN after "fam-" / "ado-"
SHORT_CEL_RE = re.compile(r"(?<![\w\-])([A-Za-z]{2,8})-(cell?)(?![\w\-])")
BRAND_RE = re.compile(r"(?<![\w\-])([A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)?)\s?(?:®|™|\[®\]|\[™\]|\(R\)(?!&))")
CODE_RE = re.compile(r"(?<![\w\-./])(?=[A-Za-z\-]{1,9}\d)((?:[A-Z]-)?(?:[A-Z]{2,6}|[A-Z][a-z][A-Z]{1,4}|[a-z]{2,3}[A-Z]{2,5}|[a-z]{2,3}|[a-z][A-Z]{2,4})(?:-?\d{2,8}|-\d|(?<=[A-Z]{3})\d)[A-Za-z]?"
                     r"(?:-(?:CAR(?:-?(?:T|NK))?|NK|ADC)(?![\w\-]))?"  # "ORV-101-CAR", "ABC-12-NK"
                     r"|[A-Z]{2,6}-[A-Z]{1,2}\d{1,6}[a-z]?"  # also "SHR-A1921", "TED-A9"
                     r"|[A-Z]{2,4}-[A-Z]{2,3}-\d{2,6}[a-z]?)(?![\w]|-\d|\.\d)")  # and "ABC-RD-05", "ABCD-XYZ-484"
STRONG_CONTEXT = re.compile(r"antibod|CAR|cell\s+therap|candidate|inhibitor|vaccine|-targeted|-directed|anti-"
                            + "".join("|" + re.escape(w) for w in read_data("shapes.yaml").get("short_code_context", [])), re.I)
# "R&D code: X", "(development code: CT1-DAP001)", "product code X": the code after a code label
OWNED_CODE_BEFORE = re.compile(r"(?<![\w\-])[A-Z][A-Za-z0-9\-]*(?:[ ][A-Z][A-Za-z0-9\-]*){0,2}(?:’s|'s|’|')[ ]$")
RD_CODE_RE = re.compile(r"(?:R&D|[Dd]evelopment|[Pp]roduct|[Cc]ompound|[Rr]esearch|[Ii]nternal)\s+codes?(?:\s+names?)?\s*:?\s*"
                        r"((?=[A-Za-z0-9\-]*\d)[A-Za-z]{1,6}\d{0,2}-?(?:[A-Z]{1,4})?\d{2,7}[A-Za-z]?)(?![\w\-])")
OR_BRAND_RE = re.compile(r"(?<![\w\-])([A-Z][a-z]{3,}|[A-Z]{4,})\s+or\s+")

NOT_CODE_PREFIX = re.compile(
    r"^(?:NCT|CTR|ChiCTR|ISRCTN|EudraCT|jRCT|CD|IgG|IgA|IgM|IL|HLA|COVID|SARS|CXCR|CCR|AQP|HER|FGFR|VEGFR|PD|"
    r"HKEX|HKG|NYSE|SSE|SZSE|SHE|NASDAQ|TSE|ISO|GMP|ASCO|ASH|EHA|ESMO|AACR|ASGCT|EULAR|ACR|RMB|USD|EUR|CNY|HK|"
    r"MMY|Q|FY|H|T|NK(?=92(?!\d))|COVID-|SARS-CoV-|MERS-|HPV-?|HIV-)\d", re.I)
NOT_INN = frozenset("concept except accept intercept percept incept adimab".split()) | _DATA_NOT_INN
NOT_SHORT_CEL = frozenset("stem single whole host mast plasma immune nk ips car per".split())
_CONTEXT = read_data("shapes.yaml")
DRUG_CONTEXT = re.compile(
    rf"{cue_alternation(_CONTEXT['code_context_stems'])}|(?:{cue_alternation(_CONTEXT['code_context_words'])})\b"
    r"|phase\s*(?:[1-4]|I{1,3}\b)[^.;]{0,20}\b(?:study|trial)\s+(?:of|evaluating|with)"
    r"|\b(?:entered|enters|entering|advanced|advances|moved|moves|progressed)\s+(?:in)?to\s+(?:an?\s+|the\s+)?(?:pivotal\s+|registrational\s+)?(?:phase|clinical)"
    r"|\b(?:entered|enters|entering|began|begins|started|starts|initiated)\s+(?:an?\s+|the\s+|its\s+)?(?:pivotal\s+|first-in-human\s+)?phase\s*(?:[1-4]|I)"
    r"|\b(?:is|are|was|were|being)\s+(?:being\s+|currently\s+)?(?:studied|evaluated|tested|investigated|assessed)\b"
    r"|\b(?:anti-?tumou?r|clinical|preliminary|encouraging|promising)\s+activity\b", re.I)
# a lowercase short name in parentheses right after a drug-class noun: "bispecific antibody-drug conjugate (iza-bren)"
CLASS_PAREN_RE = re.compile(
    r"(?:conjugate|antibody|ADC|inhibitor|vaccine|candidate|therapy|agonist|antagonist|degrader)\s*\(\s*([a-z]{2,6}-[a-z]{2,8})\s*\)")
# "under the brand names Leclaza in Korea and Lazcluze in the US"
BRAND_NAME_RE = re.compile(r"\bbrand\s+names?\s+(?:of\s+)?([A-Z][A-Za-z]{3,}(?:-[A-Za-z0-9]+)*)(?![\w\-])"
                           r"(?:[^.;,]{0,30}?\s+and\s+([A-Z][A-Za-z]{3,}(?:-[A-Za-z0-9]+)*)(?![\w\-]))?")
PAREN_LEAD_RE = re.compile(r"^(?:previously|formerly|also\s+known\s+as|a\.k\.a\.?|aka|also\s+called"
                           r"|(?:generic|nonproprietary|international\s+nonproprietary|brand|trade|proprietary|common)\s+name\s*:?"
                           r"|INN\s*:|(?:research\s+|study\s+|compound\s+)?codes?\s*(?:name\s*)?:?(?=\s*[A-Z]+-?\d))\s*", re.I)
TRIAL_AFTER = re.compile(r"\s*(?:™|®)?\s*(?:clinical\s+)?(?:trials?|stud(?:y|ies)|cohorts?)\b", re.I)
TRIAL_LIST_BEFORE = re.compile(r"(?:trials?|stud(?:y|ies))\s*\(\s*(?:[\w\-]+\s*(?:\[\d+\])?\s*(?:,|and)\s*)*$", re.I)
# "in three Phase 3 trials - ABC, ABC2 and XYZ": names listed after a dash, colon or "?" (for a dash) after a plural
# "trials"/"studies" are the studies' names
TRIAL_LIST_DASH_BEFORE = re.compile(r"\b(?:trials|studies)\s*(?:[:–—?]|\s-)\s*(?:[\w\-]+\s*(?:,|and|,\s*and)\s*)*$", re.I)
# a gene, not a drug: "biallelic RPE65 mutations", "KRAS G12C-mutated", "PIK3CA gene"
GENE_AFTER = re.compile(r"(?:\s*(?:/|or|and)\s*(?-i:[A-Z][A-Z0-9]{1,7}))?\s*(?:gene|genes|mutations?|mutated|mutant|variants?|alleles?|deficiency|expression|"
                        r"-(?:positive|negative|mutated|mutant|deficient)|knock-?out"
                        # "CDKN2A loss", "SMARCA4 deficient", "MTAP-null", "NRG1+", "STK11-altered", "RET fusions"
                        r"|[\s\-](?:loss|deficient|null|altered|alterations?|fusions?|amplifications?|amplified|deletions?|"
                        r"deleted|rearrangements?|rearranged|overexpression|overexpressing|expressing|exon|insertions?|"
                        r"co-?mutations?|wild-?type)|-(?:high|low)"
                        r"|\+(?=[\s,;.)]))(?![\w\-])", re.I)
# an endpoint or scale written like a code: "ZXQ-7 score", "the ABC-12 scale", "PCWG3 criteria"
SCALE_AFTER = re.compile(r"\s*(?:scores?|scales?|criteria|index|questionnaire|total\s+score)\b", re.I)
# a way of making drugs, not a drug: "its ARX-5 platform", "the TMAB-3 technology"
PLATFORM_AFTER = re.compile(r"(?:\s+[A-Za-z\-]+)?\s+(?:platforms?|technology|technologies)\b", re.I)
GENE_BEFORE = re.compile(r"\b(?:biallelic|mutant|mutated|mutations?\s+(?:in|of)(?:\s+the)?|germline|somatic)\s+$", re.I)
PHASE_BEFORE = re.compile(r"Phase\s+(?:[0-9IV]+[ab]?(?:/[0-9IV]+)?)\s+$", re.I)

# --- organizations -------------------------------------------------------------

_ORG_KEY = (r"Bio|Biotech|Biotechnology|Biologics|Biotherapeutics|Therapeutics|Pharma|Pharmaceuticals?|"
            r"Biosciences?|Biopharma(?:ceuticals?)?|BioPharma|Biomedicine|Medicine|Capital|Ventures|Hospital|"
            r"University|Institute|Institutes|College|School of Medicine|Medical School|Cancer Center|Medical Center|"
            r"Holdings|Corporation|Laboratories|Genomics|Immunotherapeutics|Oncology|Biomedics|Bioscience|Genetics|Biologicals|Biopharmaceutical"
            + "".join("|" + re.escape(w) for w in read_data("shapes.yaml").get("company_words", [])))
_LEGAL = rf"(?:,?\s+(?:{LEGAL_FORM}))*"
ORG_KEY_RE = re.compile(rf"(?<![\w\-])(?=[BTPMCVHUISGLO])(?:{_ORG_KEY})(?![\w\-])")
ORG_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:and\s+)?[A-Z][\w\-]*)*")
LEGAL_RE = re.compile(_LEGAL)
# (wire services drop the period: "Brantley Inc", "Brantley Corp"; "A & Co" is left to the known names, as
# "& Co" is not a legal form the names are matched without)
LEGAL_ONLY_RE = re.compile(r"(?<![\w\-])(?:(?:Inc\.|Ltd\.?|GmbH|AG|plc|Corp\.|LLC|Limited|Co\., Ltd\.?|S\.A\.|N\.V\.|B\.V\.|K\.K\.|S\.p\.A\.)(?![\w])"
                           r"|(?:Inc|Corp)(?![\w\-.’']))")
LEFT_WORDS = re.compile(r"((?:(?:[A-Z][\w&'’\.\-]*|&|[a-z]+[A-Z][\w\-]*)[ \t]+){1,5})$")
STOCK_RE = re.compile(
    r"(?<![\w&'’\.\-])((?:[A-Z][\w&'’\.\-]{0,40},?\s+){0,3}[A-Z][\w&'’\.\-]{0,40})\s*\(\s*(?:[“\"][^”\"]{1,30}[”\"],\s*)?"
    r"(?:NASDAQ|Nasdaq|NYSE|HKEX|HKG|HK|SSE|SHE|SZSE|SEHK|TSE|TYO|LSE|AIM|Euronext|SIX|ASX|KOSDAQ|KRX|"
    r"Stock Code|stock code|OTC|OTCQX)\s*:\s*[\w.]+")
# the announcing organization: "Quorvex announced ...", "Quorvex Today Announces ..." at a line or sentence start
ANNOUNCER_RE = re.compile(
    r"(?:^|(?<=[\n.!?]\s)|(?<=\n))[ \t]*((?:[A-Z][\w&’'\.\-]*|[a-z]+[A-Z][\w\-]*)(?:[ \t]+(?:[A-Z][\w&\.\-]*|[a-z]+[A-Z][\w\-]*)){0,3})"
    r"[ \t]+(?:\([^()\n]{0,40}\)[ \t]+)?(?:[Tt]oday[ \t]+)?(?:[Aa]nnounce[sd]?|[Rr]eport(?:s|ed)|[Uu]nveil(?:s|ed))\b")
# "Quorvex, a clinical-stage biotechnology company, ..."
APPOS_ORG_RE = re.compile(
    r"(?<![\w\-&’'\.])((?:[A-Z][\w&\-]*|[a-z]+[A-Z][\w\-]*)(?:[ \t]+[A-Z][\w&\-]*){0,3}),[ \t]+(?:a|an)[ \t]+(?:[\w\-]+[ \t]+){0,5}?"
    r"(?:company|biotech|biotechnology\s+firm|firm|developer|biopharma|drugmaker|drug\s+maker|startup|start-up|spinout|"
    r"spin-off|subsidiary|unit|division|affiliate|pharmaceutical\s+group|maker)\b")
DEF_RE = re.compile(r"\s*\(\s*(?:[A-Z][\w ]{0,15}:\s*[\w.]+\s*\)\s*\()?\s*"
                    # '(hereinafter "Hengyu")', '(hereinafter referred to as "Hengyu")' (orgnames.py)
                    r"(?:(?:hereinafter|hereafter)(?:\s+(?:referred\s+to\s+as|called))?\s*[,:]?\s*)?[“\"]?\s*"
                    r"([A-Z][\w&\-]*(?:\s[A-Z][\w&\-]*){0,3})\s*[”\"]?\s*(?:[,;][^)]*|\s+or\s+[^)]*)?\)")
ORG_STOP = frozenset("""i the a an in on at for and of about with by from to as its our their this that these those
while since after before following during under over into between among both also today said announced
january february march april may june july august september october november december
professor prof dr mr ms mrs director chairman ceo cto cfo president founder co-founder vice head chief
board investors media contact news press release full article back prev next disclaimer
french american chinese japanese german swiss british korean us u.s. china-based us-based
however meanwhile notably additionally furthermore moreover currently overall finally
""".split())
GENERIC_WORDS = frozenset("""regenerative medicine medical cancer cell cells gene therapy therapies clinical national
international global first new advanced american society hospital university institute college school center
centre capital bio biotech biotechnology biologics biotherapeutics therapeutics pharma pharmaceutical
pharmaceuticals biosciences bioscience biopharma holdings corporation group company research human stem
science technology sciences health healthcare innovation drug drugs main board stock exchange department
neurology oncology hematology immunology life big large major leading""".split())
GEO_WORDS = frozenset("""china chinese shanghai beijing nanjing suzhou hangzhou guangzhou shenzhen wuhan chengdu hong kong
taiwan japan kyoto tokyo osaka korea seoul us u.s. usa united states america american california texas boston
cambridge san new york europe european france germany switzerland uk london national international global
harvard stanford""".split())


@dataclass
class Entity:
    kind: str  # "asset" | "org" | "ticker" (an organization's ticker beside its name: orgnames.py)
    names: dict[str, int] = field(default_factory=dict)  # surface -> first offset
    rank: dict[str, int] = field(default_factory=dict)   # surface -> canonical preference (lower wins)
    links: dict[str, int] = field(default_factory=dict)  # alias surface -> offset where it is defined

    @property
    def canonical(self) -> str:
        return min(self.names, key=lambda n: (self.rank.get(n, 9), -len(n) if self.kind == "org" else 0, self.names[n]))


@dataclass
class Mention:
    start: int
    end: int
    eid: int
    surface: str


norm = name_key  # one name normaliser for the extractor and the fact store (reportgen/naming.py)


@dataclass
class Names:
    entities: list[Entity]
    assets: list[Mention]   # sorted by start
    orgs: list[Mention]     # sorted by start
    regulators: set[int] = field(default_factory=set)
    name_links: list[tuple[int, str, int]] = field(default_factory=list)  # (eid, alias, offset)
    _starts: dict = field(default_factory=dict)

    def in_span(self, mentions: list[Mention], start: int, end: int) -> list[Mention]:
        key = id(mentions)
        starts = self._starts.get(key)
        if starts is None or len(starts) != len(mentions):
            starts = self._starts[key] = [m.start for m in mentions]
        i = bisect_left(starts, start)
        return mentions[i:bisect_left(starts, end, i)]  # sorted by start: the run of those starting before `end`


# ---------------------------------------------------------------------------

# "inaticabtagene autoleucel injection (trade name: X)": a dosage form may stand between a name and its parenthesis
_PAREN_OPEN = re.compile(r"\s*(?:®|™|\[®\]|\[™\])?(?:\s+(?:for\s+)?(?:[Ii]njection|[Ii]nfusion|[Tt]ablets?|[Cc]apsules?|"
                         r"[Ss]uspension|[Oo]ral\s+[Ss]olution|[Ee]ye\s+[Dd]rops))?\s*\(")


def _paren_after(text: str, pos: int, limit: int = 260) -> tuple[int, int] | None:
    """The (start, end) of a parenthesis opening right after pos (spaces/marks allowed)."""
    m = _PAREN_OPEN.match(text, pos)
    if not m:
        return None
    depth, i, stop = 0, m.end() - 1, min(len(text), m.end() + limit)
    while i < stop:
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return m.end(), i
        elif c == "\n":
            return None
        i += 1
    return None


def find_assets(text: str, sentences: list[tuple[int, int]], lex: Lexicons,
                org_spans: list[tuple[int, int]], trial_spans: list[tuple[int, int, str]],
                target_matches=None) -> tuple[dict, UnionFind, dict]:
    """Asset surface mentions {(start, end): (surface, rank)} and their alias unions."""
    cands: dict[tuple[int, int], tuple[str, int]] = {}
    uf = UnionFind()
    link_at: dict[str, int] = {}
    trial_names = {norm(t[2]) for t in trial_spans}
    trial_prefixes = {norm(t[2].split("-")[0]) for t in trial_spans if "-" in t[2]}

    def covered(s: int, e: int, spans) -> bool:
        return any(a <= s and e <= b for a, b, *_ in spans)

    targets = {(m.start, m.end) for m in (target_matches if target_matches is not None else lex.targets.find_all(text))}
    for m in INN_RE.finditer(text):
        w = m.group(0)
        base = re.sub(r"-[a-z]{4}$", "", w)  # a biosimilar's suffix ("-irfc"); "peptide-drug" is no INN either
        if w.casefold() in NOT_INN or base.casefold() in NOT_INN or covered(m.start(), m.end(), org_spans):
            continue
        cands[m.span()] = (w, 0 if base == w else 0.5)
        if base != w:
            uf.union(norm(w), norm(base))
            link_at.setdefault(norm(w), m.start())
    # "fam-trastuzumab deruxtecan-nxki", "ado-trastuzumab emtansine": an FDA prefix before the INN
    for pre in ("fam-", "ado-"):
        i = text.find(pre)
        while i >= 0:
            m = _INN_AFTER_PREFIX.match(text, i + 4) if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")) else None
            if m and m.group(0).casefold() not in NOT_INN:
                for k in [k for k in cands if k[0] < m.end() and m.start() < k[1]]:
                    del cands[k]  # ("deruxtecan-nxki" alone was read as an INN)
                w = m.group(0)
                base = re.sub(r"-[a-z]{4}$", "", w)
                cands[m.span()] = (w, 0 if base == w else 0.5)
                if base != w:
                    uf.union(norm(w), norm(base))
                    link_at.setdefault(norm(w), m.start())
            i = text.find(pre, i + 4)
    for m in INTRO_RE.finditer(text):
        w = m.group(1)
        if w.casefold() in NOT_INTRO or covered(m.start(1), m.end(1), org_spans) or any(
                mt.lookup(w)[0] for mt in (lex.diseases, lex.targets, lex.modalities, lex.organizations, lex.endpoints)):
            continue
        cands.setdefault(m.span(1), (w, 0))
    for m in CLASS_PAREN_RE.finditer(text):
        if not covered(m.start(1), m.end(1), org_spans):
            cands.setdefault(m.span(1), (m.group(1), 2))
    inns = {norm(s): s for s, _ in cands.values()}
    for m in SHORT_CEL_RE.finditer(text):
        prefix, tail = m.group(1), m.group(2)
        if prefix.casefold() in NOT_SHORT_CEL or prefix.isupper() and len(prefix) <= 3:
            continue
        match_inn = [k for k in inns if k.startswith(prefix.casefold())]
        if tail == "cell" and not match_inn:
            continue
        cands[m.span()] = (m.group(0), 2)
        for k in match_inn[:1]:
            uf.union(norm(m.group(0)), k)
            link_at.setdefault(norm(m.group(0)), m.start())
    for m in BRAND_RE.finditer(text):
        w = m.group(1)
        s, e = m.span(1)
        if (norm(w) in trial_names or norm(w) in trial_prefixes or covered(s, e, org_spans)
                or covered(s, e, trial_spans) or lex.organizations.lookup(w)[0] or TRIAL_AFTER.match(text, m.end())):
            continue
        if (s, e) not in cands:
            cands[(s, e)] = (w, 1)
    listed_trials: set[str] = set()
    for m in CODE_RE.finditer(text):
        w = m.group(1)
        s, e = m.span(1)
        if NOT_CODE_PREFIX.match(w) or (s, e) in targets or covered(s, e, trial_spans) or (s, e) in cands \
                or norm(w) in trial_names:  # a study's name used alone ("KOMET-9 enrolled 90 patients")
            continue
        if TRIAL_LIST_DASH_BEFORE.search(text, max(0, s - 80), s):
            listed_trials.add(norm(w))  # a study's name, wherever else the text writes it
            continue
        if TRIAL_AFTER.match(text, e) or TRIAL_LIST_BEFORE.search(text, max(0, s - 80), s) \
                or PHASE_BEFORE.search(text, max(0, s - 20), s) or GENE_AFTER.match(text, e) or SCALE_AFTER.match(text, e) or PLATFORM_AFTER.match(text, e) \
                or GENE_BEFORE.search(text, max(0, s - 30), s):
            continue
        cands[(s, e)] = (w, 3)
    for key in [k for k, (w, rank) in cands.items() if rank == 3 and norm(w) in listed_trials]:
        del cands[key]
    _add_radioligands(text, cands, uf, link_at, org_spans)  # "lutetium Lu 177 X", "[177Lu]Lu-X"
    # shapes beyond the plain code and the INN stems (extract/shapes.py, data/shapes.yaml)
    add_shape_assets(text, lex, cands, org_spans, trial_spans, targets, TRIAL_AFTER, ORG_STOP | GENERIC_WORDS | GEO_WORDS,
                     sentences[0] if sentences else None)

    _parens_of_every_use(text, cands, org_spans, lex, uf, link_at)
    # brand before a parenthesised INN: "Sarclisa (isatuximab-irfc)"; INN-led parens; chains
    for (s, e) in sorted(cands):
        pos = e
        for _ in range(3):
            par = _paren_after(text, pos)
            if not par:
                break
            ps, pe = par
            inn_in_paren = False  # "velno-cel (velnogene autotemcel; Velnovo)": a brand may follow the INN
            for seg_s, seg_e in _segments(text, ps, pe):
                seg = text[seg_s:seg_e]
                rd = RD_CODE_RE.search(seg)
                if rd:
                    seg_s, seg_e = seg_s + rd.start(1), seg_s + rd.end(1)
                    seg = rd.group(1)
                seg = re.sub(r"\s+(?:injection|tablets?|capsules?|for injection)$", "", seg, flags=re.I)
                seg_e = seg_s + len(seg)
                lead = PAREN_LEAD_RE.match(seg)
                if lead:
                    seg_s, seg = seg_s + lead.end(), seg[lead.end():]
                or_short = seg[:3] == "or " and short_after_or(seg[3:], cands[(s, e)][0] + " " + text[ps:seg_s])  # name_links.py
                if or_short:
                    seg_s, seg = seg_s + 3, seg[3:]
                parts = [(seg_s, seg)]
                if "/" in seg and all(CODE_RE.fullmatch(x) for x in seg.split("/")):
                    parts, off = [], seg_s
                    for x in seg.split("/"):
                        parts.append((off, x))
                        off += len(x) + 1
                owner = cands[(s, e)]
                for seg_s, seg in parts:
                    key = (seg_s, seg_s + len(seg))
                    if is_org_item(text, seg_s, seg_s + len(seg), org_spans, _ORG_ITEM):  # aliases.py
                        continue
                    two = _TWO_WORD_INN.fullmatch(seg)  # "ZX-2001 (Tobiguran Vexameran)": a two-word INN
                    if two and (seg_s + two.start(2), seg_s + two.end(2)) in cands \
                            and cands[(seg_s + two.start(2), seg_s + two.end(2))][1] == 0 \
                            and (two.group(1)[0].isupper() == two.group(2)[0].isupper()) \
                            and two.group(1).casefold() not in NOT_INN | _TWO_WORD_NOT and not _lexical_word(two.group(1), lex):
                        del cands[(seg_s + two.start(2), seg_s + two.end(2))]
                        cands[key] = (seg, 0)
                    rank = 0 if inn_in_paren else owner[1]
                    inn_in_paren = inn_in_paren or bool(INN_RE.fullmatch(seg))
                    if key in cands or rd or or_short or _looks_like_alias(seg, rank, lex) or _inn_short(seg, owner):
                        if key not in cands:
                            cands[key] = (seg, 3 if CODE_RE.fullmatch(seg) else 1)
                        uf.union(norm(owner[0]), norm(seg))
                        link_at.setdefault(norm(seg), seg_s)
                        link_at.setdefault(norm(owner[0]), seg_s)
            pos = pe + 1
        # "Brand (INN ...)": capitalized word right before an asset's paren
    # "X, also known as Y", "X, formerly Y" (aliases.py, cues in data/aliases.yaml)
    phrase_links(text, cands, uf.union, link_at, norm, lambda w, r: _alias_word_ok(w, r, lex), org_spans)
    slash_pair_links(text, cands, uf.union, link_at, norm)  # "ZX-101/MK-77, an investigational vaccine" (name_links.py)
    bracket_generic_links(text, cands, uf.union, link_at, norm, lambda w: _brand_ok(w, lex))  # "[generic name: x]"
    for (s, e), (w, rank) in list(cands.items()):
        if rank not in (0, 0.5) and not _code_in_brand_paren(text, s, e, w, org_spans):
            continue
        before = text[max(0, s - 40):s]
        m = re.search(r"([A-Z][A-Za-z0-9]{2,})\s*(?:®|™)?\s*\(\s*(?:fam-|ado-)?$", before)
        if m:
            b = m.group(1)
            bs = s - len(before) + m.start(1)
            if _brand_ok(b, lex):
                cands.setdefault((bs, bs + len(b)), (b, 1))
                uf.union(norm(b), norm(w))
                link_at.setdefault(norm(b), bs)
        m = OR_BRAND_RE.search(text, max(0, s - 20), s)
        if m and m.end() == s and _brand_ok(m.group(1), lex):
            cands.setdefault(m.span(1), (m.group(1), 1))
            uf.union(norm(m.group(1)), norm(w))
            link_at.setdefault(norm(m.group(1)), m.start(1))
    # "R&D code: X" anywhere: alias of the nearest asset before it in the sentence
    for m in RD_CODE_RE.finditer(text):
        key = m.span(1)
        before = [k for k in cands if k[1] <= m.start() and m.start() - k[1] < 200 and k != key]
        if before:
            near = max(before)
            cands.setdefault(key, (m.group(1), 3))
            uf.union(norm(cands[near][0]), norm(m.group(1)))
            link_at.setdefault(norm(m.group(1)), m.start(1))
    # "X ... under the brand name of A in Korea and B in the US": brands of the nearest asset before
    for m in BRAND_NAME_RE.finditer(text):
        before = [k for k in cands if k[1] <= m.start() and m.start() - k[1] < 200 and cands[k][1] in (0, 0.5)]
        if not before:
            continue
        near = max(before)
        for g in (1, 2):
            b = m.group(g)
            if b and _brand_ok(b, lex):
                cands.setdefault(m.span(g), (b, 1))
                uf.union(norm(cands[near][0]), norm(b))
                link_at.setdefault(norm(b), m.start(g))
    # prefix of a mixed-case code used alone ("HiCM" for "HiCM-188")
    for (s, e), (w, rank) in list(cands.items()):
        mm = re.fullmatch(r"([A-Z][a-z][A-Z]{1,4})-\d+", w)
        if mm:
            for o in re.finditer(rf"(?<![\w\-]){re.escape(mm.group(1))}(?![\w\-])", text):
                cands.setdefault(o.span(), (mm.group(1), 3))
                uf.union(norm(w), norm(mm.group(1)))
                link_at.setdefault(norm(mm.group(1)), o.start())

    # codes need a drug context: a link to another name, or drug words in their sentence
    starts = [s for s, _ in sentences]
    linked = {k for k in uf.parent if any(uf.find(k) == uf.find(o) and o != k for o in uf.parent)}
    for key, (w, rank) in list(cands.items()):
        if rank != 3 or norm(w) in linked:
            continue
        i = max(0, bisect_left(starts, key[0] + 1) - 1)
        ss, se = sentences[i] if sentences else (0, len(text))
        sent = text[ss:se]
        short = re.search(r"-\d[A-Za-z]?$", w) and not re.search(r"\d\d", w)
        if not (STRONG_CONTEXT if short else DRUG_CONTEXT).search(sent) and not (
                not short and OWNED_CODE_BEFORE.search(text, max(0, key[0] - 40), key[0])) \
                and not _next_refers(text, sentences, i) and not _combined_with_inn(text, key, cands) \
                and not (not short and STUDY_OF_BEFORE.search(text, max(0, key[0] - 40), key[0])):
            del cands[key]  # (a code an organization owns, "Zentavo's ZTV-101", needs no other context)
    return cands, uf, link_at


# "the ZX-3 trial of NX-123", "a study evaluating NX-123": what a study is of is a drug (a study's own name is
# left out before this, by TRIAL_AFTER and the trial spans)
STUDY_OF_BEFORE = re.compile(r"\b(?:trials?|stud(?:y|ies))\s+(?:of|evaluating|investigating|testing|assessing)\s+(?:the\s+)?$", re.I)


# a combination cue between two drugs: "X in combination with Y", "X plus Y", "Y combined with X", "X + Y"
_COMBINED_GAP = re.compile(r"\s*(?:in\s+combination\s+with|combined\s+with|plus|\+)\s*")


def _combined_with_inn(text: str, key: tuple[int, int], cands: dict) -> bool:
    """Whether the code at `key` is joined by a combination cue to an INN right before or after it ("ZX-44 in
    combination with tarvolimab"): a drug combined with a drug is one."""
    if not _COMBINED_GAP.search(text, max(0, key[0] - 30), key[1] + 30):
        return False
    for (s, e), (_w, rank) in cands.items():
        if rank not in (0, 0.5):
            continue
        if (e <= key[0] and _COMBINED_GAP.fullmatch(text, e, key[0])) or \
                (key[1] <= s and _COMBINED_GAP.fullmatch(text, key[1], s)):
            return True
    return False


def _next_refers(text: str, sentences, i: int) -> bool:
    """Whether the sentence after sentence i opens by referring to a drug ("... data for ZNT-5. The candidate
    achieved ...", "It was generally well tolerated"): the code it follows is the drug it speaks of."""
    if i + 1 >= len(sentences):
        return False
    ns, ne = sentences[i + 1]
    head = text[ns:min(ne, ns + 60)]
    cues = load_cues()
    m = cues.asset_np.search(head)
    return bool(cues.pronoun.match(head) or (m and not head[:m.start()].strip(" \t\n\"“")))


def _add_radioligands(text: str, cands: dict, uf: UnionFind, link_at: dict, org_spans) -> None:
    """An isotope-plus-ligand phrase is one asset name (radioligands.py); the ligand word is another where the
    text writes it alone. Candidates inside the phrase (the ligand's INN or code match) give way to it."""
    found = [f for f in radioligand_names(text) if not any(a < f[1] and f[0] < b for a, b in org_spans)]
    if not found:
        return
    ligands: dict[str, int] = {}
    for s, e, ls, le in found:
        for k in [k for k in cands if k[0] < e and s < k[1]]:
            del cands[k]
        full, lig = text[s:e], text[ls:le]
        cands[(s, e)] = (full, 0)
        uf.union(norm(full), norm(lig))
        ligands.setdefault(lig, s)
    for lig, at in ligands.items():
        for o in re.finditer(rf"(?<![\w\-\]]){re.escape(lig)}(?![\w\-])", text):
            if any(s <= o.start() < e for s, e, _, _ in found) or any(k[0] < o.end() and o.start() < k[1] for k in cands):
                continue
            cands[o.span()] = (lig, 0 if lig.islower() else 3)
            link_at.setdefault(norm(lig), at)


_BRAND_BEFORE_PAREN = re.compile(r"([A-Z][A-Za-z0-9]{2,})\s*(?:®|™)?\s*\(\s*(?:(?i:generic|nonproprietary|international\s+"
                                 r"nonproprietary|common)\s+name\s*:?\s*|INN\s*:\s*)?(?:fam-|ado-)?$")
_WORDS_BEFORE_PAREN = tuple(re.compile(rf"(?<![\w\-])([A-Za-z0-9][A-Za-z0-9\-]*{two})[ \t]*(?:®|™)?[ \t]*\($")
                            for two in (r"[ ][a-z]+", ""))


def _parens_of_every_use(text: str, cands: dict, org_spans, lex: Lexicons, uf: UnionFind, link_at: dict) -> None:
    """Before parentheses are read for aliases: a brand written right before an INN's parenthesis ("Lumiqa
    (lumiquabtagene autoleucel; LQ-19)") is a candidate, so the rest of that parenthesis is read as its aliases;
    and every later use of a name that opens a parenthesis ("Tarvexa (TRV-210) was studied") is read too."""
    for (s, e), (w, rank) in list(cands.items()):
        if rank not in (0, 0.5):
            continue
        m = _BRAND_BEFORE_PAREN.search(text, max(0, s - 40), s)
        if m and _brand_ok(m.group(1), lex):
            b, bs = m.group(1), m.start(1)
            cands.setdefault((bs, bs + len(b)), (b, 1))
            uf.union(norm(b), norm(w))
            link_at.setdefault(norm(b), bs)
    # each "(" of the text: the name right before it, if it is a candidate's surface (one scan, no regex per name)
    surfaces: dict[str, tuple] = {}
    for (s, e), v in sorted(cands.items()):
        surfaces.setdefault(v[0], v)
    ends = {e for _, e in cands}
    taken = sorted(cands) + sorted(org_spans)
    i = text.find("(")
    while i >= 0:
        for rx in _WORDS_BEFORE_PAREN:  # "velantamab vedotin (", then "Tarvexa ("
            m = rx.search(text, max(0, i - 60), i + 1)
            if m and m.group(1) in surfaces:
                if m.end(1) not in ends and not any(a < m.end(1) and m.start(1) < b for a, b in taken):
                    cands.setdefault(m.span(1), surfaces[m.group(1)])
                break
        i = text.find("(", i + 1)


def _segments(text: str, ps: int, pe: int):
    """Parts of a parenthesis split at ; and , (quotes and spaces trimmed)."""
    i = ps
    for m in re.finditer(r"[;,]|$", text[ps:pe] + ""):
        j = ps + m.start() if m.group(0) else pe
        a, b = i, j
        while a < b and text[a] in " \t\"“”'‘’":
            a += 1
        while b > a and text[b - 1] in " \t\"“”'‘’®™":
            b -= 1
        if b > a:
            yield a, b
        i = j + 1
        if j >= pe:
            break


# a two-word INN in a parenthesis (gene editing, nucleic acids): the second word an INN, the first no connector
_TWO_WORD_INN = re.compile(r"([A-Za-z][a-z]{5,})[ ]([A-Za-z][a-z]{5,})")
_TWO_WORD_NOT = frozenset(str(w).casefold() for w in read_data("shapes.yaml").get("two_word_inn_not", []))


def _lexical_word(word: str, lex: Lexicons) -> bool:
    return any(mt.lookup(word)[0] for mt in (lex.diseases, lex.targets, lex.modalities, lex.organizations))


def _inn_short(seg: str, owner: tuple) -> bool:
    """A hyphenated short form of an INN in its parenthesis: "sacituzumab tirumotecan (sac-TMT)"."""
    return owner[1] in (0, 0.5) and bool(re.fullmatch(r"[a-z]{2,5}-[A-Za-z]{2,6}", seg)) \
        and owner[0].casefold().startswith(seg.split("-")[0].casefold())


def _code_in_brand_paren(text: str, s: int, e: int, w: str, org_spans) -> bool:
    """"Yelvora (ZT-294640, Quellan Biopharma)": a code opening a parenthesis after one capitalized word that is no
    organization (its brand; the word before it must not be capitalized too, so a company's name is not read)."""
    if not CODE_RE.fullmatch(w) or not re.match(r"\s*[,;)]", text[e:e + 3]):
        return False
    m = re.search(r"(?:^|[^\w\-’'.,&])\s*([A-Z][A-Za-z]{2,})\s*(?:®|™)?\s*\(\s*$", text[max(0, s - 40):s])
    if not m:
        return False
    bs = s - len(text[max(0, s - 40):s]) + m.start(1)
    return not any(a <= bs < b for a, b in org_spans)


_DOSAGE_WORDS = frozenset(str(w).casefold() for w in read_data("shapes.yaml").get("dosage_form_words", []))


def _brand_ok(word: str, lex: Lexicons) -> bool:
    low = word.casefold()
    if low in ORG_STOP or low in GENERIC_WORDS or low in GEO_WORDS or low in _DOSAGE_WORDS:
        return False  # ("Serplulimab Injection (trade name: X)": the dosage form is no brand)
    for matcher in (lex.organizations, lex.authorities, lex.diseases, lex.targets, lex.countries):
        if matcher.lookup(word)[0]:
            return False
    return not NOT_CODE_PREFIX.match(word + "1")


def _looks_like_alias(seg: str, owner_rank: int, lex: Lexicons) -> bool:
    if INN_RE.fullmatch(seg) or SHORT_CEL_RE.fullmatch(seg):
        return True
    if CODE_RE.fullmatch(seg) and not NOT_CODE_PREFIX.match(seg):
        return True
    # a single capitalized word in an INN's parenthesis is its brand: "teclistamab (Tecvayli, ...)"
    return owner_rank in (0, 0.5) and bool(re.fullmatch(r"[A-Z][A-Za-z0-9]{2,}", seg)) and _brand_ok(seg, lex)


def _alias_word_ok(word: str, owner_rank, lex: Lexicons) -> bool:
    """A word a link cue ("also known as") names: an alias shape, or any brand-like capitalized word."""
    return _looks_like_alias(word, owner_rank, lex) or (
        bool(re.fullmatch(r"[A-Z][A-Za-z0-9]{2,}", word)) and _brand_ok(word, lex))


class _OrgItem:
    """An organization's shape in a parenthesis item: a company word or a legal form (aliases.is_org_item)."""

    @staticmethod
    def search(item: str):
        return ORG_KEY_RE.search(item) or LEGAL_ONLY_RE.search(item)


_ORG_ITEM = _OrgItem()


# --- organizations -------------------------------------------------------------

def _two_letter_short(first: str, surface: str, lex: Lexicons) -> bool:
    """"JW Therapeutics" is also "JW": two capitals opening a longer name stand for it when they are no regulator,
    country or legal form."""
    return len(first) == 2 and first.isalpha() and first.isupper() and len(surface.split()) > 1 and \
        not lex.authorities.lookup(first)[0] and not lex.countries.lookup(first)[0] and \
        first not in ("AB", "AG", "SA", "SE", "NV", "BV", "KK", "UK", "US", "EU")


def find_orgs(text: str, lex: Lexicons, known=None) -> tuple[dict[tuple[int, int], str], list[tuple[int, int, str]]]:
    """Organization surface spans, and definitions (long span, short name)."""
    spans: dict[tuple[int, int], str] = {}
    for m in known if known is not None else lex.organizations.find_all(text):
        spans[(m.start, m.end)] = m.surface
    for m in ORG_KEY_RE.finditer(text):
        s, e = m.span()
        if m.group(0) in ("University", "Institute", "Institutes", "College", "Hospital", "Cancer Center", "Medical Center"):
            of = ORG_OF_RE.match(text, e)
            if of:
                e = of.end()
        legal = LEGAL_RE.match(text, e)
        if legal:
            e = legal.end()
        left = LEFT_WORDS.search(text, max(0, s - 90), s)
        words = _after_based(left.group(1).split() if left else [])
        while words and (words[0].casefold().strip(".,") in ORG_STOP or words[0].endswith("-based")
                         or (words[0].endswith(".") and len(words[0]) > 3)):
            words.pop(0)
        if not words:
            if e > m.end() and academic_of(text, m, e):
                spans[(s, e)] = text[s:e].rstrip(",")  # "the University of Halvor": orgnames.py
            continue
        if all(w.casefold().strip(".,") in GENERIC_WORDS for w in words):
            continue
        start = _exact_left(text, s, words)
        if start is None:
            continue
        spans[(start, e)] = text[start:e].rstrip(",")
    for s, e in org_shapes(text, lex, ORG_STOP | GEO_WORDS):
        spans.setdefault((s, e), text[s:e])
    for m in LEGAL_ONLY_RE.finditer(text):
        left = LEFT_WORDS.search(text, max(0, m.start() - 60), m.start())
        if not left:
            continue
        words = _after_based(left.group(1).split())
        while words and words[0].casefold().strip(".,") in ORG_STOP:
            words.pop(0)
        if not words or all(w.casefold().strip(".,") in GENERIC_WORDS | GEO_WORDS for w in words):
            continue
        start = _exact_left(text, m.start(), words)
        if start is not None:
            spans.setdefault((start, m.end()), text[start:m.end()])
    for rx in (ANNOUNCER_RE, APPOS_ORG_RE):
        for m in rx.finditer(text):
            words = _after_based(m.group(1).split())
            while words and words[0].casefold().strip(".,") in ORG_STOP:
                words.pop(0)
            if not words or all(w.casefold().strip(".,") in GENERIC_WORDS | GEO_WORDS for w in words):
                continue
            name = " ".join(words)
            if lex.authorities.lookup(name)[0] or lex.countries.lookup(name)[0] or lex.diseases.lookup(name)[0]:
                continue
            s0 = m.end(1) - len(name)
            if text[s0:m.end(1)] == name:
                spans.setdefault((s0, m.end(1)), name)
    for m in STOCK_RE.finditer(text):
        words = _after_based(m.group(1).replace(",", "").split())
        while words and (words[0].casefold().strip(".,") in ORG_STOP or words[0].endswith("-based")):
            words.pop(0)
        if not words or len(words) > 4:
            continue
        s = m.end(1) - len(m.group(1))
        off = m.group(1).find(words[0])
        spans.setdefault((s + off, m.end(1)), text[s + off:m.end(1)])
    # drop spans inside longer spans
    ordered = sorted(spans, key=lambda k: (k[0], -k[1]))
    kept: dict[tuple[int, int], str] = {}
    last_end = -1
    for k in ordered:
        if k[0] >= last_end or k[1] > last_end:
            if k[0] < last_end:  # overlapping, keep the earlier
                continue
            kept[k] = spans[k].strip()
            last_end = k[1]
    definitions = []
    for (s, e), surface in list(kept.items()):
        d = DEF_RE.match(text, e)
        if d:
            short = d.group(1).strip()
            if short.casefold() not in ("the company", "company", "the group") and len(short) >= 2 \
                    and not lex.authorities.lookup(short)[0] and (_abbreviates(short, surface) or
                                                                  shortens(short, surface, GEO_WORDS, GENERIC_WORDS | ORG_STOP)):
                definitions.append((s, e, short))
    # 'LONG-FORM (Short)' where the long form begins with the short name: "Shanghai Cancer Institute of ... (Shanghai Cancer Institute)"
    for m in re.finditer(r"\(([A-Z][\w&\-]*(?:\s[A-Z][\w&\-]*){1,3})\)", text):
        short = m.group(1)
        back = text.rfind(short, max(0, m.start() - 200), m.start())
        if back >= 0 and not re.search(r"[\n,()]", text[back:m.start()]):
            long_e = m.start()
            while long_e > back and text[long_e - 1] == " ":
                long_e -= 1
            if long_e - back > len(short) + 3:
                for k in [k for k in kept if back <= k[0] and k[1] <= long_e]:
                    del kept[k]
                kept[(back, long_e)] = text[back:long_e]
                definitions.append((back, long_e, short))
    return kept, definitions


_LEGAL_DOTS = frozenset("inc. co. ltd. corp. s.a. n.v. b.v. st. dr. u.s. jr. co.,".split())


def _after_based(words: list[str]) -> list[str]:
    """Words after a location prefix ("San Francisco-based Atara Bio" -> [Atara, Bio]) and after a
    sentence end inside the window ("... Treatment Centers. Abeona Therapeutics" -> [Abeona, Therapeutics])."""
    for i in range(len(words) - 2, -1, -1):
        w = words[i].casefold()
        if w.endswith(".") and len(w) > 3 and w not in _LEGAL_DOTS and not re.fullmatch(r"(?:[a-z]\.)+", w):
            words = words[i + 1:]
            break
    for i in range(len(words) - 1, -1, -1):
        w = words[i].casefold()
        if w.endswith(("-based", "-headquartered")) or (
                w.endswith(("’s", "'s")) and w[:-2].strip(".") in GEO_WORDS):  # "China’s Akeso Bio"
            return words[i + 1:]
    return words


def _abbreviates(short: str, long: str) -> bool:
    """A short name must share the long name's start or be its initials (not a ticker like 'SNYNF')."""
    words = [w for w in re.split(r"[\s\-]+", long) if w]
    initials = "".join(w[0] for w in words if w[0].isupper())
    return short[:3].casefold() == long[:3].casefold() or short.replace(" ", "") == initials


def _exact_left(text: str, key_start: int, words: list[str]) -> int | None:
    pos = key_start
    for w in reversed(words):
        j = text.rfind(w, max(0, pos - len(w) - 3), pos)
        if j < 0:
            return None
        pos = j
    return pos


def build_names(text: str, sentences, lex: Lexicons, trial_spans, scan: dict | None = None) -> Names:
    scan = scan if scan is not None else lex.scan(text)
    org_spans, definitions = find_orgs(text, lex, scan["organizations"])
    cands, uf, link_at = find_assets(text, sentences, lex, list(org_spans), trial_spans, scan["targets"])

    entities: list[Entity] = []
    # assets: group surfaces by union root, then find every occurrence of every name
    groups: dict[str, int] = {}
    surfaces: dict[str, tuple[str, int]] = {}
    for (s, e), (w, rank) in sorted(cands.items()):
        n = norm(w)
        if n not in surfaces or rank < surfaces[n][1]:
            surfaces[n] = (w, rank) if n not in surfaces else (surfaces[n][0], rank)
    first_at: dict[str, int] = {}
    for (s, e), (w, r) in sorted(cands.items()):
        first_at.setdefault(norm(w), s)
    for n in sorted(surfaces, key=lambda n: first_at[n]):
        root = uf.find(n)
        if root not in groups:
            groups[root] = len(entities)
            entities.append(Entity("asset"))
    mentions: list[Mention] = []
    asset_eid: dict[str, int] = {}
    for (s, e), (w, rank) in sorted(cands.items()):
        eid = groups[uf.find(norm(w))]
        ent = entities[eid]
        ent.names.setdefault(w, s)
        ent.rank[w] = min(ent.rank.get(w, 9), rank)
        asset_eid[w] = eid
    # canonical base INN of a suffixed INN ("teclistamab" for "teclistamab-cqyv")
    for ent in entities:
        for w in list(ent.names):
            base = re.sub(r"-[a-z]{4}$", "", w)
            if base != w and ent.rank.get(w) == 0.5 and not any(norm(x) == norm(base) for x in ent.names):
                ent.names[base] = ent.names[w]
                ent.rank[base] = 0
    for w, eid in list(asset_eid.items()):
        if w[:1].islower() and w[:1].upper() + w[1:] not in asset_eid:
            asset_eid[w[:1].upper() + w[1:]] = eid
    if asset_eid:
        # = re.finditer(rf"(?<![\w\-])(?:{alt})(?![\w]|-\w)", text), alt the names longest first
        for m in _literals(sorted(asset_eid, key=len, reverse=True), text, _free_before, _asset_end):
            if any(a <= m.start() < b for a, b in org_spans if not (a <= m.start() and m.end() <= b and (a, b) == m.span())):
                if not any((a, b) == m.span() for a, b in cands):
                    continue
            mentions.append(Mention(m.start(), m.end(), asset_eid[m.group(0)], m.group(0)))
    for ent_id, ent in enumerate(entities):
        for w in ent.names:
            off = link_at.get(norm(w))
            if off is not None:
                ent.links.setdefault(w, off)

    # the possessor or source of a named asset is an organization: "Kinora's Neurapry" (shapes.asset_owners)
    asset_spans = [(m.start, m.end) for m in mentions]
    for s, e in asset_owners(text, lex, ORG_STOP | GEO_WORDS, asset_spans, list(org_spans) + asset_spans):
        org_spans.setdefault((s, e), text[s:e])
    # organizations: merge by lexicon canonical / definitions / distinctive first word
    org_mentions: list[Mention] = []
    okey: dict[str, int] = {}
    def org_id(surface: str) -> int:
        canon = lex.organizations.lookup(surface)[0]
        first = surface.split()[0].strip(",.’'") if surface.split() else surface
        keys = [f"lex:{canon}"] if canon else []
        if first.casefold() not in GEO_WORDS | GENERIC_WORDS | ORG_STOP and not is_place(first) and \
                (len(first) >= 3 or _two_letter_short(first, surface, lex)):
            keys.append(f"first:{first}")
        placed = place_free_word(surface, GEO_WORDS, GENERIC_WORDS | ORG_STOP)  # "Jiangsu Hengyu Medicine": "Hengyu"
        if placed:
            keys.append(f"first:{placed}")
        keys.append(f"name:{norm(surface)}")
        for k in keys:
            if k in okey:
                eid = okey[k]
                break
        else:
            eid = len(entities)
            entities.append(Entity("org"))
        for k in keys:
            okey.setdefault(k, eid)
        return eid
    for (s, e), surface in sorted(org_spans.items()):
        eid = org_id(surface)
        entities[eid].names.setdefault(surface, s)
        entities[eid].rank.setdefault(surface, 0 if lex.organizations.lookup(surface)[0] is None else 1)
        org_mentions.append(Mention(s, e, eid, surface))
    for s, e, short in definitions:
        eid = org_id(text[s:e])
        entities[eid].names.setdefault(short, e)
        entities[eid].rank.setdefault(short, 2)
        entities[eid].links.setdefault(short, e)
        okey.setdefault(f"name:{norm(short)}", eid)
        okey.setdefault(f"first:{short.split()[0]}", eid)
    # short forms used alone: defined short names and distinctive first words
    shorts: dict[str, int] = {}
    for k, eid in okey.items():
        if k.startswith("first:"):
            shorts.setdefault(k[6:], eid)
    for s, e, short in definitions:
        shorts.setdefault(short, okey.get(f"name:{norm(short)}"))
    taken = [(m.start, m.end) for m in org_mentions] + [(m.start, m.end) for m in mentions]
    if shorts:
        # = re.finditer(rf"(?<![\w\-])(?:{alt})(?![\w\-]|’s\w|®)", text), alt the short names longest first
        for m in _literals(sorted(shorts, key=len, reverse=True), text, _free_before, _short_end):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                continue
            eid = shorts[m.group(0)]
            if eid is None:
                continue
            org_mentions.append(Mention(m.start(), m.end(), eid, m.group(0)))
    regulators = set()
    org_mentions.sort(key=lambda m: m.start)
    join_tickers(text, entities, org_mentions)  # "Silence Therapeutics  SLN announced": orgnames.py
    mentions.sort(key=lambda m: m.start)
    # an asset surface that is also an organization name is an organization
    org_names = {norm(n) for ent in entities if ent.kind == "org" for n in ent.names}
    mentions = [m for m in mentions if norm(m.surface) not in org_names]
    return Names(entities, mentions, org_mentions, regulators)


# --- literal gates (fastre.py): the same matches, without running a regex where none can occur -------
from reportgen.extract.fastre import WordGated, gate as _gate, hoisted as _hoisted  # noqa: E402

(INTRO_RE, SHORT_CEL_RE, STRONG_CONTEXT, RD_CODE_RE, OR_BRAND_RE, DRUG_CONTEXT, CLASS_PAREN_RE, BRAND_NAME_RE,
 TRIAL_LIST_BEFORE, GENE_BEFORE, PHASE_BEFORE, ORG_KEY_RE, LEGAL_ONLY_RE, STOCK_RE, ANNOUNCER_RE, APPOS_ORG_RE) = map(_gate, (
    INTRO_RE, SHORT_CEL_RE, STRONG_CONTEXT, RD_CODE_RE, OR_BRAND_RE, DRUG_CONTEXT, CLASS_PAREN_RE, BRAND_NAME_RE,
    TRIAL_LIST_BEFORE, GENE_BEFORE, PHASE_BEFORE, ORG_KEY_RE, LEGAL_ONLY_RE, STOCK_RE, ANNOUNCER_RE, APPOS_ORG_RE))



def _inn_endings() -> tuple[str, ...]:
    """What the first word of every INN_RE match ends on: each alternative's stem or two-word key."""
    data = read_data("inn_stems.yaml")
    stems = re.fullmatch(r"\[A-Za-z\]\{3,\}\(\?:([a-z|]+)\)", _STEM_INN).group(1).split("|")
    return ("gene", "leucel", "mab", "cel", *stems, *data.get("two_word", {}), *data["suffixes"])


# Codes and short "-cel" names searched for only around their anchors (anchored.py): the same matches.
# A code's lookahead puts a letter or hyphen right before a digit within its first 9 characters;
# a short name's "-cel" follows its 2-8 letters.
from reportgen.extract.anchored import Anchored as _Anchored, NameLed as _NameLed, SentenceLed as _SentenceLed, WordsLed as _WordsLed  # noqa: E402

# (the anchor is the digit, found by re's own scan for digits (fastre.hoisted); its letter or hyphen one before)
CODE_RE = _Anchored(CODE_RE, _hoisted(re.compile(r"(?<=[A-Za-z\-])\d")), 9)
SHORT_CEL_RE = _Anchored(getattr(SHORT_CEL_RE, "rx", SHORT_CEL_RE), re.compile("-cel"), 8)
# the announcer opens the text, a line or a sentence (anchored.SentenceLed: tried only there)
ANNOUNCER_RE = _SentenceLed(ANNOUNCER_RE.rx, "\n.!?", gate=ANNOUNCER_RE)
# "Name Words, a ... company": tried only before each such tail, at the up to four words before it (anchored.WordsLed)
APPOS_ORG_RE = _WordsLed(APPOS_ORG_RE.rx, re.compile("," + APPOS_ORG_RE.pattern.split("){0,3}),", 1)[1]), 4)
# a brand is the word right before its mark (anchored.NameLed: tried only where a mark is)
BRAND_RE = _NameLed(BRAND_RE, re.compile(BRAND_RE.pattern.split(r"\s?", 1)[1]), space=True)


# An INN starts an ASCII word that ends on a stem (before its second word, a hyphen suffix or the end):
# trying INN_RE only at those words skips its ~100 alternatives at every other word.
INN_RE = WordGated(INN_RE, re.compile(r"(?<![\w\-])[A-Za-z]{5,}"), _inn_endings(), min_letters=5)


# --- the per-document name alternations, scanned without compiling a regex (fastre.literal_finditer) ---
from reportgen.extract.fastre import literal_finditer as _literals, word_char as _w  # noqa: E402


def _free_before(text: str, i: int) -> bool:
    """(?<![\\w\\-])"""
    return i == 0 or not (_w(text[i - 1]) or text[i - 1] == "-")


def _asset_end(text: str, j: int) -> bool:
    """(?![\\w]|-\\w)"""
    nxt = text[j:j + 1]
    return not (nxt and (_w(nxt) or (nxt == "-" and j + 1 < len(text) and _w(text[j + 1]))))


def _short_end(text: str, j: int) -> bool:
    """(?![\\w\\-]|’s\\w|®)"""
    nxt = text[j:j + 1]
    if not nxt:
        return True
    if _w(nxt) or nxt in "-®":
        return False
    return not (text.startswith("’s", j) and j + 2 < len(text) and _w(text[j + 2]))
