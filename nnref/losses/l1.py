"""Mean absolute error (L1 loss): ``|x - y|`` reduced by mean, sum, or not at all."""

import torch

from nnref._checks import require_reduction, require_tensor
from nnref.losses.mse import (
    check_promoted_dtype,
    check_target,
    check_weight,
    reduce,
    reduce_weighted,
)


def l1_loss(
    input: torch.Tensor,
    target: torch.Tensor,
    reduction: str = "mean",
    weight: torch.Tensor | None = None,
) -> torch.Tensor:
    """Absolute error between ``input`` and ``target``.

    The gradient with respect to ``input`` is ``sign(input - target)`` (divided by the number
    of elements for ``'mean'``); at ``input == target`` it is 0, the subgradient torch picks.

    Args:
        input: predictions, any shape; real floating point or complex (then ``|.|`` is the
            modulus, as in torch, and the loss is real). An integer input works with a
            floating-point target: the loss is computed in the promoted dtype.
        target: same shape as ``input`` (broadcast with a warning otherwise, like torch).
        reduction: ``'mean'`` (default) divides the sum by the number of elements,
            ``'sum'`` adds them up, ``'none'`` returns the elementwise errors.
        weight: optional weights of the input's shape (``torch.nn.functional.l1_loss`` only,
            not the module): each error is multiplied by its weight, and ``'mean'`` then
            divides by the **sum of the weights**.
    """
    require_tensor("input", input)
    require_tensor("target", target)
    if weight is None:  # torch's weighted path has no dtype check
        check_promoted_dtype(input, target, allow_complex=True)
    require_reduction(reduction)
    check_target(input, target, warn=True)
    check_weight(input, weight)
    absolute_error = (input - target).abs()
    if weight is not None:
        return reduce_weighted(absolute_error, weight, reduction, mean_over="weights")
    return reduce(absolute_error, reduction)
