"""Custom autograd primitives: ``torch.autograd.Function`` subclasses with a hand-written backward.

A primitive of a reverse-mode engine is a forward computation plus its vector–Jacobian
product. ``torch.autograd.Function`` lets you add one: ``forward`` computes the output and
stores what the backward needs with ``ctx.save_for_backward``; ``backward`` receives the
gradient of the loss with respect to the output and returns one gradient per input of
``forward`` (``None`` for an input that needs none). Call it through ``.apply``.

- :class:`LinearFunction` — ``y = x Wᵀ + b`` with the three products ``g W``, ``gᵀ x``,
  ``Σ g``; it skips the gradients ``ctx.needs_input_grad`` says nobody needs.
- :class:`TanhFunction` — saves its *output* ``y`` and uses ``1 - y²``, the choice
  ``torch.tanh`` makes too.
- :class:`LogSumExpFunction` — a numerically stable ``log Σ exp`` along the last dimension whose
  backward is the softmax.
"""

import torch

from nnref._checks import require_floating, require_tensor


class LinearFunction(torch.autograd.Function):
    """``y = x Wᵀ + b`` for ``x`` of shape ``(..., in)``, ``W`` ``(out, in)``, ``b`` ``(out,)``."""

    @staticmethod
    def forward(ctx, x, weight, bias):
        ctx.save_for_backward(x, weight)
        return x @ weight.T + bias

    @staticmethod
    def backward(ctx, grad_out):
        x, weight = ctx.saved_tensors
        grad_x = grad_w = grad_b = None
        if ctx.needs_input_grad[0]:
            grad_x = grad_out @ weight  # (..., out) @ (out, in)
        if ctx.needs_input_grad[1]:
            grad_w = grad_out.reshape(-1, grad_out.shape[-1]).T @ x.reshape(-1, x.shape[-1])
        if ctx.needs_input_grad[2]:
            grad_b = grad_out.reshape(-1, grad_out.shape[-1]).sum(dim=0)
        return grad_x, grad_w, grad_b


class TanhFunction(torch.autograd.Function):
    """``tanh`` whose backward uses the saved output: ``dy/dx = 1 - y²``."""

    @staticmethod
    def forward(ctx, x):
        e = torch.exp(-2 * x.abs())
        y = torch.sign(x) * (1 - e) / (1 + e)
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad_out):
        (y,) = ctx.saved_tensors
        return grad_out * (1 - y * y)


class LogSumExpFunction(torch.autograd.Function):
    """``log Σ_k exp(x_k)`` over the last dimension; its gradient is ``softmax(x)``."""

    @staticmethod
    def forward(ctx, x):
        m = x.max(dim=-1, keepdim=True).values
        out = m.squeeze(-1) + torch.log(torch.exp(x - m).sum(dim=-1))
        ctx.save_for_backward(x, out)
        return out

    @staticmethod
    def backward(ctx, grad_out):
        x, out = ctx.saved_tensors
        return grad_out.unsqueeze(-1) * torch.exp(x - out.unsqueeze(-1))


def linear(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    """``LinearFunction.apply`` with torch-style checks of types and shapes."""
    for name, value in (("x", x), ("weight", weight), ("bias", bias)):
        require_tensor(name, value)
        require_floating(name, value)
    if weight.dim() != 2:
        raise ValueError(f"weight must be 2-D (out, in), got shape {tuple(weight.shape)}")
    if x.dim() < 1 or x.shape[-1] != weight.shape[1]:
        raise ValueError(f"x must end in in_features={weight.shape[1]}, got shape {tuple(x.shape)}")
    if tuple(bias.shape) != (weight.shape[0],):
        raise ValueError(f"bias must have shape ({weight.shape[0]},), got {tuple(bias.shape)}")
    return LinearFunction.apply(x, weight, bias)


def tanh(x: torch.Tensor) -> torch.Tensor:
    """``TanhFunction.apply`` for a floating-point tensor."""
    require_floating("x", require_tensor("x", x))
    return TanhFunction.apply(x)


def logsumexp(x: torch.Tensor) -> torch.Tensor:
    """``LogSumExpFunction.apply`` over the last dimension of a tensor with at least one dim."""
    require_floating("x", require_tensor("x", x))
    if x.dim() == 0 or x.shape[-1] == 0:
        raise ValueError(f"x must have a non-empty last dimension, got shape {tuple(x.shape)}")
    return LogSumExpFunction.apply(x)
