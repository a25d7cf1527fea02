"""The numpy decoder must tag exactly as crfsuite does with the same model and features."""
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

import kabar
from kabar.ner import get_tagger
from kabar.ner.decode import CrfWeights, Decoder

REFERENCE = Path(__file__).parent / "fixtures" / "cnnindonesia-qaani-letter.txt"

SENTENCES = [
    "Presiden Joko Widodo mengunjungi Surabaya bersama Menteri BUMN .".split(),
    "juru bicara kementerian luar negeri retno marsudi berbicara di jakarta .".split(),
    ["Jakarta"],
    ["di", "Bandung"],
    [],
    "Badan Pusat Statistik ( BPS ) mencatat inflasi di Jawa Timur naik 5,95 persen pada Oktober .".split(),
    "Pemimpin Hamas Yahya Sinwar dan Pasukan Quds Iran disebut dalam surat itu".split(),
]


def reference_sentences() -> list[list[str]]:
    doc = kabar.analyze(REFERENCE.read_text(encoding="utf-8"), published="2023-11-17")
    out = []
    for a, b in doc.sentences:
        out.append([doc.text[s:e] for s, e in doc.tokens if s >= a and e <= b])
    return [s for s in out if s]


@pytest.fixture(scope="module")
def crf():
    tagger = pycrfsuite.Tagger()
    tagger.open(str(get_tagger().model_dir / "model.crfsuite"))
    yield tagger
    tagger.close()


def crfsuite_tags(crf, words):
    return crf.tag(get_tagger().featurizer.sentence(words)) if words else []


def fresh_decoder() -> Decoder:
    tg = get_tagger()
    return Decoder(tg.featurizer, tg.decoder.w)


def test_decoder_matches_crfsuite_in_one_batch(crf):
    sents = SENTENCES + reference_sentences()
    got = fresh_decoder().tag(sents)
    assert [len(t) for t in got] == [len(s) for s in sents]
    assert got == [crfsuite_tags(crf, s) for s in sents]


def test_decoder_gives_the_same_tags_alone_or_batched_and_after_clear():
    dec = fresh_decoder()
    batched = dec.tag(SENTENCES)
    dec.clear()
    alone = [dec.tag([s])[0] for s in SENTENCES]
    assert batched == alone
    assert dec.tag(SENTENCES) == batched  # warm rows give what cold rows gave


def test_decoder_table_grows_past_its_first_allocation(crf):
    dec = fresh_decoder()
    start = len(dec._table)
    words = [f"Kata{i}" for i in range(3000)]
    sents = [words[i:i + 30] for i in range(0, 3000, 30)]
    got = dec.tag(sents)
    assert len(dec._table) > start
    assert got[-1] == crfsuite_tags(crf, sents[-1])


def test_weights_read_from_model_file():
    w = CrfWeights.from_model(get_tagger().model_dir / "model.crfsuite")
    assert set(w.labels) == {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}
    assert w.state.shape == (len(w.attrs) + 1, len(w.labels))
    assert not w.state[0].any()  # row 0 is the zero row unknown features fall to
    o, b_per, i_per = (w.labels.index(x) for x in ("O", "B-PER", "I-PER"))
    assert w.trans[b_per, i_per] > w.trans[o, i_per]  # a name continues after B-PER, not after O


def test_decoder_tags_long_inputs_in_chunks(monkeypatch, crf):
    dec = fresh_decoder()
    monkeypatch.setattr(Decoder, "CHUNK", 3)
    got = dec.tag(SENTENCES * 2)  # 14 sentences: five chunks, empty ones included
    assert got == [crfsuite_tags(crf, s) for s in SENTENCES * 2]


