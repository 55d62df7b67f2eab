"""The diary and an assessment as a FHIR R4 Bundle, and the diary read back from one.

FHIR R4 is written as its maintained release **R4B (4.3)**, validated with the
``fhir.resources.R4B`` models. :func:`build_bundle` makes a Bundle of type
``collection`` holding, each with a stable ``urn:uuid:`` id:

* ``Patient``: only what the profile holds about the person: birth year (as a
  year-only ``birthDate``) and ``gender``.
* ``Questionnaire``: one item per askable finding of the knowledge base
  (``linkId`` = finding id), and ``QuestionnaireResponse``: the answers found
  in ``--text`` / ``--answers`` (may be empty).
* ``Observation``: one per diary episode, coded SNOMED CT 55300003 *Cramp*.
* ``MedicationStatement``: one per medicine of the profile.
* ``RiskAssessment``: the differential (ICD-10-CM coded), when there was evidence.

:func:`read_bundle` checks a whole Bundle and returns its episodes and profile,
or raises :class:`~crampcheck.errors.DiaryInputError` listing every problem by
resource and field. Both are pure; :func:`export_bundle` and
:func:`import_bundle` (at the end) are the only functions that touch the diary.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from crampcheck.diary.schemas import EpisodeIn, MedicineIn, ProfileIn, episode_or_problems, show
from crampcheck.errors import DiaryInputError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crampcheck.engine.assessment import Assessment
    from crampcheck.engine.evidence import Answer
    from crampcheck.knowledge.models import Finding, KnowledgeBase

SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
EPISODE_SYSTEM = "urn:crampcheck:diary-episode"
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
    medicines = [medication_resource(m, i, patient) for i, m in enumerate(profile.medicines)]
    resources = [patient, questionnaire, response, *observations, *medicines]
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


# --- import: Bundle -> episodes and profile (pure) ------------------------------


@dataclass(frozen=True)
class BundleContent:
    """What a Bundle holds for the diary: episodes, and the profile fields it gives."""

    episodes: tuple[EpisodeIn, ...] = ()
    profile: dict[str, Any] = field(default_factory=dict)


def _name(index: int, resource: object) -> str:
    kind = resource.get("resourceType") if isinstance(resource, dict) else None
    rid = resource.get("id") if isinstance(resource, dict) else None
    return f"{kind or 'resource'} entry[{index}]" + (f" (id {rid})" if isinstance(rid, str) else "")


def _path(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text or "resource"


def fhir_problems(where: str, exc: ValidationError) -> list[str]:
    """One line per FHIR validation error: resource, field, value and what is wrong."""
    lines = []
    for error in exc.errors(include_url=False):
        path = _path(error["loc"])
        if "missing" in error["type"]:
            lines.append(f"{where}: {path}: is missing; add it")
        elif error["type"] == "extra_forbidden":
            lines.append(f"{where}: {path}: is not a field of this resource; remove it")
        else:
            message = str(error["msg"]).removeprefix("Value error, ")
            lines.append(f"{where}: {path}: {show(error.get('input'))} is not valid ({message})")
    return lines


def _resource_problems(index: int, entry: object) -> list[str]:
    from fhir.resources.R4B import get_fhir_model_class

    resource = entry.get("resource") if isinstance(entry, dict) else None
    where = _name(index, resource)
    if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
        return [f"{where}: resource: is missing or has no resourceType; give a FHIR resource"]
    try:
        model = get_fhir_model_class(resource["resourceType"])
    except (KeyError, ValueError):
        return [f"{where}: resourceType: {show(resource['resourceType'])} is not a FHIR type"]
    try:
        model.model_validate(resource)
    except ValidationError as exc:
        return fhir_problems(where, exc)
    return []


def structure_problems(data: object) -> list[str]:
    """Every way ``data`` fails to be a valid R4B Bundle, each resource checked on its own."""
    from fhir.resources.R4B.bundle import Bundle

    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        found = data.get("resourceType") if isinstance(data, dict) else type(data).__name__
        return [f"Bundle: resourceType: {show(found)} is not Bundle; give the Bundle export wrote"]
    entries = data.get("entry", [])
    if not isinstance(entries, list):
        return ["Bundle: entry: is not a list; give a list of entries"]
    problems = [p for i, e in enumerate(entries) for p in _resource_problems(i, e)]
    shell = {**data, "entry": [_without_resource(e) for e in entries]}
    try:
        Bundle.model_validate(shell)
    except ValidationError as exc:
        problems += fhir_problems("Bundle", exc)
    return problems


def _without_resource(entry: object) -> object:
    return {k: v for k, v in entry.items() if k != "resource"} if isinstance(entry, dict) else entry


def is_cramp(resource: Mapping[str, Any]) -> bool:
    """Whether an Observation is a cramp episode (coded SNOMED CT 55300003)."""
    codings = resource.get("code", {}).get("coding") or []
    return any(c.get("system") == SNOMED and c.get("code") == CRAMP["code"] for c in codings)


def _components(resource: Mapping[str, Any]) -> dict[str, list[Resource]]:
    found: dict[str, list[Resource]] = {}
    for component in resource.get("component") or []:
        found.setdefault(component["code"].get("text") or "", []).append(component)
    return found


def _duration(components: Sequence[Resource]) -> tuple[object, str | None]:
    quantity = components[0].get("valueQuantity") or {}
    unit = quantity.get("code") or quantity.get("unit")
    if unit not in SECONDS_PER or quantity.get("system", UCUM) != UCUM:
        return None, (
            f"component[{DURATION}].valueQuantity.code: {show(unit)} is not a UCUM unit of "
            "time crampcheck reads; give seconds: code 's', system http://unitsofmeasure.org"
        )
    value = quantity.get("value")
    return (None if value is None else value * SECONDS_PER[unit]), None


def _first(components: Mapping[str, list[Resource]], name: str, value: str) -> object:
    found = components.get(name)
    return found[0].get(value) if found else None


def episode_data(resource: Mapping[str, Any]) -> tuple[dict[str, object], list[str]]:
    """The episode fields of a cramp Observation, and problems found on the way."""
    components = _components(resource)
    problems: list[str] = []
    data: dict[str, object] = {
        "at": resource.get("effectiveDateTime"),
        "muscle": (resource.get("bodySite") or {}).get("text"),
        "severity": _first(components, SEVERITY, "valueInteger"),
        "activity": _first(components, ACTIVITY, "valueString"),
        "side": _first(components, LATERALITY, "valueString"),
        "tags": [c.get("valueString") for c in components.get(TAG, [])],
        "note": "\n".join(n["text"] for n in resource.get("note") or [] if n.get("text")),
    }
    ids = [
        i.get("value")
        for i in resource.get("identifier") or []
        if i.get("system") == EPISODE_SYSTEM
    ]
    data["id"] = ids[0] if ids else None
    if DURATION in components:
        data["duration_s"], problem = _duration(components[DURATION])
        problems += [problem] if problem else []
    return {k: v for k, v in data.items() if v is not None}, problems


def _fhir_field(problem: str) -> str:
    name, colon, rest = problem.partition(":")
    head, dot, tail = name.partition(".")
    return f"{EPISODE_PATHS.get(head, head)}{dot}{tail}{colon}{rest}"


def read_episode(where: str, resource: Mapping[str, Any]) -> EpisodeIn | list[str]:
    """A valid episode from a cramp Observation, or its problems named by FHIR field."""
    data, problems = episode_data(resource)
    result = episode_or_problems(data)
    if isinstance(result, EpisodeIn) and not problems:
        return result
    found = list(result) if not isinstance(result, EpisodeIn) else []
    bad_unit = bool(problems)  # then duration_s is "missing": reported already
    problems += [_fhir_field(p) for p in found if not (bad_unit and p.startswith("duration_s"))]
    return [f"{where}: {p}" for p in problems]


def read_patient(where: str, resource: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The profile fields of a Patient: birth year and sex."""
    changes: dict[str, Any] = {}
    if "birthDate" in resource:
        changes["birth_year"] = int(str(resource["birthDate"])[:4])
    gender = resource.get("gender")
    if gender in ("female", "male"):
        changes["sex"] = gender
    elif gender == "other":
        return {}, [f"{where}: gender: 'other' cannot be kept; the diary knows female or male"]
    try:
        ProfileIn.model_validate(changes)
    except ValidationError:
        year = changes["birth_year"]
        return {}, [f"{where}: birthDate: {year} is not a birth year between 1900 and now"]
    return changes, []


