"""Shared fixtures. Nothing heavy loads at import time."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, settings

# Two-core CI machines are sometimes slow to generate inputs: a slow generator is not a
# failure of the code under test. No deadlines either (timing belongs in bench/).
settings.register_profile("crampcheck", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("crampcheck")

FIXTURES = Path(__file__).parent / "knowledge" / "fixtures"

Mutator = Callable[[str, Callable[[Any], Any]], None]


@pytest.fixture
def fixture_seeds() -> Path:
    """A ten-line seed folder for line-range checks."""
    return FIXTURES / "seeds"


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """A private copy of the small, valid fixture knowledge base."""
    target = tmp_path / "kb"
    shutil.copytree(FIXTURES / "good", target)
    return target


@pytest.fixture
def mutate(kb_dir: Path) -> Mutator:
    """Edit one YAML file of the fixture KB in place: mutate(file, fn(data) -> data)."""

    def apply(name: str, change: Callable[[Any], Any]) -> None:
        path = kb_dir / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        result = change(data)
        path.write_text(yaml.safe_dump(data if result is None else result), encoding="utf-8")

    return apply
