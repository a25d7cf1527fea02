"""Quotes with speakers, and the claimant of every figure.

Direct quotes (text in quotation marks) and reported speech (speech verb plus
content clause, "menurut X", "kata X") are found separately
(``kabar.quotes.direct`` / ``.reported``), merged (a reported clause that
holds a quotation gives it its speaker and goes), then resolved in text order
so that "ujarnya", "kata dia" and an unattributed quote point at the last
speaker. Claim verbs ("KPK mengumumkan ...") and "Hal itu disampaikan X" are
found too but not emitted: they only source figures and name speakers.
Finally every figure gets its claimant (``kabar.quotes.claimants``).
"""
from __future__ import annotations

import re
from itertools import islice

from ..document import Document
from ..quotes import claimants, direct, reported
from ..quotes.lexicon import lexicon
from ..quotes.model import Found
from ..quotes.speakers import EntityIndex, Resolver, Speaker, describe
from ..quotes.text import WORD, Sentences
from ..quotes.via import find_via, via_cues

# A word before a person that makes him an object, not the subject ("mengapresiasi kehadiran Didit").
_VERB = re.compile(r"^(?:mem|men|meng|meny|me[lrwy]|ber)[a-z]{3,}$")

_PASSIVE = re.compile(r"^di(?!rinya)[a-z]{4,}$")

REQUIRES = ("text", "sentences", "entities", "figures")
ASSIGNS = ("quotes", "figure_claimants")


def _adds_to(r: Found, around: list[Found]) -> bool:
    """'"...," kata Trump, sembari menambahkan bahwa ...': a "bahwa" clause after the
    quotation's attribution is the speaker's next statement, not part of the attribution."""
    return r.bahwa and all(r.span[0] > d.span[1] for d in around)


def _merge(directs: list[Found], reports: list[Found]) -> list[Found]:
    kept = []
    for r in reports:
        holds = [d for d in directs if d.span[0] < r.span[1] and r.span[0] < d.span[1]]
        around = [d for d in directs if d.region[0] <= r.span[0] < d.region[1]]
        if around and not _adds_to(r, around):
            continue  # a speech verb inside a quotation or its attribution
        if around:
            r.speaker = Speaker("none")  # the quotation's speaker goes on
        if holds and all(d.emit is None for d in holds):
            kept.append(r)  # 'mengakui kerugian "sangat besar"': the report is the quote
            continue
        if holds:
            for d in holds:
                if d.speaker.kind == "none":
                    d.speaker, d.cue, d.kind, d.emit = r.speaker, r.cue, r.kind, True
            continue
        kept.append(r)
    return [d for d in directs if d.emit] + kept


def _passive_after(text: str, b: int, end: int) -> bool:
    """The person is the passive subject ("Vicky juga dianggap hanya berjanji"): talked about, so
    not whom the next "ujarnya" means."""
    for w in islice(WORD.finditer(text, b, end), 3):
        if w.group() in lexicon().adverbs:
            continue
        return bool(_PASSIVE.match(w.group()))
    return False


def _subjects(text: str, sents: Sentences, ents: EntityIndex, spans) -> list[tuple[int, int, str]]:
    """Person mentions opening a sentence outside any quote: what a pronoun may point at."""
    out = []
    for sa, sb in sents.spans:
        found = _opening_person(text, sa, sb, ents, spans)
        if found is _IN_LEAD_CLAUSE:
            # "Ditanya soal Jokowi ..., Hasyim enggan berkomentar": the subject follows the comma.
            comma = text.find(",", sa, sb)
            found = _opening_person(text, comma + 1, sb, ents, spans, reach=4) if comma > 0 else None
        if found and found is not _IN_LEAD_CLAUSE:
            out.append(found)
    return out


_IN_LEAD_CLAUSE = (-1, -1, "")


def _leading_passive(word: str) -> bool:
    """"Ditanya", "disinggung": a passive opening a lead clause (not "Direktur", "Dinas")."""
    low = word.lower()
    return bool(_PASSIVE.match(low)) and low not in lexicon().not_verbs


