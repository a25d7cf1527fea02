"""Entity mentions: capitalised runs cut into titles, organisations, places and names.

A run is a stretch of capitalised words inside one sentence (lower-case
connectors such as "dan" or "de" may stand between them). Each run is read
left to right: a title ("Menteri Dalam Negeri") is skipped, a gazetteer name
is taken whole, a head word ("Kementerian", "Kota") opens an organisation or
place phrase, and what is left is a name whose type the statistical tagger
decides (``kabar.entities.words`` prepares the words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Lexicon
from .words import ROMAN, acronym, cap_flags, defined_acronyms, runs

OPENERS = frozenset("\"“‘'([")
_UNSEEN = object()


@dataclass(slots=True)  # no __dict__ per mention: tens per article, each read often
class Mention:
    start: int           # character offsets into doc.text
    end: int
    type: str            # PER / ORG / LOC, or UNK until grouping decides
    words: tuple[str, ...]
    key: str | None      # gazetteer key: mentions with one key are one entity
    first: int           # unit index of the first word
    last: int            # unit index after the last word
    titled: bool = False  # stood after a title ("Presiden ...")


def _namelike(words, k, lex: Lexicon) -> bool:
    w = words[k]
    return (w[:1].isupper() and not lex.is_common(w) and not acronym(w)
            and lex.lookup(words, k, k + 1) is None and not lex.title_at(words, k, k + 1)
            and not lex.head_at(words, k, k + 1)[0] and not lex.stop_at(words, k, k + 1))


class RunReader:
    """Cuts one run into mentions; ``ner`` holds the tagger's label per unit or None."""

    def __init__(self, text, spans, words, ner, lex: Lexicon):
        self.text, self.spans, self.words, self.ner, self.lex = text, spans, words, ner, lex
        # One snapshot: in the web app's threads, lex.prepared may be another document's
        # by the time it is read again.
        prepared = lex.prepared
        if prepared is None or prepared[0] is not words:
            prepared = lex.prepare(words, text, spans)
        # Each word lowered as it is and folded, from Lexicon.prepare: the word tests below
        # index these instead of lowering or folding the same words again and again.
        self.norm, self.low, self.lower, self.folds = prepared[1:5]
        self.out: list[Mention] = []
        self.plain_acronyms = defined_acronyms(words)
        self.vocab: set[str] | None = None  # the article's words, once ordinary() needs them

    def emit(self, i, j, typ, key=None, titled=False):
        while i < j and self.words[i].islower() and self.words[i] in self.lex.connectors:
            i += 1
        while j > i and self.words[j - 1].islower() and self.words[j - 1] in self.lex.connectors:
            j -= 1
        if i < j:
            a, b = self.spans[i][0], self.spans[j - 1][1]
            self.out.append(Mention(a, b, typ, tuple(self.words[i:j]), key, i, j, titled))

    def extend_numeral(self, p, j) -> int:
        """"Komisi VII", "Jawa Barat VI": a Roman numeral belongs to the name before it."""
        m = self.out[-1] if self.out else None
        if m is None or m.last != p:
            return p
        q = p
        while q < j and ROMAN.fullmatch(self.words[q]):
            q += 1
        if q > p:
            m.last, m.end, m.words = q, self.spans[q - 1][1], tuple(self.words[m.first:q])
        return q

    def read_word(self, i, initial: bool, titled: bool = False):
        """read(i, i + 1, ...): most runs are one word, and then what is found hangs on that
        word and a few flags alone, unless the mention before comes into it (a numeral
        after a name, a short form in parentheses after one); so it is kept per lexicon."""
        out, words = self.out, self.words
        if (out and out[-1].last == i) or (i and words[i - 1] == "("):
            self.read(i, i + 1, initial, titled)
            return
        w = words[i]
        # The word, its lexicon form (lowered in the text), every flag read() and plain()
        # test on a one-word run, and the tagger's label.
        key = (w, self.low[i], initial and self.ordinary(i), titled,
               None if self.ner is None else self.ner[i], w in self.plain_acronyms)
        cache = self.lex.word_runs
        got = cache.get(key, _UNSEEN)
        if got is _UNSEEN:
            n = len(out)
            self.read(i, i + 1, initial, titled)
            got = (out[-1].type, out[-1].key, out[-1].titled) if len(out) > n else None
            if len(cache) >= 1 << 15:
                cache.clear()  # bounded (some 10 MB): a long run meets ever new words
            cache[key] = got
        elif got is not None:
            self.emit(i, i + 1, *got)

    def read(self, i, j, initial: bool, titled: bool = False):
        lex, words, lower, folds = self.lex, self.words, self.lower, self.folds
        # A sentence's first word is capitalised anyway: an ordinary word there is no name.
        if initial and self.ordinary(i) and not (lex.title_at(words, i, j) or lex.head_at(words, i, j)[0]
                                                         or lex.lookup(words, i, j) or self._tagged_name(i, j)):
            i += 1
        # "Analis MNC Sekuritas Edwin Sebayang": a company's closing word, then a person.
        for t in range(i + 1, j - 2) if j - i > 3 else ():
            if lower[t] in lex.org_tails and all(_namelike(words, k, lex) for k in range(t + 1, j)) \
                    and self._person_at(t + 1):
                self.read(i, t + 1, initial, titled)
                self.plain(t + 1, j, True)
                return
        if j - i >= 2 and lower[j - 1] in lex.org_tails:
            # "PT Bukit Asam Tbk", "Mandiri Sekuritas": the last word makes it a company.
            while i < j and lex.title_at(words, i, j):
                i += lex.title_at(words, i, j)
            if j - i >= 2:
                a = i + (lower[i] in ("pt", "pt."))
                core = lex.lookup(words, a, j - 1) if a < j - 1 else None
                key = core[2] if core and core[1] == "ORG" and a + core[0] == j - 1 else None
                self.emit(i, j, "ORG", key)
            return
        tail = -1  # where the run's closing name begins; found when a head phrase needs it
        p = i
        out, norm, low = self.out, self.norm, self.low
        first_exact, starters = lex.first_exact, lex.starters
        while p < j:
            if out and out[-1].last == p:  # (extend_numeral's own first test: mostly false)
                q = self.extend_numeral(p, j)
                if q > p:
                    p = q
                    continue
            # Most words start no gazetteer name, title, head or stop phrase: one set test
            # says so (as the lexicon's own first test would, in each of its four lookups).
            if norm[p] in first_exact or low[p] in starters:
                hit = lex.lookup(words, p, j)
                if hit and hit[0] == 1 and p + 1 < j and lex.head_at(words, p, j)[0] and lex.lookup(words, p + 1, j):
                    hit = None  # "Timnas Kamerun": the head word with its place, not "Timnas" (Indonesia's)
                if not hit and p + 1 < j and folds[p] in lex.events:
                    return  # "Piala Asia", "KTT G20": an event's name, places in it included
                # A title word opening a longer known name ("Raja Ampat", "Paus Fransiskus") is the name.
                n = 0 if hit and hit[0] >= 2 else lex.title_at(words, p, j)
                if n:
                    p, titled = p + n, True
                    continue
                if hit:
                    self.emit(p, p + hit[0], hit[1], hit[2])
                    p += hit[0]
                    continue
                n, typ = lex.head_at(words, p, j)
                if n:
                    q = p + n
                    # "Bank NTT Christofel Liyanto": a two-word name after the body is a person.
                    if tail < 0:
                        tail = j
                        while tail > i and _namelike(words, tail - 1, lex):
                            tail -= 1
                    end = tail if tail > q and (titled or (j - tail >= 2 and self._person_at(tail))) else j
                    while q < end and not lex.stop_at(words, q, j) and (
                            not lex.title_at(words, q, j) or (typ == "ORG" and lex.head_at(words, q, j)[0])
                            or folds[q] in lex.name_titles):  # "Jalan Jenderal Sudirman"
                        # "Gunung Tandikat dan Gunung Talang": "dan" before another name ends this one.
                        # Places seldom have "dan" in their names; bodies often do.
                        if words[q] == "dan" and q + 1 < j and (typ == "LOC" or lex.head_at(words, q + 1, j)[0]
                                                              or lex.lookup(words, q + 1, j)
                                                              or acronym(words[q + 1])
                                                              or not lex.is_common(words[q + 1])):
                            break
                        # "Taman Edukasi Polsek Pandeglang": a body named inside a place's name.
                        if typ == "LOC" and q > p + n and lex.head_at(words, q, j)[1] == "ORG":
                            break
                        q += 1
                    while q > p + n and lex.title_at(words, q - 1, q):
                        q -= 1  # "... Raja Ali Haji Dr Suryadi": the title before the person is no part
                    if q > p + n:  # a head word alone ("Kota", "Badan") names nothing
                        # "Provinsi Sumbar" is Sumbar; "Selat Inggris" is not Inggris.
                        rest = lex.lookup(words, p + n, q) if n == 1 and folds[p] in lex.admin else None
                        key = rest[2] if rest and p + n + rest[0] == q and rest[1] == "LOC" else None
                        self.emit(p, q, typ, key)
                    p = q
                    continue
                n = lex.stop_at(words, p, j)
                if n:
                    p += n
                    continue
            elif p + 1 < j and folds[p] in lex.events:
                return  # (as above)
            q = p + 1
            # A head word closing the run names nothing by itself: it ends this name
            # ("Yuliot Tanjung", "Gantosori Tanjung"), it does not open a place.
            while q < j and not ((norm[q] in first_exact or low[q] in starters) and (
                    lex.title_at(words, q, j) or lex.lookup(words, q, j)
                    or 0 < lex.head_at(words, q, j)[0] < j - q or lex.stop_at(words, q, j))):
                q += 1
            self.plain(p, q, titled)
            p = q

    def ordinary(self, k: int) -> bool:
        """words[k] is a common word, or one this very article also writes in lower case ("Wacana")."""
        if self.lex.is_common(self.words[k]):
            return True
        # "some word x is lower-case and equals w.lower()" is "w.lower() is lower-case and
        # some word": a plain set of the words does, built by set() without a Python step each.
        if self.vocab is None:
            self.vocab = set(self.words)
        low = self.lower[k]
        return low.islower() and low in self.vocab

    def _tagged_name(self, i, j) -> bool:
        """The tagger reads words[i] as the start of a longer name ("Poros Perlawanan adalah ...")."""
        return (self.ner is not None and i + 1 < j and self.ner[i] in ("B-ORG", "B-LOC")
                and self.ner[i + 1] == "I-" + self.ner[i][2:])

    def _person_at(self, k) -> bool:
        return self.ner is None or self.ner[k] == "B-PER"

    def plain(self, p, q, titled):
        lex, words, lower, folds = self.lex, self.words, self.lower, self.folds
        if q - p >= 2 and folds[q - 1] in lex.events:
            return  # an event or award ("Hoegeng Awards"), no PER/ORG/LOC
        if folds[q - 1] in lex.job_words:
            return  # a post ("QC Staff", "Blown Film Operator"), not a name
        # A stray numeral or an acronym of ordinary words ("PAW") starts no name.
        # (ROMAN is tried only on a word opening with one of its letters: the regex call costs)
        while p < q and ((words[p][:1] in "IVX" and ROMAN.fullmatch(words[p])) or words[p] in self.plain_acronyms):
            p += 1
        if p == q:
            return
        # Outside a body's name, "dan" joins two names ("Prabowo Subianto dan Gibran").
        for k in range(p + 1, q - 1):
            if words[k] in ("dan", "and"):
                self.plain(p, k, titled)
                self.plain(k + 1, q, titled)
                return
        if titled:
            # "Menteri Kebudayaan Fadli Zon": the ordinary words after a title name its office.
            while p < q and (lex.is_office(words[p]) or lower[p] in lex.connectors):
                p += 1
            if p < q and acronym(words[p]):  # "Ketua BKGS Purwanto", "Ketua KPID": the body, then the person
                self.emit(p, p + 1, "ORG")
                p += 1
            if p < q:
                self.emit(p, q, "PER", titled=True)
            return
        if q - p >= 2 and all(acronym(w) for w in words[p:q]) and any(lex.is_common(w) for w in words[p:q]):
            return  # shouting in capitals ("BUKAN CINA"), not a name
        if acronym(words[p]) and q - p >= 2 and len(words[p]) >= 3 and not lex.is_common(words[p]):
            self.emit(p, q, "ORG")  # "BPR Christa Jaya", "CV ASM": a body named by its kind
            return
        if (q - p == 1 and 0 < p and q < len(words) and words[p - 1] == "(" and words[q] == ")"
                and self.out and self.out[-1].last == p - 1):
            self.emit(p, q, "UNK")  # "Rusdi Masse Mappasessu (RMS)": grouping gives it the host's type
            return
        if q - p == 1 and (lex.is_common(words[p]) or lower[p] in lex.directions
                           or (words[p][:1] in "IVX" and ROMAN.fullmatch(words[p])) or words[p] in self.plain_acronyms):
            return  # a lone capitalised ordinary word ("Utara", "Rakyat", "III") is no name
        if self.ner is None:
            self.fallback(p, q)
            return
        # One stretch of capitalised words is one name; the tagger gives its type,
        # and splits it only where its type changes ("Hendri Pematang Siantar").
        labels = [t[2:] for t in self.ner[p:q]]  # "B-PER" -> "PER", and "O" -> ""
        while p < q and not labels[0] and lex.is_common(words[p]):
            p, labels = p + 1, labels[1:]
        while q > p and not labels[-1] and lex.is_common(words[q - 1]):
            q, labels = q - 1, labels[:-1]
        if not any(labels):
            # Untyped: kept only if grouping finds it is a known person's short form ("atas Yoon.").
            if not any(lex.is_common(w) for w in words[p:q]):
                self.emit(p, q, "UNK")
            return
        k = p
        while k < q:
            typ = labels[k - p] or next((x for x in labels[k - p:] if x), "")
            m = k + 1
            while m < q and labels[m - p] in ("", typ):
                m += 1
            self.emit(k, m, typ)
            k = m

    def fallback(self, p, q):
        lex, words, lower = self.lex, self.words, self.lower
        if all(lex.is_common(words[k]) or lower[k] in lex.connectors for k in range(p, q)):
            return
        if q - p == 1 and acronym(words[p]):
            self.emit(p, q, "ORG")
        elif lex.is_common(words[q - 1]) is False and lower[q - 1] in lex.loc_tails:
            self.emit(p, q, "LOC")
        else:
            self.emit(p, q, "PER" if q - p >= 2 else "UNK")


