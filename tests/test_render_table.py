"""Tables that fit (render/table.py), without the CLI: shipped data, fixed widths, colour off unless said."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from ecofacts import loader, query, rows
from ecofacts.render import table
from ecofacts.render.cells import EMPTY, cell
from ecofacts.render.numbers import with_display

SHIPPED = Path(__file__).resolve().parents[1] / "data" / "facts.toml"
WIDTHS = (60, 80, 120, 200)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Cells whose every word must appear whole; ids must appear whole too.
WHOLE_WORDS = ("id", "name", "subject_name", "label", "title", "region_name", "city_name", "display", "source")


@pytest.fixture(scope="module")
def knowledge():
    return loader.load(SHIPPED, use_cache=False)


def listings(k: Any) -> dict[str, tuple[list[dict[str, Any]], list[str]]]:
    """Every listing the CLI draws, with its default columns (stats as they will be: `display` for `text`)."""
    return {
        "regions": ([rows.named_row(k, r) for r in k.regions], ["id", "name", "kind", "parent_name", "aliases"]),
        "cities": ([rows.city_row(k, c, b) for c, b in query.find_cities(k)],
                   ["name", "region_name", "part_of_name", "near_name", "actor_count", "actors"]),
        "clusters": ([rows.named_row(k, c) for c in k.clusters], ["name", "kind", "region_name", "city_name", "focus"]),
        "actors": (rows.actor_rows(k, query.find_actors(k, city="Liège"), True),
                   ["name", "kind", "city_name", "sectors", "latest_event", "match"]),
        "all actors": (rows.actor_rows(k, query.find_actors(k), False),
                       ["name", "kind", "city_name", "sectors", "latest_event"]),
        "stats": (with_display(rows.stat_rows(k, query.find_stats(k))),
                  ["subject_name", "label", "display", "year", "status", "source"]),
        "sources": ([rows.source_row(k, s) for s in k.sources],
                    ["id", "kind", "title", "publisher", "date", "language", "statistics", "records", "url"]),
        "search": ([{"kind": rows.KIND_WORD[t], "id": r.id, "name": r.name, "matched": a,
                     "excerpt": rows.excerpt(getattr(r, a), "isotope")} for t, r, a in query.search(k, "isotope")],
                   ["kind", "id", "name", "matched", "excerpt"]),
    }


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("listing", ["regions", "cities", "clusters", "actors", "all actors", "stats", "sources",
                                     "search"])
def test_every_listing_fits_and_keeps_every_word_whole(knowledge, listing, width):
    data, columns = listings(knowledge)[listing]
    dropped: list[str] = []
    out = table.render_rows(data, columns, width=width, color=False, dropped=dropped)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    assert columns[0] not in dropped  # the first column of every listing is its most important
    assert set(dropped) < set(columns)
    for row in data:
        for key in columns:
            if key in dropped:
                continue
            text = cell(row.get(key), EMPTY)
            tokens = text.split() if key in WHOLE_WORDS or key not in table.NO_WRAP else [text]
            if key in table.NO_WRAP:
                tokens = text.splitlines()  # kept whole, line by line
            for token in tokens:
                assert any(token in line for line in lines), (listing, width, key, token)
    if width == 200:
        assert dropped == [] or listing == "sources"


def test_a_wide_table_drops_nothing_and_a_narrow_one_the_lowest_priority_first(knowledge):
    data, columns = listings(knowledge)["stats"]
    dropped: list[str] = []
    table.render_rows(data, columns, width=120, color=False, dropped=dropped)
    assert dropped == []
    table.render_rows(data, columns, width=80, color=False, dropped=dropped)
    assert dropped == ["source"]
    dropped = []
    out = table.render_rows(data, columns, width=60, color=False, dropped=dropped)
    assert dropped == ["year", "status", "source"]  # in column order
    assert out.splitlines()[0].split() == ["subject", "label", "value"]


def test_sources_at_80_columns_keep_id_kind_and_title_and_say_what_went(knowledge):
    data, columns = listings(knowledge)["sources"]
    dropped: list[str] = []
    out = table.render_rows(data, columns, width=80, color=False, dropped=dropped)
    assert out.splitlines()[0].split() == ["id", "kind", "title"]
    assert dropped == ["publisher", "date", "language", "statistics", "records", "url"]
    assert table.dropped_notice(dropped, 80) == (
        "note: left out to fit 80 columns: publisher, date, language, statistics, records, url "
        "(widen the terminal, set COLUMNS, or choose columns with --fields)")


def test_urls_are_never_wrapped(knowledge):
    data, _ = listings(knowledge)["sources"]
    urls = [r["url"] for r in data if r.get("url")]
    assert urls
    for width in WIDTHS:
        dropped: list[str] = []
        out = table.render_rows(data, ["id", "url"], width=width, color=False, dropped=dropped)
        if "url" not in dropped:
            assert all(url in out for url in urls)
        else:
            assert not any("http" in line for line in out.splitlines())


def test_small_layout_exactly():
    data = [{"id": "a-long-identifier", "label": "one two three four five six", "year": "2016-2021"},
            {"id": "b", "label": "short", "year": 2022}]
    out = table.render_rows(data, ["id", "label", "year"], width=40, color=False)
    assert out == (
        "id                 label       year\n"
        "a-long-identifier  one two     2016-2021\n"
        "                   three four\n"
        "                   five six\n"
        "b                  short       2022\n"
    )


def test_a_word_longer_than_the_room_drops_the_column_rather_than_split_it():
    data = [{"id": "x", "description": "see https://example.org/a/very/long/path/that/must/stay/clickable"}]
    dropped: list[str] = []
    out = table.render_rows(data, ["id", "description"], width=40, color=False, dropped=dropped)
    assert dropped == ["description"]
    assert out == "id\nx\n"
    dropped = []
    out = table.render_rows(data, ["id", "description"], width=80, color=False, dropped=dropped)
    assert dropped == []
    assert "https://example.org/a/very/long/path/that/must/stay/clickable" in out


def test_the_first_column_stays_even_when_it_is_wider_than_the_width():
    out = table.render_rows([{"id": "x" * 50}], ["id", "name"], width=30, color=False)
    assert "x" * 50 in out


def test_values_are_literal_and_colour_only_when_asked(knowledge):
    data = [{"name": "[red]x[/red] :smile:", "status": "forecast"}, {"name": "y", "status": "measured"}]
    plain = table.render_rows(data, ["name", "status"], width=60, color=False)
    assert "\x1b" not in plain
    assert "[red]x[/red] :smile:" in plain
    coloured = table.render_rows(data, ["name", "status"], width=60, color=True)
    assert "\x1b[33mforecast" in coloured  # projections in yellow
    assert "\x1b[33mmeasured" not in coloured


@pytest.mark.parametrize("width", WIDTHS)
def test_boxed_tables_fit_too(knowledge, width):
    data, columns = listings(knowledge)["stats"]
    out = table.render_rows(data, columns, width=width, color=True)
    assert max(len(ANSI.sub("", line)) for line in out.splitlines()) <= width


def comparison(knowledge: Any) -> dict[str, Any]:
    return rows.comparison_dict(knowledge, query.compare(knowledge, ["belgium", "wallonia"]))


@pytest.mark.parametrize("width", WIDTHS)
def test_comparison_fits_and_says_figures_as_readers_do(knowledge, width):
    doc = comparison(knowledge)
    out = table.render_comparison(doc, width=width, color=False, bars=False)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    assert any("3,800+ jobs [2]" in line for line in lines)
    assert any("€5.7 billion [4]" in line for line in lines)
    assert any("3–5× [2]" in line for line in lines)
    assert not any("nuclear_medicine" in line for line in lines)  # metric ids in words
    for note in doc["footnotes"]:
        for src in (note["source"], note["cited_source"]):
            if src:
                assert any(src["id"] in line for line in lines)


def test_comparison_at_80_columns_exactly(knowledge):
    out = table.render_comparison(comparison(knowledge), width=80, color=False, bars=False)
    assert out.splitlines()[:4] == [
        "Comparison",
        "metric                       Belgium                        Wallonia",
        "nuclear medicine jobs        5,000 jobs [1]                 3,800+ jobs [2]",
        "biotech companies            140+ companies [3]             —",
    ]
    assert "\n[2] Nuclear medicine in Wallonia, Belgium: a competitive and integrated\necosystem powering" in out


def test_comparison_bars_and_projection_colour(knowledge):
    out = table.render_comparison(comparison(knowledge), width=100, color=True, bars=True)
    assert "████████████" in out
    assert "\x1b[33m3–5× [2] forecast" in out


@pytest.mark.parametrize("width", WIDTHS)
def test_show_fits_and_keeps_words_whole(knowledge, width):
    for name in ("wallonia", "wallonia-nuclear-medicine-jobs", "biowin-nuclear-medicine-wallonia", "trasis"):
        rec = query.resolve(knowledge, name, ("regions", "actors", "stats", "sources"))
        doc = rows.show_dict(knowledge, rec)
        dropped: list[str] = []
        out = table.render_record(doc, width=width, color=False, dropped=dropped)
        lines = out.splitlines()
        widest_word = max(len(w) for v in doc["record"].values() for w in cell(v).split())
        assert max(len(line) for line in lines) <= max(width, widest_word + 20)
        for token in cell(doc["record"].get("description") or doc["record"].get("label")).split():
            assert any(token in line for line in lines)
