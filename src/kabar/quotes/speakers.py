"""Who speaks: the words naming a speaker, their entity, and pronoun resolution.

A speaker is first a span of words (after a cue: "kata Juru Bicara KPK Budi
Prasetyo"; before a verb: "Humas Gereja Katedral Jakarta Susyana Suwadie").
That span is matched against the entities' mentions (a person first), else
against their names; pronouns, clitics and "pria 30 tahun itu" are resolved
afterwards, in text order, to the last speaker or person named.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon
from .text import WORD, trim

# A capitalised passive or active verb opening a sentence: "Dijumpai ...,", "Menanggapi ...,".
_CLAUSE_VERB = re.compile(r"^(?:Di|Me[mnrlwy]|Meng|Meny|Ber|Ter)[a-z]{3,}$")
_COORDINATORS = {"dan", "serta", "lalu", "kemudian", "namun", "tetapi", "tapi", "lantas", "sekaligus"}
_SUBJECT_ENDS_AT = re.compile(r"^(?:mem|men|meng|meny|me[lrwy]|ber|di|ter)[a-z]{3,}$")
# An active me- verb after a speaker's name is his next act; ber-/ter-/di- words are too often
# part of a description ("sulung dari empat bersaudara ini", "direktur") to cut at.
_ACT_VERB = re.compile(r"^(?:mem|men|meng|meny|me[lrwy])[a-z]{3,}$")
_PARTICLES = {"de", "la", "van", "der", "von", "bin", "binti", "al", "el", "da"}
_ACRONYM = re.compile(r"\s*\([A-Za-z][A-Za-z .&-]{0,30}\)")
_PUNCT_TRIM = " \t\n,.;:!?\"'“”‘’()-–—"
_ANAPHOR_END = ("itu", "ini", "tersebut")
TYPE_RANK = {"PER": 0, "ORG": 1, "NORP": 2, "LOC": 3}


@dataclass
class Speaker:
    """What the text says about a speaker before resolution."""
    kind: str                  # named | pronoun | anaphor | none
    span: tuple[int, int] | None = None
    entity: str | None = None
    text: str | None = None
    tail: tuple[int, int] | None = None  # where else a name may follow ("kata dosen X di Y, Dr Z")
    anchor: int | None = None  # the speech verb after a subject: an appositive's comma counts


class EntityIndex:
    """Entity mentions of a document, searchable by offset and by name."""

    def __init__(self, entities: list[dict], text: str):
        self.text = text
        self.entities = entities
        self._names = None
        rows = [(a, b, e.get("id"), e.get("type")) for e in entities for a, b in e.get("mentions", [])]
        rows.sort()
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def within(self, a: int, b: int) -> list[tuple[int, int, str, str]]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.rows) and self.rows[i][0] < b:
            if self.rows[i][1] <= b:
                out.append(self.rows[i])
            i += 1
        return out

    @property
    def names(self) -> list:
        """(name tokens, entity id, type) for every name form; built on first use."""
        if self._names is None:
            self._names = []
            for e in self.entities:
                forms = {e.get("name", "")} | {self.text[a:b] for a, b in e.get("mentions", [])}
                for form in forms:
                    toks = tuple(t.lower() for t in WORD.findall(form))
                    if toks:
                        self._names.append((toks, e.get("id"), e.get("type")))
        return self._names

    def titled(self, phrase: str, pos: int) -> tuple[int, int, str, str] | None:
        """The person mention that follows ``phrase`` used as a title elsewhere, the one
        nearest before ``pos`` ("Presiden" -> the "Prabowo" of "Presiden Prabowo")."""
        best = None
        i = self.text.find(phrase + " ")
        while 0 <= i:
            j = bisect.bisect_left(self.starts, i + len(phrase) + 1)
            if j < len(self.rows) and self.rows[j][0] == i + len(phrase) + 1 and self.rows[j][3] == "PER":
                if best is None or (i < pos and (best[0] > pos or i > best[0])):
                    best = self.rows[j]
            i = self.text.find(phrase + " ", i + 1)
        return best

    def by_name(self, phrase: str) -> str | None:
        """An entity whose name the phrase contains as whole words, or a person whose
        name contains the phrase ("Sugiat" for Sugiat Santoso); persons first."""
        toks = tuple(t.lower() for t in WORD.findall(phrase))
        best = None
        for name, ent, etype in self.names:
            n = len(name)
            if any(toks[i:i + n] == name for i in range(len(toks) - n + 1)):
                key = (TYPE_RANK.get(etype, 9), -n)
            elif etype == "PER" and toks and any(name[i:i + len(toks)] == toks for i in range(n - len(toks) + 1)):
                key = (5, -len(toks))
            else:
                continue
            if best is None or key < best[0]:
                best = (key, ent)
        return best[1] if best else None


def _close_paren(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Keep the ")" of "Otoritas Jasa Keuangan (OJK)" that trimming took."""
    a, b = span
    if b < len(text) and text[b] == ")" and text.rfind("(", a, b) > text.rfind(")", a, b):
        return a, b + 1
    return a, b


