"""Figures of the text pages: word vectors of this site's own text, count-based and word2vec.

Every figure computes its vectors from the committed corpus snapshot (``nnref.text.corpus``):
PPMI + truncated SVD for distributional semantics, a short skip-gram or CBOW training run for
word2vec. The words shown are code names (activations, optimizers, layers), so the figures
carry no translatable text. Computations run on one torch thread, so the bytes do not depend on
the machine's thread count.
"""

import matplotlib.pyplot as plt
import torch
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from nnref._threads import one_thread
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, RED
from nnref.text.cooccurrence import Vocabulary, build_vocabulary, cooccurrence_matrix, encode, ppmi
from nnref.text.corpus import load_corpus
from nnref.text.word2vec import train

# Words of four families; each is a code name that occurs often enough in the snapshot.
FAMILIES = {
    BLUE: ("relu", "gelu", "elu", "silu", "tanh", "sigmoid", "softplus"),
    ORANGE: ("adam", "adamw", "nadam", "sgd", "rmsprop", "adagrad", "adadelta"),
    GREEN: ("lstm", "gru", "rnn"),
    RED: ("conv1d", "conv2d", "conv3d", "maxpool2d"),
}
CODE_NAMES = {word for words in FAMILIES.values() for word in words}


def _project(ax: Axes, vectors: torch.Tensor, vocab: Vocabulary) -> None:
    """Scatter the family words in the plane of the top two principal components."""
    words = [w for family in FAMILIES.values() for w in family]
    rows = torch.stack([vectors[vocab.id(w)] for w in words]).double()
    rows = rows / rows.norm(dim=1, keepdim=True)  # cosine geometry
    centred = rows - rows.mean(0)
    _, _, vh = torch.linalg.svd(centred, full_matrices=False)
    points = centred @ vh[:2].T
    points = points * torch.sign(points[0])  # fix the sign ambiguity of the SVD
    i = 0
    for colour, family in FAMILIES.items():
        for j, word in enumerate(family):
            x, y = points[i].tolist()
            ax.scatter([x], [y], color=colour, s=18, zorder=3)
            right = j % 2 == 0  # alternate sides so that neighbours' labels overlap less
            ax.annotate(
                word,
                (x, y),
                xytext=(4, 1) if right else (-4, -7),
                textcoords="offset points",
                ha="left" if right else "right",
                fontsize=8,
            )
            i += 1
    ax.set_xlabel("$z_1$")
    ax.set_ylabel("$z_2$")


def distributional_semantics_vectors() -> Figure:
    """Left: singular values of the PPMI matrix. Right: 2-D projection of the SVD vectors."""
    sentences = load_corpus()
    vocab = build_vocabulary(sentences, min_count=5, max_size=2000)
    with one_thread(), torch.random.fork_rng():
        torch.manual_seed(0)
        counts = cooccurrence_matrix(encode(sentences, vocab), len(vocab), window=4)
        weights = ppmi(counts, context_power=0.75)
        u, s, _ = torch.svd_lowrank(weights, q=100, niter=4)
        vectors = u * s.sqrt()
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5), width_ratios=(1, 1.5))
    left.semilogy(range(1, len(s) + 1), s.tolist(), color=BLUE)
    left.set_xlabel("$i$")
    left.set_ylabel(r"$\sigma_i$")
    _project(right, vectors, vocab)
    fig.tight_layout()
    return fig


def _word2vec_figure(architecture: str, lr: float) -> Figure:
    sentences = load_corpus()
    vocab = build_vocabulary(sentences, min_count=10)
    result = train(
        architecture,
        encode(sentences, vocab),
        vocab.counts,
        dim=32,
        window=4,
        negatives=5,
        steps=200,
        batch_size=1024,
        lr=lr,
        threshold=1e-3,
        seed=0,
    )
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5), width_ratios=(1, 1.5))
    losses = torch.tensor(result.losses)
    smooth = losses.unfold(0, 10, 1).mean(1)
    left.plot(range(1, len(losses) + 1), losses.tolist(), color=GREY, linewidth=0.8)
    left.plot(range(10, len(losses) + 1), smooth.tolist(), color=BLUE)
    left.axhline(6 * torch.log(torch.tensor(2.0)).item(), color=RED, linestyle="--", linewidth=1)
    left.set_xlabel("$t$")
    left.set_ylabel("$L$")
    _project(right, result.model.input.weight.detach(), vocab)
    fig.tight_layout()
    return fig


def skip_gram_vectors() -> Figure:
    """Skip-gram on the site's text: loss per step and 2-D projection of the input vectors."""
    return _word2vec_figure("skip-gram", lr=0.05)


def cbow_vectors() -> Figure:
    """CBOW on the site's text: loss per step and 2-D projection of the input vectors."""
    return _word2vec_figure("cbow", lr=0.02)


FIGURES = {
    "distributional-semantics-vectors": distributional_semantics_vectors,
    "skip-gram-vectors": skip_gram_vectors,
    "cbow-vectors": cbow_vectors,
}
