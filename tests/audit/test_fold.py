"""The one-pass fold used for quote matching equals NFKC + lower + drop on every text."""
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from epistemic.audit.fold import PLAIN, _slow, fold, fold_prefix


def test_plain_ranges_cannot_compose_or_reorder():
    """The fast path's premise, checked against this Python's Unicode tables: no character of PLAIN
    is a combining mark or the second half of a canonical composition (Hangul jamo are outside)."""
    seconds = set()
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(int(parts[1], 16))
    for a, b in PLAIN:
        for code in range(a, b + 1):
            assert unicodedata.combining(chr(code)) == 0, hex(code)
            assert code not in seconds, hex(code)
    assert not any(a <= code <= b for a, b in PLAIN for code in range(0x1100, 0x1200))


SAMPLES = ["I don't know the card.", "P先生：我不知道这张牌。", "ＡＢＣ，１２３！", "Q：红桃和草花", "ﬁne ½ ①",
           "Café résumé", "e\u0301", "가각", "\u1100\u1161\u11a8", "ΟΔΟΣ Σ", "İstanbul", "=\u0338", "\uffff x",
           "♦5 ♠A", "\u3000\u3001「引号」", "ᄀ\u1161", "\U0001F600 ok", "ﾊﾟ", "\u212b"]


def test_known_samples():
    for text in SAMPLES:
        assert fold(text) == _slow(text), text
    assert fold("P: I don't know the card.") == "pidontknowthecard"
    assert fold("现在我知道这张牌了！") == "现在我知道这张牌了"


_mixed = st.text(alphabet=st.one_of(
    st.characters(),  # anything
    st.sampled_from("aZ9 ,.!'\"？。，：、「」♦♠♥♣ＡＢ１２ﬁ①½é\u0301\u0338\u1161\u11a8ᄀ가Σσ\u3000"),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),
), max_size=40)


@settings(max_examples=2000, deadline=None)
@given(_mixed)
def test_fold_equals_the_definition(text):
    assert fold(text) == _slow(text)


@settings(max_examples=2000, deadline=None)
@given(_mixed, st.integers(0, 30))
def test_fold_prefix_is_a_long_enough_prefix(text, need):
    whole, head = fold(text), fold_prefix(text, need)
    assert whole.startswith(head) and len(head) >= min(need, len(whole))
