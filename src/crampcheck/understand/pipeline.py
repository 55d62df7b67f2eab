"""The spaCy pipeline that finds phrases and decides whether each is asserted.

``spacy.blank("en")`` tokenizer and sentencizer, then:

1. ``crampcheck_norms``: each token's NORM becomes its stem, repaired to the
   closest lexicon word when it is a typo (see :mod:`normalise`);
2. ``crampcheck_phrases``: a PhraseMatcher on NORM over every finding's phrases;
   the longest non-overlapping matches become spans labelled with the finding id
   (body sites and times may overlap other findings' phrases);
3. ``crampcheck_rules``: clause-level co-occurrence rules (:mod:`rules`) for
   findings described in pieces ("my pee looked like cola");
4. three negspacy ``Negex`` scopes over those entities (run by :mod:`negation`): *negation*
   (the clinical termset plus lay cues), *hypothetical* ("if", "worried about",
   "to rule out", "?DVT") and *family history* ("mother had", "FHx of").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

import spacy
from negspacy.negation import Negex
from negspacy.termsets import termset
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from crampcheck.engine.model import CompiledModel
from crampcheck.understand.negation import scoped_negex
from crampcheck.understand.normalise import TypoRepair, english_words, stem
from crampcheck.understand.rules import co_occurrence

SUBJECT_STARTS = [
    ", i", ", my", ", she", ", he", ", we", ", they", ", it", ", the", ", and", "but", "also",
    "and the", "and my", "and his", "and her", "and it", "and now", "now", "then", "since",
    "because", "so", "and i", "and i'm", "and im", "and he", "and she", "and we", "and then",
    "and there", "and there's", "and theres", "came round", "came around", "come round",
]  # fmt: skip
"""Clause starts that end a negation's scope ("No swelling, I take..."). Pronouns only
count after a comma, so "no pain in my chest" keeps "my chest" inside the scope."""
LAY_NEGATIONS = [
    "never", "none", "nor", "neither", "haven't", "havent", "hasn't", "hasnt", "hadn't",
    "not had", "no longer", "free of", "ruled out", "nil", "zero", "negative", "absent",
    "lack of", "doesn't have", "does not have", "do not have", "have not", "has not",
    "denied any", "no history of", "no hx of", "no h/o", "not on", "not taking", "stopped",
    "nothing", "non", "non-", "not yet", "not yet on",
]  # fmt: skip
HYPOTHETICAL = [
    "if", "in case", "whether", "worried about", "worried it", "worried that", "afraid of",
    "scared of", "concerned about", "concern for", "to rule out", "rule out", "r/o",
    "to exclude", "exclude", "query", "?", "possible", "possibly", "might", "could it be",
    "could be", "would", "what if", "unless", "risk of", "at risk", "in order to", "prevent",
    "avoid", "screen for", "used to",
    "as if", "as though", "like i've", "like i have", "like i had", "like i'd", "like i ran",
    "like i did", "like he's",
    "safety-net", "safety net", "safety-netted", "safety netted", "safetynet", "return if",
    "seek help if", "watch for", "look out for", "warned about", "told to look out for",
    "can make you", "could make you", "may make you", "might make you", "can be a", "can be an",
    "may be a", "may be an", "can mean", "could mean", "may mean",
    "might mean", "like she's", "like he had",
    "like she had", "like walking on", "like standing on", "report any", "to report",
    "call if", "ring if", "contact if", "phone if",
    "come back if", "monitor for", "presumed", "presumptive", "misdiagnosed as",
    "initially thought to be", "initially diagnosed as", "initially treated as",
    "documentary about", "documentary on", "programme about", "program about", "article about",
    "video about", "i've read", "i have read", "i read that", "i've read that", "read online",
    "read that",
    "i've heard", "i heard that", "heard that", "can cause", "can lead to", "can turn",
    "can give you", "might cause", "may cause", "terrified of", "frightened of", "fear of",
    "thinks it's", "thinks it is", "insists it's", "insists it is", "convinced it's",
    "convinced it is", "sure it's",
]  # fmt: skip
APOLOGY_IFS = ("sorry if", "so sorry if", "apologies if", "excuse me if", "forgive me if",
               "pardon me if", "sorry in advance if")  # fmt: skip
"""An apology's "if" is not a condition: "sorry if TMI, I'm numb down there when I wipe"."""
FAMILY = [
    "mother had", "mum had", "mom had", "father had", "dad had", "sister had", "brother had",
    "brother needed", "sister needed", "mother needed",
    "father needed", "mum needed", "dad needed",
    "grandmother had", "grandfather had", "nan had", "grandma had", "grandpa had",
    "family history of", "family history", "fhx of", "fhx", "fh of", "fh:", "runs in",
    "friend had", "friend has", "friend ended up", "friend got", "neighbour had", "neighbor had",
    "neighbour has", "neighbor has", "neighbour's", "neighbor's", "colleague had",
    "mother has", "father has", "mum has", "dad has", "parents had", "aunt had", "uncle had",
    "died of", "died from", "passed away from", "passed away with", "lost my dad to",
    "lost my mum to", "lost my mother to", "lost my father to",
]  # fmt: skip
FAMILY_FOLLOWING = [
    "runs in the family", "runs in my family", "in the family", "in my family",
    "as a toddler", "as a child", "as a kid", "as a baby", "as an infant", "in childhood",
    "when i was little", "when i was a child", "when i was a kid", "when i was young", "scare",
]  # fmt: skip
"""Following cues for what is not the person's present problem: a relative's, or their own
long ago ("I had febrile fits as a toddler")."""
PAST_BEFORE = [
    "years back", "years ago", "last year", "last season", "a few years back", "in the past",
    "previously", "once had", "in my twenties", "in my thirties", "in my teens",
]  # fmt: skip
PAST_AFTER = [
    "years ago", "year ago", "months ago", "years back", "last year", "last season",
    "when she was", "when he was", "when i was", "when they were", "in the past",
    "years earlier", "as a teenager",
]  # fmt: skip
"""Cues that put an event long ago ("he got knocked out last season", "years back I had a fit");
the reader drops such a warning sign, which must be current (see ``reader.CURRENT_ONLY``)."""


