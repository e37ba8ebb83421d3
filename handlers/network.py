"""`network NAME`: a picture of who appears with an entity: it in the middle,
its most frequent co-mentions around it, edges as wide as the briefs shared."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers import charts
from handlers.core.format import plural
from handlers.core.guard import handler
from handlers.core.limits import join_lines
from handlers.naming import one_entity
from handlers.core.reply import Attachment, Choice, Page, Reply

NEIGHBOURS = 12


@handler("network")
async def run(services: Services, scope: Scope, name=None) -> Reply:
    entity = await one_entity(services, scope, name, "network")
    if isinstance(entity, Reply):
        return entity
    graph = await services.store.co_mention_graph(scope.guild_id, entity.id, neighbours=NEIGHBOURS)
    if graph is None:
        return Reply.error(f"{entity.name} is no longer in this server's index.")
    if not graph.nodes:
        return Reply.info(f"{entity.name} has appeared with no one else yet.",
                          f"{plural(entity.briefs, 'brief')} name {entity.name}, alone.")
    names = {entity.id: entity.name, **{n.id: n.name for n in graph.nodes}}
    png = await charts.drawn(services, scope, ("network", entity.id), "network", entity.name, names,
                             entity.id, graph.edges)
    shared = {(a if b == entity.id else b): n for a, b, n in graph.edges if entity.id in (a, b)}
    lines = [f"{node.name} · {plural(shared.get(node.id, 0), 'brief')} together" for node in graph.nodes]
    return Reply(pages=[Page(title=f"Who appears with {entity.name}",
                             description=join_lines(lines) + "\n\nWider lines: more briefs shared.")],
                 choices=[Choice(node.name, "who", node.name) for node in graph.nodes],
                 choices_prompt="Profiles", attachment=Attachment(png, f"network-{entity.id}.png"))
