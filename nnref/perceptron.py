"""Rosenblatt's perceptron, its learning rule, and the two-layer network that solves XOR.

The perceptron computes ``y_hat = H(w . x + b)`` with the Heaviside step ``H(z) = 1`` for
``z > 0`` and ``0`` otherwise, and learns with Rosenblatt's rule: after each example,
``w <- w + lr * (y - y_hat) * x`` and ``b <- b + lr * (y - y_hat)``. It changes the weights only
on a mistake. On linearly separable data it stops making mistakes after at most ``(R / gamma)**2``
updates (Novikoff, 1962); on XOR it never does.

The XOR network is the classic 2-2-1 ReLU network ``y = w2 . relu(W1 x + b1) + b2`` with
``W1 = [[1, 1], [1, 1]]``, ``b1 = [0, -1]``, ``w2 = [1, -2]``, ``b2 = 0``; the threshold version
builds XOR as ``OR and not AND`` from three step units.
"""

from dataclasses import dataclass, field

import torch

from nnref._checks import require_floating, require_positive_int, require_tensor

# The hand-chosen weights of the 2-2-1 ReLU network that computes XOR exactly.
XOR_HIDDEN_WEIGHT = ((1.0, 1.0), (1.0, 1.0))
XOR_HIDDEN_BIAS = (0.0, -1.0)
XOR_OUTPUT_WEIGHT = ((1.0, -2.0),)
XOR_OUTPUT_BIAS = (0.0,)

# The four points of XOR and their labels.
XOR_INPUTS = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
XOR_TARGETS = (0.0, 1.0, 1.0, 0.0)


@dataclass
class PerceptronResult:
    """What ``train_perceptron`` returns.

    Attributes:
        weight: the learned weight vector, shape ``(features,)``.
        bias: the learned bias, a 0-dimensional tensor.
        mistakes: the number of mistakes (updates) in each epoch; training stops after the
            first epoch without a mistake, so a converged run ends with ``0``.
    """

    weight: torch.Tensor
    bias: torch.Tensor
    mistakes: list[int] = field(default_factory=list)

    @property
    def converged(self) -> bool:
        """Whether the last epoch made no mistake (the data are separated)."""
        return bool(self.mistakes) and self.mistakes[-1] == 0


def step(z: torch.Tensor) -> torch.Tensor:
    """The Heaviside threshold unit: ``1`` where ``z > 0``, ``0`` elsewhere (``H(0) = 0``).

    Equal to ``torch.heaviside(z, torch.tensor(0.0))`` for real ``z``.
    """
    require_tensor("z", z)
    require_floating("z", z)
    return (z > 0).to(z.dtype)


def _check_data(inputs: torch.Tensor, targets: torch.Tensor) -> None:
    require_tensor("inputs", inputs)
    require_tensor("targets", targets)
    require_floating("inputs", inputs)
    if inputs.dim() != 2:
        raise ValueError(
            f"inputs must be 2-D (examples, features), got shape {tuple(inputs.shape)}"
        )
    if targets.dim() != 1 or targets.shape[0] != inputs.shape[0]:
        raise ValueError(
            f"targets must be 1-D with one label per example ({inputs.shape[0]}), "
            f"got shape {tuple(targets.shape)}"
        )
    if not bool(((targets == 0) | (targets == 1)).all()):
        raise ValueError("targets must contain only the labels 0 and 1")


