"""Connectionist temporal classification (CTC) loss by the forward (alpha) recursion.

For one example with frame log-probabilities ``log_probs`` of shape ``(T, C)`` and a label
sequence ``l`` of length ``S``, the extended sequence ``l'`` puts a blank before, between and
after the labels (length ``2S + 1``). ``alpha[t, s]`` is the log-probability of all paths of
``t + 1`` frames that end in ``l'[s]`` and collapse to ``l'[:s + 1]``; the loss is
``-log p(l | x) = -logsumexp(alpha[T - 1, 2S], alpha[T - 1, 2S - 1])``.

Everything runs in log space with a ``logsumexp`` that keeps unreachable cells at ``-inf`` with
zero gradient, so autograd differentiates :func:`ctc_loss` exactly. :func:`ctc_loss_gradient`
adds the backward (beta) recursion and returns the gradient in the form ``torch.nn.functional.
ctc_loss`` returns it (see its docstring).
"""

from collections.abc import Sequence

import torch

from nnref._checks import require_floating, require_reduction, require_tensor

INTEGER_DTYPES = (torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8)
Lengths = torch.Tensor | Sequence[int]


def _logsumexp(*terms: torch.Tensor) -> torch.Tensor:
    """Elementwise ``log(sum(exp(terms)))``; ``-inf`` with zero gradient where all are ``-inf``."""
    stacked = torch.stack(terms)
    peak = stacked.max(dim=0).values.detach()
    finite = torch.isfinite(peak)
    shift = torch.where(finite, peak, torch.zeros_like(peak))
    total = torch.exp(stacked - shift).sum(dim=0)
    safe = torch.where(finite, total, torch.ones_like(total))
    return torch.where(finite, shift + torch.log(safe), torch.full_like(total, -torch.inf))


def extend_with_blanks(target: torch.Tensor, blank: int) -> torch.Tensor:
    """The extended label sequence ``l'``: ``[blank, l1, blank, l2, ..., lS, blank]``."""
    extended = torch.full((2 * target.numel() + 1,), blank, dtype=torch.int64)
    extended[1::2] = target.to(torch.int64)
    return extended


def _can_skip(extended: torch.Tensor, blank: int) -> torch.Tensor:
    """Where ``alpha[t, s]`` may come from ``alpha[t - 1, s - 2]``: a label unlike ``l'[s - 2]``."""
    skip = torch.zeros(extended.numel(), dtype=torch.bool)
    skip[2:] = (extended[2:] != blank) & (extended[2:] != extended[:-2])
    return skip


def _shift(values: torch.Tensor, by: int) -> torch.Tensor:
    """``values`` shifted ``by`` places to higher indices (last dimension), ``-inf`` in front."""
    pad = torch.full((*values.shape[:-1], by), -torch.inf, dtype=values.dtype)
    return torch.cat([pad, values[..., :-by]], dim=-1)


def ctc_log_alpha(log_probs: torch.Tensor, target: torch.Tensor, blank: int = 0) -> torch.Tensor:
    """The forward lattice ``alpha`` of one example, in log space.

    Args:
        log_probs: frame log-probabilities ``(T, C)`` of this example (only its own frames).
        target: its labels ``(S,)``, none equal to ``blank``.
        blank: the blank class index.

    Returns:
        ``(T, 2S + 1)``: ``alpha[t, s] = log`` of the summed probability of the paths over
        frames ``0..t`` that end in ``l'[s]`` and collapse to the labels of ``l'[:s + 1]``.
        Unreachable cells hold ``-inf``.
    """
    extended = extend_with_blanks(target, blank)
    skip = _can_skip(extended, blank)
    emissions = log_probs[:, extended]
    neg_inf = torch.full_like(emissions[0], -torch.inf)
    first = neg_inf.clone()
    first[:2] = emissions[0, :2]
    rows = [first]
    for t in range(1, log_probs.shape[0]):
        previous = rows[-1]
        from_skip = torch.where(skip, _shift(previous, 2), neg_inf) if len(previous) > 2 else None
        terms = [previous, _shift(previous, 1)] + ([from_skip] if from_skip is not None else [])
        rows.append(emissions[t] + _logsumexp(*terms))
    return torch.stack(rows)


def ctc_log_beta(log_probs: torch.Tensor, target: torch.Tensor, blank: int = 0) -> torch.Tensor:
    """The backward lattice ``beta`` of one example, in log space (Graves' convention).

    ``beta[t, s]`` is the log-probability of the paths over frames ``t..T-1`` that start in
    ``l'[s]`` at frame ``t`` (its emission included) and complete the labels. So
    ``alpha[t, s] + beta[t, s] - log_probs[t, l'[s]]`` is the log-probability of all valid paths
    through cell ``(t, s)``. Computed as the alpha recursion of the time- and label-reversed
    problem.
    """
    reversed_alpha = ctc_log_alpha(log_probs.flip(0), target.flip(0), blank)
    return reversed_alpha.flip(0).flip(1)


