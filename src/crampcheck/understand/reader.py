"""A rule-based reader: lay phrases from the knowledge base, negation, age.

Each finding's ``phrases`` (and its id written as words) are matched as whole
words in the lower-cased text. A match is negated when a negation cue ("no",
"not", "denies", "without", "never", "n't") stands earlier in the same clause
(a clause ends at . ; : ! ?, "but", or a comma that starts a new statement such
as ", I take ...", so that "No fever, no cough" lists keep their negation).
Ages are read from forms like "67", "67 yo", "67-year-old" and "aged 67".
This is the baseline; a fuller reader (typos, numbers, drugs) builds on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crampcheck.engine.model import CompiledModel

MAX_TEXT = 20_000
CLAUSE_BREAK = re.compile(
    r"[.;:!?\n]|\bbut\b|\bhowever\b|\balthough\b"
    r"|,\s*(?=(?:and\s+)?(?:i|i'm|i've|my|it|she|he|we|they|the|this)\b)"
)
NEGATION = re.compile(r"\b(no|not|denies|denied|without|never|none|nor|negative for)\b|n't\b")
AGE = re.compile(
    r"\b(?:aged?\s*)?(\d{1,3})\s*(?:-|\s)?\s*(?:years?|yrs?|y/?o|yo|year-old|-year-old)\b"
    r"|\baged\s+(\d{1,3})\b|\bi am (\d{1,3})\b|\bi'm (\d{1,3})\b"
)


@dataclass(frozen=True)
class TextFinding:
    id: str
    value: bool | float
    span: str


_PATTERNS: dict[str, list[tuple[str, re.Pattern[str]]]] = {}


def _patterns(model: CompiledModel) -> list[tuple[str, re.Pattern[str]]]:
    """One compiled alternation per finding, built once per knowledge-base version."""
    if model.kb.version not in _PATTERNS:
        _PATTERNS[model.kb.version] = _compile(model)
    return _PATTERNS[model.kb.version]


def _compile(model: CompiledModel) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for f in model.kb.findings:
        if f.type != "yes_no":
            continue
        phrases = sorted({p.lower() for p in f.phrases}, key=len, reverse=True)
        if phrases:
            alternatives = "|".join(re.escape(p) for p in phrases)
            out.append((f.id, re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])")))
    return out


def _negated(text: str, start: int) -> bool:
    clause_start = 0
    for m in CLAUSE_BREAK.finditer(text, 0, start):
        clause_start = m.end()
    return NEGATION.search(text, clause_start, start) is not None


def _age(text: str) -> TextFinding | None:
    m = AGE.search(text)
    if m is None:
        return None
    value = next(int(g) for g in m.groups() if g is not None)
    return TextFinding("age", float(value), m.group(0)) if 0 < value <= 120 else None


def read_text(model: CompiledModel, text: str) -> list[TextFinding]:
    """Findings stated or denied in ``text``; a finding stated both ways counts as stated."""
    lowered = text[:MAX_TEXT].lower()
    found: dict[str, TextFinding] = {}
    for fid, pattern in _patterns(model):
        for m in pattern.finditer(lowered):
            value = not _negated(lowered, m.start())
            if fid not in found or (value and not found[fid].value):
                found[fid] = TextFinding(fid, value, text[m.start() : m.end()])
    age = _age(lowered)
    if age is not None:
        found["age"] = age
    return list(found.values())
