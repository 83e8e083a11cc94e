"""Readers: exact UTF-8, legacy encodings, HTML, and clear refusals that name the file."""
from __future__ import annotations

import pytest

from ingest.readers import document_from_bytes, read_document
from ingest.run import ingest_paths
from kb.errors import BadInput

DUTCH = "Het OCMW van Mechelen werkt met zorgcoaches – café, coördinatie, € 70.\n"


def test_utf8_is_decoded_exactly(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(("\xa0 " + DUTCH).encode("utf-8"))
    doc = read_document(path)
    assert doc.text == "\xa0 " + DUTCH and doc.encoding == "utf-8" and doc.name == "a.txt"


def test_cp1252_is_detected(tmp_path):
    path = tmp_path / "oud.txt"
    path.write_bytes((DUTCH * 5).encode("cp1252"))
    doc = read_document(path)
    assert doc.text == DUTCH * 5 and doc.encoding == "cp1252"


@pytest.mark.parametrize("content", [b"", b"   \n\n\t "])
def test_empty_file_refused_with_its_name(tmp_path, content):
    path = tmp_path / "leeg.txt"
    path.write_bytes(content)
    with pytest.raises(BadInput, match=r"leeg\.txt: the file is empty"):
        read_document(path)


def test_binary_file_refused(tmp_path):
    path = tmp_path / "foto.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(BadInput, match=r"foto\.txt: looks like a binary file"):
        read_document(path)


def test_too_large_refused(tmp_path):
    path = tmp_path / "groot.txt"
    path.write_bytes(b"a" * (1024 * 1024 + 10))
    with pytest.raises(BadInput, match=r"groot\.txt: .*larger than the 1 MB limit"):
        read_document(path, max_mb=1)


def test_unsupported_suffix_refused(tmp_path):
    path = tmp_path / "data.xls"
    path.write_bytes(b"x")
    with pytest.raises(BadInput, match="unsupported file type"):
        read_document(path)


def test_html_page_keeps_text_and_drops_furniture():
    html = ("<html><head><style>p{}</style><script>alert(1)</script></head><body><nav>Home | Contact</nav>"
            "<h1>Trefdag</h1><p>Zorgcoachen <b>Mechelen</b>: het OCMW werkt met zorgcoaches.</p>"
            "<footer>© VVSG</footer></body></html>")
    doc = document_from_bytes("pagina.html", html.encode("utf-8"))
    assert "Zorgcoachen Mechelen: het OCMW" in doc.text and "Trefdag" in doc.text
    assert "alert" not in doc.text and "Home | Contact" not in doc.text and "VVSG" not in doc.text


def test_html_in_a_txt_file_is_recognised():
    doc = document_from_bytes("p.txt", b"<!DOCTYPE html><html><body><p>Buurtwerk in Gent</p></body></html>")
    assert doc.encoding == "html" and doc.text.strip() == "Buurtwerk in Gent"


def test_broken_pdf_refused():
    with pytest.raises(BadInput, match=r"x\.pdf: not a readable PDF"):
        document_from_bytes("x.pdf", b"%PDF-1.4 garbage that is not a pdf")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_bom_marked_utf16_and_utf32_text_is_read(encoding: str) -> None:
    doc = document_from_bytes("programma.txt", DUTCH.encode(encoding))
    assert doc.text == DUTCH and doc.encoding == encoding


def _broken_docx() -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override '
                   'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", '<w:document xmlns:w="x"><w:body><w:p>kapot')
    return buf.getvalue()


def test_a_docx_with_broken_xml_is_one_clear_error() -> None:
    with pytest.raises(BadInput, match=r"kapot\.docx: not a readable DOCX \(XMLSyntaxError"):
        document_from_bytes("kapot.docx", _broken_docx())


def test_ingest_goes_on_after_a_broken_docx(fake_kb, tmp_path) -> None:
    (tmp_path / "a_kapot.docx").write_bytes(_broken_docx())
    (tmp_path / "b_programma.txt").write_text("Buurtwerk in Gent\n\nHet OCMW van Gent organiseert elke week een "
                                               "ontmoeting voor bewoners van de wijk, met koffie en een luisterend "
                                               "oor voor wie het moeilijk heeft.\n", encoding="utf-8")
    report = ingest_paths(fake_kb, [tmp_path])
    assert [f.error is not None for f in report.files] == [True, False]
    assert [r.source for r in fake_kb.records()] == ["b_programma.txt"]
