"""Count-based word vectors: vocabulary, co-occurrence matrix, PPMI, truncated SVD, neighbours.

The distributional hypothesis made computable: count how often each word occurs near each other
word (a symmetric window), reweight the counts by positive pointwise mutual information, compress
the rows with a truncated singular value decomposition (latent semantic analysis) and compare
words by the cosine of their vectors.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import torch
from torch import Tensor


@dataclass(frozen=True)
class Vocabulary:
    """Words with their ids and corpus counts; id 0 is the most frequent word.

    Attributes:
        words: The words, most frequent first (ties in alphabetical order).
        counts: ``int64`` tensor of shape ``(V,)``, the count of each word in the corpus.
    """

    words: tuple[str, ...]
    counts: Tensor

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: object) -> bool:
        return word in self._index

    @property
    def _index(self) -> dict[str, int]:
        index = self.__dict__.get("_cached_index")
        if index is None:
            index = {word: i for i, word in enumerate(self.words)}
            object.__setattr__(self, "_cached_index", index)
        return index

    def id(self, word: str) -> int:
        """The id of ``word``; ``KeyError`` if it is not in the vocabulary."""
        try:
            return self._index[word]
        except KeyError:
            raise KeyError(f"word {word!r} is not in the vocabulary") from None


def build_vocabulary(
    sentences: Iterable[Sequence[str]], min_count: int = 1, max_size: int | None = None
) -> Vocabulary:
    """The words that occur at least ``min_count`` times, most frequent first.

    Args:
        sentences: Tokenised sentences.
        min_count: Drop words seen fewer times (word2vec's ``min_count``).
        max_size: Keep at most this many words (the most frequent), ``None`` for all.
    """
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}")
    if max_size is not None and max_size < 1:
        raise ValueError(f"max_size must be positive or None, got {max_size}")
    counts = Counter(token for sentence in sentences for token in sentence)
    kept = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    if max_size is not None:
        kept = kept[:max_size]
    if not kept:
        raise ValueError("no word occurs min_count times: the vocabulary would be empty")
    return Vocabulary(tuple(kept), torch.tensor([counts[w] for w in kept], dtype=torch.int64))


def encode(sentences: Iterable[Sequence[str]], vocab: Vocabulary) -> list[Tensor]:
    """Each sentence as an ``int64`` tensor of word ids; words outside ``vocab`` are dropped.

    Dropping (rather than replacing by an unknown-word id) is what word2vec does: the remaining
    words move closer together. Sentences left empty are omitted.
    """
    index = vocab._index
    encoded = []
    for sentence in sentences:
        ids = [index[token] for token in sentence if token in index]
        if ids:
            encoded.append(torch.tensor(ids, dtype=torch.int64))
    return encoded


def flatten(encoded: Sequence[Tensor]) -> tuple[Tensor, Tensor]:
    """All ids in one tensor and, for each, the number of its sentence."""
    if not encoded:
        raise ValueError("encoded holds no sentence")
    ids = torch.cat(list(encoded))
    sentence = torch.repeat_interleave(
        torch.arange(len(encoded)), torch.tensor([len(s) for s in encoded])
    )
    return ids, sentence


def cooccurrence_matrix(
    encoded: Sequence[Tensor], vocab_size: int, window: int, weighting: str = "uniform"
) -> Tensor:
    """The symmetric word–word co-occurrence matrix ``C`` of shape ``(V, V)`` (``float64``).

    ``C[i, j]`` adds, for every occurrence of word ``i`` and every occurrence of word ``j`` at a
    distance ``1 <= d <= window`` within the same sentence, the weight 1 (``"uniform"``) or
    ``1/d`` (``"harmonic"``, as in GloVe). Each unordered pair of positions is counted from both
    sides, so ``C`` is symmetric and, with uniform weights, a sentence of ``n`` tokens adds
    ``sum_{d=1}^{min(window, n-1)} 2 (n - d)`` to the total.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    if vocab_size < 1:
        raise ValueError(f"vocab_size must be positive, got {vocab_size}")
    if weighting not in ("uniform", "harmonic"):
        raise ValueError(f"weighting must be 'uniform' or 'harmonic', got {weighting!r}")
    ids, sentence = flatten(encoded)
    if int(ids.max()) >= vocab_size or int(ids.min()) < 0:
        raise ValueError(f"encoded holds ids outside [0, vocab_size={vocab_size})")
    flat = torch.zeros(vocab_size * vocab_size, dtype=torch.float64)
    for d in range(1, window + 1):
        same = sentence[:-d] == sentence[d:]
        left, right = ids[:-d][same], ids[d:][same]
        weight = 1.0 if weighting == "uniform" else 1.0 / d
        values = torch.full((len(left),), weight, dtype=torch.float64)
        flat.index_add_(0, left * vocab_size + right, values)
        flat.index_add_(0, right * vocab_size + left, values)
    return flat.view(vocab_size, vocab_size)


def ppmi(counts: Tensor, context_power: float = 1.0) -> Tensor:
    """Positive pointwise mutual information of a co-occurrence matrix.

    ``PPMI[i, j] = max(0, log(P(i, j) / (P(i) P(j))))`` with ``P(i, j) = C[i, j] / N``,
    ``P(i) = C[i, :].sum() / N``, ``P(j) = C[:, j].sum() / N`` and ``N = C.sum()``; entries with
    ``C[i, j] = 0`` (PMI of minus infinity) are 0. With ``context_power`` ``alpha != 1`` the
    context probabilities are smoothed, ``P(j) = c_j^alpha / sum_k c_k^alpha`` (Levy et al.'s
    "context distribution smoothing", usually 0.75).
    """
    if counts.dim() != 2:
        raise ValueError(f"counts must be a matrix, got shape {tuple(counts.shape)}")
    if bool((counts < 0).any()):
        raise ValueError("counts must be non-negative")
    if context_power <= 0:
        raise ValueError(f"context_power must be positive, got {context_power}")
    counts = counts.to(torch.float64)
    total = counts.sum()
    p_word = counts.sum(1, keepdim=True) / total
    context = counts.sum(0, keepdim=True) ** context_power
    p_context = context / context.sum()
    with torch.no_grad():
        pmi = torch.log(counts / total) - torch.log(p_word) - torch.log(p_context)
    return torch.where(counts > 0, pmi, torch.zeros(())).clamp(min=0)


def truncated_svd(matrix: Tensor, rank: int) -> tuple[Tensor, Tensor, Tensor]:
    """The ``rank`` largest singular triplets: ``U_k (m, k)``, ``S_k (k,)``, ``Vh_k (k, n)``."""
    if matrix.dim() != 2:
        raise ValueError(f"matrix must be 2-D, got shape {tuple(matrix.shape)}")
    if not 1 <= rank <= min(matrix.shape):
        raise ValueError(f"rank must be in [1, {min(matrix.shape)}], got {rank}")
    u, s, vh = torch.linalg.svd(matrix, full_matrices=False)
    return u[:, :rank], s[:rank], vh[:rank]


def svd_vectors(matrix: Tensor, dim: int, power: float = 1.0) -> Tensor:
    """Word vectors ``U_k diag(S_k)^power`` of shape ``(V, dim)`` from a truncated SVD.

    ``power=1`` gives the rows of the best rank-``dim`` approximation in the basis ``V_k``;
    ``power=0.5`` (often better for similarity) and ``0`` (``U_k`` alone) weight the singular
    directions less.
    """
    u, s, _ = truncated_svd(matrix, dim)
    return u * s**power


def cosine_similarities(vectors: Tensor, query: Tensor) -> Tensor:
    """Cosine of ``query`` (shape ``(D,)``) with every row of ``vectors`` (``(V, D)``): ``(V,)``.

    Zero vectors get similarity 0.
    """
    if vectors.dim() != 2 or query.shape != vectors.shape[1:]:
        raise ValueError(
            f"vectors must be (V, D) and query (D,), got {tuple(vectors.shape)} "
            f"and {tuple(query.shape)}"
        )
    norms = vectors.norm(dim=1) * query.norm()
    dots = vectors @ query
    return torch.where(norms > 0, dots / norms.clamp(min=torch.finfo(dots.dtype).tiny), 0.0)


def nearest_neighbours(
    vectors: Tensor, vocab: Vocabulary, word: str, k: int = 5
) -> list[tuple[str, float]]:
    """The ``k`` words whose vectors have the largest cosine with ``word``'s (itself excluded)."""
    if not 1 <= k < len(vocab):
        raise ValueError(f"k must be in [1, {len(vocab) - 1}], got {k}")
    if vectors.shape[0] != len(vocab):
        raise ValueError(f"vectors has {vectors.shape[0]} rows, the vocabulary {len(vocab)} words")
    i = vocab.id(word)
    similarity = cosine_similarities(vectors, vectors[i]).clone()
    similarity[i] = -float("inf")
    values, indices = torch.topk(similarity, k)
    return [(vocab.words[j], float(v)) for v, j in zip(values, indices.tolist(), strict=True)]
