import torch
import torch.nn.functional as F

from nnref.losses.l1 import l1_loss

torch.manual_seed(0)
prediction = torch.randn(4, 3)
target = torch.randn(4, 3)
weight = torch.rand(4, 3)

for reduction in ("mean", "sum", "none"):
    ours = l1_loss(prediction, target, reduction)
    theirs = F.l1_loss(prediction, target, reduction=reduction)
    ours_w = l1_loss(prediction, target, reduction, weight=weight)
    theirs_w = F.l1_loss(prediction, target, reduction=reduction, weight=weight)
    print(
        f"{reduction:>4}: equal to torch: {torch.allclose(ours, theirs)},",
        f"with weight: {torch.allclose(ours_w, theirs_w)}",
    )

# Where the prediction equals the target both use the subgradient 0
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.tensor([1.0, 1.0, 4.0])
(ours,) = torch.autograd.grad(l1_loss(x, y, "sum"), x)
(theirs,) = torch.autograd.grad(F.l1_loss(x, y, reduction="sum"), x)
print("gradient:", ours, "equal to torch:", torch.equal(ours, theirs))
