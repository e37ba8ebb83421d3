"""`quotes WORDS [by NAME]`: statements like a phrase, optionally by one speaker."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import STATEMENT_IN_LIST, page_footer, plural, statement_line
from handlers.core.guard import handler, permitted
from handlers.core.limits import join_lines, one_line, paged
from handlers.core.reply import Choice, Page, Reply
from handlers.resolve import resolve
from handlers.who import did_you_mean

PER_PAGE = 5
MAX_RESULTS = 40


@handler("quotes")
async def run(services: Services, scope: Scope, text=None, speaker=None) -> Reply:
    store, guild = services.store, scope.guild_id
    words = " ".join(str(text or "").split())
    entity = None
    if speaker is not None and str(speaker).strip():
        wanted = validate.name(speaker)
        found = await resolve(store, guild, wanted)
        if found.entity is not None:
            entity = found.entity
        elif found.how == "ambiguous" and found.candidates:
            return did_you_mean(wanted, found.candidates, command="quotes",
                                args_for=lambda name: f"{words} by {name}".strip(),
                                title="Several speakers match “{}”. Did you mean…")
        else:
            # "quotes killed by drones": the words after `by` may belong to the statement itself.
            if words:
                whole = validate.query(f"{words} by {speaker}", "words from the statement")
                rows = await store.search_statements(guild, whole, limit=MAX_RESULTS)
                if rows:
                    return listing(rows, f"Statements like “{one_line(whole, 80)}”", services.prefix)
            suggestions = found.suggestions
            return Reply(pages=[Page(title=f"No speaker called “{one_line(wanted, 80)}” in this server's briefs.",
                                     description=("Closest names: " + ", ".join(suggestions) + ".")
                                     if suggestions else "")],
                         ok=False, choices=[Choice(s, "quotes", f"{words} by {s}".strip()) for s in suggestions])

    if not words:
        if entity is None:
            raise validate.BadInput("Give some words from the statement.",
                                    f"For example `{services.prefix}quotes imminent` or "
                                    f"`{services.prefix}quotes threat by Hegseth`.")
        profile = await store.entity_profile(guild, entity.id, statements=MAX_RESULTS, articles=1, co_mentions=0)
        rows = profile.statements if profile else []
        title = f"Statements by {entity.name}"
    else:
        words = validate.query(words, "words from the statement")
        rows = await store.search_statements(guild, words, speaker_ids=[entity.id] if entity else None,
                                             limit=MAX_RESULTS)
        title = f"Statements like “{one_line(words, 80)}”" + (f" by {entity.name}" if entity else "")
    if not rows:
        hint = f"Try fewer words, or `{services.prefix}search` to look through whole briefs."
        return Reply(pages=[Page(title="No statements found." if not words else
                                 f"No statements like “{one_line(words, 80)}”"
                                 + (f" by {entity.name}." if entity else "."),
                                 description=hint)], ok=False)
    return listing(rows, title, services.prefix, with_ids=permitted("manage_messages", scope))


def listing(rows, title: str, prefix: str = "!", *, with_ids: bool = False) -> Reply:
    """`with_ids`: moderators see each statement's id, for `attribute`."""
    def line(s) -> str:
        shown = statement_line(s, with_id=with_ids)
        return shown + (f"\n  the whole of it: `{prefix}quote {s.id}`" if is_cut(s) else "")

    def make(group, n, total):
        return Page(title=title, description=join_lines(line(s) for s in group),
                    footer=page_footer(n, total, plural(len(rows), "statement")))

    # The statements cut short get a "full text" button (a menu when there are many).
    cut = [Choice(f"Full text of {s.id} ({one_line(s.speaker or 'unattributed', 50)})", "quote", str(s.id))
           for s in rows if is_cut(s)]
    return Reply(pages=paged(rows, PER_PAGE, make), choices=cut, choices_prompt="Full text", choice_buttons=True)


def is_cut(s) -> bool:
    return len(" ".join(s.text.split())) > STATEMENT_IN_LIST
