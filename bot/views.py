"""Buttons and menus under a reply: page through a long answer, or pick one of
the "did you mean" candidates. Only the member who asked can use them (others
get a short private note), and they are disabled when the view times out so
nobody clicks a dead control.
"""
from __future__ import annotations

import logging
from typing import Awaitable, Callable

import discord

from bot.render import plain, render
from handlers.core.dispatch import failure_hint
from handlers.core.reply import Choice, Reply

log = logging.getLogger(__name__)

BUTTONS_IN_A_ROW = 5  # Discord's limit; more choices than that become a menu
TIMEOUT = 180.0  # seconds; well inside the 15 minutes an interaction's message stays editable
NOT_YOURS = ("These controls belong to the member who asked. "
             "Run the command yourself to get your own copy.")

# Runs a chosen "did you mean" candidate for the member who picked it.
ChoiceRunner = Callable[[discord.Interaction, Choice], Awaitable[Reply]]
# Edits the message the view is attached to (Message.edit or Interaction.edit_original_response).
Editor = Callable[..., Awaitable[object]]
CONFIRM_TIMEOUT = 120.0  # seconds a "Forget brief #12?" question waits for its answer


def needs_view(reply: Reply, can_choose: bool = True) -> bool:
    return len(reply.pages) > 1 or (can_choose and bool(reply.choices))


class ReplyView(discord.ui.View):
    """Pager buttons (several pages) and a choice menu (Reply.choices) for one reply."""

    def __init__(self, reply: Reply, *, author_id: int, run_choice: ChoiceRunner | None = None,
                 timeout: float | None = TIMEOUT):
        super().__init__(timeout=timeout)
        self.reply = reply
        self.embeds = render(reply)
        self.author_id = author_id
        self.run_choice = run_choice
        self.page = 0
        self._editor: Editor | None = None
        self._buttons: dict[str, discord.ui.Button] = {}
        if len(self.embeds) > 1:
            self._add_pager()
        if reply.choices and run_choice is not None:
            self._add_choices()

    @property
    def embed(self) -> discord.Embed:
        return self.embeds[self.page]

    def attach(self, editor: Editor) -> None:
        """How to edit the sent message when the view times out."""
        self._editor = editor

    # ---- paging ---------------------------------------------------------------

    def _add_pager(self) -> None:
        last = len(self.embeds) - 1
        for key, label, emoji, target in (("first", "First", "⏮", lambda: 0),
                                          ("previous", "Previous", "◀", lambda: self.page - 1),
                                          ("next", "Next", "▶", lambda: self.page + 1),
                                          ("last", "Last", "⏭", lambda: last)):
            button = discord.ui.Button(label=label, emoji=emoji, style=discord.ButtonStyle.secondary, row=0)
            button.callback = self._turner(target)
            self._buttons[key] = button
            self.add_item(button)
        self._sync_buttons()

    def _turner(self, target: Callable[[], int]):
        async def turn(interaction: discord.Interaction) -> None:
            self.page = max(0, min(target(), len(self.embeds) - 1))
            self._sync_buttons()
            await interaction.response.edit_message(embed=self.embed, view=self)
        return turn

    def _sync_buttons(self) -> None:
        at_start, at_end = self.page == 0, self.page == len(self.embeds) - 1
        for key, disabled in (("first", at_start), ("previous", at_start), ("next", at_end), ("last", at_end)):
            if key in self._buttons:
                self._buttons[key].disabled = disabled

    # ---- did you mean ---------------------------------------------------------

    def _add_choices(self) -> None:
        if self.reply.choice_buttons and len(self.reply.choices) <= BUTTONS_IN_A_ROW:
            for n, choice in enumerate(self.reply.choices):
                button = discord.ui.Button(label=plain(choice.label)[:80] or "-", style=discord.ButtonStyle.secondary,
                                           row=1)
                button.callback = self._pressed(n)
                self.add_item(button)
            return
        options = [discord.SelectOption(label=plain(c.label)[:100] or "-", value=str(n))
                   for n, c in enumerate(self.reply.choices[:25])]
        menu = discord.ui.Select(placeholder=f"{self.reply.choices_prompt}…"[:150], options=options, row=1)
        menu.callback = self._chosen(menu)
        self.add_item(menu)

    def _pressed(self, n: int):
        async def pressed(interaction: discord.Interaction) -> None:
            await self._answer_apart(interaction, self.reply.choices[n])
        return pressed

    async def _answer_apart(self, interaction: discord.Interaction, choice: Choice) -> None:
        """A "full text" answer comes as a message of its own (for the asker), so
        the list it came from stays where it is, still usable."""
        assert self.run_choice is not None
        reply = await self.run_choice(interaction, choice)
        await interaction.response.send_message(embeds=render(reply)[:10], ephemeral=True)

    def _chosen(self, menu: discord.ui.Select):
        async def chosen(interaction: discord.Interaction) -> None:
            choice = self.reply.choices[int(menu.values[0])]
            if self.reply.choice_buttons:
                await self._answer_apart(interaction, choice)
                return
            assert self.run_choice is not None
            reply = await self.run_choice(interaction, choice)
            self.stop()
            follow = (ReplyView(reply, author_id=self.author_id, run_choice=self.run_choice)
                      if needs_view(reply) else None)
            embed = follow.embed if follow else render(reply)[0]
            # The answer replaces the question, so the channel keeps one message.
            await interaction.response.edit_message(embed=embed, view=follow)
            if follow is not None:
                follow.attach(interaction.edit_original_response)
        return chosen

    # ---- discord.ui.View hooks -------------------------------------------------

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        if interaction.user.id == self.author_id:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True)
        return False

    async def on_timeout(self) -> None:
        for item in self.children:
            item.disabled = True  # type: ignore[attr-defined]
        if self._editor is None:
            return
        try:
            await self._editor(view=self)
        except discord.HTTPException as exc:  # deleted meanwhile, or the interaction expired
            log.debug("could not disable a timed-out view: %s", exc)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item, /) -> None:
        log.error("view item %r failed (guild %s, user %s)", getattr(item, "custom_id", item),
                  interaction.guild_id, interaction.user.id, exc_info=error)
        text = f"Sorry, something went wrong on my side. {failure_hint(error)}"
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)
        except discord.HTTPException:
            pass


