"""Text crampcheck cannot read gets a clear message; nothing crashes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from crampcheck.cli import app
from crampcheck.engine.model import default_model
from crampcheck.errors import UserInputError
from crampcheck.understand.checks import MAX_TEXT, check_text
from crampcheck.understand.reader import read_text

MODEL = default_model()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the story is empty"),
        ("   \n\t ", "the story is empty"),
        ("x" * (MAX_TEXT + 1), f"at most {MAX_TEXT} are read"),
        ("cramps\x00\x01\x02 at night", "control character"),
        ("\U0001f9b5\U0001f62b\U0001f4a2", "the story is empty"),
        ("У меня ночью сводит икры, болит нога уже месяц", "reads English only"),  # noqa: RUF001
        ("ふくらはぎが夜につります。痛いです。毎晩です。", "reads English only"),
    ],
)
def test_unreadable_text_gets_a_specific_message(text: str, message: str) -> None:
    with pytest.raises(UserInputError, match=message):
        check_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Day 2 post total thyroidectomy. Perioral tingling, carpopedal spasm. Chvostek positive.",
        "Today frontal headache unrelieved by paracetamol",
        "Jaw fine, neck supple, swallowing ok",
    ],
)
def test_a_terse_clinical_note_is_english_enough(text: str) -> None:
    """Function words are missing from clinical shorthand; its words are still English."""
    assert check_text(text) == text


NOTE_OF_DRUG_NAMES = (
    "ROS: palps +.\nLegs: nocturnal calf cramps bilat ++, ankle oedema -.\n"
    "Meds: salbutamol PRN, amlodipine 10 mg."
)


def test_a_note_made_mostly_of_drug_names_and_abbreviations_is_read() -> None:
    """Fewer than half its words are in the dictionary, but the reader's own lexicon knows
    "salbutamol", "amlodipine" and "bilat"."""
    with pytest.raises(UserInputError, match="reads English only"):
        check_text(NOTE_OF_DRUG_NAMES)  # without the lexicon
    read = {f.id: f.value for f in read_text(default_model(), NOTE_OF_DRUG_NAMES)}
    assert read["med_beta2_agonist"] is True and read["med_calcium_channel_blocker"] is True


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe seit Wochen Krämpfe in den Waden, besonders nachts und beim Sport im Verein.",
        "Tengo calambres en las piernas por la noche y me duele mucho",
        "J'ai des crampes aux jambes la nuit depuis trois semaines",
    ],
)
def test_a_story_in_another_latin_script_language_is_refused(text: str) -> None:
    """An English-looking word ("in", "me") no longer lets another language through: most of
    the words must be English."""
    with pytest.raises(UserInputError, match="reads English only"):
        check_text(text)
    with pytest.raises(UserInputError, match="reads English only"):
        read_text(default_model(), text)  # the lexicon's words do not let it through


def test_emoji_in_a_story_are_ignored() -> None:
    found = {f.id: f.value for f in read_text(MODEL, "my calf cramps at night \U0001f62b")}
    assert found["night_cramps"] is True


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes_the_reader(text: str) -> None:
    try:
        found = read_text(MODEL, text)
    except UserInputError:
        return
    assert all(f.id in MODEL.findings for f in found)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="abc '\"()[]{}", min_size=1, max_size=3000))
def test_long_tokens_and_nested_quotes_never_crash(text: str) -> None:
    found = {f.id for f in read_text(MODEL, "my calf cramps " + text)}
    assert "site_calf" in found


def test_the_cli_refuses_bad_text_with_exit_code_2_and_no_traceback() -> None:
    result = CliRunner().invoke(app, ["assess", "--text", "   "])
    assert result.exit_code == 2
    assert "the story is empty" in result.stderr
    assert "Traceback" not in result.output
