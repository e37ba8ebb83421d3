"""People the tagger typed as something else still speak and are still `he` or `she`
(extract/statements/people.py).

The small model's mistakes depend on the name, so these tests make the mistake themselves:
they retype a person's entity before the statement rules run. Every sentence is written
for the test.
"""
from __future__ import annotations

import dataclasses

from extract.model import Entity
from extract.sections import parse
from extract.statements.assemble import find_statements
from extract.statements.people import looks_like_person


def direct_with_types(extractor, body: str, retype: dict[str, str], headline: str = "Council Votes On Budget"):
    """Direct quotations and speakers when the names given carry the types given: a whole
    entity's name retypes the entity, one of its shorter forms becomes an entity of its own."""
    text = f"{headline}\n\n{body}"
    brief = extractor.extract(text)
    entities = []
    for e in brief.entities:
        split = {form: [(s, t) for s, t in e.spans if brief.text[s:t] == form] for form in retype}
        split = {form: spans for form, spans in split.items() if spans and form != e.name}
        kept = [sp for sp in e.spans if all(sp not in spans for spans in split.values())]
        entities.append(dataclasses.replace(e, type=retype.get(e.name, e.type), spans=kept))
        entities += [Entity(form, retype[form], spans=spans) for form, spans in split.items()]
    assert set(retype) <= {e.name for e in entities}, "the test's names must be found in the text"
    doc = extractor.nlp(brief.text)
    found = find_statements(doc, entities, parse(brief.text))
    return [(s.text, s.speaker) for s in found if s.kind == "direct"]


def test_a_person_typed_as_an_organisation_is_still_she(extractor):
    body = ("Senator Margaret Okafor toured the plant that Governor Paul Denton opened. "
            "“The jobs are coming back,” she said.")
    got = direct_with_types(extractor, body, {"Margaret Okafor": "ORG"})
    assert got == [("The jobs are coming back,", "Margaret Okafor")]


def test_namesake_typed_as_an_organisation_takes_back_her_bare_surname(extractor):
    text = ("Council Votes On Budget\n\nCandidate Margaret Okafor spoke in Denver on Monday.\n\n"
            "Her husband, Gregory Okafor, stayed home.\n\n“The race is wide open,” Okafor said.")

    def at(form, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(form, start + 1)
        return start, start + len(form)

    # the entity layer filed the bare surname under the husband, the only Okafor it saw as a person
    entities = [Entity("Margaret Okafor", "ORG", spans=[at("Margaret Okafor")]),
                Entity("Gregory Okafor", "PERSON", aliases=["Okafor"],
                       spans=[at("Gregory Okafor"), at("Okafor", 2)])]
    found = find_statements(extractor.nlp(text), entities, parse(text))
    assert [(s.text, s.speaker) for s in found if s.kind == "direct"] == [
        ("The race is wide open,", "Margaret Okafor")]


def test_a_surname_typed_as_a_place_is_the_person_of_that_name(extractor):
    body = ("Analyst Gregory Hale follows the oil trade.\n\n"
            "“Prices will stay high all winter,” Hale said. “Buyers should be ready,” he added.")
    got = direct_with_types(extractor, body, {"Hale": "GPE"})
    assert got == [("Prices will stay high all winter,", "Gregory Hale"),
                   ("Buyers should be ready,", "Gregory Hale")]


def test_names_of_bodies_and_places_stay_what_they_are():
    assert looks_like_person("Carly Fiorina")
    assert not looks_like_person("Morgan Stanley Bank")  # a body's head word
    assert not looks_like_person("Elizabeth River")  # a place's head word
    assert not looks_like_person("Okafor")  # a bare surname tells nothing
    assert not looks_like_person("Blue Harbour Group")


def test_a_person_typed_as_a_place_whose_surname_is_used_alone(extractor):
    body = ("The show was founded by DJ Beverly Okafor a decade ago, and Governor Paul Denton "
            "came to introduce Okafor.\n\n“I started this because I believe in us,” she said.")
    got = direct_with_types(extractor, body, {"Beverly Okafor": "GPE"})
    assert got == [("I started this because I believe in us,", "Beverly Okafor")]


def test_a_bare_surname_no_entity_covers_is_the_person_named_in_full(extractor):
    text = ("Council Votes On Budget\n\nSenator Paul Denton spoke in Ohio.\n\n"
            "Governor Mark Ruiz called the plan a disaster.\n\n"
            "Denton dismissed the plan in October. On Friday, he said: “There is a process in place.”")

    def at(form):
        start = text.index(form)
        return start, start + len(form)

    # the entity layer missed the bare `Denton`, so the `he` had only Ruiz's paragraph to look at
    entities = [Entity("Paul Denton", "PERSON", spans=[at("Paul Denton")]),
                Entity("Mark Ruiz", "PERSON", spans=[at("Mark Ruiz")]),
                Entity("Ohio", "GPE", spans=[at("Ohio")])]
    found = find_statements(extractor.nlp(text), entities, parse(text))
    assert [(s.text, s.speaker) for s in found if s.kind == "direct"] == [
        ("There is a process in place.", "Paul Denton")]


def test_a_one_word_speaker_takes_the_full_name_the_tagger_missed(extractor):
    text = ("Council Votes On Budget\n\nMost donors were men last year.\n\n"
            "Gretchen Wozniacki, a lobbyist in Ohio, described a dinner in 2014.\n\n"
            "“People assume women are not donors,” Ms. Wozniacki said.")

    def at(form, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(form, start + 1)
        return start, start + len(form)

    # the entity layer saw only the later, bare surname (and typed it a place, as it may)
    for kind in ("PERSON", "GPE"):
        entities = [Entity("Wozniacki", kind, spans=[at("Wozniacki", 1)]), Entity("Ohio", "GPE", spans=[at("Ohio")])]
        found = find_statements(extractor.nlp(text), entities, parse(text))
        assert [(s.text, s.speaker) for s in found if s.kind == "direct"] == [
            ("People assume women are not donors,", "Gretchen Wozniacki")]


def test_a_title_before_a_surname_is_no_first_name(extractor):
    text = "Council Votes On Budget\n\nJudge Harlan heard the case.\n\n“The law is clear,” Harlan said."
    spans = [(m, m + len("Harlan")) for m in (text.index("Harlan"), text.rindex("Harlan"))]
    found = find_statements(extractor.nlp(text), [Entity("Harlan", "PERSON", spans=spans)], parse(text))
    assert [(s.text, s.speaker) for s in found if s.kind == "direct"] == [("The law is clear,", "Harlan")]


def test_a_question_opening_with_a_modal_names_no_one_in_full(extractor):
    text = "Council Votes On Budget\n\nWill Foxx run again?\n\n“I have not decided,” Foxx said."
    spans = [(m, m + len("Foxx")) for m in (text.index("Foxx"), text.rindex("Foxx"))]
    found = find_statements(extractor.nlp(text), [Entity("Foxx", "PERSON", spans=spans)], parse(text))
    assert [(s.text, s.speaker) for s in found if s.kind == "direct"] == [("I have not decided,", "Foxx")]
