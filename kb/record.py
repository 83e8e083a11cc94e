"""The one record type that crosses module boundaries.

A record is a practice, a session or a theme table found in a programme text,
with its provenance (source file and character span) and extracted fields.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any
from urllib.parse import urlsplit

from kb.errors import BadInput, InvalidRecord


@dataclass(frozen=True)
class Document:
    """A source text as read from a file or an upload: what the store keeps beside its records."""

    name: str        # base name, the record's `source`
    path: str
    text: str
    encoding: str    # how the bytes became text: utf-8, cp1252, html, pdf, docx
    sha256: str
    url: str | None = None  # the original programme page, when the curator gave its address


def page_address(url: str) -> str:
    """A programme page's address as given by a curator: an http(s) address, else BadInput naming the problem."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise BadInput(f"{url!r} is not the address of a web page (it must start with http:// or https://)",
                       code="url.not_a_page", url=url)
    return url


KINDS = ("practice", "session", "theme-table")
STATUSES = ("draft", "approved", "hidden")
LIST_FIELDS = ("municipalities", "provinces", "themes", "target_groups", "partners", "speakers")
# Fields a curator may set; once set, re-ingesting the source never overwrites them.
EDITABLE = ("title", "kind", "text", "municipalities", "provinces", "region", "themes", "target_groups",
            "partners", "speakers", "event", "event_date")


def record_id(source: str, start: int, end: int) -> str:
    """Stable id from provenance, so re-ingesting a file updates instead of duplicating."""
    digest = hashlib.sha1(f"{source}\0{start}\0{end}".encode()).hexdigest()[:12]
    return f"r{digest}"


@dataclass
class Record:
    source: str
    start: int
    end: int
    kind: str
    title: str
    text: str
    municipalities: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    region: str | None = None
    themes: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    event: str | None = None
    event_date: str | None = None
    id: str = ""
    parent_id: str | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    status: str = "draft"
    created_at: str | None = None
    updated_at: str | None = None
    version: int = 1
    origins: list[dict[str, Any]] = field(default_factory=list)  # where else it was presented (merges)
    curated: list[str] = field(default_factory=list)  # fields a curator set (see EDITABLE) or "span"

    def __post_init__(self) -> None:
        if not self.id:
            self.id = record_id(self.source, self.start, self.end)
        if self.kind not in KINDS:
            raise InvalidRecord(f"kind {self.kind!r} is not one of {', '.join(KINDS)}",
                                code="record.unknown_kind", value=self.kind)
        if self.status not in STATUSES:
            raise InvalidRecord(f"status {self.status!r} is not one of {', '.join(STATUSES)}",
                                code="record.unknown_status", value=self.status)
        if not (0 <= self.start <= self.end):
            raise InvalidRecord(f"span {self.start}..{self.end} of {self.source!r} is not a valid span",
                                code="record.bad_span", start=self.start, end=self.end)
        if not self.title.strip():
            raise InvalidRecord(f"record {self.source}:{self.start}-{self.end} has an empty title",
                                code="record.empty_title")
        for name in LIST_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InvalidRecord(f"{name} must be a list of strings, got {value!r}",
                                    code="record.not_a_list", field=name)
        for origin in self.origins:
            if not (isinstance(origin, dict) and isinstance(origin.get("source"), str)
                    and isinstance(origin.get("start"), int) and isinstance(origin.get("end"), int)
                    and 0 <= origin["start"] <= origin["end"]):
                raise InvalidRecord(f"origin {origin!r} needs a source and a valid start..end span",
                                    code="record.bad_origin")
        unknown = set(self.curated) - set(EDITABLE) - {"span"}
        if unknown:
            raise InvalidRecord(f"curated names unknown field(s): {', '.join(sorted(unknown))}",
                                code="record.unknown_curated", fields=sorted(unknown))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def spans(self) -> list[tuple[str, int, int]]:
        """Every (source, start, end) this record stands for: its own span first, then merged ones."""
        own = [(self.source, self.start, self.end)]
        return own + [(o["source"], o["start"], o["end"]) for o in self.origins
                      if (o["source"], o["start"], o["end"]) not in own]

    @property
    def year(self) -> str | None:
        """The year of the event ("2019" of "2019-11-12"), for the year filter; None without a dated event."""
        date = (self.event_date or "").strip()
        return date[:4] if len(date) >= 4 and date[:4].isdigit() else None

    @property
    def touched(self) -> bool:
        """A curator acted on it (status, fields, merge or split): re-ingest must keep it."""
        return self.status != "draft" or bool(self.curated) or bool(self.origins)

    def embedding_text(self) -> str:
        """What the dense ranker sees: title first, then the record's own text."""
        body = self.text if self.text.startswith(self.title) else f"{self.title}\n{self.text}"
        return body
