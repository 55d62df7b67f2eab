"""Two pictures of the diary in one file: episodes per week, and hour of day by weekday.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no window,
no global backend switch), saved as PNG or SVG by the file's extension.
matplotlib is imported only when a plot is drawn.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from crampcheck.diary.stats import WEEKDAYS, DiaryStats
from crampcheck.errors import DiaryInputError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PLOT_FORMATS = ("png", "svg")
EPOCH = dt.date(1970, 1, 1)


def plot_format(path: Path) -> str:
    """``png`` or ``svg`` from the file name, or a message that says how to name it."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in PLOT_FORMATS:
        raise DiaryInputError(f"-o: {path.name} must end in .png or .svg; rename it")
    return suffix


def _empty(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)


def _weekly(ax: Axes, stats: DiaryStats) -> None:
    ax.set_title("Cramp episodes per week")
    ax.set_xlabel("Week starting (Monday)")
    ax.set_ylabel("Episodes")
    if not stats.weekly:
        _empty(ax, "No episodes in this period")
        return
    weeks = [float((week - EPOCH).days) for week, _ in stats.weekly]  # matplotlib date numbers
    from matplotlib.ticker import MaxNLocator

    ax.bar(weeks, [n for _, n in stats.weekly], width=6, align="edge", color="#3b6ea8")
    ax.set_xlim(weeks[0] - 7, weeks[-1] + 14)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis_date()
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_horizontalalignment("right")


def _heatmap(ax: Axes, stats: DiaryStats) -> None:
    ax.set_title("When cramps happen (local time)")
    ax.set_xlabel("Hour of day")
    ax.set_ylabel("Weekday")
    image = ax.imshow(stats.heatmap, aspect="auto", cmap="Blues", origin="upper")
    ax.set_xticks(range(0, 24, 2))
    ax.set_yticks(range(len(WEEKDAYS)), labels=list(WEEKDAYS))
    from matplotlib.ticker import MaxNLocator

    bar = ax.figure.colorbar(image, ax=ax, label="Episodes")
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    if not stats.episodes:
        _empty(ax, "No episodes in this period")


FULL = (10.0, 8.0)
PHONE = (5.0, 7.0)
"""Figure sizes in inches: a page or a screen (``FULL``), a phone held upright (``PHONE``)."""


def figure(stats: DiaryStats, size: tuple[float, float] = FULL) -> Figure:
    """The two charts on one figure, attached to an Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1)
    _weekly(top, stats)
    _heatmap(bottom, stats)
    fig.suptitle(f"Cramp diary: {stats.episodes} episodes")
    return fig


def save_plot(stats: DiaryStats, path: Path) -> None:
    """Draw the charts into ``path`` (.png or .svg)."""
    fmt = plot_format(path)
    if not path.parent.is_dir():
        raise DiaryInputError(f"-o: the folder {path.parent} does not exist; create it first")
    try:
        figure(stats).savefig(path, format=fmt, dpi=100)
    except OSError as exc:
        raise DiaryInputError(
            f"-o: cannot write {path} ({exc.strerror}); choose another file"
        ) from None
