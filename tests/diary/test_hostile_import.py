"""Hostile import files: every diary import path raises only crampcheck's own errors and
imports nothing on error (counted on a real SQLite file before and after).

Paths: CSV and JSON (``crampcheck diary import``) and a FHIR Bundle
(``crampcheck import --format fhir``), each with arbitrary documents and with
mutations of a valid export.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import Engine

from crampcheck.diary.db import open_engine, transaction
from crampcheck.diary.io import import_file
from crampcheck.diary.repository import count_episodes, get_profile, update_profile
from crampcheck.errors import CrampcheckError
from crampcheck.report.fhir import export_bundle, import_bundle, read_bundle_file
from tests.diary.conftest import episode

DEEP = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a":' * 50_000 + "1" + "}" * 50_000


class Diary:
    """A real SQLite diary with a few episodes and a profile, and its valid exports.

    A plain class, not a dataclass: Hypothesis prints dataclasses field by field.
    """

    def __init__(
        self, engine: Engine, folder: Path, csv: str, json: str, bundle: dict[str, Any]
    ) -> None:
        self.engine, self.folder = engine, folder
        self.csv, self.json, self.bundle = csv, json, bundle
        self.n = 0

    def __repr__(self) -> str:
        return f"Diary({self.engine.url})"

    def state(self) -> tuple[int, Any]:
        with transaction(self.engine, write=False) as session:
            return count_episodes(session), get_profile(session)

    def write(self, name: str, data: str | bytes) -> Path:
        self.n += 1
        path = self.folder / f"{self.n}-{name}"
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", errors="surrogatepass")
        return path


@pytest.fixture(scope="module")
def diary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diary]:
    from crampcheck.diary.io import write_csv, write_json
    from crampcheck.diary.repository import add_episode, iter_episodes

    folder = tmp_path_factory.mktemp("hostile")
    engine = open_engine(f"sqlite:///{folder / 'diary.sqlite3'}")
    with transaction(engine) as session:
        for n in range(3):
            add_episode(session, episode(note=f"seed {n}", tags=["heat"]))
        update_profile(session, {"birth_year": 1957, "sex": "female"})
    import io

    with transaction(engine, write=False) as session:
        csv_out, json_out = io.StringIO(), io.StringIO()
        write_csv(iter_episodes(session), csv_out)
        write_json(iter_episodes(session), json_out)
        bundle = export_bundle(session)
    yield Diary(engine, folder, csv_out.getvalue(), json_out.getvalue(), bundle)
    engine.dispose()


def _import_table(diary: Diary, path: Path) -> int:
    with transaction(diary.engine) as session:
        return import_file(session, path)


def _import_fhir(diary: Diary, path: Path) -> int:
    content = read_bundle_file(path)
    with transaction(diary.engine) as session:
        return import_bundle(session, content, str(path))


def attempt(diary: Diary, path: Path, load: Callable[[Diary, Path], int]) -> None:
    """Import ``path``: either it imports (and the count grows by what it says) or it
    raises a CrampcheckError and the diary is exactly as before."""
    before, profile = diary.state()
    try:
        added = load(diary, path)
    except CrampcheckError as exc:
        assert str(exc)
        assert diary.state() == (before, profile), "a failed import changed the diary"
        return
    assert diary.state()[0] == before + added


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


def _mutate_text(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        kind = data.draw(st.sampled_from(["insert", "delete", "replace", "cut"]))
        piece = data.draw(st.text(max_size=8))
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 20)) :]
        elif kind == "replace":
            text = text[:at] + piece + text[at + len(piece) :]
        else:
            text = text[:at]
    return text


def _mutate_value(value: Any, data: st.DataObject, depth: int = 0) -> Any:
    """Replace, drop or keep nested parts of a JSON value."""
    if isinstance(value, dict) and value and depth < 8:
        key = data.draw(st.sampled_from(sorted(value)))
        action = data.draw(st.sampled_from(["recurse", "drop", "replace"]))
        out = dict(value)
        if action == "drop":
            del out[key]
        elif action == "replace":
            out[key] = data.draw(json_values)
        else:
            out[key] = _mutate_value(value[key], data, depth + 1)
        return out
    if isinstance(value, list) and value and depth < 8:
        index = data.draw(st.integers(0, len(value) - 1))
        out_list = list(value)
        if data.draw(st.booleans()):
            out_list[index] = _mutate_value(value[index], data, depth + 1)
        else:
            out_list[index] = data.draw(json_values)
        return out_list
    return data.draw(json_values)


# --- CSV --------------------------------------------------------------------------


@given(st.data())
@example(None)
def test_mutated_csv(diary: Diary, data: st.DataObject | None) -> None:
    text = diary.csv if data is None else _mutate_text(diary.csv, data)
    attempt(diary, diary.write("m.csv", text), _import_table)


@given(st.text() | st.binary().map(lambda b: b.decode("latin-1")))
@example("at,duration_s\n\x00")
@example('"')  # regression: an unclosed quote in the header row raised csv.Error
def test_arbitrary_csv(diary: Diary, text: str) -> None:
    attempt(diary, diary.write("a.csv", text), _import_table)


@given(st.binary(max_size=200))
@example(b"\xff\xfe\x00a")
def test_csv_bytes_that_are_not_utf8(diary: Diary, raw: bytes) -> None:
    attempt(diary, diary.write("b.csv", raw), _import_table)


# --- JSON -------------------------------------------------------------------------


@given(st.data())
def test_mutated_json(diary: Diary, data: st.DataObject) -> None:
    if data.draw(st.booleans()):
        text = _mutate_text(diary.json, data)
    else:
        text = json.dumps(_mutate_value(json.loads(diary.json), data))
    attempt(diary, diary.write("m.json", text), _import_table)


@given(st.one_of(st.text(), json_values.map(json.dumps)))
@example('[{"at": NaN}]')
@example('[{"duration_s": 1e999}]')
def test_arbitrary_json(diary: Diary, text: str) -> None:
    attempt(diary, diary.write("a.json", text), _import_table)


# --- FHIR Bundle ------------------------------------------------------------------


@given(st.data())
def test_mutated_fhir_bundle(diary: Diary, data: st.DataObject) -> None:
    if data.draw(st.booleans()):
        text = _mutate_text(json.dumps(diary.bundle), data)
    else:
        text = json.dumps(_mutate_value(diary.bundle, data))
    attempt(diary, diary.write("m.fhir.json", text), _import_fhir)


@given(st.one_of(st.text(), json_values.map(json.dumps)))
@example('{"resourceType": "Bundle", "type": "collection", "entry": NaN}')
def test_arbitrary_fhir_bundle(diary: Diary, text: str) -> None:
    attempt(diary, diary.write("a.fhir.json", text), _import_fhir)


BIG = [
    ("long-field.csv", "id,at,duration_s,muscle,side,severity,activity\n" + "x" * 200_000),
    ("quotes.csv", '"' * 50_000),
    ("deep.json", DEEP),
    ("deep-object.json", "[" + DEEP_OBJECT + "]"),
    ("huge-int.json", '[{"severity": ' + "9" * 5000 + "}]"),
    ("deep.fhir.json", DEEP),
    ("deep-object.fhir.json", DEEP_OBJECT),
    (
        "deep-entry.fhir.json",
        '{"resourceType": "Bundle", "type": "collection", "entry": [' + DEEP + "]}",
    ),
]


@pytest.mark.parametrize(("name", "text"), BIG, ids=[name for name, _ in BIG])
def test_pathological_documents(diary: Diary, name: str, text: str) -> None:
    load = _import_fhir if ".fhir." in name else _import_table
    attempt(diary, diary.write(name, text), load)


def _without_ids(text: str) -> str:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out).writerows(row[1:] for row in rows)
    return out.getvalue()


def test_the_valid_exports_do_import(diary: Diary) -> None:
    """The mutations start from documents that import (so the tests reach the writer)."""
    bundle = json.loads(json.dumps(diary.bundle))
    for entry in bundle["entry"]:  # new episodes: drop the diary ids
        entry["resource"].pop("identifier", None)
    assert diary.csv.startswith("id,")
    for name, text, load in [
        ("ok.csv", _without_ids(diary.csv), _import_table),
        ("ok.fhir.json", json.dumps(bundle), _import_fhir),
    ]:
        before = diary.state()[0]
        assert load(diary, diary.write(name, text)) > 0
        assert diary.state()[0] > before
