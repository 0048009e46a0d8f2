"""word2vec from scratch: skip-gram and CBOW with negative sampling (Mikolov et al., 2013).

Every word ``w`` has two vectors, rows of two tables: an input vector ``v_w`` (the word as the
centre or as context being read) and an output vector ``u_w`` (the word as the one predicted).
Skip-gram predicts each context word ``o`` from the centre word ``c``; CBOW predicts the centre
word from the mean ``h`` of its context words' input vectors. With negative sampling the
prediction of the true word becomes a logistic regression of the true word against ``K`` noise
words drawn from the unigram distribution raised to the power 3/4:

    loss = -log sigmoid(u_o . h) - sum_k log sigmoid(-u_k . h)      (h = v_c for skip-gram)

This module generates the training examples (pairs, context windows), draws the noise words,
subsamples frequent words, computes the losses and their gradients by hand, and trains the two
tables (``nn.Embedding``) with SGD or Adam.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from nnref._threads import one_thread
from nnref.text.cooccurrence import flatten


def skipgram_pairs(encoded: Sequence[Tensor], window: int) -> Tensor:
    """Every (centre, context) pair at distance ``1 <= d <= window`` within a sentence.

    Args:
        encoded: Sentences as ``int64`` id tensors.
        window: The largest distance between centre and context (word2vec's ``window``).

    Returns:
        ``int64`` tensor of shape ``(P, 2)``: column 0 the centre id, column 1 the context id.
        Pairs come sorted by centre position, then by the context's position.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    ids, sentence = flatten(encoded)
    n = len(ids)
    position = torch.arange(n)
    centres, contexts = [], []
    for offset in [*range(-window, 0), *range(1, window + 1)]:
        target = position + offset
        clipped = target.clamp(0, n - 1)
        valid = (target >= 0) & (target < n) & (sentence[clipped] == sentence)
        centres.append(position[valid])
        contexts.append(target[valid])
    centre, context = torch.cat(centres), torch.cat(contexts)
    order = torch.argsort(centre * n + context)
    return torch.stack([ids[centre[order]], ids[context[order]]], dim=1)


def cbow_windows(encoded: Sequence[Tensor], window: int) -> tuple[Tensor, Tensor, Tensor]:
    """One CBOW example per token: its context ids, which of them are real, and the centre id.

    Args:
        encoded: Sentences as ``int64`` id tensors.
        window: Context words on each side of the centre.

    Returns:
        ``contexts`` of shape ``(N, 2 * window)`` (positions ``-window .. -1, 1 .. window``; a
        position outside the sentence holds id 0), ``mask`` of the same shape (``True`` where
        the position is inside the sentence) and ``centres`` of shape ``(N,)``. Tokens with no
        context at all (one-word sentences) are left out.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    ids, sentence = flatten(encoded)
    n = len(ids)
    position = torch.arange(n)
    offsets = torch.tensor([*range(-window, 0), *range(1, window + 1)])
    target = position[:, None] + offsets[None, :]
    inside = (target >= 0) & (target < n)
    clipped = target.clamp(0, n - 1)
    mask = inside & (sentence[clipped] == sentence[:, None])
    contexts = torch.where(mask, ids[clipped], torch.zeros((), dtype=torch.int64))
    keep = mask.any(dim=1)
    return contexts[keep], mask[keep], ids[keep]


def noise_distribution(counts: Tensor, power: float = 0.75) -> Tensor:
    """The negative-sampling distribution ``P_n(w) = count(w)^power / sum_v count(v)^power``."""
    if counts.dim() != 1 or len(counts) == 0:
        raise ValueError(f"counts must be a non-empty vector, got shape {tuple(counts.shape)}")
    if bool((counts < 0).any()) or not bool((counts > 0).any()):
        raise ValueError("counts must be non-negative with at least one positive count")
    weights = counts.to(torch.float64) ** power
    return weights / weights.sum()


def sample_negatives(
    probs: Tensor, shape: tuple[int, ...], generator: torch.Generator | None = None
) -> Tensor:
    """Draw noise word ids of the given shape, independently, from ``probs`` (with replacement)."""
    if any(size < 0 for size in shape):
        raise ValueError(f"shape must be non-negative, got {shape}")
    total = 1
    for size in shape:
        total *= size
    flat = torch.multinomial(probs, total, replacement=True, generator=generator)
    return flat.view(shape)


def keep_probabilities(counts: Tensor, threshold: float = 1e-5, rule: str = "paper") -> Tensor:
    """The probability of keeping each occurrence of each word when subsampling.

    With the word's frequency ``f = count / total`` and the threshold ``t``:

    - ``"paper"`` (Mikolov et al. 2013b): discard with probability ``1 - sqrt(t / f)``, i.e.
      keep with ``min(1, sqrt(t / f))``;
    - ``"code"`` (the authors' word2vec.c): keep with ``min(1, (sqrt(f / t) + 1) t / f)``.
    """
    if threshold <= 0:
        raise ValueError(f"threshold must be positive, got {threshold}")
    if rule not in ("paper", "code"):
        raise ValueError(f"rule must be 'paper' or 'code', got {rule!r}")
    if counts.dim() != 1 or bool((counts <= 0).any()):
        raise ValueError("counts must be a vector of positive counts")
    f = counts.to(torch.float64) / counts.sum()
    if rule == "paper":
        keep = torch.sqrt(threshold / f)
    else:
        keep = (torch.sqrt(f / threshold) + 1) * threshold / f
    return keep.clamp(max=1.0)


def subsample(
    encoded: Sequence[Tensor],
    keep: Tensor,
    generator: torch.Generator | None = None,
) -> list[Tensor]:
    """Drop each token independently with probability ``1 - keep[id]`` (before windowing)."""
    out = []
    for sentence in encoded:
        kept = torch.bernoulli(keep[sentence], generator=generator).bool()
        if bool(kept.any()):
            out.append(sentence[kept])
    return out


def negative_sampling_loss(h: Tensor, u_pos: Tensor, u_neg: Tensor) -> Tensor:
    """Per-example loss ``-log s(u_o . h) - sum_k log s(-u_k . h)``, ``s`` the sigmoid.

    Args:
        h: ``(B, D)`` the hidden vectors (skip-gram: ``v_c``; CBOW: the context mean).
        u_pos: ``(B, D)`` output vectors of the true words.
        u_neg: ``(B, K, D)`` output vectors of the noise words.

    Returns:
        ``(B,)`` losses.
    """
    _check_batch(h, u_pos, u_neg)
    positive = (u_pos * h).sum(-1)
    negative = torch.einsum("bkd,bd->bk", u_neg, h)
    return -F.logsigmoid(positive) - F.logsigmoid(-negative).sum(-1)


def negative_sampling_grads(h: Tensor, u_pos: Tensor, u_neg: Tensor) -> tuple[Tensor, ...]:
    """Hand-derived gradients of ``negative_sampling_loss`` (each example's loss, not the mean).

    With ``s_o = u_o . h`` and ``s_k = u_k . h``:
    ``dL/dh = (s(s_o) - 1) u_o + sum_k s(s_k) u_k``, ``dL/du_o = (s(s_o) - 1) h`` and
    ``dL/du_k = s(s_k) h``.

    Returns:
        ``(grad_h (B, D), grad_u_pos (B, D), grad_u_neg (B, K, D))``.
    """
    _check_batch(h, u_pos, u_neg)
    error_pos = torch.sigmoid((u_pos * h).sum(-1)) - 1  # (B,)
    error_neg = torch.sigmoid(torch.einsum("bkd,bd->bk", u_neg, h))  # (B, K)
    grad_h = error_pos[:, None] * u_pos + torch.einsum("bk,bkd->bd", error_neg, u_neg)
    return grad_h, error_pos[:, None] * h, error_neg[:, :, None] * h[:, None, :]


def context_mean(v_context: Tensor, mask: Tensor) -> Tensor:
    """CBOW's hidden vector: the mean of the real context vectors, ``(B, C, D) -> (B, D)``."""
    if v_context.dim() != 3 or mask.shape != v_context.shape[:2]:
        raise ValueError(
            f"v_context must be (B, C, D) and mask (B, C), got {tuple(v_context.shape)} "
            f"and {tuple(mask.shape)}"
        )
    weights = mask.to(v_context.dtype)
    count = weights.sum(1, keepdim=True)
    if bool((count == 0).any()):
        raise ValueError("every example needs at least one context word")
    return (weights[:, :, None] * v_context).sum(1) / count


def cbow_grads(
    v_context: Tensor, mask: Tensor, u_pos: Tensor, u_neg: Tensor
) -> tuple[Tensor, Tensor, Tensor]:
    """Hand-derived CBOW gradients: each real context vector gets ``dL/dh / |context|``.

    Returns:
        ``(grad_v_context (B, C, D), grad_u_pos (B, D), grad_u_neg (B, K, D))``; padded
        positions get zero.
    """
    h = context_mean(v_context, mask)
    grad_h, grad_pos, grad_neg = negative_sampling_grads(h, u_pos, u_neg)
    weights = mask.to(v_context.dtype)
    share = weights / weights.sum(1, keepdim=True)
    return share[:, :, None] * grad_h[:, None, :], grad_pos, grad_neg


def softmax_loss_and_grad(h: Tensor, output: Tensor, target: Tensor) -> tuple[Tensor, Tensor]:
    """The full-softmax loss ``-u_o . h + log sum_w exp(u_w . h)`` and its gradient in ``h``.

    Args:
        h: ``(B, D)`` hidden vectors.
        output: ``(V, D)`` every output vector.
        target: ``(B,)`` the true word ids.

    Returns:
        ``(B,)`` losses and ``dL/dh = sum_w p_w u_w - u_o`` of shape ``(B, D)``, where ``p`` is
        the softmax over the vocabulary: the cost is ``O(V D)`` per example.
    """
    scores = h @ output.T  # (B, V)
    log_norm = torch.logsumexp(scores, dim=1)
    loss = log_norm - scores.gather(1, target[:, None]).squeeze(1)
    probs = torch.exp(scores - log_norm[:, None])
    return loss, probs @ output - output[target]


def _check_batch(h: Tensor, u_pos: Tensor, u_neg: Tensor) -> None:
    if h.dim() != 2 or u_pos.shape != h.shape or u_neg.dim() != 3:
        raise ValueError(
            f"h and u_pos must be (B, D) and u_neg (B, K, D), got {tuple(h.shape)}, "
            f"{tuple(u_pos.shape)} and {tuple(u_neg.shape)}"
        )
    if u_neg.shape[0] != h.shape[0] or u_neg.shape[2] != h.shape[1]:
        raise ValueError(f"u_neg must be (B, K, D) = ({h.shape[0]}, K, {h.shape[1]})")


class Word2Vec(nn.Module):
    """The two tables of word2vec: input vectors ``v`` and output vectors ``u``, ``(V, D)`` each.

    Initialised like word2vec.c: input vectors uniform in ``[-0.5/D, 0.5/D)``, output vectors 0.
    """

    def __init__(self, vocab_size: int, dim: int) -> None:
        super().__init__()
        if vocab_size < 1 or dim < 1:
            raise ValueError(f"vocab_size and dim must be positive, got {vocab_size}, {dim}")
        self.input = nn.Embedding(vocab_size, dim)
        self.output = nn.Embedding(vocab_size, dim)
        with torch.no_grad():
            self.input.weight.uniform_(-0.5 / dim, 0.5 / dim)
            self.output.weight.zero_()

    def skipgram_loss(self, centre: Tensor, context: Tensor, negatives: Tensor) -> Tensor:
        """Mean negative-sampling loss of skip-gram pairs: ``(B,)``, ``(B,)``, ``(B, K)`` ids."""
        return negative_sampling_loss(
            self.input(centre), self.output(context), self.output(negatives)
        ).mean()

    def cbow_loss(
        self, contexts: Tensor, mask: Tensor, centre: Tensor, negatives: Tensor
    ) -> Tensor:
        """Mean negative-sampling loss of CBOW windows: ids ``(B, C)``, mask ``(B, C)``, ids
        ``(B,)`` and ``(B, K)``."""
        h = context_mean(self.input(contexts), mask)
        return negative_sampling_loss(h, self.output(centre), self.output(negatives)).mean()


@dataclass
class TrainResult:
    """What ``train`` returns: the model and the mean loss of every step."""

    model: Word2Vec
    losses: list[float]


def train(
    architecture: str,
    encoded: Sequence[Tensor],
    counts: Tensor,
    *,
    dim: int = 50,
    window: int = 4,
    negatives: int = 5,
    steps: int = 200,
    batch_size: int = 1024,
    lr: float = 0.01,
    optimizer: str = "adam",
    threshold: float | None = None,
    seed: int = 0,
) -> TrainResult:
    """Train skip-gram or CBOW with negative sampling on random minibatches.

    Args:
        architecture: ``"skip-gram"`` or ``"cbow"``.
        encoded: Sentences as id tensors (ids index ``counts``).
        counts: ``(V,)`` word counts: the noise distribution is ``counts^0.75``.
        dim: Vector size ``D``.
        window: Context words on each side.
        negatives: Noise words ``K`` per example.
        steps: Optimisation steps; each draws a random minibatch of examples.
        batch_size: Examples per step.
        lr: Learning rate.
        optimizer: ``"adam"`` or ``"sgd"``.
        threshold: Subsampling threshold ``t`` (paper rule), ``None`` for no subsampling; the
            corpus is subsampled once, before the examples are built.
        seed: Seeds the model's initialisation and every random draw.
    """
    if architecture not in ("skip-gram", "cbow"):
        raise ValueError(f"architecture must be 'skip-gram' or 'cbow', got {architecture!r}")
    if optimizer not in ("adam", "sgd"):
        raise ValueError(f"optimizer must be 'adam' or 'sgd', got {optimizer!r}")
    for name, value in (("negatives", negatives), ("steps", steps), ("batch_size", batch_size)):
        if value < 1:
            raise ValueError(f"{name} must be positive, got {value}")
    generator = torch.Generator().manual_seed(seed)
    if threshold is not None:
        encoded = subsample(encoded, keep_probabilities(counts, threshold), generator)
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        model = Word2Vec(len(counts), dim)
    probs = noise_distribution(counts)
    if architecture == "skip-gram":
        examples = (skipgram_pairs(encoded, window),)
    else:
        examples = cbow_windows(encoded, window)
    n = len(examples[0])
    if n == 0:
        raise ValueError("the corpus yields no training example")
    make = torch.optim.Adam if optimizer == "adam" else torch.optim.SGD
    opt = make(model.parameters(), lr=lr)
    losses: list[float] = []
    with one_thread():
        for _ in range(steps):
            batch = torch.randint(n, (batch_size,), generator=generator)
            noise = sample_negatives(probs, (batch_size, negatives), generator)
            if architecture == "skip-gram":
                pairs = examples[0][batch]
                loss = model.skipgram_loss(pairs[:, 0], pairs[:, 1], noise)
            else:
                contexts, mask, centres = (part[batch] for part in examples)
                loss = model.cbow_loss(contexts, mask, centres, noise)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
    return TrainResult(model, losses)
