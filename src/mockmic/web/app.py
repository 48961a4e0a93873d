"""The web app: `create_app(settings)` builds it, `serve(host, port, database)` runs it.

At start it opens (and migrates) the store and starts the answer worker, which first re-queues any
answer a previous run stored but did not finish. Routes never score anything themselves.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from mockmic import report
from mockmic.errors import MockmicError
from mockmic.settings import Settings
from mockmic.store import Scorer, Store, Worker
from mockmic.types import Report
from mockmic.web import api, bank, pages
from mockmic.web.filters import FILTERS
from mockmic.web.guard import LocalOnly

__all__ = ["create_app", "serve"]

HERE = Path(__file__).parent
log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, scorer: Scorer | None = None) -> FastAPI:
    """The FastAPI app over `settings` (its store, answers folder and limits)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store.open(settings.url)
        worker = Worker(store, scorer or _pipeline_scorer(settings))
        app.state.store, app.state.worker = store, worker
        worker.start()
        try:
            yield
        finally:
            worker.stop()
            store.close()

    app = FastAPI(
        title="mockmic",
        summary="Offline voice mock interviews: sessions, answers, scored reports, progress.",
        version="1",
        lifespan=lifespan,
        # /docs is our own page over /openapi.json: Swagger UI needs a CDN this app cannot reach.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in (*api.ROUTERS, *pages.ROUTERS):
        app.include_router(router)
    app.add_middleware(LocalOnly, bound_host=settings.host)
    app.add_exception_handler(MockmicError, _mockmic_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    return app


def _pipeline_scorer(settings: Settings) -> Scorer:
    def score(path: Path, question_id: str) -> Report:
        from mockmic.pipeline import PipelineOptions, score_answer

        options = PipelineOptions(max_seconds=settings.max_answer_seconds)
        return score_answer(path, question_id, options)

    return score


def _templates() -> Jinja2Templates:
    # The report partial lives with the report renderers so `mockmic score --format html` and the
    # report page share one template; ours are looked up first.
    env = Environment(
        loader=ChoiceLoader(
            [FileSystemLoader(HERE / "templates"), FileSystemLoader(report.TEMPLATES_DIR)]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.filters.update(FILTERS)
    env.globals["title"] = bank.title
    return Jinja2Templates(env=env)


async def _mockmic_error(request: Request, exc: MockmicError) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": str(exc)}, status_code=exc.http_status)
    return _error_page(request, str(exc), exc.http_status)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    # The API answers JSON; a person following a stale link gets a page that says what happened.
    if request.url.path.startswith("/api/") or not isinstance(exc.detail, str):
        return await http_exception_handler(request, exc)
    return _error_page(request, exc.detail, exc.status_code)


def _error_page(request: Request, message: str, status: int) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"message": message}, status_code=status
    )


def _server_logging() -> None:
    """A server logs its own INFO lines (answers re-queued after a crash, ...) one way, through
    the root handler. The terminal commands cap the "mockmic" logger at WARNING with a one-line
    warning handler of their own; a long-running server replaces that."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    package = logging.getLogger("mockmic")
    package.handlers.clear()
    package.setLevel(logging.INFO)


def serve(host: str = "127.0.0.1", port: int = 8000, database: str | None = None) -> None:
    """Run the web app until interrupted (what `mockmic serve` does)."""
    import uvicorn

    settings = Settings().with_database(database)
    settings = settings.model_copy(update={"host": host, "port": port})
    _server_logging()
    print(f"mockmic is running at http://{host}:{port}  (Ctrl+C to stop)", flush=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"Warning: bound to {host}, so other machines can reach your recordings. "
            "Browsers also only allow the microphone on localhost or HTTPS.",
            flush=True,
        )
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
