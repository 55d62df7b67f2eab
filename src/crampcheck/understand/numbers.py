"""Numbers and quantities in a story: age, sex, pregnancy weeks, time since birth,
attack duration, walking distance, how often, and for how long.

Each extractor returns ``(finding id, value, span)`` triples. Values follow
findings.yaml: numbers for number findings, a choice id for ``sex``, booleans
for yes/no findings such as ``frequent_weekly``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping

Hit = tuple[str, bool | float | str | None, str]
"""(finding id, value, span). A value of None means "measured, but in between": the
reader then sets nothing for that finding, even where a word alone would ("temperature")."""

WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
    "few": 3, "a few": 3, "couple": 2, "a couple of": 2, "several": 4, "half a": 0.5,
    "a hundred": 100, "hundred": 100, "two hundred": 200, "many": 6,
    "once": 1, "twice": 2, "thrice": 3,
}  # fmt: skip
NUM = (
    r"(\d+(?:\.\d+)?|a couple of|a few|half a|a hundred|two hundred|"
    + "|".join(sorted((w for w in WORD_NUMBERS if " " not in w), key=len, reverse=True))
    + ")"
)
DECADES = {"twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65,
           "seventies": 75, "eighties": 85, "nineties": 95}  # fmt: skip
SECONDS = {"second": 1, "sec": 1, "minute": 60, "minut": 60, "min": 60, "hour": 3600, "hr": 3600}
METRES = {"m": 1, "metre": 1, "meter": 1, "yard": 0.9144, "yd": 0.9144, "block": 100,
          "mile": 1609, "km": 1000, "kilometre": 1000, "kilometer": 1000, "step": 0.7}  # fmt: skip
PER_WEEK = {
    "night": 7, "nite": 7, "day": 7, "week": 1, "wk": 1, "fortnight": 0.5, "month": 12 / 52,
    "year": 1 / 52,
}  # fmt: skip
DAYS = {"day": 1, "week": 7, "wk": 7, "month": 30, "mo": 30, "year": 365, "yr": 365}


def number(text: str) -> float:
    t = text.lower().strip()
    return float(WORD_NUMBERS.get(t, t)) if t in WORD_NUMBERS else float(t)


def _unit(word: str, table: Mapping[str, float]) -> float | None:
    w = word.lower().rstrip("s").rstrip(".")
    return table.get(w)


NOT_AN_AGE = (
    r"(?!\s*(?:weeks?|wks?|days?|months?|mos?|kg|lbs?|cm|mm|%|mg|mcg|ml|hours?|hrs?|h\b|mins?|"
    r"minutes?|secs?|seconds?|times?|x\b|/|:|\.\d|am\b|pm\b|km|miles?|m\b|units?|"
    r"mmol|degrees?|°|pints?|cigarettes?|a day|per))"
)
"""What may follow a number for it to be read as an age."""
NOT_A_DISTANCE = "".join(
    f"(?<!{w} )"
    for w in (
        "walk",
        "walked",
        "run",
        "ran",
        "swim",
        "swam",
        "about",
        "around",
        "only",
        "than",
        "under",
        "over",
        "after",
        "first",
        "last",
        "just",
        "maybe",
        "for",
        "of",
        "to",
    )
)
"""Words before "50m" at the end of a story that make it a distance, not "aged 50, male"."""
AGE_PATTERNS = [
    re.compile(
        r"\bmy\s+(?:[a-z]+\s+)?(?:mother|mum|mom|wife|daughter|sister|grandmother|gran|nan|"
        r"grandma|father|dad|husband|hubby|son|brother|grandfather|grandad|grandpa|child|kid|"
        r"boy|girl)\s*(?:is|,|\(|\s)\s*(\d{1,3})\b(?!\s*(?:weeks?|wks?|days?|months?|kg|%))",
        re.I,
    ),
    re.compile(r"\b(?:man|woman|gentleman|lady|male|female|boy|girl)\s+of\s+(\d{1,3})\b", re.I),
    re.compile(r"\b(\d{1,3})\s*-?\s*(?:years?|yrs?|yr)\s*-?\s*old\b", re.I),
    re.compile(r"\b(\d{1,3})\s?(?:[MF])\b"),
    re.compile(r"\b(?:has|have|having)\s+(\d{1,3})\s*years\b(?!\s*(?:ago|of))", re.I),
    re.compile(r"\b(?:mrs|mr|ms|miss)\.?\s+[A-Z]\w*,?\s+(\d{2,3})\b(?!\s*(?:mg|kg|%))", re.I),
    re.compile(
        r"(?<!x)(?<!x )(?<!for )(?<!since )(?<!\()\b(\d{1,3})\s*(?:y/o|yo|y\.o\.|yrs?\b)"
        r"(?!\s*(?:ago|hx|history|of\b))",
        re.I,
    ),
    re.compile(r"\b(?:aged|age:?)\s*(\d{1,3})\b", re.I),
    re.compile(
        r"(?<!since )(?<!since\s)(?<!when )(?<!until )\b(?:i am|i'm|im|i\u2019m)\s+(\d{1,3})\b"
        r"(?!\s*(?:weeks?|wks?|days?|months?|kg|lbs?|cm|%|x\b))",
        re.I,
    ),
    re.compile(r"\b(\d{1,3})\s?(?:[MF])\b"),
    re.compile(
        r"\b(\d{1,3})\s*(?:years?|yrs?)?\s*,?\s*(?:female|male|woman|man|lady|gentleman)\b", re.I
    ),
    re.compile(
        r"\b(?:i am|i'm|im|am)\s+(?:a\s+)?(?:woman|man|female|male|lady)\s*,?\s*(?:of\s+)?"
        r"(\d{1,3})\b(?!\s*(?:weeks?|wks?|days?|months?|kg|lbs?|cm|%))",
        re.I,
    ),
    re.compile(r"\b(?:am|i'm|im)\s+(\d{1,3})\s*(?:years?|yrs?)\b(?!\s*ago)", re.I),
    re.compile(r"\b(\d{1,3})[- ](?:year[- ]old|yo)\b", re.I),
    re.compile(r"(?<![\d.])(\d{1,3})\s*/\s*(?-i:[MF])\b"),
    re.compile(
        r"(?<!when )\b(?:she|he|they|mum|mom|dad|mother|father|husband|wife|hubby|son|daughter|"
        r"nan|gran|grandad|granddad|grandma|grandpa|partner|sister|brother|client|patient|pt|resident)"
        r"(?:'s|\s+is|\s+was|\s+turned|\s*\()\s*(\d{1,3})\b" + NOT_AN_AGE,
        re.I,
    ),
    re.compile(
        r"(?:^|[.!?]\s+)(?:i'?m an? |i am an? )?[A-Za-z]+(?: [a-z]+)?(?: here)?,\s*(\d{2})\b"
        + NOT_AN_AGE,
        re.I | re.M,
    ),
    re.compile(
        r"(?:^|[.!?]\s+)(\d{2})\s*(?:[fm]|and|,\s*(?:female|male|f|m))\b" + NOT_AN_AGE, re.I | re.M
    ),
    re.compile(r"\b(?:at|now)\s+(\d{2})\b" + NOT_AN_AGE, re.I),
    re.compile(r"\b(?:hes|shes)\s+(\d{1,3})\b" + NOT_AN_AGE, re.I),
    re.compile(r"\b(?:weeks?|wks?)(?: pregnant)?,\s*(\d{2})\s*[.,;]", re.I),
    re.compile(r"\A\s*(\d{2}),\s" + NOT_AN_AGE),
    re.compile(r"[.!?]\s+(\d{2}),\s+(?=[a-z])" + NOT_AN_AGE),
    re.compile(r"\A\s*(\d{2})\s(?-i:[mf])\b"),
    re.compile(NOT_A_DISTANCE + r"\b(\d{2})(?-i:[mf])\s*[.!?]?\s*\Z"),
    re.compile(r"[.!?]\s+(\d{2})\.?\s*$"),
]
DECADE = re.compile(
    r"\bin (?:my|his|her|their) (early |mid |mid-|late )?(twenties|thirties|forties|fifties|"
    r"sixties|seventies|eighties|nineties)\b",
    re.I,
)


def age(text: str) -> Iterator[Hit]:
    for pattern in AGE_PATTERNS:
        m = pattern.search(text)
        if m and 0 < int(m.group(1)) <= 115:
            yield "age", float(m.group(1)), m.group(0)
            return
    m = DECADE.search(text)
    if m:
        base = DECADES[m.group(2).lower()]
        shift = {"early ": -3, "late ": 3}.get((m.group(1) or "").lower(), 0)
        yield "age", float(base + shift), m.group(0)


FEMALE = re.compile(
    r"\b(woman|women|female|lady|girl|daughter|daugter|gravida|widow|she|her|shes|"
    r"schoolmistress|primip|primigravida|multip|preggers|preggo|preggy|breastfed|breastfeding)\b"
    r"(?!'s)|\b(?-i:Mrs|Ms)\b|\b(?-i:G\d\s?P\d)|\b\d{1,2}(?:\+\d)?/40\b|\bmy periods?\b"
    r"|\b\d{1,3}\s*/\s*(?-i:F)\b|\b(?-i:\d{1,2}\s?F)\b"
    r"|(?:\b|(?<=\d))(?:y/?o|yrs?(?:[- ]old)?|years?(?:[- ]old)?)\s?(?-i:F)\b"
    r"|(?:^|[(,/:]\s*|\b(?:i'?m|am|aged?)\s+)(?-i:\d{1,2}f)(?=[\s,)./]|$)"
    r"|\A\s*\d{2}\s(?-i:f)\b|" + NOT_A_DISTANCE + r"\b(?-i:\d{2}\s?f)\s*[.!?]?\s*\Z"
    r"|\b(pregna\w*|pregn\w*|pregant|postpartum|gave birth|c-?section|caesarean|"
    r"hysterectomy|menopaus\w*|ovarian|uterus|uterine|womb|"
    r"trimester|my period|menstrua\w*|had my baby|postnatal|breastfeeding)\b",
    re.I,
)
MALE = re.compile(
    r"\b(man|male|gentleman|boy|son|he|him|his|hes|bloke|guy|lad|chap|fella)\b(?!'s|\s+was born)"
    r"|\b(?-i:Mr)\b|\b\d{1,3}\s*/\s*(?-i:M)\b|\b(?-i:\d{1,2}\s?M)\b"
    r"|(?:\b|(?<=\d))(?:y/?o|yrs?(?:[- ]old)?|years?(?:[- ]old)?)\s?(?-i:M)\b"
    r"|(?:^|[(,/:]\s*|\b(?:i'?m|am|aged?)\s+)(?-i:\d{1,2}m)(?=[\s,)./]|$)"
    r"|\A\s*\d{2}\s(?-i:m)\b|" + NOT_A_DISTANCE + r"\b(?-i:\d{2}\s?m)\s*[.!?]?\s*\Z",
    re.I,
)
"""Age-and-sex shorthand: "67M", "45 F" in capitals anywhere; "35m", "(45f)" in lower case only
where an age would stand, since "150 m" and "200m" are distances."""
FIRST_PERSON = re.compile(r"\b(i|i'm|im|my|me)\b", re.I)
ABOUT_A_CHILD = re.compile(
    r"\bmy (?:\d+[- ]?(?:yr|year|month)s?[- ]?old|\d+\s?yo\b|little one|child|kid|toddler|baby|"
    r"teen)",
    re.I,
)
PRONOUNS = ("she", "her", "shes", "he", "him", "his", "hes")
FEMALE_RELATIVES = (
    "mother|mum|mom|mam|wife|daughter|sister|grandmother|gran|granny|nan|grandma|girlfriend|gf|aunt"
)
MALE_RELATIVES = (
    "father|dad|husband|hubby|son|brother|grandfather|grandad|granddad|grandpa|boyfriend|bf|uncle"
)
SUBJECT_RELATIVE = re.compile(
    rf"\b(?:my|our)\s+(?:(?:elderly|old|little|teenage|eldest|youngest)\s+)?"
    rf"(?P<rel>{FEMALE_RELATIVES}|{MALE_RELATIVES})"
    r"(?:(?=(?:'s|s)\s+(?:right|left|legs?|calf|calves|feet|foot|jaw|toes?|knees?|thighs?|"
    r"ankles?|breathing|in\s+(?:his|her)|been|got|having|getting|always|very|only|still|\d))"
    r"|\b(?!'s)(?=[\s,(]+(?:is|has|gets|got|keeps|woke|wakes|can't|cannot|cant|was(?! born)|"
    r"he's|hes|she's|shes|"
    r"complains|says (?:his|her|he|she)|said (?:his|her|he|she)|still|\(?\d{1,3}\b|who|,)))"
    rf"|\b(?:caring for|carer for|care for|looking after|writing for|writing on behalf of|"
    rf"on behalf of|asking for)\s+(?:my|our)\s+(?:(?:elderly|old|little)\s+)?"
    rf"(?P<rel2>{FEMALE_RELATIVES}|{MALE_RELATIVES})\b",
    re.I,
)


def relative_subject(text: str) -> re.Match[str] | None:
    """ "my husband is ...", "my dad, 83, ...": the story is about that relative."""
    return SUBJECT_RELATIVE.search(text)


def sex(text: str) -> Iterator[Hit]:
    relative = relative_subject(text)
    if relative is not None:
        female = re.fullmatch(
            FEMALE_RELATIVES, relative.group("rel") or relative.group("rel2"), re.I
        )
        yield "sex", "female" if female else "male", relative.group(0)
        return
    strong_f = [m for m in FEMALE.finditer(text) if m.group(0).lower() not in PRONOUNS]
    strong_m = [m for m in MALE.finditer(text) if m.group(0).lower() not in PRONOUNS]
    pronouns_count = not FIRST_PERSON.search(text) or ABOUT_A_CHILD.search(text)
    if strong_f and not strong_m:
        yield "sex", "female", strong_f[0].group(0)
    elif strong_m and not strong_f:
        yield "sex", "male", strong_m[0].group(0)
    elif not strong_f and not strong_m and pronouns_count:
        f, m = FEMALE.search(text), MALE.search(text)
        if f and not m:
            yield "sex", "female", f.group(0)
        elif m and not f:
            yield "sex", "male", m.group(0)


PREG_WEEKS = re.compile(
    r"\b(\d{1,2})(?:\+\d)?\s*(?:weeks?|wks?)\s*(?:pregnant|gestation|of pregnancy|along)"
    r"|\bat (\d{1,2})(?:\+\d)?\s*(?:weeks?|wks?)\b"
    r"(?=[^.]{0,500}\b(?:pregnan|gestation|baby|bump)\b)"  # bounded: unbounded was quadratic
    r"|\b(\d{1,2})(?:\+\d)?/40\b"
    r"|\b(\d{1,2})(?:\+\d)?\s*(?:weeks?|wks?)\s+"
    r"(?:with (?:baby|twins|my|our|the|a|number|no|#\s?\d)|gone|"
    r"into (?:my|the|this) pregnancy|preg\b|pg\b)"
    r"|\b(\d{1,2})\+[0-6]\s*(?:weeks?|wks?)\b"  # "29+2 wks": weeks and days of gestation
    r"|\b(?:i'?m|i am|she'?s|she is)\s+(?:now\s+)?([4-9]|[1-3]\d|4[0-2])\s*(?:weeks?|wks?)\b"
    r"(?!\s*(?:ago|post|after|since|out|into|from|off|on|in|of|late|overdue|without|"
    r"with(?!\s+(?:baby|twins))))"  # "I'm 35 weeks": pregnant, said the usual way
    r"|(?:^|[.!?]\s+)(\d{1,2})\s*(?:weeks?|wks?)\s*[,.;:]?\s*(?:(?:my|our|her)\s+)?"
    r"(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:baby|pregnancy|child)\b"
    # "35 weeks. Calf cramps most nights, which the midwife said is normal."
    r"|(?:^|[.!?]\s+)([4-9]|[1-3]\d|4[0-2])\s*(?:weeks?|wks?)\s*[.!;:]"
    r"(?=[^.]{0,300}(?:[.!?][^.]{0,300}){0,2}\b(?:pregnan|gestation|baby|bump|midwife|antenatal|"
    r"obstetric|due date)\w*\b)"
    # "35 wks, had leg cramps all week but now pounding headache n seeing flashing lights"
    r"|(?:^|[.!?]\s+)(2\d|3\d|4[0-2])\s*(?:weeks?|wks?)\s*[,.!;:]"
    r"(?=[^.]{0,300}(?:[.!?][^.]{0,300}){0,2}\b(?:headache|flashing lights|flashes|vision|"
    r"blurr\w*|puffy face|face (?:is |has |gone |went )?(?:puffy|swollen))\b)",
    re.I | re.M,
)
TRIMESTER = re.compile(r"\b(third|3rd|last) trimester\b|\blate pregnancy\b", re.I)


def pregnancy(text: str) -> Iterator[Hit]:
    m = PREG_WEEKS.search(text)
    if m:
        weeks = float(next(g for g in m.groups() if g))
        if 0 < weeks <= 44:
            yield "pregnant", True, m.group(0)
            yield "pregnancy_weeks", weeks, m.group(0)
            return
    t = TRIMESTER.search(text)
    if t:
        yield "pregnant", True, t.group(0)
        yield "pregnancy_second_half", True, t.group(0)


POSTPARTUM = re.compile(
    r"\b(?:gave birth|delivered|had (?:(?:my|her|our|the|a) )?(?:(?:first|second|third|fourth|"
    r"new|little)\s+)?(?:baby|son|daughter|twins|boy|girl)|had a c-?section|"
    r"(?:baby|son|daughter|twins),? (?:who )?(?:was|were) born)\s+(?:about\s+|just\s+|only\s+)?"
    + NUM
    + r"\s*(days?|weeks?|wks?|months?)\s+ago\b"
    r"|\b" + NUM + r"\s*(days?|weeks?|wks?|months?|/52|/7)\s*(?:ago\s*)?"
    r"(?:postpartum|post-partum|postnatal|post-natal|post partum|after (?:giving birth|delivery|"
    r"the birth|birth|my baby was born|having (?:my|the|a|her|our) baby)|"
    r"since (?:giving birth|the birth|delivery))"
    r"|\bbaby is " + NUM + r"\s*(days?|weeks?|months?) old\b",
    re.I,
)


def postpartum(text: str) -> Iterator[Hit]:
    m = POSTPARTUM.search(text)
    if not m:
        return
    groups = [g for g in m.groups() if g]
    amount, unit = number(groups[0]), groups[1].lower()
    days = amount * (7 if unit.startswith(("w", "/52")) else 30 if unit.startswith("m") else 1)
    yield "postpartum", days <= 42, m.group(0)


DURATION = re.compile(
    r"\b(?:lasts?|lasting|lasted|last for|for|about|around|up to|of|takes?|x|each|episodes?|"
    r"attacks?|each one|resolves in|settles in|eases in|goes in|passes in|over in|a good)\s+"
    r"(?:about |around |up to |roughly |maybe |at least |only |approx\.? |~\s?)?"
    + NUM
    + r"\s*(seconds?|secs?|minutes?|minuts?|mins?|hours?|hrs?)\b"
    r"(?!\s*(?:ago|later|earlier|after|before (?:bed|sleep|going|dinner|breakfast|lunch|tea|"
    r"the|my|i|he|she|we|they|work)\b))",
    re.I,
)


NOT_A_CRAMP_BEFORE = re.compile(
    r"\b(?:fit|fits|seizure|fitting|convuls\w*|shaking|jerk|jerks|jerked|jerking|out cold|"
    r"unconscious|unresponsive|blacked out|"
    r"passed out|stop|stops|stopped|stopping|rest|resting|sit down|sat down|pause|drove|driving|"
    r"flight|flew|journey|slept|sleep|sleeping)\b[^.;,!?]*$",
    re.I,
)
NOT_A_CRAMP_AFTER = re.compile(
    r"^[^.;,!?]{0,12}\b(?:standing still|stood still|rest|resting|sitting down|sat down|"
    r"of rest|sleep|a night|asleep|unconscious|out cold|a week|a day|per week|per day|"
    r"each week|every week|a shift)\b",
    re.I,
)
"""A length told about something else: how long a fit or a blackout lasted, how long a rest
eases walking pain ("goes off when I stop for a min"), a journey or a night's sleep."""


