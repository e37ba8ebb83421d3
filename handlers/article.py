"""`article ID`: one brief with its summary, insights, entities and statements."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import brief_ref, day, link_of, statement_line
from handlers.core.guard import handler, permitted
from handlers.core.limits import DESCRIPTION, FIELD_VALUE, clip, join_lines
from handlers.core.reply import Field, Page, Reply

# Entity types grouped as a reader thinks of them.
GROUPS = (("People", ("PERSON",)), ("Organisations", ("ORG",)), ("Places", ("GPE", "LOC", "FAC")),
          ("Groups and events", ("NORP", "EVENT")))
SUMMARY_CHARS = 1500
INSIGHTS_ON_FIRST_PAGE = 4
STATEMENTS_PER_PAGE = 5


@handler("article")
async def run(services: Services, scope: Scope, id=None) -> Reply:
    if id is None:
        raise validate.BadInput("Which brief?", f"Give its id, like `{services.prefix}article 1`; "
                                                f"`{services.prefix}articles` lists them.")
    brief_id = validate.brief_id(id)
    detail = await services.store.get_article(scope.guild_id, brief_id)
    if detail is None:
        raise validate.BadInput(f"There is no brief #{brief_id} in this server.",
                                f"`{services.prefix}articles` lists the briefs with their ids.")
    return article_reply(detail, with_ids=permitted("manage_messages", scope))


def article_reply(detail, *, with_ids: bool = False) -> Reply:
    """`with_ids`: moderators see each statement's id, for `attribute`."""
    a = detail.article
    sections = dict(detail.sections)
    summary = sections.get("News Summary") or sections.get("Body") or next(iter(sections.values()), "")
    source = a.source or "posted message"
    fields = [Field("Brief", f"#{a.id} · indexed {day(a.created_at)}", inline=True),
              Field("Source", source, inline=True)]
    for label, types in GROUPS:
        names = [e.name for e in detail.entities if e.type in types]
        if names:
            fields.append(Field(label, ", ".join(names)))
    for question, answers in detail.insights[:INSIGHTS_ON_FIRST_PAGE]:
        fields.append(Field(question, "\n".join(f"- {a_}" for a_ in answers) or "-"))
    link = link_of(a.jump_url, a.source)
    pages = [Page(title=a.title or f"Brief #{a.id}", description=clip(summary, SUMMARY_CHARS),
                  fields=fields, url=link)]

    background = sections.get("Background")
    if background:
        pages.append(Page(title=f"{brief_ref(a.id, a.title)}: background", description=clip(background, DESCRIPTION),
                          url=link))
    more_insights = detail.insights[INSIGHTS_ON_FIRST_PAGE:]
    if more_insights:
        pages.append(Page(title=f"{brief_ref(a.id, a.title)}: more insights", url=link,
                          fields=[Field(q, clip("\n".join(f"- {x}" for x in ans), FIELD_VALUE) or "-")
                                  for q, ans in more_insights]))
    statements = detail.statements
    for i in range(0, len(statements), STATEMENTS_PER_PAGE):
        pages.append(Page(title=f"{brief_ref(a.id, a.title)}: statements", url=link,
                          description=join_lines(statement_line(s, with_brief=False, with_id=with_ids) for s in statements[i:i + STATEMENTS_PER_PAGE])))
    if len(pages) > 1:
        for n, page in enumerate(pages, 1):
            page.footer = f"Page {n} of {len(pages)}"
    return Reply(pages=pages)

