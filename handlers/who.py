"""`who NAME`: the profile of a person, organisation or place."""
from __future__ import annotations

import re

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import article_line, day, joined, plural, statement_line
from handlers.core.guard import handler
from handlers.core.limits import FIELD_VALUE, join_lines, one_line
from handlers.core.reply import Choice, Field, Page, Reply
from handlers.resolve import resolve

TYPE_LABELS = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Country, state or city",
    "LOC": "Place",
    "FAC": "Building or facility",
    "NORP": "Nationality, religious or political group",
    "EVENT": "Event",
}
BRIEFS_ON_FIRST_PAGE = 4  # with their links, four fit a 1024-character field
BRIEFS_PER_PAGE = 8
STATEMENTS_ON_FIRST_PAGE = 3
STATEMENTS_PER_PAGE = 6
# A "did you mean" button carries `id:N` when two candidates share a name.
_ENTITY_ID = re.compile(r"^id:(\d{1,18})$")


@handler("who")
async def run(services: Services, scope: Scope, name=None) -> Reply:
    store, guild = services.store, scope.guild_id
    by_id = _ENTITY_ID.match(str(name or "").strip())
    if by_id:
        profile = await store.entity_profile(guild, int(by_id.group(1)))
        if profile is not None:
            return profile_reply(profile)
        return Reply.error("That entity is no longer in this server's index.")
    wanted = validate.name(name)
    found = await resolve(store, guild, wanted)
    if found.entity is not None:
        profile = await store.entity_profile(guild, found.entity.id)
        if profile is not None:
            return profile_reply(profile, asked=wanted if found.how == "fuzzy" else None)
    if found.how == "ambiguous" and found.candidates:
        return did_you_mean(wanted, found.candidates)
    return await not_found(services, scope, wanted, found.suggestions)


def type_label(entity_type: str) -> str:
    return TYPE_LABELS.get(entity_type, entity_type.title())


def did_you_mean(wanted: str, candidates, *, command: str = "who", args_for=None,
                 title: str = "Several matches for “{}”. Did you mean…") -> Reply:
    """A choice between candidates; picking one runs `command` with `args_for(name)`
    (by default the name itself)."""
    names = [c.name.casefold() for c in candidates]
    lines, choices = [], []
    for c in candidates:
        label = f"{c.name} ({type_label(c.type)}, {plural(c.briefs, 'brief')})"
        lines.append("• " + label)
        # Two candidates with one name (a person and an organisation) need the id to tell them apart.
        pick = c.name if names.count(c.name.casefold()) == 1 or command != "who" else f"id:{c.id}"
        choices.append(Choice(label, command, args_for(pick) if args_for else pick))
    return Reply(pages=[Page(title=title.format(one_line(wanted, 100)), description="\n".join(lines))],
                 choices=choices)


async def not_found(services, scope, wanted: str, suggestions: list[str]) -> Reply:
    title = f"No one called “{one_line(wanted, 100)}” in this server's briefs."
    if suggestions:
        detail = "Closest names: " + ", ".join(suggestions) + "."
    elif await services.store.count_articles(scope.guild_id) == 0:
        detail = f"Nothing is indexed yet: post a brief in a watched channel or use `{services.prefix}ingest`."
    else:
        detail = f"Try part of the name, or `{services.prefix}search {one_line(wanted, 60)}`."
    return Reply(pages=[Page(title=title, description=detail)], ok=False,
                 choices=[Choice(s, "who", s) for s in suggestions])


def profile_reply(profile, asked: str | None = None) -> Reply:
    e = profile.entity
    head = type_label(e.type)
    if e.roles:
        head += f" · {e.roles[0]}"
    if asked:
        head += f"\n(closest match for “{one_line(asked, 80)}”)"
    fields = []
    if len(e.roles) > 1:
        fields.append(Field("Roles", "; ".join(e.roles)))
    if e.aliases:
        fields.append(Field("Also known as", ", ".join(e.aliases)))
    fields.append(Field("In briefs", f"{plural(e.briefs, 'brief')}, {plural(e.mentions, 'mention')}", inline=True))
    fields.append(Field("First seen", day(profile.first_seen), inline=True))
    fields.append(Field("Last seen", day(profile.last_seen), inline=True))
    if e.briefs == 1:  # that one brief's entities, each "(1)", would say nothing
        fields.append(Field("Often in the same briefs as", "Seen in one brief so far."))
    elif profile.co_mentions:
        fields.append(Field("Often in the same briefs as",
                            joined([f"{n} ({c})" for n, c in profile.co_mentions], ", ")))
    statements = profile.statements
    if statements:
        fields.append(Field("Latest statements",
                            join_lines((statement_line(s, with_speaker=False, with_link=False, limit=160)
                                        for s in statements[:STATEMENTS_ON_FIRST_PAGE]), FIELD_VALUE)))
    articles = profile.articles
    if articles:
        fields.append(Field("Briefs (latest first)",
                            join_lines((article_line(a) for a in articles[:BRIEFS_ON_FIRST_PAGE]), FIELD_VALUE)))
    pages = [Page(title=e.name, description=head, fields=fields)]

    # The rest of a busy profile goes on further pages the front-end flips through.
    rest = articles[BRIEFS_ON_FIRST_PAGE:]
    for i in range(0, len(rest), BRIEFS_PER_PAGE):
        pages.append(Page(title=f"{e.name}: briefs",
                          description=join_lines(article_line(a) for a in rest[i:i + BRIEFS_PER_PAGE])))
    more = statements[STATEMENTS_ON_FIRST_PAGE:]
    for i in range(0, len(more), STATEMENTS_PER_PAGE):
        pages.append(Page(title=f"{e.name}: statements",
                          description=join_lines(statement_line(s, with_speaker=False)
                                                 for s in more[i:i + STATEMENTS_PER_PAGE])))
    if len(pages) > 1:
        for n, page in enumerate(pages, 1):
            page.footer = f"Page {n} of {len(pages)}"
    return Reply(pages=pages)
