"""PDF reader: text in reading order with pypdfium2, ruled tables with pdfplumber.

Per page, pypdfium2's text rectangles are merged into lines (with font size and
baseline); lines are grouped into paragraphs by vertical gap (against the page's
typical line pitch), font-size change, indentation and sentence punctuation; a
paragraph's lines are joined with a space after undoing end-of-line hyphenation.
pdfplumber's ``find_tables`` runs only on pages whose path objects could form a
grid (ruling lines / cell borders), so plain-text pages stay fast; text lines
inside a table's box are dropped so table text appears once, as " | "-joined
rows. Every page, text page and document is closed as soon as it has been read.
Pages without a text layer give a warning, not an error.
"""
from __future__ import annotations

import io
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.errors import CorruptDocument, EmptyDocument, EncryptedDocument
from pipeline.read import CELL_SEPARATOR, Piece, assemble, one_line
from pipeline.read.base import RawDocument
from pipeline.read.limits import DEFAULT_LIMITS, ReadLimits
from pipeline.read.pdfscan import check_streams

PDF_MAGIC = b"%PDF-"
HEADER_SEARCH_BYTES = 1024  # some generators put junk before the header
EOF_MARKER = b"%%EOF"
PASSWORD_ERROR = pdfium_c.FPDF_ERR_PASSWORD
# Two rects belong to one line when they overlap vertically by this share of the smaller height.
SAME_LINE_OVERLAP = 0.5
# A horizontal gap wider than this share of the font size between rects of one line is a space.
WORD_GAP_RATIO = 0.15
# A line pitch this much larger than the page's typical pitch starts a new paragraph.
PARAGRAPH_GAP_RATIO = 1.35
# The typical pitch is this quantile of the page's line pitches.
PITCH_QUANTILE = 0.25
# Pitches above this many font sizes are ignored when computing the typical pitch.
MAX_PITCH_IN_SIZES = 3.0
# A font size differing by more than this share from the previous line starts a paragraph.
FONT_CHANGE_RATIO = 0.15
# A first line indented by more than this many font sizes starts a paragraph.
INDENT_IN_SIZES = 1.5
# A line ending before this share of the text width is "short".
SHORT_LINE_FRACTION = 0.8
# Lines whose left edges are within this many font sizes start in the same text column ...
COLUMN_LEFT_TOLERANCE_IN_SIZES = 1.0
# ... and a column needs this many such lines, else the page's right edge is used.
MIN_COLUMN_PEERS = 3
SENTENCE_END = ".!?:;"
# End-of-line hyphen forms: ASCII hyphen, soft hyphen, pdfium's "\x02" / U+FFFE markers.
HYPHENS = "-\u00ad\x02\ufffe"
PDFIUM_HYPHEN_MARKERS = str.maketrans({"\x02": "-", "\ufffe": "-", "\u00ad": None})
# A one-line paragraph whose font is this much larger than the body font is a heading.
HEADING_SIZE_RATIO = 1.15
HEADING_MAX_CHARS = 120
# A table must have at least this many non-empty cells (a framed paragraph is not a table).
MIN_TABLE_CELLS = 2
# Points of slack around a table's box when deciding that a text line lies inside it.
TABLE_BBOX_TOLERANCE = 2.0
# pdfplumber runs only on pages with at least this many horizontal and vertical rules ...
MIN_RULES = 2
# ... where a rule is a path at least this long (points); thinner paths are ignored.
MIN_RULE_LENGTH = 8.0
# Nesting depth searched for path objects inside form XObjects.
MAX_FORM_DEPTH = 2
# A table drawn without rules: a gap this many font sizes wide between two pieces of a line
# separates two cells, ...
CELL_GAP_IN_SIZES = 1.5
# ... at least this many consecutive lines of 2+ cells form a table, ...
MIN_GRID_ROWS = 3
# ... and their cells start within this many font sizes of shared column positions.
GRID_ALIGN_IN_SIZES = 1.0
# A cell's wrapped line lies at most this many font sizes below the row above.
WRAP_PITCH_IN_SIZES = 2.0
NUMBERED_CELL = re.compile(r"^\d{1,3}[.)]?$")
# A page's number printed at its foot or head ("Faqe 2/3", "Faqe 2 nga 3", "- 2 -", "2"): dropped, so a
# paragraph that runs over the page break joins up again.
PAGE_NUMBER_RE = re.compile(r"^(?:(?:faqe|faqja|fq\.?|page|f\.)\s*)?[-–]?\s*\d{1,4}\s*(?:(?:/|nga|of|prej)\s*\d{1,4})?\s*[-–]?$",
                            re.IGNORECASE)
