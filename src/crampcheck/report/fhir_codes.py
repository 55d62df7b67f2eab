"""Codes, systems and shared helpers of the FHIR export and import."""

from __future__ import annotations

import uuid
from typing import Any

SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
EPISODE_SYSTEM = "urn:crampcheck:diary-episode"
LOINC = "http://loinc.org"
PROFILE_SYSTEM = "urn:crampcheck:profile"
DUE_DATE = {"system": LOINC, "code": "11778-8", "display": "Delivery date Estimated"}
GAVE_BIRTH = {"system": PROFILE_SYSTEM, "code": "postpartum-since", "display": "Gave birth on"}
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
UNIT_EXTENSION = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
CRAMP = {"system": SNOMED, "code": "55300003", "display": "Cramp"}
NAMESPACE = uuid.UUID("a42c5226-5070-4cf6-8b3a-ebca23158ce8")
UCUM_UNITS = {"years": "a", "weeks": "wk", "days": "d", "hours": "h", "minutes": "min"}
UCUM_UNITS |= {"seconds": "s", "metres": "m", "meters": "m"}
SECONDS_PER = {"s": 1, "min": 60, "h": 3600}
DURATION, SEVERITY, ACTIVITY, LATERALITY, TAG = (
    "duration",
    "severity (0-10)",
    "activity",
    "laterality",
    "tag",
)
NOT_TAKEN = {"stopped", "completed", "entered-in-error", "not-taken"}
EPISODE_PATHS = {
    "id": "identifier",
    "at": "effectiveDateTime",
    "duration_s": f"component[{DURATION}].valueQuantity",
    "muscle": "bodySite.text",
    "side": f"component[{LATERALITY}].valueString",
    "severity": f"component[{SEVERITY}].valueInteger",
    "activity": f"component[{ACTIVITY}].valueString",
    "tags": f"component[{TAG}].valueString",
    "note": "note.text",
}
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
Resource = dict[str, Any]


def stable_id(*parts: object) -> str:
    """The same UUID for the same parts, every time (a name-based UUID 5)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def _ref(resource: Resource) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource['id']}"}


def _text(text: str) -> dict[str, str]:
    return {"text": text}
