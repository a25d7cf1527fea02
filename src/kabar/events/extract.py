"""Events from one document: find triggers, give each its roles, keep the clear ones.

Precision first: an event needs a named actor, and the types that make no
sense without one (ASSAULT, SUPPORT, AID, SANCTION ...) also a named target.
"""
from __future__ import annotations

from bisect import bisect_right

from .context import Quotes, nearest_time, negated
from .lexicon import Lexicon, Trigger, find_triggers, lexicon
from .roles import (Mention, Objects, Sentence, agent_after, build_sentence, genitive, objects,
                    partner_between, place_before, subject, token_at)

SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}
SAID = {"SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}  # verbal types: no place of their own
UNREALISED_AFTER = {"THREATEN", "REQUEST"}  # the clause these govern has not happened
COMPLEMENT_REACH = 60  # chars from such a verb to an event in its clause
WINDOW_AFTER, WINDOW_BEFORE = 120, 40  # chars searched by a trigger's requires-after/-before


def mentions_of(doc) -> list[Mention]:
    """The entities' mentions, plus bare one-word repeats the tagger left out ("kehadiran Didit"
    when "Didit" is a mention elsewhere): an actor missed there is an event missed."""
    text, lex = doc.text, lexicon()
    if lex.media_re is not None:
        media = lex.media_re
        out = [Mention(a, b, e["id"], e.get("type", "")) for e in doc.entities for a, b in e.get("mentions", [])
               if media.search(text, a, b) is None]
    else:
        out = [Mention(a, b, e["id"], e.get("type", "")) for e in doc.entities for a, b in e.get("mentions", [])
               if not any(p.search(text, a, b) for p in lex.media_names)]
    out.sort(key=lambda m: (m.start, -m.end))
    extra = _bare_repeats(text, out)
    return sorted(out + extra, key=lambda m: (m.start, -m.end)) if extra else out


def _bare_repeats(text: str, mentions: list[Mention]) -> list[Mention]:
    surfaces: dict[str, Mention | None] = {}
    for m in mentions:
        word = text[m.start:m.end]
        if word.isalnum() and len(word) >= 3:
            known = surfaces.get(word, m)
            surfaces[word] = m if known is not None and known.entity == m.entity else None
    starts = [m.start for m in mentions]
    extra = []
    for word, m in surfaces.items():
        if m is None:
            continue
        i = text.find(word)
        while i >= 0:  # str.find runs in C; only the few repeats reach Python
            end = i + len(word)
            if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                k = bisect_right(starts, i) - 1
                if k >= 0 and starts[k] == i < mentions[k].end:
                    pass  # the mention itself (most repeats are): no need to look around it
                elif k < 0 or not any(x.start <= i < x.end for x in mentions[max(0, k - 2):k + 1]):
                    extra.append(Mention(i, end, m.entity, m.type))
            i = text.find(word, end)
    return extra


class DocView:
    """The document's sentences, mentions and quotes, built once per article."""

    def __init__(self, doc, lex: Lexicon):
        self.doc, self.lex = doc, lex
        self.mentions = mentions_of(doc)
        self.mention_starts = [m.start for m in self.mentions]
        self.token_starts = [a for a, _ in doc.tokens]
        self.sentences = sorted(doc.sentences) or [(0, len(doc.text))]
        self.sentence_starts = [a for a, _ in self.sentences]
        self.quotes = Quotes(doc.quotes)
        self._built: dict[int, Sentence] = {}

    def sentence(self, offset: int) -> tuple[int, Sentence]:
        i = max(0, bisect_right(self.sentence_starts, offset) - 1)
        if i not in self._built:
            a, b = self.sentences[i]
            self._built[i] = build_sentence(self.doc.text, self.doc.tokens, self.token_starts, a, b,
                                            self.mentions, self.mention_starts)
        return i, self._built[i]

    def in_mention(self, a: int, b: int) -> bool:
        i = bisect_right(self.mention_starts, a) - 1
        return any(m.start < b and a < m.end for m in self.mentions[max(0, i - 2):i + 2])

    def skipped(self, sent: Sentence) -> bool:
        head = self.doc.text[sent.start:sent.start + 20].lower()
        return head.startswith(self.lex.skip_prefixes)


def extract(doc) -> list[dict]:
    lex = lexicon()
    if not doc.entities or not doc.text:
        return []
    found = find_triggers(doc.text, doc.tokens, lex)
    if not found:
        return []
    view = DocView(doc, lex)
    starts = [a for a, _, _ in found]
    events, last_in_sentence, seen = [], {}, set()
    for a, b, trig in found:
        i, sent = view.sentence(a)
        if view.skipped(sent) or view.in_mention(a, b) or not _context_ok(doc.text, trig, sent, a, b):
            continue
        previous = last_in_sentence.get(i)
        if previous is not None and previous[0]["type"] in UNREALISED_AFTER and a - previous[1] <= COMPLEMENT_REACH:
            continue  # "Korut mengancam akan menyerang Guam": threatened or asked for, not done
        ev = _event(view, sent, trig, a, b, previous[0] if previous else None, starts)
        if ev is None:
            continue
        last_in_sentence[i] = (ev, b)
        keys = _keys(ev)
        if not keys & seen:
            seen.update(keys)
            events.append(ev)
    return events


def _context_ok(text: str, trig: Trigger, sent: Sentence, a: int, b: int) -> bool:
    if trig.after and trig.after_forbids:
        if trig.after.match(text, b, min(sent.end, b + WINDOW_AFTER)):
            return False
    elif trig.after and not trig.after.search(text, b, min(sent.end, b + WINDOW_AFTER)):
        return False
    if trig.before and trig.before_forbids:
        return not trig.before.search(text, sent.start, sent.end)
    if trig.before and not trig.before.search(text, max(sent.start, a - WINDOW_BEFORE), a):
        return False
    return True


def _keys(ev: dict) -> set:
    """What makes an event a repeat: same type, parties and polarity. A symmetric event
    (cooperation, talks, agreement) with a partner already met is the same story retold,
    whatever side the article names first ("Kemenhub ... DGAC", later "Indonesia dan Prancis")."""
    kind, actor, target, neg = ev["type"], ev["actor"], ev["target"], ev["negated"]
    if kind not in SYMMETRIC:
        return {(kind, actor, target, neg)}
    keys = {(kind, *sorted((actor or "", target or "")), neg)}
    if target:
        keys.add((kind, "partner", target, neg))
    return keys


def _event(view: DocView, sent: Sentence, trig: Trigger, a: int, b: int, previous: dict | None,
           triggers_at: list[int]) -> dict | None:
    lex = view.lex
    t0, t_end = token_at(sent, a), token_at(sent, b)
    if t0 >= len(sent.words):
        return None
    quote = view.quotes.around(a, b)
    speaker = quote.get("speaker") if quote else None
    roles = _roles(sent, trig, t0, t_end, lex)
    if roles is None:
        return None
    actor, target, place, verb_at, subj = roles
    if actor is None and subj is not None and (subj.first_person or _speaker_acts(trig, target, quote)):
        actor = speaker  # "Kami menjatuhkan ...", "X ditetapkan ..." inside someone's words
    actor_id = sent.mentions[actor].entity if isinstance(actor, int) else actor
    target_id = sent.mentions[target].entity if target is not None else None
    if subj is not None and subj.coordinated and previous is not None:
        if trig.type in SYMMETRIC and target_id is None:
            target_id = previous["target"]
    if actor_id is None or actor_id == target_id or not _parties_ok(view.doc, trig, actor_id, target_id):
        return None
    if target_id is None and (trig.target_required or trig.voice == "pas"):
        return None  # "... akan ditolak oleh Bayern": a passive names what it happens to
    if trig.type in SAID:
        place = None  # "menuduh Iran memperburuk situasi di Timur Tengah": the claim's place, not the act's
    elif place is None:
        place = place_before(sent, verb_at, lex)
    claimant = speaker
    if claimant is None and previous is not None and previous["type"] == "ACCUSE":
        claimant = previous["actor"]  # "Israel menuduh Iran memasok ...": Israel's claim
    return {
        "type": trig.type, "actor": actor_id, "target": target_id,
        "trigger": view.doc.text[a:b], "span": [sent.start, sent.end],
        "time": nearest_time(view.doc.times, sent.start, sent.end, a,
                             [s for s in triggers_at if sent.start <= s < sent.end and s != a]),
        "place": sent.mentions[place].entity if place is not None else None,
        "negated": negated(sent, verb_at, lex), "claimant": claimant,
    }


def _parties_ok(doc, trig: Trigger, actor_id: str, target_id: str | None) -> bool:
    """The trigger's allowed entity types for its actor and target (most allow any)."""
    if trig.actor_types is None:
        return True
    actor, target = doc.entity(actor_id), doc.entity(target_id) if target_id else None
    return (actor or {}).get("type") in trig.actor_types and \
        (target is None or target.get("type") in trig.target_types)


def _speaker_acts(trig: Trigger, target, quote: dict | None) -> bool:
    """An agentless passive in someone's words is theirs when they quote themselves acting, or
    when the verb is itself an accusation ("Chris diduga terlibat", says the prosecutor);
    "X ditangkap, menurut laporan Standard" is no arrest by Standard."""
    return trig.voice == "pas" and target is not None and quote is not None \
        and (quote.get("direct") or trig.type == "ACCUSE")


def _roles(sent: Sentence, trig: Trigger, t0: int, t_end: int, lex: Lexicon):
    """(actor mention, target mention, place mention, verb token, Subject) or None to drop."""
    if trig.voice == "pas":
        subj = subject(sent, t0, lex)
        obj = objects(sent, t_end, frozenset(), lex)
        if subj.first_person:
            return None  # "Saya ... ditolak": the speaker undergoes it; no named doer
        return agent_after(sent, t_end, lex), subj.mention, obj.place, t0, subj
    if trig.voice in ("nom", "nop"):
        return _nominal(sent, trig, t0, t_end, lex)
    subj = subject(sent, t0, lex)
    obj = objects(sent, t_end, trig.target_preps, lex)
    target = obj.target
    if trig.voice == "mut" and target is None:
        target = subj.partner
    return subj.mention, target, obj.place, t0, subj


def _nominal(sent: Sentence, trig: Trigger, t0: int, t_end: int, lex: Lexicon):
    preps = trig.target_preps - {"-"}
    light = _light_verb(sent, t0, lex)
    if light is not None:
        subj = subject(sent, light, lex)
        obj = objects(sent, t_end, preps, lex)
        target = obj.target if obj.target is not None or trig.type not in SYMMETRIC else subj.partner
        return subj.mention, target, obj.place, light, subj
    if t0 > 0 and sent.low[t0 - 1] in lex.background:
        return None  # "dalam rapat", "usai pertemuan": background, not the news
    first, second = partner_between(sent, t_end, lex)
    if first is not None:
        return first, second, None, t0, None
    obj: Objects = objects(sent, t_end, preps, lex)
    owner_ = genitive(sent, t_end, lex)
    if trig.voice == "nop":  # "penangkapan X oleh Y": X is arrested, Y arrests
        target = obj.target if obj.target is not None else owner_
        return obj.agent, (target if target != obj.agent else None), obj.place, t0, None
    actor = obj.agent if owner_ is None else owner_
    target = obj.target if obj.target != actor else None
    return actor, target, obj.place, t0, None


def _light_verb(sent: Sentence, t0: int, lex: Lexicon) -> int | None:
    """ "memberikan dukungan", "menggelar rapat": the verb that carries the event noun."""
    if t0 >= 1 and sent.low[t0 - 1] in lex.light_verbs:
        return t0 - 1
    return None
