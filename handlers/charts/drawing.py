"""The charts themselves: plain data in (names, dates, counts), PNG bytes out.
Run in a worker thread (charts.render.drawn), never on the event loop."""
from __future__ import annotations

from datetime import date, timedelta

import matplotlib.dates as mdates

from handlers.charts import style
from handlers.charts.series import Buckets, buckets_for

UNIT_LABEL = {"day": "day", "week": "week (from Monday)", "month": "month"}


def _date_axis(ax, buckets: Buckets) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    pad = timedelta(days={"day": 1, "week": 7, "month": 31}[buckets.unit])
    ax.set_xlim(buckets.starts[0] - pad, buckets.starts[-1] + pad)
    ax.yaxis.get_major_locator().set_params(integer=True)


def timeline(name: str, mentions: list[date], statements: list[date]) -> bytes:
    """Briefs naming `name` per day/week/month, with the periods in which it made statements marked."""
    fig = style.figure()
    buckets = buckets_for(mentions + statements)
    unit = buckets.unit
    ax = style.axes(fig, f"{name}: briefs per {unit}", "Publication date",
                    f"Briefs per {UNIT_LABEL[unit]}")
    counts = buckets.counts(mentions)
    ax.bar(buckets.starts, counts, width=buckets.width_days, color=style.BAR, align="edge",
           label=f"Briefs naming {style.short(name, 40)}")
    said = sorted({buckets.of(d) for d in statements})
    if said:
        top = max(counts + [1])
        heights = [counts[buckets.starts.index(s)] + top * 0.06 for s in said]
        ax.scatter([s + timedelta(days=buckets.width_days / 2) for s in said], heights, marker="v", s=60,
                   color=style.MARK, zorder=3, label=f"{unit.capitalize()}s with statements by {style.short(name, 30)}")
        ax.set_ylim(0, top * 1.2 + 0.5)
    _date_axis(ax, buckets)
    ax.legend(loc="upper left", frameon=True, facecolor=style.PLOT, edgecolor=style.GRID, labelcolor=style.INK)
    fig.tight_layout()
    return style.png(fig)


def comparison(series: list[tuple[str, list[date]]]) -> bytes:
    """One line per entity: briefs naming it per day/week/month, with a legend."""
    fig = style.figure()
    buckets = buckets_for([d for _, days in series for d in days])
    unit = buckets.unit
    ax = style.axes(fig, "Briefs over time: " + ", ".join(name for name, _ in series), "Publication date",
                    f"Briefs per {UNIT_LABEL[unit]}")
    middle = timedelta(days=buckets.width_days / 2)
    for n, (name, days) in enumerate(series):
        ax.plot([s + middle for s in buckets.starts], buckets.counts(days), color=style.PALETTE[n],
                linestyle=style.LINESTYLES[n], marker=style.MARKERS[n], markersize=4, linewidth=2,
                label=f"{style.short(name, 40)} ({len(days)})")
    _date_axis(ax, buckets)
    ax.legend(loc="upper left", frameon=True, facecolor=style.PLOT, edgecolor=style.GRID, labelcolor=style.INK)
    fig.tight_layout()
    return style.png(fig)


def network(centre: str, names: dict[int, str], centre_id: int, edges: list[tuple[int, int, int]]) -> bytes:
    """The entity in the middle, its most frequent companions around it; an edge's
    width grows with the briefs the two share."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(names)
    for a, b, shared in edges:
        if a in names and b in names:
            graph.add_edge(a, b, weight=shared)
    fig = style.figure(8, 8)
    ax = fig.add_subplot(1, 1, 1, facecolor=style.PLOT)
    ax.set_title(style.short(f"Who appears with {centre}"), color=style.INK, fontsize=14, loc="left")
    ax.axis("off")
    if len(graph) > 1:
        # The centre fixed in the middle; the rest placed by shared briefs (seeded: the same picture each time).
        pos = nx.spring_layout(graph, pos={centre_id: (0.0, 0.0)}, fixed=[centre_id], seed=7, weight="weight",
                               k=1.6 / max(1, len(graph)) ** 0.5)
    else:
        pos = {centre_id: (0.0, 0.0)}
    heaviest = max([w for *_, w in graph.edges(data="weight")] + [1])
    widths = [0.8 + 7.0 * w / heaviest for *_, w in graph.edges(data="weight")]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color=style.EDGE, alpha=0.9)
    others = [n for n in graph if n != centre_id]
    nx.draw_networkx_nodes(graph, pos, nodelist=others, ax=ax, node_color=style.BAR, node_size=500)
    nx.draw_networkx_nodes(graph, pos, nodelist=[centre_id], ax=ax, node_color=style.MARK, node_size=1100)
    nx.draw_networkx_labels(graph, pos, labels={n: style.short(names[n], 28) for n in graph}, ax=ax,
                            font_size=10, font_color=style.INK,
                            bbox={"boxstyle": "round,pad=0.2", "facecolor": style.PANEL, "edgecolor": "none",
                                  "alpha": 0.85})
    ax.margins(0.15)
    ax.text(0.0, -0.02, "Line width: briefs the two share", transform=ax.transAxes, color=style.INK, fontsize=9)
    fig.tight_layout()
    return style.png(fig)


def digest(days: list[date], since: date, until: date) -> bytes:
    """Briefs published per day over the digest's period."""
    fig = style.figure(10, 3.5)
    buckets = buckets_for(days + [since, until - timedelta(days=1)])
    ax = style.axes(fig, "Briefs published per day", "Publication date", "Briefs")
    ax.bar(buckets.starts, buckets.counts(days), width=buckets.width_days, color=style.BAR, align="edge")
    _date_axis(ax, buckets)
    fig.tight_layout()
    return style.png(fig)
