"""Response headers: no MIME sniffing anywhere, and a Content-Security-Policy on the dashboard
that lets the browser load nothing from any other host (defence in depth for "offline")."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DASHBOARD_CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",  # Leaflet positions its layers with inline styles
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
])
# The Swagger UI page of /docs starts itself with an inline script, so it keeps its own rules.
_NO_CSP_PREFIXES = ("/docs", "/redoc", "/static-offline-docs")


class SecurityHeaders:
    """Pure ASGI middleware adding the headers to every HTTP response (cheaper per request than
    ``@app.middleware("http")``, which wraps each response in a second streaming task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = not scope["path"].startswith(_NO_CSP_PREFIXES)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                if csp:
                    headers["Content-Security-Policy"] = DASHBOARD_CSP
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install(app: FastAPI) -> None:
    app.add_middleware(SecurityHeaders)
