"""The installed entry point in real processes: pipes, encodings, colour variables, bad bytes, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer

from ecofacts import cli

from .conftest import BIN, TINY, process_env

ENV = process_env()


def run(*args: str | bytes, env: dict[str, str] | None = None):
    return subprocess.run([str(BIN), "--data", str(TINY), *args], capture_output=True,
                          env={**ENV, **(env or {})}, timeout=60)


def bash(script: str):
    return subprocess.run(["bash", "-c", script], capture_output=True, env=ENV, timeout=60)


def test_installed_entry_point_answers():
    result = run("stats", "wallonia", "--json")
    assert result.returncode == 0, result.stderr
    assert [s["text"] for s in json.loads(result.stdout)] == ["3800+"]


def test_python_dash_m():
    result = subprocess.run([sys.executable, "-m", "ecofacts", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("ecofacts ")


@pytest.mark.parametrize("command", ["stats --json", "actors", "stats", "show trasis"])
def test_piping_into_head_exits_quietly(command):
    result = bash(f"'{BIN}' --data '{TINY}' {command} | head -1; exit ${{PIPESTATUS[0]}}")
    assert result.stderr == b""
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1


def test_large_output_into_closed_pipe_is_quiet():
    # many lines, so that the write really meets the closed pipe
    script = f"for i in 1 2 3; do '{BIN}' --data '{TINY}' stats --format jsonl; done | head -c 10 > /dev/null"
    result = bash(f"set -o pipefail; {script}")
    assert result.stderr == b""
    assert result.returncode == 0


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C"}])
def test_narrow_encodings_do_not_crash(env):
    result = run("show", "liege", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["record"]["name"] == "Liège"
    table = run("show", "liege", env=env)
    assert table.returncode == 0, table.stderr
    assert b"Traceback" not in table.stderr


@pytest.mark.parametrize("env", [{"FORCE_COLOR": "1"}, {"NO_COLOR": "1"}, {"TERM": "dumb"},
                                 {"PY_COLORS": "1", "GITHUB_ACTIONS": "true"}, {"COLUMNS": "30"}])
def test_json_never_carries_escape_bytes(env):
    baseline = run("stats", "--json").stdout
    result = run("stats", "--json", env=env)
    assert result.stdout == baseline
    assert b"\x1b" not in result.stdout


def test_piped_table_has_no_colour_and_folds_instead_of_cutting():
    result = run("stats", env={"COLUMNS": "60"})
    out = result.stdout.decode()
    assert "\x1b" not in out and "…" not in out
    assert "nuclear-medicine" in out.replace("\n", " ")


def test_arguments_that_are_not_utf8_get_an_error():
    result = run("actors", "--city", b"Li\xe8ge")
    assert result.returncode == 2
    assert result.stderr == b"error: argument b'Li\\xe8ge' is not valid UTF-8\n"
    assert result.stdout == b""


def test_usage_errors_are_one_line_and_exit_2():
    result = run("stats", "--zzz")
    assert result.returncode == 2
    assert result.stderr == b"error: No such option: --zzz (try 'ecofacts stats --help')\n"
    result = run("compare")
    assert result.returncode == 2
    assert result.stderr.startswith(b"error: Missing argument 'REGION...'")


def test_missing_knowledge_file_is_exit_3():
    result = subprocess.run([str(BIN), "--data", "/nonexistent/facts.toml", "regions"], capture_output=True,
                            env=ENV)
    assert result.returncode == 3
    assert result.stderr == b"error: knowledge file not found: /nonexistent/facts.toml\n"


def test_ctrl_c_is_exit_130(monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(typer.core.TyperGroup, "main", interrupted)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 130
    assert capsys.readouterr().err == "error: interrupted\n"


def complete(env: dict[str, str]) -> list[str]:
    result = subprocess.run([str(BIN)], capture_output=True, text=True, env={**ENV, **env}, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_bash_completes_subjects_and_cities_from_the_knowledge_file():
    words = f"ecofacts --data {TINY} stats wal"
    assert complete({"_ECOFACTS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "4"}) == [
        "Wallonia"]  # a record once, in its display form
    words = f"ecofacts --data {TINY} actors --city Lu"
    assert complete({"_ECOFACTS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "5"}) == [
        "Luik"]


def test_zsh_and_fish_complete_option_values():
    zsh = complete({"_ECOFACTS_COMPLETE": "complete_zsh",
                    "_TYPER_COMPLETE_ARGS": f"ecofacts --data {TINY} stats --format "})
    assert "markdown" in " ".join(zsh) and '"jsonl"' in zsh
    fish = complete({"_ECOFACTS_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args",
                     "_TYPER_COMPLETE_ARGS": f"ecofacts --data {TINY} actors --kind "})
    assert fish == ["company"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_a_script(shell):
    result = subprocess.run([str(BIN), "--show-completion", shell], capture_output=True, text=True, env=ENV)
    assert result.returncode == 0
    assert "_ECOFACTS_COMPLETE" in result.stdout
