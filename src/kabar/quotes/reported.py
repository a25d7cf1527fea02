"""Reported speech: a speech verb and its content clause, "menurut X, ...", "kata X, ...",
passive "disebutkan bahwa ...", and unmarked speech ending in ", kata X.".

The content runs from after the verb (and "bahwa") to the end of the
sentence. Verbs that also take plain objects ("menyampaikan ucapan
selamat") count only with "bahwa" or a predicate in the clause.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from .lexicon import DOUBLE_MARKS, clitic, heads, lexicon, words
from .model import Found
from .speakers import Speaker, phrase_after, subject_before
from .text import WORD, Sentences, trim

_BAHWA = re.compile(r"\bbahwa\b", re.IGNORECASE)
_HAL_ITU = re.compile(r"\b[Hh]al\s+(?:itu|tersebut|ini)\s*$")
_VERBISH = re.compile(r"^(?:mem|men|meng|meny|me[lrwy]|di|ber|ter)[a-z]{3,}$")
_ADJUNCT = {"kepada", "di", "dalam", "saat", "usai", "seusai", "ketika", "pada", "melalui", "lewat",
            "seperti", "sebagaimana", "secara", "saat", "ketika", "sambil", "sembari"}
_DAYISH = re.compile(r"\s*(?:\(|\d|Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|di |pada |dalam |kepada |seperti |sebagaimana )")
_CLAUSE_SEPS = (",", " - ", " – ", " — ", " -- ")
_END_TRIM = " \t\r\n,.;:!?" + DOUBLE_MARKS
_NAME_PARTICLES = {"de", "la", "van", "der", "von", "bin", "binti", "al", "el", "da", "di"}


def _has_predicate(text: str, a: int, b: int) -> bool:
    """A predicate-like word in the clause's first comma piece (its first 20 words)."""
    lex = lexicon()
    comma = text.find(",", a, b)
    for i, w in enumerate(islice(WORD.finditer(text, a, comma if comma > 0 else b), 20)):
        low = w.group().lower()
        if i and w.group()[0].isupper():
            continue  # part of a name ("Jawa Tengah"), not the predicate "tengah"
        if low in lex.predicates or low in ("dirinya", "pihaknya") or (
                _VERBISH.match(w.group()) and low not in lex.not_verbs):
            return True
    return False


@lru_cache(maxsize=1)
def _objects() -> tuple[tuple[int, frozenset], ...]:
    """The delivered-object phrases by length, as sets: a lookup per length, not a
    comparison per phrase."""
    objects = lexicon().objects
    return tuple((n, frozenset(o for o in objects if len(o) == n)) for n in sorted({len(o) for o in objects}))


def _delivers_object(text: str, a: int, b: int) -> bool:
    """The clause opens with a thing delivered ("rasa terima kasihnya", "kekecewaannya")."""
    head = [w.group().lower() for w in islice(WORD.finditer(text, a, b), 3)]
    if head and head[0].endswith("nya"):
        head[0] = head[0][:-3]
    if not any(tuple(head[:n]) in objects for n, objects in _objects()):
        return False
    # "menyebut ucapan Prabowo itu bisa saja masuk ranah pidana": a clause after all.
    comma = text.find(",", a, b)
    preds = lexicon().predicates
    return not any(w.group() in preds for w in WORD.finditer(text, a, comma if comma > 0 else b))


def _promise_opens(text: str, a: int, b: int) -> bool:
    """A promise's clause opens with "akan", "untuk", a predicate or a verb."""
    first = WORD.search(text, a, b)
    if not first:
        return False
    low = first.group().lower()
    return low in ("akan", "untuk", "segera", "tetap", "terus") or low in lexicon().predicates or bool(
        _VERBISH.match(low))


