"""Word forms for matching: light stemming, and typo repair against the lexicon.

Both the lexicon's phrases and the person's words go through :func:`stem`, so
"cramping", "cramps" and "cramped" all match "cramp". Words that are neither in
the lexicon nor ordinary English words (pyspellchecker's dictionary) are
repaired to the closest lexicon word when they are long enough and close enough
(rapidfuzz ratio), so "swolen" matches "swollen" and "furosemid" matches
"furosemide", while "useless" is never turned into "pulseless".
"""

from __future__ import annotations

import gzip
import json
import pkgutil
from collections.abc import Callable, Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

SUFFIXES = ("ing", "ed", "es", "s")
IRREGULAR = {
    "calves": "calf", "calfs": "calf", "feet": "foot", "woke": "wake", "woken": "wake",
    "waking": "wake", "wakes": "wake", "knees": "knee", "toes": "toe", "legs": "leg",
    "thighs": "thigh", "nights": "night", "nightly": "night", "worse": "worse", "men": "man",
    "women": "woman", "children": "child", "ran": "run", "running": "run", "swam": "swim",
    "swimming": "swim", "bit": "bite", "bitten": "bite", "stung": "sting", "fell": "fall",
    "fallen": "fall", "lying": "lie", "lay": "lie", "dying": "die",
    "sores": "sores",  # open sores (ulcers), kept apart from "sore" (painful)
    "noted": "noted", "notes": "notes", "noting": "noted",  # not "not"
    "fits": "fits", "fitting": "fitting",  # seizures, not "fit and well"
    "evening": "evening", "evenings": "evening",  # not "even" ("even at rest")
    # a dropped "g" or a lost letter, too far from the word for typo repair to reach
    "swelin": "swell", "swellin": "swell", "sweling": "swell", "swelling": "swell",
    "crampin": "cramp", "achin": "ache", "hurtin": "hurt", "throbbin": "throb",
    "tinglin": "tingle", "burnin": "burn", "itchin": "itch", "twitchin": "twitch",
}  # fmt: skip
DETERMINERS = frozenset({"my", "the", "his", "her", "their", "your", "our", "a", "an"})
"""All read as "the", in phrases and in text alike, so "numb around my back passage" also
matches "numb around the back passage" and "numb around his back passage"."""
MIN_STEM_LENGTH = 4
MIN_FUZZY_LENGTH = 5
FUZZY_CUTOFF = 85.0
CACHE_LIMIT = 65_536
"""Repaired words remembered at most; then the memory starts afresh (a long-running server
reading hostile text would otherwise keep every made-up word it ever saw)."""


SIBILANT_ES = ("ches", "shes", "xes", "zes", "sses")
"""Plurals that add "-es" to the word ("crutches", "rashes"); other "-es" words only add
"-s" to a word ending in "e" ("aches", "ankles", "headaches")."""


@lru_cache(maxsize=CACHE_LIMIT)  # pure, and called for every token of every phrase and story
def stem(word: str) -> str:
    """Lower-case ``word``, strip one common inflection (-ing, -ed, -es, -s) and then a
    final "e", so that "ache", "aches", "ached" and "aching" all read "ach"."""
    w = word.lower().replace("\u2019", "'")
    if w in IRREGULAR:
        return _final_e(IRREGULAR[w])
    if w in DETERMINERS:
        return "the"
    if len(w) <= MIN_STEM_LENGTH or not w.isalpha():
        if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) >= 4:
            return w[:-1]  # short plurals: "eyes", "arms", "lips", "hips"
        return _final_e(w)
    for suffix in SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= MIN_STEM_LENGTH - 1:
            if suffix == "s" and w.endswith("ss"):
                break
            if suffix == "es" and not w.endswith(SIBILANT_ES):
                suffix = "s"
            w = w[: -len(suffix)]
            if suffix in ("ing", "ed") and len(w) >= 4 and w[-1] == w[-2] and w[-1] in "bdgmnpt":
                w = w[:-1]  # "stopping", "knotted", "dragging"
            break
    return _final_e(w)


def _final_e(w: str) -> str:
    return w[:-1] if len(w) >= MIN_STEM_LENGTH and w.endswith("e") and w.isalpha() else w


@lru_cache(maxsize=1)
def english_words() -> Callable[[str], bool]:
    """A test for "is this an ordinary English word": pyspellchecker's English dictionary,
    read straight from the package as a set of lower-case words. Building its
    ``SpellChecker`` instead took twice as long at start-up and answers ``known`` for an
    alphabetic word exactly so (tests/understand/test_normalise_words.py)."""
    data = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    if data is None:  # pragma: no cover - the package always ships its English list
        return lambda _word: False
    words = frozenset(key.lower() for key in json.loads(gzip.decompress(data)))
    return lambda word: word.lower() in words


class TypoRepair:
    """Maps unknown, non-English words to the closest lexicon word, with a cache."""

    def __init__(
        self,
        vocabulary: Iterable[str],
        is_english: Callable[[str], bool] = lambda _w: False,
        cache_limit: int = CACHE_LIMIT,
    ) -> None:
        self.known = frozenset(vocabulary)
        self.cache_limit = cache_limit
        self.is_english = is_english
        self._long = sorted(w for w in self.known if len(w) >= MIN_FUZZY_LENGTH)
        self._cache: dict[str, str] = {}

    def __call__(self, stemmed: str, word: str | None = None) -> str:
        if stemmed in self.known or len(stemmed) < MIN_FUZZY_LENGTH or not stemmed.isalpha():
            return stemmed
        if self.is_english((word or stemmed).lower()):
            return stemmed
        if stemmed not in self._cache:
            if len(self._cache) >= self.cache_limit:
                self._cache.clear()
            best = process.extractOne(
                stemmed, self._long, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            self._cache[stemmed] = best[0] if best is not None else stemmed
        return self._cache[stemmed]
