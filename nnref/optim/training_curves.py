"""A small deterministic training problem on which optimizers and learning rates are compared.

``regression_data`` is a fixed synthetic data set: 128 points of the square [-2, 2]^2 and the
smooth target sin(2 x1) cos(1.5 x2). ``initial_weights`` are the starting weights of a 2-32-1
network with a tanh hidden layer and no bias vectors: a constant input column of ones plays the
first bias, so every parameter is a matrix (Muon accepts only matrices). ``loss_curve`` trains
a fresh copy with any ``torch.optim`` class and returns the mean squared error before every
step and after the last one.
"""

import math
from collections.abc import Callable

import torch

SAMPLES = 128
HIDDEN = 32


def regression_data() -> tuple[torch.Tensor, torch.Tensor]:
    """Inputs ``(128, 3)`` (two features and a column of ones) and targets ``(128, 1)``."""
    generator = torch.Generator().manual_seed(0)
    x = torch.rand(SAMPLES, 2, generator=generator) * 4 - 2
    y = torch.sin(2 * x[:, :1]) * torch.cos(1.5 * x[:, 1:])
    return torch.cat([x, torch.ones(SAMPLES, 1)], dim=1), y


def initial_weights() -> list[torch.Tensor]:
    """The two weight matrices ``(32, 3)`` and ``(1, 32)``, scaled by 1/sqrt(fan_in)."""
    generator = torch.Generator().manual_seed(1)
    first = torch.randn(HIDDEN, 3, generator=generator) / math.sqrt(3)
    second = torch.randn(1, HIDDEN, generator=generator) / math.sqrt(HIDDEN)
    return [first.requires_grad_(), second.requires_grad_()]


def mse(weights: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean squared error of the network with ``weights`` on ``(x, y)``."""
    first, second = weights
    return ((torch.tanh(x @ first.T) @ second.T - y) ** 2).mean()


def loss_curve(
    optimizer_class: Callable[..., torch.optim.Optimizer],
    steps: int,
    batch_size: int | None = None,
    **options: object,
) -> list[float]:
    """Train the network for ``steps`` steps; return the full-data loss at steps 0..steps.

    With ``batch_size=None`` every step sees the whole data set (a deterministic problem);
    otherwise each step sees the next minibatch of a seeded reshuffle of the data, epoch after
    epoch. A loss that overflows is recorded as ``inf`` and training stops there.
    """
    x, y = regression_data()
    weights = initial_weights()
    optimizer = optimizer_class(weights, **options)
    batches = _minibatches(batch_size)

    losses = []
    for _ in range(steps):
        with torch.no_grad():
            losses.append(_finite(mse(weights, x, y).item()))
        if math.isinf(losses[-1]):
            return losses + [math.inf] * (steps - len(losses) + 1)
        rows = next(batches)

        def closure(rows: torch.Tensor = rows) -> torch.Tensor:
            optimizer.zero_grad()
            loss = mse(weights, x[rows], y[rows])
            loss.backward()
            return loss

        optimizer.step(closure)
    with torch.no_grad():
        losses.append(_finite(mse(weights, x, y).item()))
    return losses


def _finite(value: float) -> float:
    """``value``, or ``inf`` when training has overflowed (inf or nan)."""
    return value if math.isfinite(value) else math.inf


def _minibatches(batch_size: int | None):
    """Row indices of every step: all rows, or the minibatches of seeded reshuffles."""
    everything = torch.arange(SAMPLES)
    if batch_size is None:
        while True:
            yield everything
    generator = torch.Generator().manual_seed(2)
    while True:
        yield from torch.randperm(SAMPLES, generator=generator).split(batch_size)
