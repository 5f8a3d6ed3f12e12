"""The stranger parts of the verify draft corpus are well formed: `stranger` (held out, see its README) and
`stranger-tuning` (written the same way by another blind helper, for tuning), then one blind set after another (the
third to the twenty-seventh), each split once in two, `<set>-heldout` (held out) and `<set>-tuning` (for tuning): every
part of `MINIMUM` (see their READMEs). Every expected figure stands on its line as written, its verdict follows from
its class, and its statistic exists in the shipped knowledge (a forecast or target for `status-differs`, none for
`unknown`). It does not run `verify`: `stranger` and the `-heldout` parts are scored only to report (`python -m
tests.verify_scoring stranger`)."""

from __future__ import annotations

import json

import pytest

from .conftest import DATA, shipped

# The fewest figures a part must hold: the third parts split 260 figures in two (132 and 128), the fourth parts 240
# (126 and 114), the fifth parts 240 (129 and 111), the sixth parts 240 (128 and 112), the seventh parts 240 (127 and
# 113), the eighth parts 240 (126 and 114), the ninth parts 240 (134 and 106), the tenth parts 240 (124 and 116), the
# eleventh parts 240 (126 and 114), the twelfth parts 240 (124 and 116), the thirteenth parts 240 (124 and 116), the
# fourteenth parts 240 (128 and 112), the fifteenth parts 240 (131 and 109), the sixteenth parts 240 (126 and 114), the
# seventeenth parts 240 (122 and 118), the eighteenth parts 240 (125 and 115), the nineteenth parts 240 (126 and 114),
# the twentieth parts 240 (125 and 115), the twenty-first parts 240 (126 and 114), the twenty-second parts 240 (126
# and 114), the twenty-third parts 240 (128 and 112), the twenty-fourth parts 240 (131 and 109), the twenty-fifth
# parts 240 (129 and 111), the twenty-sixth parts 220 (119 and 101), the twenty-seventh parts 240 (128 and 112).
MINIMUM = {"stranger": 150, "stranger-tuning": 150, "third-heldout": 120, "third-tuning": 120,
           "fourth-heldout": 110, "fourth-tuning": 110, "fifth-heldout": 120, "fifth-tuning": 100,
           "sixth-heldout": 120, "sixth-tuning": 100, "seventh-heldout": 120, "seventh-tuning": 100,
           "eighth-heldout": 120, "eighth-tuning": 100, "ninth-heldout": 120, "ninth-tuning": 100,
           "tenth-heldout": 110, "tenth-tuning": 100, "eleventh-heldout": 120, "eleventh-tuning": 110,
           "twelfth-heldout": 120, "twelfth-tuning": 110, "thirteenth-heldout": 120, "thirteenth-tuning": 110,
           "fourteenth-heldout": 120, "fourteenth-tuning": 110, "fifteenth-heldout": 120, "fifteenth-tuning": 100,
           "sixteenth-heldout": 120, "sixteenth-tuning": 110, "seventeenth-heldout": 120, "seventeenth-tuning": 110,
           "eighteenth-heldout": 120, "eighteenth-tuning": 110, "nineteenth-heldout": 120, "nineteenth-tuning": 110,
           "twentieth-heldout": 120, "twentieth-tuning": 110, "twentyfirst-heldout": 120,
           "twentyfirst-tuning": 110, "twentysecond-heldout": 120, "twentysecond-tuning": 110,
           "twentythird-heldout": 120, "twentythird-tuning": 110, "twentyfourth-heldout": 120,
           "twentyfourth-tuning": 100, "twentyfifth-heldout": 120, "twentyfifth-tuning": 110,
           "twentysixth-heldout": 110, "twentysixth-tuning": 100, "twentyseventh-heldout": 120,
           "twentyseventh-tuning": 110}
PARTS = list(MINIMUM)
VERDICT = {"right": "supported", "wrong value": "value-differs", "wrong scale": "value-differs",
           "wrong year": "year-differs", "wrong region": "scope-differs", "forecast as fact": "status-differs",
           "not in the knowledge": "unknown"}


@pytest.mark.parametrize("part", PARTS)
def test_every_expected_figure_is_on_its_line_with_a_verdict_and_statistic_that_fit_its_class(part):
    folder = DATA / "drafts" / part
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert sorted(expected) == ["de.md", "en.md", "fr.md", "nl.md"]
    K = shipped()
    for name, rows in expected.items():
        lines = (folder / name).read_text(encoding="utf-8").split("\n")
        for line, text, verdict, stat, cls in rows:
            assert text in lines[line - 1], (name, line, text)
            assert VERDICT[cls] == verdict, (name, line)
            if cls == "not in the knowledge":
                assert stat is None, (name, line)
                continue
            record = K.stat(stat)
            assert record is not None, (name, line, stat)
            assert (record.status in ("forecast", "target")) == (cls == "forecast as fact"), (name, line, stat)
    assert sum(map(len, expected.values())) >= MINIMUM[part]
