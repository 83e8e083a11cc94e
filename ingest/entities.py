"""Speakers (person names) and partners (organisations) in a record's text.

Programme texts name people in a few fixed ways ("Spreker: X", "Begeleiding: X,
rol (Plaats)", "X, directeur ...", "X is ... verbonden aan ..."), and
organisations with trigger words (OCMW, vzw, CAW, stad, partnersessie, i.s.m.).
Both extractors look for those cues rather than for any capitalised words, since
a programme is full of capitalised titles, places and project names.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ingest import layout as L
from kb.analysis import zipf
from kb.gazetteer import Gazetteer

ORGANISATIONS_PATH = Path(__file__).resolve().parent / "data" / "organisations.txt"

UPPER = "A-ZÀ-ÖØ-Ý"
LOWER = "a-zß-öø-ÿ"
NAME_WORD = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
PARTICLE = (r"(?:[Vv]an\s+[Dd]e[nr]?|[Vv]an\s+'t|[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]en|[Tt]er|[Ll]e|[Ll]a|[Ee]l|[Dd]'"
            r"|[Vv]on|[Dd]i|[Dd]a|[Dd]u)")
#: A Flemish surname may fuse its particle: "Lieke D'hondt", "Lina D’Amico".
SURNAME_WORD = rf"(?:[Dd]['’][{UPPER}{LOWER}][{LOWER}]+|{NAME_WORD})"
# Two or three name words, with particles between them ("Sarah Van den Eeden", "Sjef de Vries").
SPACE = r"[ \t\u00a0]+"
PERSON = re.compile(rf"\b{NAME_WORD}(?:{SPACE}(?:{PARTICLE}{SPACE})?{SURNAME_WORD}){{1,2}}\b")

# Words before a name that say what the person does at the item: "Spreker: ", "door ", "Uw gids is ".
PRESENTER_WORDS = (r"sprekers?|begeleiding(?:\s+door)?|moderator|moderatie|presentator|gespreksleider|"
                   r"onder\s+begeleiding\s+van|onder\s+leiding\s+van|o\.l\.v\.|gemodereerd\s+door|gids\s+is|door|"
                   r"getuigenis\s+van|interview\s+met")
PRESENTER_CUE = re.compile(rf"\b(?:{PRESENTER_WORDS})[\s:;]*$", re.I)
# Cue just before a name: a presenter's words, or a host, title or role: "mvr. ", "burgemeester ".
BEFORE_CUE = re.compile(
    rf"(?:\b(?:{PRESENTER_WORDS}|gastheer|gastvrouw|met\s+ondersteuning\s+van|met|"
    r"prof|dr|mvr|mevr|dhr|burgemeester|schepen|minister|wetenschapper|auteur|professor|journalist|"
    r"voorzitter|commissaris)\.?)[\s:;]*$",
    re.I)
# Cue just after a name at the start of a line or sentence: "X, directeur", "X is", "X (stafmedewerker)".
AFTER_CUE = re.compile(
    r"^(?:\s*,(?!\s*(?:een|de|het|die|dat|waar|wat|maar|en|of)\b)"
    r"|\s+van\s+(?:het|de)\b|\s+en\s+[A-Z]|\s*\([^)]{1,12}\)\s*,"
    rf"|\s*\((?![{UPPER}0-9&]{{2,}}\))[^)]*[{LOWER}]"
    r"|\s+(?:is|was|werkt|werkte|studeerde|startte|houdt|licht|ligt|kreeg|schetst|zoomt|vertelt|begeleidt|"
    r"combineert|schrijft|promoveerde|behaalde|geeft|trekt|leidt|toont|brengt|deelt|doceert|coördineert|"
    r"onderzoekt|heet|stelt|gaat|neemt|spreekt|verwelkomt|opent|sluit)\b)")
LIST_CUE = re.compile(r"\b(?:sprekers?|begeleiding(?:\s+door)?|moderators?|getuigen|gastsprekers?|uw gids is)"
                      r"\b\s*[:;]?",
                      re.I)
LINE_CUE = re.compile(r"^\s*(?:[•\-–*]\s*)?(?:met|door|panel(?:leden)?)\s*:?\s*$", re.I)
# "X, consulent welzijn" anywhere: a name followed by a job title.
ROLE_AFTER = re.compile(
    r"^\s*\((?:°\s*)?(?:19|20)\d\d\)|^\s*,\s*(?:[\w-]+\s+){0,2}?[\w-]*(?:medewerker|coördinator|coordinator|consulent|directeur|voorzitter|schepen|"
    r"burgemeester|leider|adviseur|manager|verantwoordelijke|hoofd|werker|werkster|assistent|professor|docent|"
    r"onderzoeker|minister|secretaris|regisseur|programmator|gids|expert|deskundige)", re.I)

# Capitalised words that start sentences or name things, never a person's first or last name.
NOT_NAME = frozenset("""
de het een deze dit die dat wat hoe waar wie wanneer waarom welke in op met voor van naar om als ook zo samen iedereen
bij uit tot na over onder door tegen tijdens sinds vanaf zonder en of maar want dus toch nog al niet geen
ocmw stad gemeente provincie district sociaal sociale huis vlaams vlaamse vlaanderen belgische belgie
oost-vlaanderen west-vlaanderen vlaams-brabant
agentschap centrum dienst departement minister ministerie kabinet universiteit hogeschool school scholen
college raad vzw caw samenlevingsopbouw welzijn zorg zorgbedrijf project plan programma sessie werksessie
workshop thema trefdag inspiratiedag lokaal lokale regionaal regionale europees europese nationale federale
nederlands nederlandse frans franse engels engelse brusselse antwerpse gentse leuvense limburgse
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli
augustus september oktober november december presentatie programma info praktisch organisatie
real estate manager directeur coordinator coördinator adviseur directie maatschappelijk werker team
onderwijscentrum synergy flanders huis kind gezin kinderen ouders jongeren
verenigde naties community award prijs deense ministerie mens vereniging steden gemeenten
prof dr ir mr drs dhr mevr mvr mevrouw meneer mijnheer heer professor keynote keynotes spreker sprekers
voorzitter ondervoorzitter burgemeester schepen schepenen diensthoofd
sdg sdgs duurzame ontwikkeling ontwikkelingsdoelen millenniumdoelstellingen wijk buurt museum
""".split())
PUBLIC_BODIES = {"OCMW", "CAW", "CLB", "LDC", "CM", "VZW", "POD", "FOD", "VAPH", "RVA", "RIZIV", "BIN", "GBO"}
ROLE_WORDS = re.compile(r"\b(?:voorzitter|secretaris|directeur|schepen|burgemeester|medewerker|stafmedewerker|"
                        r"coördinator|coordinator|consulent|projectleider|beleidsmedewerker)\b", re.I)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


# Endings of Dutch common nouns that title projects and services ("Dienstencentrum", "Voortraject", "Wandelingen").
NOUN_ENDING = re.compile(r"(?:centrum|traject|huis|werk|dienst|project|ing(?:en)?|heid|heden|schap|aties?|plan|punt|"
                         r"team|fonds|raad|bureau|school|beleid|zorg|opbouw|opvang|groep|centra|kring)$")


#: Inflected adjectives that open a name of a thing, never a first name: 'Economische', 'Zorgzame', 'Gezamenlijke'.
ADJECTIVE_ENDING = re.compile(r"(?:ische|zame|lijke|baarheid)$")


def is_person_name(candidate: str) -> bool:
    """Two or more name words, none a common word, a role or a noun ending: 'Sarah Van den Eeden', not
    'Sociaal Huis'. The test is lenient; callers add the context that makes a name a person's."""
    words = candidate.split()
    if len(words) < 2:
        return False
    content = [w for w in words if not re.fullmatch(PARTICLE, w)]
    if content and ADJECTIVE_ENDING.search(content[0].lower()):
        return False  # 'Economische Zaken', 'Zorgzame Buurten': no first name is an adjective
    return not any(w.lower() in NOT_NAME or NOUN_ENDING.search(w.lower()) for w in content)