def _content_start(text: str, c: int, end: int) -> tuple[int, bool] | None:
    """Where the content clause after a verb starts, and whether "bahwa" (or a comma or
    colon right after the verb: "Nunun menegaskan, Vicky ...") introduced it."""
    while c < end and text[c] == " ":
        c += 1
    marked = c < end and text[c] in ",:"
    while c < end and text[c] in " ,:":
        c += 1
    head_words = list(islice(WORD.finditer(text, c, end), 15))  # not every word to the sentence's end
    limit = head_words[-1].end() if head_words else c
    m = _BAHWA.search(text, c, limit)
    if m and not any(ch in text[c:m.start()] for ch in DOUBLE_MARKS):
        c = m.end()
        while c < end and text[c] in " ,:":
            c += 1
        return c, True
    first = head_words[0].group().lower() if head_words else ""
    second = head_words[1].group().lower() if len(head_words) > 1 else ""
    if first in _ADJUNCT and second not in ("ini", "itu"):  # "saat ini" is no adjunct
        # "mengatakan kepada wartawan di Jakarta, Senin, pihaknya ..." : skip the adjuncts.
        pos = c
        while True:
            comma = text.find(",", pos, end)
            if comma < 0:
                # "menyebut dalam SK itu belum ada tanda tangannya": no comma closes the
                # adjunct, so it opens the content when a predicate follows.
                preds = lexicon().predicates
                return (c, marked) if any(w.group() in preds for w in WORD.finditer(text, c, end)) else None
            pos = comma + 1
            if not _DAYISH.match(text, pos):
                break
        while pos < end and text[pos] == " ":
            pos += 1
        return pos, False
    return c, marked


def _finish(text: str, a: int, b: int) -> tuple[int, int]:
    return trim(text, a, b, _END_TRIM)


def _concession_end(text: str, a: int, b: int) -> int:
    """End of a concessive clause's content: before ", namun ...", else at its last comma."""
    m = lexicon().main_clause_re.search(text, a, b)
    if m:
        return _finish(text, a, m.start())[1]
    comma = text.rfind(",", a, b)
    return _finish(text, a, comma)[1] if comma > a else b


def _last_word(text: str, a: int, b: int) -> re.Match | None:
    """The last match of ``WORD.finditer(text, a, b)``, without reading every word of a long
    sentence before a verb: a WORD match never holds a space, so scanning from just after a
    space cuts the text into the same words as scanning from ``a``. Tried from the last
    space before ``b`` back, until a word turns up."""
    hi = b
    while True:
        i = text.rfind(" ", a, hi)
        last = None
        for last in WORD.finditer(text, i + 1 if i >= 0 else a, b):
            pass
        if last is not None or i < 0:
            return last
        hi = i


def _verb(text: str, sa: int, sb: int, m: re.Match) -> Found | None:
    lex = lexicon()
    verb = m.group().lower()
    kind, cls = lex.verbs[verb]
    last = _last_word(text, sa, m.start())
    blocker = last.group().lower() if last and last.group().lower() in lex.blockers else None
    if blocker in lex.negators:
        return None
    start = _content_start(text, m.end(), sb)
    if start is None:
        return None
    c, bahwa = start
    if blocker and not bahwa:
        return None  # "saat menyampaikan laporan"; but "sembari menambahkan bahwa ..." reports
    a, b = _finish(text, c, sb)
    n = sum(1 for _ in islice(WORD.finditer(text, a, b), 3))  # three words are enough to know
    # "mengatakan hal tersebut" points back at speech, it reports none.
    if n < 3 or (cls == "marked" and not bahwa) or (
            cls in ("weak", "claim") and not bahwa and not _has_predicate(text, a, b)):
        return None
    # The verb's clause starts after the last comma or dash ("Tangerang (ANTARA) - Kantor
    # ... menyebutkan": a glued lead teaser ahead of the dateline is another clause).
    piece = max([sa] + [i + len(sep) for sep in _CLAUSE_SEPS if (i := text.rfind(sep, sa, m.start())) >= 0])
    first = WORD.search(text, piece, m.start())
    if first and first.group().lower() in lex.subordinators:
        return None  # "karena kontennya menyebut ..." is no report
    subj_from = sa
    if first and first.group().lower() in lex.concessives:
        b = _concession_end(text, a, b)
        if len(WORD.findall(text, a, b)) < 3:
            return None
        subj_from = first.end()  # "Kendati Infantino mengatakan": the subject is Infantino
    if kind == "promise" and not bahwa and not _promise_opens(text, a, b):
        return None  # "berjanji setia kepada ..." pledges loyalty, it reports no promise
    subj = subject_before(text, subj_from, m.start())
    speaker = Speaker("pending", subj, anchor=m.start()) if subj[1] > subj[0] else Speaker("none")
    # A thing delivered ("menyampaikan rasa terima kasihnya") is no quote, but its subject
    # is who "kata dia" after it means, so it stays as an unemitted claim.
    delivered = not bahwa and _delivers_object(text, a, b)
    return Found(span=(a, b), direct=False, kind=kind, cue=m.group(), speaker=speaker,
                 region=(sa, sb), emit=cls != "claim" and not delivered, bahwa=bahwa)


