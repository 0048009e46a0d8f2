import torch
import torch.nn.functional as F

from nnref.losses.bce import binary_cross_entropy, binary_cross_entropy_with_logits

torch.manual_seed(0)
logits = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
probabilities = torch.sigmoid(logits).detach().requires_grad_()
tags = torch.randint(0, 2, (4, 3)).double()
weight = torch.tensor([[1.0], [2.0], [1.0], [0.5]], dtype=torch.float64)  # per sample
pos_weight = torch.tensor([1.0, 3.0, 0.5], dtype=torch.float64)  # per class (last dim)

for reduction in ("mean", "sum", "none"):
    ours = binary_cross_entropy(probabilities, tags, weight, reduction)
    theirs = F.binary_cross_entropy(probabilities, tags, weight, reduction=reduction)
    grads = [torch.autograd.grad(v.sum(), probabilities)[0] for v in (ours, theirs)]
    print(f"BCE           {reduction:>4}: {torch.allclose(ours, theirs)}, {torch.allclose(*grads)}")
    ours = binary_cross_entropy_with_logits(logits, tags, weight, reduction, pos_weight)
    theirs = F.binary_cross_entropy_with_logits(
        logits, tags, weight, reduction=reduction, pos_weight=pos_weight
    )
    grads = [torch.autograd.grad(v.sum(), logits)[0] for v in (ours, theirs)]
    print(f"BCEWithLogits {reduction:>4}: {torch.allclose(ours, theirs)}, {torch.allclose(*grads)}")

edges = torch.tensor([0.0, 1.0], dtype=torch.float64, requires_grad=True)
ours = binary_cross_entropy(edges, torch.tensor([1.0, 1.0], dtype=torch.float64), reduction="sum")
print("at x = 0 and 1:", ours.item(), torch.autograd.grad(ours, edges)[0])