class ConfirmView(discord.ui.View):
    """Confirm / Cancel under a question (Reply.confirm). Confirm runs the change
    for the member who pressed it (their permissions are checked again); the
    answer replaces the question. Only the member who asked can press either."""

    def __init__(self, reply: Reply, *, author_id: int, run_choice: ChoiceRunner,
                 timeout: float | None = CONFIRM_TIMEOUT):
        super().__init__(timeout=timeout)
        assert reply.confirm is not None
        self.reply = reply
        self.embed = render(reply)[0]
        self.author_id = author_id
        self.run_choice = run_choice
        self._editor: Editor | None = None
        confirm = discord.ui.Button(label=plain(reply.confirm.label)[:80] or "Confirm",
                                    style=discord.ButtonStyle.danger)
        confirm.callback = self._confirmed
        cancel = discord.ui.Button(label="Cancel", style=discord.ButtonStyle.secondary)
        cancel.callback = self._cancelled
        self.add_item(confirm)
        self.add_item(cancel)

    def attach(self, editor: Editor) -> None:
        self._editor = editor

    async def _confirmed(self, interaction: discord.Interaction) -> None:
        self.stop()
        reply = await self.run_choice(interaction, self.reply.confirm)
        await interaction.response.edit_message(embed=render(reply)[0], view=None)

    async def _cancelled(self, interaction: discord.Interaction) -> None:
        self.stop()
        await interaction.response.edit_message(embed=render(Reply.info("Cancelled; nothing changed."))[0],
                                                view=None)

    interaction_check = ReplyView.interaction_check
    on_error = ReplyView.on_error

    async def on_timeout(self) -> None:
        if self._editor is None:
            return
        try:
            await self._editor(embed=render(Reply.info("Not confirmed in time; nothing changed."))[0], view=None)
        except discord.HTTPException as exc:
            log.debug("could not close a timed-out question: %s", exc)