FILENAME_TITLE_RE = re.compile(
    r"^(microsoft (word|excel|powerpoint) - |untitled\b|document\d*$|dokument\d*$)"
    r"|\.(docx?|pdf|odt|rtf|txt|xlsx?|pptx?)$|[\\/]",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Line:
    """One text line on a page in PDF coordinates (origin bottom-left)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    baseline: float
    size: float
    cells: list[list] = field(default_factory=list)  # [left, right, text] of each gap-separated piece
    pieces: list[tuple[float, str]] = field(default_factory=list)  # (left, text) of each text rect


@dataclass(slots=True)
class TableBox:
    """A table found by pdfplumber: its rows' cell texts and its box in PDF coordinates."""

    rows: list[list[str]]
    left: float
    bottom: float
    right: float
    top: float


@dataclass(slots=True)
class PageResults:
    """What reading all pages gave: paragraphs, and pages that were empty or broken (1-based)."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    empty_pages: list[int] = field(default_factory=list)
    broken_pages: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph:
    """A group of lines (or one table row) on a page, before the heading decision."""

    kind: str
    text: str
    page: int
    size: float
    line_count: int


def read(data: bytes, *, name: str, limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read a PDF: paragraphs and table rows per page, title, warnings for empty pages."""
    _check_bytes(data, name=name)
    check_streams(data, name=name, limits=limits)
    document = _open(data, name=name)
    tables = _TableFinder(data)
    try:
        limits.check("max_pages", len(document), "page count", name=name)
        meta_title = _metadata_title(document)
        results = _read_pages(document, tables, name=name)
    finally:
        document.close()
        tables.close()
    pieces = _classify(results.paragraphs)
    title = meta_title or _title_from_pieces(pieces, results.paragraphs)
    method = "pdf:pypdfium2+pdfplumber" if tables.used else "pdf:pypdfium2"
    warnings = (_empty_page_warnings(results.empty_pages, not results.paragraphs)
                + [f"page {number} could not be read (corrupt)" for number in results.broken_pages]
                + tables.warnings)
    return assemble(pieces, fmt="pdf", method=method, title=title, warnings=warnings)


# --- opening -------------------------------------------------------------------------

def _check_bytes(data: bytes, *, name: str) -> None:
    """Reject empty files, non-PDFs and files cut before their final %%EOF."""
    if not data.strip():
        raise EmptyDocument("empty file", path=name)
    if PDF_MAGIC not in data[:HEADER_SEARCH_BYTES]:
        raise CorruptDocument("not a PDF file", path=name)
    if EOF_MARKER not in data:
        raise CorruptDocument("truncated or corrupt PDF", path=name)


def _open(data: bytes, *, name: str) -> pdfium.PdfDocument:
    """Open with pypdfium2, translating its errors into InputErrors."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == PASSWORD_ERROR:
            raise EncryptedDocument("encrypted PDF (password required)", path=name) from None
        raise CorruptDocument("truncated or corrupt PDF", path=name) from None


def _metadata_title(document: pdfium.PdfDocument) -> str | None:
    """The Title metadata, unless empty or a file name like "Microsoft Word - x.docx"."""
    try:
        title = one_line(document.get_metadata_value("Title") or "")
    except Exception:  # noqa: BLE001 - unreadable metadata is simply absent
        return None
    if not title or FILENAME_TITLE_RE.search(title):
        return None
    return title


# --- pages ---------------------------------------------------------------------------

def _read_pages(document: pdfium.PdfDocument, tables: _TableFinder, *, name: str) -> PageResults:
    """Read every page; collect paragraphs, pages without text and pages that failed to load."""
    results = PageResults()
    for index in range(len(document)):
        try:
            lines, boxes = _read_page(document, index, tables)
        except pdfium.PdfiumError:
            results.broken_pages.append(index + 1)
            continue
        if not lines:
            results.empty_pages.append(index + 1)
            continue
        _append_page(results.paragraphs, list(_page_paragraphs(lines, boxes, index + 1)))
    if results.broken_pages and len(results.broken_pages) == len(document):
        raise CorruptDocument("truncated or corrupt PDF", path=name)
    return results


def _append_page(paragraphs: list[Paragraph], page_paragraphs: list[Paragraph]) -> None:
    """Append a page's paragraphs, joining a sentence that runs over from the previous page."""
    if paragraphs and page_paragraphs and _continues(paragraphs[-1], page_paragraphs[0]):
        previous, first = paragraphs[-1], page_paragraphs.pop(0)
        previous.text = join_lines([previous.text, first.text])
        previous.line_count += first.line_count
    paragraphs.extend(page_paragraphs)


def _continues(previous: Paragraph, first: Paragraph) -> bool:
    """True when a page starts mid-sentence: the last paragraph of the page before ends with a
    lowercase letter, comma or hyphen and the page's first paragraph starts in lowercase."""
    return (
        previous.kind == first.kind == "paragraph"
        and first.page == previous.page + 1
        and (previous.text[-1].islower() or previous.text[-1] in "," + HYPHENS)
        and first.text[0].islower()
        and abs(previous.size - first.size) <= FONT_CHANGE_RATIO * max(previous.size, 1.0)
    )


def _read_page(
    document: pdfium.PdfDocument, index: int, tables: _TableFinder
) -> tuple[list[Line], list[TableBox]]:
    """Lines of one page and, when it draws a grid, its tables; the page is closed after."""
    page = document[index]
    try:
        lines = _without_page_numbers(page_lines(page))
        boxes = tables.find(index) if lines and _has_ruling(page) else []
    finally:
        page.close()
    return lines, boxes


def _without_page_numbers(lines: list[Line]) -> list[Line]:
    """The page's lines without a page number as its first or last line."""
    if lines and PAGE_NUMBER_RE.match(lines[-1].text.strip()):
        lines = lines[:-1]
    if lines and PAGE_NUMBER_RE.match(lines[0].text.strip()):
        lines = lines[1:]
    return lines


def page_lines(page: pdfium.PdfPage) -> list[Line]:
    """Text lines of a page in pdfium's reading order, rects on one line merged."""
    textpage = page.get_textpage()
    try:
        lines: list[Line] = []
        for i in range(textpage.count_rects()):
            rect = textpage.get_rect(i)
            text = textpage.get_text_bounded(*rect)
            if not text.strip():
                continue
            segment = _segment(textpage, rect, text)
            if lines and _same_line(lines[-1], segment):
                _extend(lines[-1], segment)
            else:
                lines.append(segment)
        return lines
    finally:
        textpage.close()


def _segment(textpage: pdfium.PdfTextPage, rect: tuple[float, float, float, float], text: str) -> Line:
    """A Line for one rect, with the font size and baseline of its first character."""
    left, bottom, right, top = rect
    height = top - bottom
    size, baseline = height, bottom
    index = textpage.get_index(left + min(1.0, (right - left) / 2), (top + bottom) / 2, 1.0, height / 2)
    if index is not None:
        size = pdfium_c.FPDFText_GetFontSize(textpage, index) or height
        x, y = pdfium_c.c_double(), pdfium_c.c_double()
        if pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y):
            baseline = y.value
    clean = text.replace("\r", " ").replace("\n", " ").strip()
    return Line(clean, left, bottom, right, top, baseline, size, [[left, right, clean]], [(left, clean)])


