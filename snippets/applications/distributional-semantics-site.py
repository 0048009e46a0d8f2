import torch

from nnref.text.cooccurrence import (
    build_vocabulary,
    cooccurrence_matrix,
    encode,
    nearest_neighbours,
    ppmi,
)
from nnref.text.corpus import load_corpus

torch.manual_seed(0)
sentences = load_corpus()  # snapshot of this site's English pages
vocab = build_vocabulary(sentences, min_count=5, max_size=2000)
counts = cooccurrence_matrix(encode(sentences, vocab), len(vocab), window=4)
weights = ppmi(counts, context_power=0.75).float()
print("co-occurrence matrix:", tuple(counts.shape), f"non-zero: {(counts > 0).float().mean():.1%}")

# 100-dimensional word vectors U_k S_k^(1/2) from a randomized truncated SVD
u, s, v = torch.svd_lowrank(weights, q=100, niter=4)
vectors = u * s.sqrt()
print("word vectors:", tuple(vectors.shape))
for word in ("relu", "adam", "lstm", "conv2d", "momentum"):
    print(f"{word:>8}:", ", ".join(w for w, _ in nearest_neighbours(vectors, vocab, word, k=4)))