def phrase_after(text: str, a: int, end: int) -> tuple[int, int]:
    """The speaker words starting at ``a`` ("Ahmad Rifandi di Kota Padang" -> "Ahmad Rifandi")."""
    lex = lexicon()
    b = a
    n = 0
    named = None  # past a comma (its offset): only the capitalised words of a name
    relative = False  # past "yang": a verb belongs to the description ("pria yang menjabat ...")
    for m in WORD.finditer(text, a, end):
        if not n and m.group() in lex.stop:
            break  # "katanya menambahkan": no name follows the cue
        if not n and m.group().lower() in lex.pronouns:
            return m.start(), m.end()  # "kata dia apabila ...": the pronoun alone
        gap = text[b:m.start()]
        acro = _ACRONYM.match(text, b) if n and "(" in gap else None
        if acro:
            b = acro.end()  # "Kepala Kantor Wilayah (Kanwil) Kemenag": the acronym goes along
            if m.start() < b:
                continue
            gap = text[b:m.start()]
        if n and ("(" in gap or any(c in gap for c in ".;:!?\"“”")):
            break
        if n and "," in gap:
            word = m.group()
            # Past a comma only a name after a role goes on ("petugas PGA, Ahmad Rifandi"),
            # not a clause after a name ("kata John, Syamsir langsung pergi").
            if n < 2 or not word[0].isupper() or word.lower() in lex.stop or word.lower() in lex.connectives:
                break
            named = b  # where to fall back if no complete name follows
        if n and m.group().lower() in lex.stop:
            break
        if m.group() == "yang":
            relative = True
        elif n and not relative and _ACT_VERB.match(m.group()) and m.group() not in lex.not_verbs:
            break  # "ungkap Presiden menutup ucapannya": the speaker's next act, not his name
        if named is not None and not (m.group()[0].isupper() or m.group() in _PARTICLES):
            b = named  # "kata Budi Santoso, Rina langsung pergi": a clause, not a name
            break
        if n >= 12:
            break
        b = m.end()
        n += 1
    ws = list(WORD.finditer(text, a, b))
    while len(ws) > 1 and ws[-1].group() in lex.adverbs:
        ws.pop()  # "kata pebalap Monako itu lagi": "lagi" qualifies the saying, not the speaker
        b = ws[-1].end()
    return _close_paren(text, trim(text, a, b, _PUNCT_TRIM))


@lru_cache(maxsize=1)
def _time_tails() -> tuple[str, ...]:
    return tuple(" " + phrase for phrase in lexicon().time_phrases)


