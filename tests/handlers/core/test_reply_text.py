"""The plain-text form of a reply (console, `newsbrief ask`): one paging label."""
from __future__ import annotations

from handlers.core.reply import Page, Reply


def test_pages_without_their_own_label_get_the_same_one_as_in_discord():
    text = Reply(pages=[Page(title="One"), Page(title="Two", footer="2 briefs")]).to_text()
    assert text.splitlines() == ["One", "Page 1 of 2", "---", "Two", "Page 2 of 2 · 2 briefs"]
