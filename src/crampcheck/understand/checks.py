"""What text crampcheck can read, and a clear message for what it cannot.

Rules: at most ``MAX_TEXT`` characters; not empty or whitespace only; no control
characters other than line breaks and tabs (they mean a binary file was pasted);
English (mostly Latin letters and, beyond four words, some common English words). Emoji and other
symbols are removed before reading, not refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from crampcheck.errors import UserInputError

MAX_TEXT = 20_000
MIN_LATIN_SHARE = 0.6
SHORT_TEXT_WORDS = 4
"""Texts of this many words or fewer skip the English-word check ("aged 30", "SOB")."""
ENGLISH_HINTS = re.compile(
    r"\b(i|my|me|the|a|an|and|is|are|was|at|in|on|of|to|it|legs?|calf|calves|foot|feet|"
    r"cramps?|pain|night|no|not|with|he|she|pt|yo|y/o|years?|his|her|has|have|had|can|been|"
    r"for|from|but|this|that|after|when|new|since|got|get|very|so|"
    # terse clinical notes have no function words: "Day 2 post thyroidectomy. Carpopedal spasm."
    r"post|day|days|spasms?|tingling|numb|swollen|swelling|weak|weakness|positive|negative|"
    r"fever|blood|knee|ankle|thigh|toes?|hip|back|hx|pmh|c/o|o/e|sob|bp|hr|dx|rx|nil|nad|"
    r"normal|chest|temp|obs|power|sensation|intact|throughout|reflexes|pulses?|palpable|tender|"
    r"soft|bilat\w*|denies|reports|presents|apyrexial|afebrile|sats|calf|shin|urine|oedema|"
    r"jaw|neck|fine|ok|okay|supple)\b",
    re.IGNORECASE,
)


MIN_ENGLISH = 0.5
MIN_ENGLISH_WITH_HINTS = 0.45
"""Shares of a text's words found in an English dictionary. Every one of the 3,750 English
development stories scores 0.56 or more, terse clinical notes and typos included; Spanish,
French, Italian, Dutch or Polish stories score 0-0.43, and may still hold an English-looking
word ("me", "in")."""


FOREIGN_FUNCTION_WORDS = frozenset(
    [
        "que",
        "el",
        "los",
        "las",
        "por",
        "con",
        "una",
        "para",
        "pero",
        "muy",
        "del",
        "al",
        "les",
        "des",
        "une",
        "est",
        "pas",
        "il",
        "elle",
        "dans",
        "avec",
        "je",
        "mes",
        "qui",
        "du",
        "der",
        "das",
        "und",
        "ist",
        "nicht",
        "ich",
        "mit",
        "ein",
        "eine",
        "seit",
        "zu",
        "auf",
        "dem",
        "sie",
        "mein",
        "meine",
        "di",
        "che",
        "sono",
        "della",
        "questo",
        "não",
        "meu",
        "minha",
        "uma",
        "com",
        "het",
        "een",
        "ik",
        "niet",
        "mijn",
        "się",
        "jest",
        "nie",
        "mam",
        "bir",
        "çok",
        "ja",
        "jag",
        "och",
        "är",
    ]
)
"""Common words of Spanish, French, German, Italian, Portuguese, Dutch, Polish, Turkish and
Swedish that are not English words: many of their other short words ("la", "de", "me", "que"
aside) are in an English dictionary too."""
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "and",
        "my",
        "is",
        "it",
        "was",
        "have",
        "has",
        "with",
        "for",
        "of",
        "to",
        "this",
        "that",
        "been",
        "his",
        "her",
        "she",
        "he",
        "they",
        "are",
        "at",
        "on",
        "not",
        "but",
        "had",
        "when",
        "since",
        "after",
        "from",
    ]
)
MIN_FOREIGN_WORDS = 3


def _reads_english(text: str, lexicon: Collection[str] = frozenset()) -> bool:
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    foreign = sum(w in FOREIGN_FUNCTION_WORDS for w in words)
    if foreign >= MIN_FOREIGN_WORDS and foreign > sum(w in ENGLISH_FUNCTION_WORDS for w in words):
        return False
    share = _english_share(text, lexicon)
    return share >= MIN_ENGLISH or (
        share >= MIN_ENGLISH_WITH_HINTS and ENGLISH_HINTS.search(text) is not None
    )


def _english_share(text: str, lexicon: Collection[str] = frozenset()) -> float:
    from crampcheck.understand.normalise import english_words

    words = re.findall(r"[^\W\d_]+", text)
    is_english = english_words()
    known = sum(is_english(w) or (len(w) >= 4 and w.lower() in lexicon) for w in words)
    return known / len(words) if words else 0.0


def _control_chars(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t"]


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters)


MAX_CHUNK = 64
"""Runs of more characters without a space are cut into pieces this long before the text is
read: spaCy's suffix search is quadratic in a run of quotes, brackets or "'s" (4,000 quotes
took 7 s), and so are the number patterns in a run of digits (a story followed by 20,000
nines took 72 s). No word is that long; the longest run in the evaluation corpora is 22
characters."""
LONG_CHUNK = re.compile(rf"\S{{{MAX_CHUNK + 1},}}")


def break_long_chunks(text: str) -> str:
    """``text`` with every run of more than :data:`MAX_CHUNK` non-space characters cut up."""

    def cut(match: re.Match[str]) -> str:
        run = match.group(0)
        return " ".join(run[i : i + MAX_CHUNK] for i in range(0, len(run), MAX_CHUNK))

    return LONG_CHUNK.sub(cut, text)


TICKS = {"\u2713": ". yes. ", "\u2714": ". yes. ", "\u2611": ". yes. ", "\u2705": ". yes. ",
         "\u2717": ": no", "\u2718": ": no", "\u274c": ": no", "\u2612": ": no",
         "\u274e": ": no"}  # fmt: skip
"""Ticks and crosses on a form are answers, not decoration: "Breathless \u2717" is "Breathless:
no". A tick also ends the sentence, so in "\u2717 chest pain \u2713 swelling" the cross's "no"
does not reach the swelling."""


CHECKBOX = re.compile(r"\[\s*([xX\u2713\u2714\u2717\u2718*]?)\s*\]|\(\s*([xX])\s*\)")
"""A form's box: "[x]", "[X]", "[\u2713]" ticked, "[ ]" left empty (on a "tick all that apply"
list an empty box is a no)."""


MIN_BOXES = 2
"""Boxes are read as answers only on a form, where there are at least two of them; a lone
"[ ]" or "[x]" in a story is left as it is."""


def _box(match: re.Match[str]) -> str:
    """A box before its item ("[ ] chest pain") denies forward, as "no chest pain"; a box
    after it ("Chest pain [ ]") denies back, as "Chest pain: no"."""
    mark = match[1] if match[1] is not None else match[2]
    if mark not in ("", "\u2717", "\u2718"):
        return ". yes. "
    rest = match.string[
        match.end() : match.string.find("\n", match.end()) % (len(match.string) + 1)
    ]
    return " no " if re.match(r"\s*[^\W\d_]", rest) else ": no. "


def strip_symbols(text: str) -> str:
    """Drop emoji and other pictographic symbols; keep letters, digits and punctuation. Ticks,
    crosses and form boxes become the yes and no they mean."""
    if len(CHECKBOX.findall(text)) >= MIN_BOXES:
        text = CHECKBOX.sub(_box, text)
    text = "".join(TICKS.get(c, c) for c in text)
    return "".join(c for c in text if unicodedata.category(c) not in ("So", "Sk", "Cs", "Co"))


def check_text(text: str, lexicon: Collection[str] = frozenset()) -> str:
    """The text ready to read, or a UserInputError that says what to change. Words of the
    ``lexicon`` (the knowledge base's phrases: "salbutamol", "bilat", "PRN") count as English,
    so a terse note made mostly of drug names and abbreviations is still read."""
    if len(text) > MAX_TEXT:
        raise UserInputError(
            f"the story is {len(text)} characters long; at most {MAX_TEXT} are read. "
            "Shorten it to the leg problem itself."
        )
    bad = _control_chars(text)
    if bad:
        raise UserInputError(
            f"the text contains {len(bad)} control character(s) (e.g. {bad[0]!r}); "
            "it looks like a binary file. Paste or type the story as plain text."
        )
    cleaned = strip_symbols(text).strip()
    if not cleaned:
        raise UserInputError("the story is empty; describe what your legs do, in a few words")
    long_enough = len(cleaned.split()) > SHORT_TEXT_WORDS
    if _latin_share(cleaned) < MIN_LATIN_SHARE or (
        long_enough and not _reads_english(cleaned, lexicon)
    ):
        raise UserInputError(
            "crampcheck reads English only, and could not find an English description in "
            "the text. Please write the story in English, or use `crampcheck interview`."
        )
    return cleaned
