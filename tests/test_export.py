"""`ecofacts export`: an SQLite database with one table per record kind, foreign keys, full-text indexes and a
Datasette metadata file, written atomically, and served by Datasette itself."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ecofacts import kinds
from ecofacts.loader import default_path

from .conftest import TINY, invoke


def export(data: Path, out: Path) -> Path:
    result = invoke("--data", str(data), "export", str(out))
    assert result.exit_code == 0, result.stderr
    assert f"wrote {out}" in result.stderr
    return out.with_name(out.stem + ".metadata.json")


def json_count(data: Path, command: str) -> int:
    return len(json.loads(invoke("--data", str(data), command, "--json").stdout))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("export") / "facts.db"
    return out, export(default_path(), out)


def test_one_table_per_kind_its_columns_the_json_keys_and_the_rows_of_each_listing(shipped):
    db_path, _ = shipped
    db = sqlite3.connect(db_path)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(kinds.TABLES) <= tables
    for kind in kinds.KINDS:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({kind.table})")]
        assert columns == kind.keys
        count = db.execute(f"SELECT count(*) FROM {kind.table}").fetchone()[0]
        if kind.summary or kind.table in ("stats", "sources", "actors", "cities"):
            assert count == json_count(default_path(), kind.table), kind.table
    pk = [row[1] for row in db.execute("PRAGMA table_info(stats)") if row[5]]
    assert pk == ["id"]


def test_types_years_references_and_foreign_keys(shipped):
    db = sqlite3.connect(shipped[0])
    types = {row[1]: row[2] for row in db.execute("PRAGMA table_info(stats)")}
    assert (types["value"], types["year"], types["year_start"], types["label"]) == ("NUMERIC", "TEXT", "INTEGER",
                                                                                    "TEXT")
    # a whole figure stays an integer (Datasette shows 355000000, not 355000000.0), a fraction a real
    assert db.execute("SELECT typeof(value), value FROM stats WHERE id = ?",
                      ("belgium-nuclear-medicine-jobs",)).fetchone() == ("integer", 5000)
    assert db.execute("SELECT typeof(value) FROM stats WHERE id = ?",
                      ("rd-intensity-2021-wallonia-vlaanderen",)).fetchone() == ("real",)
    assert db.execute("SELECT year, year_start, year_end FROM stats WHERE id = ?",
                      ("belgium-biotech-biopharma-job-growth-2010-2020",)).fetchone() == ("2010-2020", 2010, 2020)
    source, cited, related = db.execute("SELECT source, cited_source, related FROM stats WHERE id = ?",
                                        ("belgium-nuclear-medicine-jobs",)).fetchone()
    assert (source, cited) == ("biowin-nuclear-medicine-wallonia", "bfta-belgian-nuclear-medicine-2024")
    assert isinstance(json.loads(related), list)
    keys = {(row[3], row[2]) for row in db.execute("PRAGMA foreign_key_list(stats)")}
    assert keys == {("source", "sources"), ("cited_source", "sources")}  # subject may name several tables: none
    assert ("region", "regions") in {(row[3], row[2]) for row in db.execute("PRAGMA foreign_key_list(actors)")}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_full_text_search_per_table(shipped):
    db = sqlite3.connect(shipped[0])
    found = {row[0] for row in db.execute(
        "SELECT id FROM stats WHERE rowid IN (SELECT rowid FROM stats_fts WHERE stats_fts MATCH 'isotope')")}
    assert "belgium-isotope-share-peak" in found
    assert db.execute("SELECT count(*) FROM actors_fts WHERE actors_fts MATCH 'liege'").fetchone()[0] > 0


def test_the_metadata_describes_tables_and_columns_and_says_which_references_have_no_key(shipped):
    meta = json.loads(shipped[1].read_text(encoding="utf-8"))
    assert {"title", "description", "source", "license"} <= set(meta)
    tables = meta["databases"]["facts"]["tables"]
    assert set(tables) == set(kinds.TABLES)
    assert "subject: an id in any of" in tables["stats"]["description"]
    assert "unit" in tables["stats"]["columns"]["value"] and tables["stats"]["fts_table"] == "stats_fts"


def test_a_failed_export_leaves_the_old_database_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    out = tmp_path / "facts.db"
    export(TINY, out)
    before = out.read_bytes()
    stat = kinds.BY_TABLE["stats"]

    def broken(k: Any, hit: Any) -> dict[str, Any]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(stat, "row", broken)
    with pytest.raises(RuntimeError):
        _raise(TINY, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.db", "facts.metadata.json"]


def _raise(data: Path, out: Path) -> None:
    from ecofacts.cite import version_of
    from ecofacts.export import export as write
    from ecofacts.loader import load

    write(load(data, use_cache=False), out, version_of(data.read_bytes()))


def test_datasette_serves_it_tables_counts_a_facet_and_a_search(shipped):
    from datasette.app import Datasette

    db_path, meta_path = shipped
    ds = Datasette([str(db_path)], metadata=json.loads(meta_path.read_text(encoding="utf-8")))

    async def ask() -> dict[str, Any]:
        answers = {}
        for name, url in {
            "database": "/facts.json",
            "stats": "/facts/stats.json?_shape=array&_size=max",
            "facet": "/facts/stats.json?_facet=subject",
            "trust": "/facts/stats.json?_facet=trust&_size=0",
            "search": "/facts/stats.json?_search=isotope&_shape=array&_size=max",
            "emplois": "/facts/stats.json?_search=emplois&_shape=array&_size=max",
            "liege": "/facts/actors.json?_search=liege&_shape=array&_size=max",
            "meta": "/-/metadata.json",
        }.items():
            response = await ds.client.get(url)
            assert response.status_code == 200, (url, response.text[:500])
            answers[name] = response.json()
        page = await ds.client.get("/facts/stats?_facet=trust")  # the page people browse
        assert page.status_code == 200 and "corroborated" in page.text and "What the figure says" in page.text
        answers["page"] = page.text
        return answers

    answers = asyncio.run(ask())
    tables = {t["name"]: t for t in answers["database"]["tables"]}
    assert set(kinds.TABLES) <= set(tables)
    assert tables["stats"]["count"] == len(answers["stats"]) == json_count(default_path(), "stats")
    facet = answers["facet"]["facet_results"]
    facet = facet.get("results", facet)  # Datasette 1.0 nests the facets one level deeper
    counts = {item["value"]: item["count"] for item in facet["subject"]["results"]}
    assert counts["wallonia"] == sum(1 for s in answers["stats"] if s["subject"] == "wallonia")
    assert "belgium-isotope-share-peak" in {row["id"] for row in answers["search"]}
    trust = answers["trust"]["facet_results"]
    trust = trust.get("results", trust)
    levels = {item["value"]: item["count"] for item in trust["trust"]["results"]}
    assert set(levels) <= {"corroborated", "single", "disputed", "unverified"} and sum(levels.values()) == len(
        answers["stats"])
    # the search box finds what `ecofacts search` finds: the same folded texts, widened to the same spellings
    for word, name in (("isotope", "search"), ("emplois", "emplois")):
        found = [row for row in json.loads(invoke("search", word, "--json").stdout) if not row["partial"]]
        statistics = {row["id"] for row in found if row["kind"] == "statistic"}
        assert statistics and statistics <= {row["id"] for row in answers[name]}, word
    organisations = {row["id"] for row in json.loads(invoke("search", "Liège", "--json").stdout)
                     if row["kind"] == "actor" and not row["partial"]}
    assert organisations and organisations <= {row["id"] for row in answers["liege"]}
    assert answers["meta"]["title"].startswith("ecofacts")


def test_a_path_that_cannot_be_written_is_exit_4_and_a_folder_is_refused(tmp_path: Path):
    result = invoke("--data", str(TINY), "export", str(tmp_path / "missing" / "facts.db"))
    assert result.exit_code == 4 and "cannot write" in result.stderr
    result = invoke("--data", str(TINY), "export", str(tmp_path))
    assert result.exit_code == 3 and "is a directory" in result.stderr


def test_each_status_column_is_described_by_its_own_choices(shipped):
    meta = json.loads(shipped[1].read_text())
    tables = meta["databases"][next(iter(meta["databases"]))]["tables"]
    assert "acquired" in tables["actors"]["columns"]["status"]
    assert "measured" in tables["stats"]["columns"]["status"]
