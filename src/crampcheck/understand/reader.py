"""Free text -> findings, each with the span of text that supports it.

The spaCy pipeline (:mod:`pipeline`) finds the knowledge base's phrases with
stemming and typo repair and marks each one negated, hypothetical or family
history; :mod:`numbers` reads ages, pregnancy weeks, time since birth, attack
duration, walking distance and frequency. Hypothetical and family-history
mentions are dropped, and so are negated body sites ("no swelling of the calf"
denies the swelling, not the calf); a finding stated both ways counts as stated.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from crampcheck.engine.model import CompiledModel
from crampcheck.understand.checks import MAX_TEXT, break_long_chunks, check_text
from crampcheck.understand.numbers import (
    COMPARED,
    FEMALE_RELATIVES,
    LYING_ON_A_SIDE,
    MALE_RELATIVES,
    NOT_A_CRAMP_AFTER,
    NOT_A_CRAMP_BEFORE,
    SOMETHING_ELSE_AFTER,
    extract_numbers,
    relative_subject,
)

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MAX_TEXT", "TextFinding", "read_text"]


@dataclass(frozen=True)
class TextFinding:
    id: str
    value: bool | float | str
    span: str


_PIPELINES: dict[str, Language] = {}
VERB_NEGATIONS = {"not", "n't", "nt", "cannot", "never"}
"""Negated verbs ("I can't bend my knees") deny only their own clause: their scope ends at a
comma, unlike "no" and "denies", whose scope runs on through a list ("No fever, cough or SOB")."""


LIST_VERBS = frozenset({"noticed", "notice", "seen", "had", "have", "felt", "reported",
                        "report", "experienced", "mentioned", "described", "developed", "got",
                        "complained", "complain"})  # fmt: skip
"""Verbs whose denial runs on through a list: "he had not noticed bruising, bleeding, a rash or
palpitations"."""
COPULAS = frozenset({"'m", "am", "'s", "is", "'re", "are", "was", "were", "be", "been"})
"""A denied state runs on through a list of states: "I'm not sweaty, shaky or muddled"."""
CLAUSE_OPENERS = frozenset({"i", "he", "she", "it", "they", "we", "my", "his", "her", "their",
                            "is", "are", "was", "were", "has", "feels", "looks", "gets", "went",
                            "became", "seems", "now", "but"})  # fmt: skip


PAST_VERBS = frozenset({"took", "went", "got", "had", "was", "were", "came", "ate", "drank",
                        "gave", "made", "felt", "saw", "kept", "began", "started",
                        "ran"})  # fmt: skip


WALK_BACK = 60
"""Tokens a check walks back from a finding towards its denial cue: bounded, because a long
unpunctuated text is one "sentence" and an unbounded walk per finding is quadratic."""


def _new_verb_after(doc: Any, i: int, end: int) -> bool:
    """ "didn't eat before training and took his usual insulin": "and" with a new verb
    (or a new subject) ends a negated verb's clause, as a comma does."""
    if i >= end:
        return False
    word = doc[i].lower_
    return word in PAST_VERBS or word in CLAUSE_OPENERS or (len(word) > 4 and word.endswith("ed"))


def _verb_negation_ends_at_comma(span: Any) -> bool:
    """True when the nearest cue before ``span`` is a negated verb with a comma in between
    (unless the verb denies a list and nothing after the comma opens a new clause)."""
    doc, comma = span.doc, False
    for i in range(span.start - 1, max(span.sent.start, span.start - WALK_BACK) - 1, -1):
        word = doc[i].lower_
        if word == "," or (word == "and" and _new_verb_after(doc, i + 1, span.start)):
            comma = True
        elif word in VERB_NEGATIONS:
            if comma and i + 1 < span.start and doc[i + 1].lower_ in LIST_VERBS:
                between = {t.lower_ for t in doc[i + 2 : span.start]}
                return bool(between & CLAUSE_OPENERS)
            if comma and word == "not" and i > 0 and doc[i - 1].lower_ in COPULAS:
                between = {t.lower_ for t in doc[i + 1 : span.start]}
                # "I'm not sweaty, shaky or muddled"; "I'm not weak, just sore" contrasts
                return bool(between & (CLAUSE_OPENERS | {"just", "only", "still", "though"}))
            return comma
        elif word in ("no", "denies", "denied", "without", "nil", "none", "negative", "nor"):
            return False
    return False


ITEM_NEGATIONS = frozenset(
    {"no", "not", "nil", "never", "without", "denies", "denied", "n't", "nt", "none", "nothing",
     "nor", "neither", "cannot"}
)  # fmt: skip


LIST_REACH = 40
"""Tokens looked at either side of a finding for the items of its list."""


def _list_denies_each_item(span: Any) -> bool:
    """ "No chest pain, no cough, calf tender": when the items before ``span`` in a comma list
    each carry their own "no", an item without one is stated, not denied."""
    doc = span.doc
    start = max(span.sent.start, span.start - LIST_REACH)  # bounded: else quadratic in a
    end = min(span.sent.end, span.end + LIST_REACH)  # long unpunctuated text
    if any(t.text == "," for t in span):
        return False  # a span across items (a co-occurrence rule's): its own item is unclear
    commas = [i for i in range(start, span.start) if doc[i].text == ","]
    if len(commas) < 2:
        return False
    item_end = next((i for i in range(span.end, end) if doc[i].text == ","), end)
    if any(doc[i].lower_ in ITEM_NEGATIONS for i in range(commas[-1] + 1, item_end)):
        return False  # "one leg isn't bigger": the item has its own denial
    bounds = [start - 1, *commas]
    items = [doc[a + 1 : b] for a, b in itertools.pairwise(bounds)]
    own = [len(item) > 0 and item[0].lower_ in ITEM_NEGATIONS for item in items[-2:]]
    return len(own) == 2 and all(own)


MEASUREMENT = re.compile(r"\d+(?:[./]\d+)*")
LIST_CUES = frozenset({"no", "denies", "denied", "without", "nil", "none", "negative", "nor"})


def _measurement_ends_denial(span: Any) -> bool:
    """A list item holding a measurement states something, so a denial running through the list
    stops there: "no headache, no swelling, BP 116/74 at antenatal appt" denies the headache and
    the swelling, not the pregnancy."""
    doc, measured = span.doc, False
    for i in range(span.start - 1, max(span.sent.start, span.start - WALK_BACK) - 1, -1):
        word = doc[i].lower_
        if MEASUREMENT.fullmatch(word):
            measured = True
        elif word == "," and measured:
            return True
        elif word in LIST_CUES or word in VERB_NEGATIONS:
            return False
    return False


ABILITY = {"ca", "can", "could", "couldn", "wo", "unable"}
PERCEPTION = {"see", "feel", "find", "notice", "spot", "detect", "tell", "remember", "recall",
              "say", "hear", "think", "recollect", "seen", "felt", "found", "noticed"}  # fmt: skip


def _ability_denies_another_verb(span: Any) -> bool:
    """ "can't kick, treading water", "can't walk because the calf is swollen": not being able
    to do one thing does not deny what follows that verb. Seeing and feeling are the
    exceptions ("can't see any swelling" denies it)."""
    doc = span.doc
    for i in range(span.start - 1, max(span.sent.start, span.start - 12) - 1, -1):
        word = doc[i].lower_
        if word in ("no", "not", "n't", "nt", "never", "without", "nil", "denies", "nor"):
            able = word in ("not", "n't", "nt") and i > 0 and doc[i - 1].lower_ in ABILITY
            if word == "not" and doc[i - 1].lower_ == "unable":
                able = True
            verb = i + 1 + (doc[i + 1].lower_ == "to" if i + 1 < len(doc) else 0)
            return able and verb < span.start and doc[verb].lower_ not in PERCEPTION
        if word == "cannot" or (
            word == "unable" and i + 1 < len(doc) and doc[i + 1].lower_ == "to"
        ):
            verb = i + 1 + (word == "unable")
            return verb < span.start and doc[verb].lower_ not in PERCEPTION
    return False


def pipeline_for(model: CompiledModel) -> Language:
    """The pipeline for this knowledge-base version, built on first use (spaCy loads then)."""
    if model.kb.version not in _PIPELINES:
        from crampcheck.understand.pipeline import build_pipeline

        _PIPELINES[model.kb.version] = build_pipeline(model)
    return _PIPELINES[model.kb.version]


_LEXICON_WORDS: dict[str, frozenset[str]] = {}


def _lexicon_words(model: CompiledModel) -> frozenset[str]:
    """Every word of the knowledge base's phrases, lower case (drug names, abbreviations)."""
    if model.kb.version not in _LEXICON_WORDS:
        _LEXICON_WORDS[model.kb.version] = frozenset(
            w.lower()
            for f in model.kb.findings
            for p in f.phrases
            for w in re.findall(r"[^\W\d_]+", p)
        )
    return _LEXICON_WORDS[model.kb.version]


MORE_EXACT = {"breathless": "breathless_lying_flat"}
"""A finding whose words are part of a more exact one's ("lying flat makes her breathless" is
breathlessness lying flat, a sign of fluid on the lungs, not new breathlessness in general)."""


MORE_EXACT_SPAN = 8
"""A more exact reading takes over only when told in a few words that end with or after the
general ones: "lying flat makes her breathless" is breathlessness lying flat, but "propped on
his arms, breathing fast" and "sleeps on three pillows and gets short of breath walking" are
breathless as well."""


def _said_more_exactly(ent: Any, spans: list[Any]) -> bool:
    exact = MORE_EXACT.get(ent.label_)
    return (
        exact is not None
        and any(
            s.label_ == exact
            and ent.end <= s.end  # the more exact words run on past the general ones ...
            and s.start < ent.end  # ... and share some of them
            and s.end - s.start <= MORE_EXACT_SPAN
            and not s._.negex
            and not any(t.lower_ in ("and", ",", "but") for t in ent.doc[s.start : ent.start])
            for s in spans
        )
    )


