#!/usr/bin/env python3
"""Write ``tests/corpus/broken/``: small crafted files, each with the status and message it must give.

Every case is built here from code (no file is edited by hand) and ``expected.yaml``
maps each file name to its manifest status and a substring of its reason. The bombs
stay small: the zip bomb *declares* 2.1 GB in its central directory, the others are
a few megabytes of spaces that deflate 1000:1. Cases that git cannot hold (a sparse
200 MB file, symbolic links, a FIFO, an unreadable file, names with a newline or with
bytes that are not UTF-8) are made at test time by ``add_runtime_cases`` and listed
in ``expected.yaml`` with ``runtime: true``.

The builders (``docx_package``, ``pdf_file`` …) are also used by the tests.

Usage:  .venv/bin/python scripts/make_broken.py [--out tests/corpus/broken] [--check]
"""
from __future__ import annotations

import argparse
import io
import os
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "tests" / "corpus" / "broken"
ZIP_DT = (2025, 1, 15, 9, 0, 0)
MB = 1024 * 1024
RELEASE = ("Korçë, 14.11.2019\n\nSot u zhvillua takimi i Komitetit Rajonal Antitrafik të Qarkut Korçë, "
           "nën drejtimin e Prefektit z. Arben Dosti. Morën pjesë ZVAP, DVP dhe World Vision.\n")


def release(chair: str = "Arben Dosti") -> str:
    """The test release with another chair, so that no two readable cases are duplicates."""
    return RELEASE.replace("Arben Dosti", chair)

# --- .docx ---------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')


def document_xml(paragraphs: list[str], *, doctype: str = "") -> str:
    """word/document.xml with one w:p per paragraph (text may hold entity references)."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')


def docx_package(document: str | bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx (content types, package rels, the main part) with fixed timestamps."""
    members = {"[Content_Types].xml": CONTENT_TYPES.encode(), "_rels/.rels": RELS.encode(),
               "word/document.xml": document.encode() if isinstance(document, str) else document,
               **(extra or {})}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(zipfile.ZipInfo(member, ZIP_DT), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def declare_size(package: bytes, member: str, size: int) -> bytes:
    """The package with the central directory declaring ``size`` bytes for ``member`` (a lie)."""
    data = bytearray(package)
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) != -1:  # central directory entries
        name_len = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46:position + 46 + name_len].decode() == member:
            struct.pack_into("<I", data, position + 24, size)  # its uncompressed size
            return bytes(data)
        position += 4
    raise KeyError(f"{member} not in the package")


def plain_docx() -> bytes:
    """A .docx that reads fine: the test release in two paragraphs."""
    return docx_package(document_xml(release("Besnik Hoxha").strip().split("\n\n")))


def zip_bomb_declared() -> bytes:
    """A .docx whose directory declares a 2.1 GB document part (refused unread)."""
    return declare_size(plain_docx(), "word/document.xml", int(2.1 * 1024 ** 3))


def zip_bomb_ratio() -> bytes:
    """A .docx with 8 MB of spaces in its document part: 1000:1, honestly declared."""
    return docx_package(document_xml([" " * (8 * MB) + "Teksti."]))


def zip_bomb_lying() -> bytes:
    """A .docx whose directory says 1 KB for a part that inflates to 4 MB."""
    package = docx_package(document_xml(["Teksti." + " " * (4 * MB)]))
    return declare_size(package, "word/document.xml", 1024)


def xxe_docx(target: str = "file:///etc/hostname") -> bytes:
    """A .docx whose main part declares an external entity pointing at a local file."""
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>'
    return docx_package(document_xml(["Sekreti: &xxe;", RELEASE.strip()], doctype=doctype))


