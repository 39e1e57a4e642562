"""Tests of the document readers (pipeline.read); every fixture is built here, in tmp_path."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import (
    CorruptDocument,
    DecodingError,
    EmptyDocument,
    EncryptedDocument,
    InputError,
    UnsupportedFormat,
)
from pipeline.read import RawDocument, read_bytes, read_document
from pipeline.read import html as html_reader
from pipeline.read import pdf as pdf_reader
from pipeline.read.pdf import join_lines
from pipeline.read.txt import albanian_score

ALBANIAN = "Përfaqësues të Drejtorisë së Policisë, Korçë"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    """Write bytes to tmp_path/name and return the path."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def block_texts(doc: RawDocument) -> list[tuple[str, str]]:
    """(kind, text) of every block, sliced from doc.text by the block offsets."""
    return [(block.kind, doc.text[block.start:block.end]) for block in doc.blocks]


def assert_consistent(doc: RawDocument) -> None:
    """The text is exactly the blocks' texts joined with blank lines."""
    assert doc.text == "\n\n".join(text for _, text in block_texts(doc))


def non_space(text: str) -> str:
    """The non-whitespace characters of a text, in order."""
    return "".join(ch for ch in text if not ch.isspace())


# --- txt ---------------------------------------------------------------------------------

TXT_SAMPLE = f"Njoftim për shtyp\n\n{ALBANIAN}\nmorën pjesë në mbledhje.\n\nParagrafi i dytë."


def test_txt_utf8_blocks_heading_and_kept_single_newlines(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", TXT_SAMPLE.encode("utf-8")))
    assert doc.method == "txt:utf-8"
    assert doc.format == "txt"
    assert doc.warnings == []
    assert doc.title == "Njoftim për shtyp"
    assert block_texts(doc) == [
        ("heading", "Njoftim për shtyp"),
        ("paragraph", f"{ALBANIAN}\nmorën pjesë në mbledhje."),
        ("paragraph", "Paragrafi i dytë."),
    ]
    assert_consistent(doc)


def test_txt_first_block_that_is_a_sentence_is_not_a_heading(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"Mbledhja u mbajt sot.\n\nTjeter."))
    assert [block.kind for block in doc.blocks] == ["paragraph", "paragraph"]
    assert doc.title is None


def test_txt_utf8_bom_is_stripped(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + TXT_SAMPLE.encode("utf-8")))
    assert doc.text.startswith("Njoftim për shtyp")
    assert "\ufeff" not in doc.text
    assert doc.method == "txt:utf-8"
    assert doc.warnings == []


@pytest.mark.parametrize("codec, bom, method", [
    ("utf-16-le", b"\xff\xfe", "txt:utf-16-le"),
    ("utf-16-be", b"\xfe\xff", "txt:utf-16-be"),
])
def test_txt_utf16_with_bom(tmp_path, codec, bom, method):
    data = bom + TXT_SAMPLE.replace("\n", "\r\n").encode(codec)
    doc = read_document(write(tmp_path, "a.txt", data))
    assert doc.method == method
    assert ALBANIAN in doc.text
    assert "\r" not in doc.text
    assert doc.warnings == []


def test_txt_cp1250_albanian_is_decoded_with_a_warning(tmp_path):
    text = f"„{ALBANIAN}” morën pjesë."
    doc = read_document(write(tmp_path, "a.txt", text.encode("cp1250")))
    assert doc.text == text
    assert doc.method == "txt:cp1250"
    assert doc.warnings == ["decoded as cp1250 (not UTF-8)"]


def test_albanian_score_prefers_the_right_code_page():
    data = f"„{ALBANIAN}”".encode("cp1250")
    assert albanian_score(data.decode("cp1250")) > albanian_score(data.decode("iso-8859-2"))
    assert albanian_score("Korçë") > albanian_score("Kor\u010d\u0115")


def test_txt_mojibake_is_repaired(tmp_path):
    mojibake = ALBANIAN.encode("utf-8").decode("cp1252")
    assert "Ã«" in mojibake
    doc = read_document(write(tmp_path, "a.txt", mojibake.encode("utf-8")))
    assert doc.text == ALBANIAN
    assert doc.warnings == ["repaired mis-decoded UTF-8 (mojibake)"]


