from handlers.linkpost import commented_link


def test_a_link_with_a_short_comment_is_a_link_post():
    assert commented_link("Interesting read https://example.org/news/story", 25) == "https://example.org/news/story"
    assert commented_link("Worth it: <https://example.org/a>!", 25) == "https://example.org/a"
    assert commented_link("See https://example.org/a.", 25) == "https://example.org/a"


def test_a_brief_mentioning_a_link_and_two_links_are_not():
    long_text = "The council met on Monday and voted " + "again and " * 20 + "see https://example.org/a"
    assert commented_link(long_text, 25) is None
    assert commented_link("Two reads https://example.org/a https://example.org/b", 25) is None
    assert commented_link("No link here", 25) is None
