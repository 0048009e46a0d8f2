"""A multilayer perceptron as a composition of layers: ``f = f_L o ... o f_1``."""

from collections.abc import Sequence

import torch

from nnref.activations.relu import relu
from nnref.layers.linear import linear

Layer = tuple[torch.Tensor, torch.Tensor | None]


def mlp_forward(input: torch.Tensor, layers: Sequence[Layer]) -> torch.Tensor:
    """Run ``input`` through linear layers with ReLU between them (none after the last).

    Args:
        input: tensor of shape ``(*, in_features)``.
        layers: ``(weight, bias)`` pairs; each weight's ``in_features`` must equal the
            previous layer's ``out_features``.

    Returns:
        The output of the last layer (its raw scores: no activation is applied to it).
    """
    if len(layers) == 0:
        raise ValueError("layers must contain at least one (weight, bias) pair")
    hidden = input
    for index, (weight, bias) in enumerate(layers):
        hidden = linear(hidden, weight, bias)
        if index < len(layers) - 1:
            hidden = relu(hidden)
    return hidden