def test_txt_binary_is_a_decoding_error(tmp_path):
    path = write(tmp_path, "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DecodingError) as info:
        read_document(path)
    assert info.value.reason == "binary data, not text"


def test_txt_control_characters_are_a_decoding_error():
    with pytest.raises(DecodingError):
        read_bytes(b"\x01\x02\x03\x04\x05abc" * 10, suffix=".txt", name="ctl.txt")


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t ", b"\xef\xbb\xbf", b"\xff\xfe \x00\n\x00"])
def test_txt_empty_or_whitespace_is_empty_document(tmp_path, data):
    with pytest.raises(EmptyDocument) as info:
        read_document(write(tmp_path, "empty.txt", data))
    assert info.value.reason == "empty file"


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_txt_utf8_round_trip_keeps_non_space_characters(text):
    try:
        doc = read_bytes(text.encode("utf-8"), suffix=".txt", name="prop.txt")
    except InputError:
        return
    assert_consistent(doc)
    if "repaired mis-decoded UTF-8 (mojibake)" in doc.warnings:
        return  # ftfy changed characters on purpose
    expected = text[1:] if text.startswith("\ufeff") else text
    assert non_space(doc.text) == non_space(expected)


# --- html --------------------------------------------------------------------------------

FURNITURE_PAGE = """<!DOCTYPE html>
<html lang="sq"><head><meta charset="utf-8">
<title>KRAT Korçë zhvillon mbledhjen e radhës – Prefektura Korçë</title>
<meta property="og:site_name" content="Prefektura Korçë">
{meta}
<script>var tracking = "SCRIPTJUNK";</script>
<style>.x {{ color: red }}</style>
</head><body class="single has-sidebar comments-open">
<div id="cookie-banner">COOKIEJUNK Kjo faqe përdor cookies. Prano</div>
<header><nav class="main-menu"><ul><li><a href="/">MENUJUNK Kreu</a></li>
<li><a href="/lajme">Lajme</a></li></ul></nav></header>
<div class="container">
<article class="post">
<h1 class="entry-title">KRAT Korçë zhvillon mbledhjen e radhës</h1>
<div class="entry-content">
<p>Më datë 12 mars 2024, në ambientet e Prefekturës Korçë u zhvillua mbledhja e Komitetit
Rajonal kundër Trafikimit të Qenieve Njerëzore, e kryesuar nga Prefekti i Qarkut.</p>
<p>Në mbledhje morën pjesë përfaqësues të Drejtorisë së Policisë, Korçë, të Zyrës Vendore
Arsimore, të Drejtorisë Rajonale të Shëndetit Publik dhe të organizatave të shoqërisë civile.</p>
<h2>Vendimet e mbledhjes</h2>
<ul><li>Ngritja e një grupi pune për identifikimin e hershëm të viktimave.</li>
<li>Fushatë sensibilizuese në shkollat e qarkut gjatë muajit prill.</li></ul>
<table><tr><td>Arben Hoxha</td><td>Prefektura</td><td>Kryetar</td></tr>
<tr><td>Elona Dervishi</td><td>Policia</td><td>Anëtare</td></tr></table>
<p>Mbledhja e ardhshme e komitetit do të zhvillohet në muajin qershor të këtij viti.</p>
</div>
<div class="share-buttons"><a href="#">SHAREJUNK Shpërndaje në Facebook</a></div>
</article>
<aside class="sidebar widget"><h3>Lajmet e fundit</h3><ul><li><a href="/a">SIDEBARJUNK</a></li></ul></aside>
<div id="comments" class="comments-area"><h3 id="reply-title">Lini një koment</h3>
<form id="commentform"><label>Emri</label><textarea>COMMENTJUNK</textarea>
<input type="submit" value="Posto komentin"></form></div>
</div>
<footer class="site-footer">FOOTERJUNK © 2024 Prefektura Korçë</footer>
</body></html>
"""
JUNK = ("SCRIPTJUNK", "COOKIEJUNK", "MENUJUNK", "SHAREJUNK", "SIDEBARJUNK", "COMMENTJUNK",
        "FOOTERJUNK", "Lini një koment", "Posto komentin", "color: red", "Lajmet e fundit")


def html_page(meta: str = "") -> bytes:
    """The furniture-laden test page with extra <head> markup."""
    return FURNITURE_PAGE.format(meta=meta).encode("utf-8")


def test_html_main_text_without_furniture_and_with_metadata_date(tmp_path):
    meta = '<meta property="article:published_time" content="2024-03-12T10:15:00+01:00">'
    doc = read_document(write(tmp_path, "page.html", html_page(meta)))
    assert doc.format == "html"
    assert doc.method in ("html:trafilatura", "html:fallback")
    for junk in JUNK:
        assert junk not in doc.text, junk
    assert doc.published == "2024-03-12"
    assert doc.title == "KRAT Korçë zhvillon mbledhjen e radhës"
    texts = block_texts(doc)
    assert texts[0] == ("heading", "KRAT Korçë zhvillon mbledhjen e radhës")
    assert ("heading", "Vendimet e mbledhjes") in texts
    assert ("paragraph", "Ngritja e një grupi pune për identifikimin e hershëm të viktimave.") in texts
    rows = [text for kind, text in texts if kind == "table_row"]
    assert rows == ["Arben Hoxha | Prefektura | Kryetar", "Elona Dervishi | Policia | Anëtare"]
    assert "përfaqësues të Drejtorisë së Policisë, Korçë" in doc.text
    assert texts[-1][1].startswith("Mbledhja e ardhshme")
    assert_consistent(doc)


def test_html_without_metadata_has_no_date_even_with_dates_in_text(tmp_path):
    doc = read_document(write(tmp_path, "page.htm", html_page()))
    assert "12 mars 2024" in doc.text
    assert doc.published is None


@pytest.mark.parametrize("meta, body_extra, expected", [
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
     '"datePublished": "2023-11-05T08:00:00Z"}]}</script>', "", "2023-11-05"),
    ('<meta name="dc.date" content="2022-06-02">', "", "2022-06-02"),
    ('<meta itemprop="datePublished" content="2021-01-26">', "", "2021-01-26"),
    ("", '<article><time class="entry-date" datetime="2020-02-27T09:00">27 shkurt</time></article>',
     "2020-02-27"),
])
def test_html_date_from_other_metadata(meta, body_extra, expected):
    data = html_page(meta).replace(b"</body>", body_extra.encode() + b"</body>")
    assert read_bytes(data, suffix=".html", name="p.html").published == expected


