"""The JSON API under /api: the same queries the pages use, as JSON.

Only ``POST /api/articles`` changes anything, and it needs
``Authorization: Bearer $KABAR_TOKEN``; with no token configured it refuses
everyone, so a server started without one is read-only.
"""
from __future__ import annotations

import hmac
from typing import Any, Optional

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from ..batch.parallel import analyse_task, ANALYSE
from ..store import input_hash
from ..store import layers, queries

router = APIRouter(prefix="/api", tags=["api"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def store_of(request: Request):
    return request.app.state.store


def cached(request: Request, fn, *args, **kwargs) -> JSONResponse:
    """A store query's answer as JSON, reused while the store is unchanged.

    Plain JSON of plain dicts: FastAPI's generic encoder cost more than the
    query on a cached answer (bench/web_latency.py)."""
    return JSONResponse(request.app.state.cache.get(fn, *args, **kwargs))


def page(limit: int = Query(20, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict:
    return {"limit": limit, "offset": offset}


def dates(date_from: Optional[str] = Query(None, alias="from", pattern=DATE, description="ISO date, month or year"),
          date_to: Optional[str] = Query(None, alias="to", pattern=DATE, description="ISO date, month or year")):
    return {"date_from": date_from, "date_to": date_to}


@router.get("/articles", summary="Search and list articles")
def list_articles(request: Request, q: Optional[str] = Query(None, description="web-search syntax: "
                                                             'words, "phrases", OR, -exclude'),
                  source: Optional[str] = None,
                  entity: Optional[str] = Query(None, description="entity id or name"),
                  d: dict = Depends(dates), p: dict = Depends(page)) -> JSONResponse:
    f = queries.Filters(q=q, source=source, entity=entity, **d)
    return cached(request, queries.search_articles, f, **p)


@router.get("/articles/{article_id:path}", summary="One article's kabar/1 record")
def get_article(request: Request, article_id: str) -> JSONResponse:
    found = request.app.state.cache.get(queries.get_article, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return JSONResponse(found["record"])


def _check_token(request: Request) -> None:
    expected = request.app.state.token
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if not expected or scheme.lower() != "bearer" or not hmac.compare_digest(value.strip(), expected):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", summary="Analyse and store articles (needs the bearer token)", status_code=200)
def post_articles(request: Request, body: Any = Body(..., description="a kabar input object or a list of them"),
                  _: None = Depends(_check_token)) -> dict:
    items = body if isinstance(body, list) else [body]
    if not items or not all(isinstance(i, dict) for i in items):
        raise HTTPException(422, "expected a kabar input object or a non-empty list of them")
    store, results = store_of(request), []
    for n, item in enumerate(items):
        ihash = input_hash(item)
        result = analyse_task((ANALYSE, f"item {n}", item, ihash))
        if result.error:
            raise HTTPException(422, f"item {n}: {result.error}")
        results.append((result, ihash))
    out = []
    for result, ihash in results:  # all analysed first, so a bad item stores nothing
        status = store.write(result.record, raw=result.raw, input_hash=ihash)
        out.append({"id": result.record["id"], "status": status.value, "warnings": result.warnings})
    request.app.state.cache.invalidate()
    return {"items": out}


@router.get("/entities", summary="Entities across articles")
def list_entities(request: Request, q: Optional[str] = Query(None, description="part of a name"),
                  type: Optional[str] = Query(None, description="PER, ORG, LOC, ..."),
                  p: dict = Depends(page)) -> JSONResponse:
    return cached(request, layers.list_entities, q=q, type=type, **p)


@router.get("/entities/{entity_id}", summary="One entity: articles, quotes, figures, events, company")
def get_entity(request: Request, entity_id: str) -> JSONResponse:
    found = request.app.state.cache.get(layers.get_entity, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return JSONResponse(found)


@router.get("/quotes", summary="Quotes across articles")
def list_quotes(request: Request, speaker: Optional[str] = Query(None, description="entity id or name"),
                q: Optional[str] = Query(None, description="words in the quote"),
                d: dict = Depends(dates), p: dict = Depends(page)) -> JSONResponse:
    return cached(request, layers.list_quotes, speaker=speaker, q=q, **d, **p)


@router.get("/figures", summary="Claimed figures across articles")
def list_figures(request: Request, category: Optional[str] = None,
                 claimant: Optional[str] = Query(None, description="entity id or name"),
                 d: dict = Depends(dates), p: dict = Depends(page)) -> JSONResponse:
    return cached(request, layers.list_figures, category=category, claimant=claimant, **d, **p)


@router.get("/events", summary="PLOVER events across articles")
def list_events(request: Request, actor: Optional[str] = Query(None, description="entity id or name"),
                type: Optional[str] = Query(None, description="PLOVER type, e.g. ACCUSE"),
                d: dict = Depends(dates), p: dict = Depends(page)) -> JSONResponse:
    return cached(request, layers.list_events, actor=actor, type=type, **d, **p)
