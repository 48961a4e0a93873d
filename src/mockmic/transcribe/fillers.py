"""Fillers Whisper leaves out ("um", "uh"), found in the voiced gaps between its words.

Placeholder until the detector lands: returns the transcript unchanged.
"""

from __future__ import annotations

from mockmic.types import Recording, Transcript


def add_acoustic_fillers(transcript: Transcript, recording: Recording) -> Transcript:
    return transcript
