"""Word clusters learnt from unannotated Indonesian news, for the NER CRF.

Recipe (cheap, deterministic, nothing downloaded):
1. tokenise ``data/news/*.jsonl`` (plus the NER *train* tokens) with spaCy's
   Indonesian tokenizer, lower-case, digits -> 0;
2. count each vocabulary word's left and right neighbours among the most
   frequent context words (two positions each side), weight by positive PMI;
3. reduce with truncated SVD and cluster the unit-length vectors with k-means
   at several granularities (fixed seed).
Each word then gets one cluster id per granularity; coarse ids generalise,
fine ids separate e.g. city names from first names. A last column bins how
often news capitalises the word mid-sentence (``case_profile``).
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

_DIGITS = re.compile(r"\d")


def corpus_sentences(shared: Path, cfg: dict):
    """(tokens, is_news) pairs, digits -> 0, case kept: news paragraphs, then NER train sentences."""
    import spacy

    tok = spacy.blank("id").tokenizer
    for path in sorted((shared / "data" / "news").glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                text = (json.loads(line).get("text") or "")
                for para in text.split("\n"):
                    if para.strip():
                        yield [_DIGITS.sub("0", t.text) for t in tok(para) if not t.is_space], True
    from ..ner.conll import read_conll

    for name in cfg.get("ner_train", []):
        for words, _ in read_conll(shared / "data" / "ner" / name / "train.tsv"):
            yield [_DIGITS.sub("0", w) for w in words], False


def cooccurrence(sents: list[list[str]], vocab: dict[str, int], ctx: dict[str, int], window: int):
    """Sparse counts: row = vocab word, column = (relative position, context word)."""
    from scipy.sparse import coo_matrix

    offsets = [o for o in range(-window, window + 1) if o]
    n_ctx = len(ctx)
    counts: Counter = Counter()
    for s in sents:
        ids = [vocab.get(w, -1) for w in s]
        cids = [ctx.get(w, -1) for w in s]
        n = len(s)
        for i, r in enumerate(ids):
            if r < 0:
                continue
            for k, o in enumerate(offsets):
                j = i + o
                if 0 <= j < n and cids[j] >= 0:
                    counts[(r, k * n_ctx + cids[j])] += 1
    rows, cols = zip(*counts.keys())
    return coo_matrix((list(counts.values()), (rows, cols)),
                      shape=(len(vocab), len(offsets) * n_ctx), dtype=np.float64).tocsr()


def ppmi(m):
    m = m.tocoo()
    total = m.sum()
    rs = np.asarray(m.sum(axis=1)).ravel()
    cs = np.asarray(m.sum(axis=0)).ravel() ** 0.75  # context smoothing (Levy et al. 2015)
    cs = cs / cs.sum() * total
    pmi = np.log(m.data * total / (rs[m.row] * cs[m.col]))
    keep = pmi > 0
    from scipy.sparse import coo_matrix

    return coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()


def kmeans(x: np.ndarray, k: int, seed: int, iters: int = 25) -> np.ndarray:
    """Spherical k-means with k-means++-style seeding; deterministic for a seed."""
    from scipy.sparse import csr_matrix

    rng = np.random.default_rng(seed)
    n = x.shape[0]
    centres = [x[rng.integers(n)]]
    dist = 1 - x @ centres[0]
    for _ in range(1, k):
        p = np.maximum(dist, 0) ** 2
        centres.append(x[rng.choice(n, p=p / p.sum())])
        dist = np.minimum(dist, 1 - x @ centres[-1])
    c = np.stack(centres)
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        labels = np.argmax(x @ c.T, axis=1)
        onehot = csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(k, n))
        sums = np.asarray(onehot @ x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        c = np.where(norms > 0, sums / np.maximum(norms, 1e-9), c)  # empty clusters keep their centre
    return labels


_SENTENCE_START = {".", "!", "?", ":", '"', "“", "'", "(", "-", "–", "—"}
CASE_BINS = (0.1, 0.3, 0.5, 0.7, 0.9)


def case_profile(news: list[list[str]], min_count: int = 3) -> dict[str, str]:
    """Lower-cased word -> how often news capitalises it where case is free
    (not paragraph- or sentence-initial), as a bin label k0..k5. Lets the
    tagger know "surabaya" is a name even in all-lower-case text."""
    cap, seen = Counter(), Counter()
    for s in news:
        for prev, w in zip(s, s[1:]):
            if prev in _SENTENCE_START or not w[:1].isalpha():
                continue
            low = w.lower()
            seen[low] += 1
            cap[low] += w[:1].isupper()
    out = {}
    for w, n in seen.items():
        if n >= min_count:
            out[w] = "k%d" % sum(cap[w] / n >= b for b in CASE_BINS)
    return out


def build_clusters(shared: Path, cfg: dict, out: Path) -> None:
    from scipy.sparse.linalg import svds

    raw = list(corpus_sentences(shared, cfg))
    case = case_profile([s for s, is_news in raw if is_news])
    sents = [[w.lower() for w in s] for s, _ in raw]
    del raw
    freq = Counter(w for s in sents for w in s)
    words = sorted((w for w, c in freq.items() if c >= cfg.get("min_count", 3)),
                   key=lambda w: (-freq[w], w))[: cfg.get("max_vocab", 80000)]
    vocab = {w: i for i, w in enumerate(words)}
    ctx = {w: i for i, w in enumerate(words[: cfg.get("contexts", 2000)])}
    print(f"clusters: {len(sents)} sentences, {sum(freq.values())} tokens, vocab {len(vocab)}", file=sys.stderr)
    m = ppmi(cooccurrence(sents, vocab, ctx, cfg.get("window", 2)))
    u, s, _ = svds(m, k=cfg.get("dims", 100), random_state=cfg.get("seed", 13))
    order = np.argsort(-s)
    x = u[:, order] * np.sqrt(s[order])
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    ks = cfg.get("k", [32, 128, 512])
    labels = [kmeans(x, k, cfg.get("seed", 13) + i) for i, k in enumerate(ks)]
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# word clusters k={ks} from data/news + NER train tokens; built by kabar.train.clusters\n")
        for i, w in enumerate(words):
            if "\t" in w or not w.strip():
                continue
            ids = [str(int(lab[i])) for lab in labels] + [case.get(w, "k?")]
            f.write(w + "\t" + "\t".join(ids) + "\n")
