import torch
import torch.nn.functional as F

from nnref.losses.gaussian_nll import gaussian_nll_loss

torch.manual_seed(0)
mean = torch.randn(4, 3, requires_grad=True)
target = torch.randn(4, 3)
variances = {
    "(4, 3)": torch.rand(4, 3) + 0.1,
    "(4, 1)": torch.rand(4, 1) + 0.1,
    "(4,)": torch.rand(4) + 0.1,
    "1e-9 (clamped)": torch.full((4, 3), 1e-9),
}


def same(ours, theirs, inputs):
    """Equal values and equal gradients with respect to every tensor in ``inputs``."""
    grads_ours = torch.autograd.grad(ours.sum(), inputs)
    grads_theirs = torch.autograd.grad(theirs.sum(), inputs)
    pairs = [(ours, theirs), *zip(grads_ours, grads_theirs, strict=True)]
    return all(torch.allclose(a, b) for a, b in pairs)


for name, var in variances.items():
    var.requires_grad_()
    equal = [
        same(
            gaussian_nll_loss(mean, target, var, full=full, reduction=reduction),
            F.gaussian_nll_loss(mean, target, var, full=full, reduction=reduction),
            (mean, var),
        )
        for reduction in ("mean", "sum", "none")
        for full in (False, True)
    ]
    print(f"var {name:>14}: values and gradients equal to torch: {all(equal)}")
