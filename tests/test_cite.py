"""`ecofacts cite`: every style carries the source, the source it cites, the quote (or, for a reported figure,
the page and its evidence), scope, year, status and the knowledge's version; BibTeX and CSL-JSON are read back
with real parsers."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from ecofacts import __version__
from ecofacts.cite import citation, citations, version_of
from ecofacts.loader import load
from ecofacts.render.citation import SUPPLIED_TITLE, bibtex, bibtex_fields, bibtex_keys, csl_json, render, works

from .conftest import TINY, invoke

# A web source and a figure it reports, and a quote full of what BibTeX and Markdown treat specially.
EXTRA = r'''
[[sources]]
id = "web-page"
kind = "web"
title = "A page & its {braces}"
language = "fr"
description = "A web page."
publisher = "L'Echo"
date = "2024-11"
url = "https://example.org/a?b=1&c=50%"

[[stats]]
id = "odd-quote"
subject = "wallonia"
metric = "odd"
topic = "employment"
label = "50% of R&D_spend {braced} #1 -- a 'x' ''y'' `z` $5 \\ back ~ tilde"
value = 50
unit = "percent"
year = "2010-2020"
status = "forecast"
text = "50%"
quote = "**50%** of R&D_spend #1 -- `z` $5 \\ back ~ tilde"
source = "doc-a"

[[stats]]
id = "reported-figure"
subject = "belgium"
metric = "investment"
topic = "investment"
label = "Trasis invests 70 million euros"
value = 70000000
unit = "EUR"
year = 2024
status = "measured"
text = "70 millions"
evidence = "The page says Trasis invests 70 million euros in a second site."
source = "web-page"

'''


@pytest.fixture
def odd(tmp_path: Path) -> Path:
    path = tmp_path / "facts.toml"
    path.write_text(TINY.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    return path


def entries(path: Path, *ids: str) -> list[dict]:
    return citations(load(path, use_cache=False), list(ids), version_of(path.read_bytes()))


def test_apa_names_the_source_what_it_cites_the_quote_scope_status_and_version():
    result = invoke("--data", str(TINY), "cite", "belgium-jobs")
    assert result.exit_code == 0, result.stderr
    digest = hashlib.sha256(TINY.read_bytes()).hexdigest()[:12]
    out = result.stdout
    assert "Direct and indirect nuclear-medicine jobs in Belgium: 5,000 jobs (Belgium; no year stated; measured)" in out
    assert "Test publisher. (2025). Document A." in out
    assert "Citing: Study X. (n.d.)." in out
    assert "Quote: \u201c5000 direct and indirect jobs\u201d" in out
    assert f"ecofacts {__version__}, knowledge {digest}, statistic belgium-jobs" in out


def reported(odd: Path) -> dict:
    """A figure a web page reports, cited."""
    k = load(odd, use_cache=False)
    return citation(k, k.stat("reported-figure"), version_of(odd.read_bytes()))


@pytest.mark.parametrize(("stat_id", "figure", "printed"), [
    ("gdp-2020-flanders-nbb", "€266.342 billion", "266.342 miljoen euro"),  # not €266 million
    ("biowin-medvia-indirect-jobs-target-2026", "1,200 jobs", "1.200"),
    ("sanofi-geel-employees", "800 employees", "achthonderd"),
])
def test_a_figure_printed_in_another_notation_is_cited_in_english_with_the_print_beside_it(stat_id, figure, printed):
    for style in ("apa", "markdown", "bibtex", "ris", "csl-json"):
        out = invoke("cite", stat_id, "--style", style).stdout
        assert f"{figure} (printed \u201c{printed}\u201d)" in out.replace("\\u201c", "\u201c").replace(
            "\\u201d", "\u201d"), (style, out)


def test_a_figure_printed_as_we_say_it_is_not_repeated():
    out = invoke("cite", "belgium-nuclear-medicine-jobs").stdout
    assert "5,000 jobs (Belgium" in out and "printed" not in out


def test_a_reported_figure_gives_its_page_and_evidence_and_is_never_presented_as_a_quote(odd: Path):
    c = reported(odd)
    assert c["kind"] == "statistic" and c["provenance"] == "reported" and c["quote"] is None
    assert c["url"] == "https://example.org/a?b=1&c=50%" and c["evidence"].startswith("The page says")
    for style in ("apa", "bibtex", "csl-json", "ris", "markdown"):
        out = render([c], style)
        assert "Quote" not in out and "quote =" not in out, style
        assert "example.org" in out and "Trasis invests 70 million euros" in out, style
    md = render([c], "markdown")
    assert "\n>" not in md and "Reported at <https://example.org/a?b=1&c=50%>" in md
    assert "evidence (paraphrase, not a quote): The page says" in md


def test_an_unknown_id_is_an_error_with_suggestions():
    result = invoke("--data", str(TINY), "cite", "belgium-job")
    assert result.exit_code == 1
    assert "did you mean 'belgium-jobs'" in result.stderr


def test_several_ids_give_a_bibliography_one_entry_per_work_each_figure_once(odd: Path):
    out = invoke("--data", str(odd), "cite", "belgium-jobs", "reported-figure", "belgium-jobs", "--style",
                 "ris").stdout
    assert out.count("ER  - ") == 2 and out.count("statistic belgium-jobs") == 1
    assert bibtex_keys([{"id": "a"}, {"id": "a"}, {"id": "a b"}]) == ["a", "a-2", "a-b"]


def test_bibtex_parses_with_bibtexparser_and_gives_every_field_back(odd: Path):
    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware

    cited = [*entries(odd, "belgium-jobs", "odd-quote"), reported(odd), *entries(odd, "atmp-pit-jobs")]
    text = bibtex(cited)
    raw = bibtexparser.parse_string(text)
    decoded = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not raw.failed_blocks and not decoded.failed_blocks
    # belgium-jobs, odd-quote and atmp-pit-jobs are all from Document A: one work, keyed by the first figure
    assert [e.key for e in decoded.entries] == ["belgium-jobs", "reported-figure"]
    for (keys, work), entry, raw_entry in zip(works(cited), decoded.entries, raw.entries, strict=True):
        expected = bibtex_fields(work)
        got = {f.key: f.value for f in entry.fields}
        # the other figures' keys cite the work too (biblatex `ids`)
        assert got.pop("ids", None) == (",".join(keys[1:]) or None)
        assert set(got) == set(expected)
        for key, value in expected.items():
            if key == "url":  # verbatim, not LaTeX: read it raw
                assert raw_entry.fields_dict["url"].value == value
            elif key == "author":  # braced once more: an organisation is one name, not "Given Family"
                assert got[key] in (value, "{" + value + "}")
            else:
                assert got[key] == value, key
    assert "quote" in raw.entries[0].fields_dict and "quote" not in raw.entries[1].fields_dict
    assert "evidence" in raw.entries[1].fields_dict
    note = decoded.entries[0].fields_dict["note"].value
    assert note.count(" | ") == 2 and note.index("5,000 jobs") < note.index("50 %") < note.index("470")


def test_csl_json_renders_a_bibliography_with_citeproc(odd: Path):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    cited = [*entries(odd, "belgium-jobs"), reported(odd), *entries(odd, "atmp-pit-jobs")]
    items = json.loads(csl_json(cited))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bib.bibliography()]
    assert len(rendered) == 2  # belgium-jobs and atmp-pit-jobs are both from Document A: one work (issue 21)
    joined = "\n".join(rendered)
    assert "Test publisher (2025) Document A" in joined
    assert "L'Echo (2024) A page & its {braces}" in joined and "example.org" in joined
    assert items[0]["note"].count("Citing Study X") == 1 and "Quote:" in items[0]["note"]
    assert "Quote:" not in items[1]["note"]


def test_ris_uses_valid_tags_and_ends_each_record_one_per_work(odd: Path):
    out = invoke("--data", str(odd), "cite", "belgium-jobs", "reported-figure", "wallonia-jobs", "--style",
                 "ris").stdout
    records = out.strip().split("\n\n")
    assert len(records) == 2  # belgium-jobs and wallonia-jobs are both from Document A: one work
    assert [r.splitlines()[0] for r in records] == ["TY  - RPRT", "TY  - ELEC"]
    for record in records:
        lines = record.splitlines()
        assert lines[-1].rstrip() == "ER  -"
        assert all(re.fullmatch(r"(TY|ID|AU|A2|TI|PY|DA|PB|UR|LA|N1|ER)  - .*", line) for line in lines[:-1])
    assert out.count("ER  - \n") == 2
    first = records[0]
    assert first.count("TI  - ") == 1 and "ID  - belgium-jobs" in first
    assert first.count("statistic belgium-jobs") == first.count("statistic wallonia-jobs") == 1
    assert "PY  - 2025" in out and "N1  - Quote: \u201c470" not in first


def test_markdown_is_a_readable_line_and_the_quote_a_blockquote(odd: Path):
    out = invoke("--data", str(TINY), "cite", "belgium-jobs", "--style", "markdown").stdout
    line, quote = out.strip().split("\n\n")
    assert line.startswith("**Direct and indirect nuclear-medicine jobs in Belgium: 5,000 jobs** (Belgium;")
    assert "citing *Study X*" in line
    assert quote == "> 5000 direct and indirect jobs"
    odd_md = invoke("--data", str(odd), "cite", "odd-quote", "--style", "markdown").stdout
    assert r"> \*\*50%\*\* of R&D\_spend" in odd_md


def test_no_citation_ends_a_sentence_with_doubled_punctuation():
    """A paraphrase that ends with its own full stop gets no second one (issue 21: "... the same year..")."""
    import re as _re

    from ecofacts.loader import default_path, load

    ids = [s.id for s in load(default_path()).stats]
    for style in ("apa", "bibtex", "csl-json", "ris", "markdown"):
        result = invoke("cite", *ids, "--style", style)
        assert result.exit_code == 0, result.stderr
        assert not _re.search(r"(?<!\.)\.\.(?!\.)", result.stdout), style
        # nor a title cut short (`…`) or a quotation closed after its own full stop (`leader’.”`)
        assert not _re.search(r"…\.|[.!?][\u201d\u2019\"]+\.", result.stdout), style


def test_figures_of_one_source_are_one_work_in_csl_json():
    """Issue 21: `cite belgium-isotope-share-routine wallonia-nuclear-medicine-jobs --style csl-json` is one
    reference for citeproc (not "2025a", "2025b"), each figure's note kept."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    result = invoke("cite", "belgium-isotope-share-routine", "wallonia-nuclear-medicine-jobs", "--style", "csl-json")
    items = json.loads(result.stdout)
    assert len(items) == 1
    assert "1/3" in items[0]["note"] and "3,800+ jobs" in items[0]["note"] and " | " in items[0]["note"]
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bib.register(Citation([CitationItem(items[0]["id"])]))
    [entry] = [str(e) for e in bib.bibliography()]
    assert "2025a" not in entry and "(2025)" in entry


