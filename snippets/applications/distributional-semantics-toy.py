import torch
import torch.nn.functional as F

from nnref.text.cooccurrence import build_vocabulary, cooccurrence_matrix, encode, ppmi

corpus = [
    "the cat drinks milk",
    "the dog drinks water",
    "the cat chases the mouse",
    "the dog chases the cat",
    "a kitten drinks milk",
    "the kitten chases a mouse",
]
sentences = [line.split() for line in corpus]
vocab = build_vocabulary(sentences)
print("vocabulary:", list(vocab.words))

# One-hot vectors: every two different words are orthogonal
one_hot = F.one_hot(torch.arange(len(vocab)), len(vocab)).double()
cat, dog, kitten, milk = (vocab.id(w) for w in ("cat", "dog", "kitten", "milk"))
print("one-hot cos(cat, dog):", F.cosine_similarity(one_hot[cat], one_hot[dog], dim=0).item())

# Co-occurrence counts in a window of 2 words on each side
counts = cooccurrence_matrix(encode(sentences, vocab), len(vocab), window=2)
print("symmetric:", torch.equal(counts, counts.T))
print("row 'cat': ", dict(zip(vocab.words, counts[cat].int().tolist(), strict=True)))

# PPMI, then 2-D vectors from the truncated SVD
weights = ppmi(counts)
u, s, vh = torch.linalg.svd(weights)
vectors = u[:, :2] * s[:2]


def cos(a, b):
    return round(F.cosine_similarity(vectors[a], vectors[b], dim=0).item(), 2)


print("2-D cos(cat, kitten):", cos(cat, kitten), " cos(cat, dog):", cos(cat, dog))
print("2-D cos(cat, milk):  ", cos(cat, milk))
