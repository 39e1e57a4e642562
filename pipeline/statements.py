"""Statements: the issues raised and the commitments made at a meeting.

A statement is a clause of a sentence that carries a cue (``problematika``,
``shqetësim``, ``u diskutua për`` for issues; ``do të``, ``u la detyrë``,
``kërkoi që … të`` for commitments). Its text is the shortest clause around the
cue: from the clause start (a comma, "që", "se" or the sentence start) to the
sentence end. Bulleted items after a line that introduces recommendations or
tasks are commitments one by one. ``raised_by`` / ``actor`` is the institution
named before the cue in the same sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .context import BULLET, Context, Sentence, clauses
from .dates import DateMention
from .read import CELL_SEPARATOR

ISSUE_CLAUSE_WORDS = 40       # a clause this short is an issue's text as a whole
CLAUSE_BREAK = re.compile(r"[,;:–—]\s|\s(?:që|qe|se|ku|dhe se)\s")  # on lowercased, not folded, text
MAX_BACK_CHARS = 90           # how far back from a cue the clause start may be
MAX_TEXT_CHARS = 400
ITEM_SUBJECT_CHARS = 60       # a list item's actor is named near its start ("– Bashkia Durrës do të …")
DEADLINE_LABEL = re.compile(r"\bafat\w*\s*:")  # "Afati: 30.11.2020", on folded text
RESPONSIBLE_WINDOW = 80       # chars after an item in which its "Përgjegjës:" label may stand
ITEM_MAX_WORDS = 35           # a task line without a bullet is short
HEADING_MAX_WORDS = 8
QUOTE_END = re.compile(r"[”\"](?=\s*,?\s*(?:tha|theksoi|shtoi|deklaroi|u shpreh|nënvizoi)\b)")
LEADING_FILLER = re.compile(
    r"^(?:(?:edhe|dhe|per|mbi|rreth|ne lidhje me|ne lidhje|lidhur me|qe|se|te|e|i|:|,|-)\s+)+")


@dataclass(slots=True)
class Statement:
    text: str
    start: int
    end: int
    by: str | None           # institution id (raised_by / actor)
    topics: list[str]
    due: DateMention | None = None
    due_text: str | None = None  # a deadline that is no date ("Në vijimësi"), from a task's Afati


def trim(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to exclude surrounding blanks and punctuation, and leading filler words."""
    while start < end and not ctx.text[start].isalnum():
        start += 1
    while end > start and ctx.text[end - 1] in " \n\t.,;:–-—\"“”'":
        end -= 1
    m = LEADING_FILLER.match(ctx.folded[start:end])
    if m and m.end() < end - start:
        start += m.end()
    if end - start > MAX_TEXT_CHARS:
        cut = ctx.text.rfind(" ", start, start + MAX_TEXT_CHARS)
        end = cut if cut > start else start + MAX_TEXT_CHARS
    return start, end


def _clause_start(ctx: Context, s: Sentence, cue_start: int) -> int:
    """Start of the clause that contains a cue (read on the lowercased text, where the
    article "së" is not the conjunction "se"); never inside a word."""
    lo = max(s.start, cue_start - MAX_BACK_CHARS)
    window = ctx.text[lo:cue_start].lower()
    last = None
    for m in CLAUSE_BREAK.finditer(window):
        last = m
    if last is not None:
        return lo + last.end()
    if lo == s.start:
        return s.start
    space = ctx.text.find(" ", lo, cue_start)
    return space + 1 if space >= 0 else lo


def _actor(ctx: Context, s: Sentence, before: int, resolve) -> str | None:
    """The institution nearest before ``before`` in the sentence (whoever raised an issue)."""
    cands = [m for m in ctx.institutions if s.start <= m.start and m.end <= before and m.ref]
    return resolve(cands[-1]) if cands else None


