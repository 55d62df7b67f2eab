"""The plot is a real PNG or SVG file, drawn on matplotlib's Agg canvas with labelled axes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine

from crampcheck.diary.db import transaction
from crampcheck.diary.plots import figure, save_plot
from crampcheck.diary.stats import DiaryStats, compute_stats
from crampcheck.errors import DiaryInputError
from tests.diary.conftest import AddEpisodes, episode


@pytest.fixture
def stats(engine: Engine, add: AddEpisodes) -> DiaryStats:
    add(*(episode(at=f"2026-11-{day:02}T0{day % 10}:10:00+01:00") for day in range(1, 21)))
    with transaction(engine, write=False) as session:
        return compute_stats(session, today=dt.date(2026, 11, 21))


def test_the_figure_is_drawn_on_the_agg_canvas_with_titles_and_labels(stats: DiaryStats) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = figure(stats)
    assert isinstance(fig.canvas, FigureCanvasAgg)
    weekly, heat = fig.axes[:2]
    assert weekly.get_title() == "Cramp episodes per week"
    assert (weekly.get_xlabel(), weekly.get_ylabel()) == ("Week starting (Monday)", "Episodes")
    assert heat.get_title() == "When cramps happen (local time)"
    assert (heat.get_xlabel(), heat.get_ylabel()) == ("Hour of day", "Weekday")


def test_png_is_a_real_png(stats: DiaryStats, tmp_path: Path) -> None:
    path = tmp_path / "diary.png"
    save_plot(stats, path)
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000


def test_svg_is_a_real_svg(stats: DiaryStats, tmp_path: Path) -> None:
    path = tmp_path / "diary.svg"
    save_plot(stats, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert len(text) > 10_000


def test_an_empty_diary_still_gives_a_picture(engine: Engine, tmp_path: Path) -> None:
    with transaction(engine, write=False) as session:
        empty = compute_stats(session)
    save_plot(empty, tmp_path / "empty.png")
    assert (tmp_path / "empty.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("name", ["diary.pdf", "diary"])
def test_only_png_and_svg_are_written(stats: DiaryStats, tmp_path: Path, name: str) -> None:
    with pytest.raises(DiaryInputError, match=r"must end in \.png or \.svg"):
        save_plot(stats, tmp_path / name)


def test_a_missing_folder_is_explained(stats: DiaryStats, tmp_path: Path) -> None:
    with pytest.raises(DiaryInputError, match="does not exist"):
        save_plot(stats, tmp_path / "no" / "diary.png")


def test_a_folder_in_the_way_is_explained(stats: DiaryStats, tmp_path: Path) -> None:
    (tmp_path / "diary.png").mkdir()
    with pytest.raises(DiaryInputError, match="cannot write"):
        save_plot(stats, tmp_path / "diary.png")