def _passive(text: str, sa: int, sb: int, m: re.Match) -> Found | None:
    c = m.end()
    nya = m.group("nya")
    rest = text[c:c + 12]
    if re.match(r"\s*,?\s*bahwa\b", rest):
        c = _BAHWA.search(text, c).end()
    elif _HAL_ITU.search(text, max(sa, m.start() - 14), m.start()) and not nya:
        return _pointer(text, sa, sb, m)
    elif not (nya and rest.startswith(",")):
        return None
    a, b = _finish(text, c, sb)
    if len(WORD.findall(text, a, b)) < 3:
        return None
    speaker = Speaker("pronoun", (m.start("nya"), m.end("nya"))) if nya else Speaker("none")
    return Found(span=(a, b), direct=False, cue=m.group("verb"), speaker=speaker, region=(sa, sb))


def _pointer(text: str, sa: int, sb: int, m: re.Match) -> Found | None:
    """"Hal itu disampaikan Menteri X saat ...": no new speech, but it names who spoke the
    quotes before it (and who "ujarnya" means after it). Kept as a claim, not a quote."""
    c = m.end()
    oleh = re.match(r"\s+oleh\b", text[c:c + 6])
    if oleh:
        c += oleh.end()
    span = phrase_after(text, c, sb)
    if span[1] <= span[0] or not text[span[0]].isupper():
        return None
    return Found(span=span, direct=False, cue=m.group("verb"), region=(sa, sb), emit=False,
                 speaker=Speaker("pending", span, tail=(span[0], sb)), points_back=True)


def _menurut(text: str, sa: int, sb: int, m: re.Match) -> Found | None:
    prev = list(WORD.finditer(text, max(sa, m.start() - 12), m.start()))
    if prev and prev[-1].group() == "yang":
        return None  # "Masruhan yang menurut informasi sudah diganti": a hedge inside a noun phrase
    if m.group("nya"):
        sp, after = Speaker("pronoun", (m.start("nya"), m.end("nya"))), m.end()
    else:
        comma = text.find(",", m.end(), sb)
        if comma < 0 or len(WORD.findall(text, m.end(), comma)) > 10:
            # "..., menurut X." closing the sentence: the content is before it.
            lead = text.rfind(",", sa, m.start())
            if lead < 0 or text[m.end():sb].count(",") > 1:
                return None
            a, b = _finish(text, sa, lead)
            sp_span = trim(text, m.end(), sb, _END_TRIM)
            return Found(span=(a, b), direct=False, cue=m.group(), speaker=Speaker("pending", sp_span),
                         region=(sa, sb)) if b - a > 10 else None
        sp_span = trim(text, m.end(), comma, _END_TRIM)
        if any(w.group() in lexicon().predicates for w in WORD.finditer(text, *sp_span)):
            return None  # "menurut informasi sudah diganti ...,": a clause, no source before the comma
        sp, after = Speaker("pending", sp_span), comma + 1
    a, b = _finish(text, after, sb)
    if len(WORD.findall(text, a, b)) < 3:
        return None
    return Found(span=(a, b), direct=False, cue=m.group(), speaker=sp, region=(sa, sb))


def _name_run(text: str, a: int, end: int) -> tuple[int, int]:
    """Capitalised words from ``a`` ("Frangky dibahas" -> "Frangky")."""
    b = a
    for w in WORD.finditer(text, a, end):
        if text[b:w.start()].strip():
            break
        if not (w.group()[0].isupper() or (b > a and w.group() in _NAME_PARTICLES)):
            break
        b = w.end()
    return a, b


