"""Normalisation: NFC, spaces, hyphenation, glued captions; idempotence."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize import fold, fold_aligned, normalize_document, normalize_text
from pipeline.read.base import Block, RawDocument

CAPTIONS = frozenset({"kukes", "durres", "shkoder"})


def test_glued_caption_at_line_start_becomes_its_own_line():
    assert normalize_text("KukesQëllimi i takimit", captions=CAPTIONS) == "Kukes\nQëllimi i takimit"


def test_glued_words_inside_a_line_get_a_space():
    assert normalize_text("Ndërsa VesnaVujoviq foli") == "Ndërsa Vesna Vujoviq foli"


def test_camel_case_words_on_the_keep_list_stay():
    assert normalize_text("në WhatsApp", keep_camel=frozenset({"WhatsApp"})) == "në WhatsApp"


def test_missing_space_after_stop_is_added():
    assert normalize_text("strukturat e KRAT.Prefekti vuri theksin") == "strukturat e KRAT. Prefekti vuri theksin"


def test_web_address_keeps_its_dots():
    assert normalize_text("shih www.prefektura.gov.al sot") == "shih www.prefektura.gov.al sot"


def test_soft_hyphen_nbsp_and_line_end_hyphenation():
    assert normalize_text("infor-\nmacion\u00a0i\u00adri\r\n") == "informacion iri"


def test_decomposed_letters_become_nfc():
    assert normalize_text("Durre\u0308s") == "Durrës"


def test_fold_drops_diacritics_and_case():
    assert fold("Shërbimit Social Shtetëror, Korçë") == "sherbimit social shteteror, korce"


def test_normalize_document_keeps_block_kinds_and_offsets():
    raw = RawDocument(text="Titulli\n\nNr | Emri | Institucioni", format="txt", method="t",
                      blocks=[Block("heading", 0, 7), Block("table_row", 9, 33)])
    norm = normalize_document(raw)
    assert [b.kind for b in norm.blocks] == ["heading", "table_row"]
    assert [norm.text[b.start:b.end] for b in norm.blocks] == ["Titulli", "Nr | Emri | Institucioni"]


@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize_text(text, captions=CAPTIONS)
    assert normalize_text(once, captions=CAPTIONS) == once


@given(st.text())
def test_fold_aligned_keeps_length(text):
    assert len(fold_aligned(text)) == len(text)
