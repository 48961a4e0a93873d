"""The web app: a voice mock interview in the browser, its reports and the progress history.

create_app(settings) -> FastAPI        (mockmic.web.app)
serve(host, port, database)            what `mockmic serve` runs
"""

from mockmic.web.app import create_app, serve

__all__ = ["create_app", "serve"]
