"""The typed public surface of the package."""

from __future__ import annotations

from importlib import resources

import crampcheck


def test_all_names_exist() -> None:
    for name in crampcheck.__all__:
        assert hasattr(crampcheck, name), name


def test_the_package_is_typed() -> None:
    assert resources.files("crampcheck").joinpath("py.typed").is_file()


def test_the_knowledge_base_ships_as_package_data() -> None:
    data = resources.files("crampcheck.knowledge") / "data"
    assert (data / "findings.yaml").is_file()
    assert any(f.name.endswith(".yaml") for f in (data / "conditions").iterdir())


def test_the_command_starts_without_the_heavy_libraries() -> None:
    import subprocess
    import sys

    heavy = "('numpy', 'spacy', 'sqlalchemy', 'matplotlib')"
    code = f"import sys, crampcheck.cli; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
