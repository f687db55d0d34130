"""HTTP API and the dashboard it serves: `create_app()` builds the FastAPI application.

    tacitus serve [--db tacitus.db] [--host 127.0.0.1] [--port 8000]

Endpoints (all JSON unless said):
    POST /v1/code             code text or HTML; returns the clean article (with removed blocks) and
                              its events; nothing is stored
    POST /v1/articles         code and store one article (an object) or a batch (an array)
    GET  /v1/articles/{id}    a stored article (store id, URL, key or reader id) with its events
    GET  /v1/events           stored events; the CLI's filters; cursor pagination (limit, cursor)
    GET  /v1/incidents        incidents with their events and articles
    GET  /v1/dyads/{a}/{b}    counts, QuadClass and Goldstein per day/week/month, both directions
    GET  /v1/reciprocity      answers in kind within N days
    GET  /v1/export           every event as gdelt | plover | csv | jsonl (streamed) or parquet (a file)
    GET  /healthz             liveness and store counts
    GET  /docs                the API reference, rendered from /openapi.json with no CDN
    GET  /                    the dashboard (static files of tacitus/web, served from memory)

Safety: binds to 127.0.0.1 by default (see `tacitus.serve`); request bodies over `max_body`
bytes ($TACITUS_MAX_BODY, default 5 MB) get 413, whether announced by Content-Length or streamed;
with $TACITUS_API_KEY set, POST /v1/articles needs the header X-API-Key; no endpoint reads a path
or fetches a URL the client names (`url` is metadata stored with the article); static files come
from a fixed list, never from a path in the request; store queries pass every value as an SQL
parameter; every response carries a strict Content-Security-Policy and related headers.

Coding is CPU-bound: it runs in the thread pool, one article at a time per process (one lock),
with one `Coder` per process created on first use, so the event loop keeps serving reads.
"""

from __future__ import annotations

import hmac
import json
import os
import re
import tempfile
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import date as Date
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import tacitus
from tacitus.model import Article
from tacitus.readers import InputError, article_from_text, parse_date
from tacitus.store import QueryError, Store, StoreError, open_store, resolve_path

DEFAULT_MAX_BODY = 5_000_000
MAX_BATCH = 1000
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
# The dashboard's files: a fixed list, read from the package once. A request path never becomes a
# filesystem path, so there is nothing to traverse.
STATIC_FILES = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "world.json": "application/json",
    "docs.html": "text/html; charset=utf-8",
    "docs.js": "text/javascript; charset=utf-8",
}
EXPORT_TYPES = {
    "gdelt": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "plover": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}
_PARTIAL_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# --------------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------------
class ArticleIn(BaseModel):
    """An article to code: `text` (plain text) or `html` (a page), not both."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="an HTML page; the article is extracted from it")
    date: str | None = Field(None, description="publication date YYYY-MM-DD; relative dates resolve against it")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=4096,
                            description="metadata only: stored with the article and used as its identity, "
                                        "never fetched")
    id: str | None = Field(None, max_length=200, description="your id for the article (default: a hash)")

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        try:
            return parse_date(value).isoformat()
        except InputError as exc:
            raise ValueError(str(exc)) from None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class BlockOut(BaseModel):
    text: str
    kept: bool
    reason: str = ""
    start: int
    end: int


class ArticleOut(BaseModel):
    id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    text: str
    blocks: list[BlockOut]
    warnings: list[str] = []


class Evidence(BaseModel):
    start: int
    end: int
    text: str
    trigger: int | None = None


class Actor(BaseModel):
    text: str | None = None
    code: str | None = None
    country: str | None = None
    agents: list[str] = []


class Cameo(BaseModel):
    code: str
    root: str
    label: str | None = None
    goldstein: float | None = None
    quad_class: int | None = Field(None, description="GDELT QuadClass: 1 verbal cooperation, 2 material "
                                                       "cooperation, 3 verbal conflict, 4 material conflict")


class Plover(BaseModel):
    type: str | None = None
    mode: str | None = None
    context: list[str] = []


class Location(BaseModel):
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


class ReportedBy(BaseModel):
    text: str | None = None
    code: str | None = None


class StoreRef(BaseModel):
    id: int
    article: int
    day: str | None = None
    incident_id: int | None = None


class EventRecord(BaseModel):
    """The event record of DESIGN.md; stored events add `store`."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    evidence: Evidence
    date: str | None = None
    date_precision: str | None = None
    source: Actor
    target: Actor
    cameo: Cameo
    plover: Plover
    location: Location | None = None
    reported_by: ReportedBy | None = None
    negated: bool = False
    modality: str = "asserted"
    confidence: float | None = None
    rule: str = ""
    store: StoreRef | None = None


