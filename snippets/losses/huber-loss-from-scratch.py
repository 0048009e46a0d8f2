import torch
import torch.nn.functional as F

from nnref.losses.huber import huber_loss, smooth_l1_loss

torch.manual_seed(0)
prediction = (3 * torch.randn(4, 3)).requires_grad_()
target = torch.randn(4, 3)
weight = torch.rand(4, 3)


def same(ours, theirs):
    """Equal values and equal gradients with respect to the prediction."""
    (g_ours,) = torch.autograd.grad(ours.sum(), prediction)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), prediction)
    return torch.allclose(ours, theirs) and torch.allclose(g_ours, g_theirs)


for reduction in ("mean", "sum", "none"):
    checks = [
        same(
            huber_loss(prediction, target, reduction, delta=d),
            F.huber_loss(prediction, target, reduction, delta=d),
        )
        for d in (0.5, 1.0, 2.0)
    ]
    checks += [
        same(
            smooth_l1_loss(prediction, target, reduction, beta=b),
            F.smooth_l1_loss(prediction, target, reduction=reduction, beta=b),
        )
        for b in (0.0, 0.5, 1.0)
    ]
    checks.append(
        same(
            huber_loss(prediction, target, reduction, weight=weight),
            F.huber_loss(prediction, target, reduction, weight=weight),
        )
    )
    print(f"{reduction:>4}: values and gradients equal to torch: {all(checks)}")
