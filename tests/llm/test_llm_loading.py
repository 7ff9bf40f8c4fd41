"""Loading a local model folder, and the clear errors for bad ones."""

import json
import shutil

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from epistemic.llm.errors import ChatTemplateError, ModelDirError  # noqa: E402
from epistemic.llm.loading import check_model_dir, load_model, load_tokenizer  # noqa: E402


def test_loads_offline(loaded, tiny_model_dir):
    assert loaded.device == "cpu" and loaded.context_length == 2048
    assert loaded.tokenizer.padding_side == "left" and loaded.tokenizer.pad_token_id is not None
    tok = loaded.tokenizer
    assert set(loaded.eos_token_ids) >= {tok.convert_tokens_to_ids("<|im_end|>")}
    assert loaded.generation_config.top_k == 20  # the model's own generation_config.json


def test_missing_dir(tmp_path):
    with pytest.raises(ModelDirError, match="does not exist") as e:
        check_model_dir(tmp_path / "nope")
    assert "download" in e.value.hint


def test_not_a_model_dir(tmp_path):
    with pytest.raises(ModelDirError, match="config.json is missing"):
        check_model_dir(tmp_path)


def _copy(src, dst, drop=()):
    shutil.copytree(src, dst)
    for name in drop:
        (dst / name).unlink()
    return dst


def test_no_tokenizer(tiny_model_dir, tmp_path):
    d = _copy(tiny_model_dir, tmp_path / "m", drop=("tokenizer.json", "tokenizer_config.json"))
    with pytest.raises(ModelDirError, match="no tokenizer"):
        check_model_dir(d)


def test_no_weights(tiny_model_dir, tmp_path):
    d = _copy(tiny_model_dir, tmp_path / "m", drop=("model.safetensors",))
    with pytest.raises(ModelDirError, match="no weights"):
        check_model_dir(d)


def test_missing_shard(tiny_model_dir, tmp_path):
    d = _copy(tiny_model_dir, tmp_path / "m")
    index = {"metadata": {}, "weight_map": {"a": "model-00001-of-00002.safetensors",
                                            "b": "model-00002-of-00002.safetensors"}}
    (d / "model.safetensors.index.json").write_text(json.dumps(index))
    with pytest.raises(ModelDirError, match="2 of 2 weight shards missing") as e:
        check_model_dir(d)
    assert "resume the download" in e.value.hint


def test_no_chat_template(tiny_model_dir, tmp_path):
    d = _copy(tiny_model_dir, tmp_path / "m")
    (d / "chat_template.jinja").unlink(missing_ok=True)
    cfg = json.loads((d / "tokenizer_config.json").read_text())
    cfg.pop("chat_template", None)
    (d / "tokenizer_config.json").write_text(json.dumps(cfg))
    with pytest.raises(ChatTemplateError) as e:
        load_model(d, device="cpu")
    assert "--chat-template" in e.value.hint and "--no-chat-template" in e.value.hint
    assert load_tokenizer(d, chat_template="{{ messages[0]['content'] }}").chat_template


def test_missing_dir_reported_before_heavy_imports(monkeypatch, tmp_path):
    """In a core install (no transformers) a wrong --model path still says the folder is missing."""
    import epistemic.llm.loading as loading
    from epistemic.llm.errors import MissingDependencyError, install_hint

    def missing(module, extra="llm"):
        raise MissingDependencyError(f"the optional package {module!r} is not installed", install_hint(extra))

    monkeypatch.setattr(loading, "require", missing)
    with pytest.raises(ModelDirError, match="does not exist"):
        load_model(tmp_path / "nonexistent")
    with pytest.raises(ModelDirError, match="config.json is missing"):
        load_model(tmp_path)


def test_install_hint_in_a_checkout():
    from epistemic.llm.errors import install_hint

    assert install_hint().startswith("pip install -e '.[llm]'")


def test_plain_prompt_gets_special_tokens(loaded):
    from epistemic.llm.prompting import render_chat

    plain = render_chat(loaded.tokenizer, [{"role": "user", "content": "x"}], use_template=False)
    chat = render_chat(loaded.tokenizer, [{"role": "user", "content": "x"}])
    assert plain.add_special_tokens and not chat.add_special_tokens


def test_quantize_refused_on_cpu(tiny_model_dir):
    from epistemic.llm.errors import LLMError

    with pytest.raises(LLMError, match="needs a CUDA GPU"):
        load_model(tiny_model_dir, device="cpu", quantize="4bit")


def test_gguf_package_not_installed():
    from epistemic.llm.gguf import packaged_gguf

    with pytest.raises(ModelDirError, match="not installed") as e:
        packaged_gguf("no-such-model-package-xyz")
    assert "pip install" in e.value.hint
