"""The parse cache: a validated knowledge file kept as an sqlite3 database, so that a lookup need not parse it.

One database per knowledge file, in the user's private cache folder ($XDG_CACHE_HOME/ecofacts, by default
~/.cache/ecofacts; mode 0700, files 0600). It is used only while its key still matches the file: real path,
size, mtime_ns, ctime_ns and inode, the schema and ecofacts versions and the model's fields. Each source and
named record is a row holding its JSON, found by id; each statistic is a row with one column per `Stat` field,
indexed on `STAT_KEYS`. A lookup decodes only the records it uses. Nothing in it can run code when read (no
pickle). A database that cannot be read, or whose content is not what was written, is ignored: the file is
parsed again and the cache rewritten. Writes go to a temporary file in the same folder
that replaces the old database in one `os.replace`.

Trust: the folder and the database are used only when they belong to the current user and nobody else can
write them (else a private `ecofacts-UID` folder beside it is used, or no cache). Every row read is verified:
each record and statistic row carries a checksum (crc32 of its values, its rowid included), and `meta`, itself
checksummed, holds the number of rows of each table and of each indexed value (`counts`), so that a row
flipped, altered or deleted is found and the file parsed again, never a changed answer. A cache folder that
cannot be used (read-only, full, a file in its place) never stops a command: it answers from the parse.

Beside the database, the first `search` writes the search index of the statistics (`CachedStats.containing`):
the same trust, and checked whole against its checksum on every read.
"""

from __future__ import annotations

import json
import operator
import os
import re
import sqlite3
import stat
import time
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ecofacts import __version__, kinds
from ecofacts.kinds.stat import Stat
from ecofacts.knowledge import STAT_KEYS, Knowledge, Stats
from ecofacts.model import NESTED, SCHEMA_VERSION, as_dict, field_types
from ecofacts.private import private_folder, replace, trusted
from ecofacts.private import read_kept as _read_index
from ecofacts.private import write_kept as _write_index

T = TypeVar("T")

FORMAT = 4  # of the database itself; part of the key
# The model's shape is part of the key too: a field added, renamed or retyped without a version bump is enough
# to make every cache stale.
_CLASSES = [*(kind.cls for kind in kinds.KINDS), *NESTED.values()]
_MODEL = zlib.crc32(repr([(cls.__name__, cls.FIELDS) for cls in _CLASSES]).encode())
_COLUMNS = [f.name for f in Stat.FIELDS]
_LISTS = [f.name for f in Stat.FIELDS if f.t == "strs"]  # stored as JSON text
_VALUES = operator.attrgetter(*_COLUMNS)  # a statistic's values in column order, in one call
_TYPES = {cls: field_types(cls) for cls in _CLASSES}


class Corrupt(Exception):
    """A row, count or checksum of the database is not what was written."""


# The errors that mean "this database is not what we wrote": ignore it and parse the file again. Only these:
# with every row checked against its checksum, a TypeError or KeyError here is a bug, and must show.
_BROKEN = (sqlite3.Error, ValueError, Corrupt)  # ValueError includes json.JSONDecodeError
# A file modified this recently may change again within the same mtime tick: it is not cached yet.
_SETTLED_NS = 2_000_000_000


def _key(real: Path, info: os.stat_result) -> str:
    return json.dumps([str(real), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, SCHEMA_VERSION,
                       __version__, FORMAT, _MODEL])


def _database(real: Path, where: Path) -> Path:
    # Two checksums of the path name the file; the key inside tells files apart should both ever collide.
    data = os.fsencode(real)
    return where / f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}.sqlite"


def load(path: Path, parse: Callable[[Path], Knowledge]) -> Knowledge:
    """The knowledge of the file at `path`, from the cache when it is fresh; else `parse(path)`, then cached."""
    try:
        real = path.resolve()
        info = real.stat()
    except (OSError, RuntimeError):
        return parse(path)  # says what is wrong with the path
    key = _key(real, info)

    def parse_and_cache() -> Knowledge:
        knowledge = parse(path)
        if time.time_ns() - info.st_mtime_ns >= _SETTLED_NS and (where := private_folder(create=True)):
            _write(_database(real, where), key, knowledge)
        return knowledge

    where = private_folder(create=False)
    if where is not None:
        # should the database fail after this, mid-way through a command, parse_and_cache also replaces it
        knowledge = _read(_database(real, where), key, parse_and_cache)
        if knowledge is not None:
            return knowledge
    return parse_and_cache()