DENIAL_WINS = frozenset({"in_deep_water_now"})
"""Findings where a denial beats a statement: "the calf went into cramp 200 m out ... I'm home
now" tells of deep water, but the person is out of it."""


PAST_REACH = 10
"""Tokens between a warning sign and the cue that puts it in the past: a story told in one
unpunctuated breath ("... cold and bluey white ... I had the stents put in two years ago") must
not lose its present to a cue at the far end."""


def _near_past_cue(ent: Any) -> bool:
    from crampcheck.understand.pipeline import PAST_AFTER, PAST_BEFORE

    doc, sent = ent.doc, ent.sent
    before = doc[max(sent.start, ent.start - PAST_REACH) : ent.start].text.lower()
    after = doc[ent.end : min(sent.end, ent.end + PAST_REACH)].text.lower()
    return any(c in before for c in PAST_BEFORE) or any(c in after for c in PAST_AFTER)


RECENT = frozenset({"red_cord_vein", "leg_weakness", "fever", "recent_surgery", "dirty_wound",
                    "leg_injury", "long_journey", "immobilised", "postpartum"})  # fmt: skip
"""Findings about the last few weeks, besides the warning signs."""


def _current_only(model: CompiledModel) -> frozenset[str]:
    """Findings that count only when current: a warning sign, or something recent. Told as
    long ago ("a fit years back", "a stent for chest pain 3 years ago") they are history."""
    return frozenset(f.id for f in model.kb.findings if f.red_flag) | RECENT


CALF_SIGNS = frozenset({"calf_swollen_one_side", "calf_warm_red"})
JOINT = re.compile(r"\b(?:joint|mtp|metatarsophalangeal|big toe|bunion|knuckle)s?\b", re.I)
CALF_NAMED = re.compile(r"\b(?:calf|calves|calfs|shin|shins)\b", re.I)


def _about_a_joint(sentence: str) -> bool:
    return JOINT.search(sentence) is not None and CALF_NAMED.search(sentence) is None


def _told(ent: Any) -> str:
    """The sentence of ``ent`` and the one before it: "my left calf ... It's puffier than the
    other one and warm to touch" tells of the calf in the sentence before."""
    doc, sent = ent.doc, ent.sent
    before = doc[sent.start - 1].sent.text if sent.start > 0 else ""
    return f"{before} {sent.text}"


def _worth_keeping(model: CompiledModel, ent: Any, value: bool) -> bool:
    """Whether a reading says something about the person's legs."""
    if not value:
        # a denial of a stated-only rule, or of a site ("no swelling of the calf": the calf is
        # where, not what is denied), says nothing
        return not ent._.stated_only and model.findings[ent.label_].category != "site"
    if ent.label_ == "breathless" and ent.text in ("sobs", "sobbing", "sobbed"):
        return False  # "he sobs like he's being tortured": crying; clinicians write "SOB"
    if ent.label_ == "calf_swollen_one_side" and not LEG_WORDS.search(_told(ent)):
        return False  # "my face is swelling": a bare "swelling" with no leg in the sentence
    if ent.label_ in CALF_SIGNS and _about_a_joint(ent.sent.text):
        return False  # "swelling of the first MTP joint": a hot joint (gout), not the calf
    # "redness and swelling of the big-toe joint" is not a red calf
    return not (ent.label_ == "calf_warm_red" and not CALF_WORDS.search(_told(ent)))


COLON_DENIAL = re.compile(
    r"\s*(?:[:=]\s*(?:nil|no|none|neg|negative|absent|denied|nad|not present|0|n)\b|"
    r"\s*[:=]?\s*[\u2717\u2718\u274c]|"
    r"[-\u2013]\s*(?:ve\b)?\s*(?:[,.;)]|$))",
    re.I,
)
"""A heading denied by a word after a colon, or by a bare minus ("SOB -, no palpitations",
"CP -ve")."""


SPEAKER = (
    r"(?:(?:a|ans|answer|reply|user|me|pt|patient|caller|client|mum|mom|dad|wife|husband|"
    r"son|daughter|carer|parent|person|resident|staff|him|her)\s*[:\-\u2013>]\s*)?"
)
ANSWER_NO = re.compile(
    r"\s*" + SPEAKER + r"[\"'\u2018\u201c]?(?:no|nope|nah|nil|none|neg|negative|denies|denied|n|"
    r"not that i know of|not that we know of|not at all|never)\b"
    r"(?!\s*(?:idea|clue|sure|one|doubt|wonder|matter|way|longer|more|problem|worries))"
    r"|\s*" + SPEAKER + r"[\u2717\u2718\u274c]",
    re.I,
)
ANSWER_YES = re.compile(
    r"\s*"
    + SPEAKER
    + r"[\"'\u2018\u201c]?(?:yes|yeah|yep|y|\+|\+ve|positive|[\u2713\u2714])(?!\w)",
    re.I,
)
ASKS_ABILITY = re.compile(
    r"(?:^|[:>]\s*)(?:can|could|is (?:he|she|they) able|are you able|able)\b", re.I
)
QUESTION_START = re.compile(r"(?:[.!?\n]|\b(?:q|bot|nurse|asked|question)\s*[:\-])[^.!?\n]*$", re.I)
ITEM_SPLIT = re.compile(r"\s*(?:/|,|;|\bor\b|\band\b)\s*", re.I)
MAX_QUESTION = 120


def _text_of(doc: Any) -> str:
    """The document's text, built once (spaCy rebuilds ``doc.text`` from its tokens on every
    call, which made a check per finding quadratic in a long story)."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return str(doc.user_data["text"])


def _answer_to(ent: Any) -> str | None:
    """How a question naming ``ent`` was answered, as triage notes and chats write it: "no"
    ("Q: chest pain? A: no", "Bot: Any fever?\nUser: nope", "Q: confused / fainted? A: no /
    no", each answer matched to its item when the counts agree), "yes", or "other" when a
    transcript's answer says something else ("Bot: Fever?\nUser: felt sick"; the question's
    words are the asker's, not the person's). None when ``ent`` is not in an answered question.
    A question about an ability ("can she stand?") is left alone: its "no" states a problem."""
    text = _text_of(ent.doc)
    mark = text.find("?", ent.end_char, ent.end_char + MAX_QUESTION)
    if mark < 0 or any(c in text[ent.end_char : mark] for c in ".!\n"):
        return None
    head = text[max(0, ent.start_char - MAX_QUESTION) : ent.start_char]
    start = QUESTION_START.search(head)
    question = (head[start.start() + 1 :] if start else head) + text[ent.start_char : mark]
    if ASKS_ABILITY.search(question.strip()):
        return None
    answer = text[mark + 1 : mark + 1 + MAX_QUESTION]
    answer = re.split(r"[.!?\n]|\b(?:q|bot|nurse)\s*:", answer.lstrip(" \n"), maxsplit=1,
                      flags=re.I)[0] if answer.strip() else ""  # fmt: skip
    answers = [a for a in re.split(r"\s*/\s*", answer) if a.strip()]
    if len(answers) >= 2:
        items = [i for i in ITEM_SPLIT.split(question) if i.strip()]
        offset = len(question) - (mark - ent.start_char)
        where = sum(1 for m in ITEM_SPLIT.finditer(question) if m.end() <= offset)
        if len(items) == len(answers) and where < len(answers):
            answer = answers[where]
        elif all(ANSWER_NO.match(a) for a in answers):
            return "no"
    if ANSWER_NO.match(answer):
        return "no"
    if ANSWER_YES.match(answer):
        return "yes"
    labelled = (start and LABEL.search(head[start.start() :])) or ANSWERED_BY.match(
        text[mark + 1 : mark + 40]
    )
    # "Bot: Where do you get the cramps? Me: calves": a wh-question takes the cramps as given
    asks_which = WH_QUESTION.search(question)
    return "other" if labelled and not asks_which else None


LABEL = re.compile(r"\b(?:q|bot|nurse|question)\s*[:\-]", re.I)
WH_QUESTION = re.compile(
    r"\b(?:where|when|what|which|how|why|who|whereabouts)\b|\bone (?:leg|side) or both\b", re.I
)
ANSWERED_BY = re.compile(
    r"\s*\n?\s*(?:a|ans|answer|reply|user|me|pt|patient|caller|client)\s*[:\-\u2013>]", re.I
)


QA_QUESTION = re.compile(r"\b(?:q|bot|nurse|question)\s*[:\-]\s*([^?\n]{1,120})\?", re.I)
QA_ANSWER = re.compile(
    r"\s*\n?\s*(?:a|ans|answer|reply|user|me|pt|patient|caller|client)\s*[:\-\u2013>]\s*"
    r"((?:(?!\b(?:q|bot|nurse|question)\s*[:\-])[^\n]){1,160})",
    re.I,
)
MAX_QA_PAIRS = 20


def _yes_reads_the_question(
    model: CompiledModel, found: dict[str, TextFinding], text: str
) -> dict[str, TextFinding]:
    """In a transcript, an answer is read together with its question, so "Bot: Any change in
    your urine? User: yes, like coke" or "Q: urine? A: dark brown" gives the dark urine that
    neither half says alone."""
    out = dict(found)
    for q in itertools.islice(QA_QUESTION.finditer(text), MAX_QA_PAIRS):
        a = QA_ANSWER.match(text, q.end())
        if a is None or ANSWER_NO.match(a[1]):
            continue
        said_yes = ANSWER_YES.match(a[1]) is not None
        for fid, f in _phrase_findings(model, f"{q[1]}, {a[1]}").items():
            # without a "yes", only what the answer adds: "Q: urine? A: dark brown" is dark
            # urine, but "Q: fever? A: felt sick" is not a fever
            if f.value is True and fid not in out and (said_yes or f.span not in q[1]):
                out[fid] = f
    return out


HEADING_REST = re.compile(r"[\w\s/&+'-]{0,40}?(?=\s*[:=])")
HEADING_DENIAL = re.compile(
    r"\s*[:=]\s*(?:nil|no|none|neg|negative|absent|denied|nad|not present|n)\s*(?:[.,;/)\n]|$)",
    re.I,
)
"""Stricter than COLON_DENIAL, for a heading of several words: the denial must stand alone
("Swelling one leg: nil."), so "calf swollen since Tuesday: no fever" keeps the swelling."""
HEADING_START = re.compile(r"(?:^|[.;!?\n]|\b(?:q|a)\s*:)[\w\s/&+'-]{0,40}$", re.I)


def _denied_after_colon(ent: Any) -> bool:
    """A heading denied as clinicians write it: "SOB: nil", "DM: no", "Leg swelling: nil",
    and form headings of a few words around the finding: "Swelling one leg: nil", "Sudden
    swelling/calf pain: no", "Red/hot: no"."""
    doc = ent.doc
    after = doc[ent.end : min(len(doc), ent.end + 4)].text if ent.end < len(doc) else ""
    if COLON_DENIAL.match(" " + after) is not None:
        return True
    text = _text_of(doc)
    rest = HEADING_REST.match(text, ent.end_char)
    if rest is None or not HEADING_START.search(text[max(0, ent.start_char - 45) : ent.start_char]):
        return False
    return HEADING_DENIAL.match(text, rest.end()) is not None


