"""Splitting thinking from answers and counting tokens on each side (pure functions)."""

from epistemic.llm.thinking import count_tokens, split_thinking, token_index_at


def test_think_tags():
    s = split_thinking("<think>\nP does not know.\n</think>\n\nThe card is diamonds 5.")
    assert (s.thinking, s.answer, s.method) == ("P does not know.", "The card is diamonds 5.", "think-tag")


def test_template_opened_think():
    s = split_thinking("reasoning here</think>answer", prompt_opened_think=True)
    assert (s.thinking, s.answer) == ("reasoning here", "answer")


def test_unclosed_think_is_all_thinking():
    s = split_thinking("<think>still going", prompt_opened_think=False)
    assert s.thinking == "still going" and s.answer == "" and s.method == "think-tag-unclosed"


def test_qwq_preview_final_answer_marker():
    text = "所以，牌是方块5。\n\n最终答案\n\n方块5"
    s = split_thinking(text)
    assert s.method == "answer-marker" and s.answer.startswith("最终答案") and "所以" in s.thinking


def test_no_split():
    s = split_thinking("diamonds 5")
    assert (s.thinking, s.answer, s.method) == ("", "diamonds 5", "none")


def test_token_counts_split_at_boundary():
    pieces = ["<think>", "ab", "c", "</think>", "x", "y"]
    decode = lambda ids: "".join(pieces[i] for i in ids)  # noqa: E731
    ids = list(range(len(pieces)))
    s = split_thinking(decode(ids))
    assert count_tokens(decode, ids, s) == (4, 2)
    assert token_index_at(decode, ids, 0) == 0
    assert token_index_at(decode, ids, len(decode(ids))) == len(ids)


def test_prompt_answer_line_splits_any_model():
    # the prompt asks for `Answer: …` on the last line; models without think tags follow it
    s = split_thinking("P has rank 5.\nSo Q has diamonds.\n**Answer:** diamonds 5")
    assert (s.method, s.thinking, s.answer) == ("answer-marker", "P has rank 5.\nSo Q has diamonds.",
                                                 "**Answer:** diamonds 5")
    assert split_thinking("推理。\n答案：方块5").answer == "答案：方块5"
    assert split_thinking("Reasoning.\nAnswering is hard.\nAnswer: x").answer == "Answer: x"


def test_answer_tag_phrase_and_fallbacks():
    assert split_thinking("we see\n<answer>diamonds 5</answer>").method == "answer-tag"
    s = split_thinking("Reason one.\nSo the answer is diamonds 5.\nThanks!")
    assert (s.method, s.thinking) == ("answer-phrase", "Reason one.")
    s = split_thinking("First P speaks.\nThen Q.\nIt is diamonds 5.")
    assert (s.method, s.thinking, s.answer) == ("last-line", "First P speaks.\nThen Q.", "It is diamonds 5.")
    assert split_thinking("answering\n").method == "none"  # one line: all answer


def test_think_tags_win_over_markers():
    s = split_thinking("<think>Answer: maybe hearts</think>\nAnswer: diamonds 5")
    assert (s.method, s.thinking, s.answer) == ("think-tag", "Answer: maybe hearts", "Answer: diamonds 5")


def test_counts_add_up_for_every_method():
    pieces = ["Step", " one", ".\n", "Answer", ":", " d", "5"]
    decode = lambda ids: "".join(pieces[i] for i in ids)  # noqa: E731
    ids = list(range(len(pieces)))
    s = split_thinking(decode(ids))
    assert s.method == "answer-marker" and count_tokens(decode, ids, s) == (3, 4)