def _clinical() -> dict[str, list[str]]:
    """negspacy's clinical termset (Chapman's NegEx lists)."""
    patterns: dict[str, list[str]] = termset("en_clinical").get_patterns()  # type: ignore[no-untyped-call]
    return patterns


def _termset(
    preceding: list[str],
    following: list[str],
    extra_ends: tuple[str, ...] = (),
    pseudo: tuple[str, ...] = (),
) -> dict[str, list[str]]:
    return {
        "pseudo_negations": list(pseudo),
        "preceding_negations": preceding,
        "following_negations": following,
        "termination": [*_clinical()["termination"], *SUBJECT_STARTS, *CLAUSE_ENDS, *extra_ends],
    }


CLAUSE_ENDS = (";",)
"""A semicolon ends every scope: "aches like I've been hit by a bus; urine like port wine"
tells the urine as it is. A dash does not: "safety-net, then a dash: dark urine, calf
swelling" lists what to watch for."""


def _negation_termset() -> dict[str, list[str]]:
    base = _clinical()
    return {
        "pseudo_negations": [
            *base["pseudo_negations"],
            "not sure",
            "not certain",
            "unsure",
            "it was not",
            "it wasn't",
            "it is not",
            "it isn't",
            "they were not",
            "they weren't",
            "didn't realise",
            "didn't realize",
            "did not realise",
            "did not realize",
            "didn't know i'd",
            "didn't notice until",
            "can't say more than",
            "cannot say more than",
            "can't get more than",
            "cannot get more than",
            "can't speak more than",
            "without fail",
            "non-healing",
            "non healing",
            "nonhealing",
            "not just",
            "not limited to",
            "not confined to",
        ],
        "preceding_negations": [*base["preceding_negations"], *LAY_NEGATIONS],
        "following_negations": [*base["following_negations"], "free", "negative", "neg"],
        "termination": [
            *(t for t in base["termination"] if t != "yet"),  # "not yet on dialysis" is a denial
            *SUBJECT_STARTS,
            ";",
            "despite",
            "\u2013",
            "\u2014",
            "who",
            ")",
        ],
    }