def find_mentions(text, sentences, spans, words, ner, lex: Lexicon, cap=None) -> list[Mention]:
    """Mentions of one document; ``sentences`` are (first, last) unit index ranges."""
    reader = RunReader(text, spans, words, ner, lex)
    folds, low, first_title = reader.folds, reader.low, lex.first_title
    taken = _comma_names(reader, text, spans, lex) | _initials(reader, words)
    cap = cap if cap is not None else cap_flags(words, lex)
    for s, e in sentences:
        for i, j in runs(words, cap, s, e, lex, reader.lower):
            if taken and any(k in taken for k in range(i, j)):
                continue
            # "Penerjemah: Nabil Ihsan Editor: ...": staff credits left in the text name no one in the story.
            if i >= 2 and words[i - 1] == ":" and folds[i - 2] in lex.credits:
                continue
            if j - i >= 2 and j < e and words[j] == ":" and folds[j - 1] in lex.credits:
                j -= 1
            initial = i == s or words[i - 1] in OPENERS
            # "hakim tunggal Consilia ...": a lower-case title before the run marks a person.
            # (title_at is 0 for a word that starts no title: most words, told by one set test)
            titled = i > s and bool((low[i - 1] in first_title and lex.title_at(words, i - 1, i))
                                    or (i - 1 > s and low[i - 2] in first_title and lex.title_at(words, i - 2, i) == 2))
            if j - i == 1:
                reader.read_word(i, initial, titled)
            else:
                reader.read(i, j, initial, titled)
    _site_names(reader, text, spans)
    return reader.out


