"""Where a practice runs: municipalities, provinces and regional partnership from Dutch text.

A gazetteer PhraseMatcher finds every place name; rules then drop mentions that only say where
a speaker works, was born or where the event is held, and names that are common words or
surnames. Municipalities are returned with the name they had when the text was written, so a
2016 text about Puurs gives "Puurs", not "Puurs-Sint-Amands".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from ingest import layout as L
from ingest.entities import is_person_name
from kb.analysis import zipf
from kb.gazetteer import Alias, Gazetteer, Partnership, fold

# A mention is kept when its score reaches this; the scores below say why a cue weighs what it does.
KEEP = 1.0
TITLE_SCORE = 3.0          # the title names the place: the practice is about it
CUE_SCORE = 2.0            # "OCMW van X", "stad X", "in X", "(X)": a place acts or hosts the practice
PLAIN_SCORE = 1.0          # a bare capitalised name in the body
BIO_PENALTY = -5.0         # speaker biography, role or event venue
NAME_PENALTY = -5.0        # part of a person's name
FRENCH_NAME_MAX_ZIPF = 3.5  # a French town name this frequent as a Dutch word is that word ('Hal')
WORD_NAME_MIN_ZIPF = 3.5    # so is a Walloon town's Dutch name this frequent, without a cue ('Lessen', 'Lens')

ORG_BEFORE = re.compile(
    r"(?:\b(?:OCMW|ocmw|stad|Stad|STAD|gemeente|Gemeente|Sociaal Huis|sociaal huis|Huis van het Kind|"
    r"district|District|regio|Regio|provincie|Provincie|Zorgbedrijf|zorgbedrijf|LDC|CAW|LOI|"
    r"Welzijnshuis|welzijnshuis|Buurthuis|buurthuis)(?:\s+(?:van|in|te))?|\b(?:in|te|uit|naar|voor|van)|[(\u2013\u2014-])\s*$"
)
ACTOR_AFTER = re.compile(r"^\s*(?:\)|werkt|licht|zet|heeft|biedt|startte|ontwikkelde|organiseert|koos|investeert)")
BIO_CUES = re.compile(
    r"\b(?:docent\w*|professor|prof\.|(?:werd|is|ben)\s+geboren|woont|schrijf\w*|journalist\w*|auteur|"
    r"heet u welkom|adviseur|afdelingshoofd|voorzitter|burgemeester(?!\s+en\s+schepenen)|schepen|minister|"
    r"gedeputeerde|directeur|algemeen directeur|moderator|modereert|gemoderee\w*|studeerde|afgestudeerd|"
    r"onderzoeker|doctoreerde|columnist|(?:locatie|adres|plaats van afspraak)(?=\s*:)|"
    r"gemeenteraadslid|raadslid|parlementslid|CEO|zaakvoerder)\b",
    re.IGNORECASE,
)
BIO_OPENING = re.compile(r"^\s*(?:[A-Z][\w'-]+\s+){1,3}(?:is|was|werkt|studeerde)\b")  # "Goedele Desmet is ..."
LOCAL_GOVERNMENT = re.compile(r"\b(?:OCMW|[Ss]tad|[Gg]emeente)(?:\s+van)?\s*$")
#: A local service named after its place ('Sociaal Huis van Kortemark', 'OCMW Genk'): the words before
#: the place are a service, never a person's first name.
LOCAL_SERVICE = re.compile(r"\b(?:OCMW|[Ss]tad|[Gg]emeente|Sociaal Huis|Huis van het Kind|Zorgbedrijf|Welzijnshuis|"
                           r"LDC|[Dd]ienstencentrum|CAW)(?:\s+(?:van|in|te))?\s*$")
VENUE_LINE = re.compile(r"^[\s'’A-Z0-9ÀÂÄÉÈÊËÏÎÔÖÙÛÜ.&-]+,\s*[A-ZÀ-Ü' -]+$")
#: 'Sabine Van Damme': a capitalised particle after a first name, inside a line, starts a Flemish surname.
SURNAME_BEFORE = re.compile(r"\b[A-Z][a-z\u00e0-\u00ff]+\s+(?:Van|De|Vanden|Vander|Van der|Van den|Ver|Le|Du)\s+$")
PARTICLES = {"van", "de", "der", "den", "ver", "vande", "vanden", "le", "la", "du", "d'"}
NOT_A_MUNICIPALITY = re.compile(
    r"\b(?:arrondissement|provincie|referentieregio|politiezone|zone|bisdom|kieskring|eerstelijnszone|"
    r"KU|UC|UZ|(?:Universiteit|Hogeschool)(?:\s+van)?)\s*$",
    re.IGNORECASE,
)
#: 'Brussel' names the capital region as often as its central municipality; only 'Stad Brussel', 'OCMW
#: Brussel' or 'Brussel-Stad' say the practice is the City's.
CAPITAL = "Brussel"
CITY_AFTER = re.compile(r"^\s*-\s*[Ss]tad\b")
PROVINCE_MENTION = re.compile(r"\b[Pp]rovincie\s+([A-Z][\w-]+)")
WHOLE_COUNTRY = re.compile(r"Vlaanderen\s*(?:,|en|of)\s*$|^\s*(?:,|en|of)\s*(?:Vlaanderen|Walloni)")
#: 'West-Vlaanderen samen met Antwerpen', 'Limburg is, na Antwerpen, de tweede regio': a town that shares its
#: name with a province is that province when another province stands a few words from it.
OTHER_PROVINCE = r"(?:Limburg|West-Vlaanderen|Oost-Vlaanderen|Vlaams-Brabant|Henegouwen|Waals-Brabant)"
PROVINCE_BEFORE = re.compile(rf"\b{OTHER_PROVINCE}\W+(?:\w+\W+){{0,3}}$")
PROVINCE_AFTER = re.compile(rf"^\W+(?:\w+\W+){{0,3}}{OTHER_PROVINCE}\b")
SPEAKER_LINE = re.compile(r"^\s*(?:Begeleiding|Sprekers?|Moderat\w+|Met|Door|Panel\w*)\s*:", re.IGNORECASE)
DEFINING = re.compile(r"\b(?:is|zijn)\s+(?:een|de)\s+$")   # "X is een Antwerpse vzw"
#: "in X", "te X": the practice happens there, even when a region runs it.
LOCATIVE = re.compile(r"\b(?:in|te)\s+$")
#: A project sheet's owner field ('Promotor: OCMW Kruibeke', 'Initiatiefnemer' over 'Gent'): the town runs it.
OWNER_FIELD = re.compile(r"(?:^|\n)[ \t]*(?:Promotor|Initiatiefnemer)[ \t]*(?::[ \t]*|\n\s*)[^\n]*$", re.IGNORECASE)
#: A sentence about visitors: towns named in it without "in/te/naar/bij" are where the guests come from.
VISIT = re.compile(r"\b(?:op (?:werk|studie|inspiratie)?bezoek|bezochten|bezocht|kwamen\b.{0,60}\bkijken|te gast)\b",
                   re.IGNORECASE)
HOST_BEFORE = re.compile(r"\b(?:in|te|naar|bij)\s+(?:\w+\s+){0,3}$")
#: Arrondissements named like their towns ('de arrondissementen Veurne, Diksmuide en Ieper') are areas.
ARRONDISSEMENT = re.compile(r"\barrondissement(?:en)?\s+(?:van\s+)?$", re.IGNORECASE)
#: Towns enumerated in one run ('Malle, Zandhoven, Zoersel'): where a shared practice runs, even in a region.
ENUMERATED_TOWNS = 3
#: What may stand between two names of one enumeration ("Balen, Mol en Geel").
LIST_GLUE = re.compile(r"\s*(?:,\s*(?:en\s+|of\s+)?|\s+(?:en|of)\s+)$")
#: Words written before a name in Dutch that a person's first name never follows ("'t Saam Diksmuide").
ARTICLES = {"'t", "’t", "‘t", "de", "het", "een", "den"}
DEMONYM_SCORE = 0.5        # "Brusselse wijken": about the place, not who runs the practice
AFFILIATION_SCORE = 0.9    # "(Gent)" after a facilitator: counts only next to other evidence
OPENERS = {"binnen", "in", "te", "uit", "naar", "voor", "met", "door", "op", "bij", "ook", "zowel", "en", "of",
           "want", "maar", "dus", "sinds", "vanuit", "rond", "over", "onder", "tussen", "na", "tijdens",
           "dankzij", "via", "welkom", "vanaf", "regio", "stad", "gemeente"}
NOT_FIRST_NAMES = {"het", "de", "een", "stad", "gemeente", "ocmw", "district", "provincie"}
SENTENCE_END = re.compile(r"[.!?:\n]\s*$")
#: Tokens that may glue names together; each alternative starts only at a token start, so long words stay linear.
FILE_LIKE_TOKEN = re.compile(r"(?<!\S)\S*_\S*|\b\w*[a-z][A-Z]\w*|\b[A-Z]{2,}[a-z]+\w*")
FILE_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?=[A-Z][a-z]|_|$)")


class Mention(NamedTuple):
    """One matched place name and the municipality (or region label) it stands for: a plain
    (surface, start, end, municipality) tuple, so it serialises as a JSON list."""

    surface: str
    start: int
    end: int
    municipality: str


@dataclass(frozen=True)
class Places:
    """Extracted locations; `mentions` explain which spans led to the municipalities."""

    municipalities: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    region: str | None = None
    confidence: float = 0.0
    mentions: list[Mention] = field(default_factory=list)
    enumerated: bool = False  # three or more of the towns are named in one enumeration ('Aalter, Assenede en Eeklo')


def _stems(name: str) -> list[str]:
    """Leuven -> Leuven, Leuv; Brugge -> Brugge, Brugg (for -se, -naren forms)."""
    stems = [name]
    if name.endswith("en"):
        stems.append(name[:-2])
    if name.endswith("e"):
        stems.append(name[:-1])
        if len(name) > 3 and name[-2] == name[-3]:
            stems.append(name[:-2])  # Brugge -> Brug(se)
    return stems


#: An organisation's acronym right before a name: 'CAW Boom-Mechelen-Lier' names the CAW, not three towns.
ORGANISATION_BEFORE = re.compile(r"\b[A-Z]{2,}[\s-]$")
#: The gazetteer's name for the Walloon region.
WALLOON_REGION = "Waals Gewest"
#: Forms made from a town's name, which yield to a town that bears the form as its own name.
DERIVED_KINDS = frozenset({"demonym", "inhabitants"})


def demonyms(name: str) -> list[str]:
    """Adjective forms: Leuven -> Leuvense, Antwerpen -> Antwerpse, Brussel -> Brusselse."""
    return [f for f in (stem + "se" for stem in _stems(name)) if f != name]


def inhabitants(name: str) -> list[str]:
    """Inhabitant forms: Londerzeel -> Londerzeelnaren; they live (and act) there."""
    return [stem + suffix for stem in _stems(name) for suffix in ("naren", "naar", "enaren", "enaar")]


def _spellings(surface: str) -> list[str]:
    """How a name is written: 'Sint-Niklaas', 'Sint Niklaas'; 'St-Truiden', 'St.-Truiden'."""
    forms = [surface, surface.replace("-", " ")]
    forms += [re.sub(r"^(Ste?)-", r"\1.-", form) for form in forms]
    return list(dict.fromkeys(forms))


@cache
def _matcher() -> tuple[object, object, dict[str, tuple[str, str]]]:
    """Build the spaCy pipeline and PhraseMatcher once; keys map to (municipality, kind)."""
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("nl")
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Za-zÀ-ÿ])[-_](?=[A-Za-zÀ-ÿ])", r"[/@]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[str, tuple[str, str]] = {}
    gaz = Gazetteer.default()
    for alias in gaz.aliases():
        if _names_another_province(gaz, alias.surface) or _french_name_as_dutch_word(alias):
            continue
        surfaces = [(form, alias.kind) for form in _spellings(alias.surface)]
        if alias.kind in ("municipality", "former-municipality", "foreign"):
            surfaces += [(form, "demonym") for form in demonyms(alias.surface)]
            surfaces += [(form, "inhabitants") for form in inhabitants(alias.surface)]
        for surface, kind in surfaces:
            key = f"M|{fold(surface)}"
            if key not in keys or (keys[key][1] in DERIVED_KINDS and kind not in DERIVED_KINDS):
                keys[key] = (alias.municipality, kind)  # 'Asse' is a town's own name before it is As's adjective
            matcher.add(key, [nlp.make_doc(surface)])
    for p in gaz.partnerships():
        for alias in p.aliases:
            key = f"R|{fold(alias)}"
            keys.setdefault(key, (p.label, "region"))
            matcher.add(key, [nlp.make_doc(alias)])
    return nlp, matcher, keys


def _french_name_as_dutch_word(alias: Alias) -> bool:
    """'Hal 5' is a hall, not Halle, and 'Forest' rarely Vorst in a Dutch text: a French name that is also a
    frequent word in Dutch (Zipf 3.5 or more) is not looked for. Dutch texts name these towns in Dutch."""
    return alias.kind == "french-name" and zipf(alias.surface.lower()) >= FRENCH_NAME_MAX_ZIPF


@cache
def _province_names() -> frozenset[str]:
    """The ten provinces' Dutch names, built once: `Gazetteer.provinces` collects them anew on every call."""
    return frozenset(Gazetteer.default().provinces())


