"""The cramp diary: episodes and a profile in a database, statistics, plots and patterns.

Library first: :mod:`.repository` (add, list, edit, delete), :mod:`.io` (CSV/JSON
export and all-or-nothing import), :mod:`.stats`, :mod:`.plots` and
:mod:`.patterns` (diary -> findings for the engine) all take a SQLAlchemy
session from :mod:`.db`. :mod:`.cli` is the thin command layer.

    >>> from crampcheck.diary import diary_session, diary_findings
    >>> with diary_session(write=False) as session:  # doctest: +SKIP
    ...     findings = diary_findings(session)

The names below are imported on first use, so importing the package is cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crampcheck.diary.db import diary_session, open_engine, transaction
    from crampcheck.diary.patterns import DiaryFinding, diary_findings, read_diary_findings

_HOMES = {
    "diary_session": "crampcheck.diary.db",
    "open_engine": "crampcheck.diary.db",
    "transaction": "crampcheck.diary.db",
    "DiaryFinding": "crampcheck.diary.patterns",
    "diary_findings": "crampcheck.diary.patterns",
    "read_diary_findings": "crampcheck.diary.patterns",
}

__all__ = [
    "DiaryFinding",
    "diary_findings",
    "diary_session",
    "open_engine",
    "read_diary_findings",
    "transaction",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'crampcheck.diary' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
