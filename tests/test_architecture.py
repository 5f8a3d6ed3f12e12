"""The house's layers: every module imports on its own, first, in a fresh interpreter (an import circle makes
one of them fail), and the import-linter contracts of pyproject.toml name every module of the core, so that a
new module cannot slip past them. CI runs `lint-imports` itself."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import ecofacts

ROOT = Path(__file__).parent.parent
MODULES = sorted(m.name for m in pkgutil.walk_packages(ecofacts.__path__, "ecofacts."))
CONTRACTS = {c["name"]: c for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
             ["contracts"]}
TOP = {name.split(".")[1] for name in MODULES}


@pytest.mark.slow
def test_every_module_imports_first_in_a_fresh_interpreter():
    script = ("import importlib, subprocess, sys\n"
              "bad = [m for m in sys.argv[1:] if subprocess.run([sys.executable, '-c', f'import {m}'],"
              " capture_output=True).returncode]\nprint(' '.join(bad))")
    result = subprocess.run([sys.executable, "-c", script, *MODULES], capture_output=True, text=True, timeout=300)
    assert len(MODULES) > 40
    assert result.stdout.split() == [], result.stderr


def test_the_core_contract_names_every_module_of_the_core():
    core = CONTRACTS["The core never imports the cli, the renderers, typer, click or rich"]
    assert {name.split(".")[1] for name in core["source_modules"]} == TOP - {"cli", "render", "__main__"}
