"""Where a quote stands in its source's text: the lines around it, with line numbers and the matched span
(`ecofacts show ID --context [--lines N]`), the footnote lines its markers point to, and the source texts shipped
inside the package (`source_text`).

Every quoted record has a context: statistics, claims, relations and chain links (by id), and a person's
statements (by the person's name or id: one passage per statement).

Footnotes: a marker on the quote's lines (`*`, `**`, written `\\*` in the Markdown texts; `[^1]`; `¹`) points to the
nearest footnote line after it that starts with the same marker (failing that, the nearest before it), as the
BioWin brochure's "\\*\\*Belgian nuclear medicine, Belgian Foreign Trade Agency, March 2024".

A quote is found the way `check --sources` proves it verbatim (`check.fold_quote`: markdown emphasis, backslash
escapes and runs of white space do not count), and the folded match is mapped back to the original text, so the
span shown is the source's own characters, `**` and line breaks included.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ecofacts.check import _EMPHASIS, _ESCAPE, _SPACE, fold_quote
from ecofacts.errors import NotFoundError

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

_SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def sources_dir() -> Path:
    """The shipped source texts: inside the installed package (beside its facts.toml), or the repository's
    data/sources/ in a checkout."""
    packaged = Path(__file__).parent / "data" / "sources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "sources"


def source_text(source_id: str) -> str | None:
    """The shipped text of a document source, or None when none is shipped (a study or web page, an unknown id)."""
    if not _SOURCE_ID.fullmatch(source_id):
        return None
    try:
        return (sources_dir() / f"{source_id}.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


class Line(NamedTuple):
    number: int  # 1-based
    text: str
    match: tuple[int, int] | None  # the columns [start, end) of the quote on this line


class Passage(NamedTuple):
    """A quote found in a text: its offsets [start, end) in the text, the lines it spans, and the lines around."""

    start: int
    end: int
    first_line: int
    last_line: int
    lines: list[Line]

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "first_line": self.first_line, "last_line": self.last_line,
                "lines": [{"number": n, "text": t, "match": list(m) if m else None} for n, t, m in self.lines]}


# A footnote marker after a word: escaped asterisks as the Markdown texts write them ("capita\\*",
# "Antwerp\\*\\*", also after the end of bold), "[^1]", a superscript digit. Plain asterisks are emphasis.
_MARKER = re.compile(r"(?<=[\w%)\]+])(?:\*{0,2}(?P<esc>(?:\\\*)+)|\[\^(?P<label>[^\]\s]+)\]|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))")


def _markers(line: str) -> set[str]:
    """The footnote markers of a line, each as its footnote line starts: "\\*\\*", "[^1]", "¹"."""
    found = set()
    for m in _MARKER.finditer(line):
        if m["esc"]:
            found.add(m["esc"])
        elif m["label"]:
            found.add(f"[^{m['label']}]")
        else:
            found.add(m["sup"])
    return found


def _is_footnote(line: str, marker: str) -> bool:
    """Whether `line` is the footnote `marker` names: it starts with that marker, and no longer one."""
    stripped = line.lstrip()
    if not stripped.startswith(marker):
        return False
    rest = stripped[len(marker):]
    if marker.startswith("[^"):
        return rest.startswith(":")
    return bool(rest.strip()) and not rest.startswith(("\\*", *"¹²³⁴⁵⁶⁷⁸⁹⁰"))


def footnotes(text: str, found: Passage) -> list[Line]:
    """The footnote lines the markers on the quote's lines point to: for each marker, the nearest line after the
    quote that starts with it, or failing that the nearest before; each line once, in the text's order."""
    lines = unicodedata.normalize("NFC", text).split("\n")
    notes: dict[int, Line] = {}
    for number in range(found.first_line, found.last_line + 1):
        for marker in sorted(_markers(lines[number - 1])):
            after = [i for i in range(found.last_line, len(lines)) if _is_footnote(lines[i], marker)]
            before = [i for i in range(found.first_line - 2, -1, -1) if _is_footnote(lines[i], marker)]
            for i in (after or before)[:1]:
                notes[i + 1] = Line(i + 1, lines[i].removesuffix("\r"), None)
    return [notes[n] for n in sorted(notes)]