def _committer(ctx: Context, start: int, end: int, cue_start: int, resolve) -> str | None:
    """Who will act: the institution after a "Përgjegjës:" label; after a request cue ("kërkoi që Bashkia X të …") the first institution after
    it; otherwise the clause's subject, the first institution before the cue ("DRSHSSH dhe DSHP do të …")."""
    label = ctx.cues.responsible.search(ctx.folded, start, min(len(ctx.folded), end + RESPONSIBLE_WINDOW))
    if label:  # "… Përgjegjës: Bashkia Fier"
        named = [m for m in ctx.institutions if label.end() <= m.start < label.end() + RESPONSIBLE_WINDOW and m.ref]
        if named:
            return resolve(named[0])
    cue = ctx.cues.request.match(ctx.folded, cue_start)
    if cue:
        after = [m for m in ctx.institutions if cue.end() <= m.start < end and m.ref]
        if after:
            return resolve(after[0])
    before = [m for m in ctx.institutions if start <= m.start and m.end <= cue_start and m.ref]
    if before:
        return resolve(before[0])
    sentence = ctx.sentence_at(cue_start)  # "IOM …, organizata do të financojë …": the one named before
    return _actor(ctx, sentence, cue_start, resolve)


def topics_of(ctx: Context, folded: str) -> list[str]:
    return [tid for tid, pattern in ctx.cues.topics if pattern.search(folded)]


def find_issues(ctx: Context, sentences: list[Sentence], resolve,
                taken: list[Statement] = ()) -> list[Statement]:
    """Issues raised: one per distinct problem clause, none inside a commitment or the title."""
    out: list[Statement] = []
    for sentence in sentences:
        if sentence.start < ctx.title_end or ctx.cues.past_reference.search(ctx.sentence_folded(sentence)):
            continue
        for c in clauses(ctx, sentence):
            f = ctx.folded[c.start:c.end]
            hits = [(m, False) for m in ctx.cues.issue.finditer(f)] + \
                   [(m, True) for m in ctx.cues.issue_neutral.finditer(f)]
            for m, neutral in sorted(hits, key=lambda h: h[0].start()):
                span = _issue_span(ctx, c, c.start + m.start(), c.start + m.end(), m.group(0))
                if span is None:
                    continue
                start, end = span
                if any(t.start <= start < t.end or start <= t.start < end for t in taken):
                    continue
                folded = ctx.folded[start:end]
                topics = topics_of(ctx, folded)
                problem_word = ctx.cues.problem_words.search(folded)
                if neutral and not (ctx.cues.problem_topics.intersection(topics) or problem_word):
                    continue
                if neutral and ctx.cues.statistics.search(folded) and not ctx.cues.alarm_words.search(folded):
                    continue  # "informoi se janë identifikuar 12 viktima": figures reported, no problem raised
                if _names_only(ctx, c.start + m.end(), end) or _in_quoted_title(ctx, c.start + m.start()):
                    continue
                by = _actor(ctx, c, c.start + m.start(), resolve)
                for a, b in _issue_parts(ctx, start, end, c.start + m.end()):
                    out.append(Statement(ctx.text[a:b], a, b, by,
                                         topics if (a, b) == (start, end) else topics_of(ctx, ctx.folded[a:b])))
                break
    return _dedupe(out)


QUOTED_TITLE = re.compile(r"\btem\w*\s*(?:e\s+)?[\"“«„'][^\"”»“]*$")  # on folded text: inside 'temën "…'


def _names_only(ctx: Context, start: int, end: int) -> bool:
    """"Në analizë raportuan DVP Shkodër, DRSHSSH Shkodër dhe Bashkia Shkodër": after the cue
    come only the names of who spoke, no problem."""
    rest = ctx.text[start:end]
    for m in [*ctx.institutions, *ctx.places]:
        if start <= m.start and m.end <= end:
            rest = rest.replace(m.text, " ")
    return len([w for w in re.findall(r"\w{3,}", rest) if w.lower() not in ("dhe", "edhe")]) < 2


def _in_quoted_title(ctx: Context, pos: int) -> bool:
    """The cue stands inside the quoted title of a theme ('debatuan mbi temën "A janë rrjetet
    sociale rreziku …"'): a title, not a problem raised."""
    return bool(QUOTED_TITLE.search(ctx.folded, max(0, pos - 120), pos))


