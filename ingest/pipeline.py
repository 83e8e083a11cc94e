"""Programme text → records: segment, extract fields, classify.

`process` is a pure function of the document and an embedder (whose vectors
feed the theme classifier and are returned for the index, so each text is
embedded once).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from ingest.entities import extract_partners, extract_speakers, with_local_services
from ingest.event import detect_event
from ingest.layout import typeset
from ingest.places import demonyms, extract_places, in_wallonia
from ingest.segment import EVENT_PROGRAMME_RE, KIND_PRACTICE, PROGRAMME_RE, Segment, segment
from kb.embed import Embedder, VectorCache, embed_cached
from kb.record import Document, Record
from kb.taxonomy import Taxonomy, classify, label_vectors

#: How much of a page's opening says which town the page is about.
PAGE_OPENING_CHARS = 5000
#: A practice title this short, with no name in it, names a kind of service ("Mobiel dienstencentrum").
GENERIC_TITLE_MAX_WORDS = 5


def process(doc: Document, embedder: Embedder | None = None, cache: VectorCache | None = None,
            progress: Callable[[int, str], Callable[[int], None]] | None = None) -> list[Record]:
    """The records of one document, themes chosen with their passage vectors when an embedder is given."""
    text = doc.text
    segments = segment(text)
    event = detect_event(text)
    told = not PROGRAMME_RE.search(text)
    drafts = [_draft(doc, text, seg, event.title, event.date, told) for seg in segments]
    _inherit(drafts, segments, text)
    _inherit_from_lead(drafts, segments, _opening(doc, text, segments))
    _inherit_the_page_town(drafts, text)
    for record in drafts:
        record.title = _with_its_place(record, alone=len(drafts) == 1)
    if embedder is not None and drafts:
        tick = progress(len(drafts), f"embed {doc.name}") if progress else None
        vectors = embed_cached(embedder, [r.embedding_text() for r in drafts], cache, tick)
        labels = label_vectors(embedder, Taxonomy.default(), cache)
    else:
        vectors = np.zeros((len(drafts), embedder.dim if embedder else 0), dtype=np.float32)
        labels = None
    taxonomy = Taxonomy.default()
    for record, seg, vector in zip(drafts, segments, vectors):
        context = drafts[seg.parent].title if seg.parent is not None else ""
        result = classify(record.text, record.title, taxonomy, vector=vector if labels is not None else None,
                          label_vectors=labels, context=context)
        record.themes, record.target_groups = result.themes, result.target_groups
        chosen = {f"theme:{t}" for t in result.themes} | {f"target_group:{g}" for g in result.target_groups}
        record.confidence.update({k: round(float(v), 3) for k, v in result.scores.items() if k in chosen})
    return drafts


def _draft(doc: Document, text: str, seg: Segment, event: str | None, date: str | None, told: bool) -> Record:
    record = Record(source=doc.name, start=seg.start, end=seg.end, kind=seg.kind, title=seg.title.strip(),
                    text=text[seg.start:seg.end], event=event, event_date=date)
    return _with_entities(record, told)


def _with_entities(record: Record, told: bool | None = None) -> Record:
    """Places, speakers and partners read from the record's own text and title (in place)."""
    places = extract_places(record.text, record.title)
    record.municipalities, record.provinces = list(places.municipalities), list(places.provinces)
    record.region = places.region
    # a practice no event presented, told in a news item or on a service page: the people it names with their
    # role ('schepen X', 'X, directeur') are quoted or in charge, not presenting it
    if told is None:
        told = not PROGRAMME_RE.search(record.text)
    plain = typeset(record.text)
    record.speakers = extract_speakers(plain, presenting_only=record.kind == KIND_PRACTICE and told)
    record.partners = with_local_services(extract_partners(plain, speakers=record.speakers), record.text,
                                          record.municipalities)
    record.confidence["places"] = round(float(places.confidence), 3)
    return record


REFRESHED = ("municipalities", "provinces", "region", "partners", "speakers", "themes", "target_groups")


def refresh_fields(record: Record, embedder: Embedder | None = None, cache: VectorCache | None = None) -> Record:
    """A copy with every extracted field (REFRESHED) read again from its own text, as ingest would.

    For the two parts of a split record: each part gets the places, partners, speakers, themes
    and target groups of its own text instead of a copy of the whole record's.
    """
    fresh = _with_entities(replace(record, confidence=dict(record.confidence)))
    vector = labels = None
    if embedder is not None:
        vector = embed_cached(embedder, [fresh.embedding_text()], cache)[0]
        labels = label_vectors(embedder, Taxonomy.default(), cache)
    result = classify(fresh.text, fresh.title, Taxonomy.default(), vector=vector, label_vectors=labels)
    fresh.themes, fresh.target_groups = result.themes, result.target_groups
    fresh.curated = [name for name in fresh.curated if name not in REFRESHED]
    return fresh


