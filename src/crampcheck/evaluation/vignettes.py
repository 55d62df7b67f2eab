"""Evaluation vignettes (ARCHITECTURE.md, "Vignette JSONL"): reading and validation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from crampcheck.errors import UserInputError
from crampcheck.knowledge.models import TriageLevel

MAX_VIGNETTE_FILE = 20_000_000


class Vignette(BaseModel):
    """One case with its gold answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str
    answers: dict[str, Any] = {}
    gold_icd10: list[str]
    gold_label: str
    triage: TriageLevel
    red_flag: bool
    red_flag_rules: list[str] = []
    source: str


Form = Literal["answers", "text", "interview"]


def read_vignettes(path: Path) -> list[Vignette]:
    """Every vignette in a JSONL file; a bad line is reported by number and field."""
    if not path.is_file():
        raise UserInputError(f"{path} does not exist; give a vignette JSONL file")
    if path.stat().st_size > MAX_VIGNETTE_FILE:
        raise UserInputError(f"{path} is larger than {MAX_VIGNETTE_FILE} bytes")
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(Vignette.model_validate(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise UserInputError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
        except ValidationError as exc:
            fields = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
            )
            raise UserInputError(f"{path}:{number}: {fields}") from None
    return out
