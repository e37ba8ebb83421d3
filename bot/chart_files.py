"""Where the console and `newsbrief ask` put a reply's chart: a PNG file in a
`charts/` folder beside the database, whose path they print."""
from __future__ import annotations

from pathlib import Path

from handlers.core.reply import Reply


def charts_folder(db_path) -> Path:
    return Path(db_path).expanduser().resolve().parent / "charts"


def save_chart(reply: Reply, folder: Path) -> Path | None:
    """Write the reply's chart into `folder` (created if needed); its path, or None without one."""
    if reply.attachment is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / Path(reply.attachment.filename).name  # a bare name: nothing outside the folder
    path.write_bytes(reply.attachment.data)
    return path


def chart_line(reply: Reply, folder: Path) -> str:
    """'Chart saved: /path/timeline-4.png', or '' when the reply has no chart."""
    path = save_chart(reply, folder)
    return f"Chart saved: {path}" if path else ""
