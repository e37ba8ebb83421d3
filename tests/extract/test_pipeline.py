"""Pipeline glue: one spaCy pass per brief, layout and entities wired into a Brief."""
from __future__ import annotations

from extract import Brief, clean_text
from extract.pipeline import common_words

BRIEF = ("Harbour Authority Delays Dredging As Costs Rise\n\nNews Summary\n"
         "The Harbour Authority of Valdia delayed dredging on Monday, its director Mira Kovac said.\n"
         "Background\nKovac took office in 2022.\n"
         "In-Depth AI Insights\nWill costs fall? - Not soon. - Contractors are scarce.")


def test_extract_builds_a_brief(extractor):
    brief = extractor.extract(BRIEF)
    assert isinstance(brief, Brief)
    assert brief.title == "Harbour Authority Delays Dredging As Costs Rise"
    assert [s.name for s in brief.sections] == ["News Summary", "Background", "In-Depth AI Insights"]
    assert brief.insights[0].answers == ["Not soon.", "Contractors are scarce."]
    assert not brief.truncated
    kovac = next(e for e in brief.entities if e.name == "Mira Kovac")
    assert kovac.type == "PERSON" and kovac.aliases == ["Kovac"] and kovac.mentions == 2


def test_extract_many_matches_extract(extractor):
    texts = [BRIEF, "Short note\n\nOfficials in Oslo met on Friday.", ""]
    many = extractor.extract_many(texts, batch_size=2)
    single = [extractor.extract(t) for t in texts]
    assert [b.to_json() for b in many] == [b.to_json() for b in single]


def test_offsets_refer_to_the_cleaned_text(extractor):
    raw = "\ufeffNote\r\n\r\nOfficials met in Oslo\u200b on Friday.\t"
    brief = extractor.extract(raw)
    assert brief.text == clean_text(raw) == "Note\n\nOfficials met in Oslo on Friday."
    oslo = next(e for e in brief.entities if e.name == "Oslo")
    assert [brief.text[s:t] for s, t in oslo.spans] == ["Oslo"]


def test_scorer_schema(extractor):
    data = extractor.extract(BRIEF).to_json()
    assert set(data) == {"title", "sections", "insights", "entities", "quotes"}
    assert all(set(e) == {"name", "type", "aliases", "role", "mentions"} for e in data["entities"])


def test_pipeline_keeps_what_extraction_reads(extractor):
    names = extractor.nlp.pipe_names
    for component in ("tagger", "parser", "attribute_ruler", "lemmatizer", "ner"):
        assert component in names


def test_common_words_come_from_the_lemmatizer(extractor):
    words = extractor.common_words
    assert "turnout" in words and "background" in words
    assert common_words(object()) == frozenset()  # a pipeline without the table turns the rule off
