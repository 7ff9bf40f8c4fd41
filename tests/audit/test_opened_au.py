"""Readings from traces_au* (40 rows, half correct, in table-first, set-notation, teacher-student, mixed Chinese and
English and other styles, written at the end of session 25, scored blind at the start and end of it, then opened in
session 26), each checked both ways: the true sentence passes, and a twin that says something false is still flagged."""
from tests.audit.reading import audit as _audit, bad as _bad


def _verdicts(report, kind: str) -> list[str]:
    """The verdicts of the report's claims of one kind, in order."""
    return [c.verdict.verdict for c in report.claims() if c.record.kind == kind]


def _said(ctx, n: int, lang: str = "zh") -> str:
    """The first n statements of the puzzle, told in its own words."""
    colon = "说：" if lang == "zh" else " says: "
    return "\n\n".join(f"{a.speaker}{colon}“{dict(a.texts)[lang]}”" for a in ctx.puzzle.announcements[:n])


def test_a_removal_ends_where_what_is_left_begins(ctxs):
    """"阿尔伯特拿到7月，排除14之后只剩16" removes 14 and keeps 16 (not "removes 14 and 16"); removing 16 instead is
    still wrong."""
    ctx = ctxs("cheryl.txt")
    said = _said(ctx, 3)
    assert not _bad(_audit(ctx, said + "\n\n阿尔伯特拿到7月，排除14之后只剩16。"))
    assert not _bad(_audit(ctx, said + "\n\n阿尔伯特拿到7月，去掉14后只剩16。"))
    assert _bad(_audit(ctx, said + "\n\n阿尔伯特拿到7月，排除16之后只剩14。"))


def test_a_copula_that_names_an_unread_number_does_not_assert_what_follows(ctxs):
    """"s = 23 有 (4, 19)、(7, 16)、(10, 13)" lists the splits of the sum 23 (s is no name of the puzzle's); it does
    not say those pairs are what is left. A plain "剩下的是 (4, 19)、(7, 16)" still does, and is false."""
    ctx = ctxs("impossible.txt")
    said = _said(ctx, 4)
    assert not _bad(_audit(ctx, said + "\n\ns = 23 有 (4, 19)、(7, 16)、(10, 13)。所以答案是 (4, 13)。"))
    assert _bad(_audit(ctx, said + "\n\n剩下的是 (4, 19)、(7, 16)、(10, 13)。"))


def test_nothing_is_eliminated_credits_the_statement_named_before_it(ctxs):
    """"Q's statement holds for all nine remaining cards, and nothing is eliminated": Q's "I knew you didn't know"
    removes spades and clubs, so the claim is false; of P's first statement it would be false too, and of Q's last
    (after which only ♦5 is left) nothing is claimed."""
    ctx = ctxs("card16.txt")
    said = _said(ctx, 1, "en")
    assert _bad(_audit(ctx, said + "\n\nQ says \"I knew you didn't know\". So Q's statement holds for all nine "
                                   "remaining "
                                   "cards, and nothing is eliminated."))
    assert not _bad(_audit(ctx, said + "\n\nQ says \"I knew you didn't know\". So Q's statement holds for all nine "
                                       "remaining cards, and spades and clubs are eliminated."))


def test_a_line_opening_on_a_whole_date_is_that_dates_case(ctxs):
    """"- 7月16日：… → 阿里能知道" under Ali's third statement says Ali would know if it were July 16: false where July
    16 was last possible (July 17 is left beside it); "- 3月18日：… → 阿里能知道" is true. A line ticked statement by
    statement ("✓") is a replay, not a case."""
    ctx = ctxs("cheryl_cam.txt")
    said = _said(ctx, 3)
    head = said + "\n\n剩下：3月18日、7月16日、7月17日。\n\n逐个看剩下的候选：\n"
    assert not _bad(_audit(ctx, head + "- 3月18日：3月只剩这一天 → 阿里能知道"))
    assert _bad(_audit(ctx, head + "- 7月16日：日子16只出现一次 → 阿里能知道"))


