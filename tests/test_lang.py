import re

import pytest

from kabar import lang


def test_lang_trie_matches_every_word_and_prefers_the_longest():
    words = ["menyatakan", "menyata", "mengatakan", "kata", "Kata"]
    rx = re.compile(rf"^(?:{lang.trie(words)})$")
    assert all(rx.match(w) for w in words)
    assert not rx.match("mengata") and not rx.match("katakan")
    assert re.match(lang.trie(["menyata", "menyatakan"]), "menyatakan").group() == "menyatakan"


def test_lang_trie_space_matches_any_whitespace_and_empty_never_matches():
    assert re.fullmatch(lang.trie(["tahun lalu"]), "tahun \n lalu")
    assert re.search(lang.trie([]), "apa saja") is None


def test_lang_duplicate_entry_names_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "list.txt").write_text("# source: test\nsatu\ndua\nsatu\n", encoding="utf-8")
    monkeypatch.setattr(lang, "LANG_DIR", tmp_path)
    with pytest.raises(lang.LanguageDataError, match=r"lang/xx/list.txt:4: duplicate 'satu' \(first on line 2\)"):
        lang.lines("list.txt", "xx")


def test_lang_missing_file_is_named():
    with pytest.raises(lang.LanguageDataError, match="no_such.txt"):
        lang.lines("no_such.txt")


def test_lang_trie_literal_space_matches_only_a_space():
    rx = re.compile(lang.trie(["Baca ", "Baca", "Artikel ini "], literal=True))
    assert rx.fullmatch("Baca ") and rx.fullmatch("Artikel ini ")
    assert rx.fullmatch("Artikel\nini ") is None and rx.match("Baca\n").group() == "Baca"
