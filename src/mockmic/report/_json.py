"""The stable report JSON (`mockmic.report/1`, DESIGN.md) built from a Report.

Stable fields are always present; everything else here is an addition. A value the input could
not measure (a typed answer has no timings) stays None and becomes null, never a made-up zero.
"""

from __future__ import annotations

from typing import Any

from mockmic.types import (
    Assessment,
    Delivery,
    Marker,
    Pause,
    Report,
    Transcript,
)

SCHEMA_ID = "mockmic.report/1"


def _r(value: float | None, digits: int = 2) -> float | None:
    """Round for reading; None stays None."""
    return None if value is None else round(float(value), digits)


def _transcript(t: Transcript) -> dict[str, Any]:
    return {
        "text": t.text,
        "engine": t.engine,
        "duration_s": _r(t.duration_s),
        "words": [
            {
                "word": w.word.strip(),
                "start": _r(w.start),
                "end": _r(w.end),
                "probability": _r(w.probability, 3),
                "origin": w.origin,
            }
            for w in t.words
        ],
    }


def _marker(m: Marker) -> dict[str, Any]:
    return {"text": m.text, "start": _r(m.start), "end": _r(m.end), "word_index": m.word_index}


def _pause(p: Pause) -> dict[str, Any]:
    return {
        "start": _r(p.start),
        "seconds": _r(p.seconds),
        "end": _r(p.start + p.seconds),
        "kind": p.kind,
    }


def _delivery(d: Delivery) -> dict[str, Any]:
    return {
        "duration_s": _r(d.duration_s),
        "speaking_s": _r(d.speaking_s),
        "words_per_minute": _r(d.words_per_minute, 1),
        "articulation_wpm": _r(d.articulation_wpm, 1),
        "fillers": {
            "count": len(d.fillers),
            "per_minute": _r(d.fillers_per_minute),
            # `word` is the stable key; the rest are additions.
            "items": [
                {"word": m.text, "start": _r(m.start), "end": _r(m.end), "word_index": m.word_index}
                for m in d.fillers
            ],
        },
        "long_pauses": [_pause(p) for p in d.long_pauses],
        "pause_threshold_s": _r(d.pause_threshold_s),
        "hedges": [_marker(m) for m in d.hedges],
        "apologies": [_marker(m) for m in d.apologies],
        "restarts": [_marker(m) for m in d.restarts],
        "pace": [
            {"start": _r(w.start), "end": _r(w.end), "words_per_minute": _r(w.words_per_minute, 1)}
            for w in d.pace
        ],
        "time_limit_s": _r(d.time_limit_s),
        "over_time_s": _r(d.over_time_s),
        "pitch_steadiness": _r(d.pitch_steadiness, 3),
        "loudness_steadiness": _r(d.loudness_steadiness, 3),
    }


def _content(a: Assessment) -> dict[str, Any]:
    return {
        "parts": [
            {
                "part": p.part,
                "seconds": _r(p.seconds),
                "share": _r(p.share, 3),
                "text": p.text,
                "start": _r(p.start),
                "end": _r(p.end),
            }
            for p in a.parts
        ],
        "criteria": [
            {
                "id": c.id,
                "score": c.score,
                "evidence": list(c.evidence),
                "tip": c.tip,
                "label": c.label,
                "weight": c.weight,
            }
            for c in a.criteria
        ],
        "traps": [{"id": t.id, "evidence": list(t.evidence), "probe": t.probe} for t in a.traps],
    }


def to_dict(report: Report) -> dict[str, Any]:
    """The stable report JSON as plain data, ready for `json.dumps`."""
    return {
        "schema": SCHEMA_ID,
        "question": {
            "id": report.question.id,
            "prompt": report.question.prompt,
            "time_limit_s": _r(report.question.time_limit_s),
        },
        "transcript": _transcript(report.transcript),
        "delivery": _delivery(report.delivery),
        "content": _content(report.assessment),
        "score": {
            "overall": report.score.overall,
            "content": report.score.content,
            "delivery": report.score.delivery,
        },
        "model_answer": {
            "exemplar": report.model_answer.exemplar,
            "personalized": report.model_answer.personalized,
            "personalized_by": report.model_answer.personalized_by,
        },
        "follow_up": report.follow_up,
        "audio_path": report.audio_path,
    }