ISSUE_COORDINATED = re.compile(r",\s+si dhe\s+")  # on folded text


def _issue_parts(ctx: Context, start: int, end: int, cue_end: int) -> list[tuple[int, int]]:
    """"evidentuan mungesën e përkthyesve …, si dhe mungesën e ambienteve …": one issue per
    problem joined by "si dhe" after the cue, when each part names a problem on its own; else
    the span whole."""
    cut = ISSUE_COORDINATED.search(ctx.folded, max(start, cue_end), end)
    if cut is None:
        return [(start, end)]
    parts = [trim(ctx, start, cut.start()), trim(ctx, cut.end(), end)]
    for a, b in parts:
        f = ctx.folded[a:b]
        if len(ctx.text[a:b].split()) < ctx.cues.issue_min_words or not (
                ctx.cues.problem_words.search(f) or ctx.cues.issue.search(f)
                or ctx.cues.problem_topics.intersection(topics_of(ctx, f))):
            return [(start, end)]
    return parts


def reported_problems(ctx: Context, turns: list[tuple[int, int, str | None]],
                      taken: list[Statement] = ()) -> list[Statement]:
    """Problems a speaker reports in a turn of minutes' discussion ("Z. X (DVP): Janë identifikuar
    12 fëmijë …"): every sentence of a turn is reported speech, so a clause naming a problem (a
    problem topic or problem word) is an issue raised by the speaker even without a cue verb.
    ``turns`` are (body start, end, institution id)."""
    out: list[Statement] = []
    for body, end, by in turns:
        for sentence in ctx.sentences:
            if sentence.end <= body or sentence.start >= end:
                continue
            for c in clauses(ctx, sentence):
                start, stop = trim(ctx, max(c.start, body), min(c.end, end))
                if len(ctx.text[start:stop].split()) < max(ctx.cues.issue_min_words, 4):
                    continue
                if any(t.start < stop and start < t.end for t in [*taken, *out]):
                    continue
                folded = ctx.folded[start:stop]
                topics = topics_of(ctx, folded)
                if ctx.cues.problem_topics.intersection(topics) or ctx.cues.problem_words.search(folded):
                    out.append(Statement(ctx.text[start:stop], start, stop, by, topics))
    return out


def _issue_span(ctx: Context, s: Sentence, cue_start: int, cue_end: int, cue: str) -> tuple[int, int] | None:
    """The problem clause around an issue cue, or None for a generic mention.

    A clause of up to ISSUE_CLAUSE_WORDS words is taken whole (subject included:
    "Kosova mbetet një vend …"); a longer one from the cue's side that names the problem.
    """
    raw_after = ctx.folded[cue_end:s.end].lstrip()
    after = LEADING_FILLER.sub("", raw_after)
    if any(ctx.cues.issue_generic_after.match(a) or _generic_chain(ctx, a) for a in (raw_after, after)):
        return None
    end_limit = _clause_end(ctx, cue_end, s.end)
    start, end = trim(ctx, s.start, end_limit)
    if len(ctx.text[start:end].split()) > ISSUE_CLAUSE_WORDS:
        if ctx.cues.issue_clause.search(cue):  # a verb: its clause, subject included
            start, end = trim(ctx, _clause_start(ctx, s, cue_start), end_limit)
        elif ctx.cues.issue_relative_after.match(ctx.folded[cue_end:s.end]):
            start, end = trim(ctx, _clause_start(ctx, s, cue_start), cue_start)
        else:
            start, end = trim(ctx, cue_end, end_limit)
            if len(ctx.text[start:end].split()) < ctx.cues.issue_min_words:
                start, end = trim(ctx, _clause_start(ctx, s, cue_start), cue_start)
    if len(ctx.text[start:end].split()) < ctx.cues.issue_min_words:
        return None
    if not topics_of(ctx, ctx.folded[start:end]) and len(ctx.text[start:end].split()) < 6:
        return None
    return start, end