def _names_another_province(gaz: Gazetteer, surface: str) -> bool:
    """'Limburg' in a Dutch text is the province, not the Walloon town Limburg (province Luik);
    'Antwerpen' stays a city, since the city lies in its province."""
    if surface not in _province_names():
        return False
    found = gaz.lookup_historic(surface)
    return found is not None and found.province != surface


def _in_area_name(text: str, mentions: list[tuple[Mention, str]]) -> set[int]:
    """Indexes of municipalities hyphenated to another one ('CAW Halle-Vilvoorde', 'regio Kortrijk-Roeselare'):
    together they name an area, an arrondissement or a service's working area, not either town. Three or more in
    a row ('regio Menen-Wervik-Wevelgem') list the towns a shared service works in, unless an organisation is
    named by them ('CAW Boom-Mechelen-Lier')."""
    towns = {"municipality", "former-municipality"}
    paired: set[int] = set()
    chain = [0]
    for i in range(1, len(mentions) + 1):
        joined = i < len(mentions) and mentions[i - 1][1] in towns and mentions[i][1] in towns \
            and text[mentions[i - 1][0].end:mentions[i][0].start] == "-"
        if joined:
            chain.append(i)
            continue
        if len(chain) == 2 or (len(chain) > 2 and ORGANISATION_BEFORE.search(text[:mentions[chain[0]][0].start])):
            paired |= set(chain)
        chain = [i]
    return paired