def _lengths(name: str, lengths: Lengths, batch: int, batched: bool) -> torch.Tensor:
    """Validate ``input_lengths`` or ``target_lengths`` and return them as int64 ``(N,)``."""
    if not isinstance(lengths, torch.Tensor):
        if isinstance(lengths, int | bool) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in lengths
        ):
            raise TypeError(f"{name} must be a tensor or a sequence of ints")
        lengths = torch.tensor(list(lengths), dtype=torch.int64)
    if lengths.dtype not in INTEGER_DTYPES:
        raise TypeError(f"{name} must be integral, got {lengths.dtype}")
    expected = (batch,) if batched else ()
    if tuple(lengths.shape) != expected:
        raise ValueError(f"{name} must have shape {expected}, got {tuple(lengths.shape)}")
    lengths = lengths.reshape(-1).to(torch.int64)
    if (lengths < 0).any():
        raise ValueError(f"{name} must be non-negative, got {lengths.tolist()}")
    return lengths


def _split_targets(
    targets: torch.Tensor, target_lengths: torch.Tensor, batched: bool
) -> list[torch.Tensor]:
    """Each example's labels, from padded ``(N, S)`` or concatenated ``(sum(lengths),)`` targets."""
    if targets.dtype not in INTEGER_DTYPES:
        raise TypeError(f"targets must hold integer class indices, got {targets.dtype}")
    if batched and targets.dim() == 2:
        if targets.shape[0] != target_lengths.numel():
            raise ValueError(
                f"padded targets must have shape (N, S) with N = {target_lengths.numel()}, "
                f"got {tuple(targets.shape)}"
            )
        if (target_lengths > targets.shape[1]).any():
            raise ValueError(
                f"target_lengths {target_lengths.tolist()} exceed the padded length "
                f"S = {targets.shape[1]} of targets"
            )
        return [row[:length] for row, length in zip(targets, target_lengths.tolist(), strict=True)]
    if targets.dim() != 1:
        raise ValueError(
            "targets must have shape (N, S) (padded) or (sum(target_lengths),) (concatenated), "
            f"got {tuple(targets.shape)}"
        )
    total = int(target_lengths.sum())
    if (batched and targets.numel() != total) or (not batched and targets.numel() < total):
        raise ValueError(
            f"concatenated targets must have sum(target_lengths) = {total} entries, "
            f"got {targets.numel()}"
        )
    return list(torch.split(targets[:total], target_lengths.tolist()))


def _prepare(
    log_probs: torch.Tensor,
    targets: torch.Tensor,
    input_lengths: Lengths,
    target_lengths: Lengths,
    blank: int,
    reduction: str,
) -> tuple[torch.Tensor, list[torch.Tensor], torch.Tensor, torch.Tensor, bool]:
    """Check every argument as torch does; return ``(T, N, C)`` log-probs and per-example data."""
    require_floating("log_probs", require_tensor("log_probs", log_probs))
    require_tensor("targets", targets)
    require_reduction(reduction)
    if log_probs.dim() not in (2, 3):
        raise ValueError(
            f"log_probs must have shape (T, N, C) or (T, C), got {tuple(log_probs.shape)}"
        )
    batched = log_probs.dim() == 3
    if not batched:
        log_probs = log_probs.unsqueeze(1)
    steps, batch, classes = log_probs.shape
    if isinstance(blank, bool) or not isinstance(blank, int):
        raise TypeError(f"blank must be an int, got {type(blank).__name__}")
    if not 0 <= blank < classes:
        raise ValueError(f"blank must be a class index in [0, {classes}), got {blank}")
    inputs = _lengths("input_lengths", input_lengths, batch, batched)
    lengths = _lengths("target_lengths", target_lengths, batch, batched)
    if (inputs > steps).any():
        raise ValueError(f"input_lengths must be at most T = {steps}, got {inputs.tolist()}")
    labels = _split_targets(targets, lengths, batched)
    for n, label in enumerate(labels):
        if ((label < 0) | (label >= classes)).any():
            raise ValueError(f"targets of example {n} must be class indices in [0, {classes})")
        if (label == blank).any():
            raise ValueError(f"targets of example {n} contain the blank index {blank}")
    return log_probs, labels, inputs, lengths, batched


def _reduce(
    losses: torch.Tensor, target_lengths: torch.Tensor, reduction: str, batched: bool
) -> torch.Tensor:
    """``none``: per example; ``sum``; ``mean``: each loss over its target length, then mean."""
    if reduction == "sum":
        return losses.sum()
    if reduction == "mean":
        return (losses / target_lengths.clamp(min=1).to(losses.dtype)).mean()
    return losses if batched else losses[0]


