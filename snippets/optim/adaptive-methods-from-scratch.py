import torch

from nnref.optim import lockstep
from nnref.optim.adaptive import DiagonalPreconditioner

torch.manual_seed(0)
start = torch.randn(4, 3, dtype=torch.float64)


def same_path(reference_class, reference_options, **options):
    """25 steps of DiagonalPreconditioner(**options) beside reference_class(**reference_options)."""
    ours = start.clone().requires_grad_()
    theirs = start.clone().requires_grad_()
    mine = DiagonalPreconditioner([ours], **options)
    reference = reference_class([theirs], **reference_options)
    # lockstep: both take 25 steps on a new random minibatch loss each; compare after each
    return all(torch.allclose(ours, theirs) for _ in lockstep(mine, reference, steps=25))


# v = v + g^2 (decay=None) is Adagrad; v = 0.99 v + 0.01 g^2 is RMSprop
print("sum of g^2:             ", same_path(torch.optim.Adagrad, dict(lr=0.1), lr=0.1))
print(
    "moving average of g^2:  ",
    same_path(torch.optim.RMSprop, dict(lr=0.01), lr=0.01, decay=0.99, eps=1e-8),
)