def read_medicine(where: str, resource: Mapping[str, Any]) -> MedicineIn | list[str]:
    """A medicine from a MedicationStatement (its text and its start day)."""
    concept = resource.get("medicationCodeableConcept")
    if concept is None:
        return [f"{where}: medicationCodeableConcept: is missing; give the medicine as its text"]
    codings = concept.get("coding") or [{}]
    name = concept.get("text") or codings[0].get("display") or codings[0].get("code")
    start = (resource.get("effectivePeriod") or {}).get("start") or resource.get(
        "effectiveDateTime"
    )
    try:
        day = None if start is None else dt.date.fromisoformat(str(start)[:10])
        return MedicineIn(name=name, start_date=day)
    except (ValueError, ValidationError):
        return [
            f"{where}: medicationCodeableConcept.text / effectivePeriod.start: "
            f"{show(name)} from {show(start)} is not a medicine name (1 to 100 characters) "
            "with a start date YYYY-MM-DD"
        ]


class _Reader:
    """Collects episodes, profile fields and problems over a Bundle's entries."""

    def __init__(self) -> None:
        self.episodes: list[EpisodeIn] = []
        self.profile: dict[str, Any] = {}
        self.medicines: list[MedicineIn] = []
        self.problems: list[str] = []
        self.first: dict[int, str] = {}
        self.patients = 0

    def episode(self, where: str, resource: Resource) -> None:
        result = read_episode(where, resource)
        if isinstance(result, list):
            self.problems += result
        elif result.id is not None and result.id in self.first:
            seen = self.first[result.id]
            self.problems.append(f"{where}: identifier: {result.id} is also on {seen}")
        else:
            if result.id is not None:
                self.first[result.id] = where
            self.episodes.append(result)

    def patient(self, where: str, resource: Resource) -> None:
        self.patients += 1
        if self.patients > 1:
            self.problems.append(f"{where}: a second Patient; a diary has one person")
        changes, problems = read_patient(where, resource)
        self.profile.update(changes)
        self.problems += problems

    def medicine(self, where: str, resource: Resource) -> None:
        if resource.get("status") in NOT_TAKEN:
            return
        result = read_medicine(where, resource)
        if isinstance(result, list):
            self.problems += result
        else:
            self.medicines.append(result)

    def read(self, index: int, resource: Resource) -> None:
        where = _name(index, resource)
        kind = resource["resourceType"]
        if kind == "Observation" and is_cramp(resource):
            self.episode(where, resource)
        elif kind == "Patient":
            self.patient(where, resource)
        elif kind == "MedicationStatement":
            self.medicine(where, resource)


