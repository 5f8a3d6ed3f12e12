"""`verify` reads a long draft by part (from one heading line to the next, each distinct part once) and writes
its report once per distinct part (`render.blocks`): the same findings as reading every line afresh, and the
same bytes as writing every row, in every format."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecofacts import verify as verify_module
from ecofacts.cli.terminal import Terminal
from ecofacts.errors import UsageError
from ecofacts.inputs import utf8
from ecofacts.render import json_format, pipe_table
from ecofacts.render.blocks import Blocks, chunked
from ecofacts.verify import (
    COLUMNS,
    Finding,
    Verifier,
    contradicts,
    draft_parts,
    summary,
    table_rows,
    unchecked,
    verify,
    verify_parts,
)

from .conftest import BIN, DATA, SHIPPED, invoke, process_env, shipped

K = shipped()
VERIFIER = Verifier(K)
PIPE = {"COLUMNS": None}  # CliRunner's stdout is no terminal: a table in a pipe
FIGURE = "The cluster has 260 members."  # BioWin's figure: its verdict and reason depend on the context


def afresh(text: str) -> list[Finding]:
    """The findings of `text` with every line read on its own: the draft one part, no line kept."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(verify_module, "_KEPT_LINES", 0)
        patch.setattr(verify_module, "_cuts", lambda draft: [0, len(draft)])
        return verify(K, text, VERIFIER)


# The same lines under other headings and after other sentences of their paragraph, parts said again, lines
# that look like headings and are none ("#hashtag", seven #, "#" inside a line), headings after spaces.
CONTEXTS = (f"Wallonia leads.\n{FIGURE}\n\nGalapagos leads. {FIGURE}\n\n"
            f"# BioWin\n\n{FIGURE}\n\n## Galapagos\n{FIGURE}\nWallonia leads. {FIGURE}\n\n"
            f"   # BioWin\n#hashtag {FIGURE}\n####### {FIGURE}\nBrussels leads. # {FIGURE}\n\n"
            f"\u00a0## Wallonia\n\nThe cluster has 260 members and Wallonia has 262 municipalities.\n")


def test_a_part_met_again_gives_the_findings_of_its_lines_read_afresh():
    text = CONTEXTS * 3 + "# BioWin\n" + CONTEXTS
    parts = draft_parts(text)
    assert len(parts) > 4 and len({id(part) for _, part in parts}) < len(parts)  # parts said again, held once
    found = verify(K, text, VERIFIER)
    assert found == afresh(text)
    # the same line, with other verdicts or reasons as its context changes
    assert len({(f.verdict, f.statistic, f.reason) for f in found if f.text == "260"}) > 1


POOL = ["# BioWin", "## Galapagos", "# Wallonia", "  # Brussels", "#hashtag 3,800 jobs", "####### 262 things",
        "", "", " ", FIGURE, "Wallonia has 262 municipalities.", "It employs 3,800 people.",
        "Galapagos employed 1,300 people in 2022.", "Wallonia leads.", "BioWin is a cluster.",
        f"Galapagos leads. {FIGURE}", "Brussels' GDP per inhabitant was €47,068 in 2021.", "Belgium: 1 in 3 firms."]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(POOL), max_size=25), st.integers(1, 3), st.sampled_from(["\n", "\r\n"]),
       st.booleans())
def test_any_draft_of_repeated_lines_gives_the_findings_of_its_lines_read_afresh(lines, times, end, final):
    text = (end.join(lines) + (end if final else "")) * times
    assert verify(K, text, VERIFIER) == afresh(text)
    assert draft_parts(text.encode()) == draft_parts(text)  # bytes are cut as the text is


def test_a_draft_is_cut_at_its_heading_lines_with_its_line_numbers():
    text = "intro\n\n# One\na\n  # Two\nb\n#no\n# One\na\n"
    assert draft_parts(text) == [(0, "intro\n\n"), (2, "# One\na\n"), (4, "  # Two\nb\n#no\n"), (7, "# One\na\n")]
    assert draft_parts("") == [(0, "")]
    assert draft_parts("# One") == [(0, "# One")]
    # a line end that is not "\n" (a carriage return, a line separator, a form feed): one part, as it was
    for end in ("\r", "\u2028", "\x0c", "\x85"):
        odd = f"# One\na{end}b\n# Two\nc\n"
        assert draft_parts(odd) == draft_parts(odd.encode()) == [(0, odd)]


def test_bytes_are_decoded_as_utf8_reads_them():
    text = "# Liège\n\nWallonia has 262 municipalities.\n" * 3
    assert draft_parts("\ufeff".encode() + text.encode()) == draft_parts(text)  # a byte-order mark dropped
    assert draft_parts("\ufeff" + text)[0][1].startswith("\ufeff")  # text is read as it is given
    good = text.encode()
    for bad in (b"\xff" + good, good + b"# Two\n\xc3\n" + good, (good + b"# Two\nx \xe2\x80 y\n") * 3,
                good + b"# Tw\xffo\nz\n", good + b"# X\n\xed\xa0\x80\n"):
        with pytest.raises(UsageError) as raised:
            draft_parts(bad, "draft.md")
        with pytest.raises(UsageError) as expected:
            utf8(bad, "draft.md")
        assert str(raised.value) == str(expected.value)  # the first bad byte, its offset and line


def test_the_counts_of_the_parts_are_those_of_the_findings():
    text = CONTEXTS * 4 + "Belgium's GDP per inhabitant was €43,480 in 2021.\n"
    found = verify_parts(K, draft_parts(text), VERIFIER)
    plain = found.findings()
    assert list(found) == plain and len(found) == len(plain) and bool(found)
    assert summary(found) == summary(plain)
    assert (contradicts(found), unchecked(found)) == (contradicts(plain), unchecked(plain))
    assert not verify_parts(K, draft_parts("no figures\n# here\n"), VERIFIER)


