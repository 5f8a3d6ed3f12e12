"""How text is folded for search and how the search index of the statistics is written and read.

`normal` is what every searched text and every query word becomes (`names.fold`, numbers joined up);
`index_text` writes the index the parse cache keeps beside its database (`cache_stats.CachedStats.containing`),
and `index_pattern`/`index_patterns` find a folded text in it. What search does with a match is `search.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ecofacts.names import fold

_GROUPED = re.compile(r"\b(\d{1,3})((?: \d{3})+)\b")  # "3 800", "2 000 000": digits grouped by thousands


def normal(text: str) -> str:
    """`fold`, with numbers grouped by thousands joined up: '3,800+' and '3.800' -> '3800'."""
    return _GROUPED.sub(_join, fold(text))


def _join(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2).replace(" ", "")


# The search index of the statistics, kept by the parse cache (`cache_stats.CachedStats.containing`): a line for each
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


def index_pattern(text: str) -> re.Pattern[bytes]:
    """What finds `text` in the UTF-8 of `index_text`'s lines: every line one of whose texts holds it, perhaps more
    (a space is allowed between any two digits, a number's end is checked against ASCII digits only and its start
    not at all: a pattern that starts with a literal is found much faster)."""
    return re.compile(_index_source(normal(text)))


def _index_source(key: str) -> bytes:
    parts = [re.escape(c.encode()) + (b" ?" if _DIGIT.match(c) and _DIGIT.match(following) else b"")
             for c, following in zip(key, key[1:] + " ", strict=True)]
    after = rb"(?![0-9])" if key[-1:].isascii() and key[-1:].isdigit() else b""
    return b"".join(parts) + after


def index_patterns(texts: Iterable[str]) -> list[re.Pattern[bytes]]:
    """`index_pattern` of each of `texts` (once each): a line holding any of them is found by one of these. Each
    is searched on its own: a pattern that starts with a literal is found by a fast scan, which an alternation of
    several defeats (ten times slower over the index of 100,000 statistics)."""
    keys = dict.fromkeys(key for key in map(normal, texts) if key)
    return [re.compile(_index_source(key)) for key in keys]