def test_html_fallback_extractor_drops_furniture():
    markup, _ = html_reader.decode_html(html_page(), name="p.html")
    pieces = html_reader.fallback_extract(html_reader.parse_html(markup, name="p.html"))
    text = "\n".join(piece.text for piece in pieces)
    for junk in JUNK:
        assert junk not in text, junk
    assert pieces[0] == ("heading", "KRAT Korçë zhvillon mbledhjen e radhës", None)
    assert ("table_row", "Elona Dervishi | Policia | Anëtare", None) in pieces


def test_html_fallback_wins_when_trafilatura_finds_nothing(monkeypatch):
    monkeypatch.setattr(html_reader, "trafilatura_extract", lambda markup: [])
    doc = read_bytes(html_page(), suffix=".html", name="p.html")
    assert doc.method == "html:fallback"
    assert "Mbledhja e ardhshme e komitetit" in doc.text
    assert "SIDEBARJUNK" not in doc.text


def test_html_fallback_wins_when_trafilatura_finds_much_less(monkeypatch):
    monkeypatch.setattr(html_reader, "trafilatura_extract",
                        lambda markup: [html_reader.Piece("paragraph", "Vendimet e mbledhjes")])
    doc = read_bytes(html_page(), suffix=".html", name="p.html")
    assert doc.method == "html:fallback"
    assert "Fushatë sensibilizuese" in doc.text


def test_html_furniture_labels_are_dropped_whole_only():
    pieces = [html_reader.Piece("heading", "Lini një koment"), html_reader.Piece("paragraph", "Komente:"),
              html_reader.Piece("heading", "Leave a Reply"), html_reader.Piece("paragraph", "Share this:"),
              html_reader.Piece("paragraph", "Komente të anëtarëve u dhanë në mbledhje.")]
    kept = html_reader.drop_furniture_blocks(pieces)
    assert [piece.text for piece in kept] == ["Komente të anëtarëve u dhanë në mbledhje."]


def test_html_title_strips_pipe_site_suffix_and_heads_the_text():
    page = ("<html><head><title>Mbledhja e KRAT Vlorë | Prefektura Vlorë</title>"
            '<meta property="og:site_name" content="Prefektura Vlorë"></head><body>'
            "<div><p>" + "Teksti i njoftimit për shtyp për mbledhjen e komitetit. " * 5 + "</p></div>"
            "</body></html>").encode()
    doc = read_bytes(page, suffix=".html", name="v.html")
    assert doc.title == "Mbledhja e KRAT Vlorë"
    assert block_texts(doc)[0] == ("heading", "Mbledhja e KRAT Vlorë")
    assert "Teksti i njoftimit" in doc.text


