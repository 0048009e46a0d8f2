import torch
import torch.nn.functional as F

from nnref.losses.multi_margin import multi_margin_loss

torch.manual_seed(0)
scores = torch.randn(6, 4, requires_grad=True)
target = torch.randint(0, 4, (6,))
weight = torch.rand(4)


def same(ours, theirs):
    """Equal values and equal gradients with respect to the scores."""
    (g_ours,) = torch.autograd.grad(ours.sum(), scores)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), scores)
    return torch.allclose(ours, theirs) and torch.allclose(g_ours, g_theirs)


for reduction in ("mean", "sum", "none"):
    checks = [
        same(
            multi_margin_loss(scores, target, p, margin, w, reduction),
            F.multi_margin_loss(scores, target, p, margin, w, reduction=reduction),
        )
        for p in (1, 2)
        for margin in (0.5, 1.0)
        for w in (None, weight)
    ]
    print(f"{reduction:>4}: values and gradients equal to torch: {all(checks)}")

# At margin - x[y] + x[i] = 0 torch counts only strictly positive terms: gradient 0
x = torch.tensor([[2.0, 1.0, 0.0]], requires_grad=True)
(ours,) = torch.autograd.grad(multi_margin_loss(x, torch.tensor([0])), x)
(theirs,) = torch.autograd.grad(F.multi_margin_loss(x, torch.tensor([0])), x)
print("gradient at the kink:", ours, theirs)