def _opening_person(text, sa, sb, ents: EntityIndex, spans, reach: int = 10):
    """The first person in the sentence's first ``reach`` words, _IN_LEAD_CLAUSE when a verb
    before him makes him an object ("mengapresiasi kehadiran Didit", "Ditanya soal Jokowi")."""
    if not any(r[3] == "PER" for r in ents.within(sa, sb)):
        return None  # no person in the whole sentence: cheaper to see than its first words
    first = list(islice(WORD.finditer(text, sa, sb), reach))
    if not first:
        return None
    for a, b, ent, etype in ents.within(sa, first[-1].end()):
        if etype == "PER" and not any(x <= a < y for x, y in spans):
            if any(_VERB.match(w.group()) or _leading_passive(w.group()) for w in first if w.end() <= a):
                return _IN_LEAD_CLAUSE
            return None if _passive_after(text, b, sb) else (a, b, ent)
    return None


def _entity(text: str, span, ents: EntityIndex) -> str | None:
    inside = ents.within(*span)
    if inside:
        return min(inside, key=lambda r: r[0])[2]
    return ents.by_name(text[span[0]:span[1]])


_POINT_BACK_REACH = 600  # characters before "Hal itu disampaikan X" whose quotes X may have spoken


def _point_back(found: list[Found], quotes: list[dict], claims: list[tuple]) -> None:
    """Give quotes nobody was found for the speaker named by a later "Hal itu disampaikan X"."""
    for f, (_, _, ent, words) in zip(found, claims):
        if not f.points_back or not (ent or words):
            continue
        for q in quotes:
            if f.span[0] - _POINT_BACK_REACH <= q["span"][0] < f.span[0] and not (q["speaker"] or q["speaker_text"]):
                q["speaker"], q["speaker_text"] = ent, words
        for i, c in enumerate(claims):
            if f.span[0] - _POINT_BACK_REACH <= c[0][0] < f.span[0] and not (c[2] or c[3]):
                claims[i] = (c[0], c[1], ent, words)


def _drop_teasers(quotes: list[dict]) -> list[dict]:
    """A lead teaser repeats a quote the body gives with its speaker (scraped ANTARA pages open
    with it, glued before the dateline): keep only the attributed copy."""
    later = {}
    for q in quotes:
        later.setdefault(q["text"], []).append(q)
    return [q for q in quotes
            if q["speaker"] or q["speaker_text"] or not any(o is not q and (o["speaker"] or o["speaker_text"])
                                                              for o in later[q["text"]])]


def run(doc: Document) -> Document:
    text = doc.text
    paragraphs = doc.paragraphs or [(0, len(text))]
    sents = Sentences(text, paragraphs)
    ents = EntityIndex(doc.entities, text)
    found = _merge(direct.find(text, paragraphs, sents), reported.find(text, sents))
    found.sort(key=lambda f: f.span[0])
    resolver = Resolver(text, lambda: _subjects(text, sents, ents, [f.span for f in found]))
    quotes, claims = [], []
    cues = via_cues(text)
    for f in found:
        sp = f.speaker
        if sp.kind == "pending":
            sp = describe(text, sp.span, ents, sp.tail, sp.anchor)
        speaker, words = resolver.resolve(sp, f.span[0], f.salient)
        claims.append((f.span, f.region or f.span, speaker, words))
        if not f.emit:
            continue
        via_span = find_via(text, *f.region, skip=f.span, cues=cues) if f.region else None
        quotes.append({
            "text": text[f.span[0]:f.span[1]], "span": [f.span[0], f.span[1]],
            "direct": f.direct, "kind": f.kind, "speaker": speaker, "speaker_text": words,
            "cue": f.cue, "via": _entity(text, via_span, ents) if via_span else None,
        })
    _point_back(found, quotes, claims)
    doc.quotes = _drop_teasers(quotes)
    claimants.assign(doc.figures, claims, text, sents, ents, cues)  # the text's via cues, found once
    return doc
