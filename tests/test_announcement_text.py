"""Announcement text: what readers get of what a publisher typed."""

from plugins.announcements.text import clean_text, paragraphs


def test_paragraphs_are_separated_by_one_blank_line_whatever_was_typed():
    typed = "  Первый абзац.  \r\nЕго вторая строка.\r\n\r\n\r\n\r\nВторой абзац.\t\n\n"
    assert clean_text(typed) == "Первый абзац.\nЕго вторая строка.\n\nВторой абзац."
    assert paragraphs(clean_text(typed)) == ["Первый абзац.\nЕго вторая строка.",
                                             "Второй абзац."]


def test_a_blank_text_has_no_paragraphs():
    assert clean_text(" \n\r\n ") == ""
    assert paragraphs("") == []
