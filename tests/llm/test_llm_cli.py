"""The ask and eval commands (click), their --json output and their error messages."""

import json

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from click.testing import CliRunner  # noqa: E402

from epistemic.cli import llm as llm_cli  # noqa: E402


@pytest.fixture()
def api(monkeypatch, project_api):
    import epistemic.llm.project as project

    monkeypatch.setattr(project, "default_api", lambda: project_api)
    return project_api


def test_ask_json_and_save(api, tiny_model_dir, card16, tmp_path):
    save = tmp_path / "trace.jsonl"
    args = [card16, "--model", str(tiny_model_dir), "--device", "cpu", "--seed", "1",
            "--max-new-tokens", "8", "--json", "--save", str(save)]
    res = CliRunner().invoke(llm_cli.ask, args)
    assert res.exit_code == 0, res.output
    rec = json.loads(res.output)
    assert rec["schema"] == "epistemic.llm.trace/1" and rec["settings"]["max_new_tokens"] == 8
    assert set(rec["tokens"]) == {"prompt", "thinking", "answer"} and rec["audit"]["label"] in (-1, 0)
    assert json.loads(save.read_text().splitlines()[0])["text"] == rec["text"]


def test_ask_streams_text(api, tiny_model_dir, card16):
    res = CliRunner().invoke(llm_cli.ask, [card16, "--model", str(tiny_model_dir), "--device", "cpu",
                                           "--seed", "1", "--max-new-tokens", "5", "--greedy"])
    assert res.exit_code == 0, res.output
    assert "tokens: prompt" in res.output and "finish: length" in res.output


def test_ask_bad_model_dir(api, tmp_path, card16):
    res = CliRunner().invoke(llm_cli.ask, [card16, "--model", str(tmp_path / "none"), "--json"])
    assert res.exit_code == 2  # the one error contract: exit 2, epistemic.error/1 (issue 12)
    err = json.loads(res.output)
    assert "does not exist" in err["error"] and "download" in err["hint"] and err["schema"] == "epistemic.error/1"
    res = CliRunner().invoke(llm_cli.ask, [card16, "--model", str(tmp_path)])
    assert res.exit_code == 2 and "config.json is missing" in res.output and "hint:" in res.output


def test_eval_json_resumable(api, tiny_model_dir, card16, tmp_path):
    data = tmp_path / "d.jsonl"
    data.write_text("".join(json.dumps({"id": i, "puzzle": card16, "family": "cards", "difficulty": i}) + "\n"
                            for i in range(3)))
    out = tmp_path / "o.jsonl"
    args = ["--model", str(tiny_model_dir), "--device", "cpu", "--dataset", str(data), "--out", str(out),
            "--batch-size", "2", "--num-samples", "2", "--max-new-tokens", "4", "--seed", "0", "--json"]
    res = CliRunner().invoke(llm_cli.eval_cmd, args)
    assert res.exit_code == 0, res.output
    payload = json.loads(res.output)
    assert payload["out"] == str(out) and payload["summary"]["overall"]["samples"] == 6
    assert set(payload["summary"]["by_difficulty"]) == {"0", "1", "2"}
    res = CliRunner().invoke(llm_cli.eval_cmd, args[:-1])  # resumed: table output, nothing new
    assert res.exit_code == 0 and "all" in res.output and len(out.read_text().splitlines()) == 6
