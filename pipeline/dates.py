"""Dates in Albanian text: numeric, with month names, ranges, periods, "sot"/"dje".

Every match becomes a ``DateMention`` with ISO values at the precision the
text gives ("2019-02-13", "2015-02", "2019"). Month names and relative words
come from ``gazetteers/cues.yaml`` (``dates``); the patterns here only say how
they combine. A year is never guessed: a date without one takes the
publication year when the caller gives it, else stays ``None``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from .normalize import fold_aligned

DateKind = Literal["day", "month", "year", "relative"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or span found in the text; ``value``/``end`` are ISO strings or None."""

    start: int
    end: int
    text: str
    value: str | None
    value_end: str | None
    kind: DateKind
    is_period: bool = False  # a span under review ("Janar-Qershor 2019", "për vitin 2018")
    month: int | None = None  # for a date written without its year: month and days,
    days: tuple[int, ...] = ()  # so a year stated later in the sentence can complete it


def deadline_values(d: DateMention) -> tuple[str | None, str | None]:
    """(due, due_end) of a deadline: a whole year written as a period ("deri në fund të vitit 2018")
    is the year; a span ("qershor – shtator 2017") is its start and end, as a meeting's dates are."""
    if d.value and d.value_end and d.value.endswith("-01") and d.value_end == d.value[:4] + "-12":
        return d.value[:4], None
    return d.value, d.value_end


@dataclass(frozen=True, slots=True)
class DateVocabulary:
    """Month forms (folded) → month number, and relative-day words → day offset."""

    months: dict[str, int]
    relative: dict[str, int]
    period_words: tuple[str, ...]  # folded cue words before a year that make it a period ("per vitin")
    part_of_year: dict[str, tuple[int, int]]  # "3-mujor" → (1, 3) etc.
    weekdays: dict[str, int] = field(default_factory=dict)  # folded form → 0 (Monday) … 6 (Sunday)