def _sub(pattern: re.Pattern[str], text: str, origin: list[int],
         keep: Callable[[re.Match[str]], tuple[str, list[int]]]) -> tuple[str, list[int]]:
    """`pattern.sub` that also carries, for each character left, its offset in the original text."""
    out: list[str] = []
    where: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(text[last:m.start()])
        where += origin[last:m.start()]
        kept, at = keep(m)
        out.append(kept)
        where += [origin[i] for i in at]
        last = m.end()
    out.append(text[last:])
    where += origin[last:]
    return "".join(out), where


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """`check.fold_quote(text)`, and the offset in `text` of each of its characters. `text` must be in NFC
    (`passage` normalises it first)."""
    origin = list(range(len(text)))
    folded, origin = _sub(_EMPHASIS, text, origin, lambda m: ("", []))
    folded, origin = _sub(_ESCAPE, folded, origin, lambda m: (m.group(1), [m.start(1)]))
    folded, origin = _sub(_SPACE, folded, origin, lambda m: (" ", [m.start()]))
    head = len(folded) - len(folded.lstrip(" "))
    tail = len(folded.rstrip(" "))
    return folded[head:tail], origin[head:tail]


def passage(text: str, quote: str, around: int = 3) -> Passage | None:
    """Where `quote` stands in `text` (the first place), with `around` lines either side; None if it does not.

    Offsets, lines and columns are those of `text` in NFC (the form the source texts are kept in)."""
    text = unicodedata.normalize("NFC", text)
    wanted = fold_quote(quote)
    folded, origin = fold_with_offsets(text)
    at = folded.find(wanted) if wanted else -1
    if at < 0:
        return None
    start, end = origin[at], origin[at + len(wanted) - 1] + 1
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    lines = text.split("\n")
    first = _line_of(starts, start)
    last = _line_of(starts, end - 1)
    shown: list[Line] = []
    for i in range(max(0, first - around), min(len(lines), last + around + 1)):
        match = None
        if first <= i <= last:
            line_start = starts[i]
            match = (max(start, line_start) - line_start, min(end, line_start + len(lines[i])) - line_start)
        shown.append(Line(i + 1, lines[i].removesuffix("\r"), match))
    return Passage(start, end, first + 1, last + 1, shown)


def _line_of(starts: list[int], offset: int) -> int:
    """The 0-based line holding `offset`, given each line's starting offset."""
    import bisect

    return bisect.bisect_right(starts, offset) - 1


# The tables whose records carry a quote of a source (a person: the quotes of their statements).
QUOTED_TABLES = ("stats", "claims", "relations", "chain", "people")


def quoted_record(k: Knowledge, name: str) -> Any:
    """The quoted record `name`: a statistic, claim, relation or chain link by id, or a person by name or id
    (`query.resolve_among`: a record of another kind, which quotes nothing, is a UsageError that says so)."""
    from ecofacts import query

    return query.resolve_among(
        k, name, QUOTED_TABLES, ", which quotes nothing: --context shows the quote of a statistic, claim, relation, "
        "chain link or person's statement (ecofacts show {id} shows the record)")


def context(k: Knowledge, rec: Any, around: int = 3, text_of: Callable[[str], str | None] = source_text
            ) -> dict[str, Any]:
    """`show ID --context`: the record's quote in the text of its source, with the footnote lines its markers
    point to, as one JSON-ready document; for a person, `passages`: one such document per statement.

    NotFoundError when there is nothing to show: a figure a web page reports (no text held, no quote), a source
    whose text is not shipped, or a quote the text does not hold."""
    statements = getattr(rec, "statements", None)
    if statements is not None:
        if not statements:
            raise NotFoundError(f"{rec.id}: no statement of theirs is quoted")
        passages = [{**_context(k, rec, statement, f"{rec.id} (statement {i})", around, text_of), "statement": i}
                    for i, statement in enumerate(statements, start=1)]
        return {"kind": "passages", "id": rec.id, "passages": passages}
    return _context(k, rec, rec, rec.id, around, text_of)


def _context(k: Knowledge, rec: Any, quoted: Any, label: str, around: int,
             text_of: Callable[[str], str | None]) -> dict[str, Any]:
    source_id = getattr(quoted, "source", None)
    src = k.by_id.get(source_id) if source_id else None
    quote = getattr(quoted, "quote", None)
    if src is None or src.kind == "web" or not quote:
        where = f" ({src.url})" if src is not None and src.url else ""
        raise NotFoundError(f"{label}: reported, not quoted: no source text is held{where}")
    text = text_of(src.id)
    if text is None:
        raise NotFoundError(f"{label}: no text of its source {src.id!r} is shipped ({src.kind})")
    found = passage(text, quote, around)
    if found is None:
        raise NotFoundError(f"{label}: its quote is not in the text of {src.id!r} (run 'ecofacts check --sources')")
    notes = [{"number": n, "text": line} for n, line, _ in footnotes(text, found)]
    return {"kind": "passage", "id": rec.id, "source": src.id, "title": src.title, "quote": quote,
            "passage": found.as_dict(), "footnotes": notes}
