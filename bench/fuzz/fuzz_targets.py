"""Coverage-guided fuzzing with atheris (optional; not a dependency of crampcheck).

    .venv/bin/pip install atheris        # needs a CPython atheris has wheels for
    .venv/bin/python bench/fuzz/fuzz_targets.py reader -max_total_time=600
    .venv/bin/python bench/fuzz/fuzz_targets.py csv    -max_total_time=600 corpus/csv
    .venv/bin/python bench/fuzz/fuzz_targets.py json   -max_total_time=600
    .venv/bin/python bench/fuzz/fuzz_targets.py fhir   -max_total_time=600

The first argument picks the target; the rest go to libFuzzer (-max_total_time,
-timeout, -rss_limit_mb, a corpus folder...). A target fails on any exception that
is not one of crampcheck's own (crampcheck.errors.CrampcheckError), and libFuzzer's
-timeout (default here 10 s) catches slow inputs: the reader must answer a story of
up to 20,000 characters in well under a second. Import targets write to an SQLite
file in a temporary folder and check that a failed import leaves the count unchanged.
Every crash found becomes a regression test in tests/ (see tests/understand/test_hostile.py
and tests/diary/test_hostile_import.py).
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

try:
    import atheris
except ImportError:  # pragma: no cover - optional tool
    sys.exit("atheris is not installed: .venv/bin/pip install atheris (see this file's docstring)")

with atheris.instrument_imports():
    from crampcheck.diary.db import open_engine, transaction
    from crampcheck.diary.io import import_file
    from crampcheck.diary.repository import count_episodes
    from crampcheck.engine.model import default_model
    from crampcheck.errors import CrampcheckError
    from crampcheck.report.fhir import import_bundle, read_bundle_file
    from crampcheck.understand.reader import read_text

MODEL = default_model()
FOLDER = Path(tempfile.mkdtemp(prefix="crampcheck-fuzz-"))
ENGINE = open_engine(f"sqlite:///{FOLDER / 'diary.sqlite3'}")


def _count() -> int:
    with transaction(ENGINE, write=False) as session:
        return count_episodes(session)


def reader(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(20_000)
    with contextlib.suppress(CrampcheckError):
        read_text(MODEL, text)


def _importer(suffix: str, fhir: bool) -> Callable[[bytes], None]:
    def target(data: bytes) -> None:
        path = FOLDER / f"input{suffix}"
        path.write_bytes(data)
        before = _count()
        try:
            if fhir:
                content = read_bundle_file(path)
                with transaction(ENGINE) as session:
                    import_bundle(session, content, str(path))
            else:
                with transaction(ENGINE) as session:
                    import_file(session, path)
        except CrampcheckError:
            if _count() != before:
                raise AssertionError("a failed import changed the diary") from None

    return target


TARGETS: dict[str, Callable[[bytes], None]] = {
    "reader": reader,
    "csv": _importer(".csv", fhir=False),
    "json": _importer(".json", fhir=False),
    "fhir": _importer(".json", fhir=True),
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: fuzz_targets.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    args = [sys.argv[0], "-timeout=10", *sys.argv[2:]]
    atheris.Setup(args, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