class DateFinder:
    """Finds every date mention in a text with one pass of a few compiled patterns."""

    def __init__(self, vocab: DateVocabulary) -> None:
        self.vocab = vocab
        month = "|".join(sorted(map(re.escape, vocab.months), key=len, reverse=True))
        rel = "|".join(sorted(map(re.escape, vocab.relative), key=len, reverse=True))
        per = "|".join(sorted(map(re.escape, vocab.period_words), key=len, reverse=True))
        part = "|".join(sorted(map(re.escape, vocab.part_of_year), key=len, reverse=True))
        weekday = "|".join(sorted(map(re.escape, vocab.weekdays), key=len, reverse=True))
        sep = r"\s*(?:-|–|—|deri\s+(?:ne\s+|me\s+)?|dhe)\s*"
        self._patterns: list[tuple[str, re.Pattern[str]]] = [
            ("month_year_range", re.compile(
                rf"\b(?P<m1>{month})\s+(?P<y1>\d{{4}}){sep}(?P<m2>{month})\s+(?P<y2>\d{{4}})\b")),
            ("month_range", re.compile(
                rf"\b(?P<m1>{month}){sep}(?P<m2>{month})(?:\s+(?:(?:te|e|i|se)\s+)?(?:vitit\s+)?(?P<y>\d{{4}}))?\b")),
            ("days_month", re.compile(
                rf"\b(?P<d1>\d{{1,2}})(?P<more>(?:\s*(?:,|-|–|dhe|e|deri\s+(?:me|ne))\s*\d{{1,2}}){{0,6}})\s+(?P<m>{month})"
                rf"(?:\s*,?\s+(?:(?:te|e|i|se)\s+)?(?:vitit\s+)?(?P<y>\d{{4}}))?\b")),
            ("numeric", re.compile(
                r"(?<![\d.])(?P<d>\d{1,2})\s?(?P<s>[./-])\s?(?P<m>\d{1,2})(?P=s)\s?(?P<y>\d{4}|\d{2})(?![\d])")),
            ("iso", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?![\d])")),
            ("part_of_year", re.compile(
                rf"\b(?P<part>{part})\w*(?:\s+(?:e|i|te)\s+(?P<ord>pare|dyte|trete|katert))?"
                rf"(?:\s+(?:(?:te|e|i|se)\s+)?(?:vitit\s+)?(?P<y>\d{{4}}))?")) if part else None,
            ("month_year", re.compile(rf"\b(?P<m>{month})\s+(?:(?:te|e|i|se)\s+)?(?:vitit\s+)?(?P<y>\d{{4}})\b")),
            ("period_year", re.compile(rf"\b(?P<cue>{per})\s+(?P<y>(?:19|20)\d{{2}})\b")) if per else None,
            ("month_only", re.compile(rf"\b(?:muaj\w*|gjate|ne|me)\s+(?P<m>{month})\b")),
            ("relative", re.compile(rf"\b(?P<rel>{rel})\b")) if rel else None,
            ("weekday", re.compile(rf"\b(?:te|e)\s+(?P<wd>{weekday})\b")) if weekday else None,
        ]
        self._patterns = [entry for entry in self._patterns if entry is not None]

    def find(self, text: str, *, published: str | None = None) -> list[DateMention]:
        """All date mentions in ``text``, left to right, none overlapping."""
        folded = fold_aligned(text)
        taken = bytearray(len(text) + 1)  # characters already part of a date
        found: list[DateMention] = []
        for name, pattern in self._patterns:
            convert = getattr(self, f"_{name}")
            for m in pattern.finditer(folded):
                if any(taken[m.start():m.end()]):
                    continue
                mention = convert(m, text, published)
                if mention is not None:
                    taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                    found.append(mention)
        found.sort(key=lambda d: d.start)
        return _borrow_years(found)

    # -- one converter per pattern -------------------------------------------------
    def _mk(self, m: re.Match[str], text: str, value: str | None, value_end: str | None,
            kind: DateKind, is_period: bool = False) -> DateMention:
        return DateMention(m.start(), m.end(), text[m.start():m.end()], value, value_end, kind, is_period)

    def _month_year_range(self, m, text, published):
        a = f"{m['y1']}-{self.vocab.months[m['m1']]:02d}"
        b = f"{m['y2']}-{self.vocab.months[m['m2']]:02d}"
        return self._mk(m, text, a, b, "month", is_period=True)

    def _month_range(self, m, text, published):
        year = m["y"] or _year_of(published)
        m1, m2 = self.vocab.months[m["m1"]], self.vocab.months[m["m2"]]
        if year is None:
            return self._mk(m, text, None, None, "month", is_period=True)
        first_year = int(year) - 1 if m2 < m1 else int(year)  # "nëntor–shkurt 2019": 2018-11 … 2019-02
        return self._mk(m, text, f"{first_year}-{m1:02d}", f"{year}-{m2:02d}", "month", is_period=True)

    def _days_month(self, m, text, published):
        month = self.vocab.months[m["m"]]
        year = m["y"] or _year_of(published)
        days = [int(m["d1"]), *map(int, re.findall(r"\d{1,2}", m["more"] or ""))]
        if not all(1 <= d <= 31 for d in days):
            return None
        if year is None:
            return DateMention(m.start(), m.end(), text[m.start():m.end()], None, None, "day",
                               month=month, days=tuple(days))
        start = _iso_day(int(year), month, days[0])
        end = _iso_day(int(year), month, days[-1]) if len(days) > 1 else None
        if start is None:
            return None
        return self._mk(m, text, start, end, "day")

    def _numeric(self, m, text, published):
        year = int(m["y"])
        if year < 100:
            year += 2000 if year <= 40 else 1900
        value = _iso_day(year, int(m["m"]), int(m["d"]))
        return None if value is None else self._mk(m, text, value, None, "day")

    def _iso(self, m, text, published):
        if not 1 <= int(m["m"]) <= 12:
            return None
        if m["d"]:
            value = _iso_day(int(m["y"]), int(m["m"]), int(m["d"]))
            return None if value is None else self._mk(m, text, value, None, "day")
        return self._mk(m, text, f"{m['y']}-{m['m']}", None, "month")

    def _part_of_year(self, m, text, published):
        first, last = self.vocab.part_of_year[m["part"]]
        if m["ord"] in ("dyte",):
            first, last = first + (last - first + 1), last + (last - first + 1)
        elif m["ord"] in ("trete",):
            first, last = first + 2 * (last - first + 1), last + 2 * (last - first + 1)
        elif m["ord"] in ("katert",):
            first, last = first + 3 * (last - first + 1), last + 3 * (last - first + 1)
        if last > 12:
            return None
        year = m["y"]
        if not year:
            return self._mk(m, text, None, None, "month", is_period=True)
        return self._mk(m, text, f"{year}-{first:02d}", f"{year}-{last:02d}", "month", is_period=True)

    def _month_year(self, m, text, published):
        return self._mk(m, text, f"{m['y']}-{self.vocab.months[m['m']]:02d}", None, "month")

    def _period_year(self, m, text, published):
        return self._mk(m, text, f"{m['y']}-01", f"{m['y']}-12", "year", is_period=True)

    def _month_only(self, m, text, published):
        year = _year_of(published)
        value = f"{year}-{self.vocab.months[m['m']]:02d}" if year else None
        mention = self._mk(m, text, value, None, "month")
        return mention

    def _relative(self, m, text, published):
        if not published or len(published) != 10:
            return self._mk(m, text, None, None, "relative")
        day = date.fromisoformat(published) + timedelta(days=self.vocab.relative[m["rel"]])
        return self._mk(m, text, day.isoformat(), None, "relative")

    def _weekday(self, m, text, published):
        """"të enjten": the last such weekday on or before the publication day."""
        if not published or len(published) != 10:
            return self._mk(m, text, None, None, "relative")
        day = date.fromisoformat(published)
        day -= timedelta(days=(day.weekday() - self.vocab.weekdays[m["wd"]]) % 7)
        return self._mk(m, text, day.isoformat(), None, "relative")


YEAR_BORROW_WINDOW = 120  # characters: "më 12 mars në Shkodër, … më 19 mars 2019 në Dibër"


def _borrow_years(found: list[DateMention]) -> list[DateMention]:
    """Give a yearless day its year from the next dated mention of the same enumeration."""
    out = list(found)
    for i, d in enumerate(out):
        if d.value is not None or d.month is None:
            continue
        for later in out[i + 1:]:
            if later.start - d.end > YEAR_BORROW_WINDOW:
                break
            if later.value and later.kind == "day":
                year = int(later.value[:4])
                start = _iso_day(year, d.month, d.days[0])
                end = _iso_day(year, d.month, d.days[-1]) if len(d.days) > 1 else None
                out[i] = DateMention(d.start, d.end, d.text, start, end, d.kind, d.is_period, d.month, d.days)
                break
    return out


def _year_of(published: str | None) -> str | None:
    return published[:4] if published else None


def _iso_day(year: int, month: int, day: int) -> str | None:
    """ISO date, or None when the numbers are not a calendar date (e.g. 31.02)."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
