"""`show ID --context`: a quote found in its source text the way `check --sources` proves it, mapped back to the
source's own lines and columns; the source texts shipped in the package, equal to the shared ones."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecofacts import cli
from ecofacts.check import fold_quote
from ecofacts.cli import lookups
from ecofacts.errors import NotFoundError
from ecofacts.loader import load
from ecofacts.passage import context, fold_with_offsets, passage, source_text, sources_dir
from ecofacts.render import Format, Target, render

from .conftest import DATA, SHARED_SOURCES, TINY, shipped
from .conftest import invoke as cli_invoke

SHIPPED = shipped()
DOC_A = (DATA / "doc-a.txt").read_text(encoding="utf-8")


@given(st.text(alphabet="ab *_\\\n\t.-é", max_size=40))
def test_folding_with_offsets_folds_exactly_as_check_does(text: str):
    text = unicodedata.normalize("NFC", text)
    folded, origin = fold_with_offsets(text)
    assert folded == fold_quote(text)
    assert len(origin) == len(folded) and origin == sorted(origin)
    assert all(ch == " " or text[i] == ch for ch, i in zip(folded, origin, strict=True))


def test_a_quote_across_emphasis_and_blank_lines_is_found_with_its_lines_and_columns():
    found = passage(DOC_A, "3800+ direct and indirect jobs", around=1)
    assert found is not None
    assert DOC_A[found.start:found.end] == "3800+**\n\ndirect and indirect jobs"
    assert (found.first_line, found.last_line) == (5, 7)
    assert [line.number for line in found.lines] == [4, 5, 6, 7, 8]
    assert [line.match for line in found.lines] == [None, (2, 9), (0, 0), (0, 24), None]
    assert passage(DOC_A, "not in the text") is None and passage(DOC_A, "") is None


def test_every_shipped_quote_is_found_in_its_shipped_text_and_the_span_folds_to_it():
    for stat in SHIPPED.stats:
        if stat.quote is None:  # a reported figure: the page's text is not held
            continue
        text = source_text(stat.source)
        assert text is not None, stat.source
        found = passage(text, stat.quote)
        assert found is not None, stat.id
        assert fold_quote(text[found.start:found.end]).strip("*") == fold_quote(stat.quote), stat.id
        lines = text.split("\n")
        assert text[found.start] in lines[found.first_line - 1]


def test_source_text_reads_only_shipped_ids():
    assert source_text("biowin-nuclear-medicine-wallonia") is not None
    assert source_text("../facts") is None and source_text("pwc-nuclear-medicine-2025") is None


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason=f"source texts not found at {SHARED_SOURCES}")
def test_the_shipped_source_texts_are_byte_equal_to_the_shared_ones():
    shared = sorted(p.name for p in SHARED_SOURCES.glob("*.txt"))
    assert sorted(p.name for p in sources_dir().glob("*.txt")) == shared
    for name in shared:
        assert (sources_dir() / name).read_bytes() == (SHARED_SOURCES / name).read_bytes(), name


def test_the_table_marks_the_quote_without_colour_and_highlights_it_with_colour():
    k = load(TINY, use_cache=False)
    doc = context(k, k.stat("wallonia-jobs"), 1, text_of=lambda source_id: DOC_A)
    plain = render("passage", Format.table, doc, Target(width=80))
    assert "**»3800+**" in plain and "direct and indirect jobs«" in plain and "lines 5-7" in plain
    coloured = render("passage", Format.table, doc, Target(width=80, color=True))
    assert "»" not in coloured and "\x1b[" in coloured
    assert json.loads(render("passage", Format.json, doc, Target()))["passage"]["first_line"] == 5


def test_nothing_to_show_is_not_found():
    k = load(TINY, use_cache=False)
    with pytest.raises(NotFoundError, match="no text of its source 'doc-a' is shipped"):
        context(k, k.stat("wallonia-jobs"), text_of=lambda source_id: None)
    with pytest.raises(NotFoundError, match="not in the text"):
        context(k, k.stat("wallonia-jobs"), text_of=lambda source_id: "nothing")


def test_the_cli_function_show_context_will_call(capsys):
    cli.state.__init__()
    lookups._context("wallonia-nuclear-medicine-jobs", None, False)
    out = capsys.readouterr().out
    assert "biowin-nuclear-medicine-wallonia.txt" in out and "»3800+" in out
    lookups._context("wallonia-nuclear-medicine-jobs", None, True, around=0)
    doc = json.loads(capsys.readouterr().out)
    assert doc["source"] == "biowin-nuclear-medicine-wallonia"
    assert [line["number"] for line in doc["passage"]["lines"]] == list(range(doc["passage"]["first_line"],
                                                                            doc["passage"]["last_line"] + 1))


# --- issue 21: every quoted record, --lines N, footnotes ---------------------------------------------------------


def test_every_quoted_record_of_every_kind_has_a_context():
    """Statistics, claims, relations, chain links and people's statements: every one quoted from a document whose
    text is shipped has its passage, found by the id `show` prints (a person by name)."""
    from ecofacts.passage import QUOTED_TABLES, quoted_record

    shown: dict[str, int] = {}
    records = [*((s.id, "stats") for s in SHIPPED.stats), *SHIPPED.table_of.items()]
    for rec_id, table in records:
        if table not in QUOTED_TABLES:
            continue
        rec = quoted_record(SHIPPED, rec_id)
        quoted = getattr(rec, "statements", None) or [rec]
        if not all(getattr(q, "quote", None) and source_text(q.source) for q in quoted):
            continue  # reported (a web page's), or a text not shipped
        doc = context(SHIPPED, rec)
        assert all(one["passage"]["first_line"] >= 1 for one in doc.get("passages", [doc])), rec_id
        shown[table] = shown.get(table, 0) + 1
    assert set(shown) == set(QUOTED_TABLES), shown
    linard = quoted_record(SHIPPED, "Sébastien Linard de Guertechin")
    assert linard.id == "sebastien-linard-de-guertechin"


def test_lines_n_widens_or_narrows_the_window_and_goes_only_with_context():
    def numbers(*args: str) -> list[int]:
        result = cli_invoke("show", "wallonia-nuclear-medicine-jobs", "--context", "--json", *args)
        assert result.exit_code == 0, result.stderr
        return [line["number"] for line in json.loads(result.stdout)["passage"]["lines"]]

    assert numbers() == list(range(71, 80))
    assert numbers("--lines", "0") == [74, 75, 76]
    assert numbers("-n", "8") == list(range(66, 85))
    assert cli_invoke("show", "wallonia", "--lines", "5").exit_code == 2
    assert cli_invoke("show", "wallonia-nuclear-medicine-jobs", "--context", "--lines", "-1").exit_code == 2


def test_a_marker_on_the_quote_brings_its_footnote_line():
    """The brochure's "per capita\\*" points to its "\\*" footnote (PwC), "Antwerp\\*\\*" to the next "\\*\\*"
    footnote after it (line 109), not to the earlier BFTA one (line 60)."""
    from ecofacts.passage import quoted_record

    def notes(rec_id: str, around: int = 3) -> list[int]:
        return [n["number"] for n in context(SHIPPED, quoted_record(SHIPPED, rec_id), around)["footnotes"]]

    assert notes("belgium-nuclear-equipment-density") == [58]
    assert notes("belgium-nuclear-equipment-density", 40) == [58]  # also when the window already shows it
    assert notes("antwerp-radioisotope-production") == [109]
    assert notes("wallonia-nuclear-medicine-jobs") == []
    out = cli_invoke("show", "belgium-nuclear-equipment-density", "--context").stdout
    assert "footnote" in out and "PwC, 2025" in out
    text = "A figure of 40%[^2] here.\n\nOther.\n\n[^1]: not this one\n[^2]: Eurostat, 2024\n"
    found = passage(text, "A figure of 40%")
    assert found is not None
    from ecofacts.passage import footnotes

    assert [line.text for line in footnotes(text, found)] == ["[^2]: Eurostat, 2024"]


def test_a_person_shows_one_passage_per_statement():
    result = cli_invoke("show", "geoffrey-pot", "--context", "--json", "--lines", "0")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["kind"] == "passages" and [p["statement"] for p in doc["passages"]] == [1, 2, 3]
    table = cli_invoke("show", "geoffrey-pot", "--context").stdout
    assert "geoffrey-pot (statement 3)" in table


@pytest.mark.parametrize(("name", "says"), [
    ("wallonia", "Wallonia is a region, which quotes nothing"), ("biowin", "BioWin is a cluster, which quotes"),
    ("kickstart-biomanufacturing", "Kickstart Biomanufacturing is an initiative,"),
    ("web-ccimag-mithra-cdmo", "web-ccimag-mithra-cdmo is a source,"),
])
def test_context_of_a_record_that_quotes_nothing_says_so(name, says):
    # it was "no record 'wallonia'; Wallonia is a region", of a record `show` prints; an argument of the wrong kind
    # is a usage error, as `cite wallonia` is
    result = cli_invoke("show", name, "--context")
    assert result.exit_code == 2 and result.stdout == "" and result.stderr.count("\n") == 1
    assert says in result.stderr and f"(ecofacts show {name} shows the record)" in result.stderr
