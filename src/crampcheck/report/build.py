"""Everything a doctor-visit report shows, gathered into plain data (no HTML here).

:func:`build_report` turns an :class:`~crampcheck.engine.assessment.Assessment`
(plus the diary profile and statistics, when there is a diary) into a
:class:`Report`; :func:`collect` does the reading: the story, the answers, the
diary. The renderer (:mod:`.render`) and the web app only format a ``Report``.
Lists are kept whole here; the template decides how many items fit on two pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crampcheck.engine.assessment import DISCLAIMER, Assessment, FoundFinding
from crampcheck.knowledge.models import TRIAGE_ORDER, TRIAGE_WORDS, Finding, KnowledgeBase

if TYPE_CHECKING:
    from crampcheck.diary.schemas import ProfileIn
    from crampcheck.diary.stats import DiaryStats

TOP_CAUSES = 5
SOURCES = {"text": "story", "answers": "answers", "diary": "diary"}
MEDICINE_WORDS = {
    "med_loop_diuretic": "loop diuretic (e.g. furosemide)",
    "med_thiazide": "thiazide diuretic",
    "med_statin": "statin or fibrate",
    "med_ppi": "proton-pump inhibitor (long-term)",
    "med_beta2_agonist": "beta-2 agonist inhaler",
    "med_calcium_channel_blocker": "calcium-channel blocker",
    "med_insulin_or_sulfonylurea": "insulin or sulfonylurea",
    "med_estrogen": "oestrogen (pill or HRT)",
    "med_bone_drug": "raloxifene or teriparatide",
    "med_quinine": "quinine",
    "med_other_crampy": "IV iron, naproxen, lithium or long-term steroid",
    "med_mineral_supplement": "magnesium or potassium supplement",
}
CONDITION_WORDS = {
    "known_diabetes": "diabetes",
    "known_heart_disease": "heart or artery disease",
    "known_high_cholesterol": "high cholesterol",
    "known_kidney_disease": "kidney disease",
    "on_dialysis": "on dialysis",
    "known_liver_disease": "liver disease",
    "known_thyroid_low": "underactive thyroid",
    "known_varicose_or_cvi": "varicose veins or venous insufficiency",
    "previous_clot": "previous blood clot",
    "active_cancer": "cancer (treated in the last 6 months)",
    "recent_surgery": "operation in the last 12 weeks",
    "neck_surgery": "thyroid/parathyroid surgery or neck radiotherapy",
}


@dataclass(frozen=True)
class Row:
    """A label and its value, e.g. ("Age", "68") or a test and what it shows."""

    label: str
    value: str


@dataclass(frozen=True)
class FindingRow:
    question: str
    answer: str
    source: str
    evidence: str


@dataclass(frozen=True)
class CauseRow:
    name: str
    probability: str
    icd10: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class DiarySummary:
    """The diary in figures; ``stats`` is kept for the charts."""

    rows: tuple[Row, ...]
    stats: DiaryStats


@dataclass(frozen=True)
class Report:
    """One doctor-visit report, ready to render."""

    created: dt.date
    kb_version: str
    triage_level: str
    triage_words: str
    triage_rank: int  # 1 = most urgent of 4
    triage_reasons: tuple[str, ...]
    red_flags_fired: tuple[Row, ...]
    profile: tuple[Row, ...]
    story: str | None
    findings: tuple[FindingRow, ...]
    causes: tuple[CauseRow, ...]
    red_flags_checked: tuple[Row, ...]
    red_flags_not_asked: int
    tests: tuple[Row, ...]
    specialists: tuple[Row, ...]
    diary: DiarySummary | None
    diary_note: str
    questions: tuple[str, ...]
    disclaimer: str = DISCLAIMER
    warnings: tuple[str, ...] = field(default=())


def answer_words(finding: Finding | None, value: object) -> str:
    """A finding's value in words: yes/no, the choice's label, or the number with its unit."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if finding is not None and finding.choices:
        return next((c.label for c in finding.choices if c.id == value), str(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    unit = f" {finding.unit}" if finding is not None and finding.unit else ""
    return f"{value}{unit}"


def _finding_rows(kb: KnowledgeBase, found: tuple[FoundFinding, ...]) -> tuple[FindingRow, ...]:
    by_id = {f.id: f for f in kb.findings}
    rows = []
    for f in found:
        finding = by_id.get(f.id)
        if finding is not None and finding.derived_from is not None:
            continue  # e.g. "65 or older" repeats the age
        question = finding.text if finding is not None else f.id
        rows.append(
            FindingRow(
                question,
                answer_words(finding, f.value),
                SOURCES.get(f.source, f.source),
                f.span or "",
            )
        )
    return tuple(rows)


def _profile_from_findings(kb: KnowledgeBase, values: Mapping[str, object]) -> dict[str, str]:
    by_id = {f.id: f for f in kb.findings}
    out: dict[str, str] = {}
    if "age" in values:
        out["Age"] = answer_words(by_id.get("age"), values["age"])
    if "sex" in values:
        out["Sex"] = answer_words(by_id.get("sex"), values["sex"])
    if values.get("pregnant") is not None:
        weeks = values.get("pregnancy_weeks")
        out["Pregnancy"] = (
            "pregnant" + (f", about {weeks} weeks" if weeks else "")
            if values["pregnant"]
            else "not pregnant"
        )
    if values.get("postpartum") is not None:
        out["After birth"] = "gave birth in the last 6 weeks" if values["postpartum"] else "no"
    meds = [w for fid, w in MEDICINE_WORDS.items() if values.get(fid) is True]
    if meds:
        out["Medicines"] = "; ".join(meds)
    known = [w for fid, w in CONDITION_WORDS.items() if values.get(fid) is True]
    if known:
        out["Known conditions"] = "; ".join(known)
    return out


def _profile_from_diary(profile: ProfileIn, today: dt.date) -> dict[str, str]:
    out: dict[str, str] = {}
    if profile.birth_year is not None:
        out["Age"] = f"{today.year - profile.birth_year} (born {profile.birth_year})"
    if profile.sex is not None:
        out["Sex"] = profile.sex.capitalize()
    if profile.due_date is not None and -14 <= (profile.due_date - today).days <= 280:
        weeks = round(40 - (profile.due_date - today).days / 7)
        out["Pregnancy"] = f"pregnant, about {weeks} weeks (due {profile.due_date.isoformat()})"
    if profile.postpartum_since is not None:
        out["After birth"] = f"gave birth on {profile.postpartum_since.isoformat()}"
    if profile.medicines:
        out["Medicines"] = "; ".join(
            m.name + (f" (since {m.start_date.isoformat()})" if m.start_date else "")
            for m in profile.medicines
        )
    if profile.conditions:
        out["Known conditions"] = "; ".join(profile.conditions)
    return out


PROFILE_ROWS = ("Age", "Sex", "Pregnancy", "After birth", "Medicines", "Known conditions")


def profile_rows(
    kb: KnowledgeBase, a: Assessment, profile: ProfileIn | None, today: dt.date
) -> tuple[Row, ...]:
    """The diary profile first; what the story and answers say fills the gaps."""
    values = {f.id: f.value for f in a.findings}
    facts = _profile_from_findings(kb, values)
    if profile is not None:
        facts |= _profile_from_diary(profile, today)
    return tuple(Row(label, facts.get(label, "not known")) for label in PROFILE_ROWS)


def red_flag_rows(kb: KnowledgeBase, a: Assessment) -> tuple[tuple[Row, ...], int]:
    """Every red-flag finding whose answer is known (present first), and how many were not."""
    flags = [f for f in kb.findings if f.red_flag]
    values = {f.id: f.value for f in a.findings}
    known = [f for f in flags if f.id in values]
    known.sort(key=lambda f: values[f.id] is not True)
    rows = tuple(Row(f.text, answer_words(f, values[f.id])) for f in known)
    return rows, len(flags) - len(known)


def cause_rows(a: Assessment) -> tuple[CauseRow, ...]:
    return tuple(
        CauseRow(
            c.name,
            f"{c.probability:.0%}",
            ", ".join(c.icd10),
            tuple(f"{'▲' if r.factor > 1 else '▼'} x{r.factor:.3g} {r.text}" for r in c.why),
        )
        for c in a.causes[:TOP_CAUSES]
    )


def _advice_rows(kb: KnowledgeBase, a: Assessment) -> tuple[tuple[Row, ...], tuple[Row, ...]]:
    tests = {t.id: t for t in kb.advice.tests}
    specialists = {s.id: s for s in kb.advice.specialists}
    return (
        tuple(Row(tests[t].name, tests[t].shows) for t in a.advice.tests if t in tests),
        tuple(
            Row(specialists[s].name, specialists[s].sees)
            for s in a.advice.specialists
            if s in specialists
        ),
    )


def doctor_questions(kb: KnowledgeBase, a: Assessment) -> tuple[str, ...]:
    """``ask_doctor`` of the likely causes, most likely first, without repeats."""
    by_id = {c.id: c for c in kb.conditions}
    asked = [q for c in a.causes[:TOP_CAUSES] if c.id in by_id for q in by_id[c.id].ask_doctor]
    return tuple(dict.fromkeys(asked))


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


def diary_summary(stats: DiaryStats) -> DiarySummary:
    """The figures a doctor asks about: how often, when, how long, and the trend."""
    share = stats.night_share
    first, last = stats.since or stats.first, stats.until or stats.last
    period = f"{first.isoformat()} to {last.isoformat()}" if first and last else "-"
    rows = (
        Row("Period", f"{period} ({stats.days} days)"),
        Row("Episodes", f"{stats.episodes} ({stats.per_week:g} a week)"),
        Row(
            "At night (22:00-07:00)",
            "-" if share is None else f"{share:.0%} ({stats.night_episodes} of {stats.episodes})",
        ),
        Row(
            "Duration",
            f"median {_duration(stats.median_duration_s)}, "
            f"longest {_duration(stats.longest_duration_s)}",
        ),
        Row("Trend", stats.trend.to_dict()["text"]),
    )
    return DiarySummary(rows, stats)


def build_report(
    kb: KnowledgeBase,
    a: Assessment,
    *,
    story: str | None = None,
    profile: ProfileIn | None = None,
    stats: DiaryStats | None = None,
    today: dt.date | None = None,
) -> Report:
    """Everything the report shows, from one assessment and (optionally) the diary."""
    today = today or dt.date.today()
    checked, not_asked = red_flag_rows(kb, a)
    tests, specialists = _advice_rows(kb, a)
    if stats is None:
        note = "No cramp diary was used for this report (add --use-diary to include it)."
    elif not stats.episodes:
        note = "The cramp diary has no episodes in this period."
    else:
        note = ""
    return Report(
        created=today,
        kb_version=a.kb_version,
        triage_level=a.triage.level,
        triage_words=TRIAGE_WORDS[a.triage.level],
        triage_rank=TRIAGE_ORDER.index(a.triage.level) + 1,
        triage_reasons=a.triage.reasons,
        red_flags_fired=tuple(Row(r.label, r.action) for r in a.triage.fired),
        profile=profile_rows(kb, a, profile, today),
        story=story,
        findings=_finding_rows(kb, a.findings),
        causes=cause_rows(a),
        red_flags_checked=checked,
        red_flags_not_asked=not_asked,
        tests=tests,
        specialists=specialists,
        diary=diary_summary(stats) if stats is not None and stats.episodes else None,
        diary_note=note,
        questions=doctor_questions(kb, a),
        warnings=a.warnings,
    )


def collect(
    text: str | None,
    answers: Mapping[str, Any] | None,
    *,
    use_diary: bool = False,
    since: dt.date | None = None,
    today: dt.date | None = None,
) -> Report:
    """Assess the story, the answers and (when asked) the diary, and build the report.

    The diary's findings come from the whole diary (as in ``crampcheck assess
    --use-diary``); its summary and charts cover the episodes from ``since`` on.
    Raises :class:`~crampcheck.errors.StorageError` when the diary cannot be read.
    """
    from crampcheck.core import assess
    from crampcheck.engine.model import default_model

    model = default_model()
    today = today or dt.date.today()
    if not use_diary:
        a = assess(text, answers, model=model)
        return build_report(model.kb, a, story=text, today=today)
    from crampcheck.diary.db import diary_session
    from crampcheck.diary.patterns import diary_findings
    from crampcheck.diary.repository import get_profile
    from crampcheck.diary.stats import compute_stats

    with diary_session(write=False) as session:
        found = diary_findings(session, today)
        profile = get_profile(session)
        stats = compute_stats(session, since=since, today=today)
    a = assess(text, answers, diary=found, model=model)
    return build_report(model.kb, a, story=text, profile=profile, stats=stats, today=today)
