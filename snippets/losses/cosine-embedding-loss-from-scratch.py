import torch
import torch.nn.functional as F

from nnref.losses.cosine_embedding import cosine_embedding_loss

torch.manual_seed(0)
x1 = torch.randn(6, 8, requires_grad=True)
x2 = torch.randn(6, 8)
y = torch.tensor([1.0, -1.0] * 3)


def same(ours, theirs):
    """Equal values and equal gradients with respect to x1."""
    (g_ours,) = torch.autograd.grad(ours.sum(), x1)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), x1)
    return torch.allclose(ours, theirs) and torch.allclose(g_ours, g_theirs)


for reduction in ("mean", "sum", "none"):
    checks = [
        same(
            cosine_embedding_loss(x1, x2, y, margin, reduction),
            F.cosine_embedding_loss(x1, x2, y, margin=margin, reduction=reduction),
        )
        for margin in (-0.2, 0.0, 0.5)
    ]
    print(f"{reduction:>4}: values and gradients equal to torch: {all(checks)}")

# At the kink of a dissimilar pair, cos = margin, torch keeps the gradient of cos - margin
a = torch.tensor([[1.0, 0.0]], requires_grad=True)
b, label = torch.tensor([[0.0, 1.0]]), torch.tensor([-1.0])  # orthogonal: cos = 0 = margin
(ours,) = torch.autograd.grad(cosine_embedding_loss(a, b, label), a)
(theirs,) = torch.autograd.grad(F.cosine_embedding_loss(a, b, label), a)
print("gradient at the kink:", ours, theirs)
