import torch

from nnref.text.cooccurrence import (
    build_vocabulary,
    cooccurrence_matrix,
    encode,
    nearest_neighbours,
    ppmi,
)
from nnref.text.corpus import load_corpus

sentences = load_corpus()
vocab = build_vocabulary(sentences, min_count=5, max_size=2000)
counts = cooccurrence_matrix(encode(sentences, vocab), len(vocab), window=4)


def mean_cosine(rows):  # average cosine between two different rows
    unit = rows / rows.norm(dim=1, keepdim=True)
    n = len(rows)
    return ((unit @ unit.T).sum() - n) / (n * n - n)


frequent = torch.arange(500)  # the 500 most frequent words
for name, matrix in (("raw counts", counts), ("PPMI", ppmi(counts))):
    print(
        f"{name:>10}: mean cosine {mean_cosine(matrix[frequent]):.2f};",
        "kernel ->",
        [w for w, _ in nearest_neighbours(matrix, vocab, "kernel", k=4)],
    )
