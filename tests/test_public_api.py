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
