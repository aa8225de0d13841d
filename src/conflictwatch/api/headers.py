"""Response headers: no MIME sniffing anywhere, and a Content-Security-Policy on the dashboard
that lets the browser load nothing from any other host (defence in depth for "offline")."""

from __future__ import annotations

from fastapi import FastAPI, Request, Response

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


def install(app: FastAPI) -> None:
    @app.middleware("http")
    async def _headers(request: Request, call_next) -> Response:  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if not request.url.path.startswith(_NO_CSP_PREFIXES):
            response.headers["Content-Security-Policy"] = DASHBOARD_CSP
        return response
