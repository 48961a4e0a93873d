"""The JSON API under /api/, one router per resource (documented at /docs and /openapi.json)."""

from mockmic.web.api import answers, progress, questions, sessions

ROUTERS = (questions.router, sessions.router, answers.router, progress.router)

__all__ = ["ROUTERS"]