def test_a_split_with_its_sum_in_words(ctxs):
    """"(6,11) → 66, also 2·33 with sum 34" says 2 + 33 = 34 (false); "with sum 35" is right. "3×14 = 6×7，和是23、17、
    13" gives the sums of all the splits in turn, not 6 + 7 = 23."""
    ctx = ctxs("impossible.txt")
    said = _said(ctx, 2, "en")
    line = "\n\n(6,11) → 66, also 2·33 with sum {} and 3·22 with sum 25."
    assert _bad(_audit(ctx, said + line.format(34)))
    assert not _bad(_audit(ctx, said + line.format(35)))
    assert not _bad(_audit(ctx, said + "\n\n3 + 14：积42 = 2×21 = 3×14 = 6×7，和是23、17、13。"))


def test_a_sum_column_over_a_row_of_numbers(ctxs):
    """"| Cheryl | older | younger | sum |" over rows of numbers: a row whose sum cell is not the sum of the numbers
    before it ("| 8 | 6 | 3 | 16 |") is an arithmetic slip, when the table's other rows keep the convention."""
    ctx = ctxs("cheryls_age.txt")
    rows = ["| 9 | 4 | 4 | 17 |", "| 9 | 8 | 2 | 19 |", "| 12 | 4 | 3 | 19 |", "| 18 | 8 | 1 | 27 |"]
    table = "Every way to write 144 as a product of three ages, with its sum:\n\n" \
            "| Cheryl | older | younger | sum |\n|---|---|---|---|\n{}\n\nNow the sums."
    assert not _bad(_audit(ctx, table.format("\n".join(rows + ["| 8 | 6 | 3 | 17 |"]))))
    assert _bad(_audit(ctx, table.format("\n".join(rows + ["| 8 | 6 | 3 | 16 |"]))))


def test_a_relation_that_cannot_happen_is_ruled_out(ctxs):
    """"And a = b can't happen either" rules a = b out: premature after Alice's and Bob's statements (Carol's removes
    it), right after all three."""
    ctx = ctxs("what_sum.txt")
    said = [dict(a.texts)["en"] for a in ctx.puzzle.announcements]
    claim = "\n\nWe now have b ≠ c and a ≠ c. And a = b can't happen either."
    assert _verdicts(_audit(ctx, "\n\n".join(said[:2]) + claim), "exclusion") == ["premature"]
    assert _verdicts(_audit(ctx, "\n\n".join(said) + claim), "exclusion") == ["entailed"]


def test_a_row_closed_by_safe_keeps_its_value(ctxs):
    """"- **April** — 17 also in July, 18 also in March → safe" keeps April after Ali's first statement, which removes
    it (28 is April's alone): false. "→ ✗ eliminated" of June is right."""
    ctx = ctxs("cheryl_cam.txt")
    head = _said(ctx, 1, "en") + "\n\nMonth by month:\n\n"
    assert not _bad(_audit(ctx, head + "- **June** — 29 appears nowhere else → ✗ eliminated"))
    assert _bad(_audit(ctx, head + "- **April** — 17 also in July, 18 also in March → safe"))


def test_rows_left_count_the_worlds_when_the_question_is_no_tuple(ctxs):
    """"16 rows left" after Bill's statement in the consecutive-numbers puzzle (whose question is whether a + b is
    one of four sums, not a tuple of its variables) counts its worlds: 14 are left, so 16 is false."""
    ctx = ctxs("consecutive.txt")
    head = _said(ctx, 2, "en") + ("\n\nSo Bill's statement removes (1,0) and (9,10), and every other row stays: {} "
                                  "rows left.")
    assert _verdicts(_audit(ctx, head.format(14)), "count") == ["entailed"]
    assert _verdicts(_audit(ctx, head.format(16)), "count") == ["false"]


