"""The whole-model check of the knowledge base (``crampcheck kb lint``).

:func:`check_kb` looks at every record and at how records refer to each other,
and returns one :class:`Problem` per defect: the file, the item, what was
expected and what was found. It never stops at the first problem.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from crampcheck.knowledge.models import (
    TRIAGE_ORDER,
    Citation,
    Claim,
    Condition,
    KnowledgeBase,
    Prob,
    SourceRef,
)

URGENT_OR_WORSE = {"emergency", "urgent"}
ESTIMATE = re.compile(r"^estimate:\s*(?P<reason>.+)$", re.IGNORECASE)
MIN_REASON_WORDS = 3
MIN_LIKELIHOODS = 3


@dataclass(frozen=True)
class Problem:
    """One defect in the knowledge base."""

    file: str
    item: str
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.file}: {self.item}: expected {self.expected}; found {self.found}"


@lru_cache(maxsize=1024)
def is_valid_icd10(code: str) -> bool:
    """True when ``code`` exists in ICD-10-CM (the code table loads on first use)."""
    with warnings.catch_warnings():
        # simple_icd_10_cm reads its table with a deprecated importlib API
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm as icd
    return bool(icd.is_valid_item(code))


def condition_file(condition_id: str) -> str:
    return f"conditions/{condition_id}.yaml"


class Checker:
    """Collects problems; one method per rule."""

    def __init__(self, kb: KnowledgeBase, seeds_dir: Path | None) -> None:
        self.kb = kb
        self.seeds_dir = seeds_dir
        self.problems: list[Problem] = []
        self.findings = {f.id: f for f in kb.findings}
        self.yes_no = {f.id for f in kb.findings if f.type == "yes_no"}
        self.refs = {r.id for r in kb.references}
        self.conditions = {c.id for c in kb.conditions}
        self.claims = {c.id: c for c in kb.claims}
        self._seed_lines: dict[str, int | None] = {}

    def add(self, file: str, item: str, expected: str, found: str) -> None:
        self.problems.append(Problem(file, item, expected, found))

    # --- shared rules ---------------------------------------------------
    def probability(self, file: str, item: str, prob: Prob) -> None:
        if not 0.0 < prob.p < 1.0:
            self.add(file, item, "a probability strictly between 0 and 1", repr(prob.p))
        self.basis(file, item, prob.basis)

    def basis(self, file: str, item: str, basis: str) -> None:
        match = ESTIMATE.match(basis.strip())
        if match:
            if len(match["reason"].split()) < MIN_REASON_WORDS:
                self.add(file, item, "'estimate:' followed by a one-line reason", repr(basis))
            return
        head = re.split(r"[\s,;:§(]", basis.strip(), maxsplit=1)[0]
        if head not in self.refs:
            self.add(
                file, item, "basis starting with a references.yaml id or 'estimate:'", repr(basis)
            )

    def citations(self, file: str, item: str, cites: Iterable[Citation]) -> None:
        for cite in cites:
            if cite.ref not in self.refs:
                self.add(file, item, "a reference id from references.yaml", repr(cite.ref))

    def finding_ids(self, file: str, item: str, ids: Iterable[str]) -> None:
        for fid in ids:
            if fid not in self.findings:
                self.add(file, item, "a finding id defined in findings.yaml", repr(fid))
            elif fid not in self.yes_no:
                kind = self.findings[fid].type
                self.add(file, item, "a yes_no finding", f"{fid!r} of type {kind}")

    def sources(self, file: str, item: str, sources: Iterable[SourceRef]) -> None:
        if self.seeds_dir is None:
            return
        for src in sources:
            total = self._line_count(src.doc)
            first, last = src.line_range
            if total is None:
                self.add(file, item, f"a seed file in {self.seeds_dir}", repr(src.doc))
            elif not 1 <= first <= last <= total:
                self.add(file, item, f"lines within 1-{total} of {src.doc}", src.lines)

    def _line_count(self, doc: str) -> int | None:
        if doc not in self._seed_lines:
            assert self.seeds_dir is not None
            path = self.seeds_dir / doc
            self._seed_lines[doc] = (
                len(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else None
            )
        return self._seed_lines[doc]

    def unique(self, file: str, kind: str, ids: Iterable[str]) -> None:
        for dup, count in Counter(ids).items():
            if count > 1:
                self.add(file, f"{kind} {dup}", "a unique id", f"{count} records with this id")


def _check_condition(ck: Checker, cond: Condition) -> None:
    file = condition_file(cond.id)
    ck.probability(file, f"{cond.id}.prior", cond.prior)
    if cond.alert is not None:
        ck.probability(file, f"{cond.id}.alert", cond.alert)
    for fid, prob in cond.likelihoods.items():
        ck.probability(file, f"{cond.id}.likelihoods.{fid}", prob)
    ck.finding_ids(file, f"{cond.id}.likelihoods", cond.likelihoods)
    ck.finding_ids(file, f"{cond.id}.requires", cond.requires)
    ck.finding_ids(file, f"{cond.id}.requires_also", cond.requires_also)
    if len(cond.likelihoods) < MIN_LIKELIHOODS:
        ck.add(file, cond.id, f"at least {MIN_LIKELIHOODS} likelihoods", str(len(cond.likelihoods)))
    for code in cond.icd10:
        if not is_valid_icd10(code):
            ck.add(file, f"{cond.id}.icd10", "a valid ICD-10-CM code", repr(code))
    _check_condition_triage(ck, file, cond)
    _check_condition_provenance(ck, file, cond)
    _check_condition_catalogue(ck, file, cond)


def _check_condition_triage(ck: Checker, file: str, cond: Condition) -> None:
    if cond.red_flag and cond.triage not in URGENT_OR_WORSE:
        expected = "emergency or urgent for a red-flag condition"
        ck.add(file, f"{cond.id}.triage", expected, cond.triage)
    for n, esc in enumerate(cond.escalations, 1):
        item = f"{cond.id}.escalations[{n}]"
        ck.finding_ids(file, item, [*esc.when_all, *esc.when_any])
        if not (esc.when_all or esc.when_any):
            ck.add(file, item, "when_all or when_any", "neither")
        if TRIAGE_ORDER.index(esc.triage) >= TRIAGE_ORDER.index(cond.triage):
            ck.add(file, item, f"a level more urgent than {cond.triage}", esc.triage)


def _check_condition_provenance(ck: Checker, file: str, cond: Condition) -> None:
    if not cond.references:
        ck.add(file, f"{cond.id}.references", "at least one reference", "none")
    ck.citations(file, f"{cond.id}.references", cond.references)
    for i, escalation in enumerate(cond.escalations):
        ck.citations(file, f"{cond.id}.escalations[{i}].references", escalation.references)
    if not cond.sources and not cond.not_in_seeds:
        ck.add(file, f"{cond.id}.sources", "seed line ranges, or not_in_seeds: true", "none")
    if cond.sources and cond.not_in_seeds:
        ck.add(file, f"{cond.id}.not_in_seeds", "false when sources are given", "true")
    ck.sources(file, f"{cond.id}.sources", cond.sources)


def _check_condition_catalogue(ck: Checker, file: str, cond: Condition) -> None:
    tests = {t.id for t in ck.kb.advice.tests}
    specialists = {s.id for s in ck.kb.advice.specialists}
    for test in cond.tests:
        if test not in tests:
            ck.add(file, f"{cond.id}.tests", "a test id from advice.yaml", repr(test))
    for spec in cond.specialists:
        if spec not in specialists:
            ck.add(file, f"{cond.id}.specialists", "a specialist id from advice.yaml", repr(spec))


def _check_findings(ck: Checker) -> None:
    for f in ck.kb.findings:
        ck.probability("findings.yaml", f"{f.id}.background", f.background)
        if f.type == "choice" and len(f.choices) < 2:
            ck.add("findings.yaml", f.id, "at least two choices for a choice finding", "fewer")
        if f.type == "number" and (f.min is None or f.max is None or f.min >= f.max):
            ck.add("findings.yaml", f.id, "min < max for a number finding", f"{f.min}..{f.max}")
        if f.derived_from is not None:
            _check_derivation(ck, f.id, f.derived_from.finding, f.derived_from.equals)
        ck.finding_ids("findings.yaml", f"{f.id}.ask_if/skip_if", [*f.ask_if, *f.skip_if])
    used = {fid for rule in ck.kb.red_flags for group in rule.when for fid in group}
    for f in ck.kb.findings:
        if f.red_flag and f.id not in used:
            expected = "a red-flag finding used by a rule in red_flags.yaml"
            ck.add("findings.yaml", f.id, expected, "none")


def _check_derivation(ck: Checker, fid: str, source: str, equals: str | None) -> None:
    src = ck.findings.get(source)
    if src is None or src.type == "yes_no":
        ck.add("findings.yaml", f"{fid}.derived_from", "a number or choice finding", repr(source))
    elif equals is not None and equals not in {c.id for c in src.choices}:
        ck.add("findings.yaml", f"{fid}.derived_from.equals", f"a choice of {source}", repr(equals))


def _check_red_flags(ck: Checker) -> None:
    for rule in ck.kb.red_flags:
        item = f"rule {rule.id}"
        if rule.triage not in URGENT_OR_WORSE:
            ck.add("red_flags.yaml", item, "emergency or urgent", rule.triage)
        if any(not group for group in rule.when):
            ck.add("red_flags.yaml", item, "non-empty finding groups", "an empty group")
        ck.finding_ids("red_flags.yaml", item, [f for g in rule.when for f in g])
        ck.finding_ids("red_flags.yaml", f"{item}.unless", rule.unless)
        for fid in rule.unless:
            if fid in ck.findings and ck.findings[fid].red_flag:
                ck.add("red_flags.yaml", f"{item}.unless", "findings that are not red flags", fid)
        ck.citations("red_flags.yaml", item, rule.references)


def _check_claims(ck: Checker) -> None:
    for claim in ck.kb.claims:
        item = f"claim {claim.id}"
        ck.citations("claims.yaml", item, claim.references)
        ck.sources("claims.yaml", item, claim.sources)
        for pattern in claim.patterns:
            try:
                re.compile(pattern)
            except re.error as err:
                ck.add("claims.yaml", item, "a valid regular expression", f"{pattern!r} ({err})")
        if claim.verdict == "unsafe" and not (claim.patterns and claim.tell_user):
            ck.add("claims.yaml", item, "patterns and tell_user for an unsafe claim", "missing")


def advice_texts(kb: KnowledgeBase) -> Iterator[tuple[str, str, str]]:
    """Every text crampcheck may show as advice: (file, item, text). Excludes 'avoid' lists."""
    for aid in kb.advice.first_aid:
        for n, step in enumerate(aid.steps, 1):
            yield "advice.yaml", f"first_aid {aid.id} step {n}", step.text
    for tip in kb.advice.prevention:
        yield "advice.yaml", f"prevention {tip.id}", tip.text
    for cond in kb.conditions:
        for field in ("treatment", "prevention"):
            for n, text in enumerate(getattr(cond, field), 1):
                yield condition_file(cond.id), f"{cond.id}.{field}[{n}]", text


def _check_unsafe_advice(ck: Checker) -> None:
    unsafe = [c for c in ck.kb.claims if c.verdict == "unsafe"]
    for file, item, text in advice_texts(ck.kb):
        for bad in unsafe:
            if _mentions(bad, text):
                found = f"text matching unsafe claim {bad.id}"
                ck.add(file, item, "advice free of unsafe claims", found)
    for file, item, claim_ids in _advice_claim_links(ck.kb):
        for cid in claim_ids:
            _check_claim_link(ck, file, item, cid)


def _check_claim_link(ck: Checker, file: str, item: str, cid: str) -> None:
    claim = ck.claims.get(cid)
    if claim is None:
        ck.add(file, item, "a claim id from claims.yaml", repr(cid))
    elif claim.verdict != "supported":
        found = f"{cid} ({claim.verdict})"
        ck.add(file, item, "advice supported only by supported claims", found)


def _mentions(claim: Claim, text: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in claim.patterns)


def _advice_claim_links(kb: KnowledgeBase) -> Iterator[tuple[str, str, list[str]]]:
    for aid in kb.advice.first_aid:
        for n, step in enumerate(aid.steps, 1):
            yield "advice.yaml", f"first_aid {aid.id} step {n}", step.claims
    for tip in kb.advice.prevention:
        yield "advice.yaml", f"prevention {tip.id}", tip.claims


def _check_advice(ck: Checker) -> None:
    adv = ck.kb.advice
    for aid in adv.first_aid:
        ck.citations("advice.yaml", f"first_aid {aid.id}", aid.references)
        _known_conditions(ck, f"first_aid {aid.id}.not_when", aid.not_when)
        ck.finding_ids("advice.yaml", f"first_aid {aid.id}.only_if", aid.only_if)
        for n, step in enumerate(aid.steps, 1):
            _known_conditions(ck, f"first_aid {aid.id} step {n}.not_when", step.not_when)
    for tip in adv.prevention:
        ck.citations("advice.yaml", f"prevention {tip.id}", tip.references)
        _known_conditions(ck, f"prevention {tip.id}.for_conditions", tip.for_conditions)
    for test in adv.tests:
        ck.citations("advice.yaml", f"test {test.id}", test.references)
    situations = {aid.situation for aid in adv.first_aid}
    for needed in ("in_bed", "walking", "running", "water"):
        if needed not in situations:
            ck.add("advice.yaml", "first_aid", f"a procedure for situation {needed}", "none")


def _known_conditions(ck: Checker, item: str, ids: Iterable[str]) -> None:
    for cid in ids:
        if cid not in ck.conditions:
            ck.add("advice.yaml", item, "a condition id", repr(cid))


def _check_unique(ck: Checker) -> None:
    kb = ck.kb
    ck.unique("conditions/", "condition", (c.id for c in kb.conditions))
    ck.unique("findings.yaml", "finding", (f.id for f in kb.findings))
    ck.unique("red_flags.yaml", "rule", (r.id for r in kb.red_flags))
    ck.unique("claims.yaml", "claim", (c.id for c in kb.claims))
    ck.unique("references.yaml", "reference", (r.id for r in kb.references))
    ck.unique("advice.yaml", "test", (t.id for t in kb.advice.tests))
    ck.unique("advice.yaml", "specialist", (s.id for s in kb.advice.specialists))
    ck.unique("advice.yaml", "first_aid", (a.id for a in kb.advice.first_aid))
    ck.unique("advice.yaml", "prevention", (p.id for p in kb.advice.prevention))


def check_kb(kb: KnowledgeBase, seeds_dir: Path | None = None) -> list[Problem]:
    """Every problem in ``kb``; seed line ranges are checked when ``seeds_dir`` is given."""
    ck = Checker(kb, seeds_dir)
    _check_unique(ck)
    _check_findings(ck)
    _check_red_flags(ck)
    for cond in kb.conditions:
        _check_condition(ck, cond)
    _check_claims(ck)
    _check_advice(ck)
    _check_unsafe_advice(ck)
    return ck.problems


SEARCH_LEVELS = 4
"""How far up from the starting folder ``shared/seeds`` is looked for (the checkout root,
or a folder up to three levels inside it, such as ``tests/knowledge``)."""


def find_seeds_dir(start: Path | None = None) -> Path | None:
    """``shared/seeds`` beside the checkout (``../shared/seeds``), if present."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents)[:SEARCH_LEVELS]:
        for candidate in (folder / "shared" / "seeds", folder.parent / "shared" / "seeds"):
            if candidate.is_dir():
                return candidate
    return None
