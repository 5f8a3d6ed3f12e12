"""Every key a row can have is declared once, in `ecofacts.row_keys`, and the table renderer, the cells, export
and search read that declaration."""

from __future__ import annotations

import json

from ecofacts import kinds, row_keys, search
from ecofacts.model import NESTED, Record
from ecofacts.render import table
from ecofacts.render.cells import header

from .conftest import invoke, shipped


def _fields(cls: type[Record]) -> set[str]:
    names = set()
    for f in cls.FIELDS:
        names.add(f.name)
        if f.t in NESTED:
            names |= _fields(NESTED[f.t])
    return names


def test_every_key_of_every_kind_and_nested_record_is_declared():
    keys = {key for kind in kinds.KINDS for key in kind.keys}
    keys |= {name for kind in kinds.KINDS for name in _fields(kind.cls)}
    keys |= set(search.COLUMNS)
    assert sorted(keys - set(row_keys.KEYS)) == []


def test_a_new_key_gets_the_defaults_and_the_declaration_is_what_the_readers_use():
    assert row_keys.key("not-a-declared-key") is row_keys.DEFAULT
    assert header("display") == "figure" and header("subject_name") == "subject"
    rows = [{"id": "x" * 30, "label": "a long label of many words " * 3, "language": "fr-BE-extra-long"}]
    dropped: list[str] = []
    out = table.render_rows(rows, ["id", "label", "language"], width=44, color=False, dropped=dropped)
    assert "x" * 30 in out  # the id is whole (declared whole), the label wraps
    assert dropped == ["language"]  # the lowest priority of the three goes first


def test_search_ranks_a_name_above_a_note_by_the_declared_ranks():
    assert row_keys.key("name").searched == row_keys.NAMES
    assert row_keys.key("note").searched == row_keys.OTHER
    assert row_keys.key("url").searched is None  # never searched: a URL is no text
    k = shipped()
    rows = search.search_rows(k, "Liège")
    assert rows[0]["matched"] in {"name", "aliases", "title", "label", "product"}


def test_an_export_describes_a_column_from_the_declaration(tmp_path):
    db = tmp_path / "facts.db"
    result = invoke("export", str(db))
    assert result.exit_code == 0, result.stderr
    meta = json.loads((tmp_path / "facts.metadata.json").read_text(encoding="utf-8"))
    columns = meta["databases"]["facts"]["tables"]["stats"]["columns"]
    assert columns["trust"] == row_keys.key("trust").about
    assert columns["unit"] == row_keys.key("unit").about
