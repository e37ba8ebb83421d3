import pytest

from handlers.core import validate
from handlers.core.validate import BadInput


@pytest.mark.parametrize("value,expected", [(12, 12), ("12", 12), ("#12", 12), (" 7 ", 7)])
def test_brief_ids_accept_numbers(value, expected):
    assert validate.brief_id(value) == expected


@pytest.mark.parametrize("value", [0, -3, "-3", "abc", "1.5", "", None, True, 2**63, "9" * 30, "9" * 500])
def test_brief_ids_refuse_the_rest_kindly(value):
    with pytest.raises(BadInput) as info:
        validate.brief_id(value)
    assert info.value.reply().ok is False
    assert len(info.value.reply().to_text()) < 300  # never echoes a huge input back


@pytest.mark.parametrize("typed,name", [("Hegseth's", "Hegseth"), ("Hegseth’s", "Hegseth"),
                                        ("“Hegseth”", "Hegseth"), ("  Pete   Hegseth ", "Pete Hegseth"),
                                        ("James'", "James"), ("Xi", "Xi")])
def test_names_lose_quotes_and_possessives(typed, name):
    assert validate.name(typed) == name


@pytest.mark.parametrize("value", ["", "   ", '"', "*", "🙂🙂", "x" * 2000])
def test_queries_need_words_and_a_sane_length(value):
    with pytest.raises(BadInput):
        validate.query(value)


def test_query_operators_pass_through_as_text():
    assert validate.query("NEAR( AND '; DROP TABLE") == "NEAR( AND '; DROP TABLE"


@pytest.mark.parametrize("value,expected", [("<#123>", 123), ("#123", 123), ("123", 123), (123, 123)])
def test_channels(value, expected):
    assert validate.channel_id(value) == expected


@pytest.mark.parametrize("value", ["news", "<#abc>", 0, -1, None, "#"])
def test_channels_refused(value):
    with pytest.raises(BadInput):
        validate.channel_id(value)


def test_days_range():
    assert validate.days(None) == 7
    assert validate.days("30") == 30
    for bad in (0, -1, 10**9, "soon"):
        with pytest.raises(BadInput):
            validate.days(bad)