POSTURE_BEFORE = re.compile(
    r"\b(?:sat|sitting|waited|waiting|stood|standing|kneeling|knelt|queued|queuing|squatting)\b"
    r"(?:\s+[^.;,!?\s]+){0,5}\s*$",
    re.I,
)
"""How long the person sat, stood or waited ("sat cross-legged on the floor for an hour")."""


def cramp_duration(text: str) -> Iterator[Hit]:
    for m in DURATION.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        if (
            NOT_A_CRAMP_BEFORE.search(before)
            or NOT_A_CRAMP_AFTER.search(text[m.end() :])
            or POSTURE_BEFORE.search(before)
        ):
            continue
        unit = _unit(m.group(2), SECONDS)
        if unit is not None:
            seconds = round(number(m.group(1)) * unit, 1)
            yield "cramp_duration_s", seconds, m.group(0)
            yield "attacks_short", seconds <= 600, m.group(0)
            return


DISTANCE = re.compile(
    r"\b(?:after|within|about|only|for|walk(?:ing)?|manage|than)\s+"
    r"(?:about |around |only |roughly )?"
    + NUM
    + r"\s*(m|metres?|meters?|yards?|yds?|blocks?|miles?|km|kilometres?|steps)\b",
    re.I,
)


def walking_distance(text: str) -> Iterator[Hit]:
    if not re.search(r"\bwalk|\bstop|claudicat|\bdistance", text, re.I):
        return
    for m in DISTANCE.finditer(text):
        unit = _unit(m.group(2), METRES)
        if unit is not None:
            yield "walking_distance_m", round(number(m.group(1)) * unit), m.group(0)
            return