def test_html_stray_control_characters_are_dropped():
    page = b"<html><body><article><p>Mbledhja\x0b e KRAT\x01 n\xc3\xab Kor\xc3\xa7\xc3\xab.</p>" + \
        b"<p>" + b"Teksti vijon me vendimet e komitetit. " * 10 + b"</p></article></body></html>"
    doc = read_bytes(page, suffix=".html", name="ctl.html")
    assert "Mbledhja e KRAT në Korçë." in doc.text


def test_html_binary_and_empty(tmp_path):
    with pytest.raises(DecodingError):
        read_document(write(tmp_path, "bin.html", b"<html>\x00\x01\x02</html>"))
    with pytest.raises(EmptyDocument):
        read_document(write(tmp_path, "empty.html", b" \n"))
    with pytest.raises(EmptyDocument):
        read_document(write(tmp_path, "blank.html", b"<html><body><script>x()</script></body></html>"))


# --- docx --------------------------------------------------------------------------------

WORD_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
TEXTBOX_RUN = (
    f"<w:r {WORD_NS}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>"
    "<w:txbxContent><w:p><w:r><w:t>Teksti në kutinë e tekstit.</w:t></w:r></w:p></w:txbxContent>"
    "</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
    "<w:txbxContent><w:p><w:r><w:t>Teksti në kutinë e tekstit.</w:t></w:r></w:p></w:txbxContent>"
    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)
ALTERNATE_CONTENT = (  # a run with a fallback copy: its text must appear once
    f"<mc:AlternateContent {WORD_NS}><mc:Choice Requires=\"w14\"><w:r><w:t>.</w:t></w:r>"
    "</mc:Choice><mc:Fallback><w:r><w:t>.</w:t></w:r></mc:Fallback></mc:AlternateContent>"
)
PARTICIPANTS = [
    ("Emri", "Institucioni", "Roli"),
    ("Arben Hoxha", "Prefektura Korçë", "Kryetar"),
    ("Elona Dervishi", "Drejtoria e Policisë", "Anëtare"),
]


