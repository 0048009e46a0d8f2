import torch
import torch.nn.functional as F

from nnref.losses.nll import nll_loss

torch.manual_seed(0)
log_probs = torch.randn(5, 4, 2, 2, dtype=torch.float64).log_softmax(dim=1).requires_grad_()
labels = torch.randint(0, 4, (5, 2, 2))
labels[1, 0, 1] = 3
labels[2] = 7  # ignore_index below
weight = torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=torch.float64)

for reduction in ("mean", "sum", "none"):
    ours = nll_loss(log_probs, labels, weight=weight, ignore_index=7, reduction=reduction)
    theirs = F.nll_loss(log_probs, labels, weight=weight, ignore_index=7, reduction=reduction)
    same_grad = torch.allclose(
        *(torch.autograd.grad(v.sum(), log_probs)[0] for v in (ours, theirs))
    )
    print(f"{reduction:>4}: value {torch.allclose(ours, theirs)}, gradient {same_grad}")
total = nll_loss(log_probs, labels, weight=weight, ignore_index=7, reduction="sum")
(grad,) = torch.autograd.grad(total, log_probs)
print(f"label {labels[0, 0, 0].item()}, gradient over the classes:", grad[0, :, 0, 0])
