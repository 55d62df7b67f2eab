"""The knowledge base schema: strict pydantic models for every data file.

Every model forbids unknown keys, so a typo in a YAML file fails loudly at load
time instead of being silently ignored. Ranges and cross-references (known
finding ids, valid ICD-10 codes, existing seed line ranges...) are checked by
:func:`crampcheck.knowledge.lint.check_kb`, which reports every problem at once
with the file and item it belongs to.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

TriageLevel = Literal["emergency", "urgent", "routine", "self_care"]
"""Most urgent first. See ARCHITECTURE.md, *Public contracts*."""

TRIAGE_ORDER: tuple[TriageLevel, ...] = ("emergency", "urgent", "routine", "self_care")

Group = Literal[
    "electrolyte",
    "vascular",
    "neurological",
    "musculoskeletal",
    "endocrine",
    "drug_induced",
    "physiological",
    "pregnancy",
    "idiopathic",
    "infection",
    "mimic",
    "other",
]

FindingType = Literal["yes_no", "choice", "number"]

FindingCategory = Literal[
    "demographic",
    "site",
    "character",
    "timing",
    "trigger",
    "associated",
    "vascular",
    "neurological",
    "history",
    "medication",
    "lifestyle",
    "pregnancy",
    "red_flag",
]

Verdict = Literal["supported", "unsupported", "unsafe"]

Situation = Literal["in_bed", "walking", "running", "water", "general"]


class Strict(BaseModel):
    """Base for every knowledge-base record: unknown keys are an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Prob(Strict):
    """A probability with the reason it has that value.

    ``basis`` is either a reference id from ``references.yaml`` (optionally
    followed by a section, e.g. ``"allen2012 §Diagnosis"``) or the word
    ``estimate`` followed by a colon and a one-line reason.
    """

    p: float
    basis: str


class SourceRef(Strict):
    """A pointer into a seed article: file name and an inclusive line range."""

    doc: str
    lines: str = Field(pattern=r"^\d+(-\d+)?$")

    @property
    def line_range(self) -> tuple[int, int]:
        first, _, last = self.lines.partition("-")
        return int(first), int(last or first)


class Citation(Strict):
    """A reference id from ``references.yaml`` and the part of it that applies."""

    ref: str
    section: str | None = None


class Reference(Strict):
    """A real, published source of mainstream guidance or evidence."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    citation: str
    kind: Literal["guideline", "review", "trial", "study", "textbook", "statement"]
    url: str | None = None


class Choice(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: str


class Derivation(Strict):
    """How a yes/no finding follows from a number or choice finding.

    ``min`` is inclusive and ``max`` exclusive; ``equals`` names a choice id.
    Findings derived from the same source form one exclusive group.
    """

    finding: str
    min: float | None = None
    max: float | None = None
    equals: str | None = None


class Finding(Strict):
    """Something the engine can know about the person: a question they can answer.

    ``ask_if``: ask only when at least one of these findings is known to be true.
    ``skip_if``: never ask when any of these findings is known to be true.
    """

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str
    type: FindingType
    category: FindingCategory
    help: str | None = None
    choices: list[Choice] = []
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    derived_from: Derivation | None = None
    ask: bool = True
    ask_if: list[str] = []
    skip_if: list[str] = []
    phrases: list[str] = []
    background: Prob
    red_flag: bool = False


class RedFlagRule(Strict):
    """A hard safety rule: when it fires, triage is at least ``triage``.

    ``when`` is a list of groups of finding ids; the rule fires when every group
    has at least one finding that is present (a conjunction of disjunctions).
    ``unless`` names findings that, when present, explain the pattern away (a leg
    swollen for months is not a new clot); they must not be red-flag findings, and
    another rule must cover the change that matters then (the old swelling turning
    hot or suddenly bigger).
    """

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: str
    triage: TriageLevel
    when: list[list[str]] = Field(min_length=1)
    unless: list[str] = []
    action: str
    references: list[Citation] = []


class Escalation(Strict):
    """A finding pattern that raises a condition's own triage level."""

    when_all: list[str] = []
    when_any: list[str] = []
    triage: TriageLevel
    reason: str
    references: list[Citation] = []


class Condition(Strict):
    """A cause of leg cramps, or a condition mistaken for one (a mimic)."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    lay_name: str
    summary: str
    icd10: list[str] = Field(min_length=1)
    group: Group
    mimic: bool = False
    red_flag: bool = False
    prior: Prob
    alert: Prob | None = None
    requires: list[str] = []
    """Findings of which at least one must be known present for this condition to set
    triage (e.g. pregnancy for pre-eclampsia); the ranking is not affected."""
    requires_also: list[str] = []
    """A second such list, of which one must also be present (e.g. a warning sign of
    pre-eclampsia as well as the pregnancy)."""
    likelihoods: dict[str, Prob]
    triage: TriageLevel
    escalations: list[Escalation] = []
    tests: list[str] = []
    specialists: list[str] = []
    treatment: list[str] = []
    prevention: list[str] = []
    avoid: list[str] = []
    ask_doctor: list[str] = []
    sources: list[SourceRef] = []
    not_in_seeds: bool = False
    references: list[Citation] = []


class Step(Strict):
    """One first-aid step; ``not_when`` withholds just this step (e.g. rubbing varicose veins)."""

    text: str
    claims: list[str] = []
    not_when: list[str] = []


class FirstAid(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    situation: Situation
    title: str
    steps: list[Step] = Field(min_length=1)
    get_help_if: list[str] = []
    not_when: list[str] = []
    only_if: list[str] = []
    references: list[Citation] = []


class Test(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    kind: Literal["blood", "urine", "imaging", "nerve", "examination", "other"]
    shows: str
    references: list[Citation] = []


class Specialist(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    sees: str


class Food(Strict):
    food: str
    portion: str | None = None
    note: str | None = None


class PreventionTip(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str
    for_conditions: list[str] = []
    claims: list[str] = []
    references: list[Citation] = []


class Advice(Strict):
    first_aid: list[FirstAid]
    tests: list[Test]
    specialists: list[Specialist]
    foods: dict[Literal["magnesium", "potassium", "calcium"], list[Food]]
    prevention: list[PreventionTip]


class Claim(Strict):
    """A notable claim of a seed article, restated, with our verdict on it."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str
    verdict: Verdict
    reason: str
    references: list[Citation] = Field(min_length=1)
    sources: list[SourceRef] = Field(min_length=1)
    patterns: list[str] = []
    tell_user: str | None = None


class KnowledgeBase(Strict):
    """The whole, loaded knowledge base."""

    version: str
    conditions: list[Condition]
    findings: list[Finding]
    red_flags: list[RedFlagRule]
    advice: Advice
    claims: list[Claim]
    references: list[Reference]


TRIAGE_WORDS: dict[TriageLevel, str] = {
    "emergency": "Call an ambulance now",
    "urgent": "See a doctor today",
    "routine": "Book an appointment",
    "self_care": "You can look after this at home",
}
"""What each triage level asks the person to do, in words (shared by every interface)."""