# A news site named by its lower-case domain ("kata dia kepada thejakartapost.com"): media are ORG.
# Capitalised ones ("Kompas.com") are read with the other capitalised words; URLs are not names.
_SITE = re.compile(r"(?<![\w./@:-])[a-z][a-z0-9-]{2,}(?:\.[a-z0-9-]+)?\.(?:com|co\.id|id|net|org|tv)(?![\w/@-]|\.\w)")


# Every site name ends in a domain ending after a lower-case letter, digit or hyphen: that
# part starts with a period, which re skips to fast. _SITE itself opens with a lookbehind that
# re tries at every position of the text; it is only tried where a run of domain characters
# holding such an ending starts (the lookbehind forbids a match anywhere else in the run).
_SITE_END = re.compile(r"\.(?<=[a-z0-9-]\.)(?:com|co\.id|id|net|org|tv)(?![\w/@-]|\.\w)")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")


def _site_matches(text):
    """The matches of _SITE.finditer(text), in order."""
    starts: list[int] = []
    last = -1  # where the previous ending stopped: its run is this one's if no gap lies between
    for m in _SITE_END.finditer(text):
        s = m.start()
        while s > 0 and text[s - 1] in _DOMAIN_CHARS:
            if s == last:
                s = starts[-1]
                break
            s -= 1
        if not starts or starts[-1] != s:
            starts.append(s)
        last = m.end()
    for s in starts:
        m = _SITE.match(text, s)
        if m:
            yield m


