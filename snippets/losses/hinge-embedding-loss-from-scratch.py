import torch
import torch.nn.functional as F

from nnref.losses.margin import hinge_embedding_loss

torch.manual_seed(0)
distance = (2 * torch.rand(8)).requires_grad_()  # distances in [0, 2)
y = torch.tensor([1.0, -1.0] * 4)


def same(ours, theirs):
    """Equal values and equal gradients with respect to the distances."""
    (g_ours,) = torch.autograd.grad(ours.sum(), distance)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), distance)
    return torch.allclose(ours, theirs) and torch.allclose(g_ours, g_theirs)


for reduction in ("mean", "sum", "none"):
    checks = [
        same(
            hinge_embedding_loss(distance, y, margin, reduction),
            F.hinge_embedding_loss(distance, y, margin=margin, reduction=reduction),
        )
        for margin in (0.5, 1.0, 2.0)
    ]
    print(f"{reduction:>4}: values and gradients equal to torch: {all(checks)}")

# At the kink of a dissimilar pair, x = margin, torch takes the slope -1 of max(0, margin - x)
x = torch.tensor([1.0], requires_grad=True)
(ours,) = torch.autograd.grad(hinge_embedding_loss(x, torch.tensor([-1.0])), x)
(theirs,) = torch.autograd.grad(F.hinge_embedding_loss(x, torch.tensor([-1.0])), x)
print("gradient at x = margin:", ours, theirs)
