"""Why deep networks were hard to train before 2010: the gradient that reaches each layer.

A plain deep network ``h_l = phi(h_{l-1} W_l^T)`` (no biases, ``l = 1..depth``) is trained on
the loss ``L = mean over the batch of ||h_depth||^2 / 2``. Backpropagation multiplies the error by
``phi'(z_l)`` and ``W_l`` once per layer, so the gradient of the first layer's weights shrinks or
grows geometrically with depth unless the activation and the initial weights keep that product
near one. This module computes the per-layer gradient norms by hand (forward pass, then the
backward recursion) for the activations and initialisations of the history of deep learning:

* ``"normal"``: ``W ~ N(0, 1)``, the naive choice;
* ``"xavier"``: ``W ~ N(0, 2 / (fan_in + fan_out))`` (Glorot and Bengio, 2010);
* ``"kaiming"``: ``W ~ N(0, 2 / fan_in)`` (He et al., 2015), made for ReLU.
"""

import math

import torch
from torch import nn

from nnref._checks import require_floating, require_positive_int, require_tensor

SCHEMES = ("normal", "xavier", "kaiming")
ACTIVATIONS = ("sigmoid", "tanh", "relu")

# The configurations of the experiment on the history page: (activation, initialisation).
CONFIGURATIONS = (
    ("sigmoid", "normal"),
    ("sigmoid", "xavier"),
    ("relu", "normal"),
    ("relu", "kaiming"),
)


def init_std(scheme: str, fan_in: int, fan_out: int) -> float:
    """The standard deviation of a normal initialisation ``scheme`` for one weight matrix."""
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {SCHEMES}, got {scheme!r}")
    require_positive_int("fan_in", fan_in)
    require_positive_int("fan_out", fan_out)
    if scheme == "normal":
        return 1.0
    if scheme == "xavier":
        return math.sqrt(2.0 / (fan_in + fan_out))
    return math.sqrt(2.0 / fan_in)


def init_weights(
    depth: int,
    width: int,
    scheme: str,
    *,
    generator: torch.Generator | None = None,
    dtype: torch.dtype = torch.float64,
) -> list[torch.Tensor]:
    """``depth`` square weight matrices ``(width, width)`` drawn from ``N(0, init_std**2)``.

    Each matrix is filled by one ``normal_(0, std, generator=generator)`` call, in order, so the
    draws are those of ``torch.nn.init.normal_`` / ``xavier_normal_`` / ``kaiming_normal_``
    (``nonlinearity="relu"``) with the same generator.
    """
    require_positive_int("depth", depth)
    require_positive_int("width", width)
    std = init_std(scheme, width, width)
    return [
        torch.empty(width, width, dtype=dtype).normal_(0.0, std, generator=generator)
        for _ in range(depth)
    ]


def _activation(name: str) -> tuple:
    if name == "sigmoid":
        return torch.sigmoid, lambda z, h: h * (1 - h)
    if name == "tanh":
        return torch.tanh, lambda z, h: 1 - h * h
    if name == "relu":
        return lambda z: z.clamp(min=0), lambda z, h: (z > 0).to(z.dtype)
    raise ValueError(f"activation must be one of {ACTIVATIONS}, got {name!r}")


def gradient_norms(
    inputs: torch.Tensor, weights: list[torch.Tensor], activation: str
) -> torch.Tensor:
    """The Frobenius norm of ``dL/dW_l`` for every layer, computed by hand.

    Forward: ``z_l = h_{l-1} W_l^T``, ``h_l = phi(z_l)``, ``h_0 = inputs``;
    loss ``L = sum(h_depth**2) / (2 * batch)``. Backward: ``delta = h_depth / batch``, then for
    ``l = depth..1``: ``g_l = delta * phi'(z_l)``, ``dL/dW_l = g_l^T h_{l-1}``,
    ``delta = g_l W_l``.

    Args:
        inputs: shape ``(batch, width)``, floating point.
        weights: ``W_1..W_depth``, each ``(width_out, width_in)``.
        activation: ``"sigmoid"``, ``"tanh"`` or ``"relu"``.

    Returns:
        Shape ``(depth,)``: the norm for layer 1 (next to the input) first.
    """
    require_tensor("inputs", inputs)
    require_floating("inputs", inputs)
    if inputs.dim() != 2:
        raise ValueError(f"inputs must be 2-D (batch, width), got shape {tuple(inputs.shape)}")
    if not weights:
        raise ValueError("weights must be a non-empty list of matrices")
    phi, phi_prime = _activation(activation)
    hs = [inputs]
    zs = []
    for index, w in enumerate(weights):
        require_tensor(f"weights[{index}]", w)
        if w.dim() != 2 or w.shape[1] != hs[-1].shape[1]:
            raise ValueError(
                f"weights[{index}] must have shape (out, {hs[-1].shape[1]}), got {tuple(w.shape)}"
            )
        zs.append(hs[-1] @ w.T)
        hs.append(phi(zs[-1]))
    delta = hs[-1] / inputs.shape[0]
    norms = [torch.zeros((), dtype=inputs.dtype)] * len(weights)
    for layer in reversed(range(len(weights))):
        g = delta * phi_prime(zs[layer], hs[layer + 1])
        norms[layer] = (g.T @ hs[layer]).norm()
        delta = g @ weights[layer]
    return torch.stack(norms)


def as_sequential(weights: list[torch.Tensor], activation: str) -> nn.Sequential:
    """The same network as an ``nn.Sequential`` of bias-free ``nn.Linear`` and activation layers."""
    module = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}
    if activation not in module:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")
    layers: list[nn.Module] = []
    for w in weights:
        linear = nn.Linear(w.shape[1], w.shape[0], bias=False, dtype=w.dtype)
        with torch.no_grad():
            linear.weight.copy_(w)
        layers += [linear, module[activation]()]
    return nn.Sequential(*layers)


def signal_experiment(
    depth: int = 20, width: int = 64, batch: int = 32, seed: int = 0
) -> dict[tuple[str, str], torch.Tensor]:
    """Per-layer gradient norms for each of ``CONFIGURATIONS``, in float64.

    Every configuration uses the same inputs (``N(0, 1)``, drawn first from a generator seeded
    with ``seed``) and its own weights, drawn next from the same generator.
    """
    generator = torch.Generator().manual_seed(seed)
    inputs = torch.randn(batch, width, generator=generator, dtype=torch.float64)
    results = {}
    for activation, scheme in CONFIGURATIONS:
        weights = init_weights(depth, width, scheme, generator=generator)
        results[(activation, scheme)] = gradient_norms(inputs, weights, activation)
    return results
