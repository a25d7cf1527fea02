"""Writing one kabar/1 record: the article row, its layer rows and its search entry.

Idempotent by content: an input whose hash is stored under the same id
changes nothing; a changed input under a known id replaces the old article
and every layer row of it. The caller owns the transaction, so a record is
stored whole or not at all.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from enum import Enum

import sqlalchemy as sa

from . import schema
from .schema import entity_id


class WriteResult(str, Enum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


def input_hash(obj: dict) -> str:
    """A stable hash of an input object: same article, same hash, whatever the key order."""
    blob = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def fts_rowid(article_id: str) -> int:
    """The article's row in the SQLite FTS table: a 63-bit hash, so deletes need no scan."""
    return int.from_bytes(hashlib.sha1(article_id.encode("utf-8")).digest()[:8], "big") >> 1


def write_record(conn: sa.Connection, record: dict, *, raw: str = "", input_hash: str = "") -> WriteResult:
    article_id = record["id"]
    ihash = input_hash or _record_hash(record)
    old = conn.execute(sa.select(schema.articles.c.input_hash)
                       .where(schema.articles.c.id == article_id)).scalar_one_or_none()
    if old == ihash:
        return WriteResult.UNCHANGED
    if old is not None:
        delete_article(conn, article_id)
    pub_date = (record.get("published") or "")[:10] or None
    conn.execute(schema.articles.insert().values(
        id=article_id, input_hash=ihash, source=record.get("source"), url=record.get("url"),
        title=record.get("title"), published=record.get("published"), pub_date=pub_date,
        text=record["text"], raw=raw or record["text"],
        record=json.dumps(record, ensure_ascii=False),
        ingested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)))
    rows_by_layer = layer_rows(record, pub_date)
    for name, rows in rows_by_layer.items():
        if rows:
            conn.execute(schema.LAYER_TABLES[name].insert(), rows)
    _add_entity_stats(conn, rows_by_layer["entities"])
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("INSERT INTO articles_fts(rowid, article_id, title, text) "
                             "VALUES (:r, :a, :t, :x)"),
                     {"r": fts_rowid(article_id), "a": article_id,
                      "t": record.get("title") or "", "x": record["text"]})
    return WriteResult.REPLACED if old is not None else WriteResult.ADDED


def _per_entity(rows) -> dict[str, dict]:
    """One article's entity rows summed per cross-article entity (it counts once per article)."""
    out: dict[str, dict] = {}
    for r in rows:
        got = out.setdefault(r["entity_id"], {"entity_id": r["entity_id"], "name": r["name"],
                                               "type": r["type"], "n_articles": 1, "n_mentions": 0})
        got["n_mentions"] += r["n_mentions"]
    return out


def _add_entity_stats(conn: sa.Connection, entity_rows: list[dict]) -> None:
    rows = list(_per_entity(entity_rows).values())
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    t = schema.entity_stats
    stmt = insert(t).values(rows)
    stmt = stmt.on_conflict_do_update(index_elements=[t.c.entity_id], set_={
        "n_articles": t.c.n_articles + stmt.excluded.n_articles,
        "n_mentions": t.c.n_mentions + stmt.excluded.n_mentions})
    conn.execute(stmt)


def _remove_entity_stats(conn: sa.Connection, article_id: str) -> None:
    e, t = schema.entities, schema.entity_stats
    old = conn.execute(sa.select(e.c.entity_id, e.c.name, e.c.type, e.c.n_mentions)
                       .where(e.c.article_id == article_id)).mappings().all()
    for row in _per_entity(old).values():
        conn.execute(t.update().where(t.c.entity_id == row["entity_id"])
                     .values(n_articles=t.c.n_articles - 1, n_mentions=t.c.n_mentions - row["n_mentions"]))
    conn.execute(t.delete().where(t.c.n_articles <= 0))


