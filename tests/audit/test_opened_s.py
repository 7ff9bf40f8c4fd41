"""Readings from the opened blind set traces_s* (session 11: its false alarms), each checked both ways: the correct
trace no longer flagged, a wrong twin still flagged where the reading is certain."""
from tests.audit.reading import audit as _audit, bad as _bad


def test_a_case_heading_makes_the_lists_under_it_that_cases(ctxs):
    ctx = ctxs("card16.txt")
    case = _audit(ctx, "### Case ♠ (J 8 4 2 7 3)\nP's \"I don't know\" is possible only for ♠4. Spades ruled out.")
    assert [c.record.reading for c in case.claims() if c.record.kind == "candidates"] == ["case analysis"]
    assert not _bad(case)
    plain = _audit(ctx, "P says he doesn't know.\n\nSo the card is ♠4.")
    assert [c.record.kind for c in _bad(plain)] == ["candidates"]


def test_a_tick_ends_an_item_of_a_checklist(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    text = ("1) 阿里：不知道，且知道波不知道 → 剩 3月18、3月19、7月16、7月17、7月19\n"
            "2) 波：起初不知道，现在知道\n→ 在剩余5个中唯一：18（只3月）✓ 16（只7月）✓ 17（只7月）✓ 19（3月/7月）✗")
    r = _audit(ctx, text)
    assert [c.formula for c in r.claims() if c.record.kind == "exclusion"] == ["day != 19"] and r.label == -1


def test_what_a_statement_requires_is_no_claim(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    # (since session 14 "Bernard's day" also says Bernard observes the day: a `told` claim, true, beside the point)
    assert not [c for c in _audit(ctx, "Albert must be sure Bernard's day isn't 13 or 20.").claims()
                if c.record.kind != "told"]
    told = _audit(ctx, "So Albert is sure Bernard's day isn't 13 or 20.")
    assert [c.record.kind for c in told.claims() if c.record.kind != "told"] == ["knowledge"]


def test_sure_before_someone_spoke_names_no_object(ctxs):
    ctx = ctxs("sum_product.txt")
    r = _audit(ctx, "P says he does not know.\n\nIt has to mean S was already sure before P spoke, from the sum alone.")
    assert r.label == -1 and not [c for c in r.claims() if c.record.kind == "knowledge" and "S knows" in c.formula]


def test_one_kind_left_counts_what_the_sentence_speaks_of(ctxs):
    ctx = ctxs("impossible.txt")
    r = _audit(ctx, "P 检查 52 的两种分解：4 + 13 = 17，在名单。只剩一种，所以 P 确定了。")
    assert not [c for c in r.claims() if c.record.kind == "count"]
    counted = _audit(ctx, "这排除了6种可能，还剩4种。")
    assert [c.record.kind for c in counted.claims()] == ["count"]


def test_the_clean_children_know_only_later(ctxs):
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    later = _audit(ctx, "父亲说至少有一个人有泥。\n\n第一次没有人站出来。\n\n干净的孩子此时看到 2 张泥脸，m = 3 还没被排除，"
                        "所以他们要等有泥的两个人站出来后才知道自己干净。")
    assert not [c for c in later.claims() if c.record.kind == "knowledge"]
    now = _audit(ctx, "父亲说至少有一个人有泥。\n\n第一次没有人站出来。\n\n所以干净的孩子这时就能确定自己是干净的。\n\n"
                      "然后每个有泥的孩子都知道自己有泥了。")
    assert [c.record.kind for c in _bad(now)] == ["knowledge"]
