"""`check_kb` finds each kind of defect, with a message naming file, item, expected, found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crampcheck.knowledge.lint import check_kb, find_seeds_dir
from crampcheck.knowledge.loader import load_kb_from
from tests.conftest import Mutator


def problems(kb_dir: Path, seeds: Path | None) -> list[str]:
    return [str(p) for p in check_kb(load_kb_from(kb_dir), seeds)]


def test_the_fixture_knowledge_base_is_clean(kb_dir: Path, fixture_seeds: Path) -> None:
    assert problems(kb_dir, fixture_seeds) == []


def _set(path: list[Any], value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return change


ALPHA = "conditions/alpha.yaml"
BETA = "conditions/beta.yaml"

# (rule, file to break, how to break it, the one message expected)
BROKEN = [
    (
        "unknown finding id",
        ALPHA,
        _set(["likelihoods", "no_such_finding"], {"p": 0.5, "basis": "ref_a"}),
        "conditions/alpha.yaml: alpha.likelihoods: expected a finding id defined in "
        "findings.yaml; found 'no_such_finding'",
    ),
    (
        "likelihood on a number finding",
        ALPHA,
        _set(["likelihoods", "age"], {"p": 0.5, "basis": "ref_a"}),
        "conditions/alpha.yaml: alpha.likelihoods: expected a yes_no finding; "
        "found 'age' of type number",
    ),
    (
        "invalid ICD-10 code",
        ALPHA,
        _set(["icd10"], ["R25.99"]),
        "conditions/alpha.yaml: alpha.icd10: expected a valid ICD-10-CM code; found 'R25.99'",
    ),
    (
        "missing sources",
        ALPHA,
        _set(["sources"], []),
        "conditions/alpha.yaml: alpha.sources: expected seed line ranges, or "
        "not_in_seeds: true; found none",
    ),
    (
        "missing references",
        BETA,
        _set(["references"], []),
        "conditions/beta.yaml: beta.references: expected at least one reference; found none",
    ),
    (
        "unknown reference",
        BETA,
        _set(["references"], [{"ref": "made_up_2099"}]),
        "conditions/beta.yaml: beta.references: expected a reference id from "
        "references.yaml; found 'made_up_2099'",
    ),
    (
        "basis that is neither a reference nor an estimate",
        ALPHA,
        _set(["prior", "basis"], "trust me"),
        "conditions/alpha.yaml: alpha.prior: expected basis starting with a references.yaml "
        "id or 'estimate:'; found 'trust me'",
    ),
    (
        "estimate without a reason",
        ALPHA,
        _set(["prior", "basis"], "estimate:"),
        "conditions/alpha.yaml: alpha.prior: expected basis starting with a references.yaml "
        "id or 'estimate:'; found 'estimate:'",
    ),
    (
        "probability of one",
        ALPHA,
        _set(["likelihoods", "night_cramps", "p"], 1.0),
        "conditions/alpha.yaml: alpha.likelihoods.night_cramps: expected a probability "
        "strictly between 0 and 1; found 1.0",
    ),
    (
        "background of zero",
        "findings.yaml",
        _set([2, "background", "p"], 0.0),
        "findings.yaml: night_cramps.background: expected a probability strictly between "
        "0 and 1; found 0.0",
    ),
    (
        "red-flag condition below urgent",
        BETA,
        _set(["triage"], "routine"),
        "conditions/beta.yaml: beta.triage: expected emergency or urgent for a red-flag "
        "condition; found routine",
    ),
    (
        "red-flag rule below urgent",
        "red_flags.yaml",
        _set([0, "triage"], "routine"),
        "red_flags.yaml: rule possible_clot: expected emergency or urgent; found routine",
    ),
    (
        "red-flag finding that no rule uses",
        "red_flags.yaml",
        _set([0, "when"], [["night_cramps"]]),
        "findings.yaml: calf_swollen_one_side: expected a red-flag finding used by a rule "
        "in red_flags.yaml; found none",
    ),
    (
        "red-flag finding used to explain a rule away",
        "red_flags.yaml",
        _set([0, "unless"], ["calf_swollen_one_side"]),
        "red_flags.yaml: rule possible_clot.unless: expected findings that are not red flags; "
        "found calf_swollen_one_side",
    ),
    (
        "unknown finding in unless",
        "red_flags.yaml",
        _set([0, "unless"], ["no_such_finding"]),
        "red_flags.yaml: rule possible_clot.unless: expected a finding id defined in "
        "findings.yaml; found 'no_such_finding'",
    ),
    (
        "unsafe claim in advice text",
        "advice.yaml",
        _set(["prevention", 0, "text"], "Prick the muscle with a needle."),
        "advice.yaml: prevention stretch_bedtime: expected advice free of unsafe claims; "
        "found text matching unsafe claim needle_prick",
    ),
    (
        "unsafe claim cited as support",
        "advice.yaml",
        _set(["first_aid", 0, "steps", 0, "claims"], ["needle_prick"]),
        "advice.yaml: first_aid in_bed step 1: expected advice supported only by supported "
        "claims; found needle_prick (unsafe)",
    ),
    (
        "unsafe claim in a condition's treatment",
        ALPHA,
        _set(["treatment"], ["Use a pin on the muscle."]),
        "conditions/alpha.yaml: alpha.treatment[1]: expected advice free of unsafe claims; "
        "found text matching unsafe claim needle_prick",
    ),
    (
        "seed line range past the end",
        ALPHA,
        _set(["sources"], [{"doc": "seed_a.txt", "lines": "9-12"}]),
        "conditions/alpha.yaml: alpha.sources: expected lines within 1-10 of seed_a.txt; "
        "found 9-12",
    ),
    (
        "seed file that does not exist",
        "claims.yaml",
        _set([1, "sources"], [{"doc": "no_such_seed.txt", "lines": "1"}]),
        "claims.yaml: claim stretch_during_cramp: expected a seed file in",
    ),
    (
        "unknown test id",
        ALPHA,
        _set(["tests"], ["tarot_reading"]),
        "conditions/alpha.yaml: alpha.tests: expected a test id from advice.yaml; "
        "found 'tarot_reading'",
    ),
    (
        "escalation that is not more urgent",
        ALPHA,
        _set(["escalations", 0, "triage"], "self_care"),
        "conditions/alpha.yaml: alpha.escalations[1]: expected a level more urgent than "
        "self_care; found self_care",
    ),
    (
        "duplicate finding id",
        "findings.yaml",
        _set([3, "id"], "night_cramps"),
        "findings.yaml: finding night_cramps: expected a unique id; found 2 records",
    ),
    (
        "derivation from a missing finding",
        "findings.yaml",
        _set([1, "derived_from", "finding"], "years"),
        "findings.yaml: age_65_plus.derived_from: expected a number or choice finding; "
        "found 'years'",
    ),
    (
        "unsafe claim without a pattern",
        "claims.yaml",
        _set([0, "patterns"], []),
        "claims.yaml: claim needle_prick: expected patterns and tell_user for an unsafe "
        "claim; found missing",
    ),
    (
        "first-aid procedure for a missing condition",
        "advice.yaml",
        _set(["first_aid", 0, "not_when"], ["gamma"]),
        "advice.yaml: first_aid in_bed.not_when: expected a condition id; found 'gamma'",
    ),
]


@pytest.mark.parametrize(("rule", "file", "change", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_fixture_fails_with_its_own_message(
    rule: str,
    file: str,
    change: Callable[[Any], None],
    message: str,
    kb_dir: Path,
    fixture_seeds: Path,
    mutate: Mutator,
) -> None:
    mutate(file, change)
    found = problems(kb_dir, fixture_seeds)
    assert len(found) >= 1, rule
    assert any(p.startswith(message) for p in found), found


def test_seed_ranges_are_not_checked_without_the_seeds(kb_dir: Path, mutate: Mutator) -> None:
    mutate(ALPHA, _set(["sources"], [{"doc": "seed_a.txt", "lines": "900-901"}]))
    assert problems(kb_dir, None) == []


def test_the_seeds_folder_is_found_beside_the_checkout(tmp_path: Path) -> None:
    (tmp_path / "shared" / "seeds").mkdir(parents=True)
    checkout = tmp_path / "main" / "src"
    checkout.mkdir(parents=True)
    assert find_seeds_dir(checkout) == tmp_path / "shared" / "seeds"


def test_no_seeds_folder_means_none(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c" / "d" / "e"  # far from any real shared/ folder
    deep.mkdir(parents=True)
    assert find_seeds_dir(deep) is None


def test_seeds_are_found_beside_the_checkout_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "shared" / "seeds").mkdir(parents=True)
    inner = tmp_path / "checkout" / "tests" / "knowledge"
    inner.mkdir(parents=True)
    assert find_seeds_dir(inner) == tmp_path / "shared" / "seeds"
