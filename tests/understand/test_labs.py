"""Blood results written in a story or a clinical note are read against the usual adult
reference limits: outside them is a finding, inside them is its absence."""

from __future__ import annotations

import pytest

from crampcheck.core import assess
from crampcheck.engine.model import default_model
from crampcheck.understand.numbers import labs
from crampcheck.understand.reader import read_text

MODEL = default_model()


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Routine bloods: K 3.0 mmol/L", "blood_low_potassium", True),
        ("K+ 3.2 mmol/L", "blood_low_potassium", True),
        ("potassium was 4.1", "blood_low_potassium", False),
        ("Sodium 129 mmol/L (139 in the spring)", "blood_low_sodium", True),
        ("Na 144.", "blood_low_sodium", False),
        ("Mg 0.45 mmol/L", "blood_low_magnesium", True),
        ("Adj Ca 1.82.", "blood_low_calcium_or_vitamin_d", True),
        ("vitamin D is very low, 12", "blood_low_calcium_or_vitamin_d", True),
        ("TSH 12.5", "blood_thyroid_underactive", True),
        ("ferritin 6", "blood_low_iron_or_haemoglobin", True),
        ("Hb 92 g/L", "blood_low_iron_or_haemoglobin", True),
        ("CK 4,000 U/L", "blood_high_ck", True),
        ("ck 150", "blood_high_ck", False),
        ("B12 150", "blood_low_b12", True),
    ],
)
def test_a_result_outside_the_reference_range_is_a_finding(
    text: str, finding: str, value: bool
) -> None:
    assert {h[0]: h[1] for h in labs(text)}[finding] is value


@pytest.mark.parametrize(
    "text",
    ["on furosemide 40 mg od", "omeprazole 40 mg", "HbA1c 58", "ran a 5k 3 times", "Temp 37.8"],
)
def test_doses_and_other_numbers_are_not_blood_results(text: str) -> None:
    assert list(labs(text)) == []


def test_a_low_potassium_result_puts_low_potassium_among_the_causes() -> None:
    story = "47M, cramps in calves and thighs at night for two months. K 3.0 mmol/L."
    assert "hypokalaemia" in [c.id for c in assess(text=story, model=MODEL).causes[:3]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Pt 68F, T2DM on gliclazide, eGFR 38 (CKD3b).", True),
        ("PMH T2DM on insulin, CKD3, IHD.", True),
        ("CKD stage 4, on bumetanide", True),
        ("eGFR 85, U&E otherwise normal", None),
    ],
)
def test_an_egfr_below_60_or_a_ckd_stage_is_kidney_disease(text: str, value: object) -> None:
    assert dict((fid, v) for fid, v, _ in labs(text)).get("known_kidney_disease") is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("The blood test came back with vitamin D very low", "blood_low_calcium_or_vitamin_d",
         True),
        ("GP said my magnesium is low, potassium and calcium fine", "blood_low_potassium", False),
        ("GP said my magnesium is low, potassium and calcium fine",
         "blood_low_calcium_or_vitamin_d", False),
        ("GP said my magnesium is low, potassium and calcium fine", "blood_low_magnesium", True),
        ("A blood test last month showed my thyroid is underactive", "blood_thyroid_underactive",
         True),
        ("The GP's blood test showed low iron.", "blood_low_iron_or_haemoglobin", True),
        ("vitamin B12 low", "blood_low_calcium_or_vitamin_d", None),
    ],
)  # fmt: skip
def test_results_told_in_words(text: str, finding: str, value: object) -> None:
    read = {f.id: f.value for f in read_text(MODEL, text)}
    assert read.get(finding) is value
