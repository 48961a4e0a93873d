"""score(): overall, content and delivery, 0-100, from the question's weights.

    content  = the criteria's weighted mean, minus each fired trap's penalty (in proportion to
               how clearly it fired, half to full), then held under the lowest cap of the traps
               that fired (loosened in the same proportion for a borderline trap); when every
               trap that fired is `salvageable`, held at or above SALVAGEABLE_FLOOR (or the
               criteria's mean, if lower)
    delivery = mockmic.delivery.rate(delivery), None for a typed answer
    overall  = weights.content * content + weights.delivery * delivery
               (content alone when delivery could not be measured)

Penalties are on top of the criteria on purpose: a trap is what an interviewer remembers, and a
humble-brag with tidy structure must still lose to a plain, well-owned failure. Caps keep a
fatal trap (blame, a non-failure, answering another question) from being averaged away.
"""

from __future__ import annotations

from mockmic import delivery as delivery_stage
from mockmic.rubric.schema import Question, Trap
from mockmic.types import Assessment, Delivery, Score

# The rulebook grades 1 only an answer with nothing salvageable: no story, another question,
# contempt, a grave failure told casually. An answer whose traps are all of other kinds (no
# lesson, rambling, polite blame...) is weak but salvageable, graded 2 at worst, so its penalties
# stop here, at the line the engine already draws for "graded 2 at most" (off_topic's cap); its
# own criteria may still put it lower. Without it a trap or two on a thin answer sank it to 0,
# below answers the rulebook grades 1.
SALVAGEABLE_FLOOR = 35


def content_score(assessment: Assessment, question: Question) -> int:
    weight = sum(c.weight for c in assessment.criteria)
    base = sum(c.score * c.weight for c in assessment.criteria) / weight if weight else 0.0
    fired = [(t, hit.strength) for hit in assessment.traps if (t := question.trap(hit.id))]
    value = base - sum(t.penalty * strength for t, strength in fired)
    # a cap binds fully on a clear trap and loosens on a borderline one, so one reworded
    # sentence cannot swing the score by fifty points
    scores = {c.id: c.score for c in assessment.criteria}
    caps = [
        cap + (100 - cap) * (1 - strength)
        for t, strength in fired
        if (cap := _cap(t, scores)) is not None
    ]
    if caps:
        value = min(value, min(caps))
    if fired and all(t.salvageable for t, _ in fired):
        value = max(value, min(SALVAGEABLE_FLOOR, base))
    return _clamp(value)


def _cap(trap: Trap, scores: dict[str, int]) -> int | None:
    """The trap's cap, or its gentler `owned` cap when every criterion it names scored high:
    a grave failure owned in full with a tested fix is a mixed answer, not a weak one."""
    owned = trap.owned
    if owned and all(scores.get(c, 0) >= owned.at for c in owned.criteria):
        return owned.cap
    return trap.cap


def score(assessment: Assessment, delivery: Delivery, question: Question) -> Score:
    content = content_score(assessment, question)
    rated = delivery_stage.rate(delivery)
    if rated is None:
        return Score(overall=content, content=content, delivery=None)
    return Score(overall=overall(content, rated, question), content=content, delivery=_clamp(rated))


def overall(content: float, delivery: float, question: Question) -> int:
    """The question's weighted mean of a content and a delivery score."""
    w = question.weights
    return _clamp((w.content * content + w.delivery * delivery) / ((w.content + w.delivery) or 1.0))


def _clamp(value: float) -> int:
    return round(min(max(value, 0.0), 100.0))
