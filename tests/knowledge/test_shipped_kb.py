"""The knowledge base that ships with crampcheck meets the foundation's requirements."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from crampcheck.knowledge.lint import check_kb, find_seeds_dir
from crampcheck.knowledge.loader import load_kb
from crampcheck.knowledge.models import Condition, KnowledgeBase

REPO = Path(__file__).resolve().parents[2]
SEEDS = find_seeds_dir(REPO)
CLINICAL = SEEDS.parent / "design" / "CLINICAL.md" if SEEDS else None
needs_shared = pytest.mark.skipif(SEEDS is None, reason="../shared/ is not beside the checkout")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def test_lint_finds_no_problem(kb: KnowledgeBase) -> None:
    assert [str(p) for p in check_kb(kb, SEEDS)] == []


def test_it_is_big_enough(kb: KnowledgeBase) -> None:
    assert len(kb.conditions) >= 55
    assert len(kb.findings) >= 120
    assert len(kb.claims) >= 30


@pytest.mark.parametrize(
    "field", ["icd10", "tests", "specialists", "treatment", "prevention", "avoid", "references"]
)
def test_every_condition_fills_the_field(kb: KnowledgeBase, field: str) -> None:
    empty = [c.id for c in kb.conditions if not getattr(c, field)]
    assert empty == []


def test_every_condition_has_distinguishing_likelihoods(kb: KnowledgeBase) -> None:
    thin = [c.id for c in kb.conditions if len(c.likelihoods) < 6]
    assert thin == []


def test_askable_findings_are_questions(kb: KnowledgeBase) -> None:
    assert [f.id for f in kb.findings if f.ask and not f.text.rstrip().endswith("?")] == []


def _clinical_table_codes() -> list[str]:
    assert CLINICAL is not None
    text = CLINICAL.read_text(encoding="utf-8")
    section = text.split("## Conditions the knowledge base must cover")[1].split("\n## ")[0]
    rows = [line.split("|") for line in section.splitlines() if line.startswith("| ")]
    return [row[3] for row in rows if len(row) > 4]


def _covered(category: str, codes: set[str]) -> bool:
    return any(code.startswith(category) for code in codes)


@needs_shared
def test_every_icd10_category_of_the_clinical_table_is_covered(kb: KnowledgeBase) -> None:
    shipped = {code for c in kb.conditions for code in c.icd10}
    missing = []
    for cell in _clinical_table_codes():
        for low, high in re.findall(r"([A-Z]\d\d)[\u2013-]([A-Z]\d\d)", cell):
            span = {f"{low[0]}{n:02d}" for n in range(int(low[1:]), int(high[1:]) + 1)}
            if not any(_covered(cat, shipped) for cat in span):
                missing.append(f"{low}-{high}")
        cell = re.sub(r"[A-Z]\d\d[\u2013-][A-Z]\d\d", "", cell)
        missing += [c for c in re.findall(r"\b[A-Z]\d\d\b", cell) if not _covered(c, shipped)]
    assert missing == []


UNSAFE_IN_CLINICAL = ["datura", "needle", "hairpin", "match", "folk remed", "vodka"]
UNSUPPORTED_IN_CLINICAL = ["magnet", "2-3 days|2\u20133 days|two or three days", "75", "cottage"]


@pytest.mark.parametrize("term", UNSAFE_IN_CLINICAL)
def test_each_unsafe_claim_of_clinical_md_is_recorded_as_unsafe(
    kb: KnowledgeBase, term: str
) -> None:
    unsafe = [c for c in kb.claims if c.verdict == "unsafe"]
    assert any(re.search(term, c.text + " " + " ".join(c.patterns), re.I) for c in unsafe)


@pytest.mark.parametrize("term", UNSUPPORTED_IN_CLINICAL)
def test_each_unsupported_claim_of_clinical_md_is_recorded(kb: KnowledgeBase, term: str) -> None:
    judged = [c for c in kb.claims if c.verdict in ("unsupported", "unsafe")]
    assert any(re.search(term, c.text, re.I) for c in judged)


def test_first_aid_covers_bed_walking_running_and_deep_water(kb: KnowledgeBase) -> None:
    assert {"in_bed", "walking", "running", "water"} <= {a.situation for a in kb.advice.first_aid}


def offers_massage(step: str) -> bool:
    """A step that suggests massaging or rubbing, rather than warning against it."""
    return bool(re.search(r"\b(massag|rub)", step, re.I)) and not re.search(
        r"\b(not|never|don't|avoid)\b", step, re.I
    )


def test_massage_is_never_offered_when_a_clot_or_varicose_veins_are_possible(
    kb: KnowledgeBase,
) -> None:
    for aid in kb.advice.first_aid:
        for step in aid.steps:
            if offers_massage(step.text):
                excluded = set(aid.not_when) | set(step.not_when)
                assert {"dvt", "superficial_thrombophlebitis", "varicose_veins_cvi"} <= excluded


@pytest.mark.parametrize("mineral", ["magnesium", "potassium", "calcium"])
def test_food_sources_are_listed(kb: KnowledgeBase, mineral: str) -> None:
    assert len(kb.advice.foods[mineral]) >= 8  # type: ignore[index]


def test_a_condition_round_trips_through_yaml(kb: KnowledgeBase) -> None:
    for cond in kb.conditions:
        text = yaml.safe_dump(cond.model_dump(mode="json", exclude_defaults=True))
        assert Condition.model_validate(yaml.safe_load(text)) == cond


def _kb_texts(kb: KnowledgeBase) -> list[str]:
    texts = []
    for c in kb.conditions:
        texts += [c.summary, *c.treatment, *c.prevention, *c.avoid, *c.ask_doctor]
    for claim in kb.claims:
        texts += [claim.text, claim.reason, claim.tell_user or ""]
    for aid in kb.advice.first_aid:
        texts += [s.text for s in aid.steps] + aid.get_help_if
    texts += [t.text for t in kb.advice.prevention] + [f.text for f in kb.findings]
    return texts


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@needs_shared
def test_no_sentence_is_copied_from_the_seed_articles(kb: KnowledgeBase) -> None:
    assert SEEDS is not None
    seed_grams: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        seed_grams |= _ngrams(seed.read_text(encoding="utf-8"), 8)
    copied = [t for t in _kb_texts(kb) if _ngrams(t, 8) & seed_grams]
    assert copied == []
