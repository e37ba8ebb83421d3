"""One look for every chart: a neutral light panel with dark text (readable in
Discord's dark and light themes alike), a fixed size, and PNG bytes kept well
under Discord's attachment limit."""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # no display; must precede any figure

from matplotlib.figure import Figure  # noqa: E402

WIDTH_IN, HEIGHT_IN, DPI = 10, 5, 100  # 1000 x 500 pixels
PANEL = "#eef0f3"  # figure background: light grey, not transparent
PLOT = "#ffffff"
INK = "#1f2328"
GRID = "#c9ced6"
EDGE = "#8a94a6"
BAR = "#4c6ef5"
MARK = "#e8590c"
PALETTE = ("#4c6ef5", "#e8590c", "#2f9e44", "#ae3ec9", "#f08c00")  # up to five series, told apart without colour too
LINESTYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)))
MARKERS = ("o", "s", "^", "D", "v")
MAX_BYTES = 300_000  # aim; Discord's hard limit is 8 MB
TITLE_CHARS = 80


def figure(width: float = WIDTH_IN, height: float = HEIGHT_IN) -> Figure:
    fig = Figure(figsize=(width, height), dpi=DPI, facecolor=PANEL)
    return fig


def axes(fig: Figure, title: str, xlabel: str, ylabel: str):
    ax = fig.add_subplot(1, 1, 1, facecolor=PLOT)
    ax.set_title(short(title), color=INK, fontsize=14, loc="left", pad=12)
    ax.set_xlabel(xlabel, color=INK, fontsize=11)
    ax.set_ylabel(ylabel, color=INK, fontsize=11)
    ax.tick_params(colors=INK, labelsize=9)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(INK)
    return ax


def short(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(str(text).split())
    # Matplotlib reads $...$ as maths; a name with a dollar sign is shown as typed.
    text = text.replace("$", r"\$")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def png(fig: Figure) -> bytes:
    """The figure as PNG bytes, at a lower resolution if it would be too large."""
    dpi = DPI
    while True:
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=dpi, facecolor=fig.get_facecolor())
        data = out.getvalue()
        if len(data) <= MAX_BYTES or dpi <= 50:
            return data
        dpi = int(dpi * 0.8)