def test_a_row_head_a_dash_and_values_then_only(ctxs):
    """"12 — June only" is a table row, like "12 — only June": 12 is June's alone, false before any statement (May
    has a 12 too); "13 — only March" holds."""
    ctx = ctxs("cheryl_variant.txt")
    assert _verdicts(_audit(ctx, "Where each day occurs: 13 — only March. 12 — June only."), "conditional") == \
        ["entailed", "premature"]


SET_NOTATION = ("Let D₀ = {May 15, May 16, May 19, Jun 17, Jun 18, Jul 14, Jul 16, Aug 14, Aug 15, Aug 17}.\n\n"
                "• A₁ := ¬K_A(date) ∧ K_A(¬K_B(date)). The second conjunct fails for any month containing 18 or 19 ⇒ "
                "month ∉ {May, June}.\n"
                "  D₁ = D₀ ∖ ({May 15, May 16, May 19} ∪ {Jun 17, Jun 18}) = "
                "{Jul 14, Jul 16, Aug 14, Aug 15, Aug 17}.\n"
                "• B₁ := (¬K_B(date) at D₀) ∧ K_B(date) at D₁. 14 ∈ {Jul, Aug} ⇒ ambiguous; 15, 16, 17 are now "
                "singletons.\n"
                "  D₂ = D₁ ∖ {Jul 14, Aug 14} = {Jul 16, Aug 15, Aug 17}.\n"
                "• A₂ := K_A(date). D₃ = {Jul 16}.\n\n∴ Cheryl's birthday = July 16.")


def test_bulleted_logic_labels_date_their_lines_and_the_lines_under_them(ctxs):
    """"• A₁ := ¬K_A(date) ∧ …" is Albert's statement (the initial and its number), "• B₁ := …" Bernard's: each
    line, with the indented lines under it ("  D₁ = … = {…}"), is dated there. A D₂ that keeps Aug 14 is false."""
    ctx = ctxs("cheryl.txt")
    assert not _bad(_audit(ctx, SET_NOTATION))
    assert _bad(_audit(ctx, SET_NOTATION.replace("= {Jul 16, Aug 15, Aug 17}", "= {Jul 16, Aug 14, Aug 15, Aug 17}")))


def test_a_chain_of_equal_sets_is_read_link_by_link(ctxs):
    """"D₂ = D₁ ∖ {Jul 14, Aug 14} = {Jul 16, Aug 15, Aug 17}": the braces after "∖" are removed and the last set is
    what is left (not one list of all five dates)."""
    ctx = ctxs("cheryl.txt")
    report = _audit(ctx, _said(ctx, 2, "en") + "\n\nSo D₂ = D₁ ∖ {Jul 14, Aug 14} = {Jul 16, Aug 15, Aug 17}.")
    judged = [(c.record.kind, c.verdict.verdict) for c in report.claims()
              if c.record.kind in ("candidates", "exclusion")]
    assert judged == [("exclusion", "entailed"), ("candidates", "entailed")]


LOGIC_NOTATION = ("Notation: m = month (Albert), d = day (Bernard). K_A φ = \"Albert knows φ\".\n\n"
                  "t0. 10 candidates. K_B(date) holds iff d ∈ {18, 19}.\n\n"
                  "Albert, \"¬K_A ∧ K_A¬K_B\":\n"
                  "  K_A¬K_B ⇔ no day of Albert's month is in {18, 19}\n"
                  "  May ∋ 19 ⇒ ✗ ; June ∋ 18 ⇒ ✗ ; July, August ✓\n"
                  "  ⇒ m ∈ {July, August}; candidates: Jul 14, Jul 16, Aug 14, Aug 15, Aug 17.\n\n"
                  "Bernard, \"before ¬K_B, now K_B\":\n"
                  "  d = 14 → {Jul 14, Aug 14} ⇒ ¬K_B ⇒ ✗\n"
                  "  ⇒ {Jul 16, Aug 15, Aug 17}\n\n"
                  "Albert, \"K_A\":\n"
                  "  m = Aug → {Aug 15, Aug 17} ⇒ ¬K_A ✗\n"
                  "  m = Jul → {Jul 16} ⇒ K_A ✓\n\n"
                  "∴ July 16. (Bernard, holding 16, already knows at t2; Albert catches up at t3.)")