class PlaceMention(Location):
    mention: str = Field(description="the place as written")
    start: int
    end: int
    feature: str = Field("", description="city, country, region, island, unresolved ...")


class CodeResult(BaseModel):
    article: ArticleOut
    events: list[EventRecord]
    places: list[PlaceMention] = Field(default_factory=list, description="every place mention found in the article")


class IngestItem(BaseModel):
    index: int
    status: Literal["inserted", "replaced", "unchanged", "failed"]
    article: int | None = Field(None, description="store id, for GET /v1/articles/{id}")
    key: str | None = None
    events: int = 0
    error: str | None = None


class IngestResult(BaseModel):
    inserted: int
    replaced: int
    unchanged: int
    failed: int
    events: int
    results: list[IngestItem]


class StoredArticle(BaseModel):
    id: int
    key: str
    article_id: str
    url: str | None = None
    title: str | None = None
    date: str | None = None
    source: str = ""
    outlet: str = ""
    text: str
    ingested_at: str
    updated_at: str
    events: list[EventRecord]


class EventPage(BaseModel):
    events: list[EventRecord]
    next_cursor: str | None = Field(None, description="pass as `cursor` for the next page; null at the end")


class IncidentEvent(BaseModel):
    id: int
    event_id: str
    day: str | None = None
    cameo_code: str
    source_code: str | None = None
    target_code: str | None = None
    sentence: str
    evidence_text: str
    article_pk: int
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


class Incident(BaseModel):
    id: int
    source_country: str
    target_country: str
    root: str
    code: str
    first_day: str
    last_day: str
    place_name: str = ""
    n_mentions: int
    n_articles: int
    n_sources: int
    goldstein: float | None = None
    quad_class: int | None = None
    events: list[IncidentEvent] = []


class IncidentPage(BaseModel):
    incidents: list[Incident]
    next_cursor: str | None = None


class DyadPeriod(BaseModel):
    period_start: str
    source: str
    target: str
    events: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_sum: float
    goldstein_mean: float | None = None


class Dyad(BaseModel):
    a: str
    b: str
    by: str
    periods: list[DyadPeriod]


class ReciprocityPair(BaseModel):
    source: str
    target: str
    family: str
    first_day: str
    response_day: str
    lag_days: int
    first_event: int
    response_event: int
    first_incident: int | None = None
    response_incident: int | None = None
    event_pairs: int
    first_code: str | None = None
    first_text: str | None = None
    response_code: str | None = None
    response_text: str | None = None


class Reciprocity(BaseModel):
    days: int
    pairs: list[ReciprocityPair]


class Health(BaseModel):
    status: str
    version: str
    coder_loaded: bool
    articles: int
    events: int


class Problem(BaseModel):
    detail: Any
    message: str


ERRORS = {422: {"model": Problem, "description": "invalid input; `message` names the field"},
          413: {"model": Problem, "description": "request body over the size limit"}}


# --------------------------------------------------------------------------------------------------
# Middleware: body size and security headers (pure ASGI, so streaming bodies are counted too)
# --------------------------------------------------------------------------------------------------
class _TooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit:,} bytes (TACITUS_MAX_BODY)")


class GuardMiddleware:
    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        limit = self.max_body
        length = None
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    length = -1
        if length is not None and (length < 0 or length > limit):
            status, message = (400, "invalid Content-Length") if length < 0 else (413, _TooLarge(limit).detail)
            await JSONResponse({"detail": message, "message": message}, status_code=status)(scope, receive, send_secure)
            return

        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge(limit)
            return message

        await self.app(scope, counted_receive, send_secure)