def make_docx(core_title: str = "") -> bytes:
    """A minutes-like .docx: heading, paragraphs, a 3-column table, a text box, a header."""
    document = docx.Document()
    document.core_properties.title = core_title
    document.sections[0].header.paragraphs[0].text = "HEADERJUNK Prefektura"
    document.add_heading("Procesverbal i mbledhjes së KRAT Korçë", level=1)
    document.add_paragraph("Më datë 12.03.2024 u mblodh komiteti.")
    document.add_paragraph("")
    table = document.add_table(rows=len(PARTICIPANTS), cols=3)
    for r, row in enumerate(PARTICIPANTS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    anchor = document.add_paragraph("Paragrafi pas tabelës")
    anchor._p.append(parse_xml(ALTERNATE_CONTENT))
    anchor._p.append(parse_xml(TEXTBOX_RUN))
    document.add_heading("Vendime", level=2)
    document.add_paragraph("Fund i procesverbalit.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_blocks_in_document_order(tmp_path):
    doc = read_document(write(tmp_path, "minutes.docx", make_docx()))
    assert doc.format == "docx"
    assert doc.method == "docx:python-docx"
    assert doc.published is None
    assert doc.title == "Procesverbal i mbledhjes së KRAT Korçë"
    assert block_texts(doc) == [
        ("heading", "Procesverbal i mbledhjes së KRAT Korçë"),
        ("paragraph", "Më datë 12.03.2024 u mblodh komiteti."),
        ("table_row", "Emri | Institucioni | Roli"),
        ("table_row", "Arben Hoxha | Prefektura Korçë | Kryetar"),
        ("table_row", "Elona Dervishi | Drejtoria e Policisë | Anëtare"),
        ("paragraph", "Paragrafi pas tabelës."),
        ("paragraph", "Teksti në kutinë e tekstit."),
        ("heading", "Vendime"),
        ("paragraph", "Fund i procesverbalit."),
    ]
    assert "HEADERJUNK" not in doc.text
    assert_consistent(doc)


def test_docx_title_from_core_properties_and_merged_cells_once():
    document = docx.Document(io.BytesIO(make_docx(core_title="Titulli nga vetitë")))
    table = document.tables[0]
    table.cell(0, 1).merge(table.cell(0, 2))
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_bytes(buffer.getvalue(), suffix=".DOCX", name="m.docx")
    assert doc.title == "Titulli nga vetitë"
    assert block_texts(doc)[2] == ("table_row", "Emri | Institucioni Roli")


def test_docx_without_text_is_empty():
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(EmptyDocument) as info:
        read_bytes(buffer.getvalue(), suffix=".docx", name="blank.docx")
    assert info.value.reason == "empty document (no text)"


def test_docx_not_a_zip(tmp_path):
    with pytest.raises(CorruptDocument) as info:
        read_document(write(tmp_path, "fake.docx", b"This is plain text, not a Word file."))
    assert info.value.reason == "not a valid .docx (not a zip archive)"


def test_docx_zip_without_document_xml(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(CorruptDocument) as info:
        read_document(write(tmp_path, "other.docx", buffer.getvalue()))
    assert info.value.reason == "not a valid .docx (no word/document.xml)"


def test_docx_truncated_zip(tmp_path):
    data = make_docx()
    with pytest.raises(CorruptDocument) as info:
        read_document(write(tmp_path, "cut.docx", data[: len(data) // 2]))
    assert info.value.reason.startswith("not a valid .docx")


def test_docx_ole_file_is_encrypted_or_legacy(tmp_path):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    with pytest.raises(EncryptedDocument) as info:
        read_document(write(tmp_path, "secret.docx", data))
    assert info.value.reason == "encrypted or legacy .doc file, not .docx"


# --- pdf ---------------------------------------------------------------------------------

WRAPPED = ("Më datë 12 mars 2024 në Korçë u zhvillua mbledhja e Komitetit Rajonal kundër "
           "Trafikimit të Qenieve Njerëzore, ku u diskutua plani vjetor i punës dhe u "
           "prezantuan rezultatet e tremujorit të parë nga të gjitha institucionet anëtare.")
AGENDA_ITEM = "Pika e dytë e rendit të ditës"  # no final period: only the gap ends it
PAGE_TWO = ("Në faqen e dytë vazhdon procesverbali me diskutimin e anëtarëve të komitetit "
            "dhe me propozimet për fushatën sensibilizuese që do të zhvillohet në shkolla.")


def make_pdf(*, title: str = "Procesverbal KRAT Korçë", blank_pages: tuple[int, ...] = (),
             table: bool = True, pages: int = 2, password: str | None = None) -> bytes:
    """A two-page minutes PDF: heading, wrapped paragraphs, a hyphenated break, a ruled table."""
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    for number in range(1, pages + 1):
        pdf.add_page()
        if number in blank_pages:
            continue
        if number == 1:
            _pdf_first_page(pdf, table)
        else:
            pdf.set_font("Helvetica", size=11)
            pdf.cell(0, 6, AGENDA_ITEM, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5)
            pdf.multi_cell(0, 6, PAGE_TWO)
    return bytes(pdf.output())


def _pdf_first_page(pdf: FPDF, table: bool) -> None:
    """Heading, wrapped paragraph, hyphenated two-line paragraph, optional table, trailing line."""
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Njoftim për shtyp", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, WRAPPED)
    pdf.ln(5)
    pdf.cell(0, 6, "Në mbledhje morën pjesë përfaqësues të Drejto-", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "risë së Policisë dhe të Prefekturës.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    if table:
        with pdf.table(col_widths=(50, 60, 70)) as grid:
            for values in PARTICIPANTS:
                row = grid.row()
                for value in values:
                    row.cell(value)
        pdf.ln(5)
    pdf.multi_cell(0, 6, "Mbledhja u mbyll me miratimin e vendimeve.")


def test_pdf_reading_order_paragraphs_hyphenation_and_table(tmp_path):
    doc = read_document(write(tmp_path, "minutes.pdf", make_pdf()))
    assert doc.format == "pdf"
    assert doc.method == "pdf:pypdfium2+pdfplumber"
    assert doc.title == "Procesverbal KRAT Korçë"
    assert doc.warnings == []
    assert block_texts(doc) == [
        ("heading", "Njoftim për shtyp"),
        ("paragraph", WRAPPED),
        ("paragraph", "Në mbledhje morën pjesë përfaqësues të Drejtorisë së Policisë dhe të Prefekturës."),
        ("table_row", "Emri | Institucioni | Roli"),
        ("table_row", "Arben Hoxha | Prefektura Korçë | Kryetar"),
        ("table_row", "Elona Dervishi | Drejtoria e Policisë | Anëtare"),
        ("paragraph", "Mbledhja u mbyll me miratimin e vendimeve."),
        ("paragraph", AGENDA_ITEM),
        ("paragraph", PAGE_TWO),
    ]
    assert [block.page for block in doc.blocks] == [1, 1, 1, 1, 1, 1, 1, 2, 2]
    assert doc.text.count("Arben Hoxha") == 1
    assert_consistent(doc)


def test_pdf_label_lines_list_items_and_a_sentence_over_a_page_break():
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for line in ("Data: 26.09.2018, ora 11:00", "Vendi: Salla e mbledhjeve", "Rendi i ditës:",
                 "1. Informacion mbi zbatimin e Planit të Veprimit.", "2. Të ndryshme."):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.cell(0, 6, "Z. Gjovalin Kola (DAR Lezhë) u ndal te braktisja e shkollës në zonat malore dhe te",
             new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.cell(0, 6, "nevoja për psikologë në shkollat e bashkuara.", new_x="LMARGIN", new_y="NEXT")
    doc = read_bytes(bytes(pdf.output()), suffix=".pdf", name="labels.pdf")
    assert block_texts(doc) == [
        ("paragraph", "Data: 26.09.2018, ora 11:00"),
        ("paragraph", "Vendi: Salla e mbledhjeve"),
        ("paragraph", "Rendi i ditës:"),
        ("paragraph", "1. Informacion mbi zbatimin e Planit të Veprimit."),
        ("paragraph", "2. Të ndryshme."),
        ("paragraph", "Z. Gjovalin Kola (DAR Lezhë) u ndal te braktisja e shkollës në zonat malore dhe te "
                      "nevoja për psikologë në shkollat e bashkuara."),
    ]
    assert [block.page for block in doc.blocks] == [1, 1, 1, 1, 1, 1]


def full_line(pdf: FPDF, start: str, end: str = "", indent: float = 0.0) -> str:
    """Words appended to ``start`` until the line (after ``indent`` mm) nearly fills the width."""
    words = "komiteti rajonal shqyrtoi masat për mbrojtjen e viktimave dhe fëmijëve".split()
    line, index = start, 0
    while pdf.get_string_width(f"{line} {words[index % len(words)]}{end}") < pdf.epw - indent - 2:
        line, index = f"{line} {words[index % len(words)]}", index + 1
    return line + end


def test_pdf_title_line_after_a_sentence_and_an_indented_first_line():
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    indent = 10.0
    lines = [
        full_line(pdf, "Mbledhja", "."),  # a full line ending a sentence ...
        "Vendimet e mbledhjes",  # ... then a short capitalised title line: new paragraph
        full_line(pdf, "Prefekti"),
        full_line(pdf, "dhe", "."),  # a full line ending a sentence ...
        full_line(pdf, "Sipas", indent=indent),  # ... then an indented full line: new paragraph
        "fundi.",
    ]
    for number, line in enumerate(lines):
        if number == 4:
            pdf.set_x(pdf.l_margin + indent)
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    doc = read_bytes(bytes(pdf.output()), suffix=".pdf", name="indent.pdf")
    assert [text for _, text in block_texts(doc)] == [
        lines[0], lines[1], f"{lines[2]} {lines[3]}", f"{lines[4]} {lines[5]}",
    ]


def test_pdf_without_ruling_lines_skips_pdfplumber_and_titles_from_first_line():
    doc = read_bytes(make_pdf(table=False, title="Microsoft Word - procesverbal.docx"),
                     suffix=".PDF", name="plain.pdf")
    assert doc.method == "pdf:pypdfium2"
    assert doc.title == "Njoftim për shtyp"
    assert "Emri" not in doc.text


def test_pdf_pdfplumber_runs_only_on_pages_with_a_grid(monkeypatch):
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.line(10, 20, 200, 20)  # a header rule: not a table
    pdf.multi_cell(0, 6, WRAPPED)
    ruled_only = bytes(pdf.output())
    calls: list[int] = []
    original = pdf_reader._TableFinder.find
    monkeypatch.setattr(pdf_reader._TableFinder, "find",
                        lambda self, index: calls.append(index) or original(self, index))
    assert read_bytes(ruled_only, suffix=".pdf", name="rule.pdf").text == WRAPPED
    assert calls == []
    read_bytes(make_pdf(), suffix=".pdf", name="grid.pdf")
    assert calls == [0]


def test_pdf_truncated_is_corrupt(tmp_path):
    data = make_pdf()
    with pytest.raises(CorruptDocument) as info:
        read_document(write(tmp_path, "cut.pdf", data[: len(data) // 2]))
    assert info.value.reason == "truncated or corrupt PDF"


def test_pdf_cut_before_its_end_marker_is_corrupt(tmp_path):
    # pdfium would rebuild such a file from its objects; a cut download must not pass silently.
    data = make_pdf(pages=3)
    with pytest.raises(CorruptDocument) as info:
        read_document(write(tmp_path, "cut.pdf", data[: data.rfind(b"%%EOF")]))
    assert info.value.reason == "truncated or corrupt PDF"


def test_pdf_not_a_pdf(tmp_path):
    with pytest.raises(CorruptDocument) as info:
        read_document(write(tmp_path, "fake.pdf", b"<html>not a pdf</html>"))
    assert info.value.reason == "not a PDF file"


def test_pdf_encrypted(tmp_path):
    with pytest.raises(EncryptedDocument) as info:
        read_document(write(tmp_path, "secret.pdf", make_pdf(password="sekret")))
    assert info.value.reason == "encrypted PDF (password required)"


def test_pdf_blank_page_gives_a_warning(tmp_path):
    doc = read_document(write(tmp_path, "blank2.pdf", make_pdf(pages=3, blank_pages=(2,))))
    assert doc.warnings == ["no text layer on page 2"]
    assert [block.page for block in doc.blocks][-1] == 3
    assert PAGE_TWO in doc.text


def test_pdf_without_any_text_is_not_an_error(tmp_path):
    doc = read_document(write(tmp_path, "scan.pdf", make_pdf(pages=3, blank_pages=(1, 2, 3))))
    assert doc.text == ""
    assert doc.blocks == []
    assert doc.warnings == ["no text layer on pages 1-3 (scanned PDF?)"]


def test_pdf_unloadable_pages_are_warnings_until_all_fail(monkeypatch):
    original = pdf_reader._read_page

    def flaky(document, index, tables):
        if index == 1:
            raise pdf_reader.pdfium.PdfiumError("Failed to load page.")
        return original(document, index, tables)

    monkeypatch.setattr(pdf_reader, "_read_page", flaky)
    doc = read_bytes(make_pdf(pages=3), suffix=".pdf", name="flaky.pdf")
    assert doc.warnings == ["page 2 could not be read (corrupt)"]
    assert [block.page for block in doc.blocks][-1] == 3
    monkeypatch.setattr(pdf_reader, "_read_page", lambda *args: flaky(args[0], 1, args[2]))
    with pytest.raises(CorruptDocument):
        read_bytes(make_pdf(pages=3), suffix=".pdf", name="broken.pdf")


def test_pdf_many_pages_keep_page_numbers():
    doc = read_bytes(make_pdf(pages=20), suffix=".pdf", name="long.pdf")
    pages = [block.page for block in doc.blocks if doc.text[block.start:block.end] == PAGE_TWO]
    assert pages == list(range(2, 21))
    assert doc.text.count(PAGE_TWO) == 19


@pytest.mark.parametrize("lines, expected", [
    (["përfaqësues të Drejto-", "risë së Policisë"], "përfaqësues të Drejtorisë së Policisë"),
    (["Drejto\x02", "risë"], "Drejtorisë"),
    (["Drejto\u00ad", "risë"], "Drejtorisë"),
    (["Drej\u00adtorisë e", "Policisë"], "Drejtorisë e Policisë"),
    (["Komiteti Anti-", "Trafik"], "Komiteti Anti- Trafik"),
    (["data 2024 -", "korrik"], "data 2024 - korrik"),
])
def test_join_lines_dehyphenates_only_before_lowercase(lines, expected):
    assert join_lines(lines) == expected


# --- damaged input never leaks a third-party exception -----------------------------------

SEEDS = {".pdf": make_pdf(), ".docx": make_docx(), ".html": html_page(), ".txt": TXT_SAMPLE.encode()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SEEDS)), st.data())
def test_damaged_files_raise_only_input_errors(suffix, data):
    damaged = bytearray(SEEDS[suffix])
    mode = data.draw(st.sampled_from(["flip", "cut", "random"]))
    if mode == "flip":
        for _ in range(data.draw(st.integers(1, 20))):
            damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    elif mode == "cut":
        damaged = damaged[: data.draw(st.integers(0, len(damaged)))]
    else:
        damaged = bytearray(data.draw(st.binary(max_size=2000)))
    try:
        doc = read_bytes(bytes(damaged), suffix=suffix, name=f"damaged{suffix}")
    except InputError as error:
        assert "\n" not in str(error)
        assert f"damaged{suffix}" in str(error)
    else:
        assert_consistent(doc)


# --- dispatch and error messages ---------------------------------------------------------

def test_unsupported_format(tmp_path):
    path = write(tmp_path, "notes.xyz", b"hello")
    with pytest.raises(UnsupportedFormat) as info:
        read_document(path)
    assert info.value.reason == "unsupported format: .xyz"
    assert str(info.value) == f"{path}: unsupported format: .xyz"


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "missing.txt")
    assert "missing.txt" in str(info.value)


@pytest.mark.parametrize("name, data, error", [
    ("a.xyz", b"x", UnsupportedFormat),
    ("b.txt", b"", EmptyDocument),
    ("c.txt", b"\x00\x01\x02binary", DecodingError),
    ("d.docx", b"not a zip", CorruptDocument),
    ("e.docx", b"\xd0\xcf\x11\xe0" + b"\x00" * 64, EncryptedDocument),
    ("f.pdf", b"not a pdf", CorruptDocument),
    ("g.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\n", CorruptDocument),
    ("h.html", b"", EmptyDocument),
])
def test_error_messages_are_one_line_and_name_the_file(tmp_path, name, data, error):
    path = write(tmp_path, name, data)
    with pytest.raises(error) as info:
        read_document(path)
    message = str(info.value)
    assert "\n" not in message
    assert name in message
    assert info.value.path == str(path)


def test_encrypted_pdf_message_is_one_line_with_name(tmp_path):
    path = write(tmp_path, "i.pdf", make_pdf(password="x"))
    with pytest.raises(EncryptedDocument) as info:
        read_document(path)
    assert str(info.value) == f"{path}: encrypted PDF (password required)"


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_txt_printable_text_is_never_rejected_as_binary(text):
    data = text.encode("utf-8")
    if not text.removeprefix("\ufeff").strip():
        with pytest.raises(EmptyDocument):
            read_bytes(data, suffix=".txt", name="prop.txt")
        return
    doc = read_bytes(data, suffix=".txt", name="prop.txt")
    assert_consistent(doc)
    if "repaired mis-decoded UTF-8 (mojibake)" not in doc.warnings:
        assert non_space(doc.text) == non_space(text.removeprefix("\ufeff"))


def _columns_pdf(rows, *, prose: str = "") -> bytes:
    """A page with rows of text placed in columns by x position, without any rules."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    y = 20
    if prose:
        pdf.set_xy(20, y)
        pdf.multi_cell(170, 5, prose)
        y = pdf.get_y() + 6
    for row in rows:
        if not row[0]:  # a wrapped line of the row above: at line pitch, not row pitch
            y -= 2.5
        for x, text in zip((20, 32, 80, 140), row, strict=False):
            if text:
                pdf.set_xy(x, y)
                pdf.cell(0, 6, text)
        y += 7
    return bytes(pdf.output())


def test_pdf_table_without_rules_is_read_from_word_positions():
    rows = [("Nr", "Emer Mbiemer", "Institucioni", "Pozicioni"),
            ("1", "Arben Hoxha", "DVP Shkoder", "Shef sektori"),
            ("2", "Elona Dervishi", "ZVAP Shkoder", "Specialiste"),
            ("", "", "", "antitrafik"),                     # a cell's wrapped second line
            ("3", "Gent Lika", "Bashkia Shkoder, NJMF", "Punonjes")]
    raw = read_bytes(_columns_pdf(rows, prose="Procesverbal i mbledhjes se Tryezes Teknike."), suffix=".pdf",
                     name="t.pdf")
    texts = [raw.text[b.start:b.end] for b in raw.blocks if b.kind == "table_row"]
    assert texts == ["Nr | Emer Mbiemer | Institucioni | Pozicioni",
                     "1 | Arben Hoxha | DVP Shkoder | Shef sektori",
                     "2 | Elona Dervishi | ZVAP Shkoder | Specialiste antitrafik",
                     "3 | Gent Lika | Bashkia Shkoder, NJMF | Punonjes"]
    assert raw.text.startswith("Procesverbal i mbledhjes")


def test_pdf_two_column_lines_fewer_than_a_table_stay_paragraphs():
    raw = read_bytes(_columns_pdf([("Data:", "", "05.11.2020", "Ora: 10:30"), ("Vendi:", "", "Prefektura", "")]),
                     suffix=".pdf", name="t.pdf")
    assert all(b.kind != "table_row" for b in raw.blocks)
