"""Tables for people: episodes, statistics and the profile (rich renderables)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.table import Table
from rich.text import Text

from crampcheck.diary.schemas import EpisodeIn, ProfileIn
from crampcheck.diary.stats import DiaryStats

LAST_WEEKS = 8


def episodes_table(episodes: Iterable[EpisodeIn]) -> Table:
    """One row per episode, oldest first."""
    table = Table(title="Cramp diary", title_justify="left")
    for name in ("id", "when (local)", "duration", "where", "severity", "doing", "tags", "note"):
        table.add_column(name, overflow="fold")
    for e in episodes:
        cells = (
            str(e.id),
            e.at.isoformat(sep=" "),
            f"{e.duration_s} s",
            f"{e.muscle} ({e.side})",
            f"{e.severity}/10",
            e.activity,
            ", ".join(e.tags),
            e.note or "",
        )
        table.add_row(*(Text(cell) for cell in cells))  # Text: a note is never read as markup
    return table


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items() if n) or "-"


def _number(value: float | None, unit: str = "") -> str:
    return "-" if value is None else f"{value:g}{unit}"


def stats_table(stats: DiaryStats) -> Group:
    """The figures of ``diary stats`` and the tags, in plain words."""
    table = Table(title="Cramp diary statistics", show_header=False, title_justify="left")
    table.add_column("figure", style="bold")
    table.add_column("value", overflow="fold")
    share = stats.night_share
    night = f"{stats.night_episodes} of {stats.episodes}"
    rows = [
        ("episodes", f"{stats.episodes} over {stats.days} day(s)"),
        ("per week", f"{stats.per_week:g}"),
        ("at night (22:00-07:00)", night + ("" if share is None else f" ({share:.0%})")),
        ("median duration", _number(stats.median_duration_s, " s")),
        ("longest", _number(stats.longest_duration_s, " s")),
        ("median severity", _number(stats.median_severity, "/10")),
        ("by muscle", _counts(stats.by_muscle)),
        ("by side", _counts(stats.by_side)),
        ("by activity", _counts(stats.by_activity)),
        ("trend", stats.trend.to_dict()["text"]),
    ]
    weeks = stats.weekly[-LAST_WEEKS:]
    if weeks:
        rows.append(("last weeks", ", ".join(f"{w.isoformat()}: {n}" for w, n in weeks)))
    for name, value in rows:
        table.add_row(name, Text(value))
    lines = [Text(t.summary() + _verdict(t.accompanies, t.precedes)) for t in stats.tags]
    return Group(table, *([Text("Tags:", style="bold"), *lines] if lines else []))


def _verdict(accompanies: bool, precedes: bool) -> str:
    parts = [name for name, flag in (("accompanies", accompanies), ("precedes", precedes)) if flag]
    return f"  [{' and '.join(parts)} cramps more often than usual]" if parts else ""


def profile_table(profile: ProfileIn) -> Table:
    """The profile, one field a row ("-" when unknown)."""
    table = Table(title="Profile", show_header=False, title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    medicines = [
        m.name + (f" (since {m.start_date.isoformat()})" if m.start_date else "")
        for m in profile.medicines
    ]
    rows = {
        "birth year": profile.birth_year,
        "sex": profile.sex,
        "due date": profile.due_date,
        "gave birth on": profile.postpartum_since,
        "medicines": ", ".join(medicines),
        "conditions": ", ".join(profile.conditions),
    }
    for name, value in rows.items():
        table.add_row(name, Text("-" if value in (None, "") else str(value)))
    return table
