"""`add` and `check` refuse nonsense (impossible years, reversed periods, a value its text does not say, a
negative count, a typo that starts a new topic, unit, metric or sector), each in one line with the file left
byte-identical; `export` refuses a file `check` fails."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ecofacts.loader import resolve_path

pytestmark = pytest.mark.slow  # real processes, shells or terminals, one test after another

SHIPPED = resolve_path(None)
STAT = ["subject=wallonia", "label=Jobs", "status=measured", "source=web-rtl-population-2024", "evidence=x"]
KNOWN = {"topic": "topic=employment", "unit": "unit=jobs", "metric": "metric=nuclear_medicine_jobs"}


def ecofacts(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ecofacts", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "my.toml"
    shutil.copyfile(SHIPPED, path)
    return path


def stat(**given: str) -> list[str]:
    fields = {**{k: v for k, v in KNOWN.items() if k not in given}, "value": "value=3800", "text": "text=3800"}
    fields.update({k: f"{k}={v}" for k, v in given.items()})
    return [*STAT, *fields.values()]


@pytest.mark.parametrize(("given", "code", "says"), [
    ({"year": "20244"}, 3, "20244 is not a year of a statistic"),
    ({"year": "0"}, 3, "0 is not a year of a statistic"),
    ({"year": "1066"}, 3, "1066 is not a year"),
    ({"year": "2021-2016"}, 3, "a period ends before it starts"),
    ({"value": "-5", "text": "-5"}, 3, "is negative, but 'jobs' counts things"),
    ({"value": "400", "text": "900"}, 3, "value 400 is not what its text '900' says"),
    ({"topic": "employmnet"}, 2, "did you mean 'employment'? give --new"),
    ({"unit": "employes"}, 2, "did you mean 'employees'? give --new"),
    ({"metric": "nuclear_medicine_jbos"}, 2, "did you mean 'nuclear_medicine_jobs'"),
])
def test_add_refuses_in_one_line_and_writes_nothing(copy, given, code, says):
    before = copy.read_bytes()
    result = ecofacts("--data", str(copy), "add", "stat", "id=x-new", *stat(**given))
    assert result.returncode == code, result.stderr
    assert says in result.stderr and result.stderr.count("\n") == 1
    assert copy.read_bytes() == before


def test_new_categories_need_new(copy):
    args = ["--data", str(copy), "add", "stat", "id=x-new", *stat(metric="brand_new_metric")]
    assert ecofacts(*args).returncode == 2
    assert ecofacts(*args, "--new").returncode == 0
    assert "brand_new_metric" in copy.read_text()
    sector = ecofacts("--data", str(copy), "add", "actor", "id=x-co", "name=X Co", "kind=company",
                      "region=wallonia", "description=d", "sources=web-rtl-population-2024", "sectors=biotekk")
    assert sector.returncode == 2 and "sector 'biotekk'" in sector.stderr


def test_add_proves_a_quote_against_the_shipped_document(copy):
    before = copy.read_bytes()
    result = ecofacts("--data", str(copy), "add", "stat", "id=x-q", "subject=wallonia", "label=Jobs",
                      "status=measured", *KNOWN.values(), "value=3800", "text=3800",
                      "source=biowin-nuclear-medicine-wallonia", "quote=nonexistent words")
    assert result.returncode == 2 and "is not in" in result.stderr and "verbatim" in result.stderr
    assert copy.read_bytes() == before


@pytest.mark.parametrize(("old", "new", "says"), [
    ('value = 3800\n', 'value = 400\n', "is not what its text"),
    ('year = 2021\n', 'year = 20244\n', "20244 is not a year"),
])
def test_check_and_export_refuse_what_was_edited_by_hand(copy, tmp_path, old, new, says):
    text = copy.read_text(encoding="utf-8")
    start = text.index("[[stats]]")  # the first statistic that says `old`
    assert old in text[start:]
    copy.write_text(text[:start] + text[start:].replace(old, new, 1), encoding="utf-8")
    checked = ecofacts("--data", str(copy), "check")
    assert checked.returncode in (1, 3) and says in checked.stdout + checked.stderr
    exported = ecofacts("--data", str(copy), "export", str(tmp_path / "facts.db"))
    assert exported.returncode == 3 and says in exported.stderr
    assert exported.stderr.count("\n") == 1
    assert not (tmp_path / "facts.db").exists()


def test_the_shipped_file_passes_the_new_rules():
    result = ecofacts("check")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(("name", "product"), [
    ("lutetium", "Lu-177"), ("Lutécium", "Lu-177"), ("actinium", "Ac-225"), ("astatine", "At-211"),
    ("technetium", "Tc-99m"), ("Technétium", "Tc-99m"), ("molybdenum", "Mo-99"), ("molybdène", "Mo-99"),
    ("molybdeen", "Mo-99"), ("Molybdän", "Mo-99"),
])
def test_chain_finds_isotopes_by_their_element(name, product):
    import json

    rows = json.loads(ecofacts("chain", name, "--json").stdout)
    assert rows and {r["product"] for r in rows} == {product}


def test_chain_filters_by_region_and_city():
    import json

    every = json.loads(ecofacts("chain", "--json").stdout)
    wallonia = json.loads(ecofacts("chain", "Wallonia", "--json").stdout)
    flanders = json.loads(ecofacts("chain", "Flanders", "--json").stdout)
    assert wallonia and flanders and len(wallonia) < len(every)
    assert not {r["id"] for r in wallonia} & {r["id"] for r in flanders}
    fleurus = json.loads(ecofacts("chain", "Fleurus", "--json").stdout)
    assert fleurus and {r["id"] for r in fleurus} <= {r["id"] for r in wallonia}
