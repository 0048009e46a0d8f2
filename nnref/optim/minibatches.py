"""Minibatches: how many updates an epoch has, which examples each batch holds, and how noisy
the minibatch gradient is.

``shuffled_batches`` reproduces ``DataLoader(dataset, batch_size, shuffle=True,
generator=generator, drop_last=...)`` index for index, consuming ``generator`` exactly as the
single-process DataLoader does: for every epoch its iterator first draws a 64-bit base seed
(``torch.empty((), dtype=torch.int64).random_(generator=...)``, meant for worker processes),
then ``RandomSampler`` draws ``torch.randperm(n, generator=...)``, and when the epoch is
exhausted the sampler draws one more permutation and keeps none of it (``randperm(n)[:0]``).
"""

import math

import torch

from nnref._checks import require_positive_int, require_tensor


def iterations_per_epoch(n: int, batch_size: int, drop_last: bool = False) -> int:
    """Updates per epoch: ``ceil(n / batch_size)``, or ``floor(n / batch_size)`` when the last,
    smaller batch is dropped (``len(DataLoader)``)."""
    require_positive_int("n", n)
    require_positive_int("batch_size", batch_size)
    return n // batch_size if drop_last else math.ceil(n / batch_size)


def shuffled_batches(
    n: int, batch_size: int, generator: torch.Generator, drop_last: bool = False
) -> list[torch.Tensor]:
    """The index batches of one epoch, in ``DataLoader(shuffle=True, generator=...)`` order.

    Args:
        n: the number of examples.
        batch_size: examples per batch; the last batch holds ``n % batch_size`` examples
            unless ``drop_last`` drops it.
        generator: the ``torch.Generator`` the DataLoader was given; it advances as the
            DataLoader advances it, so consecutive calls give consecutive epochs.
        drop_last: drop the last batch if it is smaller than ``batch_size``.
    """
    require_positive_int("n", n)
    require_positive_int("batch_size", batch_size)
    if not isinstance(generator, torch.Generator):
        raise TypeError(f"generator must be a torch.Generator, got {type(generator).__name__}")
    torch.empty((), dtype=torch.int64).random_(generator=generator)  # the iterator's base seed
    order = torch.randperm(n, generator=generator)
    torch.randperm(n, generator=generator)  # drawn when the exhausted sampler stops
    batches = list(order.split(batch_size))
    if drop_last and n % batch_size:
        batches.pop()
    return batches


def minibatch_gradient_variance(per_example_grads: torch.Tensor, batch_size: int) -> float:
    """Expected squared error ``E ||g_B - g||^2`` of the minibatch mean gradient ``g_B``.

    ``g`` is the full-batch gradient (the mean of the ``n`` rows of ``per_example_grads``) and
    the batch is ``batch_size`` distinct examples drawn uniformly without replacement, as in a
    shuffled epoch. The result is ``sigma^2 / B * (n - B) / (n - 1)`` with
    ``sigma^2 = mean_i ||g_i - g||^2``: it falls as ``1 / B`` while ``B << n`` and is 0 at
    ``B = n``.
    """
    require_tensor("per_example_grads", per_example_grads)
    n = per_example_grads.shape[0] if per_example_grads.dim() else 0
    if n < 2:
        raise ValueError("per_example_grads needs at least two rows (one per example)")
    require_positive_int("batch_size", batch_size)
    if batch_size > n:
        raise ValueError(f"batch_size must be <= the number of examples {n}, got {batch_size}")
    flat = per_example_grads.reshape(n, -1)
    sigma2 = float(((flat - flat.mean(0)) ** 2).sum(1).mean())
    return sigma2 / batch_size * (n - batch_size) / (n - 1)
