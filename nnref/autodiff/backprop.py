"""Backpropagation written out for a two-layer network, without autograd.

The network maps a batch ``x`` of shape ``(B, n_in)`` (one example per row, as ``nn.Linear``
expects) through

    z1 = x W1^T + b1      (B, n_hidden)
    h  = sigma(z1)        (B, n_hidden)
    z2 = h W2^T + b2      (B, n_out)

to a loss averaged over the batch: the mean squared error ``mean((z2 - y)^2)`` (as
``F.mse_loss``) or the softmax cross-entropy ``mean(-log softmax(z2)[y])`` (as
``F.cross_entropy``). The backward pass computes the error signals (deltas) of both layers and
from them the gradient of every parameter, with the batch mean taken once, in the weight
gradients: ``dL/dW2 = delta2^T h / B``.
"""

from dataclasses import dataclass

import torch

from nnref._checks import require_floating, require_tensor

ACTIVATIONS = ("tanh", "sigmoid", "relu")
LOSSES = ("mse", "cross_entropy")


@dataclass(frozen=True)
class TwoLayerPass:
    """Every value of one forward and backward pass of the two-layer network.

    Attributes:
        z1: Pre-activations of the hidden layer, ``(B, n_hidden)``.
        h: Hidden activations ``sigma(z1)``, ``(B, n_hidden)``.
        z2: Outputs (logits for cross-entropy), ``(B, n_out)``.
        loss: The scalar loss, averaged over the batch.
        delta2: ``dl_b/dz2`` per example (without the 1/B of the batch mean), ``(B, n_out)``.
        delta1: ``dl_b/dz1`` per example, ``(B, n_hidden)``.
        grad_w1: ``dL/dW1``, ``(n_hidden, n_in)``.
        grad_b1: ``dL/db1``, ``(n_hidden,)``.
        grad_w2: ``dL/dW2``, ``(n_out, n_hidden)``.
        grad_b2: ``dL/db2``, ``(n_out,)``.
    """

    z1: torch.Tensor
    h: torch.Tensor
    z2: torch.Tensor
    loss: torch.Tensor
    delta2: torch.Tensor
    delta1: torch.Tensor
    grad_w1: torch.Tensor
    grad_b1: torch.Tensor
    grad_w2: torch.Tensor
    grad_b2: torch.Tensor

    def gradients(self) -> dict[str, torch.Tensor]:
        """The parameter gradients by name, in the order ``w1, b1, w2, b2``."""
        return {"w1": self.grad_w1, "b1": self.grad_b1, "w2": self.grad_w2, "b2": self.grad_b2}


def activate(name: str, z: torch.Tensor) -> torch.Tensor:
    """Apply the activation ``name`` (``"tanh"``, ``"sigmoid"`` or ``"relu"``) elementwise."""
    _require_choice("activation", name, ACTIVATIONS)
    if name == "tanh":
        e = torch.exp(-2 * z.abs())
        return torch.sign(z) * (1 - e) / (1 + e)
    if name == "sigmoid":
        return 1 / (1 + torch.exp(-z))
    return z * (z > 0)


