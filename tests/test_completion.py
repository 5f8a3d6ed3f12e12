"""Completion through bash's own completion function (the script `--show-completion bash` prints), zsh's and
fish's protocols: values with spaces and quotes as one word, prefixes matched ignoring case and accents, one
candidate per record in its display form, statistic ids for `show`."""

from __future__ import annotations

import shlex
import subprocess

import pytest

from .conftest import TINY
from .test_subprocess import BIN, ENV


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
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=ENV, timeout=60)
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