FREQUENCY = re.compile(
    NUM + r"(?:\s*(?:-|to)\s*\d+)?\s*(?:times?|x|nights?|nites?|days?|evenings?|cramps?|attacks?|"
    r"episodes?|spasms?)?\s*"
    r"(?:a|an|per|/|every|each|in|in a|this|in the)\s*"
    r"(night|nite|day|week|wk|fortnight|month|year)\b"
    r"|\b(\d+)\s*x\s*/\s*(week|wk|month|day|night)\b",
    re.I,
)
EVERY = re.compile(
    r"\b(?:every|each|evry)\s+(?:single\s+)?(?:night|nite|day|evening|morning)\b"
    r"|\b(?:nightly|most (?:nights|nites|days|evenings|mornings)|all (?:week|wk))\b"
    r"|\b(?:(?:[2-9]|1\d)(?:nd|rd|th)|second|third|fourth|fifth) (?:time|night) this (?:week|wk)\b"
    r"|\bmany times (?:a|in (?:a|one|the)) (?:week|wk)\b"
    r"|\b(?:[2-9]|two|three|four|five|six|seven) (?:nights|days) (?:running|in a row)\b",
    re.I,
)


RARELY = re.compile(
    r"\b(?:every|each|once a|twice a) (?:month|fortnight|year)\b|\bmonthly\b|"
    r"\b(?:only happened|happened only) (?:the |that )?once\b|\bonly (?:the )?once\b",
    re.I,
)


