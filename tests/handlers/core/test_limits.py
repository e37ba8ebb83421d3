from handlers.core import limits
from handlers.core.reply import Choice, Field, Page, Reply


def test_clip_keeps_short_text_and_marks_cut_text():
    assert limits.clip("short", 10) == "short"
    cut = limits.clip("word " * 100, 50)
    assert len(cut) <= 50 and cut.endswith("…")


def test_fit_keeps_every_page_inside_discord_limits():
    huge = "x" * 10_000
    page = Page(title=huge, description=huge, footer=huge,
                fields=[Field(huge, huge) for _ in range(40)])
    reply = limits.fit(Reply(pages=[page], choices=[Choice(huge, "who", huge)] * 30))
    p = reply.pages[0]
    assert len(p.title) <= limits.TITLE
    assert len(p.description) <= limits.DESCRIPTION
    assert len(p.fields) <= limits.FIELDS
    assert all(len(f.name) <= limits.FIELD_NAME and len(f.value) <= limits.FIELD_VALUE for f in p.fields)
    total = len(p.title) + len(p.description) + len(p.footer or "") + sum(len(f.name) + len(f.value)
                                                                           for f in p.fields)
    assert total <= limits.TOTAL
    assert len(reply.choices) <= limits.CHOICES
    assert all(len(c.label) <= limits.CHOICE_LABEL and len(c.args) <= limits.CHOICE_ARGS for c in reply.choices)


def test_fit_never_leaves_a_reply_without_pages_or_fields_empty():
    reply = limits.fit(Reply(pages=[Page(title="", fields=[Field("", "")])]))
    assert reply.pages[0].title and reply.pages[0].fields[0].name and reply.pages[0].fields[0].value
    assert limits.fit(Reply(pages=[])).pages


def test_join_lines_stops_before_the_limit():
    text = limits.join_lines(["line %d" % i for i in range(1000)], 100)
    assert len(text) <= 100 and text.endswith("…")
