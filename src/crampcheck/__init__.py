"""crampcheck: why do my legs cramp, how urgent is it, and what should I do?

Decision support, not a diagnosis. The public names are imported on first use,
so that ``crampcheck --help`` does not pay for the engine, numpy or spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crampcheck.core import assess
    from crampcheck.engine.assessment import Assessment
    from crampcheck.knowledge import KnowledgeBase, load_kb

__version__ = "0.1.0"

_HOMES = {
    "assess": "crampcheck.core",
    "Assessment": "crampcheck.engine.assessment",
    "KnowledgeBase": "crampcheck.knowledge",
    "load_kb": "crampcheck.knowledge",
}

__all__ = ["Assessment", "KnowledgeBase", "__version__", "assess", "load_kb"]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'crampcheck' has no attribute {name!r}")