def _inline_kata(text: str, sa: int, sb: int, m: re.Match) -> Found | None:
    """"Pasalnya, kata dia, Didit ..." / "Kata dia, jumlah ..." / "kata Frangky dibahas ..."."""
    lex = lexicon()
    if any(ch in text[max(sa, m.start() - 3):m.start()] for ch in DOUBLE_MARKS):
        return None
    lead = text[sa:m.start()].rstrip()
    nxt = WORD.search(text, m.end(), sb)
    # "kata" is also a noun ("kata kunci"): mid-clause it must be followed by a name or pronoun.
    if lead and not lead.endswith((",", ";")) and not m.group("nya") and not (
            nxt and (nxt.group()[0].isupper() or nxt.group().lower() in lex.pronouns)):
        return None
    if m.group("nya"):
        sp, after = Speaker("pronoun", (m.start("nya"), m.end("nya"))), m.end()
    else:
        nxt = WORD.search(text, m.end(), sb)
        if not nxt:
            return None
        if nxt.group().lower() in lex.pronouns:
            span = (nxt.start(), nxt.end())
        else:
            span = _name_run(text, nxt.start(), sb)
            if span[1] == span[0]:
                return None
        sp, after = Speaker("pending", span), span[1]
        rest = WORD.findall(text, after, sb)
        if len(WORD.findall(text, sa, m.start())) >= 4 and all(
                w[0].isupper() or w in lex.stop or w in _NAME_PARTICLES for w in rest):
            # "... sudah cukup baik sejauh ini kata Menteri Koordinator, Darmin Nasution."
            a, b = _finish(text, sa, m.start())
            return Found(span=(a, b), direct=False, cue=m.group("cue"), region=(sa, sb),
                         speaker=Speaker("pending", phrase_after(text, span[0], sb), tail=(span[0], sb)))
    a, b = _finish(text, after, sb)
    if len(WORD.findall(text, a, b)) < 3:
        return None
    lead_words = WORD.findall(text, sa, m.start())
    if lead.endswith(",") and len(lead_words) > 1 or (lead_words and lead_words[0].lower() not in lex.connectives
                                                      and lead.endswith(",")):
        a = _finish(text, sa, sb)[0]  # "Posisi ini, kata Irwan, menunjukkan ...": the whole sentence
    return Found(span=(a, b), direct=False, cue=m.group("cue"), speaker=sp, region=(sa, sb),
                 salient=not lead or lead.endswith((",", ";")))


def _tail(text: str, sa: int, sb: int, m: re.Match) -> Found | None:
    """"Saya kira ..., kata terapis X." : speech without marks, attributed at the end."""
    lex = lexicon()
    if any(ch in text[sa:m.start()] for ch in DOUBLE_MARKS):
        return None
    if clitic(m):
        sp = Speaker("pronoun", (m.start("cue"), m.end()))
        rest = m.end()
    else:
        span = phrase_after(text, m.end(), sb)
        if span[1] <= span[0]:
            return None
        sp = Speaker("pending", span, tail=(span[0], sb))
        rest = span[1]
    after = text[rest:sb].lstrip()
    nxt = WORD.search(text, rest, sb)
    if after.startswith(",") and len(WORD.findall(text, rest, sb)) >= 3 and nxt.group().lower() not in lex.stop:
        # "Pelanggan ..., ujarnya, kini hanya ...": the cue sits inside the speech.
        a, b = _finish(text, sa, sb)
        return Found(span=(a, b), direct=False, kind=lex.cues.get(m.group("cue").lower(), "statement"),
                     cue=m.group("cue"), speaker=sp, region=(sa, sb))
    if next(words(lex.verb_re, text, rest, sb), None):
        return None
    a, b = _finish(text, sa, m.start())
    if len(WORD.findall(text, a, b)) < 4:
        return None
    return Found(span=(a, b), direct=False, kind=lex.cues.get(m.group("cue").lower(), "statement"),
                 cue=m.group("cue"), speaker=sp, region=(sa, sb))


def find(text: str, sents: Sentences) -> list[Found]:
    lex = lexicon()
    # Each pattern runs once over the whole text; hits are then grouped by sentence. The
    # four word patterns are tried only where one pass of their first words found a start.
    at = heads(text)
    hits = [(m.start(), _menurut, m) for m in words(lex.menurut_re, text, starts=at)]
    hits += [(m.start(), _verb, m) for m in words(lex.verb_re, text, starts=at)]
    hits += [(m.start(), _passive, m) for m in words(lex.passive_re, text, starts=at)]
    hits += [(m.start(), _inline_kata, m) for m in words(lex.inline_kata_re, text, starts=at)]
    hits += [(m.start(), _tail, m) for m in lex.tail_cue_re.finditer(text)]
    hits.sort(key=lambda h: h[0])
    out: list[Found] = []
    busy_until = -1
    for pos, fn, m in hits:
        if pos < busy_until:
            continue
        sa, sb = sents.at(pos)
        if not (sa <= pos and m.end() <= sb):
            continue
        found = fn(text, sa, sb, m)
        if found:
            out.append(found)
            busy_until = max(found.span[1], m.end())
    return out
