"""HTML reader: the main text of a saved press-release page, without page furniture.

trafilatura extracts the article first; an lxml fallback (drop scripts, menus,
sidebars, share/comment/cookie boxes; keep <article> or the element with the
most paragraph text) wins when trafilatura finds nothing or much less text.
Title comes from og:title / <title> / <h1>; the publication date only from
metadata (meta tags, microdata, JSON-LD, <time> in the article), never from
the body text.
"""
from __future__ import annotations

import codecs
import copy
import datetime as dt
import json
import re
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from pipeline.errors import EmptyDocument
from pipeline.read import CELL_SEPARATOR, Piece, assemble, one_line
from pipeline.read.base import RawDocument
from pipeline.read.limits import DEFAULT_LIMITS, ReadLimits
from pipeline.read.txt import (
    decode_bom,
    decode_legacy,
    reject_control_text,
    repair_mojibake,
)

# trafilatura wins unless it finds less than this share of the fallback's text.
FALLBACK_WIN_RATIO = 0.5
CHARSET_SNIFF_BYTES = 4096
CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# What browsers (WHATWG) actually use for these declared charsets.
DECLARED_CHARSET_ALIASES = {"iso8859-1": "cp1252", "ascii": "utf-8"}
# Control characters that lxml cannot hold in a tree (a few stray ones are dropped).
XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
             "iframe", "svg", "button", "template", "select", "input", "textarea")
JUNK_MARKERS = ("menu", "nav", "sidebar", "widget", "share", "social", "comment", "related",
                "footer", "breadcrumb", "cookie")
# Containers never dropped for a junk marker (WordPress puts "has-sidebar" on <body>).
PROTECTED_TAGS = frozenset({"html", "body", "main", "article"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TEXT_TAGS = frozenset({"p", "li", "blockquote", "pre", "dd", "dt", "figcaption", "address", "td", "th"})
# Elements that start a new block; everything else is inline and joins the current paragraph.
BLOCK_TAGS = HEADING_TAGS | TEXT_TAGS | frozenset({
    "div", "section", "article", "main", "header", "ul", "ol", "dl", "table", "thead", "tbody",
    "tfoot", "tr", "figure", "center", "hr", "caption",
})
# trafilatura's block elements; an element containing one of them is walked, not flattened.
BLOCK_CHILD_TAGS = frozenset({"p", "list", "item", "table", "row", "head", "quote", "div"})
# Whole blocks that are page furniture whichever extractor let them through.
JUNK_BLOCK_RE = re.compile(
    r"^(leave a reply|leave a comment|lini një koment|lini nje koment|komente?|"
    r"shpërndaje|shpërndaj|share( this)?|related( posts)?|të ngjashme|lajme të ngjashme|"
    r"posto komentin|post comment|cancel reply)\W*$",
    re.IGNORECASE,
)
TITLE_SEPARATORS = (" – ", " — ", " - ", " | ", " :: ", " » ", " · ")
# Meta keys that state a publication date, tried before microdata / JSON-LD / <time> ...
PRIMARY_DATE_META_KEYS = ("article:published_time", "og:published_time", "og:article:published_time")
# ... and generic date meta keys, tried after them.
SECONDARY_DATE_META_KEYS = ("date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
                            "dc.date.created", "dcterms.date", "dcterms.issued")
ISO_DATE_RE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
COMPACT_DATE_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|[T\s])")
DMY_DATE_RE = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})(?:$|\s)")


