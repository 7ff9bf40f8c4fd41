"""Readings from the opened blind set traces_ae* (session 18: its six false alarms, its unread answer and first errors
it missed), each checked both ways where it can be: the right reading leaves a true step alone or flags the wrong
one, and its twin goes the other way."""
import json
from pathlib import Path

from tests.audit.reading import audit as _audit, bad as _bad

NATURAL = Path(__file__).resolve().parents[1] / "data" / "natural"


def _text(row_id):
    """The text of an opened row (the whole trace, where a shortened one would not show the reading)."""
    for path in sorted(NATURAL.glob("traces_ae*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["id"] == row_id:
                return row["text"]
    raise KeyError(row_id)


CHERYL_OUTLINE = _text("ae1-cheryl-gemini-terse-correct-04")  # "A = month, B = day." and a numbered outline
MUDDY_TERSE = _text("ae2-muddy-gemini-terse-correct-17")  # "Muddy children knowing right away ⇒ …"


def _claims(report):
    return [(c.record.kind, c.formula, c.record.certain) for c in report.claims()]


def test_a_letter_set_equal_to_what_one_agent_observes_names_that_agent(ctxs):
    """"A = month, B = day": A is the one told the month (Albert), so "1. A: …" is his statement."""
    ctx = ctxs("cheryl.txt")
    assert _audit(ctx, CHERYL_OUTLINE).label == -1
    unnamed = CHERYL_OUTLINE.replace(" A = month, B = day.", "")  # without the definition: nothing names Albert
    assert _bad(_audit(ctx, unnamed))
    assert ("told", "Albert knows month") in [c[:2] for c in _claims(_audit(ctx, "A = month, B = day."))]
    card = ctxs("card16.txt")  # a letter that is a word of the puzzle (the ace) stays that word
    assert not [c for c in _claims(_audit(card, "A = rank.")) if c[0] == "told"]


def test_a_speakers_numbered_label_opens_that_speakers_statement(ctxs):
    ctx = ctxs("cheryl.txt")
    text = ("A = month (Albert), B = day (Bernard).\n\n"
            "A1: ¬K_A ∧ K_A ¬K_B → drop May, Jun.\n\nB: \"didn't know, now do\" → drop both 14s.\n\n"
            "**A2** \"then I know\" → Aug has 2 ✗, Jul has 1 ✓. Left: Jul 16.")
    report = _audit(ctx, text)
    assert report.label == -1
    early = text.replace("A1: ¬K_A ∧ K_A ¬K_B → drop May, Jun.", "A0: → drop May, Jun.")  # no first statement of A
    assert _bad(_audit(ctx, early))


def test_a_cell_after_a_knowing_cell_is_what_the_statement_gives(ctxs):
    """"| Alice doesn't know | b ≠ c |": Alice doesn't know her own number (a), and b ≠ c follows; but
    "| S knows | x + y |" is what S is told."""
    ctx = ctxs("what_sum.txt")
    table = ("Alice: \"I don't know my number.\" Bob: \"I don't know my number.\"\n\n"
             "| Announcement | New fact |\n|---|---|\n| Alice doesn't know | b ≠ c |\n| Bob doesn't know | a ≠ c |")
    found = [c[:2] for c in _claims(_audit(ctx, table))]
    assert ("knowledge", "not Alice knows a") in found and ("knowledge", "not Alice knows b") not in found
    assert _audit(ctx, table).label == -1
    sp = ctxs("impossible.txt")
    told = _audit(sp, "| | |\n|---|---|\n| S knows | x + y |\n| P knows | x · y |")
    assert not _bad(told)
    assert ("knowledge", "S knows (x, y)") not in [c[:2] for c in _claims(told)]


def test_a_bulleted_outline_of_the_statements_is_the_reasoning_gone_through(ctxs):
    """"- P: don't know → …", "- S: knew that → …" with consequences: the trace has been through the dialogue."""
    ctx = ctxs("sum_product.txt")
    outline = ("**Solution outline**\n\n- P: don't know → product p has ≥ 2 factorizations.\n"
               "- S: knew that → no split of s has a uniquely factorable product\n"
               "  → s ∈ {11, 17, 23, 27, 29, 35, 37, 41, 47, 53}\n"
               "- P: now know → exactly one factorization of p has its sum in that set.\n"
               "- S: now know → exactly one split of s passes the previous line.\n"
               "  - s=11: (2,9), (3,8), (4,7) pass → 3 candidates → S wouldn't know.\n"
               "  - s=17: only (4,13) passes.\n\n"
               "Check s=11 in detail: 18→(3,6)=9 ∉ set → P knows; 30→(2,15)=17 ∈ set → P unsure. Three survivors → "
               "S stuck, so 11 is out.")
    assert _audit(ctx, outline).label == -1
    worked = outline.split("\n\n")[1]
    assert ctx.aligner.worked_outline(worked)
    told = "- P: don't know.\n- S: knew that.\n- P: now know → exactly one.\n- S: now know."  # restated
    assert not ctx.aligner.worked_outline(told)
    sees = "- P: sees the product → many pairs.\n- S: sees the sum → many splits."  # what each observes
    assert not ctx.aligner.worked_outline(sees)


def test_knowing_told_plainly_by_fewer_of_the_statements_words(ctxs):
    """"Muddy children knowing right away ⇒ …" names the last statement; a supposition, a modal or "everyone knows
    that …" does not."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 1})
    assert _audit(ctx, MUDDY_TERSE).label == -1
    cues = ctx.aligner.inner_cues
    assert [(c.stage, c.how) for c in cues("Muddy children knowing right away ⇒ each sees nobody muddy.", 1)] == \
        [(2, "content")]
    assert not cues("If muddy children knew right away, each would see nobody muddy.", 1)
    assert not cues("The muddy children would know right away.", 1)
    five = ctxs("muddy.txt", {"n": 5, "k": 3})
    assert not five.aligner.inner_cues("Everyone now knows that there are at least 3 muddy children.", 1)
    assert [c.stage for c in five.aligner.inner_cues("Muddy children knowing now ⇒ exactly three.", 1)] == [4]


def test_a_column_of_what_is_ruled_out_states_exclusions(ctxs):
    ctx = ctxs("muddy.txt", {"n": 6, "k": 3})
    table = ("Father, then two silences, then every muddy child knows.\n\n"
             "| Public event | What everyone can now rule out | Worlds left |\n|---|---|---|\n"
             "| Silence #1 | exactly 1 muddy | 57 |\n| Silence #2 | exactly 2 muddy | 42 |\n"
             "| Muddy children now know | more than 3 muddy | 20 |")
    assert _audit(ctx, table).label == -1
    kept = table.replace("What everyone can now rule out", "What everyone can now say")  # stated as what holds
    assert _bad(_audit(ctx, kept))


def test_a_column_of_what_remains_is_dated_by_its_rows_statement(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    table = ("| step | announcement | what it excludes | what remains |\n|---|---|---|---|\n"
             "| 1 | at least one is muddy | all clean | k ≥ 1 |\n| 2 | first silence | k = 1 | k ≥ 2 |\n"
             "| 3 | second silence | k = 2 | k ≥ 3 |\n| 4 | every muddy child knows | k = 4 | k = 3 |")
    assert _audit(ctx, table).label == -1
    early = table.replace("| 2 | first silence | k = 1 | k ≥ 2 |", "| 2 | first silence | k = 1 and k = 2 | k ≥ 3 |")
    assert _audit(ctx, early).label == 0
    assert any(c.formula.startswith("statement 2 rules out") for c in _bad(_audit(ctx, early)))


def test_a_sentence_walking_through_the_rounds_is_not_pinned_to_its_first(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    text = ("The father says at least one is muddy. Then two silences, then every muddy child knows.\n\n"
            "Let me double check the round count: father's announcement, then silence (round 1) → at least 2, "
            "silence (round 2) → at least 3, then the muddy children know → exactly 3.")
    assert not _bad(_audit(ctx, text))
    pinned = ("The father says at least one is muddy. Then two silences, then every muddy child knows.\n\n"
              "From the father's announcement alone, there are at least 3.")
    assert _bad(_audit(ctx, pinned))


def test_plus_or_minus_one_is_no_value(ctxs):
    ctx = ctxs("consecutive.txt")
    assert not _claims(_audit(ctx, "Anne's options are a ± 1."))
    assert _claims(_audit(ctx, "Anne's options are a = 1."))


def test_a_number_after_a_comma_and_another_subject_is_not_the_attributes(ctxs):
    """"所以谢丽尔9岁，两个弟弟都是4岁，车号17": 4 and 17 are the brothers' ages and the bus number."""
    ctx = ctxs("cheryls_age.txt")
    report = _audit(ctx, "所以谢丽尔9岁，两个弟弟都是4岁，车号17。")
    assert report.final_answer == ((9,),)
    assert _claims(_audit(ctx, "谢丽尔是8岁，大弟6岁，小弟3岁。")) == [("candidates", "cheryl = 8", True)]
    assert _claims(_audit(ctx, "谢丽尔的年龄是8，或者9。"))[0][:2] == ("candidates", "cheryl in {8, 9}")


def test_a_line_of_tuples_with_their_sums_reads_each_sum(ctxs):
    ctx = ctxs("cheryls_age.txt")
    line = "(8,6,3)=17，(9,4,4)=17，(9,8,2)=17，(12,4,3)=19，(12,6,2)=20，(16,3,3)=22"
    report = _audit(ctx, line)
    assert [c.record.text for c in _bad(report)] == ["(9,8,2)=17"]
    right = line.replace("(9,8,2)=17", "(9,8,2)=19")
    assert not _bad(_audit(ctx, right)) and len(_claims(_audit(ctx, right))) == 6
    assert not _claims(_audit(ctx, "(8,6,3)=17，(9,8,2)=17"))  # two: no convention to read them by


def test_a_range_of_a_number_is_its_inclusive_bound(ctxs):
    """"a is between 1 and 9", "b ∈ {2, ..., 8}", "a 在1到9之间": the range, not its two ends as a list."""
    ctx = ctxs("consecutive.txt")
    first = "Anne: \"I don't know your number.\"\n\n"
    for said in ["So a is between 1 and 9.", "So a ∈ {1, ..., 9}.", "So a is from 1 to 9.", "所以 a 在1到9之间。",
                 "So a is 1..9."]:
        found = [c[:2] for c in _claims(_audit(ctx, first + said))]
        assert ("bound", "a >= 1 and a <= 9") in found, said
        assert _audit(ctx, first + said).label == -1, said
    narrow = _audit(ctx, first + "So a is between 2 and 8.")  # too narrow: 1 and 9 are still possible
    assert [c.verdict.verdict for c in narrow.claims() if c.formula == "a >= 2 and a <= 8"] == ["false"]
    assert _bad(_audit(ctx, first + "So a is 1 or 9."))  # a list stays a list


def test_a_range_that_names_a_case_claims_nothing(ctxs):
    ctx = ctxs("consecutive.txt")
    for case in ["For a in 3..7 both neighbours survive, so she'd still be guessing.",
                 "a = 4..7: same, doesn't know.", "……中间的 a = 3 到 7 都不知道。", "a 是1到9时 b 各有两种。"]:
        assert not _bad(_audit(ctx, case)), case
        assert all(not certain for kind, _, certain in _claims(_audit(ctx, case)) if kind == "bound"), case


def test_a_value_checked_with_a_colon_is_a_case(ctxs):
    ctx = ctxs("consecutive.txt")
    case = "Hmm wait, let me make sure about a = 7: b ∈ {6, 8}; both still possible."
    assert all(not certain for _, _, certain in _claims(_audit(ctx, case)))
    assert any(certain for _, _, certain in _claims(_audit(ctx, "So b ∈ {6, 8}.")))


def test_a_cross_after_a_sum_marks_the_sum_failing_a_test_not_withdrawn(ctxs):
    """"8 + 7 = 16 ✗" next to "9 + 8 = 17 ✓": the sum is the writer's (and wrong); a crossed value is still a
    withdrawn one."""
    ctx = ctxs("consecutive.txt")
    text = "Let's compute: 1 + 2 = 3 ✓. 2 + 3 = 5 ✓. 8 + 7 = 16 ✗. 9 + 8 = 17 ✓."
    assert [c.record.text for c in _bad(_audit(ctx, text))] == ["8 + 7 = 16"]
    assert not _bad(_audit(ctx, text.replace("16", "15")))
    assert not _bad(_audit(ctx, "At first I thought 8 + 7 = 16, but no."))  # withdrawn in words: a rejected idea


def test_a_number_of_another_term_or_subject_is_not_the_attributes(ctxs):
    ctx = ctxs("cheryls_age.txt")
    assert not _claims(_audit(ctx, "Cheryl has two younger brothers, product of all three ages is 144."))
    assert [c[:2] for c in _claims(_audit(ctx, "So the ages are Cheryl 9, brothers 4 and 4."))] == [
        ("candidates", "cheryl = 9")]  # (uncertain alone: no statement named, so no stage but the first)
    assert _claims(_audit(ctx, "Cheryl is 8, options 8 and 9."))[0][:2] == ("candidates", "cheryl in {8, 9}")


def test_prime_plus_prime_and_a_bound_are_no_primality_claims(ctxs):
    ctx = ctxs("sum_product.txt")
    assert not [c for c in _claims(_audit(ctx, "| s is odd | every even s ≥ 6 is prime + prime |"))
                if c[0] == "prime" or c[2]]  # (s is the sum: "s is odd" and "s ≥ 6" are read now, as uncertain)
    assert _bad(_audit(ctx, "51 is prime."))
    assert _claims(_audit(ctx, "So 6 is not prime."))


def test_the_contents_of_a_value_named_just_before(ctxs):
    """"阿尔伯特拿到6月，里面是12和19": June's days, not the days left."""
    ctx = ctxs("cheryl_variant.txt")
    found = [c[:2] for c in _claims(_audit(ctx, "嗯，验证一下：阿尔伯特拿到6月，里面是12和19，都不唯一。"))]
    assert ("conditional", "month = June implies day in {12, 19}") in found
    assert not any(kind == "candidates" for kind, _ in found)
    assert ("candidates", "day in {12, 19}") in [c[:2] for c in _claims(_audit(ctx, "剩下的日子是12和19。"))]


def test_a_count_after_what_a_child_sees_in_another_clause(ctxs):
    """"每个孩子都看到了至少两个脏孩子，也就是说至少有3个孩子有泥": the count after "也就是说" is the trace's own."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 4})
    found = _claims(_audit(ctx, "所以每个孩子都看到了至少两个脏孩子，也就是说至少有3个孩子有泥。"))
    assert [c[0] for c in found] == ["bound"] and found[0][1].endswith(">= 3")
    assert not _claims(_audit(ctx, "每个孩子都看到了至少两个脏孩子。"))  # what a child sees: no count
    assert not _claims(_audit(ctx, "She sees exactly one muddy forehead."))


def test_a_sum_restricted_to_values_is_a_candidate_list(ctxs):
    ctx = ctxs("impossible.txt")
    text = "P: \"I don't know.\"\n\nSo after P's first statement the sum is already restricted to the odd values " \
        "11, 17, 23, 27, 29, 35, 37, 41, 47, 53."
    assert _audit(ctx, text).label == 1  # S's statement does that, not P's
    assert ("candidates", "x + y in {11, 17, 23, 27}") in [c[:2] for c in _claims(_audit(
        ctx, "The sum is restricted to 11, 17, 23, 27."))]


def test_a_relation_next_to_chinese_characters(ctxs):
    ctx = ctxs("what_sum.txt")
    text = "爱丽丝说不知道，所以b ≠ c，并且b + c ≤ 50。另外，这也说明a ≠ b：如果a和b相等，总之这时候也排除了a = b。"
    assert ("term bound", "a != b") in [c[:2] for c in _claims(_audit(ctx, text))]
    assert _audit(ctx, text).label == 0  # Carol's statement rules a = b out, not Alice's
    imp = ctxs("impossible.txt")
    assert not _claims(_audit(imp, "比如和为偶数时才会出现x=y，偶数和本来就排除了，所以不影响。"))  # a case, described


def test_a_line_of_a_worked_outline_is_dated_by_its_statement(ctxs):
    """"- 安妮：“不知道” → a ≠ 0、a ≠ 10。由此 b 也不可能是 1 或 9": what a statement's line says it gives holds right
    after that statement; b ∉ {1, 9} comes only with Bill's."""
    ctx = ctxs("consecutive.txt")
    outline = ("- 安妮持 a，比尔持 b，|a − b| = 1，0 ≤ a, b ≤ 10，共 20 对。\n"
               "- 安妮：“不知道” → a ≠ 0、a ≠ 10（端点处只有一个邻居）。剩 18 对。\n"
               "- 比尔：“不知道” → 由此 b 也不可能是 1 或 9。剩 14 对。\n"
               "- 安妮：“我知道了” → a 的两个邻居中恰有一个被排除：a = 1、2、8、9。\n"
               "- 剩 (1,2)、(2,3)、(8,7)、(9,8)，和分别为 3、5、15、17。")
    assert not _bad(_audit(ctx, outline))
    early = outline.replace("（端点处只有一个邻居）。剩 18 对。\n- 比尔：“不知道” → 由此 b 也不可能是 1 或 9。",
                            "（端点处只有一个邻居）。由此 b 也不可能是 1 或 9。剩 18 对。\n- 比尔：“不知道” → 一致。")
    assert _bad(_audit(ctx, early))
    lines = ctx.aligner.outline_lines(outline)
    assert [ln.stage for ln in lines] == [1, 2, 3]


def test_pinned_down_to_states_what_is_left(ctxs):
    ctx = ctxs("cheryl.txt")
    text = _text("ae2-cheryl-answer-first-error-03")  # three dates are left after Bernard's statement, not one
    assert _audit(ctx, text).label == 3
    right = text.replace("pins it down to July 16 right here", "pins it down to July 16, August 15 or August 17 here")
    assert _audit(ctx, right).label != 3
    assert ("candidates", "month = July and day = 16") in [c[:2] for c in _claims(_audit(ctx, "It is narrowed down "
                                                                                            "to July 16."))]


def test_knew_it_is_the_statement_about_before(ctxs):
    """"**S knew it** → …" (knew what was just said, that P could not): S's "I knew you didn't know", not his last."""
    ctx = ctxs("impossible.txt")
    assert [c.stage for c in ctx.aligner.inner_cues("* **S knew it** → no split of s has a unique product.", 1)] == [2]
    assert [c.stage for c in ctx.aligner.inner_cues("* **S knows it now** → only 17.", 3)] == [4]


def test_the_second_line_names_the_second_statement(ctxs):
    ctx = ctxs("sum_product.txt")
    assert [c.stage for c in ctx.aligner.inner_cues("The second line is the strong one.", 1)] == [2]
    assert not ctx.aligner.inner_cues("The second line of the table is wrong.", 1)


def test_a_bold_value_label_before_a_dash_is_a_case(ctxs):
    ctx = ctxs("sum_product.txt")
    label = "- **x + y = 51** — the split 17 + 34 gives 578, unique."
    assert [c[2] for c in _claims(_audit(ctx, label)) if c[1] == "x + y = 51"] == [False]
    said = "Now the only sum left is 17, so **at this point the sum must be 17** — the others give P too many options."
    assert {c[2] for c in _claims(_audit(ctx, said)) if c[1] == "x + y = 17"} == {True}  # ("the only sum left is 17"
    # too, since session 20)