_TYPE = {str: 115, int: 105, float: 102, type(None): 110, bytes: 98}  # what sqlite3 returns, as one byte each


def _row_crc(values: list[Any]) -> int:
    """The checksum of one row of records or stats: crc32 of its values' text, joined, then of their types, so
    that `5` and `"5"` differ. Cheaper than `_crc` (no repr of long quotes): it runs for every row read."""
    text = "\x00".join(map(str, values)).encode("utf-8", "surrogatepass")
    return zlib.crc32(bytes(map(_TYPE.__getitem__, map(type, values))), zlib.crc32(text))


def _crc(values: list[Any]) -> int:
    """The checksum of one row (or of `meta`): crc32 of the `repr` of its values, rowid included. What we write
    (text, int, float, None) has one repr, in C and exact for floats; a value that comes back as another type
    (a BLOB, a float for an int) has another."""
    return zlib.crc32(repr(values).encode("utf-8", "surrogatepass"))


def _read(database: Path, key: str, parse: Callable[[], Knowledge]) -> Knowledge | None:
    try:
        info = database.lstat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or not trusted(info):  # planted, or writable by others: never read
        return None
    try:
        db = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = db.execute("SELECT key, names, records, stats, tables, counts, ids, sha256, crc FROM meta").fetchone()
        if row is None or _crc(list(row[:-1])) != row[-1]:
            raise Corrupt("meta")
        stored_key, names, count, stat_count, tables, counts, ids_crc, sha256, _ = row
        if stored_key != key:  # stale
            db.close()
            return None
        pairs = db.execute("SELECT id, tbl FROM records ORDER BY rowid").fetchall()
        if len(pairs) != count or _crc(pairs) != ids_crc:  # rows lost, or an id or table altered
            raise Corrupt("records")
        asked = _Database(db, parse, json.loads(tables), stat_count, json.loads(counts), database, key)
        table_of = dict(pairs)
        records = _Records(asked, table_of)
        knowledge = Knowledge(_Tables(records), CachedStats(asked), records, table_of, json.loads(names))
        knowledge.sha256 = str(sha256)
        return knowledge
    except _BROKEN:
        db.close()
        return None


class _Database:
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

    def ask(self, cached: Callable[[sqlite3.Connection], T], fresh: Callable[[Knowledge], T]) -> T:
        """`cached(db)`; if the database fails, `fresh` of the knowledge of a new parse."""
        if self._fresh is None:
            try:
                return cached(self._db)
            except _BROKEN:
                self._db.close()
                self._fresh = self._parse()
        return fresh(self._fresh)


class _Records(Mapping[str, Any]):
    """The sources and named records by id (`Knowledge.by_id`), each decoded when first asked for, and once."""

    def __init__(self, database: _Database, table_of: dict[str, str]) -> None:
        self._database = database
        self._table_of = table_of
        self._made: dict[str, Any] = {}

    def _make(self, row: tuple[Any, ...] | None, rec_id: str, table: str) -> Any:
        """The record of a row `(rowid, id, tbl, data, crc)`, once its checksum is verified."""
        if rec_id not in self._made:
            if row is None or _row_crc(list(row[:4])) != row[4] or row[1:3] != (rec_id, table):
                raise Corrupt(f"record {rec_id}")
            self._made[rec_id] = _record(kinds.BY_TABLE[table].cls, json.loads(row[3]))
        return self._made[rec_id]

    def __getitem__(self, rec_id: str) -> Any:
        if rec_id in self._made:
            return self._made[rec_id]
        table = self._table_of[rec_id]  # KeyError: no such record
        sql = "SELECT rowid, id, tbl, data, crc FROM records WHERE id = ?"
        return self._database.ask(lambda db: self._make(db.execute(sql, (rec_id,)).fetchone(), rec_id, table),
                                  lambda k: k.by_id[rec_id])

    def table(self, table: str) -> list[Any]:
        """Every record of `table`, in file order."""
        sql = "SELECT rowid, id, tbl, data, crc FROM records WHERE tbl = ? ORDER BY rowid"

        def cached(db: sqlite3.Connection) -> list[Any]:
            rows = db.execute(sql, (table,)).fetchall()
            if len(rows) != self._database.tables.get(table, 0):
                raise Corrupt(f"table {table}")
            return [self._make(row, row[1], table) for row in rows]

        return self._database.ask(cached, lambda k: list(k.whole[table]))

    def __iter__(self) -> Iterator[str]:
        return iter(self._table_of)

    def __len__(self) -> int:
        return len(self._table_of)


