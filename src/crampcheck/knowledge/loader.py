"""Load the knowledge base from YAML package data into strict models.

The data ship inside the package (``crampcheck/knowledge/data``) and are read
with :mod:`importlib.resources`; tests and ``crampcheck kb lint --data DIR``
may point at another directory with the same layout.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from crampcheck.errors import KnowledgeBaseError
from crampcheck.knowledge.models import (
    Advice,
    Claim,
    Condition,
    Finding,
    KnowledgeBase,
    RedFlagRule,
    Reference,
)

KB_SCHEMA_VERSION = "1"

LIST_FILES: dict[str, type[BaseModel]] = {
    "findings.yaml": Finding,
    "red_flags.yaml": RedFlagRule,
    "claims.yaml": Claim,
    "references.yaml": Reference,
}


def default_data_dir() -> Traversable:
    """The knowledge base shipped inside the package."""
    return resources.files("crampcheck.knowledge") / "data"


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C loader when PyYAML was built with it (ten times faster), else the pure one."""


def _read_yaml(node: Traversable, name: str) -> Any:
    try:
        return yaml.load(node.read_text(encoding="utf-8"), Loader=_Loader)
    except FileNotFoundError:
        raise KnowledgeBaseError(f"{name}: file is missing; restore it from git") from None
    except yaml.YAMLError as err:
        raise KnowledgeBaseError(f"{name}: not valid YAML ({err}); fix the syntax") from None


def _describe(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        where = ".".join(str(p) for p in e["loc"]) or "(top level)"
        parts.append(f"{where}: {e['msg']}")
    return "; ".join(parts)


def _parse_list(node: Traversable, name: str, model: type[BaseModel]) -> list[Any]:
    raw = _read_yaml(node / name, name)
    if not isinstance(raw, list):
        raise KnowledgeBaseError(f"{name}: expected a list of records, found {type(raw).__name__}")
    items = []
    for index, record in enumerate(raw):
        label = record.get("id", f"#{index + 1}") if isinstance(record, dict) else f"#{index + 1}"
        try:
            items.append(model.model_validate(record))
        except ValidationError as err:
            raise KnowledgeBaseError(f"{name}: item {label}: {_describe(err)}") from None
    return items


def _parse_conditions(node: Traversable) -> list[Condition]:
    folder = node / "conditions"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    conditions = []
    for file in files:
        name = f"conditions/{file.name}"
        raw = _read_yaml(file, name)
        try:
            conditions.append(Condition.model_validate(raw))
        except ValidationError as err:
            raise KnowledgeBaseError(f"{name}: {_describe(err)}") from None
    return conditions


def _parse_advice(node: Traversable) -> Advice:
    raw = _read_yaml(node / "advice.yaml", "advice.yaml")
    try:
        return Advice.model_validate(raw)
    except ValidationError as err:
        raise KnowledgeBaseError(f"advice.yaml: {_describe(err)}") from None


def _fingerprint(node: Traversable) -> str:
    digest = hashlib.sha256()
    names = [*sorted(LIST_FILES), "advice.yaml"]
    for name in names:
        digest.update((node / name).read_bytes())
    for file in sorted((node / "conditions").iterdir(), key=lambda f: f.name):
        digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()[:10]


def load_kb_from(node: Traversable | Path) -> KnowledgeBase:
    """Parse every data file under ``node``; raise KnowledgeBaseError on the first bad file."""
    from crampcheck import __version__

    root: Traversable = node
    parsed = {name: _parse_list(root, name, model) for name, model in LIST_FILES.items()}
    return KnowledgeBase(
        version=f"{__version__}+kb{KB_SCHEMA_VERSION}.{_fingerprint(root)}",
        conditions=_parse_conditions(root),
        findings=parsed["findings.yaml"],
        red_flags=parsed["red_flags.yaml"],
        claims=parsed["claims.yaml"],
        references=parsed["references.yaml"],
        advice=_parse_advice(root),
    )


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The shipped knowledge base, parsed once per process."""
    return load_kb_from(default_data_dir())
