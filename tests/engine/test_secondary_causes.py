"""Idiopathic night cramps are what is left once a secondary cause is ruled out.

A story that names such a cause (a cramp-causing medicine just started, pregnancy,
dialysis, liver disease) ranks that cause above plain idiopathic cramps.
"""

from __future__ import annotations

import pytest

from crampcheck.core import assess
from crampcheck.engine.model import default_model

MODEL = default_model()

NIGHT_CRAMPS = {"night_cramps": True, "wakes_from_sleep": True, "muscle_hardens": True,
                "site_calf": True, "attacks_short": True}  # fmt: skip


def rank(answers: dict[str, object], condition: str) -> int:
    ids = [c.id for c in assess(answers=answers, model=MODEL).causes]
    return ids.index(condition) + 1 if condition in ids else 99


@pytest.mark.parametrize(
    ("extra", "cause"),
    [
        ({"age": 70, "sex": "female", "med_bone_drug": True, "began_new_medicine": True},
         "other_drug_induced"),
        ({"age": 61, "sex": "male", "med_calcium_channel_blocker": True,
          "began_new_medicine": True}, "other_drug_induced"),
        ({"age": 58, "sex": "male", "on_dialysis": True, "known_kidney_disease": True},
         "chronic_kidney_disease"),
    ],
)  # fmt: skip
def test_a_named_secondary_cause_outranks_idiopathic_cramps(
    extra: dict[str, object], cause: str
) -> None:
    answers = {**NIGHT_CRAMPS, **extra}
    assert rank(answers, cause) < rank(answers, "idiopathic_nocturnal_cramps")


def test_plain_night_cramps_in_an_older_adult_stay_idiopathic_first() -> None:
    answers = {**NIGHT_CRAMPS, "age": 72, "sex": "female"}
    assert rank(answers, "idiopathic_nocturnal_cramps") == 1