# --------------------------------------------------------------------------------------------------
# State: the store (one connection per thread) and the coder (one per process, lazily)
# --------------------------------------------------------------------------------------------------
class _State:
    def __init__(self, db_path: str, coder: Any) -> None:
        self.db_path = db_path
        self._coder = coder
        self._coder_lock = threading.Lock()  # guards creation and use: coding is one article at a time
        self._local = threading.local()
        self._stores: list[Store] = []
        self._stores_lock = threading.Lock()

    def store(self) -> Store:
        """This thread's connection (SQLite connections are not shared between threads here)."""
        st = getattr(self._local, "store", None)
        if st is None:
            st = open_store(self.db_path)
            self._local.store = st
            with self._stores_lock:
                self._stores.append(st)
        return st

    def close(self) -> None:
        with self._stores_lock:
            for st in self._stores:
                try:
                    st.close()
                except Exception:
                    pass
            self._stores.clear()

    @property
    def coder_loaded(self) -> bool:
        return self._coder is not None

    def code(self, article: Article) -> list[Any]:
        with self._coder_lock:
            if self._coder is None:
                from tacitus.pipeline import default_coder

                self._coder = default_coder()
            return self._coder.code_article(article)


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise ValueError(f"${name} must be a whole number of bytes, not {raw!r}") from None
    if value < 1:
        raise ValueError(f"${name} must be positive")
    return value


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    return ".".join(parts) or "body"


def _problem(status: int, field: str, message: str) -> JSONResponse:
    return JSONResponse({"detail": [{"loc": [field], "msg": message}], "message": f"{field}: {message}"},
                        status_code=status)


def _day_param(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    ok = bool(_PARTIAL_DAY.match(value))
    if ok:
        try:
            parts = [int(p) for p in value.split("-")]
            Date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            ok = False
    if not ok:
        raise RequestValidationError([{"loc": ("query", name), "msg": f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}",
                                       "type": "value_error"}])
    return value


def _cursor(value: str | None) -> int | None:
    if value is None or value == "":
        return None
    if not value.isdigit() or len(value) > 18:
        raise RequestValidationError([{"loc": ("query", "cursor"), "msg": "not a cursor from a previous page",
                                       "type": "value_error"}])
    return int(value)


def _article_out(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "title": article.title, "url": article.url,
        "date": article.date.isoformat() if article.date else None, "text": article.text,
        "blocks": [{"text": b.text, "kept": b.kept, "reason": b.reason, "start": b.start, "end": b.end}
                   for b in article.blocks],
        "warnings": list(article.warnings),
    }


def _read_article(item: ArticleIn) -> Article:
    body = item.text if item.text is not None else item.html
    return article_from_text(body or "", date=item.date, title=item.title, url=item.url, article_id=item.id,
                             html=True if item.html is not None else None, source="api")


def _lifespan(state: _State) -> Any:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    return lifespan


def _static(name: str) -> bytes:
    return resources.files("tacitus").joinpath("web", name).read_bytes()


