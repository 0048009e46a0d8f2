"""Mean squared error: ``(x - y)^2`` reduced by mean, sum, or not at all."""

import warnings

import torch

from nnref._checks import require_floating, require_reduction, require_tensor


def mse_loss(input: torch.Tensor, target: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    """Squared error between ``input`` and ``target``.

    Args:
        input: predictions, any shape.
        target: same shape as ``input`` (broadcast with a warning otherwise, like torch).
        reduction: ``'mean'`` (default) divides the sum by the number of elements,
            ``'sum'`` adds them up, ``'none'`` returns the elementwise errors.
    """
    require_floating("input", require_tensor("input", input))
    require_tensor("target", target)
    require_reduction(reduction)
    if target.shape != input.shape:
        try:
            torch.broadcast_shapes(input.shape, target.shape)
        except RuntimeError as error:
            raise ValueError(
                f"target shape {tuple(target.shape)} cannot be broadcast with "
                f"input shape {tuple(input.shape)}"
            ) from error
        warnings.warn(
            f"Using a target size ({tuple(target.shape)}) that is different to the input size "
            f"({tuple(input.shape)}). This will likely lead to incorrect results due to "
            "broadcasting. Please ensure they have the same size.",
            UserWarning,
            stacklevel=2,
        )
    squared_error = (input - target) ** 2
    if reduction == "none":
        return squared_error
    total = squared_error.sum()
    return total if reduction == "sum" else total / squared_error.numel()
