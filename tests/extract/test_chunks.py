"""Long texts are parsed in pieces: nothing lost, offsets still point at the text."""
from __future__ import annotations

from hypothesis import given, strategies as st

from extract.chunks import pieces


@given(st.text(alphabet="ab .!?\n”", max_size=400), st.integers(min_value=1, max_value=60))
def test_pieces_rebuild_the_text_and_respect_the_limit(text, limit):
    parts = pieces(text, limit)
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)


def test_pieces_cut_at_line_breaks_first():
    text = "First paragraph here.\n\nSecond paragraph here.\n\nThird one."
    parts = pieces(text, 30)
    assert parts == ["First paragraph here.", "\n\nSecond paragraph here.", "\n\nThird one."]


def test_one_enormous_line_is_cut_at_sentence_ends():
    line = "The council met again. " * 50
    parts = pieces(line, 100)
    assert all(p.endswith("again. ") for p in parts)


def test_a_long_article_keeps_every_name_and_quote(extractor):
    para = ("Mayor Lina Osei of Tamsworth said the bridge would reopen. "
            "“We are nearly done,” Osei told reporters on Tuesday.\n\n")
    text = "Bridge Work Nears End\n\n" + para * 300  # ~40,000 characters, many pieces
    brief = extractor.extract(text)
    osei = next(e for e in brief.entities if e.name == "Lina Osei")
    assert osei.type == "PERSON" and osei.mentions >= 600
    quotes = [s for s in brief.statements if s.kind == "direct"]
    assert len(quotes) == 300 and {s.speaker for s in quotes} == {"Lina Osei"}
    assert all(s.text in text for s in brief.statements)
