"""Every error mockmic raises on purpose, and what it means to a shell or an HTTP client.

    MockmicError                     exit 1, HTTP 500
     ├── BadInput                    exit 2, HTTP 400   the user can fix it
     │    ├── AudioError                                 missing, corrupt, not audio
     │    │    ├── SilentAudio                           empty, silent, or no speech in it
     │    │    └── TooLong           exit 2, HTTP 413    longer than the limit
     │    ├── UnknownQuestion        exit 2, HTTP 404
     │    └── BankError                                  a question file breaks the schema
     └── EngineError                 exit 1, HTTP 503   an engine cannot run (missing extra, model)

Messages name the bad value and say what to do next; they are printed as one line.
"""

from __future__ import annotations


class MockmicError(Exception):
    exit_code = 1
    http_status = 500


class BadInput(MockmicError):
    exit_code = 2
    http_status = 400


class AudioError(BadInput):
    pass


class SilentAudio(AudioError):
    pass


class TooLong(AudioError):
    http_status = 413


class UnknownQuestion(BadInput):
    http_status = 404


class BankError(BadInput):
    pass


class EngineError(MockmicError):
    http_status = 503
