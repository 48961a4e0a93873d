"""What a route can ask for: the settings, the store, the worker, the page templates."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from mockmic.settings import Settings
from mockmic.store import Store, Worker

__all__ = ["SettingsDep", "StoreDep", "TemplatesDep", "WorkerDep"]


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _worker(request: Request) -> Worker:
    worker: Worker = request.app.state.worker
    return worker


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


SettingsDep = Annotated[Settings, Depends(_settings)]
StoreDep = Annotated[Store, Depends(_store)]
WorkerDep = Annotated[Worker, Depends(_worker)]
TemplatesDep = Annotated[Jinja2Templates, Depends(_templates)]
