"""Issue 15, writes (reliability rows 24, 25, 34): the lock, comments, hard links, metadata, stale temp files."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ecofacts import writer
from ecofacts.errors import KnowledgeFileError
from ecofacts.writer import comment_lines, has_hidden_comment

from .conftest import TINY, invoke, process_env

ENV = process_env()
for _name in ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "NO_COLOR", "ECOFACTS_DATA"):
    ENV.pop(_name, None)

CITY = ["name=Namur", "region=wallonia", "description=A city", "sources=doc-a"]


def ecofacts(*args: str, **kwargs) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "ecofacts", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=ENV, **kwargs)


def city_ids(path: Path) -> list[str]:
    return [c["id"] for c in tomllib.loads(path.read_text()).get("cities", [])]


def leftovers(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n != "facts.toml")


# --- row 24: several writers at once -------------------------------------------------------------------------


@pytest.mark.slow
def test_parallel_adds_lose_no_record(tiny):
    """8 parallel `add` × 10 trials: every run that exits 0 has its record in the file (and with the lock, all do)."""
    for trial in range(10):
        shutil.copy(TINY, tiny)
        procs = {f"c{trial}x{n}": ecofacts("--data", str(tiny), "add", "city", f"id=c{trial}x{n}", *CITY)
                 for n in range(8)}
        codes = {rec_id: (p.wait(60), p.stderr.read()) for rec_id, p in procs.items()}  # type: ignore[union-attr]
        ids = city_ids(tiny)
        for rec_id, (code, err) in codes.items():
            assert code == 0, err
            assert rec_id in ids
        assert leftovers(tiny.parent) == []


def test_fmt_racing_add_loses_nothing(tiny):
    for trial in range(5):
        shutil.copy(TINY, tiny)
        procs = [ecofacts("--data", str(tiny), "add", "city", f"id=r{trial}", *CITY),
                 ecofacts("--data", str(tiny), "fmt"),
                 ecofacts("--data", str(tiny), "add", "city", f"id=s{trial}", *CITY)]
        codes = [p.wait(60) for p in procs]
        assert codes == [0, 0, 0], [p.stderr.read() for p in procs]  # type: ignore[union-attr]
        assert {f"r{trial}", f"s{trial}"} <= set(city_ids(tiny))
        assert leftovers(tiny.parent) == []


def test_a_writer_waits_a_bounded_time_for_the_lock_then_refuses(tiny, monkeypatch):
    before = tiny.read_bytes()
    monkeypatch.setattr(writer, "LOCK_TIMEOUT", 0.3)
    with writer.locked(tiny):
        start = time.monotonic()
        result = invoke("--data", str(tiny), "add", "city", "id=namur", *CITY)
        assert time.monotonic() - start < 5
    assert result.exit_code == 3
    assert "another ecofacts is writing this file" in result.stderr
    assert result.stderr.count("\n") == 1
    assert tiny.read_bytes() == before
    assert leftovers(tiny.parent) == []


def test_lock_file_removed_by_another_writer_is_locked_again(tiny):
    with writer.locked(tiny):
        assert writer.lock_path(tiny).exists()
    assert not writer.lock_path(tiny).exists()


# --- row 23: comments the scanner once missed, and its backstop ------------------------------------------------


@pytest.mark.parametrize("text", [
    'a = """a"""" # c\n',
    "a = '''x'''' # c\n",
    'a = """a""""" # c "\n',
    "a = '''x''''' # c '\n",
    'a = """x\\\n  y""" # c\n',
    'a = "\\"" # c "\n',
])
def test_comments_after_strings_ending_in_quotes_are_found(text):
    tomllib.loads(text)
    assert comment_lines(text) == [text.count("\n", 0, text.index("# c")) + 1]


def test_fmt_refuses_a_comment_after_a_string_ending_in_four_quotes(tiny):
    tiny.write_text(tiny.read_text().replace('description = "The country."',
                                             'description = """The "country""""  # keep me "', 1))
    before = tiny.read_bytes()
    result = invoke("--data", str(tiny), "fmt")
    assert result.exit_code == 3
    assert "the file has comments" in result.stderr
    assert tiny.read_bytes() == before


def test_backstop_counts_hashes_in_strings():
    assert not has_hidden_comment('a = "#"\n', {"a": "#"})
    assert not has_hidden_comment('a = "\\u0023"\n', {"a": "#"})
    assert has_hidden_comment('a = "x" # c\n', {"a": "x"})


def test_a_comment_the_scanner_misses_is_still_refused(tiny, monkeypatch):
    tiny.write_text(tiny.read_text().replace('description = "The country."', 'description = "x" # hidden', 1))
    before = tiny.read_bytes()
    monkeypatch.setattr(writer, "comment_lines", lambda text: [])
    result = invoke("--data", str(tiny), "fmt")
    assert result.exit_code == 3
    assert "cannot be sure the file has no comments" in result.stderr
    assert tiny.read_bytes() == before


_CONTENT = st.lists(st.sampled_from(['a', '#', ' ', '"', "'", "\n", "\\\\", '\\"', "é"]), max_size=12).map("".join)


@st.composite
def toml_string(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["basic", "literal", "ml-basic", "ml-literal"]))
    body = draw(_CONTENT)
    tail = draw(st.sampled_from(["", "", '"', '""', "'", "''"]))
    if kind == "basic":
        body = body.replace("\n", "").replace('"', "").replace("\\", "")
        return '"' + body + '"'
    if kind == "literal":
        return "'" + body.replace("\n", "").replace("'", "").replace("\\", "") + "'"
    if kind == "ml-basic":
        body = body.replace("'", "") + tail.replace("'", "")
        if '"""' in body:
            body = body.replace('\\"', "a").replace('"', "")  # no escape is cut in two
        return '"""' + body + '"""'
    body = body.replace('"', "").replace("\\", "") + tail.replace('"', "")
    if "'''" in body:
        body = body.replace("'", "")
    return "'''" + body + "'''"