def read(data: bytes, *, name: str, limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read a saved web page: main text blocks, title and metadata date."""
    markup, warnings = decode_html(data, name=name)
    tree = parse_html(markup, name=name)
    limits.check("max_html_depth", nesting_depth(tree), "HTML nesting depth", name=name)
    title = find_title(tree)
    published = find_published(tree)
    pieces, method = extract_main_text(markup, tree)
    pieces = with_title_heading(pieces, title)
    if not pieces:
        raise EmptyDocument("no text in the page", path=name)
    if title and len(pieces) == 1:
        warnings.append("no main text found in the page (only its title)")
    return assemble(pieces, fmt="html", method=method, title=title, published=published,
                    warnings=warnings)


# --- decoding and parsing -------------------------------------------------------------

def decode_html(data: bytes, *, name: str) -> tuple[str, list[str]]:
    """Decode page bytes: BOM, declared charset, UTF-8, else a guessed legacy code page."""
    if not data.strip():
        raise EmptyDocument("empty file", path=name)
    warnings: list[str] = []
    decoded = decode_bom(data, name=name)
    if decoded is None:
        decoded = _decode_declared(data) or _decode_utf8(data)
    if decoded is None:
        decoded = decode_legacy(data)
        warnings.append(f"decoded as {decoded[1]} (not UTF-8)")
    text = decoded[0]
    reject_control_text(text, name=name)
    text = XML_INVALID_RE.sub("", text)
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append("repaired mis-decoded UTF-8 (mojibake)")
    return text, warnings


def _decode_declared(data: bytes) -> tuple[str, str] | None:
    """Decode with the charset a <meta> tag declares, if it is known and fits."""
    match = CHARSET_RE.search(data[:CHARSET_SNIFF_BYTES])
    if not match:
        return None
    try:
        encoding = codecs.lookup(match.group(1).decode("ascii")).name
        encoding = DECLARED_CHARSET_ALIASES.get(encoding, encoding)
        return data.decode(encoding), encoding
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_utf8(data: bytes) -> tuple[str, str] | None:
    """Decode as strict UTF-8, or None."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def parse_html(markup: str, *, name: str) -> lxml_html.HtmlElement:
    """Parse markup with lxml; a page with no elements is empty."""
    markup = XML_DECLARATION_RE.sub("", markup, count=1)
    try:
        return lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        raise EmptyDocument("no HTML content in the page", path=name) from None


def nesting_depth(tree: etree._Element) -> int:
    """How deeply the page's elements nest (libxml2 stops nesting at 256 and drops the rest)."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


# --- main text ------------------------------------------------------------------------

def extract_main_text(markup: str, tree: lxml_html.HtmlElement) -> tuple[list[Piece], str]:
    """Run trafilatura and the fallback; return the winner's pieces and method name."""
    fallback = drop_furniture_blocks(fallback_extract(copy.deepcopy(tree)))
    primary = drop_furniture_blocks(trafilatura_extract(markup))
    primary_chars = sum(len(piece.text) for piece in primary)
    fallback_chars = sum(len(piece.text) for piece in fallback)
    if primary and primary_chars >= FALLBACK_WIN_RATIO * fallback_chars:
        return primary, "html:trafilatura"
    return fallback, "html:fallback"


def trafilatura_extract(markup: str) -> list[Piece]:
    """Extract the main text with trafilatura as blocks; [] when it finds nothing or fails."""
    try:
        import trafilatura

        document = trafilatura.bare_extraction(
            markup, include_comments=False, include_tables=True, favor_recall=True,
            with_metadata=False,
        )
    except Exception:  # noqa: BLE001 - any trafilatura failure means "use the fallback"
        return []
    body = getattr(document, "body", None)
    if body is None:
        return []
    return list(_trafilatura_pieces(body))


def _trafilatura_pieces(element: etree._Element) -> Iterator[Piece]:
    """Turn trafilatura's XML (head, p, list/item, table/row/cell) into pieces in order."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "row":
            cells = [_inline_text(cell) for cell in child if cell.tag == "cell"]
            yield Piece("table_row", CELL_SEPARATOR.join(one_line(cell) for cell in cells))
        elif tag in ("table", "list") or _has_block_children(child):
            own = _own_text(child)
            if own:
                yield Piece("heading" if tag == "head" else "paragraph", own)
            yield from _trafilatura_pieces(child)
        elif tag:
            kind = "heading" if tag == "head" else "paragraph"
            yield Piece(kind, _inline_text(child))


def _has_block_children(element: etree._Element) -> bool:
    """True when a trafilatura element nests other block elements."""
    return any(child.tag in BLOCK_CHILD_TAGS for child in element)


def _own_text(element: etree._Element) -> str:
    """Text directly in an element (before and between its children), one line."""
    parts = [element.text or ""] + [child.tail or "" for child in element]
    return one_line(" ".join(parts))


def fallback_extract(tree: lxml_html.HtmlElement) -> list[Piece]:
    """lxml-only extraction: prune furniture, pick the main container, emit its blocks."""
    prune(tree)
    container = pick_container(tree)
    if container is None:
        return []
    return list(_html_pieces(container))


def prune(tree: lxml_html.HtmlElement) -> None:
    """Remove scripts, navigation, forms and elements whose class/id names page furniture."""
    for element in list(tree.iter(*DROP_TAGS)):
        _drop(element)
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in PROTECTED_TAGS:
            continue
        if element.getparent() is not None and _is_junk(element):
            _drop(element)
    for comment in list(tree.iter(etree.Comment)):
        _drop(comment)


def _drop(element: etree._Element) -> None:
    """Remove an element but keep its tail text in the tree."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _is_junk(element: etree._Element) -> bool:
    """True when the element's class or id contains a furniture marker."""
    names = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return any(marker in names for marker in JUNK_MARKERS)


def pick_container(tree: lxml_html.HtmlElement) -> etree._Element | None:
    """Prefer the <article> with most text, else the element with most <p> text, else <body>."""
    articles = [el for el in tree.iter("article") if _text_length(el) > 0]
    if articles:
        return max(articles, key=_text_length)
    scores: dict[etree._Element, int] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + len(one_line(paragraph.text_content()))
    if scores:
        return max(scores, key=scores.__getitem__)
    body = tree.find("body")
    return body if body is not None else tree


def _text_length(element: etree._Element) -> int:
    """Number of non-space characters under an element."""
    return len("".join(element.text_content().split()))


def _html_pieces(element: etree._Element) -> Iterator[Piece]:
    """Emit headings, paragraphs, list items and table rows under an element in order.

    Loose text and inline elements between block elements form a paragraph of their own.
    """
    buffer = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in BLOCK_TAGS:
            yield from _flush(buffer)
            yield from _block_pieces(child)
        elif tag == "br":
            buffer.append("\n")
        elif tag:
            buffer.append(_inline_text(child))
        buffer.append(child.tail or "")
    yield from _flush(buffer)


def _block_pieces(element: etree._Element) -> Iterator[Piece]:
    """Pieces for one block element: heading, table row, leaf paragraph, or recurse."""
    if element.tag in HEADING_TAGS:
        yield Piece("heading", _inline_text(element))
    elif element.tag == "tr":
        cells = [one_line(_inline_text(cell)) for cell in element if cell.tag in ("td", "th")]
        yield Piece("table_row", CELL_SEPARATOR.join(cells))
    elif element.tag in TEXT_TAGS and not any(d.tag in BLOCK_TAGS for d in element.iterdescendants()):
        yield Piece("paragraph", _inline_text(element))
    else:
        yield from _html_pieces(element)


def _flush(buffer: list[str]) -> Iterator[Piece]:
    """Yield the buffered loose text as one paragraph (if any) and clear the buffer."""
    lines = "".join(buffer).split("\n")
    buffer.clear()
    text = "\n".join(one_line(line) for line in lines if line.strip())
    if text:
        yield Piece("paragraph", text)


def _inline_text(element: etree._Element) -> str:
    """Text of an element with <br>/<lb> as newlines and other whitespace collapsed."""
    parts: list[str] = []
    for node in element.iter():
        if node.tag in ("br", "lb"):
            parts.append("\n")
        elif isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    lines = "".join(parts).split("\n")
    return "\n".join(one_line(line) for line in lines if line.strip())


def drop_furniture_blocks(pieces: list[Piece]) -> list[Piece]:
    """Remove blocks that are only a comment-form or share-box label."""
    return [piece for piece in pieces if piece.text.strip() and not JUNK_BLOCK_RE.match(piece.text.strip())]


def with_title_heading(pieces: list[Piece], title: str | None) -> list[Piece]:
    """Put the title first as a heading unless the main text already starts with it."""
    if not title:
        return pieces
    wanted = _comparable(title)
    if pieces and any(_comparable(piece.text) == wanted for piece in pieces[:2]):
        return pieces
    return [Piece("heading", title), *pieces]


def _comparable(text: str) -> str:
    """Lowercase text without punctuation or spacing, for equality checks."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


# --- metadata -------------------------------------------------------------------------

def find_title(tree: lxml_html.HtmlElement) -> str | None:
    """Title from og:title, <title> or the first <h1>, without a trailing site name."""
    site = _meta(tree, "og:site_name")
    h1 = next((one_line(el.text_content()) for el in tree.iter("h1") if el.text_content().strip()), None)
    title_element = tree.find(".//title")
    page_title = one_line(title_element.text_content()) if title_element is not None else None
    candidates = [_meta(tree, "og:title"), page_title, h1]
    for candidate in candidates:
        if candidate and not (site and _comparable(candidate) == _comparable(site)):
            return strip_site_name(candidate, site, h1)
    return None


def strip_site_name(title: str, site: str | None, h1: str | None) -> str:
    """Drop a " – Site" / " | Site" suffix that repeats og:site_name (or wraps the <h1>)."""
    for separator in TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if not found or not head.strip():
            continue
        if site and _comparable(tail) == _comparable(site):
            return head.strip()
        if h1 and _comparable(head) == _comparable(h1):
            return head.strip()
    return title


def _meta(tree: lxml_html.HtmlElement, key: str) -> str | None:
    """Content of the first <meta> whose property, name or itemprop equals ``key``."""
    for meta in tree.iter("meta"):
        names = (meta.get("property"), meta.get("name"), meta.get("itemprop"))
        if any(n and n.strip().lower() == key for n in names):
            content = one_line(meta.get("content") or "")
            if content:
                return content
    return None


def find_published(tree: lxml_html.HtmlElement) -> str | None:
    """Publication date (YYYY-MM-DD) from metadata only; None when no metadata states it."""
    for value in _published_candidates(tree):
        date = parse_date(value)
        if date:
            return date
    return None


def _published_candidates(tree: lxml_html.HtmlElement) -> Iterator[str]:
    """Yield date strings from metadata in order of trust."""
    for key in PRIMARY_DATE_META_KEYS:
        value = _meta(tree, key)
        if value:
            yield value
    for element in tree.xpath("//*[@itemprop='datePublished']"):
        yield element.get("content") or element.get("datetime") or element.text_content()
    yield from _json_ld_dates(tree)
    for element in tree.xpath("//article//time[@datetime]"):
        yield element.get("datetime")
    for key in SECONDARY_DATE_META_KEYS:
        value = _meta(tree, key)
        if value:
            yield value


def _json_ld_dates(tree: lxml_html.HtmlElement) -> Iterator[str]:
    """Yield every datePublished found in JSON-LD scripts (including @graph lists)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            payload = json.loads(script.text or "")
        except ValueError:
            continue
        yield from _find_key(payload, "datePublished")


def _find_key(node: object, key: str) -> Iterator[str]:
    """Yield string values of ``key`` anywhere in a JSON structure."""
    if isinstance(node, dict):
        value = node.get(key)
        if isinstance(value, str):
            yield value
        for child in node.values():
            yield from _find_key(child, key)
    elif isinstance(node, list):
        for child in node:
            yield from _find_key(child, key)


def parse_date(value: str | None) -> str | None:
    """Parse ISO, compact or day.month.year dates to "YYYY-MM-DD"; None if invalid."""
    if not value:
        return None
    for pattern, order in ((ISO_DATE_RE, (1, 2, 3)), (COMPACT_DATE_RE, (1, 2, 3)), (DMY_DATE_RE, (3, 2, 1))):
        match = pattern.match(value)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None
    return None
