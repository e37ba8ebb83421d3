"""What a handler answers: a front-end-neutral reply.

`bot/` renders it as embeds (one per page) and `bot.console` as plain text.
Text inside is plain, not Markdown-escaped: each front-end escapes for itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Field:
    name: str
    value: str
    inline: bool = False


@dataclass
class Page:
    title: str
    description: str = ""
    fields: list[Field] = field(default_factory=list)
    url: str | None = None  # e.g. the jump URL of the brief's original message
    footer: str | None = None


@dataclass
class Choice:
    """A follow-up the user can pick (a "did you mean" candidate): runs `command args`."""

    label: str
    command: str
    args: str


@dataclass
class Attachment:
    """A file sent with the reply: a chart (PNG). Discord shows it as the embeds' image;
    the console and `newsbrief ask` save it and print where."""

    data: bytes
    filename: str  # letters, digits, '-', '_' and '.': Discord's attachment:// names need no escaping


@dataclass
class Reply:
    pages: list[Page]
    ok: bool = True  # False: the request was refused or failed; front-ends show it as an error
    choices: list[Choice] = field(default_factory=list)
    ephemeral: bool = False  # only the asker needs to see it (errors, cooldowns)
    choices_prompt: str = "Did you mean"  # how the choices are introduced ("Profiles" for trending)
    attachment: Attachment | None = None  # a chart drawn for this reply

    @classmethod
    def error(cls, title: str, description: str = "") -> "Reply":
        return cls(pages=[Page(title=title, description=description)], ok=False, ephemeral=True)

    @classmethod
    def info(cls, title: str, description: str = "", **page) -> "Reply":
        return cls(pages=[Page(title=title, description=description, **page)])

    def to_text(self) -> str:
        """Plain text for the console and `newsbrief ask`."""
        out: list[str] = []
        for n, page in enumerate(self.pages):
            if len(self.pages) > 1:
                out.append(f"--- page {n + 1}/{len(self.pages)} ---")
            out.append(page.title)
            if page.description:
                out.append(page.description)
            for f in page.fields:
                out.append(f"{f.name}:")
                out.extend("  " + line for line in f.value.splitlines())
            if page.url:
                out.append(page.url)
            if page.footer:
                out.append(page.footer)
        if self.choices:
            out.append(f"{self.choices_prompt}: " + ", ".join(c.label for c in self.choices))
        return "\n".join(out)
