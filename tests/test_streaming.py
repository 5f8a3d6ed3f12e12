"""The streaming JSON and JSON Lines writers give the very text of the whole-document ones."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecofacts.render import json_format

from .conftest import TINY, invoke

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                    | st.text(), lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=10)


@given(st.lists(JSON, max_size=5), st.booleans())
def test_chunks_are_the_text_of_the_whole_document(rows: list[Any], ascii_only: bool):
    assert "".join(json_format.chunks(iter(rows), ascii_only)) == json_format.render(rows, ascii_only)
    assert "".join(json_format.line_chunks(iter(rows), ascii_only)) == json_format.render_lines(rows, ascii_only)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_chunks_of_the_rows_of_a_listing_are_what_the_listing_prints(fmt: str):
    out = invoke("--data", str(TINY), "stats", "--format", fmt).stdout
    rows = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
    write = json_format.chunks if fmt == "json" else json_format.line_chunks
    assert "".join(write(row for row in rows)) == out


@given(st.lists(JSON.map(lambda v: tuple(v) if isinstance(v, list) else v), max_size=5), st.booleans())
def test_tuples_are_written_as_lists_as_json_does(rows: list[Any], ascii_only: bool):
    assert "".join(json_format.chunks(iter(rows), ascii_only)) == json_format.render(rows, ascii_only)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), {"x": [float("-inf")]}])
def test_a_number_json_cannot_hold_is_refused_as_json_refuses_it(bad: Any):
    with pytest.raises(ValueError):
        "".join(json_format.chunks(iter([bad])))
    with pytest.raises(ValueError):
        json_format.render([bad])
