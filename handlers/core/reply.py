"""What a handler answers: a front-end-neutral reply.

`bot/` renders it as embeds (one per page) and `bot.console` as plain text.
Text inside is plain, not Markdown-escaped: each front-end escapes for itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from handlers.core.links import labels, plain

_PAGE_LABEL = re.compile(r"\bPage \d+ of \d+")


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


def page_label(footer: str | None, number: int, total: int) -> str | None:
    """The footer with "Page N of M" in it when there are pages: the one label
    for paging, in embeds and in plain text alike."""
    if total > 1 and not (footer and _PAGE_LABEL.search(footer)):  # a handler's own numbering wins
        return f"Page {number} of {total}" + (f" · {footer}" if footer else "")
    return footer


@dataclass
class Choice:
    """A follow-up the user can pick (a "did you mean" candidate): runs `command args`."""

    label: str
    command: str
    args: str


@dataclass
class Reply:
    pages: list[Page]
    ok: bool = True  # False: the request was refused or failed; front-ends show it as an error
    choices: list[Choice] = field(default_factory=list)
    ephemeral: bool = False  # only the asker needs to see it (errors, cooldowns)
    choices_prompt: str = "Did you mean"  # how the choices are introduced ("Profiles" for trending)
    choice_buttons: bool = False  # a few choices as buttons that answer apart, keeping this reply ("Full text")
    # A change that waits for the asker's go-ahead: front-ends show Confirm/Cancel
    # buttons that run `confirm.command confirm.args` with Scope.asks_first off.
    confirm: Choice | None = None

    @classmethod
    def error(cls, title: str, description: str = "") -> "Reply":
        return cls(pages=[Page(title=title, description=description)], ok=False, ephemeral=True)

    @classmethod
    def info(cls, title: str, description: str = "", **page) -> "Reply":
        return cls(pages=[Page(title=title, description=description, **page)])

    def to_text(self) -> str:
        """Plain text for the console and `newsbrief ask`."""
        out: list[str] = []
        total = len(self.pages)
        for n, page in enumerate(self.pages, 1):
            if n > 1:
                out.append("---")
            out.append(labels(page.title))
            if page.description:
                out.append(plain(page.description))
            for f in page.fields:
                out.append(f"{labels(f.name)}:")
                out.extend("  " + line for line in plain(f.value).splitlines())
            if page.url:
                out.append(page.url)
            footer = page_label(page.footer, n, total)
            if footer:
                out.append(footer)
        if self.choices:
            out.append(f"{self.choices_prompt}: " + ", ".join(c.label for c in self.choices))
        return "\n".join(out)
