"""Run a from-scratch optimizer and its ``torch.optim`` twin side by side on the same losses.

Tests and page snippets use it to show that two optimizers take identical steps: both start
from the same parameter values, and at step ``t`` both minimise the same ``loss(params, t)``.
"""

from collections.abc import Callable, Iterator, Sequence

import torch

Loss = Callable[[Sequence[torch.Tensor], int], torch.Tensor]


def minibatch_loss(params: Sequence[torch.Tensor], step: int) -> torch.Tensor:
    """A loss that changes every step, like a new minibatch: squared error to a random target
    (seeded by ``step``) plus a small non-quadratic term, summed over ``params``."""
    generator = torch.Generator().manual_seed(step)
    total = torch.zeros((), dtype=params[0].dtype)
    for param in params:
        target = torch.randn(param.shape, generator=generator, dtype=param.dtype)
        total = total + ((param - target) ** 2).sum() + 0.1 * torch.sin(param).sum()
    return total


def torch_params(optimizer: torch.optim.Optimizer) -> list[torch.Tensor]:
    """The parameters of a ``torch.optim`` optimizer, in the order they were given."""
    return [param for group in optimizer.param_groups for param in group["params"]]


def lockstep(
    ours: object,
    theirs: torch.optim.Optimizer,
    steps: int = 25,
    loss: Loss = minibatch_loss,
) -> Iterator[int]:
    """Step ``ours`` (it has ``.params``) and ``theirs`` ``steps`` times on ``loss``.

    Each step goes through a closure (``zero_grad``, loss, ``backward``), so that optimizers
    that evaluate the loss several times per step, such as L-BFGS, work too. Yields the step
    number after both optimizers have taken it, for the caller to compare them.
    """
    pairs = [(ours, ours.params), (theirs, torch_params(theirs))]
    for step in range(steps):
        for optimizer, params in pairs:

            def closure(optimizer=optimizer, params=params, step=step) -> torch.Tensor:
                optimizer.zero_grad()
                value = loss(params, step)
                value.backward()
                return value

            optimizer.step(closure)
        yield step


def assert_same_state(ours: dict, theirs: dict, where: str) -> None:
    """Raise ``AssertionError`` unless two per-parameter state dicts hold the same values.

    The keys must be the same; scalar entries (``step``, ``eta``, ``mu_product``..., 0-d tensors
    in torch) must be equal as numbers, tensors close (``torch.testing.assert_close``).
    """
    assert set(ours) == set(theirs), f"{where}: state keys {sorted(ours)} != {sorted(theirs)}"
    for key, value in theirs.items():
        if torch.is_tensor(value) and value.dim() > 0:
            torch.testing.assert_close(ours[key], value, msg=f"{where}, state {key!r}")
        else:
            assert float(ours[key]) == float(value), f"{where}, state {key!r}"
