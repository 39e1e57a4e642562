"""Cue lists from ``gazetteers/cues.yaml`` compiled into regular expressions, once.

A cue list is a list of patterns on folded text; ``CuePattern.search`` and
friends take folded text and return matches. Compiling happens once per
gazetteer (``cues_for``), never on the hot path.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .gazetteer import Gazetteer


@dataclass(frozen=True, slots=True)
class CuePattern:
    """One alternation of cue patterns, anchored at word boundaries."""

    regex: re.Pattern[str]

    def search(self, folded: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.regex.search(folded, pos, len(folded) if endpos is None else endpos)

    def finditer(self, folded: str) -> list[re.Match[str]]:
        return list(self.regex.finditer(folded))

    def last_before(self, folded: str, end: int) -> re.Match[str] | None:
        """The cue that ends closest before ``end``."""
        last = None
        for m in self.regex.finditer(folded, 0, end):
            last = m
        return last


def compile_cues(patterns: list[str]) -> CuePattern:
    """Join cue patterns into one regex matched at word boundaries (longest first)."""
    ordered = sorted(patterns, key=len, reverse=True)
    body = "|".join(f"(?:{p})" for p in ordered) or r"(?!x)x"
    return CuePattern(re.compile(rf"(?<![\w])(?:{body})(?![\w])"))


@dataclass(frozen=True, slots=True)
class Cues:
    """Every cue list the extractors use, compiled."""

    event: CuePattern
    happened: CuePattern
    future_only: CuePattern
    not_meeting: CuePattern
    national: CuePattern
    past_reference: CuePattern
    kinds: tuple[tuple[str, CuePattern], ...]
    plural_event: CuePattern
    organizer_before: CuePattern
    organizer_after: CuePattern
    funder_before: CuePattern
    participant: CuePattern
    mentioned: CuePattern
    place_of: re.Pattern[str]
    generic_groups: CuePattern
    chair_before: CuePattern
    chair_after: CuePattern
    speech_verbs: CuePattern
    issue: CuePattern
    issue_neutral: CuePattern
    problem_words: CuePattern
    statistics: CuePattern
    alarm_words: CuePattern
    issue_clause: re.Pattern[str]
    issue_generic_after: re.Pattern[str]
    issue_relative_after: re.Pattern[str]
    issue_min_words: int
    commitment: CuePattern
    not_commitment: CuePattern
    request: re.Pattern[str]
    responsible: CuePattern
    list_intro: CuePattern
    task_intro: CuePattern
    task_like: CuePattern
    assignment: CuePattern
    action_start: CuePattern
    deadline_before: CuePattern
    reference_before: CuePattern
    period_before: CuePattern
    stamp: re.Pattern[str]
    date_label: CuePattern
    commitment_future: CuePattern
    dateline_window: int
    location: CuePattern
    location_label: CuePattern
    time: re.Pattern[str]
    time_closing: CuePattern
    topics: tuple[tuple[str, CuePattern], ...]
    problem_topics: frozenset[str]
    name_stop: frozenset[str]
    name_label: CuePattern


_CACHE: dict[str, Cues] = {}


def cues_for(gaz: Gazetteer) -> Cues:
    """The compiled cues of a gazetteer (cached by gazetteer version)."""
    cached = _CACHE.get(gaz.version)
    if cached is None:
        cached = _CACHE[gaz.version] = _compile(gaz.cues, gaz.topics)
    return cached


def _compile(c: dict[str, Any], topics: list[dict[str, Any]]) -> Cues:
    m, r, p, d = c["meeting"], c["roles"], c["persons"], c["dates"]
    return Cues(
        event=compile_cues(m["event"]),
        happened=compile_cues(m["happened"]),
        future_only=compile_cues(m["future_only"]),
        not_meeting=compile_cues(m["not_meeting"]),
        national=compile_cues(m.get("national", [])),
        past_reference=compile_cues(m["past_reference"]),
        kinds=tuple((kind, compile_cues(pats)) for kind, pats in m["kinds"]),
        plural_event=compile_cues(m["plural_event"]),
        organizer_before=compile_cues(r["organizer_before"]),
        organizer_after=compile_cues(r["organizer_after"]),
        funder_before=compile_cues(r["funder_before"]),
        participant=compile_cues(r["participant"]),
        mentioned=compile_cues(r["mentioned"]),
        place_of=_suffix(r.get("place_of", [])),
        generic_groups=compile_cues(r["generic_groups"]),
        chair_before=compile_cues(p["chair_before"]),
        chair_after=compile_cues(p["chair_after"]),
        speech_verbs=compile_cues(p["speech_verbs"]),
        issue=compile_cues(c["issues"]["cues"]),
        issue_neutral=compile_cues(c["issues"]["neutral_cues"]),
        problem_words=compile_cues(c["issues"]["problem_words"]),
        statistics=compile_cues(c["issues"].get("statistics", [])),
        alarm_words=compile_cues(c["issues"].get("alarm_words", [])),
        issue_clause=re.compile(r"(?:" + "|".join(c["issues"]["clause_cues"]) + r")$"),
        issue_generic_after=_prefix(c["issues"]["generic_after"]),
        issue_relative_after=_prefix(c["issues"]["relative_after"]),
        issue_min_words=int(c["issues"].get("min_words", 3)),
        commitment=compile_cues(c["commitments"]["cues"]),
        not_commitment=compile_cues(c["commitments"]["not_commitment"]),
        request=compile_cues(c["commitments"]["request"]).regex,
        responsible=CuePattern(re.compile("|".join(f"(?:{p})" for p in c["commitments"]["responsible"]))),
        list_intro=compile_cues(c["commitments"]["list_intro"]),
        task_intro=compile_cues(c["commitments"]["task_intro"]),
        task_like=compile_cues(c["commitments"]["task_like"]),
        assignment=compile_cues(c["commitments"].get("assignment", [])),
        action_start=compile_cues(c["commitments"].get("action_start", [])),
        deadline_before=compile_cues(d["deadline_before"]),
        reference_before=compile_cues(d["reference_before"]),
        period_before=compile_cues(d.get("period_before", ["per periudhen", "per"])),
        stamp=re.compile(d["stamp"]),
        date_label=compile_cues([rf"{w}\s*[.:]" for w in d.get("label", [])]),
        commitment_future=compile_cues(m["planning"]),
        dateline_window=int(d["dateline_window"]),
        location=compile_cues(c.get("location", [])),
        location_label=CuePattern(re.compile(r"(?m)^(?:" + "|".join(c.get("location_label", [])) + r")\s*:")),
        time=re.compile(r"\b(?:" + "|".join(d.get("time_before", ["ora"])) + r")\s*:?\s*([01]?\d|2[0-3])[:.]([0-5]\d)\b"),
        time_closing=compile_cues(d.get("time_closing", [])),
        topics=tuple((t["id"], compile_cues(t["patterns"])) for t in topics),
        problem_topics=frozenset(t["id"] for t in topics if t.get("problem")),
        name_stop=frozenset(p["name_stop"]),
        name_label=compile_cues([rf"{label}\s*:" for label in p.get("name_labels", [])]),
    )


def _suffix(patterns: list[str]) -> re.Pattern[str]:
    """A pattern that matches one of ``patterns`` at the end of a text (before trailing spaces)."""
    body = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<![\w])(?:{body})\s*$")


def _prefix(patterns: list[str]) -> re.Pattern[str]:
    """A pattern that matches one of ``patterns`` at the start of a (stripped) text."""
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in ordered) + r")(?![\w])")
