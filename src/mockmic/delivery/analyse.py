"""Transcript (+ Recording) -> Delivery: every figure with the span of the answer it refers to."""

from __future__ import annotations

from mockmic.delivery import lexicon, pace, voice
from mockmic.delivery import thresholds as T
from mockmic.delivery.pauses import find_pauses, is_long
from mockmic.delivery.voicing import Mask, voiced_frames
from mockmic.types import Delivery, Recording, Transcript


def analyse(
    transcript: Transcript, recording: Recording | None, time_limit_s: float | None
) -> Delivery:
    """Measure how the answer was delivered. A typed answer (no timings) gets None for every
    figure text cannot show; fillers, hedges, apologies and restarts are still found."""
    words = transcript.words
    markers = dict(
        fillers=lexicon.find_fillers(words),
        hedges=lexicon.find_hedges(words),
        apologies=lexicon.find_apologies(words),
        restarts=lexicon.find_restarts(words),
    )
    span = pace.answer_span(words) if transcript.timed else None
    if span is None:
        return Delivery(
            duration_s=None, speaking_s=None, words_per_minute=None, articulation_wpm=None,
            fillers_per_minute=None, long_pauses=(), pace=(), time_limit_s=time_limit_s,
            over_time_s=None, pitch_steadiness=None, loudness_steadiness=None,
            pause_threshold_s=T.LONG_PAUSE_WITHIN_S, **markers,
        )  # fmt: skip
    voiced = voiced_frames(recording) if recording is not None else None
    pauses = find_pauses(transcript, recording, voiced=voiced)
    pitch, loudness = _steadiness(recording, voiced)
    answer_s = span[1] - span[0]
    speaking = pace.speaking_seconds(span, pauses)
    n_words = len(pace.lexical_words(words))
    duration = transcript.duration_s if transcript.duration_s is not None else span[1]
    return Delivery(
        duration_s=round(duration, 2),
        speaking_s=round(speaking, 2),
        words_per_minute=pace.words_per_minute(n_words, answer_s),
        articulation_wpm=pace.words_per_minute(n_words, speaking),
        fillers_per_minute=_per_minute(len(markers["fillers"]), answer_s),
        long_pauses=tuple(p for p in pauses if is_long(p)),
        pace=pace.windows(pace.lexical_words(words), span),
        time_limit_s=time_limit_s,
        over_time_s=None if time_limit_s is None else round(max(0.0, duration - time_limit_s), 2),
        pitch_steadiness=pitch,
        loudness_steadiness=loudness,
        pause_threshold_s=T.LONG_PAUSE_WITHIN_S,
        **markers,
    )


def _steadiness(
    recording: Recording | None, voiced: Mask | None
) -> tuple[float | None, float | None]:
    if recording is None or voiced is None:
        return None, None
    return voice.pitch_steadiness(recording, voiced), voice.loudness_steadiness(recording, voiced)


def _per_minute(count: int, seconds: float) -> float | None:
    return round(60.0 * count / seconds, 2) if seconds > 0 else None