def _line_of(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left: right if right >= 0 else len(text)]


def _is_person_name(text: str, start: int, end: int) -> bool:
    """'Jan Mol', 'Peer Van Dijk': a capitalised first name, or a particle, just before or after."""
    after = text[end:end + 12]
    if re.match(r" (?:Van|De|Vanden|Vander|Ver)\b", after):
        return True
    if re.match(r"\s*[:(]", after):
        return False
    before = text[max(0, start - 40):start]
    if SENTENCE_END.search(before) or before.endswith("("):
        return False
    words = before.split()
    if not words or not before[-1:].isspace():
        return False
    previous = words[-1]
    if LOCAL_SERVICE.search(before):
        return False  # 'Sociaal Huis van Kortemark' is a service, not a person called Huis van Kortemark
    if previous.lower() in PARTICLES:
        first = words[-2] if len(words) > 1 else ""
        return first[:1].isupper() and first.isalpha() and first.lower() not in NOT_FIRST_NAMES
    if previous.lower() in OPENERS:
        return False  # "In Gent ...": a capitalised preposition is no first name
    cue = ORG_BEFORE.search(before)
    if any(c.isupper() for c in previous[1:]) or len(words) > 1 and words[-2].lstrip("(").lower() in ARTICLES:
        return False  # 'OverKop Tienen', "'t Saam Diksmuide": a brand or a named thing, no first name
    return bool(previous[:1].isupper() and previous.isalpha() and not previous.isupper() and cue is None)


