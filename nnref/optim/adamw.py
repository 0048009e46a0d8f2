"""AdamW, and the two ways to keep weights small: an L2 penalty in the loss, or weight decay.

- ``l2_penalty`` is the term ``(weight_decay / 2) * sum ||p||^2`` added to the loss; its gradient
  ``weight_decay * p`` is what ``torch.optim.SGD``/``Adam``/``Adamax(weight_decay=...)`` add to
  the gradient.
- ``decay_weights_`` shrinks the weights in place, ``p <- p * (1 - lr * weight_decay)``, outside
  the gradient: the decoupled weight decay of Loshchilov & Hutter that ``torch.optim.AdamW``
  applies before its Adam step.
- ``decay_groups`` splits a module's parameters into a decayed group (matrices and embeddings)
  and a group without decay (biases and normalisation weights), for an optimizer's param groups.
"""

from collections.abc import Iterable, Sequence

import torch
from torch import nn

from nnref._checks import require_non_negative
from nnref.optim.adam import Adam


class AdamW(Adam):
    """Plain-Python AdamW: Adam with decoupled weight decay, equal to ``torch.optim.AdamW``.

    Each step first shrinks ``p`` by the factor ``1 - lr * weight_decay``, then takes the Adam
    step computed from the gradient alone (see ``nnref.optim.adam``).
    """

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-3,
        betas: Sequence[float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
        amsgrad: bool = False,
        *,
        maximize: bool = False,
    ) -> None:
        super().__init__(
            params,
            lr,
            betas,
            eps,
            weight_decay,
            amsgrad,
            maximize=maximize,
            decoupled_weight_decay=True,
        )


def l2_penalty(params: Iterable[torch.Tensor], weight_decay: float) -> torch.Tensor:
    """The L2 penalty ``(weight_decay / 2) * sum_p ||p||^2``, to add to the loss.

    Its gradient with respect to ``p`` is ``weight_decay * p``.
    """
    weight_decay = require_non_negative("weight_decay value", weight_decay)
    terms = [(param * param).sum() for param in params]
    if not terms:
        raise ValueError("params is empty: there is nothing to penalise")
    return weight_decay / 2 * torch.stack(terms).sum()


def decay_weights_(params: Iterable[torch.Tensor], lr: float, weight_decay: float) -> None:
    """Decoupled weight decay, in place: ``p <- p * (1 - lr * weight_decay)`` for every ``p``."""
    lr = require_non_negative("learning rate", lr)
    weight_decay = require_non_negative("weight_decay value", weight_decay)
    with torch.no_grad():
        for param in params:
            param.mul_(1 - lr * weight_decay)


def decay_groups(module: nn.Module, weight_decay: float) -> list[dict]:
    """Two parameter groups: tensors of two or more dimensions decay, the others do not.

    Weight matrices, convolution kernels and embedding tables (``ndim >= 2``) get
    ``weight_decay``; biases and the scales and shifts of normalisation layers (``ndim < 2``)
    get 0. Parameters that do not require a gradient are left out.
    """
    weight_decay = require_non_negative("weight_decay value", weight_decay)
    trainable = [param for param in module.parameters() if param.requires_grad]
    return [
        {"params": [p for p in trainable if p.ndim >= 2], "weight_decay": weight_decay},
        {"params": [p for p in trainable if p.ndim < 2], "weight_decay": 0.0},
    ]
