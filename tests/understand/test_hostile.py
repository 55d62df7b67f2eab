"""Hostile free text: the reader returns findings or a clear UserInputError, nothing else.

Arbitrary Unicode, tokens up to the 20,000-character limit, nested quotes, RTL and
other format marks, combining characters and NULs, alone and inside a real story.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import crampcheck
from crampcheck.engine.model import default_model
from crampcheck.errors import UserInputError
from crampcheck.understand.checks import MAX_TEXT
from crampcheck.understand.reader import TextFinding, read_text

MODEL = default_model()
STORY = "I'm 68 and my right calf knots up most nights; no swelling. I take bendroflumethiazide."
MARKS = [
    "\u200f", "\u200e", "\u202e", "\u202b", "\u2066", "\u2069", "\u200b", "\u200d", "\ufeff",
    "\u0301", "\u0336", "\u20dd", "\x00", "\x07", "\u0085", "\u2028", "\u2029", "\r\n",
]  # fmt: skip
QUOTES = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "`", "\u300c"]

fragments = st.one_of(
    st.text(max_size=40),
    st.sampled_from(MARKS),
    st.builds(lambda q, n: q * n, st.sampled_from(QUOTES), st.integers(1, 60)),
    st.builds(
        lambda q, inner, n: q * n + inner + q * n,
        st.sampled_from(QUOTES),
        st.sampled_from(["no swelling", "my calf", "not cramps", STORY]),
        st.integers(1, 8),
    ),
    st.builds(
        lambda c, n: "e" + c * n,
        st.sampled_from(["\u0301", "\u0308", "\u0336"]),
        st.integers(1, 300),
    ),
)


def _check(text: str) -> None:
    try:
        found = read_text(MODEL, text)
    except UserInputError as exc:
        assert str(exc)  # a sentence, not an empty error
        return
    assert all(isinstance(f, TextFinding) for f in found)
    crampcheck.assess(text=text)  # the whole path, engine included


@given(st.text())
@example("\x00")
@example("\u202e" + STORY)
@example("\u200f" * 10)
@example("e" + "\u0301" * 5000)
def test_any_unicode_text(text: str) -> None:
    _check(text)


@given(st.lists(fragments, max_size=12), st.integers(0, len(STORY)))
def test_hostile_fragments_inside_a_real_story(parts: list[str], at: int) -> None:
    _check(STORY[:at] + "".join(parts) + STORY[at:])


@settings(max_examples=30)
@given(
    st.sampled_from(
        ["a", "cramp", "swolen", "\u0430", "calf-", "9", "\u05d0", "x\u0301", '"', "'s", "(", ")"]
    ),
    st.integers(MAX_TEXT - 40, MAX_TEXT + 2),
    st.booleans(),
)
def test_very_long_tokens_up_to_the_limit(unit: str, length: int, in_story: bool) -> None:
    token = (unit * (length // len(unit) + 1))[:length]
    text = (STORY + " " + token)[:length] if in_story else token
    _check(text)


SLOW_BEFORE = {
    "quotes": '"',  # spaCy's suffix search, quadratic: 4,000 quotes took 7 s
    "possessives": "'s",
    "brackets": "(",
    "closing brackets": ")",
    "curly quotes": "\u201c",
    "digits": "9",  # the number patterns: a story and 20,000 nines took 72 s
    "durations": "9 days ago ",  # the duration clause search: 24 s
    "durations with for": "for 9 days ",
    "pregnancy weeks": "at 9 weeks ",  # an unbounded look-ahead: 1.7 s
}


@pytest.mark.parametrize("run", list(SLOW_BEFORE.values()), ids=list(SLOW_BEFORE))
def test_runs_that_were_quadratic_are_read_quickly(run: str) -> None:
    """Regressions found by the tests above; each now takes well under a second."""
    import time

    text = STORY + " " + run * ((MAX_TEXT - len(STORY) - 1) // len(run))
    start = time.perf_counter()
    read_text(MODEL, text)
    assert time.perf_counter() - start < 5.0


@pytest.mark.parametrize("length", [MAX_TEXT, MAX_TEXT + 1])
def test_the_limit_itself(length: int) -> None:
    text = (STORY + " ") * (length // (len(STORY) + 1) + 1)
    text = text[:length]
    if length > MAX_TEXT:
        with pytest.raises(UserInputError, match="at most"):
            read_text(MODEL, text)
    else:
        assert read_text(MODEL, text)


def test_the_typo_cache_stays_bounded_and_answers_the_same() -> None:
    """A server reading made-up words must not remember all of them."""
    from crampcheck.understand.normalise import TypoRepair

    repair = TypoRepair(["swollen", "furosemide"], cache_limit=10)
    words = [f"zq{n:04d}xw" for n in range(50)]
    assert [repair(w) for w in words] == words
    assert len(repair._cache) <= 10
    assert repair("swolen") == "swollen"
    assert repair("swolen") == "swollen"  # from the cache


NUMBER_TEMPLATES = [
    "doing about {n} hours a week, my calves cramp",
    "the cramp lasted for {n} hours",
    "cramps for {n} minutes every night",
    "I am {n} years old with leg cramps",
    "she's {n} and her calf cramps",
    "{n}M, calf cramps",
    "{n} weeks pregnant, cramps at night",
    "calf pain after I walk {n} metres",
    "I can walk {n} miles before my calf hurts",
    "cramps since {n} weeks, lasting {n} seconds",
]


@settings(max_examples=300)
@given(
    st.sampled_from(NUMBER_TEMPLATES),
    st.one_of(st.integers(0, 10**7), st.floats(0, 1e7, allow_nan=False).map(lambda x: f"{x:.1f}")),
)
def test_a_number_read_from_a_story_is_always_one_the_engine_accepts(
    template: str, n: object
) -> None:
    # a reading out of a finding's range ("60 hours a week" as a cramp's length) must be
    # dropped, never turned into an error about an answer the person did not give
    result = crampcheck.assess(text=template.format(n=n), model=MODEL)
    assert result.triage.level