def _same_line(line: Line, segment: Line) -> bool:
    """True when a segment continues ``line`` to the right at the same height."""
    overlap = min(line.top, segment.top) - max(line.bottom, segment.bottom)
    smaller = min(line.top - line.bottom, segment.top - segment.bottom)
    return smaller > 0 and overlap >= SAME_LINE_OVERLAP * smaller and segment.left >= line.left


def _extend(line: Line, segment: Line) -> None:
    """Append a segment's text to a line, with a space when there is a visible gap."""
    gap = segment.left - line.right
    needs_space = gap > WORD_GAP_RATIO * max(line.size, 1.0) and not line.text.endswith(" ")
    line.text = line.text + (" " if needs_space else "") + segment.text
    line.pieces.append((segment.left, segment.text))
    if gap > CELL_GAP_IN_SIZES * max(line.size, 1.0):
        line.cells.append([segment.left, segment.right, segment.text])
    else:
        cell = line.cells[-1]
        cell[1], cell[2] = segment.right, cell[2] + (" " if needs_space else "") + segment.text
    line.right = max(line.right, segment.right)
    line.bottom = min(line.bottom, segment.bottom)
    line.top = max(line.top, segment.top)


def _has_ruling(page: pdfium.PdfPage) -> bool:
    """True when the page's path objects could form a table grid (2+ horizontal and vertical rules).

    A page whose only paths are underlines or a header rule skips pdfplumber.
    """
    counts = [0, 0]  # horizontal, vertical
    _count_rules(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, 0, counts)
    return counts[0] >= MIN_RULES and counts[1] >= MIN_RULES


