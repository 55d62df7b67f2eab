"""From a diary to findings the engine understands, each with its evidence in plain words.

``diary_findings(session, today=None)`` returns :class:`DiaryFinding` objects
whose ``id`` is a finding of ``knowledge/data/findings.yaml`` and whose
``value`` has that finding's type (true/false, a number, or a choice id).
Findings from episodes need at least :data:`MIN_EPISODES` (3) episodes; a
finding is left out (unknown, not false) when the diary cannot say.

Thresholds (``share`` = share of all episodes in the diary):

=======================  ==========================================================
night_cramps             true when >= 70 % between 22:00 and 07:00 local time;
                         false when <= 20 %
wakes_from_sleep         activity ``sleeping``: true when >= 30 % (and >= 2
                         episodes); false when none
during_exercise          activity ``running`` or ``swimming``: same rule
while_swimming           activity ``swimming`` (or a ``swimming`` tag): same rule
on_stretching            activity ``stretching``: same rule
site_calf, site_foot,    muscle: same rule (>= 30 % and >= 2 -> true; none -> false)
site_toes, site_thigh
one_leg_only, both_legs  one_leg_only true when >= 90 % of episodes are on the same
                         one side (left or right), else false; both_legs the opposite
cramp_duration_s         the median duration (number, seconds)
frequent_weekly          rate over the last 28 days (from the first episode if the
                         diary is younger, counted as at least 7 days): true when
                         >= 2 a week, false when < 1 a week
getting_more_frequent    the trend of :mod:`.stats`: true for "more frequent than a
                         month ago", false for "less" or "about as frequent"
long_standing            true when the first episode is more than 30 days before
                         ``today`` (a short diary says nothing about before it)
heat_sweating            tag heat, hot, hot-weather, heatwave, sweating, sweat or
                         sauna on >= 30 % of episodes (and >= 2); true only
cold_exposure            tag cold, cold-water, winter or cold-floor: same rule
=======================  ==========================================================

From the profile (no minimum of episodes): ``age`` (this year - birth year),
``sex``; ``pregnant`` true and ``pregnancy_weeks`` = 40 - weeks until the due
date, while the due date is at most 40 weeks ahead and at most 2 weeks past;
``postpartum`` true within 6 weeks (42 days) of the birth, false after;
medicine classes (``med_*``) by name, see :data:`MEDICINES`;
``began_new_medicine`` true when the first episode came within 8 weeks (56
days) after a medicine's start date, false when every dated medicine started
outside that window.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from crampcheck.diary.queries import episodes_tagged
from crampcheck.diary.repository import get_profile
from crampcheck.diary.schemas import MedicineIn, ProfileIn
from crampcheck.diary.stats import DiaryStats, compute_stats

MIN_EPISODES = 3
NIGHT_TRUE, NIGHT_FALSE = 0.70, 0.20
PRESENT_SHARE, PRESENT_MIN = 0.30, 2
ONE_SIDE_SHARE = 0.90
FREQUENT_PER_WEEK, RARE_PER_WEEK = 2.0, 1.0
RECENT_DAYS = 28
LONG_STANDING_DAYS = 30
NEW_MEDICINE_DAYS = 56
POSTPARTUM_DAYS = 42
HEAT_TAGS = ("heat", "hot", "hot-weather", "heatwave", "sweating", "sweat", "sauna")
COLD_TAGS = ("cold", "cold-water", "winter", "cold-floor")

MEDICINES: dict[str, tuple[str, ...]] = {
    "med_loop_diuretic": ("furosemide", "frusemide", "lasix", "bumetanide", "torasemide"),
    "med_thiazide": (
        "hydrochlorothiazide",
        "hctz",
        "bendroflumethiazide",
        "indapamide",
        "chlortalidone",
        "chlorthalidone",
    ),
    "med_statin": (
        "atorvastatin",
        "simvastatin",
        "rosuvastatin",
        "pravastatin",
        "lovastatin",
        "fluvastatin",
        "pitavastatin",
        "lipitor",
        "zocor",
        "crestor",
    ),
    "med_ppi": ("omeprazole", "esomeprazole", "lansoprazole", "pantoprazole", "rabeprazole"),
    "med_beta2_agonist": ("salbutamol", "albuterol", "ventolin", "salmeterol", "formoterol"),
    "med_calcium_channel_blocker": ("nifedipine", "amlodipine", "felodipine", "lercanidipine"),
    "med_insulin_or_sulfonylurea": (
        "insulin",
        "gliclazide",
        "glimepiride",
        "glibenclamide",
        "glipizide",
    ),
    "med_estrogen": (
        "pill",
        "contraceptive",
        "hrt",
        "estradiol",
        "oestradiol",
        "estrogen",
        "oestrogen",
    ),
    "med_bone_drug": ("raloxifene", "teriparatide"),
    "med_quinine": ("quinine",),
}
"""Finding id -> words that name a medicine of that class (whole words, any case)."""


@dataclass(frozen=True)
class DiaryFinding:
    """A finding read from the diary, its value, and the evidence in plain words."""

    id: str
    value: bool | float | str
    evidence: str


def medicine_class(name: str) -> str | None:
    """The ``med_*`` finding a medicine name belongs to, when it is obvious."""
    words = set(re.findall(r"[a-z0-9]+", name.lower()))
    for finding, names in MEDICINES.items():
        if words & set(names):
            return finding
    return None


def _counted(what: str, part: int, total: int) -> str:
    return f"{part} of {total} episodes {what}"


def _presence(fid: str, part: int, total: int, what: str) -> DiaryFinding | None:
    """True when common (>= 30 % and >= 2), false when never, else unknown."""
    if part >= PRESENT_MIN and part >= PRESENT_SHARE * total:
        return DiaryFinding(fid, True, _counted(what, part, total))
    if part == 0:
        return DiaryFinding(fid, False, _counted(what, part, total))
    return None


def _night(stats: DiaryStats) -> DiaryFinding | None:
    share = stats.night_share or 0.0
    evidence = _counted("between 22:00 and 07:00 local time", stats.night_episodes, stats.episodes)
    if share >= NIGHT_TRUE:
        return DiaryFinding("night_cramps", True, evidence)
    if share <= NIGHT_FALSE:
        return DiaryFinding("night_cramps", False, evidence)
    return None


def _activities(stats: DiaryStats, swimming_tags: int) -> list[DiaryFinding | None]:
    act, n = stats.by_activity, stats.episodes
    exercise = act["running"] + act["swimming"]
    swims = max(act["swimming"], swimming_tags)
    return [
        _presence("wakes_from_sleep", act["sleeping"], n, "while sleeping"),
        _presence("during_exercise", exercise, n, "while running or swimming"),
        _presence("while_swimming", swims, n, "while swimming"),
        _presence("on_stretching", act["stretching"], n, "while stretching"),
    ]


def _sites(stats: DiaryStats) -> list[DiaryFinding | None]:
    n = stats.episodes
    return [
        _presence(f"site_{muscle}", stats.by_muscle[muscle], n, f"in the {muscle}")
        for muscle in ("calf", "foot", "toes", "thigh")
    ]


def _sides(stats: DiaryStats) -> list[DiaryFinding | None]:
    left, right, n = stats.by_side["left"], stats.by_side["right"], stats.episodes
    side, count = ("left", left) if left >= right else ("right", right)
    evidence = f"{count} of {n} episodes in the {side} leg only"
    one_side = count >= ONE_SIDE_SHARE * n
    return [
        DiaryFinding("one_leg_only", one_side, evidence),
        DiaryFinding("both_legs", not one_side, evidence),
    ]


def _frequency(stats: DiaryStats, today: dt.date) -> list[DiaryFinding | None]:
    assert stats.first is not None
    start = max(stats.first, today - dt.timedelta(days=RECENT_DAYS - 1))
    days = max((today - start).days + 1, 7)
    recent = sum(n for day, n in stats.day_counts.items() if start <= day <= today)
    rate = recent / days * 7
    evidence = f"{recent} episodes in the {days} days up to {today.isoformat()} ({rate:.1f} a week)"
    out: list[DiaryFinding | None] = [None]
    if rate >= FREQUENT_PER_WEEK or rate < RARE_PER_WEEK:
        out = [DiaryFinding("frequent_weekly", rate >= FREQUENT_PER_WEEK, evidence)]
    if stats.trend.direction != "unknown":
        text = stats.trend.to_dict()["text"]
        out.append(DiaryFinding("getting_more_frequent", stats.trend.direction == "more", text))
    age_days = (today - stats.first).days
    if age_days > LONG_STANDING_DAYS:
        first = stats.first.isoformat()
        out.append(
            DiaryFinding("long_standing", True, f"first episode on {first}, {age_days} days ago")
        )
    return out


def _tags(session: Session, total: int) -> list[DiaryFinding | None]:
    found: list[DiaryFinding | None] = []
    for fid, tags in (("heat_sweating", HEAT_TAGS), ("cold_exposure", COLD_TAGS)):
        part = episodes_tagged(session, tags)
        if part >= PRESENT_MIN and part >= PRESENT_SHARE * total:
            found.append(
                DiaryFinding(fid, True, _counted(f"tagged {'/'.join(tags[:3])}", part, total))
            )
    return found


def episode_findings(session: Session, stats: DiaryStats, today: dt.date) -> list[DiaryFinding]:
    """Findings from the episodes (none when there are fewer than 3)."""
    if stats.episodes < MIN_EPISODES:
        return []
    found: list[DiaryFinding | None] = [_night(stats)]
    found += _activities(stats, episodes_tagged(session, ("swimming",)))
    found += (
        _sites(stats) + _sides(stats) + _frequency(stats, today) + _tags(session, stats.episodes)
    )
    median = stats.median_duration_s
    if median is not None:
        found.append(
            DiaryFinding("cramp_duration_s", median, f"median of {stats.episodes} episodes")
        )
    return [f for f in found if f is not None]


def _pregnancy(profile: ProfileIn, today: dt.date) -> list[DiaryFinding]:
    out: list[DiaryFinding] = []
    due = profile.due_date
    if due is not None and -14 <= (due - today).days <= 280:
        weeks = round(40 - (due - today).days / 7, 1)
        evidence = f"due date {due.isoformat()} in the profile"
        out += [
            DiaryFinding("pregnant", True, evidence),
            DiaryFinding("pregnancy_weeks", weeks, evidence),
        ]
    birth = profile.postpartum_since
    if birth is not None and birth <= today:
        days = (today - birth).days
        evidence = f"gave birth on {birth.isoformat()}, {days} days ago (profile)"
        out.append(DiaryFinding("postpartum", days <= POSTPARTUM_DAYS, evidence))
    return out


def _medicines(profile: ProfileIn, first_episode: dt.date | None) -> list[DiaryFinding]:
    out: dict[str, DiaryFinding] = {}
    for medicine in profile.medicines:
        finding = medicine_class(medicine.name)
        if finding is not None and finding not in out:
            out[finding] = DiaryFinding(finding, True, f"profile lists {medicine.name}")
    dated = [m for m in profile.medicines if m.start_date is not None]
    if first_episode is not None and dated:
        out["began_new_medicine"] = _new_medicine(dated, first_episode)
    return list(out.values())


def _new_medicine(dated: Iterable[MedicineIn], first: dt.date) -> DiaryFinding:
    for medicine in dated:
        start, name = medicine.start_date, medicine.name
        if start is not None and 0 <= (first - start).days <= NEW_MEDICINE_DAYS:
            return DiaryFinding(
                "began_new_medicine",
                True,
                f"first episode on {first.isoformat()}, {(first - start).days} days after "
                f"starting {name} on {start.isoformat()}",
            )
    return DiaryFinding(
        "began_new_medicine",
        False,
        f"first episode on {first.isoformat()}; no medicine started in the 8 weeks before",
    )


def profile_findings(session: Session, today: dt.date, first: dt.date | None) -> list[DiaryFinding]:
    """Findings from the profile: age, sex, pregnancy, birth, medicines."""
    profile = get_profile(session)
    out: list[DiaryFinding] = []
    if profile.birth_year is not None:
        age = today.year - profile.birth_year
        out.append(DiaryFinding("age", age, f"born in {profile.birth_year} (profile)"))
    if profile.sex is not None:
        out.append(DiaryFinding("sex", profile.sex, f"profile: {profile.sex}"))
    return out + _pregnancy(profile, today) + _medicines(profile, first)


def diary_findings(session: Session, today: dt.date | None = None) -> list[DiaryFinding]:
    """Every finding the diary and the profile support, with its evidence."""
    today = today or dt.date.today()
    stats = compute_stats(session, today=today)
    return episode_findings(session, stats, today) + profile_findings(session, today, stats.first)


def read_diary_findings(url: str | None = None, today: dt.date | None = None) -> list[DiaryFinding]:
    """Open the configured diary (or ``url``), read its findings and close it again.

    Raises :class:`~crampcheck.errors.StorageError` when the database cannot be used.
    """
    from crampcheck.diary.db import diary_session

    with diary_session(url, write=False) as session:
        return diary_findings(session, today)