def test_a_speaker_and_a_quoted_formula_head_that_speakers_statement(ctxs):
    """'Albert, "¬K_A ∧ K_A¬K_B":' over lines of reasoning heads Albert's first statement, 'Bernard, "…":' Bernard's:
    the candidates under each are dated there (not at the start, where they would be premature). What follows "⇔" is
    a condition, not a claim; the closing "∴ July 16." is the answer though a remark in brackets follows it."""
    ctx = ctxs("cheryl.txt")
    report = _audit(ctx, LOGIC_NOTATION)
    assert not _bad(report) and report.final_answer_correct
    assert [st.stage for st in report.steps][2:5] == [1, 2, 3]
    assert _bad(_audit(ctx, LOGIC_NOTATION.replace("candidates: Jul 14", "candidates: May 19, Jul 14")))


def test_knowing_a_placeholder_defines_notation(ctxs):
    """"记 K_阿(φ)：阿里知道 φ；K_波(φ)：波知道 φ。" defines K: nobody knows anything yet (not "Bo knows the date", false
    at the start); "波知道日期" there is still a premature claim."""
    ctx = ctxs("cheryl_cam.txt")
    assert not _verdicts(_audit(ctx, "记 K_阿(φ)：阿里知道 φ；K_波(φ)：波知道 φ。"), "knowledge")
    assert _verdicts(_audit(ctx, "记号说明完毕。波知道日期。"), "knowledge") == ["premature"]


PROGRAM = ("Treating it as a filter pipeline:\n\n```python\n"
           "dates = {\"Mar\": [13, 17], \"Apr\": [14, 17, 19], \"May\": [12, 14, 20], \"Jun\": [12, 19]}\n\n"
           "# Albert-1: not K_A(date) and K_A(not K_B(date))\n"
           "S1 = [(m, d) for (m, d) in S0 if not set(dates[m]) & unique_days_S0]\n"
           "#   S1 = [Apr 14, Apr 17, Apr 19, Jun 12, Jun 19]\n\n"
           "# Bernard: before(not K_B) and K_B\n"
           "S2 = [(m, d) for (m, d) in S1 if count_day(S1, d) == 1]\n"
           "#   S2 = [Apr 14, Apr 17, Jun 12]\n\n"
           "# Albert-2: K_A\n"
           "#   S3 = [Jun 12]\n```\n\n**Result: June 12.**")


def test_a_programs_lines_state_nothing_its_comments_do(ctxs):
    """In a fenced Python block, `dates = {"Mar": [13, 17], …}` is data (not "the month is March"); the comments are
    the writer's claims, "# Albert-1:" and "# Bernard:" head the statements, and a comment keeping Apr 19 after
    Bernard is false. A YAML or unlabelled block is the writer's own notation and stays read."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, PROGRAM)
    assert not _bad(report) and report.final_answer_correct
    assert _bad(_audit(ctx, PROGRAM.replace("S2 = [Apr 14, Apr 17, Jun 12]", "S2 = [Apr 14, Apr 17, Apr 19, Jun 12]")))
    assert _audit(ctx, "```yaml\nanswer: June 12\n```").final_answer_correct


def test_a_sum_of_two_variables_is_no_value_of_either(ctxs):
    """"Hence $a+b\\in\\{3,5,15,17\\}$ — the answer is **yes (1)**." names the sum a + b, not b (b ∈ {3, 5} would be
    false); "Hence b ∈ {3, 5}." still is."""
    ctx = ctxs("consecutive.txt")
    said = _said(ctx, 3, "en")
    assert not _bad(_audit(ctx, said + "\n\nHence $a+b\\in\\{3,5,15,17\\}$ — the answer is **yes (1)**."))
    assert _verdicts(_audit(ctx, said + "\n\nHence b ∈ {3, 5}."), "candidates") == ["false"]
