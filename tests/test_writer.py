"""fmt and add: canonical form, meaning kept, and writes that never lose data."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest

from ecofacts import writer
from ecofacts.errors import KnowledgeFileError
from ecofacts.writer import comment_lines

from .conftest import TINY, invoke

CITY = ["id=namur", "name=Namur", "region=wallonia", "description=Capital of Wallonia", "sources=doc-a"]


def data(path: Path) -> dict:
    return tomllib.loads(path.read_text())


def test_fmt_keeps_meaning_and_is_stable(tiny):
    before = data(tiny)
    assert invoke("--data", str(tiny), "fmt").exit_code == 0
    assert data(tiny) == before
    once = tiny.read_bytes()
    result = invoke("--data", str(tiny), "fmt")
    assert result.stderr == f"{tiny}: already canonical\n"
    assert tiny.read_bytes() == once


def test_fmt_check_reports_without_writing(tiny):
    before = tiny.read_bytes()
    result = invoke("--data", str(tiny), "fmt", "--check")
    assert result.exit_code == 1
    assert result.stderr == f"{tiny}: not in canonical form (run 'ecofacts fmt')\n"
    assert tiny.read_bytes() == before


def test_fmt_refuses_a_file_with_comments_and_names_the_line(tiny):
    tiny.write_text(tiny.read_text().replace('[[regions]]', '# the regions\n[[regions]]', 1))
    before = tiny.read_bytes()
    result = invoke("--data", str(tiny), "fmt")
    assert result.exit_code == 3
    line = before.decode().splitlines().index("# the regions") + 1
    assert result.stderr.startswith(f"error: {tiny}:{line}: the file has comments (1 line)")
    assert tiny.read_bytes() == before


def test_comment_scanner_ignores_hashes_in_strings():
    text = 'a = "x # y"\nb = \'#\'\nc = """\n# not a comment\n"""\nd = 1 # real\n# also\n'
    assert comment_lines(text) == [6, 7]


def test_add_city_keeps_mode_and_leaves_no_temp_file(tiny):
    tiny.chmod(0o640)
    result = invoke("--data", str(tiny), "add", "city", *CITY)
    assert result.exit_code == 0, result.stderr
    assert [c["id"] for c in data(tiny)["cities"]][-1] == "namur"
    assert stat.S_IMODE(tiny.stat().st_mode) == 0o640
    assert os.listdir(tiny.parent) == ["facts.toml"]


def test_add_follows_a_symlink(tiny, tmp_path):
    link = tmp_path / "link.toml"
    link.symlink_to(tiny)
    assert invoke("--data", str(link), "add", "city", *CITY).exit_code == 0
    assert link.is_symlink()
    assert data(tiny)["cities"][-1]["id"] == "namur"


def test_add_invalid_record_changes_nothing(tiny):
    before = tiny.read_bytes()
    result = invoke("--data", str(tiny), "add", "city", "id=namur", "region=atlantis")
    assert result.exit_code == 3
    assert "cities[4].region: no region 'atlantis'" in result.stderr
    assert tiny.read_bytes() == before


def test_add_stat_refused_when_quote_not_in_source(tiny):
    before = tiny.read_bytes()
    stat_args = ["id=x", "subject=wallonia", "metric=m", "topic=employment", "label=L", "value=1",
                 "unit=jobs", "status=measured", "text=1", "quote=1 invented jobs", "source=doc-a"]
    result = invoke("--data", str(tiny), "add", "stat", *stat_args, "--sources", str(TINY.parent))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: the quote is not in")
    assert tiny.read_bytes() == before


def test_add_rejects_unknown_keys_and_non_numbers(tiny):
    assert invoke("--data", str(tiny), "add", "city", "colour=red").exit_code == 2
    result = invoke("--data", str(tiny), "add", "stat", "value=lots")
    assert (result.exit_code, result.stderr) == (2, "error: value='lots': expected a number\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_add_to_read_only_file_is_exit_3(tiny):
    tiny.chmod(0o444)
    assert invoke("--data", str(tiny), "add", "city", *CITY).exit_code == 3


def test_read_only_file_is_refused(tiny, monkeypatch):
    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    before = tiny.read_bytes()
    with pytest.raises(KnowledgeFileError, match="read-only"):
        writer.add_record(tiny, "cities", dict(x.split("=", 1) for x in CITY) | {"sources": ["doc-a"]})
    assert tiny.read_bytes() == before


def test_file_changed_on_disk_between_read_and_write_is_refused(tiny):
    snapshot = writer.read_for_write(tiny)
    tiny.write_text(tiny.read_text() + "\n")
    edited = tiny.read_bytes()
    with pytest.raises(KnowledgeFileError, match="changed on disk since it was read"):
        writer.replace(snapshot, "schema = 1\n")
    assert tiny.read_bytes() == edited


def test_interrupted_write_leaves_old_file_and_no_temp(tiny, monkeypatch):
    before = tiny.read_bytes()
    snapshot = writer.read_for_write(tiny)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        writer.replace(snapshot, writer.dumps(snapshot.data))
    assert tiny.read_bytes() == before
    assert os.listdir(tiny.parent) == ["facts.toml"]


def test_full_disk_is_a_clear_error(tiny, monkeypatch):
    before = tiny.read_bytes()
    snapshot = writer.read_for_write(tiny)

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(KnowledgeFileError, match="No space left on device"):
        writer.replace(snapshot, writer.dumps(snapshot.data))
    assert tiny.read_bytes() == before
    assert os.listdir(tiny.parent) == ["facts.toml"]


def test_value_toml_cannot_hold_is_refused_before_writing():
    with pytest.raises(KnowledgeFileError, match="cannot write this knowledge as TOML"):
        writer.dumps({"schema": 1, "regions": [{"id": "x", "name": object()}]})


def test_writes_never_aim_at_the_knowledge_file_of_an_installed_package(tmp_path, monkeypatch):
    from ecofacts import loader

    packaged = tmp_path / "site-packages" / "ecofacts" / "data" / "facts.toml"
    packaged.parent.mkdir(parents=True)
    packaged.write_bytes(TINY.read_bytes())
    monkeypatch.setattr(loader, "PACKAGED", packaged)
    for args in (["add", "city", "id=namur", "name=Namur", "region=wallonia", "description=d", "sources=doc-a"],
                 ["fmt"]):
        result = invoke(*args)
        assert result.exit_code == 3, result.stderr
        assert "inside the installed package" in result.stderr and "--data" in result.stderr
    assert packaged.read_bytes() == TINY.read_bytes()
    assert invoke("fmt", "--check").exit_code in (0, 1)  # reading it stays fine
    assert invoke("regions", "--json").exit_code == 0


def test_an_empty_data_option_is_a_usage_error():
    result = invoke("--data", "", "regions")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: --data '' names no file")
