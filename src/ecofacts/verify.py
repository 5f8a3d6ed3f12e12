"""`ecofacts verify FILE`: every figure of a draft checked against the knowledge, and the report.

Three steps, one module each: the figures of each line are read (`verify_reading`: numbers with their unit,
scale, currency, shares and ranks in words; dates, list and footnote numbers masked), the words around them
folded into the statistics' vocabulary (`verify_words`), and each figure matched to the statistics and given a
verdict (`verify_matching.Verifier`). This module walks a draft part by part (from one heading to the next),
line by line and sentence by sentence, keeping the subjects a heading and the sentences before name, and reports
the findings (`summary`, `table_rows`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, Any, AnyStr

from ecofacts.inputs import utf8
from ecofacts.verify_matching import (
    CONTRADICTIONS,
    SCOPE_DIFFERS,
    STATUS_DIFFERS,
    SUPPORTED,
    UNKNOWN,
    VALUE_DIFFERS,
    VERDICTS,
    YEAR_DIFFERS,
    Finding,
    Verifier,
)
from ecofacts.verify_reading import GERMAN_ORDINAL_NOUN, Figure, figures, language, readings
from ecofacts.verify_words import tokens

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

__all__ = ["COLUMNS", "CONTRADICTIONS", "SCOPE_DIFFERS", "STATUS_DIFFERS", "SUPPORTED", "UNKNOWN", "VALUE_DIFFERS",
           "VERDICTS", "YEAR_DIFFERS", "Block", "Figure", "Finding", "Findings", "Verifier", "contradicts",
           "draft_parts", "figures", "language", "readings", "summary", "table_rows", "tokens", "unchecked", "verify",
           "verify_parts"]

COLUMNS = ["line", "text", "verdict", "statistic", "expected", "reason"]

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ\"'“(*-])")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")


# Words written with a full stop that ends no sentence ("7,5 Mio. Euro"), lower case.
_ABBREVIATIONS = frozenset(("mio", "mrd", "mld", "mln", "md", "bn", "mn", "ca", "approx", "resp", "bzw", "nr", "no",
                            "dr", "st", "vs", "etc", "inkl", "zzgl", "incl", "env", "art", "p", "pp", "vgl", "cf"))
_WORD_BEFORE = re.compile(r"(\w+)\.$")
_ORDINAL_NEXT = re.compile(GERMAN_ORDINAL_NOUN)  # "1. Halbjahr": a German ordinal, no sentence's end


# "the Union", "de Unie" standing alone (no name after them: "the Union of ...", "de Unie van ...") are the European
# Union: read as "EU", padded to keep the columns of the line
_UNION = re.compile(r"(?<=\bthe )Union\b(?!\s+(?:of\b|[A-Z]))|(?<=\bde )Unie\b(?!\s+(?:van\b|[A-Z]))")


# An answer after its question on one line ("Q: … ? A: 20 %", "Frage … ? Antwort: …"), and the back of a flash card
# after its front ("Recto : … ? Verso : …"): read with the question, whose words say what its figure is of
_ANSWER = re.compile(r"(?:A|R|Answer|Réponse|Reponse|Antwoord|Antwort|Verso|Back|Achterkant|Rückseite|Ruckseite)\s?:",
                     re.IGNORECASE)


def _sentences(line: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _SENTENCE.finditer(line):
        before = _WORD_BEFORE.search(line, 0, m.start())
        if before is not None and (before.group(1).lower() in _ABBREVIATIONS or (
                before.group(1).isdigit() and len(before.group(1)) <= 2 and _ORDINAL_NEXT.match(line, m.end()))):
            continue
        if line[m.start() - 1] == "?" and _ANSWER.match(line, m.end()):
            continue
        yield start, line[start:m.start()]
        start = m.end()
    yield start, line[start:]


# Lines whose findings are kept for when the same line comes again in the same context (see `_walk`): a bound,
# so that a long draft of lines that never repeat holds no more than this many. (The findings of every part are
# kept: they are the report.)
_KEPT_LINES = 4096
_tuple = tuple.__new__
_BOM = "\ufeff".encode()
# What `str.splitlines` ends a line at, besides "\n".
_LINE_ENDS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

Block = tuple[Finding, ...]  # the findings of a part of a draft, their line numbers counted from its first line


class Findings:
    """The findings of a draft, in reading order (iterating gives each `Finding`), held as `verify_parts` reads
    them: `parts`, each part of the draft with the number of lines before it and its findings, their line numbers
    counted from the part's first line (1). A part that comes again holds the same tuple of findings (`Block`),
    so that what is made of its findings (`rows`, `verdicts`) is made once."""

    __slots__ = ("parts",)

    def __init__(self, parts: list[tuple[int, Block]]) -> None:
        self.parts = parts

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings())

    def __len__(self) -> int:
        return sum(len(block) for _, block in self.parts)

    def __bool__(self) -> bool:
        return any(block for _, block in self.parts)

    def findings(self) -> list[Finding]:
        """Every finding, with its line number in the draft."""
        # each as `Finding(before + line, *rest)` makes it, without the call to its __new__
        return [_tuple(Finding, (before + f[0], *f[1:])) for before, block in self.parts for f in block]

    def _distinct(self) -> tuple[dict[int, Block], Counter[int]]:
        """The distinct blocks by their id, and how often each comes."""
        return {id(block): block for _, block in self.parts}, Counter(id(block) for _, block in self.parts)

    def verdicts(self) -> Counter[str]:
        """How many findings have each verdict."""
        blocks, times = self._distinct()
        counts: Counter[str] = Counter()
        for key, block in blocks.items():
            for verdict, n in Counter(f.verdict for f in block).items():
                counts[verdict] += n * times[key]
        return counts

    def rows(self, table: bool) -> list[tuple[int, list[dict[str, Any]]]]:
        """Each part's findings as rows (`table_rows` for a table, else `Finding.as_dict`), with the number of
        lines before the part; the rows of a part that comes again are made once (the same list)."""
        made: dict[int, list[dict[str, Any]]] = {}
        out = []
        for before, block in self.parts:
            if (rows := made.get(id(block))) is None:
                rows = made[id(block)] = table_rows(block) if table else [f.as_dict() for f in block]
            out.append((before, rows))
        return out


Parts = list[tuple[int, str]]  # a draft's parts, each with the number of lines before it (see `draft_parts`)


def draft_parts(draft: str | bytes, name: str = "draft") -> Parts:
    """`draft` cut before each heading line, each part with the number of lines before it; a part that comes
    again is the same string. A heading line sets all that the findings of the lines after it depend on besides
    their text (the subjects it names, and no sentence before them in their paragraph), so the findings of a part
    depend on its text and the draft's language alone: a long draft says its parts again (a template's sections,
    a footer), and a part met again is not read again (`verify_parts`).

    Bytes are UTF-8, a leading byte-order mark dropped, as `inputs.utf8` reads them: each distinct part is decoded
    once (the copies of a part are not decoded again), and bytes that are not UTF-8 are its error, which names
    `name`. A draft with a line end other than "\\n" (see `str.splitlines`) is one part."""
    raw = draft
    if isinstance(draft, bytes):
        draft = draft.removeprefix(_BOM)
    distinct: dict[str | bytes, tuple[str, int]] = {}  # each distinct part: its text and its lines
    parts = []
    before = 0
    for start, end in pairwise(_cuts(draft)):
        piece = draft[start:end]
        if (known := distinct.get(piece)) is None:
            try:
                text = piece if isinstance(piece, str) else piece.decode("utf-8")
            except UnicodeDecodeError:  # the whole draft as `utf8` reads it: its error, saying where
                return [(0, utf8(raw, name) if isinstance(raw, bytes) else raw)]
            known = distinct[piece] = (text, text.count("\n"))
        parts.append((before, known[0]))
        before += known[1]
    if any(end in text for text, _ in distinct.values() for end in _LINE_ENDS):  # cut at the wrong lines
        return [(0, draft if isinstance(draft, str) else draft.decode("utf-8"))]
    return parts


def _cuts(draft: str | bytes) -> list[int]:
    """Where the parts of `draft` start (0, then each heading line: one whose first character other than a space
    is "#"), and its end; its lines are taken to end in "\\n" (`draft_parts` checks that they do)."""
    return _cut(draft, "#", "\n") if isinstance(draft, str) else _cut(draft, b"#", b"\n")


def _cut(draft: AnyStr, hash_: AnyStr, newline: AnyStr) -> list[int]:
    cuts: list[int] = [0]
    at = draft.find(hash_)
    while at >= 0:
        start = draft.rfind(newline, 0, at) + 1
        end = draft.find(newline, at)
        end = len(draft) if end < 0 else end
        if start and (start == at or _text(draft[start:at]).isspace()) and _HEADING.match(_text(draft[start:end])):
            cuts.append(start)
        at = draft.find(hash_, end)
    return [*cuts, len(draft)]


def _text(piece: str | bytes) -> str:
    return piece if isinstance(piece, str) else piece.decode("utf-8", "replace")  # a bad byte: no space, no "#"


def verify(k: Knowledge, text: str, verifier: Verifier | None = None) -> list[Finding]:
    """A finding for every figure of `text` (plain text or Markdown), in reading order."""
    return verify_parts(k, draft_parts(text), verifier).findings()


def verify_parts(k: Knowledge, parts: Parts, verifier: Verifier | None = None) -> Findings:
    """`verify`'s findings for a draft cut into parts (`draft_parts`), held by part (see `Findings`)."""
    verifier = verifier or Verifier(k)
    lang = language(parts[0][1] if len(parts) == 1 else [part for _, part in parts])
    lines: dict[tuple[str, frozenset[str], frozenset[str]], tuple[tuple[Any, ...], frozenset[str]]] = {}
    headings: dict[str, frozenset[str]] = {}  # the subjects a heading names, by its text
    read: dict[str, Block] = {}
    found = []
    for before, part in parts:
        if (block := read.get(part)) is None:
            block = read[part] = _walk(verifier, part, lang, lines, headings)
        found.append((before, block))
    return Findings(found)