SPAN_KEY = "findings"
NOT_A_FINDING = "not_a_finding"
NOT_FINDINGS = [
    "since my first pregnancy", "since my second pregnancy", "since my third pregnancy",
    "since my last pregnancy", "since my pregnancies", "after my pregnancies",
    "during my last pregnancy", "in my last pregnancy", "in my previous pregnancy",
    "cut down", "cut back", "cut out", "cutting down", "cutting back", "cut it out",
    "cut the grass", "cut my hours", "cut my toenails", "power cut",
    "blue snakes", "like snakes", "snakes winding", "snake-like", "statin is poison",
    "tablets are poison", "pills are poison", "is poison to me",
    "swallowing ok", "swallowing fine", "swallowing normally", "swallowing normal",
    "coughing makes it worse", "worse when i cough", "worse when coughing", "worse on coughing",
    "cough or sneeze", "coughing or sneezing", "coughs or sneezes",
    "unresponsive to analgesia", "unresponsive to painkillers", "unresponsive to paracetamol",
    "unresponsive to treatment", "unresponsive to simple analgesia", "unresponsive to codeine",
    "unresponsive to quinine", "unresponsive to medication", "unresponsive to stretching",
    "unresponsive to magnesium", "unresponsive to tablets", "unresponsive to drugs",
    "faint pulse", "faint pulses", "pulses faint", "pulse faint", "pulses are faint",
    "pulse is faint", "dp faint", "pt faint", "dp pulse faint", "pedal pulses faint",
    "faintly palpable", "faint but palpable", "palpable but faint", "faint rash", "faint bruise",
    "faint bruising", "faint redness", "faint mark", "faint line", "faint hope", "faintest idea",
    "wide-fitting", "well-fitting", "ill-fitting", "poorly fitting", "badly fitting",
    "tight-fitting", "loose-fitting", "close-fitting", "properly fitting", "fitting shoes",
    "fitting footwear", "fitting properly", "fitting well", "wide fitting", "well fitting",
    "ill fitting", "tight fitting", "loose fitting",
    "as a toddler", "as a child", "as a kid", "as a baby", "as an infant", "when i was a child",
    "when i was a kid", "when i was a toddler", "when i was a teenager", "as a teenager",
    "vasogenic edema", "vasogenic oedema", "cerebral oedema", "cerebral edema", "macular oedema",
    "macular edema", "pulmonary oedema", "pulmonary edema", "perilesional oedema",
    "perilesional edema", "bone marrow oedema", "bone marrow edema", "papilloedema",
    "papilledema", "angioedema", "angio-oedema", "lung oedema", "oedema of the brain",
    "arches collapse", "arch collapses", "collapsed arches", "arches collapsed", "collapsed arch",
    "arch collapse", "collapse of the arch", "fallen arches", "vertebral collapse",
    "lung collapse", "difficulty swallowing", "trouble swallowing", "swallowing difficulty",
    "pain on swallowing", "painful swallowing", "swallowing problems", "problems swallowing",
    "hard to swallow", "dysphagia", "swallow assessment", "swallowing assessment",
    "swallow test", "swallow study", "swallowing study", "hot flushes", "hot flashes",
    "hot flush", "hot flash", "hot sweats", "talking therapy", "talking therapies",
    "talking treatment", "surgery is closed", "surgery's closed", "surgery was closed",
    "gp surgery", "doctor's surgery", "doctors surgery", "ring the surgery", "call the surgery",
    "cannot walk normal", "cannot walk normally", "can't walk normally", "can't walk normal",
    "cannot walk properly", "can't walk properly", "can't walk far", "cannot walk far",
    "can't walk very far", "can't walk as far", "cannot walk as far", "can't walk fast",
    "phoned the surgery", "rang the surgery", "the surgery is shut", "not answering the phone",
    "not answering her phone",
    "not answering his phone", "isn't answering the phone", "not answering my calls",
    "grow out of it", "grew out of it", "grown out of it", "growing out of it", "grows out of it",
    "reply fast", "respond fast", "answer fast", "as fast as", "fast asleep", "walk fast",
    "walking fast", "fast walking", "fast walk",
    "colour of black coffee", "color of black coffee", "colour of coffee", "color of coffee",
    "like black coffee", "like coffee", "like port wine", "colour of port wine",
    "color of port wine", "like red wine", "colour of red wine", "color of red wine",
    "like guinness", "colour of guinness", "color of guinness", "looks like guinness",
    "winding up", "winding down", "winding round", "winding around", "winding through",
    "low sodium diet", "low-sodium diet", "low sodium salt", "low potassium diet",
    "low-potassium diet", "low magnesium diet",
    "can't stand the", "can't stand it", "can't stand this", "can't stand that",
    "can't stand being", "can't stand him", "can't stand her", "can't stand them",
    "can't stand for", "can't stand still", "can't stand long", "can't stand waiting",
    "can't stand in", "can't stand people", "can't stand anyone", "cannot stand the",
    "cannot stand it", "cannot stand this", "cannot stand that", "cannot stand being",
    "cannot stand him", "cannot stand her", "cannot stand them", "cannot stand for",
    "cannot stand still", "cannot stand long", "cannot stand waiting", "cannot stand in",
    "cannot stand people", "cannot stand anyone", "can not stand the", "can not stand it",
    "can not stand this", "can not stand that", "can not stand being", "can not stand him",
    "can not stand her", "can not stand them", "can not stand for", "can not stand still",
    "can not stand long", "can not stand waiting", "can not stand in", "can not stand people",
    "can not stand anyone", "couldn't stand the", "couldn't stand it", "couldn't stand this",
    "couldn't stand that", "couldn't stand being", "couldn't stand him", "couldn't stand her",
    "couldn't stand them", "couldn't stand for", "couldn't stand still", "couldn't stand long",
    "couldn't stand waiting", "couldn't stand in", "couldn't stand people",
    "couldn't stand anyone", "could not stand the", "could not stand it",
    "could not stand this", "could not stand that", "could not stand being",
    "could not stand him", "could not stand her", "could not stand them",
    "could not stand for", "could not stand still", "could not stand long",
    "could not stand waiting", "could not stand in", "could not stand people",
    "could not stand anyone",
    "can't stand even", "cannot stand even", "can not stand even", "couldn't stand even",
    "could not stand even", "can't stand any", "cannot stand any",
    "colour of cola", "color of cola", "like cola", "colour of coke", "like coke",
    "shivering fits", "shivering fit", "coughing fits", "coughing fit", "sneezing fits",
    "fits of laughter", "fit of coughing", "fits of coughing", "fits of shivering",
    "flight of stairs", "flights of stairs", "flight of steps", "flights of steps",
    "nearly fell", "almost fell", "nearly fell over", "almost fell over", "nearly fall",
    "nearly went over", "almost went over",
    "slipped a disc", "slipped disc", "slipped a disk", "slipped disk",
    "tablets kick in the", "tablet kicks in the", "meds kick in the", "pills kick in the",
    "medication kicks in the", "painkillers kick in the", "drugs kick in the",
    "shaky hand", "shaky right hand", "shaky left hand", "tremor in the hand",
    "sit or cough", "when i sit or cough", "sitting or coughing",
    "tiptoes and heels", "toes and heels", "heels and toes", "tiptoe and heel", "heel and toe",
    "on the heels fine", "walk on the heels",
    "garment fitting", "stocking fitting", "hosiery fitting", "fitting for", "a fitting",
    "knee jerks", "knee jerk", "ankle jerks", "ankle jerk", "brisk jerks", "jerks brisk",
    "leg-ulcer clinic", "leg ulcer clinic", "ulcer clinic", "wound clinic", "leg ulcer service",
    "head injury", "head injuries",
    "came round to", "came round quickly to", "came round for", "came round with",
    "came round and", "came round quickly and",
    "nearly passed out", "almost passed out", "nearly pass out", "almost pass out",
    "nearly fainted", "almost fainted", "nearly blacked out", "almost blacked out",
    "nearly passing out", "almost passing out",
    "feel faint", "felt faint", "feeling faint", "feels faint", "a bit faint", "go faint",
    "cut for summer", "cutting for summer", "on a cut", "cutting phase", "to cut for",
    "non-weight-bearing on crutches", "non weight bearing on crutches", "non-weight-bearing in",
    "collapsed cyst", "cyst collapsed", "cyst had collapsed", "collapsed vein", "collapsed veins",
    "apyrexial", "mobilising", "mobilizing", "mobilised", "mobilized", "mobilises", "mobilizes",
]  # fmt: skip
"""Phrases that contain a finding's word but mean something else ("DP faint" is a weak pulse,
not a faint). They win the longest-match contest and are then dropped."""
CO_FIRING = ("site", "timing")
"""Categories whose phrases may overlap another finding's ("swollen calf" is also the calf)."""


