"""Readings from the opened blind set traces_an* (session 24: its false alarms first, then its misses), each checked
both ways: the true sentence passes, and a twin that says something false is still flagged."""
from tests.audit.reading import audit as _audit, bad as _bad

CARD16_P2 = ("P说\"我不知道这张牌\"，所以点数是A、Q、4、5。Q说\"我知道你不知道\"，所以花色是红桃或者方块，"
             "剩下：红桃A、红桃Q、红桃4、方块A、方块5。\n\n"
             "接着P说\"现在我知道这张牌了\"。所以P这句话之后剩下的是{}，不是只有方块5。")


def test_not_only_denies_an_exclusivity_not_the_value(ctxs):
    """"剩下的是红桃Q、红桃4、方块5三张，不是只有方块5" after P's second statement: ♦5 is not excluded (right, no flag);
    "剩下的是红桃Q、红桃4三张" with ♦5 gone is still false. The same in English: "not just the 5 of diamonds"."""
    ctx = ctxs("card16.txt")
    assert not _bad(_audit(ctx, CARD16_P2.format("红桃Q、红桃4、方块5三张")))
    assert _bad(_audit(ctx, CARD16_P2.format("红桃A、红桃Q、红桃4")))
    en = ("P: I don't know. So the rank is A, Q, 4 or 5.\n\nQ: I knew you didn't know. So the suit is hearts or "
          "diamonds.\n\nP: Now I know. So the cards left are {}, not just the 5 of diamonds.")
    assert not _bad(_audit(ctx, en.format("the Q of hearts, the 4 of hearts and the 5 of diamonds")))
    assert _bad(_audit(ctx, en.format("the A of hearts, the Q of hearts and the 5 of diamonds")))

CARD16_EN = ("{} The card is the **{}**.\n\n"
             "P: \"I don't know the card.\" The ranks that appear once (J, 8, 2, 7, 3, K, 6) are out, so the rank is "
             "A, Q, 4 or 5.\n\nQ: \"I knew you didn't know.\" Spades and clubs hold a unique rank, so the suit is "
             "hearts or diamonds: ♥A ♥Q ♥4 ♦A ♦5.\n\nP: \"Now I know.\" The ace is in both suits, so it goes: ♥Q ♥4 "
             "♦5.\n\nQ: \"Now I know too.\" Hearts would leave two cards, so the suit is diamonds.\n\n"
             "So the card is the {}.")


def test_a_greeting_before_the_headline_keeps_it_a_headline(ctxs):
    """"Hi! The card is the **5 of diamonds**." opening a trace that reasons to the 5 of diamonds: a greeting, then the
    answer-first headline (no flag); a trace that opens and ends on the 4 of hearts is still wrong."""
    ctx = ctxs("card16.txt")
    for greeting in ("Hi!", "Sure!", "好的！"):
        assert not _bad(_audit(ctx, CARD16_EN.format(greeting, "5 of diamonds (♦5)", "5 of diamonds")))
    assert _bad(_audit(ctx, CARD16_EN.format("Hi!", "4 of hearts (♥4)", "4 of hearts")))

MUDDY_FIRST = ("**Answer: exactly {0} child is muddy.**\n\n"
               "Here's why. Four children played outside; each sees the others' foreheads but not their own. The father "
               "says \"at least one of you is muddy\", and right after that, every muddy child knows that they are "
               "muddy.\n\nA muddy child can deduce her state from the father's sentence only if she sees no muddy "
               "forehead at all.\n\nSo the number of muddy children is {0}.")


def test_a_plain_closing_sentence_naming_one_value_is_the_answer(ctxs):
    """"So the number of muddy children is 1." closing an answer-first trace that narrated the whole dialogue is its
    answer, judged after the dialogue (right, no flag); the same trace answering 2 is wrong."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 1})
    assert not _bad(_audit(ctx, MUDDY_FIRST.format(1)))
    assert _bad(_audit(ctx, MUDDY_FIRST.format(2)))
