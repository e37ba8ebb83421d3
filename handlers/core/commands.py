"""The command table: the one place that names every command, its arguments and
its help. Both front-ends (Discord in `bot/`, the console and CLI) read it.

Each command's handler is `handlers.<module>.run(services, scope, **args) -> Reply`.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Literal

# Who may run a command besides the bot's owners; None on a Command: everyone.
Permission = Literal["manage_messages", "manage_guild", "owner"]


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
    permission: Permission | None = None
    query: bool = True  # read-only query: subject to the per-member cooldown
    module: str = ""  # handlers.<module>; defaults to the command name

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
    Command("quote", "One statement in full, with the sentence around it and a link to its brief.",
            (Arg("id", "Statement number, as shown by !quotes", kind="int"),), ("quote 12",)),
    Command("search", "Briefs that mention some words, best first, with a snippet.",
            (Arg("text", "Words to search for", rest=True),), ("search Shangri-La",)),
    Command("articles", "The latest briefs in this server.",
            (Arg("page", "Page number", kind="int", required=False),), ("articles",)),
    Command("article", "One brief: headline, summary, insights, entities and statements.",
            (Arg("id", "Brief id, as shown by !articles", kind="int"),), ("article 1",)),
    Command("trending", "Entities mentioned in the most briefs lately.",
            (Arg("days", "How many days back (default 7)", kind="int", required=False),), ("trending 30",)),
    Command("stats", "How much this server's index holds.", (), ("stats",)),
    Command("help", "The commands and how to use them.",
            (Arg("command", "A command to explain", required=False),), ("help who",)),
    Command("ingest", "Index a brief: text after the command, an attached .txt/.md/.html file, or a link.",
            (Arg("text", "The brief's text or a link to a news page", required=False, rest=True),),
            ("ingest https://example.org/news/story",), query=False),
    Command("forget", "Remove a brief and its statements from this server's index (undo with `restore`).",
            (Arg("id", "Brief id", kind="int"),), ("forget 12",), permission="manage_messages", query=False),
    Command("restore", "Bring back a forgotten brief, with its statements and entities.",
            (Arg("id", "Brief id (default: the latest forgotten)", kind="int", required=False),), ("restore 12",),
            permission="manage_messages", query=False),
    Command("undo", "Bring back the brief forgotten last.", (), ("undo",),
            permission="manage_messages", query=False, module="restore"),
    Command("merge", "Make two entities one: the first's names become aliases of the second.",
            (Arg("name", "The entity to merge away", kind="entity", rest=True),
             Arg("into", "The entity to keep", kind="entity", keyword="into")),
            ("merge George Bush into George W. Bush",), permission="manage_messages", query=False),
    Command("unmerge", "Undo a merge: give the merged name its own entity again.",
            (Arg("name", "The name that was merged away", kind="entity", rest=True),),
            ("unmerge George Bush",), permission="manage_messages", query=False),
    Command("split", "Same as unmerge: undo a merge.",
            (Arg("name", "The name that was merged away", kind="entity", rest=True),),
            ("split George Bush",), permission="manage_messages", query=False, module="unmerge"),
    Command("rename", "Give an entity another name (the old one stays as an alias).",
            (Arg("name", "The entity", kind="entity", rest=True),
             Arg("to", "Its new name", keyword="to")),
            ("rename Taoiseach to Micheál Martin",), permission="manage_messages", query=False),
    Command("retype", "Say what an entity is: person, org, place, location, group, event or facility.",
            (Arg("name", "The entity", kind="entity", rest=True),
             Arg("type", "person, org, place, location, group, event or facility", keyword="as")),
            ("retype Taoiseach as person",), permission="manage_messages", query=False),
    Command("hide", "Keep an entity out of profiles, trending, co-mentions and autocomplete.",
            (Arg("name", "The entity to hide", kind="entity", rest=True),),
            ("hide Taoiseach",), permission="manage_messages", query=False),
    Command("unhide", "Show a hidden entity again.",
            (Arg("name", "The hidden entity", rest=True),), ("unhide Taoiseach",),
            permission="manage_messages", query=False),
    Command("attribute", "Correct who said a statement (ids like #s12 show in quotes and article), or `none`.",
            (Arg("statement", "Statement id, like #s12"),
             Arg("speaker", "Who said it, or none", rest=True)),
            ("attribute #s12 Pete Hegseth", "attribute #s12 none"), permission="manage_messages", query=False),
    Command("corrections", "This server's corrections; `uncorrect ID` removes one.",
            (Arg("page", "Page number", kind="int", required=False),), ("corrections",),
            permission="manage_messages"),
    Command("uncorrect", "Remove one of this server's corrections.",
            (Arg("id", "Correction id, as shown by corrections", kind="int"),), ("uncorrect 3",),
            permission="manage_messages", query=False),
    Command("changes", "What moderators changed lately: who, when, what, before and after.",
            (Arg("page", "Page number", kind="int", required=False),), ("changes",),
            permission="manage_messages"),
    Command("reindex", "Re-read every stored brief with the current extractor.", (), ("reindex",),
            permission="manage_guild", query=False),
    Command("watch", "Ingest every brief posted in a channel.",
            (Arg("channel", "The channel to watch", kind="channel"),), ("watch #news",),
            permission="manage_guild", query=False),
    Command("unwatch", "Stop ingesting a channel.",
            (Arg("channel", "The channel to stop watching", kind="channel"),), ("unwatch #news",),
            permission="manage_guild", query=False),
    Command("settings", "This server's newsbrief configuration; `settings NAME VALUE` changes one "
            "(log, quiet, role, optin).",
            (Arg("name", "log, quiet, role or optin", required=False),
             Arg("value", "#channel, on/off, @role, or off", required=False, rest=True)),
            ("settings", "settings log #mod-log", "settings quiet on", "settings optin @Curators"),
            permission="manage_guild", query=False),
    Command("feed", "News feeds (RSS, Atom, JSON Feed) read and indexed as they publish: "
                    "`feed add URL [#channel]`, `feed list`, `feed remove ID`, `feed pause ID`, `feed resume ID`.",
            (Arg("action", "add, list, remove, pause or resume"),
             Arg("target", "add: the feed's address and optionally a #channel to post in; otherwise the feed id",
                 required=False, rest=True)),
            ("feed add https://example.org/rss.xml #news", "feed list", "feed pause 2"),
            permission="manage_guild", query=False),
    Command("follow", "Get a direct message when a brief mentions someone or something "
                      "(`follow Hegseth`), or a word (`follow keyword tariffs`).",
            (Arg("name", "Who or what to follow; `keyword WORD` for a word", kind="entity", rest=True),),
            ("follow Hegseth", "follow keyword tariffs"), query=False),
    Command("unfollow", "Stop an alert set with `follow`.",
            (Arg("name", "The name or word you follow", rest=True),), ("unfollow Hegseth",), query=False),
    Command("following", "What you follow in this server.", (), ("following",), query=False),
    Command("alerts", "Alerts in this server: `alerts on`, `alerts off`, `alerts dm` (direct messages, the "
                      "default) or `alerts #channel` (posted there, mentioning only the members concerned).",
            (Arg("mode", "on, off, dm or a #channel", required=False),), ("alerts off", "alerts #alerts"),
            permission="manage_guild", query=False),
)

BY_NAME = {c.name: c for c in COMMANDS}
# Words members reach for first; each runs the command it names (forget keeps its own checks).
ALIASES = {"delete": "forget", "remove": "forget", "profile": "who", "lookup": "who", "find": "search"}


def get(name: str) -> Command | None:
    wanted = name.lower().lstrip("!/")
    return BY_NAME.get(ALIASES.get(wanted, wanted))


def changes_data(cmd: Command) -> bool:
    """Commands never offered as a guess for a mistyped one: they change the index or the settings."""
    return not cmd.query or cmd.permission is not None