def _generic_chain(ctx: Context, after: str) -> bool:
    """"u diskutua mbi sfidat dhe sukseset": a cue whose object is itself a generic cue."""
    m = ctx.cues.issue.regex.match(after)
    return bool(m and ctx.cues.issue_generic_after.match(after[m.end():]))


def _clause_end(ctx: Context, pos: int, limit: int) -> int:
    """End of the clause from ``pos``: a closing quote followed by "tha …", or the limit."""
    m = QUOTE_END.search(ctx.text, pos, limit)
    return m.start() if m else limit


def find_commitments(ctx: Context, sentences: list[Sentence], resolve,
                     deadlines: list[DateMention], task_parts: list[tuple[int, int]] = ()) -> list[Statement]:
    """Commitments: cue clauses, the items of a list of tasks or objectives, and every item of
    the parts of minutes that list decisions or tasks (``task_parts``: (start, end) spans)."""
    out: list[Statement] = part_items(ctx, task_parts, resolve, deadlines)
    in_list = False
    prev_end = -1
    for s in sentences:
        if s.start < ctx.title_end:
            continue  # a headline announces, it does not commit
        new_block = prev_end < 0 or "\n\n" in ctx.text[prev_end:s.start]
        prev_end = s.end
        f = ctx.sentence_folded(s)
        line = ctx.text[s.start:s.end]
        bullet = BULLET.match(line)
        if new_block and not bullet and _block_is_heading(ctx, s):
            # "Detyra dhe vendime": a heading ends a list, or opens one
            in_list = bool(ctx.cues.list_intro.search(f) or ctx.cues.task_intro.search(f))
            continue
        if in_list and (ctx.cues.responsible.regex.match(f.lstrip()) or DEADLINE_LABEL.match(f.lstrip())):
            continue  # "Përgjegjës: …", "Afati: …" belong to the item before
        if in_list and (bullet or ((not new_block or _short_block(ctx, s)) and _is_item(ctx, s, f))):
            start, end = trim(ctx, s.start + (bullet.end() if bullet else 0), s.end)
            if len(ctx.text[start:end].split()) >= 3:
                cue = ctx.cues.commitment.search(ctx.folded, start, end)
                subject_end = cue.start() if cue else min(end, start + ITEM_SUBJECT_CHARS)
                out.extend(_statement(ctx, s, a, b, subject_end, resolve, deadlines)
                           for a, b in (_actions(ctx, start, end) or [(start, end)]))
            continue
        was_in_list, in_list = in_list, False
        if ctx.cues.past_reference.search(f) and not ctx.cues.commitment.search(f):
            continue
        intro = ctx.cues.list_intro.search(f)
        if intro and line.rstrip().endswith((":", ";")):
            in_list = True
            continue
        committed = False
        for c in clauses(ctx, s):
            cf = ctx.folded[c.start:c.end]
            if committed and not ctx.cues.commitment.search(cf) and ctx.cues.task_like.search(cf):
                # "kërkoi që X të …, ndërsa Y të …": the request goes on in the next clause
                start, end = trim(ctx, c.start, c.end)
                if len(ctx.text[start:end].split()) >= 4:
                    out.append(_statement(ctx, c, start, end, min(end, start + ITEM_SUBJECT_CHARS),
                                          resolve, deadlines))
                continue
            committed = False
            for m in ctx.cues.commitment.finditer(cf):
                cue_start = c.start + m.start()
                if ctx.cues.not_commitment.search(cf, max(0, m.start() - 8), min(len(cf), m.end() + 30)):
                    continue
                start, end = trim(ctx, _with_subject(ctx, c, _clause_start(ctx, c, cue_start), cue_start), c.end)
                if len(ctx.text[start:end].split()) < 4:
                    continue
                out.extend(_assigned_items(ctx, c, start, end, c.start + m.end(), cue_start, resolve, deadlines)
                           or [_statement(ctx, c, a, b, cue_start, resolve, deadlines)
                               for a, b in _coordinated(ctx, start, end, c.start + m.end())])
                committed = True
                in_list = _next_is_line(ctx, s) and bool(
                    was_in_list or ctx.cues.list_intro.search(f) or ctx.cues.task_intro.search(f))
                break
    return _dedupe(sorted(out, key=lambda s: (s.start, -s.end)))


