"""The tokenizer's prefix search must answer exactly as spaCy's own search does."""
import random
import re

import pytest

from kabar.stages.affix_search import _top_branches, anchored_first
from kabar.stages.sentences import tokenizer


def spans(m):
    return None if m is None else m.span()


def test_prefix_search_answers_as_spacys_search_on_chunks_and_their_tails():
    fast = tokenizer().prefix_search
    slow = fast.__wrapped__
    assert fast is not slow
    chunks = ["Jakarta", "(17/11).", "Rp15", "US$5", "USD", "“Kami", "...", "#Demi", "@akun",
              "https://contoh.id/a-b", "ab<a href=x>cd", "<a href=y>", "<b/>x", "—kata", "+62",
              "+x", "", "<a>", "x<a >"]
    rng = random.Random(7)
    alphabet = "ab(<>[]$.,-#@RpUSD “”\"'…/=href0123"
    chunks += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16))) for _ in range(3000)]
    for w in chunks:
        for k in range(min(len(w), 4) + 1):
            assert spans(fast(w[k:])) == spans(slow(w[k:])), w[k:]
    assert spans(fast("ab<a href=x>cd")) == (2, 12)  # the one branch not anchored at "^"
    assert fast("Jakarta") is None


def test_anchored_first_keeps_search_where_it_cannot_show_equivalence():
    multiline = re.compile(r"^a|b", re.MULTILINE).search
    assert anchored_first(multiline) is multiline
    backref = re.compile(r"^a|(b)\1").search
    assert anchored_first(backref) is backref
    assert anchored_first(len) is len
    fast = anchored_first(re.compile(r"^a|^\(|x[|]y").search)
    for text in ["ab", "(a", "zx|y", "zz", "", "x|y"]:
        assert spans(fast(text)) == spans(re.compile(r"^a|^\(|x[|]y").search(text))


@pytest.mark.parametrize("pattern,branches", [
    (r"^a|b", [r"^a", "b"]),
    (r"^(a|b)|[|]|\||c", [r"^(a|b)", "[|]", r"\|", "c"]),
    (r"[]|]x|y", ["[]|]x", "y"]),
])
def test_top_branches_split_only_at_top_level(pattern, branches):
    assert _top_branches(pattern) == branches


def test_suffix_search_answers_as_spacys_search_on_chunks_and_their_heads():
    fast = tokenizer().suffix_search
    slow = fast.__wrapped__
    assert fast is not slow
    chunks = ["Jakarta,", "(17/11).", "5km", "itu…", "kata..", "kata...", "https://contoh.id/a-b.",
              "x\n", "10%", "Rp5", "“Kami”", "a)", "", "ab.cd.ef..", "2.939/2.874),"]
    rng = random.Random(11)
    alphabet = "ab()[].,…km%“”\"'/0123\n-"
    chunks += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for w in chunks:
        for k in range(min(len(w), 3) + 1):
            head = w[:len(w) - k]
            assert spans(fast(head)) == spans(slow(head)), head
    assert spans(fast("abcdefghijklmnop............")) == (16, 28)  # unbounded, far from the end


def test_anchored_last_keeps_search_where_it_cannot_show_equivalence():
    from kabar.stages.affix_search import anchored_last

    not_ended = re.compile(r"a$|b").search
    assert anchored_last(not_ended) is not_ended
    only_unbounded = re.compile(r"a+$").search
    assert anchored_last(only_unbounded) is only_unbounded
    pattern = re.compile(r"xy$|\.\.+$|(?<=[0-9])km$")
    fast = anchored_last(pattern.search)
    for text in ["12345678xy", "a.....", "5km", "abcdefgh5km", "abcdefghij..", "z", "xy\n"]:
        assert spans(fast(text)) == spans(pattern.search(text)), text
