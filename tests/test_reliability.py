"""Every row of ../shared/docs/reliability.md about reading, fed to the real CLI: the message, the exit code,
an empty stdout. (Writes: test_writer.py; pipes, encodings and colour variables: test_subprocess.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from ecofacts import loader

from .conftest import TINY, invoke

GOOD = TINY.read_text(encoding="utf-8")


def write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "facts.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


CASES = [
    # (row, file content, first line of stderr after "error: PATH", exit code)
    ("6 unclosed string", 'schema = 1\n[[regions]]\nid = "x\n', ":3:8: Illegal character '\\n'"),
    ("6 bad value", "schema = 1\nx = tru\n", ":2:5: Invalid value"),
    ("7 duplicate key", "schema = 1\nschema = 1\n", ":2:11: Cannot overwrite a value"),
    ("7 duplicate table", "[a]\n[a]\n", ":2:3: Cannot declare ('a',) twice"),
    ("4 invalid UTF-8", b"schema = 1\n\xff\n", ": not UTF-8: byte 0xff at offset 11 (line 2)"),
    ("8 wrong type", GOOD.replace("as_of = 2024", 'as_of = "2024"'), ": invalid knowledge file (1 problem)"),
    ("8 missing field", GOOD.replace('quote = "3800+ direct and indirect jobs"\n', ""),
     ": invalid knowledge file (1 problem)"),
    ("8 unknown source", GOOD.replace('source = "doc-a"\nrelated = ["belgium-jobs"]',
                                      'source = "nope"\nrelated = ["belgium-jobs"]'),
     ": invalid knowledge file (1 problem)"),
    ("8 unknown city", GOOD.replace('city = "ans"', 'city = "nowhere"'), ": invalid knowledge file (1 problem)"),
    ("9 ids differing by case", GOOD.replace('id = "charleroi"', 'id = "Liege"'), ": invalid knowledge file"),
    ("9 ids differing by accent", GOOD.replace('id = "charleroi"', 'id = "liège"'), ": invalid knowledge file"),
    ("10 non-finite number", GOOD.replace("value = 5000", "value = inf"), ": invalid knowledge file (1 problem)"),
    ("10 date value", GOOD.replace('date = "2025"', "date = 2025-01-01"), ": invalid knowledge file (1 problem)"),
]


@pytest.mark.parametrize(("row", "content", "expected"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", [("stats", "--json"), ("actors",), ("show", "trasis")])
def test_bad_knowledge_file(tmp_path, row, content, expected, command):
    path = write(tmp_path, content)
    before = path.read_bytes()
    result = invoke("--data", str(path), *command)
    assert result.exit_code == 3, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines()[0].startswith(f"error: {path}{expected}"), result.stderr
    assert isinstance(result.exception, SystemExit), repr(result.exception)  # an error we raised, not a crash
    assert path.read_bytes() == before


def test_syntax_error_shows_the_line_and_a_caret(tmp_path):
    path = write(tmp_path, 'schema = 1\n[[regions]]\nname = "Wal\n')
    result = invoke("--data", str(path), "regions")
    assert result.stderr == (f"error: {path}:3:12: Illegal character '\\n'\n"
                             '  name = "Wal\n'
                             "             ^\n")


def test_id_collisions_are_named_as_duplicates(tmp_path):
    path = write(tmp_path, GOOD.replace('id = "charleroi"', 'id = "liège"'))
    result = invoke("--data", str(path), "check")
    assert result.stdout.splitlines()[0] == "cities[2].id: duplicate id 'liège' (same as cities[0].id 'liege')"


def test_schema_check_reports_with_exit_1(tmp_path):
    path = write(tmp_path, GOOD.replace('city = "ans"', 'city = "nowhere"'))
    result = invoke("--data", str(path), "check")
    assert (result.exit_code, result.stdout) == (1, "actors[0].city: no city 'nowhere'\n")


@pytest.mark.parametrize(("row", "setup", "expected"), [
    ("1 missing", lambda p: None, "error: knowledge file not found: {p}"),
    ("2 directory", lambda p: p.mkdir(), "error: {p}: is a directory, not a knowledge file"),
])
def test_unreadable_paths(tmp_path, row, setup, expected):
    path = tmp_path / "facts.toml"
    setup(path)
    result = invoke("--data", str(path), "stats")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == expected.format(p=path) + "\n"


def test_permission_denied_gives_the_os_reason(tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(loader.os, "open", denied)  # the loader opens with os.open (O_NONBLOCK), not read_bytes
    result = invoke("--data", str(path), "stats")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == f"error: {path}: cannot read: Permission denied\n"


def test_byte_order_mark_is_accepted(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + GOOD.encode())
    assert invoke("--data", str(path), "regions", "--json").exit_code == 0


def test_empty_file_lists_nothing_and_check_reports_it(tmp_path):
    path = write(tmp_path, "")
    result = invoke("--data", str(path), "actors", "--json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "no organisations match\n")
    assert invoke("--data", str(path), "check").exit_code == 1


@pytest.mark.parametrize("args", [
    ("stats", ""), ("show", ""), ("actors", "--city", ""), ("search", ""), ("stats", "x" * 10000),
    ("stats", "--year", "99999"), ("stats", "--year", "-5"), ("compare", "wallonia"),
])
def test_odd_queries_are_clear_errors(args):
    result = invoke("--data", str(TINY), *args)
    assert result.exit_code in (1, 2), (result.exit_code, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.splitlines()) == 1
    assert len(result.stderr) < 400


@pytest.mark.parametrize(("name", "why"), [
    ("Li\u0435ge", "mixes Latin letters with look-alikes of another script"),  # a Cyrillic е
    ("Li\u200bège", "holds invisible or bidi control characters"),  # a zero-width space
    ("\u202eegeiL", "holds invisible or bidi control characters"),  # a right-to-left override
])
def test_check_reports_names_that_only_look_alike(tmp_path, name, why):
    path = write(tmp_path, GOOD + f'\n[[cities]]\nid = "x"\nname = "{name}"\nregion = "wallonia"\n'
                 'description = "d"\nsources = ["doc-a"]\n')
    result = invoke("--data", str(path), "check")
    assert result.exit_code == 1
    assert why in result.stdout
    assert "\u202e" not in result.stdout and "\u200b" not in result.stdout


def test_check_warns_of_a_name_several_records_share(tmp_path):
    path = write(tmp_path, GOOD + '\n[[cities]]\nid = "x"\nname = "Liège"\nregion = "wallonia"\n'
                 'description = "d"\nsources = ["doc-a"]\n')
    result = invoke("--data", str(path), "check")
    assert result.exit_code == 0
    assert "warning: one name for several records: 'Liège' (liege), 'Liège' (x)" in result.stdout