def activation_derivative(name: str, z: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
    """The derivative ``sigma'(z)``, written with the saved output ``h = sigma(z)`` where possible.

    tanh' = 1 - h^2, sigmoid' = h (1 - h), relu' = 1 where z > 0 else 0 (torch's choice at 0).
    """
    _require_choice("activation", name, ACTIVATIONS)
    if name == "tanh":
        return 1 - h * h
    if name == "sigmoid":
        return h * (1 - h)
    return (z > 0).to(z.dtype)


def softmax(z: torch.Tensor) -> torch.Tensor:
    """Softmax over the last dimension, shifted by the row maximum for stability."""
    e = torch.exp(z - z.max(dim=-1, keepdim=True).values)
    return e / e.sum(dim=-1, keepdim=True)


def forward(
    x: torch.Tensor,
    w1: torch.Tensor,
    b1: torch.Tensor,
    w2: torch.Tensor,
    b2: torch.Tensor,
    activation: str = "tanh",
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The forward pass: returns ``(z1, h, z2)`` for a batch ``x`` of shape ``(B, n_in)``."""
    _check_parameters(x, w1, b1, w2, b2)
    z1 = x @ w1.T + b1
    h = activate(activation, z1)
    z2 = h @ w2.T + b2
    return z1, h, z2


def backprop(
    x: torch.Tensor,
    target: torch.Tensor,
    w1: torch.Tensor,
    b1: torch.Tensor,
    w2: torch.Tensor,
    b2: torch.Tensor,
    *,
    activation: str = "tanh",
    loss: str = "mse",
) -> TwoLayerPass:
    """One forward and one explicit backward pass of the two-layer network.

    Args:
        x: Inputs, ``(B, n_in)``.
        target: For ``loss="mse"`` the targets, ``(B, n_out)``; for ``"cross_entropy"`` class
            indices ``(B,)`` (int64) or class probabilities ``(B, n_out)``.
        w1: ``(n_hidden, n_in)``. b1: ``(n_hidden,)``. w2: ``(n_out, n_hidden)``.
        b2: ``(n_out,)``.
        activation: ``"tanh"``, ``"sigmoid"`` or ``"relu"``.
        loss: ``"mse"`` (mean over every element, as ``F.mse_loss``) or ``"cross_entropy"``
            (softmax + negative log-likelihood, mean over the batch, as ``F.cross_entropy``).

    Returns:
        Every intermediate value, the loss, the deltas and the four parameter gradients.

    Raises:
        TypeError: An argument is not a floating-point tensor, or class indices are not integer.
        ValueError: Unknown ``activation`` or ``loss``, or shapes that do not fit together.
    """
    _require_choice("loss", loss, LOSSES)
    z1, h, z2 = forward(x, w1, b1, w2, b2, activation)
    batch, n_out = z2.shape
    if loss == "mse":
        _require_shape("target", target, (batch, n_out))
        require_floating("target", target)
        diff = z2 - target
        value = (diff * diff).mean()
        delta2 = 2 * diff / n_out  # d/dz2 of (1/n_out) * ||z2 - y||^2
    else:
        y = _probabilities(target, batch, n_out, z2.dtype)
        p = softmax(z2)
        value = -(y * torch.log(p)).sum(dim=1).mean()
        # d/dz2 of -sum_k y_k log softmax(z2)_k is p * sum_k y_k - y: p - y for one-hot rows.
        delta2 = p * y.sum(dim=1, keepdim=True) - y
    grad_w2 = delta2.T @ h / batch
    grad_b2 = delta2.mean(dim=0)
    delta1 = (delta2 @ w2) * activation_derivative(activation, z1, h)
    grad_w1 = delta1.T @ x / batch
    grad_b1 = delta1.mean(dim=0)
    return TwoLayerPass(
        z1=z1,
        h=h,
        z2=z2,
        loss=value,
        delta2=delta2,
        delta1=delta1,
        grad_w1=grad_w1,
        grad_b1=grad_b1,
        grad_w2=grad_w2,
        grad_b2=grad_b2,
    )


def _probabilities(target: torch.Tensor, batch: int, n_out: int, dtype: torch.dtype):
    """Class indices ``(B,)`` as one-hot rows, or probability rows ``(B, n_out)`` as given."""
    require_tensor("target", target)
    if target.dim() == 1:
        if target.dtype != torch.int64:
            raise TypeError(f"target class indices must be int64, got {target.dtype}")
        _require_shape("target", target, (batch,))
        if target.numel() and (target.min() < 0 or target.max() >= n_out):
            raise ValueError(f"target class indices must lie in [0, {n_out})")
        return (target[:, None] == torch.arange(n_out)).to(dtype)
    _require_shape("target", target, (batch, n_out))
    require_floating("target", target)
    return target


def _check_parameters(x, w1, b1, w2, b2) -> None:
    for name, value in (("x", x), ("w1", w1), ("b1", b1), ("w2", w2), ("b2", b2)):
        require_tensor(name, value)
        require_floating(name, value)
    if x.dim() != 2:
        raise ValueError(f"x must be 2-D (batch, n_in), got shape {tuple(x.shape)}")
    if w1.dim() != 2:
        raise ValueError(f"w1 must be 2-D (n_hidden, n_in), got shape {tuple(w1.shape)}")
    n_hidden, n_in = w1.shape
    if x.shape[1] != n_in:
        raise ValueError(f"x has {x.shape[1]} features but w1 expects n_in={n_in}")
    _require_shape("b1", b1, (n_hidden,))
    if w2.dim() != 2 or w2.shape[1] != n_hidden:
        raise ValueError(f"w2 must have shape (n_out, {n_hidden}), got {tuple(w2.shape)}")
    _require_shape("b2", b2, (w2.shape[0],))


def _require_shape(name: str, value: torch.Tensor, shape: tuple[int, ...]) -> None:
    require_tensor(name, value)
    if tuple(value.shape) != shape:
        raise ValueError(f"{name} must have shape {shape}, got {tuple(value.shape)}")


def _require_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")
