"""Direct quotes: text in quotation marks that carries someone's speech.

Marks are classified by what stands around them (space before and a letter
after opens; a letter before and space or punctuation after closes), so mixed
straight and curly marks, glued scrapes ("Imin.\\"Ya") and a missing mark on
either side still pair up. A passage kept as a quote has an attribution
(",\\" kata X", "ujarnya", "X mengatakan: \\"...") or stands as a sentence of
its own; a short phrase in marks inside a sentence ('apa saja') is no quote.
"""
from __future__ import annotations

import bisect
from itertools import islice

from .lexicon import CLOSE_HINT, DOUBLE_MARKS, OPEN_HINT, SINGLE_MARKS, clitic, lexicon, words
from .model import Found
from .speakers import Speaker, phrase_after, subject_before
from .text import WORD, Sentences, trim
from ..textscan import char_offsets

_OPEN_BEFORE = set("([{—–-:/") | {"\n", " ", "\t", "\u00a0"}
_CLOSE_AFTER = set(",.;:!?)]}…—–-") | set(DOUBLE_MARKS) | set(SINGLE_MARKS) | {"'"}
_CONTENT_TRIM = " \t\r\n,."
_LONGEST_UNCLOSED = 800  # characters a quote without its closing mark may run to its paragraph end


def _role(text: str, i: int, strict: bool) -> str | None:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    opening = prev in _OPEN_BEFORE and not nxt.isspace()
    closing = (nxt.isspace() or nxt in _CLOSE_AFTER) and not prev.isspace()
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    if strict and not (opening or closing):
        return None  # an apostrophe inside a word: Ma'ruf, Jum'at
    if prev in ".!?,;" and nxt.isalnum():
        return "glue"  # closes if a quote is open, else opens
    if text[i] in OPEN_HINT:
        return "open"
    if text[i] in CLOSE_HINT:
        return "close"
    return "ambig"


def _marks(text: str, chars: str, strict: bool) -> list[tuple[int, str]]:
    out = []
    for i in _offsets(text, chars):
        if i and text[i - 1] in chars:
            continue  # a doubled mark (Surabaya,"") is one mark
        r = _role(text, i, strict)
        if r:
            out.append((i, r))
    return out


def _offsets(text: str, chars: str) -> list[int]:
    """Where any of ``chars`` stands, in order. One ``str.find`` loop per mark is several times
    faster than a regex class over the whole text (which tests every character), and an
    ASCII text can hold none of the curly marks, so only the straight ones are looked for."""
    return char_offsets(text, chars if not text.isascii() else [c for c in chars if c.isascii()])


def _pairs(text: str, marks, paragraphs) -> list[tuple[int | None, int, bool]]:
    """(open index or None, end index, closed?) for each quoted passage."""
    starts = [a for a, _ in paragraphs]

    def para(pos):
        return max(0, bisect.bisect_right(starts, pos) - 1)

    out, open_at, open_para = [], None, -1
    for pos, role in marks:
        if open_at is not None and para(pos) != open_para:
            p = paragraphs[para(pos)]
            if role in ("open", "glue", "ambig") and not text[p[0]:pos].strip() and para(pos) == open_para + 1:
                open_para += 1
                continue  # a quote running on into the next paragraph reopens it
            out.append((open_at, paragraphs[open_para][1], False))
            open_at = None
        if open_at is None:
            if role in ("open", "glue", "ambig"):
                open_at, open_para = pos, para(pos)
            else:
                out.append((None, pos, True))
        elif role == "open":
            out.append((open_at, pos, False))
            open_at, open_para = pos, para(pos)
        else:
            out.append((open_at, pos, True))
            open_at = None
    if open_at is not None:
        out.append((open_at, paragraphs[open_para][1], False))
    return out


def _attribution_after(text: str, pos: int, end: int, found: Found) -> bool:
    """Read ',\" kata X ...' / 'ujarnya' / '\" X menambahkan.' after a closing mark."""
    lex = lexicon()
    m = lex.cue_re.match(text, pos, end)
    if m:
        cue = m.group("cue")
        found.cue = text[m.start("cue"):m.end("nya") if m.group("nya") else m.end("cue")]
        found.kind = lex.cues.get(cue.lower(), "statement")
        if clitic(m):  # "ujarnya", "katanya", not "tanya"
            found.speaker = Speaker("pronoun", (m.start("cue"), m.end()))
            found.region = (found.region[0], max(end, m.end()))
        else:
            span = phrase_after(text, m.end(), end)
            found.speaker = Speaker("pending", span, tail=(span[0], end))
            found.region = (found.region[0], max(end, m.end()))
        return True
    # "\"...,\" Arief menambahkan." : a short subject then a speech verb.
    words = list(islice(WORD.finditer(text, pos, end), 6))
    for w in words:
        if w.group().lower() in lex.verbs and lex.verbs[w.group().lower()][1] == "strong":
            after = WORD.search(text, w.end(), end)
            # Only a verb that closes the attribution: "...," Arief menambahkan. (not "yang menegaskan bahwa")
            if after and after.group() not in lex.stop:
                break
            if w.start() > pos and text[pos:w.start()].strip(" ,"):
                found.cue = w.group()
                found.speaker = Speaker("pending", subject_before(text, pos, w.start()), anchor=w.start())
                found.region = (found.region[0], max(end, w.end()))
                return True
            break
    return False


