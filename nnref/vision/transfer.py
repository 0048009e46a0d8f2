"""Transfer learning helpers: freeze a pretrained feature extractor, slow down its learning rate.

* ``freeze`` / ``unfreeze`` set ``requires_grad`` on every parameter of a module, as
  ``module.requires_grad_(False/True)`` does: autograd then computes no gradient for them and
  an optimizer step leaves them unchanged.
* ``batchnorm_eval`` puts every batch-normalisation layer of a (frozen) module in eval mode, so
  its running statistics stop changing; call it after every ``model.train()``.
* ``param_groups`` builds the optimizer groups of fine-tuning: the backbone with a smaller
  learning rate than the new head.
"""

from collections.abc import Iterable

import torch
from torch import nn


def _module(name: str, value: object) -> nn.Module:
    if not isinstance(value, nn.Module):
        raise TypeError(f"{name} must be an nn.Module, got {type(value).__name__}")
    return value


def freeze(module: nn.Module) -> nn.Module:
    """Stop training every parameter of ``module`` (``requires_grad = False``); returns it."""
    for param in _module("module", module).parameters():
        param.requires_grad = False
    return module


def unfreeze(module: nn.Module) -> nn.Module:
    """Train every parameter of ``module`` again (``requires_grad = True``); returns it."""
    for param in _module("module", module).parameters():
        param.requires_grad = True
    return module


def count_trainable(module: nn.Module) -> int:
    """The number of parameter elements that will receive gradients."""
    return sum(p.numel() for p in _module("module", module).parameters() if p.requires_grad)


_BATCH_NORMS = (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d, nn.SyncBatchNorm)


def batchnorm_eval(module: nn.Module) -> int:
    """Put every batch-norm layer of ``module`` in eval mode; return how many there were.

    A frozen batch-norm layer in training mode still normalises with the batch's statistics
    and overwrites its running mean and variance at every forward pass: the "frozen" features
    drift. ``model.train()`` switches them back, so call this after it.
    """
    layers = [m for m in _module("module", module).modules() if isinstance(m, _BATCH_NORMS)]
    for layer in layers:
        layer.eval()
    return len(layers)


def param_groups(
    backbone: nn.Module, head: nn.Module, lr: float, backbone_factor: float = 0.1
) -> list[dict]:
    """Optimizer parameter groups for fine-tuning: the head at ``lr``, the backbone lower.

    Args:
        backbone: the pretrained feature extractor.
        head: the new, randomly initialised classifier.
        lr: the head's learning rate.
        backbone_factor: the backbone learns at ``backbone_factor * lr`` (0 < factor <= 1).

    Returns:
        ``[{"params": backbone params, "lr": backbone_factor * lr}, {"params": head params,
        "lr": lr}]``, only parameters with ``requires_grad``; pass it to any ``torch.optim``
        optimizer.

    Raises:
        ValueError: ``lr`` is not positive, the factor is outside ``(0, 1]``, or the modules
            share a parameter.
    """
    _module("backbone", backbone), _module("head", head)
    if not isinstance(lr, int | float) or isinstance(lr, bool) or lr <= 0:
        raise ValueError(f"lr must be a positive number, got {lr!r}")
    if not isinstance(backbone_factor, int | float) or not 0 < backbone_factor <= 1:
        raise ValueError(f"backbone_factor must be in (0, 1], got {backbone_factor!r}")
    backbone_params = _trainable(backbone.parameters())
    head_params = _trainable(head.parameters())
    if {id(p) for p in backbone_params} & {id(p) for p in head_params}:
        raise ValueError("backbone and head share a parameter; give each parameter one group")
    return [
        {"params": backbone_params, "lr": backbone_factor * lr},
        {"params": head_params, "lr": lr},
    ]


def _trainable(params: Iterable[torch.Tensor]) -> list[torch.Tensor]:
    return [p for p in params if p.requires_grad]
