"""Server-rendered pages: search, article, entity, claims, events."""
from __future__ import annotations

from collections import Counter
from typing import Optional
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..store import layers, queries
from ..store.search import query_words
from .highlight import highlight, mark_words, record_marks

router = APIRouter(include_in_schema=False)
PER_PAGE = 20
CLAIMS_PER_PAGE = 150
EVENTS_PER_PAGE = 50
# A form sends empty fields ("from=&to="): on pages an empty date means no bound.
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def render(request: Request, name: str, **context) -> HTMLResponse:
    """The page, rendered once per URL while the store is unchanged: rendering a
    page costs more than its cached queries (bench/web_latency.py)."""
    env = request.app.state.templates.env
    body = request.app.state.cache.remember(
        ("page", str(request.url)), lambda: env.get_template(name).render(request=request, **context))
    return HTMLResponse(body)


def cached(request: Request, fn, *args, **kwargs):
    """A store query's answer, reused while the store is unchanged (see web/cache.py)."""
    return request.app.state.cache.get(fn, *args, **kwargs)


def link(path: str, **params) -> str:
    """A URL with the non-empty params, for facet and paging links."""
    kept = {k.rstrip("_"): v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


@router.get("/")
@router.get("/search")
def search(request: Request, q: Optional[str] = None, source: Optional[str] = None,
           entity: Optional[str] = None, date_from: Optional[str] = Query(None, alias="from", pattern=DATE),
           date_to: Optional[str] = Query(None, alias="to", pattern=DATE), page: int = Query(1, ge=1)):
    f = queries.Filters(q=q or None, source=source or None, entity=entity or None,
                        date_from=date_from or None, date_to=date_to or None)
    found = cached(request, queries.search_page, f, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    results, facets = found["results"], found["facets"]
    words = query_words(q or "")
    snippets = {item["id"]: mark_words(item["snippet"], words) for item in results["items"]}
    params = {"q": q, "source": source, "entity": entity, "from_": date_from, "to": date_to}
    peak = max((m["n"] for m in facets["months"]), default=1)
    return render(request, "search.html", f=f, results=results, facets=facets, page=page, params=params,
                  snippets=snippets,
                  link=link, peak=peak, pages=(results["total"] + PER_PAGE - 1) // PER_PAGE)


def _load_article(request: Request, article_id: str) -> tuple[dict, dict[str, str]]:
    found = cached(request, queries.get_article, article_id)
    links = cached(request, queries.article_entity_ids, article_id) if found else {}
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found, links


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: str):
    # Input ids may hold '/' ("kompas/2023/banjir"), so the raw view is told apart
    # by lookup: an article whose own id ends in "/raw" still gets its page.
    if article_id.endswith("/raw") and cached(request, queries.get_article, article_id) is None:
        return article_raw(request, article_id[:-len("/raw")])
    found, links = _load_article(request, article_id)
    record = found["record"]
    names = {e["id"]: e for e in record.get("entities", [])}
    body = highlight(record["text"], record_marks(record, links))
    return render(request, "article.html", r=record, body=body, links=links, names=names)


def article_raw(request: Request, article_id: str):
    found, _ = _load_article(request, article_id)
    return render(request, "raw.html", r=found["record"], raw=found["raw"])


@router.get("/entities")
def entities(request: Request, q: Optional[str] = None, type: Optional[str] = None, page: int = Query(1, ge=1)):
    results = cached(request, layers.list_entities, q=q or None, type=type or None, limit=50,
                     offset=(page - 1) * 50)
    return render(request, "entities.html", results=results, q=q, type=type, page=page, link=link,
                  pages=(results["total"] + 49) // 50)


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: str):
    found = cached(request, layers.get_entity, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return render(request, "entity.html", e=found)


@router.get("/claims")
def claims(request: Request, category: Optional[str] = None,
           date_from: Optional[str] = Query(None, alias="from", pattern=DATE),
           date_to: Optional[str] = Query(None, alias="to", pattern=DATE), page: int = Query(1, ge=1)):
    found = cached(request, layers.claims, category=category or None, date_from=date_from or None,
                   date_to=date_to or None, limit=CLAIMS_PER_PAGE, offset=(page - 1) * CLAIMS_PER_PAGE)
    return render(request, "claims.html", claims=found, category=category, categories=layers.CLAIM_CATEGORIES,
                  date_from=date_from, date_to=date_to, page=page, link=link,
                  more=found["total"] > page * CLAIMS_PER_PAGE)


@router.get("/events")
def events(request: Request, actor: Optional[str] = None, type: Optional[str] = None,
           date_from: Optional[str] = Query(None, alias="from", pattern=DATE),
           date_to: Optional[str] = Query(None, alias="to", pattern=DATE), page: int = Query(1, ge=1)):
    found = cached(request, layers.list_events, actor=actor or None, type=type or None,
                   date_from=date_from or None, date_to=date_to or None, limit=EVENTS_PER_PAGE,
                   offset=(page - 1) * EVENTS_PER_PAGE)
    days = Counter((ev["time"] or ev["pub_date"] or "")[:10] for ev in found["items"])
    days.pop("", None)
    timeline = sorted(days.items())
    return render(request, "events.html", events=found, actor=actor, type=type, types=EVENT_TYPES,
                  date_from=date_from, date_to=date_to, timeline=timeline,
                  peak=max(days.values(), default=1), page=page, link=link,
                  more=found["total"] > page * EVENTS_PER_PAGE)