def subject_before(text: str, a: int, b: int) -> tuple[int, int]:
    """The subject of a speech verb at ``b`` in the clause starting at ``a``."""
    lex = lexicon()
    a, b = trim(text, a, b, _PUNCT_TRIM)
    seg = text[a:b]
    # A dateline ("Jakarta (ANTARA) - Kantor Wilayah ...") is no part of the subject.
    dash = max(seg.rfind(" - "), seg.rfind(" -- "), seg.rfind(" – "))
    if dash >= 0:
        a, b = trim(text, a + dash + 3, b, _PUNCT_TRIM)
        seg = text[a:b]
    # ", yang mengatakan": the speaker is the phrase before that comma (Il Gazzettino).
    m = re.search(r",\s*yang$", seg)
    if m:
        head_end = a + m.start()
        comma = text.rfind(",", a, head_end)
        return trim(text, comma + 1 if comma >= 0 else a, head_end, _PUNCT_TRIM)
    # Leading adverbial pieces ("Sementara itu,", "Untuk barang bukti elektronik,", "Dijumpai
    # wartawan usai rapat,", "Selasa siang,") are no subject.
    while True:
        comma = text.find(",", a, b)
        if comma < 0:
            break
        first = WORD.search(text, a, comma)
        word = first.group() if first else ""
        low = word.lower()
        one_nya = low.endswith("nya") and not WORD.search(text, first.end(), comma)  # "Istimewanya,"
        if not (low in lex.connectives or low in lex.stop or one_nya or (
                _CLAUSE_VERB.match(word) and low not in lex.not_verbs)):
            break
        a, b = trim(text, comma + 1, b, _PUNCT_TRIM)
    # A leading connective without a comma ("Dalam debat itu Cak Imin") stays: the entity
    # match finds the name inside; trailing adverbs ("pun", "juga") go.
    low = text[a:b].lower()
    if low.endswith(_time_tails()):  # one test first: most subjects end in no time phrase
        for phrase in lex.time_phrases:  # "Intelligent Energy baru-baru ini": the time is no subject
            if low.endswith(" " + phrase):
                b = a + len(low) - len(phrase) - 1
                break
    toks = list(WORD.finditer(text, a, b))
    while toks and toks[-1].group().lower() in lex.adverbs:
        toks.pop()
    if not toks:
        return a, a
    if toks[-1].group().lower() in _COORDINATORS:
        # "Sung menguasai pertandingan dan memastikan ...": the subject precedes the first verb.
        for i, t in enumerate(toks[1:], 1):
            if _SUBJECT_ENDS_AT.match(t.group()) and t.group().lower() not in lex.not_verbs:
                toks = toks[:i]
                break
        else:
            toks.pop()
        if not toks:
            return a, a
    # "Perempuan yang berdomisili di Pondok Rumput itu": an anaphor, kept whole.
    if toks[-1].group().lower() in _ANAPHOR_END:
        return trim(text, a, toks[-1].end(), _PUNCT_TRIM)
    # Adjuncts after the subject ("Franky kepada wartawan usai rapat,") are cut.
    for i, t in enumerate(toks[1:], 1):
        # lower case only: "Menteri Dalam Negeri" is a title, "dalam keterangannya" an adjunct
        if t.group() in ("kepada", "usai", "seusai", "saat", "ketika", "dalam", "di", "pada", "sambil"):
            toks = toks[:i]
            break
    return _close_paren(text, trim(text, a, toks[-1].end(), _PUNCT_TRIM))


def describe(text: str, span: tuple[int, int], ents: EntityIndex,
             tail: tuple[int, int] | None = None, anchor: int | None = None) -> Speaker:
    """Classify the words of a speaker span: a named speaker, a pronoun, an anaphor."""
    lex = lexicon()
    a, b = span
    if b <= a:
        return Speaker("none")
    words = [w.lower() for w in WORD.findall(text, a, b)]
    if not words:
        return Speaker("none")
    if len(words) == 1 and words[0] in lex.pronouns:
        return Speaker("pronoun", span)
    mentions = ents.within(a, b)
    lowered = text[a].islower()
    after = text[b:b + 5]
    if len(words) == 1 and lowered and after.startswith(" yang"):
        return Speaker("anaphor", span, text=text[a:b])  # "kata sosok yang karib disapa BTM"
    if words[-1] in _ANAPHOR_END and (lowered or not any(r[3] == "PER" for r in mentions)):
        # "pria 30 tahun itu", "Wakil Ketua Komisi XIII ini", "mantan Kepala Satkorwil Banser itu"
        return Speaker("anaphor", span, text=text[a:b])
    if anchor and anchor > b:
        # A name right before the verb beyond a cut adjunct ("... dalam LHKPN Komisi
        # Pemberantasan Korupsi (KPK) mengatakan") is still the speaker.
        near = _adjacent(text, ents.within(a, anchor), anchor)
        if near:
            mentions = [near]
    if not any(r[3] == "PER" for r in mentions) and tail:
        mentions = [r for r in ents.within(*tail) if r[3] == "PER"][:1] or mentions
    if mentions:
        best = _head(text, mentions, anchor or b)
        if best[3] == "PER":
            return Speaker("named", (best[0], best[1]), best[2], text[best[0]:best[1]])
        lead = WORD.search(text, a, best[0])
        if best[3] in ("LOC", "NORP") and lead:
            # "Para pejabat Israel": the place only qualifies an unnamed speaker.
            return Speaker("named", span, None, text[a:b])
        return Speaker("named", span, best[2], text[a:b])
    if words[-1] in lex.pronouns or (words[0] in lex.pronouns and len(words) <= 3):
        return Speaker("pronoun", span)  # "Lebih lanjut ia", "kata dia", "Ia bersikeras"
    holder = ents.titled(text[a:b], a) if len(words) <= 4 else None
    if holder:
        # "tegas Presiden": the person the article names with that title ("Presiden Prabowo").
        return Speaker("named", (holder[0], holder[1]), holder[2], text[holder[0]:holder[1]])
    return Speaker("named", span, ents.by_name(text[a:b]), text[a:b])


