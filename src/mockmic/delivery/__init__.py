"""Delivery: how the answer was said. Pace, fillers, long pauses, hedges, apologies, restarts,
pitch and loudness steadiness -> `Delivery`; `rate()` turns it into a 0-100 score.

Every threshold lives in `mockmic.delivery.thresholds`, with its source.
"""

from __future__ import annotations

from mockmic.delivery.analyse import analyse
from mockmic.delivery.score import parts, rate

__all__ = ["analyse", "parts", "rate"]
