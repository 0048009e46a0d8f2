from nnref.text.cooccurrence import build_vocabulary, encode
from nnref.text.word2vec import skipgram_pairs

sentence = ["adam", "adapts", "the", "step", "of", "every", "weight"]
vocab = build_vocabulary([sentence])
pairs = skipgram_pairs(encode([sentence], vocab), window=2)
print("pairs:", len(pairs))  # sum over d = 1..2 of 2 (7 - d) = 12 + 10
for centre in ("adam", "step"):
    contexts = [vocab.words[o] for c, o in pairs.tolist() if vocab.words[c] == centre]
    print(f"{centre} ->", contexts)
print("first pairs as ids:", pairs[:3].tolist())
print("dtype:", pairs.dtype, "shape:", tuple(pairs.shape))
