"""The command table: the one place that names every command, its arguments and
its help. Both front-ends (Discord in `bot/`, the console and CLI) read it.

Each command's handler is `handlers.<module>.run(services, scope, **args) -> Reply`.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Arg:
    name: str
    description: str
    kind: str = "text"  # text | int | entity (autocompleted entity name) | channel
    required: bool = True
    rest: bool = False  # takes the rest of the line (prefix commands)
    keyword: str | None = None  # typed after a rest argument as `KEYWORD value` (prefix commands)


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    args: tuple[Arg, ...] = ()
    examples: tuple[str, ...] = ()
    permission: str | None = None  # None | "manage_messages" | "manage_guild" | "owner"
    query: bool = True  # read-only query: subject to the per-member cooldown
    module: str = ""  # handlers.<module>; defaults to the command name

    @property
    def usage(self) -> str:
        parts = [self.name]
        for a in self.args:
            parts.append(f"<{a.name}>" if a.required else f"[{a.name}]")
        return " ".join(parts)

    def handler(self):
        return importlib.import_module(f"handlers.{self.module or self.name}").run


COMMANDS: tuple[Command, ...] = (
    Command("who", "Profile of a person, organisation or place: role, aliases, briefs, company kept, statements.",
            (Arg("name", "Who or what to look up (typos are forgiven)", kind="entity", rest=True),),
            ("who Hegseth", "who Central Military Commission")),
    Command("quotes", "Find statements like a phrase; add `by NAME` to keep one speaker's.",
            (Arg("text", "Words from the statement", rest=True),
             Arg("speaker", "Only statements by this speaker", kind="entity", required=False, keyword="by")),
            ("quotes imminent", "quotes threat by Hegseth")),
    Command("search", "Briefs that mention some words, best first, with a snippet.",
            (Arg("text", "Words to search for", rest=True),), ("search Shangri-La",)),
    Command("articles", "The latest briefs in this server.",
            (Arg("page", "Page number", kind="int", required=False),), ("articles",)),
    Command("article", "One brief: headline, summary, insights, entities and statements.",
            (Arg("id", "Brief id, as shown by !articles", kind="int"),), ("article 1",)),
    Command("trending", "Entities mentioned in the most briefs lately.",
            (Arg("days", "How many days back (default 7)", kind="int", required=False),), ("trending 30",)),
    Command("stats", "How much this server's index holds.", (), ("stats",)),
    Command("timeline", "An entity's briefs and statements by publication date, with a chart of briefs per week.",
            (Arg("name", "Who or what to follow over time", kind="entity", rest=True),),
            ("timeline Hegseth",)),
    Command("compare", "Up to five entities over time in one chart (commas between names).",
            (Arg("names", "Two to five names, separated by commas", rest=True),),
            ("compare Hegseth, Dong Jun",)),
    Command("network", "A picture of who appears with an entity, lines as wide as the briefs they share.",
            (Arg("name", "Whose company to draw", kind="entity", rest=True),),
            ("network Hegseth",)),
    Command("digest", "The server's news of the last week (or DAYS): briefs, risers, statements and a chart.",
            (Arg("days", "How many days back (default 7)", kind="int", required=False),), ("digest", "digest 30")),
    Command("help", "The commands and how to use them.",
            (Arg("command", "A command to explain", required=False),), ("help who",)),
    Command("ingest", "Index a brief: text after the command, an attached .txt/.md/.html file, or a link.",
            (Arg("text", "The brief's text or a link to a news page", required=False, rest=True),),
            ("ingest https://example.org/news/story",), query=False),
    Command("forget", "Remove a brief and its statements from this server's index.",
            (Arg("id", "Brief id", kind="int"),), ("forget 12",), permission="manage_messages", query=False),
    Command("reindex", "Re-read every stored brief with the current extractor.", (), ("reindex",),
            permission="manage_guild", query=False),
    Command("watch", "Ingest every brief posted in a channel.",
            (Arg("channel", "The channel to watch", kind="channel"),), ("watch #news",),
            permission="manage_guild", query=False),
    Command("unwatch", "Stop ingesting a channel.",
            (Arg("channel", "The channel to stop watching", kind="channel"),), ("unwatch #news",),
            permission="manage_guild", query=False),
    Command("settings", "This server's newsbrief configuration.", (), ("settings",),
            permission="manage_guild"),
)

BY_NAME = {c.name: c for c in COMMANDS}


def get(name: str) -> Command | None:
    return BY_NAME.get(name.lower().lstrip("!/"))
