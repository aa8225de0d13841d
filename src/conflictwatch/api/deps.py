"""FastAPI dependencies: what the routers need from the outside world, overridable in tests.

Override with ``app.dependency_overrides[get_store] = lambda: fake``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from fastapi import Depends, Request

from conflictwatch.api.security import ApiKeyStore, key_header
from conflictwatch.config import Settings
from conflictwatch.models import Article, Event
from conflictwatch.store.base import EventStore

Extract = Callable[[Article], list[Event]]
_extractor_lock = threading.Lock()


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> EventStore:
    return request.app.state.store


def get_key_store(request: Request) -> ApiKeyStore:
    return request.app.state.keys


def get_extract(request: Request) -> Extract:
    """The extraction function ``Article -> list[Event]``; the real Extractor is built on first use."""
    state = request.app.state
    with _extractor_lock:  # two first requests must not both load the model
        if state.extract is None:
            from conflictwatch.extract import Extractor

            state.extract = Extractor(settings=state.settings).extract
    return state.extract


def require_api_key(
    keys: ApiKeyStore = Depends(get_key_store), key: str | None = Depends(key_header)
) -> None:
    """Dependency for write endpoints: AuthError (401) unless the request carries a valid key."""
    keys.verify(key)