WORD_IS_NOT = {
    "breathless": re.compile(r"sobb\w*"),
    "poisoning_suspected": re.compile(r"swallow(?:ing|s)?"),
}
"""Words that share a stem with a finding's phrase but not its meaning: "woken up sobbing" is
crying ("SOB" is short of breath); "alendronate stopped (swallowing)" is about swallowing, not
something swallowed."""


EASED_IF = frozenset({"rest_pain_foot"})
"""Findings told as what eases them: "better if I hang my foot over the side of the bed"."""
PAIN_IF_MOVED = frozenset({"tense_leg_after_injury"})
"""Findings told as what an "if" brings on: "if my mum even bends my toes back I scream"."""
WORRY_WORDS = frozenset({"case", "worried", "worry", "whether", "could", "might", "may"})


def _pain_if_moved(ent: Any) -> bool:
    """An "if" or "when" just before a sign of pain on moving, with no worry in between."""
    doc = ent.doc
    before = [t.lower_ for t in doc[max(ent.sent.start, ent.start - 6) : ent.start]]
    return (
        ent.label_ in PAIN_IF_MOVED
        and any(w in ("if", "when", "whenever") for w in before)
        and not WORRY_WORDS & set(before)
    )


OWN_SYMPTOMS = re.compile(
    r"\b(?:i|i'?ve|ive|i'?m|im)\s+(?:(?:also|still|now|sometimes|often|always)\s+)?(?:get|got|have|"
    r"had|keep|woke|wake|feel|felt|suffer|am getting|'m getting|been getting|been having|"
    r"started)\b(?!\s+(?:to|a look|her|him|them|my (?:mum|mom|dad|mother|father|wife|husband)))|"
    r"\bmy\s+(?:own\s+)?(?:legs?|calf|calves|feet|foot|thighs?|knees?|ankles?|toes?|back)\b",
    re.I,
)
"""The writer's own symptoms: with them, a relative's history stays the relative's."""
FAMILY_HISTORY = re.compile(r"\bfamily history\b|\bfhx?\b|\bfh\s*:|\bruns in\b|\bin the family\b",
                            re.I)  # fmt: skip


SAME_RELATIVE = {"mum": "mother", "mom": "mother", "mam": "mother", "dad": "father",
                 "hubby": "husband", "gran": "grandmother", "granny": "grandmother",
                 "nan": "grandmother", "grandma": "grandmother", "grandad": "grandfather",
                 "granddad": "grandfather", "grandpa": "grandfather", "gf": "girlfriend",
                 "bf": "boyfriend"}  # fmt: skip
RELATIVE_WORD = re.compile(rf"\b({FEMALE_RELATIVES}|{MALE_RELATIVES})s?\b", re.I)


BARE_RELATIVE = re.compile(
    r"(?:^|[.:;!?\n]\s*)(?P<rel>mum|mom|mam|dad|nan|gran|granny|grandma|grandad|granddad|grandpa)"
    r"\s+(?:is|has|had|gets|got|keeps|was|woke|wakes|can't|cannot|says|said|seems)\b",
    re.I,
)
"""A relative named as a person at the start of a sentence, as carers write: "Mum has had
leg cramps for a week"."""


def _about_the_subject(subject: re.Match[str] | None, sentence: str) -> bool:
    """A family cue in a story about a relative speaks of that relative when the sentence
    names no other relative and no family history: "Mum has had cramps for a week" is the
    patient's; "his brother had a clot" and "family history of clots" are not."""
    if subject is None or FAMILY_HISTORY.search(sentence):
        return False
    groups = subject.groupdict()
    who = (groups.get("rel") or groups.get("rel2") or "").lower()
    who = SAME_RELATIVE.get(who, who)
    named = {SAME_RELATIVE.get(w.lower(), w.lower()) for w in RELATIVE_WORD.findall(sentence)}
    return named <= {who}


def _near(ent: Any, reach: int = 30) -> str:
    """The words of ``ent``'s sentence within ``reach`` tokens of it (bounded: building a whole
    long sentence's text for every finding is quadratic)."""
    sent, doc = ent.sent, ent.doc
    return str(doc[max(sent.start, ent.start - reach) : min(sent.end, ent.end + reach)].text)


def _not_asserted(
    ent: Any, spans: list[Any], current_only: frozenset[str], subject: re.Match[str] | None
) -> bool:
    """Words that do not state a finding of the person: another's history, a hypothetical, a
    past event, a finding said more exactly by other words, a look-alike word."""
    if ent._.family and not _about_the_subject(subject, _near(ent)):
        return True  # "my mum had clots"; but in a story about mum, "mum has had cramps"
    if ent._.hypothetical and ent.label_ not in EASED_IF and not _pain_if_moved(ent):
        return True
    if ent._.past and ent.label_ in current_only and _near_past_cue(ent):
        return True  # "knocked out in a clash of heads last season" is not a collapse today
    if _said_more_exactly(ent, spans):
        return True
    word_is_not = WORD_IS_NOT.get(ent.label_)
    return word_is_not is not None and word_is_not.fullmatch(ent.text.lower()) is not None


def _phrase_findings(model: CompiledModel, text: str) -> dict[str, TextFinding]:
    found: dict[str, TextFinding] = {}
    from crampcheck.understand.pipeline import NOT_A_FINDING, SPAN_KEY

    doc = pipeline_for(model)(text)
    current_only = _current_only(model)
    spans = list(doc.spans[SPAN_KEY])
    subject = relative_subject(text) or BARE_RELATIVE.search(text)
    if subject is not None and OWN_SYMPTOMS.search(text):
        subject = None  # the writer's own story: a relative's history stays the relative's
    for ent in spans:
        if ent.label_ == NOT_A_FINDING or _not_asserted(ent, spans, current_only, subject):
            continue
        answer = _answer_to(ent)
        if answer == "other":
            continue  # "Bot: Fever / vomiting?  User: felt sick": the asker's words
        negated = (
            _denied_after_colon(ent)  # "SOB: nil"
            or answer == "no"  # "Q: chest pain? A: no"
            or (
                ent._.negex
                and not _verb_negation_ends_at_comma(ent)
                and not _ability_denies_another_verb(ent)
                and not _measurement_ends_denial(ent)
                and not _list_denies_each_item(ent)
            )
            or (ent._.inner_negated and not _list_denies_each_item(ent))
        )
        value = False if ent._.normal else not negated  # "pee is normal" states an absence
        if not _worth_keeping(model, ent, value):
            continue
        old = found.get(ent.label_)
        denial_wins = ent.label_ in DENIAL_WINS and ent._.normal  # "I'm home now", not "no one"
        if (
            old is None
            or (value and old.value is False and not denial_wins)
            or (not value and denial_wins)
        ):
            found[ent.label_] = TextFinding(ent.label_, value, ent.text)
    return found


BILATERAL = re.compile(r"\b(both|bilateral\w*|bilat|legs|ankles|feet|calves|calfs|shins)\b", re.I)
SIDED = re.compile(r"\b(one|left|right|l|r|lt|rt|single|unilateral\w*|calf|leg|shin|thigh)\b", re.I)


CALF_WORDS = re.compile(r"\b(calf|calves|calfs|shin|shins|leg|legs|lower limb|thigh)\b", re.I)
LEG_WORDS = re.compile(
    r"\b(leg|legs|calf|calves|calfs|shin|shins|ankle|ankles|foot|feet|knee|thigh|lower limb|"
    r"jeans|trousers|sock|socks|boot|boots|leggings)\b",
    re.I,
)


def _swelling_of_both(found: dict[str, TextFinding]) -> dict[str, TextFinding]:
    """ "Swollen lower legs", or a bare "swelling" in a story about both legs, is swelling of
    both legs, not one swollen calf (which would raise a clot alarm)."""
    swollen = found.get("calf_swollen_one_side")
    if swollen is None or swollen.value is not True or "one_leg_only" in found:
        return found
    both_words = BILATERAL.search(swollen.span) and not re.search(
        r"\b(one|left|right|l|r|lt|rt|single|unilateral\w*)\b", swollen.span, re.I
    )
    bare = not SIDED.search(swollen.span)
    both_legs = found.get("both_legs") or found.get("ankles_swollen_both")
    if both_words or (bare and both_legs is not None and both_legs.value is True):
        found = {k: v for k, v in found.items() if k != "calf_swollen_one_side"}
        if both_words and "ankles_swollen_both" not in found:
            found["ankles_swollen_both"] = TextFinding("ankles_swollen_both", True, swollen.span)
    return found


STARTED_BEFORE = re.compile(
    r"\b(?:start\w*|began|begun|switched|changed|put (?:me|him|her|them) on|prescribed|"
    r"increased|doubled|added|new)\b[^.;]{0,40}$",
    re.I,
)
STARTED_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:since (?:then|last|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|\d)|ago\b|was (?:started|added|increased|doubled))",
    re.I,
)
NOT_NEW = re.compile(r"\bfor (?:years|ages|a long time|decades)\b|\blong[- ]term\b", re.I)


