"""Ingest into a knowledge base: files and folders from the CLI, single uploads from the app.

This is where the two layers meet: `ingest` reads and segments a text into records,
then hands them to `KnowledgeBase.store_document`, the library's one way in for a
source. `kb` itself never imports this package.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ingest.pipeline import process
from ingest.readers import SUPPORTED, check_file, document_from_bytes, read_document
from kb.curation import Preview
from kb.errors import BadInput
from kb.knowledge import KnowledgeBase
from kb.record import Document, page_address

SAME_TEXT_SHARE = 0.5  # a new version keeps at least half of the stored text's lines
MIN_LINE = 20          # shorter lines (headings like "Programma") say little about identity


@dataclass
class FileReport:
    path: str
    records: int = 0
    added: int = 0
    removed: int = 0
    error: str | None = None


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [f.error for f in self.files if f.error]

    @property
    def records(self) -> int:
        return sum(f.records for f in self.files)


def files_in(paths: Sequence[str | Path]) -> list[Path]:
    """The files to read: each file given, and every supported, non-hidden file under each folder."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                                and not f.name.startswith(".")))
        else:
            files.append(p)
    return files


def ingest_paths(kb: KnowledgeBase, paths: Sequence[str | Path], url: str | None = None) -> IngestReport:
    """Ingest files and folders; a bad file is reported and skipped, the others go on.

    ``url``, the address of the original programme page, is stored with the source; it names one
    page, so it is refused (BadInput) for more than one file.
    """
    files = files_in(paths)
    if url is not None:
        url = page_address(url)
        if len(files) != 1:
            raise BadInput(f"one page address was given for {len(files)} files; give it with one file at a time",
                           code="url.needs_one_file")
    report = IngestReport()
    kb.index()  # load (or repair) the index before the first file, not in the middle of the batch
    taken: dict[str, Path] = {}  # source name → the file of this run that has it
    for path in files:
        file_report = FileReport(str(path))
        report.files.append(file_report)
        try:
            doc = replace(read_document(path, kb.settings.max_file_mb), url=url)
            check_identity(kb, doc, path, taken)
            records = process(doc, kb.embedder, kb.cache, kb.progress)
            before = kb.store.ids_for_source(doc.name)
            stored = kb.store_document(doc, records, save=False)
        except BadInput as exc:
            file_report.error = str(exc)
            continue
        file_report.records = len(records)
        file_report.added = len({r.id for r in stored} - before)
        file_report.removed = len(before - kb.store.ids_for_source(doc.name))
    kb.sync_index()
    return report


def check_identity(kb: KnowledgeBase, doc: Document, path: Path, taken: dict[str, Path]) -> None:
    """Refuse a second, different text under a name already in use; nothing is overwritten.

    A source is known by its file name (the contract's `source`). The same file again, a
    changed file at the same place, a file moved away from its old place, or a new version
    of the stored text (most of its lines still there) replaces the stored text as before;
    another text whose namesake still exists elsewhere does not.
    """
    other = taken.setdefault(doc.name, path)
    if other != path and other.resolve() != path.resolve():
        raise BadInput(f"{path}: {other} in this same ingest has the name {doc.name!r} too; sources are known "
                       "by file name, so rename one of them (for example with its year)",
                       code="file.same_name_twice", name=doc.name)
    stored = kb.store.source_info(doc.name)
    if stored is None or stored["sha256"] == doc.sha256:
        return
    old = Path(stored["path"])
    if old.resolve() == path.resolve() or not old.is_file():
        return
    if shared_lines(kb.store.source_text(doc.name), doc.text) < SAME_TEXT_SHARE:
        raise BadInput(f"{path}: a different text named {doc.name!r} is already stored (from {old}); rename this "
                       "file (for example with its year), or remove the old one to replace it",
                       code="file.other_text_stored", name=doc.name)


def shared_lines(old: str, new: str) -> float:
    """The share of the old text's distinct lines (of some length) that the new text still holds."""
    lines = {line.strip() for line in old.splitlines() if len(line.strip()) >= MIN_LINE}
    if not lines:
        return 1.0
    return len(lines & {line.strip() for line in new.splitlines()}) / len(lines)


def preview_upload(kb: KnowledgeBase, name: str, data: bytes, url: str | None = None) -> Preview:
    """Read and segment an uploaded programme text exactly like ingest, without storing anything.

    ``url`` (optional) is the address of the original programme page, kept with the source when stored.
    """
    name = Path(name).name
    url = page_address(url) if url and url.strip() else None
    limit = kb.settings.max_file_mb
    check_file(name, len(data), limit)
    document = replace(document_from_bytes(name, data, f"(upload) {name}", limit), url=url)
    return Preview(document, process(document, kb.embedder, kb.cache, kb.progress))
