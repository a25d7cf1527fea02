"""Who does what to whom: actor and target around a trigger, from tokens and entity mentions.

A sentence is seen as its tokens, each tagged with the entity mention it
belongs to (if any). Indonesian is SVO with few case marks, so the rules
read word order and prepositions: the subject is the nearest name before the
verb that no preposition governs; the object is the first name after it
carrying one of the trigger's allowed prepositions (or none); a passive
(di-verb) turns the two round and takes its agent from "oleh X" or the name
right after the verb.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .lexicon import Lexicon

_VERBISH = re.compile(r"^(?:mem|men|meng|meny|me[lrwy]|memper|ber|di|ter)[a-z]{3,}$")
_ELIDED = re.compile(r"^[a-z][’']\w*[A-Z]|^[a-z][’'][A-Z]")  # l'Aviation, d'Ivoire
_PUNCT_SOFT = {"(", ")", "/", "'", "‘", "’"}
_PUNCT_HARD = {";", ":", "\"", "“", "”", ".", "?", "!", "-", "–", "—"}
MAX_PLAIN_BEFORE = 8   # words between subject and verb (adverbials like "pada hari Kamis (12/2)")
MAX_PLAIN_AFTER = 10   # words between verb and object
MAX_SKIP_GOVERNOR = 3
MAX_GENITIVE_GAP = 4
MAX_DIRECT_GAP = 2     # words before a bare object name ("meminta petugas PGA"), not "membantu pemenangan pasangan calon ... Bogor"   # modifiers between an event noun and its owner  # lower-case words between a preposition and its name ("kepada mantan menteri X")


@dataclass
class Mention:
    start: int
    end: int
    entity: str
    type: str


@dataclass
class Sentence:
    """One sentence's tokens; ``ment[i]`` is the index of token i's mention or -1."""
    start: int
    end: int
    words: list[str]
    low: list[str]
    spans: list[tuple[int, int]]
    ment: list[int]
    mentions: list[Mention]
    first_tok: dict = field(default_factory=dict)  # mention index -> its first token
    starts: list = field(default_factory=list)     # token start offsets


def build_sentence(text: str, tokens: list[tuple[int, int]], token_starts: list[int],
                   start: int, end: int, mentions: list[Mention], mention_starts: list[int] | None = None
                   ) -> Sentence:
    i, j = bisect_left(token_starts, start), bisect_left(token_starts, end)
    spans = [t for t in tokens[i:j] if t[1] <= end]
    words = [text[a:b] for a, b in spans]
    sent = Sentence(start, end, words, [w.lower() for w in words], spans, [-1] * len(spans), mentions,
                    starts=[a for a, _ in spans])
    lo = bisect_left(mention_starts, start - 200) if mention_starts is not None else 0
    hi = bisect_left(mention_starts, end) if mention_starts is not None else len(mentions)
    inside = [k for k in range(lo, hi) if mentions[k].start < end and mentions[k].end > start]
    for n, (a, b) in enumerate(spans):
        for k in inside:
            m = mentions[k]
            if a < m.end and b > m.start:
                sent.ment[n] = k
                sent.first_tok.setdefault(k, n)
                break
    return sent


def token_at(sent: Sentence, offset: int) -> int:
    """Index of the first token starting at or after ``offset``."""
    return bisect_left(sent.starts, offset)


def governor(sent: Sentence, k: int, limit: int, lex: Lexicon) -> str | None:
    """The preposition that governs the name starting at token k, looking back to ``limit``."""
    skipped, budget = 0, MAX_SKIP_GOVERNOR
    j = k - 1
    while j >= limit:
        w, low = sent.words[j], sent.low[j]
        if sent.ment[j] >= 0:
            budget = 0  # past another name only titles may stand: "kepada Bupati Bekasi nonaktif X"
        if j == 0 and low in lex.preps:
            return low  # "Di Kota Padang, ...": capitalised only because it opens the sentence
        if sent.ment[j] >= 0 or w in _PUNCT_SOFT or w[:1].isupper() or w[:1].isdigit() \
                or low in lex.name_particles or _ELIDED.match(w):
            j -= 1
            continue
        if low in lex.preps:
            return low
        if 0 < j < len(sent.words) - 1 and w.isalpha() and low not in lex.governor_stops \
                and sent.words[j - 1][:1].isupper() and sent.words[j + 1][:1].isupper():
            j -= 1  # a particle inside a name: "Direction Generale de l'Aviation Civile"
            continue
        if w == "," and j > 0 and sent.ment[j - 1] >= 0 and sent.ment[k] >= 0 \
                and sent.mentions[sent.ment[j - 1]].type == sent.mentions[sent.ment[k]].type == "LOC":
            j -= 1  # a place narrowed down: "di Kabupaten Bekasi, Jawa Barat"
            continue
        if low in lex.governor_stops or w in _PUNCT_HARD or w == ",":
            return None
        skipped += 1
        if skipped > budget:
            return None
        j -= 1
    return None


def is_kin(sent: Sentence, k: int, lex: Lexicon) -> bool:
    """ "mantan suami Nunun": the name owns the head noun, it is not the party."""
    return k >= 1 and sent.low[k - 1] in lex.kin


def is_alias(sent: Sentence, k: int) -> bool:
    """A name in brackets right after another name ("Korea Selatan (Korsel)") repeats it."""
    return k >= 2 and sent.words[k - 1] == "(" and sent.ment[k - 2] >= 0


def is_verb(sent: Sentence, j: int, lex: Lexicon) -> bool:
    low = sent.low[j]
    return sent.ment[j] < 0 and sent.words[j].islower() and bool(_VERBISH.match(low)) \
        and low not in lex.not_verbs and low not in lex.aux


@dataclass
class Subject:
    mention: int | None = None
    partner: int | None = None     # "X bersama Y bekerja sama": Y
    coordinated: bool = False      # "..., dan menyita": shares the previous verb's subject
    first_person: bool = False     # "Kami menjatuhkan ...": the speaker


def subject(sent: Sentence, t: int, lex: Lexicon) -> Subject:
    """The name that is the subject of the verb at token t, read leftwards."""
    out, plain, relative = Subject(), 0, False
    j = t - 1
    while j >= 0:
        w, low, m = sent.words[j], sent.low[j], sent.ment[j]
        if m >= 0:
            k = sent.first_tok[m]
            if is_alias(sent, k):
                j = k - 2
                continue
            gov = governor(sent, k, 0, lex)
            if is_kin(sent, k, lex) or (gov is None and not _heads_phrase(sent, k, lex)) \
                    or (k > 0 and sent.low[k - 1] in lex.inverted_speech):
                return out
            if gov is None:
                out.mention = owner(sent, m)
                _conjoined(sent, k, out)
                return out
            if relative:
                return out
            if lex.preps.get(gov) == "partner" and out.partner is None:
                out.partner = m
            j = _index_of(sent, gov, k) - 1
            continue
        if relative:
            return out
        if low == "yang":
            relative = True          # "aliansi yang didukung": the head noun before "yang"
        elif low in lex.first_person and not _possessive(sent, j, lex):
            out.first_person = True
            return out
        elif low in lex.pronouns:
            return out               # "Ia juga menolak": someone named earlier; not guessed
        elif low in lex.coordinators and plain == 0:
            prev = _previous_verb(sent, j, lex)
            if prev is None:
                return out
            out.coordinated = True
            j = prev
        elif low in lex.speech:
            if plain > 0:
                return out           # "pejabat X mengatakan serangan itu ...": own subject
        elif low in lex.aux or w == "," or w in _PUNCT_SOFT:
            pass
        elif w in _PUNCT_HARD:
            return out
        else:
            plain += 1
            if plain > MAX_PLAIN_BEFORE:
                return out
        j -= 1
    return out


def _heads_phrase(sent: Sentence, k: int, lex: Lexicon) -> bool:
    """Can the name at token k be a subject? Not when a verb or a plain common noun stands right
    before it ("menggeledah rumah Ridwan Kamil ... dan menyita", "kasus penyuapan hakim PTUN
    Medan diduga"); yes after a clause edge or a head that acts for it ("penyidik KPK")."""
    j = k - 1
    while j >= 0 and (sent.words[j][:1].isupper() or sent.words[j] in _PUNCT_SOFT or sent.ment[j] >= 0):
        j -= 1  # titles and bracketed aliases belong to the name
    if j < 0:
        return True
    w, low = sent.words[j], sent.low[j]
    if not w.isalpha() or low in lex.agent_heads or low in lex.aux or low in lex.coordinators \
            or low in lex.speech or low in lex.clause_stops or low in lex.preps or low in lex.apposition:
        return True
    if low in lex.demonstratives or low in lex.pronouns or low in lex.first_person:
        return True
    return False


def _conjoined(sent: Sentence, k: int, out: "Subject") -> None:
    """ "Indonesia dan Timor Leste sepakat": the first is the actor, the second its partner."""
    if k >= 2 and sent.low[k - 1] == "dan" and sent.ment[k - 2] >= 0 and sent.ment[k - 2] != out.mention:
        out.partner = out.mention
        out.mention = sent.ment[k - 2]


def _possessive(sent: Sentence, j: int, lex: Lexicon) -> bool:
    """ "klien kita": a pronoun after a common noun owns it and is not the subject."""
    if j == 0:
        return False
    w, low = sent.words[j - 1], sent.low[j - 1]
    return w.islower() and low not in lex.aux and low not in lex.coordinators and low not in lex.speech \
        and low not in lex.preps and low not in lex.clause_stops


def _index_of(sent: Sentence, word: str, before: int) -> int:
    for j in range(before - 1, -1, -1):
        if sent.low[j] == word:
            return j
    return before


def _previous_verb(sent: Sentence, j: int, lex: Lexicon) -> int | None:
    for i in range(j - 1, -1, -1):
        if sent.words[i] in _PUNCT_HARD:
            return None
        if is_verb(sent, i, lex):
            return i
    return None


@dataclass
class Objects:
    target: int | None = None
    place: int | None = None
    agent: int | None = None       # "oleh X" after the trigger
    direct: int | None = None      # the first ungoverned name after the trigger


def objects(sent: Sentence, t_end: int, preps: frozenset, lex: Lexicon) -> Objects:
    """Names after the trigger (token index t_end is the first after it), by their preposition."""
    out, plain, gap, clause_over = Objects(), 0, 0, False
    j = t_end
    while j < len(sent.words):
        w, low, m = sent.words[j], sent.low[j], sent.ment[j]
        if m >= 0:
            k = sent.first_tok.get(m, j)
            last = _last_tok(sent, m, j)
            if not is_alias(sent, k) and not is_kin(sent, k, lex):
                gov = governor(sent, k, t_end, lex)
                if gov is not None or (gap <= MAX_DIRECT_GAP and not clause_over):
                    _assign(out, sent, m, gov, preps, lex, last)
            j = last + 1
            continue
        if low in lex.clause_stops or w in _PUNCT_HARD:
            if low in preps and out.target is None:
                _complement_subject(out, sent, j, preps, lex)
            break
        if low in lex.apposition:
            gap, clause_over = 0, False  # "pihak terkait, khususnya Balai X": the object restated
        elif w == ",":
            clause_over = True  # "... keperkasaan dollar, Agus menyampaikan": a new clause
        elif low not in lex.preps and low not in lex.aux and w != "," and w not in _PUNCT_SOFT:
            plain += 1
            if not w[:1].isupper():  # "menemui Menteri Luar Negeri RI Retno": a title is no gap
                gap += 1
            if plain > MAX_PLAIN_AFTER:
                break
        j += 1
    return out


def _complement_subject(out: Objects, sent: Sentence, j: int, preps: frozenset, lex: Lexicon) -> None:
    """"mendesak agar Korea Utara mematuhi ...": where the trigger allows a clause
    opener (agar, supaya) as its target's mark, the clause's subject is the target."""
    k = j + 1
    while k < len(sent.words) and k - j <= 1 + MAX_DIRECT_GAP and sent.ment[k] < 0:
        if sent.low[k] in lex.clause_stops or sent.words[k] in _PUNCT_HARD or sent.words[k] == ",":
            return
        k += 1
    if k < len(sent.words) and sent.ment[k] >= 0:
        m = sent.ment[k]
        _assign(out, sent, m, sent.low[j], preps, lex, _last_tok(sent, m, k))


def _assign(out: Objects, sent: Sentence, m: int, gov: str | None, preps: frozenset,
            lex: Lexicon, last: int) -> None:
    role = lex.preps.get(gov or "", "")
    if role == "place" and sent.mentions[m].type == "LOC" and out.place is None:
        out.place = m
    if role == "agent" and out.agent is None:
        out.agent = m
    if gov is None and out.direct is None:
        out.direct = m
    if out.target is None and (gov or "-") in preps:
        out.target = _head(sent, owner(sent, m), last)


def _last_tok(sent: Sentence, m: int, j: int) -> int:
    while j + 1 < len(sent.ment) and sent.ment[j + 1] == m:
        j += 1
    return j


def _head(sent: Sentence, m: int, last: int) -> int:
    """A body followed by a person names his post ("Komisaris BPR Christa Jaya, Christofel Liyanto"):
    the person is meant. Walks over bracketed aliases, commas and further bodies."""
    if sent.mentions[m].type == "PER":
        return m
    j, hops = last + 1, 0
    while j < len(sent.words) and hops < 4:
        w, n = sent.words[j], sent.ment[j]
        if n >= 0 and n != m:
            if sent.mentions[n].type == "PER":
                return n
            j, hops = _last_tok(sent, n, j) + 1, hops + 1
        elif w in (",", "(", ")") or n == m:
            j += 1
        else:
            break
    return m


def owner(sent: Sentence, m: int) -> int:
    """A country right after a body belongs to it: "Pasukan Quds Iran", "(DGAC) Prancis"."""
    if sent.mentions[m].type != "LOC":
        return m
    j = sent.first_tok[m] - 1
    if j >= 0 and sent.words[j] == ",":
        j -= 1  # "Kejari Kota Kupang, NTT, menetapkan"
    if j >= 0 and sent.words[j] == ")":
        while j >= 0 and sent.words[j] != "(":
            j -= 1
        j -= 1
    if j >= 0 and sent.ment[j] >= 0 and sent.mentions[sent.ment[j]].type == "ORG":
        return sent.ment[j]
    return m


def place_before(sent: Sentence, t: int, lex: Lexicon) -> int | None:
    """ "Di Kota Padang, polisi menangkap ...": the nearest place named with di before the verb."""
    for j in range(t - 1, -1, -1):
        m = sent.ment[j]
        if m >= 0 and sent.first_tok.get(m) == j and sent.mentions[m].type == "LOC" \
                and lex.preps.get(governor(sent, j, 0, lex) or "") == "place":
            return m
    return None


def agent_after(sent: Sentence, t_end: int, lex: Lexicon) -> int | None:
    """The doer of a passive: "diserang oleh X" or "dibantah X" (a name at once after the verb)."""
    j = t_end
    while j < len(sent.words) and (sent.low[j] in lex.aux or sent.low[j] == "oleh"):
        j += 1
    if j < len(sent.words) and sent.ment[j] >= 0:
        return sent.ment[j]
    return None


def genitive(sent: Sentence, t_end: int, lex: Lexicon) -> int | None:
    """The owner named right after an event noun: "serangan Hamas", "pengerahan pasukan militer Korsel"."""
    for j in range(t_end, min(len(sent.words), t_end + MAX_GENITIVE_GAP + 1)):
        m = sent.ment[j]
        if m >= 0:
            return _head(sent, m, _last_tok(sent, m, j))
        w, low = sent.words[j], sent.low[j]
        if not w.islower() or low in lex.preps or low in lex.aux or low in lex.governor_stops \
                or low in lex.demonstratives or low in lex.clause_stops or is_verb(sent, j, lex):
            return None
    return None


def partner_between(sent: Sentence, t_end: int, lex: Lexicon) -> tuple[int | None, int | None]:
    """ "kerja sama antara X dan Y": (X, Y)."""
    j = t_end
    while j < min(len(sent.words), t_end + 3) and sent.low[j] != "antara" and sent.words[j].islower() \
            and sent.low[j] not in lex.governor_stops:
        j += 1
    if j + 1 >= len(sent.words) or sent.low[j] != "antara" or sent.low[j + 1] == "lain":
        return None, None  # "antara lain": "among others", no pair
    first = second = None
    for i in range(j + 1, min(len(sent.words), j + 16)):
        m = sent.ment[i]
        if m < 0 or is_alias(sent, sent.first_tok.get(m, i)):
            continue
        if first is None:
            first = m
        elif m != first:
            second = m
            break
    return first, second
