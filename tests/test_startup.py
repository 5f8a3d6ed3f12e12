"""The start-up path stays lean: a JSON answer from the parse cache imports no parser, table or CSV code, and
no `dataclasses` (which compiles methods for every class it makes)."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import TINY

LIST_MODULES = """
import sys
from ecofacts.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write(" ".join(sys.modules))
"""


def modules_imported_by(*args: str, env: dict[str, str] | None = None) -> set[str]:
    env = {**{k: v for k, v in os.environ.items() if k not in ("ECOFACTS_NO_CACHE", "FORCE_COLOR")}, **(env or {})}
    result = subprocess.run([sys.executable, "-c", LIST_MODULES, *args], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.stdout, result.stderr
    return set(result.stderr.split())


def test_a_json_answer_from_the_cache_imports_no_parser_no_rich_no_csv():
    command = ("--data", str(TINY), "stats", "wallonia", "--json")
    modules_imported_by(*command)  # writes the cache
    modules = modules_imported_by(*command)
    assert "ecofacts.cache" in modules
    assert not modules & {"tomllib", "ecofacts.schema", "rich", "rich.console", "csv", "tomli_w", "dataclasses"}
    # nor what only a table or a message wrapped to a terminal reads
    assert not modules & {"ecofacts.render.cells", "ecofacts.row_keys"}


def test_rich_is_imported_only_to_draw_a_coloured_table():
    assert "rich.console" in modules_imported_by("--data", str(TINY), "stats", "wallonia", env={"FORCE_COLOR": "1"})
    piped = modules_imported_by("--data", str(TINY), "stats", "wallonia")
    assert "ecofacts.render.table" in piped and not any(m == "rich" or m.startswith("rich.") for m in piped)
    assert "rich.console" not in modules_imported_by("--data", str(TINY), "stats", "wallonia", "--format", "csv")


def test_the_entry_point_runs_the_command_with_the_collector_off_and_freezes_what_is_left():
    probe = ("import gc, sys\nimport ecofacts.cli\n"
             "ecofacts.cli.main = lambda: sys.stdout.write(f'{gc.isenabled()} ')\n"
             "from ecofacts.__main__ import main\nmain()\nsys.stdout.write(f'{gc.get_freeze_count()}')\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    enabled, frozen = result.stdout.split()
    assert enabled == "False"
    assert int(frozen) > 10_000  # typer's and ecofacts' objects: the collection at exit passes them by


def test_the_cli_imported_as_a_library_leaves_the_collector_alone():
    probe = "import gc\nimport ecofacts.cli\nprint(gc.isenabled(), gc.get_freeze_count())"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "0"]