NOT_THE_CRAMPS = re.compile(
    r"\b(?:play|plays|playing|swim|swims|train|trains|training|run|runs|go|goes|gym|work|works|"
    r"drink|drinks|take|takes|taking|dialysis|hd|walk|walks|cycle|cycles|dose|tablet|mg|pints?|"
    r"units?|glass|glasses|cans?|coffees?|cups?|beers?|cigarettes?|fags?|g|mcg|micrograms?|"
    r"ml|puffs?|doses|tablets|pills?|capsules?|sachets?|drops|inhaler|ventolin|use|uses|using|"
    r"used)\b"
    r"[^.,;]{0,25}$",
    re.I,
)
"""Words just before "twice a week" that make it how often the person plays, trains or takes
a tablet, not how often the cramps come."""


SOMETHING_ELSE_AFTER = re.compile(
    r"(?![^.;]*\bcramp)[^.;]{0,30}\b(?:ankles?|swell\w*|puff\w*|wee|pee|urin\w*|toilet|bowels?|"
    r"periods?)\b",
    re.I,
)
"""What "every evening" times when the words after it are about something else ("every evening
his ankles swell"), with no cramp in the clause."""


SMOKING_BEFORE = re.compile(
    r"\b(?:smok\w*|cigs?|cigarettes?|fags?|roll-ups?|vap\w*)\b[^.;]{0,30}$", re.I
)
"""A count after smoking ("smoking since young, 20 a day") is cigarettes, not cramps."""


def frequency(text: str) -> Iterator[Hit]:
    m = next(
        (
            f
            for f in FREQUENCY.finditer(text)
            if not NOT_THE_CRAMPS.search(text[max(0, f.start() - 40) : f.start()])
            and not SMOKING_BEFORE.search(text[max(0, f.start() - 40) : f.start()])
        ),
        None,
    )
    if m:
        count, period = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        low = 1.0 if re.search(r"\b(?:once|one) or\s*$", text[: m.start()], re.I) else None
        rate = (low or number(count)) * PER_WEEK[period.lower()]  # "once or twice": the lower
        yield "frequent_weekly", rate >= 2, m.group(0)
        return
    every = next(
        (
            e
            for e in EVERY.finditer(text)
            if not NOT_THE_CRAMPS.search(text[max(0, e.start() - 40) : e.start()])
            and not SOMETHING_ELSE_AFTER.match(text[e.end() : e.end() + 40])
        ),
        None,
    )
    if every:
        yield "frequent_weekly", True, every.group(0)
        return
    rare = RARELY.search(text)
    if rare:
        yield "frequent_weekly", False, rare.group(0)


UNIT = r"(hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|years?|yrs?|yr)"
UNIT_AGO = r"(minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|years?|yrs?|yr)"
HEDGE = (
    r"(?:about |around |over |well over |more than |nearly |almost |maybe |roughly |like |"
    r"approx\.? |~\s?)?"
)
SINCE = re.compile(
    r"\bfor (?:the )?(?:last |past )?"
    + HEDGE
    + NUM
    + r"\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)\b"
    r"|\bx\s?(\d+)\s?/\s?(12|52|7)\b|\b(\d+)\s?/\s?(12|52|7)\s+(?:hx|history|ago|of)\b"
    r"|\b(?:started|began|since)\s+(yesterday|today|last night|this morning|this week|last week|"
    r"last month|last year|last summer|last winter|last spring|last autumn|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|the weekend|this month|yday|landing)\b"
    r"|\b" + NUM + r"\s*" + UNIT_AGO + r"\s+(?:ago|earlier)\b"
    r"|\bx\s?(\d+)\s?" + UNIT + r"\b"
    r"|(?:\b(?:over|in|during|within) the (?:last|past) |\bsince |\b(?:already|now|been|"
    r"like this|going on|had (?:it|this|them)(?: for)?) )"
    + HEDGE
    + NUM
    + r"\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)\b(?!\s*ago)"
    r"|\b"
    + NUM
    + r"[- ]?(days?|weeks?|wks?|months?|mos?|years?|yrs?)[- ](?:long )?(?:history|hx)\b"
    r"|^\W*" + NUM + r"\s+(days?|weeks?|months?|years?) of\b(?! pregnan| gestation)"
    r"|(?<![\d/.])(\d{1,2})\s?/\s?(12|52)(?![\d/])"
    r"|(?<![\d/.])(?!24\s?/\s?7)(\d{1,2})\s?/\s?(7)(?![\d/])(?=\s+[a-z])"
    r"|\b(\d{1,3})\s*(h|hrs?|hours?)\s+(?:of|hx)\b"
    r"|\b" + NUM + r"[- ]?(days?|weeks?|wks?|months?|mos?|years?|yrs?)\s+(?:long\s+)?"
    r"(?:history\s+)?of\s+(?:[a-z-]+\s+){0,3}?(?=cramp|pain|ache|aching|weak|numb|tingl|swell|"
    r"heav|spasm|stiff|burning|jerk|restless)"
    r"|\bfor (?:like |about |around |roughly )?the (?:last|past) "
    r"(year|few months|couple of months|few years|couple of years|months|years)\b"
    # as people write who think in another language: "from 2 month my legs burn", "is 2 years
    # like this", "since half year", "three month already"
    r"|\bfrom "
    + HEDGE
    + NUM
    + r"\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)\b(?!\s*(?:ago|old|of age|after|before))"
    r"|\b(?:since|for|from|already|is|it'?s) (half (?:a )?year|a half year)\b"
    r"|\b(?:is|it'?s) "
    + HEDGE
    + NUM
    + r"\s*(days?|weeks?|months?|years?)\b(?=\s+(?:like this|already|now|that|since|my|the|"
    r"this|these|i|it|he|she)\b)"
    r"|\b" + NUM + r"\s*(days?|weeks?|months?|years?)\s+already\b",
    re.I | re.M,
)
THE_LAST = {"year": 365, "few months": 90, "couple of months": 60, "few years": 1000,
            "couple of years": 730, "months": 90, "years": 730}  # fmt: skip
