"""The local web page and its JSON API, as a Starlette (ASGI) app served by uvicorn."""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from anyio import CapacityLimiter, to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ...config import Config
from ...errors import ConfigError
from ...linting.engine import Coach
from ...writing.templates import Catalogue
from . import api

STATIC = Path(__file__).parent / "static"
MAX_REQUEST_BYTES = 256 * 1024
# The API's requests are a few levels deep; deeper JSON is refused before Python's recursion limit is near.
MAX_JSON_DEPTH = 20
TOO_DEEP = f"the request body nests deeper than {MAX_JSON_DEPTH} levels"
LOCAL_HOSTS = ("127.0.0.1", "localhost")
# Everything the page needs ships with it: no script, style, font or image from anywhere else.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def allowed_hosts(host: str) -> tuple[str, ...]:
    """The Host names answered when serving on `host`: this machine's names, or any for a wildcard address."""
    if host in ("0.0.0.0", "::"):
        return ("*",)
    return tuple(dict.fromkeys((*LOCAL_HOSTS, host)))


class Service:
    """The app's state: one coach (the model loads once), used by one request at a time."""

    def __init__(self, coach: Coach, catalogue: Catalogue, max_bytes: int):
        self.coach = coach
        self.catalogue = catalogue
        self.max_bytes = max_bytes
        # spaCy and the coach are not meant for concurrent use; requests queue for them.
        self.limiter = CapacityLimiter(1)

    async def body(self, request: Request) -> Any:
        """The request's JSON body, refusing one over the size limit before reading it all."""
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            raise api.ApiError(415, "send the request body as application/json")
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise api.ApiError(413, f"request body over the {self.max_bytes:,}-byte limit")
        data = bytearray()
        async for chunk in request.stream():
            data += chunk
            if len(data) > self.max_bytes:
                raise api.ApiError(413, f"request body over the {self.max_bytes:,}-byte limit")
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise api.ApiError(400, f"the request body is not valid JSON: {err}") from None
        except RecursionError:  # nested past the interpreter's own limit
            raise api.ApiError(400, TOO_DEEP) from None
        _check_plain(body, MAX_JSON_DEPTH)
        return body

    async def run(self, work: Callable[[], dict]) -> dict:
        """Do library work on a worker thread, one request at a time."""
        return await to_thread.run_sync(work, limiter=self.limiter)


def _check_plain(value: Any, depth: int) -> None:
    """Refuse JSON nested deeper than `depth` or holding a lone surrogate (\\ud800: no character, not UTF-8)."""
    if depth < 0:
        raise api.ApiError(400, TOO_DEEP)
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise api.ApiError(400, "the request body holds an escaped lone surrogate, which is no character") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_plain(key, depth - 1)
            _check_plain(item, depth - 1)
    elif isinstance(value, list):
        for item in value:
            _check_plain(item, depth - 1)


class _SecureStaticFiles(StaticFiles):
    """Static files with the page's security headers, so a script or style is never sniffed or framed."""

    def file_response(self, *args, **kwargs) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers.update(SECURITY_HEADERS)
        return response


def create_app(config: Config | None = None, hosts: Sequence[str] = LOCAL_HOSTS,
               max_bytes: int = MAX_REQUEST_BYTES) -> Starlette:
    """The app for a config; only requests addressed to `hosts` are answered (no DNS rebinding)."""
    config = config or Config()
    service = Service(Coach(config), Catalogue.load(config), max_bytes)
    coach, catalogue = service.coach, service.catalogue

    async def lint(request: Request) -> JSONResponse:
        draft = api.read_draft(await service.body(request))
        return JSONResponse(await service.run(lambda: api.lint_draft(coach, draft)))

    async def suggest(request: Request) -> JSONResponse:
        draft = api.read_draft(await service.body(request))
        return JSONResponse(await service.run(lambda: api.suggest_draft(coach, catalogue, draft)))

    async def templates(request: Request) -> JSONResponse:
        return JSONResponse(await service.run(lambda: api.templates_json(catalogue)))

    async def render(request: Request) -> JSONResponse:
        body = await service.body(request)
        return JSONResponse(await service.run(lambda: api.render_request(coach, catalogue, body)))

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", headers=SECURITY_HEADERS)

    async def api_error(request: Request, err: Exception) -> JSONResponse:
        status, message = (err.status, err.message) if isinstance(err, api.ApiError) else (500, str(err))
        return JSONResponse({"error": message}, status_code=status)

    async def not_found(request: Request, err: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": f"no such endpoint: {request.method} {request.url.path}"},
                                status_code=getattr(err, "status_code", 404))
        return Response("Not found", status_code=404, media_type="text/plain")

    routes = [
        Route("/", index),
        Route("/api/lint", lint, methods=["POST"]),
        Route("/api/suggest", suggest, methods=["POST"]),
        Route("/api/templates", templates, methods=["GET"]),
        Route("/api/render", render, methods=["POST"]),
        Mount("/static", _SecureStaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))],
        exception_handlers={api.ApiError: api_error, ConfigError: api_error, Exception: api_error,
                            404: not_found, 405: not_found},
    )
