"""Two honest levels of provenance: a figure is quoted (a document's verbatim quote) or reported (a web page,
our paraphrase as evidence, the page's URL); the loader refuses anything in between."""

from __future__ import annotations

import json

import pytest

from .conftest import TINY, invoke

WEB = '''
[[sources]]
id = "page-p"
kind = "web"
title = "Page P"
language = "en"
description = "A public page."
url = "https://example.org/p"
'''
REPORTED = '''
[[stats]]
id = "flanders-jobs"
subject = "flanders"
metric = "nuclear_medicine_jobs"
topic = "nuclear medicine"
label = "Nuclear-medicine jobs in Flanders"
value = 1200
unit = "jobs"
status = "measured"
text = "1.200"
evidence = "The page puts the Flemish nuclear-medicine workforce at this level."
source = "page-p"
'''


def knowledge_file(tmp_path, *parts: str):
    text = TINY.read_text()
    at = text.index("[[regions]]")
    path = tmp_path / "facts.toml"
    path.write_text(text[:at] + parts[0] + "\n" + text[at:] + "".join(parts[1:]))
    return path


def test_a_reported_figure_says_so_and_carries_no_quote(tmp_path):
    path = knowledge_file(tmp_path, WEB, REPORTED)
    rows = json.loads(invoke("--data", str(path), "stats", "flanders", "--json").stdout)
    assert [(r["provenance"], r["quote"], r["evidence"][:8], r["source"]["url"]) for r in rows] == [
        ("reported", None, "The page", "https://example.org/p")]
    quoted = json.loads(invoke("--data", str(path), "stats", "wallonia", "--json").stdout)
    assert {r["provenance"] for r in quoted} == {"quoted"}


def test_a_reported_figure_is_shown_with_its_page_and_paraphrase_never_as_a_quote(tmp_path):
    path = knowledge_file(tmp_path, WEB, REPORTED)
    out = invoke("--data", str(path), "show", "flanders-jobs", env={"COLUMNS": "100"}).stdout
    assert "provenance" in out and "reported" in out and "https://example.org/p" in out
    assert "quote" not in [line.split()[0] for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize(("change", "problem"), [
    (lambda s: s.replace('evidence = "The page puts', 'quote = "1.200"\nevidence = "The page puts'),
     "stats[3].quote: 'page-p' is a web page whose text we do not hold: a reported record has no quote"),
    (lambda s: s.replace('evidence = "The page puts the Flemish nuclear-medicine workforce at this level."\n', ""),
     "stats[3].evidence: missing: a reported record needs our paraphrase of the page"),
    (lambda s: s.replace('source = "page-p"', 'source = "study-x"'),
     "stats[3].source: 'study-x' is a study source; this needs a document whose text holds the quote, or a web page"),
])
def test_the_loader_refuses_a_figure_between_the_two_levels(tmp_path, change, problem):
    path = knowledge_file(tmp_path, WEB, change(REPORTED))
    result = invoke("--data", str(path), "stats")
    assert result.exit_code == 3
    assert problem in result.stderr
    check = invoke("--data", str(path), "check")
    assert check.exit_code == 1 and problem in check.stdout


def test_a_web_page_without_a_url_cannot_report_a_figure(tmp_path):
    path = knowledge_file(tmp_path, WEB.replace('url = "https://example.org/p"\n', ""), REPORTED)
    assert "stats[3].source: the web source 'page-p' has no url" in invoke("--data", str(path), "check").stdout


def test_a_quoted_figure_needs_its_quote(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text(TINY.read_text().replace('quote = "3800+ direct and indirect jobs"\n', ""))
    result = invoke("--data", str(path), "stats")
    assert result.exit_code == 3
    assert "stats[1].quote: missing: what comes from the document 'doc-a' needs its verbatim quote" in result.stderr
