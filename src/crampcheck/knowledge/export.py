"""The knowledge base as one JSON-ready object (``crampcheck kb export``).

The top-level shape is a public contract that other tools read:
``{"version", "conditions": [...], "findings": [...], "claims": [...]}``,
with every condition's ``id, name, icd10, group, triage, prior`` and every
finding's ``id, text, type, red_flag``. More keys may be added, none renamed.
"""

from __future__ import annotations

from typing import Any

from crampcheck.knowledge.models import KnowledgeBase


def export_kb(kb: KnowledgeBase) -> dict[str, Any]:
    """The whole knowledge base as plain JSON types."""
    data = kb.model_dump(mode="json")
    return {
        "version": data["version"],
        "conditions": data["conditions"],
        "findings": data["findings"],
        "claims": data["claims"],
        "red_flags": data["red_flags"],
        "advice": data["advice"],
        "references": data["references"],
    }