_MODIFIER_BEFORE = {"dari", "di", "pada", "bagi", "milik", "asal", "untuk", "kepada"}


def _adjacent(text: str, mentions, b: int):
    """The mention ending right before ``b`` (adverbs and an acronym in brackets aside),
    unless a preposition makes it a modifier ("Hakim Lee dari Pengadilan ...")."""
    lex = lexicon()
    for r in sorted(mentions, key=lambda r: -r[1]):
        gap = [w.lower() for w in WORD.findall(text, r[1], b)]
        if all(w in lex.adverbs for w in gap) and not any(ch in text[r[1]:b] for ch in ",;"):
            before = WORD.findall(text, max(0, r[0] - 12), r[0])
            if not before or before[-1].lower() not in _MODIFIER_BEFORE:
                return r
        return None
    return None


def _head(text: str, mentions, b: int):
    """The mention that heads a speaker phrase ending at ``b``.

    The name right before the verb is the speaker ("Ketua Komisi VII DPR RI Saleh
    Partaonan Daulay mengatakan", "... (DPP PKB) mengonfirmasi") unless a preposition
    makes it a modifier ("Hakim Lee Jin Gwan dari Pengadilan ..."); else a person,
    the nearest one ("kuasa hukum Christofel, Adhitya Nasution"); else the first name
    ("Iran, sumber utama dukungan bagi Hamas, ...").
    """
    near = _adjacent(text, mentions, b)
    if near:
        return near
    people = [r for r in mentions if r[3] == "PER"]
    if people:
        return max(people, key=lambda r: r[0])
    return min(mentions, key=lambda r: r[0])  # Indonesian noun phrases are head-first


class Resolver:
    """Resolves pronouns and unattributed quotes, in text order, to the last speaker.

    ``subjects`` are person mentions that open a sentence outside any quote
    ("Arief mengapresiasi ..."): one more recent than the last speaker wins,
    since a pronoun points at the person the story is on.
    """

    def __init__(self, text: str, subjects):
        self.text = text
        self._subjects = subjects  # a callable: computed only when a pronoun needs it
        self.subjects = self.starts = None
        self.last: tuple[int, str | None, str | None] | None = None  # (pos, entity, words)

    def resolve(self, sp: Speaker, pos: int, salient: bool = True) -> tuple[str | None, str | None]:
        if sp.kind == "named":
            if salient:
                self.last = (pos, sp.entity, sp.text)
            return sp.entity, sp.text
        if self.subjects is None:
            self.subjects = self._subjects()
            self.starts = [s[0] for s in self.subjects]
        i = bisect.bisect_left(self.starts, pos) - 1
        subject = self.subjects[i] if i >= 0 else None
        if subject and sp.kind != "none" and self.last is None:
            subject = self._protagonist(pos)  # the story's person so far, not the latest named
        if subject and sp.kind != "none" and (self.last is None or subject[0] > self.last[0]):
            words = self.text[subject[0]:subject[1]]
            self.last = (pos, subject[2], words)
            return subject[2], words
        if self.last is not None:
            return self.last[1], self.last[2]
        return None, sp.text  # "Catatan itu mengungkap ...": nobody to point at, keep the words

    def _protagonist(self, pos: int) -> tuple[int, int, str]:
        """Among sentence-opening persons before ``pos``, the most frequent (first on ties)."""
        before = self.subjects[:bisect.bisect_left(self.starts, pos)]
        counts: dict = {}
        for s in before:
            counts[s[2]] = counts.get(s[2], 0) + 1
        best = max(counts.values())
        return next(s for s in before if counts[s[2]] == best)