def test_decoder_matches_crfsuite_on_a_model_with_every_feature_option(tmp_path):
    """A tiny model trained here with all conjunctions on: the decoder must read every column."""
    from kabar.ner.features import Featurizer

    tg = get_tagger()
    feats = Featurizer(tg.featurizer.clusters, tg.featurizer.gazetteer,
                       conjoin=True, conjoin_context=True, conjoin_next=True, split_lower=True)
    data = [
        ("Presiden Joko Widodo tiba di Surabaya .", "O B-PER I-PER O O B-LOC O"),
        ("Kementerian Luar Negeri menolak klaim itu .", "B-ORG I-ORG I-ORG O O O O"),
        ("warga kota bandung berkumpul di alun-alun .", "O O B-LOC O O O O"),
        ("Menteri Retno Marsudi bertemu Sergey Lavrov di Jakarta .", "O B-PER I-PER O B-PER I-PER O B-LOC O"),
        ("Polda Metro Jaya menangkap dua orang di Bekasi .", "B-ORG I-ORG I-ORG O O O O B-LOC O"),
    ]
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in data:
        trainer.append(feats.sentence(words.split()), tags.split())
    trainer.set_params({"max_iterations": 30, "c2": 0.01})
    model = tmp_path / "tiny.crfsuite"
    trainer.train(str(model))
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    weights = CrfWeights.from_model(model)
    assert any(a.startswith("nxt=") for a in weights.attrs)
    assert any(a.startswith("lbg+=") for a in weights.attrs) and any(a.startswith("lw=") for a in weights.attrs)
    sents = [w.split() for w, _ in data] + SENTENCES + [["Jakarta", "Barat"], ["di"]]
    dec = Decoder(feats, weights)
    got = dec.tag(sents)
    assert got == [crf.tag(feats.sentence(s)) if s else [] for s in sents]
    # and every token's score is exactly the sum of its features' weights
    ids = dec.rows(sents)
    scores = dec._table[ids].sum(axis=1)
    expected = [sum((weights.state[weights.attrs[a]] for a in f if a in weights.attrs),
                    np.zeros(len(weights.labels))) for s in sents if s for f in feats.sentence(s)]
    np.testing.assert_allclose(scores, np.array(expected), atol=1e-9)


def test_tagger_batch_gives_each_sentence_its_own_valid_bio():
    from kabar.ner.tagger import Tagger

    tg = get_tagger()
    sents = SENTENCES + [["(", "Jakarta", ")"], ["Presiden", "(", "Joko", "Widodo", ")", "tiba"]]
    raw = fresh_decoder().tag(sents)
    got = tg.tag(sents)
    assert got == [Tagger._repair(w, t) for w, t in zip(sents, raw)]
    for words, tags in zip(sents, got):
        assert all(t == "O" for w, t in zip(words, tags) if w in "()")
        # no I- opens a sentence or follows a different type, across sentence joins too
        assert all(t[:2] != "I-" or (i and tags[i - 1][2:] == t[2:]) for i, t in enumerate(tags))


@pytest.mark.parametrize("lc", [False, True])
def test_word_rows_template_by_template_equal_the_featurizers_lists(lc):
    # The decoder learns new forms from attribute-id matrices (kabar.ner.wordrows);
    # their rows must be bit for bit the sums of the featurizer's feature lists.
    from kabar.ner.wordrows import row_sums

    dec = fresh_decoder()
    f = dec.f
    forms = ["Jakarta", "JAKARTA", "jakarta", "di", "A", "AB", "1A", "Rp15", "5,95", "-", "--",
             "“", "X-Men", "3-4", "İstanbul", "Σ", "²", "McDonald's", "kementerian", "",
             "Yudhoyono", "BNPB", "mengunjungi", "(", "e-KTP", "COVID-19", "x"]
    if lc:
        forms = [w.lower() for w in forms]
    ids = dec._feature_ids
    got = [row_sums(dec.w.state, ids.own(forms, lc))]
    want = [dec._table[dec._add_rows([f._own_features(w, lc) for w in forms])]]
    ctx = ids.ctx(forms, lc)
    for off in Decoder.OFFSETS:
        got.append(row_sums(dec.w.state, ctx[off]))
        want.append(dec._table[dec._add_rows([f.ctx_all(w, lc)[off] for w in forms])])
    for g, w in zip(got, want):
        assert g.shape == w.shape
        assert (g == w).all()
    assert (got[0] != 0).any()