def part_items(ctx: Context, parts: list[tuple[int, int]], resolve, deadlines) -> list[Statement]:
    """Each bulleted, numbered or lettered line of the given spans as a task (table rows aside),
    with the "Përgjegjës:" and "Afati:" labels that follow it before the next item."""
    out = []
    for start, end in parts:
        items = []
        pos = start
        for line in ctx.text[start:end].split("\n"):
            line_start, pos = pos, pos + len(line) + 1
            bullet = BULLET.match(line)
            if bullet and CELL_SEPARATOR not in line:
                items.append((line_start + bullet.end(), line_start + len(line)))
        for (a, b), following in zip(items, [*[i[0] for i in items[1:]], end], strict=False):
            a, b = trim(ctx, a, b)
            labels = [m.start() for m in (ctx.cues.responsible.search(ctx.folded, a, b),
                                          DEADLINE_LABEL.search(ctx.folded, a, b)) if m]
            if labels:  # "… rruge. Përgjegjës: Bashkia Fier. Afati: 30.11.2020": the task ends at its labels
                a, b = trim(ctx, a, min(labels))
            if len(ctx.text[a:b].split()) < 3:
                continue
            cue = ctx.cues.commitment.search(ctx.folded, a, b)
            subject_end = cue.start() if cue else min(b, a + ITEM_SUBJECT_CHARS)
            item = _statement(ctx, Sentence(a, b), a, b, subject_end, resolve, deadlines)
            if item.due is None:  # a task's own time frame: "… gjatë muajve korrik–gusht 2023"
                item.due = next((d for d in reversed(ctx.dates) if a <= d.start < b and d.value), None)
            label = DEADLINE_LABEL.search(ctx.folded, b, following)
            if label is not None:  # "Afati: qershor - shtator 2017" on a line of its own
                line_end = ctx.text.find("\n", label.end(), following)
                line_end = following if line_end < 0 else line_end
                item.due = next((d for d in ctx.dates if label.end() <= d.start < line_end and d.value), None)
                item.due_text = None if item.due else ctx.text[label.end():line_end].strip(" .;") or None
            out.append(item)
    return out


def _block_of(ctx: Context, s: Sentence) -> tuple[int, int]:
    """The block (blank-line separated) that contains a sentence."""
    start = ctx.text.rfind("\n\n", 0, s.start)
    end = ctx.text.find("\n\n", s.start)
    return (0 if start < 0 else start + 2), (len(ctx.text) if end < 0 else end)


def _block_is_heading(ctx: Context, s: Sentence) -> bool:
    """A short block without final punctuation ("Detyra dhe vendime", "Diskutimet:")."""
    start, end = _block_of(ctx, s)
    block = ctx.text[start:end].strip()
    return 0 < len(block.split()) <= HEADING_MAX_WORDS and block[-1] not in ".;!?,"


def _short_block(ctx: Context, s: Sentence) -> bool:
    start, end = _block_of(ctx, s)
    return len(ctx.text[start:end].split()) <= ITEM_MAX_WORDS


def _is_item(ctx: Context, s: Sentence, folded: str) -> bool:
    """A sentence in a list that reads like a task (a nominalised or subjunctive action, or a
    commitment cue), not a report or a signature."""
    if len(folded.split()) > ITEM_MAX_WORDS or ctx.cues.happened.search(folded):
        return False
    return bool(ctx.cues.task_like.search(folded) or ctx.cues.commitment.search(folded))


def _next_is_line(ctx: Context, s: Sentence) -> bool:
    """True when the sentence ends its line (a list may go on on the next line or block)."""
    body = ctx.text[s.start:s.end].rstrip(" \t")
    return body.endswith("\n") or ctx.text[s.end:s.end + 1] == "\n"


ENUMERATION = re.compile(r",\s+(?:si dhe\s+|dhe\s+)?|\s+si dhe\s+|;\s+")  # on folded text


SUBJECT_MAX_WORDS = 8