def _not_imported(source: str, problems: Sequence[str]) -> DiaryInputError:
    return DiaryInputError(
        f"{source}: {len(problems)} problem(s); nothing was imported. Fix these and import again:",
        tuple(problems),
    )


def read_bundle(data: object, source: str = "the bundle") -> BundleContent:
    """The episodes and profile of a Bundle, or every problem with it (nothing is kept).

    Cramp Observations become episodes (their diary id is kept when the
    identifier has it); the Patient gives birth year and sex; MedicationStatements
    that are not stopped give the medicines. Other resources are left alone.
    """
    problems = structure_problems(data)
    if problems:
        raise _not_imported(source, problems)
    assert isinstance(data, dict)  # structure_problems checked it
    reader = _Reader()
    for index, entry in enumerate(data.get("entry", [])):
        reader.read(index, entry["resource"])
    if reader.problems:
        raise _not_imported(source, reader.problems)
    profile = dict(reader.profile)
    if reader.medicines:
        profile["medicines"] = [m.model_dump() for m in reader.medicines]
    return BundleContent(tuple(reader.episodes), profile)


def parse_json(text: str, source: str) -> object:
    """JSON text, or a message that says where it is broken."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DiaryInputError(
            f"{source}: line {exc.lineno}: not valid JSON ({exc.msg}); "
            "give the FHIR Bundle that `crampcheck export --format fhir` writes"
        ) from None


def read_bundle_file(path: Path) -> BundleContent:
    """Read and check a Bundle file (no database involved)."""
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise DiaryInputError(f"{path} is larger than {MAX_BUNDLE_BYTES} bytes; split it up")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DiaryInputError(f"{path} does not exist; check the path") from None
    except UnicodeDecodeError:
        raise DiaryInputError(f"{path} is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise DiaryInputError(f"cannot read {path} ({exc.strerror}); check the path") from None
    return read_bundle(parse_json(text, str(path)), str(path))


# --- the diary (database I/O) -----------------------------------------------------


def export_bundle(
    session: Session,
    text: str | None = None,
    answers: Mapping[str, Answer] | None = None,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """The whole diary and profile, plus the assessment of ``text``/``answers`` and the diary."""
    from crampcheck.core import assess
    from crampcheck.diary.patterns import diary_findings
    from crampcheck.diary.repository import get_profile, list_episodes
    from crampcheck.knowledge.loader import load_kb

    assessment = assess(text, answers, diary=diary_findings(session))
    episodes = list_episodes(session)
    return build_bundle(load_kb(), episodes, get_profile(session), assessment, now)


def _taken(session: Session, content: BundleContent) -> list[str]:
    from sqlalchemy import select

    from crampcheck.diary.models import Episode

    wanted = sorted(e.id for e in content.episodes if e.id is not None)
    taken: list[int] = []
    for start in range(0, len(wanted), 5000):
        chunk = wanted[start : start + 5000]
        taken += session.scalars(select(Episode.id).where(Episode.id.in_(chunk))).all()
    return [
        f"Observation with identifier {i}: episode {i} is already in the diary; import into "
        "an empty diary or remove the identifier to add it as new"
        for i in sorted(taken)
    ]


def import_bundle(session: Session, content: BundleContent, source: str) -> int:
    """Write a checked Bundle's episodes and profile fields, all or nothing; returns episodes."""
    from crampcheck.diary.repository import add_episodes, update_profile

    problems = _taken(session, content)
    if problems:
        raise _not_imported(source, problems)
    count = add_episodes(session, content.episodes)
    if content.profile:
        update_profile(session, content.profile)
    return count