# --------------------------------------------------------------------------------------------------
# The application
# --------------------------------------------------------------------------------------------------
def create_app(
    db_path: str | None = None,
    coder: Any = None,
    max_body: int | None = None,
    api_key: str | None = None,
) -> FastAPI:
    """The API and dashboard over the store at `db_path` ($TACITUS_DB, else ./tacitus.db).

    coder: a `tacitus.pipeline.Coder` to use (default: the process's default coder, made on first use).
    max_body: largest request body in bytes (default $TACITUS_MAX_BODY, else 5,000,000).
    api_key: required in X-API-Key for writes (default $TACITUS_API_KEY; "" or unset: no key).
    """
    path = resolve_path(db_path)
    limit = max_body if max_body is not None else _env_int("TACITUS_MAX_BODY", DEFAULT_MAX_BODY)
    key = api_key if api_key is not None else os.environ.get("TACITUS_API_KEY", "")
    state = _State(path, coder)
    state.store()  # create or migrate the schema now, so a bad database fails at start, not per request
    assets = {name: _static(name) for name in STATIC_FILES}

    app = FastAPI(
        title="Tacitus",
        version=tacitus.__version__,
        summary="Political event data (CAMEO, PLOVER) from news text.",
        docs_url=None,  # FastAPI's Swagger page loads from a CDN; /docs below works offline
        redoc_url=None,
        telemetry={"tracing": False, "metrics": False, "logs": False, "auto_configure": False},
        lifespan=_lifespan(state),
    )
    app.state.tacitus = state
    app.state.max_body = limit
    app.add_middleware(GuardMiddleware, max_body=limit)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        for e in errors:
            e.pop("input", None)  # never echo a (possibly 5 MB) body back
            e.pop("ctx", None)
        message = "; ".join(f"{_field_name(e.get('loc', ()))}: {str(e.get('msg', '')).removeprefix('Value error, ')}"
                            for e in errors)
        return JSONResponse({"detail": errors, "message": message}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        return JSONResponse({"detail": detail, "message": detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(QueryError)
    async def _query(request: Request, exc: QueryError) -> JSONResponse:
        text = str(exc)
        match = re.match(r"--(\w+)", text)
        return _problem(422, match.group(1) if match else "query", text.split(": ", 1)[-1] if match else text)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": "store unavailable", "message": "store unavailable"}, status_code=503)

    def require_key(x_api_key: Annotated[str | None, Header(description="required when TACITUS_API_KEY is set")] = None) -> None:
        if key and not (x_api_key and hmac.compare_digest(x_api_key.encode(), key.encode())):
            raise HTTPException(401, "missing or wrong X-API-Key (this server requires one for writes)",
                                headers={"WWW-Authenticate": "X-API-Key"})

    # -- coding ------------------------------------------------------------------------------------
    @app.post("/v1/code", response_model=CodeResult, responses=ERRORS, tags=["coding"])
    async def code(item: ArticleIn) -> Any:
        """Code one article (text or HTML). Returns the clean text, the blocks kept and removed (with
        the reason), and the events with evidence offsets into the clean text. Nothing is stored."""
        article = await run_in_threadpool(_checked_read, item)
        events = await run_in_threadpool(state.code, article)
        return {"article": _article_out(article), "events": [e.to_dict() for e in events],
                "places": [p.mention_dict(article.text) for p in article.places]}

    @app.post("/v1/articles", response_model=IngestResult, responses={**ERRORS, 401: {"model": Problem}},
              tags=["store"], dependencies=[Depends(require_key)],
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                  "oneOf": [{"$ref": "#/components/schemas/ArticleIn"},
                            {"type": "array", "maxItems": MAX_BATCH, "items": {"$ref": "#/components/schemas/ArticleIn"}}]
              }}}}})
    async def ingest(request: Request) -> Any:
        """Code and store one article (a JSON object) or a batch (an array of up to 1,000).
        Idempotent: the same URL (or, without one, the same clean text) stored twice changes nothing.
        In a batch, an article that cannot be read is reported `failed` and the others are stored;
        a single article that cannot be read gets 422."""
        items, single = await _parse_articles(request)
        results: list[dict[str, Any]] = []
        pairs: list[tuple[int, Article]] = []
        for index, item in enumerate(items):
            try:
                pairs.append((index, await run_in_threadpool(_read_article, item)))
            except InputError as exc:
                if single:
                    return _problem(422, "html" if item.html is not None else "text", str(exc))
                results.append({"index": index, "status": "failed", "error": str(exc)})
        coded = []
        for index, article in pairs:
            coded.append((index, article, await run_in_threadpool(state.code, article)))

        def write() -> list[dict[str, Any]]:
            out = []
            st = state.store()
            for index, article, events in coded:
                try:
                    r = st.ingest(article, events)
                except Exception as exc:  # one article's failure does not stop the batch
                    out.append({"index": index, "status": "failed", "error": f"{type(exc).__name__}: {exc}"})
                else:
                    out.append({"index": index, "status": r.status, "article": r.article_pk, "key": r.key,
                                "events": r.events})
            return out

        results += await run_in_threadpool(write)
        results.sort(key=lambda r: r["index"])
        count = {s: sum(1 for r in results if r["status"] == s) for s in ("inserted", "replaced", "unchanged", "failed")}
        return {**count, "events": sum(r.get("events", 0) for r in results if r["status"] != "unchanged"),
                "results": results}

    # -- reading the store ---------------------------------------------------------------------------
    @app.get("/v1/articles/{ident:path}", response_model=StoredArticle, responses={404: {"model": Problem}},
             tags=["store"])
    def get_article(ident: Annotated[str, Path(max_length=4096, description="store id, URL, key or reader id")]) -> Any:
        """A stored article with its events."""
        art = state.store().article(ident)
        if art is None:
            raise HTTPException(404, "no such article")
        return art

    @app.get("/v1/events", response_model=EventPage, responses=ERRORS, tags=["store"])
    def events(
        actor: Annotated[str | None, Query(max_length=64, description="either side: country (RUS) or code prefix (RUSGOV)")] = None,
        source: Annotated[str | None, Query(max_length=64)] = None,
        target: Annotated[str | None, Query(max_length=64)] = None,
        root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root, e.g. 17")] = None,
        code: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix, e.g. 173")] = None,
        quad: Annotated[int | None, Query(ge=1, le=4, description="GDELT QuadClass")] = None,
        since: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]], inclusive")] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
        text: Annotated[str | None, Query(max_length=500, description="substring of sentence or evidence")] = None,
        one_a_day: bool = False,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        cursor: Annotated[str | None, Query(max_length=32, description="next_cursor of the previous page")] = None,
    ) -> Any:
        """Stored events in store order, filtered like `tacitus events`, a page at a time."""
        rows = state.store().events(
            actor=actor, source=source, target=target, root=root, code=code, quad=quad,
            since=_day_param(since, "since"), until=_day_param(until, "until"), text=text,
            one_a_day=one_a_day, limit=limit + 1, after_id=_cursor(cursor),
        )
        from tacitus.store.queries import event_record

        page = rows[:limit]
        return {"events": [event_record(r) for r in page],
                "next_cursor": str(page[-1]["id"]) if len(rows) > limit else None}

    @app.get("/v1/incidents", response_model=IncidentPage, responses=ERRORS, tags=["store"])
    def incidents(
        source: Annotated[str | None, Query(max_length=64, description="source country")] = None,
        target: Annotated[str | None, Query(max_length=64)] = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
        since: Annotated[str | None, Query(max_length=10)] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
        min_articles: Annotated[int, Query(ge=1)] = 1,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        cursor: Annotated[str | None, Query(max_length=32)] = None,
    ) -> Any:
        """Incidents (events about the same happening, across articles) with their events and articles."""
        rows = state.store().incidents(
            source=source.upper() if source else None, target=target.upper() if target else None, root=root,
            since=_day_param(since, "since"), until=_day_param(until, "until"), min_articles=min_articles,
            limit=limit + 1, after_id=_cursor(cursor),
        )
        page = rows[:limit]
        return {"incidents": page, "next_cursor": str(page[-1]["id"]) if len(rows) > limit else None}

    @app.get("/v1/dyads/{a}/{b}", response_model=Dyad, responses=ERRORS, tags=["analysis"])
    def dyad(
        a: Annotated[str, Path(max_length=64, description="country code, e.g. POL")],
        b: Annotated[str, Path(max_length=64)],
        by: Literal["day", "week", "month"] = "month",
        since: Annotated[str | None, Query(max_length=10)] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
    ) -> Any:
        """Both directions of a dyad per period: events, QuadClass counts q1–q4, Goldstein sum and mean."""
        rows = state.store().dyad(a, b, by=by, since=_day_param(since, "since"), until=_day_param(until, "until"))
        return {"a": a.upper(), "b": b.upper(), "by": by, "periods": rows}

    @app.get("/v1/reciprocity", response_model=Reciprocity, responses=ERRORS, tags=["analysis"])
    def reciprocity(
        days: Annotated[int, Query(ge=0, le=3660)] = 30,
        actor: Annotated[str | None, Query(max_length=64)] = None,
        since: Annotated[str | None, Query(max_length=10)] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
    ) -> Any:
        """Pairs where the target answered the source in kind within `days` days."""
        pairs = state.store().reciprocity(days=days, actor=actor, since=_day_param(since, "since"),
                                          until=_day_param(until, "until"))
        return {"days": days, "pairs": pairs}

    @app.get("/v1/export", tags=["store"], responses={200: {"content": {t: {} for t, _ in EXPORT_TYPES.values()}},
                                                       **ERRORS})
    def export(format: Literal["gdelt", "plover", "csv", "jsonl", "parquet"] = "jsonl") -> Response:
        """Every stored event in one format, streamed as it is read (parquet: written, then sent as a file)."""
        media, ext = EXPORT_TYPES[format]
        headers = {"Content-Disposition": f'attachment; filename="tacitus-events.{ext}"'}
        if format == "parquet":
            fd, tmp = tempfile.mkstemp(suffix=".parquet", prefix="tacitus-export-")
            os.close(fd)
            try:
                with open_store(path) as st:
                    st.export("parquet", tmp)
            except BaseException:
                os.unlink(tmp)
                raise
            return FileResponse(tmp, media_type=media, headers=headers, background=BackgroundTask(os.unlink, tmp))
        return StreamingResponse(_stream_export(path, format), media_type=media, headers=headers)

    @app.get("/healthz", response_model=Health, tags=["service"])
    def healthz() -> Any:
        stats = state.store().stats()
        return {"status": "ok", "version": tacitus.__version__, "coder_loaded": state.coder_loaded,
                "articles": stats["articles"], "events": stats["events"]}

    # -- static: dashboard and offline docs -------------------------------------------------------
    def _asset(name: str) -> Response:
        return Response(assets[name], media_type=STATIC_FILES[name], headers={"Cache-Control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return _asset("index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return _asset("docs.html")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC_FILES:
            raise HTTPException(404, "not found")
        return _asset(name)

    return app


def _checked_read(item: ArticleIn) -> Article:
    try:
        return _read_article(item)
    except InputError as exc:
        field = "html" if item.html is not None else "text"
        raise RequestValidationError([{"loc": ("body", field), "msg": str(exc), "type": "value_error"}]) from None


async def _parse_articles(request: Request) -> tuple[list[ArticleIn], bool]:
    raw = await request.body()
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RequestValidationError([{"loc": ("body",), "msg": f"not JSON ({exc})", "type": "json_invalid"}]) from None
    single = isinstance(data, dict)
    if single:
        data = [data]
    if not isinstance(data, list):
        raise RequestValidationError([{"loc": ("body",), "msg": "expected an article object or an array of them",
                                       "type": "type_error"}])
    if not data or len(data) > MAX_BATCH:
        raise RequestValidationError([{"loc": ("body",), "msg": f"a batch holds 1 to {MAX_BATCH:,} articles",
                                       "type": "value_error"}])
    items, errors = [], []
    for index, obj in enumerate(data):
        try:
            items.append(ArticleIn.model_validate(obj))
        except ValidationError as exc:
            for e in exc.errors():
                loc = ("body", *e["loc"]) if single else ("body", index, *e["loc"])
                errors.append({"loc": loc, "msg": e["msg"], "type": e["type"]})
    if errors:
        raise RequestValidationError(errors)
    return items, single


def _stream_export(db_path: str, fmt: str) -> Iterator[bytes]:
    """Run the store's own exporter on a pipe in a thread and yield what it writes, as it writes it.

    The thread starts on the first read, so an abandoned response holds nothing; if the client goes
    away, closing the read end makes the exporter's next write fail and the thread ends.
    """
    read_fd, write_fd = os.pipe()
    failure: list[BaseException] = []

    def produce() -> None:
        try:
            with open_store(db_path) as st:
                # The exporter opens (and closes) its own duplicate of the write end: open() takes a
                # descriptor as well as a path. Our write_fd is closed by us alone, below.
                st.export(fmt, os.dup(write_fd))  # type: ignore[arg-type]
        except BrokenPipeError:
            pass
        except BaseException as exc:  # reported by truncation; logged for the operator
            failure.append(exc)
        finally:
            os.close(write_fd)

    thread = threading.Thread(target=produce, name="tacitus-export", daemon=True)
    thread.start()
    try:
        with os.fdopen(read_fd, "rb", buffering=0) as reader:
            while chunk := reader.read(65536):
                yield chunk
    finally:
        thread.join(timeout=5)
        if failure:
            import logging

            logging.getLogger("tacitus.api").error("export failed: %s", failure[0])