def predict(inputs: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    """The perceptron's outputs ``H(inputs @ weight + bias)``, shape ``(examples,)``."""
    require_tensor("inputs", inputs)
    require_tensor("weight", weight)
    if inputs.dim() != 2 or weight.dim() != 1 or inputs.shape[1] != weight.shape[0]:
        raise ValueError(
            f"inputs (examples, features) and weight (features,) do not match: "
            f"{tuple(inputs.shape)} and {tuple(weight.shape)}"
        )
    return step(inputs @ weight + bias)


def train_perceptron(
    inputs: torch.Tensor,
    targets: torch.Tensor,
    *,
    epochs: int = 100,
    lr: float = 1.0,
    generator: torch.Generator | None = None,
) -> PerceptronResult:
    """Train a perceptron with Rosenblatt's rule, one example at a time, from zero weights.

    Args:
        inputs: examples, shape ``(n, d)``, floating point.
        targets: labels ``0`` or ``1``, shape ``(n,)``.
        epochs: the largest number of passes over the data.
        lr: the learning rate ``> 0``. From zero weights it only scales ``w`` and ``b``, so the
            predictions and the mistakes do not depend on it.
        generator: if given, the examples are visited in a fresh random order each epoch
            (``torch.randperm(n, generator=generator)``); otherwise in their given order.

    Returns:
        The weights, the bias and the mistakes per epoch (see ``PerceptronResult``).
    """
    _check_data(inputs, targets)
    require_positive_int("epochs", epochs)
    if isinstance(lr, bool) or not isinstance(lr, int | float):
        raise TypeError(f"lr must be a number, got {type(lr).__name__}")
    if lr <= 0:
        raise ValueError(f"Invalid learning rate: {lr} (must be > 0)")
    n, d = inputs.shape
    weight = torch.zeros(d, dtype=inputs.dtype)
    bias = torch.zeros((), dtype=inputs.dtype)
    targets = targets.to(inputs.dtype)
    mistakes: list[int] = []
    for _ in range(epochs):
        order = torch.randperm(n, generator=generator) if generator is not None else range(n)
        count = 0
        for i in order:
            x, y = inputs[i], targets[i]
            error = y - step(x @ weight + bias)  # -1, 0 or +1
            if error != 0:
                weight = weight + lr * error * x
                bias = bias + lr * error
                count += 1
        mistakes.append(count)
        if count == 0:
            break
    return PerceptronResult(weight, bias, mistakes)


def novikoff_bound(
    inputs: torch.Tensor, targets: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | float
) -> float:
    """Novikoff's bound ``(R / gamma)**2`` on the number of perceptron updates.

    ``R`` is the largest norm of an augmented example ``(x, 1)``; ``gamma`` is the margin of the
    separating hyperplane ``(weight, bias)``: the smallest ``s * (w . x + b) / ||(w, b)||`` with
    ``s = 2 * y - 1``.

    Raises:
        ValueError: if ``(weight, bias)`` does not separate the data with a positive margin.
    """
    _check_data(inputs, targets)
    require_tensor("weight", weight)
    augmented = torch.cat([inputs, torch.ones(len(inputs), 1, dtype=inputs.dtype)], dim=1)
    w = torch.cat([weight.to(inputs.dtype), torch.as_tensor(bias, dtype=inputs.dtype).reshape(1)])
    signs = 2 * targets.to(inputs.dtype) - 1
    gamma = (signs * (augmented @ w)).min() / w.norm()
    if gamma <= 0:
        raise ValueError("weight and bias do not separate the data with a positive margin")
    radius = augmented.norm(dim=1).max()
    return float((radius / gamma) ** 2)


def linearly_separable_data(
    n: int, *, margin: float = 0.1, generator: torch.Generator | None = None
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, float]:
    """Points in the square ``[-1, 1]^2`` labelled by a known line, none closer than ``margin``.

    The line is ``w* . x + b* = 0`` with ``w* = (0.6, 0.8)`` (a unit vector) and ``b* = -0.2``.

    Returns:
        ``(inputs, targets, w_star, b_star)`` with inputs of shape ``(n, 2)`` in float64 and
        targets ``0``/``1`` of shape ``(n,)``.
    """
    require_positive_int("n", n)
    if not 0 <= margin < 0.5:
        raise ValueError(f"margin must be in [0, 0.5), got {margin}")
    w_star = torch.tensor([0.6, 0.8], dtype=torch.float64)
    b_star = -0.2
    kept: list[torch.Tensor] = []
    total = 0
    while total < n:
        points = torch.rand(2 * n, 2, generator=generator, dtype=torch.float64) * 2 - 1
        points = points[(points @ w_star + b_star).abs() >= margin]
        kept.append(points)
        total += len(points)
    inputs = torch.cat(kept)[:n]
    targets = (inputs @ w_star + b_star > 0).to(torch.float64)
    return inputs, targets, w_star, b_star


def xor_data(dtype: torch.dtype = torch.float32) -> tuple[torch.Tensor, torch.Tensor]:
    """The four XOR examples, shape ``(4, 2)``, and their labels ``0, 1, 1, 0``."""
    return torch.tensor(XOR_INPUTS, dtype=dtype), torch.tensor(XOR_TARGETS, dtype=dtype)


def xor_mlp_parameters(dtype: torch.dtype = torch.float32) -> dict[str, torch.Tensor]:
    """The hand-chosen weights of the 2-2-1 ReLU XOR network, named like ``nn.Sequential``'s.

    Keys: ``0.weight`` (2, 2), ``0.bias`` (2,), ``2.weight`` (1, 2), ``2.bias`` (1,): load them
    into ``nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))`` with
    ``load_state_dict``.
    """
    return {
        "0.weight": torch.tensor(XOR_HIDDEN_WEIGHT, dtype=dtype),
        "0.bias": torch.tensor(XOR_HIDDEN_BIAS, dtype=dtype),
        "2.weight": torch.tensor(XOR_OUTPUT_WEIGHT, dtype=dtype),
        "2.bias": torch.tensor(XOR_OUTPUT_BIAS, dtype=dtype),
    }


def xor_mlp(inputs: torch.Tensor) -> torch.Tensor:
    """The 2-2-1 ReLU network ``relu(x W1^T + b1) w2^T + b2`` with the XOR weights.

    Args:
        inputs: shape ``(n, 2)``.

    Returns:
        Shape ``(n, 1)``; exactly XOR (``0`` or ``1``) on the four corners of the unit square.
    """
    require_tensor("inputs", inputs)
    require_floating("inputs", inputs)
    if inputs.dim() != 2 or inputs.shape[1] != 2:
        raise ValueError(f"inputs must have shape (n, 2), got {tuple(inputs.shape)}")
    p = xor_mlp_parameters(inputs.dtype)
    hidden = (inputs @ p["0.weight"].T + p["0.bias"]).clamp(min=0)
    return hidden @ p["2.weight"].T + p["2.bias"]


def xor_threshold_network(inputs: torch.Tensor) -> torch.Tensor:
    """XOR from three threshold units: ``H(OR - AND - 0.5)``, shape ``(n,)``.

    ``OR = H(x1 + x2 - 0.5)`` and ``AND = H(x1 + x2 - 1.5)`` are two perceptrons of the hidden
    layer; the output perceptron fires when OR fires and AND does not.
    """
    require_tensor("inputs", inputs)
    require_floating("inputs", inputs)
    if inputs.dim() != 2 or inputs.shape[1] != 2:
        raise ValueError(f"inputs must have shape (n, 2), got {tuple(inputs.shape)}")
    total = inputs.sum(dim=1)
    either = step(total - 0.5)
    both = step(total - 1.5)
    return step(either - both - 0.5)


def compose_affine(
    weights: list[torch.Tensor], biases: list[torch.Tensor]
) -> tuple[torch.Tensor, torch.Tensor]:
    """Collapse a stack of affine maps ``x -> x W_k^T + b_k`` into one.

    With no nonlinearity between them, ``k`` linear layers compute one affine map with weight
    ``W = W_k ... W_2 W_1`` and bias ``b = W_k(... (W_2 b_1 + b_2) ...) + b_k``.

    Args:
        weights: ``W_1, ..., W_k`` in the order they are applied, ``W_i`` of shape
            ``(out_i, in_i)`` with ``in_{i+1} = out_i``.
        biases: ``b_1, ..., b_k``, ``b_i`` of shape ``(out_i,)``.

    Returns:
        ``(W, b)`` of shapes ``(out_k, in_1)`` and ``(out_k,)``.
    """
    if len(weights) != len(biases) or not weights:
        raise ValueError("weights and biases must be non-empty lists of the same length")
    weight, bias = weights[0], biases[0]
    for index, (w, b) in enumerate(zip(weights[1:], biases[1:], strict=True), start=1):
        require_tensor(f"weights[{index}]", w)
        if w.shape[1] != weight.shape[0]:
            raise ValueError(
                f"weights[{index}] expects {w.shape[1]} inputs but the previous layer "
                f"gives {weight.shape[0]}"
            )
        weight = w @ weight
        bias = w @ bias + b
    return weight, bias
