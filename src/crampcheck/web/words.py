"""The diary in plain words for the web page."""

from __future__ import annotations

from typing import Any

from crampcheck.diary.schemas import EpisodeIn
from crampcheck.diary.stats import DiaryStats

PLURAL = {"calf": "calves", "foot": "feet", "toes": "toes", "thigh": "thighs", "other": "legs"}


def duration_words(seconds: float | None) -> str:
    if seconds is None:
        return "unknown"
    minutes, secs = divmod(round(seconds), 60)
    if not minutes:
        return f"{secs} seconds"
    if minutes < 60:
        return f"{minutes} min" + (f" {secs} s" if secs else "")
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def episode_words(e: EpisodeIn) -> dict[str, Any]:
    return {
        "id": e.id,
        "when": e.at.strftime("%a %d %b %Y, %H:%M"),
        "iso": e.at.isoformat(),
        "what": f"{e.side} {e.muscle}" if e.side != "both" else f"both {PLURAL[e.muscle]}",
        "duration": duration_words(e.duration_s),
        "severity": e.severity,
        "activity": e.activity,
        "note": e.note,
    }


def diary_sentences(stats: DiaryStats) -> list[str]:
    """Statistics as sentences a person can read at 3 a.m."""
    if not stats.episodes:
        return ["No cramps recorded yet. Add one above when it happens."]
    out = [
        f"{stats.episodes} cramp{'s' if stats.episodes != 1 else ''} recorded"
        + f", about {stats.per_week:.1f} a week."
    ]
    share = stats.night_share
    if share is not None:
        out.append(f"{round(share * 100)} % happened at night (between 22:00 and 07:00).")
    if stats.median_duration_s is not None:
        out.append(f"A typical cramp lasted {duration_words(stats.median_duration_s)}.")
    if stats.median_severity is not None:
        out.append(f"Typical severity: {stats.median_severity:g} out of 10.")
    sides = {k: v for k, v in stats.by_side.items() if v}
    if sides:
        side, n = max(sides.items(), key=lambda kv: kv[1])
        out.append(f"Most often: {side} side ({n} of {stats.episodes}).")
    out.append(f"Trend: {stats.trend.verdict}.")
    return out
