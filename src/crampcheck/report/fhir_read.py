"""A FHIR Bundle -> diary episodes and profile, every problem reported (pure)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from crampcheck.diary.schemas import EpisodeIn, MedicineIn, ProfileIn, episode_or_problems, show
from crampcheck.errors import DiaryInputError
from crampcheck.report.fhir_codes import (
    ACTIVITY,
    CRAMP,
    DUE_DATE,
    DURATION,
    EPISODE_PATHS,
    EPISODE_SYSTEM,
    GAVE_BIRTH,
    LATERALITY,
    MAX_BUNDLE_BYTES,
    NOT_TAKEN,
    SECONDS_PER,
    SEVERITY,
    SNOMED,
    TAG,
    UCUM,
    Resource,
)

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


PROFILE_DATES = {
    (DUE_DATE["system"], DUE_DATE["code"]): "due_date",
    (GAVE_BIRTH["system"], GAVE_BIRTH["code"]): "postpartum_since",
}


def profile_date(resource: Mapping[str, Any]) -> str | None:
    """``due_date`` or ``postpartum_since`` for an Observation crampcheck writes, else None."""
    for coding in resource.get("code", {}).get("coding") or []:
        field = PROFILE_DATES.get((coding.get("system"), coding.get("code")))
        if field is not None:
            return field
    return None


def read_profile_date(where: str, field: str, resource: Mapping[str, Any]) -> list[str]:
    """Problems with a profile date Observation (its valueDateTime must be a day)."""
    value = resource.get("valueDateTime")
    try:
        dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return [f"{where}: valueDateTime: {show(value)} is not a date YYYY-MM-DD for {field}"]
    return []


def read_condition(where: str, resource: Mapping[str, Any]) -> str | list[str]:
    """The name of a condition from a Condition (its text, or its first coding's display)."""
    concept = resource.get("code") or {}
    codings = concept.get("coding") or [{}]
    name = concept.get("text") or codings[0].get("display") or codings[0].get("code")
    if not isinstance(name, str) or not 1 <= len(name.strip()) <= 100:
        return [f"{where}: code.text: {show(name)} is not a condition name of 1 to 100 characters"]
    return name.strip()


INACTIVE = {"inactive", "resolved", "remission"}


class _Reader:
    """Collects episodes, profile fields and problems over a Bundle's entries."""

    def __init__(self) -> None:
        self.episodes: list[EpisodeIn] = []
        self.profile: dict[str, Any] = {}
        self.medicines: list[MedicineIn] = []
        self.conditions: list[str] = []
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

    def condition(self, where: str, resource: Resource) -> None:
        codings = (resource.get("clinicalStatus") or {}).get("coding") or [{}]
        if codings[0].get("code") in INACTIVE:
            return
        result = read_condition(where, resource)
        if isinstance(result, list):
            self.problems += result
        else:
            self.conditions.append(result)

    def date(self, where: str, field: str, resource: Resource) -> None:
        problems = read_profile_date(where, field, resource)
        self.problems += problems
        if not problems:
            self.profile[field] = str(resource["valueDateTime"])[:10]

    def read(self, index: int, resource: Resource) -> None:
        where = _name(index, resource)
        kind = resource["resourceType"]
        if kind == "Observation" and is_cramp(resource):
            self.episode(where, resource)
        elif kind == "Observation" and (field := profile_date(resource)) is not None:
            self.date(where, field, resource)
        elif kind == "Condition":
            self.condition(where, resource)
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
    that are not stopped give the medicines; active Conditions the known conditions;
    the due-date (LOINC 11778-8) and gave-birth Observations the pregnancy dates.
    Other resources are left alone.
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
    if reader.conditions:
        profile["conditions"] = reader.conditions
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
    except RecursionError:
        raise DiaryInputError(
            f"{source}: the JSON is nested too deeply to be a FHIR Bundle; "
            "give the FHIR Bundle that `crampcheck export --format fhir` writes"
        ) from None
    except ValueError as exc:  # JSONDecodeError is a ValueError too; this is e.g. a huge integer
        raise DiaryInputError(
            f"{source}: not valid JSON ({exc}); "
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
