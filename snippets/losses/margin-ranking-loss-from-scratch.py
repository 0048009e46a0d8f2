import torch
import torch.nn.functional as F

from nnref.losses.margin import margin_ranking_loss, soft_margin_loss

torch.manual_seed(0)
x1 = torch.randn(6, requires_grad=True)
x2 = torch.randn(6)
y = torch.tensor([1.0, -1.0, 1.0, -1.0, 1.0, -1.0])


def same(ours, theirs):
    """Equal values and equal gradients with respect to x1."""
    (g_ours,) = torch.autograd.grad(ours.sum(), x1)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), x1)
    return torch.allclose(ours, theirs) and torch.allclose(g_ours, g_theirs)


for reduction in ("mean", "sum", "none"):
    ranking = same(
        margin_ranking_loss(x1, x2, y, margin=0.5, reduction=reduction),
        F.margin_ranking_loss(x1, x2, y, margin=0.5, reduction=reduction),
    )
    soft = same(soft_margin_loss(x1, y, reduction), F.soft_margin_loss(x1, y, reduction=reduction))
    print(f"{reduction:>4}: ranking {ranking}, soft margin {soft}")

# At the kink, -y (x1 - x2) + margin = 0, torch takes the slope of the rising branch
a = torch.tensor([1.5], requires_grad=True)
b, label = torch.tensor([1.0]), torch.tensor([1.0])
(ours,) = torch.autograd.grad(margin_ranking_loss(a, b, label, margin=0.5), a)
(theirs,) = torch.autograd.grad(F.margin_ranking_loss(a, b, label, margin=0.5), a)
print("gradient at the kink:", ours, theirs)