def test_figures_of_one_source_are_one_work_in_bibtex_and_ris():
    """Issue 21: as in CSL-JSON, one entry for the two figures of the BioWin brochure, a note per figure."""
    import bibtexparser

    ids = ("belgium-isotope-share-routine", "wallonia-nuclear-medicine-jobs")
    bib = bibtexparser.parse_string(invoke("cite", *ids, "--style", "bibtex").stdout)
    [entry] = bib.entries
    assert entry.key == ids[0]
    note = entry.fields_dict["note"].value
    assert "1/3" in note and "3,800+ jobs" in note and " | " in note and "33.33" not in note
    ris = invoke("cite", *ids, "--style", "ris").stdout
    assert ris.count("ER  - ") == 1 and ris.count("TI  - ") == 1 and all(f"statistic {i}" in ris for i in ids)


def test_a_title_we_supplied_is_marked_in_every_style():
    """49 sources have no printed title: the words in square brackets are ours, and every style says so; a
    printed title gets no such mark."""
    from ecofacts.cite import title_supplied

    assert title_supplied("[Overview of biotechnology companies and clusters in Belgium]")
    assert title_supplied("[news listing] La biotech liégeoise Mithra Pharmaceuticals en faillite")
    assert not title_supplied("Nuclear medicine in Wallonia, Belgium")
    for style in ("apa", "bibtex", "csl-json", "ris", "markdown"):
        supplied = invoke("cite", "belgium-biotech-companies", "--style", style).stdout
        assert "[Overview of" in supplied and "square brackets" in supplied, style
        printed = invoke("cite", "belgium-nuclear-medicine-jobs", "--style", style).stdout
        assert "square brackets" not in printed, style
    assert SUPPLIED_TITLE in json.loads(invoke("cite", "belgium-biotech-companies", "--style", "csl-json").stdout)[0][
        "note"]


