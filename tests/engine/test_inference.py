"""The posterior: a distribution; unknown is not absent; no cause is ruled out to zero."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crampcheck.engine.inference import posterior
from crampcheck.engine.model import CompiledModel, default_model

MODEL = default_model()
YES_NO = sorted(MODEL.p_yes)


def evidence() -> st.SearchStrategy[dict[str, bool]]:
    return st.dictionaries(st.sampled_from(YES_NO), st.booleans(), max_size=25)


@settings(max_examples=200, deadline=None)
@given(evidence())
def test_posteriors_sum_to_one_and_stay_positive(known: dict[str, bool]) -> None:
    post = posterior(MODEL, known)
    assert math.isclose(sum(post), 1.0, rel_tol=1e-9)
    assert all(p > 0 for p in post)


def test_with_nothing_known_the_posterior_is_the_prior() -> None:
    total = sum(c.prior.p for c in MODEL.conditions)
    expected = [c.prior.p / total for c in MODEL.conditions]
    assert posterior(MODEL, {}) == pytest.approx(expected)


def test_unknown_is_not_the_same_as_absent() -> None:
    unknown = posterior(MODEL, {})
    absent = posterior(MODEL, {"calf_swollen_one_side": False})
    dvt = MODEL.index("dvt")
    assert absent[dvt] < unknown[dvt]


def test_a_typical_finding_raises_its_cause() -> None:
    model: CompiledModel = MODEL
    before = posterior(model, {})[model.index("restless_legs")]
    after = posterior(model, {"urge_to_move": True})[model.index("restless_legs")]
    assert after > 3 * before


def test_a_false_age_band_adds_nothing_once_the_true_band_is_known() -> None:
    only_true = posterior(MODEL, {"age_65_plus": True})
    with_false = posterior(MODEL, {"age_65_plus": True, "age_18_to_49": False})
    assert only_true == pytest.approx(with_false)
