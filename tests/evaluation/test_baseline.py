"""The "search the articles" BM25 baseline: tokens, paragraphs, scores, provenance, shape."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from crampcheck.errors import UserInputError
from crampcheck.evaluation.baseline import (
    BM25,
    ArticleSearch,
    Paragraph,
    paragraphs,
    read_seeds,
    tokens,
)
from crampcheck.evaluation.metrics import summarise
from crampcheck.evaluation.vignettes import read_vignettes
from crampcheck.knowledge.lint import find_seeds_dir
from crampcheck.knowledge.loader import load_kb, load_kb_from

REPO = Path(__file__).resolve().parents[2]
MINI = Path(__file__).parent / "fixtures" / "mini.jsonl"
SEEDS = find_seeds_dir(REPO)
needs_seeds = pytest.mark.skipif(SEEDS is None, reason="../shared/seeds is not beside the checkout")


def test_tokens_are_lower_case_words_without_stop_words() -> None:
    assert tokens("My CALF cramps at night, and I'm 68!") == ["calf", "cramps", "night", "68"]


def test_paragraphs_are_runs_of_lines_with_their_line_numbers() -> None:
    text = "first para\nstill first\n\n\nsecond\n  \nthird"
    assert paragraphs("a.txt", text) == [
        Paragraph("a.txt", 1, 2, "first para\nstill first"),
        Paragraph("a.txt", 5, 5, "second"),
        Paragraph("a.txt", 7, 7, "third"),
    ]


def test_bm25_matches_the_formula_by_hand() -> None:
    docs = [["calf", "cramp", "calf"], ["swollen", "leg"], ["night"]]
    index = BM25(docs)
    average = 2.0
    idf_calf = math.log((3 - 1 + 0.5) / (1 + 0.5) + 1)
    norm = 1.5 * (1 - 0.75 + 0.75 * 3 / average)
    expected = idf_calf * 2 * 2.5 / (2 + norm)
    got = index.scores(["calf", "calf", "unknown"])
    assert got[0] == pytest.approx(expected)
    assert got[1:] == [0.0, 0.0]


def test_bm25_prefers_the_shorter_document_at_equal_counts() -> None:
    index = BM25([["clot"], ["clot", "leg", "long", "story", "words"]])
    short, long = index.scores(["clot"])
    assert short > long > 0


def test_a_paragraph_belongs_to_the_conditions_whose_sources_overlap_it(
    kb_dir: Path, fixture_seeds: Path
) -> None:
    search = ArticleSearch(load_kb_from(kb_dir), fixture_seeds)
    assert [p.first for p in search.paragraphs] == [1]  # the fixture has no blank lines
    members = dict(zip((c.id for c in search.conditions), search.members, strict=True))
    assert members == {"alpha": [0], "beta": []}


def test_unmatched_conditions_rank_by_prior_and_triage_follows_the_top_one(
    kb_dir: Path, fixture_seeds: Path
) -> None:
    search = ArticleSearch(load_kb_from(kb_dir), fixture_seeds)
    ranked = search.rank("nothing in common whatsoever")
    assert [c.id for c in ranked.conditions] == ["alpha", "beta"]  # alpha's prior is higher
    assert ranked.scores == (0.0, 0.0)
    assert ranked.triage == "self_care"
    assert search.rank("a needle for cramps").scores[0] > 0


def test_an_empty_seed_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match="no seed articles"):
        read_seeds(tmp_path)


@needs_seeds
def test_the_baseline_gives_the_shape_the_metrics_score() -> None:
    assert SEEDS is not None
    kb = load_kb()
    search = ArticleSearch(kb, SEEDS)
    results = search.run(read_vignettes(MINI))
    assert all(len(r.ranked_ids) == len(kb.conditions) for r in results)
    assert all(r.fired_rules == () and r.questions == 0 for r in results)
    by_id = {c.id: c for c in kb.conditions}
    assert all(r.triage == by_id[r.ranked_ids[0]].triage for r in results)
    summary = summarise(results)
    assert summary["cases"] == len(results) and summary["top3"] is not None


@needs_seeds
def test_every_sourced_condition_owns_a_paragraph_and_a_story_finds_it() -> None:
    assert SEEDS is not None
    search = ArticleSearch(load_kb(), SEEDS)
    for condition, members in zip(search.conditions, search.members, strict=True):
        assert bool(members) == bool(condition.sources), condition.id
    ranked = search.rank("my calf swells and I fear a blood clot, thrombosis after a flight")
    assert ranked.scores[0] > 0
    assert ranked.scores == tuple(sorted(ranked.scores, reverse=True))