#: 'Jan Peeters (Stad Leuven)', '(Ann Smet, coördinator, OCMW Lier)': a bracket that follows or opens with a
#: person's name holds that person's employer, not where the practice runs.
NAMED_PERSON = re.compile(r"[A-Z][a-z\u00e0-\u00ff]+(?:\s+(?:[Vv]an|[Dd]e[nr]?|[Vv]an\s+[Dd]e[nr]?|[Ll]e|[Dd]u))?"
                          r"\s+[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z\u00e0-\u00ff]+)?")

#: What may stand before an employer town inside such a bracket: the bracket, a comma, a local government.
EMPLOYER_BEFORE = re.compile(r"(?:[(,]|\b(?:OCMW|[Ss]tad|[Gg]emeente|[Pp]rovincie|Sociaal Huis)(?:\s+van)?)\s*$")


def _in_speaker_bracket(text: str, start: int, end: int) -> bool:
    """True when the mention sits in brackets right after a person's name, or in brackets that open with one
    ('Greet Patho (Stad Leuven)', 'Energie (Jan Willems, coördinator, OCMW Brussel)'), alone or after a local
    government word: the speaker's employer. A town inside an organisation's own name ("('t Saam Diksmuide)")
    still names the presented practice."""
    line_start = text.rfind("\n", 0, start) + 1
    open_at = text.rfind("(", line_start, start)
    if open_at < 0 or ")" in text[open_at:start]:
        return False
    if not EMPLOYER_BEFORE.search(text[open_at:start]):
        return False
    before = text[line_start:open_at].rstrip()
    inside = text[open_at + 1:start]
    after_name = re.search(NAMED_PERSON.pattern + r"$", before)
    opens_with_name = re.match(NAMED_PERSON.pattern + r"\s*,", inside)
    return bool((after_name and is_person_name(after_name.group()))
                or (opens_with_name and is_person_name(opens_with_name.group().rstrip(" ,"))))


