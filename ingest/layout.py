"""Line-level layout analysis of programme texts: what kind of line is this?

The segmenter (``ingest.segment``) groups lines into records; this module only
looks at one line (or its neighbours) and names its role, so the grouping logic
reads as a small state machine instead of a wall of regexes. Nothing here changes
the text: every line keeps the character offsets of its content in the original.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

# ---------------------------------------------------------------- patterns
#: Characters we treat as padding around line content (str.strip() also strips \xa0).
BLANKISH = " \t\r\n\xa0\u200b\ufeff"


def typeset(text: str) -> str:
    """' -- ' typed for a dash reads as the dash ('Kritisch burgerschap -- Labo vzw'). The result keeps every
    offset, so spans found in it hold in the original text."""
    return text.replace(" -- ", " –  ")


#: "1.Publieke ruimte", " 12. Vernieuwende ...", "3) Titel", "2/ Activiteitenboekje" -- not "9.30 uur", "1.4.", "1/3".
NUMBERED_RE = re.compile(r"^(?P<num>\d{1,3})\s*(?:[.)]|/(?=\s))\s*(?!\d)(?=[^\s\d])")

#: Time slots: "10.30 - 11.30 uur", "09.25 uur", "8u30:", "9u30 - 10u30:", "16.15 uurReceptie".
#: Also hour-only slots before a separator or alone on their line ("13u: Dialoog | ...", "14 uur - Workshops",
#: "10u"), ranges that end on a whole hour ("15 - 16 uur Aan het werk", "8.30-9 uur Onthaal", "9u50-10u:"),
#: and ranges written without spaces ("13u30-14u30:"); a digit after the minutes means a date
#: ("12.10.2019", "12.10-2019").
_CLOCK_START = r"\d{1,2}\s*[.:hu]\s*\d{2}"
_HOUR_END = r"\d{1,2}\s*(?:uur|u|h)\b\.?"
_CLOCK = (rf"\d{{1,2}}\s*(?:[.:hu]\s*\d{{2}}(?![./]?\d|-(?!{_CLOCK_START}|{_HOUR_END})\d)(?:\s*(?:uur|u)\b\.?)?"
          r"|(?:u|uur|h)\b\.?(?=\s*(?:[:|–—-]|$)))")
_RANGE_TO = r"\s*(?:[-–—]|tot|to)\s*"
#: A part of the day with a colon stands where a clock time would: 'Voormiddag: plenair debat ...', 'Namiddag: ...'.
_DAY_PART = r"(?:voormiddag|namiddag|ochtend|avond|[’']s\s+(?:morgens|middags|avonds))\s*:(?=\s*\S)"  # IGNORECASE
TIME_SLOT_RE = re.compile(
    rf"^(?:(?:van\s+|om\s+)?(?:{_CLOCK}|\d{{1,2}}(?={_RANGE_TO}{_HOUR_END}))(?:{_RANGE_TO}(?:{_CLOCK}|{_HOUR_END}))?"
    rf"|{_DAY_PART})\s*[:|\-–]?[\s\xa0]*",
    re.IGNORECASE,
)

#: The number of a session, workshop or atelier, perhaps with the letter of its block: '3', 'A.1.', 'B2', '2b'.
ITEM_NUMBER = r"(?:[A-H]\.?\s?)?\d{1,2}(?:\.\d{1,2})*[a-hA-H]?"

#: Kinds of programme item that head one only with their number ('Sessie 2', 'Atelier B1'); alone they are words.
NUMBERED_ITEM_WORDS = r"Sessie|Atelier|Werkwinkel|Themasessie|Praktijksessie|Inspiratiesessie|Parallelsessie"

#: Item headings that announce a programme item by a keyword.
KEYWORD_HEADING_RE = re.compile(
    r"^(?:\d{1,2}(?:e|ste|de)\s+(?:panel\w*|sessie|workshop|lezing|ronde)|"  # ordinals: '1e panel: ...'
    rf"Werksessie|Werkbezoek|Workshop|Lezing|Keynote|Infosessie|Infoavond|Vorming(?=\s+\S)|"
    rf"Dag\s*\d+(?=\s*:)|(?:{NUMBERED_ITEM_WORDS})\s*{ITEM_NUMBER})\b",
    re.IGNORECASE,
)

#: Theme tables of a workshop day: "Thema 1:", "Thematafel 2 - ...", "Tafel 3:", "Praktijktafel 1: ...".
THEME_RE = re.compile(r"^(?:Thema|[\w-]*tafel)\s*(?P<num>\d{1,2})\s*[:.\-–]?\s*(?P<rest>.*)$",
                      re.IGNORECASE)

#: Headers that open a logistics / navigation block, or the list of who governs or staffs the organisation; nothing
#: in it is a record.
LOGISTICS_HEADER_RE = re.compile(
    r"^(?:Deelnameprijs|Deelname(?:kosten)?|Prijs|Kostprijs|Betaling|Annuleren|Annulering(?:svoorwaarden)?|"
    r"Inschrijven|Inschrijving(?:en)?|Info(?:\s+praktisch)?|Praktisch(?:e info)?|Praktische informatie|"
    r"Organisatie|Navigatie|Contact(?:persoon)?|Locatie|Adres|Bereikbaarheid|Voor wie(?: is [^?]{2,40}\?)?|Doelgroep|"
    r"Waar(?: en wanneer)?|Wanneer(?: en waar)?|Datum(?: en (?:plaats|uur|locatie))?|Tijdstip|Plaats|"
    r"Opleidingssessies|Kies hieronder uw thema|Deel deze pagina|Delen|Gerelateerde? .*|Meer info(?:rmatie)?|"
    r"Verwante presentaties|Lees ook|Tags?|Ik wil me inschrijven|(?:Hoe|Waar) aanvragen|Aanvraagprocedure|Procedure|"
    r"(?:Wat )?meebrengen|Mee te brengen(?: documenten)?|Welke documenten (?:heeft u|heb je) nodig\?|Aanvraag|Bedrag|"
    r"Raad van [Bb]estuur|Stuurgroep|Algemene [Vv]ergadering|Bestuur|Directie|(?:Ons )?[Tt]eam|Medewerkers|Colofon)"
    r"\s*:?$",
    re.IGNORECASE,
)

#: Section headers that close the current item without being a record themselves.
SECTION_HEADER_RE = re.compile(
    r"^(?:Programma(?:\s+(?:en\s+presentaties|van\s+de\s+dag|\d{1,2}\s+[a-z]+(?:\s+\d{4})?))?|Agenda|Dagverloop|"
    r"(?:(?:Voorbije|Vorige|Eerdere|Afgelopen|Komende|Volgende|Geplande|Toekomstige)\s+)?"  # 'Voorbije werkbezoeken'
    r"(?:Werkbezoeken|Workshops|Sessies|Werksessies)|Namiddag|Voormiddag|Ochtend|Middag|(?:Voor|Na)middagprogramma|(?:Het|Ons)\s+programma|"
    r"Wat\s+staat\s+(?:er\s+)?op\s+(?:het|ons)\s+programma\s*\?)\s*:?$",
    re.IGNORECASE,
)

#: Words of a programme's format rather than its topics: a short slot naming one is a placeholder ('Keuzeblok 1',
#: 'Inspiratiesessies', 'Vragen uit het publiek', 'Start netwerken'); parts of compounds count.
PROGRAMME_FORMAT_RE = re.compile(r"sessie|workshop|keuze|ronde|blok\b|plenair|pauze|vra(?:ag|gen)\b|antwoord|"
                                 r"reacties?\b|\bstart|netwerk|inleiding|programma|inlog", re.IGNORECASE)
#: Words that start a sentence about people or aims rather than the name of an initiative or a talk's title.
NOT_A_NAME = {"je", "jij", "u", "we", "wij", "ik", "ze", "zij", "hij", "niemand", "iedereen", "elke", "elk", "alle",
              "er", "dit", "dat", "deze", "die", "onze", "ons", "hun", "zijn", "haar", "meer", "minder", "geen", "ook"}

#: Agenda contents that are logistics, not talks.
LOGISTIC_SLOT_RE = re.compile(
    r"\b(?:onthaal|ontvangst|koffie|welkom\w*|verwelkoming|\w*lunch|geluncht|broodje|broodjes|\w*receptie|\w*pauze|einde|"
    r"verplaatsing\w*|te\s+voet|per\s+bus|busrit|transfer|"
    r"afsluit\w*|afronding|uitgeleide|opening(?:swoord)?|woord\s+vooraf|netwerkmoment|registratie|"
    r"aperitief|drankje|slot|intermezzo|conclusies?|vragenronde|slotwoord|Q\s*&\s*A|nabespreking|"
    r"warm\s+eten|avondmaal|diner|kinderopvang|kinderanimatie|"
    r"(?:inleiding|introductie)\s+door\s+(?:de\s+)?moderator)\b",
    re.IGNORECASE,
)

#: A line announcing that a list of practices follows.
PRACTICE_LIST_MARKER_RE = re.compile(
    r"^(?:(?:(?:De|Enkele|Onze|Andere|Deze|Alle|\d+)\s+)?(?:Lokale\s+|Goede\s+|Inspirerende\s+|Nieuwe\s+)?"
    r"(?:Praktijk(?:voorbeeld)?en|Voorbeelden|Projecten|Initiatieven)\s*:?"
    r"|.{0,120}\b(?:praktijk(?:voorbeeld)?en|voorbeelden|projecten|initiatieven)\b.{0,100}:"
    r"|(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|enkele|\d+)\s+(?:[\w-]+\s+)?"
    r"(?:praktijk(?:voorbeeld)?en|voorbeelden|projecten|initiatieven)\b[^.:!?]{0,60}"
    r"|(?:enkele|twee|drie|vier|vijf|\d+)\s+(?:van\s+(?:onze|de|deze)\s+)?(?:partner)?(?:gemeenten|steden|besturen|"
    r"organisaties)\s+(?:illustreren|tonen|laten\s+zien)\b[^.:!?]{0,80})\s*$",
    re.IGNORECASE,
)

#: A sentence that announces the talks listed under it: '... organiseert drie interactieve lezingen waarop ouders en
#: professionelen met elkaar in gesprek gaan:', 'Maak kennis met praktijkvoorbeelden in 5 sessies:'.
SESSION_LIST_MARKER_RE = re.compile(
    r"\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|\d+)\s+(?:[\w-]+\s+)?(?:lezingen|workshops|sessies|"
    r"infosessies|vormingen|ateliers|uiteenzettingen|presentaties|werkbezoeken|rondleidingen)\b[^.!?]*:$",
    re.IGNORECASE)

#: Bullets that start list entries.
BULLET_RE = re.compile(r"^[•●▪◦·\-\*–]\s+")

#: "Zorgcoachen Mechelen: Het OCMW ..." -- a named practice with its description.
NAME_DESC_RE = re.compile(r"^(?P<name>[^\s:.!?][^:.!?]{1,90}?)\s*:\s+(?P<desc>\S.{30,})$")

#: Labels before a colon that introduce people or facts, never a practice name.
LABEL_WORDS = {
    "begeleiding", "spreker", "sprekers", "moderator", "moderatie", "door", "met", "voor wie", "wat", "waar",
    "wanneer", "waarom", "hoe", "prijs", "locatie", "info", "doelgroep", "programma", "datum", "tijd", "uur",
    "inschrijven", "contact", "panel", "panelleden", "gastspreker", "presentatie", "opgelet", "let op",
    "noot", "bron", "lees meer", "meer info", "tip", "doel", "resultaat", "resultaten",
    # the fields of a descriptive template ("Locatie: …", "Team: …", "Business model: …")
    "activiteit", "activiteiten", "team", "historiek", "geschiedenis", "business model", "werking", "aanpak",
    "budget", "financiering", "partner", "partners", "organisatie", "organisator", "looptijd", "periode",
    "website", "e-mail", "email", "telefoon", "tel", "adres", "omschrijving", "beschrijving", "context",
    "doelstelling", "doelstellingen", "impact", "kostprijs", "middelen", "personeel", "contactpersoon",
    "verantwoordelijke", "coördinator", "coordinator", "trekker", "initiatiefnemer", "gemeente", "regio",
}

#: A person's name: capitalised words, Dutch particles allowed ("Marc Van den Driessche").
PERSON_RE = re.compile(r"^(?:[A-ZÀ-Ý][\w'’-]+|van|de|den|der|ter|ten|vanden|la|le|du)"
                       r"(?:\s+(?:[A-ZÀ-Ý][\w'’-]+|van|de|den|der|ter|ten|la|le|du|d'|'t)){1,4}$")

#: Image file names, widget captions and similar scraping debris.
JUNK_LINE_RE = re.compile(
    r"(?:\.(?:png|jpe?g|gif|svg|webp)\b|^Provider image$|^Advertisements?$|^Slides:?$|^Transcript van de presentatie:?$"
    r"|^Foto:|^Logo\s[^.!?]{0,60}$|^Klik hier\b|^(?:Afbeelding|Illustratie)\s+van\b|^Volledig scherm\b"
    r"|^(?-i:Foto\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})$"  # 'Foto Jan Buyens': who took the picture
    r"|^\d{6,}_\d+\w*(?:\s+\d{6,}_\d+\w*)*$"
    r"|^(?:[•●▪◦·\-\*–]\s+)?(?:IMG|DSC|DSCN|PXL|P)[\s_-]?\d{4,}(?:[\s_-]+\d+)*$"
    r"|^(?:Dit (?:nieuws)?bericht werd (?:toegevoegd|geplaatst|gepubliceerd) op|Gepubliceerd op|Geplaatst op|"
    r"Laatst (?:gewijzigd|bijgewerkt)(?: op)?)\b"
    r"|^(?:Printervriendelijke versie|PDF[- ]versie|PDF version)|^(?:Terug )?naar boven$)",  # a web page's buttons
    re.IGNORECASE,
)

#: Markers that a block is a list of links to other documents.
LINK_LIST_TRIGGER_RE = re.compile(r"^(?:Verwante presentaties|Advertisements|Gerelateerde\b|Lees ook|Related)",
                                  re.IGNORECASE)

#: File-like practice names: "StadGent_TheTravelMandalaKids", "Halen_IBO".
FILE_NAME_RE = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9]*(?:_[A-Za-zÀ-ÿ0-9]+)+$")  # not photo names '20171019_1028

#: Separator between cells of a grid of names on one line (two or more spaces, nbsp included).
CELL_SPLIT_RE = re.compile(r"[ \t\xa0]{2,}|\t")

#: Not right after a title before a name ('Prof. dr. Niels Mulder', 'dhr. Gert Peeters'): its full stop ends nothing.
NOT_AFTER_TITLE = r"(?<!\b[Dd]r)(?<!\b[Dd]hr)(?<!\b[Mm]evr)(?<!\b[Pp]rof)(?<!\b[Mm]r)(?<!\b[Ii]r)"
#: Sentence ends, for counting substance and cutting titles.
SENTENCE_END_RE = re.compile(NOT_AFTER_TITLE + r"[.!?](?:[\"'’”)\]]*)(?=\s+|$)")

URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: An e-mail address ('jan@lampeke.be'); '@Home18-24' is a name.
EMAIL_RE = re.compile(r"\S@\S+\.\w")


@dataclass(frozen=True)
class Line:
    """One physical line: ``start``/``end`` bound its stripped content in the original text."""

    index: int
    start: int
    end: int
    text: str  # stripped content (a slice of the original text)

    @property
    def blank(self) -> bool:
        return not self.text

    @cached_property
    def words(self) -> int:
        """Counted once: the rules ask every line many times."""
        return len(self.text.split())


#: A heading written in Markdown: '# Titel', '### Titel', '**Titel**', '__Titel__'.
MARKDOWN_HEADING_RE = re.compile(
    r"#{1,6}[ \t]+(?P<text>\S.*?)(?:[ \t]+#+)?|\*\*(?P<bold>\S[^*]*?)\*\*|__(?P<under>\S[^_]*?)__")


def split_lines(text: str) -> list[Line]:
    """Split into lines, keeping offsets of each line's stripped content."""
    lines: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.splitlines(keepends=True)):
        lead = len(raw) - len(raw.lstrip(BLANKISH))
        content = raw.strip(BLANKISH)
        start = pos + lead
        markup = MARKDOWN_HEADING_RE.fullmatch(content)
        if markup:  # '## Buurtwerk Noord', '**Buurtwerk Noord**': the heading without its markup
            group = markup.lastgroup or "text"
            start, content = start + markup.start(group), markup.group(group)
        lines.append(Line(i, start, start + len(content), content))
        pos += len(raw)
    return lines


