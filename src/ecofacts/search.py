"""`search`: every record whose texts contain the words asked for, ranked, each hit with the field it matched
and an excerpt around the match.

Every text the knowledge holds is searched: names, aliases and titles, labels and figures, claims, quotes,
people's statements, descriptions, notes, events, sites, conflict claims and source defects. Matching ignores
case, accents and punctuation (`names.fold`), and reads numbers whatever their format: `3800`, `3,800`,
`3.800`, `3 800` and `3800+` are one number, and a number matches only a whole number (`3800` is not in
`38000`). A record is listed once, by its best field: names first, then what it states (claims, quotes,
statements, figures), then descriptions and notes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ecofacts import kinds
from ecofacts.errors import UsageError
from ecofacts.kinds.base import Row
from ecofacts.model import NESTED, Record
from ecofacts.names import fold

if TYPE_CHECKING:
    from ecofacts.knowledge import Knowledge

COLUMNS = ["id", "kind", "name", "matched", "excerpt"]
# How a field ranks a match: 0 names, 1 what a record states, 2 everything else (descriptions, notes …).
_NAMES = {"name", "aliases", "title", "label", "product"}
_STATES = {"claim", "quote", "says", "text", "evidence", "display"}
# Not texts to search: ids and references (their records are searched themselves), values from a fixed list,
# and what only a machine reads.
_NOT_TEXT = {"id", "url", "language", "date", "unit"}
_GROUPED = re.compile(r"\b(\d{1,3})((?: \d{3})+)\b")  # "3 800", "2 000 000": digits grouped by thousands


def normal(text: str) -> str:
    """`fold`, with numbers grouped by thousands joined up: '3,800+' and '3.800' -> '3800'."""
    return _GROUPED.sub(_join, fold(text))


def _join(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2).replace(" ", "")


# The search index of the statistics, kept by the parse cache (`cache.CachedStats.containing`): a line for each
# statistic, its texts each folded (`fold`) and joined by tabs. Made in bulk, in a few passes over the whole text
# rather than a call per text (100,000 statistics hold some 800,000 texts), yet text for text what `fold` gives.
# Numbers are left as fold writes them ("3 800"): `index_pattern` allows for the spaces `normal` would remove.
# A new INDEX_VERSION makes every index kept so far stale.
INDEX_VERSION = 1
# fold's separators among ASCII characters (all but letters and digits), bar tab and newline, which the index keeps
_ASCII_SEPARATORS = bytes(b if chr(b).isalnum() or chr(b) in "\t\n" or b > 127 else 32 for b in range(256))
_SEPARATOR = re.compile(r"[\W_]")
_SPACES = re.compile(r"  +")
_DIGIT = re.compile(r"\d")


def index_text(rows: Iterable[Iterable[str]]) -> str:
    """For each row of texts, `"\\t".join(fold(t) for t in row)`; the rows' lines joined by newlines."""
    text = "\n".join("\t".join(t.replace("\n", " ").replace("\t", " ") for t in row) for row in rows)
    others: set[str] = set()  # fold's separators beyond ASCII that the text holds
    if text.isascii():
        text = text.lower()
    else:  # as fold does: compatibility decomposition, no combining marks, then casefold
        text = unicodedata.normalize("NFKD", text)
        chars = set(text)
        for mark in (c for c in chars if unicodedata.combining(c)):
            text = text.replace(mark, "")
        text = text.casefold()
        others = {c for c in "".join(chars).casefold() if not c.isascii() and _SEPARATOR.match(c)}
    text = text.encode("utf-8", "surrogatepass").translate(_ASCII_SEPARATORS).decode("utf-8", "surrogatepass")
    for c in others:
        text = text.replace(c, " ")
    text = _SPACES.sub(" ", text)
    for space_and, alone in ((" \t", "\t"), ("\t ", "\t"), (" \n", "\n"), ("\n ", "\n")):
        text = text.replace(space_and, alone)
    return text.strip(" ")


def texts_of(rec: Record) -> list[str]:
    """Every text of a record that search reads, in field order."""
    return [value for _, value in _texts(rec)]