def _new_medicine(
    model: CompiledModel, text: str, found: dict[str, TextFinding]
) -> dict[str, TextFinding]:
    """ "started simvastatin 3 weeks ago", "on atorvastatin since March", "switched me to
    amlodipine": a medicine named with a start gives ``began_new_medicine``."""
    if "began_new_medicine" in found or "began_new_medicine" not in model.findings:
        return _treatment_is_not_a_cause(model, text, found)
    for f in list(found.values()):
        if f.value is not True or model.findings[f.id].category != "medication":
            continue
        if f.id in CRAMP_TREATMENTS:
            continue
        at = text.find(f.span)
        if at < 0:
            continue
        before, after = text[max(0, at - 60) : at], text[at + len(f.span) : at + len(f.span) + 60]
        if (STARTED_BEFORE.search(before) or STARTED_AFTER.search(after)) and not (
            NOT_NEW.search(before) or NOT_NEW.search(after[:30])
        ):
            return {**found, "began_new_medicine": TextFinding("began_new_medicine", True, f.span)}
    return found


CRAMP_TREATMENTS = {"med_quinine", "med_mineral_supplement"}
"""Taken for the cramps, so starting one is not a medicine that could have caused them."""


def _treatment_is_not_a_cause(
    model: CompiledModel, text: str, found: dict[str, TextFinding]
) -> dict[str, TextFinding]:
    """ "The GP put me on quinine for the cramps": the new medicine is the treatment.

    ``began_new_medicine`` read from a phrase is dropped when every medicine the text names
    is a cramp treatment and the phrase comes just before one of them.
    """
    began = found["began_new_medicine"]
    if began.value is not True:
        return found
    taken = [f for f in found.values() if f.value is True and model.findings[f.id].category
             == "medication" and f.id != "began_new_medicine"]  # fmt: skip
    if not taken or any(f.id not in CRAMP_TREATMENTS for f in taken):
        return found
    at = text.lower().find(began.span.lower())
    for f in taken:
        where = text.lower().find(f.span.lower(), max(at, 0))
        if at >= 0 and 0 <= where - at <= len(began.span) + 30:
            return {k: v for k, v in found.items() if k != "began_new_medicine"}
    return found


QUININE_TROUBLE = re.compile(
    r"\b(rash|spots|dots|blotch\w*|petechia\w*|pinpoint|bruis\w*|bleed\w*|bled|nosebleeds?|"
    r"racing|"
    r"pounding|palpitations?|fluttering|"
    r"ringing|tinnitus|buzzing in (?:my|his|her) ears|deaf\w*|hearing|blurr\w*)\b",
    re.I,
)


DENIED_OR_IF = re.compile(
    r"\b(?:no|not|never|without|denies|denied|nil|if|in case|unless|watch for|look out for)\b"
    r"|n't\b",
    re.I,
)


def _denied_list(text: str, at: int) -> bool:
    """Whether the word at ``at`` is a later item of a denied list in its sentence ("had not
    noticed bruising, bleeding, a rash or palpitations")."""
    start = max(text.rfind(c, 0, at) for c in ".;!?\n") + 1
    segment = text[max(start, at - 80) : at]
    denials = list(DENIED_OR_IF.finditer(segment))
    if not denials:
        return False
    after = re.findall(r"[a-z']+", segment[denials[-1].end() :].lower())
    return not set(after) & CLAUSE_OPENERS


def _quinine_reaction(
    model: CompiledModel, text: str, found: dict[str, TextFinding]
) -> dict[str, TextFinding]:
    """On quinine, a rash, bruising or bleeding, a racing heart, ringing ears or blurred sight is
    a reaction to it (low platelets, rhythm trouble, cinchonism), told in whatever words."""
    quinine, reaction = found.get("med_quinine"), found.get("quinine_bleeding")
    if quinine is None or quinine.value is not True:  # nosebleeds are no quinine reaction
        return {k: v for k, v in found.items() if k != "quinine_bleeding"}
    if reaction is not None and reaction.value is True:
        return found  # a denial is checked again: "bruises without injury, gums bleed"
    if "quinine_bleeding" not in model.findings:
        return found
    denied = None
    for m in QUININE_TROUBLE.finditer(text):
        # the clause before the word: "that I don't remember knocking, and my gums bled"
        start = max(text.rfind(c, 0, m.start()) for c in ".;!?\n,") + 1
        start = max(start, m.start() - 40)
        if not DENIED_OR_IF.search(text[start : m.start()]) and not _denied_list(text, m.start()):
            return {**found, "quinine_bleeding": TextFinding("quinine_bleeding", True, m.group(0))}
        before = text[start : m.start()]
        if not re.search(r"\b(?:if|in case|unless|watch for|look out for)\b", before, re.I):
            denied = denied or m.group(0)
    if denied and reaction is None:  # "no bruising or rashes" on quinine: denied
        return {**found, "quinine_bleeding": TextFinding("quinine_bleeding", False, denied)}
    return found


WATER = re.compile(
    r"\b(sea|lake|river|pool|loch|ocean|swim\w*|beach|reservoir|quarry|buoys?|shore|"
    r"depth|deep (?:end|water)|surf\w*|canal|pond|pontoon|harbour|harbor|bay|boat|kayak\w*|"
    r"paddleboard\w*|jetty|pier|choppy)\b"
    r"|\b(?:in|into|under) the water\b",
    re.I,
)
"""Open water. Plain "water" is not: "sips of water", "watery diarrhoea", "water tablets"."""


OUT_OF_WATER = re.compile(
    r"\b(?:helped|pulled|brought|carried|dragged)\s+(?:him|her|me|them\s+)?\s*(?:back\s+)?"
    r"(?:to|onto|out)\s+(?:the\s+)?(?:shore|bank|side|land|beach|poolside|edge)"
    r"|\bon dry land\b|\b(?:got|climbed|is|was|am|are|were)\s+out of the (?:water|pool|sea|lake)\b"
    r"|\bback on (?:the )?(?:shore|beach|land)\b|\bhelped (?:me|him|her|them) (?:in|out|back)\b",
    re.I,
)
"""Told as over: "helped to shore", "reviewed on dry land", "got out of the water"."""


