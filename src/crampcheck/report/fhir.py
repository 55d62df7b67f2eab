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
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from crampcheck.report.fhir_read import (
    BundleContent,
    _not_imported,
    episode_data,
    fhir_problems,
    is_cramp,
    parse_json,
    read_bundle,
    read_bundle_file,
    read_episode,
    read_medicine,
    read_patient,
    structure_problems,
)
from crampcheck.report.fhir_write import (
    build_bundle,
    medication_resource,
    observation_resource,
    patient_resource,
    question_item,
    questionnaire_resource,
    response_resource,
    risk_resource,
    validate_resources,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crampcheck.engine.evidence import Answer


__all__ = [
    "BundleContent",
    "build_bundle",
    "episode_data",
    "export_bundle",
    "fhir_problems",
    "import_bundle",
    "is_cramp",
    "medication_resource",
    "observation_resource",
    "parse_json",
    "patient_resource",
    "question_item",
    "questionnaire_resource",
    "read_bundle",
    "read_bundle_file",
    "read_episode",
    "read_medicine",
    "read_patient",
    "response_resource",
    "risk_resource",
    "structure_problems",
    "validate_resources",
]

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
