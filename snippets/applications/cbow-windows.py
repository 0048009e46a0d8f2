from nnref.text.cooccurrence import build_vocabulary, encode
from nnref.text.word2vec import cbow_windows

sentence = ["the", "lstm", "keeps", "a", "cell", "state"]
vocab = build_vocabulary([sentence])
contexts, mask, centres = cbow_windows(encode([sentence], vocab), window=2)
print("shapes:", tuple(contexts.shape), tuple(mask.shape), tuple(centres.shape))
for row, real, centre in zip(contexts.tolist(), mask.tolist(), centres.tolist(), strict=True):
    words = [vocab.words[i] if ok else "-" for i, ok in zip(row, real, strict=True)]
    print(f"{words} -> {vocab.words[centre]}")
