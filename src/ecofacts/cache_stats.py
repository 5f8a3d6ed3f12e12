"""The statistics of the parse cache: the database asked one question at a time (`Database`), `CachedStats`,
which answers `Stats`' questions from it with every row and count verified, the row checksums, and the search
index beside it (kept by `ecofacts.private`). See `ecofacts.cache` for the rules.
"""

from __future__ import annotations

import json
import operator
import re
import sqlite3
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ecofacts.kinds.stat import Stat
from ecofacts.knowledge import STAT_KEYS, Knowledge, Stats
from ecofacts.private import read_kept as _read_index
from ecofacts.private import replace
from ecofacts.private import write_kept as _write_index

T = TypeVar("T")
COLUMNS = [f.name for f in Stat.FIELDS]
LISTS = [f.name for f in Stat.FIELDS if f.t == "strs"]  # stored as JSON text
_AT = {name: at for at, name in enumerate(COLUMNS)}
_LISTS_AT = [_AT[name] for name in LISTS]
_VALUES = operator.attrgetter(*COLUMNS)  # a statistic's values in column order, in one call


class Corrupt(Exception):
    """A row, count or checksum of the database is not what was written."""


# The errors that mean "this database is not what we wrote": ignore it and parse the file again. Only these:
# with every row checked against its checksum, a TypeError or KeyError here is a bug, and must show.
BROKEN = (sqlite3.Error, ValueError, Corrupt)  # ValueError includes json.JSONDecodeError


_TYPE = {str: 115, int: 105, float: 102, type(None): 110, bytes: 98}  # what sqlite3 returns, as one byte each


def row_crc(values: list[Any]) -> int:
    """The checksum of one row of records or stats: crc32 of its values' text, joined, then of their types, so
    that `5` and `"5"` differ. Cheaper than `crc` (no repr of long quotes): it runs for every row read."""
    text = "\x00".join(map(str, values)).encode("utf-8", "surrogatepass")
    return zlib.crc32(bytes(map(_TYPE.__getitem__, map(type, values))), zlib.crc32(text))


def crc(values: list[Any]) -> int:
    """The checksum of one row (or of `meta`): crc32 of the `repr` of its values, rowid included. What we write
    (text, int, float, None) has one repr, in C and exact for floats; a value that comes back as another type
    (a BLOB, a float for an int) has another."""
    return zlib.crc32(repr(values).encode("utf-8", "surrogatepass"))


class Database:
    """The cache database of one knowledge file, asked one question at a time. Should it fail mid-way
    (truncated, altered), the file is parsed again and every later question is answered from that."""

    def __init__(self, db: sqlite3.Connection, parse: Callable[[], Knowledge], tables: dict[str, int],
                 stats: int, distinct: dict[str, int], path: Path, key: str) -> None:
        self._db = db
        self.path = path
        self.key = key
        self._parse = parse
        self._fresh: Knowledge | None = None
        self.tables = tables  # rows per table of records, from the verified meta row
        self.stats = stats  # rows of stats
        self.distinct = distinct  # distinct values per indexed key

    def kept(self, suffix: str, version: int, make: Callable[[], bytes]) -> bytes:
        """The bytes kept in the file beside the database named by `suffix` (the search index, the words of the
        named records' texts): made by `make` when missing, stale (another `version`, another knowledge file) or
        broken, and written for the next run; read whole and checked against its checksum every time."""
        path = self.path.with_suffix(suffix)
        header = [self.key, version, self.stats]
        body = _read_index(path, header)
        if body is None:
            body = make()
            replace(path, lambda tmp: _write_index(tmp, header, body))
        return body

    def ask(self, cached: Callable[[sqlite3.Connection], T], fresh: Callable[[Knowledge], T]) -> T:
        """`cached(db)`; if the database fails, `fresh` of the knowledge of a new parse."""
        if self._fresh is None:
            try:
                return cached(self._db)
            except BROKEN:
                self._db.close()
                self._fresh = self._parse()
        return fresh(self._fresh)


def stat_row(stat_: Stat, lists: list[int]) -> list[Any]:
    row = list(_VALUES(stat_))
    for i in lists:
        row[i] = json.dumps(row[i], ensure_ascii=False) if row[i] else "[]"  # most lists are empty: no encoder
    return row


