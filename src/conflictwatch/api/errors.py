"""Our errors -> HTTP status codes with a JSON body; anything unexpected -> 500 without a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from conflictwatch.errors import (
    AuthError,
    BlockedURL,
    ConflictwatchError,
    FetchError,
    InputError,
    ModelError,
    NotFound,
)

log = logging.getLogger(__name__)

STATUS: list[tuple[type[ConflictwatchError], int]] = [
    (NotFound, 404),
    (AuthError, 401),
    (BlockedURL, 422),
    (InputError, 422),
    (FetchError, 502),
    (ModelError, 503),
]


def status_for(exc: ConflictwatchError) -> int:
    return next((code for cls, code in STATUS if isinstance(exc, cls)), 500)


def _body(detail: str, exc: Exception) -> dict[str, str]:
    return {"detail": detail, "error": type(exc).__name__}


async def _ours(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ConflictwatchError)
    code = status_for(exc)
    if code >= 500:
        log.error("%s %s failed: %s", request.method, request.url.path, exc)
    headers = {"WWW-Authenticate": "APIKey"} if code == 401 else None
    return JSONResponse(_body(str(exc), exc), status_code=code, headers=headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s: unexpected error", request.method, request.url.path)
    return JSONResponse({"detail": "internal error", "error": "InternalError"}, status_code=500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ConflictwatchError, _ours)
    app.add_exception_handler(Exception, _unexpected)
