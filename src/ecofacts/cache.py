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

Beside the database, the first `search` writes the search index of the statistics (`CachedStats.containing`),
and the first `ask` the words of the named records' texts (`ask_words`): the same trust, and each checked whole
against its checksum on every read (`Database.kept`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ecofacts import __version__, kinds
from ecofacts.cache_stats import BROKEN, COLUMNS, LISTS, CachedStats, Corrupt, Database, crc, row_crc, stat_row
from ecofacts.knowledge import STAT_KEYS, Knowledge
from ecofacts.model import NESTED, SCHEMA_VERSION, as_dict, field_types
from ecofacts.private import private_folder, replace, trusted

# A file modified this recently may change again within the same mtime tick: it is not cached yet.
_SETTLED_NS = 2_000_000_000
FORMAT = 4  # of the database itself; part of the key

# The model's shape is part of the key too: a field added, renamed or retyped without a version bump is enough
# to make every cache stale.
_CLASSES = [*(kind.cls for kind in kinds.KINDS), *NESTED.values()]
_MODEL = zlib.crc32(repr([(cls.__name__, cls.FIELDS) for cls in _CLASSES]).encode())
_TYPES = {cls: field_types(cls) for cls in _CLASSES}


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
        if row is None or crc(list(row[:-1])) != row[-1]:
            raise Corrupt("meta")
        stored_key, names, count, stat_count, tables, counts, ids_crc, sha256, _ = row
        if stored_key != key:  # stale
            db.close()
            return None
        pairs = db.execute("SELECT id, tbl FROM records ORDER BY rowid").fetchall()
        if len(pairs) != count or crc(pairs) != ids_crc:  # rows lost, or an id or table altered
            raise Corrupt("records")
        asked = Database(db, parse, json.loads(tables), stat_count, json.loads(counts), database, key)
        table_of = dict(pairs)
        records = _Records(asked, table_of)
        knowledge = Knowledge(_Tables(records), CachedStats(asked), records, table_of, json.loads(names),
                              asked.kept)
        knowledge.sha256 = str(sha256)
        return knowledge
    except BROKEN:
        db.close()
        return None


class _Records(Mapping[str, Any]):
    """The sources and named records by id (`Knowledge.by_id`), each decoded when first asked for, and once."""

    def __init__(self, database: Database, table_of: dict[str, str]) -> None:
        self._database = database
        self._table_of = table_of
        self._made: dict[str, Any] = {}

    def _make(self, row: tuple[Any, ...] | None, rec_id: str, table: str) -> Any:
        """The record of a row `(rowid, id, tbl, data, crc)`, once its checksum is verified."""
        if rec_id not in self._made:
            if row is None or row_crc(list(row[:4])) != row[4] or row[1:3] != (rec_id, table):
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
                           ([*r, row_crc(r)] for r in records))
            # Columns without a type keep each value as written: an int stays an int, a float a float.
            db.execute(f"CREATE TABLE stats ({', '.join(COLUMNS)}, crc INTEGER)")
            lists = [i for i, name in enumerate(COLUMNS) if name in LISTS]
            def rows() -> Iterator[list[Any]]:
                for rowid, stat_ in enumerate(k.stats, 1):
                    row = stat_row(stat_, lists)
                    yield [rowid, *row, row_crc([rowid, *row])]

            db.executemany(f"INSERT INTO stats (rowid, {', '.join(COLUMNS)}, crc) "
                           f"VALUES ({', '.join('?' * (len(COLUMNS) + 2))})", rows())
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
                               ([*row, crc(list(row))] for row in grouped))
            per_table = {t: len(k.whole[t]) for t in kinds.WHOLE}
            meta = [key, json.dumps(k.names, ensure_ascii=False), len(records), len(k.stats), json.dumps(per_table),
                    json.dumps(distinct), crc([(r[1], r[2]) for r in records]), k.sha256]
            db.execute("CREATE TABLE meta (key TEXT, names TEXT, records INTEGER, stats INTEGER, tables TEXT, "
                       "counts TEXT, ids INTEGER, sha256 TEXT, crc INTEGER)")
            db.execute("INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [*meta, crc(meta)])
            db.commit()
        finally:
            db.close()

    replace(database, fill)
