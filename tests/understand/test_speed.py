"""The faster reader parts give exactly what the plain versions gave (see "Profile and fix")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from negspacy.negation import Negex
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from crampcheck.engine.model import default_model
from crampcheck.understand import rules
from crampcheck.understand.negation import scoped_negex
from crampcheck.understand.pipeline import (
    FAMILY,
    FAMILY_FOLLOWING,
    HYPOTHETICAL,
    NOT_A_FINDING,
    NOT_FINDINGS,
    SPAN_KEY,
    PhraseFinder,
    _case_may_split,
    _lexicon,
    _negation_termset,
    _phrase_docs,
    _termset,
)
from crampcheck.understand.reader import pipeline_for

REPO = Path(__file__).resolve().parents[2]
MODEL = default_model()
RULE_WORDS = sorted({w for exact, _ in rules.GROUPS for w in exact})


def plain_groups(norm: str) -> set[int]:
    """What the original per-token scan matched: any word of the group, by rules._matches."""
    groups = enumerate(rules.GROUPS)
    return {n for n, (exact, _) in groups if any(rules._matches(norm, w) for w in exact)}


@given(
    st.one_of(
        st.sampled_from(RULE_WORDS),
        st.builds(lambda w, tail: w + tail, st.sampled_from(RULE_WORDS), st.text(max_size=4)),
        st.text(max_size=12),
    )
)
def test_groups_of_matches_the_plain_word_scan(norm: str) -> None:
    assert set(rules.groups_of(norm)) == plain_groups(norm)


def test_every_rule_word_group_is_numbered_once() -> None:
    every = [*rules.RULE_GROUPS, *rules.NORMAL_GROUPS]
    vetoes = set(rules.VETO_GROUPS.values()) | set(rules.NORMAL_VETO_GROUPS.values())
    assert {g for _, groups in every for g in groups} | vetoes == set(range(len(rules.GROUPS)))
    assert len(set(rules.GROUPS)) == len(rules.GROUPS)


def _before_negation(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "negex":
            break
        doc = component(doc)
    return doc


def _marks(doc: Doc, extension: str) -> list[tuple[int, int, str, bool]]:
    return [(s.start, s.end, s.label_, s._.get(extension)) for s in doc.spans[SPAN_KEY]]


TERMSETS = {
    "negex": _negation_termset(),
    "hypothetical": _termset(HYPOTHETICAL, ["?"]),
    "family": _termset(FAMILY, FAMILY_FOLLOWING),
}
STORIES = [
    json.loads(line)["text"]
    for line in (REPO / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
]
EXTRA = [
    "No swelling, I take furosemide. My mother had diabetes. Worried about a clot in the calf.",
    "Denies chest pain, but the calf is warm and red; no fever, cough or SOB?",
    " ".join(STORIES[:12]),
]


@pytest.mark.parametrize("extension", sorted(TERMSETS))
@pytest.mark.parametrize("text", [*STORIES, *EXTRA])
def test_scoped_negex_marks_what_negspacy_marks(extension: str, text: str) -> None:
    nlp = pipeline_for(MODEL)
    name = extension
    options = {"span_keys": [SPAN_KEY], "extension_name": extension}
    plain = Negex(nlp, name, neg_termset=TERMSETS[extension], **options)
    ours = Negex(nlp, name, neg_termset=TERMSETS[extension], **options)
    expected = plain.negex(_before_negation(nlp, text))
    got = scoped_negex(ours, SPAN_KEY)(_before_negation(nlp, text))
    _, _, terminating = plain.process_negations(expected)
    scopes = plain.termination_boundaries(expected, terminating)
    whole = {(s.start, s.end) for s in expected.spans[SPAN_KEY]
             if any(a <= s.start and s.end <= b for a, b in scopes)}  # fmt: skip
    # negspacy marks only spans inside one scope; a span that runs on past its scope is read
    # from where it starts (see crampcheck.understand.negation) and is compared elsewhere
    assert [m for m in _marks(got, extension) if m[:2] in whole] == [
        m for m in _marks(expected, extension) if m[:2] in whole
    ]
    if text == EXTRA[0]:
        assert any(mark[3] for mark in _marks(got, extension))  # the test can see a mark


def test_scoped_negex_leaves_a_doc_without_findings_alone() -> None:
    nlp = pipeline_for(MODEL)
    negex = Negex(nlp, "negex", neg_termset=TERMSETS["negex"], span_keys=[SPAN_KEY])
    doc = nlp.make_doc("nothing here at all")
    assert scoped_negex(negex, SPAN_KEY)(doc) is doc


def test_an_upper_case_pattern_is_skipped_only_where_it_could_not_split_differently() -> None:
    nlp = pipeline_for(MODEL)
    special = frozenset(nlp.tokenizer.rules or {})
    phrases = [p for ps in _lexicon(MODEL).values() for p in ps] + list(NOT_FINDINGS)
    skipped = [p for p in phrases if not _case_may_split(special, p)]
    assert len(skipped) > len(phrases) / 2
    differ = [p for p in skipped if len(nlp.make_doc(p)) != len(nlp.make_doc(p.upper()))]
    assert differ == []
    assert _case_may_split(special, "cannot walk far")
    assert _case_may_split(special, "t2dm")
    assert not _case_may_split(special, "charley horse")


def test_one_word_phrases_are_found_exactly_where_the_phrase_matcher_found_them() -> None:
    # the look-up of one-word phrases must give the spans a PhraseMatcher holding every
    # phrase gives, over real stories (the development corpus, typos and all)
    nlp = pipeline_for(MODEL)
    finder = nlp.get_pipe("crampcheck_phrases")
    assert isinstance(finder, PhraseFinder) and len(finder.singles) > 500
    plain = PhraseMatcher(nlp.vocab, attr="NORM")
    for fid, phrases in _lexicon(MODEL).items():
        plain.add(fid, _phrase_docs(nlp, phrases))
    plain.add(NOT_A_FINDING, _phrase_docs(nlp, NOT_FINDINGS))
    corpus = REPO / "eval" / "understand" / "dev.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert len(texts) > 1000
    for text in texts[:600]:
        doc = nlp(text)
        expected = {(s.start, s.end, s.label_) for s in plain(doc, as_spans=True)}
        assert {(s.start, s.end, s.label_) for s in finder.spans(doc)} == expected, text