def _count_rules(holder, count, get, depth: int, counts: list[int]) -> None:
    """Add the horizontal/vertical rules drawn by path objects, descending into forms."""
    for i in range(count(holder)):
        if counts[0] >= MIN_RULES and counts[1] >= MIN_RULES:
            return
        obj = get(holder, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _add_rules(obj, counts)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            _count_rules(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                         depth + 1, counts)


def _add_rules(path, counts: list[int]) -> None:
    """Classify one path by its bounds: a thin line is one rule, a box is two of each."""
    left, bottom, right, top = (pdfium_c.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(path, left, bottom, right, top):
        return
    width, height = right.value - left.value, top.value - bottom.value
    if width >= MIN_RULE_LENGTH and height >= MIN_RULE_LENGTH:
        counts[0] += 2
        counts[1] += 2
    elif width >= MIN_RULE_LENGTH:
        counts[0] += 1
    elif height >= MIN_RULE_LENGTH:
        counts[1] += 1


# --- paragraphs ----------------------------------------------------------------------

def _page_paragraphs(lines: list[Line], boxes: list[TableBox], page: int) -> Iterator[Paragraph]:
    """Group a page's lines into paragraphs, with table rows placed where their table sits."""
    lines = [line for line in lines if not any(_inside(line, box) for box in boxes)]
    grids = borderless_tables(lines)
    if grids:
        boxes = boxes + grids
        lines = [line for line in lines if not any(_inside(line, box) for box in grids)]
    lines = side_by_side(lines)
    pending = sorted(boxes, key=lambda box: -box.top)
    layout = PageLayout.of(lines)
    group: list[Line] = []
    for number, line in enumerate(lines):
        while pending and line.baseline < pending[0].bottom:
            yield from _flush(group, page)
            yield from _table_paragraphs(pending.pop(0), page)
        if group and _starts_paragraph(group[-1], line, layout, layout.column_rights[number - 1]):
            yield from _flush(group, page)
        group.append(line)
    yield from _flush(group, page)
    for box in pending:
        yield from _table_paragraphs(box, page)


@dataclass(slots=True)
class PageLayout:
    """Measures of a page's text used to find paragraph breaks."""

    pitch: float | None  # typical baseline-to-baseline distance
    left: float  # leftmost text position
    right: float  # rightmost text position
    column_rights: list[float]  # per line: the right edge of the text column it belongs to

    @classmethod
    def of(cls, lines: list[Line]) -> PageLayout:
        """Measure the lines of one page."""
        right = max((line.right for line in lines), default=0.0)
        return cls(
            pitch=_typical_pitch(lines),
            left=min((line.left for line in lines), default=0.0),
            right=right,
            column_rights=[_column_right(line, lines, right) for line in lines],
        )


def _inside(line: Line, box: TableBox) -> bool:
    """True when a line's centre lies within a table's box."""
    x = (line.left + line.right) / 2
    y = (line.bottom + line.top) / 2
    tol = TABLE_BBOX_TOLERANCE
    return box.left - tol <= x <= box.right + tol and box.bottom - tol <= y <= box.top + tol


def _typical_pitch(lines: list[Line]) -> float | None:
    """Usual baseline-to-baseline distance on the page (lower quartile of consecutive pitches).

    The lower quartile rather than the median keeps short pages with many paragraph
    gaps from taking a paragraph gap for the normal line spacing.
    """
    pitches = sorted(
        prev.baseline - line.baseline
        for prev, line in pairwise(lines)
        if 0 < prev.baseline - line.baseline <= MAX_PITCH_IN_SIZES * max(prev.size, line.size)
    )
    return pitches[int(len(pitches) * PITCH_QUANTILE)] if pitches else None


def _column_right(line: Line, lines: list[Line], page_right: float) -> float:
    """Right edge of the column a line belongs to: lines starting at the same x, else the page's."""
    tolerance = COLUMN_LEFT_TOLERANCE_IN_SIZES * max(line.size, 1.0)
    peers = [other.right for other in lines if abs(other.left - line.left) <= tolerance]
    return max(peers) if len(peers) >= MIN_COLUMN_PEERS else page_right


def _starts_paragraph(prev: Line, line: Line, layout: PageLayout, prev_column_right: float) -> bool:
    """Decide whether ``line`` starts a new paragraph after ``prev``."""
    step = prev.baseline - line.baseline
    size = max(prev.size, line.size, 1.0)
    if step <= 0 or step > MAX_PITCH_IN_SIZES * size:
        return True
    if layout.pitch is not None and step > PARAGRAPH_GAP_RATIO * layout.pitch:
        return True
    if abs(line.size - prev.size) > FONT_CHANGE_RATIO * max(prev.size, 1.0):
        return True
    if _hyphenated(prev.text) and line.text[:1].islower():
        return False
    indent = INDENT_IN_SIZES * size
    if line.left - layout.left > indent and prev.left - layout.left <= indent:
        return True
    return _break_was_deliberate(prev, line, prev_column_right) or _title_after_sentence(prev, line, layout)


def _break_was_deliberate(prev: Line, line: Line, column_right: float) -> bool:
    """True when the next line's first word would have fitted at the end of ``prev``.

    Wrapping only breaks a line when the next word does not fit, so room left for it
    means the author ended the line: a paragraph's last line, a list item, a label line.
    """
    words = line.text.split()
    if not words:
        return False
    char_width = (line.right - line.left) / max(len(line.text), 1)
    needed = (len(words[0]) + 1) * char_width
    return column_right - prev.right > needed


def _title_after_sentence(prev: Line, line: Line, layout: PageLayout) -> bool:
    """A line ending a sentence followed by a short capitalised line without final punctuation."""
    if not prev.text.rstrip().endswith(tuple(SENTENCE_END)):
        return False
    short_limit = layout.left + SHORT_LINE_FRACTION * (layout.right - layout.left)
    text = line.text.strip()
    return line.right < short_limit and text[:1].isupper() and not text.endswith(tuple(SENTENCE_END))


def _flush(group: list[Line], page: int) -> Iterator[Paragraph]:
    """Yield the grouped lines as one paragraph and clear the group."""
    if not group:
        return
    text = join_lines([line.text for line in group])
    size = statistics.median(line.size for line in group)
    line_count = len(group)
    group.clear()
    if text:
        yield Paragraph("paragraph", text, page, size, line_count)


def join_lines(texts: list[str]) -> str:
    """Join a paragraph's lines with spaces, undoing "-" + lowercase hyphenation."""
    result = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if _hyphenated(result) and text[0].islower():
            result = result[:-1] + text
        elif result:
            result = result + " " + text
        else:
            result = text
    return result.translate(PDFIUM_HYPHEN_MARKERS)


def _hyphenated(text: str) -> bool:
    """True when text ends with a hyphen directly after a letter (a word broken at line end)."""
    return len(text) > 1 and text[-1] in HYPHENS and text[-2].isalpha()


def _table_paragraphs(box: TableBox, page: int) -> Iterator[Paragraph]:
    """One table_row paragraph per non-empty table row."""
    for row in box.rows:
        if any(row):
            yield Paragraph("table_row", CELL_SEPARATOR.join(row), page, 0.0, 1)


# --- tables --------------------------------------------------------------------------

def borderless_tables(lines: list[Line]) -> list[TableBox]:
    """Tables drawn without rules, read from word positions: runs of MIN_GRID_ROWS+ lines
    whose gap-separated pieces start at shared column positions. A line with pieces only
    in later columns right under a row continues that row's cells (wrapped cell text)."""
    boxes: list[TableBox] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and (len(line.cells) >= 2 or (run and _continues_row(run, line))):
            run.append(line)
            continue
        box = _grid_box(run)
        if box is not None:
            boxes.append(box)
        run = []
    return boxes


def side_by_side(lines: list[Line]) -> list[Line]:
    """Blocks set side by side (signatures: "Sekretarja … Kryetari …" over "X Y   Z W") read one
    column after the other: two or more consecutive lines with the same number of gap-separated
    pieces, each piece over the one above, become one line per piece, column by column."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and _beside(lines[j - 1], lines[j]):
            j += 1
        if j - i >= 2 and len(lines[i].cells) >= 2:
            run = lines[i:j]
            for column in range(len(run[0].cells)):
                for line in run:
                    left, right, text = line.cells[column]
                    out.append(Line(text, left, line.bottom, right, line.top, line.baseline, line.size,
                                    [[left, right, text]], [(left, text)]))
        else:
            out.extend(lines[i:j])
        i = j
    return out


def _beside(prev: Line, line: Line) -> bool:
    """Two lines of the same side-by-side blocks: as many pieces, each over the one above (left,
    centred or right aligned), close below."""
    if len(prev.cells) < 2 or len(prev.cells) != len(line.cells):
        return False
    step = prev.baseline - line.baseline
    return 0 < step <= WRAP_PITCH_IN_SIZES * max(line.size, 1.0) and all(
        min(a[1], b[1]) > max(a[0], b[0]) for a, b in zip(prev.cells, line.cells, strict=True))


def _continues_row(run: list[Line], line: Line) -> bool:
    """A one-piece line just below the run, indented past the first column's start."""
    last = run[-1]
    step = last.baseline - line.baseline
    first_left = min(line.cells[0][0] for line in run)
    return 0 < step <= WRAP_PITCH_IN_SIZES * max(line.size, 1.0) and \
        line.cells[0][0] - first_left > CELL_GAP_IN_SIZES * max(line.size, 1.0)


def _grid_box(run: list[Line]) -> TableBox | None:
    """The run as a table when its rows share column starts, else None."""
    if sum(1 for line in run if len(line.cells) >= 2) < MIN_GRID_ROWS:
        return None
    size = statistics.median(line.size for line in run)
    starts = _column_starts([cell[0] for line in run for cell in line.cells], GRID_ALIGN_IN_SIZES * size)
    shared = [x for x, count in starts if count >= MIN_GRID_ROWS]
    if len(shared) < 2:
        return None
    tolerance = GRID_ALIGN_IN_SIZES * size
    rows = []
    for line in run:
        cells = [""] * len(shared)
        for left, text in line.pieces:  # each text rect to the column it starts in
            column = max((i for i, x in enumerate(shared) if x <= left + tolerance), default=0)
            cells[column] = f"{cells[column]} {text}".strip()
        rows.append(cells)
    firsts = [row[0] for row in rows if row[0]]
    numbered = sum(1 for first in firsts if NUMBERED_CELL.match(first)) * 2 >= len(firsts)
    merged: list[list[str]] = []
    for line, cells in zip(run, rows, strict=True):
        wrapped = len(line.cells) < 2 or (numbered and not cells[0])  # the row above goes on
        if wrapped and merged:
            merged[-1] = [f"{a} {b}".strip() for a, b in zip(merged[-1], cells, strict=True)]
        else:
            merged.append(cells)
    rows = merged
    return TableBox(rows, min(line.left for line in run), min(line.bottom for line in run),
                    max(line.right for line in run), max(line.top for line in run))


def _column_starts(lefts: list[float], tolerance: float) -> list[tuple[float, int]]:
    """Cluster left edges: (smallest left of the cluster, how many edges) in x order."""
    clusters: list[list[float]] = []
    for x in sorted(lefts):
        if clusters and x - clusters[-1][-1] <= tolerance:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [(cluster[0], len(cluster)) for cluster in clusters]


class _TableFinder:
    """Opens pdfplumber lazily (only when a page has a grid of rules) and finds ruled tables."""

    def __init__(self, data: bytes) -> None:
        """Keep the bytes; nothing is parsed until a page needs it."""
        self._data = data
        self._pdf = None
        self.used = False
        self.warnings: list[str] = []

    def find(self, index: int) -> list[TableBox]:
        """Tables on page ``index`` in PDF coordinates; [] when pdfplumber finds none or fails."""
        try:
            if self._pdf is None:
                import pdfplumber

                self._pdf = pdfplumber.open(io.BytesIO(self._data))
            page = self._pdf.pages[index]
            try:
                found = page.find_tables()
                top_edge = float(page.height)  # pdfplumber measures "top" down from here
                boxes = [box for box in (_table_box(t, top_edge) for t in found) if box is not None]
            finally:
                page.close()
        except Exception:  # noqa: BLE001 - a table failure must not lose the page's text
            self.warnings.append(f"tables on page {index + 1} could not be read")
            return []
        self.used = self.used or bool(boxes)
        return boxes

    def close(self) -> None:
        """Close pdfplumber's document if it was opened."""
        if self._pdf is not None:
            pdf, self._pdf = self._pdf, None
            try:
                pdf.close()
            except Exception:  # noqa: BLE001 - closing a broken file must not hide its text
                pdf.stream.close()


def _table_box(table, top_edge: float) -> TableBox | None:
    """Convert a pdfplumber table (top-left origin) to a TableBox, or None if too small."""
    rows = [[one_line(cell) for cell in row if cell is not None] for row in table.extract()]
    if sum(1 for row in rows for cell in row if cell) < MIN_TABLE_CELLS:
        return None
    x0, top, x1, bottom = table.bbox
    return TableBox(rows, x0, top_edge - bottom, x1, top_edge - top)


# --- headings, title, warnings -------------------------------------------------------

def _classify(paragraphs: list[Paragraph]) -> list[Piece]:
    """Mark short one-line paragraphs in a larger font than the body as headings."""
    body = _body_size(paragraphs)
    pieces = []
    for paragraph in paragraphs:
        kind = paragraph.kind
        if kind == "paragraph" and _is_heading(paragraph, body):
            kind = "heading"
        pieces.append(Piece(kind, paragraph.text, paragraph.page))
    return pieces


def _body_size(paragraphs: list[Paragraph]) -> float:
    """The font size carrying most of the text (median weighted by characters)."""
    sizes = sorted((p.size, len(p.text)) for p in paragraphs if p.kind == "paragraph")
    total = sum(weight for _, weight in sizes)
    running = 0
    for size, weight in sizes:
        running += weight
        if running * 2 >= total:
            return size
    return 0.0


def _is_heading(paragraph: Paragraph, body_size: float) -> bool:
    """True for a single short line, without final period, in a font larger than the body."""
    return (
        paragraph.line_count == 1
        and len(paragraph.text) <= HEADING_MAX_CHARS
        and not paragraph.text.endswith(".")
        and body_size > 0
        and paragraph.size >= HEADING_SIZE_RATIO * body_size
    )


def _title_from_pieces(pieces: list[Piece], paragraphs: list[Paragraph]) -> str | None:
    """First heading on page 1, else page 1's first paragraph if it is one short non-sentence line."""
    pairs = zip(pieces, paragraphs, strict=True)
    first_page = [(piece, paragraph) for piece, paragraph in pairs if piece.page == 1]
    heading = next((piece.text for piece, _ in first_page if piece.kind == "heading"), None)
    if heading or not first_page:
        return heading
    piece, paragraph = first_page[0]
    text = piece.text
    if (piece.kind == "paragraph" and paragraph.line_count == 1 and len(text) <= HEADING_MAX_CHARS
            and not text.endswith(tuple(SENTENCE_END))):
        return text
    return None


def _empty_page_warnings(pages: list[int], no_text: bool) -> list[str]:
    """One warning per run of consecutive pages without a text layer."""
    warnings = []
    for first, last in _runs(pages):
        if first == last:
            warning = f"no text layer on page {first}"
            warnings.append(warning + " (scanned PDF?)" if no_text else warning)
        else:
            warnings.append(f"no text layer on pages {first}-{last} (scanned PDF?)")
    return warnings


def _runs(numbers: list[int]) -> Iterator[tuple[int, int]]:
    """Collapse sorted integers into (first, last) runs of consecutive values."""
    start = previous = None
    for number in numbers:
        if previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            yield start, previous
        start = previous = number
    if start is not None:
        yield start, previous
