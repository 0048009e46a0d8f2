from nnref.text.cooccurrence import build_vocabulary, encode, nearest_neighbours
from nnref.text.corpus import load_corpus
from nnref.text.word2vec import train

sentences = load_corpus()  # snapshot of this site's English pages
vocab = build_vocabulary(sentences, min_count=10)
encoded = encode(sentences, vocab)
print("vocabulary:", len(vocab), "words; tokens:", sum(len(s) for s in encoded))

# Skip-gram, 5 negatives, window 4, subsampling t = 1e-3, Adam; 200 steps of 1024 pairs
result = train(
    "skip-gram",
    encoded,
    vocab.counts,
    dim=32,
    window=4,
    negatives=5,
    steps=200,
    batch_size=1024,
    lr=0.05,
    threshold=1e-3,
    seed=0,
)
first, last = result.losses[:10], result.losses[-10:]
print(f"loss: {sum(first) / 10:.2f} -> {sum(last) / 10:.2f} (6 ln 2 = 4.16 at the start)")
vectors = result.model.input.weight.detach()  # the input vectors v are the word vectors
for word in ("relu", "adam", "lstm", "conv2d"):
    print(f"{word:>7}:", ", ".join(w for w, _ in nearest_neighbours(vectors, vocab, word, k=4)))
