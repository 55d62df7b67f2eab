"""A baseline to beat: "search the articles" with BM25 instead of asking crampcheck.

What a person with the five seed articles and a search box would do: split the
articles (``../shared/seeds/``, read at run time, never copied) into paragraphs,
score every paragraph against the story with Okapi BM25 (k1 = 1.5, b = 0.75, a
lower-case word tokeniser without stop words; no stemming, no synonyms), and
read the conditions off the best paragraphs. Which condition a paragraph is
about comes from the knowledge base's own provenance: a paragraph whose lines
overlap a condition's ``sources`` belongs to that condition (a paragraph may
belong to several, or to none).

A condition's score is the sum of its best :data:`TOP_HITS` paragraph scores;
conditions are ranked by score, then (for the conditions no paragraph matched,
e.g. those marked ``not_in_seeds``) by prior, then by id. The baseline's triage
is the default triage of its top condition: what a reader of the articles
would infer. It fires no red-flag rules and asks no questions. The result is a
:class:`~crampcheck.evaluation.metrics.CaseResult`, so the baseline is scored by
exactly the metrics of ``crampcheck eval``.

Nothing here was tuned on ``eval/test.jsonl``: the constants are the textbook
BM25 defaults and a round number of hits, fixed before the first run.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from crampcheck.errors import UserInputError
from crampcheck.evaluation.metrics import CaseResult
from crampcheck.evaluation.vignettes import Vignette
from crampcheck.knowledge.models import Condition, KnowledgeBase, TriageLevel

K1 = 1.5
B = 0.75
TOP_HITS = 3
"""How many of a condition's best paragraphs add up to its score."""

STOP_TEXT = """a about above after again against all am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself
yourselves s t don doesn didn isn wasn im ive id also get got"""
STOP_WORDS = frozenset(STOP_TEXT.split())
WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-case words of two or more characters, stop words removed."""
    return [w for w in WORD.findall(text.lower()) if len(w) > 1 and w not in STOP_WORDS]


@dataclass(frozen=True)
class Paragraph:
    """A run of non-blank lines of one seed article (lines are 1-based and inclusive)."""

    doc: str
    first: int
    last: int
    text: str


def paragraphs(name: str, text: str) -> list[Paragraph]:
    """The paragraphs of one article: blank lines separate them."""
    out: list[Paragraph] = []
    lines: list[str] = []
    start = 0
    for number, line in enumerate([*text.splitlines(), ""], 1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            out.append(Paragraph(name, start, number - 1, "\n".join(lines)))
            lines = []
    return out


def read_seeds(folder: Path) -> list[Paragraph]:
    """Every paragraph of every ``*.txt`` article in ``folder``, in file-name order."""
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise UserInputError(f"{folder} holds no seed articles (*.txt); give ../shared/seeds")
    return [p for f in files for p in paragraphs(f.name, f.read_text(encoding="utf-8"))]


class BM25:
    """Okapi BM25 over a fixed list of documents (Robertson & Zaragoza 2009; Lucene's idf)."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = K1, b: float = B) -> None:
        self.k1, self.b = k1, b
        self.counts = [Counter(d) for d in documents]
        self.lengths = [len(d) for d in documents]
        self.average = sum(self.lengths) / len(documents) if documents else 0.0
        frequency: Counter[str] = Counter(w for d in self.counts for w in d)
        n = len(documents)
        self.idf = {w: math.log((n - f + 0.5) / (f + 0.5) + 1) for w, f in frequency.items()}

    def scores(self, query: Iterable[str]) -> list[float]:
        """The score of every document for ``query`` (each distinct query word counts once)."""
        words = [w for w in dict.fromkeys(query) if w in self.idf]
        out = []
        for counts, length in zip(self.counts, self.lengths, strict=True):
            norm = self.k1 * (1 - self.b + self.b * length / self.average) if self.average else 0
            score = 0.0
            for word in words:
                tf = counts.get(word, 0)
                if tf:
                    score += self.idf[word] * tf * (self.k1 + 1) / (tf + norm)
            out.append(score)
        return out


def _overlaps(paragraph: Paragraph, condition: Condition) -> bool:
    for source in condition.sources:
        first, last = source.line_range
        if source.doc == paragraph.doc and first <= paragraph.last and paragraph.first <= last:
            return True
    return False


@dataclass(frozen=True)
class Ranked:
    """The baseline's answer for one story."""

    conditions: tuple[Condition, ...]
    scores: tuple[float, ...]

    @property
    def triage(self) -> TriageLevel:
        return self.conditions[0].triage


class ArticleSearch:
    """The "search the articles" baseline for one knowledge base and one seed folder."""

    def __init__(self, kb: KnowledgeBase, seeds: Path, top_hits: int = TOP_HITS) -> None:
        self.paragraphs = read_seeds(seeds)
        self.conditions = tuple(kb.conditions)
        self.top_hits = top_hits
        self.index = BM25([tokens(p.text) for p in self.paragraphs])
        self.members = [
            [i for i, p in enumerate(self.paragraphs) if _overlaps(p, c)] for c in self.conditions
        ]

    def rank(self, text: str) -> Ranked:
        """Conditions ranked by the sum of their best paragraph scores for ``text``."""
        scores = self.index.scores(tokens(text))
        totals = [
            sum(sorted((scores[i] for i in members), reverse=True)[: self.top_hits])
            for members in self.members
        ]
        order = sorted(
            range(len(self.conditions)),
            key=lambda n: (-totals[n], -self.conditions[n].prior.p, self.conditions[n].id),
        )
        return Ranked(
            tuple(self.conditions[n] for n in order), tuple(round(totals[n], 4) for n in order)
        )

    def case(self, vignette: Vignette) -> CaseResult:
        """The baseline's result for one vignette, in the shape the metrics score."""
        ranked = self.rank(vignette.text)
        return CaseResult(
            id=vignette.id,
            gold_label=vignette.gold_label,
            gold_icd10=tuple(vignette.gold_icd10),
            gold_triage=vignette.triage,
            red_flag=vignette.red_flag,
            gold_rules=tuple(vignette.red_flag_rules),
            triage=ranked.triage,
            ranked_codes=tuple(tuple(c.icd10) for c in ranked.conditions),
            ranked_ids=tuple(c.id for c in ranked.conditions),
            fired_rules=(),
        )

    def run(self, vignettes: Iterable[Vignette]) -> list[CaseResult]:
        return [self.case(v) for v in vignettes]
