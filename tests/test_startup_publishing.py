"""Citing, verifying and publishing cost a lookup nothing: their modules are imported by their commands only."""

from __future__ import annotations

from .conftest import TINY
from .test_startup import modules_imported_by

OURS = {"ecofacts.cite", "ecofacts.export", "ecofacts.verify", "ecofacts.passage", "ecofacts.render.citation",
        "ecofacts.render.passage_table"}


def test_a_lookup_imports_none_of_the_publishing_modules():
    command = ("--data", str(TINY), "stats", "wallonia", "--json")
    modules_imported_by(*command)  # writes the cache
    assert not modules_imported_by(*command) & OURS


def test_cite_imports_what_it_uses():
    modules = modules_imported_by("--data", str(TINY), "cite", "belgium-jobs")
    assert {"ecofacts.cite", "ecofacts.render.citation"} <= modules
    assert not modules & {"ecofacts.export", "ecofacts.verify", "rich.console"}
