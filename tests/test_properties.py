"""Property tests: no argument list breaks the CLI; writing keeps the knowledge."""

from __future__ import annotations

import shutil
import tempfile
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecofacts import writer
from ecofacts.errors import KnowledgeFileError

from .conftest import TINY, invoke

CONTRACT_CODES = {0, 1, 2, 3}
WORDS = ["regions", "cities", "clusters", "actors", "stats", "compare", "show", "search", "sources", "check",
         "--json", "--format", "csv", "markdown", "--fields", "id", "--city", "--region", "--kind", "--sector",
         "--topic", "--year", "--status", "--include-members", "--by-topic", "Liège", "wallonia", "belgium",
         "trasis", "2028", "-1", "", " ", "[red]", ":smile:", "--no-color", "--nearby", "--no-nearby", "x" * 300]

arguments = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arguments)
def test_no_argument_list_makes_a_traceback(args):
    result = invoke("--data", str(TINY), *args)
    assert result.exit_code in CONTRACT_CODES, (args, result.exit_code, result.stderr)
    # CliRunner keeps an exception that escaped the CLI; only the SystemExit of our own exit code may
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), (args, repr(result.exception))
    if result.exit_code != 0:
        assert result.stdout == "" or args[:1] == ["check"], (args, result.stdout)


names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30)


@settings(max_examples=60, deadline=None)
@given(names, st.lists(names, max_size=3))
def test_add_writes_exactly_the_record_or_refuses_and_changes_nothing(name, aliases):
    """For every generated record, `add` either writes exactly that record (read back equal, file in canonical
    form, the other records untouched) or refuses it with one clear error and leaves the file byte-identical."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "facts.toml"
        shutil.copy(TINY, path)
        before = path.read_bytes()
        record = {"id": "new-city", "name": name, "region": "wallonia", "description": name, "sources": ["doc-a"]}
        if aliases:
            record["aliases"] = aliases
        try:
            writer.add_record(path, "cities", record)
        except KnowledgeFileError as exc:
            assert path.read_bytes() == before
            assert exc.message.startswith(f"{path}: refusing to write an invalid knowledge file (")
            problems = exc.details or [exc.message.split("): ", 1)[1]]  # one problem: on the one line
            assert problems and all(d.startswith("cities[") for d in problems), exc.message
            return
        written = tomllib.loads(path.read_text(encoding="utf-8"))
        assert written["cities"][-1] == record
        original = tomllib.loads(before.decode("utf-8"))
        assert written["cities"][:-1] == original["cities"]
        written["cities"] = original["cities"]
        assert written == original
        assert writer.format_file(path, check_only=True) is False  # add writes the canonical form


def test_fmt_round_trips_the_tiny_file():
    data = tomllib.loads(TINY.read_text(encoding="utf-8"))
    assert tomllib.loads(writer.dumps(data)) == data
    assert writer.dumps(tomllib.loads(writer.dumps(data))) == writer.dumps(data)
