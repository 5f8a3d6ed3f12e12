"""Completion through bash's own completion function (the script `--show-completion bash` prints), zsh's and
fish's protocols: values with spaces and quotes as one word, prefixes matched ignoring case and accents, one
candidate per record in its display form, statistic ids for `show`."""

from __future__ import annotations

import functools
import json
import os
import select
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import TINY
from .test_subprocess import BIN, ENV

pytestmark = pytest.mark.slow  # real processes, shells or terminals, one test after another

# the shells find `ecofacts` on PATH however the tests were launched (`uv run pytest` or .venv/bin/pytest)
SHELL_ENV = {**ENV, "PATH": f"{BIN.parent}{os.pathsep}{ENV.get('PATH', '')}", "TERM": "xterm", "LANG": "C.UTF-8"}


def bash_complete(line: str) -> list[str]:
    """What bash offers for `line` (the cursor at its end), through the completion function it sources."""
    script = f"""
eval "$({shlex.quote(str(BIN))} --show-completion bash)"
COMP_LINE={shlex.quote(line)}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
_ecofacts_completion ecofacts
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=SHELL_ENV, timeout=60)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def test_a_value_with_a_space_is_one_shell_word():
    offered = bash_complete("ecofacts stats --topic nuc")
    assert offered == ["nuclear\\ medicine"]
    assert shlex.split(offered[0]) == ["nuclear medicine"]


def test_a_name_with_a_quote_is_one_valid_shell_word():
    offered = bash_complete("ecofacts actors --city Brain")
    assert offered == ["Braine-l\\'Alleud"]
    assert shlex.split(offered[0]) == ["Braine-l'Alleud"]


def test_prefixes_ignore_case_and_accents_and_each_city_is_offered_once():
    assert bash_complete("ecofacts actors --city lie") == ["Liège"]
    assert bash_complete("ecofacts actors --city LIÈ") == ["Liège"]


def test_a_region_is_offered_by_its_name():
    offered = bash_complete("ecofacts stats wal")
    assert offered[0] == "Wallonia" and len(offered) == len(set(offered))
    assert all(name.startswith("Wallonia") for name in offered)  # bash inserts their common start: Wallonia
    assert "Walloon\\ Region" not in offered  # an alias of a record already offered by its name


def test_show_completes_statistic_ids():
    assert "wallonia-nuclear-medicine-jobs" in bash_complete("ecofacts show wallonia-nuc")


def test_completion_reads_the_file_given_with_data():
    assert bash_complete(f"ecofacts --data {TINY} actors --city lu") == ["Luik"]


@pytest.mark.parametrize(("shell", "expected"), [("zsh", "nuclear medicine"), ("fish", "nuclear medicine")])
def test_zsh_and_fish_get_the_value_unescaped(shell, expected):
    env = {**ENV, "_ECOFACTS_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": "ecofacts stats --topic nuc",
           "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    result = subprocess.run([str(BIN)], capture_output=True, text=True, env=env, timeout=60)
    assert expected in result.stdout and "\\ " not in result.stdout


# --- zsh and fish, through their own completion machinery -------------------------------------------------------

ZSHRC = """PS1='> '
autoload -U compinit && compinit -u -d "$ZSH_DUMP"
source "$ZDOTDIR/completion.zsh"
_dump() { print -r -- "$BUFFER" > "$ZSH_OUT"; exit }
zle -N _dump
bindkey '^X' _dump
KEYTIMEOUT=1  # ^X starts other bindings too: zsh would wait 0.4 s for a second key before running _dump
"""


# compinit's dump of the completion functions it found, made by the first zsh of this test process (each process
# has its own cache folder, tests/conftest.py), read by the others: 0.25 s of start-up each, otherwise
ZSH_DUMP = os.path.join(os.environ["XDG_CACHE_HOME"], "zcompdump")


@functools.cache
def zsh_script() -> str:
    """What `ecofacts --show-completion` prints in zsh, for .zshrc to source (asked once per test process)."""
    return subprocess.run(["zsh", "-fc", "ecofacts --show-completion; true"], capture_output=True, text=True,
                          check=True, env=SHELL_ENV, timeout=60).stdout


def zsh_complete(line: str, folder: Path) -> str:
    """The command line after typing `line` and Tab in an interactive zsh (compinit, the script
    `--show-completion zsh` prints), in a pseudo-terminal: what zsh itself made of the candidates."""
    pty = pytest.importorskip("pty")
    (folder / ".zshrc").write_text(ZSHRC)
    (folder / "completion.zsh").write_text(zsh_script())
    out = folder / "buffer"
    out.unlink(missing_ok=True)
    main, side = pty.openpty()
    shell = subprocess.Popen(["zsh", "-i"], stdin=side, stdout=side, stderr=side, close_fds=True,
                             env={**SHELL_ENV, "ZDOTDIR": str(folder), "ZSH_OUT": str(out), "ZSH_DUMP": ZSH_DUMP})
    os.close(side)
    os.write(main, (line + "\t\x18").encode())  # Tab, then Ctrl-X: write the line to `out` and exit
    try:
        while shell.poll() is None and not (out.exists() and out.read_text()):
            if select.select([main], [], [], 0.02)[0]:
                try:
                    os.read(main, 65536)
                except OSError:
                    break
    finally:
        shell.kill()
        shell.wait()
        os.close(main)
    return out.read_text().rstrip("\n")


def fish_complete(line: str) -> list[str]:
    """What fish offers for `line` (`complete -C`), with the script `--show-completion fish` prints."""
    script = f"ecofacts --show-completion fish | source; complete -C {shlex.quote(line)}"
    result = subprocess.run(["fish", "--no-config", "-c", script], capture_output=True, text=True,
                            env=SHELL_ENV, timeout=60)
    assert result.returncode == 0, result.stderr
    return [offered.split("\t")[0] for offered in result.stdout.splitlines()]


needs_zsh = pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed (.ci/run installs it)")
needs_fish = pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed (.ci/run installs it)")


@needs_zsh
@pytest.mark.parametrize(("typed", "completed"), [
    ("ecofacts stats wal", "ecofacts stats Wallonia"),
    ("ecofacts actors --city lie", "ecofacts actors --city Liège "),
    ("ecofacts actors --city Li", "ecofacts actors --city Liège "),
    ("ecofacts actors --kind hosp", "ecofacts actors --kind hospital "),
    ("ecofacts compare wallonia fl", "ecofacts compare wallonia Flanders "),
    ("ecofacts stats --topic nuc", "ecofacts stats --topic nuclear\\ medicine "),
    ("ecofacts actors --city Brain", "ecofacts actors --city Braine-l\\'Alleud "),
    ("ecofacts st", "ecofacts stats "),
])
def test_zsh_completes_names_ignoring_case_and_accents(typed, completed, tmp_path):
    assert zsh_complete(typed, tmp_path) == completed


@needs_zsh
def test_zsh_never_offers_file_names_for_a_value(tmp_path):
    (tmp_path / "data").mkdir()
    assert zsh_complete("ecofacts actors --city zzz", tmp_path) == "ecofacts actors --city zzz"
    assert zsh_complete("ecofacts actors --city da", tmp_path) == "ecofacts actors --city da"
    # a path is completed from the files: --data, in the folder zsh runs in (the repository)
    assert zsh_complete("ecofacts --data da", tmp_path) == "ecofacts --data data/"


@needs_fish
def test_fish_completes_names_ignoring_case_and_accents():
    assert fish_complete("ecofacts stats wal")[0] == "Wallonia"
    assert fish_complete("ecofacts actors --city Li") == ["Liège"]
    # fish keeps only candidates that start with what was typed (case aside): the accent comes from the typed
    # letters, and every command reads `Liege` as Liège
    assert fish_complete("ecofacts actors --city lie") == ["Liege"]
    result = subprocess.run([str(BIN), "actors", "--city", "Liege", "--json"], capture_output=True, text=True,
                            env=ENV, check=True)
    assert all(row["city_name"] == "Liège" or row.get("match") for row in json.loads(result.stdout))
    assert fish_complete("ecofacts compare wallonia fl") == ["Flanders"]


@needs_fish
def test_fish_never_offers_file_names_for_a_value_or_a_word_after_one():
    assert fish_complete("ecofacts actors --city zzz") == []
    assert fish_complete("ecofacts actors --city Liège ") == []
    assert fish_complete("ecofacts actors --kind da") == []
    assert "data/" in fish_complete("ecofacts --data da")  # a path: the files
