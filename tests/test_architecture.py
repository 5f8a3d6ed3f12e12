"""The house's layers: every module imports on its own, first (no other module of ecofacts loaded: an import
circle makes one of them fail), and the import-linter contracts of pyproject.toml name every module of the core,
so that a new module cannot slip past them. CI runs `lint-imports` itself."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import textwrap
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
def test_every_module_imports_first_with_no_other_module_of_ecofacts_loaded():
    # one interpreter (not one per module: 80 start-ups), every module of ecofacts forgotten before each import, so
    # that each is imported first, as in a fresh interpreter: an import circle among them fails as it would there
    script = textwrap.dedent("""\
        import importlib, sys, traceback
        bad = []
        for name in sys.argv[1:]:
            for loaded in [m for m in sys.modules if m == "ecofacts" or m.startswith("ecofacts.")]:
                del sys.modules[loaded]
            try:
                importlib.import_module(name)
            except Exception:
                bad.append(name)
                traceback.print_exc()
        print(" ".join(bad))
        """)
    result = subprocess.run([sys.executable, "-c", script, *MODULES], capture_output=True, text=True, timeout=300)
    assert len(MODULES) > 40
    assert result.returncode == 0 and result.stdout.split() == [], result.stderr


def test_the_core_contract_names_every_module_of_the_core():
    core = CONTRACTS["The core never imports the cli, the renderers, typer, click or rich"]
    assert {name.split(".")[1] for name in core["source_modules"]} == TOP - {"cli", "render", "__main__"}