def _site_names(reader: RunReader, text, spans) -> None:
    starts = ends = None
    for m in _site_matches(text):
        if m.group().startswith("www."):
            continue
        if starts is None:
            starts = {a: k for k, (a, _) in enumerate(spans)}
            ends = {b: k for k, (_, b) in enumerate(spans)}
        i, j = starts.get(m.start()), ends.get(m.end())
        if i is not None and j is not None:
            reader.emit(i, j + 1, "ORG")


# Crime news names suspects and victims by their initials after a cue word
# (lang/id/entity_initials_cues.txt): "dua pelaku berinisial NMH dan SH".
_INITIALS = re.compile(r"[A-Z]{1,5}")


def _initials(reader: RunReader, words) -> set[int]:
    """People named by initials after "(ber)inisial", and those listed with them; their units."""
    # Most articles have no cue: a word lowering to a cue makes the lowered text hold it (the
    # only letter lowered by its context, the Greek sigma, is in no ASCII cue).
    cues = reader.lex.initials_cues
    low = reader.text.lower()
    if all(c.isascii() and c not in low for c in cues):
        return set()
    found: set[str] = set()
    cued: set[int] = set()
    for k, w in enumerate(words):
        if w.lower() not in reader.lex.initials_cues:
            continue
        j = k + 1
        while j < len(words) and _INITIALS.fullmatch(words[j]):
            found.add(words[j])
            cued.add(j)
            # "NMH, SH dan AB", "AB, CD, dan EF": a list of initials goes on
            n = j + 1
            while n < len(words) and words[n] in (",", "dan", "serta"):
                n += 1
            j = n if n > j + 1 else len(words)
    # every later mention of the same initials is the same person ("keterangan NMH dan SH"),
    # unless the initials spell a known body ("DPR") that the article may also name
    again = {w for w in found if reader.lex.word(w) is None}
    taken = cued | {k for k, w in enumerate(words) if w in again}
    for k in sorted(taken):
        reader.emit(k, k + 1, "PER")
    return taken


def _comma_names(reader: RunReader, text, spans, lex: Lexicon) -> set[int]:
    """Mentions of gazetteer names with commas inside; returns the units they cover."""
    taken: set[int] = set()
    if lex.comma_names is None or not lex.comma_hint.search(text):
        return taken
    found = list(lex.comma_names.finditer(text))
    if not found:
        return taken
    starts = {a: k for k, (a, _) in enumerate(spans)}
    ends = {b: k for k, (_, b) in enumerate(spans)}
    for m in found:
        i, j = starts.get(m.start()), ends.get(m.end())
        if i is None or j is None:
            continue
        typ, key = lex.comma_keys[m.group().lower()]
        reader.emit(i, j + 1, typ, key)
        taken.update(range(i, j + 1))
    return taken
