"""Events out of kabar/1 records, as GDELT-style rows and as PLOVER JSON records.

    for row in gdelt_rows(records): ...      # dicts with GDELT_COLUMNS, one per event
    for ev in plover_records(records): ...   # PLOVER-shaped dicts, one per event

Both take any iterable of kabar/1 records (the store's, a JSONL file's) and
stream; ``kabar export --format gdelt|plover`` writes them as TSV / JSONL.
"""
from __future__ import annotations

import hashlib
import re
from typing import Iterable, Iterator

# PLOVER's four quad categories (verbal/material cooperation/conflict), GDELT's QuadClass 1-4.
QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), (1, "verbal cooperation")),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), (2, "material cooperation")),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), (3, "verbal conflict")),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), (4, "material conflict")),
}
GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "EventDate", "Actor1Id", "Actor1Name", "Actor1Type",
                 "Actor2Id", "Actor2Name", "Actor2Type", "EventCode", "QuadClass", "IsNegated",
                 "Trigger", "ActionGeo_Id", "ActionGeo_FullName", "Claimant", "ClaimantId",
                 "SOURCEURL", "Source", "Published", "DocId")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def event_id(doc_id: str, index: int) -> str:
    """Stable across runs and stores: the article's id and the event's place in it."""
    return hashlib.sha1(f"{doc_id}\t{index}".encode("utf-8")).hexdigest()[:16]


def _entities(record: dict) -> dict:
    return {e.get("id"): e for e in record.get("entities", [])}


def _event_date(ev: dict, record: dict) -> str | None:
    """The event's own day when the text gives one, else the day it was published."""
    for value in (ev.get("time"), record.get("published")):
        if value and _ISO_DATE.match(str(value)):
            return str(value)[:10]
    return None


def _events(records: Iterable[dict]) -> Iterator[tuple[dict, dict, dict, int]]:
    for record in records:
        ents = _entities(record)
        for i, ev in enumerate(record.get("events") or []):
            yield record, ents, ev, i


def gdelt_rows(records: Iterable[dict]) -> Iterator[dict]:
    """One flat row per event, columns ``GDELT_COLUMNS`` (empty string for unknown)."""
    for record, ents, ev, i in _events(records):
        actor, target = ents.get(ev.get("actor")) or {}, ents.get(ev.get("target")) or {}
        place, claimant = ents.get(ev.get("place")) or {}, ents.get(ev.get("claimant")) or {}
        day = _event_date(ev, record)
        yield {
            "GLOBALEVENTID": event_id(record.get("id") or "", i),
            "SQLDATE": day.replace("-", "") if day else "",
            "EventDate": ev.get("time") or "",
            "Actor1Id": ev.get("actor") or "", "Actor1Name": actor.get("name", ""),
            "Actor1Type": actor.get("type", ""),
            "Actor2Id": ev.get("target") or "", "Actor2Name": target.get("name", ""),
            "Actor2Type": target.get("type", ""),
            "EventCode": ev.get("type", ""), "QuadClass": QUAD.get(ev.get("type"), ("", ""))[0],
            "IsNegated": int(bool(ev.get("negated"))), "Trigger": ev.get("trigger") or "",
            "ActionGeo_Id": ev.get("place") or "", "ActionGeo_FullName": place.get("name", ""),
            "Claimant": claimant.get("name", ""), "ClaimantId": ev.get("claimant") or "",
            "SOURCEURL": record.get("url") or "", "Source": record.get("source") or "",
            "Published": record.get("published") or "", "DocId": record.get("id") or "",
        }


def _party(ents: dict, entity_id: str | None) -> dict | None:
    e = ents.get(entity_id)
    if not e:
        return None
    return {"id": entity_id, "name": e.get("name"), "type": e.get("type")}


def plover_records(records: Iterable[dict]) -> Iterator[dict]:
    """One PLOVER event record per event (actor, recipient, event_type, date, location, story)."""
    for record, ents, ev, i in _events(records):
        span = ev.get("span") or [0, 0]
        yield {
            "event_id": event_id(record.get("id") or "", i),
            "event_date": _event_date(ev, record),
            "event_time_text": ev.get("time"),
            "event_type": ev.get("type"),
            "event_mode": None,  # PLOVER modes (e.g. ASSAULT: firearms) are not coded yet
            "quad_category": QUAD.get(ev.get("type"), (None, None))[1],
            "negated": bool(ev.get("negated")),
            "trigger": ev.get("trigger"),
            "event_text": record.get("text", "")[span[0]:span[1]],
            "actor": _party(ents, ev.get("actor")),
            "recipient": _party(ents, ev.get("target")),
            "location": _party(ents, ev.get("place")),
            "claimant": _party(ents, ev.get("claimant")),
            "story_id": record.get("id"),
            "story_date": record.get("published"),
            "story_source": record.get("source"),
            "story_url": record.get("url"),
            "story_title": record.get("title"),
            "language": record.get("language"),
        }
