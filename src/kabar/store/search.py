"""Full-text search in each dialect's own engine, behind one function.

SQLite uses FTS5 (bm25); PostgreSQL a stored ``to_tsvector('simple', ...)``
column with ``websearch_to_tsquery``. Both take the same web-search syntax:
words (all must occur), "quoted phrases", ``OR`` and ``-excluded``. A user's
query is never passed raw to FTS5, whose own syntax would reject "AS-Israel".
"""
from __future__ import annotations

import re

import sqlalchemy as sa

_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)([^\s"]+)')
_WORD = re.compile(r"\w+")


def parse_query(q: str) -> list[tuple[str, list[str]]]:
    """Query terms as (op, words): op is '' (must), 'OR' (joins the previous) or 'NOT'."""
    terms: list[tuple[str, list[str]]] = []
    pending_or = False
    for m in _TOKEN.finditer(q or ""):
        neg, phrase, neg2, word = m.groups()
        if word == "OR" and terms:
            pending_or = True
            continue
        words = _WORD.findall(phrase if phrase is not None else word)
        if not words:
            continue
        op = "NOT" if (neg or neg2) else ("OR" if pending_or else "")
        pending_or = False
        terms.append((op, words))
    # A query of exclusions alone matches nothing useful: drop the negation.
    if terms and all(op == "NOT" for op, _ in terms):
        terms = [("", words) for _, words in terms]
    return terms


def fts5_query(q: str) -> str | None:
    """An FTS5 MATCH expression with every word quoted, or None for an empty query."""
    parts: list[str] = []
    for op, words in parse_query(q):
        quoted = '"' + " ".join(words) + '"'
        if op == "NOT" and parts:
            parts.append(f"NOT {quoted}")
        elif op == "OR" and parts:
            parts.append(f"OR {quoted}")
        elif op != "NOT":
            parts.append(quoted)
    return " ".join(parts) or None


def query_words(q: str) -> list[str]:
    """The words a result should show highlighted (excluded words are not)."""
    return [w for op, words in parse_query(q) if op != "NOT" for w in words]


def match(dialect: str, q: str) -> sa.Subquery | None:
    """Rows (article_id, score) of articles matching ``q``; lower score ranks first."""
    if dialect == "sqlite":
        expr = fts5_query(q)
        if expr is None:
            return None
        return (sa.select(sa.literal_column("article_id").label("article_id"),
                          sa.literal_column("bm25(articles_fts, 0.0, 4.0, 1.0)").label("score"))
                .select_from(sa.text("articles_fts"))
                .where(sa.text("articles_fts MATCH :fts").bindparams(fts=expr))
                .subquery("hits"))
    if not parse_query(q):
        return None
    tsq = sa.func.websearch_to_tsquery(sa.literal_column("'simple'"), sa.literal(q))
    tsv = sa.literal_column("articles.tsv")
    return (sa.select(sa.literal_column("articles.id").label("article_id"),
                      (-sa.func.ts_rank(tsv, tsq)).label("score"))
            .select_from(sa.text("articles"))
            .where(tsv.op("@@")(tsq))
            .subquery("hits"))