# --- the report: each distinct part's rows written once ------------------------------------------------------

def repeated_findings() -> verify_module.Findings:
    drafts = sorted((DATA / "drafts" / "tuning").glob("*.md"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in drafts) * 3
    return verify_parts(K, draft_parts(text), VERIFIER)


def test_the_report_of_repeated_parts_is_byte_for_byte_that_of_every_row():
    found = repeated_findings()
    plain = found.findings()
    table = Blocks("line", found.rows(table=True))
    assert b"".join(pipe_table.render_blocks(table, COLUMNS)) == pipe_table.render(
        table_rows(plain), COLUMNS, show_header=False).encode()
    rows = Blocks("line", found.rows(table=False))
    as_dicts = [f.as_dict() for f in plain]
    for ascii_only in (False, True):
        assert "".join(json_format.block_chunks(rows, ascii_only)) == json_format.render(as_dicts, ascii_only)
        assert "".join(json_format.block_line_chunks(rows, ascii_only)) == json_format.render_lines(
            as_dicts, ascii_only)
    assert list(rows) == as_dicts


ODD_ROWS = [{"text": "3.65% of GDP, 100%% sure %d %s", "n": 1, "at": None},
            {"text": "Liège — €5.7 bn", "n": 2, "at": {"a": [1, 2.5], "b": None, "c": True}},
            {"text": "", "n": 0, "at": ""}]


@pytest.mark.parametrize("key", ["n", "at", "text"])
def test_any_blocks_write_what_their_rows_write(key):
    """A key first, in the middle or last (whose padding the line's end strips), text holding `%`, no text."""
    rows = [{k: (i if k == key else v) for k, v in row.items()} for i, row in enumerate(ODD_ROWS)]
    block = rows[:2]
    data = Blocks(key, [(0, block), (7, []), (120, block), (-5, rows), (99_995, block)])
    whole = list(data)
    assert [row[key] for row in whole] == [0, 1, 120, 121, -5, -4, -3, 99_995, 99_996]
    keys = list(ODD_ROWS[0])
    assert b"".join(pipe_table.render_blocks(data, keys)) == pipe_table.render(whole, keys,
                                                                               show_header=False).encode()
    for ascii_only in (False, True):
        assert "".join(json_format.block_chunks(data, ascii_only)) == json_format.render(whole, ascii_only)
        assert "".join(json_format.block_line_chunks(data, ascii_only)) == json_format.render_lines(whole,
                                                                                                   ascii_only)
    empty = Blocks(key, [(0, []), (3, [])])
    assert b"".join(pipe_table.render_blocks(empty, keys)) == b"\n"  # as `render` draws no rows
    assert "".join(json_format.block_chunks(empty)) == "[]\n" and "".join(json_format.block_line_chunks(empty)) == ""
    # a key that is no integer: the rows written one by one
    loose = Blocks(key, [(0, [{**rows[0], key: True}])])
    assert "".join(json_format.block_chunks(loose)) == json_format.render(list(loose))


def test_chunks_are_whole_texts_of_about_the_size_asked():
    texts = [f"{i}" * 30 + "\n" for i in range(100)]
    chunks = list(chunked(texts, size=100))
    assert "".join(chunks) == "".join(texts) and all(100 <= len(c) < 131 for c in chunks[:-1])
    assert list(chunked([b"ab", b"c"], size=1 << 20)) == [b"abc"] and list(chunked([])) == []


# --- the command -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_the_command_writes_the_report_of_every_row(tmp_path: Path, fmt: str):
    drafts = sorted((DATA / "drafts" / "tuning").glob("*.md"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in drafts) * 2
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    plain = verify(K, text, VERIFIER)
    result = invoke("--data", str(SHIPPED), "verify", str(draft), "--format", fmt, env=PIPE)
    assert result.exit_code == (1 if contradicts(plain) else 0)
    assert result.stderr == summary(plain) + "\n"
    if fmt == "table":
        assert result.stdout == pipe_table.render(table_rows(plain), COLUMNS, show_header=False)
    elif fmt == "json":
        assert result.stdout == json_format.render([f.as_dict() for f in plain])
    elif fmt == "jsonl":
        assert result.stdout == json_format.render_lines([f.as_dict() for f in plain])
    else:
        assert result.stdout.count("\n") == len(plain) + 1  # a header and a row each


def test_utf8_is_written_as_text_where_stdout_is_not_utf8():
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="latin-1", errors="backslashreplace", write_through=True)
    Terminal(out, io.StringIO(), None).emit_utf8(["Liège — 5 €\n".encode(), b"ok\n"])
    assert raw.getvalue() == "Liège \\u2014 5 \\u20ac\nok\n".encode("latin-1")


@pytest.mark.slow
def test_a_long_report_into_a_reader_that_goes_away_stops_quietly(tmp_path: Path):
    """Written a megabyte at a time, the table of a long draft meets the closed pipe and stops: exit 0, nothing
    on stderr (docs/reference.md), whatever its verdicts."""
    drafts = sorted((DATA / "drafts" / "tuning").glob("*.md"))
    draft = tmp_path / "long.md"
    draft.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in drafts) * 250, encoding="utf-8")
    result = subprocess.run(["bash", "-c", f"'{BIN}' --data '{SHIPPED}' verify '{draft}' | head -1; "
                             "exit ${PIPESTATUS[0]}"], capture_output=True, env=process_env(COLUMNS=""), timeout=60)
    assert (result.returncode, result.stderr, result.stdout.count(b"\n")) == (0, b"", 1)
