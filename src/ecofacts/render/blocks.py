"""A listing whose rows come in blocks said again and again, of which one integer field (`key`) alone differs
from copy to copy: `verify` on a long draft, whose parts repeat with other line numbers.

Iterated, the rows come whole, one by one, as any renderer reads them. The renderers that can (`pipe_table`,
`json_format`) make the text of each distinct block once instead, with a hole where the key goes, and fill the
hole of each copy (`Blocks.fill`): a 10 MB draft's 150,000 rows are then a few hundred rows made, and 5,000
copies of their text filled with the line numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, AnyStr

Row = dict[str, Any]


class Blocks:
    """`blocks`: each copy of a block as the number its key counts from and the block's rows, whose `key`
    holds an integer (a row's key is that number plus the row's own). A block said again is the same sequence
    (the same object), which is how its copies are known."""

    __slots__ = ("blocks", "key")

    def __init__(self, key: str, blocks: Sequence[tuple[int, Sequence[Row]]]) -> None:
        self.key, self.blocks = key, blocks

    def __iter__(self) -> Iterator[Row]:
        key = self.key
        for base, rows in self.blocks:
            for row in rows:
                yield {**row, key: base + row[key]}

    def distinct(self) -> list[Sequence[Row]]:
        """Each block once, in the order they first come."""
        return list({id(rows): rows for _, rows in self.blocks}.values())

    def keyed(self) -> bool:
        """Whether every row has text for its fields' names and an integer (not a bool) for its key: what `fill`
        and the renderers that use it assume."""
        key = self.key
        return all(type(base) is int for base, _ in self.blocks) and all(
            type(row.get(key)) is int and all(type(name) is str for name in row)
            for rows in self.distinct() for row in rows)

    def span(self) -> tuple[int, int] | None:
        """The least and the greatest key of all the rows (None when there are none)."""
        key = self.key
        ends = {id(rows): (min(keys), max(keys)) for rows in self.distinct() if (keys := [row[key] for row in rows])}
        spans = [(base + ends[id(rows)][0], base + ends[id(rows)][1]) for base, rows in self.blocks if rows]
        return (min(low for low, _ in spans), max(high for _, high in spans)) if spans else None

    def fill(self, template: Callable[[Row], AnyStr]) -> Iterator[AnyStr]:
        """The text of each copy of a block, in order. `template(row)` is a row's text as a printf template (text
        or bytes): one conversion for the key (`%d`, `%-6d`), every other `%` doubled (`escaped`); it is made once
        for each row of a distinct block, and each copy is its block's templates filled with its own keys."""
        made: dict[int, tuple[AnyStr, tuple[int, ...]]] = {}
        key = self.key
        for base, rows in self.blocks:
            if not rows:
                continue
            if (block := made.get(id(rows))) is None:
                first = template(rows[0])
                block = made[id(rows)] = (first + first[:0].join(map(template, rows[1:])),
                                          tuple(row[key] for row in rows))
            text, keys = block
            yield text % tuple(map(base.__add__, keys))


def escaped(text: str) -> str:
    """`text` as part of a template of `Blocks.fill`: its `%` doubled."""
    return text.replace("%", "%%")


def chunked(texts: Iterable[AnyStr], size: int = 1 << 20) -> Iterator[AnyStr]:
    """The texts (or bytes) joined into chunks of about `size` characters (one text longer than that is a chunk of
    its own): written in a few large writes rather than many small ones, and never held whole."""
    held: list[AnyStr] = []
    length = 0
    for text in texts:
        held.append(text)
        length += len(text)
        if length >= size:
            yield text[:0].join(held)
            held, length = [], 0
    if held:
        yield held[0][:0].join(held)