def sentence_bounds(text: str, start: int, end: int, breaks: tuple[str, ...] = (". ", "! ", "? ")) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: from just after the previous break or line end to the next one."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(b, 0, start) for b in breaks))
    rights = [i for i in (text.find("\n", end), *(text.find(b, end) for b in breaks)) if i >= 0]
    return left + 1, min(rights, default=len(text))


# ---------------------------------------------------------------- single-line tests
def is_numbered_heading(line: Line) -> bool:
    """A numbered programme item: '12.Vernieuwende praktijken' (number, then a title)."""
    m = NUMBERED_RE.match(line.text)
    if not m:
        return False
    rest = line.text[m.end():]
    return len(rest) >= 3 and (rest[0].isupper() or rest[0] in "‘'\"(“")


#: A sub-section's number: '1.1. Ons preventieproject', '2.3 Samenwerking'. One digit after the dot, so never a
#: clock time ('9.30 Onthaal').
SECTION_NUMBER_RE = re.compile(r"^\d{1,2}\.\d(?:\.\d)?\.?\s+(?=[A-ZÀ-Ý‘'\"“(])")


#: Items lettered instead of numbered: "A. Titel", "B) Titel", or coded by round and letter: "1A: Titel", "B2. Titel".
LETTERED_RE = re.compile(r"^(?:(?P<letter>[A-H])\s*[.)]|(?P<code>\d[A-H]|[A-H]\d)\s*[.):])\s+(?=[A-Z‘'\"“(])")


