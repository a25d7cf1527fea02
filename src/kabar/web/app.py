"""The FastAPI application: pages, the JSON API under /api, one error shape.

Every API error is ``{"error": {"status": 404, "message": "..."}}``; pages
show the same message in HTML. Templates autoescape; the only markup that
is not escaped by Jinja is what ``highlight`` builds, and it escapes itself.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException

from ..store import Store, open_store
from .cache import QueryCache

HERE = Path(__file__).parent


def error_body(status: int, message: str) -> dict:
    return {"error": {"status": status, "message": message}}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI, templates: Jinja2Templates) -> None:
    def respond(request: Request, status: int, message: str, headers=None):
        if request.url.path.startswith("/api"):
            return JSONResponse(error_body(status, message), status_code=status, headers=headers)
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status, headers=headers)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return respond(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return respond(request, 422, _validation_message(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):  # never a bare traceback page
        return respond(request, 500, f"internal error: {type(exc).__name__}")


def make_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    return Jinja2Templates(env=env)


def create_app(store: Store | str | None = None, *, token: str | None = None) -> FastAPI:
    """The app over ``store`` (a Store or a URL); ``token`` guards POST /api/articles."""
    from .api import router as api_router
    from .pages import router as pages_router

    # docs_url=None: FastAPI's default /docs loads Swagger UI from a CDN, and Kabar
    # runs offline; the same page is served below from the swagger-ui-bundle package.
    app = FastAPI(title="Kabar", version="1", docs_url=None,
                  description="Indonesian news intelligence: search articles and read their "
                              "entities, quotes, claimed figures and events (kabar/1 records).")
    app.state.store = store if isinstance(store, Store) else open_store(store)
    app.state.cache = QueryCache(app.state.store)
    app.state.token = token or None
    app.state.templates = make_templates()
    _install_error_handlers(app, app.state.templates)
    _install_offline_docs(app)  # before /static, which would otherwise catch its assets
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api_router)
    app.include_router(pages_router, default_response_class=HTMLResponse)
    return app


def _install_offline_docs(app: FastAPI) -> None:
    from fastapi.openapi.docs import get_swagger_ui_html
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/static/swagger-ui", StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="Kabar API",
                                   swagger_js_url="/static/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger-ui/favicon-32x32.png")


def app_from_env() -> FastAPI:
    """The app over ``$KABAR_DB`` with ``$KABAR_TOKEN``: what each ``kabar serve --workers`` process runs."""
    import os

    return create_app(os.environ.get("KABAR_DB"), token=os.environ.get("KABAR_TOKEN"))