def is_whole_person_name(text: str) -> bool:
    """The whole of ``text`` is a person's name ('Kim Van Belleghem', not 'Atelier Romain werkt')."""
    return PERSON.fullmatch(text) is not None and is_person_name(text)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _at_clause_start(text: str, pos: int) -> bool:
    """True when only bullets, markup or a sentence end precede `pos` in its line."""
    line_start, _ = _line_bounds(text, pos)
    before = text[line_start:pos]
    return bool(re.fullmatch(r"[\s•\-–*>#\d.)'‘’\"“]*", before) or re.search(r"[.!?:;]['’\"*]*\s+[*]*$", before))


def _person_candidates(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in PERSON.finditer(text):
        name = m.group(0)
        words = name.split()
        if words[0] in ("De", "Het", "Een") and len(words) == 3:
            continue  # "De Lage Drempel", "Het Klimrek Gent": an article before two capitals opens a named thing
        # Drop leading capitalised non-names and titles ("Prof Orhan Agirdag", "Vandaag Jan Peeters").
        while words and words[0].lower() in NOT_NAME:
            words = words[1:]
        while words and words[-1].lower() in NOT_NAME:
            words = words[:-1]
        words = _cut_affiliation(words)
        cleaned = " ".join(words)
        if is_person_name(cleaned):
            start = m.start() + name.index(words[0])
            out.append((start, start + len(cleaned), cleaned))
    return out


def _cut_affiliation(words: list[str]) -> list[str]:
    """'Katelijne Exelmans van Isom': a lower-case 'van' after a full name starts an affiliation."""
    for i, word in enumerate(words):
        if word == "van" and i >= 2:
            return words[:i]
    return words


def extract_speakers(text: str, presenting_only: bool = False) -> list[str]:
    """Person names that a cue marks as speakers, moderators or guides, in order of appearance. With
    ``presenting_only`` (a practice told in a news item or on a service page) a role beside a name ('schepen
    Lies Corneillie', 'X, directeur') is not enough: the text must say the person presents or guides."""
    if not text:
        return []
    found: list[str] = []
    candidates = _person_candidates(text)
    org_words = {w for *_, key in _org_mentions(text) for w in key.split()} - {"van", "de", "het", "vzw"}
    first, _, rest = text.strip().partition("\n")
    title_line = first if rest and len(first) <= 150 else ""  # a heading, not a one-line record
    not_people = {name for start, end, name in candidates
                  if _names_organisation(name, text[end:end + 20], title_line)
                  or normalise(name).split()[0] in org_words or _ends_in_town(name) or _is_place(name)}
    for start, end, name in candidates:
        if name in not_people:
            continue
        line_start, line_end = _line_bounds(text, start)
        before = text[max(line_start, start - 60):start]
        after = text[end:min(line_end, end + 80)]
        if presenting_only and BYLINE_CUE.match(text[line_start:start]):
            continue  # 'Door Ben Ieven' opening a line of a news item is its byline: who wrote it
        if CONTACT_CUE.match(text[line_start:start]):
            continue  # 'Contactpersoon: Leen Smets (0472 ...)' answers questions, presents nothing
        listed = _listed(text[line_start:start]) or _under_list_cue(text, line_start)
        if not listed and _only_quoted_or_pictured(text, start, end):
            continue
        dashed = bool(DASH_BEFORE.search(before)) and bool(DASH_AFTER.match(after))
        bulleted = _at_clause_start(text, start) and bool(BULLET_ITEM.match(after))
        # A name alone on its line or in brackets: a programme's speaker; in a news item or on a service page, a
        # byline, a photo credit or an author ('Olivier Neese' / 'Editieredacteur', '... (Yob Hillewaert)').
        set_apart = (text[line_start:line_end].strip(" *\t\u00a0") == name) or _in_name_bracket(text, start, end)
        presents = dashed or bulleted or (set_apart and not presenting_only) or _presents(text, start, end)
        if presenting_only:
            cued = presents or bool(PRESENTER_CUE.search(before))
        else:  # a role beside the name also marks a speaker
            cued = (presents or bool(BEFORE_CUE.search(before)) or bool(ROLE_AFTER.match(after))
                    or (_at_clause_start(text, start) and bool(AFTER_CUE.match(after))))
        if listed or cued or _continues_list(text, line_start, start, found):
            _add_person(found, name)
    return found


#: 'Door Valerie Van Peel op 23 maart 2015': 'door' opening its line names a news item's author.
BYLINE_CUE = re.compile(r"^\W*Door\s+$")
#: 'Contactpersonen: Dorina Pagliaro en ...', 'Meer info: ...': a line that opens on whom to ask.
CONTACT_CUE = re.compile(r"^\W*(?:contact(?:persoon|personen)?|meer\s+info(?:rmatie)?|inlichtingen)\s*:", re.I)
#: '• Leen Vandermeeren (VVSG)': a programme line holding only a name and the speaker's organisation in brackets.
BULLET_ITEM = re.compile(r"^\s*\([^()\n]{2,80}\)\s*$")
#: Words that attribute a quotation or caption a photo: a person named there is quoted or pictured, not presenting.
QUOTE_CUE = re.compile(r"[“”„\"]|\b(?:zegt|zei|aldus|vult\s+\S+\s+aan|benadrukt|verklaart|reageert)\b", re.I)
CAPTION_CUE = re.compile(r"\bop\s+de\s+foto\b|\bv\.l\.n\.r\b|©", re.I)
#: Words that say a person presents something; they outweigh a quotation in the same sentence.
PRESENT_CUE = re.compile(r"\b(?:licht\w*\s+toe|toelicht\w*|stelde?n?\s+\S+(?:\s+\S+)?\s+voor|presenteer\w*|"
                         r"spre(?:ekt|ker)|sprak|spraken|getuig\w*|vertel\w*\s+over|g(?:aat|ing|ingen)\s+dieper\s+in|"
                         r"deel(?:t|de|den)\s+(?:hun|zijn|haar)\s+(?:reflecties|inzichten|ervaring\w*|visie))\b", re.I)


def _only_quoted_or_pictured(text: str, start: int, end: int) -> bool:
    """'…”, zegt schepen Lies Corneillie', 'Op de foto v.l.n.r. X en Y': news quotes an official or captions a
    photo; such people do not present the practice unless the same sentence says they present it."""
    line_start, line_end = _line_bounds(text, start)
    if CAPTION_CUE.search(text[line_start:line_end]):
        return True
    left, right = L.sentence_bounds(text, start, end)
    sentence = text[left:right]
    return bool(QUOTE_CUE.search(sentence)) and not PRESENT_CUE.search(sentence)


def _presents(text: str, start: int, end: int) -> bool:
    """'Diensthoofd Sara Kaya stelde de dienst voor', 'X en Y kwamen hun aanpak toelichten': the name is the
    subject of a presenting verb later in its sentence."""
    _, right = L.sentence_bounds(text, start, end)
    return PRESENT_CUE.search(text[end:min(right, end + 80)]) is not None


def _in_name_bracket(text: str, start: int, end: int) -> bool:
    """'Getuigenis (Guy Beckers en Rita Somers)': a bracket that holds nothing but person names. After a person's
    name the bracket holds where that person works ('Brecht Vandekerckhove (Atelier Romain)'), no other person."""
    open_at = text.rfind("(", max(0, start - 80), start + 1)
    close_at = text.find(")", end)
    if open_at < 0 or close_at < 0 or "\n" in text[open_at:close_at] or ")" in text[open_at:start]:
        return False
    before = re.search(PERSON.pattern + r"\s*$", text[max(0, open_at - 60):open_at])
    if before and is_person_name(before.group().strip()):
        return False
    parts = re.split(r"\s*(?:,|&|\ben\b)\s*", text[open_at + 1:close_at].strip())
    return len(parts) >= 1 and all(is_whole_person_name(p) for p in parts)


def _is_place(name: str) -> bool:
    """'Den Haag', 'Sint-Niklaas': a town whose name looks like a person's."""
    return Gazetteer.default().lookup_historic(name) is not None


def _ends_in_town(name: str) -> bool:
    """'Wijkbudgetten Gent', 'Kringwinkel Antwerpen': a service or project named after its town, no person.
    A surname after a particle may be a town name ('Sofie Van Rumst')."""
    words = name.split()
    return not re.fullmatch(PARTICLE, words[-2]) and Gazetteer.default().lookup_historic(words[-1]) is not None


#: 'Heldere communicatie – Eva Germeys (STOS) & Marianne Van den Bremt (STOS)': a talk's title, a dash, its speakers.
DASH_BEFORE = re.compile(r"\S\s+[–—-]\s+(?:[^–—\n]*?(?:&|\ben\b|,)\s*)?$")
DASH_AFTER = re.compile(r"^\s*(?:\(|,|&|\ben\b|$)")


LIST_LOOKBACK_LINES = 30


def _under_list_cue(text: str, line_start: int) -> bool:
    """A bullet under a line that is only a list cue ('Door:', then '• Rudy De Cock – stafmedewerker ...'),
    with at most other bullets between them."""
    if not L.BULLET_RE.match(text[line_start:line_start + 4].lstrip()):
        return False
    lines = text[:line_start].split("\n")[-LIST_LOOKBACK_LINES - 1:-1]
    for line in reversed(lines):
        if not line.strip() or L.BULLET_RE.match(line.lstrip()):
            continue
        return bool(LINE_CUE.match(line) or LIST_CUE.fullmatch(line.strip()) or LINE_END_CUE.search(line))
    return False


#: A line that ends by announcing who takes part: 'Panelgesprek over het Leuven van de toekomst met:'.
LINE_END_CUE = re.compile(r"\b(?:met|door|o\.l\.v\.)\s*:\s*$", re.I)


def _listed(before: str) -> bool:
    """A list cue ("Sprekers:", "Begeleiding door") earlier in the same sentence."""
    if LINE_CUE.match(before):
        return True
    cues = list(LIST_CUE.finditer(before))
    return bool(cues) and not re.search(r"[.!?]\s", before[cues[-1].end():])


def _names_organisation(name: str, after: str, title_line: str) -> bool:
    """'Rotterdam Vakmanstad (RVS)', a name in the record's title, or one word twice are not people."""
    acronym = re.match(rf"\s*\(([{UPPER}][{UPPER}0-9&]+)\)", after)
    if acronym and acronym.group(1)[0] == name[0]:
        return True
    words = name.lower().split()
    heading = bool(title_line) and re.search(re.escape(name) + r"\s*[:(–]", title_line) is not None
    return len(set(words)) < len(words) or heading


def _continues_list(text: str, line_start: int, start: int, found: list[str]) -> bool:
    """'X, rol en Y': a name after ', ' or ' en ' in a line that already gave a speaker."""
    before = text[line_start:start]
    if not re.search(r"(?:,|\ben|;|&)\s*$", before):
        return False
    return any(name in before for name in found)


def _add_person(found: list[str], name: str) -> None:
    key = set(normalise(name).split())
    for i, known in enumerate(found):
        other = set(normalise(known).split())
        if key <= other:
            return
        if other <= key:
            found[i] = name
            return
    found.append(name)


# ---------------------------------------------------------------- organisations
SP = r"[ \t\u00a0]+"
PLACE = rf"[{UPPER}][{LOWER}]+(?:(?:-|{SP})[{UPPER}][{LOWER}]+)*(?:{SP}[–-]{SP}[{UPPER}][{LOWER}]+)?"
ORG_WORD = rf"[{UPPER}0-9][\w'’&°+-]*"
ORG_PATTERNS = [
    # Local government and its services: "OCMW Mechelen", "OCMW van Zemst", "Sociaal Huis Mechelen".
    re.compile(rf"\b(?P<head>OCMW|Sociaal Huis|Zorgbedrijf|Huis van het Kind|[Pp]olitiezone|Sociaal Verhuurkantoor|"
               rf"Welzijnsvereniging|Welzijnsregio|Welzijnskoepel|Welzijnszorg|[Ww]elzijnsband)"
               rf"(?:{SP}van)?{SP}(?P<tail>{PLACE})"),
    re.compile(rf"\b(?P<head>CAW|Samenlevingsopbouw|Onderwijscentrum|Vormingplus|Jeugdcentrum|Dienstencentrum|"
               rf"Wijkgezondheidscentrum|LDC)(?:{SP}van)?{SP}(?P<tail>{PLACE})"),
    re.compile(rf"(?<!in de )(?<!in het )\b(?P<head>[Ss]tad|[Gg]emeente|[Dd]istrict|[Pp]rovincie)(?:{SP}van)?"
               rf"{SP}(?P<tail>{PLACE})"),
    re.compile(rf"\b(?P<head>stedelijke|gemeentelijke){SP}(?P<tail>[a-z]+dienst(?:{SP}van)?{SP}{PLACE})"),
    # "vzw Cachet", "vzw Sociale Kruideniers Vlaanderen", "Levanto vzw", "Bike&C° cvba".
    re.compile(rf"\b(?P<head>vzw|VZW|v\.z\.w\.){SP}(?P<tail>{ORG_WORD}(?:{SP}{ORG_WORD}){{0,3}})"),
    re.compile(rf"(?P<tail>\b{ORG_WORD}(?:{SP}{ORG_WORD}){{0,2}}){SP}(?P<head>vzw|cvba|nv|bvba|cv|VZW)\b"),
    re.compile(rf"\b(?P<head>Agentschap|Universiteit|Hogeschool|Kenniscentrum|Stichting|Steunpunt|Centrum)"
               rf"{SP}(?P<tail>(?:van{SP}|voor{SP})?{ORG_WORD}(?:{SP}(?:en{SP}|&{SP}|van{SP}|voor{SP})?{ORG_WORD}){{0,3}})"),
]
#: A person's employer after 'van' or 'bij', maybe behind their function: 'Ann Peeters van Buurtwerk De Wijk', 'Tom
#: Claes, algemeen coördinator bij Wonderwijk': in the record that quotes them, it works on what the record tells.
EMPLOYER = re.compile(rf"(?P<person>{PERSON.pattern})(?:,{SP}[{LOWER}][{LOWER}\- ]{{2,40}}?)?{SP}(?:van|bij){SP}"
                      rf"(?:het{SP}|de{SP})?(?P<org>{ORG_WORD}(?:{SP}(?:en{SP}|&{SP}|van{SP}|voor{SP})?{ORG_WORD}){{0,3}})")
#: A first name and a surname, no more: where a person's name starts ('Els Janssens' of 'Els Janssens van ...').
FIRST_AND_SURNAME = re.compile(rf"{NAME_WORD}{SP}(?:{PARTICLE}{SP})?{SURNAME_WORD}\b")
#: A one-word employer commoner than this in Dutch (Zipf) is a word, not a name: 'van Welzijn', 'van Groen'.
EMPLOYER_MAX_ZIPF = 3.5
# Cues that introduce partner organisations: "(partnersessie Eandis en Infrax)", "i.s.m. X", "met de steun van X".
PARTNER_CUE = re.compile(
    r"(?:partnersessie|i\.s\.m\.|in samenwerking met|met de steun van|met steun van|ondersteund door|"
    r"georganiseerd door|een organisatie van|een project van|samen met|met de ondersteuning van|het project|"
    r"\b[a-zé]*(?:maatschappij|organisatie|bureau|stichting|vereniging|koepel|bedrijf|coöperatie|theatergroep|"
    r"gezelschap|basisschool|school|museum|werking))"
    rf"{SP}(?:het{SP}|de{SP})?(?P<list>{ORG_WORD}(?:(?:{SP}en{SP}|{SP}&{SP}|,{SP}|{SP}){ORG_WORD}){{0,5}})")
# "samen met OCMW Halle, JAC Halle, de huisartsen en CGG Passant": a cooperation cue and the rest of its clause.
COOPERATION = re.compile(r"\b(?:i\.s\.m\.|in samenwerking met|samen met|partners?\s+zoals|ondersteund door)\s+"
                         r"(?P<list>[^.;:!?\n()]{2,240})")
LIST_ITEM = re.compile(rf"(?:(?:de|het|{SP}){SP})?"
                       rf"(?P<org>{ORG_WORD}(?:{SP}(?:van{SP}|voor{SP}|de{SP})?{ORG_WORD}){{0,4}})")
# An acronym glued to a lower-case word ("NT2-opleidingen", "ESF-middelen") qualifies that word; it names no partner.
ACRONYM = re.compile(rf"\b[{UPPER}][{UPPER}0-9&]{{1,7}}\b(?!')(?!-[{LOWER}])|\b[{UPPER}][a-z][{UPPER}]{{2,}}\b")
# Acronyms of concepts, services, programmes and political parties, not partner organisations.
NOT_ORG = frozenset("""
OCMW OCMW'S CAW LOI IBO GOK LOP NAH LDC SDG SDGS ICT RPR VAPA EU VN BBC DNA PDF TV CV II III IV KO BO SO
LO MO HO OKAN WZC PVT GGZ SVK HR BIS RSZ BTW FAQ NB OK AI IT VS USA UK PMC CLB KB BV ASO BSO TSO MET VIER
LENS DIP HMW LAC CD&V N-VA SP.A PVDA VLD GROEN OPEN VB CDH PS MR PTB ECOLO DE HET EEN EN
""".split())
ACRONYM_CONTEXT = re.compile(r"\b(?:van|bij|door|met|samen met|partner,?|vzw|organisatie|organiseert|organiseerde|wil|"
                             r"biedt|ondersteunt|begeleidt)\s+(?:het\s+|de\s+)?$", re.I)
# "1. Kracht.wonen (regionale aanpak) – W13": a programme line naming the organisation after a dash; also the
# first line of a record that is such an entry or is headed by one ("Mosko Kola - Toestand").
DASH_ORG = re.compile(rf"(?:^\s*(?:\d+[.)]|[•*-])|\A)[^\n]*?[ \u00a0][–—-][ \u00a0]*"
                      rf"(?P<org>{ORG_WORD}(?:{SP}{ORG_WORD}){{0,3}})"
                      rf"(?:{SP}en{SP}partners)?[ \t\u00a0]*$", re.M)
# "• Onthaal op school – College Ten Doorn en Wijkcentrum De Kring, Eeklo": an item, a dash, who runs it.
DASH_LIST = re.compile(r"^[ \t]*(?P<bullet>\d+[.)]|[•*])?[^\n]*?[ \u00a0][–—][ \u00a0]*(?P<list>[^\n–—]{2,120})$", re.M)
# "(Hof Van Egmont, Klusbib & Fietsbib)" after an item: two or more organisations that host it, in brackets.
HOSTS_IN_BRACKETS = r"\((?P<list>[A-Z][^\n()]{1,160}?(?:,|&|\sen\s)[^\n()]{2,160})\)[.;]?"
# "• Circulaire economie en ouderenzorg (Hof Van Egmont, Klusbib & Fietsbib)": an item, then who hosts it.
BRACKET_LIST = re.compile(rf"^[ \t]*(?P<bullet>\d+[.)]|[•*])?[^\n()]{{3,120}}?{HOSTS_IN_BRACKETS}[ \t]*$", re.M)
# "Het OCMW van Berlare, Laarne en Buggenhout": one partner per municipality.
OCMW_LIST = re.compile(rf"\bOCMW(?:'s)?{SP}van{SP}(?P<places>{PLACE}(?:\s*,\s*{PLACE})+\s+en\s+{PLACE})")
# "50.Collectief Goed: een coöperatief woonmodel": the named subject of a record's heading.
# "Case: De Aanzet\n\nDe Aanzet begeleidt ...": a case heading naming the organisation that acts below it.
HEAD_NAME = re.compile(rf"\A\s*(?:\d+\.\s*)?(?:"
                       rf"(?:Case|Getuigenis|Praktijkvoorbeeld|Voorbeeld)\s*:\s*"
                       rf"(?P<case>{ORG_WORD}(?:{SP}{ORG_WORD}){{0,3}})[ \t]*\n|"
                       rf"(?:(?:Werkbezoek|Bezoek|Workshop|Lezing|Sessie){SP})?"
                       rf"(?P<name>{ORG_WORD}(?:{SP}{ORG_WORD}){{0,3}})\s*[:(])")
NOT_PARTNER_CONTEXT = re.compile(r"\b(?:in|naar|uit|te)\s+(?:de\s+)?$", re.I)
#: "in elke buurt van de Stad Brussel", "de inwoners van de gemeente X": the town as an area, not as an actor.
AREA_OF = re.compile(r"\b(?:buurt|wijk|deelgemeente|grondgebied|centrum|straat|inwoner|bewoner|burger)(?:en|s)?\s+"
                     r"van\s+(?:de\s+|het\s+)?$", re.I)
# Academic and media careers: the universities and newspapers named there are affiliations, not partners.
BIO_VERB = re.compile(r"\b(?:studeerde\w*|promoveerde\w*|behaalde\w*|doceert|doceren|docente?|professor|onderzoeker|"
                      r"postdoctora\w*|verbonden\s+aan|master|doctor|columniste?|schrijfster|schrijver|lid\s+van)\b")


@lru_cache(maxsize=1)
def _gazetteer() -> list[tuple[str, re.Pattern[str], str]]:
    """(canonical name, pattern, lowercase first word) for every spelling in organisations.txt, longest first.

    One-word spellings match case-sensitively, so the agency "Opgroeien" is not the verb "opgroeien".
    """
    entries: list[tuple[str, str]] = []
    for line in ORGANISATIONS_PATH.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        names = [n.strip() for n in line.split("|") if n.strip()]
        entries += [(names[0], spelling) for spelling in names]
    entries.sort(key=lambda e: -len(e[1]))
    return [(name, re.compile(r"(?<![\w-])" + _spelling_regex(spelling) + r"(?!\w)",
                              re.I if " " in spelling else 0), spelling.split()[0].lower())
            for name, spelling in entries]


def is_known_organisation(name: str) -> bool:
    """A spelling in organisations.txt or a public body's acronym ('OCMW', 'CAW'): never a person's initials."""
    return name.upper() in PUBLIC_BODIES or any(p.fullmatch(name) for _, p, _ in _gazetteer())


def _spelling_regex(spelling: str) -> str:
    """Words of a spelling with any whitespace between them ("KU Leuven" also matches "KU  Leuven")."""
    return r"\s+".join(re.escape(word) for word in spelling.split())


def _bio_spans(text: str) -> list[tuple[int, int]]:
    """Sentences about someone's studies or academic post ("Ze studeerde aan de VUB").

    Universities and newspapers named only there are affiliations, not partners of the practice.
    """
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+(?:[.!?](?=\s)|\n|$)", text)
            if BIO_VERB.search(m.group(0))]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _clean_org(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:'’\"()")
    name = re.sub(r"^(?:het|de)\s+", "", name)
    return SERVICE_OF_TOWN.sub(r"\g<service> \g<town>", name)  # 'OCMW van Halle' is written 'OCMW Halle'


#: A local service named with its town after 'van': 'OCMW van Halle', 'Sociaal Huis van Rumst'.
SERVICE_OF_TOWN = re.compile(r"^(?P<service>OCMW|Sociaal Huis|Stad|Gemeente|Welzijnshuis|Zorgbedrijf)\s+van\s+"
                             r"(?P<town>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*)$")


def _org_key(name: str) -> str:
    return normalise(name)


Mention = tuple[int, int, str, str]  # start, end, spelling as written, key shared by aliases


#: One capitalised word with an adjective's ending ('Brugse', 'Zorgzame', 'Lokale'): before a lower-case noun it
#: qualifies that noun.
INFLECTED_MODIFIER_RE = re.compile(rf"[{UPPER}][{LOWER}]+(?:se|sche|ke|ige|ale|ele|ieve|ende|zame|bare)")
#: A lower-case word after it, not an English one ('Close the Gap').
BEFORE_NOUN_RE = re.compile(r"[ \t\u00a0]+(?!the\b|of\b|for\b|and\b)(?P<noun>[a-z][\w-]*)")
#: A service it can name with its town's adjective: 'Kortrijkse sportdienst', 'Gentse jeugddienst'.
SERVICE_NOUN_RE = re.compile(r"\w*(?:dienst|raad|centrum|bibliotheek|politie)")


@lru_cache(maxsize=64)
def _org_mentions(text: str) -> tuple[Mention, ...]:
    """Organisation mentions; where candidates overlap, the surer kind and then the longer one wins. Kept for the
    last texts: a record's speakers and then its partners both ask for the same text's mentions."""
    found: list[tuple[int, int, int, str, str]] = []  # priority, start, end, spelling, key

    def candidate(priority: int, start: int, end: int, spelling: str, key: str) -> None:
        noun = BEFORE_NOUN_RE.match(text, end) if priority >= 2 and INFLECTED_MODIFIER_RE.fullmatch(spelling) else None
        if noun and not SERVICE_NOUN_RE.fullmatch(noun.group("noun")):
            return  # 'samen met Brugse organisaties', 'het project Zorgzame buurten': an adjective, no name
        if noun:  # 'de Kortrijkse sportdienst': the town's service
            end = noun.end()
            spelling = text[start:end]
            key = _org_key(spelling)
        found.append((priority, start, end, spelling, key))

    for m in OCMW_LIST.finditer(text):
        for place in re.finditer(PLACE, m.group("places")):
            spelling = f"OCMW {place.group(0)}"
            candidate(0, m.start("places") + place.start(), m.start("places") + place.end(), spelling,
                      _org_key(spelling))
    lowered = text.lower()
    for name, pattern, probe in _gazetteer():
        if probe not in lowered:  # a cheap test first: most known organisations are not in a given record
            continue
        for m in pattern.finditer(text):
            candidate(1, m.start(), m.end(), m.group(0), _org_key(name))
    for pattern in ORG_PATTERNS:
        for m in pattern.finditer(text):
            if NOT_PARTNER_CONTEXT.search(text[max(0, m.start() - 12):m.start()]) and m.group("head").islower():
                continue
            town_as_area = AREA_OF.search(text[max(0, m.start() - 40):m.start()])
            if town_as_area and m.group("head").lower() in ("stad", "gemeente"):
                continue
            spelling = _clean_org(_trim_tail(m.group(0)))
            candidate(1, m.start(), m.start() + len(spelling), spelling, _org_key(spelling.replace(" van ", " ", 1)))
    for m in PARTNER_CUE.finditer(text):
        offset = m.start("list")
        for part in re.split(r"(\s*,\s*|\s+en\s+|\s+&\s+)", m.group("list")):
            part_clean = _clean_org(part)
            if part_clean and not re.fullmatch(r"\s*,\s*|\s+en\s+|\s+&\s+", part) and _org_like(part_clean):
                candidate(2, offset, offset + len(part), part_clean, _org_key(part_clean))
            offset += len(part)
    for m in COOPERATION.finditer(text):
        for start, end in _listed_organisations(text, m.start("list"), m.end("list")):
            candidate(2, start, end, text[start:end], _org_key(text[start:end]))
    for m in DASH_ORG.finditer(text):
        if m.start() == 0 and not _dash_org_heading(m.group(0), m.group("org")):
            continue
        candidate(2, m.start("org"), m.end("org"), m.group("org"), _org_key(m.group("org")))
    for m in (*DASH_LIST.finditer(text), *BRACKET_LIST.finditer(text)):
        if (m.group("bullet") or m.start() == 0) and not re.search(r"[.!?:;]\s", m.group("list")):
            for start, end in _listed_organisations(text, m.start("list"), m.end("list")):
                candidate(3, start, end, text[start:end], _org_key(text[start:end]))
    pos = 0
    while m := EMPLOYER.search(text, pos):
        org = SENTENCE_START_TAIL_RE.sub("", _before_next_person(text, m.start("org"), m.group("org")))
        if is_person_name(m.group("person")) and _employer(org):
            candidate(2, m.start("org"), m.start("org") + len(org), org, _org_key(org))
        pos = m.start("org") + max(1, len(org))  # a cut organisation leaves the next person to be read
    head = HEAD_NAME.match(text)
    group = "name" if head and head.group("name") else "case"
    if head and _acts_later(text, head.group(group), head.end(group)):
        candidate(2, head.start(group), head.end(group), head.group(group), _org_key(head.group(group)))
    for m in ACRONYM.finditer(text):
        word = m.group(0)
        if word.upper() in NOT_ORG or len(word) < 3 or _alias_of_previous(text, m.start()):
            continue
        if ACRONYM_CONTEXT.search(text[max(0, m.start() - 25):m.start()]) or _is_subject(text, m.end()):
            candidate(3, m.start(), m.end(), word, _org_key(word))
    return tuple(_resolve(text, found))


def _before_next_person(text: str, start: int, org: str) -> str:
    """'Buurtwerk Noord' of 'Buurtwerk Noord en Els Janssens van ...': a name after 'en' starts the next person."""
    for joiner in re.finditer(rf"{SP}(?:en|&){SP}", org):
        person = FIRST_AND_SURNAME.match(text, start + joiner.end())
        if person and is_person_name(person.group(0)):
            return org[:joiner.start()]
    return org


def _employer(org: str) -> bool:
    """An organisation, not a town ('Jan Peeters van Gent'), a party, a function or one common word ('van Welzijn')."""
    words = org.split()
    if not words or _who_not_which_organisation(org) or is_whole_person_name(org):
        return False
    return len(words) > 1 or zipf(org.lower()) < EMPLOYER_MAX_ZIPF


def _dash_org_heading(line: str, org: str) -> bool:
    """A record's first line 'Title - Organisation' names who runs it; not 'Title - Molenbeek' (a place) or a name
    that opens with its town ('Poperinge Dorp In Zicht', a project), 'Title - Erik Van Hove' (a speaker) or a
    byline with its date ('Door Redactie - 23 november 2016 - ...')."""
    if L.BULLET_RE.match(line.lstrip()) or re.match(r"\s*\d+[.)]", line):
        return True
    gaz = Gazetteer.default()
    place = gaz.lookup_historic(org) or gaz.lookup_historic(org.split()[0])
    return not (place or is_person_name(org) or re.search(r"\d", line))


def _resolve(text: str, found: list[tuple[int, int, int, str, str]]) -> list[Mention]:
    """Non-overlapping mentions, each with the acronym that follows it in brackets ("Family Justice Center (FJC)")."""
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for _priority, start, end, spelling, key in sorted(found, key=lambda f: (f[0], f[1] - f[2], f[1])):
        if any(a < end and start < b for a, b in taken):
            continue
        alias = re.match(rf"[ \u00a0]?\(([{UPPER}][\w&]{{1,7}})\)", text[end:end + 12])
        if alias and alias.group(1) not in spelling:
            spelling, end = f"{spelling} ({alias.group(1)})", end + alias.end()
        taken.append((start, end))
        mentions.append((start, end, spelling, key))
    return sorted(mentions)


def _acts_later(text: str, name: str, after: int) -> bool:
    """The heading's name returns as an actor ("Collectief Goed werkt ...", "is Binnenste Buiten actief")."""
    for m in re.finditer(re.escape(name), text[after:]):
        end = after + m.end()
        if _is_subject(text, end) or re.match(r"\s+(?:is|actief)\b", text[end:end + 12]):
            return True
    return False


def _trim_tail(name: str) -> str:
    """Cut a pattern match at a verb or preposition that ends the organisation's name; an article after 'van' or
    'voor' goes on in it ('Huis van het Kind')."""
    return re.split(r"\s+(?:en|in|op|met|is|zijn|werkt|wil|heeft|biedt|doet)\b"
                    r"|(?<!\bvan)(?<!\bvoor)\s+(?:de|het|een)\b", name)[0]


DATE_WORD = re.compile(r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|januari|februari|maart|april|"
                       r"mei|juni|juli|augustus|september|oktober|november|december|\d)", re.I)


def _listed_organisations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the organisations in an enumeration after a cooperation cue: each item's leading capitalised
    words; items in lower case ('de 2 basisscholen'), persons and bare town names are skipped, not the rest."""
    spans = []
    offset = start
    for item in re.split(r"(\s*,\s*|\s+en\s+|\s*&\s*)", text[start:end]):
        m = LIST_ITEM.match(item.strip())
        name = _trim_tail(m.group("org")) if m else ""
        if (name and _org_like(name) and not DATE_WORD.match(name)
                and Gazetteer.default().lookup_historic(name) is None):
            at = offset + item.index(name)
            spans.append((at, at + len(name)))
        offset += len(item)
    return spans


def _org_like(part: str) -> bool:
    return not _looks_like_person(part) and part.upper().rstrip("'S") not in NOT_ORG and part.upper() not in NOT_ORG


def _looks_like_person(part: str) -> bool:
    """A person's name as written in running text: first name and surname. 'SAAMO Limburg', 'De Lovie' and
    'JAC Halle' are organisations: an acronym, a leading article or a town never make up a person's name."""
    words = part.split()
    if not words or re.fullmatch(PARTICLE, words[0]) or any(w.isupper() and len(w) > 1 for w in words):
        return False
    return is_person_name(part) and not _ends_in_town(part)


def _alias_of_previous(text: str, start: int) -> bool:
    """'(FJC)' right after 'Family Justice Center' repeats that organisation's name."""
    return (text[max(0, start - 2):start] in ("(", " (")
            and bool(re.search(r"[A-Za-z]\s*\($", text[max(0, start - 3):start])))


def _is_subject(text: str, end: int) -> bool:
    """An acronym that acts in its sentence ("KINA wil ...", "KINA doet het al") names an organisation."""
    return bool(re.match(r"\s+(?:wil|doet|organiseert|organiseerde|biedt|werkt|ondersteunt|is een|zet|heeft|"
                         r"brengt|bouwt|"
                         r"start|startte|lanceert|nodigt|begeleidt|helpt|vertelt|bevordert|bevorderde)\b",
                         text[end:end + 20]))


def extract_partners(text: str, speakers: list[str] | None = None) -> list[str]:
    """Organisations the record names as actors, as written; affiliations met only in biographies are left out."""
    if not text:
        return []
    speakers = extract_speakers(text) if speakers is None else speakers
    bios = _bio_spans(text)
    person_keys = [set(normalise(s).split()) for s in speakers]
    first_spelling: dict[str, str] = {}
    outside: set[str] = set()
    for start, _end, spelling, key in _org_mentions(text):
        if not key or ROLE_WORDS.search(spelling) or any(set(key.split()) <= p for p in person_keys):
            continue
        first_spelling.setdefault(key, spelling)
        if not _inside(start, bios):
            outside.add(key)
    for spelling in _affiliations(text, speakers):
        key = _org_key(spelling)
        if key not in first_spelling:
            first_spelling[key] = spelling
            outside.add(key)
    names = (_trim_partner(spelling) for key, spelling in first_spelling.items() if key in outside)
    return _dedupe([n for n in names if n])


#: Lower-case words that may stand inside an organisation's name ("Beweging van Mensen met Laag Inkomen").
NAME_GLUE = frozenset("van voor de der den het en met in op aan & 't".split())
#: A function rather than an organisation: "HR directeur", "Vlaams minister van Welzijn", "ervaringsdeskundige".
FUNCTION_WORD = re.compile(r"(?:medewerk|coördinat|coordinat|consulent|directeu|directrice|voorzitt|schepen|burgemeest|"
                           r"leider|adviseu|manager|verantwoordelijk|hoofd|werker|werkster|assistent|professor|docent|"
                           r"onderzoek|minister|secretaris|regisseu|expert|deskundig|specialist|functionaris|"
                           r"lid\b|stagiair|student|moderat)", re.I)
PARTY = re.compile(r"^(?:CD&V|N-VA|sp\.a|SP-A|Vooruit|Open\s?VLD|VLD|Groen|PVDA|Vlaams Belang|cdH|PS|MR)(?:\W|$)", re.I)


def _who_not_which_organisation(name: str) -> bool:
    """What may follow a person's name and still name no organisation: a function, a party, a town, or a bare
    abbreviation such as 'OCMW'. It says who the person is, not which organisation takes part."""
    return bool(FUNCTION_WORD.search(name) or PARTY.match(name) or name.upper() in NOT_ORG
                or Gazetteer.default().lookup_historic(name) is not None)


def _affiliations(text: str, speakers: list[str]) -> list[str]:
    """Organisations written right after a speaker ('Jan Peeters (VVSG)', 'Ann Smet, coördinator, OCMW Lier'):
    in a programme the speaker's organisation runs the session with them. Functions, parties and towns are
    left out, since they say who the speaker is, not who runs the item."""
    found: list[str] = []
    for name in speakers:
        for m in re.finditer(re.escape(name), text):
            tail = text[m.end():_line_bounds(text, m.end())[1]]
            bracket = re.match(r"\s*\(([^()]{2,150})\)", tail)
            if bracket:
                content = bracket.group(1)
            elif text[:m.start()].rstrip().endswith("(") and (
                    comma := re.match(r"\s*,\s*([^()]{2,150}?)\s*(?:\)|$)", tail)):
                content = comma.group(1)
            else:
                continue
            for part in re.split(r"\s*[,;]\s*", content):
                part = part.strip(" .")
                words = part.split()
                if (not words or not part[:1].isupper() or _who_not_which_organisation(part)
                        or any(w[:1].islower() and w not in NAME_GLUE for w in words[:2])
                        or is_person_name(part) and len(words) <= 3 or re.search(r"\d", part)):
                    continue
                found.append(part)
    return found


#: A capitalised article or pronoun after a name starts the next sentence ("... Vlaanderen Het recht op ...").
SENTENCE_START_TAIL_RE = re.compile(r"\s+(?:Het|De|Een|Dit|Deze|Dat|Die|Er|Zo|En|Ook)$")


#: A legal form alone, or after an article, a pronoun or a number ('VZW', 'Deze vzw', 'De 18 vzw's'): it points
#: back to an organisation named elsewhere and names none itself.
LEGAL_FORM_ONLY_RE = re.compile(r"(?:(?:de|het|een|deze|die|dit|dat|onze|hun|zijn|haar|\d+)\s+)*"
                                r"(?:vzw|v\.z\.w\.?|bv|nv|cvba|cv|vof|ivzw|ebvba|bvba)(?:['’]s)?", re.IGNORECASE)


def _trim_partner(name: str) -> str:
    """A partner name without a glued-on sentence start; '' for a number or a fragment without a word."""
    name = SENTENCE_START_TAIL_RE.sub("", name.strip())
    if LEGAL_FORM_ONLY_RE.fullmatch(name):
        return ""
    return name if re.search(r"[^\W\d_]{2}", name) else ""


#: 'het OCMW', 'het Sociaal Huis' without a place: in a record about one town, that town's own service.
BARE_SERVICE = re.compile(r"\b[Hh]et[ \t\u00a0]+(?P<service>OCMW|Sociaal[ \t\u00a0]+Huis)\b(?!-)"
                          rf"(?!{SP}(?:van{SP})?[{UPPER}])")


def with_local_services(partners: list[str], text: str, municipalities: list[str]) -> list[str]:
    """Partners plus 'OCMW X' or 'Sociaal Huis X' when a record placed in the one town X names its service bare
    ('het OCMW nam het initiatief'): Dutch texts drop the town of a service once the town is clear."""
    if len(municipalities) != 1:
        return partners
    services = [re.sub(r"\s+", " ", m.group("service")) for m in BARE_SERVICE.finditer(text)]
    return _dedupe(partners + [f"{service} {municipalities[0]}" for service in dict.fromkeys(services)])


def _dedupe(names: list[str]) -> list[str]:
    """Keep one spelling per organisation: the most specific when one name's words contain another's."""
    stop = {"van", "de", "het", "vzw"}
    out: list[str] = []
    for name in names:
        key = set(normalise(name).split()) - stop
        for i, known in enumerate(out):
            other = set(normalise(known).split()) - stop
            if key <= other:
                break
            if other <= key:
                out[i] = name
                break
        else:
            out.append(name)
    return out
