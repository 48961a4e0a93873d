"""The skip mark for tests that need the sentence model (rubric.embed), installed by setup."""

from __future__ import annotations

import pytest

from mockmic.rubric import embed

needs_model = pytest.mark.skipif(
    embed.model_dir() is None, reason=f"model not installed: {embed.INSTALL}"
)