def ctc_loss(
    log_probs: torch.Tensor,
    targets: torch.Tensor,
    input_lengths: Lengths,
    target_lengths: Lengths,
    blank: int = 0,
    reduction: str = "mean",
    zero_infinity: bool = False,
) -> torch.Tensor:
    """CTC loss ``-log p(l | x)`` with the arguments of ``torch.nn.functional.ctc_loss``.

    Args:
        log_probs: frame log-probabilities ``(T, N, C)``, or ``(T, C)`` for one example.
        targets: padded ``(N, S)`` or concatenated ``(sum(target_lengths),)`` label indices
            (``(S,)`` unbatched); labels must differ from ``blank``.
        input_lengths: frames used per example, ``(N,)`` (a 0-d tensor unbatched), each ``<= T``.
        target_lengths: labels per example, ``(N,)`` (a 0-d tensor unbatched).
        blank: index of the blank class.
        reduction: ``'none'`` (one loss per example), ``'sum'``, or ``'mean'``: every loss divided
            by its target length (at least 1), then averaged over the batch.
        zero_infinity: replace infinite losses (no valid alignment) by 0, with zero gradient.

    Returns:
        ``(N,)`` for ``'none'`` (``()`` unbatched), else a scalar.

    Raises:
        TypeError: for non-tensor arguments, non-floating ``log_probs``, non-integer targets or
            lengths.
        ValueError: for wrong shapes, lengths out of range, labels outside ``[0, C)`` or equal to
            ``blank``, or an unknown ``reduction``.
    """
    log_probs, labels, inputs, lengths, batched = _prepare(
        log_probs, targets, input_lengths, target_lengths, blank, reduction
    )
    losses = []
    for n, label in enumerate(labels):
        frames = int(inputs[n])
        if frames == 0:
            log_p = log_probs.new_tensor(0.0 if label.numel() == 0 else -torch.inf)
        else:
            alpha = ctc_log_alpha(log_probs[:frames, n], label, blank)
            log_p = _logsumexp(*alpha[-1, -2:]) if label.numel() else alpha[-1, -1]
        losses.append(-log_p)
    loss = torch.stack(losses)
    if zero_infinity:
        loss = torch.where(torch.isinf(loss), torch.zeros_like(loss), loss)
    return _reduce(loss, lengths, reduction, batched)


def ctc_loss_gradient(
    log_probs: torch.Tensor,
    targets: torch.Tensor,
    input_lengths: Lengths,
    target_lengths: Lengths,
    blank: int = 0,
    reduction: str = "mean",
    zero_infinity: bool = False,
) -> torch.Tensor:
    """The gradient PyTorch's ``ctc_loss`` returns for ``log_probs``, by alpha and beta.

    The exact derivative of ``-log p`` with respect to ``log_probs[t, n, c]`` is
    ``-sum over s with l'[s] = c of exp(alpha + beta - log_probs - log p)``: minus the share of
    the probability mass of valid paths that go through class ``c`` at frame ``t``. PyTorch
    returns that **plus** ``exp(log_probs[t, n, c])`` (the softmax), which is what the gradient
    with respect to the logits would be if ``log_probs = log_softmax(logits)``: the extra term
    sums to ``p`` over classes and vanishes in the backward pass of ``log_softmax``. Frames at or
    beyond ``input_lengths[n]`` get 0; examples with no valid alignment get NaN on their frames,
    or 0 with ``zero_infinity``. The gradient is scaled like the loss: by 1 for ``'sum'`` and
    ``'none'`` (with an upstream gradient of ones), by ``1 / (N * max(1, target_length))`` for
    ``'mean'``.

    Args:
        log_probs: frame log-probabilities ``(T, N, C)`` or ``(T, C)``, as in :func:`ctc_loss`.
        targets: padded or concatenated labels, as in :func:`ctc_loss`.
        input_lengths: frames used per example, as in :func:`ctc_loss`.
        target_lengths: labels per example, as in :func:`ctc_loss`.
        blank: index of the blank class.
        reduction: ``'none'``, ``'sum'`` or ``'mean'``, which scales the gradient as above.
        zero_infinity: give examples without a valid alignment a zero gradient instead of NaN.

    Returns:
        A tensor of the shape of ``log_probs`` (``(T, N, C)`` or ``(T, C)``).
    """
    log_probs, labels, inputs, lengths, batched = _prepare(
        log_probs, targets, input_lengths, target_lengths, blank, reduction
    )
    log_probs = log_probs.detach()
    grad = torch.zeros_like(log_probs)
    batch = log_probs.shape[1]
    for n, label in enumerate(labels):
        frames = int(inputs[n])
        if frames == 0:
            continue
        lp = log_probs[:frames, n]
        alpha = ctc_log_alpha(lp, label, blank)
        beta = ctc_log_beta(lp, label, blank)
        log_p = _logsumexp(*alpha[-1, -2:]) if label.numel() else alpha[-1, -1]
        if zero_infinity and torch.isinf(log_p):
            continue
        extended = extend_with_blanks(label, blank)
        through = alpha + beta - lp[:, extended]
        per_class = torch.full_like(lp, -torch.inf)
        for s, c in enumerate(extended.tolist()):
            per_class[:, c] = _logsumexp(per_class[:, c], through[:, s])
        example = torch.exp(lp) - torch.exp(per_class - log_p)
        if reduction == "mean":
            example = example / (batch * max(1, int(lengths[n])))
        grad[:frames, n] = example
    return grad if batched else grad[:, 0]


__all__ = [
    "ctc_log_alpha",
    "ctc_log_beta",
    "ctc_loss",
    "ctc_loss_gradient",
    "extend_with_blanks",
]
