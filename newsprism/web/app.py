"""The ASGI app behind ``newsprism serve``: each page at ``/PATH`` and as JSON at ``/api/PATH``.

Safety, since article text is untrusted: templates auto-escape every value (no ``|safe`` on
article data); a strict Content-Security-Policy allows only this app's own script and
style; the store is opened read-only; static assets are served from memory by name, so no
part of a URL reaches the filesystem; only GET/HEAD, no request bodies, bounded URLs and
queries; errors are one sentence, never a traceback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from newsprism.errors import NewsprismError, NotFoundError
from newsprism.render.story.jinja import story_env, stylesheet
from newsprism.store import Store
from newsprism.store.read import QueryError, StoryFilter, story_page
from newsprism.web import outlets, pages
from newsprism.web.guard import LimitsMiddleware, SecurityHeadersMiddleware
from newsprism.web.reports import ReportCache

__all__ = ["create_app"]

log = logging.getLogger(__name__)

STATIC_TYPES = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]

PageFn = Callable[[pages.Site, Request], dict[str, Any]]


def _env() -> Environment:
    return story_env(PackageLoader("newsprism.web", "templates"))


def _static() -> dict[str, bytes]:
    return {
        "app.css": stylesheet().encode(),
        "app.js": resources.files("newsprism.web").joinpath("static", "app.js").read_bytes(),
    }


def _int(value: str | None, default: int = 1) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default


def _date(value: str | None) -> str:
    value = (value or "").strip()
    return (
        value
        if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit()
        else ""
    )


# Page functions: (site, request) -> data. Path parameters are strings matched by Starlette.
def _stories(site: pages.Site, r: Request) -> dict[str, Any]:
    p = r.query_params
    flt = StoryFilter(
        text=p.get("q", ""),
        outlet=p.get("outlet", ""),
        since=_date(p.get("since")),
        until=_date(p.get("until")),
    )
    return pages.stories_page(site, flt, _int(p.get("page")))


PAGES: dict[str, tuple[str, PageFn, str]] = {
    # name: (path, page function, template)
    "stories": ("/stories", _stories, "stories.html"),
    "story": (
        "/stories/{story_id}",
        lambda s, r: pages.story_page(s, r.path_params["story_id"]),
        "story.html",
    ),
    "article": (
        "/articles/{article_id}",
        lambda s, r: pages.article_page(s, r.path_params["article_id"], r.query_params.get("span")),
        "article.html",
    ),
    "people": ("/people", lambda s, r: pages.people_page(s), "people.html"),
    "person": ("/people/{name}", lambda s, r: pages.person_page(s, r.path_params["name"]), "person.html"),
    "outlets": ("/outlets", lambda s, r: outlets.outlets_page(s), "outlets.html"),
    "outlet": ("/outlets/{name}", lambda s, r: outlets.outlet_page(s, r.path_params["name"]), "outlet.html"),
    "search": ("/search", lambda s, r: pages.search_page(s, r.query_params.get("q", "")), "search.html"),
}


class _App:
    """Holds the store path, one read-only connection per worker thread, the cache and templates."""

    def __init__(self, db: str | Path, reports: ReportCache | None, analyse_max: int) -> None:
        self.db = str(db)
        Store(self.db, read_only=True).close()  # fail at start, not at the first request
        self.reports = reports or ReportCache()
        self.analyse_max = analyse_max
        self.local = threading.local()
        self.env = _env()
        self.static = _static()

    def site(self) -> pages.Site:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store(self.db, read_only=True)
        return pages.Site(store, self.reports, self.analyse_max)

    def warm(self) -> None:
        """Compute the newest stories' briefs one by one (a failure is logged, not fatal)."""
        with Store(self.db, read_only=True) as store:
            rows, _ = story_page(store, StoryFilter(), self.analyse_max, 0)
            for row in rows:
                try:
                    self.reports.get(store, row["id"], row["size"])
                except Exception as exc:  # one bad story must not stop the others
                    log.error("could not analyse story %s: %r", row["id"], exc)

    def html(self, template: str, code: int, context: dict[str, Any]) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(template).render(**context), status_code=code)

    def story_html(self, data: dict[str, Any]) -> str:
        return self.env.get_template("story.html").render(**data, nav="story")

    def page(self, name: str, api: bool) -> Callable[[Request], Response]:
        _path, fn, template = PAGES[name]

        def endpoint(request: Request) -> Response:
            try:
                data = fn(self.site(), request)
            except QueryError as exc:
                if api:
                    return JSONResponse({"error": exc.line()}, status_code=400)
                context = {"nav": "search", "query": request.query_params.get("q", ""), "articles": [],
                           "quotes": [], "error": exc.line()}  # fmt: skip
                return self.html("search.html", 400, context)
            if api:
                return JSONResponse(data)
            if name == "story":  # a brief's page depends on the brief only: drawn once, kept beside it
                story = data["story"]
                body = self.reports.view(story["id"], story["size"], "story.html", data, self.story_html)
                return HTMLResponse(body)
            return self.html(template, 200, {**data, "nav": name})

        return endpoint

    def asset(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in self.static:  # a lookup in a dict: the URL never names a file
            return self.error(request, HTTPException(404))
        return Response(
            self.static[name], media_type=STATIC_TYPES[name], headers={"Cache-Control": "max-age=3600"}
        )

    def error(self, request: Request, exc: Exception) -> Response:
        if isinstance(exc, HTTPException):
            status, message = (
                exc.status_code,
                {404: "no such page", 405: "only GET is served"}.get(
                    exc.status_code, "the request was refused"
                ),
            )
        elif isinstance(exc, NotFoundError):
            status, message = 404, exc.line()
        elif isinstance(exc, NewsprismError):
            status, message = 500, exc.line()
        else:
            log.error("error serving %s: %r", request.url.path, exc)
            status, message = 500, "something went wrong on the server; the log has the details"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=status)
        return self.html("error.html", status, {"nav": "error", "status": status, "message": message})


def create_app(
    db: str | Path,
    reports: ReportCache | None = None,
    allowed_hosts: list[str] | None = None,
    analyse_max: int = 20,
    warm: bool = False,
) -> Starlette:
    """The web app over the store ``db`` (opened read-only). ``reports`` may be pre-filled;
    ``warm`` computes the briefs of the ``analyse_max`` newest stories in a background thread
    (what the people and outlet pages draw on)."""
    app = _App(db, reports, analyse_max)
    if warm:
        threading.Thread(target=app.warm, name="newsprism-briefs", daemon=True).start()
    routes = [Route("/", lambda r: RedirectResponse("/stories", 303)),
              Route("/static/{name}", app.asset)]  # fmt: skip
    for name, (path, _fn, _t) in PAGES.items():
        routes.append(Route(path, app.page(name, api=False), name=name))
        routes.append(Route("/api" + path, app.page(name, api=True), name="api-" + name))
    routes.append(Route("/api/stories/{story_id}/report", lambda r: JSONResponse(
        pages.story_report(app.site(), r.path_params["story_id"]))))  # fmt: skip
    middleware = [
        Middleware(SecurityHeadersMiddleware),
        Middleware(LimitsMiddleware),
        Middleware(TrustedHostMiddleware, allowed_hosts=[*LOOPBACK_HOSTS, *(allowed_hosts or [])]),
    ]
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={Exception: app.error, HTTPException: app.error, NewsprismError: app.error},
    )
