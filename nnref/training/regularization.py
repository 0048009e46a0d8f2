"""Penalty regularisers from scratch: L2, L1 and elastic net, their gradients, and the
parameter groups that exclude biases and normalisation parameters from weight decay.

    L2:          R(w) = (lam / 2) * sum w^2        grad = lam * w
    L1:          R(w) = lam * sum |w|              subgradient = lam * sign(w)  (0 at w = 0)
    elastic net: R(w) = l1 * sum |w| + (l2 / 2) * sum w^2

``torch.optim.SGD(weight_decay=lam)`` adds ``lam * w`` to every gradient: exactly the gradient
of the L2 penalty above, so SGD with weight decay is SGD on ``loss + l2_penalty``.
"""

from collections.abc import Iterable

import torch
from torch import nn

from nnref._checks import require_non_negative, require_tensor

# Modules whose parameters are scales and shifts of a normalisation, not weights to shrink.
NORM_LAYERS: tuple[type[nn.Module], ...] = (
    nn.modules.batchnorm._BatchNorm,
    nn.modules.instancenorm._InstanceNorm,
    nn.LayerNorm,
    nn.GroupNorm,
    nn.RMSNorm,
)


def _tensors(params: torch.Tensor | Iterable[torch.Tensor]) -> list[torch.Tensor]:
    if isinstance(params, torch.Tensor):
        return [params]
    result = list(params)
    for index, param in enumerate(result):
        require_tensor(f"params[{index}]", param)
    return result


def l2_penalty(params: torch.Tensor | Iterable[torch.Tensor], weight_decay: float) -> torch.Tensor:
    """``(weight_decay / 2) * sum_i ||w_i||^2`` over the given tensors (differentiable)."""
    lam = require_non_negative("weight_decay", weight_decay)
    tensors = _tensors(params)
    if not tensors:
        return torch.tensor(0.0)
    return 0.5 * lam * sum((p * p).sum() for p in tensors)


def l2_penalty_grad(param: torch.Tensor, weight_decay: float) -> torch.Tensor:
    """The gradient of :func:`l2_penalty` with respect to one tensor: ``weight_decay * w``."""
    lam = require_non_negative("weight_decay", weight_decay)
    return lam * require_tensor("param", param).detach()


def l1_penalty(params: torch.Tensor | Iterable[torch.Tensor], strength: float) -> torch.Tensor:
    """``strength * sum_i ||w_i||_1`` over the given tensors (differentiable)."""
    lam = require_non_negative("strength", strength)
    tensors = _tensors(params)
    if not tensors:
        return torch.tensor(0.0)
    return lam * sum(p.abs().sum() for p in tensors)


def l1_penalty_grad(param: torch.Tensor, strength: float) -> torch.Tensor:
    """The subgradient autograd uses for :func:`l1_penalty`: ``strength * sign(w)``.

    ``|w|`` has no derivative at ``0``; ``sign(0) = 0`` picks the subgradient ``0`` there.
    """
    lam = require_non_negative("strength", strength)
    return lam * torch.sign(require_tensor("param", param).detach())


def elastic_net_penalty(
    params: torch.Tensor | Iterable[torch.Tensor], l1: float, l2: float
) -> torch.Tensor:
    """``l1 * sum |w| + (l2 / 2) * sum w^2`` (Zou and Hastie, 2005), differentiable."""
    tensors = _tensors(params)
    return l1_penalty(tensors, l1) + l2_penalty(tensors, l2)


def elastic_net_penalty_grad(param: torch.Tensor, l1: float, l2: float) -> torch.Tensor:
    """``l1 * sign(w) + l2 * w``."""
    return l1_penalty_grad(param, l1) + l2_penalty_grad(param, l2)


def soft_threshold(w: torch.Tensor, threshold: float) -> torch.Tensor:
    """The proximal step of the L1 penalty: ``sign(w) * max(|w| - threshold, 0)``.

    Unlike a subgradient step, it sets small weights exactly to zero.
    """
    t = require_non_negative("threshold", threshold)
    w = require_tensor("w", w)
    return torch.sign(w) * torch.clamp(w.abs() - t, min=0.0)


def decay_and_no_decay(model: nn.Module) -> tuple[list[nn.Parameter], list[nn.Parameter]]:
    """Split the parameters of ``model`` into those to decay and those to leave alone.

    Not decayed: every bias (a parameter named ``bias``) and every parameter of a
    normalisation layer (batch, instance, layer, group and RMS norm). Shared parameters
    appear once, in the order of ``model.parameters()``.
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"model must be an nn.Module, got {type(model).__name__}")
    exempt: set[int] = set()
    for module in model.modules():
        for name, param in module.named_parameters(recurse=False):
            if isinstance(module, NORM_LAYERS) or name == "bias" or name.startswith("bias_"):
                exempt.add(id(param))
    decay, no_decay = [], []
    for param in model.parameters():
        (no_decay if id(param) in exempt else decay).append(param)
    return decay, no_decay


def parameter_groups(model: nn.Module, weight_decay: float) -> list[dict]:
    """Optimizer parameter groups: weights with ``weight_decay``, the rest with ``0.0``.

    Pass the result to any ``torch.optim`` optimizer, e.g.
    ``torch.optim.AdamW(parameter_groups(model, 0.01), lr=1e-3)``.
    """
    lam = require_non_negative("weight_decay", weight_decay)
    decay, no_decay = decay_and_no_decay(model)
    return [
        {"params": decay, "weight_decay": lam},
        {"params": no_decay, "weight_decay": 0.0},
    ]
