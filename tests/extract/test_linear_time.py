"""Hostile texts cost time in proportion to their length: growing one 4x must not
grow the work much more than 4x. Pure-Python steps are measured by counting the
function calls they make (exact, whatever the machine's load); the whole pipeline,
whose tokenizer is compiled, by a ratio of two timings inside one test (the best of
a few runs each), never against a clock."""
from __future__ import annotations

import cProfile
import time

import pytest

from extract.chunks import MAX_MARK_RUN, MAX_WORD, tame_long_runs
from extract.statements.quotes import find_quotes

# Quadratic work would grow 16x when the text grows 4x; linear grows 4x. 10x is generous
# for noise on a busy machine and still fails the quadratic cases by a wide margin.
GROWTH = 4
ALLOWED = 10.0


def median_of(fn, text: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
    return sorted(times)[runs // 2]


def calls(fn, text: str) -> int:
    """Function calls (Python and built-in) made by fn(text): a count of the work done."""
    profile = cProfile.Profile()
    profile.runcall(fn, text)
    return sum(entry.callcount for entry in profile.getstats())


def repeated(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def growth(measure, fn, unit: str, chars: int) -> float:
    small, large = repeated(unit, chars), repeated(unit, GROWTH * chars)
    fn(small)  # warm caches
    # a floor of a millisecond: work that taming made trivial must not fail on timer noise
    return max(measure(fn, large), 1e-3) / max(measure(fn, small), 1e-3)


QUOTE_ATTACKS = ["(‘a", "-'a", '"', "“‘“a ", 'He said "no and ', "‘a ’", "' a"]


@pytest.mark.parametrize("unit", QUOTE_ATTACKS)
def test_quote_finding_grows_linearly(unit):
    assert growth(calls, find_quotes, unit, 6000) <= GROWTH * 1.1


@pytest.mark.parametrize("unit", ['"', "!?", ")", "”", "ab/", "“‘“a ", "x" ])
def test_tokenizing_grows_linearly(extractor, unit):
    """spaCy's tokenizer was quadratic on long runs of marks and on very long words."""
    tokenize = lambda text: extractor.nlp.tokenizer(tame_long_runs(text))  # noqa: E731
    assert growth(median_of, tokenize, unit, 20_000) <= ALLOWED


def test_long_runs_are_broken_without_moving_any_character():
    text = 'He wrote ' + '"' * 40 + ' and https://example.org/' + "a" * 300 + ' "Yes," she said.'
    tamed = tame_long_runs(text)
    assert len(tamed) == len(text)
    assert all(len(run) <= MAX_MARK_RUN for run in tamed.split() if not any(c.isalnum() for c in run))
    assert max(len(word) for word in tamed.split()) <= MAX_WORD
    assert tamed.endswith(' "Yes," she said.')  # prose is left as it was


def test_a_quote_beside_a_hostile_run_is_still_found(extractor):
    text = "Storm hits coast\n\n" + "!?" * 2000 + '\n\n"We are ready," said Mayor Ana Costa.'
    brief = extractor.extract(text)
    assert any("We are ready" in s.text for s in brief.statements)


@pytest.mark.parametrize("unit", ["“‘“a ", "(‘a", "-'a", '"', "!?", "ab/"])
def test_text_of_marks_makes_no_more_tokens_than_words_would(extractor, unit):
    """The parser's cost follows the tokens, and every mark is one: a brief that is mostly
    marks must not cost several times prose of its length (prose: ~1 token per 5 chars)."""
    text = repeated(unit, 6000)
    tokens = extractor.nlp.tokenizer(tame_long_runs(text))
    assert len(tokens) <= len(text) / 2


def test_prose_with_marks_is_left_as_written():
    prose = ('“We said ‘no’ to him,” Ana Ruiz (D-Calif.) told U.S.-U.K. talks on Jan. 3, 2024: '
             '"It\'s over." Items 1,2,3,4,5,6,7,8,9,10 and (a), (b), (c) follow -- see p. 4!')
    assert tame_long_runs(prose) == prose


def test_attributing_many_quotes_on_one_line_grows_linearly(extractor):
    """Each quote's attribution looked back over every quote of its line: a line of
    thousands of quotes cost time quadratic in their number."""
    from extract.sections import parse
    from extract.statements.assemble import find_statements

    def attribute_all(doc):
        find_statements(doc, [], parse(doc.text))

    small, large = (extractor.nlp(repeated("“‘“a ", n)) for n in (3000, 3000 * GROWTH))
    attribute_all(small)  # warm caches
    assert median_of(attribute_all, large, runs=3) / max(median_of(attribute_all, small, runs=3), 1e-6) <= ALLOWED



def test_looking_for_a_byline_after_a_quote_grows_linearly():
    """The byline after a quoted title was matched with two adjacent `\\s*`, which
    backtrack quadratically over a long run of blanks after the quote."""
    from extract.statements.assemble import _BYLINE_AFTER

    assert growth(median_of, _BYLINE_AFTER.match, " ", 5000) <= ALLOWED
