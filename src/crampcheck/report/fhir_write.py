"""Diary and assessment -> FHIR R4 (R4B) resources and Bundle (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from crampcheck.diary.schemas import EpisodeIn, MedicineIn, ProfileIn
from crampcheck.report.fhir_codes import (
    ACTIVITY,
    CONDITION_CATEGORY,
    CONDITION_CLINICAL,
    CRAMP,
    DUE_DATE,
    DURATION,
    EPISODE_SYSTEM,
    GAVE_BIRTH,
    ICD10CM,
    LATERALITY,
    SEVERITY,
    TAG,
    UCUM,
    UCUM_UNITS,
    UNIT_EXTENSION,
    Resource,
    _ref,
    _text,
    stable_id,
)

if TYPE_CHECKING:
    from crampcheck.engine.assessment import Assessment
    from crampcheck.engine.evidence import Answer
    from crampcheck.knowledge.models import Finding, KnowledgeBase


# --- export: diary + assessment -> resources (pure) ----------------------------


def patient_resource(profile: ProfileIn) -> Resource:
    """The person, with only what they entered: birth year and sex."""
    patient: Resource = {"resourceType": "Patient", "id": stable_id("Patient")}
    if profile.birth_year is not None:
        patient["birthDate"] = f"{profile.birth_year:04d}"
    if profile.sex is not None:
        patient["gender"] = profile.sex
    return patient


def _unit(unit: str) -> dict[str, Any]:
    code = UCUM_UNITS.get(unit)
    coding = {"system": UCUM, "code": code, "display": unit} if code else {"display": unit}
    return {"url": UNIT_EXTENSION, "valueCoding": coding}


def question_item(finding: Finding) -> Resource:
    """One Questionnaire item: yes/no -> boolean, number -> decimal, choice -> choice."""
    item: Resource = {"linkId": finding.id, "text": finding.text}
    if finding.type == "yes_no":
        item["type"] = "boolean"
    elif finding.type == "number":
        item["type"] = "decimal"
        if finding.unit:
            item["extension"] = [_unit(finding.unit)]
    else:
        item["type"] = "choice"
        item["answerOption"] = [
            {"valueCoding": {"code": c.id, "display": c.label}} for c in finding.choices
        ]
    return item


def questionnaire_resource(kb: KnowledgeBase) -> Resource:
    """Every question crampcheck can ask, one item per askable finding."""
    resource_id = stable_id("Questionnaire", kb.version)
    return {
        "resourceType": "Questionnaire",
        "id": resource_id,
        "url": f"urn:uuid:{resource_id}",
        "version": kb.version,
        "name": "CrampcheckQuestions",
        "title": "crampcheck: questions about leg cramps",
        "status": "active",
        "item": [question_item(f) for f in kb.findings if f.ask],
    }


def _answer(finding: Finding, value: Answer) -> dict[str, Any] | None:
    if finding.type == "yes_no" and isinstance(value, bool):
        return {"valueBoolean": value}
    if finding.type == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return {"valueDecimal": value}
    labels = {c.id: c.label for c in finding.choices}
    if finding.type == "choice" and isinstance(value, str) and value in labels:
        return {"valueCoding": {"code": value, "display": labels[value]}}
    return None


def response_resource(
    kb: KnowledgeBase, assessment: Assessment | None, questionnaire: Resource, patient: Resource
) -> Resource:
    """The person's answers (from their text and answers) to the Questionnaire's items."""
    askable = {f.id: f for f in kb.findings if f.ask}
    items = []
    for found in assessment.findings if assessment else ():
        finding = askable.get(found.id)
        answer = _answer(finding, found.value) if finding and found.source != "diary" else None
        if finding and answer:
            items.append({"linkId": finding.id, "text": finding.text, "answer": [answer]})
    response: Resource = {
        "resourceType": "QuestionnaireResponse",
        "id": stable_id("QuestionnaireResponse"),
        "questionnaire": questionnaire["url"],
        "status": "completed",
        "subject": _ref(patient),
    }
    return response | ({"item": items} if items else {})


def _component(name: str, value: Mapping[str, Any]) -> Resource:
    return {"code": _text(name), **value}


def observation_resource(episode: EpisodeIn, index: int, patient: Resource) -> Resource:
    """One diary episode as an Observation of a cramp."""
    key = episode.id if episode.id is not None else f"new-{index}"
    duration = {"value": episode.duration_s, "unit": "s", "system": UCUM, "code": "s"}
    components = [
        _component(DURATION, {"valueQuantity": duration}),
        _component(SEVERITY, {"valueInteger": episode.severity}),
        _component(ACTIVITY, {"valueString": episode.activity}),
        _component(LATERALITY, {"valueString": episode.side}),
        *(_component(TAG, {"valueString": tag}) for tag in episode.tags),
    ]
    observation: Resource = {
        "resourceType": "Observation",
        "id": stable_id("Observation", key),
        "status": "final",
        "code": {"coding": [CRAMP], "text": "Leg cramp"},
        "subject": _ref(patient),
        "effectiveDateTime": episode.at.isoformat(),
        "bodySite": _text(episode.muscle),
        "component": components,
    }
    if episode.id is not None:
        observation["identifier"] = [{"system": EPISODE_SYSTEM, "value": str(episode.id)}]
    if episode.note:
        observation["note"] = [{"text": episode.note}]
    return observation


def medication_resource(medicine: MedicineIn, index: int, patient: Resource) -> Resource:
    """A medicine the person takes, with the day they started it."""
    statement: Resource = {
        "resourceType": "MedicationStatement",
        "id": stable_id("MedicationStatement", index, medicine.name),
        "status": "active",
        "medicationCodeableConcept": _text(medicine.name),
        "subject": _ref(patient),
    }
    if medicine.start_date is not None:
        statement["effectivePeriod"] = {"start": medicine.start_date.isoformat()}
    return statement


def date_observation(code: dict[str, str], day: dt.date, patient: Resource) -> Resource:
    """A date from the profile as an Observation (the due date is LOINC-coded)."""
    return {
        "resourceType": "Observation",
        "id": stable_id("Observation", code["code"]),
        "status": "final",
        "code": {"coding": [code], "text": code["display"]},
        "subject": _ref(patient),
        "valueDateTime": day.isoformat(),
    }


def condition_resource(name: str, index: int, patient: Resource) -> Resource:
    """A condition the person says they have (their words, on the problem list)."""
    return {
        "resourceType": "Condition",
        "id": stable_id("Condition", index, name),
        "clinicalStatus": {"coding": [{"system": CONDITION_CLINICAL, "code": "active"}]},
        "category": [{"coding": [{"system": CONDITION_CATEGORY, "code": "problem-list-item"}]}],
        "code": _text(name),
        "subject": _ref(patient),
    }


def profile_resources(profile: ProfileIn, patient: Resource) -> list[Resource]:
    """Medicines, known conditions, the due date and the birth date of a baby."""
    out = [medication_resource(m, i, patient) for i, m in enumerate(profile.medicines)]
    out += [condition_resource(c, i, patient) for i, c in enumerate(profile.conditions)]
    if profile.due_date is not None:
        out.append(date_observation(DUE_DATE, profile.due_date, patient))
    if profile.postpartum_since is not None:
        out.append(date_observation(GAVE_BIRTH, profile.postpartum_since, patient))
    return out


def risk_resource(
    assessment: Assessment, patient: Resource, basis: Sequence[Resource], now: dt.datetime
) -> Resource:
    """The differential: one prediction per cause, ICD-10-CM coded, with its probability."""
    from crampcheck.engine.assessment import DISCLAIMER

    predictions = [
        {
            "outcome": {
                "coding": [{"system": ICD10CM, "code": code} for code in cause.icd10],
                "text": cause.name,
            },
            "probabilityDecimal": round(cause.probability, 4),
        }
        for cause in assessment.causes
    ]
    return {
        "resourceType": "RiskAssessment",
        "id": stable_id("RiskAssessment"),
        "status": "final",
        "subject": _ref(patient),
        "occurrenceDateTime": now.isoformat(timespec="seconds"),
        "method": _text(f"crampcheck {assessment.kb_version} (Bayesian differential)"),
        "basis": [_ref(r) for r in basis],
        "prediction": predictions,
        "note": [{"text": DISCLAIMER}],
    }


def _entries(resources: Iterable[Resource]) -> list[Resource]:
    return [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources]


def build_bundle(
    kb: KnowledgeBase,
    episodes: Iterable[EpisodeIn],
    profile: ProfileIn,
    assessment: Assessment | None = None,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """The diary, profile, questions, answers and differential as a validated FHIR Bundle.

    The RiskAssessment is left out when the assessment rests on no finding at all.
    Raises :class:`pydantic.ValidationError` only on a bug (the output is checked).
    """
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    patient = patient_resource(profile)
    questionnaire = questionnaire_resource(kb)
    response = response_resource(kb, assessment, questionnaire, patient)
    observations = [observation_resource(e, i, patient) for i, e in enumerate(episodes)]
    resources = [
        patient,
        questionnaire,
        response,
        *observations,
        *profile_resources(profile, patient),
    ]
    if assessment is not None and assessment.findings:
        resources.append(risk_resource(assessment, patient, [response, *observations], now))
    bundle = {
        "resourceType": "Bundle",
        "id": stable_id("Bundle"),
        "type": "collection",
        "timestamp": now.isoformat(timespec="seconds"),
        "entry": _entries(resources),
    }
    validate_resources(bundle)
    return bundle


def validate_resources(bundle: Mapping[str, Any]) -> None:
    """Validate the Bundle with fhir.resources R4B (raises ValidationError)."""
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(bundle)
