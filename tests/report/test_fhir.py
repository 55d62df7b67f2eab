"""`crampcheck export/import --format fhir`: a valid FHIR R4 (R4B) Bundle, read back losslessly."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from typer.testing import CliRunner, Result

from crampcheck.diary import repository
from crampcheck.diary.db import diary_session
from crampcheck.diary.schemas import ProfileIn
from crampcheck.knowledge.loader import load_kb
from crampcheck.report.fhir import read_bundle
from crampcheck.report.fhir_cli import export_cmd, import_cmd
from crampcheck.report.fhir_codes import ICD10CM

runner = CliRunner()
app = typer.Typer()
app.command("export")(export_cmd)
app.command("import")(import_cmd)

EPISODES = [
    {"at": "2026-11-20T03:10:00+01:00", "duration_s": 120, "muscle": "calf", "side": "left",
     "severity": 7, "activity": "sleeping", "tags": ["heat", "wine"],
     "note": 'said "ouch";\nwalked it off'},
    {"at": "2026-11-19T22:45:00-05:00", "duration_s": 30, "muscle": "foot", "side": "both",
     "severity": 3, "activity": "walking"},
    {"at": "2026-11-21T07:00:00+05:45", "duration_s": 86400, "muscle": "toes", "side": "right",
     "severity": 0, "activity": "swimming", "note": "Wadenkrampf — ünïcödé ✓", "tags": ["x-1"]},
    {"at": "2026-11-22T12:00:00+00:00", "duration_s": 1, "muscle": "other", "side": "left",
     "severity": 10, "activity": "stretching"},
]  # fmt: skip
PROFILE = {
    "birth_year": 1958,
    "sex": "female",
    "medicines": [
        {"name": "atorvastatin", "start_date": "2026-09-01"},
        {"name": "furosemide", "start_date": None},
    ],
    "due_date": "2027-03-01",
    "conditions": ["diabetes", "underactive thyroid"],
}
DIARY_KINDS = ("Patient", "Observation", "MedicationStatement", "Condition")

Use = Callable[[str], Path]


@pytest.fixture
def use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Use:
    """use(name) points CRAMPCHECK_DATABASE_URL at the SQLite diary ``name`` (empty at first)."""

    def switch(name: str) -> Path:
        path = tmp_path / f"{name}.sqlite3"
        monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", f"sqlite:///{path}")
        return path

    return switch


@pytest.fixture
def filled(use: Use) -> None:
    """The diary 'first' holds four episodes and a profile with two medicines."""
    use("first")
    with diary_session() as session:
        for data in EPISODES:
            repository.add_episode(session, data)
        repository.update_profile(session, PROFILE)


def export(tmp_path: Path, *options: str, name: str = "bundle.json") -> dict[str, Any]:
    target = tmp_path / name
    result = runner.invoke(app, ["export", "--format", "fhir", "-o", str(target), *options])
    assert result.exit_code == 0, result.output
    bundle: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return bundle


def do_import(path: Path) -> Result:
    return runner.invoke(app, ["import", "--format", "fhir", str(path)])


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def diary_state() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    with diary_session(write=False) as session:
        episodes = [e.to_dict() for e in repository.list_episodes(session)]
        return episodes, repository.get_profile(session).to_dict()


# --- export -------------------------------------------------------------------


@pytest.mark.usefixtures("filled")
def test_every_resource_in_the_bundle_validates_with_fhir_r4b(tmp_path: Path) -> None:
    bundle = export(tmp_path, "--text", "night cramps in my left calf, I am 70")
    Bundle.model_validate(bundle)
    assert bundle["type"] == "collection"
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert sorted(set(kinds)) == sorted(
        {"Patient", "Questionnaire", "QuestionnaireResponse", "Observation"}
        | {"MedicationStatement", "RiskAssessment", "Condition"}
    )
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
    assert len({e["fullUrl"] for e in bundle["entry"]}) == len(bundle["entry"])


@pytest.mark.usefixtures("filled")
def test_ids_are_stable_from_one_export_to_the_next(tmp_path: Path) -> None:
    first = export(tmp_path, name="one.json")
    second = export(tmp_path, name="two.json")
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]


@pytest.mark.usefixtures("filled")
def test_patient_holds_only_birth_year_and_gender(tmp_path: Path) -> None:
    (patient,) = resources(export(tmp_path), "Patient")
    assert patient == {
        "resourceType": "Patient",
        "id": patient["id"],
        "birthDate": "1958",
        "gender": "female",
    }


@pytest.mark.usefixtures("filled")
def test_an_episode_is_a_snomed_cramp_observation_with_its_offset(tmp_path: Path) -> None:
    first = resources(export(tmp_path), "Observation")[0]  # oldest first: 02:10 UTC
    assert first["code"]["coding"] == [
        {"system": "http://snomed.info/sct", "code": "55300003", "display": "Cramp"}
    ]
    assert first["effectiveDateTime"] == "2026-11-20T03:10:00+01:00"
    assert first["bodySite"] == {"text": "calf"}
    values = {c["code"]["text"]: c for c in first["component"]}
    assert values["duration"]["valueQuantity"] == {
        "value": 120,
        "unit": "s",
        "system": "http://unitsofmeasure.org",
        "code": "s",
    }
    assert values["severity (0-10)"]["valueInteger"] == 7
    assert values["laterality"]["valueString"] == "left"
    assert values["activity"]["valueString"] == "sleeping"
    tags = [c["valueString"] for c in first["component"] if c["code"]["text"] == "tag"]
    assert tags == ["heat", "wine"]
    assert first["note"] == [{"text": 'said "ouch";\nwalked it off'}]


@pytest.mark.usefixtures("filled")
def test_medicines_are_medication_statements_with_their_start_date(tmp_path: Path) -> None:
    statements = resources(export(tmp_path), "MedicationStatement")
    assert [s["medicationCodeableConcept"] for s in statements] == [
        {"text": "atorvastatin"},
        {"text": "furosemide"},
    ]
    assert statements[0]["effectivePeriod"] == {"start": "2026-09-01"}
    assert "effectivePeriod" not in statements[1]


@pytest.mark.usefixtures("filled")
def test_the_questionnaire_has_one_item_per_askable_finding(tmp_path: Path) -> None:
    (questionnaire,) = resources(export(tmp_path), "Questionnaire")
    askable = [f for f in load_kb().findings if f.ask]
    assert [i["linkId"] for i in questionnaire["item"]] == [f.id for f in askable]
    kinds = {"yes_no": "boolean", "number": "decimal", "choice": "choice"}
    for item, finding in zip(questionnaire["item"], askable, strict=True):
        assert item["type"] == kinds[finding.type]
        if finding.type == "choice":
            assert [o["valueCoding"]["code"] for o in item["answerOption"]] == [
                c.id for c in finding.choices
            ]
    age = next(i for i in questionnaire["item"] if i["linkId"] == "age")
    assert age["extension"][0]["valueCoding"]["code"] == "a"


@pytest.mark.usefixtures("filled")
def test_the_response_holds_the_answers_given(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"age": 70, "sex": "female", "night_cramps": True}))
    (response,) = resources(export(tmp_path, "--answers", str(answers)), "QuestionnaireResponse")
    given = {i["linkId"]: i["answer"][0] for i in response["item"]}
    assert given["age"] == {"valueDecimal": 70}
    assert given["sex"] == {"valueCoding": {"code": "female", "display": "Female"}}
    assert given["night_cramps"] == {"valueBoolean": True}


def test_an_empty_diary_without_a_story_exports_an_empty_response(use: Use, tmp_path: Path) -> None:
    use("empty")
    bundle = export(tmp_path)
    (response,) = resources(bundle, "QuestionnaireResponse")
    assert "item" not in response
    assert resources(bundle, "Observation") == resources(bundle, "RiskAssessment") == []


@pytest.mark.usefixtures("filled")
def test_risk_assessment_predictions_carry_icd10cm_codes(tmp_path: Path) -> None:
    bundle = export(tmp_path, "--text", "one calf swollen, warm and tender after a long flight")
    (risk,) = resources(bundle, "RiskAssessment")
    codes = {c.name: set(c.icd10) for c in load_kb().conditions}
    assert len(risk["prediction"]) >= 5
    for prediction in risk["prediction"]:
        outcome = prediction["outcome"]
        assert {c["system"] for c in outcome["coding"]} == {ICD10CM}
        assert {c["code"] for c in outcome["coding"]} == codes[outcome["text"]]
        assert 0 <= prediction["probabilityDecimal"] <= 1


def test_export_writes_to_stdout_without_output(use: Use) -> None:
    use("empty")
    result = runner.invoke(app, ["export", "--format", "fhir"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["resourceType"] == "Bundle"


def test_only_the_fhir_format_is_offered(use: Use) -> None:
    use("empty")
    assert runner.invoke(app, ["export", "--format", "pdf"]).exit_code == 2


# --- import ---------------------------------------------------------------------


@pytest.mark.usefixtures("filled")
def test_export_import_export_gives_the_same_diary(use: Use, tmp_path: Path) -> None:
    before = export(tmp_path, name="first.json")
    state = diary_state()
    use("second")
    result = do_import(tmp_path / "first.json")
    assert result.exit_code == 0, result.output
    assert "imported 4 episodes and the profile" in result.output
    after = export(tmp_path, name="second.json")
    for kind in DIARY_KINDS:
        assert resources(after, kind) == resources(before, kind)
    assert diary_state() == state


def test_read_bundle_gives_back_the_episodes_and_profile(filled: None, tmp_path: Path) -> None:
    bundle = export(tmp_path)
    content = read_bundle(bundle)
    episodes, profile = diary_state()
    assert [e.to_dict() for e in content.episodes] == episodes
    assert content.profile == {
        "birth_year": 1958,
        "sex": "female",
        "medicines": [
            {"name": "atorvastatin", "start_date": dt.date(2026, 9, 1)},
            {"name": "furosemide", "start_date": None},
        ],
        "conditions": ["diabetes", "underactive thyroid"],
        "due_date": "2027-03-01",
    }
    assert profile["birth_year"] == content.profile["birth_year"]


def _observation(bundle: dict[str, Any]) -> dict[str, Any]:
    return resources(bundle, "Observation")[0]


def _drop_effective(bundle: dict[str, Any]) -> None:
    del _observation(bundle)["effectiveDateTime"]


def _hours(bundle: dict[str, Any]) -> None:
    for component in _observation(bundle)["component"]:
        if component["code"]["text"] == "duration":
            component["valueQuantity"] |= {"unit": "hours", "code": "hours"}


def _not_a_bundle(bundle: dict[str, Any]) -> None:
    bundle.clear()
    bundle.update({"resourceType": "Patient", "gender": "female"})


def _bad_severity(bundle: dict[str, Any]) -> None:
    for component in _observation(bundle)["component"]:
        if component["code"]["text"] == "severity (0-10)":
            component["valueInteger"] = 11


def _bad_due_date(bundle: dict[str, Any]) -> None:
    for observation in resources(bundle, "Observation"):
        if observation["code"]["coding"][0]["code"] == "11778-8":
            observation["valueDateTime"] = "soon"


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], tuple[str, ...]]] = [
    ("due-date", _bad_due_date, ("Observation entry[", "valueDateTime", "'soon'")),
    ("missing-effective", _drop_effective, ("Observation entry[3]", "effectiveDateTime")),
    ("duration-unit", _hours, ("Observation entry[3]", "valueQuantity.code", "'hours'")),
    ("not-a-bundle", _not_a_bundle, ("Bundle", "resourceType", "'Patient'")),
    ("severity", _bad_severity, ("Observation entry[3]", "valueInteger", "11")),
]


@pytest.mark.parametrize(
    ("change", "words"), [(c, w) for _, c, w in BROKEN], ids=[b[0] for b in BROKEN]
)
@pytest.mark.usefixtures("filled")
def test_invalid_fhir_names_resource_and_field_and_imports_nothing(
    use: Use, tmp_path: Path, change: Callable[[dict[str, Any]], None], words: tuple[str, ...]
) -> None:
    bundle = export(tmp_path)
    change(bundle)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    use("second")
    empty = diary_state()
    result = do_import(path)
    assert result.exit_code == 2
    assert "nothing was imported" in result.output
    for word in words:
        assert word in result.output
    assert "Traceback" not in result.output
    assert diary_state() == empty


def test_a_file_that_is_not_json_is_refused(use: Use, tmp_path: Path) -> None:
    use("second")
    path = tmp_path / "broken.json"
    path.write_text('{"resourceType": "Bundle", ', encoding="utf-8")
    result = do_import(path)
    assert result.exit_code == 2
    assert "not valid JSON" in result.output
    assert diary_state() == ([], ProfileIn().to_dict())


@pytest.mark.usefixtures("filled")
def test_an_unknown_resource_type_is_named(use: Use, tmp_path: Path) -> None:
    bundle = export(tmp_path)
    bundle["entry"].append({"resource": {"resourceType": "Cramp", "id": "x"}})
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    use("second")
    result = do_import(path)
    assert result.exit_code == 2
    assert "Cramp entry[" in result.output and "not a FHIR type" in result.output


@pytest.mark.usefixtures("filled")
def test_importing_episodes_already_in_the_diary_changes_nothing(tmp_path: Path) -> None:
    export(tmp_path)
    state = diary_state()
    result = do_import(tmp_path / "bundle.json")
    assert result.exit_code == 2
    assert "already in the diary" in result.output
    assert diary_state() == state


def test_a_missing_file_is_bad_input(use: Use, tmp_path: Path) -> None:
    use("second")
    result = do_import(tmp_path / "nowhere.json")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_profile_dates_and_conditions_are_coded_and_read_back(use: Use, tmp_path: Path) -> None:
    use("dates")
    with diary_session() as session:
        profile = {"sex": "female", "postpartum_since": "2026-10-01", "conditions": ["asthma"]}
        repository.update_profile(session, profile)
    bundle = export(tmp_path)
    gave_birth = [
        o for o in resources(bundle, "Observation") if o["code"]["text"] == "Gave birth on"
    ]
    assert gave_birth and gave_birth[0]["valueDateTime"] == "2026-10-01"
    (condition,) = resources(bundle, "Condition")
    assert condition["code"] == {"text": "asthma"}
    assert condition["clinicalStatus"]["coding"][0]["code"] == "active"
    condition["clinicalStatus"]["coding"][0]["code"] = "resolved"  # a past condition
    content = read_bundle(bundle)
    assert content.profile["postpartum_since"] == "2026-10-01"
    assert "conditions" not in content.profile
