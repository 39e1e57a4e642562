"""Fuzzing and properties, briefly (the long run is ``scripts/fuzz.py``, see the README).

- Each reader, on bytes that are random or mutated from the broken corpus and the samples,
  returns a consistent document or raises one of the project's InputErrors (one line,
  naming the file), within a time bound.
- Normalisation never fails, is idempotent and keeps block offsets inside the text.
- Date finding and matching never fail, and every offset they give lies inside the text
  and slices out the text they report.
"""
from __future__ import annotations

import random
import signal
from contextlib import contextmanager

import pytest
from conftest import load_script
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.normalize import normalize_document, normalize_text
from pipeline.read import Piece, assemble

fuzz = load_script("fuzz")
SEEDS = fuzz.load_seeds(fuzz.FORMATS)
SECONDS_PER_INPUT = 20  # a reader slower than this on a few kilobytes hangs
BRIEF = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def time_bound(seconds: int):
    """Fail (instead of hanging the suite) when the body runs longer than ``seconds``."""
    def expired(signum, frame):
        raise TimeoutError(f"over {seconds} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- readers on hostile bytes -------------------------------------------------------------

def inputs(fmt: str):
    """Random bytes, or a seed of the format mutated a few times (scripts/fuzz.py's mutator)."""
    mutated = st.builds(lambda seed, n: fuzz.mutate(seed, fmt, SEEDS[fmt], random.Random(n)),
                        st.sampled_from(SEEDS[fmt]), st.integers(0, 2 ** 32))
    return st.one_of(st.binary(max_size=4096), mutated)


@pytest.mark.parametrize("fmt", fuzz.FORMATS)
def test_readers_raise_only_input_errors(fmt):
    @BRIEF
    @given(inputs(fmt))
    def run(data):
        with time_bound(SECONDS_PER_INPUT):
            assert fuzz.check(data, fmt) is None
    run()


def test_the_long_fuzzer_runs_clean_for_a_few_seconds(tmp_path):
    counts = fuzz.fuzz(4, seed=7, formats=fuzz.FORMATS, crashes=tmp_path, timeout=SECONDS_PER_INPUT,
                       memory_mb=1024, quiet=True)
    assert counts["runs"] >= len(fuzz.FORMATS) and counts["findings"] == 0, list(tmp_path.iterdir())


# --- normalisation ------------------------------------------------------------------------

TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
NASTY = st.text(alphabet="aëçA Ë\n\r\t-.\u00ad\u00a0\u200bKukesQëllimi ", max_size=200)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["paragraph", "heading", "table_row"]), st.one_of(TEXTS, NASTY)),
                max_size=6))
def test_normalised_blocks_stay_inside_the_text(pieces):
    raw = assemble([Piece(kind, text) for kind, text in pieces], fmt="txt", method="test")
    norm = normalize_document(raw)
    previous_end = 0
    for block in norm.blocks:
        assert previous_end <= block.start <= block.end <= len(norm.text)
        previous_end = block.end
    assert normalize_text(norm.text) == norm.text  # idempotent on the whole text too


@settings(max_examples=100, deadline=None)
@given(st.one_of(TEXTS, NASTY))
def test_normalisation_is_idempotent(text):
    once = normalize_text(text, captions=frozenset({"kukes"}))
    assert normalize_text(once, captions=frozenset({"kukes"})) == once


# --- dates and matching -------------------------------------------------------------------

@pytest.fixture(scope="module")
def vocabulary(gaz):
    """Words the matchers react to: institution and place names, months, cue words, numbers."""
    words = {w for entry in gaz.entries.values() for w in entry.name.split()}
    words |= {form for place in gaz.places for form in place.forms}
    words |= {form for forms in gaz.cues["dates"]["months"].values() for form in forms}
    words |= set(gaz.cues["dates"]["relative"]) | {"13.02.2019", "2019", "12", "-", "–", "dhe", "deri",
                                                    "ZVAP-i", "KRAT", "z.", "znj.", "Prefekti", "u", "zhvillua"}
    return sorted(words)


def soup(vocabulary):
    """Texts made of the vocabulary, with separators and some noise."""
    word = st.one_of(st.sampled_from(vocabulary), st.text(max_size=6))
    separator = st.sampled_from([" ", " ", ", ", ". ", "\n", "\n\n", " | ", "/", ""])
    return st.lists(st.tuples(word, separator), max_size=60).map(lambda parts: "".join(w + s for w, s in parts))


def test_dates_are_inside_the_text(extractor, vocabulary):
    finder = extractor.nlp.get_pipe("krat_dates").finder

    @settings(max_examples=150, deadline=None)
    @given(soup(vocabulary), st.sampled_from([None, "2020-02-29"]))
    def run(text, published):
        for mention in finder.find(text, published=published):
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start:mention.end] == mention.text
            for value in (mention.value, mention.value_end):
                assert value is None or value[:4].isdigit()
    run()


def test_matches_and_records_are_inside_the_text(extractor, vocabulary):
    from pipeline.read import read_bytes

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(soup(vocabulary))
    def run(text):
        doc = extractor.nlp(text)
        for matches in (doc._.institution_matches, doc._.places, doc._.bodies, doc._.dates):
            for match in matches or []:
                assert 0 <= match.start < match.end <= len(text)
                assert text[match.start:match.end] == match.text
        try:
            raw = read_bytes(text.encode("utf-8"), suffix=".txt", name="soup.txt")
        except InputError:  # empty, or control characters: not a text (tested above)
            return
        record, norm = extractor.extract(raw, path="soup.txt", sha256="0" * 64)
        mentions = [*record.unmatched, *(m for meeting in record.meetings for inst in meeting.institutions
                                         for m in inst.mentions)]
        for mention in mentions:
            assert norm[mention.start:mention.end] == mention.text
        for span in (s for meeting in record.meetings for s in (*meeting.issues, *meeting.commitments)):
            assert 0 <= span.start <= span.end <= len(norm)
    run()
