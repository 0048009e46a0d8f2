import math

import torch
import torch.nn.functional as F

from nnref.losses.triplet import triplet_margin_loss, triplet_margin_with_distance_loss

torch.manual_seed(0)
anchor = torch.randn(6, 8, requires_grad=True)
positive, negative = anchor.detach() + 0.5 * torch.randn(2, 6, 8)


def same(ours, theirs):
    """Equal values and equal gradients with respect to the anchors."""
    (g_ours,) = torch.autograd.grad(ours.sum(), anchor)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), anchor)
    return torch.allclose(ours, theirs) and torch.allclose(g_ours, g_theirs)


def cosine_distance(x, y):
    return 1 - F.cosine_similarity(x, y)


for reduction in ("mean", "sum", "none"):
    checks = [
        same(
            triplet_margin_loss(anchor, positive, negative, 0.5, p, 1e-6, swap, reduction),
            F.triplet_margin_loss(
                anchor, positive, negative, margin=0.5, p=p, swap=swap, reduction=reduction
            ),
        )
        for p in (1, 2, math.inf)
        for swap in (False, True)
    ]
    for distance in (None, cosine_distance):
        options = {"distance_function": distance, "margin": 0.2, "reduction": reduction}
        checks.append(
            same(
                triplet_margin_with_distance_loss(anchor, positive, negative, **options),
                F.triplet_margin_with_distance_loss(anchor, positive, negative, **options),
            )
        )
    print(f"{reduction:>4}: values and gradients equal to torch: {all(checks)}")