def _with_subject(ctx: Context, c: Sentence, start: int, cue_start: int) -> int:
    """"Ky plan dhe këto aktivitete, do të shtrihen …": a clause that opens with its cue after a
    comma takes back the short subject before the comma (from the clause's start)."""
    if ctx.text[start:cue_start].strip():
        return start
    comma = ctx.text.rfind(",", c.start, start)
    if comma < 0 or ctx.text[comma + 1:start].strip():
        return start
    subject = ctx.text[c.start:comma]
    if 0 < len(subject.split()) <= SUBJECT_MAX_WORDS and "," not in subject \
            and not ctx.cues.happened.search(ctx.folded, c.start, comma):
        return c.start
    return start


def _assigned_items(ctx: Context, c: Sentence, start: int, end: int, cue_end: int, cue_start: int,
                    resolve, deadlines) -> list[Statement]:
    """"U la detyrë kompletimi i rrugëve …, eleminimi i ndërprerjeve … si dhe plotësimi …": after
    a cue that assigns tasks, an enumeration of actions is one commitment per action; [] when
    the clause is no such enumeration."""
    if not ctx.cues.assignment.search(ctx.folded, cue_start, cue_end + 1):
        return []
    return [_statement(ctx, c, a, b, cue_start, resolve, deadlines) for a, b in _actions(ctx, cue_end, end)]


COORDINATED = re.compile(r",?\s+(?:dhe|si dhe)\s+(?=(?:do te|do t'|qe)\s*\w)")  # on folded text


def _coordinated(ctx: Context, start: int, end: int, cue_end: int) -> list[tuple[int, int]]:
    """"X do të financojë A dhe do të ndihmojë B", "U vendos që A dhe që B": one commitment per
    future or subjunctive clause coordinated after the cue (the actor is the first one's)."""
    spans, pos = [], start
    for m in COORDINATED.finditer(ctx.folded, max(start, cue_end), end):
        a, b = trim(ctx, pos, m.start())
        if len(ctx.text[a:b].split()) >= 3:
            spans.append((a, b))
            pos = m.end()
    a, b = trim(ctx, pos, end)
    if spans and len(ctx.text[a:b].split()) < 3:
        return [(start, end)]
    return [*spans, (a, b)]


def _actions(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """The actions of an enumeration ("Krijimi i rezervave …, përforcimi i urgjencës …, shtretër
    rezervë …"): a part that starts with an action (nominalised or subjunctive) opens an item, the
    other parts go with the item before. [] unless it opens with an action and holds two."""
    parts, pos = [], start
    for m in [*ENUMERATION.finditer(ctx.folded, start, end), None]:
        stop = m.start() if m else end
        lead = len(ctx.text[pos:stop]) - len(ctx.text[pos:stop].lstrip())
        opens = bool(ctx.cues.action_start.regex.match(ctx.folded, pos + lead))  # before trim drops "të"
        a, b = trim(ctx, pos, stop)
        pos = m.end() if m else end
        if b > a:
            parts.append((a, b, opens))
    items: list[tuple[int, int]] = []
    for a, b, opens in parts:
        if opens and len(ctx.text[a:b].split()) >= 3:
            items.append((a, b))
        elif items:
            items[-1] = (items[-1][0], b)
        else:
            return []
    return items if len(items) >= 2 else []


def _statement(ctx, s, start, end, cue_start, resolve, deadlines) -> Statement:
    due = next((d for d in deadlines if start <= d.start < end + 40 and d.start < s.end + 40), None)
    folded = ctx.folded[start:end]
    return Statement(ctx.text[start:end], start, end, _committer(ctx, start, end, cue_start, resolve),
                     topics_of(ctx, folded), due)


def _dedupe(items: list[Statement]) -> list[Statement]:
    """One entry per distinct item: drop exact repeats and spans inside another."""
    out: list[Statement] = []
    for it in items:
        if any(o.start <= it.start and it.end <= o.end for o in out):
            continue
        out = [o for o in out if not (it.start <= o.start and o.end <= it.end)]
        if any(o.text.lower() == it.text.lower() for o in out):
            continue
        out.append(it)
    return out
