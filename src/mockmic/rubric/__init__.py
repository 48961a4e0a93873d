"""The rubric engine: assess(transcript, question) -> Assessment, from the question's data.

schema.py     what a question file must say (pydantic, validated at load time)
text.py       tokens tied to transcript words; phrase patterns
answer.py     clauses and the part each belongs to; share of time per part
detectors/    named detectors the question files refer to (registry in __init__)
lexicon.py    the phrase lists the detectors share
engine.py     assess()
"""

from mockmic.rubric.engine import assess
from mockmic.rubric.schema import Question

__all__ = ["Question", "assess"]
