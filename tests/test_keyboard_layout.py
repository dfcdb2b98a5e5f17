"""The keyboard layout switch: pure, so tested on generated text."""

from hypothesis import assume, given
from hypothesis import strategies as st

from backend.catalog.keyboard_layout import switch_layout

RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
ENGLISH = "abcdefghijklmnopqrstuvwxyz"

russian_words = st.text(alphabet=RUSSIAN, min_size=1, max_size=12)
english_words = st.text(alphabet=ENGLISH, min_size=1, max_size=12)
any_words = st.text(alphabet=RUSSIAN + ENGLISH + "0123456789.,-", min_size=1, max_size=12)


def test_words_typed_on_the_wrong_layout_are_read_as_meant():
    assert switch_layout("rhfcrf afcflyfz") == "краска фасадная"
    assert switch_layout("Rhfcrf") == "краска"
    assert switch_layout("кфд 9010") == "ral 9010"
    assert switch_layout("ujkjdrf,") == "головкаб"  # «б» is the comma key


def test_numbers_and_words_of_both_scripts_are_left_alone():
    assert switch_layout("0,9 л") == "0,9 k"
    assert switch_layout("12.5 x 2") == "12.5 ч 2"
    assert switch_layout("oak-дуб") == "oak-дуб"


def _unambiguous(word: str) -> bool:
    """Whether ``word`` switches back: «.а» is read as Russian and becomes «.f», whose «.»
    is then the key of «ю»; punctuation beside letters is a key of the other layout."""
    return not (set(word) & set(".,") and any(c.isalpha() for c in word))


def _keeps_a_letter(word: str) -> bool:
    """Whether ``word`` still has a letter on the other layout: «бю» is «,.» there, which
    reads as punctuation and is left alone, so it cannot come back."""
    return any(c.isalpha() for c in switch_layout(word))


@given(st.lists(st.one_of(russian_words, english_words, any_words), min_size=1, max_size=5))
def test_switching_twice_gives_the_text_back(words):
    assume(all(_unambiguous(w) and (_keeps_a_letter(w) or w == switch_layout(w)) for w in words))
    text = " ".join(words)
    assert switch_layout(switch_layout(text)) == text


@given(russian_words)
def test_a_russian_word_typed_on_the_english_layout_is_found_again(word):
    assume(_keeps_a_letter(word))
    typed = switch_layout(word)
    assert set(typed) <= set(ENGLISH + "`[];',.")
    assert switch_layout(typed) == word
