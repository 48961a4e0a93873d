"""Fixtures shared by several test files."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockmic.rubric import embed


@pytest.fixture
def no_sentence_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As if the sentence-model package were not installed; the encoder cache is cleared on both
    sides so neither this test nor the next sees the other's encoder."""
    monkeypatch.setattr(embed, "PACKAGE", "mockmic_no_such_model_package")
    embed._cached.cache_clear()
    yield
    embed._cached.cache_clear()
