"""`quote ID`: one statement in full, with the sentence it stands in and a link
to its brief. Lists cut statements at a few hundred characters; this is where
the rest is."""
from __future__ import annotations

import re

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import brief_ref, day, link_of
from handlers.core.guard import handler
from handlers.core.limits import DESCRIPTION, FIELD_VALUE, clip
from handlers.core.links import linked
from handlers.core.reply import Field, Page, Reply

# Where a sentence ends: a stop (maybe closed by a quote mark or bracket) before
# a space, or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")


@handler("quote")
async def run(services: Services, scope: Scope, id=None) -> Reply:
    if id is None:
        raise validate.BadInput("Which statement?", f"Give its number, like `{services.prefix}quote 12`; "
                                                    f"`{services.prefix}quotes WORDS` shows the numbers.")
    number = validate.parse_int(id, "statement number")
    detail = await services.store.get_statement(scope.guild_id, number) if 0 < number <= validate.MAX_ID else None
    if detail is None:
        raise validate.BadInput(f"There is no statement {validate.clip_echo(str(number), 30)} in this server.",
                                f"`{services.prefix}quotes WORDS` finds statements and shows their numbers.")
    return quote_reply(detail)


def quote_reply(detail) -> Reply:
    s = detail.statement
    text = " ".join(s.text.split())
    shown = f"“{text}”" if s.kind == "direct" else f"(reported) {text}"
    fields = []
    context = context_sentence(detail.before, text, detail.after)
    if context and context != text:
        fields.append(Field("In context", clip(context, FIELD_VALUE)))
    link = link_of(s.jump_url, detail.source)
    fields.append(Field("From", f"{linked(brief_ref(s.brief_id, s.brief_title), link)} · {day(s.created_at)}"))
    return Reply(pages=[Page(title=f"Statement {s.id} · {s.speaker or 'unattributed'}",
                             description=clip(shown, DESCRIPTION), fields=fields, url=link)])


def context_sentence(before: str, text: str, after: str) -> str:
    """The statement with the rest of its sentence on either side, on one line."""
    ends = list(_SENTENCE_END.finditer(before))
    head = before[ends[-1].end():] if ends else before
    end = _SENTENCE_END.search(after)
    tail = after[:end.end()] if end else after
    return " ".join(f"{head}{text}{tail}".split())
