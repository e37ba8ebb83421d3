"""One typed line (`!who Hegseth`, `quotes threat by Hegseth`) -> the command's
handler -> Reply. Used by the console, `newsbrief ask` and prefix commands.

Argument rules, from the command table: a keyword argument (`by NAME`) is taken
from the last `by` in the line; then each argument takes one word, except the
last, and any `rest` argument, which take everything left.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from extract.model import ModelMissing
from handlers.core import commands, validate
from handlers.help import nearest_command, usage
from handlers.core.limits import fit
from handlers.core.reply import Choice, Page, Reply
from store.errors import StoreError

log = logging.getLogger(__name__)


@dataclass
class Call:
    command: commands.Command
    args: dict = field(default_factory=dict)


def parse(line: str, prefix: str = "!") -> Call | Reply:
    """A Call, or a friendly Reply saying what is wrong with the line."""
    typed = _without_prefix(str(line or "").strip(), prefix)
    text = " ".join(typed.split())
    if not text:
        return Reply.error("Type a command.", f"For example `{prefix}who Hegseth`; `{prefix}help` lists them.")
    name, _, rest = text.partition(" ")
    cmd = commands.get(name)
    if cmd is None:
        near = nearest_command(name)
        shown = validate.clip_echo(name, 40)
        return Reply(pages=[Page(title=f"I don't know the command `{shown}`.",
                                 description=(f"Did you mean `{prefix}{near}`? " if near else "")
                                 + f"`{prefix}help` lists the commands.")],
                     ok=False, ephemeral=True,
                     choices=[Choice(f"{prefix}{near} {rest}".strip(), near, rest)] if near else [])
    try:
        call = Call(cmd, _arguments(cmd, rest.strip(), prefix))
    except validate.BadInput as exc:
        return exc.reply()
    if len(cmd.args) == 1 and cmd.args[0].rest and call.args.get(cmd.args[0].name):
        # One argument that takes the whole line (a brief for `ingest`): it keeps its lines
        # and paragraphs, which the layout of a brief depends on.
        call.args[cmd.args[0].name] = typed.split(None, 1)[1].strip()
    return call


def _without_prefix(text: str, prefix: str) -> str:
    for p in (prefix, "!", "/"):
        if p and text.startswith(p):
            return text[len(p):].lstrip()
    return text


def _arguments(cmd: commands.Command, rest: str, prefix: str) -> dict:
    args: dict = {}
    keyworded = False
    for arg in cmd.args:
        if arg.keyword:
            found = list(re.finditer(rf"(?:^|\s){re.escape(arg.keyword)}\s+", rest, re.I))
            if found and rest[found[-1].end():].strip():
                args[arg.name] = rest[found[-1].end():].strip()
                rest = rest[:found[-1].start()].strip()
                keyworded = True
    positional = [a for a in cmd.args if not a.keyword]
    for n, arg in enumerate(positional):
        last = n == len(positional) - 1
        if arg.rest or last:
            value, rest = rest, ""
        else:
            value, _, rest = rest.partition(" ")
        if not value:
            # `quotes by Hegseth`: the speaker alone is enough.
            if arg.required and not (arg.rest and keyworded):
                example = f"\nExample: `{prefix}{cmd.examples[0]}`" if cmd.examples else ""
                raise validate.BadInput(f"`{cmd.name}` needs <{arg.name}>: {arg.description}.",
                                        f"Usage: `{usage(cmd, prefix)}`{example}")
            args[arg.name] = "" if arg.required else None
            continue
        args[arg.name] = validate.parse_int(value, arg.name) if arg.kind == "int" else value
    return args


async def execute(services, scope, line: str, **extra) -> Reply:
    """Run one line. Bad input gives a Reply; failures of the bot itself
    (store.StoreError, extract.ModelMissing, bugs) raise."""
    call = parse(line, services.prefix)
    if isinstance(call, Reply):
        return fit(call)
    return await call.command.handler()(services, scope, **call.args, **extra)


async def run_line(services, scope, line: str, **extra) -> Reply:
    """Like `execute`, but never raises: a failure becomes an apologetic Reply."""
    try:
        return await execute(services, scope, line, **extra)
    except Exception as exc:  # the front-end must always get an answer
        log_failure(log, exc, "command failed: %r", line[:200])
        return fit(Reply.error("Sorry, something went wrong on my side.", failure_hint(exc)))


def log_failure(logger: logging.Logger, exc: Exception, message: str, *args) -> None:
    """A StoreError is one line the admin can act on (disk full, damaged index):
    logged without a traceback; anything else is a bug, logged with one."""
    if isinstance(exc, StoreError):
        logger.error(message + ": %s", *args, exc)
    else:
        logger.error(message, *args, exc_info=exc)


def failure_hint(exc: Exception) -> str:
    """A one-line cause an admin can act on, without internals for members."""
    if isinstance(exc, ModelMissing):
        return "The spaCy language model is not installed; the bot's admin should run `make install`."
    if isinstance(exc, StoreError):
        return str(exc)  # one line, written for people (store.errors.describe)
    return "The error has been logged; try again, or ask the bot's admin."
