"""Hand-built kabar/1 records for store and web tests.

The pipeline's layers are built by others and change daily; the store must
work on whatever a valid record holds, so tests write records directly,
with spans found by searching the text (so they always index it).
"""
from __future__ import annotations

from kabar.document import RECORD_FIELDS


def _span(text: str, part: str, start: int = 0) -> list[int]:
    i = text.index(part, start)
    return [i, i + len(part)]


def make_record(id: str, text: str, *, published: str | None = "2023-11-17", source: str | None = "contoh.id",
                title: str | None = None, entities=(), quotes=(), figures=(), times=(), events=()) -> dict:
    """entities: (name, type, [surfaces]); quotes: (text, speaker name|None, speaker_text, direct);
    figures: (text, value, category, claimant name|None, claimant_text); times: (text, value);
    events: (type, actor name, target name, trigger)."""
    ents, by_name = [], {}
    for n, (name, etype, surfaces) in enumerate(entities, 1):
        mentions = []
        for s in surfaces:
            start = 0
            while (i := text.find(s, start)) >= 0:
                mentions.append([i, i + len(s)])
                start = i + len(s)
        ents.append({"id": f"e{n}", "name": name, "type": etype, "mentions": sorted(mentions)})
        by_name[name] = f"e{n}"
    record = {
        "schema": "kabar/1", "id": id, "url": f"https://{source}/{id}" if source else None, "source": source,
        "title": title or f"Judul {id}", "published": published, "language": "id", "text": text,
        "boilerplate": [], "bylines": [], "entities": ents,
        "quotes": [{"text": q, "span": _span(text, q), "direct": direct, "kind": "statement",
                    "speaker": by_name.get(who), "speaker_text": said, "cue": "kata", "via": None}
                   for q, who, said, direct in quotes],
        "figures": [{"text": f, "span": _span(text, f), "value": value, "min": value, "max": value,
                     "approx": False, "unit": "orang", "category": cat, "claimant": by_name.get(who),
                     "claimant_text": said}
                    for f, value, cat, who, said in figures],
        "times": [{"text": t, "span": _span(text, t), "value": v} for t, v in times],
        "events": [{"type": etype, "actor": by_name.get(actor), "target": by_name.get(target),
                    "trigger": trig, "span": _span(text, trig), "time": published, "place": None,
                    "negated": False, "claimant": None}
                   for etype, actor, target, trig in events],
        "warnings": [],
    }
    assert list(record) == list(RECORD_FIELDS)
    return record


XSS = "<script>alert(1)</script>"

GAZA = make_record(
    "gaza-1",
    "Menteri Luar Negeri Retno Marsudi mengecam serangan di Gaza. "
    "“Kami menuntut gencatan senjata segera,” kata Retno di Jakarta, Jumat (17/11). "
    "Para pejabat Israel mengatakan serangan itu menewaskan 1.200 orang.",
    title="Retno kecam serangan di Gaza",
    entities=[("Retno Marsudi", "PER", ["Retno Marsudi"]), ("Gaza", "LOC", ["Gaza"]),
              ("Jakarta", "LOC", ["Jakarta"]), ("Israel", "LOC", ["Israel"])],
    quotes=[("Kami menuntut gencatan senjata segera,", "Retno Marsudi", "Retno", True)],
    figures=[("1.200 orang", 1200, "killed", None, "Para pejabat Israel")],
    times=[("Jumat (17/11)", "2023-11-17")],
    events=[("ACCUSE", "Retno Marsudi", "Israel", "mengecam")],
)
# The surname-only mention joins the full name, as the pipeline does it.
GAZA["entities"][0]["mentions"].append(_span(GAZA["text"], "Retno", GAZA["text"].index("kata Retno")))

BANJIR = make_record(
    "banjir-2",
    "Banjir melanda Jakarta pada Senin. Gubernur Anies Baswedan mengatakan 300 orang mengungsi. "
    "Menurut Retno Marsudi, bantuan akan segera dikirim.",
    published="2023-12-04", source="berita.id", title="Banjir di Jakarta",
    entities=[("Anies Baswedan", "PER", ["Anies Baswedan"]), ("Jakarta", "LOC", ["Jakarta"]),
              ("Retno Marsudi", "PER", ["Retno Marsudi"])],
    quotes=[("bantuan akan segera dikirim.", "Retno Marsudi", "Retno Marsudi", False)],
    figures=[("300 orang", 300, "displaced", "Anies Baswedan", "Gubernur Anies Baswedan")],
)

EVIL = make_record(
    "evil-3",
    f"Seorang peretas menulis {XSS} di situs Kementerian Kominfo. "
    f"“{XSS} adalah lelucon,” kata Budi {XSS} Santoso.",
    published="2024-01-10", source="jahat.id", title=f"Peretas {XSS}",
    entities=[(f"Budi {XSS} Santoso", "PER", [f"Budi {XSS} Santoso"]),
              ("Kementerian Kominfo", "ORG", ["Kementerian Kominfo"])],
    quotes=[(f"{XSS} adalah lelucon,", f"Budi {XSS} Santoso", f"Budi {XSS} Santoso", True)],
)

RECORDS = [GAZA, BANJIR, EVIL]