WEATHER = frozenset({"day", "days", "weather", "bath", "baths", "shower", "room", "water",
                     "pool", "indoor", "outdoor", "sand", "house", "kitchen", "office", "car",
                     "drink", "climate", "afternoon", "summer", "sun", "spell", "country",
                     "tub"})  # fmt: skip


HOT_FLUSH = frozenset({"flush", "flushes", "flushing", "flash", "flashes", "sweat", "sweats"})


def _phrasal_norms(doc: Doc) -> Doc:
    """Norms that depend on the next word, set alike in the text and in the lexicon's phrases:
    "warmed up after the swim" is not a warm calf ("warm-up"); "cannot" and "can't" read as
    the rules' negated verbs however they are written."""
    for token in doc:
        after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if token.norm_ == "warm" and after == "up":
            token.norm_ = "warm-up"
        elif token.norm_ in ("warm", "hot") and after in WEATHER:
            token.norm_ = "hot-weather"  # "a warm day", "hot weather": not a warm calf
        elif token.norm_ == "hot" and after in HOT_FLUSH:
            token.norm_ = "hot-flush"  # "hot flushes" on raloxifene: not a hot calf
            doc[token.i + 1].norm_ = "hot-flush"
        elif token.norm_ == "nt":
            token.norm_ = "n't"  # "cant", "dont": spaCy splits them as "ca" + "nt"
        elif token.lower_ == "can" and after == "not":
            token.norm_ = "cannot"  # "cannot" is split as "can" + "not"
        elif token.lower_ == "proportion" and doc[max(0, token.i - 2) : token.i].text.lower() in (
            "out of",
            "outof",
        ):
            token.norm_ = "out-of-proportion"  # "pain in proportion to findings" is reassuring
    return doc


