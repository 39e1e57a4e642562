"""Render plain-text releases as .docx, .pdf and saved news-site .html, to check that
every reader gives the extraction the same text (reader parity).

    python scripts/render_formats.py SRC_DIR OUT_DIR

writes OUT_DIR/{txt,docx,pdf,html}/<name>.<ext> for every SRC_DIR/*.txt. The first
line of a release becomes the heading; blank lines separate paragraphs; single
line breaks inside a paragraph are kept as line breaks. Needs fpdf2 (a test extra).
"""
from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

import docx
from fpdf import FPDF

PAGE_MARGIN_MM = 20
LINE_HEIGHT_MM = 5.5
FONT_SIZE = 11


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def to_docx(paras: list[str], path: Path) -> None:
    document = docx.Document()
    for i, para in enumerate(paras):
        if i == 0 and len(para) < 200 and "\n" not in para:
            document.add_heading(para, level=1)
        else:
            document.add_paragraph(para)
    document.save(path)


FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # a Unicode font, when the machine has it


LATIN1_SUBSTITUTES = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "„": '"', "’": "'", "‘": "'", "…": "..."})


def to_pdf(paras: list[str], path: Path, *, unicode_font: bool | None = None) -> None:
    """A PDF of the paragraphs; with the core Helvetica font (fast) unless a Unicode font
    is asked for or, by default, found on the machine."""
    pdf = FPDF(format="A4")
    pdf.set_margins(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM)
    if unicode_font is None:
        unicode_font = (FONT_DIR / "DejaVuSans.ttf").exists()
    if unicode_font:
        pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    family = "DejaVu" if unicode_font else "Helvetica"
    pdf.add_page()
    for i, para in enumerate(paras):
        bold = i == 0 and len(para) < 200
        pdf.set_font(family, "B" if bold else "", FONT_SIZE + (2 if bold else 0))
        text = para if unicode_font else (
            para.translate(LATIN1_SUBSTITUTES).encode("latin-1", "replace").decode("latin-1"))
        pdf.multi_cell(0, LINE_HEIGHT_MM, text)
        pdf.ln(LINE_HEIGHT_MM)
    pdf.output(str(path))


PAGE = """<!DOCTYPE html>
<html lang="sq"><head><meta charset="utf-8"><title>{title} – Lajme</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Lajme">
<script>var x = 1;</script></head>
<body><nav class="menu"><ul><li><a href="/">Kryefaqja</a></li><li><a href="/lajme">Lajme</a></li>
<li><a href="/kontakt">Kontakt</a></li></ul></nav>
<div class="container"><article class="post"><h1 class="entry-title">{title}</h1>
<div class="entry-content">{body}</div>
<div class="share-buttons">Shpërndaje: Facebook Twitter</div></article>
<aside class="sidebar widget"><h3>Të fundit</h3><ul><li><a href="/a">Moti i nesërm</a> 12.03.2020</li>
<li><a href="/b">Ndeshja e futbollit</a></li></ul></aside>
<div id="comments" class="comments-area"><h3>Leave a Reply</h3><form>Your email address will not be
published. <textarea></textarea></form></div></div>
<footer class="site-footer">© 2024 Lajme. Të gjitha të drejtat të rezervuara.</footer></body></html>
"""


def to_html(paras: list[str], path: Path) -> None:
    title = html.escape(paras[0]) if paras else ""
    body = "\n".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paras[1:])
    path.write_text(PAGE.format(title=title, body=body), encoding="utf-8")


def main(src: Path, out: Path) -> None:
    for kind in ("txt", "docx", "pdf", "html"):
        (out / kind).mkdir(parents=True, exist_ok=True)
    for path in sorted(src.glob("*.txt")):
        paras = paragraphs(path.read_text(encoding="utf-8-sig"))
        shutil.copy(path, out / "txt" / path.name)
        to_docx(paras, out / "docx" / f"{path.stem}.docx")
        to_pdf(paras, out / "pdf" / f"{path.stem}.pdf")
        to_html(paras, out / "html" / f"{path.stem}.html")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
