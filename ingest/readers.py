"""Turn an input file into the text that records point into.

Plain text is decoded as UTF-8 exactly (record offsets index that string);
other encodings are detected and decoded, HTML/PDF/DOCX are converted to text.
Files that are empty, binary, undecodable or too large are refused with a
`BadInput` that names the file and the problem.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import re
from pathlib import Path

from kb.errors import BadInput
from kb.record import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}
DROP_HTML = ("script", "style", "noscript", "nav", "header", "footer", "form", "aside", "svg", "iframe")
BLOCK_HTML = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "br",
              "ul", "ol", "table", "blockquote", "dd", "dt")


def read_document(path: Path | str, max_mb: float = 20.0) -> Document:
    path = Path(path)
    if not path.is_file():
        raise BadInput(f"{path}: not a file", code="file.missing", name=str(path))
    check_file(path.name, path.stat().st_size, max_mb)
    data = path.read_bytes()
    return document_from_bytes(path.name, data, str(path), max_mb)


def check_file(name: str, size: int, max_mb: float) -> None:
    """Refuse a file by its name and size before reading it: a type we cannot read, or more than ``max_mb``."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise BadInput(f"{name}: unsupported file type {suffix!r} (use .txt, .md, .html, .pdf or .docx)",
                       code="file.unsupported_type", name=name, suffix=suffix)
    if size > max_mb * 1024 * 1024:
        raise BadInput(f"{name}: {size / 1024 / 1024:.1f} MB is larger than the {max_mb:g} MB limit "
                       "(KB_MAX_FILE_MB)",
                       code="file.too_large", name=name, mb=round(size / 1024 / 1024, 1), limit=max_mb)


def document_from_bytes(name: str, data: bytes, path: str = "", max_mb: float = 20.0) -> Document:
    """Same as read_document for bytes already in memory (the app's upload).

    The limit holds for the extracted text too: a small DOCX or PDF can expand to far more text.
    """
    suffix = Path(name).suffix.lower()
    if not data.strip():
        raise BadInput(f"{name}: the file is empty", code="file.empty", name=name)
    if suffix in HTML_SUFFIXES:
        text, encoding = html_to_text(decode(name, data)[0]), "html"
    elif suffix == ".pdf":
        text, encoding = pdf_to_text(name, data), "pdf"
    elif suffix == ".docx":
        text, encoding = docx_to_text(name, data), "docx"
    elif (bom := _bom_encoding(data)) is not None:  # UTF-16/32 text: NUL bytes, but no binary
        text, encoding = data.decode(bom), bom
    else:
        if looks_binary(data):
            raise BadInput(f"{name}: looks like a binary file, not a text (found NUL or control bytes)",
                           code="file.binary", name=name)
        text, encoding = decode(name, data)
        if suffix in TEXT_SUFFIXES and _looks_like_html(text):
            text, encoding = html_to_text(text), "html"
    if not text.strip():
        raise BadInput(f"{name}: no text found in the file", code="file.no_text", name=name)
    if len(text) > max_mb * 1024 * 1024:
        raise BadInput(f"{name}: the file expands to {len(text) / 1024 / 1024:.1f} million characters of text, "
                       f"more than the {max_mb:g} MB limit (KB_MAX_FILE_MB)",
                       code="file.expands_too_far", name=name, limit=max_mb)
    return Document(name=name, path=path or name, text=text, encoding=encoding,
                    sha256=hashlib.sha256(data).hexdigest())


def _bom_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 announced by a byte-order mark (the codec drops the mark)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.01


def decode(name: str, data: bytes) -> tuple[str, str]:
    """UTF-8 when it is valid UTF-8 (no normalisation), else Windows-1252 (how Flemish offices save
    legacy text), else whatever charset-normalizer detects."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BadInput(f"{name}: cannot decode the text (not UTF-8 and no known encoding fits)",
                       code="file.undecodable", name=name)
    encoding = best.encoding
    if encoding.replace("_", "").lower() in ("latin1", "iso88591"):
        encoding = "cp1252"  # Windows files labelled Latin-1 use cp1252's quotes and euro sign
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise BadInput(f"{name}: cannot decode the text as {encoding}: {exc.reason}",
                       code="file.undecodable", name=name, encoding=encoding) from exc


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def html_to_text(html: str) -> str:
    """Visible text of a page, one block a paragraph; page furniture (nav, header, footer, scripts) dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(DROP_HTML):
        tag.decompose()
    for tag in soup.find_all(BLOCK_HTML):
        tag.insert_before("\n\n" if tag.name not in ("br", "li", "tr") else "\n")
    body = soup.body or soup
    text = body.get_text()
    text = re.sub(r"[ \t\r\f\v]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def pdf_to_text(name: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise BadInput(f"{name}: not a readable PDF ({exc})", code="file.bad_pdf", name=name) from exc
    return "\n\n".join(p.strip() for p in pages if p.strip()) + "\n"


def docx_to_text(name: str, data: bytes) -> str:
    import zipfile

    from docx import Document as DocxDocument
    from lxml.etree import LxmlError

    try:
        doc = DocxDocument(io.BytesIO(data))
        paragraphs = [p.text.strip() for p in doc.paragraphs]
    except (zipfile.BadZipFile, KeyError, ValueError, LxmlError) as exc:
        raise BadInput(f"{name}: not a readable DOCX ({type(exc).__name__}: {exc})",
                       code="file.bad_docx", name=name) from exc
    return "\n\n".join(p for p in paragraphs if p) + "\n"
