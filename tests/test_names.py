import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecofacts.names import closest, fold, halves


@pytest.mark.parametrize("spelling", ["Liège", "liege", "LIÈGE", "Lie\u0300ge", "  liège  ", "Liege"])
def test_fold_is_blind_to_case_accents_and_form(spelling):
    assert fold(spelling) == "liege"


def test_fold_treats_punctuation_as_space():
    assert fold("Ottignies-Louvain-la-Neuve") == "ottignies louvain la neuve"
    assert fold("Brussels-Capital  Region") == fold("brussels capital region")


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_is_blind_to_normal_form(text):
    assert fold(unicodedata.normalize("NFC", text)) == fold(unicodedata.normalize("NFD", text))


def test_closest_prefers_prefixes_then_spelling():
    names = {"wallonia": "wallonia", "flanders": "flanders", "brussels": "brussels"}
    assert closest("walonia", names) == ["wallonia"]
    assert closest("fla", names) == ["flanders"]
    assert closest("zzzz", names) == []


def test_a_compound_is_cut_into_two_known_halves_perhaps_joined_by_s_or_n():
    known = {"pharma", "exporte", "spitze", "anteil", "kreislaufwirtschaft", "strategie"}.__contains__
    assert halves("pharmaexporte", known) == ("pharma", "exporte")
    assert halves("spitzenanteil", known) == ("spitze", "anteil")
    assert halves("kreislaufwirtschaftsstrategie", known) == ("kreislaufwirtschaft", "strategie")
    assert halves("pharmaxyz", known) is None
