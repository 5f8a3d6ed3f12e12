"""`ecofacts export PATH.db`: the knowledge as an SQLite database Datasette serves, with its metadata file.

One table per record kind, named as in the knowledge file (`kinds.KINDS`), its columns the `--json` keys of the
kind's rows (`Kind.keys`, rows from `Kind.row`): lists and nested records as JSON text, a single reference as the
id it names (a statistic's `source` is the source's id, not the spelled-out source of `--json`), a `year` as
text beside the INTEGER `year_start` and `year_end` of its period. `id` is the primary key; a reference to one
table is a foreign key; a reference that may name several tables (a statistic's subject) is not, and the
metadata says so. Each table has an FTS5 index (`<table>_fts`) over the texts `ecofacts search` reads of its
records, folded as search folds them, which Datasette's `?_search=` uses.

The database and its metadata are written as a pair by `atomic` (temporary files beside PATH, then moved into
place), so PATH is never a half-written database, and never the knowledge file, a device, FIFO, socket or
symlink, or a file that is not an SQLite database (unless forced); rows are streamed into it (`executemany`
over generators), never all held at once.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ecofacts import atomic, kinds
from ecofacts.errors import KnowledgeFileError, OutputError
from ecofacts.kinds.base import Hit, Kind
from ecofacts.row_keys import key as row_key

if TYPE_CHECKING:
    from ecofacts.cite import Version
    from ecofacts.knowledge import Knowledge

# The column a row is named by in Datasette's links, first one the kind has.
LABELS = ("name", "title", "label", "claim")
FACETS = ("kind", "region", "subject", "topic", "status", "trust", "unit", "source", "city", "language")
# NUMERIC: a whole figure is stored as an integer (5000, not 5000.0), any other as a real (3.61)
_SQL_TYPES = {"id": "TEXT", "str": "TEXT", "int": "INTEGER", "num": "NUMERIC", "year": "TEXT"}

class Column(NamedTuple):
    name: str
    sql_type: str
    references: str | None  # the table a single-id reference points to
    description: str


def _field_columns(kind: Kind, first: dict[str, Any]) -> tuple[list[Column], list[str]]:
    """The columns of a kind's table, and what the metadata must say about references left without a key."""
    fields = {f.name: f for f in kind.cls.FIELDS}
    columns: list[Column] = []
    notes: list[str] = []
    for key in kind.keys:
        f = fields.get(key)
        references = None
        if f is not None:
            sql_type = _SQL_TYPES.get(f.t, "TEXT")
            targets = kinds.ref_tables(f) if f.ref else ()
            if f.t in ("str", "id") and len(targets) == 1:
                references = targets[0]
            elif f.t in ("str", "id") and targets:
                notes.append(f"{key}: an id in any of {', '.join(targets)}, so no foreign key")
            description = row_key(key).about or (f"Id(s) in {', '.join(targets)}." if targets else "")
            if f.choices:  # a field of choices says its own (an organisation's status is not a figure's)
                description = f"One of: {', '.join(f.choices)}."
        else:
            value = first.get(key)
            sql_type = ("INTEGER" if key in ("year_start", "year_end") or (isinstance(value, int)
                        and not isinstance(value, bool)) else "REAL" if isinstance(value, float) else "TEXT")
            description = row_key(key).about or _derived(key)
        columns.append(Column(key, sql_type, references, description))
    return columns, notes


def _derived(key: str) -> str:
    return f"The display name of `{key.removesuffix('_name')}`." if key.endswith("_name") else ""


def _cell(column: Column, value: Any) -> Any:
    if column.references is not None and isinstance(value, dict):
        return value.get("id")  # a source spelled out in --json: its id here, the foreign key
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    if column.sql_type == "TEXT" and value is not None and not isinstance(value, str):
        return str(value)
    return value


