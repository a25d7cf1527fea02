"""Reading articles back: search with filters, facets, one article.

Every function takes an open Connection and returns plain dicts, so the JSON
API, the web pages and a Python user share them.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa

from . import schema
from .search import match, query_words

A = schema.articles
E = schema.entities
_HEX_ID = re.compile(r"^[0-9a-f]{12}$")
FACET_SAMPLE = 200  # best matches whose entities the entity facet counts


@dataclass(frozen=True)
class Filters:
    """What narrows a list of articles; dates are ISO prefixes (2023, 2023-11, 2023-11-17)."""
    q: str | None = None
    source: str | None = None
    entity: str | None = None
    date_from: str | None = None
    date_to: str | None = None


def entity_ids_for(entity: str) -> sa.ColumnElement | sa.Select:
    """Cross-article entity ids meant by ``entity``: an id itself, or every entity of that name."""
    if _HEX_ID.match(entity):
        return sa.select(sa.literal(entity))
    return sa.select(E.c.entity_id).where(sa.func.lower(E.c.name) == entity.casefold()).distinct()


def date_conditions(col: sa.ColumnElement, date_from: str | None, date_to: str | None) -> list:
    """Inclusive bounds on an ISO date column; a bound may be a year or a month."""
    out = []
    if date_from:
        out.append(col >= date_from)
    if date_to:
        out.append(sa.func.substr(col, 1, len(date_to)) <= date_to)
    return out


def conditions(f: Filters) -> list:
    out = date_conditions(A.c.pub_date, f.date_from, f.date_to)
    if f.source:
        out.append(A.c.source == f.source)
    if f.entity:
        out.append(A.c.id.in_(sa.select(E.c.article_id).where(E.c.entity_id.in_(entity_ids_for(f.entity)))))
    return out


def _filtered(conn: sa.Connection, f: Filters, *cols) -> tuple[sa.Select, sa.Subquery | None]:
    hits = match(conn.dialect.name, f.q) if f.q else None
    stmt = sa.select(*cols).select_from(A)
    if hits is not None:
        stmt = stmt.join(hits, hits.c.article_id == A.c.id)
    elif f.q:  # a query of punctuation alone matches nothing
        stmt = stmt.where(sa.false())
    return stmt.where(*conditions(f)), hits


def search_articles(conn: sa.Connection, f: Filters, *, limit: int = 20, offset: int = 0) -> dict:
    """A page of matching articles, best first (newest first without a query)."""
    if f != Filters():
        rows = _match_rows(conn, f)
        items = _page_items(conn, [r.id for r in rows[offset:offset + limit]], query_words(f.q or ""))
        return {"total": len(rows), "limit": limit, "offset": offset, "items": items}
    total = conn.execute(sa.select(sa.func.count()).select_from(A)).scalar_one()
    ids = conn.execute(sa.select(A.c.id).order_by(A.c.pub_date.desc().nulls_last(), A.c.id)
                       .limit(limit).offset(offset)).scalars().all()
    return {"total": total, "limit": limit, "offset": offset, "items": _page_items(conn, ids, [])}


def _match_rows(conn: sa.Connection, f: Filters) -> list:
    """(id, source, pub_date) of every match, best first.

    Fetching these once and counting in Python costs less than asking the
    full-text index again for the count, the page and each facet
    (bench/web_latency.py)."""
    stmt, hits = _filtered(conn, f, A.c.id, A.c.source, A.c.pub_date)
    order = [hits.c.score] if hits is not None else []
    return conn.execute(stmt.order_by(*order, A.c.pub_date.desc().nulls_last(), A.c.id)).all()


def search_page(conn: sa.Connection, f: Filters, *, limit: int = 20, offset: int = 0, top: int = 15,
                sample: int = FACET_SAMPLE) -> dict:
    """A results page and its facets from one pass over the matches (the search page's query)."""
    if f == Filters():
        return {"results": search_articles(conn, f, limit=limit, offset=offset), "facets": facets(conn, f)}
    rows = _match_rows(conn, f)
    items = _page_items(conn, [r.id for r in rows[offset:offset + limit]], query_words(f.q or ""))
    sources = Counter(r.source for r in rows)
    months = Counter(r.pub_date[:7] for r in rows if r.pub_date)
    return {
        "results": {"total": len(rows), "limit": limit, "offset": offset, "items": items},
        "facets": {"sources": [{"source": k, "n": n} for k, n in
                               sorted(sources.items(), key=lambda kv: (-kv[1], kv[0] or ""))[:top]],
                   "entities": _entities_of(conn, [r.id for r in rows[:sample]], top),
                   "months": [{"month": k, "n": n} for k, n in sorted(months.items())],
                   "entity_sample": sample},
    }


def _page_items(conn: sa.Connection, ids: list[str], words: list[str]) -> list[dict]:
    if not ids:
        return []
    got = {r.id: dict(r._mapping) for r in conn.execute(
        sa.select(A.c.id, A.c.title, A.c.source, A.c.url, A.c.published, A.c.text).where(A.c.id.in_(ids)))}
    items = [got[i] for i in ids]
    for item in items:
        item["snippet"] = snippet(item.pop("text"), words)
    return items


def _entities_of(conn: sa.Connection, ids: list[str], top: int) -> list[dict]:
    if not ids:
        return []
    rows = conn.execute(
        sa.select(E.c.entity_id, sa.func.max(E.c.name).label("name"), sa.func.max(E.c.type).label("type"),
                  sa.func.count(sa.distinct(E.c.article_id)).label("n"))
        .where(E.c.article_id.in_(ids)).group_by(E.c.entity_id)
        .order_by(sa.desc("n"), sa.func.max(E.c.name)).limit(top))
    return [dict(r) for r in rows.mappings()]


def snippet(text: str, words: list[str], width: int = 240) -> str:
    """About ``width`` characters of ``text`` around the first query word it contains."""
    pos = -1
    if words:
        m = re.search("|".join(rf"\b{re.escape(w)}" for w in words), text, re.IGNORECASE)
        pos = m.start() if m else -1
    start = max(0, pos - width // 3) if pos > 0 else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < pos else start
    end = min(len(text), start + width)
    out = text[start:end].replace("\n", " ")
    return ("… " if start else "") + out + (" …" if end < len(text) else "")


def facets(conn: sa.Connection, f: Filters, *, top: int = 15, sample: int = FACET_SAMPLE) -> dict:
    """Counts beside a result list: sources, most-named entities, articles per month.

    Sources and months count every match; entities count the best ``sample``
    matches (all of them without filters, from the running totals), because
    grouping every mention of thousands of articles costs too much per page.
    """
    ids, _ = _filtered(conn, f, A.c.id)
    filtered = f != Filters()
    where = [A.c.id.in_(ids)] if filtered else []
    sources = conn.execute(
        sa.select(A.c.source, sa.func.count().label("n")).where(*where)
        .group_by(A.c.source).order_by(sa.desc("n"), A.c.source).limit(top)).mappings().all()
    month = sa.func.substr(A.c.pub_date, 1, 7).label("month")
    months = conn.execute(
        sa.select(month, sa.func.count().label("n")).where(*where, A.c.pub_date.is_not(None))
        .group_by(month).order_by(month)).mappings().all()
    return {"sources": [dict(r) for r in sources], "entities": _entity_facet(conn, f, top, sample),
            "months": [dict(r) for r in months], "entity_sample": sample if filtered else None}


def _entity_facet(conn: sa.Connection, f: Filters, top: int, sample: int) -> list[dict]:
    if f == Filters():
        S = schema.entity_stats
        rows = conn.execute(sa.select(S.c.entity_id, S.c.name, S.c.type, S.c.n_articles.label("n"))
                            .order_by(S.c.n_articles.desc(), S.c.name).limit(top))
        return [dict(r) for r in rows.mappings()]
    best, hits = _filtered(conn, f, A.c.id)
    best = best.order_by(*([hits.c.score] if hits is not None else []), A.c.pub_date.desc()).limit(sample)
    rows = conn.execute(
        sa.select(E.c.entity_id, sa.func.max(E.c.name).label("name"), sa.func.max(E.c.type).label("type"),
                  sa.func.count(sa.distinct(E.c.article_id)).label("n"))
        .where(E.c.article_id.in_(best.scalar_subquery())).group_by(E.c.entity_id)
        .order_by(sa.desc("n"), sa.func.max(E.c.name)).limit(top))
    return [dict(r) for r in rows.mappings()]


def get_article(conn: sa.Connection, article_id: str) -> dict | None:
    """The stored kabar/1 record and the raw text it came from, or None."""
    row = conn.execute(sa.select(A.c.record, A.c.raw).where(A.c.id == article_id)).first()
    if row is None:
        return None
    return {"record": json.loads(row.record), "raw": row.raw}


def article_entity_ids(conn: sa.Connection, article_id: str) -> dict[str, str]:
    """Record entity id (e1) to cross-article entity id, for linking an article's entities."""
    rows = conn.execute(sa.select(E.c.eid, E.c.entity_id).where(E.c.article_id == article_id))
    return {r.eid: r.entity_id for r in rows}