@st.composite
def toml_document(draw: st.DrawFn) -> tuple[str, list[int]]:
    """A TOML document of string values, some lines with comments; and the lines of its comments."""
    lines: list[str] = []
    commented: list[int] = []
    for n in range(draw(st.integers(1, 6))):
        value = draw(toml_string())
        line = f"k{n} = {value}"
        comment = draw(st.sampled_from([None, None, "# c", '# "x"""', "# '''", "## #"]))
        if comment is not None and draw(st.booleans()):
            lines.append(comment)
            commented.append(sum(part.count("\n") + 1 for part in lines))
        lines.append(line + (f" {comment}" if comment is not None else ""))
        if comment is not None:
            commented.append(sum(part.count("\n") + 1 for part in lines))
    return "\n".join(lines) + "\n", commented


@settings(max_examples=400, deadline=None)
@given(toml_document())
def test_comment_scanner_and_backstop_agree_with_the_parser(doc):
    text, expected = doc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assume(False)  # six quotes in a row, and the like: not TOML
    assert comment_lines(text) == expected
    assert has_hidden_comment(text, data) == bool(expected)


# --- row 25: links, owner, mode, extended attributes ------------------------------------------------------------


def test_hard_linked_file_is_refused(tiny, tmp_path):
    other = tmp_path / "other.toml"
    os.link(tiny, other)
    before = tiny.read_bytes()
    result = invoke("--data", str(tiny), "add", "city", "id=namur", *CITY)
    assert result.exit_code == 3
    assert "hard links" in result.stderr
    assert tiny.read_bytes() == before == other.read_bytes()
    assert leftovers(tiny.parent) == ["other.toml"]


def test_a_0444_file_is_refused_even_for_root(tiny):
    tiny.chmod(0o444)
    before = tiny.read_bytes()
    result = invoke("--data", str(tiny), "add", "city", "id=namur", *CITY)
    assert result.exit_code == 3
    assert "read-only" in result.stderr
    assert tiny.read_bytes() == before


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_owner_and_group_are_kept(tiny):
    os.chown(tiny, 65534, 65534)
    assert invoke("--data", str(tiny), "add", "city", "id=namur", *CITY).exit_code == 0
    info = tiny.stat()
    assert (info.st_uid, info.st_gid) == (65534, 65534)
    assert "namur" in city_ids(tiny)


