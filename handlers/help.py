"""`help [COMMAND]`: the commands, read from the command table."""
from __future__ import annotations

from rapidfuzz import process

from handlers.core.context import Scope, Services
from handlers.core import commands
from handlers.core.guard import PERMISSION_NAMES, handler
from handlers.core.reply import Choice, Field, Page, Reply

MODERATOR_FIELDS = 12


@handler("help")
async def run(services: Services, scope: Scope, command=None) -> Reply:
    p = services.prefix
    if command is not None and str(command).strip():
        wanted = str(command).strip().split()[0]
        cmd = commands.get(wanted)
        if cmd is None:
            near = nearest_command(wanted)
            return Reply(pages=[Page(title=f"There is no command `{wanted[:40]}`.",
                                     description=(f"Did you mean `{p}{near}`? " if near else "")
                                     + f"`{p}help` lists them all.")],
                         ok=False, choices=[Choice(f"help {near}", "help", near)] if near else [])
        return Reply(pages=[explain(cmd, p)])
    fields = [Field(usage(c, p), c.help + (f" ({PERMISSION_NAMES[c.permission or '']} only)"
                                               if c.permission in PERMISSION_NAMES else ""))
              for c in commands.COMMANDS if c.permission is None]
    # Moderators' commands on pages of their own: an embed holds 25 fields.
    moderators = [Field(usage(c, p), f"{c.help} ({PERMISSION_NAMES.get(c.permission, c.permission)} only)")
                  for c in commands.COMMANDS if c.permission is not None]
    pages = [Page(
        title="newsbrief commands",
        description=("I read the news briefs posted here and remember who appears in them and who said what. "
                     f"Names forgive typos. `{p}help who` explains one command."),
        fields=fields,
        footer=f"Examples: {p}who Hegseth · {p}quotes imminent · {p}quotes threat by Hegseth")]
    for i in range(0, len(moderators), MODERATOR_FIELDS):
        pages.append(Page(title="newsbrief commands for moderators",
                          description="Keeping the index right: what gets in, corrections, and undo.",
                          fields=moderators[i:i + MODERATOR_FIELDS]))
    return Reply(pages=pages)


def explain(cmd: commands.Command, prefix: str) -> Page:
    fields = []
    for a in cmd.args:
        how = "optional" if not a.required else "required"
        if a.keyword:
            how += f", typed as `{a.keyword} {a.name.upper()}` after the other words"
        elif a.rest:
            how += ", the rest of the line"
        fields.append(Field(a.name, f"{a.description} ({how})"))
    if cmd.examples:
        fields.append(Field("Examples", "\n".join(prefix + e for e in cmd.examples)))
    if cmd.permission:
        fields.append(Field("Who can use it", f"Members with {PERMISSION_NAMES.get(cmd.permission, cmd.permission)}"))
    return Page(title=usage(cmd, prefix), description=cmd.help, fields=fields)


def usage(cmd: commands.Command, prefix: str = "!") -> str:
    """`!quotes <text> [by SPEAKER]`: how the prefix form is typed."""
    return prefix + cmd.name + "".join(
        (f" {a.keyword} <{a.name.upper()}>" if a.keyword and a.required else
         f" [{a.keyword} {a.name.upper()}]" if a.keyword else
         f" <{a.name}>" if a.required else f" [{a.name}]") for a in cmd.args)


def nearest_command(word: str) -> str | None:
    """The read-only command closest to a mistyped one, if any is reasonably
    close: a guess must never be one keypress from deleting something."""
    safe = [c.name for c in commands.COMMANDS if not commands.changes_data(c)]
    hit = process.extractOne(word.lower().lstrip("!/"), safe, score_cutoff=60)
    return hit[0] if hit else None
