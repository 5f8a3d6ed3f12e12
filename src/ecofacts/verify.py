"""`ecofacts verify FILE`: every figure of a draft checked against the knowledge, and the report.

Three steps, one module each: the figures of each line are read (`verify_reading`: numbers with their unit,
scale, currency, shares and ranks in words; dates, list and footnote numbers masked), the words around them
folded into the statistics' vocabulary (`verify_words`), and each figure matched to the statistics and given a
verdict (`verify_matching.Verifier`). This module walks a draft line by line and sentence by sentence, keeping
the subjects a heading and the sentences before name, and reports the findings (`summary`, `table_rows`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

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
from ecofacts.verify_reading import Figure, figures, language, readings
from ecofacts.verify_words import tokens

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

__all__ = ["COLUMNS", "CONTRADICTIONS", "SCOPE_DIFFERS", "STATUS_DIFFERS", "SUPPORTED", "UNKNOWN", "VALUE_DIFFERS",
           "VERDICTS", "YEAR_DIFFERS", "Figure", "Finding", "Verifier", "contradicts", "figures", "language",
           "readings", "summary", "table_rows", "tokens", "unchecked", "verify"]

COLUMNS = ["line", "text", "verdict", "statistic", "expected", "reason"]

_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-ÖØ-Þ\"'“(*-])")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")


def _sentences(line: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _SENTENCE.finditer(line):
        yield start, line[start:m.start()]
        start = m.end()
    yield start, line[start:]


def verify(k: Knowledge, text: str, verifier: Verifier | None = None) -> list[Finding]:
    """A finding for every figure of `text` (plain text or Markdown), in reading order."""
    verifier = verifier or Verifier(k)
    lang = language(text)
    found: list[Finding] = []
    heading: set[str] = set()
    recent: set[str] = set()  # named by the sentences before, in this paragraph
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            recent = set()
            continue
        if (h := _HEADING.match(line)) is not None:
            heading = verifier.subjects(h.group(1))
            recent = set()
        # The figures and the sentences are both in order: one index walks the figures as the sentences go by,
        # so that a line of n sentences and m figures costs n + m, not n * m (a one-line 10 MB draft).
        line_figures = sorted(figures(line, lang), key=lambda f: f.start)
        at = 0
        for start, sentence in _sentences(line):
            named = verifier.subjects(sentence)
            end = start + len(sentence)
            while at < len(line_figures) and line_figures[at].start < start:
                at += 1  # between two sentences (in the space that separates them): in none
            while at < len(line_figures) and line_figures[at].start < end:
                figure = line_figures[at]
                begin = figure.start - start
                scope = verifier.scope_of(sentence, named, begin, begin + len(figure.text))
                found.append(verifier.check(figure, sentence, number, scope, heading, recent))
                at += 1
            recent |= named
    found.sort(key=lambda f: (f.line, f.column))
    return found


def summary(findings: Iterable[Finding]) -> str:
    """The findings counted, for stderr: "12 figures: 8 supported, 3 contradicted, 1 unchecked"."""
    verdicts = [f.verdict for f in findings]
    contradicted = sum(v in CONTRADICTIONS for v in verdicts)
    return (f"{len(verdicts)} figure{'s' * (len(verdicts) != 1)}: {verdicts.count(SUPPORTED)} supported, "
            f"{contradicted} contradicted, {verdicts.count(UNKNOWN)} unchecked")


def unchecked(findings: Iterable[Finding]) -> bool:
    return any(f.verdict == UNKNOWN for f in findings)


def contradicts(findings: Iterable[Finding]) -> bool:
    return any(f.verdict in CONTRADICTIONS for f in findings)


def table_rows(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """The findings flattened for a table: `expected` as "3800+ (source-id)"."""
    return [{**f.as_dict(), "expected": f"{f.expected['text']} ({f.expected['source']})" if f.expected else None}
            for f in findings]
