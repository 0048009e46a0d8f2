from nnref.text.cooccurrence import build_vocabulary
from nnref.text.corpus import load_corpus
from nnref.text.word2vec import noise_distribution

vocab = build_vocabulary(load_corpus(), min_count=10)
for power in (1.0, 0.75, 0.0):
    probs = noise_distribution(vocab.counts, power)
    top = probs[:10].sum().item()  # ids 0..9 are the ten most frequent words
    rare = probs[-500:].sum().item()  # the 500 rarest words of the vocabulary
    print(
        f"power {power:4}: 10 most frequent {top:6.1%}, 500 rarest {rare:6.1%}, "
        f"'the' {probs[vocab.id('the')].item():6.2%}"
    )