def _values(columns: list[Column], row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(_cell(c, row.get(c.name))
                 for c in columns)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(db: sqlite3.Connection, table: str, columns: list[Column]) -> None:
    parts = [f"{_q(c.name)} {c.sql_type}" + (" PRIMARY KEY" if c.name == "id" else "") for c in columns]
    parts += [f"FOREIGN KEY ({_q(c.name)}) REFERENCES {_q(c.references)}(id)" for c in columns if c.references]
    db.execute(f"CREATE TABLE {_q(table)} ({', '.join(parts)})")


def _fts(db: sqlite3.Connection, k: Knowledge, table: str, text_of: Callable[[Any], str]) -> str | None:
    """`<table>_fts`: for each row (matched on rowid), the texts `ecofacts search` reads of its record (names,
    labels, quotes, notes, events, statements...), folded as it folds them (case, accents and punctuation off,
    "3,800" as 3800), with the other spellings of what they name (`search.full_text`), words stemmed (isotope,
    isotopes), made by `text_of` (`search.full_text` of the knowledge)."""
    # the rows were inserted in this order into a new table: the n-th record's row is rowid n
    records = [(n, text_of(rec)) for n, rec in enumerate(k.records(table), start=1)]
    if not any(text for _, text in records):
        return None
    fts = f"{table}_fts"
    db.execute(f"CREATE VIRTUAL TABLE {_q(fts)} USING fts5(texts, tokenize='porter unicode61 remove_diacritics 2')")
    db.executemany(f"INSERT INTO {_q(fts)}(rowid, texts) VALUES (?, ?)", records)
    return fts


def _rows(k: Knowledge, kind: Kind) -> Iterator[dict[str, Any]]:
    records = k.records(kind.table)
    if kind.table == "stats":
        from ecofacts.trust import weigher

        records = list(records)
        weigher(k).prime(records)  # their trust from the list in hand, not read again group by group
    for rec in records:
        yield kind.row(k, Hit(rec))


def _table_metadata(kind: Kind, columns: list[Column], notes: list[str], fts: str | None, count: int
                    ) -> dict[str, Any]:
    names = {c.name for c in columns}
    description = f"{count} {kind.plural if count != 1 else kind.word}, one row each."
    if notes:
        description += " References without a foreign key: " + "; ".join(notes) + "."
    meta: dict[str, Any] = {
        "description": description,
        "columns": {c.name: c.description for c in columns if c.description},
        "facets": [f for f in FACETS if f in names],
    }
    label = next((c for c in LABELS if c in names), None)
    if label:
        meta["label_column"] = label
    if fts:
        meta["fts_table"] = fts  # matched on rowid, the default of `fts_pk`
        meta["description"] += (" Search (the box above the rows) reads the texts `ecofacts search` reads, accents,"
                                " case and punctuation aside, and isotope finds isotopes.")
    return meta


class Written(NamedTuple):
    tables: dict[str, dict[str, Any]]  # each table's metadata, for `metadata`
    counts: dict[str, int]  # rows per table


def _fill_database(k: Knowledge, tmp: Path, tables: dict[str, dict[str, Any]], counts: dict[str, int]) -> None:
    from ecofacts.search import full_text

    text_of = full_text(k)  # made once for every table
    db = sqlite3.connect(tmp)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        for kind in kinds.KINDS:
            rows = _rows(k, kind)
            first = next(rows, None)
            columns, notes = _field_columns(kind, first or {})
            _create(db, kind.table, columns)
            marks = ", ".join("?" for _ in columns)
            rows_again: Iterable[dict[str, Any]] = chain([first], rows) if first is not None else ()
            db.executemany(f"INSERT INTO {_q(kind.table)} VALUES ({marks})",
                           (_values(columns, row) for row in rows_again))
            count = counts[kind.table] = int(db.execute(f"SELECT count(*) FROM {_q(kind.table)}").fetchone()[0])
            fts = _fts(db, k, kind.table, text_of)
            tables[kind.table] = _table_metadata(kind, columns, notes, fts, count)
        db.commit()
    finally:
        db.close()


def prepare_database(k: Knowledge, path: Path) -> tuple[atomic.Pending, Written]:
    """The tables of `k` in a new SQLite database beside `path`, not yet in its place (`Pending.commit`)."""
    tables: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    pending = atomic.prepare(Path(path), lambda tmp: _fill_database(k, tmp, tables, counts))
    return pending, Written(tables, counts)


def write_database(k: Knowledge, path: Path) -> Written:
    """The tables of `k` written into a new SQLite database at `path` (replaced whole, atomically)."""
    pending, written = prepare_database(k, path)
    pending.commit()
    return written


def metadata(database: str, tables: dict[str, dict[str, Any]], version: Version) -> dict[str, Any]:
    """Datasette's metadata for the exported database `database` (its file name without `.db`)."""
    return {
        "title": "ecofacts: the Belgian biotech, biopharma and nuclear-medicine ecosystem",
        "description": "Regions, cities, clusters, organisations, initiatives and statistics, each statistic with "
                       "its source and the verbatim quote that holds it (or, for a figure a web page reports, the "
                       "page and a paraphrase). Exported by `ecofacts export`.",
        "source": f"ecofacts {version.ecofacts}, knowledge file sha256 {version.knowledge}",
        "source_url": "https://pypi.org/project/ecofacts/",
        "license": "MIT (the ecofacts package and its knowledge file); quotes remain their publishers'",
        "databases": {database: {"tables": tables}},
    }


# The suffixes Datasette drops from a database file's name to name the database (it uses the stem).
DB_SUFFIXES = (".db", ".sqlite", ".sqlite3")
SQLITE_MAGIC = b"SQLite format 3\x00"


def metadata_path(path: Path) -> Path:
    """`facts.db` (or `.sqlite`, `.sqlite3`, any case) -> `facts.metadata.json`, beside it."""
    stem = path.stem if path.suffix.lower() in DB_SUFFIXES else path.name
    return path.with_name(f"{stem}.metadata.json")


def _same_file(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _head(path: Path, size: int) -> bytes:
    """The first `size` bytes of the regular file `path` (opened without blocking or following a link)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


def _ours(meta: bytes) -> bool:
    """A metadata file an earlier export wrote: JSON whose `source` names ecofacts."""
    try:
        data = json.loads(meta)
    except ValueError:
        return False
    return isinstance(data, dict) and str(data.get("source", "")).startswith("ecofacts ")


def check_targets(path: Path, meta_path: Path, knowledge_path: Path | None, force: bool) -> bytes | None:
    """Refuse (exit 3, nothing written) to export over the knowledge file, over anything that is not a regular
    file (`atomic.existing`: a device, FIFO, socket, symlink or folder), over an existing file that is not an
    SQLite database or a metadata file that an export did not write (unless `force`). Returns the old metadata's
    bytes (to put back should the database then fail to take its place), or None."""
    for target in (path, meta_path):
        if _same_file(target, knowledge_path):
            raise KnowledgeFileError(f"{target}: is the knowledge file being exported; refusing to replace it "
                                     "(nothing written)")
    db_info = atomic.existing(path)
    meta_info = atomic.existing(meta_path)
    if db_info is not None and db_info.st_size and not force:
        try:
            head = _head(path, len(SQLITE_MAGIC))
        except OSError as exc:
            raise KnowledgeFileError(f"{path}: cannot read it before replacing it: {exc.strerror or exc}") from None
        if head != SQLITE_MAGIC:
            raise KnowledgeFileError(f"{path}: exists and is not an SQLite database; refusing to replace it "
                                     "(nothing written; --force replaces it)")
    if meta_info is None:
        return None
    try:
        old = _head(meta_path, MAX_METADATA + 1)
    except OSError as exc:
        raise KnowledgeFileError(f"{meta_path}: cannot read it before replacing it: {exc.strerror or exc}") from None
    if not force and (len(old) > MAX_METADATA or not _ours(old)):
        raise KnowledgeFileError(f"{meta_path}: exists and is not the metadata of an ecofacts export; refusing to "
                                 "replace it (nothing written; --force replaces it)")
    return old if len(old) <= MAX_METADATA else None


MAX_METADATA = 4 * 1024 * 1024


def export(k: Knowledge, path: Path, version: Version, knowledge_path: Path | None = None,
           force: bool = False) -> tuple[Path, dict[str, int]]:
    """The database at `path` and its metadata beside it, written as a pair: both temporary files are made
    first, then the metadata and then the database take their places (should the database fail to, the old
    metadata is put back). Returns the metadata file's path and the row count per table.

    Refused (exit 3, nothing written): see `check_targets`. A write that fails (disk full, permission, name too
    long) is `OutputError` (exit 4) naming the file that failed, with nothing changed."""
    from ecofacts.writer import locked

    path = Path(path)
    meta_path = metadata_path(path)
    if not path.parent.is_dir():
        raise OutputError(f"cannot write {path}: {path.parent} is not a folder; nothing written")
    # Two exports to one PATH at once would otherwise pair one's database with the other's metadata.
    with locked(path):
        return _export_pair(k, path, meta_path, version, knowledge_path, force)


def _export_pair(k: Knowledge, path: Path, meta_path: Path, version: Version, knowledge_path: Path | None,
                 force: bool) -> tuple[Path, dict[str, int]]:
    old_meta = check_targets(path, meta_path, knowledge_path, force)
    current = path
    try:
        database, (tables, counts) = prepare_database(k, path)
        try:
            current = meta_path
            text = json.dumps(metadata(path.stem if path.suffix.lower() in DB_SUFFIXES else path.name, tables,
                                       version), ensure_ascii=False, indent=2) + "\n"
            meta = atomic.prepare(meta_path, lambda tmp: atomic.fill_bytes(tmp, text.encode("utf-8")))
        except BaseException:
            database.discard()
            raise
        try:
            meta.commit()
        except BaseException:
            database.discard()
            raise
        current = path
        try:
            database.commit()
        except BaseException:
            _put_back(meta_path, old_meta)
            raise
    except (OSError, sqlite3.Error) as exc:
        raise OutputError(f"cannot write {current}: {getattr(exc, 'strerror', None) or exc}; nothing written"
                          ) from None
    return meta_path, counts


def _put_back(meta_path: Path, old: bytes | None) -> None:
    """The metadata as it was before a failed export (or none, if there was none): both or neither."""
    with contextlib.suppress(OSError, KnowledgeFileError):
        if old is None:
            os.unlink(meta_path)
        else:
            atomic.write_bytes(meta_path, old)