"""Days in "for the last year", "for like the past few months" (no number)."""
RECENT = {"yesterday": 1, "yday": 1, "landing": 1, "today": 0, "this month": 14,
          "last night": 1, "this morning": 0, "this week": 3,
          "last week": 7, "last month": 30, "last year": 365, "last summer": 180,
          "last winter": 180, "last spring": 180, "last autumn": 180, "the weekend": 3,
          "monday": 3, "tuesday": 3, "wednesday": 3, "thursday": 3, "friday": 3,
          "saturday": 3, "sunday": 3}  # fmt: skip
FRACTION_DAYS = {"12": 30, "52": 7, "7": 1}


SYMPTOM = re.compile(
    r"cramp|ache|aching|pain|hurt|pull|heav|buzz|restless|numb|tingl|swell|swollen|spasm|"
    r"tired|stiff|weak|fog|exhaust|\bfeel|\bsx\b|symptom|going on|like this|happen|"
    r"^\W*(?:started|began)\b|problem|trouble|had it|\bhx\b|history|difficult|"
    r"\bit\b|\bthis\b|\bthem\b|seiz|knot|c/o|sore|weak|symptom|calf|calv|\blegs?\b|foot|"
    r"feet|thigh",
    re.I,
)
NOT_SYMPTOM = re.compile(
    r"\b(?:on|taking|started|began|stopped|switched to|increased)\s+(?:my |his |her |the )?"
    r"(?!maybe|about|around|roughly|nearly|almost|over|approx)[a-z-]+(?:\s+\d+\s*mg)?\s*$"
    r"|\b(?:diabet\w*|t[12]dm|dm|iddm|niddm|htn|hypertension|k/c/o|known case of|heartbeat|"
    r"atrial fibrillation|af\b)[^.,;]{0,30}$"
    r"|\b(?:placed|inserted|fitted|implanted|performed|done|operated|repaired|replaced|"
    r"diagnosed|prescribed|stent\w*|surgery|operation)\s*$"
    r"|\b(?:vegan|vegetarian|teetotal|sober|diet|dieting|smok\w*|drinking|drink|married|"
    r"gave up|given up|quit|quitting|"
    r"retired|working|worked|living|lived|have done|has done|had done|been going|going)\b"
    r"[^.,;]{0,30}$"
    r"|\bhad\s+(?:a|an|my|the|his|her|their|surgery|an operation|op|it|them)\b[^.,;]{0,30}$",
    re.I,
)


CLAUSE_WINDOW = 1_000
"""A clause is looked for at most this many characters either side of a match. Without a
bound, a 20,000-character text with thousands of "9 days ago" and no full stop took 24 s
(every match searched the whole text before it); real clauses are far shorter, so the
bound changes nothing else."""
MAX_DURATION_MATCHES = 20
"""How many "for 3 weeks" / "2 days ago" mentions are tried, at most, for the problem's
duration (a real story has a few; thousands of them took seconds even with the window)."""


def _clause_at(text: str, start: int, end: int) -> tuple[str, str]:
    low, high = max(0, start - CLAUSE_WINDOW), min(len(text), end + CLAUSE_WINDOW)
    left = max(max(text.rfind(c, low, start) for c in ".;!?\n"), low - 1)
    right = min([i for i in (text.find(c, end, high) for c in ".;!?\n") if i >= 0] or [high])
    return text[left + 1 : start], text[left + 1 : right]


def _days(m: re.Match[str]) -> float:
    """Days in a SINCE match, by which alternative matched (see the groups of SINCE)."""
    g = m.groups()
    if g[6]:
        return RECENT[g[6].lower()]
    if g[25]:
        return THE_LAST[g[25].lower()]
    if g[28]:
        return 182.0  # "since half year"
    for amount, unit, table in _SINCE_GROUPS:
        if g[amount]:
            if table is None:
                return int(g[amount]) * FRACTION_DAYS[g[unit]]
            return number(g[amount]) * (_unit(g[unit], table) or 1)
    return 0.0


HOURS_DAYS = {
    **DAYS,
    "hour": 1 / 24,
    "hr": 1 / 24,
    "h": 1 / 24,
    "d": 1,
    "minute": 1 / 1440,
    "min": 1 / 1440,
}
_SINCE_GROUPS: list[tuple[int, int, Mapping[str, float] | None]] = [
    (0, 1, DAYS), (2, 3, None), (4, 5, None), (7, 8, HOURS_DAYS), (9, 10, HOURS_DAYS),
    (11, 12, DAYS), (13, 14, DAYS), (15, 16, DAYS), (17, 18, None), (19, 20, None),
    (21, 22, HOURS_DAYS), (23, 24, DAYS), (26, 27, DAYS), (29, 30, DAYS), (31, 32, DAYS),
]  # fmt: skip
"""(amount group, unit group, unit table) for each alternative of SINCE; None: a clinical
fraction such as 3/12 (months) or 2/52 (weeks)."""


BARE_DURATION = 70
"""A sentence this short that gives only a time ("Been about 8 weeks.", "Three or four nights
a week, for roughly 6 months.") times the problem of the sentence before."""


ONLY_TIME = re.compile(
    r"^\W*(?:(?:it'?s|its|it has|has|have|i'?ve|they'?ve)\s+)?(?:been\s+)?(?:going on\s+)?"
    r"(?:(?:\w+\s+(?:or\s+\w+\s+)?)?(?:times|nights|days)\s+(?:a|per|every)\s+"
    r"(?:week|month|fortnight)\W*)?(?:now|so far|or so)?\W*$",
    re.I,
)
"""What may stand beside the time in a bare duration: "Been about 8 weeks.", "Three or four
nights a week, for roughly 6 months." (not "I had prostate cancer 8 yrs ago")."""


def _bare_duration(text: str, clause: str, clause_start: int, match: str) -> bool:
    if len(clause) > BARE_DURATION or clause_start <= 0:
        return False
    if not ONLY_TIME.match(clause.replace(match, " ", 1)):
        return False
    previous = text[max(0, clause_start - CLAUSE_WINDOW) : clause_start].rstrip(" .;!?\n")
    previous = previous[max(previous.rfind(c) for c in ".;!?\n") + 1 :]
    return SYMPTOM.search(previous) is not None


def problem_duration(text: str) -> Iterator[Hit]:
    """How long the problem has gone on: more than four weeks, or two weeks or less."""
    for m in itertools.islice(SINCE.finditer(text), MAX_DURATION_MATCHES):
        before, clause = _clause_at(text, m.start(), m.end())
        days = _days(m)
        recent_event = days <= 2 and m.group(0).lower().endswith(("ago", "earlier"))
        told_after = _bare_duration(text, clause, m.start() - len(before), m.group(0))
        if NOT_SYMPTOM.search(before) or not (recent_event or SYMPTOM.search(clause) or told_after):
            continue
        if days > 28 or days <= 14:
            yield "long_standing", days > 28, m.group(0)
        if days <= 1:
            yield "sudden_onset", True, m.group(0)  # began within the last day: came on over hours
        return