def _pandoc(tmp_path: Path, bibliography: str, suffix: str, report: str) -> str:
    import shutil
    import subprocess

    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed here (.ci/run installs it with apt-get, so CI runs this test)")
    (tmp_path / f"refs.{suffix}").write_text(bibliography, encoding="utf-8")
    (tmp_path / "report.md").write_text(report, encoding="utf-8")
    result = subprocess.run([pandoc, "report.md", "--citeproc", "--bibliography", f"refs.{suffix}", "-t", "plain",
                             "--wrap=none"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "not found" not in result.stderr, result.stderr
    return result.stdout


@pytest.mark.parametrize(("style", "suffix"), [("csl-json", "json"), ("bibtex", "bib")])
def test_pandoc_citeproc_renders_one_reference_per_source(tmp_path: Path, style: str, suffix: str):
    """Issue 21's measure: a Markdown report citing two figures of the BioWin brochure, and a figure of a source
    whose title we supplied, rendered by pandoc --citeproc: two references (one per work), no "2025a"."""
    ids = ["belgium-isotope-share-routine", "wallonia-nuclear-medicine-jobs", "belgium-biotech-companies"]
    result = invoke("cite", *ids, "--style", style)
    assert result.exit_code == 0, result.stderr
    report = ("Belgium routinely produces a third of the world's isotopes [@belgium-isotope-share-routine], and "
              "Wallonia counts 3,800 nuclear-medicine jobs [@belgium-isotope-share-routine]. Belgium has many "
              "biotech companies [@belgium-biotech-companies].\n\n# References\n")
    out = _pandoc(tmp_path, result.stdout, suffix, report)
    text, _, references = out.partition("References")
    entries = [e for e in references.strip().split("\n\n") if e.strip()]
    assert len(entries) == 2, references
    assert "2025a" not in out and "2025b" not in out and "2025)" in text
    assert sum("Wallonia, Belgium" in e for e in entries) == 1
    assert any("[Overview of" in e for e in entries)


def test_pandoc_finds_a_work_cited_by_any_of_its_figures_keys_in_bibtex(tmp_path: Path):
    """A BibTeX work carries its other figures' keys (`ids`): citing the second figure by its own key renders the
    one reference, as citing the first does."""
    result = invoke("cite", "belgium-isotope-share-routine", "wallonia-nuclear-medicine-jobs", "--style", "bibtex")
    assert "ids = {wallonia-nuclear-medicine-jobs}" in result.stdout
    report = ("A third [@belgium-isotope-share-routine]; 3,800 jobs [@wallonia-nuclear-medicine-jobs].\n\n"
              "# References\n")
    out = _pandoc(tmp_path, result.stdout, "bib", report)
    text, _, references = out.partition("References")
    assert len([e for e in references.strip().split("\n\n") if e.strip()]) == 1, references
    assert "???" not in text and text.count("2025") == 2


@pytest.mark.parametrize("style", ["apa", "bibtex", "csl-json", "ris", "markdown"])
def test_a_fraction_stays_a_fraction_in_every_style(style: str):
    """Issue 21: "1/3" is cited as "1/3", never as the 33.33 % it is stored as."""
    out = invoke("cite", "belgium-isotope-share-routine", "--style", style).stdout
    assert re.search(r": 1/3\**\s\(", out) and "33.33" not in out and "33,33" not in out


def test_apa_ends_a_reference_with_its_url_and_says_a_supplied_title_on_a_line_of_its_own():
    lines = invoke("cite", "goods-exports-2022-wallonia-awex", "--style", "apa").stdout.splitlines()
    reference = next(line for line in lines if line.startswith("La Libre Belgique"))
    assert reference.endswith("VZAQXY/")  # the URL ends it (the note ran on after it)
    assert lines[lines.index(reference) + 1] == SUPPLIED_TITLE
