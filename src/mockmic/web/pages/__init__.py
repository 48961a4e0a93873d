"""The HTML pages: set up and run an interview, read its report, follow progress over time."""

from mockmic.web.pages import docs, history, interview, report

ROUTERS = (interview.router, report.router, history.router, docs.router)

__all__ = ["ROUTERS"]