BOTH = re.compile(
    r"\b(both (?:legs?|calf|calves|feet|foot|thighs?|sides|knees|hamstrings|shins|ankles|"
    r"arches|soles|hips|quads)|bilateral(?:ly)?|bilat|"
    r"either (?:leg|calf|side)|my (?:legs|calves|feet|thighs)|"
    r"(?:his|her|their|the) (?:legs|calves)|"
    r"(?:legs|calves|calfs|feet|thighs) (?:cramp|ache|hurt|pull|buzz|feel|are|keep|get|go)|"
    r"(?:in|of) (?:my |his |her |the |both )?(?:legs|calves|calfs|thighs|feet)|"
    r"(?:legs|calves|calfs|thighs|feet|hands|arms) and (?:legs|calves|calfs|thighs|feet)|"
    r"bilateral\w*|bilaterly|bilat\.?)\b",
    re.I,
)
ONE_SIDE = re.compile(
    r"\b((?i:left|right|one|lt|rt)|L|R)\.? (?i:lower )?"
    r"(?i:leg|calf|foot|thigh|shin|ankle|knee|hamstring|side)\b"
)
ONLY_ONE = re.compile(r"\b(only|just) (?:the |my )?(left|right)\b", re.I)


ALTERNATING = re.compile(
    r"\bone (?:leg|calf|foot|side|thigh)s? (?:to|or|then) the other\b|"
    r"\b(?:alternat|swap|switch)\w* (?:legs|sides|calves)\b",
    re.I,
)
"""Cramps that move between the legs ("switches from one leg to the other") are in both."""
LYING_ON_A_SIDE = re.compile(
    r"\b(?:sleep|slept|lie|lying|lay|laid|turn|turned|roll|rolled|go to sleep)\w* on "
    r"(?:my|his|her|your|their|the) (?:left|right) side\b",
    re.I,
)
"""Lying on the left side is a posture, not a side of the body that hurts."""
COMPARED = re.compile(
    r"\b(?:equal|same|symmetrical|symmetric|similar|identical|measured|compared)\s+"
    r"(?:(?:on|in|at|between|across)\s+)?both (?:sides|legs|calves)\b",
    re.I,
)
"""An examination comparing the legs ("equal on both sides") says nothing about which hurts."""


def laterality(text: str) -> Iterator[Hit]:
    """One leg ("left calf", "R leg") or both ("both calves", "my legs ache")."""
    text = COMPARED.sub(" ", LYING_ON_A_SIDE.sub(" ", text))
    moving = ALTERNATING.search(text)
    if moving:
        yield "both_legs", True, moving.group(0)
        return
    both = BOTH.search(text)
    one = ONE_SIDE.search(text) or re.search(
        r"\b(only|just) (?:the |my )?(left|right)\b", text, re.I
    )
    if both and not one:
        yield "both_legs", True, both.group(0)
    elif one and not both:
        yield "one_leg_only", True, one.group(0)


TEMPERATURE = re.compile(
    r"\b(?:t|temp|temperature|temp of|temperature of|fever of|pyrexial(?: to)?|febrile(?: to)?)"
    r"\s*:?\s*(?:was |is |of |at )?(\d{2,3}(?:\.\d)?)\s*(°\s*[cf]|deg(?:rees)?\s*[cf]?|[cf]\b)?",
    re.I,
)
FEVER_C, NORMAL_C = 38.0, 37.5
"""A measured temperature of 38 °C or more is read as a fever (the usual clinical threshold);
below 37.5 °C as no fever; between the two, nothing is read."""


def temperature(text: str) -> Iterator[Hit]:
    """ "T 38.1", "temp 101.5F", "temperature was 36.9": a measured fever, or none."""
    for m in TEMPERATURE.finditer(text):
        value, unit = float(m.group(1)), (m.group(2) or "").lower()
        celsius = (value - 32) * 5 / 9 if unit.endswith("f") or 93 <= value <= 110 else value
        if not 34 <= celsius <= 43:
            continue
        between = NORMAL_C <= celsius < FEVER_C
        yield "fever", None if between else celsius >= FEVER_C, m.group(0)
        return


LINK = r"\s*(?:level|levels|result)?\s*(?:was|is|of|at|came back(?: at)?|:|=)?\s*(?:only\s+)?"
LABS: list[tuple[str, re.Pattern[str], Callable[[float], bool | None]]] = [
    # oxygen below 92 % or breathing 30 times a minute is severe breathlessness, however told
    ("severe_breathlessness",
     re.compile(r"\b(?:spo2|sp02|sao2|o2 sats?|sats|oxygen sat(?:uration)?s?|saturations?|"
                r"saturating)" + LINK + r"(\d{2})\s*%", re.I),
     lambda v: True if v < 92 else None),
    ("severe_breathlessness",
     re.compile(r"\b(?:rr|resp(?:iratory)? rate)" + LINK + r"(\d{2})(?!\d|\.\d)(?!\s*%)", re.I),
     lambda v: True if v >= 30 else None),
    ("blood_low_potassium",
     re.compile(r"\b(?:serum\s+)?(?:k\+?|potassium)" + LINK + r"(\d(?:\.\d+)?)(?!\d|\.\d)", re.I),
     lambda v: True if v < 3.5 else False if v <= 5.3 else None),
    ("blood_low_sodium",
     re.compile(r"\b(?:serum\s+)?(?:na\+?|sodium)" + LINK + r"(1\d\d)(?!\d|\.\d)", re.I),
     lambda v: True if v < 135 else False if v <= 146 else None),
    ("blood_low_magnesium",
     re.compile(r"(?:\bMg|\b[Mm]agnesium|\bMG)(?:2\+)?" + LINK + r"([01]\.\d+)(?!\d|\.\d)"),
     lambda v: True if v < 0.7 else False if v <= 1.1 else None),
    ("blood_low_calcium_or_vitamin_d",
     re.compile(r"\b(?:adj(?:usted)?\.?\s+|corrected\s+)?(?:ca|calcium)(?:2\+)?" + LINK
                + r"([12]\.\d+)(?!\d|\.\d)", re.I),
     lambda v: True if v < 2.15 else False if v <= 2.65 else None),
    ("blood_low_calcium_or_vitamin_d",
     re.compile(r"\b(?:vitamin\s*d|vit\.?\s*d|25-?oh-?d|25\(oh\)d)\b[^.;\d]{0,25}?(\d{1,3})"
                r"(?!\d|\.\d)", re.I),
     lambda v: True if v < 30 else False if v >= 50 else None),
    ("blood_thyroid_underactive",
     re.compile(r"\btsh" + LINK + r"(\d{1,3}(?:\.\d+)?)(?!\d|\.\d)", re.I),
     lambda v: True if v > 4.5 else False if v >= 0.4 else None),
    ("blood_low_iron_or_haemoglobin",
     re.compile(r"\bferritin" + LINK + r"(\d{1,4})(?!\d|\.\d)", re.I),
     lambda v: True if v < 30 else False if v >= 50 else None),
    ("blood_low_iron_or_haemoglobin",
     re.compile(r"\b(?:hb|haemoglobin|hemoglobin)" + LINK + r"(\d{1,3}(?:\.\d)?)(?!\d|\.\d)", re.I),
     lambda v: (v < 110 if v > 30 else v < 11) if v >= 5 else None),
    ("blood_high_ck",
     re.compile(r"\b(?:ck|cpk|creatine kinase)" + LINK + r"(\d{1,3}(?:,\d{3})+|\d{2,6})(?!\d|\.\d)",
                re.I),
     lambda v: True if v > 1000 else False if v <= 200 else None),
    ("blood_low_b12",
     re.compile(r"\b(?:vitamin\s*)?b12" + LINK + r"(\d{2,4})(?!\d|\.\d)", re.I),
     lambda v: True if v < 200 else False if v >= 300 else None),
    ("known_kidney_disease",
     re.compile(r"\begfr" + LINK + r"(\d{1,3})(?!\d|\.\d)", re.I),
     lambda v: True if v < 60 else None),
    ("known_kidney_disease",
     re.compile(r"\bckd\s*-?\s*(?:stage\s*)?([1-5])(?:[ab]\b|\b)", re.I),
     lambda v: True),
]  # fmt: skip
"""Blood results written in the story, with the usual adult reference limits: potassium
below 3.5 mmol/L, sodium below 135 mmol/L, magnesium below 0.7 mmol/L, adjusted calcium below
2.15 mmol/L, 25-OH vitamin D below 30 nmol/L, TSH above 4.5 mU/L, ferritin below 30 ug/L,
haemoglobin below 110 g/L (or 11 g/dL), CK above 1,000 U/L (about five times the upper limit,
the usual threshold for muscle breakdown),
B12 below 200 ng/L. A value inside the normal range is read as "no"; a value in between says
nothing. An eGFR below 60 mL/min/1.73 m2, or a CKD stage written as "CKD3b", is read as kidney
disease (the KDIGO staging); a normal eGFR says nothing, since one value cannot rule it out."""