def _score(text: str, start: int, end: int, in_title: bool, kind: str) -> float:
    """How strongly a mention says the practice runs there (see the score constants)."""
    surface = text[start:end]
    before, after = text[max(0, start - 30):start], text[end:end + 30]
    if surface.isupper() and len(surface) <= 5 and kind != "region":
        return NAME_PENALTY
    if NOT_A_MUNICIPALITY.search(before) or WHOLE_COUNTRY.search(before) or WHOLE_COUNTRY.match(after):
        return NAME_PENALTY
    if surface in _province_names() and (PROVINCE_BEFORE.search(before) or PROVINCE_AFTER.match(after)):
        return NAME_PENALTY
    capital_region = surface == CAPITAL and not LOCAL_GOVERNMENT.search(before) and not CITY_AFTER.match(after)
    if in_title:
        if kind != "region" and SURNAME_BEFORE.search(before):
            return NAME_PENALTY
        return DEMONYM_SCORE if capital_region else TITLE_SCORE  # 'Ideeën voor Brussel': the capital region
    line = _line_of(text, start, end)
    if VENUE_LINE.match(line.strip()):
        return BIO_PENALTY
    if re.fullmatch(rf"{re.escape(surface)}\s+\d{{1,3}}", line.strip()):
        return NAME_PENALTY  # 'As 4' under 'Assen': a numbered label, not the town
    if kind != "region" and _is_person_name(text, start, end):
        return NAME_PENALTY
    if SPEAKER_LINE.match(line) or _in_speaker_bracket(text, start, end):
        return AFFILIATION_SCORE
    score = PLAIN_SCORE
    if ORG_BEFORE.search(before) or ACTOR_AFTER.match(after):
        score = CUE_SCORE
    if kind == "demonym":
        return CUE_SCORE if DEFINING.search(before) else DEMONYM_SCORE
    left, right = L.sentence_bounds(text, start, start, breaks=(". ", "; "))
    sentence = text[left:right]
    if VISIT.search(sentence) and not HOST_BEFORE.search(before):
        return min(score, DEMONYM_SCORE)
    if capital_region:
        return min(score, DEMONYM_SCORE)  # 'in Brussel', 'SAAMO Brussel': the capital region, not the City
    bio_paragraph = BIO_OPENING.match(line) is not None and BIO_CUES.search(line) is not None
    if bio_paragraph and not LOCAL_SERVICE.search(before):
        score += BIO_PENALTY
    elif not (LOCAL_SERVICE.search(before) and not BIO_CUES.search(before)) and BIO_CUES.search(sentence):
        score += BIO_PENALTY  # 'Stad en OCMW Oostende' acts, also in a sentence quoting the gedeputeerde;
        # 'schepen stad Antwerpen' is a speaker's role
    return score