class _Tables(Mapping[str, list[Any]]):
    """`Knowledge.whole` from the cache: a table's records are decoded when the table is first asked for."""

    def __init__(self, records: _Records) -> None:
        self._records = records
        self._tables: dict[str, list[Any]] = {}

    def __getitem__(self, table: str) -> list[Any]:
        if table not in kinds.WHOLE:
            raise KeyError(table)
        if table not in self._tables:
            self._tables[table] = self._records.table(table)
        return self._tables[table]

    def __iter__(self) -> Iterator[str]:
        return iter(kinds.WHOLE)

    def __len__(self) -> int:
        return len(kinds.WHOLE)


def _record(cls: type[Any], data: dict[str, Any]) -> Any:
    """A record back from its JSON form (lists back to tuples, nested tables to their classes)."""
    types = _TYPES.get(cls) or field_types(cls)
    values = {}
    for name, value in data.items():
        t = types[name]
        if t in NESTED:
            value = tuple(_record(NESTED[t], v) for v in value)
        elif t == "strs":
            value = tuple(value)
        values[name] = value
    return cls(**values)


def _plain(rec: Any) -> dict[str, Any]:
    """A record as JSON data: the fields it has (not the empty defaults), nested records as tables."""
    return {name: value for name, value in as_dict(rec).items() if value is not None and value != []}


