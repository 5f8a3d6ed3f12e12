"""Reading knowledge files: every failure is one clear KnowledgeFileError, every schema problem listed."""

import os
from pathlib import Path

import pytest

from ecofacts.errors import KnowledgeFileError
from ecofacts.loader import load
from ecofacts.schema import validate

from .conftest import TINY


def problems_of(text: str) -> list[str]:
    import tomllib

    _, problems = validate(tomllib.loads(text))
    return problems


def test_tiny_file_loads_with_indexes():
    k = load(TINY)
    assert [r.id for r in k.whole["regions"]] == ["belgium", "wallonia", "flanders"]
    assert k.by_id["trasis"].city == "ans"
    assert [s.id for s in k.stats.where(subject=["wallonia"])] == ["wallonia-jobs"]
    assert k.names["luttich"] == ["liege"]


def test_missing_file(tmp_path):
    with pytest.raises(KnowledgeFileError, match=r"^knowledge file not found: .*nope\.toml$"):
        load(tmp_path / "nope.toml")


def test_directory(tmp_path):
    with pytest.raises(KnowledgeFileError, match="is a directory"):
        load(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text("schema = 1\n")
    path.chmod(0)
    with pytest.raises(KnowledgeFileError, match="Permission denied"):
        load(path)


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    path = tmp_path / "f.toml"
    path.write_bytes(b'schema = 1\n# caf\xe9\n')
    with pytest.raises(KnowledgeFileError, match=r"not UTF-8: byte 0xe9 at offset 16 \(line 2\)"):
        load(path)


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "f.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TINY.read_bytes())
    assert len(load(path).stats) == 3


def test_syntax_error_has_position_line_and_caret(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text('schema = 1\n[[regions]]\nid = "x\n')
    with pytest.raises(KnowledgeFileError) as err:
        load(path)
    assert err.value.message.startswith(f"{path}:3:")
    assert "Unclosed string" in err.value.message or "Illegal character" in err.value.message
    assert err.value.details[0] == '  id = "x'
    assert err.value.details[1].endswith("^")


def test_duplicate_key_is_a_syntax_error(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text("schema = 1\nschema = 1\n")
    with pytest.raises(KnowledgeFileError, match=r":2:\d+: Cannot overwrite a value"):
        load(path)


def test_every_schema_problem_is_listed_with_its_path():
    problems = problems_of("""
[[sources]]
id = "a"
kind = "document"
title = "A"
language = "en"
description = "d"

[[regions]]
id = "r"
name = "R"
kind = "planet"
description = "d"
sources = ["a", "missing"]

[[stats]]
id = "s"
subject = "nowhere"
metric = "m"
topic = "t"
label = "l"
value = "12"
unit = "u"
status = "measured"
text = "12"
quote = "12"
source = "a"
colour = "red"
""")
    assert problems == [
        "regions[0].kind: 'planet' is not one of world, continent, country, region, grouping",
        "stats[0].value: expected a number, got a string ('12')",
        "stats[0]: unknown key 'colour'",
        "regions[0].sources[1]: no source 'missing'",
        "stats[0].subject: no region, city, cluster, actor, initiative or person 'nowhere'",
    ]


def test_dangling_references_are_reported():
    text = TINY.read_text().replace('city = "ans"', 'city = "atlantis"')
    assert "actors[0].city: no city 'atlantis'" in problems_of(text)


def test_region_must_agree_with_city():
    text = TINY.read_text().replace('city = "ans"\nregion = "wallonia"', 'city = "ans"\nregion = "flanders"')
    assert "actors[0].region: 'flanders' but its city 'ans' is in 'wallonia'" in problems_of(text)


def test_ids_colliding_after_folding_are_duplicates():
    text = TINY.read_text().replace('id = "ans"', 'id = "liege"', 1)
    assert any("duplicate id 'liege'" in p for p in problems_of(text))


def test_non_finite_numbers_are_refused():
    text = TINY.read_text().replace("value = 5000", "value = nan")
    assert "stats[0].value: expected a finite number, got nan" in problems_of(text)


def test_statistic_must_come_from_a_document():
    text = TINY.read_text().replace('source = "doc-a"\ncited_source', 'source = "study-x"\ncited_source')
    assert any(p.startswith("stats[0].source: 'study-x' is a study source") for p in problems_of(text))


def test_empty_file_is_empty_knowledge(tmp_path: Path):
    path = tmp_path / "empty.toml"
    path.write_text("")
    assert load(path).is_empty()


@pytest.mark.parametrize("collecting", [True, False])
def test_parsing_leaves_the_garbage_collector_as_it_found_it(collecting):
    import gc

    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        load(TINY, use_cache=False)
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()
