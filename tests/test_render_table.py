"""Tables that fit (render/table.py), without the CLI: shipped data, fixed widths, colour off unless said."""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest

from ecofacts import kinds, loader, query
from ecofacts.comparison import compare, comparison_dict
from ecofacts.figures import figure_words
from ecofacts.kinds.base import Hit
from ecofacts.render import comparison_table, layout, record_table, table
from ecofacts.render.cells import EMPTY, cell
from ecofacts.row_keys import key as row_key
from ecofacts.search import search_rows
from ecofacts.show import show

from .conftest import TINY, shipped

WIDTHS = (60, 80, 120, 200)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Cells whose every word must appear whole; ids must appear whole too.
WHOLE_WORDS = ("id", "name", "subject_name", "label", "title", "region_name", "city_name", "display", "source")


@pytest.fixture(scope="module")
def knowledge():
    return shipped()


@functools.cache  # made once per knowledge: the tables below only read them
def listings(k: Any) -> dict[str, tuple[list[dict[str, Any]], list[str]]]:
    """Every listing the CLI draws, with its default columns (stats as they will be: `display` for `text`)."""
    def rows_of(table: str, hits: list[Any]) -> list[dict[str, Any]]:
        return [kinds.BY_TABLE[table].row(k, hit) for hit in hits]

    def every(table: str) -> list[Any]:
        return [Hit(r) for r in k.records(table)]

    return {
        "regions": (rows_of("regions", every("regions")), ["id", "name", "kind", "parent_name", "aliases"]),
        "cities": (rows_of("cities", query.find_cities(k)),
                   ["name", "region_name", "part_of_name", "near_name", "actor_count", "actors"]),
        "clusters": (rows_of("clusters", every("clusters")), ["name", "kind", "region_name", "city_name", "focus"]),
        "actors": (rows_of("actors", query.find_actors(k, city="Liège")),
                   ["name", "kind", "city_name", "sectors", "latest_event", "match"]),
        "all actors": (rows_of("actors", query.find_actors(k)),
                       ["name", "kind", "city_name", "sectors", "latest_event"]),
        "stats": (rows_of("stats", query.find_stats(k)),
                  ["subject_name", "label", "display", "year", "status", "source"]),
        "sources": (rows_of("sources", every("sources")),
                    ["id", "kind", "title", "publisher", "date", "language", "statistics", "records", "url"]),
        "search": (search_rows(k, "isotope"), ["id", "kind", "name", "matched", "excerpt"]),
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
    drawn = "\n".join(lines)  # a token (no line end in it) is in a line if and only if it is in the lines joined
    assert columns[0] not in dropped  # the first column of every listing is its most important
    assert set(dropped) < set(columns)
    for row in data:
        for key in columns:
            if key in dropped:
                continue
            text = cell(row.get(key), EMPTY)
            whole = row_key(key).whole
            tokens = text.split() if key in WHOLE_WORDS or not whole else [text]
            if whole:
                tokens = text.splitlines()  # kept whole, line by line
            for token in tokens:
                assert token in drawn, (listing, width, key, token)

@pytest.mark.parametrize("listing", ["regions", "cities", "clusters", "actors", "all actors", "stats", "sources",
                                     "search"])
def test_a_wider_table_is_never_longer(knowledge, listing):
    data, columns = listings(knowledge)[listing]
    heights, dropped_at = [], []
    for width in (80, 100, 120, 160, 200):
        dropped: list[str] = []
        heights.append(len(table.render_rows(data, columns, width=width, color=False, dropped=dropped).splitlines()))
        dropped_at.append(set(dropped))
        assert all(row_key(key).priority < layout.READ for key in dropped) or width < 200 or listing == "search"
    assert heights == sorted(heights, reverse=True), heights
    assert dropped_at[0] >= dropped_at[4], dropped_at  # 200 columns show what 80 show, at least


def test_a_wide_table_drops_nothing_and_a_narrow_one_the_lowest_priority_first(knowledge):
    data, columns = listings(knowledge)["stats"]
    dropped_at: dict[int, list[str]] = {}
    for width in (200, 120, 80, 60):
        dropped_at[width] = []
        table.render_rows(data, columns, width=width, color=False, dropped=dropped_at[width])
    assert dropped_at[200] == ["source"]  # 43-character ids beside the labels would make it longer
    assert set(dropped_at[120]) <= set(dropped_at[80]) <= set(dropped_at[60])  # narrower loses more, never less
    assert "source" in dropped_at[80]  # source ids are up to 43 characters: the lowest priority goes first
    lowest = sorted(columns, key=lambda c: row_key(c).priority)
    assert dropped_at[60] == [c for c in columns if c in lowest[:len(dropped_at[60])]]  # in column order


def test_sources_at_80_columns_give_the_room_to_the_titles_and_say_what_went(knowledge):
    """Beside the ids, the titles take the room; the counts and the kind, squeezed beside them, would make every
    title wrap once more, so they are left out, and the notice says so."""
    data, columns = listings(knowledge)["sources"]
    dropped: list[str] = []
    out = table.render_rows(data, columns, width=80, color=False, dropped=dropped)
    assert out.splitlines()[0].split() == ["id", "title"]
    assert all(any(line.split()[:1] == [row["id"]] for line in out.splitlines()) for row in data)
    assert dropped == ["kind", "publisher", "date", "language", "statistics", "records", "url"]
    assert table.dropped_notice(dropped, 80) == (
        "note: left out to fit 80 columns: kind, publisher, date, language, statistics, records, url "
        "(widen the terminal, set COLUMNS, or choose columns with --fields)")
    # a command without --fields (ask, verify) does not send the reader to it
    assert table.dropped_notice(["source"], 80, fields=False) == (
        "note: left out to fit 80 columns: source (widen the terminal, set COLUMNS, or ask for --json)")


def test_an_id_too_wide_to_stand_beside_the_label_is_folded_under_it(knowledge):
    data, _ = listings(knowledge)["stats"]
    columns = kinds.BY_TABLE["stats"].columns
    assert table.render_rows(data, columns, width=200, color=False).splitlines()[0].split()[:2] == ["id", "subject"]
    narrow = table.render_rows(data, columns, width=80, color=False)
    assert "id" not in narrow.splitlines()[0].split() and "label" in narrow.splitlines()[0].split()
    lines = [line.strip() for line in narrow.splitlines()]
    for row in data:  # each id whole, on a line of its own under its label, so that `show` can follow it
        assert any(row["id"] in line.split() for line in lines), row["id"]


def test_a_subject_with_no_room_of_its_own_leads_its_label(knowledge):
    """All statistics at 80 columns: the longest id makes the label column wide, the subject's column cannot stand
    beside it, so each label starts with its subject ("Wallonia: ..."), and the notice does not call it lost."""
    data, _ = listings(knowledge)["stats"]
    columns = kinds.BY_TABLE["stats"].columns
    dropped: list[str] = []
    narrow = table.render_rows(data, columns, width=80, color=False, dropped=dropped)
    assert "subject" not in narrow.splitlines()[0].split() and "subject_name" not in dropped
    from collections import Counter

    # each row's first line starts with its subject's first word and a colon ("Wallonia:", "Biomanufacturing:")
    leads = Counter(f"{row['subject_name']}:".split()[0] for row in data)
    firsts = Counter(line.split()[0] for line in narrow.splitlines()[1:] if line.strip())
    assert all(firsts[lead] >= n for lead, n in leads.items()), leads - firsts
    wide = table.render_rows(data, columns, width=200, color=False)
    assert "subject" in wide.splitlines()[0].split() and not any(
        line.startswith(f"{row['subject_name']}: ") for row in data for line in wide.splitlines())


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
    return comparison_dict(knowledge, compare(knowledge, ["belgium", "wallonia"]))


@pytest.mark.parametrize("width", WIDTHS)
def test_comparison_fits_and_says_figures_as_readers_do(knowledge, width):
    doc = comparison(knowledge)
    out = comparison_table.render_comparison(doc, width=width, color=False, bars=False)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    text = " ".join(" ".join(lines).split())  # a figure may wrap between its words in a narrow column
    for figure in (r"3,800\+ jobs \[\d+\]", r"€5\.7 billion \[\d+\]", r"50–80 % \[\d+\]"):
        assert re.search(figure, text), figure
    assert not any("nuclear_medicine" in line for line in lines)  # metric ids in words
    for note in doc["footnotes"]:
        for src in (note["source"], note["cited_source"]):
            if src:
                assert any(src["id"] in line for line in lines)


def test_comparison_at_80_columns_exactly():
    tiny = loader.load(TINY, use_cache=False)
    out = comparison_table.render_comparison(comparison(tiny), width=80, color=False, bars=False)
    assert out == """Comparison
metric                 Belgium         Wallonia
nuclear medicine jobs  5,000 jobs [1]  3,800+ jobs [2]

Comparability:
- nuclear medicine jobs: qualified: at least (Wallonia)
- nuclear medicine jobs: Wallonia lies inside Belgium: its figure is part of
Belgium's

Records counted in this knowledge base (not statistics)
records                 Belgium  Wallonia
organisations recorded  2        2
clusters recorded       1        1
initiatives recorded    1        1
cities recorded         4        4

Sources:
[1] Document A (Test publisher, 2025) [doc-a], citing Study X [study-x]
[2] Document A (Test publisher, 2025) [doc-a]
"""


def test_comparison_bars_and_projection_colour(knowledge):
    out = comparison_table.render_comparison(comparison(knowledge), width=100, color=True, bars=True)
    assert "████████████" in out
    forecasts = comparison_dict(knowledge, compare(knowledge, ["wallonia", "europe"]))
    out = comparison_table.render_comparison(forecasts, width=100, color=True, bars=True)
    assert re.search(r"\x1b\[33m€80 billion \[\d+\]", out) and "forecast" in out


@pytest.mark.parametrize("width", WIDTHS)
def test_show_fits_and_keeps_words_whole(knowledge, width):
    for name in ("wallonia", "wallonia-nuclear-medicine-jobs", "biowin-nuclear-medicine-wallonia", "trasis"):
        rec = query.resolve(knowledge, name, ("regions", "actors", "stats", "sources"))
        doc = show(knowledge, rec)
        dropped: list[str] = []
        out = record_table.render_record(doc, width=width, color=False, dropped=dropped)
        lines = out.splitlines()
        widest_word = max(len(w) for v in doc["record"].values() for w in cell(v).split())
        assert max(len(line) for line in lines) <= max(width, widest_word + 20)
        for token in cell(doc["record"].get("description") or doc["record"].get("label")).split():
            assert any(token in line for line in lines)


def test_a_long_text_squeezed_beside_a_wide_id_takes_the_width_with_the_id_under_it():
    rows = [{"label": "The brochure calls Wallonia a global leader in nuclear medicine, pointing to its integrated "
                      "value chain and its close ties with key Flemish partners.",
             "id": "wallonia-nuclear-medicine-millions-of-patients"}]
    out = table.render_rows(rows, ["label", "id"], width=80, color=False, dropped=[])
    lines = [line.strip("│ ") for line in out.splitlines()]
    assert "wallonia-nuclear-medicine-millions-of-patients" in lines  # on a line of its own
    assert any(line.startswith("The brochure calls Wallonia a global leader in nuclear medicine") for line in lines)


def test_a_short_figure_is_kept_whole_while_the_label_wraps():
    rows = [{"label": "Belgium: R&D spending in Belgium (as given by PharmaBoardroom) in a long label", "display":
             "€5.5 billion", "year": 2021, "id": "biopharma-rd-2021-belgium-pbr"}]
    out = table.render_rows(rows, ["label", "display", "year", "id"], width=60, color=False, dropped=[])
    assert "€5.5 billion" in out  # on one line


@pytest.mark.parametrize("width", WIDTHS)
def test_a_value_with_a_word_wider_than_the_grid_leaves_it_whole_on_a_line_under_it(knowledge, width):
    rec = query.resolve(knowledge, "web-wallstreet-online-bone-truebone3d", ("sources",))
    out = record_table.render_record(show(knowledge, rec), width=width, color=True)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines()
    boxed = [line for line in plain if line[:1] in "╭│╰├"]
    assert boxed and max(layout.cell_len(line) for line in boxed) <= width  # every line of every table fits
    assert f"url: {rec.url}" in plain  # the URL whole, on its own line, right under the grid
    assert plain.index(f"url: {rec.url}") == next(i for i, line in enumerate(plain) if line.startswith("╰")) + 1


def test_a_year_left_out_goes_under_its_figure(knowledge):
    # every statistic at 80 columns, as `ecofacts stats` draws them: the 59-character id under the labels leaves no
    # room for a year column, which was left out, every figure drawn without its year
    data = listings(knowledge)["stats"][0]
    columns = kinds.BY_TABLE["stats"].columns
    dropped: list[str] = []
    out = table.render_rows(data, columns, width=80, color=False, dropped=dropped)
    assert "year" not in dropped and max(len(line) for line in out.splitlines()) <= 80
    heading = out.splitlines()[:2]
    assert "figure" in heading[0].split() and "year" not in heading[0].split() and heading[1].split() == ["year"]
    for row in data:  # each row's year on a line of its own under its figure
        assert str(row["year"] if row["year"] is not None else EMPTY) in out
    wide: list[str] = []
    assert "year" in table.render_rows(data, columns, width=200, color=False, dropped=wide).splitlines()[0].split()


@pytest.mark.parametrize("width", [80, 100, 120])
def test_a_figure_parts_its_number_from_its_scale_only_where_it_cannot_stand_whole(knowledge, width):
    # one figure longer than 20 characters made every figure wrap between words: `€355` over `million`
    data = listings(knowledge)["stats"][0]
    out = table.render_rows(data, kinds.BY_TABLE["stats"].columns, width=width, color=False)
    pieces = {piece for row in data for piece in figure_words(row["display"]) if " " in piece}
    assert "€355 million" in pieces
    for piece in pieces:
        assert piece in out or len(piece) > 12, (width, piece)


def test_figure_words_keep_the_number_with_its_scale_and_symbol():
    assert figure_words("almost €5.7 billion per year") == ["almost", "€5.7 billion", "per", "year"]
    assert figure_words("3.4 % of GDP") == ["3.4 %", "of", "GDP"]
    assert figure_words("3,800+ jobs") == ["3,800+", "jobs"]


def test_a_relation_keeps_its_kind_at_80_columns(knowledge):
    # `Wallonia │ Flanders │ + │ —` (boxed, on a terminal): the kind of the relation was left out before its trust
    # mark and its year
    rows = [kinds.BY_TABLE["relations"].row(knowledge, Hit(r)) for r in knowledge.records("relations")]
    dropped: list[str] = []
    table.render_rows(rows, kinds.BY_TABLE["relations"].columns, width=80, color=True, dropped=dropped)
    assert "kind" not in dropped