def _write(database: Path, key: str, k: Knowledge) -> None:
    """Store `k` at `database`, atomically; a failure leaves no cache (and no temporary file) behind."""

    def fill(tmp: str) -> None:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a new file, replaced whole: no journal needed
            db.execute("PRAGMA synchronous = OFF")
            db.execute("CREATE TABLE records (id TEXT PRIMARY KEY, tbl TEXT, data TEXT, crc INTEGER)")
            records = [[rowid, rec.id, t, json.dumps(_plain(rec), ensure_ascii=False)]
                       for rowid, (t, rec) in enumerate(((t, rec) for t in kinds.WHOLE for rec in k.whole[t]), 1)]
            db.executemany("INSERT INTO records (rowid, id, tbl, data, crc) VALUES (?, ?, ?, ?, ?)",
                           ([*r, _row_crc(r)] for r in records))
            # Columns without a type keep each value as written: an int stays an int, a float a float.
            db.execute(f"CREATE TABLE stats ({', '.join(_COLUMNS)}, crc INTEGER)")
            lists = [i for i, name in enumerate(_COLUMNS) if name in _LISTS]
            def rows() -> Iterator[list[Any]]:
                for rowid, stat_ in enumerate(k.stats, 1):
                    row = _row(stat_, lists)
                    yield [rowid, *row, _row_crc([rowid, *row])]

            db.executemany(f"INSERT INTO stats (rowid, {', '.join(_COLUMNS)}, crc) "
                           f"VALUES ({', '.join('?' * (len(_COLUMNS) + 2))})", rows())
            for column in STAT_KEYS:
                db.execute(f"CREATE {'UNIQUE ' if column == 'id' else ''}INDEX stats_{column} ON stats ({column})")
            # How many rows hold each value of each indexed key, and the first of them: a cross-check of every
            # answer. Counted by SQLite on the indexes just made; checksummed, since `distinct` answers from them.
            # The ids' rows (one each, many) carry no checksum: a flipped one can only make an answer disagree
            # with it, which means "parse again"; `distinct("id")` only suggests names.
            db.execute("CREATE TABLE counts (key TEXT, value, n INTEGER, first INTEGER, crc INTEGER, "
                       "PRIMARY KEY (key, value)) WITHOUT ROWID")
            distinct = {"id": len(k.stats)}
            db.execute("INSERT INTO counts SELECT 'id', id, 1, rowid, NULL FROM stats ORDER BY id")
            for column in (c for c in STAT_KEYS if c != "id"):
                grouped = db.execute(f"SELECT ?, {column}, count(*), min(rowid) FROM stats WHERE {column} IS NOT "
                                     f"NULL GROUP BY {column}", (column,)).fetchall()
                distinct[column] = len(grouped)
                db.executemany("INSERT INTO counts VALUES (?, ?, ?, ?, ?)",
                               ([*row, _crc(list(row))] for row in grouped))
            per_table = {t: len(k.whole[t]) for t in kinds.WHOLE}
            meta = [key, json.dumps(k.names, ensure_ascii=False), len(records), len(k.stats), json.dumps(per_table),
                    json.dumps(distinct), _crc([(r[1], r[2]) for r in records]), k.sha256]
            db.execute("CREATE TABLE meta (key TEXT, names TEXT, records INTEGER, stats INTEGER, tables TEXT, "
                       "counts TEXT, ids INTEGER, sha256 TEXT, crc INTEGER)")
            db.execute("INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [*meta, _crc(meta)])
            db.commit()
        finally:
            db.close()

    replace(database, fill)


def _row(stat_: Stat, lists: list[int]) -> list[Any]:
    row = list(_VALUES(stat_))
    for i in lists:
        row[i] = json.dumps(row[i], ensure_ascii=False) if row[i] else "[]"  # most lists are empty: no encoder
    return row


class CachedStats:
    """`Stats` read from the cache database one query at a time, every answer verified: each row against its
    checksum, a whole answer against the counts of `counts` (an index that lost a row is found so)."""

    def __init__(self, database: _Database) -> None:
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
            if len(rows) != self._database.distinct.get(key) or (checked and any(_crc(list(r[:4])) != r[4]
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

    def containing_any(self, texts: Collection[str]) -> list[Stat]:
        """`containing` for several texts at once: one pass over the index with their patterns joined."""
        from ecofacts import search

        return self._containing(search.index_pattern_any(texts))

    def containing(self, text: str) -> list[Stat]:
        """The statistics whose texts may hold `text`, in file order: those whose line of the search index
        (`search.index_text`) `search.index_pattern` finds. The index is a file beside the database, made on the
        first search (and again when missing, stale or broken); it is read whole and checked against its checksum
        every time, so that a flipped bit can never hide a statistic."""
        from ecofacts import search

        return self._containing(search.index_pattern(text))

    def _containing(self, pattern: re.Pattern[bytes]) -> list[Stat]:
        from ecofacts import search

        path = self._database.path.with_suffix(".search")
        header = [self._database.key, search.INDEX_VERSION, self._database.stats]

        def cached(db: sqlite3.Connection) -> list[Stat]:
            index = _read_index(path, header)
            if index is None:
                every = self._every(db)
                index = search.index_text(map(search.texts_of, every)).encode("utf-8", "surrogatepass")
                replace(path, lambda tmp: _write_index(tmp, header, index))
                return [every[line] for line in _lines(pattern, index)]
            return _rows(db, [line + 1 for line in _lines(pattern, index)])  # rowids count from 1, in file order

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
        if _row_crc(list(row[:-1])) != row[-1] or row[0] <= last:
            raise Corrupt("stats row")
        last = row[0]
        values = dict(zip(_COLUMNS, row[1:-1], strict=True))
        if any_of is not None and not any(values[key] in wanted for key, wanted in any_of.items()):
            raise Corrupt("stats row")
        for name in _LISTS:
            values[name] = tuple(json.loads(values[name]))
        stats.append(Stat(**values))
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


def _lines(pattern: re.Pattern[bytes], index: bytes) -> list[int]:
    """The numbers (from 0) of the lines of `index` that `pattern` finds something in."""
    found = []
    line = at = 0
    while (match := pattern.search(index, at)) is not None:
        line += index.count(b"\n", at, match.start())
        found.append(line)
        at = index.find(b"\n", match.end()) + 1
        if not at:
            break
        line += 1
    return found


def _count(db: sqlite3.Connection, key: str, value: Any) -> int:
    """How many statistics had `key` = `value` when the cache was written (verified); 0 if none."""
    row = db.execute("SELECT key, value, n, first, crc FROM counts WHERE key = ? AND value = ?",
                     (key, value)).fetchone()
    if row is None:
        return 0
    if key != "id" and _crc(list(row[:4])) != row[4]:  # the ids' rows carry none: a wrong one only disagrees
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
