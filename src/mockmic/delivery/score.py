"""The 0-100 delivery (composure) score: a weighted mean of parts, each 0-100 and explainable.

    pace        100 inside PACE_COMFORT_WPM, falling linearly to 0 at PACE_ZERO_WPM
    fillers     100 up to FILLERS_OK_PER_MIN a minute, 0 at FILLERS_ZERO_PER_MIN
    pauses      100 minus LONG_PAUSE_COST per long pause a minute
    restarts    100 at none, 0 at RESTARTS_ZERO_PER_MIN
    hedges      hedges + apologies a minute: 100 at none, 0 at HEDGES_ZERO_PER_MIN
    steadiness  mean of pitch and loudness steadiness x 100
    time        100 within the limit, 0 at OVER_TIME_ZERO_FRACTION over it

Weights are SCORE_WEIGHTS in thresholds.py; a part that cannot be measured drops out and the rest
are re-weighted. A typed answer has no delivery: rate() returns None.
"""

from __future__ import annotations

from collections.abc import Callable

from mockmic.delivery import thresholds as T
from mockmic.types import Delivery


def _linear(value: float, good: float, zero: float) -> float:
    """100 at or better than `good`, 0 at or worse than `zero`, linear between."""
    if zero == good:
        return 100.0
    frac = (value - good) / (zero - good)
    return 100.0 * min(1.0, max(0.0, 1.0 - frac))


def _minutes(d: Delivery) -> float | None:
    if d.duration_s is None or d.speaking_s is None or d.duration_s <= 0:
        return None
    return d.duration_s / 60.0


def _pace(d: Delivery) -> float | None:
    wpm = d.words_per_minute
    if wpm is None:
        return None
    lo, hi = T.PACE_COMFORT_WPM
    zlo, zhi = T.PACE_ZERO_WPM
    return _linear(wpm, lo, zlo) if wpm < lo else _linear(wpm, hi, zhi)


def _fillers(d: Delivery) -> float | None:
    if d.fillers_per_minute is None:
        return None
    return _linear(d.fillers_per_minute, T.FILLERS_OK_PER_MIN, T.FILLERS_ZERO_PER_MIN)


def _pauses(d: Delivery) -> float | None:
    minutes = _minutes(d)
    if minutes is None:
        return None
    within = sum(1 for p in d.long_pauses if p.kind == "within")
    between = len(d.long_pauses) - within
    # A long pause between sentences costs half: planning the next point is allowed.
    return max(0.0, 100.0 - T.LONG_PAUSE_COST * (within + 0.5 * between) / max(minutes, 0.5))


def _restarts(d: Delivery) -> float | None:
    minutes = _minutes(d)
    if minutes is None:
        return None
    return _linear(len(d.restarts) / max(minutes, 0.5), 0.0, T.RESTARTS_ZERO_PER_MIN)


def _hedges(d: Delivery) -> float | None:
    minutes = _minutes(d)
    if minutes is None:
        return None
    rate = (len(d.hedges) + len(d.apologies)) / max(minutes, 0.5)
    return _linear(rate, 0.0, T.HEDGES_ZERO_PER_MIN)


def _steadiness(d: Delivery) -> float | None:
    values = [v for v in (d.pitch_steadiness, d.loudness_steadiness) if v is not None]
    return 100.0 * sum(values) / len(values) if values else None


def _time(d: Delivery) -> float | None:
    if d.over_time_s is None or not d.time_limit_s:
        return None
    return _linear(d.over_time_s / d.time_limit_s, 0.0, T.OVER_TIME_ZERO_FRACTION)


PARTS: dict[str, Callable[[Delivery], float | None]] = {
    "pace": _pace,
    "fillers": _fillers,
    "pauses": _pauses,
    "restarts": _restarts,
    "hedges": _hedges,
    "steadiness": _steadiness,
    "time": _time,
}


def parts(delivery: Delivery) -> dict[str, float | None]:
    """Each part's 0-100 value (None when not measurable): the explanation of rate()."""
    return {name: part(delivery) for name, part in PARTS.items()}


def rate(delivery: Delivery) -> int | None:
    """0-100 delivery score, or None when the answer has no timings (typed)."""
    if delivery.duration_s is None:
        return None
    values = {k: v for k, v in parts(delivery).items() if v is not None}
    weight = sum(T.SCORE_WEIGHTS[k] for k in values)
    if not values or weight <= 0:
        return None
    return round(sum(T.SCORE_WEIGHTS[k] * v for k, v in values.items()) / weight)