def index_pattern(text: str) -> re.Pattern[bytes]:
    """What finds `text` in the UTF-8 of `index_text`'s lines: every line one of whose texts holds it, perhaps more
    (a space is allowed between any two digits, a number's end is checked against ASCII digits only and its start
    not at all: a pattern that starts with a literal is found much faster)."""
    key = normal(text)
    parts = [re.escape(c.encode()) + (b" ?" if _DIGIT.match(c) and _DIGIT.match(following) else b"")
             for c, following in zip(key, key[1:] + " ", strict=True)]
    after = rb"(?![0-9])" if key[-1:].isascii() and key[-1:].isdigit() else b""
    return re.compile(b"".join(parts) + after)


def _pattern(key: str) -> re.Pattern[str]:
    """The folded query as a pattern that keeps whole numbers whole at its ends."""
    before = r"(?<!\d)" if key[:1].isdigit() else ""
    after = r"(?!\d)" if key[-1:].isdigit() else ""
    return re.compile(before + re.escape(key) + after)


def _texts(rec: Record, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, text) for every text of a record and of the records nested in it, in field order."""
    for f in rec.FIELDS:
        if f.ref or f.choices or f.name in _NOT_TEXT:
            continue
        value = getattr(rec, f.name)
        if f.t in NESTED:
            for i, item in enumerate(value):
                yield from _texts(item, f"{path}{f.name}[{i}].")
        elif isinstance(value, str):
            yield path + f.name, value
        elif isinstance(value, tuple):
            yield from ((path + f.name, v) for v in value if isinstance(v, str))


def _rank(field: str) -> int:
    name = field.rsplit(".", 1)[-1].split("[")[0]
    return 0 if name in _NAMES else 1 if name in _STATES else 2


def search(k: Knowledge, text: str) -> list[tuple[str, Any, str, str]]:
    """(table, record, field path, matched text) for every record one of whose texts contains `text`, best
    field first: names, then statements, then descriptions and notes; within a rank, places, organisations and
    people first, then what is stated about them, then the sources that state it."""
    key = normal(text)
    if not key:
        raise UsageError("search needs some text to look for")
    pattern = _pattern(key)
    # A quick test before the folding: where the key is words of plain letters, an ASCII text that holds them is
    # one whose lowercase holds each (folding only turns punctuation into spaces and joins digits).
    letters = key.split() if all(word.isascii() and word.isalpha() for word in key.split()) else None

    def holds(value: str) -> bool:
        if letters is not None and value.isascii():
            lower = value.lower()
            if not all(word in lower for word in letters):
                return False
        return pattern.search(normal(value)) is not None

    found: list[tuple[int, int, str, Any, str, str]] = []
    ordered = sorted(kinds.KINDS, key=lambda kind: (not kind.named, kind.table == "sources"))
    for order, kind in enumerate(ordered):
        for rec in k.stats.containing(text) if kind.table == "stats" else k.records(kind.table):
            best: tuple[int, str, str] | None = None
            for field, value in _texts(rec):
                if (best is None or _rank(field) < best[0]) and holds(value):
                    best = (_rank(field), field, value)
                    if best[0] == 0:
                        break
            if best is not None:
                found.append((best[0], order, kind.table, rec, best[1], best[2]))
    found.sort(key=lambda hit: hit[:2])  # stable: file order within a kind
    return [(table, rec, field, value) for _, _, table, rec, field, value in found]


def search_rows(k: Knowledge, text: str) -> list[Row]:
    return [{"id": rec.id, "kind": kinds.word(table), "name": rec.name, "matched": field,
             "excerpt": excerpt(value, text)} for table, rec, field, value in search(k, text)]


def excerpt(value: str, text: str, around: int = 40) -> str:
    """The part of a matched text around the match."""
    key = normal(text)
    folded = normal(value)
    match = _pattern(key).search(folded) if key else None
    if match is None:
        return value[:2 * around] + ("…" if len(value) > 2 * around else "")
    # normal() keeps length only roughly (it drops accents and squeezes punctuation): good enough to centre
    at = round(match.start() * len(value) / max(len(folded), 1))
    start = max(0, at - around)
    end = at + len(key) + around
    # whole words at both ends: from the word after the cut, to the end of the word the cut falls in
    if start and not value[start - 1].isspace() and (space := value.find(" ", start, at)) >= 0:
        start = space + 1
    while end < len(value) and not value[end].isspace():
        end += 1
    return ("…" if start else "") + value[start:end].strip() + ("…" if end < len(value) else "")
