import pytest

from kabar.ner import NerModelError, Tagger, get_tagger
from kabar.ner.conll import parse_conll


def spans(words, tags):
    out, cur = [], None
    for w, t in zip(words, tags + ["O"]):
        if t.startswith("B-") or t == "O":
            if cur:
                out.append((cur[0], " ".join(cur[1])))
            cur = (t[2:], [w]) if t != "O" else None
        else:
            cur[1].append(w)
    if cur:
        out.append((cur[0], " ".join(cur[1])))
    return out


def tag(sentence):
    words = sentence.split()
    return spans(words, get_tagger().tag([words])[0])


def test_ner_get_tagger_is_cached():
    assert get_tagger() is get_tagger()


def test_ner_tags_person_and_location():
    got = tag("Presiden Joko Widodo mengunjungi Surabaya bersama Menteri BUMN .")
    assert ("PER", "Joko Widodo") in got
    assert ("LOC", "Surabaya") in got


def test_ner_tags_organisation():
    got = tag("Juru bicara Kementerian Luar Negeri , Retno Marsudi , berbicara di Jakarta .")
    assert ("ORG", "Kementerian Luar Negeri") in got
    assert ("PER", "Retno Marsudi") in got
    assert ("LOC", "Jakarta") in got


def test_ner_copes_with_lower_case():
    got = tag("presiden joko widodo mengunjungi surabaya pada hari senin .")
    assert ("PER", "joko widodo") in got
    assert ("LOC", "surabaya") in got


def test_ner_plain_sentence_has_no_entities():
    assert tag("Harga beras naik lagi minggu ini .") == []


def test_ner_output_shape_matches_input():
    sents = [["Bandung", "hujan", "."], [], ["Ia", "pulang"]]
    tags = get_tagger().tag(sents)
    assert [len(t) for t in tags] == [3, 0, 2]
    valid = {"O"} | {f"{p}-{k}" for p in "BI" for k in ("PER", "ORG", "LOC")}
    assert all(t in valid for ts in tags for t in ts)


def test_ner_repairs_dangling_inside_tag():
    assert Tagger._repair(list("abcd"), ["O", "I-PER", "I-PER", "I-LOC"]) == ["O", "B-PER", "I-PER", "B-LOC"]


def test_ner_brackets_are_never_inside_a_name():
    words = "Susilo Bambang Yudhoyono ( SBY ) hadir".split()
    tags = ["B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"]
    assert Tagger._repair(words, tags) == ["B-PER", "I-PER", "I-PER", "O", "B-PER", "O", "O"]


def test_ner_missing_model_names_the_path(tmp_path):
    with pytest.raises(NerModelError, match="model.crfsuite"):
        Tagger(tmp_path)


def test_ner_conll_parser_reads_first_and_last_column():
    sents = parse_conll(["Ani\tNNP\tB-PER\n", "tidur\tVB\tO\n", "\n", "\n", "Ya\n"])
    assert sents == [(["Ani", "tidur"], ["B-PER", "O"]), (["Ya"], [""])]


def test_ner_packaged_config_round_trips(tmp_path):
    import tomllib

    from kabar.ner import MODEL_DIR
    from kabar.train.ner import write_config

    with open(MODEL_DIR / "config.toml", "rb") as f:
        cfg = tomllib.load(f)
    write_config(cfg, tmp_path)
    with open(tmp_path / "config.toml", "rb") as f:
        assert tomllib.load(f) == cfg
    assert cfg["clusters"]["enabled"] and cfg["features"]["conjoin"]


def test_ner_case_profile_bins_mid_sentence_capitals():
    from kabar.train.clusters import case_profile

    news = [["Warga", "kota", "Surabaya", "senang", "."]] * 3 + [["Ke", "Surabaya", "lagi", "."]]
    prof = case_profile(news)
    assert prof["surabaya"] == "k5" and prof["kota"] == "k0"
    assert "warga" not in prof  # only sentence-initial: case says nothing


def test_ner_training_sentences_rebalance_corpora(tmp_path):
    from kabar.train.ner import training_sentences

    for name, n in (("besar", 10), ("kecil", 2)):
        d = tmp_path / "data" / "ner" / name
        d.mkdir(parents=True)
        rows = "".join(f"{name}{i}\tO\nbaca\tO\n\n" for i in range(n))
        (d / "train.tsv").write_text(rows, encoding="utf-8")
    cfg = {"data": {"corpora": ["besar", "kecil"], "seed": 13,
                    "sample": {"besar": 0.5}, "repeat": {"kecil": 3}}}
    data = training_sentences(tmp_path, cfg)
    firsts = [words[0] for words, _ in data]
    assert sum(w.startswith("besar") for w in firsts) == 5
    assert firsts.count("kecil0") == 3 and firsts.count("kecil1") == 3
    assert data == training_sentences(tmp_path, cfg)  # fixed seed: same pick


def test_ner_training_sentences_fractional_repeat(tmp_path):
    from kabar.train.ner import training_sentences

    d = tmp_path / "data" / "ner" / "kecil"
    d.mkdir(parents=True)
    (d / "train.tsv").write_text("".join(f"kata{i}\tO\n\n" for i in range(10)), encoding="utf-8")
    cfg = {"data": {"corpora": ["kecil"], "seed": 13, "repeat": {"kecil": 1.5}}}
    firsts = [words[0] for words, _ in training_sentences(tmp_path, cfg)]
    assert len(firsts) == 15 and set(firsts) == {f"kata{i}" for i in range(10)}  # all once, five twice
    assert sorted(firsts.count(w) for w in set(firsts)) == [1] * 5 + [2] * 5