def _file_like_parts(token: str) -> list[tuple[str, int]]:
    """'StadGent_TheTravel' -> [('Stad', 0), ('Gent', 4), ...]: glued names in file-like tokens."""
    return [(m.group(), m.start()) for m in FILE_PART.finditer(token)]


def _fuzzy_file_mentions(text: str, offset: int) -> list[Mention]:
    """Names glued into file-like tokens (Antwerpen_X, OCMWBrugge_Y, Ichtemgem_IBO)."""
    gaz = Gazetteer.default()
    names = [m.name for m in gaz.municipalities()]
    found = []
    for token in FILE_LIKE_TOKEN.finditer(text):
        parts = _file_like_parts(token.group())
        for i, (part, at) in enumerate(parts):
            after_acronym = i > 0 and parts[i - 1][0].isupper() and len(parts[i - 1][0]) <= 2  # UGent, KULeuven
            if len(part) < 4 or not part[:1].isupper() or after_acronym:
                continue
            hit = gaz.lookup_historic(part)
            if hit is None and len(part) >= 6:
                best = process.extractOne(part, names, scorer=fuzz.ratio, score_cutoff=85)
                hit = gaz.lookup_historic(best[0]) if best else None
            if hit is not None:
                s = offset + token.start() + at
                found.append(Mention(part, s, s + len(part), hit.name))
    return found


#: Typographic apostrophes read as the plain one the gazetteer writes ('Sint-Job-in-’t-Goor'); same length.
APOSTROPHES = str.maketrans("’‘ʼ`", "''''")


def _raw_mentions(text: str) -> list[tuple[Mention, str]]:
    nlp, matcher, keys = _matcher()
    doc = nlp.make_doc(text.translate(APOSTROPHES))
    spans = matcher(doc, as_spans=True)
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    taken: set[int] = set()
    out = []
    for span in spans:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        target, kind = keys[matcher.vocab.strings[span.label]]
        head = span[-1].text if kind == "region" else span.text  # "referentieregio Antwerpen"
        if not (head[:1].isupper() or head[:1].isdigit()):
            continue
        taken.update(range(span.start, span.end))
        out.append((Mention(text[span.start_char:span.end_char], span.start_char, span.end_char, target), kind))
    return out


def extract_places(text: str, title: str = "") -> Places:
    """Places where the practice in `text` (with `title`) runs."""
    gaz = Gazetteer.default()
    full = f"{title}\n{text}" if title else text
    offset = len(title) + 1 if title else 0
    scores: dict[str, float] = {}
    regions: dict[str, float] = {}
    mentions: list[Mention] = []
    raw = _raw_mentions(full)
    area_parts = _in_area_name(full, raw)
    scored = [(m, kind, _score(full, m.start, m.end, m.start < offset, kind)) for m, kind in raw]
    scored = [(m, kind, NAME_PENALTY if _walloon_word(m, kind, score) else score) for m, kind, score in scored]
    for i, (mention, kind, score) in enumerate(scored):
        if i in area_parts:
            continue
        bucket = regions if kind == "region" else scores
        bucket[mention.municipality] = max(bucket.get(mention.municipality, -99.0), score)
        if score >= KEEP:
            mentions.append(_shift(mention, offset))
    located, enumerated = _located(full, scored, area_parts)
    for mention in _fuzzy_file_mentions(full, 0):
        score = TITLE_SCORE if mention.start < offset else CUE_SCORE
        scores[mention.municipality] = max(scores.get(mention.municipality, -99.0), score)
        mentions.append(_shift(mention, offset))
    region = max((r for r, s in regions.items() if s >= KEEP), key=lambda r: regions[r], default=None)
    kept = _kept(scores, gaz.partnership(region) if region else None, located)
    if not kept and region is None:
        kept = _adjective_places(scored)
    provinces = list(dict.fromkeys(
        [p for n in kept if (m := gaz.lookup_historic(n)) is not None and (p := m.province)]
        + [p for p in PROVINCE_MENTION.findall(full) if p in _province_names()]))
    confidence = min(1.0, max([scores[n] for n in kept] + [regions.get(region or "", 0.0)], default=0.0) / TITLE_SCORE)
    return Places(kept, provinces, region, round(confidence, 2),
                  [m for m in mentions if 0 <= m.start <= m.end <= len(text)], enumerated)


