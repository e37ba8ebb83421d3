"""Which of several people sharing a surname a bare surname means (extract/statements/namesakes.py).

Every sentence here is written for the test.
"""
from __future__ import annotations

from extract.model import Entity
from extract.statements.namesakes import Namesakes
from statements_of import direct


# -- two people with one surname ----------------------------------------------------------------

def _hales(text: str) -> Namesakes:
    def spans(word):
        out, at = [], text.find(word)
        while at >= 0:
            out.append((at, at + len(word)))
            at = text.find(word, at + 1)
        return out
    ann = Entity("Ann Hale", "PERSON", spans=spans("Ann Hale") + [(s + 4, e) for s, e in spans("Mrs. Hale")])
    tom = Entity("Tom Hale", "PERSON", spans=spans("Tom Hale"))
    return Namesakes(text, [ann, tom])


def test_mrs_is_never_the_husband():
    text = "Ann Hale ran the firm.\n\nTom Hale sold it.\n\nMrs. Hale objected."
    at = text.index("Hale objected")
    assert _hales(text).person(at, at + 4, "Tom Hale") == "Ann Hale"


def test_bare_surname_after_a_full_name_in_its_paragraph():
    text = "Ann Hale ran the firm. Ann Hale hired staff.\n\nLater Tom Hale sold it, and Hale left."
    at = text.rindex("Hale")
    assert _hales(text).person(at, at + 4, "Ann Hale") == "Tom Hale"


def test_bare_surname_far_from_a_namesake_is_the_one_most_written_about():
    text = ("Ann Hale ran the firm. Ann Hale hired staff.\n\nHer husband, Tom Hale, sold it.\n\n"
            "Years on, Ann Hale wrote a book.\n\nA new chapter opened.\n\nHale said it was hard.")
    at = text.rindex("Hale")
    assert _hales(text).person(at, at + 4, "Tom Hale") == "Ann Hale"


def test_namesakes_in_a_brief(extractor):
    body = ("Senator Ann Hale and her husband, Tom Hale, toured the mill.\n\n"
            "The tour ended at noon.\n\n"
            "“We need the jobs here,” Mrs. Hale said.")
    assert direct(extractor, body) == [("We need the jobs here,", "Ann Hale")]
