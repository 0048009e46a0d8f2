import torch

from nnref.text.cooccurrence import build_vocabulary, encode
from nnref.text.corpus import load_corpus
from nnref.text.word2vec import keep_probabilities

vocab = build_vocabulary(load_corpus(), min_count=10)
tokens = torch.cat(encode(load_corpus(), vocab))
keep = keep_probabilities(vocab.counts, threshold=1e-3)  # paper: min(1, sqrt(t / f))

generator = torch.Generator().manual_seed(0)
kept = torch.bernoulli(keep[tokens], generator=generator).bool()  # 1 with probability p
print("tokens:", len(tokens), "-> kept:", int(kept.sum()))
for word in ("the", "a", "relu", "lstm"):
    share = kept[tokens == vocab.id(word)].float().mean()
    print(f"{word:>5}: keep probability {keep[vocab.id(word)]:.3f}, kept {share:.3f}")