def _walloon_word(mention: Mention, kind: str, score: float) -> bool:
    """'Lessen digitale vaardigheden', 'de tentoonstelling Lens op Dementie': a Walloon town whose Dutch name is a
    frequent Dutch word is that word, unless a cue makes it a place ('in Namen', 'OCMW Lessen') or a title names it."""
    if kind != "municipality" or score >= CUE_SCORE or zipf(mention.surface.lower()) < WORD_NAME_MIN_ZIPF:
        return False
    return in_wallonia(mention.municipality)


def in_wallonia(town: str) -> bool:
    """The town lies in the Walloon region (a former municipality by the town it merged into)."""
    found = Gazetteer.default().lookup_historic(town)
    return found is not None and found.gewest == WALLOON_REGION


def _located(text: str, scored: list[tuple[Mention, str, float]], skipped: set[int]) -> tuple[set[str], bool]:
    """Municipalities the text places the practice in ('in Balen en Ravels', 'gelegen te Kuurne'):
    a locative cue before the first name of an enumeration holds for every name in it, and an enumeration of
    three or more towns says where it runs by itself (the second value: whether the text has one)."""
    located: set[str] = set()
    enumerated = False
    cued = False
    previous_end = -1
    run: list[str] = []
    areas = False
    for i, (mention, kind, score) in enumerate(scored):
        listed = previous_end >= 0 and LIST_GLUE.fullmatch(text[previous_end:mention.start]) is not None
        cued = ((cued and listed) or LOCATIVE.search(text[max(0, mention.start - 5):mention.start]) is not None
                or OWNER_FIELD.search(text[max(0, mention.start - 80):mention.start]) is not None)
        previous_end = mention.end
        usable = score >= KEEP and kind != "region" and i not in skipped
        if not listed:  # 'de arrondissementen Veurne, Diksmuide en Ieper' are areas named after their towns
            run, areas = [], ARRONDISSEMENT.search(text[max(0, mention.start - 20):mention.start]) is not None
        run = run + ([mention.municipality] if usable and not areas else [])
        if len(run) >= ENUMERATED_TOWNS:  # 'Malle, Zandhoven, Zoersel en ...': the towns that run it together
            located.update(run)
            enumerated = True
        if cued and usable:
            located.add(mention.municipality)
    return located, enumerated


def _kept(scores: dict[str, float], region: Partnership | None, located: set[str] = frozenset()) -> list[str]:
    """Strong mentions, plus weak ones (affiliations, adjectives) that back up a strong one;
    in a regional practice, member municipalities named in passing are dropped, those it
    is said to run in are kept, and so are all of them when the text lists most members.
    A foreign city counts only when the title or a cue says the practice is its own ('gemeente Utrecht');
    named in passing it is someone's affiliation."""
    floor = AFFILIATION_SCORE if any(s >= KEEP for s in scores.values()) else KEEP
    kept = [n for n, s in scores.items() if s >= (floor if _is_belgian(n) else CUE_SCORE)]
    if region is not None:
        members = set(region.municipalities)
        named = {_current(n) for n in kept} & members
        if len(named) < max(3, len(members) / 2):  # a near-complete member list says where it runs
            kept = [n for n in kept if scores[n] >= TITLE_SCORE or n in located or _current(n) not in members]
    return sorted(kept, key=lambda n: -scores[n])  # stable: ties keep the order of first mention


def _adjective_places(scored: list[tuple[Mention, str, float]]) -> list[str]:
    """'de Lokerse gezinnen', 'de Antwerpse aanpak': when nothing else places the practice, a town's adjective
    does. 'Brusselse' stays the capital region, as a bare 'Brussel' does."""
    return list(dict.fromkeys(mention.municipality for mention, kind, score in scored
                              if kind == "demonym" and score == DEMONYM_SCORE and mention.municipality != CAPITAL))


def _is_belgian(name: str) -> bool:
    return not Gazetteer.default().abroad(name)


def _current(name: str) -> str:
    found = Gazetteer.default().lookup(name)
    return found.name if found else name


def _shift(mention: Mention, offset: int) -> Mention:
    """Offsets relative to `text` (title mentions get negative offsets and are dropped)."""
    return Mention(mention.surface, mention.start - offset, mention.end - offset, mention.municipality)
