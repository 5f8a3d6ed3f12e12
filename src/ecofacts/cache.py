"""The parse cache: a validated knowledge file kept as an sqlite3 database, so that a lookup need not parse it.

One database per knowledge file, in the user's private cache folder ($XDG_CACHE_HOME/ecofacts, by default
~/.cache/ecofacts; mode 0700, files 0600). It is used only while its key still matches the file: real path,
size, mtime_ns, ctime_ns and inode, the schema and ecofacts versions and the model's fields. Each source and
named record is a row holding its JSON, found by id; each statistic is a row with one column per `Stat` field,
indexed on `STAT_KEYS`. A lookup decodes only the records it uses. Nothing in it can run code when read (no
pickle). A database that cannot be read, or whose content is not what was written, is ignored: the file is
parsed again and the cache rewritten. Writes go to a temporary file in the same folder
that replaces the old database in one `os.replace`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ecofacts import __version__, kinds
from ecofacts.kinds.stat import Stat
from ecofacts.knowledge import STAT_KEYS, Knowledge, Stats
from ecofacts.model import NESTED, SCHEMA_VERSION, as_dict, field_types

T = TypeVar("T")

FORMAT = 2  # of the database itself; part of the key
# The model's shape is part of the key too: a field added, renamed or retyped without a version bump is enough
# to make every cache stale.
_CLASSES = [*(kind.cls for kind in kinds.KINDS), *NESTED.values()]
_MODEL = zlib.crc32(repr([(cls.__name__, cls.FIELDS) for cls in _CLASSES]).encode())
_COLUMNS = [f.name for f in Stat.FIELDS]
_LISTS = [f.name for f in Stat.FIELDS if f.t == "strs"]  # stored as JSON text
_TYPES = {cls: field_types(cls) for cls in _CLASSES}
# Errors that mean "this database is not what we wrote": ignore it and parse the file again.
_BROKEN = (sqlite3.Error, ValueError, TypeError, KeyError, AttributeError, IndexError)
# A file modified this recently may change again within the same mtime tick: it is not cached yet.
_SETTLED_NS = 2_000_000_000


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "ecofacts"


def _private_folder(create: bool) -> Path | None:
    """The cache folder if it is ours and private (made so when `create`), else None."""
    try:
        where = folder()
        if create:
            where.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = where.lstat()
        if not where.is_dir() or where.is_symlink() or info.st_uid != os.getuid():
            return None
        if info.st_mode & 0o077:
            where.chmod(0o700)
    except (OSError, RuntimeError, KeyError):  # no home folder, no permission, ...: no cache
        return None
    return where


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
        if time.time_ns() - info.st_mtime_ns >= _SETTLED_NS and (where := _private_folder(create=True)):
            _write(_database(real, where), key, knowledge)
        return knowledge

    where = _private_folder(create=False)
    if where is not None:
        # should the database fail after this, mid-way through a command, parse_and_cache also replaces it
        knowledge = _read(_database(real, where), key, parse_and_cache)
        if knowledge is not None:
            return knowledge
    return parse_and_cache()


def _read(database: Path, key: str, parse: Callable[[], Knowledge]) -> Knowledge | None:
    if not database.is_file():
        return None
    try:
        db = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        stored_key, names, count = db.execute("SELECT key, names, records FROM meta").fetchone()
        table_of = dict(db.execute("SELECT id, tbl FROM records"))
        if stored_key != key or len(table_of) != count:  # stale, or rows lost
            db.close()
            return None
        asked = _Database(db, parse)
        records = _Records(asked, table_of)
        return Knowledge(_Tables(records), CachedStats(asked), records, table_of, json.loads(names))
    except _BROKEN:
        db.close()
        return None


class _Database:
    """The cache database of one knowledge file, asked one question at a time. Should it fail mid-way
    (truncated, altered), the file is parsed again and every later question is answered from that."""

    def __init__(self, db: sqlite3.Connection, parse: Callable[[], Knowledge]) -> None:
        self._db = db
        self._parse = parse
        self._fresh: Knowledge | None = None

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

    def _make(self, rec_id: str, table: str, data: str) -> Any:
        if rec_id not in self._made:
            self._made[rec_id] = _record(kinds.BY_TABLE[table].cls, json.loads(data))
        return self._made[rec_id]

    def __getitem__(self, rec_id: str) -> Any:
        if rec_id in self._made:
            return self._made[rec_id]
        table = self._table_of[rec_id]  # KeyError: no such record
        return self._database.ask(
            lambda db: self._make(rec_id, table, db.execute("SELECT data FROM records WHERE id = ?",
                                                            (rec_id,)).fetchone()[0]),
            lambda k: k.by_id[rec_id])

    def table(self, table: str) -> list[Any]:
        """Every record of `table`, in file order."""
        sql = "SELECT id, data FROM records WHERE tbl = ? ORDER BY rowid"
        return self._database.ask(lambda db: [self._make(i, table, data) for i, data in db.execute(sql, (table,))],
                                  lambda k: list(k.whole[table]))

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
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=database.parent)  # mode 0600
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a new file, replaced whole: no journal needed
            db.execute("PRAGMA synchronous = OFF")
            db.execute("CREATE TABLE meta (key TEXT, names TEXT, records INTEGER)")
            db.execute("INSERT INTO meta VALUES (?, ?, ?)", (key, json.dumps(k.names, ensure_ascii=False),
                                                             len(k.by_id)))
            db.execute("CREATE TABLE records (id TEXT PRIMARY KEY, tbl TEXT, data TEXT)")
            db.executemany("INSERT INTO records VALUES (?, ?, ?)",
                           ((rec.id, t, json.dumps(_plain(rec), ensure_ascii=False)) for t in kinds.WHOLE
                            for rec in k.whole[t]))
            # Columns without a type keep each value as written: an int stays an int, a float a float.
            db.execute(f"CREATE TABLE stats ({', '.join(_COLUMNS)})")
            lists = [i for i, name in enumerate(_COLUMNS) if name in _LISTS]
            db.executemany(f"INSERT INTO stats VALUES ({', '.join('?' * len(_COLUMNS))})",
                           (_row(stat, lists) for stat in k.stats))
            for column in STAT_KEYS:
                db.execute(f"CREATE {'UNIQUE ' if column == 'id' else ''}INDEX stats_{column} ON stats ({column})")
            db.commit()
        finally:
            db.close()
        os.replace(tmp, database)
    except (OSError, sqlite3.Error, OverflowError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _row(stat: Stat, lists: list[int]) -> list[Any]:
    row = [getattr(stat, name) for name in _COLUMNS]
    for i in lists:
        row[i] = json.dumps(row[i], ensure_ascii=False)
    return row


class CachedStats:
    """`Stats` read from the cache database one query at a time."""

    def __init__(self, database: _Database) -> None:
        self._database = database

    def _ask(self, cached: Callable[[sqlite3.Connection], T], fresh: Callable[[Stats], T]) -> T:
        return self._database.ask(cached, lambda k: fresh(k.stats))

    def where(self, limit: int | None = None, **any_of: Collection[str]) -> list[Stat]:
        condition, params = _condition(any_of)
        sql = f"SELECT * FROM stats WHERE {condition} ORDER BY rowid LIMIT ?"
        return self._ask(lambda db: _stats(db, sql, [*params, -1 if limit is None else limit]),
                         lambda stats: stats.where(limit, **any_of))

    def count(self, **any_of: Collection[str]) -> int:
        condition, params = _condition(any_of)
        sql = f"SELECT count(*) FROM stats WHERE {condition}"
        return self._ask(lambda db: int(db.execute(sql, params).fetchone()[0]), lambda stats: stats.count(**any_of))

    def distinct(self, key: str) -> list[str]:
        _indexed(key)
        sql = f"SELECT {key} FROM stats WHERE {key} IS NOT NULL GROUP BY {key} ORDER BY min(rowid)"
        return self._ask(lambda db: [row[0] for row in db.execute(sql)], lambda stats: stats.distinct(key))

    def __iter__(self) -> Iterator[Stat]:
        return iter(self._ask(lambda db: _stats(db, "SELECT * FROM stats ORDER BY rowid"), list))

    def __len__(self) -> int:
        return self._ask(lambda db: int(db.execute("SELECT count(*) FROM stats").fetchone()[0]), len)


def _stats(db: sqlite3.Connection, sql: str, params: Collection[Any] = ()) -> list[Stat]:
    stats = []
    for row in db.execute(sql, tuple(params)).fetchall():
        values = dict(zip(_COLUMNS, row, strict=True))
        for name in _LISTS:
            values[name] = tuple(json.loads(values[name]))
        stats.append(Stat(**values))
    return stats


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
