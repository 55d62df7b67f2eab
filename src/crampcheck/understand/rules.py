"""Clause-level co-occurrence rules: findings people describe in pieces.

"My pee this morning looked like cola" never says "dark urine"; "the foot has
gone white and stone cold" never says "cold, pale leg". A rule names groups of
word stems; it fires when every group has a word within one sentence and a
window of ``WINDOW`` tokens; a finding may have alternative rules ("id|2"). The
span it makes goes through the same negation, hypothetical and family-history
scopes as a phrase.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Span

from crampcheck.understand.normalise import stem

WINDOW = 25
SENTENCE_SCOPE = frozenset({"tense_leg_after_injury", "in_deep_water_now"})
SENTENCE_WINDOW = 60
"""Findings described over two sentences ("his shin got tighter and hard as a board. Painkillers
aren't touching it.")."""
TIGHT = {"breathless": 6, "bladder_bowel_change": 6, "loss_of_consciousness": 6,
         "saddle_numbness": 10, "hip_shoulder_weakness": 10}  # fmt: skip
"""Rules whose words include a negated verb ("can't breathe", "can't pee") must be tight:
otherwise any "isn't" in a long clause joins any mention of breathing."""
RULE_WINDOWS = {"leg_weakness|weak": 6,
                "tense_leg_after_injury|plaster": 14, "seizure|tongue": 5, "seizure|rigid": 8,
                "tense_leg_after_injury|cast_tight": 6,
                "tense_leg_after_injury|worse_than_break": 8,
                "sudden_swelling_face_hands|rings": 6,
                "one_side_weakness_face_speech|side_asleep": 6,
                "one_side_weakness_face_speech|porridge": 6,
                "one_side_weakness_face_speech|mouth_side": 6, "mouth_tingling_hand_spasm|ants": 6,
                "mouth_tingling_hand_spasm|beak": 6, "dirty_wound|animal": 8,
                "dirty_wound|nipped": 10,
                "loss_of_consciousness|floor": 7, "hip_or_groin_pain|more_short": 4,
                "hip_or_groin_pain|cramp": 5, "hip_or_groin_pain|move": 8,
                "hip_or_groin_pain|outside": 5, "chest_pain|weight": 8,
                "one_side_weakness_face_speech|floppy": 5, "red_hot_spreading_skin|line": 8,
                "red_hot_spreading_skin|up": 6, "muscle_wasting|hollow": 10,
                "ankles_swollen_both|balloon": 6, "leg_injury|found": 7, "confusion|wrong_name": 8,
                "confusion|follow": 6,
                "jaundice_or_swollen_belly|fluid": 8, "dirty_wound|trod": 6,
                "dirty_wound|through": 8, "rest_pain_foot|even": 10, "ulcer_or_black_toes|dark": 8,
                "ulcer_or_black_toes|heal": 30,
                "shooting_pain_down_leg|shoots": 12, "severe_muscle_pain|limbs": 5,
                "severe_muscle_pain|severe": 7, "severe_muscle_pain|swollen": 6,
                "calf_swollen_one_side|idiom": 6, "calf_warm_red|pinker": 5,
                "calf_swollen_one_side|fat": 6,
                "red_hot_spreading_skin|patch": 14, "severe_muscle_pain|beaten": 4,
                "coughing_blood|streaks": 12,
                "severe_muscle_pain|screaming": 4, "severe_headache|vice": 6,
                "leg_injury|fell": 5, "leg_injury|over": 6,
                "cannot_bear_weight|floor": 8, "saddle_numbness|else": 6,
                "saddle_numbness|asleep": 8, "saddle_numbness|bike": 8,
                "tense_leg_after_injury|toes": 12, "in_deep_water_now|middle": 4,
                "shooting_pain_down_leg|going": 8, "ulcer_or_black_toes|appeared": 10,
                "ulcer_or_black_toes|found": 6, "red_cord_vein|line": 10,
                "severe_breathlessness|words": 6,
                "blood_low_sodium|low": 5,
                "blood_low_potassium|low": 5, "blood_low_magnesium|low": 5,
                "blood_low_calcium_or_vitamin_d|low": 5, "blood_thyroid_underactive|test": 10,
                "heavy_bleeding|period": 6, "blood_low_calcium_or_vitamin_d|vit": 5,
                "dirty_wound|rusty": 8, "dirty_wound|dirt": 8, "dirty_wound|gun": 4,
                "severe_headache|analgesia": 12,
                "poisoning_suspected|packets": 8, "poisoning_suspected|chemical": 8,
                "poisoning_suspected|mushroom": 8, "leg_weakness|clumsy": 6,
                "leg_weakness|wiggle": 6,
                "one_side_weakness_face_speech|face_numb": 8,
                "one_side_weakness_face_speech|grip": 10, "calf_swollen_one_side|clothes": 10,
                "calf_swollen_one_side|than": 6, "calf_swollen_one_side|pitting": 8,
                "loss_of_consciousness|came_round": 14,
                "in_deep_water_now|hold": 12, "in_deep_water_now|off": 8,
                "hip_or_groin_pain|hurts": 5, "hip_or_groin_pain|rotated": 5,
                "hip_or_groin_pain|short": 4, "tense_leg_after_injury|shin": 8,
                "cannot_bear_weight": 10,
                "severe_breathlessness|lips": 6, "severe_breathlessness|rest": 6}  # fmt: skip
"""Rules of common words that must sit close together: "leg has been stiff and weak" is weak
legs, "legs cramp and I feel weak" is not."""
PREFIX_LENGTH = 5
"""Stems this long also match longer words ("tingl" -> "tingling"); shorter ones must be exact."""

RULES: dict[str, list[list[str]]] = {
    "hip_or_groin_pain|hurts": [["hip", "hips", "groin"],
                                ["hurt", "hurts", "hurting", "pain", "painful", "sore", "agony",
                                 "tender", "killing"]],
    "hip_or_groin_pain|rotated": [["foot", "leg"], ["turned", "rotated", "rolled", "flopped",
                                                    "lolling", "lolled", "flopping", "falling",
                                                    "pointing", "splayed"],
                                  ["outward", "outwards", "externally"]],
    "severe_breathlessness|lips": [["lips", "lip"], ["blue", "bluish", "grey", "gray", "dusky",
                                                     "purple", "greyish", "grayish", "blueish",
                                                     "ashy", "ashen"]],
    "severe_breathlessness|words": [["few", "couple", "two", "three", "single", "one"], ["words"],
                                    ["out", "breath", "between", "time", "puff", "air", "stop",
                                     "stopping", "gulp", "gasp", "suck", "only"]],
    "severe_breathlessness|sentence": [["sentence", "sentences"],
                                       ["end", "finish", "finishing", "complete", "through"],
                                       ["stop", "stopping", "gulp", "breath", "air", "gasp"]],
    "severe_breathlessness|gulp": [["gulp", "gulping", "gasping", "sucking"], ["air"]],
    "severe_breathlessness|rest": [["breathless", "puffed", "puffing", "winded", "sob",
                                    "dyspnoea", "dyspnea", "breath", "breathlessness"],
                                   ["sitting", "rest", "resting", "chair", "armchair", "sofa",
                                    "couch"]],
    "hip_or_groin_pain|short": [["leg"], ["shorter", "shortened"]],
    "hip_or_groin_pain|more_short": [["leg"], ["more", "look", "looks", "looking"], ["short"]],
    "hip_or_groin_pain|cramp": [["groin"], ["cramp", "cramping", "ache", "aching"]],
    "hip_or_groin_pain|move": [["hip"], ["cry", "cries", "scream", "screams", "yell", "howl",
                                         "wince", "agony"],
                               ["move", "moving", "moved", "touch", "touching", "lift"]],
    "hip_or_groin_pain|outside": [["foot", "leg", "toes"], ["turn", "turns", "turned", "point",
                                                            "points", "pointing"],
                                  ["outside", "out", "sideways"]],
    "chest_pain|weight": [["chest"], ["sitting", "sat", "elephant", "weight", "band", "vice",
                                      "squeez", "rubbing", "clutch", "gripping", "crushing"]],
    "one_side_weakness_face_speech|floppy": [["arm", "hand"],
                                             ["floppy", "flop", "useless", "limp"],
                                             ["right", "left", "one", "her", "his"]],
    "red_hot_spreading_skin|line": [["line", "pen", "biro", "marker", "drew", "drawn"],
                                    ["past", "beyond", "outside", "gone", "spread", "bigger",
                                     "further"]],
    "red_hot_spreading_skin|up": [["red", "redness", "pink", "pinkness"],
                                  ["goes", "going", "gone", "went", "creeping", "moving",
                                   "travelling", "traveling", "crawling"],
                                  ["up", "higher", "high"]],
    "muscle_wasting|hollow": [["muscle", "hand", "thumb", "calf", "thigh", "shoulder", "palm"],
                              ["hollow", "hollowed", "dip", "dent", "sunken", "flat"]],
    "ankles_swollen_both|balloon": [["ankles", "feet", "legs"],
                                    ["balloon", "balloons", "elephant", "tree", "trunks",
                                     "fat", "puffed"]],
    "chest_pain|pleuritic": [["sharp", "catch", "stab", "stabbing", "pain", "hurt", "hurts"],
                             ["breathe", "breath", "inhale", "breathing", "inspiration"],
                             ["in", "deep", "inspiration"]],
    "one_side_weakness_face_speech|mouth": [["dribbl", "dribbled", "drool", "drooled", "spill",
                                             "spilled", "leak"],
                                            ["corner", "side"], ["mouth", "lip", "lips"]],
    "leg_weakness|useless": [["leg", "foot", "legs"], ["useless"]],
    "leg_weakness|weak": [["leg", "legs", "knee", "knees", "thigh", "thighs"],
                          ["weak"]],
    "leg_weakness|clumsy": [["leg", "legs", "foot"], ["clumsy"]],
    "confusion|wrong_name": [["called", "calling", "calls", "call"], ["wrong"], ["name", "names"]],
    "confusion|follow": [["n't", "nt", "cannot", "unable"], ["follow"],
                         ["tv", "television", "conversation", "programme", "program", "story",
                          "film", "what"]],
    "jaundice_or_swollen_belly|fluid": [["belly", "tummy", "abdomen", "stomach"],
                                        ["fluid", "drained", "drain", "tapped"]],
    "dirty_wound|trod": [["trod", "tread", "treading", "stepped", "stood", "standing"],
                         ["nail", "nails", "tack", "tacks", "glass", "thorn", "thorns", "spike"]],
    "dirty_wound|through": [["nail", "tack", "glass", "thorn", "spike", "skewer"],
                            ["through", "into"],
                            ["shoe", "trainer", "boot", "foot", "sole", "welly", "wellie", "heel"]],
    "rest_pain_foot|even": [["toe", "toes", "foot", "feet"],
                            ["hurt", "hurts", "pain", "painful", "ache", "aches", "burn", "burns"],
                            ["even"], ["bed", "rest", "resting", "lying", "night", "sitting"]],
    "ulcer_or_black_toes|dark": [["toe", "toes"], ["dark", "darken", "darker", "purple"]],
    "shooting_pain_down_leg|shoots": [["shoot", "shoots", "shooting", "shot", "radiat", "travel",
                                       "travels", "zap", "zaps"],
                                      ["down"],
                                      ["leg", "calf", "thigh", "foot", "knee", "buttock", "bum",
                                       "hip"]],
    "severe_muscle_pain|limbs": [["thigh", "thighs", "legs", "calves", "muscles", "buttocks"],
                                 ["agony", "agonis", "agoniz", "excruciat", "unbearabl",
                                  "killing"]],
    "severe_muscle_pain|beaten": [["hit", "beaten", "kicked"], ["bus", "bat", "truck", "lorry"]],
    "severe_muscle_pain|screaming": [["thigh", "thighs", "legs", "calves", "muscles"],
                                     ["screaming"]],
    "cannot_bear_weight|floor": [["n't", "cannot", "unable", "not"], ["get", "getting"],
                                 ["up", "off"], ["floor", "ground"]],
    "saddle_numbness|bike": [["numb", "numbness", "tingl", "dead", "sensation"],
                             ["bike", "bicycle", "saddle"]],
    "saddle_numbness|else": [["someone", "somebody"], ["else's", "elses", "else"],
                             ["bum", "arse", "ass", "bottom", "backside", "privates", "wipe",
                              "wiping", "seat"]],
    "saddle_numbness|asleep": [["asleep", "sleep", "numb", "dead", "tingly", "tingling"],
                               ["privates", "genitals", "genital", "groin", "saddle", "vagina",
                                "penis", "scrotum"]],
    "in_deep_water_now|middle": [["middle"], ["lake", "loch", "quarry", "reservoir", "sea",
                                              "river", "pond", "estuary"]],
    "shooting_pain_down_leg|going": [["pain", "sciatica", "burning", "electric", "ache"],
                                     ["going", "goes", "runs", "running", "travelling",
                                      "radiating"],
                                     ["down"], ["leg", "legs", "buttock", "thigh", "calf",
                                                "foot"]],
    "leg_injury|over": [["went", "gone", "go", "goes", "rolled", "turned"], ["over"],
                        ["ankle", "ankles"]],
    "leg_injury|found": [["found", "lain"], ["floor", "ground"]],
    "leg_injury|fell": [["fell", "fall", "fallen", "slipped", "tripped"],
                        ["bathroom", "kitchen", "garden", "shower", "toilet", "stairs", "street",
                         "floor", "ice", "road", "bath", "bedroom", "yard", "park", "pavement",
                         "steps", "bus", "shop"]],
    "blood_low_sodium|low": [["sodium"], ["low", "lowish"]],
    "blood_low_potassium|low": [["potassium"], ["low", "lowish"]],
    "blood_low_magnesium|low": [["magnesium"], ["low", "lowish"]],
    "blood_low_calcium_or_vitamin_d|low": [["calcium"], ["low", "lowish"]],
    "blood_thyroid_underactive|test": [["blood", "bloods", "test", "tests", "result"], ["thyroid"],
                                       ["underactive", "low", "slow", "sluggish"]],
    "heavy_bleeding|period": [["period", "periods", "menstrual"],
                              ["heavy", "heavier", "flooding", "soaking"]],
    "blood_low_calcium_or_vitamin_d|vit": [["vitamin", "vit"], ["d"],
                                           ["low", "lowish", "deficien", "insufficien"]],
    "severe_headache|vice": [["head", "head's", "headache"], ["vice", "vise", "clamp"]],
    "dirty_wound|rusty": [["cut", "gash", "gashed", "stood", "stepped", "scratch", "scratched",
                           "caught", "ripped", "sliced"],
                          ["rusty", "rust", "barbed"]],
    "dirty_wound|dirt": [["cut", "gash", "gashed", "wound", "graze", "grazed", "puncture",
                          "punctured", "sliced", "ripped", "split", "laceration"],
                         ["mud", "muddy", "soil", "dirt", "dirty", "manure", "dung", "compost",
                          "deep", "deeply", "stable", "stables", "farmyard"]],
    "dirty_wound|gun": [["nail", "staple"], ["gun"], ["into", "through", "went", "fired"]],
    "severe_muscle_pain|severe": [["severe"], ["pain", "ache", "aching", "myalgia"],
                                  ["thigh", "thighs", "legs", "calves", "muscles", "buttocks",
                                   "quadriceps", "quads", "bilat", "bilateral"]],
    "severe_muscle_pain|swollen": [["thigh", "thighs", "quadriceps", "quads", "muscles"],
                                   ["painful", "tender", "pain", "sore"],
                                   ["swollen", "swelling"]],
    "sudden_swelling_face_hands|rings": [["ring", "rings"], ["fit", "go", "on", "off"],
                                          ["n't", "nt", "not", "cannot", "won't"]],
    "one_side_weakness_face_speech|side_asleep": [["side"], ["sleeping", "asleep", "dead", "numb"],
                                                  ["right", "left", "one", "whole"]],
    "one_side_weakness_face_speech|mouth_side": [["mouth", "face", "lip", "lips", "smile"],
                                                 ["going", "gone", "goes", "went", "pulled",
                                                  "pulling", "drawn", "twisted", "turned"],
                                                 ["side", "sideways"]],
    "one_side_weakness_face_speech|porridge": [["words", "speech", "talking", "talk"],
                                               ["porridge", "mush", "mushy", "gobbledygook",
                                                "gibberish"]],
    "mouth_tingling_hand_spasm|ants": [["mouth", "lips", "lip"],
                                       ["ants", "pins", "buzz", "buzzing", "fizz", "fizzing",
                                        "crawl", "crawling", "fizzy", "battery", "tingly",
                                        "electric"]],
    "mouth_tingling_hand_spasm|beak": [["fingers", "hand", "hands"],
                                       ["beak", "closed", "clench", "clenched", "claw", "clawed",
                                        "chicken", "bunching", "bunch", "bunched"]],
    "dirty_wound|animal": [["dog", "cat", "fox", "horse", "rat", "ferret"],
                           ["bit", "bitten", "bite", "teeth", "sank"]],
    "dirty_wound|nipped": [["nipped", "nip"], ["dog", "cat", "fox", "horse", "rat", "ferret"]],
    "loss_of_consciousness|floor": [["woke", "wake", "waking", "came"], ["floor", "ground"]],
    "tense_leg_after_injury|plaster": [["cast", "plaster", "backslab", "splint"],
                                       ["painkiller", "painkillers", "morphine", "paracetamol",
                                        "codeine", "ibuprofen"],
                                       ["touch", "touching", "help", "helping", "work", "working",
                                        "nothing", "agony", "screaming"]],
    "seizure|tongue": [["bit", "bitten", "biting", "bite"], ["tongue"]],
    "seizure|rigid": [["went", "gone", "goes", "go", "became", "become"], ["rigid", "stiff"],
                      ["shook", "shaking", "shake", "jerk", "jerked", "jerking", "twitched",
                       "twitching", "convuls"]],
    "coughing_blood|streaks": [["cough", "coughed", "coughing", "phlegm", "sputum", "spat"],
                               ["streak", "streaks", "streaked", "fleck", "flecks", "specks"]],
    "severe_headache|persists": [["headache", "headaches"], ["n't", "nt", "not", "never"],
                                 ["shift", "shifted", "budge", "budged", "ease", "eased",
                                  "settle", "settled", "lift", "lifted", "away", "touch",
                                  "touched", "dent", "dented"]],
    "severe_headache|analgesia": [["headache", "head"],
                                  ["analgesi", "paracetamol", "painkiller", "codeine", "ibuprofen",
                                   "tablets"],
                                  ["unresponsive", "resistant", "despite", "shift", "shifted",
                                   "touch", "touched", "help", "helped", "work", "worked",
                                   "refractory", "nothing", "useless", "unrelieved"]],
    "poisoning_suspected|chemical": [["drank", "drunk", "swallowed", "swallow", "ate", "eaten",
                                      "licked", "chewed", "sucked"],
                                     ["bleach", "antifreeze", "weedkiller", "pesticide",
                                      "detergent", "paraffin", "screenwash", "toadstool",
                                      "toadstools"]],
    "poisoning_suspected|mushroom": [["mushroom", "mushrooms", "toadstool", "toadstools", "fungi",
                                      "fungus"],
                                     ["wild", "picked", "pick", "collect", "collected", "forest",
                                      "foraged", "forag", "garden", "lawn", "park", "field",
                                      "woods"]],
    "poisoning_suspected|packets": [["empty", "missing", "open", "opened", "half-empty"],
                                    ["packet", "packets", "strip", "blister", "bottle", "tablets",
                                     "pills", "box"]],
    "past_neuro_episodes|sight": [["lost", "lose", "loss", "losing", "blurred", "blurry"],
                                  ["sight", "vision"], ["eye"],
                                  ["back", "recovered", "returned", "cleared", "ago", "last"]],
    "leg_weakness|wiggle": [["n't", "nt", "cannot", "unable"], ["wiggle", "wriggle"],
                            ["toe", "toes", "foot", "feet"]],
    "one_side_weakness_face_speech|face_numb": [["face", "facial", "cheek"], ["numb", "dead"],
                                                ["side", "left", "right", "half"]],
    "one_side_weakness_face_speech|grip": [["n't", "nt", "cannot", "unable", "drop", "dropping",
                                            "dropped"],
                                           ["grip", "hold", "lift"], ["right", "left"],
                                           ["hand", "arm"]],
    "calf_swollen_one_side|than": [["fatter", "bigger", "larger", "thicker", "wider", "puffier",
                                    "chunkier", "swollen", "fuller"],
                                   ["than"], ["left", "right", "other", "l", "r", "lt", "rt"]],
    "calf_swollen_one_side|pitting": [["pitting", "oedema", "edema"], ["only", "unilateral"],
                                      ["left", "right", "l", "r", "lt", "rt"]],
    "calf_swollen_one_side|clothes": [["jeans", "trousers", "trouser", "sock", "boot", "legging",
                                       "leggings", "stocking", "stockings"],
                                      ["tight", "tighter", "mark", "dig", "digs", "harder", "line",
                                       "dent", "indent", "groove", "ridge"],
                                      ["side", "left", "right", "one", "l", "r", "lt", "rt"]],
    "in_deep_water_now|hold": [["holding", "hanging", "clinging", "gripping", "hold", "hang",
                                "cling", "grip"],
                               ["buoy", "rope", "boat", "kayak", "paddleboard", "ladder", "float",
                                "noodle", "rock", "jetty", "pier", "surfboard", "board"]],
    "in_deep_water_now|off": [["off"], ["beach", "shore", "coast", "boat"],
                              ["m", "metres", "meters", "yards", "km", "way", "far", "miles",
                               "mile"]],
    "leg_weakness|trips": [["catch", "catching", "trip", "tripping", "scuff", "scuffing", "drag",
                            "dragging", "slap", "slapping"],
                           ["toe", "toes", "foot", "kerb", "kerbs", "curb", "curbs"]],
    "pop_in_calf": [["pop", "popped", "snap", "snapped", "twang", "twanged"],
                    ["felt", "heard", "calf", "leg", "achilles"]],
    "pop_in_calf|hit": [["whack", "whacked", "kick", "kicked", "hit", "struck", "shot"],
                        ["calf", "leg"],
                        ["someone", "somebody", "behind", "racket", "ball", "stone", "nobody"]],
    "palpitations": [["heart", "heartbeat", "pulse"],
                     ["racing", "races", "raced", "pounding", "pounds", "flutter", "fluttering",
                      "skipping", "skips", "thumping", "jumping", "galloping", "missing",
                      "hammering", "banging", "mad", "crazy"]],
    "unaccustomed_exercise|ever": [["first", "never", "more", "longer", "further", "farther",
                                    "harder", "biggest", "furthest", "longest"],
                                   ["ever", "before", "usual", "normal", "used"],
                                   ["hike", "hiking", "hiked", "run", "ran", "running", "race",
                                    "marathon", "training", "gym", "session", "workout", "match",
                                    "game", "class", "swim", "cycle", "ride", "walk", "walked",
                                    "trek", "climb", "shift", "squats", "exercise", "done"]],
    "tense_leg_after_injury|cast_tight": [["cast", "plaster", "backslab"], ["too"],
                                          ["tight", "tighter", "small"]],
    "tense_leg_after_injury|worse_than_break": [["worse"], ["than"],
                                                ["broke", "broken", "break", "fracture",
                                                 "fractured"]],
    "tense_leg_after_injury|board": [["leg", "shin", "calf", "thigh", "compartment"],
                                     ["board", "wood", "woody"],
                                     ["swollen", "swelling", "shiny"]],
    "tense_leg_after_injury|toes": [["toe", "toes", "foot", "ankle"],
                                    ["move", "moving", "bend", "bends", "pull", "stretch",
                                     "flex", "wiggle", "passive"],
                                    ["agony", "scream", "excruciat", "unbearable", "roof",
                                     "screaming", "agonis", "agoniz", "shoots"]],
    "saddle_numbness|wipe": [["wipe", "wiping", "wiped"],
                             ["strange", "odd", "different", "funny", "weird", "numb", "nothing",
                              "n't", "cannot", "dead", "else", "else's"]],
    "saddle_numbness|exam": [["s2", "s3", "s4", "s5", "perianal", "perineal", "saddle", "anal"],
                             ["reduced", "decreased", "lost", "absent", "altered", "diminished",
                              "lax", "impaired"]],
    "one_side_weakness_face_speech|limbs": [["right", "left"], ["arm", "upper", "shoulder", "elbow",
                                                                  "grip", "wrist"],
                                            ["leg", "lower", "hip", "thigh", "knee", "ankle"],
                                            ["weak", "weakness", "paralys", "paresis"]],
    "ankles_swollen_both": [["ankles", "feet", "legs", "shins", "calves"],
                            ["swollen", "swell", "swelling", "puffy", "puff", "oedema", "edema",
                             "oedematous", "bloated"]],
    "breathless|puffed": [["puffed", "puffing", "winded", "wheezing"],
                          ["stairs", "stair", "hill", "hills", "walking", "walk", "incline",
                           "going", "toilet", "bathroom", "kitchen", "moving", "dressing",
                           "talking"]],
    "breathless_lying_flat|pillows": [["pillow", "pillows"],
                                      ["sleep", "sleeps", "sleeping", "slept", "propped", "prop",
                                       "night"]],
    "breathless_lying_flat": [["flat", "pillow", "pillows", "propped", "recline", "lie", "lying"],
                              ["breath", "breathe", "breathing", "breathless", "sob", "dyspnoea",
                               "dyspnea", "gasp", "gasping", "puffed"]],
    "chest_pain": [["chest", "breastbone", "sternum", "retrosternal"],
                   ["pain", "hurt", "ache", "tight", "sharp", "pressure", "crush", "stab", "heavy",
                    "press"]],
    "breathless": [["breath", "breathe", "breathing", "air"],
                   ["short", "n't", "nt", "cannot", "hard", "struggl", "out", "difficult",
                    "catch", "enough", "fast", "rapid", "gasp"]],
    "calf_swollen_one_side": [["calf", "shin", "leg", "lower"],
                              ["swollen", "swell", "fatter", "bigger", "larger", "thicker",
                               "puffy", "balloon"]],
    "calf_warm_red|pinker": [["calf", "leg", "shin"], ["pinker", "redder"]],
    "calf_swollen_one_side|idiom": [["calf", "shin", "leg"],
                                    ["loaf", "rugby", "sausage", "ballooned", "puffed", "blown"]],
    "calf_swollen_one_side|fat": [["calf", "calf's", "shin", "leg"], ["fat"],
                                  ["angry", "achy", "sore", "hot", "warm", "tender", "gone",
                                   "since", "days", "red"]],
    "calf_tender": [["calf", "shin", "leg"], ["tender", "press", "touch", "squeez"],
                    ["sore", "hurt", "pain", "tender", "ouch"]],
    "calf_warm_red": [["calf", "shin", "leg"], ["warm", "hot", "red", "flush"]],
    "leg_cold_pale_sudden": [["leg", "foot", "calf"],
                             ["white", "pale", "blue", "blueish", "bluish", "grey", "mottl",
                              "wax", "waxy", "colour", "pallor", "whitish", "greyish", "gray",
                              "grayish", "ashen", "dusky", "purple", "purplish"],
                             ["cold", "icy", "ice", "numb", "numbness", "dead", "freezing",
                              "colder"],
                             ["sudden", "suddenly", "hour", "minute", "gone", "went", "just",
                              "other", "today", "tonight", "now", "acute", "onset", "ago"]],
    "saddle_numbness|altered": [["reduced", "altered", "decreased", "diminished", "lost", "loss",
                                 "abnormal", "strange", "odd", "funny"],
                                ["sensation", "feeling"],
                                ["between", "saddle", "perineum", "perineal", "groin", "genital",
                                 "privates"]],
    "saddle_numbness|seat": [["toilet", "loo", "seat"], ["feel", "feels", "felt", "feeling"],
                             ["weird", "odd", "funny", "strange", "numb", "n't", "cannot",
                              "different", "cushion"]],
    "saddle_numbness": [["numb", "numbness", "tingl"],
                        ["between", "groin", "saddle", "genital", "wip", "perineum", "perineal",
                         "privates", "below"]],
    "bladder_bowel_change": [["pee", "urine", "bladder", "wee", "bowel", "poo", "urinat",
                              "toilet"],
                             ["n't", "nt", "cannot", "unable", "lost", "leak", "wet", "incontinen",
                              "retention", "control", "accident"]],
    "bladder_bowel_change|2": [["stream", "flow", "wee", "pee", "urine", "urinat"],
                               ["start", "hesitan", "weak", "trickle", "dribbl"],
                               ["difficult", "trouble", "struggl", "hard", "n't", "nt", "cannot",
                                "new", "hesitan", "trickle", "dribbl", "strain", "push",
                                "pushing"]],
    "in_deep_water_now": [["lake", "sea", "river", "reservoir", "ocean", "buoy", "deep", "depth",
                           "water", "loch"],
                          ["still", "currently", "shout", "help", "stuck", "struggl", "scream",
                           "screaming", "yell", "yelling"],
                          ["cramp", "swim", "float", "drown", "sink", "seize"]],
    "tense_leg_after_injury|2": [["shin", "calf", "leg", "thigh", "foot"],
                                 ["tight", "tighter", "board", "tense", "swollen", "table", "rock",
                                  "concrete", "brick", "stone", "wood"],
                                 ["painkiller", "ibuprofen", "paracetamol", "codeine",
                                  "morphine", "analgesi", "out-of-proportion", "passive",
                                  "co-codamol", "cocodamol", "tramadol", "roof"],
                                 ["march", "run", "race", "training", "injur", "fall", "fell",
                                  "kick", "tackle", "fracture", "broke", "cast", "plaster",
                                  "crush", "accident", "exercise", "workout", "gym", "football",
                                  "rugby", "knock", "match", "hike", "squat", "drill", "bike",
                                  "landed", "crash", "crashed", "knocked", "ladder"]],
    "calf_pain_walking_relieved_rest": [["walk", "walking"],
                                        ["eas", "relie", "better", "settl", "goes", "disappear"],
                                        ["stop", "rest", "standing", "stand", "still", "pause"]],
    "calf_swollen_one_side|2": [["leg", "calf", "shin", "side"],
                                ["size", "big", "bigger", "cm", "circumference", "wider"],
                                ["other", "than"]],
    "calf_tender|2": [["calf", "shin"], ["touch", "press", "pressed"],
                      ["kill", "agony", "hurt", "excruciat", "scream", "unbearabl"]],
    "coughing_blood|throat": [["throat"], ["blood", "bloody", "streak"]],
    "coughing_blood": [["cough", "phlegm", "sputum", "spit", "spat", "brought", "hawk"],
                       ["blood", "bloody", "streak", "red"]],
    "quinine_bleeding": [["quinine", "tonic"],
                         ["bruis", "bleed", "blood", "nosebleed", "purple", "blotch", "rash",
                          "mark", "spot"]],
    "severe_muscle_pain": [["every", "all", "whole", "diffuse", "widespread"],
                           ["muscle", "myalgia"],
                           ["ache", "pain", "hurt", "scream", "sore", "agony", "terrible",
                            "myalgia"]],
    "severe_headache": [["headache", "head"],
                        ["severe", "bad", "worst", "terrible", "strong", "pound", "splitting",
                         "thunderclap", "unbearabl", "agony", "excruciat", "sick"]],
    "vision_change": [["eye", "vision", "sight", "see", "seeing", "visual"],
                      ["zigzag", "zig", "sparkl", "flash", "blur", "blurr", "fuzzy", "spot",
                       "star", "clear", "double", "light", "fog", "dim"]],
    "seizure": [["body", "arm", "limb", "whole"], ["jerk", "shak", "convuls"],
                ["all", "whole", "over", "leg", "floor", "fell", "fall", "stiff"]],
    "loss_of_consciousness|came_round": [["came", "come", "comes", "coming"], ["round", "around"],
                                         ["went", "down", "collapsed", "fainted", "floor",
                                          "unconscious", "seconds", "knocked"]],
    "loss_of_consciousness": [["answer", "respond", "responsive"],
                              ["n't", "nt", "not", "cannot", "unable"],
                              ["us", "me", "him", "her", "them", "anyone", "name"]],
    "one_side_weakness_face_speech|2": [["right", "left", "one", "half"], ["side"],
                                        ["body", "arm", "face"],
                                        ["numb", "heavy", "weak", "dead", "droop", "paralys"]],
    "bladder_bowel_change|strain": [["strain", "straining", "push", "pushing"],
                                    ["pass", "passing", "wee", "pee", "urine", "urinate"]],
    "saddle_numbness|2": [["feel", "sensation"], ["n't", "not", "cannot", "no"],
                          ["between", "privates", "bum", "bottom", "genital", "groin", "bicycle",
                           "saddle", "below", "toilet", "paper", "wiping", "wipe"]],
    "poisoning_suspected": [["swallow", "got", "drank", "drink", "took", "ate", "eaten"],
                            ["tablet", "pill", "bottle", "liquid", "chemical", "bleach",
                             "antifreeze", "weedkiller", "medicine", "poison", "berry", "berries"],
                            ["mistake", "many", "accident", "into", "whole", "packet", "garage",
                             "intentional", "nana", "gran", "grandma", "granny", "nan",
                             "grandad", "grandpa", "missing", "strip", "blister"]],
    "dark_urine": [["urine", "pee", "peed", "wee", "weed", "piss", "pissed", "urinat", "bottle",
                    "catheter"],
                   ["dark", "brown", "cola", "coke", "tea", "black", "red", "blood", "coffee",
                    "port", "guinness", "rust", "rusty", "stout", "mahogany", "treacle",
                    "bovril", "marmite"]],
    "dark_urine|water": [["water"], ["dark", "brown", "cola", "coke", "tea", "black"],
                         ["my", "his", "her", "passing", "passed", "pass"]],
    "tense_leg_after_injury": [["leg", "shin", "calf", "cast", "compartment", "thigh"],
                               ["burst", "bursting", "out-of-proportion"],
                               # the injury, the exercise or the failed pain relief: a night
                               # cramp "feels like it will burst" too
                               ["injur", "kick", "kicked", "tackle", "tackled", "fall", "fell",
                                "fracture", "fractured", "broke", "broken", "break", "cast",
                                "plaster", "morphine", "painkiller", "painkillers", "codeine",
                                "oramorph", "opioid", "opioids", "analgesia", "co-codamol",
                                "ibuprofen", "paracetamol", "match", "game", "pitch", "training",
                                "trained", "marathon", "ran", "race", "crush", "crushed",
                                "surgery", "op", "operation", "hit", "knock", "knocked",
                                "accident", "ward", "passive", "tense", "tight", "tighter",
                                "woody", "shiny", "swollen", "20k", "10k", "session", "gym",
                                "squats", "workout", "exercise", "screams", "scream",
                                "shout", "agony"]],
    "tense_leg_after_injury|drum": [["leg", "shin", "calf", "cast", "compartment", "thigh"],
                                    ["drum"],
                                    ["swollen", "swelling", "shiny", "injur", "fall", "fell",
                                     "kick", "tackle", "fracture", "broke", "cast", "plaster",
                                     "crush", "painkiller", "morphine", "agony", "march",
                                     "worse", "pins", "numb"]],
    "tense_leg_after_injury|tense": [["leg", "shin", "calf", "cast", "compartment", "thigh"],
                                     ["tense"],
                                     ["swollen", "swelling", "shiny", "hard", "agony", "excruciat",
                                      "out-of-proportion", "painkiller", "bursting", "woody",
                                      "wood", "tender", "exquisit", "morphine", "passive"]],
    "tense_leg_after_injury|compartment": [["compartment"], ["tense", "tight", "hard", "swollen"]],
    "muscle_wasting|than": [["leg", "calf", "thigh", "legs", "calves", "thighs"],
                            ["skinnier", "thinner", "smaller", "narrower", "shrunk", "shrunken"]],
    "tense_leg_after_injury|shin": [["shin", "shins"],
                                    ["table", "board", "concrete", "brick", "wood", "wooden",
                                     "rock"]],
    "cannot_bear_weight": [["weight", "stand", "step"],
                           ["n't", "nt", "cannot", "unable", "refus", "not"],
                           ["weight", "any", "all", "foot", "four", "4", "staff", "single",
                            "assist", "unaided", "frame", "zimmer"]],
    "one_side_weakness_face_speech": [["face", "mouth", "smile", "speech", "word", "talk",
                                       "speak", "lip"],
                                      ["droop", "lopsided", "slur", "slurr", "garbl", "jumbl",
                                       "wrong", "fallen", "drop", "muddl", "strange", "funny",
                                       "weird", "sag", "hang", "hanging", "hangs", "crooked",
                                       "slip", "thick"]],
    "stiff_jaw": [["jaw"], ["stiff", "tight", "lock", "clench", "hard", "rigid", "wired",
                           "clamped", "clamp", "shut", "vice", "seized", "locked"]],
    "stiff_jaw|2": [["open"], ["mouth", "jaw"], ["n't", "cannot", "barely", "hard", "difficult",
                                                 "struggl", "unable", "not"]],
    "venomous_bite": [["bit", "bite", "sting", "stung", "prick", "pinprick"],
                      ["spider", "snake", "scorpion", "adder", "jellyfish", "widow", "redback",
                       "stingray", "urchin", "viper"]],
    "ulcer_or_black_toes": [["toe", "foot", "heel", "shin", "ankle"],
                            ["black", "blacken", "gangren", "ulcer"]],
    "ulcer_or_black_toes|hole": [["hole", "wound", "ulcer", "crater"],
                                 ["toe", "foot", "heel", "sole"],
                                 ["fluid", "pus", "ooz", "weep", "weeping", "discharge", "sock",
                                  "smell", "n't", "not", "painless", "numb", "didnt", "doesnt",
                                  "cant", "cm", "mm"]],
    "ulcer_or_black_toes|heal": [["sore", "ulcer", "wound", "blister", "cut", "graze", "scab"],
                                 ["toe", "toes", "foot", "heel", "sole", "ankle", "shin"],
                                 ["heal", "healing", "healed"],
                                 ["n't", "nt", "not", "never", "slow", "refus"]],
    "ulcer_or_black_toes|appeared": [["appeared", "developed", "formed", "opened"],
                                     ["sore", "ulcer", "wound", "blister"],
                                     ["toe", "toes", "foot", "heel", "sole", "ankle", "shin"]],
    "ulcer_or_black_toes|found": [["hole", "crater"], ["toe", "toes", "foot", "heel", "sole"]],
    "red_cord_vein|line": [["line", "cord", "string", "rope"],
                           ["hard", "tender", "firm", "lumpy", "red", "pink", "pinkish", "warm"],
                           ["skin", "vein", "leg", "knee", "calf", "thigh", "shin"]],
    "rest_pain_foot": [["hang", "hung", "hanging", "dangl"], ["over", "side", "bed", "down"],
                       ["foot", "leg", "it"]],
    "muscle_wasting": [["muscle", "hand", "leg", "calf", "thigh", "arm", "shoulder"],
                       ["thinner", "wasting", "waste", "shrink", "shrunk"]],
    "muscle_twitching": [["muscle", "calf", "thigh", "arm", "skin"],
                         ["twitch", "ripple", "flicker", "jump"]],
    "rash_eyelids_knuckles": [["rash", "patch", "bump", "purple", "purplish"],
                              ["eye", "eyelid", "knuckle"]],
    "headache_new_progressive": [["headache"], ["morning", "worse", "worst", "getting", "sick",
                                                "vomit", "week"]],
    "hip_shoulder_weakness": [["get", "getting", "stand", "rise", "climb", "lift"],
                              ["sofa", "chair", "stair", "arm", "hair", "floor", "toilet"],
                              ["n't", "cannot", "struggl", "hard", "harder", "difficult",
                               "without"]],
    "mouth_tingling_hand_spasm": [["lip", "mouth", "perioral"], ["tingl", "pins", "numb",
                                                                 "numbness"]],
    "mouth_tingling_hand_spasm|2": [["finger", "hand"], ["claw", "spasm", "lock"]],
    "after_exercise": [["after"], ["class", "training", "run", "marathon", "gym", "match", "game",
                                    "drill", "workout", "exercise", "mow", "swim", "cycl",
                                    "football", "sport", "hike", "spin", "squat", "race"]],
    "during_exercise": [["play", "halfway", "during", "mid", "last", "when", "while", "second",
                         "end"],
                        ["squash", "football", "tennis", "race", "match", "game", "10k",
                         "marathon", "training", "workout", "exercise", "basketball", "netball",
                         "hockey", "rugby", "kilometre", "km", "mile", "lap", "hill", "pointe",
                         "climb", "sprint"]],
    "after_exercise|2": [["marathon", "race", "squat", "challenge", "gym", "workout", "match",
                          "training", "ran", "class", "hike", "session", "crossfit", "drill"],
                         ["yesterday", "yday", "today", "tonight", "last", "morning"],
                         ["now", "since", "after"]],
    "regular_sport": [["play", "run", "train", "compet"],
                      ["football", "basketball", "netball", "hockey", "rugby", "tennis", "squash",
                       "cross-country", "cricket", "soccer", "athletic", "club", "team", "races"]],
    "sudden_swelling_face_hands": [["face", "facial", "hand", "finger", "eyelid", "eye"],
                                   ["swollen", "swell", "puffy", "puff", "oedema", "edema",
                                    "sausage", "balloon"]],
    "red_hot_spreading_skin|patch": [["patch", "redness", "red", "pink", "angry"],
                                     ["grown", "marching", "creeping", "bigger", "doubled",
                                      "spreading", "spread", "size"],
                                     ["shin", "leg", "foot", "calf", "ankle", "skin", "patch"]],
    "red_hot_spreading_skin": [["red", "redness", "hot", "erythema", "erythematous"],
                               ["spread", "spreading", "growing", "bigger", "extending", "creep",
                                "tracking", "climbing", "above", "beyond", "further"]],
    "red_cord_vein": [["vein"], ["red", "redness", "erythema"],
                      ["hard", "cord", "lump", "line", "tender", "sore", "pain", "firm"]],
    "joint_hot_swollen": [["toe", "joint", "knuckle", "bunion"],
                          ["red", "hot", "burn", "fire", "inflam"],
                          ["swollen", "swell", "puffy", "inflam", "shiny"]],
}  # fmt: skip


VETO: dict[str, list[str]] = {
    "calf_swollen_one_side": ["belly", "tummy", "abdomen", "stomach", "eyes"],
    "leg_weakness": ["school", "field", "road", "coach", "holiday"],
    "seizure": ["knee", "ankle", "reflex", "reflexes", "brisk", "fasciculation", "fasciculations"],
    "poisoning_suspected": ["every", "daily", "regularly", "habitually"],
    "seizure|rigid": [
        "calf",
        "calves",
        "leg",
        "legs",
        "muscle",
        "muscles",
        "foot",
        "feet",
        "toe",
        "toes",
        "thigh",
        "hamstring",
        "fever",
        "temperature",
        "shiver",
        "cold",
        "freezing",
        "rigor",
        "rigors",
        "jaw",
        "neck",
    ],
    "loss_of_consciousness": ["phone", "phones", "calls", "texts", "messages", "email", "door"],
    "leg_cold_pale_sudden": ["raynaud", "raynauds", "winter"],
    "rest_pain_foot": ["pool", "swim", "swimming", "lengths", "boat", "wall", "rail", "rope"],
    "in_deep_water_now": ["lane", "poolside"],
    "blood_low_sodium": ["diet", "salt", "food", "foods", "rich"],
    "blood_low_potassium": ["diet", "food", "foods", "rich"],
    "blood_low_magnesium": ["diet", "food", "foods", "rich", "dose"],
    "blood_low_calcium_or_vitamin_d": ["diet", "food", "foods", "rich", "dose", "supplement"],
    "severe_breathlessness": [
        "cold",
        "raynaud",
        "raynauds",
        "winter",
        "pool",
        "ice",
        "lolly",
        "lipstick",
        "blueberr",
        "blackcurrant",
    ],
    "one_side_weakness_face_speech": ["tingl", "tingling", "tingle", "pins"],
    "tense_leg_after_injury": [
        "erythema",
        "cellulitis",
        "little",
        "vein",
        "veins",
        "varicose",
        "heavy",
        "stockings",
        "hairdresser",
    ],
    "calf_warm_red": [
        "mile",
        "ride",
        "rides",
        "race",
        "sun",
        "dry",
        "neoprene",
        "socks",
        "advice",
        "humid",
        "weather",
        "sunny",
        "heatwave",
        "everyone",
        "everybody",
        "else",
        "same",
        "pulses",
        "palpable",
        "perfused",
        "tongue",
        "spider",
        "lips",
        "eyes",
        "face",
        "cheeks",
        "nose",
        "throat",
    ],
    "ulcer_or_black_toes": [
        "colitis",
        "peptic",
        "duodenal",
        "gastric",
        "mouth",
        "shoe",
        "shoes",
        "boots",
        "trainers",
        "wear",
        "wearing",
        "polish",
        "varnish",
    ],
    "ulcer_or_black_toes|heal": ["colitis", "peptic", "duodenal", "gastric", "mouth"],
    "venomous_bite": ["naevi", "nevi", "naevus", "nevus", "angioma", "angiomas", "veins"],
    "cannot_bear_weight": [
        "lost",
        "lose",
        "losing",
        "gain",
        "gained",
        "gaining",
        "thought",
        "idea",
        "sight",
        "smell",
        "more",
        "anymore",
        "see",
        "arch",
        "arches",
    ],
    "ankles_swollen_both": ["one", "left", "right", "l", "r", "lt", "rt", "unilateral", "only"],
    "dark_urine": ["yellow", "orange", "amber", "concentrat"],
    "saddle_numbness": ["intact", "normal"],
}
"""Words that stop a rule in that clause ("dark yellow" or "concentrated" urine is not cola;
"saddle sensation intact" is a normal finding)."""

NORMAL_RULES: dict[str, list[list[str]]] = {
    "ankles_swollen_both|not": [["ankles", "ankle"], ["not", "n't", "nt", "no"],
                                ["swollen", "swelling", "puffy"]],
    "palpitations|rate": [["heart"], ["rate", "beat", "rhythm"],
                          ["fine", "normal", "ok", "okay", "regular"]],
    "feet_always_cold|warm": [["feet", "foot"], ["warm", "warmer"]],
    "calf_tender|snt": [["calf", "calves", "leg", "legs"], ["snt", "non-tender", "nontender"]],
    "tense_leg_after_injury|soft": [["calf", "calves", "compartment", "compartments"], ["soft"]],
    "leg_weakness|power": [["power", "strength"], ["5/5", "intact", "normal", "full", "preserved"]],
    "hip_shoulder_weakness|power": [["proximal"], ["power", "strength"],
                                    ["5/5", "intact", "normal", "full", "preserved"]],
    "tingling_numbness|sensation": [["sensation", "sensory"], ["intact", "normal", "preserved"]],
    "skin_break|intact": [["skin"], ["intact", "unbroken"]],
    "poor_sleep|well": [["sleeping", "sleep", "sleeps"], ["well", "fine", "soundly"]],
    "low_fluid_intake|normally": [["eating", "drinking", "fluids"], ["normally", "well"]],
    "back_pain|hurt": [["back"], ["n't", "nt", "not"], ["hurt", "hurts", "ache", "aches", "sore"]],
    "heavy_alcohol|teetotal": [["teetotal", "tee-total", "teetotaller", "teetotaler"]],
    "dark_urine": [["pee", "urine", "wee", "urinat"], ["normal", "fine", "clear", "ok", "okay",
                                                       "usual", "pale"]],
    "bladder_bowel_change": [["pee", "wee", "bladder", "bowel", "poo", "toilet"],
                             ["fine", "normal", "ok", "okay"]],
    "high_blood_pressure_pregnancy": [["pressure", "bp"], ["normal", "fine", "ok", "okay", "good"]],
    "cannot_bear_weight": [["able", "can"], ["weight", "walk"], ["bear", "on", "weight"]],
    "breathless": [["breath", "breathing"], ["fine", "normal", "ok", "okay"]],
    "saddle_numbness": [["saddle", "perianal", "perineal"], ["intact", "normal", "fine"]],
    "calf_swollen_one_side": [["not", "n't", "nt", "nothing", "non", "neither", "nor"],
                              ["swollen", "swell", "puffy"]],
    "calf_warm_red": [["not", "n't", "nt", "non", "neither", "nor", "nothing"],
                      ["red", "hot", "warm"]],
    "severe_headache": [["no", "not", "n't", "nt", "nil", "without", "denies", "deny", "never"],
                        ["headache"]],
    "cannot_bear_weight|2": [["can", "able", "walked", "walking", "walks"],
                             ["walk", "stand", "weight"],
                             ["fine", "ok", "okay", "normal", "own", "off", "unaided", "bear"]],
    "fever": [["afebrile", "apyrexial"]],
    "calf_swollen_one_side|2": [["calf", "calves", "leg", "legs"],
                                ["symmetrical", "symmetric", "same", "equal"]],
    "leg_cold_pale_sudden": [["foot", "feet", "limb", "limbs", "leg", "legs", "toe"],
                             ["pink", "perfused", "palpable"]],
    "confusion": [["alert", "orientated", "oriented", "lucid"]],
    "severe_muscle_pain": [["no", "nil", "denies", "without"], ["myalgia", "muscle"],
                           ["pain", "ache", "achy", "aching", "myalgia"]],
    "tense_leg_after_injury": [["not", "n't", "nothing", "no"], ["tight", "tense"],
                               ["leg", "calf", "shin", "thigh"]],
    "cannot_bear_weight|3": [["fully", "full", "fwb", "gait"], ["weight", "fwb", "normal"]],
    "red_hot_spreading_skin": [["no", "nil", "without"], ["redness", "erythema", "cellulitis"]],
    "stiff_jaw": [["jaw", "mouth", "chew"], ["fine", "ok", "okay", "normal", "wide"]],
    "severe_headache|2": [["head"], ["fine", "ok", "okay", "normal", "clear"]],
    "vision_change": [["eyesight", "vision", "visual", "sight"],
                      ["normal", "fine", "ok", "okay", "clear", "good", "no", "nil", "denies"]],
    "sudden_swelling_face_hands": [["face", "ring", "rings"], ["normal", "fine", "easily"]],
    "one_side_weakness_face_speech": [["face", "facial", "speech", "talking", "focal"],
                                      ["symmetrical", "symmetric", "normal", "fine"]],
    "venomous_bite": [["no", "nil", "without"], ["bite", "sting"]],
    "in_deep_water_now": [["out", "back", "home", "beach", "shore", "bank"],
                          ["now", "safe"], ["pool", "water", "sea", "lake", "beach", "shore",
                                            "bed", "side", "shallow"]],
    "in_deep_water_now|home": [["home", "ashore", "dry", "indoors"], ["now", "safe", "back"],
                               ["i'm", "im", "i", "am", "we're", "he's", "she's", "is", "are"]],
    "fever|2": [["temp", "temperature"], ["normal", "fine", "ok", "okay"]],
    "bladder_bowel_change|2": [["sphincter", "anal", "bladder", "bowel"],
                               ["intact", "normal", "fine"]],
}  # fmt: skip
"""Findings stated as normal ("my pee is a normal colour"): these rules record them absent."""


def _stems(group: list[str]) -> list[str]:
    return [stem(w) for w in group]


COMPILED = [(key.split("|")[0], [_stems(g) for g in groups]) for key, groups in RULES.items()]
NORMAL = [(key.split("|")[0], [_stems(g) for g in groups]) for key, groups in NORMAL_RULES.items()]


def _flag(name: str) -> tuple[Callable[[Span], bool], Callable[[Span, bool], None]]:
    """A span flag kept per label: spaCy keys span extension values by offsets only, so two
    findings read from the same words ("calf isn't swollen") would share one value."""

    def key(span: Span) -> str:
        return f"crampcheck:{name}:{span.start}:{span.end}:{span.label_}"

    def get(span: Span) -> bool:
        return bool(span.doc.user_data.get(key(span), False))

    def set_(span: Span, value: bool) -> None:
        span.doc.user_data[key(span)] = value

    return get, set_


for _name in ("normal", "stated_only", "inner_negated"):
    if not Span.has_extension(_name):
        _get, _set = _flag(_name)
        Span.set_extension(_name, getter=_get, setter=_set)


def _matches(norm: str, word: str) -> bool:
    return norm == word or (len(word) >= PREFIX_LENGTH and norm.startswith(word))


# Speed (see docs/benchmarks.md, "Profile and fix"): every word group gets a number, each
# distinct token norm is matched against all groups once (cached), and a document's hits
# are collected in one pass, so a rule looks up sorted positions instead of rescanning
# every token of the sentence for every word of every group.
GROUPS: list[tuple[frozenset[str], tuple[str, ...]]] = []
_GROUP_IDS: dict[tuple[str, ...], int] = {}


def _group_id(group: list[str]) -> int:
    key = tuple(sorted(set(group)))
    if key not in _GROUP_IDS:
        _GROUP_IDS[key] = len(GROUPS)
        long = tuple(w for w in key if len(w) >= PREFIX_LENGTH)
        GROUPS.append((frozenset(group), long))
    return _GROUP_IDS[key]


RULE_GROUPS = [(fid, [_group_id(g) for g in groups]) for fid, groups in COMPILED]
RULE_WINDOW_OF: list[int | None] = [RULE_WINDOWS.get(key) for key in RULES]
RULE_KEYS = list(RULES)
NORMAL_KEYS = list(NORMAL_RULES)
NORMAL_GROUPS = [(fid, [_group_id(g) for g in groups]) for fid, groups in NORMAL]
VETO_GROUPS = {fid: _group_id(_stems(words)) for fid, words in VETO.items()}
NORMAL_VETO = {"cannot_bear_weight": ["goes", "ache", "aches", "aching"],
               "in_deep_water_now": ["still", "struggl", "shout", "shouting", "drown", "sink",
                                     "far", "sinking", "m", "metres", "meters", "yards",
                                     "jetty", "pier", "floating", "float"]}  # fmt: skip
"""Words that keep an absence rule from firing: "still out in the lake right now, shouting"
or "50 m out from the jetty" is not "out (of the water) now"."""
NORMAL_VETO_GROUPS = {fid: _group_id(_stems(words)) for fid, words in NORMAL_VETO.items()}
CACHE_SIZE = 65_536


@lru_cache(maxsize=CACHE_SIZE)
def groups_of(norm: str) -> tuple[int, ...]:
    """The numbers of the word groups that ``norm`` matches (exactly, or by a long prefix)."""
    return tuple(
        n for n, (exact, long) in enumerate(GROUPS) if norm in exact or norm.startswith(long)
    )


INNER_NEGATIONS = frozenset(
    stem(w) for w in ("not", "n't", "nt", "no", "never", "nor", "neither", "without", "non",
                      "nothing", "negative", "nil")
)  # fmt: skip
"""Denials inside a rule's span; a phrase's denials come before it and negspacy reads them."""
INNER_HYPOTHETICALS = frozenset({"if", "whether", "unless"})
IF_IS_THE_FINDING = frozenset({"tense_leg_after_injury", "rest_pain_foot"})
"""Findings told with an "if" that is the sign itself: "agony if I move my toes", "easier if I
hang my foot over the side of the bed"."""
"""A condition inside a rule's span ("stop the quinine if I get bruising") makes it
hypothetical."""
CLAUSE_WORDS = frozenset({";", "but", "however", "although", "though", "whereas", "except"})
SUBJECTS = frozenset({"i", "i'm", "im", "my", "he", "she", "we", "his", "her", "their", "our",
                      "you", "your", "there", "theres"})  # fmt: skip
"""A comma or "and" followed by one of these starts a new clause ("..., and my ankles swell",
"..., in the day he feels numb"). "It" and "they" do not: they point back ("my pee, it was
like cola")."""
SUBJECT_LOOKAHEAD = 2
FILLERS = frozenset({"and", "then", "also", "now", "so", "twice", "once", "since", "later",
                     "today", "yesterday", "sometimes", "often", "suddenly"})  # fmt: skip
"""Words skipped after a comma before looking for a new clause's subject."""
NEGATION_REACH = 4
CONTRAST = frozenset({"but", "though", "although", "yet", "except", ";", "."})
"""Words that end an inner denial's reach: "not sore but red" is red."""
NEGATION_IS_THE_FINDING = ("heal",)
NEGATED_WORDS_OF = {
    "severe_headache": frozenset(stem(w) for w in ("shift", "touch", "help", "work", "budge")),
    "sudden_swelling_face_hands": frozenset(stem(w) for w in ("fit", "go", "on", "off")),
    "tense_leg_after_injury": frozenset(stem(w) for w in ("touch", "touching", "help",
                                                           "helping", "work", "working")),
    "in_deep_water_now": frozenset(stem(w) for w in ("swim", "float", "kick", "stand", "touch",
                                                      "reach")),
    "severe_breathlessness": frozenset(stem(w) for w in ("few", "couple", "words")),
}  # fmt: skip
"""Words whose denial is the finding itself, for one finding: a headache paracetamol "won't
shift", rings that "won't go on", a swimmer who "cannot swim"."""
"""A sore that "won't heal" or "has not healed" is the finding, not its denial."""
"""A denial inside a rule's span counts only this close before one of the rule's words
("calf is not swollen"), not anywhere ("a cramp that never lets go, and it's fatter")."""
DENIED_WHEN_NEXT = frozenset({"short", "out", stem("breathless")})
LINKING = frozenset(stem(w) for w in ("been", "be", "feel", "felt", "get", "got", "become"))
"""A rule word "n't" right before these is a denial, not the finding ("isn't short of breath",
"not out of breath"); "can't breathe", "can't catch my breath" stay the finding."""
ASIDES = frozenset({"think", "guess", "believe", "reckon", "suppose", "mean", "know"})
"""", I think, ..." is an aside, not a new clause; ", so I think it's puffy" is a new clause."""


def _new_subject_after(norms: list[str], i: int, end: int) -> bool:
    """Does a new clause with its own subject start after the comma or "and" at ``i``?"""
    word, after_comma = norms[i], i + 1
    while word == "," and after_comma < end and norms[after_comma] in FILLERS:
        after_comma += 1  # ", and twice my hand ...": the subject comes after fillers
    ahead = norms[after_comma : min(end, after_comma + SUBJECT_LOOKAHEAD)]
    if word == "and":
        ahead = ahead[:1]
    for next_word in ahead:
        if next_word in (",", ".", ";"):
            return False
        if next_word in SUBJECTS:
            after = norms.index(next_word, i + 1) + 1
            aside = after < end and norms[after] in ASIDES
            return not (aside and (after + 1 >= end or norms[after + 1] in (",", ".", ";")))
    return False


def clause_bounds(norms: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence [start, end) of lower-case words: a rule's words must share
    one clause."""
    bounds, left = [], start
    for i in range(start, end):
        word = norms[i]
        cut = word in CLAUSE_WORDS or (word in (",", "and") and _new_subject_after(norms, i, end))
        if cut:
            if i > left:
                bounds.append((left, i))
            left = i + 1
    if end > left:
        bounds.append((left, end))
    return bounds


class _Hits:
    """Where each word group matches in one document, and its clauses' bounds."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.norms = [token.norm_ for token in doc]
        self.at: dict[int, list[int]] = {}
        for i, norm in enumerate(self.norms):
            for group in groups_of(norm):
                self.at.setdefault(group, []).append(i)
        lower = [token.lower_ for token in doc]
        sents = [(s.start, s.end) for s in doc.sents]
        self.pairs = [(a[0], b[1]) for a, b in pairwise(sents)] or sents
        self.clauses = [c for s in doc.sents for c in clause_bounds(lower, s.start, s.end)]

    def within(self, start: int, end: int, group: int) -> list[int]:
        """Token positions in [start, end) that match ``group``, in order."""
        found = self.at.get(group)
        if not found:
            return []
        return found[bisect_left(found, start) : bisect_left(found, end)]


def _fire(
    hits: _Hits,
    start: int,
    end: int,
    groups: list[int],
    window: int = WINDOW,
    comma_free: bool = False,
) -> tuple[int, int] | None:
    positions = [hits.within(start, end, g) for g in groups]
    if not all(positions):
        return None
    # the earliest window holding a word of every group ("when I wipe after the toilet it
    # feels like I'm wiping someone else's": the second "wiping" starts the window)
    for first in sorted({p for pos in positions for p in pos}):
        ends = [next((p for p in pos if p >= first), None) for pos in positions]
        if any(e is None for e in ends):
            return None  # a group has no word at or after this start, nor any later one
        last = max(e for e in ends if e is not None)
        if hits.norms[first] in ("n't", "nt") and first > start:
            first -= 1  # keep "ca n't" whole, so the rule's own "can't" is not read as a denial
        if last - first < window and not (comma_free and "," in hits.norms[first : last + 1]):
            return first, last + 1
    return None


def _denies_something_else(
    hits: _Hits, hit: tuple[int, int], groups: list[int], label: str
) -> bool:
    """An absence rule's denial that is of something else: "swollen so his shoes don't fit"
    (the denial must come first for these findings), "a headache that won't shift" (relief
    failed; the finding persists)."""
    if label in DENIAL_FIRST and not _denial_first(hits, hit, groups):
        return True
    return any(
        hits.norms[p] in ("n't", "nt", "not", "never") and _relief_failed(hits.norms, p)
        for p in range(hit[0], hit[1])
    )


def _first_hit(
    hits: _Hits,
    groups: list[int],
    label: str,
    normal: bool = False,
    window: int | None = None,
    key: str = "",
) -> Span | None:
    """``key`` is the rule's own name ("seizure|rigid"): a veto of that rule alone, else of
    every rule of ``label``."""
    if not all(group in hits.at for group in groups):
        return None  # some word group has no word anywhere in the text
    vetoes = NORMAL_VETO_GROUPS if normal else VETO_GROUPS
    veto = vetoes.get(key, vetoes.get(label))
    wide = label in SENTENCE_SCOPE and not normal
    for start, end in hits.pairs if wide else hits.clauses:
        if veto is not None and hits.within(start, end, veto):
            continue
        reach = window or (SENTENCE_WINDOW if wide else TIGHT.get(label, WINDOW))
        hit = _fire(hits, start, end, groups, reach, comma_free=label in TIGHT)
        if hit is not None and normal and _denies_something_else(hits, hit, groups, label):
            continue
        if (
            hit is not None
            and label in AS_WRITTEN
            and not any(hits.doc[i].lower_ in AS_WRITTEN[label] for i in range(hit[0], hit[1]))
        ):
            continue  # "my lower leg is swollen" is one leg; the rule wants "legs", "ankles"
        if hit is not None and label in TIGHT and "," in hits.norms[hit[0] : hit[1]]:
            continue  # "isn't swollen, breathing fine": the denial belongs to the swelling
        if hit is not None:
            span = Span(hits.doc, hit[0], hit[1], label=label)
            span._.inner_negated = _negated_inside(hits, hit, groups, label)
            span._.stated_only = label in STATED_ONLY and not normal
            if span._.stated_only and span._.inner_negated:
                continue  # "ankles not swollen": left to the absence rule, which names them
            if label not in IF_IS_THE_FINDING and any(
                hits.norms[i] in INNER_HYPOTHETICALS for i in range(hit[0], hit[1])
            ):
                continue
            return span
    return None


AS_WRITTEN = {"ankles_swollen_both": frozenset({"ankles", "feet", "legs", "shins", "calves",
                                                 "calfs", "both"}),
              "severe_breathlessness": frozenset({"lips", "lip", "words", "word", "sitting",
                                                  "seated", "rest", "resting",
                                                  "chair"})}  # fmt: skip
"""Rules that need one of these words exactly as written: stems make "legs" and "leg" alike,
and "out of breath and must sit" (after the stairs) alike with "breathless sitting still"."""
STATED_ONLY = frozenset({"ankles_swollen_both"})
"""Rules that read a sign when it is stated but not when it is denied: "no swelling in my legs"
denies a swollen calf, and is not also a denial of swollen ankles."""
DENIAL_FIRST = frozenset({"calf_swollen_one_side", "calf_warm_red"})
"""Absence rules whose denial must come before the sign ("not swollen", "isn't red")."""


def _denial_first(hits: _Hits, hit: tuple[int, int], groups: list[int]) -> bool:
    denials, signs = (hits.within(hit[0], hit[1], g) for g in groups[:2])
    return any(d < s for d in denials for s in signs)


RELIEF_WORDS = frozenset(
    stem(w)
    for w in ("shift", "shifted", "budge", "budged", "ease", "eased", "settle", "settled",
              "clear", "cleared", "improve", "improved", "lift", "lifted", "touch", "touched",
              "help", "helped")
)  # fmt: skip
"""After a negation, these tell that relief failed ("a headache that won't shift", "hasn't
budged with paracetamol"): the finding persists, it is not denied. Not "go", "stop" or "work":
"didn't go cold", "hands have never gone into spasm" are denials."""


def _relief_failed(norms: list[str], i: int) -> bool:
    nxt = norms[i + 1] if i + 1 < len(norms) else ""
    if nxt in ("be", "been") and i + 2 < len(norms):
        nxt = norms[i + 2]
    return nxt in RELIEF_WORDS


def _negated_inside(hits: _Hits, hit: tuple[int, int], groups: list[int], label: str = "") -> bool:
    """ "calf isn't swollen", "leg not red": a denial between the rule's own words.

    Words a rule needs ("can't" in "can't breathe") are the finding, not a denial of it."""
    own = {p for g in groups for p in hits.within(hit[0], hit[1], g)}
    own -= {p for p in own if hits.norms[p].startswith(NEGATION_IS_THE_FINDING)}
    own -= {p for p in own if hits.norms[p] in NEGATED_WORDS_OF.get(label, ())}
    # "isn't short of breath": a rule's own "n't" denies when the next word is "short" or "out"
    own -= {
        p
        for p in own
        if hits.norms[p] in ("n't", "nt", "not")
        and p + 1 < len(hits.norms)
        and (
            hits.norms[p + 1] in DENIED_WHEN_NEXT
            or (  # "haven't been breathless", "didn't feel short of breath"
                hits.norms[p + 1] in LINKING
                and p + 2 < len(hits.norms)
                and hits.norms[p + 2] in DENIED_WHEN_NEXT
            )
        )
    }
    return any(
        hits.norms[i] in INNER_NEGATIONS
        and i not in own
        and not (i - 1 in own and hits.norms[i - 1] == "cannot")  # "can not" is one word
        and not _relief_failed(hits.norms, i)
        and any(
            i < p <= i + NEGATION_REACH
            and not any(hits.norms[k] in CONTRAST for k in range(i + 1, p))
            for p in own
        )
        for i in range(hit[0] + 1, hit[1] - 1)
    )


NORMAL_EVEN_IF_STATED = frozenset({"in_deep_water_now"})
"""Absence rules looked for even when the finding was stated: "I nearly drowned ... I'm home
now" (the reader then lets the absence win, see ``reader.DENIAL_WINS``)."""


def co_occurrence(span_key: str) -> Callable[[Doc], Doc]:
    """A pipeline component that adds a span for every rule that fires and no phrase found."""

    def add(doc: Doc) -> Doc:
        found = {s.label_ for s in doc.spans[span_key]}
        extra = []
        hits = _Hits(doc)
        for normal, rules, windows, keys in (
            (False, RULE_GROUPS, RULE_WINDOW_OF, RULE_KEYS),
            (True, NORMAL_GROUPS, [None] * len(NORMAL_GROUPS), NORMAL_KEYS),
        ):
            for (fid, groups), window, key in zip(rules, windows, keys, strict=True):
                skip = normal and fid in found and fid not in NORMAL_EVEN_IF_STATED
                span = None if skip else _first_hit(hits, groups, fid, normal, window, key)
                if span is not None:
                    span._.normal = normal
                    extra.append(span)
                    found.add(fid)
        doc.spans[span_key] = [*doc.spans[span_key], *extra]
        return doc

    return add