class CachedStats:
    """`Stats` read from the cache database one query at a time, every answer verified: each row against its
    checksum, a whole answer against the counts of `counts` (an index that lost a row is found so)."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def _ask(self, cached: Callable[[sqlite3.Connection], T], fresh: Callable[[Stats], T]) -> T:
        return self._database.ask(cached, lambda k: fresh(k.stats))

    def where(self, limit: int | None = None, **any_of: Collection[str]) -> list[Stat]:
        condition, params = _condition(any_of)
        sql = f"SELECT rowid, * FROM stats WHERE {condition} ORDER BY rowid LIMIT ?"

        def cached(db: sqlite3.Connection) -> list[Stat]:
            found = _stats(db, sql, [*params, -1 if limit is None else limit], any_of)
            if limit is None or len(found) < limit:  # the whole answer: as many of each value as were written
                _complete(db, found, any_of)
            return found

        return self._ask(cached, lambda stats: stats.where(limit, **any_of))

    def where_each(self, **all_of: Collection[str]) -> list[Stat]:
        """Every row whose each key is one of its values, each verified against its checksum; and the answer
        against each key's own index: through each, the rows of its values are as many as were written (the
        counts) and those whose other keys match, read from the table, are as many as the answer. A flipped
        value, in a row or in an index, makes one of them disagree: counted by SQLite, nothing else decoded."""
        if not all_of:
            return list(self)
        terms, params = [], []
        for key, values in all_of.items():
            _indexed(key)
            terms.append(f"{key} IN ({', '.join('?' * len(values))})")
            params += list(values)
        sql = f"SELECT rowid, * FROM stats WHERE {' AND '.join(terms)} ORDER BY rowid"
        wanted = {key: set(values) for key, values in all_of.items()}

        def cached(db: sqlite3.Connection) -> list[Stat]:
            found = _stats(db, sql, params)
            if len({s.id for s in found}) != len(found) or any(getattr(s, k) not in v for s in found
                                                               for k, v in wanted.items()):
                raise Corrupt("stats rows")
            for key, values in all_of.items():
                through = f"SELECT count(*), sum({' AND '.join(terms)}) FROM stats INDEXED BY stats_{key} WHERE " \
                          f"{key} IN ({', '.join('?' * len(values))})"
                total, matching = db.execute(through, [*params, *values]).fetchone()
                if total != sum(_count(db, key, value) for value in set(values)) or (matching or 0) != len(found):
                    raise Corrupt(f"rows of {key}")
            return found

        return self._ask(cached, lambda stats: stats.where_each(**all_of))

    def count(self, **any_of: Collection[str]) -> int:
        condition, params = _condition(any_of)
        sql = f"SELECT count(*) FROM stats WHERE {condition}"

        def cached(db: sqlite3.Connection) -> int:
            n = int(db.execute(sql, params).fetchone()[0])
            each = [_count(db, key, value) for key, values in any_of.items() for value in set(values)]
            if not max(each, default=0) <= n <= sum(each):  # the union of the sets counted when written
                raise Corrupt("count")
            if len(each) == 1 and n != each[0]:
                raise Corrupt("count")
            return n

        return self._ask(cached, lambda stats: stats.count(**any_of))

    def distinct(self, key: str) -> list[str]:
        _indexed(key)
        sql = "SELECT key, value, n, first, crc FROM counts WHERE key = ? ORDER BY first"

        def cached(db: sqlite3.Connection) -> list[str]:
            rows = db.execute(sql, (key,)).fetchall()
            checked = key != "id"  # see _write
            if len(rows) != self._database.distinct.get(key) or (checked and any(crc(list(r[:4])) != r[4]
                                                                                 for r in rows)):
                raise Corrupt(f"counts of {key}")
            return [row[1] for row in rows]

        return self._ask(cached, lambda stats: stats.distinct(key))

    def _every(self, db: sqlite3.Connection) -> list[Stat]:
        found = _stats(db, "SELECT rowid, * FROM stats ORDER BY rowid")
        if len(found) != self._database.stats:
            raise Corrupt("stats")
        return found

    def __iter__(self) -> Iterator[Stat]:
        return iter(self._ask(self._every, list))

    def containing_any(self, texts: Collection[str], field: str | None = None) -> list[Stat]:
        """`containing` for several texts at once: the index read once, each text's lines found in it; with
        `field`, only where the text of that field holds one (a label naming an organisation)."""
        from ecofacts import search, search_index

        at = None if field is None else search.index_field(Stat, field)
        return self._containing(search_index.index_patterns(texts), at)

    def containing(self, text: str) -> list[Stat]:
        """The statistics whose texts may hold `text`, in file order: those whose line of the search index
        (`search_index.index_text`) `search_index.index_pattern` finds. The index is a file beside the database,
        made on the first search (and again when missing, stale or broken); it is read whole and checked against
        its checksum every time, so that a flipped bit can never hide a statistic."""
        from ecofacts import search_index

        return self._containing([search_index.index_pattern(text)])

    def _containing(self, patterns: list[re.Pattern[bytes]], field: int | None = None) -> list[Stat]:
        from ecofacts import search, search_index

        def cached(db: sqlite3.Connection) -> list[Stat]:
            def make() -> bytes:
                return search_index.index_text(map(search.texts_of, self._every(db))).encode("utf-8", "surrogatepass")

            index = self._database.kept(".search", search_index.INDEX_VERSION, make)
            return _rows(db, [line + 1 for line in _lines(patterns, index, field)])  # rowids from 1, in file order

        return self._ask(cached, list)

    def __len__(self) -> int:
        return self._database.stats  # from the verified meta row


def _stats(db: sqlite3.Connection, sql: str, params: Collection[Any] = (),
           any_of: Mapping[str, Collection[str]] | None = None) -> list[Stat]:
    """The statistics of rows `(rowid, *columns, crc)`, each verified against its checksum (and, with `any_of`,
    against the condition it was selected by)."""
    stats = []
    last = 0
    for row in db.execute(sql, tuple(params)).fetchall():
        if row_crc(list(row[:-1])) != row[-1] or row[0] <= last:
            raise Corrupt("stats row")
        last = row[0]
        values = list(row[1:-1])
        if any_of is not None and not any(values[_AT[key]] in wanted for key, wanted in any_of.items()):
            raise Corrupt("stats row")
        for at in _LISTS_AT:
            values[at] = tuple(json.loads(values[at])) if values[at] != "[]" else ()
        stats.append(Stat.of_values(values))
    return stats


def _rows(db: sqlite3.Connection, rowids: list[int]) -> list[Stat]:
    """The statistics of these rows (ascending), every one verified, and every one there."""
    found: list[Stat] = []
    for start in range(0, len(rowids), 500):  # within SQLite's limit of parameters
        chunk = rowids[start:start + 500]
        rows = _stats(db, f"SELECT rowid, * FROM stats WHERE rowid IN ({', '.join('?' * len(chunk))}) ORDER BY rowid",
                      chunk)
        if len(rows) != len(chunk):
            raise Corrupt("stats rows")
        found += rows
    return found


def _lines(patterns: list[re.Pattern[bytes]], index: bytes, field: int | None = None) -> list[int]:
    """The numbers (from 0) of the lines of `index` that one of `patterns` finds something in (in the text of
    their `field`-th tab-separated field, when given: no text holds a tab), ascending."""
    found: set[int] = set()
    for pattern in patterns:
        line = at = 0
        while (match := pattern.search(index, at)) is not None:
            line += index.count(b"\n", at, match.start())
            if field is not None and index.count(b"\t", index.rfind(b"\n", 0, match.start()) + 1,
                                                 match.start()) != field:
                at = match.end()  # in another field: look further along the line
                continue
            found.add(line)
            at = index.find(b"\n", match.end()) + 1
            if not at:
                break
            line += 1
    return sorted(found)


def _count(db: sqlite3.Connection, key: str, value: Any) -> int:
    """How many statistics had `key` = `value` when the cache was written (verified); 0 if none."""
    row = db.execute("SELECT key, value, n, first, crc FROM counts WHERE key = ? AND value = ?",
                     (key, value)).fetchone()
    if row is None:
        return 0
    if key != "id" and crc(list(row[:4])) != row[4]:  # the ids' rows carry none: a wrong one only disagrees
        raise Corrupt("counts row")
    return int(row[2])


def _complete(db: sqlite3.Connection, found: list[Stat], any_of: Mapping[str, Collection[str]]) -> None:
    """`found` holds every statistic written with one of the values asked for: as many of each value."""
    for key, values in any_of.items():
        for value in set(values):
            if sum(1 for s in found if getattr(s, key) == value) != _count(db, key, value):
                raise Corrupt(f"rows of {key}={value!r}")


def _indexed(key: str) -> None:
    if key not in STAT_KEYS:  # keys come from the code, never from a user; this guards the SQL built from them
        raise ValueError(f"statistics are not indexed by {key!r}")


def _condition(any_of: dict[str, Collection[str]]) -> tuple[str, list[str]]:
    """SQL for "any `key` is one of its `values`", and its parameters."""
    terms: list[str] = []
    params: list[str] = []
    for key, values in any_of.items():
        _indexed(key)
        terms.append(f"{key} IN ({', '.join('?' * len(values))})")
        params += values
    return " OR ".join(terms) or "0", params