def labs(text: str) -> Iterator[Hit]:
    """ "K 3.0 mmol/L", "Na 129", "Mg 0.45", "TSH 12", "CK 4000": low or high blood results."""
    seen: set[str] = set()
    for fid, pattern, verdict in LABS:
        if fid in seen:
            continue
        for m in itertools.islice(pattern.finditer(text), MAX_DURATION_MATCHES):
            value = verdict(float(m.group(1).replace(",", "")))
            if value is not None:
                seen.add(fid)
                yield fid, value, m.group(0)
                break


GLUCOSE = re.compile(
    r"\b(?:cbg|bm|bg|blood glucose|glucose|blood sugar|sugar|sugars)\s*(?:level|reading)?\s*"
    r"(?:was|is|of|at|:|=|down to|dropped to)?\s*(?:only\s+)?(\d{1,2}(?:\.\d)?)(?!\d|\.\d)"
    r"(?!\s*(?:%|mg\b|g\b|years?|yrs?|units?))",
    re.I,
)
LOW_GLUCOSE = 4.0
"""mmol/L: below 4 is a hypo (the "4 is the floor" rule taught to people on insulin)."""


def glucose(text: str) -> Iterator[Hit]:
    """ "sugar was 2.9", "CBG 3.1": a measured low blood sugar is a hypo."""
    m = GLUCOSE.search(text)
    if m and float(m.group(1)) < LOW_GLUCOSE:
        yield "hypo_symptoms", True, m.group(0)


POWER = re.compile(
    r"\b(?:power|strength|dorsiflexion|plantarflexion|plantar flexion|ehl|"
    r"extensor hallucis(?: longus)?|hip flexion|knee extension|knee flexion|ankle)\b"
    r"[^.;]{0,30}?\b([0-4])\s*/\s*5\b",
    re.I,
)


def muscle_power(text: str) -> Iterator[Hit]:
    """ "Ankle dorsiflexion 3/5", "power 4/5 in the left leg": weakness graded on the MRC scale."""
    m = POWER.search(text)
    if m:
        yield "leg_weakness", True, m.group(0)


CREATURE = (
    r"(?:spider(?!\s*(?:naev|nev|vein|angiom))|snake|scorpion|adder|viper|redback|funnel-?web|"
    r"jellyfish|stonefish|stingray)"
)
BITE = r"(?:bit|bite|bitten|sting|stung|fang|fangs|prick)"
VENOM = re.compile(
    rf"\b{BITE}\b[^|]{{0,400}}?\b{CREATURE}s?\b|\b{CREATURE}s?\b[^|]{{0,400}}?\b{BITE}\b", re.I
)


def venomous_bite(text: str) -> Iterator[Hit]:
    """A bite or sting and a venomous creature named within a few sentences of each other."""
    m = VENOM.search(text)
    if m:
        yield "venomous_bite", True, m.group(0)


JOURNEY = re.compile(
    r"\b(\d{1,2}(?:\.\d)?)\s*-?\s*(?:h|hr|hrs|hour|hours)\s*-?\s*(?:long\s+|round\s+|return\s+)?"
    r"(?:flight|flights|drive|car journey|coach|bus|train|journey|trip|plane)\b"
    r"|\b(\d{1,2}(?:\.\d)?)\s*(?:h|hr|hrs|hours?)\s+(?:in|on)\s+(?:the|a|my|our)\s+"
    r"(?:van|car|coach|bus|train|plane|lorry|truck|cab|camper\w*|motorhome)\b"
    r"|\b(?:drove|driven|driving|flew|flown|flying|travelled|traveled)\s+(?:for\s+)?"
    r"(?:about\s+|around\s+|over\s+)?(\d{1,2}(?:\.\d)?)\s*(?:h|hr|hrs|hours?)\b",
    re.I,
)
LONG_JOURNEY_HOURS = 4
"""A journey of four hours or more counts as long (NICE's travel advice for clots uses more
than four hours)."""


def journey(text: str) -> Iterator[Hit]:
    """ "11hr flight", "a 14-hour drive", "drove 9 hours": a long journey."""
    m = JOURNEY.search(text)
    if m:
        hours = float(m.group(1) or m.group(2) or m.group(3))
        yield "long_journey", hours >= LONG_JOURNEY_HOURS, m.group(0)


CANT_WITHOUT_BREATH = re.compile(
    r"\b(?:can'?t|cannot|can not|unable to|could ?n'?t)\b[^.;]{0,50}?\bwithout "
    r"(?:being|getting|going) (?:out of breath|breathless|short of breath|puffed|winded)",
    re.I,
)


def breath_on_effort(text: str) -> Iterator[Hit]:
    """ "can't get up the stairs without being out of breath": two negatives make a symptom."""
    m = CANT_WITHOUT_BREATH.search(text)
    if m:
        yield "breathless", True, m.group(0)


GCS = re.compile(r"\bgcs\s*(?:of|was|is|:|=)?\s*(\d{1,2})(?:\s*/\s*15)?\b", re.I)


def consciousness(text: str) -> Iterator[Hit]:
    """Glasgow Coma Scale: 15 is fully alert; 14 or less is a new confusion or drowsiness."""
    m = GCS.search(text)
    if m and 3 <= int(m.group(1)) <= 15:
        yield "confusion", int(m.group(1)) < 15, m.group(0)


BLOOD_PRESSURE = re.compile(
    r"\b(?:bp|blood pressure)\s*(?:was|is|of|at|reading|:|=)?\s*(?:was\s+)?"
    r"(\d{2,3})\s*/\s*(\d{2,3})\b",
    re.I,
)
PREGNANCY_WORDS = re.compile(
    r"pregnan|\b\d{1,2}(?:\+\d)?/40\b|antenatal|gestation|trimester|midwife|postpartum|"
    r"gave birth|had (?:my|the|a) baby|primip|multip|gravida",
    re.I,
)


