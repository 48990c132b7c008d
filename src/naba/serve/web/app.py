"""The web site and JSON API: ``create_app(store_url)`` builds the FastAPI application.

One store per process and the caches over it, as one ``WebServices`` (see ``services``) opened when
the app starts and closed when it stops; every route reaches it through the ``Services`` dependency.
Pages and API routes are plain ``def`` functions run in worker threads. Errors go through one handler:
/api/* answers with the JSON shape ``{"error": {"status", "code", "message"}}``, every other path with
an Arabic error page, both with the right status. Every answer, errors included, passes through
``headers.SiteHeaders`` (security and cache headers, HEAD). The API docs (Swagger UI) are served from
the ``fastapi-offline`` package's copy of Swagger UI, so /api/docs needs no CDN and works offline.
"""

from __future__ import annotations

import gc
import logging
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from naba.errors import NabaError, NotFound, UsageError
from naba.pipeline.tagging import resolve_entity
from naba.serve.web import api, feeds, pages
from naba.serve.web.headers import DOCS_PATH, SiteHeaders, absolute
from naba.serve.web.render import STATIC, SWAGGER_STATIC, render
from naba.serve.web.services import WebServices
from naba.settings import Settings

log = logging.getLogger("naba.serve.web")
WORKER_THREADS = 8

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_request",
          500: "internal_error"}
_ARABIC = {  # status -> (title, explanation) of the error page
    404: ("لم نجد هذه الصفحة", "ربما حُذف ما تبحث عنه، أو في الرابط خطأ."),
    405: ("هذه الطريقة غير مسموحة هنا", "هذا العنوان لا يقبل هذا النوع من الطلبات."),
    422: ("في الطلب ما لا نفهمه", "تحقق من القيم في الرابط أو في النموذج، كالتاريخ أو رقم الصفحة."),
    500: ("حدث خطأ عندنا", "ليس الخطأ منك. حاول مرة أخرى بعد قليل."),
}


class NabaApp(FastAPI):
    """FastAPI with ``SiteHeaders`` outside everything, so that even a 500 carries the site's headers."""

    def build_middleware_stack(self):
        return SiteHeaders(super().build_middleware_stack())


def create_app(store_url: str, *, store_mode: str = "per-thread", worker_threads: int = WORKER_THREADS,
               settings: Settings | None = None, freeze_heap: bool = False) -> FastAPI:
    """The app over the store at ``store_url``; ``settings`` (default: the environment's) give its base URL.

    ``freeze_heap`` (for a server process, not for tests that build many apps): once started, what
    the process holds (the gazetteer's and the tagger's tables, ~1M objects) is moved out of the
    garbage collector's sight (``gc.freeze``), so that its full collections, which a busy server runs
    every few seconds, no longer walk it: each took several ms of a request's time."""
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        anyio.to_thread.current_default_thread_limiter().total_tokens = worker_threads
        services = app.state.services = WebServices.open(store_url, store_mode)
        try:
            await anyio.to_thread.run_sync(resolve_entity, "نبأ")  # load the spellings now, not on a request
            if freeze_heap:
                gc.collect()
                gc.freeze()
            yield
        finally:
            services.close()

    app = NabaApp(title="naba", version="1", lifespan=lifespan,
                  description="نبأ: Arabic news, grouped into stories. Errors: {\"error\": {status, code, message}}.",
                  docs_url=None, redoc_url=None)
    app.state.base_url = (settings or Settings.from_env()).base_url
    app.router.redirect_slashes = False  # Starlette's redirect is built from the Host header: see _slash_redirect
    app.mount("/static/swagger-ui", StaticFiles(directory=SWAGGER_STATIC), name="swagger-ui")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(feeds.router)
    app.include_router(pages.router)
    _install_error_handlers(app)

    @app.get(DOCS_PATH, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        return HTMLResponse(render("api_docs.html", request, openapi_url=app.openapi_url))

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> Response:  # no store, no thread: the benchmark's baseline
        return Response("ok", media_type="text/plain")

    return app


# -- errors: one handler, one shape ---------------------------------------------------------------

def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def error_response(request: Request, status: int, message: str, code: str | None = None) -> Response:
    code = code or _CODES.get(status, "error")
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)
    title, explanation = _ARABIC.get(status, ("حدث خطأ", "حاول مرة أخرى."))
    html = render("error.html", request, status=status, title=title, explanation=explanation, message=message)
    return HTMLResponse(html, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _slash_redirect(request: Request) -> Response | None:
    """``/story/1/`` → ``/story/1`` on the site's own address, when the path without the slash exists."""
    path = request.url.path
    if path == "/" or not path.endswith("/"):
        return None
    target = path.rstrip("/")
    scope = {**request.scope, "path": target}
    if not any(route.matches(scope)[0] is not Match.NONE for route in request.app.router.routes):
        return None
    return RedirectResponse(absolute(request, target, request.url.query), status_code=307)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        redirect = _slash_redirect(request) if exc.status_code == 404 else None
        if redirect is not None:
            return redirect
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "error")
        response = error_response(request, exc.status_code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(NabaError)
    async def naba_error(request: Request, exc: NabaError) -> Response:
        if isinstance(exc, NotFound):
            return error_response(request, 404, str(exc))
        if isinstance(exc, UsageError):
            return error_response(request, 422, str(exc))
        log.exception("store error on %s", request.url.path, exc_info=exc)
        return error_response(request, 500, "the store failed to answer", code="store_error")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        return error_response(request, 500, "internal server error")