def _attribution_before(text: str, sent_start: int, pos: int, found: Found) -> bool:
    """Read 'X mengatakan: \"' / 'kata X, \"' before an opening mark."""
    lex = lexicon()
    head = text[sent_start:pos].rstrip()
    if not head:
        return False
    verbs = list(words(lex.verb_re, text, sent_start, pos))
    if verbs and head[-1] not in ",:" and len(WORD.findall(text, *found.span)) >= 3:
        # 'Leavitt ... dengan mengatakan bahwa gambar itu "berasal dari ..."': the
        # quotation is the sentence subject's words, whatever the verb's clause.
        v = verbs[0]
        if lex.verbs.get(v.group().lower(), ("", "claim"))[1] == "claim":
            return False
        found.cue = verbs[-1].group()
        found.speaker = Speaker("pending", subject_before(text, sent_start, v.start()), anchor=v.start())
        found.region = (sent_start, found.region[1])
        return True
    if head[-1] not in ",:":
        return False
    if verbs:
        v = verbs[-1]
        if lex.verbs.get(v.group().lower(), ("", "claim"))[1] == "claim":
            return False
        found.cue = v.group()
        found.kind = lex.verbs[v.group().lower()][0]
        found.speaker = Speaker("pending", subject_before(text, sent_start, v.start()), anchor=v.start())
        found.region = (sent_start, found.region[1])
        return True
    m = next(words(lex.inline_kata_re, text, sent_start, pos), None)
    if m and m.group("cue").lower() == "kata":
        found.cue = m.group("cue")
        found.speaker = (Speaker("pronoun", (m.start("nya"), m.end("nya"))) if m.group("nya")
                         else Speaker("pending", phrase_after(text, m.end(), pos)))
        found.region = (m.start(), found.region[1])
        return True
    return head.endswith(":") and len(head) < 80


def find(text: str, paragraphs: list[tuple[int, int]], sents: Sentences) -> list[Found]:
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for chars, strict in ((DOUBLE_MARKS, False), (SINGLE_MARKS + "'", True)):
        for open_at, end, closed in _pairs(text, _marks(text, chars, strict), paragraphs):
            found = _one(text, open_at, end, closed, sents, strict)
            if found and not any(a < found.span[1] and found.span[0] < b for a, b in taken):
                out.append(found)
                taken.append(found.span)
        taken = [f.region for f in out]
    return out


def _is_title(text: str, open_at: int, a: int, b: int) -> bool:
    """A title, theme or name in marks: after "bertajuk", or every word capitalised."""
    lex = lexicon()
    before = WORD.findall(text, max(0, open_at - 20), open_at)
    if before and before[-1].lower() in lex.title_cues:
        return True
    ws = WORD.findall(text, a, b)
    return bool(ws) and len(ws) <= 8 and all(w[0].isupper() or w in ("dan", "untuk", "di", "yang", "dari", "ke")
                                             for w in ws) and not any(ch in text[a:b] for ch in ".,!?")


def _bounds(text, open_at, end, closed, sents: Sentences):
    """(start, stop, cue inside) of a passage's text, or None when nothing is inside."""
    if open_at is None:
        start = sents.at(end)[0]  # closing mark with its opening lost: the sentence it ends
        if start >= end:
            return None
    else:
        start = open_at + 1
    stop, cue_inside = end, None
    if not closed:
        cue_inside = lexicon().tail_cue_re.search(text, start, end)  # "...sekali, kata Arief. "Next"
        if cue_inside:
            stop = cue_inside.start()
        elif end - start > _LONGEST_UNCLOSED:
            # A lost closing mark in a one-line scrape would swallow the article: keep the sentence.
            stop = sents.at(start)[1]
    return start, stop, cue_inside


def _attributed_after(text, end, closed, cue_inside, sents: Sentences, found: Found) -> bool:
    """The attribution after the passage: its closing mark, or a cue where the mark was lost."""
    if cue_inside:
        after_end = sents.at(cue_inside.start())[1]
        return _attribution_after(text, cue_inside.start(), max(after_end, cue_inside.end()), found)
    if not closed:
        return False
    nxt = end + 1
    while nxt < len(text) and text[nxt] == " ":
        nxt += 1
    # The cue may open the next sentence: '... tahun lalu." Kata Budi ...'
    after_end = max(sents.at(end)[1], sents.at(min(nxt, len(text) - 1))[1])
    return _attribution_after(text, end + 1, max(after_end, end + 1), found)


def _one(text, open_at, end, closed, sents: Sentences, strict: bool) -> Found | None:
    bounds = _bounds(text, open_at, end, closed, sents)
    if bounds is None:
        return None
    start, stop, cue_inside = bounds
    a, b = trim(text, start, stop, _CONTENT_TRIM)
    if b - a < 2:
        return None
    found = Found(span=(a, b), direct=True, region=(open_at if open_at is not None else a, min(stop + 1, end + 1)))
    if _attributed_after(text, end, closed, cue_inside, sents, found):
        return found
    if open_at is None or _is_title(text, open_at, a, b):
        return None
    s_start = sents.at(open_at)[0]
    if _attribution_before(text, s_start, open_at, found):
        return found
    if strict:
        return None  # single marks carry speech only when attributed
    n_words = len(WORD.findall(text, a, b))
    standalone = not text[s_start:open_at].strip() and n_words >= 3
    found.speaker, found.cue = Speaker("none"), None
    # A standalone quotation continues the last speaker; a short one inside a sentence is
    # kept only if a reported clause around it gives it a speaker (emit None).
    found.emit = True if standalone else None
    return found
