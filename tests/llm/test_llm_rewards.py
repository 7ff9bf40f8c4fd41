"""The GRPO reward: TRL's signature, answer and process scores, weights as parameters."""

import inspect

from epistemic.llm.rewards import completion_text, make_reward, process_score


def test_signature_and_name(project_api):
    reward = make_reward(api=project_api)
    params = inspect.signature(reward).parameters
    assert list(params)[:2] == ["prompts", "completions"] and "kwargs" in params
    assert reward.__name__ == "epistemic_reward"


def test_answer_and_process_weights(project_api, card16):
    good = "<think>P does not know.\n\nQ knew it.</think>\nIt is diamonds 5."
    wrong_step = "<think>P knows at once. WRONG\n\nso</think>\ndiamonds 5"
    bad = "<think>hmm</think>\nhearts A"
    completions = [good, wrong_step, bad]
    puzzles = [card16] * 3
    assert make_reward(api=project_api)(prompts=["q"] * 3, completions=completions, puzzle=puzzles) == [1.0, 1.0, 0.0]
    r = make_reward(answer_weight=1.0, process_weight=0.5, api=project_api)
    scores = r(prompts=["q"] * 3, completions=completions, puzzle=puzzles)
    assert scores[0] == 1.5 and scores[1] == 1.0 and scores[2] == 0.5


def test_conversational_completions(project_api, card16):
    reward = make_reward(api=project_api)
    msgs = [[{"role": "assistant", "content": "diamonds 5"}]]
    assert reward(prompts=[[{"role": "user", "content": "q"}]], completions=msgs, puzzle=[card16]) == [1.0]
    assert completion_text(msgs[0]) == "diamonds 5"


def test_process_score():
    assert process_score({"label": -1, "steps": ["a", "b"]}) == 1.0
    assert process_score({"label": 1, "steps": ["a", "b", "c", "d"]}) == 0.25
    assert process_score({"label": 0, "steps": ["a"]}) == 0.0
