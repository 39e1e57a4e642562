"""Hostile and broken input at the readers: every refusal is one line naming the limit it hit.

Bombs are built small here (sizes the zip directory or PDF declares, repetitive data
that compresses 1000:1), and the 200 MB text file is a sparse file, so nothing large is
ever written to disk.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import load_script

from pipeline.errors import InputError, LimitExceeded
from pipeline.read import ReadLimits, read_bytes, read_document
from pipeline.read.limits import GB, MB, parse_size, show

broken = load_script("make_broken")  # the crafted-file builders of tests/corpus/broken

RELEASE = ("Korçë, 14.11.2019\n\nSot u zhvillua takimi i Komitetit Rajonal Antitrafik të Qarkut Korçë, "
           "nën drejtimin e Prefektit z. Arben Dosti. Morën pjesë ZVAP, DVP dhe World Vision.\n")


def refusal(excinfo) -> str:
    """The one-line message of a refusal, checked to be one line."""
    message = str(excinfo.value)
    assert "\n" not in message
    return message


# --- limits ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, size", [("50MB", 50 * MB), ("1.5 GB", int(1.5 * GB)), ("512k", 512 * 1024),
                                        ("1024", 1024), ("0", 0), ("2mib", 2 * MB)])
def test_sizes_parse_in_binary_units(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "12 parsecs", "-1MB", "1e9"])
def test_bad_sizes_are_refused(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_sizes_show_as_people_write_them():
    assert show(200 * MB, "size") == "200 MB"
    assert show(int(2.1 * GB), "size") == "2.1 GB"
    assert show(512, "size") == "512 bytes"
    assert show(1000, "count") == "1000"


def test_a_200_mb_text_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse: 200 MB long, no block written
        fh.truncate(200 * MB)
    with pytest.raises(LimitExceeded) as info:
        read_document(path)
    assert refusal(info) == f"{path}: refused: file size 200 MB exceeds --max-file-size 50 MB"


def test_the_file_size_limit_is_configurable_and_zero_means_none(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(RELEASE, encoding="utf-8")
    with pytest.raises(LimitExceeded, match="exceeds --max-file-size 100 bytes"):
        read_document(path, limits=ReadLimits(max_file_size=100))
    with pytest.raises(LimitExceeded, match="--max-file-size 100 bytes"):
        read_bytes(path.read_bytes(), suffix=".txt", name="a.txt", limits=ReadLimits(max_file_size=100))
    assert "Korçë" in read_document(path, limits=ReadLimits(max_file_size=0)).text


def test_the_text_length_limit_names_its_option():
    with pytest.raises(LimitExceeded, match=r"extracted text length \d+ exceeds --max-text-chars 50$"):
        read_bytes(RELEASE.encode(), suffix=".txt", name="a.txt", limits=ReadLimits(max_text_chars=50))


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as info:
        read_document(fifo)
    assert refusal(info).endswith("refused: not a regular file")


def test_a_file_with_nul_bytes_is_binary_not_text(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(RELEASE.encode()[:40] + b"\x00" * 8 + RELEASE.encode()[40:])
    with pytest.raises(InputError) as info:
        read_document(path)
    assert refusal(info).endswith("binary data, not text")
    with pytest.raises(InputError, match="binary data"):
        read_bytes(b"<html><body><p>Mbledhja\x00\x00\x00</p></body></html>", suffix=".html", name="nul.html")


def test_an_unreadable_file_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(RELEASE, encoding="utf-8")
    real_open = os.open

    def denied(file, flags, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)  # root reads anything: simulate the chmod 000
    with pytest.raises(InputError) as info:
        read_document(path)
    assert refusal(info) == f"{path}: cannot read file (permission denied)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_a_chmod_000_file_is_one_line(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(RELEASE, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match="cannot read file \\(permission denied\\)"):
        read_document(path)


def test_a_vanished_file_is_one_line(tmp_path):
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "gone.txt")
    assert refusal(info).endswith("cannot read file (no such file or directory)")


# --- .docx: zip bombs, lying directories, entities -----------------------------------------

def test_a_declared_zip_bomb_is_refused_before_anything_is_inflated(monkeypatch):
    from pipeline.read import zipscan

    monkeypatch.setattr(zipscan, "_inflated", lambda *args: pytest.fail("inflated a bomb"))
    with pytest.raises(LimitExceeded) as info:
        read_bytes(broken.zip_bomb_declared(), suffix=".docx", name="zip-bomb.docx")
    assert refusal(info) == ("zip-bomb.docx: refused: uncompressed size 2.1 GB exceeds "
                             "--max-unzipped-size 200 MB")


def test_a_part_that_compresses_1000_to_1_is_refused_by_its_ratio():
    with pytest.raises(LimitExceeded) as info:
        read_bytes(broken.zip_bomb_ratio(), suffix=".docx", name="ratio.docx")
    assert refusal(info).startswith("ratio.docx: refused: word/document.xml compression ratio ")
    assert refusal(info).endswith(" exceeds --max-zip-ratio 100")
    doc = read_bytes(broken.zip_bomb_ratio(), suffix=".docx", name="ratio.docx", limits=ReadLimits(max_zip_ratio=0))
    assert doc.text == "Teksti."


def test_a_directory_that_lies_about_a_size_is_caught_while_inflating(monkeypatch):
    from pipeline.read import zipscan

    steps = []
    real = zipscan._inflated
    monkeypatch.setattr(zipscan, "_inflated", lambda *args: (steps.append(len(p)) or p for p in real(*args)))
    with pytest.raises(InputError) as info:
        read_bytes(broken.zip_bomb_lying(), suffix=".docx", name="lying.docx")
    assert refusal(info).endswith("(word/document.xml inflates past the 1 KB its zip entry declares)")
    assert max(steps) <= zipscan.STEP and sum(steps) < 4 * zipscan.STEP  # stopped at once, in small steps


def test_member_count_and_total_size_limits_are_configurable():
    package = broken.plain_docx()
    assert read_bytes(package, suffix=".docx", name="a.docx", limits=ReadLimits(max_zip_members=3)).text
    with pytest.raises(LimitExceeded, match="number of zip members 3 exceeds --max-zip-members 2$"):
        read_bytes(package, suffix=".docx", name="a.docx", limits=ReadLimits(max_zip_members=2))
    with pytest.raises(LimitExceeded, match=r"uncompressed size [\d.]+ KB exceeds --max-unzipped-size 1 KB$"):
        read_bytes(package, suffix=".docx", name="a.docx", limits=ReadLimits(max_unzipped_size=1024))


def test_an_encrypted_zip_member_is_refused():
    package = bytearray(broken.plain_docx())
    position = package.find(b"PK\x01\x02")
    package[position + 8] |= 1  # the central directory's "encrypted" flag of the first member
    with pytest.raises(InputError, match="encrypted zip member"):
        read_bytes(bytes(package), suffix=".docx", name="locked.docx")


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("FJALEKALIMI-SEKRET-42", encoding="utf-8")
    return path


def test_an_external_entity_is_refused_and_never_read(secret):
    with pytest.raises(InputError) as info:
        read_bytes(broken.xxe_docx(secret.as_uri()), suffix=".docx", name="xxe.docx")
    assert "refused: word/document.xml declares a DTD" in refusal(info)
    assert "FJALEKALIMI" not in refusal(info)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_a_dtd_in_another_encoding_is_refused_too(secret, codec):
    xml = broken.document_xml(["&xxe;"], doctype=f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>')
    xml = xml.replace('encoding="UTF-8"', f'encoding="{codec.upper()}"')
    with pytest.raises(InputError, match="declares a DTD"):
        read_bytes(broken.docx_package(xml.encode(codec)), suffix=".docx", name="xxe16.docx")


def test_python_docx_alone_resolves_no_entity_either(secret, monkeypatch):
    """The second lock: with the DTD check switched off, the secret still never appears."""
    from pipeline.read import docx as docx_reader

    monkeypatch.setattr(docx_reader, "check_package", lambda *args, **kwargs: None)
    for package in (broken.xxe_docx(secret.as_uri()), broken.billion_laughs_docx()):
        try:
            doc = read_bytes(package, suffix=".docx", name="xxe.docx")
        except InputError:
            continue
        assert "FJALEKALIMI" not in doc.text and "lollol" not in doc.text


# --- .pdf: decompression bombs, cycles, page counts ----------------------------------------

def test_a_pdf_stream_that_inflates_1000_to_1_is_refused_before_pdfium_opens_it(monkeypatch):
    from pipeline.read import pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "_open", lambda *args, **kwargs: pytest.fail("pdfium opened a bomb"))
    with pytest.raises(LimitExceeded) as info:
        read_bytes(broken.pdf_bomb(), suffix=".pdf", name="bomb.pdf")
    assert refusal(info).startswith("bomb.pdf: refused: stream object 4 compression ratio ")
    assert refusal(info).endswith("exceeds --max-zip-ratio 100")


def test_pdf_streams_together_are_held_to_the_unzipped_size():
    limits = ReadLimits(max_zip_ratio=0, max_unzipped_size=1 * MB)
    with pytest.raises(LimitExceeded) as info:
        read_bytes(broken.pdf_bomb(), suffix=".pdf", name="bomb.pdf", limits=limits)
    assert refusal(info) == "bomb.pdf: refused: the PDF's streams inflate past --max-unzipped-size 1 MB"


def test_a_well_compressed_image_is_not_a_bomb():
    image = broken.pdf_stream(b"\xff" * (4 * MB), b" /Type /XObject /Subtype /Image /Width 2048 /Height 2048"
                              b" /ColorSpace /DeviceGray /BitsPerComponent 8")
    data = broken.pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>"),
        broken.pdf_stream(broken.TEXT + b"q 100 0 0 100 72 72 cm /Im1 Do Q"), broken.FONT, image])
    assert "Mbledhja" in read_bytes(data, suffix=".pdf", name="scan.pdf").text


@pytest.mark.parametrize("build", ["pdf_page_cycle", "pdf_form_cycle"])
def test_cyclic_pdf_object_graphs_end(build):
    import time

    started = time.perf_counter()
    doc = read_bytes(getattr(broken, build)(), suffix=".pdf", name="cycle.pdf")
    assert doc.text.startswith("Mbledhja e ") and time.perf_counter() - started < 5


def test_the_page_limit_is_checked_before_any_page_is_read():
    with pytest.raises(LimitExceeded) as info:
        read_bytes(broken.pdf_many_pages(1500), suffix=".pdf", name="many.pdf")
    assert refusal(info) == "many.pdf: refused: page count 1500 exceeds --max-pages 1000"
    doc = read_bytes(broken.pdf_many_pages(20), suffix=".pdf", name="many.pdf", limits=ReadLimits(max_pages=20))
    assert doc.text.count("Mbledhja") == 20


# --- .html: deep nesting --------------------------------------------------------------------

def test_deeply_nested_html_is_refused_with_its_depth():
    with pytest.raises(LimitExceeded) as info:
        read_bytes(broken.deep_html(100_000), suffix=".html", name="deep.html")
    assert refusal(info) == "deep.html: refused: HTML nesting depth 256 exceeds --max-html-depth 200"
    doc = read_bytes(broken.deep_html(150), suffix=".html", name="deep.html")
    assert doc.text == "Mbledhja e komitetit."