def _deep_water(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """In deep water now: only in a story that has water in it ("he 'drowns' if he lies flat" is
    breathlessness)."""
    now = found.get("in_deep_water_now")
    if now is None or now.value is not True:
        return found
    if not WATER.search(text):
        return {k: v for k, v in found.items() if k != "in_deep_water_now"}
    for m in OUT_OF_WATER.finditer(text):
        if not re.search(r"(?:n't|not|cannot|unable to|trying to|try to)\s+(?:\w+\s+){0,2}$",
                         text[max(0, m.start() - 30) : m.start()], re.I):  # fmt: skip
            return {
                **found,
                "in_deep_water_now": TextFinding("in_deep_water_now", False, m.group(0)),
            }
    return found


LEG = r"\b(?:leg|foot|calf|knee|shin|toes)\b"
PALE = (
    r"\b(?:white|whitish|pale|blue|bluish|blueish|grey|gray|greyish|grayish|mottled|blotchy|"
    r"waxy|wax|candle|alabaster|marbled|paper|ashen|colourless|colorless|drained of colou?r)\b"
)
COLD = r"\b(?:cold|colder|cool|cooler|icy|ice|freezing|fridge|marble)\b"
NO_PULSE = (
    r"\bpulses?\b[^.;]{0,40}\b(?:not palpable|absent|impalpable|not felt|can't be felt|"
    r"could not be felt|not detected)|\b(?:no|absent|impalpable)\s+(?:\w+\s+){0,2}pulses?\b"
)
ACUTE = re.compile(
    r"\b(?:sudden\w*|abrupt\w*|today|tonight|this (?:morning|afternoon|evening)|"
    r"(?:\d+|one|two|three|four|five|six) (?:hours?|hrs?)|(?:an|half an) hour ago|"
    r"minutes? ago|just now|"
    r"since (?:about |around )?(?:lunch\w*|breakfast|dinner|tea ?time|midday|noon|"
    r"this morning|last night)|"
    r"out of (?:nowhere|the blue))\b",
    re.I,
)
NOT_ACUTE = re.compile(
    r"\b(?:raynaud\w*|winters?|every time|attacks|episodes|for (?:weeks|months|years))\b", re.I
)
COLOUR_SEQUENCE = re.compile(
    r"\bwhite\b[^.;]{0,40}\bthen\b[^.;]{0,10}\bblue\b|\bblue\b[^.;]{0,30}\bthen\b[^.;]{0,15}\bred\b",
    re.I,
)
"""White, then blue, then red as the fingers or toes warm up: the colour sequence of Raynaud's
attacks, not a blocked artery."""


PREGNANCY = ("pregnant", "postpartum", "pregnancy_second_half")
"""A pregnancy or a recent birth is told by a woman or about one."""


def _false(found: dict[str, TextFinding], fid: str) -> bool:
    return fid in found and found[fid].value is False


def _true(found: dict[str, TextFinding], fid: str) -> bool:
    f = found.get(fid)
    return f is not None and f.value is True


def _undenied(pattern: str, sentence: str) -> bool:
    """Whether ``pattern`` is in ``sentence`` without a denial just before it ("not cold")."""
    return any(
        not re.search(r"\b(?:no|not|nor|without|never)\b[^.;,]{0,12}$|n't\s+(?:\w+\s+){0,2}$",
                      sentence[: m.start()], re.I)
        for m in re.finditer(pattern, sentence, re.I)
    )  # fmt: skip


HYPO_WORDS = re.compile(r"\b(sweat\w*|shak\w*|trembl\w*|clammy|jittery)\b", re.I)
SUGAR_LOWERING = ("med_insulin_or_sulfonylurea",)


IT_IS = re.compile(
    r"\b(?:it'?s|it is|it has|it's gone|it has gone|it looks|it feels|it got)\s+"
    r"(?:(?:a bit|really|very|quite|now|also|all|gone|got|more|much)\s+)*"
    r"(?P<sign>swollen|puffy|puffier|fatter|bigger|warm|warmer|hot|red)\b"
    r"(?:,?\s+(?:and|&)\s+(?P<also>swollen|puffy|warm|hot|red)\b)?",
    re.I,
)
IT_SIGNS = {"swollen": "calf_swollen_one_side", "puffy": "calf_swollen_one_side",
            "puffier": "calf_swollen_one_side", "fatter": "calf_swollen_one_side",
            "bigger": "calf_swollen_one_side", "warm": "calf_warm_red", "warmer": "calf_warm_red",
            "hot": "calf_warm_red", "red": "calf_warm_red"}  # fmt: skip
ONE_CALF = re.compile(r"\b(?:left|right|one|my|his|her)\s+(?:calf|shin|lower leg)\b", re.I)


def _it_is_the_calf(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "His right calf has been aching since the flight. It's swollen and warm now": "it" is
    the calf named in the sentence before."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    for before, sentence in itertools.pairwise(sentences):
        if not ONE_CALF.search(before) or ONE_CALF.search(sentence):
            continue
        for m in IT_IS.finditer(sentence):
            if DENIED_OR_IF.search(sentence[: m.start()]):
                continue
            for sign in filter(None, (m.group("sign"), m.group("also"))):
                found.setdefault(
                    IT_SIGNS[sign.lower()], TextFinding(IT_SIGNS[sign.lower()], True, m.group(0))
                )
    return found


def _hypo_on_insulin(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """On insulin or a sulfonylurea, sweating or shaking is a low-sugar sign in any words
    ("sweating buckets, shaking"); without those medicines it may only be heat or effort."""
    if "hypo_symptoms" in found or not any(_true(found, f) for f in SUGAR_LOWERING):
        return found
    for m in HYPO_WORDS.finditer(text):
        if not DENIED_OR_IF.search(text[max(0, m.start() - 25) : m.start()]):
            return {**found, "hypo_symptoms": TextFinding("hypo_symptoms", True, m.group(0))}
    return found


BROWN = re.compile(
    r"\b(?:brown\w*|cola|coke|tea|coffee|black|red|blood\w*|port|guinness|rust\w*|stout|"
    r"mahogany|treacle|bovril|marmite|pink|smoky)\b",
    re.I,
)
THIRST = re.compile(r"\b(?:thirst\w*|parched|barely drink\w*|not drinking|hardly drink\w*)\b", re.I)
MUSCLE_BREAKDOWN_PARTNERS = (
    "severe_muscle_pain",
    "generalised_weakness",
    "extreme_exertion",
    "med_statin",
)


def _concentrated_urine(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "Always thirsty and my wee is dark": dark yellow, concentrated urine from drinking too
    little, not the brown urine of muscle breakdown, unless a colour like cola or tea is named
    or the muscles are badly hurt."""
    dark = found.get("dark_urine")
    if dark is None or dark.value is not True or BROWN.search(dark.span):
        return found
    if not (_true(found, "low_fluid_intake") or THIRST.search(text)):
        return found
    if any(_true(found, f) for f in MUSCLE_BREAKDOWN_PARTNERS):
        return found
    return {k: v for k, v in found.items() if k != "dark_urine"}


TREMOR_ONLY = re.compile(
    r"(?:a (?:little|bit) |bit |slightly )?(?:shaky|shaking|trembling|trembly|tremulous|tremor)",
    re.I,
)
OTHER_HYPO_SIGNS = re.compile(r"\b(?:sweat\w*|clammy|hungry|hunger|confus\w*|drowsy)\b", re.I)


def _tremor_is_not_a_hypo(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """Shaky hands alone, in someone who takes nothing that lowers sugar and has no diabetes,
    are a tremor (an asthma inhaler, Parkinson's, nerves), not a low-sugar attack."""
    hypo = found.get("hypo_symptoms")
    if hypo is None or hypo.value is not True or not TREMOR_ONLY.fullmatch(hypo.span.strip()):
        return found
    if any(_true(found, f) for f in (*SUGAR_LOWERING, "known_diabetes")):
        return found
    if OTHER_HYPO_SIGNS.search(text):
        return found
    return {k: v for k, v in found.items() if k != "hypo_symptoms"}


PAST_SWIM = re.compile(
    r"\b(?:yesterday|last (?:week|weekend|night|summer|year|month)|(?:days?|weeks?) ago)\b", re.I
)
OVER = re.compile(
    r"\b(?:pulled (?:her|him|me|them) out|got (?:her|him|me|them) out|"
    r"(?:is|'s|am|i'm|are) (?:completely |totally |absolutely )?fine (?:today|now))\b",
    re.I,
)
STILL_IN = re.compile(
    r"\b(?:still|right now|at the moment|currently|just (?:waved|shouted|called)|"
    r"is (?:bobbing|shouting|struggling|sinking))\b",
    re.I,
)


def _was_in_the_water(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """A cramp in deep water told as over ("swimming in the sea yesterday ... her dad pulled
    her out ... she's completely fine today") is history, not a swimmer in danger now."""
    deep = found.get("in_deep_water_now")
    if deep is None or deep.value is not True or STILL_IN.search(text):
        return found
    sentence = next((s for s in re.split(r"(?<=[.!?;])\s+", text) if deep.span in s), deep.span)
    if not (PAST_SWIM.search(sentence) or PAST_SWIM.search(deep.span) or OVER.search(text)):
        return found
    return {k: v for k, v in found.items() if k != "in_deep_water_now"}


def _acute_limb(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """A leg that is cold and white (or cold with no pulse), told as something new today, is a
    blocked artery however it is worded: "my leg from the knee down looks like white paper and
    is cold like from the fridge ... 5 hours now"."""
    acute = any(
        not re.search(r"\b(?:no|not|without|nor)\b[^.;,]{0,12}$", text[: m.start()], re.I)
        for m in ACUTE.finditer(text)
    )  # "no sudden change in symptoms" is not sudden
    chronic = NOT_ACUTE.search(text) is not None
    raynaud = COLOUR_SEQUENCE.search(text) is not None or _true(found, "colour_change_cold")
    if _true(found, "leg_cold_pale_sudden") and chronic and (raynaud or not acute):
        # "my feet go white and cold in winter": Raynaud's attacks, not a blocked artery
        return {k: v for k, v in found.items() if k != "leg_cold_pale_sudden"}
    if _true(found, "leg_cold_pale_sudden"):  # stated in so many words
        return found
    if not (acute or _true(found, "sudden_onset")) or (raynaud and chronic):
        return found
    # a denial elsewhere ("the other one is warm and pink") does not cancel the sign itself
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        leg, cold = re.search(LEG, sentence, re.I), _undenied(COLD, sentence)
        if (
            leg
            and cold
            and (_undenied(PALE, sentence) or re.search(NO_PULSE, sentence, re.I))
            and (not chronic or ACUTE.search(sentence))  # "for years" elsewhere is the old story
        ):
            return {
                **found,
                "leg_cold_pale_sudden": TextFinding("leg_cold_pale_sudden", True, sentence),
            }
    return found


NO_DIURETIC = re.compile(
    r"\b(?:no|not on(?: any)?|not taking(?: any)?|doesn't take(?: any)?|does not take(?: any)?|"
    r"don't take(?: any)?|do not take(?: any)?|takes no|never (?:taken|on)(?: any)?|nor|without|"
    r"no h/o|no history of)\s+(?:\w+\s+){0,2}?(?:water (?:pills?|tablets?)|diuretics?)\b",
    re.I,
)
DRINKS_WELL = re.compile(
    r"\b(?:drinks?|drinking|drank|hydrat\w*)\s+(?:(?:\w+\s+){0,2}?)"
    r"(?:plenty|loads|lots|heaps|well|enough|a lot|(?:\d+(?:\.\d)?\s*(?:l|litres?|liters?)\b))",
    re.I,
)


NOT_ON = (
    r"\b(?:no|not on(?: any)?|not taking(?: any)?|(?:doesn't|does not|don't|do not) take(?: any)?|"
    r"takes no|never (?:taken|on)(?: any)?|nor|without)\s+"
)
FOR_WHAT = (
    r"(?:tablets?|pills?|medicines?|medication|meds|anything)\s+for\s+(?:my |her |his |the )?"
)
GENERAL_DENIALS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (NO_DIURETIC, ("med_thiazide", "med_loop_diuretic")),
    (re.compile(NOT_ON + FOR_WHAT + r"(?:water|fluid)\b", re.I),
     ("med_thiazide", "med_loop_diuretic")),
    (re.compile(NOT_ON + FOR_WHAT + r"cholesterol\b", re.I), ("med_statin",)),
    (re.compile(NOT_ON + FOR_WHAT + r"(?:stomach|acid|reflux|heartburn|indigestion)\b", re.I),
     ("med_ppi",)),
    (re.compile(NOT_ON + r"(?:\w+\s+)?supplements?\b", re.I), ("med_mineral_supplement",)),
]  # fmt: skip
"""Denials of a kind of medicine told by what it is for: "not on anything for her water"."""


def _denied_in_general(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """Denials told in general words: "not on any water pills" denies both kinds of diuretic;
    "I drink plenty" denies drinking too little."""
    for pattern, fids in GENERAL_DENIALS:
        m = pattern.search(text)
        if m:
            for fid in fids:
                found.setdefault(fid, TextFinding(fid, False, m.group(0)))
    m = DRINKS_WELL.search(text)
    if m and not re.search(r"\b(?:not|n't|never)\b[^.;,]{0,15}$", text[: m.start()], re.I):
        found.setdefault("low_fluid_intake", TextFinding("low_fluid_intake", False, m.group(0)))
    return found


IMPLIED = {
    "dirty_wound": "skin_break",
    "venomous_bite": "skin_break",
    "severe_breathlessness": "breathless",
    "on_dialysis": "known_kidney_disease",
}
"""A puncture wound or a bite breaks the skin, and gasping for breath is breathlessness,
whatever words told them; dialysis means the kidneys have failed."""


def _implied(found: dict[str, TextFinding]) -> dict[str, TextFinding]:
    for fid, implied in IMPLIED.items():
        if _true(found, fid) and implied not in found:
            found[implied] = TextFinding(implied, True, found[fid].span)
    return found


HEALED = re.compile(
    r"\b(?:all|fully|long|since|now|has|have|had) healed\b|\bhealed (?:up|fine|well|nicely|now|"
    r"completely|ok|okay)\b",
    re.I,
)


def _healed(found: dict[str, TextFinding]) -> dict[str, TextFinding]:
    """ "broke my ankle 2 yrs ago all healed now": something that has healed is not a sore that
    will not heal."""
    ulcer = found.get("ulcer_or_black_toes")
    if ulcer is None or ulcer.value is not True or not HEALED.search(ulcer.span):
        return found
    if re.search(r"n't|\bnot\b|\bnever\b|\bulcer|\bblack|\bgangren", ulcer.span, re.I):
        return found
    return {k: v for k, v in found.items() if k != "ulcer_or_black_toes"}


TOUCH_WOOD = re.compile(r"\b(?:touch|touching|knock on|knocking on)\s+wood\b", re.I)


def _touch_wood(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "all clear since, touch wood). My left leg has been swollen": the wood of the saying is
    not a leg as hard as wood."""
    tense = found.get("tense_leg_after_injury")
    if tense is None or tense.value is not True or not TOUCH_WOOD.search(text):
        return found
    if not tense.span.lower().startswith("wood"):
        return found
    return {k: v for k, v in found.items() if k != "tense_leg_after_injury"}


def _how_often_something_else(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "Every evening his ankles and shins swell": how often the ankles swell, not the cramps."""
    often = found.get("frequent_weekly")
    if often is None or often.value is not True:
        return found
    at = text.find(often.span)
    if at < 0 or not SOMETHING_ELSE_AFTER.match(
        text[at + len(often.span) : at + len(often.span) + 40]
    ):
        return found
    return {k: v for k, v in found.items() if k != "frequent_weekly"}


def _both_sides_compared(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "leg circumferences were equal on both sides": an examination comparing the legs, not
    symptoms in both."""
    both = found.get("both_legs")
    if both is None or both.value is not True or both.span.lower() != "both sides":
        return found
    if not COMPARED.search(text):
        return found
    return {k: v for k, v in found.items() if k != "both_legs"}


# three energy drinks a day with a racing heart is a student in exam season, not a poisoning
STIMULANT = re.compile(
    r"\b(?:pre[- ]?workouts?|fat[- ]burners?|clenbuterol|clen|ephedrine|dnp|"
    r"caffeine (?:pills|tablets)|"
    r"\d{3,4} ?mg (?:of )?caffeine|"
    r"(?:[4-9]|1\d|four|five|six|seven|eight|nine|ten) (?:cans of |tins of )?"
    r"(?:monsters?|red ?bulls?|energy drinks?|rockstars?|relentless|prime energy))\b",
    re.I,
)
HEART_RACING = re.compile(
    r"\bheart\b[^.;]{0,25}\b(?:racing|pounding|going (?:crazy|mad|like)|fast|hammering|thumping|"
    r"banging|beating out)",
    re.I,
)


def _stimulant_overdose(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """Pre-workout, fat burners, clenbuterol or many energy drinks with a racing heart: too
    much of a stimulant, which is a poisoning ("4 monsters plus a scoop of pre-workout ... my
    heart is going crazy fast")."""
    if "poisoning_suspected" in found:
        return found
    drug = STIMULANT.search(text)
    if drug is None or not (_true(found, "palpitations") or HEART_RACING.search(text)):
        return found
    return {**found, "poisoning_suspected": TextFinding("poisoning_suspected", True, drug.group(0))}


def _lying_on_a_side(found: dict[str, TextFinding]) -> dict[str, TextFinding]:
    """ "try sleeping on my left side" is a posture, not a side gone to sleep."""
    side = found.get("one_side_weakness_face_speech")
    if side is None or side.value is not True or not LYING_ON_A_SIDE.search(side.span):
        return found
    return {k: v for k, v in found.items() if k != "one_side_weakness_face_speech"}


def _one_or_the_other(found: dict[str, TextFinding]) -> dict[str, TextFinding]:
    """ "switches from one leg to the other": the "one leg" inside it is not one leg only."""
    both, one = found.get("both_legs"), found.get("one_leg_only")
    if both is None or one is None or both.value is not True or one.value is not True:
        return found
    if one.span.lower() in both.span.lower():
        return {k: v for k, v in found.items() if k != "one_leg_only"}
    return found


CANNOT_GET_UP = re.compile(
    r"\b(?:can't|cant|cannot|can not|couldn't|couldnt|could not|unable to|not able to)\s+"
    r"(?:get|stand|pick (?:herself|himself|myself))\s+(?:her\w* |him\w* |my\w* )?up\b",
    re.I,
)


CANNOT_STAND_ANSWER = re.compile(
    r"\b(?:can|could|is|are|able to)\s+(?:\w+\s+){0,3}?(?:stand|walk|take (?:a few |any |\w+ )?"
    r"steps?|put (?:any )?weight|bear weight|weight[- ]?bear)[^?.\n:]{0,40}[?:]\s*\n?\s*"
    + SPEAKER
    + r"(?:no|n|nope|not|can'?t|cannot|couldn'?t|unable)\b"
    r"(?!\s+(?:problem|issue|difficult|trouble|pain|bother|limit))"
    r"|\b(?:weight[- ]?bearing|mobilising|mobilizing|mobility|walking|standing)\s*[:=]\s*"
    r"(?:no|n|nil|unable|not able|can'?t|cannot)\b"
    r"(?!\s+(?:problem|issue|difficult|trouble|pain|bother|limit|change|different))",
    re.I,
)
"""An ability asked and answered no: "Q: can she stand / take steps? A: no, tried, screamed",
"Able to stand with 2 staff: No", "Weight bearing: nil"."""


def _fallen_and_cannot_get_up(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """After a fall, "she can't get up" is a leg that will not take weight; so is "can she
    stand?" answered no."""
    if "cannot_bear_weight" not in found and (m := CANNOT_STAND_ANSWER.search(text)):
        found = {**found, "cannot_bear_weight": TextFinding("cannot_bear_weight", True, m[0])}
    if not _true(found, "leg_injury") or "cannot_bear_weight" in found:
        return found
    m = CANNOT_GET_UP.search(text)
    if m is None:
        return found
    return {**found, "cannot_bear_weight": TextFinding("cannot_bear_weight", True, m.group(0))}


LAB_NAMES = {
    "blood_low_potassium": r"potassium|k\+?",
    "blood_low_sodium": r"sodium|na\+?",
    "blood_low_magnesium": r"magnesium|mg",
    "blood_low_calcium_or_vitamin_d": r"calcium|ca|vitamin d|vit d",
}
FINE = (
    r"(?:(?:is|are|was|were|came back|all)\s+)?(?:fine|normal|ok|okay|nad|unremarkable|in range|"
    r"within (?:the )?(?:normal )?range)\b"
)


def _lab_said_fine(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "my magnesium is low, potassium and calcium fine": a low read next to another result
    is not that result's, when the text calls that result fine."""
    out = dict(found)
    for fid, names in LAB_NAMES.items():
        lab = found.get(fid)
        if lab is None or lab.value is not True or any(c.isdigit() for c in lab.span):
            continue
        fine = re.compile(
            rf"\b(?:{names})\b(?:\s*(?:,|and|&)\s*(?:\w+\s?){{1,2}}?)*\s+{FINE}", re.I
        )
        if fine.search(text) and not re.search(rf"\b(?:{names})\b[^.;,]{{0,20}}\blow", text, re.I):
            out[fid] = TextFinding(fid, False, lab.span)
    return out


TETANUS_SPREAD = re.compile(
    r"\bneck\b[^.;]{0,20}\b(?:stiff\w*|rigid|locked|board|plank|tight)\b|"
    r"\bstiff(?:ness)? (?:in )?(?:his|her|my|the|their)? ?neck\b|"
    r"\bspasms?\b[^.;]{0,30}\b(?:spread\w*|going up|moving up|travell?ing|"
    r"(?:in)?to (?:his|her|my|the|their) (?:tummy|belly|stomach|back|chest|body|jaw|face)|all over|"
    r"whole body)|\barch\w* (?:his|her|my|their) back\b|\bback\b[^.;]{0,10}\barch(?:ing|ed|es)\b",
    re.I,
)
DENIED_BEFORE = re.compile(
    r"\b(?:no|not|without|nor|never|denies)\b[^.;,]{0,15}$|n't\s+\w*\s*$", re.I
)


def _tetanus_spreading(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """After a dirty wound, a stiff neck or spasms spreading to the belly or back are the
    spreading spasms of tetanus ("gashed his shin on barbed wire ... now his neck is stiff and
    the calf spasms are going up into his tummy"), even with no word about the jaw."""
    if not _true(found, "dirty_wound") or "stiff_jaw" in found:
        return found
    for m in TETANUS_SPREAD.finditer(text):
        if not DENIED_BEFORE.search(text[max(0, m.start() - 25) : m.start()]):
            return {**found, "stiff_jaw": TextFinding("stiff_jaw", True, m.group(0))}
    return found


COUGHED_BLOOD = re.compile(
    r"\bcough\w*\b(?:(?! (?:no|not|without)\b)[^.;?!]){0,30}?\b(?:blood|bloody|red)\b", re.I
)


def _coughed_blood(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "just coughed and there was blood in it": the clause breaks at "and there", so the
    phrase rule does not join the cough to the blood; a cough followed closely by blood in the
    same sentence, not denied, is coughing blood."""
    if "coughing_blood" in found:
        return found
    for m in COUGHED_BLOOD.finditer(text):
        if DENIED_BEFORE.search(text[max(0, m.start() - 25) : m.start()]):
            continue
        if re.search(r"\b(?:no|not|nil|without|never|n't)\b", m.group(0), re.I):
            continue
        return {**found, "coughing_blood": TextFinding("coughing_blood", True, m.group(0))}
    return found


EFFORT = re.compile(
    r"\b(?:stairs|stair|hills?|uphill|incline|climbing|climb|walking|walk|exertion|exerting|"
    r"effort|exercise|housework|gardening|on the flat|soboe|doe)\b",
    re.I,
)
SLOW = re.compile(
    r"\b(?:months?|years?|ages|a long time|gradual\w*|slowly|steadily|increasingly|"
    r"getting worse|progressive\w*)\b",
    re.I,
)
NEW = re.compile(
    r"\b(?:new|newly|recent\w*|this (?:last )?week|last week|days?|sudden\w*|today|"
    r"yesterday|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)
CLOT_CONTEXT = ("calf_swollen_one_side", "calf_warm_red", "calf_tender", "chest_pain",
                "coughing_blood", "severe_breathlessness", "recent_surgery", "long_journey",
                "pregnant", "postpartum", "sudden_onset")  # fmt: skip


def _breathless_on_effort(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """Months of getting out of breath on stairs or hills, with no sign of a clot, is the slow
    breathlessness of a weak heart or anaemia (a booked GP visit), not new breathlessness
    (same day): "out of breath climbing two flights of stairs for 4 months"."""
    short = found.get("breathless")
    if short is None or short.value is not True or not _true(found, "long_standing"):
        return found
    if any(_true(found, f) for f in CLOT_CONTEXT):
        return found
    sentence = next((s for s in re.split(r"(?<=[.!?;])\s+", text) if short.span in s), "")
    if not (EFFORT.search(sentence) and SLOW.search(sentence)) or NEW.search(sentence):
        return found  # "what's new is I'm out of breath going up the stairs" is new
    out = {k: v for k, v in found.items() if k != "breathless"}
    out.setdefault("breathless_lying_flat", TextFinding("breathless_lying_flat", True, short.span))
    return out


AS_USUAL = re.compile(
    r"\b(?:at (?:his|her|my|their) baseline|baseline|unchanged|no change|not changed|"
    r"stable|usual for (?:him|her|me|them)|same as (?:it has been|it's been|always|ever|"
    r"usual|before|normal)|(?:at )?(?:his|her|my|their) usual(?: level)?|as usual|"
    r"no more \w+ than (?:normal|usual)|normal for (?:him|her|me|them)|nothing new(?: there)?|"
    r"always (?:has|have|does|asks|asked|been)|normal again|back to normal)\b",
    re.I,
)
WORSE = re.compile(r"\b(?:worse|worsening|more|increas\w*|deteriorat\w*|beyond|than)\b", re.I)


def _breathless_as_usual(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "SOB on moderate exertion - at his baseline, no change": breathlessness told as the
    person's usual, unchanged state is not new breathlessness (unless a clot is in the story
    or the sentence says it is worse)."""
    short = found.get("breathless")
    if short is None or short.value is not True or any(_true(found, f) for f in CLOT_CONTEXT):
        return found
    return _as_usual(found, "breathless", text)


def _as_usual(found: dict[str, TextFinding], fid: str, text: str) -> dict[str, TextFinding]:
    """``fid`` told in a sentence that calls it the person's usual, unchanged state."""
    said = found[fid]
    sentence = next((s for s in re.split(r"(?<=[.!?;])\s+", text) if said.span in s), "")
    usual = AS_USUAL.search(sentence)
    if not usual or re.search(
        r"(?:\bnot|n't|\bno longer)\s+(?:\w+\s+)?$", sentence[: usual.start()]
    ):
        return found  # "not at baseline" is a change
    rest = AS_USUAL.sub(" ", sentence)  # "no more muddled than normal" is not worse
    rest = re.sub(r"\bwhat day it is\b", " ", rest, flags=re.I)  # the question, not a time
    if WORSE.search(rest) or NEW.search(rest):
        return found
    return {**found, fid: TextFinding(fid, False, said.span)}


def _confused_as_usual(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "Her confusion is at her usual level", "Alzheimer's (baseline mildly confused)": the
    confusion of dementia as it always is, not new confusion."""
    if not _true(found, "confusion"):
        return found
    return _as_usual(found, "confusion", text)


PAST = "past_cancer_treatment"
CANCER_WORDS = re.compile(
    r"\b(?:cancer|carcinoma|tumou?r|lymph nodes?|radiotherapy|chemo\w*|malignan\w*|lymphoma|"
    r"melanoma|sarcoma|mastectomy|wertheim)\b",
    re.I,
)
OLD_WEAKNESS = re.compile(
    r"\b(?:hasn't|has not|hasnt|haven't|have not) changed\b|"
    r"\b(?:previous|old|prior|past) stroke\b|\b(?:since|after|from) (?:the|his|her|my|a) stroke\b|"
    r"\bpolio\b",
    re.I,
)


def _old_weakness(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "previous stroke in 2019 with mild left hand weakness that hasn't changed": weakness left
    by an old stroke is not new weakness of a leg."""
    weak = found.get("leg_weakness")
    if weak is None or weak.value is not True:
        return found
    sentence = next((s for s in re.split(r"(?<=[.!?;])\s+", text) if weak.span in s), "")
    if not OLD_WEAKNESS.search(sentence) or NEW.search(sentence):
        return found
    return {k: v for k, v in found.items() if k != "leg_weakness"}


PAST_CANCER = re.compile(
    r"\b(?:all clear|in remission|no current cancer|cancer[- ]free|no sign of (?:the )?cancer|"
    r"no evidence of (?:disease|recurrence)|cured)\b",
    re.I,
)
LONG_AGO = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|some) years? ago\b|"
    r"\bdecades? ago\b|\blast year\b|\byears back\b",
    re.I,
)


FOR_MONTHS_SINCE = re.compile(
    r"\bfor (?:the (?:past|last) )?(?:about |around |over |nearly |almost |more than )?"
    r"(?:\d+|six|seven|eight|nine|ten|eleven|twelve|eighteen|a|one|two|three|four|five|many|"
    r"several|a few|a couple of)? ?(?:years?|yrs?|(?:[6-9]|1\d|six|seven|eight|nine|ten|"
    r"eleven|twelve|eighteen) months)\s+(?:now\s+)?(?:ever\s+)?since\s+(?:my|his|her|the|"
    r"their|an?)?\s*[\w\s-]{0,30}$",
    re.I,
)
"""Swollen "for about 2 years since my cancer surgery": the operation was at least that long
ago (six months or more: neither a recent operation nor active cancer)."""
CALENDAR_YEAR = re.compile(r"\b(?:in|since|back in|during)\s+((?:19|20)\d\d)\b", re.I)


def _years_back(words: str) -> bool:
    """ "in 2015", "since 2019": a calendar year two or more years before this one."""
    return any(int(m.group(1)) <= date.today().year - 2 for m in CALENDAR_YEAR.finditer(words))


def _long_ago(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """Cancer treated years ago and now "all clear" is not active cancer; an operation years
    ago is not a recent one."""
    out = dict(found)
    cancer = found.get("active_cancer")
    if cancer is not None and cancer.value is True and PAST_CANCER.search(text):
        out["active_cancer"] = TextFinding("active_cancer", False, cancer.span)
        out.setdefault(
            "past_cancer_treatment", TextFinding("past_cancer_treatment", True, cancer.span)
        )
    for fid in ("active_cancer", "recent_surgery"):
        f = out.get(fid)
        if f is None or f.value is not True:
            continue
        sentence = next((s for s in re.split(r"(?<=[.!?;])\s+", text) if f.span in s), "")
        at = sentence.find(f.span)
        after, before = sentence[at : at + len(f.span) + 80], sentence[max(0, at - 80) : at]
        if LONG_AGO.search(after) or _years_back(after) or FOR_MONTHS_SINCE.search(before):
            del out[fid]
            if fid == "active_cancer" or CANCER_WORDS.search(sentence):
                out.setdefault(
                    fid_past := "past_cancer_treatment", TextFinding(fid_past, True, f.span)
                )
    return out


SWOLLEN = re.compile(
    r"\b(?:swollen|swelling|swells?|puffy|bigger|larger|fatter|thicker|oedema|edema)\b", re.I
)
SWOLLEN_FOR_MONTHS = re.compile(
    r"\bfor (?:the (?:past|last) )?(?:about |around |over |nearly |almost |more than |some |"
    r"several |many |a few |a couple of |the )?(?:\d+|a|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve|eighteen)? ?(?:months?|years?|yrs?)\b|\bsince (?:19|20)\d\d\b|"
    r"\bfor (?:ages|a long time|as long as i can remember)\b|\b(?:\d+|a) ?(?:years?|yrs?) "
    r"(?:now|on)\b|\b(?:\d+|two|three|four|five|six) ?(?:years?|yrs?|months?) (?:hx|history)\b",
    re.I,
)
RECENT_CHANGE = re.compile(
    r"\b(?:sudden(?:ly)?|all of a sudden|newly|new swelling|than (?:usual|normal|it usually is)|"
    r"today|yesterday|this morning|last night|since (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"this week|the last few days|the past few days|a few days|couple of days|\d+ days)\b",
    re.I,
)
"""Words that time a change in days, not months: with them, a long-swollen leg is not read as
simply long-standing, so the clot check still runs."""
NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|never|without|nothing|hasn't|has not|hasnt)\b[^.;,]*$", re.I
)
"""A denial earlier in the clause: "no sudden change", "it hasn't suddenly got worse"."""


HABIT_BEFORE = re.compile(
    r"\b(?:vegan|vegetarian|teetotal|sober|dieting|smok\w*|married|retired|gave up|given up|"
    r"quit|irregular heartbeat|atrial fibrillation|af|diabet\w*|t[12]dm|htn|hypertension)\b"
    r"[^.,;]{0,30}$",
    re.I,
)


STOPPED_AFTER = re.compile(
    r"[\s\-\u2013:(]*(?:\d+\s*(?:mg|mcg|micrograms?|units?)\s*)?(?:\w+\s+){0,2}?(?:was\s+|"
    r"were\s+|has been\s+|had been\s+|got\s+)?(?:stopped|discontinued|ceased|withdrawn)\b"
    r"(?![^.;\n]{0,80}\b(?:restart\w*|re-?started|resumed|back on|started again|again)\b)",
    re.I,
)
"""A medicine named and then stopped: "Statin stopped 3 months ago" (not "held" on a ward: the
medicine taken at home may still be the cause)."""


def _medicine_stopped(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """A medicine read as taken but stopped right after its name, at every mention, is not
    taken now."""
    out = dict(found)
    for fid, f in found.items():
        if not fid.startswith("med_") or f.value is not True or not f.span.strip():
            continue
        mentions = [m.end() for m in re.finditer(re.escape(f.span), text, re.I)]
        if mentions and all(STOPPED_AFTER.match(text, end) for end in mentions):
            out[fid] = TextFinding(fid, False, f.span)
    return out


NIGHT_WORDS = re.compile(
    r"\b(?:night|nights|nightly|nite|nites|overnight|overnite|nocturnal|nocte|in bed|in my sleep|"
    r"\d{1,2}\s?(?:am|a\.m\.))\b",
    re.I,
)
NOT_AT_NIGHT = re.compile(
    r"\bsince (?:last night|the night before)|\b(?:work|works|working|worked|doing|on) nights\b|"
    r"\bnight ?shifts?\b|\bnights as an?\b|\b(?:came on|onset|started|appeared|began|swelled up|"
    r"swollen|went|gone)\s+(?:up\s+)?(?:overnight|overnite)|\bacute onset overnight|"
    r"\ball night (?:on the loo|on the toilet|throwing up|being sick|vomiting)|"
    r"\bsince \d{1,2}\s?am\b",
    re.I,
)
"""Night words that time an onset or a job, not the symptom: "urine dark since last night",
"I work nights", "the toe came on overnight"."""


def _not_at_night(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """Night cramps read only from night words that time something else are dropped; so is a
    foot read from "lost my footing"."""
    out = dict(found)
    foot = out.get("site_foot")
    if foot is not None and foot.span.lower() == "footing":
        del out["site_foot"]
    night = out.get("night_cramps")
    if night is None or night.value is not True:
        return out
    excused = [(m.start(), m.end()) for m in NOT_AT_NIGHT.finditer(text)]
    if excused and all(
        any(a <= w.start() < b for a, b in excused) for w in NIGHT_WORDS.finditer(text)
    ):
        del out["night_cramps"]
    return out


def _long_standing_something_else(
    found: dict[str, TextFinding], text: str
) -> dict[str, TextFinding]:
    """ "Vegan for a year", "an irregular heartbeat for years": a duration phrase that times a
    diet, a habit or another condition does not time the leg problem."""
    long = found.get("long_standing")
    if long is None or long.value is not True:
        return found
    at = text.find(long.span)
    if at < 0:
        return found
    start = max(text.rfind(c, 0, at) for c in ".;!?\n") + 1
    before = re.split(r",|\band\b|\bbut\b", text[start:at])[-1]  # its own clause
    if not HABIT_BEFORE.search(before):
        return found
    return {k: v for k, v in found.items() if k != "long_standing"}


def _swollen_for_months(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """A leg swollen "for about 2 years" or "since 2015" has long-standing swelling, which is
    not a new clot; but a swelling timed in days, or one that changed suddenly or recently,
    is read only as swelling, so the clot check still runs."""
    out = dict(found)
    chronic = out.get("leg_swelling_chronic")
    changed = _false(out, "long_standing") or any(
        not NEGATED_BEFORE.search(text[max(0, m.start() - 25) : m.start()])
        for m in RECENT_CHANGE.finditer(text)
    )
    if changed:
        # the rule for a changed old swelling needs warmth or a sudden start; without them
        # the swelling is left to the clot check
        if (
            chronic is not None
            and chronic.value is True
            and not any(_true(out, f) for f in ("calf_warm_red", "sudden_onset"))
        ):
            del out["leg_swelling_chronic"]
        return out
    if chronic is not None or not any(_true(out, f) for f in SWELLING_FINDINGS):
        return out
    for sentence in re.split(r"(?<=[.!?;\n])\s+", text):
        swollen, months = SWOLLEN.search(sentence), SWOLLEN_FOR_MONTHS.search(sentence)
        if swollen and not months:
            months = next(
                (m for m in CALENDAR_YEAR.finditer(sentence) if _years_back(m.group(0))), None
            )
        if swollen and months and abs(swollen.start() - months.start()) <= 60:
            out["leg_swelling_chronic"] = TextFinding(
                "leg_swelling_chronic",
                True,
                sentence[min(swollen.start(), months.start()) : max(swollen.end(), months.end())],
            )
            break
    return out


SWELLING_FINDINGS = ("calf_swollen_one_side", "ankles_swollen_both")


def _length_of_something_else(found: dict[str, TextFinding], text: str) -> dict[str, TextFinding]:
    """ "Out cold for about a minute", "goes off when I stop for a min": a short attack read
    from a phrase is dropped when the words before or after it time something else."""
    short = found.get("attacks_short")
    if short is None or "cramp_duration_s" in found:
        return found
    at = text.find(short.span)
    if at >= 0 and (
        NOT_A_CRAMP_BEFORE.search(text[max(0, at - 80) : at])
        or NOT_A_CRAMP_AFTER.search(text[at + len(short.span) :])
    ):
        return {k: v for k, v in found.items() if k != "attacks_short"}
    return found


def _in_range(model: CompiledModel, fid: str, value: bool | float | str) -> bool:
    """Whether a number read from the text is one the engine accepts for ``fid``."""
    f = model.findings.get(fid)
    if f is None or f.type != "number" or isinstance(value, bool | str):
        return True
    return (f.min or 0.0) <= value <= (f.max if f.max is not None else float("inf"))


def _only_inside(fid: str, finding: TextFinding, phrase: str, text: str) -> bool:
    """Whether a timing finding was read only from words inside ``phrase`` (a drinking habit)."""
    if fid not in ("frequent_weekly", "night_cramps"):
        return False
    words, lower = finding.span.lower(), phrase.lower()
    return words in lower and text.lower().count(words) <= lower.count(words)


SPACED_DASH = re.compile(r"(?<=\s)-(?=\s)")
"""A hyphen standing alone between clauses ("it's not easing - the foot is white") is read as a
dash, which ends a denial's reach like ";" (a hyphen inside "grey-white" is not)."""


def read_text(model: CompiledModel, text: str) -> list[TextFinding]:
    """Findings stated or denied in ``text`` (checked first: see :mod:`checks`)."""
    cleaned = SPACED_DASH.sub("\u2013", break_long_chunks(check_text(text, _lexicon_words(model))))
    found = _phrase_findings(model, cleaned)
    numbers = extract_numbers(cleaned)
    if any(fid == "age" for fid, _, _ in numbers):  # a stated age beats "my son", "elderly"
        found = {k: v for k, v in found.items() if k not in model.group_of}
    for fid, value, span in numbers:
        if value is None:  # measured in between ("37.9 °C"): neither present nor absent
            found.pop(fid, None)
            continue
        if not _in_range(model, fid, value):
            continue  # "60 hours a week" is not a cramp's length: never an answer out of range
        if fid == "heavy_alcohol":  # "4 pints most nights" times the drinking, not the cramps
            found = {k: v for k, v in found.items() if not _only_inside(k, v, span, cleaned)}
        stated_both_ways = value is True and fid in found and found[fid].value is False
        # the measure read the same words more fully ("once or twice a week" vs "twice a week")
        same_words = fid in found and found[fid].span.lower() in span.lower()
        if fid not in found or isinstance(value, float | str) or stated_both_ways or same_words:
            found[fid] = TextFinding(fid, value, span)
    post, preg = found.get("postpartum"), found.get("pregnant")
    if post and preg and post.value is True and preg.span.lower() in post.span.lower():
        del found["pregnant"]  # "8 days after having my baby": the baby is born
    if "sex" not in found and any(_true(found, f) for f in PREGNANCY):
        found["sex"] = TextFinding(
            "sex", "female", found[next(f for f in PREGNANCY if _true(found, f))].span
        )
    found = _swelling_of_both(found)  # before any check that looks for a clot in the story
    found = _was_in_the_water(_deep_water(found, cleaned), cleaned)
    found = _acute_limb(found, cleaned)
    found = _denied_in_general(found, cleaned)
    found = _concentrated_urine(_quinine_reaction(model, cleaned, found), cleaned)
    found = _length_of_something_else(_implied(found), cleaned)
    found = _breathless_as_usual(_breathless_on_effort(found, cleaned), cleaned)
    found = _hypo_on_insulin(_it_is_the_calf(found, cleaned), cleaned)
    found = _lab_said_fine(_healed(_one_or_the_other(_lying_on_a_side(found))), cleaned)
    found = _touch_wood(_fallen_and_cannot_get_up(found, cleaned), cleaned)
    found = _both_sides_compared(_old_weakness(found, cleaned), cleaned)
    found = _not_at_night(_long_standing_something_else(found, cleaned), cleaned)
    found = _medicine_stopped(found, cleaned)
    found = _stimulant_overdose(_swollen_for_months(found, cleaned), cleaned)
    found = _yes_reads_the_question(model, found, cleaned)
    found = _long_ago(
        _confused_as_usual(_how_often_something_else(found, cleaned), cleaned), cleaned
    )
    found = _tetanus_spreading(
        _coughed_blood(_tremor_is_not_a_hypo(found, cleaned), cleaned), cleaned
    )
    return list(_new_medicine(model, cleaned, found).values())
