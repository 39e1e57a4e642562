"""DOCX reader: paragraphs, tables and text boxes of a Word document, in document order.

python-docx opens the package and supplies styles, tables (with merged cells
resolved) and core properties; the body XML is walked directly so that content
controls, hyperlinks and text boxes (w:txbxContent) are not lost. Text-box
paragraphs follow the paragraph that anchors them; the VML fallback copy of a
text box (mc:Fallback) is skipped so its text is not read twice. Headers and
footers are ignored. Each table row is one block, its cells joined with " | ".
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

from pipeline.errors import CorruptDocument, EmptyDocument, EncryptedDocument
from pipeline.read import CELL_SEPARATOR, Piece, assemble, one_line
from pipeline.read.base import RawDocument
from pipeline.read.limits import DEFAULT_LIMITS, ReadLimits
from pipeline.read.zipscan import check_package

OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # compound file: an encrypted .docx or a legacy .doc
ZIP_MAGIC = b"PK"
MAIN_PART = "word/document.xml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W, "mc": MC}
HEADING_STYLE_PREFIXES = ("heading", "title")
# Runs whose subtree is not paragraph text: text boxes (read separately), VML
# fallbacks (duplicates of the mc:Choice content), deleted text, field codes.
SKIP_SUBTREES = frozenset({
    f"{{{W}}}txbxContent", f"{{{MC}}}Fallback", f"{{{W}}}del", f"{{{W}}}instrText",
    f"{{{W}}}delText",
})
CHAR_TAGS = {
    f"{{{W}}}tab": "\t",
    f"{{{W}}}br": "\n",
    f"{{{W}}}cr": "\n",
    f"{{{W}}}noBreakHyphen": "-",
}
TEXT_TAG = f"{{{W}}}t"
P_TAG = f"{{{W}}}p"
TBL_TAG = f"{{{W}}}tbl"
SDT_TAG = f"{{{W}}}sdt"
SDT_CONTENT_TAG = f"{{{W}}}sdtContent"
# Compiled XPaths: python-docx's element classes override .xpath() with their own signature.
STYLE_ID_XPATH = etree.XPath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
OUTLINE_LEVEL_XPATH = etree.XPath("string(w:pPr/w:outlineLvl/@w:val)", namespaces=NS)
BODY_TEXT_OUTLINE_LEVEL = 9  # w:outlineLvl 0-8 are heading levels, 9 is body text
TEXTBOX_XPATH = etree.XPath(
    ".//w:txbxContent[not(ancestor::mc:Fallback)][not(ancestor::w:txbxContent)]", namespaces=NS
)


def read(data: bytes, *, name: str, limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read a .docx: blocks in document order, title from core properties or first heading."""
    document = open_docx(data, name=name, limits=limits)
    try:
        styles = _style_names(document)
        pieces = list(_body_pieces(document.element.body, document, styles))
        core_title = one_line(document.core_properties.title or "")
    except Exception:  # noqa: BLE001 - python-docx raises many types on invalid XML values
        raise CorruptDocument("not a valid .docx (unreadable content)", path=name) from None
    if not any(piece.text.strip() for piece in pieces):
        raise EmptyDocument("empty document (no text)", path=name)
    title = core_title or _first_heading(pieces)
    return assemble(pieces, fmt="docx", method="docx:python-docx", title=title)


def open_docx(data: bytes, *, name: str, limits: ReadLimits = DEFAULT_LIMITS):
    """Open the package with python-docx, translating every failure to an InputError."""
    _check_container(data, name=name, limits=limits)
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError:
        raise CorruptDocument("not a valid .docx (malformed XML)", path=name) from None
    except Exception as exc:  # noqa: BLE001 - python-docx/zipfile raise many types
        reason = "not a Word document" if "content type" in str(exc) else "corrupt package"
        raise CorruptDocument(f"not a valid .docx ({reason})", path=name) from None


