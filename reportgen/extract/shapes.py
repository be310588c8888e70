"""Asset-name mentions by shape plus context (issue 9), beyond names.py's INN and plain-code shapes.

Shapes: digit-led codes ("4X-150"), codes with inner letter groups ("AB-C01D1"), word+digits codes
("Name-08"), codes written with a space ("ABC 123", only when repeated), names introduced by a cue
("a therapy called X", "dubbed X", "(brand name X)"), quoted names after a drug noun, and names set in
apposition to a drug noun ("X, an investigational AAV gene therapy"); enzyme INNs ("-ase alfa").
False codes (registry ids, periods, conferences, exchanges, cell lines, genes, viruses, years) are
dropped by prefix. Cue words and prefixes live in data/shapes.yaml; each shape is one regex pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from functools import lru_cache

from reportgen.extract.anchored import NameLed as _NameLed, SentenceLed as _SentenceLed
from reportgen.extract.fastre import StartsAt as _StartsAt, gate as _gate
from reportgen.extract.lexicon import Lexicons, cue_alternation as _alt, read_data



@lru_cache(maxsize=1)
def _compiled():
    # every pattern behind a literal gate (fastre.py): the same matches, the regex skipped where none can occur
    out = {k: _gate(v) if isinstance(v, re.Pattern) else v for k, v in _patterns().items()}
    # a name set off before its tail (", from ...", ", developed by ..."): tried only where the tail is
    # (anchored.NameLed), at the start of the word before it; the same matches
    for key in ("appos_from", "appos_by"):
        rx = _patterns()[key]
        tail = rx.pattern.split(_NAME_MARK, 1)[1]
        out[key] = _NameLed(rx, re.compile(tail, rx.flags), marks="™®")
    # a copula opens the text, a line or a sentence (anchored.SentenceLed: tried only there)
    out["copula"] = _SentenceLed(_patterns()["copula"], ".!?", gate=out["copula"])
    return out


_NAME_MARK = "(?:™|®)?"
# a capitalized name word, hyphenated parts kept ("Zorvexa", "ZX-101-B"): the name slot of the patterns below
_WORD_NAME = r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"


def _patterns():
    data = read_data("shapes.yaml")
    nouns = _alt(data["drug_nouns"])
    lo, hi = data.get("year_range", [1950, 2059])
    return {
        # one pass for every code shape (each alternative keeps its own end test)
        "codes": re.compile(
            r"(?<![\w\-./])(?:"
            r"(?P<inner>[A-Z]{2,6}-[A-Z]{1,2}\d{1,4}[A-Z]{1,2}\d{1,4}[a-z]?)(?![\w]|-\d|\.\d)"
            r"|(?P<digit>\d[A-Z]{1,3}-?\d{2,6}[A-Za-z]?)(?![\w]|-\d|\.\d)"
            # a letter inside the number: "JAB-23E73", "QRV-12B04"
            r"|(?P<mixed>[A-Z]{2,6}-\d{1,4}[A-Z]{1,2}\d{1,4})(?![\w]|-\d|\.\d)"
            r"|(?P<word>[A-Z][a-z]{2,12}-\d{2,4}[A-Za-z]?)(?![\w]|-\d|\.\d)"
            # short forms of conjugates: "T-DM1", "Xyz-DXd" (the part after the hyphen has an inner capital or digit)
            r"|(?P<short>[A-Za-z][a-z]{0,4}-[A-Z](?=[A-Za-z0-9]{0,3}[A-Z0-9])[A-Za-z0-9]{1,4})(?![\w]|-\w)"
            r"|(?P<spaced>[A-Z]{2,5}[ \u00a0]\d{2,7}[A-Za-z]?)(?![\w]|[.,]\d|-\d)"
            r"|(?P<single>[A-Z]\d{3,5}[a-z]?)(?![\w]|[.,]\d|-\d)"
            # one capital, a hyphen and a long number: "S-309309"
            r"|(?P<lettered>[A-Z]-\d{5,7})(?![\w]|[.,]\d|-\d)"
            # a version after a dot: "MB-CART19.1", "ZX-101.2" (a hyphenated capital prefix, one or two digits after)
            r"|(?P<dotted>[A-Z]{2,6}-[A-Z]{0,5}\d{1,4}\.\d{1,2})(?![\w%]|[.,]\d|-\d))"),
        # the second code of a combination written with a slash: "ABC-123/XYZ-456" (names.CODE_RE skips codes after "/")
        # "CD4CAR", "CD7CAR-T": a CAR written joined to its target's symbol (a CD number or a vocabulary target)
        "target_car": re.compile(r"(?<![\w\-])(([A-Z][A-Za-z0-9]{1,7}?)CAR(?:-?T)?)(?![\w\-])"),
        "slash_code": re.compile(r"/([A-Z]{2,6}-?\d{2,7}[A-Za-z]?|[A-Z]{1,2}\d{3,6}[A-Za-z]?)(?![\w\-/]|\.\d)"),
        # "dubbed its new bispecific antibody Dualix": the cue, then a drug noun, then the name
        "named_after": re.compile(rf"\b(?:{_alt(data.get('named_after_cues', []))})\s+(?:its|the|their|our|a|an|this)\s+"
                                  rf"(?:[\w\-]+\s+){{0,4}}?(?:{nouns})\s+[“\"‘']?({_WORD_NAME})"
                                  r"(?:\s?(?:™|®))?[”\"’']?(?![\w\-])"),
        # "its heart-cell sheet Kardisheet", "the company's antibody Zorvex": an owned drug noun, then the name
        # "its all-important cancer drug, Zorvex, ...": after a comma only a name set off by punctuation
        "owned_noun": re.compile(rf"\b(?:its|their|our|the\s+company(?:’s|'s))\s+(?:[\w\-]+\s+){{0,3}}?(?:{nouns})s?"
                                 rf"(?:\s+|,\s+(?={_WORD_NAME}(?:\s?(?:™|®))?[,.;)]))"
                                 rf"({_WORD_NAME})(?:\s?(?:™|®))?(?![\w\-])"),
        # "The drug Zorvexa is approved", "the new stem cell treatment, Zorvexa, ...": "the" and a drug noun, then a
        # name that acts right after it or is set off by commas (checked in add_shape_assets)
        "the_noun": re.compile(rf"\b[Tt]he\s+(?:[a-z][\w\-]*\s+){{0,3}}?(?:{nouns})"
                               rf"(?:\s+|,\s+(?={_WORD_NAME}(?:\s?(?:™|®))?,))"
                               rf"({_WORD_NAME})(?:\s?(?:™|®))?(?![\w\-])"),
        # "the right to sell Zorvexa-AMI, which ...", "rights to market Zorvexa in China": a commercial right's object
        "rights_object": re.compile(rf"\brights?\s+to\s+(?:{_alt(data.get('rights_object_verbs', []))})\s+"
                                    rf"({_WORD_NAME})(?:\s?(?:™|®))?"
                                    r"(?=\s*(?:[,.(;]|in\b|and\b|across\b|throughout\b|outside\b|for\b|which\b|that\b))"),
        # "Halden's anti-PD-1 therapy VORTAXA", "the PD-1 inhibitor Zorvexa®": a brand in capitals or marked right
        # after a lower-case drug noun (so never in an all-capitals headline)
        "noun_brand": re.compile(rf"(?<![\w\-])(?:{nouns})\s+([A-Z]{{4,}}(?![a-z])|[A-Z][A-Za-z0-9]{{2,}}(?=\s?(?:®|™)))"
                                 r"(?:\s?(?:™|®))?(?![\w\-])"),
        # "the Zorvexa therapy developed by Halden": a capitalized word between "the" and a drug noun its maker follows
        "the_name_by": re.compile(rf"\bthe\s+([A-Z][a-z]{{3,}}[A-Za-z0-9]*)(?:\s?(?:™|®))?\s+(?:{nouns})\s+"
                                  rf"(?:{_alt(data.get('appos_by_cues', []))})\s"),
        # "a disorder called Danon disease": a cue's word that heads a disease name is no asset
        "disease_after": re.compile(r"[\s\-]+(?:disease|disorder|syndrome|deficiency|dystrophy)\b", re.I),
        "cell_lines": frozenset(str(x).casefold() for x in data.get("cell_lines", [])),
        "single_min": int(data.get("single_letter_min_count", 2)),
        "spaced_code": re.compile(r"(?<![\w\-./])([A-Z]{2,5}[ \u00a0]\d{2,7}[A-Za-z]?)(?![\w]|[.,]\d|-\d)"),
        "intro": re.compile(rf"\b(?:{_alt(data['intro_cues'])})\s*:?\s+[“\"‘']?({_WORD_NAME})"
                            r"(?:\s?(?:™|®))?[”\"’']?(?![\w\-])"),
        "intro_more": re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)[“\"‘']?({_WORD_NAME})(?:\s?(?:™|®))?[”\"’']?"
                                 r"(?![\w\-])(?!\s+(?:[A-Z]|of\b|is\b|was\b|said\b))"),
        "brand_cue": re.compile(r"(?:brand|trade)[\s\-]?names?|branded\s+as|sold\s+(?:as|under)|trade-named", re.I),
        # anchored on the cheap part (the quote, ", a/an", "ase alfa"), the rest matched around it
        # (up to three capitalized words: 'the Class 1 new drug "Huaxin Tablets"')
        "quote": re.compile(rf"[“\"]({_WORD_NAME}(?:[ ]{_WORD_NAME}){{0,2}})(?:™|®)?[”\"]"),
        # a quoted name after a drug noun, or after an application or approval ("BLA for “Trevanza”")
        "noun_end": re.compile(rf"\b(?:{nouns})\s*,?\s+$|\b(?:{_alt(data.get('approval_object_cues', []))})\s+$|\b(?:[Aa]pplication|[Aa]pproval|[Aa]uthori[sz]ation|[Dd]esignation|"
                               r"[Cc]learance|IND|NDA|BLA|MAA|sNDA|sBLA)\s+(?:for|of|to)\s+$"),
        "appos_at": re.compile(r",\s+an?\s+"),
        "appos_first": re.compile(r",\s+the\s+(?:first|only|world(?:’s|'s)\s+first)\s+"),
        # "X is a/an ... <drug noun>", "X, also known as Y, is an ... <drug noun>" opening a sentence
        "copula": re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))({_WORD_NAME})(?:™|®)?"
                             r"(?:\s*\([^()\n]{1,60}\)|,[^,.;\n]{1,80},)?\s+is\s+(?:an?|the\s+first)\s+", re.M),
        "copula_not": re.compile(rf"\b(?:{_alt(data.get('copula_not_nouns', []))})\b", re.I),
        # "ORG's Name", "ORG' Name": a capitalized word an organization owns
        "owned": re.compile(rf"\s?(?:’s|'s|’|')\s+({_WORD_NAME})(?:™|®)?(?![\w\-’'])"),
        # "the FDA approved Name for ...", "approval of Name as ...": a capitalized word an approval is of
        "approved": re.compile(rf"\b(?:{_alt(data.get('approval_object_cues', []))})\s+"
                               rf"({_WORD_NAME})(?:™|®)?(?=\s*(?:[,(]|for\b|as\b|to\b|in\b))"),
        "name_min": int(data.get("owned_min_count", 2)),
        # a lowercase word shaped like an INN (data/shapes.yaml inn_like_*): its three slots
        "inn_like": re.compile(rf"[a-z]{{{int(data.get('inn_like_min', 8))},}}"),
        "inn_like_end": re.compile(rf"(?:{'|'.join(sorted(map(re.escape, data.get('inn_like_not_endings', [])), key=len, reverse=True))}|[^iu]s)$"),
        "inn_like_not": frozenset(str(data.get("inn_like_not", "")).split()),
        "inn_study_of": re.compile(rf"\b(?:{'|'.join(map(re.escape, data.get('inn_study_nouns', [])))})\s+(?:of|with)\s+"
                                   rf"([a-z]{{{int(data.get('inn_like_min', 8))},}})(?=\s+(?:for|in|versus|vs|compared|plus|as)\b|[,.;])"),
        "inn_paren_after": re.compile(r"\s*(?:™|®)?\s*\(\s*(?:(?:generic\s+name|INN)\s*:?\s*)?([a-z]{6,})\s*[,;)]"),
        # (the capitalized word a brand in lower case after its first letter, or a code: "lymphoma (DLBCL)" is no pair)
        "inn_paren_pair": re.compile(r"(?<![\w\-])([a-z]{8,})\s+\(\s*([A-Z][a-z]{3,}[A-Za-z]*|[A-Z]{2,6}-?\d{2,7}[A-Za-z]?)(?:™|®)?\s*[,;)]"),
        "brand_paren_inn": re.compile(r"(?<![\w\-])([A-Z][a-z]{3,}[A-Za-z0-9]*|[A-Z]{4,})\s*(?:™|®)?\s*\(\s*([a-z]{8,})\s*[,;)]"),
        "inn_appos": re.compile(r"(?<![\w\-])([a-z]{8,}),\s+an?\s+"),
        # "dosed with ORL 2211", "designation to BI 1015550": an event's drug right before a spaced code
        "event_before": re.compile(r"\b(?:dosed\s+with|treated\s+with|designation\s+(?:to|for)|approval\s+(?:of|for)|"
                                   r"approved|IND\s+(?:for|of)|(?:trial|study)\s+(?:of|evaluating)|administration\s+of)\s+$", re.I),
        # a headline opening on a name, then its event ("Zorvana Wins EU Nod for ...")
        "head_event": re.compile(r"[ \t]+(?:Wins|Gets|Receives|Granted|Earns|Secures|Approved|Cleared|Meets|Shows|Achieves|"
                                 r"Demonstrates|Hits|Nabs|Lands|Scores|Snags|Misses|Fails|Becomes|Awarded)\b"),
        "owned_then_verb": re.compile(r"(?:™|®)?\s+(?:has|have|had|was|were|is|won|wins|received|receives|obtained|gained|"
                                      r"secured|earned|met|achieved|showed|demonstrated|reduced|improved|entered|became|"
                                      r"for|in\s+combination)\b"),
        "approved_use": re.compile(r"(?:™|®)?\s+(?:for\s+(?:the\s+)?(?:treatment|treating|patients|adults?|children|"
                                   r"pediatric|paediatric|use\s+in|first-line|second-line)\b|as\s+(?:a|an|the)\s+"
                                   r"(?:first|treatment|therapy|monotherapy)\b)"),
        # "authorization for Zelquira in combination with pembrolizumab": a capitalized word (not opening its
        # sentence) right before a combination cue and a drug the text already names
        "combo_before": re.compile(rf"(?<=[a-z,] )([A-Z][A-Za-z0-9]{{3,}}(?:-[A-Za-z0-9]+)*)(?:\s?(?:™|®))?\s+"
                                   rf"(?:{_alt(data.get('combination_cues', []))})\s+"),
        # "CardiaSheet, from Corvex Inc., is ...": a name set off by commas and attributed to an organization
        "appos_from": re.compile(rf"(?<![\w\-])({_WORD_NAME})(?:™|®)?,\s+from\s+(?:the\s+)?"),
        "by_after": re.compile(rf"\s+(?:{_alt(data.get('appos_by_cues', []))})\s"),
        "appos_by": re.compile(rf"(?<![\w\-])({_WORD_NAME})(?:™|®)?,\s+(?:{_alt(data.get('appos_by_cues', []))})\s+"),
        # "AMCHEPRY (developed by Kinora Pharma and Velthera) is ...": the same attribution in a parenthesis
        "paren_by": re.compile(rf"(?<![\w\-])({_WORD_NAME})(?:™|®)?\s+\(\s*(?:{_alt(data.get('appos_by_cues', []))})\s+"),
        "appos_name": re.compile(rf"(?<![\w\-])({_WORD_NAME})(?:™|®)?(?:\s*\([^()\n]{{1,60}}\))?$"),
        "appos_noun": re.compile(rf"((?:[\w\-/]+,?\s+){{0,{int(data.get('appos_words', 7))}}}?)(?:{nouns})\b"),
        "ase_tail": re.compile(r"ase\s+(?:alfa|beta|gamma|pegol)(?:-[a-z]{4})?(?![\w])", re.I),
        "ase_head": re.compile(r"(?<![\w\-])[A-Za-z]{4,}$"),
        "noun_near": re.compile(rf"\b(?:{nouns})\b", re.I),
        "org_gap": re.compile(r"\b(?:company|companies|firm|biotech|biotechnology|biopharmaceutical|pharmaceutical|"
                              r"organization|organisation|developer|leader|provider|university|hospital|institute|"
                              r"center|centre|partner|subsidiary|group|disease|disorder|condition|syndrome|cancer|"
                              r"tumou?r|mutation|gene\s+(?!therapy)|protein\s+(?:that|which|found|expressed))\b", re.I),
        "not_code": re.compile(rf"^(?:{'|'.join(re.escape(p) for p in sorted(data['not_code_prefixes'], key=len, reverse=True))})"
                               r"(?:[\s\-]?\d|[\s\-][A-Z]\d)", re.I),
        "not_names": frozenset(data["not_names"].casefold().split()),
        "window": int(data.get("intro_window", 80)),
        "spaced_min": int(data.get("spaced_min_count", 2)),
        "years": (int(lo), int(hi)),
        "head_word": re.compile(r"(?<![\w\-])([A-Z]{4,}|[A-Z][a-z]+[A-Z][A-Za-z]*)(?:™|®)?(?![\w\-])"),
        "head_not": frozenset(data.get("headline_not_names", "").casefold().split()),
        "head_repeats": int(data.get("headline_min_repeats", 2)),
    }


_BACKGROUND_DRUG = re.compile(r"\b(?:standard|chemotherapy|chemotherapeutic|approved|conventional|generic|existing|"
                              r"background|older|commonly|widely|steroid|corticosteroid|lymphodepleting|conditioning|"
                              r"antibiotic|anticoagulant|antihistamine|painkiller|anesthetic|anaesthetic)\b", re.I)


def _sentence_inner(text: str, s: int) -> bool:
    """Whether the word at s follows a lower-case word or "of/for" inside its sentence (not a sentence's opener)."""
    return bool(re.search(r"[a-z,][ \t]+$", text[max(0, s - 30):s]))


def _inn_like(word: str, c: dict) -> bool:
    """A lowercase word shaped like an INN: long, no ordinary English ending, no listed ordinary word."""
    return bool(c["inn_like"].fullmatch(word)) and word not in c["inn_like_not"] and not c["inn_like_end"].search(word) \
        and not c["noun_near"].fullmatch(word) and not c["noun_near"].fullmatch(word[:-1])  # (no drug noun: "antibody")


def _inn_like_names(text: str, c: dict, cands: dict, ok_name, add) -> None:
    """INN-shaped lowercase words in the slots that make them drug names (data/shapes.yaml inn_like_*)."""
    for (s, e), (w, rank) in sorted(cands.items()):
        if rank not in (1, 3):
            continue
        m = c["inn_paren_after"].match(text, e)  # "Zelquira (velnorastine)", "CRV-101 (velnorastine)"
        if m and m.start(1) - e < 40 and _inn_like(m.group(1), c) and ok_name(m.group(1), *m.span(1)):
            add(*m.span(1), m.group(1), 0)
    if "(" in text:
        for m in c["inn_paren_pair"].finditer(text):  # "velnorastine (Zelquira)", "velnorastine (CRV-101)"
            w, b = m.group(1), m.group(2)
            if _inn_like(w, c) and ok_name(w, *m.span(1)) and (ok_name(b, *m.span(2)) or m.span(2) in cands):
                add(*m.span(1), w, 0)
        for m in c["brand_paren_inn"].finditer(text):  # "Zelquira (velnorastine)": the brand and its INN
            b, w = m.group(1), m.group(2)
            if _inn_like(w, c) and ok_name(w, *m.span(2)) and ok_name(b, *m.span(1)) and b.casefold() not in c["head_not"]:
                add(*m.span(2), w, 0)
                add(*m.span(1), b, 1)
    for m in c["appos_at"].finditer(text):  # "velnorastine, an oral muscarinic agonist,"
        name = c["inn_appos"].search(text, max(0, m.start() - 40), m.end())
        gap = c["appos_noun"].match(text, m.end())
        if not (name and gap and name.end() == m.end()) or c["org_gap"].search(gap.group(1)) \
                or _BACKGROUND_DRUG.search(gap.group(0)):
            continue  # ("fludarabine, a standard chemotherapy drug,": a background drug, not one announced)
        w = name.group(1)
        if _inn_like(w, c) and ok_name(w, *name.span(1)):
            add(*name.span(1), w, 0)
    for m in c["inn_study_of"].finditer(text):  # "its Phase 3 study of velnorastine for the treatment of", named again
        w = m.group(1)
        if _inn_like(w, c) and text.count(w) >= 2 and ok_name(w, *m.span(1)):
            add(*m.span(1), w, 0)


# "Zentavo's ABC 1234": a possessive organization's name right before a spaced code
_OWNER_BEFORE = re.compile(r"(?<![\w\-])[A-Z][A-Za-z0-9\-]*(?:[ ][A-Z][A-Za-z0-9\-]*){0,2}(?:’s|'s)[ ]$")

# after a word, the rest of a description: "CAR T-cell", "Gene Therapy", "Cell-based"
DESCRIPTION_START = re.compile(r"[\s\-]+(?:T|NK|T-cells?|cells?|therap(?:y|ies)|gene|based|derived|antibod(?:y|ies))\b", re.I)


def false_code(word: str) -> bool:
    """A code shape that names no asset: a registry id, period, exchange, cell line, gene or year."""
    c = _compiled()
    if c["not_code"].match(word):
        return True
    digits = re.findall(r"\d+", word)
    lo, hi = c["years"]
    # a year ("ASCO 2025", "2024"), but not a hyphenated capital code with a year-like number ("ORV-2033")
    return len(digits) == 1 and len(digits[0]) == 4 and lo <= int(digits[0]) <= hi and not re.search(r"\d[A-Za-z]$", word) \
        and not re.fullmatch(r"[A-Z]{2,6}-\d{4}", word)


def _lexical(word: str, lex: Lexicons) -> bool:
    return any(m.lookup(word)[0] for m in (lex.organizations, lex.authorities, lex.diseases, lex.targets,
                                           lex.modalities, lex.countries, lex.endpoints))


class _Taken:
    """Spans already claimed (existing candidates, organizations, trials): overlap test by bisect."""

    def __init__(self, spans) -> None:
        self.spans = sorted((s, e) for s, e, *_ in spans)
        self.extra: list[tuple[int, int]] = []
        self.starts = [s for s, _ in self.spans]
        self.reach = []
        far = -1
        for _, e in self.spans:
            far = max(far, e)
            self.reach.append(far)

    def add(self, s: int, e: int) -> None:
        insort(self.extra, (s, e))  # spans added by this pass never overlap each other

    def overlaps(self, s: int, e: int) -> bool:
        j = bisect_right(self.extra, (e, -1)) - 1  # the last added span starting before e
        if j >= 0 and self.extra[j][1] > s:
            return True
        i = bisect_right(self.starts, e - 1) - 1  # last span starting before e
        return i >= 0 and self.reach[i] > s


def add_shape_assets(text: str, lex: Lexicons, cands: dict, org_spans, trial_spans, targets,
                     trial_after, stop_words, headline: tuple[int, int] | None = None) -> None:
    """Add (start, end) -> (surface, rank) candidates found by the shapes above (rank 3: a code that still
    needs drug context in names.py; rank 1: a name a cue or apposition introduced; rank 0: an INN)."""
    c = _compiled()
    for key in [k for k, (w, rank) in cands.items() if rank == 3 and false_code(w)]:
        del cands[key]  # plain codes (names.CODE_RE) that are cell lines, periods, registries ...
    taken = _Taken(list(cands) + list(org_spans) + [(s, e) for s, e, _ in trial_spans] + list(targets))
    trial_names = {re.sub(r"[\s\-]+", "", t[2]).casefold() for t in trial_spans}
    not_names = c["not_names"] | stop_words

    def ok_name(w: str, s: int, e: int) -> bool:
        low = w.casefold()
        return not (low in not_names or re.sub(r"[\s\-]+", "", low) in trial_names or taken.overlaps(s, e)
                    or trial_after.match(text, e) or _lexical(w, lex) or len(w) < 3)

    def add(s: int, e: int, w: str, rank) -> None:
        cands[(s, e)] = (w, rank)
        taken.add(s, e)  # later shapes see it

    for m in c["ase_tail"].finditer(text):
        h = c["ase_head"].search(text, max(0, m.start() - 30), m.start())
        if h and not taken.overlaps(h.start(), m.end()):
            add(h.start(), m.end(), text[h.start():m.end()], 0)
    for m in c["target_car"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        if not taken.overlaps(s, e) and text.count(w) >= 2 and (
                re.fullmatch(r"CD\d{1,3}", m.group(2)) or lex.targets.lookup(m.group(2))[0]):
            add(s, e, w, 1)
    singles: dict[str, list] = {}
    counts: dict[str, list] = {}
    for m in c["codes"].finditer(text):
        key = m.lastgroup
        w = m.group(key)
        if key == "single":
            singles.setdefault(w, []).append(m.span(key))
            continue
        if key == "spaced":
            counts.setdefault(re.sub(r"\s", " ", w), []).append(m.span(key))
            continue
        if false_code(w) or not ok_name(w.split("-")[0] if key == "word" else w, *m.span(key)):
            continue
        head, _, tail = w.partition("-")
        if key in ("word", "short") and (head.casefold() in not_names or tail.casefold() in not_names
                                         or any(x.lookup(tail)[0] for x in (lex.countries, lex.authorities))):
            continue
        add(*m.span(key), w, 3)
    for (s, e), (w, rank) in sorted(cands.items()):
        if rank != 3:
            continue
        sm = c["slash_code"].match(text, e)
        if sm and not false_code(sm.group(1)) and ok_name(sm.group(1), *sm.span(1)):
            add(*sm.span(1), sm.group(1), 3)
    for w, spans in singles.items():
        if len(spans) < c["single_min"] or w.casefold() in c["cell_lines"] or false_code(w):
            continue
        if not any(c["noun_near"].search(text, max(0, s - 60), min(len(text), e + 60)) for s, e in spans):
            continue
        for s, e in spans:
            if not taken.overlaps(s, e):
                add(s, e, w, 3)
    for w, spans in counts.items():
        # written once, a spaced code needs a long number and a drug noun next to it ("BI 836858, an antibody")
        digits = len(re.sub(r"\D", "", w))
        once_ok = any(digits >= 4 and (c["noun_near"].search(text, max(0, s - 40), min(len(text), e + 60))
                                       or _OWNER_BEFORE.search(text, max(0, s - 40), s))
                      or digits >= 3 and c["noun_end"].search(text, max(0, s - 40), s)
                      or digits >= 4 and c["event_before"].search(text, max(0, s - 40), s)
                      for s, e in spans)  # ("Telvira Bio's TLV 1101, a ... antibody", "its lead product, LTX 315,")
        if (len(spans) < c["spaced_min"] and not once_ok) or false_code(w) or not ok_name(w, spans[0][0], spans[0][0] + 1) \
                or w.split()[0].casefold() in not_names:
            continue
        for s, e in spans:
            if not taken.overlaps(s, e):
                add(s, e, text[s:e], 3)
    for m in c["intro"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        cue_at = m.start()
        brand = c["brand_cue"].match(text, cue_at)
        if not brand and not c["noun_near"].search(text, max(0, cue_at - c["window"]), cue_at):
            continue
        if ok_name(w, s, e) and not false_code(w) and not c["disease_after"].match(text, e):
            add(s, e, w, 1)
            # "branded as Neurapry and HeartSheet", "named A, B and C": the names listed after the first
            pos = m.end()
            for _ in range(3):
                nx = c["intro_more"].match(text, pos)
                if not nx or not ok_name(nx.group(1), *nx.span(1)) or false_code(nx.group(1)):
                    break
                add(*nx.span(1), nx.group(1), 1)
                pos = nx.end()
    for m in c["owned_noun"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        # written once, only a name set off by punctuation ("its novel drug, Corbelix, ...")
        set_off = text[m.start(1) - 2:m.start(1)] == ", "
        # or followed by its verb ("its diabetes drug Envlo has been approved", "its biosimilar Zymfentra for")
        acts = bool(c["owned_then_verb"].match(text, e))
        if ok_name(w, s, e) and not false_code(w) and not DESCRIPTION_START.match(text, e) and (set_off or acts or
                len(re.findall(rf"(?<![\w\-]){re.escape(w)}(?![\w\-])", text)) >= c["name_min"]) \
                and w.casefold() not in c["head_not"]:
            add(s, e, w, 1)
    for m in c["the_noun"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        set_off = text[m.start(1) - 2:m.start(1)] == ", "
        if (set_off or c["owned_then_verb"].match(text, e)) and ok_name(w, s, e) and not false_code(w) \
                and not DESCRIPTION_START.match(text, e) and w.casefold() not in c["head_not"] \
                and not (w.isupper() and len(w) <= 3):
            add(s, e, w, 1)
    for m in c["rights_object"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        if ok_name(w, s, e) and not false_code(w) and w.casefold() not in c["head_not"] and not (w.isupper() and len(w) <= 3):
            add(s, e, w, 1)
    for m in c["the_name_by"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        if ok_name(w, s, e) and not false_code(w) and w.casefold() not in c["head_not"]:
            add(s, e, w, 1)
    for m in c["noun_brand"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        if ok_name(w, s, e) and not false_code(w) and w.casefold() not in c["head_not"]:
            add(s, e, w, 1)
    for m in c["named_after"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        if ok_name(w, s, e) and not false_code(w):
            add(s, e, w, 1)
    for m in c["quote"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        # after a drug noun or an approval, or before its maker ("“Zorvexa” produced by Kelmora")
        if (c["noun_end"].search(text, max(0, m.start() - 40), m.start()) or c["by_after"].match(text, m.end())) \
                and ok_name(w, s, e) and not false_code(w):
            add(s, e, w, 1)
    for m in c["appos_at"].finditer(text):
        name = c["appos_name"].search(text, max(0, m.start() - 90), m.start())
        gap = c["appos_noun"].match(text, m.end())
        if not (name and gap):
            continue
        w, (s, e) = name.group(1), name.span(1)
        if c["org_gap"].search(gap.group(1)) or text.count(w) < 2 or false_code(w):
            continue
        if ok_name(w, s, e):
            add(s, e, w, 1)
    # "Zelquira, the first oral treatment for IgA nephropathy,": written once, a first or only one of a drug noun
    for m in c["appos_first"].finditer(text):
        name = c["appos_name"].search(text, max(0, m.start() - 90), m.start())
        gap = c["appos_noun"].match(text, m.end())
        if not (name and gap) or c["org_gap"].search(gap.group(1)) or name.group(0) != name.group(1):
            continue
        w, (s, e) = name.group(1), name.span(1)
        if ok_name(w, s, e) and not false_code(w) and w.casefold() not in c["head_not"] and not w.isupper() \
                and not c["noun_near"].fullmatch(w) and _sentence_inner(text, s):
            add(s, e, w, 1)
    for m in c["copula"].finditer(text):
        gap = c["appos_noun"].match(text, m.end())
        w, (s, e) = m.group(1), m.span(1)
        if not gap:
            continue
        said = text[m.end():min(len(text), gap.end() + 30)]  # "... regenerative medicine company": not an asset
        if (c["org_gap"].search(said) or c["copula_not"].search(said)
                or len(re.findall(rf"(?<![\w\-]){re.escape(w)}(?![\w\-])", text, re.I)) < 2 or false_code(w)):
            continue
        if ok_name(w, s, e):
            add(s, e, w, 1)
    _inn_like_names(text, c, cands, ok_name, add)
    head_not = c["head_not"]
    found_by_context = [(m.group(1), m.span(1), False) for os_, oe in org_spans if (m := c["owned"].match(text, oe))]
    # written once, an approval's object needs its use after it ("approved Zelquira for the treatment of")
    found_by_context += [(m.group(1), m.span(1), bool(c["approved_use"].match(text, m.end(1))))
                         for m in c["approved"].finditer(text)]
    for w, (s, e), once in found_by_context:
        if DESCRIPTION_START.match(text, e) or (w.isupper() and len(w) <= 3):
            continue  # "ORG's CAR T-cell therapy": the first word of a description, not a name
        if (w.casefold() in head_not or false_code(w) or not ok_name(w, s, e) or not once and
                len(re.findall(rf"(?<![\w\-]){re.escape(w)}(?![\w\-])", text)) < c["name_min"]):
            continue
        add(s, e, w, 1)
    drug_starts = {a: w for (a, _), (w, rank) in cands.items() if rank in (0, 0.5)}
    for m in c["combo_before"].finditer(text) if drug_starts else ():
        w, (s, e) = m.group(1), m.span(1)
        if m.end() in drug_starts and w.casefold() not in head_not and not false_code(w) and ok_name(w, s, e) \
                and not c["noun_near"].fullmatch(w) and w.casefold() not in drug_starts[m.end()].casefold():
            add(s, e, w, 1)
    org_starts = {a for a, _ in org_spans}
    for m in c["appos_from"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        # only when an organization follows "from", and the comma after it closes the apposition
        org_end = next((b for a, b in org_spans if a == m.end()), None)
        if m.end() in org_starts and org_end is not None and text[org_end:org_end + 1] == "," \
                and ok_name(w, s, e) and not false_code(w) and not c["noun_near"].fullmatch(w):
            add(s, e, w, 1)
    for m in c["appos_by"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        # "ABC123 Injection, developed by": a dosage-form or drug noun is the tail of a name, not one
        if ok_name(w, s, e) and not false_code(w) and not c["noun_near"].fullmatch(w):
            add(s, e, w, 1)
    for m in c["paren_by"].finditer(text):
        w, (s, e) = m.group(1), m.span(1)
        if ok_name(w, s, e) and not false_code(w) and not c["noun_near"].fullmatch(w):
            add(s, e, w, 1)
    if headline is not None and not any(headline[0] <= s < headline[1] for s, _ in cands):
        # only a headline that names no asset by any other shape; words of organization names are not names
        hs, he = headline
        org_words = {w.casefold() for s, e in org_spans for w in re.findall(r"[\w\-]+", text[s:e])}
        stop_words = stop_words | org_words
        for m in c["head_word"].finditer(text, hs, he):
            w, (s, e) = m.group(1), m.span(1)
            if w.casefold() in c["head_not"] or w.casefold() in stop_words or false_code(w) or not ok_name(w, s, e):
                continue
            rest = len(re.findall(rf"(?<![\w\-]){re.escape(w)}(?![\w\-])", text[he:]))
            if rest >= c["head_repeats"]:
                add(s, e, w, 1)
        # the headline's opening word before its event verb, not an organization's word nor written in lower case
        m = re.match(r"[ \t]*([A-Z][a-z]{3,}[A-Za-z0-9]*)(?:™|®)?", text[hs:he])
        if m and not any(hs <= s < he for s, _ in cands):
            w, (s, e) = m.group(1), (hs + m.start(1), hs + m.end(1))
            if c["head_event"].match(text, e) and w.casefold() not in c["head_not"] and w.casefold() not in stop_words \
                    and not false_code(w) and ok_name(w, s, e) and w.lower() not in text:
                add(s, e, w, 1)



# "Tokyo-based Zentavo", "Boston-headquartered Zentavo Bio", "China’s Zentavo": the capitalized words after
# a location prefix name an organization (one to three words, the next word lowercase or punctuation)
BASED_ORG_RE = re.compile(
    r"\b[A-Z][\w.]*(?:[ \-][A-Z][\w.]*)?-(?:based|headquartered)\s+((?:[A-Z][\w&\-]*|[a-z]+[A-Z][\w\-]*)(?:\s+[A-Z][\w&\-]*){0,2})"
    r"(?=\s*(?:[,.;:(]|’s|'s|\s+[a-z]))")


BASED_ORG_RE = _gate(BASED_ORG_RE)


@lru_cache(maxsize=1)
def _org_roles():
    data = read_data("shapes.yaml")
    name = r"((?:[A-Z][a-z][\w&\-]*|[A-Z]{2,6}|[a-z]+[A-Z][\w\-]*)(?:[ ](?:[A-Z][a-z][\w&\-]*|[A-Z]{2,6}))?)"
    # found from the cue back (a pattern opening on the name's character class is tried everywhere)
    after = (_ApostropheLed(re.compile(rf"(?:’s?|'s?)?[ ](?:{_alt(data.get('org_role_after', []))})\b")),
             re.compile(rf"(?<![\w\-&’'.]){name}$"))
    before = _gate(re.compile(rf"\b(?:{_alt(data.get('org_role_before', []))})[ ]{name}(?![\w\-])"))
    titles = data.get("person_titles", [])
    person = re.compile(rf"(?:\b(?:{'|'.join(re.escape(t) for t in titles)})[ ,]+|(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+[ ])$")
    after_title = re.compile(rf"^,?[ ](?:{'|'.join(re.escape(t) for t in titles)})", re.I)
    owned = frozenset(w.casefold() for w in data.get("possessive_asset_words", []))
    return after, before, person, after_title, frozenset(data.get("org_role_not", "").casefold().split()), owned


class _ApostropheLed:
    """`(?:’s?|'s?)?[ ]REST`: the same matches' starts as the pattern's `finditer`, found from the space-led
    `[ ]REST` (a literal first character, which re scans for) with the optional owner mark read back: the
    pattern itself, opening on an optional group, is tried at every position."""

    LEAD = "(?:’s?|'s?)?[ ]"

    def __init__(self, rx: re.Pattern) -> None:
        assert rx.pattern.startswith(self.LEAD) and not rx.flags & re.I, rx.pattern
        self.rx, self.spaced = rx, re.compile(" " + rx.pattern[len(self.LEAD):], rx.flags)

    def starts(self, text: str) -> list[int]:
        out, last = [], 0
        for m in self.spaced.finditer(text):
            p = m.start()
            # leftmost first, as the pattern is tried: "’s ", then "’ ", then " " (never before the last match's end)
            if p - 2 >= last and text[p - 1] == "s" and text[p - 2] in "’'":
                p -= 2
            elif p - 1 >= last and text[p - 1] in "’'":
                p -= 1
            out.append(p)
            last = m.end()
        return out


_OWNER = re.compile(r"(?<![\w\-&’'.])((?:[A-Z][a-z][\w&\-]*|[a-z]+[A-Z][\w\-]*)(?:[ ][A-Z][a-z][\w&\-]*)?)$")
_OWNED_WORD = re.compile(r"[ ]([\w\-]+)")
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[’'](?:s\b)?(?=[ ])")
_APOSTROPHE = _StartsAt(_APOSTROPHE, "’'")  # tried only at apostrophes (fastre.StartsAt): the same matches


from reportgen.extract.orgnames import noun_phrase_before_verb  # noqa: E402


def org_by_role(text: str, lex: Lexicons, stop_words) -> list[tuple[int, int]]:
    """Organizations named by their role in the sentence, without a company word ("Quorvexa said")."""
    after, before, person, after_title, not_orgs, owned_words = _org_roles()
    found: dict[str, list[tuple[int, int]]] = {}
    cue, back = after
    for at in cue.starts(text):
        m = back.search(text, max(0, at - 40), at)
        if m and not noun_phrase_before_verb(text, m.start(1), at):  # "two Mini Oral reports": orgnames.py
            found.setdefault(m.group(1), []).append(m.span(1))
    for m in before.finditer(text):
        found.setdefault(m.group(1), []).append(m.span(1))
        for s, e in _listed_after(text, m.end()):  # "developed by Kinora Pharma and Velthera"
            found.setdefault(text[s:e], []).append((s, e))
    from reportgen.extract.names import CODE_RE, INN_RE  # names.py imports this module

    for a in _APOSTROPHE.finditer(text):  # "Quorvexa's velnotamab", "Quorvexa' QRV-112": an owner of an asset
        owner = _OWNER.search(text, max(0, a.start() - 40), a.start())
        owned = _OWNED_WORD.match(text, a.end())
        if not (owner and owned):
            continue
        w = owned.group(1)
        if w.casefold() in owned_words or INN_RE.fullmatch(w) or CODE_RE.fullmatch(w):
            found.setdefault(owner.group(1), []).append(owner.span(1))
    return _role_names(text, lex, stop_words, found)


_LIST_NEXT = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)((?:[A-Z][a-z][\w&\-]*|[A-Z]{2,6}|[a-z]+[A-Z][\w\-]*)"
                        r"(?:[ ](?:[A-Z][a-z][\w&\-]*|[A-Z]{2,6}))?)(?![\w\-])")


def _listed_after(text: str, pos: int, most: int = 3) -> list[tuple[int, int]]:
    """Spans of the names listed after the first one a role cue names ("by A, B and C": B and C), past a legal
    form of the previous name ("A Inc. and B")."""
    out = []
    for _ in range(most):
        legal = re.match(r"(?:,?\s+(?:Inc|Corp|Ltd|LLC|plc|AG|SA|Co)\.?)?", text[pos:pos + 12])
        m = _LIST_NEXT.match(text, pos + (legal.end() if legal else 0))
        if not m:
            break
        out.append(m.span(1))
        pos = m.end()
    return out


def _role_names(text: str, lex: Lexicons, stop_words, found: dict) -> list[tuple[int, int]]:
    """The spans of names found by role that can be organizations: not a role word, a vocabulary term, an
    ordinary word written in lower case elsewhere, or a person's name."""
    _, _, person, after_title, not_orgs, _ = _org_roles()
    out = []
    for name, spans in sorted(found.items()):
        words = name.split()
        if any(w.casefold() in not_orgs or w.casefold() in stop_words for w in words) or len(name) < 3:
            continue
        if words[0].endswith(("-based", "-headquartered")):
            continue  # "Tokyo-based Hoshimi said": the place prefix is no part of the name (BASED_ORG_RE finds it)
        if _lexical(name, lex) and not lex.organizations.lookup(name)[0]:
            continue
        if re.search(rf"(?<![\w\-]){re.escape(name.lower())}(?![\w\-])", text) and not name.islower():
            continue  # an ordinary word ("Analysts said" / "analysts")
        places = [o.span() for o in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text)]
        if any(person.search(text[max(0, s - 30):s]) or after_title.match(text[e:e + 20]) for s, e in places):
            continue  # "Dr. Quorvexa", "Jane Quorvexa said", "Quorvexa, Chief ..."
        out += spans
    return out


# "Sponsor: Zentavo Bio", "Marketing authorisation holder: Quenby Pharma" in lists and tables of designations
SPONSOR_LABEL_RE = re.compile(
    r"(?:^|(?<=[\n;|•]))[ \t]*(?:[Ss]ponsors?|[Dd]eveloper|[Aa]pplicant|[Cc]ompany|[Mm]anufacturer|[Mm]arketing\s+"
    r"[Aa]uthori[sz]ation\s+[Hh]older|MAH|[Ll]icen[sc]ee|[Ll]icen[sc]or)[ \t]*:[ \t]*"
    r"((?:[A-Z][\w&\-.]*|[a-z]+[A-Z][\w\-]*)(?:,?[ \t]+(?:[A-Z][\w&\-.]*|&|and|of))*)", re.M)
SPONSOR_LABEL_RE = _StartsAt(SPONSOR_LABEL_RE, "\n;|•", after=True, at_zero=True)  # tried at line/item starts only


def sponsor_labels(text: str) -> list[tuple[int, int]]:
    """Spans of organizations written after a sponsor label ("Sponsor: Zentavo Bio")."""
    if ":" not in text:
        return []
    out = []
    for m in SPONSOR_LABEL_RE.finditer(text):
        name = m.group(1).rstrip(",. ")
        while name.split() and name.split()[-1] in ("and", "of", "&"):
            name = name.rsplit(None, 1)[0]
        if name:
            out.append((m.start(1), m.start(1) + len(name)))
    return out


def org_shapes(text: str, lex: Lexicons, stop_words) -> list[tuple[int, int]]:
    """Organization spans by position: after a location prefix ("Tokyo-based X"), by role ("X said"), after a
    sponsor label ("Sponsor: X")."""
    out = org_by_role(text, lex, stop_words) + sponsor_labels(text)
    for m in BASED_ORG_RE.finditer(text):
        words = m.group(1).split()
        while words and (words[-1].casefold() in stop_words):
            words.pop()
        if not words or words[0].casefold() in stop_words:
            continue
        name = " ".join(words)
        if _lexical(name, lex) and not lex.organizations.lookup(name)[0]:
            continue
        out.append((m.start(1), m.start(1) + len(name)))
    return [sp for sp in out if not _inside_authority(text, lex, sp)]


def _inside_authority(text: str, lex: Lexicons, span: tuple[int, int]) -> bool:
    """Whether a name found by role ends a regulator's longer name ("the Food and Drug Administration said" is no
    organization "Drug Administration")."""
    s, e = span
    lo = max(0, s - 60)
    if not re.search(r"(?:[A-Z][\w\-]*|and|of|for|&)\s+$", text[lo:s]):
        return False  # nothing before the name that a longer name could open on
    return any(m.start + lo < s and m.end + lo == e for m in lex.authorities.find_all(text[lo:e]))


# "Kinora's Neurapry", "Kinora's investigational Neurapry": the possessor of a known asset name
_POSSESSOR = re.compile(r"(?<![\w\-&’'.])((?:[A-Z][a-z][\w&\-]*|[a-z]+[A-Z][\w\-]*|[A-Z]{2,6})(?:[ ][A-Z][a-z][\w&\-]*)?)"
                        r"(?:’s|'s|’|')[ ](?:[a-z][\w\-]*[ ]){0,3}$")
# "NAME, a PRAME-targeted bispecific from Orvane, ...": the source named after an asset's apposition
_FROM_ORG = re.compile(r"(?:™|®)?,[ ](?:an?|the)[ ][^,;.()]{0,80}?\bfrom[ ]((?:[A-Z][a-z][\w&\-]*|[a-z]+[A-Z][\w\-]*|[A-Z]{2,6})"
                       r"(?:[ ][A-Z][a-z][\w&\-]*)?)(?=[,.;]|[ ][a-z])")


def asset_owners(text: str, lex: Lexicons, stop_words, assets, taken) -> list[tuple[int, int]]:
    """Organizations named by their relation to an asset the document names: its possessor ("Kinora's Neurapry")
    or its source in an apposition ("NAME, a ... bispecific from Orvane,"). `assets`: (start, end) of asset
    mentions; `taken`: spans already named (organizations, assets), never overlapped."""
    found: dict[str, list[tuple[int, int]]] = {}
    for s, e in assets:
        window = text[max(0, s - 60):s]
        m = _POSSESSOR.search(text, max(0, s - 60), s) if ("'" in window or "’" in window) else None
        if m:
            found.setdefault(m.group(1), []).append(m.span(1))
        f = _FROM_ORG.match(text, e)
        if f:
            found.setdefault(f.group(1), []).append(f.span(1))
    if not found:
        return []
    spans = _role_names(text, lex, stop_words, found)
    return [(a, b) for a, b in spans if not any(x < b and a < y for x, y in taken)]
