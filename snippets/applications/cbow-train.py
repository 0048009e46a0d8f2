from nnref.text.cooccurrence import build_vocabulary, encode, nearest_neighbours
from nnref.text.corpus import load_corpus
from nnref.text.word2vec import train

sentences = load_corpus()  # snapshot of this site's English pages
vocab = build_vocabulary(sentences, min_count=10)
encoded = encode(sentences, vocab)

# CBOW: the mean of up to 8 context vectors predicts the centre word; 5 negatives, Adam
result = train(
    "cbow",
    encoded,
    vocab.counts,
    dim=32,
    window=4,
    negatives=5,
    steps=200,
    batch_size=1024,
    lr=0.02,
    threshold=1e-3,
    seed=0,
)
first, last = result.losses[:10], result.losses[-10:]
print(f"loss: {sum(first) / 10:.2f} -> {sum(last) / 10:.2f}")
vectors = result.model.input.weight.detach()
for word in ("relu", "adam", "lstm", "conv2d"):
    print(f"{word:>7}:", ", ".join(w for w, _ in nearest_neighbours(vectors, vocab, word, k=4)))
