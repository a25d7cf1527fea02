"""Training-side domain adaptation (kabar.train.ner [domain]): no ../shared needed."""
from kabar.train.ner import domain_copier, feature_kind, training_examples


def test_train_feature_kind_strips_the_value():
    assert feature_kind("w=kota") == "w"
    assert feature_kind("-1c2=17") == "-1c2"
    assert feature_kind("cue=di|T") == "cue"
    assert feature_kind("BOS") == "BOS"


def test_train_domain_copier_off_by_default():
    assert domain_copier({}) is None
    assert domain_copier({"enabled": False, "features": "all"}) is None


def test_train_domain_copier_copies_all_features_with_corpus_prefix():
    copy = domain_copier({"enabled": True, "features": "all"})
    sent = [["b", "w=kota", "-1w=di"], ["b", "w=."]]
    out = copy(sent, "nerp")
    assert out == [["b", "w=kota", "-1w=di", "D=nerp:b", "D=nerp:w=kota", "D=nerp:-1w=di"],
                   ["b", "w=.", "D=nerp:b", "D=nerp:w=."]]
    assert sent == [["b", "w=kota", "-1w=di"], ["b", "w=."]]  # input untouched


def test_train_domain_copier_copies_only_chosen_kinds_and_corpora():
    copy = domain_copier({"enabled": True, "features": ["b", "w", "c1"], "corpora": ["nerp"]})
    sent = [["b", "w=kota", "c1=17", "c2=5", "bg+=kota|besar", "-1w=di"]]
    assert copy(sent, "nerp") == [sent[0] + ["D=nerp:b", "D=nerp:w=kota", "D=nerp:c1=17"]]
    assert copy(sent, "nerui") == sent  # corpora not listed keep their features only


def test_train_examples_carry_their_corpus(tmp_path):
    for name in ("satu", "dua"):
        d = tmp_path / "data" / "ner" / name
        d.mkdir(parents=True)
        (d / "train.tsv").write_text(f"{name}\tO\nKota\tB-LOC\n\n", encoding="utf-8")
    cfg = {"data": {"corpora": ["satu", "dua"], "repeat": {"dua": 2}}}
    assert [c for _, _, c in training_examples(tmp_path, cfg)] == ["satu", "dua", "dua"]
    assert training_examples(tmp_path, cfg)[0][:2] == (["satu", "Kota"], ["O", "B-LOC"])


def test_train_domain_copier_scales_the_copies():
    copy = domain_copier({"enabled": True, "features": ["w"], "scale": 0.25})
    out = copy([["b", "w=kota", "gB=LOC", "gB=LOC"]], "idner-news-2k")
    assert out == [{"b": 1.0, "w=kota": 1.0, "gB=LOC": 2.0, "D=idner-news-2k:w=kota": 0.25}]


def test_train_drops_sentences_that_look_unannotated(tmp_path):
    from kabar.train.ner import looks_unannotated

    assert looks_unannotated(["Ia", "ke", "Bandara", "Sepinggan", "."], ["O"] * 5)
    assert not looks_unannotated(["Ia", "ke", "Bandara", "Sepinggan", "."], ["O", "O", "B-LOC", "I-LOC", "O"])
    assert not looks_unannotated(["Ia", "makan", "nasi", "."], ["O"] * 4)
    d = tmp_path / "data" / "ner" / "satu"
    d.mkdir(parents=True)
    d.joinpath("train.tsv").write_text("Ke\tO\nKota\tO\nBaru\tO\n\nIa\tO\ntidur\tO\n\n", encoding="utf-8")
    cfg = {"data": {"corpora": ["satu"], "drop_unannotated": ["satu"]}}
    assert [w for w, _, _ in training_examples(tmp_path, cfg)] == [["Ia", "tidur"]]