def test_an_owner_that_cannot_be_kept_refuses_the_write(tiny, monkeypatch):
    before = tiny.read_bytes()
    snapshot = writer.read_for_write(tiny)
    snapshot.uid = snapshot.uid + 1

    def refuse(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", refuse)
    with pytest.raises(KnowledgeFileError, match="cannot keep its owner"):
        writer.replace(snapshot, writer.dumps(snapshot.data))
    assert tiny.read_bytes() == before
    assert leftovers(tiny.parent) == []


def _xattrs_work(path: Path) -> bool:
    try:
        os.setxattr(path, "user.ecofacts-probe", b"1")
        os.removexattr(path, "user.ecofacts-probe")
        return True
    except (OSError, AttributeError):
        return False


def test_extended_attributes_are_kept(tiny):
    if not _xattrs_work(tiny):
        pytest.skip("no user xattrs on this file system")
    os.setxattr(tiny, "user.origin", b"kept")
    tiny.chmod(0o640)
    assert invoke("--data", str(tiny), "add", "city", "id=namur", *CITY).exit_code == 0
    assert os.getxattr(tiny, "user.origin") == b"kept"
    assert stat.S_IMODE(tiny.stat().st_mode) == 0o640


def test_an_xattr_that_cannot_be_kept_refuses_the_write(tiny, monkeypatch):
    if not _xattrs_work(tiny):
        pytest.skip("no user xattrs on this file system")
    os.setxattr(tiny, "user.origin", b"kept")
    before = tiny.read_bytes()

    def refuse(*args):
        raise OSError(95, "Operation not supported")

    monkeypatch.setattr(os, "setxattr", refuse)
    result = invoke("--data", str(tiny), "add", "city", "id=namur", *CITY)
    assert result.exit_code == 3
    assert "cannot keep its extended attribute user.origin" in result.stderr
    assert tiny.read_bytes() == before
    assert leftovers(tiny.parent) == []


def test_a_folder_where_no_temp_file_can_be_made_is_one_line(tiny, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = invoke("--data", str(tiny), "add", "city", "id=namur", *CITY)
    assert (result.exit_code, result.stderr) == (3, f"error: {tiny}: cannot write: Permission denied\n")


def test_control_characters_in_names_are_refused_by_add(tiny):
    before = tiny.read_bytes()
    result = invoke("--data", str(tiny), "add", "city", "id=namur", "name=Na\x1b[2Jmur", *CITY[1:])
    assert result.exit_code == 3
    assert "cities[4].name: contains the control character \\x1b" in result.stderr
    assert "\x1b" not in result.stderr
    assert tiny.read_bytes() == before


# --- row 34: SIGKILL during a write, stale temp files removed by the next one ---------------------------------------


def test_sigkill_during_a_write_leaves_the_old_file_and_the_next_write_cleans_up(tiny):
    before = tiny.read_bytes()
    script = textwrap.dedent("""
        import os, sys, time
        real_fsync = os.fsync
        def stuck(fd):
            real_fsync(fd)
            sys.stderr.write("writing\\n"); sys.stderr.flush()
            time.sleep(60)
        os.fsync = stuck
        sys.argv = ["ecofacts", *sys.argv[1:]]
        from ecofacts.__main__ import main
        main()
    """)
    proc = subprocess.Popen([sys.executable, "-c", script, "--data", str(tiny), "add", "city", "id=namur", *CITY],
                            stderr=subprocess.PIPE, env=ENV)
    assert proc.stderr is not None
    assert proc.stderr.readline() == b"writing\n"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert tiny.read_bytes() == before
    temps = [n for n in leftovers(tiny.parent) if n.endswith(".tmp")]
    assert len(temps) == 1 and f".{proc.pid}." in temps[0]
    assert invoke("--data", str(tiny), "add", "city", "id=mons", *CITY).exit_code == 0
    assert leftovers(tiny.parent) == []
    assert city_ids(tiny)[-1] == "mons"


def test_old_temp_files_without_a_pid_are_removed_after_an_hour(tiny):
    old = tiny.parent / ".facts.toml.abcdefgh.tmp"
    young = tiny.parent / ".facts.toml.ijklmnop.tmp"
    old.write_text("x")
    young.write_text("y")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert invoke("--data", str(tiny), "add", "city", "id=namur", *CITY).exit_code == 0
    assert leftovers(tiny.parent) == [young.name]
