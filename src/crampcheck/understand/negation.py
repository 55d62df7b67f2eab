"""negspacy's Negex over span groups, in one pass over the spans instead of one per scope.

negspacy's ``Negex.negex`` walks every span of the span group once for every
scope (a sentence, cut at each termination cue) and builds a new ``Span`` object
each time, so a long story costs scopes x spans: 70 % of the time of a
400-word story went there. :func:`scoped_negex` finds each span's scope with a
binary search instead and then applies negspacy's own rule
(``Negex._apply_negation``) with the same cues, so every span gets exactly the
mark negspacy would give it (a scope is a half-open token range; a span counts
in the scope where it starts; marks are only ever set, never cleared, so
the order does not matter).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from negspacy.negation import Negex
from spacy.tokens import Doc, Span


def _scope_of(span: Span, starts: list[int], scopes: list[tuple[int, int]]) -> int | None:
    """The index of the scope where ``span`` starts, if there is one. negspacy skips a span
    that runs on past its scope; a co-occurrence rule's span may ("not hot, the leg"), and a
    cue before its start still denies it."""
    index = bisect_right(starts, span.start) - 1
    if index < 0:
        return None
    start, end = scopes[index]
    return index if start <= span.start < end else None


def scoped_negex(negex: Negex, span_key: str) -> Callable[[Doc], Doc]:
    """A pipeline component marking the spans in ``doc.spans[span_key]`` as ``negex`` would."""

    def apply(doc: Doc) -> Doc:
        spans = list(doc.spans.get(span_key, []))
        if not spans:
            return doc
        preceding, following, terminating = negex.process_negations(doc)
        scopes = negex.termination_boundaries(doc, terminating)
        starts = [start for start, _ in scopes]
        by_scope: dict[int, list[Span]] = {}
        for span in spans:
            index = _scope_of(span, starts, scopes)
            if index is not None:
                by_scope.setdefault(index, []).append(span)
        for index, inside in by_scope.items():
            start, end = scopes[index]
            sub_preceding = [m for m in preceding if start <= m[1] < end]
            sub_following = [m for m in following if start <= m[1] < end]
            for span in inside:
                negex._apply_negation(span, sub_preceding, sub_following)
        return doc

    return apply