def _walk(verifier: Verifier, text: str, lang: str,
          kept: dict[tuple[str, frozenset[str], frozenset[str]], tuple[tuple[Any, ...], frozenset[str]]],
          headings: dict[str, frozenset[str]]) -> Block:
    """The findings of `text` (a part of a draft, its lines numbered from 1), line by line, keeping the subjects a
    heading and the sentences before name; `kept` and `headings` hold what is read for the next part."""
    found: list[Finding] = []
    heading: frozenset[str] = frozenset()
    recent: frozenset[str] = frozenset()  # named by the sentences before, in this paragraph
    # A long draft repeats its lines (boilerplate, tables, a footer): the findings of a line depend on its text,
    # the draft's language and the subjects its heading and the sentences before it in its paragraph name, and
    # on nothing else, so a line met again with the same heading and sentences before it is not read again.
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.isspace():  # what `not line.strip()` says, without a copy of the line
            recent = frozenset()
            continue
        if "#" in line and (h := _HEADING.match(line)) is not None:
            if (said := headings.get(h.group(1))) is None:
                said = headings[h.group(1)] = frozenset(verifier.subjects(h.group(1)))
            heading = said
            recent = frozenset()
        key = (line, heading, recent)
        if (known := kept.get(key)) is None:
            known = _read_line(verifier, line, lang, heading, recent)
            if len(kept) < _KEPT_LINES:
                kept[key] = known
        rest, recent = known
        if rest:  # each finding as `Finding(number, *f)` makes it, without the call to its __new__
            found += [_tuple(Finding, (number, *f)) for f in rest]
    return tuple(found)