def billion_laughs_docx() -> bytes:
    """A .docx whose main part nests internal entities (an exponential expansion)."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    doctype = f"<!DOCTYPE w:document [{''.join(entities)}]>"
    return docx_package(document_xml(["&lol9;"], doctype=doctype))


# --- .pdf ----------------------------------------------------------------------------------

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def text_line(words: str = "Mbledhja e Komitetit Rajonal Antitrafik") -> bytes:
    """Page content that shows one line of text."""
    return b"BT /F1 12 Tf 72 700 Td (%s) Tj ET\n" % words.encode("latin-1")


TEXT = text_line()


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of numbered objects (1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_stream(data: bytes, extra: bytes = b"", *, flate: bool = True) -> bytes:
    """A stream object body, deflated unless ``flate`` is False."""
    if flate:
        data, extra = zlib.compress(data, 9), extra + b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_pages(kids: bytes, count: int, content: bytes = TEXT, resources: bytes = b"") -> bytes:
    """Catalog (1), pages (2) with ``kids``, one page (3), its content (4) and a font (5)."""
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> %s >> >>" % resources,
        pdf_stream(content), FONT])


def plain_pdf() -> bytes:
    """A one-page PDF with one line of text."""
    return pdf_pages(b"3 0 R", 1)


def pdf_bomb() -> bytes:
    """A PDF whose page content inflates 1000:1 (4 MB of spaces)."""
    return pdf_pages(b"3 0 R", 1, content=TEXT + b" " * (4 * MB))


def pdf_page_cycle() -> bytes:
    """A PDF whose page tree lists itself among its kids."""
    return pdf_pages(b"2 0 R 3 0 R", 2, content=text_line("Mbledhja e Tryezes Teknike"))


def pdf_form_cycle() -> bytes:
    """A PDF whose page draws a form XObject that draws itself."""
    form = pdf_stream(TEXT + b"/X1 Do", b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                      b"/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>")
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >>"),
        pdf_stream(TEXT + b"/X1 Do"), FONT, form])


def pdf_many_pages(pages: int = 1500) -> bytes:
    """A PDF of ``pages`` pages, all the same page object (a few kilobytes)."""
    return pdf_pages(b" ".join([b"3 0 R"] * pages), pages)


# --- the corpus ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Case:
    """A crafted file: its name, how to build it, and the manifest status and reason it must give."""

    name: str
    build: Callable[[], bytes] | None  # None: made at test time by add_runtime_cases
    status: str
    message: str | None = None


def deep_html(depth: int = 300) -> bytes:
    """A page nested ``depth`` elements deep."""
    return (b"<html><body>" + b"<div>" * depth + b"<p>Mbledhja e komitetit.</p>" + b"</div>" * depth
            + b"</body></html>")


CASES: tuple[Case, ...] = (
    Case("zip-bomb.docx", zip_bomb_declared, "failed",
         "refused: uncompressed size 2.1 GB exceeds --max-unzipped-size 200 MB"),
    Case("zip-ratio.docx", zip_bomb_ratio, "failed", "exceeds --max-zip-ratio 100"),
    Case("zip-lying.docx", zip_bomb_lying, "failed", "inflates past the 1 KB its zip entry declares"),
    Case("xxe.docx", xxe_docx, "failed", "refused: word/document.xml declares a DTD"),
    Case("billion-laughs.docx", billion_laughs_docx, "failed", "declares a DTD"),
    Case("not-a-zip.docx", lambda: b"Ky nuk eshte dokument Word.", "failed", "not a zip archive"),
    Case("truncated.docx", lambda: plain_docx()[:300], "failed", "truncated or corrupt zip archive"),
    Case("encrypted.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "failed",
         "encrypted or legacy .doc file"),
    Case("plain.docx", plain_docx, "ok"),
    Case("pdf-bomb.pdf", pdf_bomb, "failed", "exceeds --max-zip-ratio 100"),
    Case("pdf-page-cycle.pdf", pdf_page_cycle, "ok"),
    Case("pdf-form-cycle.pdf", pdf_form_cycle, "ok"),
    Case("pdf-many-pages.pdf", pdf_many_pages, "failed", "refused: page count 1500 exceeds --max-pages 1000"),
    Case("truncated.pdf", lambda: plain_pdf()[:200], "failed", "truncated or corrupt PDF"),
    Case("not-a-pdf.pdf", lambda: b"<html>not a pdf</html>", "failed", "not a PDF file"),
    Case("deep.html", deep_html, "failed", "exceeds --max-html-depth 200"),
    Case("nul.html", lambda: b"<html><body><p>Mbledhja\x00\x00\x00 e komitetit</p></body></html>", "failed",
         "binary data, not text"),
    Case("nul.txt", lambda: RELEASE.encode()[:50] + b"\x00" * 16 + RELEASE.encode()[50:], "failed",
         "binary data, not text"),
    Case("empty.txt", lambda: b"", "failed", "empty file"),
    Case("emër me hapësira.txt", lambda: release().encode(), "ok"),
    # Made at test time (git cannot hold them):
    Case("huge.txt", None, "failed", "refused: file size 200 MB exceeds --max-file-size 50 MB"),
    Case("unreadable.txt", None, "failed", "cannot read file (permission denied)"),
    Case("outside.txt", None, "failed", "refused: symbolic link to a file outside"),
    Case("alias.txt", None, "duplicate", "same file as emër me hapësira.txt"),
    Case("loop.txt", None, "failed", "too many levels of symbolic links"),
    Case("fifo.txt", None, "failed", "refused: not a regular file"),
    Case("new\nline.txt", None, "ok"),
    Case("Kor\udce7\udceb.txt", None, "ok"),  # latin-1 bytes in the name: not UTF-8
)


def add_runtime_cases(folder: Path, outside: Path) -> None:
    """Make the cases git cannot hold in ``folder``; ``outside`` is a file outside it."""
    with open(folder / "huge.txt", "wb") as fh:  # sparse: 200 MB long, no block written
        fh.truncate(200 * MB)
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(RELEASE, encoding="utf-8")
    unreadable.chmod(0)
    os.symlink(outside, folder / "outside.txt")
    os.symlink("emër me hapësira.txt", folder / "alias.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink(".", folder / "loop")  # a folder loop: never walked
    os.mkfifo(folder / "fifo.txt")
    (folder / "new\nline.txt").write_text(release("Dritan Leka"), encoding="utf-8")
    (folder / "Kor\udce7\udceb.txt").write_text(release("Erion Mema"), encoding="utf-8")


def expected_yaml() -> str:
    """expected.yaml: file name → status, message substring and whether it is made at test time."""
    import yaml

    data = {case.name: {"status": case.status, "message": case.message, "runtime": case.build is None}
            for case in CASES}
    header = ("# Written by scripts/make_broken.py: what `krat extract` must write to the manifest for each\n"
              "# file (status, and a substring of the reason). runtime: made by the test, not in git.\n")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def outputs() -> dict[str, bytes]:
    """Every committed file of the corpus, by name."""
    files = {case.name: case.build() for case in CASES if case.build is not None}
    files["expected.yaml"] = expected_yaml().encode("utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed file is out of date")
    args = parser.parse_args(argv)
    stale = []
    for name, data in outputs().items():
        path = args.out / name
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
            continue
        args.out.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path} ({len(data)} bytes)")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