def _norms(repair: TypoRepair) -> Callable[[Doc], Doc]:
    def set_norms(doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = repair(stem(token.text), token.text)
        return _phrasal_norms(doc)

    return set_norms


class PhraseFinder:
    """The lexicon's phrases in a text: several-token phrases by spaCy's PhraseMatcher,
    one-word phrases by a look-up of each token's norm (the same match on the same norm,
    without building a Doc for each of the 1,300 single words at start-up). Longest match
    wins, except that body sites and times may overlap other findings."""

    def __init__(
        self, matcher: PhraseMatcher, singles: dict[str, list[str]], co_firing: frozenset[str]
    ) -> None:
        self.matcher, self.singles, self.co_firing = matcher, singles, co_firing

    def spans(self, doc: Doc) -> list[Span]:
        found = list(self.matcher(doc, as_spans=True))
        for token in doc:
            for label in self.singles.get(token.norm_, ()):
                found.append(Span(doc, token.i, token.i + 1, label=label))
        return found

    def __call__(self, doc: Doc) -> Doc:
        spans = self.spans(doc)
        main = filter_spans([s for s in spans if s.label_ not in self.co_firing])
        extra = [
            span
            for label in {s.label_ for s in spans} & self.co_firing
            for span in filter_spans([s for s in spans if s.label_ == label])
        ]
        doc.spans[SPAN_KEY] = [*main, *extra]
        return doc


def _one_plain_word(special: Collection[str], phrase: str) -> bool:
    """A phrase the tokenizer keeps as one token in any case: letters only, not a special case."""
    return phrase.isascii() and phrase.isalpha() and phrase.islower() and phrase not in special


def _single_norm(word: str) -> str:
    """The norm :func:`_norms` and :func:`_phrasal_norms` give a one-word phrase."""
    norm = stem(word)
    return "n't" if norm == "nt" else norm


def _case_may_split(special: Collection[str], phrase: str) -> bool:
    """Whether the tokenizer could split the upper-case form of ``phrase`` differently:
    only a phrase with a character other than a letter or a space, or with a word that
    is one of the tokenizer's ``special`` (case-sensitive) cases ("cannot", "dont"), can."""
    return bool(_NOT_PLAIN.search(phrase)) or any(word in special for word in phrase.split())


_NOT_PLAIN = re.compile(r"[^a-z ]")


def _phrase_docs(nlp: Language, phrases: list[str]) -> list[Doc]:
    """One pattern per phrase, and a second when the tokenizer splits its upper-case form
    differently ("t2dm" is two tokens, "T2DM" one), so both spellings match. Tokenizing
    is most of the start-up time, so the upper-case form is tried only where it can
    differ."""
    docs = []
    special = frozenset(getattr(nlp.tokenizer, "rules", None) or {})
    for phrase in phrases:
        variants = [nlp.make_doc(phrase)]
        if _case_may_split(special, phrase):
            upper = nlp.make_doc(phrase.upper())
            if len(upper) != len(variants[0]):
                variants.append(upper)
        for doc in variants:
            for token in doc:
                token.norm_ = stem(token.text)
            docs.append(_phrasal_norms(doc))
    return docs


def _from_choice(model: CompiledModel, fid: str) -> bool:
    """Derived from a choice (sex): read as the choice itself by :mod:`numbers` instead."""
    rule = model.findings[fid].derived_from
    return rule is not None and model.findings[rule.finding].type == "choice"


def _lexicon(model: CompiledModel) -> dict[str, list[str]]:
    return {
        f.id: sorted({p.lower() for p in f.phrases})
        for f in model.kb.findings
        if f.type == "yes_no" and f.phrases and not _from_choice(model, f.id)
    }


NEW_LINE_ITEM = re.compile(r"[A-Z0-9\-*\u2022>\[(]|[a-z][\w /&'-]{0,30}:")
"""What starts a new item after a line break: a capital, a digit, a bullet, or a "label:"."""


FIELD_LABEL = re.compile(r"[A-Za-z][\w '&-]{0,30}:(?!//)")
"""A form's field label after a spaced slash or bar: "/ Chest pain: N"."""


def _lines_end_sentences(doc: Doc) -> Doc:
    """A line break before a new item ends the sentence, so a form's "Query form" or "Fever: N"
    does not carry its hypothetical or denial into the next line; a line wrapped mid-sentence
    (the next line starting in lower case) stays one sentence."""
    text = doc.text  # built once: spaCy rebuilds it on every access
    for token in doc[1:-1]:
        nxt = doc[token.i + 1]
        if "\n" in token.text and not token.text.strip():
            if NEW_LINE_ITEM.match(text, nxt.idx) or "\n\n" in token.text:
                nxt.is_sent_start = True
        elif token.text in ("/", "|") and token.whitespace_ and FIELD_LABEL.match(text, nxt.idx):
            nxt.is_sent_start = True  # "Swelling: none / Cramps: calves": a new field
    return doc


def build_pipeline(model: CompiledModel) -> Language:
    """A pipeline for this knowledge base's lexicon (build once, reuse)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    Language.component("crampcheck_lines", func=_lines_end_sentences)
    nlp.add_pipe("crampcheck_lines")
    special = frozenset(getattr(nlp.tokenizer, "rules", None) or {})
    singles: dict[str, list[str]] = {}
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    vocabulary: set[str] = set()
    for fid, phrases in _lexicon(model).items():
        for word in (p for p in phrases if _one_plain_word(special, p)):
            singles.setdefault(_single_norm(word), []).append(fid)
        docs = _phrase_docs(nlp, [p for p in phrases if not _one_plain_word(special, p)])
        vocabulary |= {t.norm_ for d in docs for t in d}
        if docs:
            matcher.add(fid, docs)
    vocabulary |= set(singles)
    not_findings = _phrase_docs(nlp, NOT_FINDINGS)
    vocabulary |= {t.norm_ for d in not_findings for t in d}  # "apyrexial" is not a typo
    matcher.add(NOT_A_FINDING, not_findings)
    co_firing = frozenset(f.id for f in model.kb.findings if f.category in CO_FIRING)
    repair = TypoRepair(vocabulary, english_words())
    Language.component("crampcheck_norms", func=_norms(repair))
    Language.component("crampcheck_phrases", func=PhraseFinder(matcher, singles, co_firing))
    Language.component("crampcheck_rules", func=co_occurrence(SPAN_KEY))
    nlp.add_pipe("crampcheck_norms")
    nlp.add_pipe("crampcheck_phrases")
    nlp.add_pipe("crampcheck_rules")
    configs: list[tuple[str, dict[str, Any]]] = [
        ("negex", {"neg_termset": _negation_termset()}),
        ("hypothetical", {"neg_termset": _termset(HYPOTHETICAL, [], pseudo=APOLOGY_IFS),
                          "extension_name": "hypothetical"}),
        ("family", {"neg_termset": _termset(FAMILY, FAMILY_FOLLOWING),
                    "extension_name": "family"}),
        ("past", {"neg_termset": _termset(PAST_BEFORE, PAST_AFTER), "extension_name": "past"}),
    ]  # fmt: skip
    for name, config in configs:
        negex = Negex(nlp, name, span_keys=[SPAN_KEY], **config)
        Language.component(f"crampcheck_{name}", func=scoped_negex(negex, SPAN_KEY))
        nlp.add_pipe(f"crampcheck_{name}", name=name)
    return nlp