def _read_line(verifier: Verifier, line: str, lang: str, heading: frozenset[str],
               recent: frozenset[str]) -> tuple[tuple[Any, ...], frozenset[str]]:
    """The findings of one line, less their line number (in the order of their columns), and the subjects named
    by the sentences of its paragraph once it is read."""
    found: list[tuple[Any, ...]] = []
    named_before = set(recent)
    # The figures and the sentences are both in order: one index walks the figures as the sentences go by,
    # so that a line of n sentences and m figures costs n + m, not n * m (a one-line 10 MB draft).
    line_figures = sorted(figures(line, lang), key=lambda f: f.start)
    if "Uni" in line:
        line = _UNION.sub(lambda m: "EU".ljust(len(m.group())), line)
    at = 0
    for start, sentence in _sentences(line):
        named = verifier.subjects(sentence)
        end = start + len(sentence)
        while at < len(line_figures) and line_figures[at].start < start:
            at += 1  # between two sentences (in the space that separates them): in none
        while at < len(line_figures) and line_figures[at].start < end:
            figure = line_figures[at]
            begin = figure.start - start
            if verifier.in_a_name(figure, sentence, begin):
                at += 1
                continue
            scope = verifier.where.scope_of(sentence, named, begin, begin + len(figure.text), figure.unit == "multiple")
            found.append(verifier.check(figure, sentence, 0, scope, set(heading), named_before,
                                        begin + len(figure.text))[1:])
            at += 1
        named_before |= named
    # in reading order already: sentences left to right, and the figures of each by their column
    return tuple(found), frozenset(named_before)


def _verdicts(findings: Iterable[Finding]) -> Counter[str]:
    return findings.verdicts() if isinstance(findings, Findings) else Counter(f.verdict for f in findings)


def summary(findings: Iterable[Finding]) -> str:
    """The findings counted, for stderr: "12 figures: 8 supported, 3 contradicted, 1 unchecked"."""
    counts = _verdicts(findings)
    total = counts.total()
    contradicted = sum(counts[v] for v in CONTRADICTIONS)
    return (f"{total} figure{'s' * (total != 1)}: {counts[SUPPORTED]} supported, "
            f"{contradicted} contradicted, {counts[UNKNOWN]} unchecked")


def unchecked(findings: Iterable[Finding]) -> bool:
    return _verdicts(findings)[UNKNOWN] > 0


def contradicts(findings: Iterable[Finding]) -> bool:
    counts = _verdicts(findings)
    return any(counts[v] for v in CONTRADICTIONS)


def table_rows(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """The findings flattened for a table: `expected` as "3800+ (source-id)"."""
    said: dict[tuple[str, str], str] = {}  # a long draft sets the same few statistics against its figures

    def expected(e: dict[str, Any] | None) -> str | None:
        if not e:
            return None
        key = (e["text"], e["source"])
        if (text := said.get(key)) is None:
            text = said[key] = f"{e['text']} ({e['source']})"
        return text

    # the fields of `Finding`, in its order (as `as_dict` gives them), written out: twice as fast on 150,000 rows
    return [{"line": line, "column": column, "text": text, "verdict": verdict, "statistic": statistic,
             "expected": expected(e), "reason": reason}
            for line, column, text, verdict, statistic, e, reason in findings]