def is_lettered_heading(line: Line) -> bool:
    """'A. Buurtwerk in Gent': an item of a lettered programme (a short line after the letter)."""
    m = LETTERED_RE.match(line.text)
    return bool(m) and 2 <= len(line.text[m.end():].split()) <= 20


#: A section of an outline in capitals: '1. LOKAAL WOONBELEID COÖRDINEREN', 'B. OVERLEG'.
OUTLINE_LABEL_RE = re.compile(r"^(?:\d{1,2}|[A-H])\s*[.)]\s+")


def is_outline_section(line: Line) -> bool:
    """A numbered or lettered line in capitals: a section of a document's outline, whose entries are below it."""
    m = OUTLINE_LABEL_RE.match(line.text)
    if not m:
        return False
    letters = [c for c in line.text[m.end():] if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def numbered_value(line: Line) -> int | None:
    m = NUMBERED_RE.match(line.text)
    return int(m.group("num")) if m else None


ROW_NUMBER_RE = re.compile(r"(?P<num>\d{1,2})\s*[.)]")


def row_numbers(lines: list[Line]) -> set[int]:
    """Indices of lines that are only a number counting up ('1.', then the row's cells, then '2.'), as a table
    of projects reads once its cells are set on lines of their own: each opens the next row."""
    rows = [ln for ln in lines if ROW_NUMBER_RE.fullmatch(ln.text)]
    values = [int(ROW_NUMBER_RE.fullmatch(ln.text).group("num")) for ln in rows]  # type: ignore[union-attr]
    counting = len(rows) >= 2 and values == list(range(values[0], values[0] + len(values)))
    return {ln.index for ln in rows} if counting else set()


def time_slot_rest(line: Line) -> str | None:
    """For an agenda line, the text after the time ('' if none); None if it is not a time slot."""
    return time_slot_rest_of(line.text)


def time_slot_rest_of(text: str) -> str | None:
    """The text after a leading time slot ('' if nothing follows it); None when the text opens with no time.
    "12 nov '19" or "2023" are no time slots: the minute digits must be followed by a boundary."""
    m = TIME_SLOT_RE.match(text)
    return text[m.end():].strip(BLANKISH + ":") if m else None


def time_slot_offset(line: Line) -> int:
    """Offset (in the original text) where the talk after a time slot begins."""
    m = TIME_SLOT_RE.match(line.text)
    assert m is not None
    rest = line.text[m.end():]
    return line.start + m.end() + (len(rest) - len(rest.lstrip(BLANKISH + ":")))


#: A talk's own title in quotes, of three words or more: 'Plenaire afsluiter ‘Blik vooruit in de toekomst’'.
QUOTED_TALK_TITLE_RE = re.compile(r"[‘“\"']\w[^’”\"']*(?:\s+[^’”\"'\s]+){2,}[’”\"']")


def names_logistics(text: str) -> bool:
    """Its label (before any colon) names coffee, lunch, a welcome or a question round: 'Onthaal met koffie',
    'Vragenronde en afsluiten', 'Nabespreking in kleine groepjes: wat neem je mee?'; a closing talk with its own
    quoted title ('Plenaire afsluiter ‘Blik vooruit in de toekomst’') is a talk. The label ends at its first full
    stop too: 'PDW Uni-Vert. Welkom in deze wijk ...' is a visit, welcomed in its description."""
    label = re.split(r":|(?<=\w)\.\s", text, maxsplit=1)[0]
    return LOGISTIC_SLOT_RE.search(label) is not None and not QUOTED_TALK_TITLE_RE.search(text)


def is_logistic_slot(rest: str) -> bool:
    """Agenda content that is coffee, lunch or a placeholder ('Workshopronde 1', 'Keuzesessies', 'tot 15 uur'),
    not a talk. A short slot that names a topic ('Samen in verscheidenheid') is a talk."""
    if names_logistics(rest):
        return True
    labelled = re.match(r"^[^|:]{2,40}[|:]\s*\S", rest) is not None  # 'Dialoog | Kindvriendelijk?'
    words = rest.split()
    if len(words) >= 6 or labelled or rest.rstrip().endswith("?"):
        return False
    return (len(words) < 2 or not rest[:1].isupper() or words[0].lower() in NOT_A_NAME
            or PROGRAMME_FORMAT_RE.search(rest) is not None)


def is_keyword_heading(line: Line) -> bool:
    """'Werkbezoek Family Justice Center: ...' -- a heading, not a sentence that starts with 'Lezing', nor a
    hard-wrapped line that goes on with 'workshop lichten we ...'."""
    return (bool(KEYWORD_HEADING_RE.match(line.text)) and line.words <= 30 and not line.text.endswith(".")
            and not line.text[:1].islower())


def theme_match(line: Line) -> re.Match[str] | None:
    m = THEME_RE.match(line.text)
    if m and (not m.group("rest") or len(m.group("rest").split()) <= 20):
        return m
    return None


def is_logistics_header(line: Line) -> bool:
    return bool(LOGISTICS_HEADER_RE.match(line.text))


def is_section_header(line: Line) -> bool:
    return bool(SECTION_HEADER_RE.match(line.text))


def is_practice_marker(line: Line) -> bool:
    """'Enkele praktijkvoorbeelden:', '... de volgende projecten:'; never a lead to goals or criteria ('De projecten
    moeten beantwoorden aan één van de volgende aandachtsdomeinen:')."""
    return (line.words <= 25 and bool(PRACTICE_LIST_MARKER_RE.match(line.text))
            and not GOAL_LEAD_RE.search(line.text.strip()))


def is_session_marker(line: Line) -> bool:
    """'... drie interactieve lezingen waarop ...:': the bullets under it are the talks it counts."""
    return line.words <= 30 and bool(SESSION_LIST_MARKER_RE.search(line.text.strip()))


def is_bullet(line: Line) -> bool:
    return bool(BULLET_RE.match(line.text)) and line.words >= 2


def unbulleted(line: Line) -> Line:
    """The line without its bullet, offsets still pointing into the original text."""
    m = BULLET_RE.match(line.text)
    if not m:
        return line
    return Line(line.index, line.start + m.end(), line.end, line.text[m.end():])


def indent(text: str, line: Line) -> int:
    """Characters of padding before the line's content."""
    return line.start - (text.rfind("\n", 0, line.start) + 1)


def bullet_continuations(text: str, lines: list[Line]) -> set[int]:
    """Indices of lines that continue a bullet's entry: right under it (no blank line) and indented deeper than
    its bullet ('• OCMW Meise voor ...' / '  Het OCMW gaat ...'), as wrapped or multi-line list items are laid out.
    A deeper bullet goes on with the entry too, unless that entry ends on a colon and announces a list."""
    out: set[int] = set()
    marker: int | None = None  # indentation of the bullet whose entry is open
    announces = False  # that bullet ends on a colon: the deeper bullets under it are its list
    for ln in lines:
        if ln.blank:
            marker = None
        elif is_bullet(ln) and marker is not None and indent(text, ln) > marker and not announces:
            out.add(ln.index)  # '• Helpen in Den Alleman' / '  • Dit kan gaan van ...': more of the same entry
        elif is_bullet(ln):
            marker, announces = indent(text, ln), ln.text.rstrip().endswith(":")
        elif marker is not None and indent(text, ln) > marker:
            out.add(ln.index)
        else:
            marker = None
    return out


def bullet_offset(line: Line) -> int:
    m = BULLET_RE.match(line.text)
    return line.start + (m.end() if m else 0)


def name_desc(line: Line) -> tuple[str, str] | None:
    """'Name: description' with a title-like name (not a label such as 'Begeleiding')."""
    return name_desc_of(line.text)


#: An organisation named with its legal form first, in lower case: 'vzw Cosmos', 'ivzw Samenlevingsopbouw'.
LEGAL_FORM_FIRST_RE = re.compile(r"i?vzw\s+[A-Z]")


def name_desc_of(text: str) -> tuple[str, str] | None:
    """`name_desc` of a piece of text (a bullet's entry without its bullet)."""
    m = NAME_DESC_RE.match(text)
    if not m:
        return None
    name = m.group("name").strip()
    if name.lower() in LABEL_WORDS or len(name.split()) > 8:
        return None
    if not (name[0].isupper() or name[0] in "‘'\"(“" or LEGAL_FORM_FIRST_RE.match(name)):
        return None
    if PART_LABEL_RE.match(name):
        return None  # 'Categorie 1: personen met ...', 'Stap 2: ...': one part of what the text describes
    if lists_people(m.group("desc")) or VALUE_DESC_RE.match(m.group("desc")):
        return None
    return name, m.group("desc")


#: A Belgian phone number ('051 48 06 10', '09/265.88.00', '0478 12 34 56'): a contact line, never a title.
PHONE = r"0\d{1,3}[\s/.]?\d{2,3}[\s.]?\d{2}[\s.]?\d{2}"
PHONE_RE = re.compile(rf"(?<!\d){PHONE}(?!\d)")

#: A description that is only a value: an amount, a phone number, an address to write to ('607,01 euro per maand',
#: '016 24 84 71, thuiszorg@ocmw-leuven.be'): a row of a table or a contact list, not a practice described.
VALUE_DESC_RE = re.compile(rf"\s*(?:(?:€\s*)?\d[\d.,]*\s*(?:euro|€|%)|{PHONE}|\S+@\S+\.\w+)", re.IGNORECASE)


#: A numbered part of one thing: a category, step, phase or condition ('Categorie 1', 'Stap 2', 'Fase 3').
PART_LABEL_RE = re.compile(r"(?:Categorie|Stap|Fase|Voorwaarde|Criterium|Niveau|Module|Week|Dag)\s*\d{1,2}\b",
                           re.IGNORECASE)


def lists_people(text: str) -> bool:
    """'Nancy Mouqué en Linda Lievens (plaatsvervanger)': only people's names, so a line of staff, not a practice."""
    plain = re.sub(r"\([^)]*\)", " ", text).strip().rstrip(".;")
    parts = [p.strip() for p in re.split(r",|\s+en\s+|\s+&\s+|;", plain) if p.strip()]
    return bool(parts) and all(PERSON_RE.match(p) for p in parts)


#: A photo credit or copyright line: '© Paul Van Driel', 'Foto: Jan Peeters', '(c) iso800'; or where a picture was
#: ('Story image', 'Afbeelding').
CREDIT_RE = re.compile(r"^(?:©|\(c\)\s|Foto(?:'s)?\s*(?::|©)|Beeld\s*(?::|©)"
                       r"|(?:Story\s+)?(?:Image|Afbeelding|Foto)\s*$)", re.IGNORECASE)
#: A photo's caption naming who stands on it from left to right: 'V.l.n.r.: Anne Delvoye (gemeenteraadslid), ...'.
CAPTION_RE = re.compile(r"\s*(?:Op de foto\s+)?v\.\s?l\.\s?n\.\s?r\.?\s*:?\s+\S", re.IGNORECASE)
#: A byline on a line of its own: 'Door Ben Ieven', 'Tekst: Kristien Vastenavondt', 'Foto Jan Buyens', 'Geschreven
#: door Liesbeth Bernolet'.
BYLINE_RE = re.compile(r"(?:Door|Tekst|Auteur|Foto|Geschreven\s+door)\s*:?\s+"
                       r"[A-Z][\w'’-]+(?:\s+(?:van|de|der|den)){0,2}\s+[A-Z][\w'’-]+")


def is_credit(line: Line) -> bool:
    """A photo credit, caption or byline: debris even when a page repeats it under every picture."""
    return ((bool(CREDIT_RE.match(line.text)) and line.words <= 12) or CAPTION_RE.match(line.text) is not None
            or BYLINE_RE.fullmatch(line.text.strip()) is not None)


def is_junk(line: Line) -> bool:
    """Debris that is never part of a record (image names, captions, sidebar words in capitals)."""
    return bool(JUNK_LINE_RE.search(line.text)) or is_caps_label(line) or is_credit(line)


def is_caps_label(line: Line) -> bool:
    """One to three words in capitals ('ACTIEPLAN INTEGRATIE'): a sidebar word, or a heading when a text follows."""
    if line.words > 3:
        return False
    letters = [c for c in line.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and not line.text.endswith(":")


def _cells(line: Line) -> list[tuple[int, int, str]]:
    """The non-blank pieces of a line between wide gaps, as (start, end, text) in document offsets."""
    pieces, pos = [], 0
    for m in CELL_SPLIT_RE.finditer(line.text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(line.text)))
    return [(line.start + a, line.start + b, line.text[a:b]) for a, b in pieces if line.text[a:b].strip()]


def name_cells(line: Line) -> list[tuple[int, int, str]] | None:
    """Cells of a grid of practice names ('StadTurnhout_MamaLeert  Westerlo_Peuterspeelpunt').

    Returns (start, end, cell) triples, or None when the line is not such a grid.
    A grid needs at least one file-like name; plain cells must be short names.
    """
    cells = _cells(line)
    if not cells or not any(FILE_NAME_RE.match(c[2]) for c in cells):
        return None
    if all(FILE_NAME_RE.match(c) or (len(c.split()) <= 5 and c[:1].isupper()) for _, _, c in cells):
        return cells
    return None


def plain_name_cells(line: Line) -> list[tuple[int, int, str]] | None:
    """A row of short names separated by wide gaps, valid only next to a file-name grid."""
    cells = _cells(line)
    if len(cells) >= 2 and all(len(c.split()) <= 5 and c[:1].isupper() for _, _, c in cells):
        return cells
    return None


def sentence_count(text: str) -> int:
    """Number of sentences, counting an unterminated last fragment as one."""
    text = text.rstrip()
    ends = len(SENTENCE_END_RE.findall(text))
    return ends + (0 if text.endswith((".", "!", "?", "’", "”", '"', ")")) else 1)


#: A name written with a lower-case start and capitals inside ('geWOONtebreker', 'iDrops', 'eLoket') or as a handle
#: ('@Home18-24', '#Samenhuizen').
CAMEL_BRAND_RE = re.compile(r"[a-z]{1,4}[A-Z]|[@#][A-Z]")
#: A name that opens on the elided article: '’t Pasrel', "'t Saam".
ELIDED_ARTICLE_RE = re.compile(r"['’‘]t\s+[A-Z]")


def is_title_like(line: Line, min_words: int = 2) -> bool:
    """A short line that can name an item: capitalised (or a brand such as 'geWOONtebreker', 'iDrops'), no
    sentence end, not a person/label line."""
    t = line.text
    if not (min_words <= line.words <= 16) or not (t[0].isupper() or CAMEL_BRAND_RE.match(t)
                                                   or ELIDED_ARTICLE_RE.match(t)):
        return False
    if t.rstrip().endswith((".", "?", "!", ";", ",", ":")) or "," in t:
        return False
    head = t.split(":")[0].strip().lower()
    return head not in LABEL_WORDS


# ---------------------------------------------------------------- whole-text tests
def _norm(s: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", s.lower()).strip()


#: 'Kostprijs project: 767.836 euro': a label and a short value on a line of its own.
FIELD_LINE_RE = re.compile(r"^(?P<label>[A-Z][\w'’ .-]{1,40}?)\s*:\s+\S.{0,60}$")


def closing_fields(lines: list[Line]) -> set[int]:
    """Indices of the 'Label: value' lines that close each item of a list of projects ('Kostprijs project:
    ...', 'Subsidie: ...' under every project): the same label ends two or more paragraphs, so a paragraph
    after them describes the next item, even without a blank line or a heading between them. A line set
    further from the paragraph above than from the one below ('Talent in de kijker: pysanky' after two blank
    lines) heads what follows instead."""
    def label(ln: Line) -> str | None:
        m = FIELD_LINE_RE.match(ln.text.strip())
        return m.group("label").lower() if m and len(ln.text.split()) <= 10 else None

    content = [ln for ln in lines if not ln.blank]
    labels = [label(ln) for ln in content]
    closing: dict[str, dict[int, list[int]]] = {}  # label -> the paragraph each run of fields closes -> its lines
    for k, (ln, key) in enumerate(zip(content, labels)):
        if key is None or k == 0:
            continue
        first = k
        while first > 0 and labels[first - 1] is not None:
            first -= 1
        if first > 0 and _ends_sentence(content[first - 1].text) and not _set_off_above(lines, ln.index):
            closing.setdefault(key, {}).setdefault(first, []).append(ln.index)
    # one paragraph's heading said twice ('Stadspiratie: 1.130 ideeën' over itself) closes no list
    return {i for runs in closing.values() if len(runs) >= 2 for idx in runs.values() for i in idx}


#: A heading over the goals of a project or a day: 'Doelstellingen', 'Doel:', 'Leerdoelen', 'Onze doelen'.
GOAL_HEADING_RE = re.compile(r"(?:(?:de|onze|hun)\s+)?(?:doel|doelen|doelstelling(?:en)?|leerdoel(?:en)?|"
                             r"beoogde\s+resultaten)\s*:?", re.IGNORECASE)


#: What a list of goals or criteria calls its entries.
GOAL_NOUNS = (r"\w*doel(?:en|stellingen)|criteria|voorwaarden|prioriteiten|\w*domeinen|uitgangspunten|principes|"
              r"aandachtspunten|ambities|speerpunten|pijlers|succesfactoren|aanbevelingen|leerpunten|knelpunten|"
              r"\w*lijnen|sporen|hefbomen")
#: A list's lead that ends on those entries: '... één van de volgende prioritaire aandachtsdomeinen:'.
GOAL_LEAD_RE = re.compile(rf"\b(?:{GOAL_NOUNS})\s*:$", re.IGNORECASE)
#: A list's lead that names who takes part: '... is een samenwerkingsverband tussen volgende partners:',
#: 'Partnerorganisaties die zich engageren in de netwerken zijn:'. Its entries are the partners of the practice
#: above, each an organisation, never a practice of its own; a lead that names what they do ('projecten van onze
#: partners:') is not one.
PARTNER_LEAD_RE = re.compile(r"\b(?:\w*partners?|partnerorganisaties)\b(?:\s+[\w’']+){0,8}\s*:$", re.IGNORECASE)
PARTNER_WORK_RE = re.compile(r"\b(?:initiatie\w*|project\w*|praktijk\w*|acties|aanbod|activiteit\w*|voorbeeld\w*)\b",
                             re.IGNORECASE)
#: A paragraph that names them, right above a list it ends on: 'Wij noemen die 3 thema's generatiedoelen. ...
#: Wat willen we precies?', 'De prioritaire pijlers van de LWGC zijn:'.
GOAL_WORD_RE = re.compile(rf"\b(?:{GOAL_NOUNS})\b", re.IGNORECASE)


def goal_lists(lines: list[Line], wrapped: set[int]) -> set[int]:
    """Indices of the entries of a list under a goal heading ('Doelstellingen', then '• Bewustmaking rond
    armoede ...'), or right under a paragraph about goals that ends on a colon or question: what a project or day
    wants to reach, never a practice or talk of its own. One lead line ('Rode draad doorheen de dag: ...') may sit
    between the heading and the list. So are the entries under a lead naming the partners (PARTNER_LEAD_RE).
    ``wrapped`` holds the lines that continue a bullet (bullet_continuations)."""
    content = [ln for ln in lines if not ln.blank]
    out: set[int] = set()
    for k, ln in enumerate(content):
        t = ln.text.strip()
        asks = t.endswith(("?", ":")) and GOAL_WORD_RE.search(t) and k + 1 < len(content) and _listed(content[k + 1])
        partners = PARTNER_LEAD_RE.search(t) is not None and PARTNER_WORK_RE.search(t) is None
        if not (GOAL_HEADING_RE.fullmatch(t) or GOAL_LEAD_RE.search(t) or asks or partners):
            continue
        j = k + 1
        if j < len(content) and not _listed(content[j]) and j + 1 < len(content) and _listed(content[j + 1]):
            j += 1  # the list's lead
        while j < len(content) and (_listed(content[j]) or content[j].index in wrapped):
            out.add(content[j].index)
            j += 1
    return out


def programme_bullets(text: str, lines: list[Line]) -> dict[int, bool]:
    """The bullets listed right under a programme header ('Programma:', then '• Stillen voedselinitiatieven de
    honger ...?', '• Panelgesprek'): the items of the day, one a bullet. Each index maps to whether the bullet is
    indented deeper than the first, so part of the item above ('  • Prof. dr. Hugo Marynissen schetst ...').
    A timed agenda has rules of its own."""
    content = [ln for ln in lines if not ln.blank]
    out: dict[int, bool] = {}
    for k, ln in enumerate(content[:-1]):
        if is_section_header(ln) and is_bullet(content[k + 1]):
            first = indent(text, content[k + 1])
            j = k + 1
            while j < len(content) and is_bullet(content[j]):
                if time_slot_rest(unbulleted(content[j])) is None:
                    out[content[j].index] = indent(text, content[j]) > first
                j += 1
    return out


def _set_off_above(lines: list[Line], index: int) -> bool:
    """More blank lines above line ``index`` than below it, two at least: the line belongs to what follows."""
    def gap(step: int) -> int:
        k = index + step
        while 0 <= k < len(lines) and lines[k].blank:
            k += step
        return abs(k - index) - 1
    above = gap(-1)
    return above >= 2 and above > gap(1)


def _listed(line: Line) -> bool:
    return is_bullet(line) or NUMBERED_RE.match(line.text) is not None


def _ends_sentence(text: str) -> bool:
    return len(text.split()) >= 2 and text.rstrip().rstrip("\"”’'").endswith((".", "!", "?", ")"))


#: A line said again within this many lines, with at most a photo credit between ('Ronde van Brussel' / '© Christian
#: Smits' / 'Ronde van Brussel'), is a heading under its image's caption, not a banner printed on every page; the
#: page's title said again as its first heading stays a banner.
ECHO_MAX_LINES = 3


def repeated_lines(lines: list[Line]) -> set[int]:
    """Indices of page-header lines: lines that recur verbatim (or nearly) in the text.

    Repeated banners ('WELZIJNSVERENIGING VAN, VOOR EN DOOR 27 OCMW'S', event name, date,
    venue) are printed on every page; a near-duplicate with a typo still counts.
    """
    content = [ln for ln in lines if not ln.blank]
    where: dict[str, list[int]] = {}  # each line's words -> the positions among the content lines that say them
    for k, ln in enumerate(content):
        where.setdefault(_norm(ln.text), []).append(k)
    repeated = {k for k, ks in where.items() if len(ks) >= 2 and k and len(k) <= 90 and not k.isdigit()}
    # Content lines that happen to repeat (e.g. 'Praktijken') are headers, not banners.
    repeated = {k for k in repeated if not PRACTICE_LIST_MARKER_RE.match(k) and not SECTION_HEADER_RE.match(k)}
    echoed = {content[ks[1]].index for key, ks in where.items() if key in repeated and len(ks) == 2
              and ks[0] > 0 and ks[1] - ks[0] <= ECHO_MAX_LINES
              and all(is_credit(ln) for ln in content[ks[0] + 1:ks[1]])}  # a heading under its image's caption
    out: set[int] = set()
    for ln in lines:
        if ln.blank or ln.index in echoed:
            continue
        key = _norm(ln.text)
        if key in repeated and not _structural(ln) and not template_label(ln):
            out.add(ln.index)
        elif repeated and 15 <= len(key) <= 90 and ln.text.upper() == ln.text and any(
                _similar(key, r) for r in repeated if len(r) >= 15):
            out.add(ln.index)
    return out


def template_label(line: Line) -> bool:
    """A label that repeats because the page describes each service in the same template ('Werkwijze:', 'Taken:'):
    part of each service, never a page banner; so is 'Doel' over each working group's goals, and a question the
    template asks of each service ('Voor wie?', 'Hoe werkt het?', 'Wat'), and a bullet that goes on a sentence
    ('• de taken die de helpster op zich moet nemen'). (A repeated 'Waar?' or 'Wanneer?' is logistics.)"""
    t = line.text.strip()
    return (t.endswith(":") or GOAL_HEADING_RE.fullmatch(t) is not None
            or (t.endswith("?") and len(t.split()) <= 5 and not LOGISTIC_QUESTION_RE.match(t))
            or t.lower() in TEMPLATE_FIELD_WORDS
            or (is_bullet(line) and unbulleted(line).text.strip()[:1].islower()))


#: Fields a page repeats for each service it describes ('Wat' over each service's description).
TEMPLATE_FIELD_WORDS = {"wat", "wie", "hoe", "inhoud", "omschrijving", "beschrijving", "werkwijze"}

#: A question about when, where or what it costs, or one that points to more ('Meer weten?', 'Vragen?'): logistics
#: or a link, also when each service of a page asks it.
LOGISTIC_QUESTION_RE = re.compile(r"(?:waar|wanneer|hoeveel|wat kost|prijs|kostprijs|contact|meer\s+weten|interesse|"
                                  r"vragen)\b", re.IGNORECASE)


def _structural(line: Line) -> bool:
    return (is_numbered_heading(line) or is_keyword_heading(line) or theme_match(line) is not None
            or time_slot_rest(line) is not None or is_logistics_header(line))


@lru_cache(maxsize=4096)
def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


#: A line of a table of contents: a title, then its page ('Rechtshulp 9', 'Dienst Gezinszorg 7-8').
CONTENTS_LINE_RE = re.compile(r"^(?P<title>[^\W\d]\S*(?:\s+\S+)*?)\s+(?P<page>\d{1,3})(?:\s*[-–]\s*\d{1,3})?$")


def table_of_contents(lines: list[Line]) -> set[int]:
    """Indices of the lines of a table of contents: four or more titles in a row (blank lines between them
    allowed), each followed by a page number, the pages never going down. An annual report's contents are no
    record, nor part of one."""
    found: set[int] = set()
    run: list[tuple[int, int]] = []
    for line in [ln for ln in lines if not ln.blank] + [Line(-1, 0, 0, "")]:
        m = CONTENTS_LINE_RE.match(line.text.strip())
        page = int(m.group("page")) if m else None
        if page is not None and (not run or page >= run[-1][1]):
            run.append((line.index, page))
            continue
        if len(run) >= 4:
            found.update(index for index, _ in run)
        run = [(line.index, page)] if page is not None else []
    return found


def link_list_lines(lines: list[Line]) -> set[int]:
    """Indices of lines in link lists ('Verwante presentaties', related-title blocks).

    A block of consecutive non-blank lines is a link list when it is announced by a
    trigger line, or when it has many short unstructured lines (titles of other pages).
    """
    out: set[int] = set()
    block: list[Line] = []
    triggered = False  # the previous block announced related links; this one may continue them
    for ln in lines + [Line(len(lines), 0, 0, "")]:
        if not ln.blank:
            block.append(ln)
            continue
        if block:
            is_links = _is_link_block(block, triggered)
            if is_links:  # a paragraph of running prose run on under them is no link ('Beste lezer ...')
                out.update(b.index for b in block if not _is_multi_sentence(b.text))
            triggered = is_links and (triggered or any(LINK_LIST_TRIGGER_RE.match(b.text) for b in block))
        block = []
    return out


def _is_multi_sentence(text: str) -> bool:
    """Two or more sentences of five words or more, mostly in lower case: running prose, which a list of links
    or document titles ('Rijk geschakeerd! Decentralisatie ... Prof. dr. Kim Putters Waalwijk') never is."""
    words = text.split()
    if len(words) < 20 or sum(w[:1].islower() for w in words) < 0.6 * len(words):
        return False
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip())
    return sum(1 for s in sentences if len(s.split()) >= 5 and s.endswith((".", "!", "?"))) >= 2


def _is_link_block(block: list[Line], triggered: bool = False) -> bool:
    if any(LINK_LIST_TRIGGER_RE.match(b.text) for b in block) and len(block) >= 3:
        return True
    if len(block) < 6:
        return False
    if block[0].text.rstrip().endswith(":") and len(block[0].text.split()) >= 6:
        return False  # 'Zo kregen ... aangepast vervoer in deze vervoersgebieden:' announces the list below it
    # Without a trigger, a block with any heading is a programme written without blank lines.
    if not triggered and any(_structural(b) or is_section_header(b) or is_practice_marker(b) for b in block):
        return False
    wrapped = sum(1 for b in block[1:] if b.text.lstrip()[:1].islower())
    if wrapped * 3 >= len(block):  # prose hard-wrapped without blank lines (a PDF's text), not page titles
        return False
    if sum(1 for b in block if _is_multi_sentence(b.text)) >= 3:
        return False  # short headings between whole paragraphs, one per line: a page's sections, not links
    if sum(1 for b in block if len(b.text.split()) >= 8 and _ends_sentence(b.text)) * 2 >= len(block):
        return False  # a story told a sentence a line: titles of other pages end on no full stop
    structured = sum(1 for b in block if is_bullet(b) or name_desc(b) or name_cells(b))
    lengths = sorted(len(b.text) for b in block)
    return structured <= len(block) // 3 and lengths[len(lengths) // 2] < 110
