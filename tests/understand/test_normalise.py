"""normalise: the English word list answers as pyspellchecker itself would."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spellchecker import SpellChecker

from crampcheck.understand.normalise import english_words, stem

IS_ENGLISH = english_words()
CHECKER = SpellChecker(distance=1)


@pytest.mark.parametrize(
    "word", ["cramp", "Calf", "WALKING", "nite", "charley", "cramsp", "furosemide", "xq"]
)
def test_a_word_is_english_exactly_when_the_spell_checker_knows_it(word: str) -> None:
    assert IS_ENGLISH(word) == bool(CHECKER.known([word]))


def test_ordinary_words_are_english_and_typos_are_not() -> None:
    assert IS_ENGLISH("swelling") and IS_ENGLISH("Tonight")
    assert not IS_ENGLISH("swelilng") and not IS_ENGLISH("cramsp")


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzAEIOU"), min_size=1, max_size=9))
def test_any_alphabetic_word_gets_the_spell_checkers_answer(word: str) -> None:
    assert IS_ENGLISH(word) == bool(CHECKER.known([word]))


def test_evening_keeps_its_own_stem_so_even_is_not_evening() -> None:
    assert stem("evening") == stem("evenings") != stem("even")
