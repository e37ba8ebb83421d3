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


def test_joined_pieces_carry_the_same_annotations_as_from_docs(extractor):
    from spacy.tokens import Doc

    from extract.chunks import join

    text = ("Mayor Lina Osei of Tamsworth said the bridge would reopen.\n\n"
            "“We are nearly done,” Osei told reporters in Valdia on Tuesday.\n")
    parts = list(extractor.nlp.pipe(pieces(text, 60)))
    assert len(parts) > 1
    ours, spacys = join(extractor.nlp.vocab, parts), Doc.from_docs(parts, ensure_whitespace=False)
    assert ours.text == spacys.text == text
    assert [(t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in ours] \
        == [(t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in spacys]
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in spacys.ents]