def _inherit(records: list[Record], segments: list[Segment], text: str) -> None:
    """Listed practices inherit the organisation and region of the item they are listed in."""
    for record, seg in zip(records, segments):
        if seg.parent is None:
            continue
        parent = records[seg.parent]
        record.parent_id = parent.id
        if not record.partners and not record.municipalities:
            record.partners = list(parent.partners[:1])
        if not record.region and not record.municipalities and parent.region:
            record.region = parent.region
        if not record.region and not record.municipalities and len(parent.municipalities) == 1:
            record.municipalities, record.provinces = list(parent.municipalities), list(parent.provinces)


def _opening(doc: Document, text: str, segments: list[Segment]) -> Record | None:
    """The page's introduction when it is no record of its own (the text before the first record), read for its
    places and partners: the items below may be its town's. A programme's opening is its host's welcome."""
    opening = text[:segments[0].start] if segments else ""
    if not opening.strip():
        return None
    kind = "session" if EVENT_PROGRAMME_RE.search(text) else "practice"
    return _with_entities(Record(source=doc.name, start=0, end=len(opening), kind=kind,
                                 title=opening.strip().split("\n")[0][:120], text=opening))


def _inherit_from_lead(records: list[Record], segments: list[Segment], opening: Record | None = None) -> None:
    """A page that opens with one town's own service ('het OCMW Gent ontvangt ...', 'het Sociaal Huis van
    Kortemark') and then lists items that name no place: the items are that town's, run by that service. The
    opening is the first record, or the introduction above the records when that is no record of its own.
    Sessions are left alone: a programme's opening session is its host's welcome, not the owner of the talks."""
    lead, items = (opening, list(zip(records, segments))) if opening else (
        records[0] if records else None, list(zip(records[1:], segments[1:])))
    if lead is None or not items or len(lead.municipalities) != 1 or lead.kind != "practice":
        return
    town = lead.municipalities[0]
    services = [p for p in lead.partners if town.lower() in p.lower()]
    if not services:
        return
    for record, seg in items:
        if seg.parent is not None or record.kind != "practice" or record.municipalities or record.region:
            continue
        record.municipalities, record.provinces = [town], list(lead.provinces)
        record.partners = record.partners + [p for p in services if p not in record.partners]


def _inherit_the_page_town(records: list[Record], text: str) -> None:
    """A page about one town ('Het Sociaal Huis van Kortemark ...') whose practices name no place of their own:
    they run in that town. So do the services of an association whose page lists its member towns ('een
    samenwerkingsverband tussen de OCMW's van Aalter, Assenede, Eeklo, ...'): they run in all of them. The page's
    opening says which towns it is about. Programmes are left alone: they name where they are held, not where
    their talks' practices run."""
    placeless = [r for r in records if r.kind == "practice" and not r.municipalities and not r.region]
    opening = text[:PAGE_OPENING_CHARS]
    if not placeless or EVENT_PROGRAMME_RE.search(opening):
        return
    places = extract_places(opening)
    if len(places.municipalities) != 1 and not places.enumerated:
        return
    if not places.enumerated and in_wallonia(places.municipalities[0]):
        return  # 'De verklaring van Terhulpen ...': a Walloon town on a Flemish page is where something was held
    for record in placeless:
        record.municipalities, record.provinces = list(places.municipalities), list(places.provinces)


def _with_its_place(record: Record, alone: bool) -> str:
    """'Mobiel dienstencentrum' -> 'Mobiel dienstencentrum (Deerlijk)': a practice titled by a kind of service
    is one of many like it; the one town it runs in tells a reader which. A title with a name of its own
    ('Zonder Zulle'), a colon or many words does so too on a page of several practices, whose own title says
    where they are; the only practice of a page, a news item's headline, gets its town all the same. A title
    that already names the town stays as written."""
    words = record.title.split()
    if record.kind != "practice" or len(record.municipalities) != 1 or not words:
        return record.title
    named = len(words) > GENERIC_TITLE_MAX_WORDS or ":" in record.title or any(w[:1].isupper() for w in words[1:])
    if named and not alone:
        return record.title
    town = record.municipalities[0]
    spellings = {town.lower(), *(d.lower() for d in demonyms(town))}
    if any(w.strip("'’(),.…").lower() in spellings for w in words):
        return record.title
    return f"{record.title} ({town})"