def rebuild_entity_stats(conn: sa.Connection) -> None:
    """Recount ``entity_stats`` from the entity rows (for a store made before it existed)."""
    e, t = schema.entities, schema.entity_stats
    conn.execute(t.delete())
    per_article = (sa.select(e.c.entity_id, e.c.article_id, sa.func.max(e.c.name).label("name"),
                             sa.func.max(e.c.type).label("type"), sa.func.sum(e.c.n_mentions).label("m"))
                   .group_by(e.c.entity_id, e.c.article_id).subquery())
    conn.execute(t.insert().from_select(
        ["entity_id", "name", "type", "n_articles", "n_mentions"],
        sa.select(per_article.c.entity_id, sa.func.max(per_article.c.name), sa.func.max(per_article.c.type),
                  sa.func.count(), sa.func.sum(per_article.c.m)).group_by(per_article.c.entity_id)))


def delete_article(conn: sa.Connection, article_id: str) -> None:
    _remove_entity_stats(conn, article_id)
    for table in schema.LAYER_TABLES.values():
        conn.execute(table.delete().where(table.c.article_id == article_id))
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("DELETE FROM articles_fts WHERE rowid = :r"), {"r": fts_rowid(article_id)})
    conn.execute(schema.articles.delete().where(schema.articles.c.id == article_id))


def _record_hash(record: dict) -> str:
    return input_hash({k: record.get(k) for k in ("id", "text", "published", "source", "url", "title")})


def layer_rows(record: dict, pub_date: str | None) -> dict[str, list[dict]]:
    """The record's layers as rows, each entity reference resolved to its cross-article id."""
    aid = record["id"]
    ids = {e["id"]: entity_id(e.get("name") or "", e.get("type") or "") for e in record.get("entities", [])}
    base = {"article_id": aid, "pub_date": pub_date}
    out: dict[str, list[dict]] = {name: [] for name in schema.LAYER_TABLES}
    for e in record.get("entities", []):
        mentions = e.get("mentions") or []
        out["entities"].append({**base, "eid": e["id"], "entity_id": ids[e["id"]], "name": e.get("name") or "",
                                "type": e.get("type") or "", "n_mentions": len(mentions)})
        out["mentions"].extend({**base, "eid": e["id"], "entity_id": ids[e["id"]], "start": a, "end": b}
                               for a, b in mentions)
    for i, q in enumerate(record.get("quotes", [])):
        out["quotes"].append({**base, "idx": i, "text": q["text"], "start": q["span"][0], "end": q["span"][1],
                              "direct": q.get("direct"), "kind": q.get("kind"),
                              "speaker": q.get("speaker"), "speaker_id": ids.get(q.get("speaker")),
                              "speaker_text": q.get("speaker_text"), "cue": q.get("cue"),
                              "via": q.get("via"), "via_id": ids.get(q.get("via"))})
    for i, f in enumerate(record.get("figures", [])):
        out["figures"].append({**base, "idx": i, "text": f["text"], "start": f["span"][0], "end": f["span"][1],
                               "value": f.get("value"), "min": f.get("min"), "max": f.get("max"),
                               "approx": f.get("approx"), "unit": f.get("unit"), "category": f.get("category"),
                               "currency": f.get("currency"), "claimant": f.get("claimant"),
                               "claimant_id": ids.get(f.get("claimant")),
                               "claimant_text": f.get("claimant_text")})
    for i, t in enumerate(record.get("times", [])):
        out["times"].append({**base, "idx": i, "text": t["text"], "start": t["span"][0], "end": t["span"][1],
                             "value": _str(t.get("value"))})
    for i, ev in enumerate(record.get("events", [])):
        span = ev.get("span") or [None, None]
        out["events"].append({**base, "idx": i, "type": ev.get("type"),
                              "actor": ev.get("actor"), "actor_id": ids.get(ev.get("actor")),
                              "target": ev.get("target"), "target_id": ids.get(ev.get("target")),
                              "trigger": ev.get("trigger"), "start": span[0], "end": span[1],
                              "time": _str(ev.get("time")), "place": ev.get("place"),
                              "place_id": ids.get(ev.get("place")), "negated": ev.get("negated"),
                              "claimant": ev.get("claimant"), "claimant_id": ids.get(ev.get("claimant"))})
    return out


def _str(value) -> str | None:
    return None if value is None else str(value)