def pregnancy_blood_pressure(text: str) -> Iterator[Hit]:
    """A blood pressure reading in pregnancy or after a birth: 140/90 or above is high
    (the usual threshold for hypertension in pregnancy, NICE NG133)."""
    if not PREGNANCY_WORDS.search(text):
        return
    m = BLOOD_PRESSURE.search(text)
    if m:
        systolic, diastolic = int(m.group(1)), int(m.group(2))
        if 60 <= systolic <= 260 and 30 <= diastolic <= 160:
            yield "high_blood_pressure_pregnancy", systolic >= 140 or diastolic >= 90, m.group(0)


DRINKS = re.compile(
    r"\b" + NUM + r"\s*(pints?|cans?|bottles? of (?:wine|beer|lager|cider)|"
    r"glass(?:es)? of (?:wine|beer)|units?|drinks|beers|lagers|large glass(?:es)?)"
    r"(?:\s+of\s+[a-z]+)?\s+(?:a|an|per|every|each|most|at|on)\s+"
    r"(day|night|nights|evening|evenings|week|weekends?)\b",
    re.I,
)
UNITS_EACH = {"pint": 2.3, "can": 2.0, "bottle": 9.0, "glass": 2.1, "large glass": 3.0, "unit": 1.0,
              "drink": 2.0, "beer": 2.0, "lager": 2.3}  # fmt: skip
"""UK alcohol units in a pint of beer, a can, a bottle or a glass of wine (NHS "alcohol units")."""
PER_WEEK_DRINKING = {"day": 7, "night": 7, "evening": 7, "nights": 5, "evenings": 5, "week": 1,
                     "weekend": 2, "weekends": 2}  # fmt: skip
HEAVY_UNITS_A_WEEK = 14
"""More than 14 units a week is above the UK low-risk limit (the finding's own question)."""


def drinking(text: str) -> Iterator[Hit]:
    """ "4 pints most nights", "a bottle of wine a night": heavy when over 14 units a week."""
    m = DRINKS.search(text)
    if m is None or re.search(
        r"\b(?:no|not|never|used to)\b[^.;,]{0,20}$", text[: m.start()], re.I
    ):
        return
    kind = m.group(2).lower()
    each = next((u for k, u in UNITS_EACH.items() if kind.startswith(k)), 2.0)
    weekly = number(m.group(1)) * each * PER_WEEK_DRINKING[m.group(3).lower()]
    yield "heavy_alcohol", weekly > HEAVY_UNITS_A_WEEK, m.group(0)


CALF_BIGGER = re.compile(
    r"\b(?:calf|calves|leg|shin)\s*(?:is\s+|circumference\s+)?\+\s*(\d(?:\.\d)?)\s*cm\b", re.I
)
OVERDOSE = re.compile(
    r"\b(?:took|taking|taken|swallowed|ate|eaten)\s+['\u2018\"]?"
    r"(?:~\s*|about\s+|around\s+|approx\.?\s*|up to\s+)?"
    r"(\d{2,3})['\u2019\"]?\s*(?:x\s*)?"
    r"(?:(?:[a-z-]+\s+){0,3}?(?:tablets?|pills?|caps(?:ules)?|tabs|[a-z]+\s+\d+\s*mg)\b"
    r"|of\s+(?:my|his|her|their|the|[a-z]+'s)\s+[a-z-]+"
    r"|(?:paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|co-codamol|codeine|tramadol"
    r"|amitriptyline|nortriptyline|sertraline|citalopram|fluoxetine|diazepam|zopiclone"
    r"|quinine|lithium|insulin|metformin|gliclazide|propranolol|iron)\b)",
    re.I,
)
OVERDOSE_COUNT = 10
SPREAD_OUT = re.compile(
    r"[^.;]{0,20}?\b(?:over|across|in|during)\s+(?:the\s+)?(?:last\s+|past\s+)?"
    r"(?:\d+|a|two|three|four|five|few|several)\s+(?:days?|weeks?|months?)\b"
    r"|[^.;]{0,20}?\b(?:a|per|each|every)\s+day\b|[^.;]{0,20}?\bdaily\b",
    re.I,
)
"""Tablets counted over days ("12 ibuprofen over 3 days", "10 a day") are a dose, not an
overdose."""
"""Ten or more tablets taken at once is an overdose to assess, whatever the medicine."""


def measured_swelling(text: str) -> Iterator[Hit]:
    """ "R calf +2 cm": one calf measured bigger than the other."""
    m = CALF_BIGGER.search(text)
    if m and float(m.group(1)) > 0:
        yield "calf_swollen_one_side", True, m.group(0)


INTO_THE_TABLETS = re.compile(
    r"\bfound (?:him|her|them|the (?:child|baby|kid|toddler))\b[^.;]{0,40}?\bwith "
    r"(?:my|the|his|her|their|some|a|an|[a-z]+'s)\s+(?:[a-z]+\s+)?"
    r"(?:tablets|pills|medicine|medicines|bottle|packet)\b"
    r"|\bgot into (?:my|the|his|her|their|[a-z]+'s)\s+(?:[a-z]+\s+)?"
    r"(?:tablets|pills|medicine|medicines|bottle|packet)\b"
    r"|\bgot into (?:my|the|his|her|their|[a-z]+'?s)\s+(?:[a-z']+\s+)?"
    r"(?:handbag|bag|cupboard|drawer|cabinet|pill box|pillbox|dosette)\b[^.;]{0,80}?"
    r"\b(?:tablets|pills|medicines?|capsules)\b",
    re.I,
)
"""A child found with, or got into, someone's tablets: a possible poisoning, however many."""


LITHIUM = re.compile(
    r"\b(?:li|lithium)\s*(?:level|conc\w*)?\s*(?:of|:|=|was|is|at)?\s*(\d(?:\.\d+)?)"
    r"\s*(?:mmol)?",
    re.I,
)
TOXIC_LITHIUM = 1.5
"""A serum lithium above 1.5 mmol/L is toxic (BNF, lithium: monitoring)."""


def overdose(text: str) -> Iterator[Hit]:
    """ "taking ~30 x amitriptyline 25 mg", "found her with my quinine tablets": a possible
    overdose or poisoning."""
    m = OVERDOSE.search(text)
    if m and int(m.group(1)) >= OVERDOSE_COUNT and not SPREAD_OUT.match(text, m.end()):
        yield "poisoning_suspected", True, m.group(0)
        return
    m = INTO_THE_TABLETS.search(text)
    if m:
        yield "poisoning_suspected", True, m.group(0)
        return
    m = LITHIUM.search(text)
    if m and float(m.group(1)) > TOXIC_LITHIUM:
        yield "poisoning_suspected", True, m.group(0)


EXTRACTORS: list[Callable[[str], Iterator[Hit]]] = [
    age, sex, pregnancy, postpartum, cramp_duration, walking_distance, frequency,
    problem_duration, laterality, temperature, labs, pregnancy_blood_pressure, glucose,
    muscle_power, venomous_bite, consciousness, journey, breath_on_effort, drinking,
    measured_swelling, overdose,
]  # fmt: skip


def extract_numbers(text: str) -> list[Hit]:
    """Every quantity found in ``text``, one hit per finding id (the first wins)."""
    hits: dict[str, Hit] = {}
    for extractor in EXTRACTORS:
        for hit in extractor(text):
            hits.setdefault(hit[0], hit)
    return list(hits.values())