def _check_container(data: bytes, *, name: str, limits: ReadLimits) -> None:
    """Reject empty files, OLE files (encrypted/legacy), zips without a Word body, and
    packages over the zip limits or with a DTD (``zipscan.check_package``)."""
    if not data.strip():
        raise EmptyDocument("empty file", path=name)
    if data.startswith(OLE_MAGIC):
        raise EncryptedDocument("encrypted or legacy .doc file, not .docx", path=name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - zipfile raises many types on a damaged directory
        reason = "truncated or corrupt zip archive" if data.startswith(ZIP_MAGIC) else "not a zip archive"
        raise CorruptDocument(f"not a valid .docx ({reason})", path=name) from None
    with archive:
        if MAIN_PART not in archive.namelist():
            raise CorruptDocument("not a valid .docx (no word/document.xml)", path=name)
        check_package(archive, data, name=name, limits=limits)


def _style_names(document) -> dict[str, str]:
    """Map style ids to lowercase style names (built-in names are English in the XML)."""
    return {style.style_id: (style.name or "").lower() for style in document.styles if style.style_id}


def _body_pieces(container: etree._Element, document, styles: dict[str, str]) -> Iterator[Piece]:
    """Yield pieces for body-level paragraphs, tables and content controls in order."""
    for child in container:
        if child.tag == P_TAG:
            yield from _paragraph_pieces(child, styles)
        elif child.tag == TBL_TAG:
            yield from _table_pieces(child, document)
        elif child.tag == SDT_TAG:
            content = child.find(SDT_CONTENT_TAG)
            if content is not None:
                yield from _body_pieces(content, document, styles)


def _paragraph_pieces(paragraph: etree._Element, styles: dict[str, str]) -> Iterator[Piece]:
    """Yield the paragraph (heading or paragraph) and then its text boxes' paragraphs."""
    text = paragraph_text(paragraph)
    if text.strip():
        yield Piece("heading" if _is_heading(paragraph, styles) else "paragraph", text)
    for textbox in TEXTBOX_XPATH(paragraph):
        for inner in textbox.iterchildren(P_TAG, TBL_TAG):
            if inner.tag == P_TAG:
                yield from _paragraph_pieces(inner, styles)


def paragraph_text(paragraph: etree._Element) -> str:
    """Text of one w:p: w:t, tabs and breaks, skipping text boxes, fallbacks and deletions."""
    parts: list[str] = []
    _collect_text(paragraph, parts)
    return "".join(parts).strip()


def _collect_text(element: etree._Element, parts: list[str]) -> None:
    """Append the text under ``element`` to ``parts``, pruning SKIP_SUBTREES."""
    for child in element:
        tag = child.tag
        if tag in SKIP_SUBTREES:
            continue
        if tag == TEXT_TAG:
            parts.append(child.text or "")
        elif tag in CHAR_TAGS:
            parts.append(CHAR_TAGS[tag])
        else:
            _collect_text(child, parts)


def _is_heading(paragraph: etree._Element, styles: dict[str, str]) -> bool:
    """True for a "Heading N" / "Title" style or an explicit outline level."""
    style_id = STYLE_ID_XPATH(paragraph)
    name = styles.get(style_id, style_id.lower())
    if name.startswith(HEADING_STYLE_PREFIXES):
        return True
    level = OUTLINE_LEVEL_XPATH(paragraph)
    return level.isdigit() and int(level) < BODY_TEXT_OUTLINE_LEVEL


def _table_pieces(table_element: etree._Element, document) -> Iterator[Piece]:
    """Yield one table_row piece per row, merged cells counted once."""
    from docx.table import Table

    table = Table(table_element, document._body)
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(cell_text(cell._tc))
        if any(cells):
            yield Piece("table_row", CELL_SEPARATOR.join(cells))


def cell_text(tc: etree._Element) -> str:
    """One-line text of a table cell (its paragraphs and nested tables)."""
    texts = [paragraph_text(p) for p in tc.iter(P_TAG) if not _in_fallback(p)]
    return one_line(" ".join(texts))


def _in_fallback(element: etree._Element) -> bool:
    """True when an element sits inside an mc:Fallback duplicate."""
    return any(ancestor.tag == f"{{{MC}}}Fallback" for ancestor in element.iterancestors())


def _first_heading(pieces: list[Piece]) -> str | None:
    """Text of the first heading piece, on one line, or None."""
    return next((one_line(piece.text) for piece in pieces if piece.kind == "heading"), None)
