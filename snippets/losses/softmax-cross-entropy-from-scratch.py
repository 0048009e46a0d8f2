import torch
import torch.nn.functional as F

from nnref.losses.softmax_cross_entropy import cross_entropy, cross_entropy_gradient

torch.manual_seed(0)
logits = torch.randn(4, 5, 3, requires_grad=True)  # (N, C, L): 5 classes at 3 positions
labels = torch.randint(0, 5, (4, 3))
for reduction in ("none", "mean", "sum"):
    for eps in (0.0, 0.1):
        ours = cross_entropy(logits, labels, eps, reduction)
        theirs = F.cross_entropy(logits, labels, reduction=reduction, label_smoothing=eps)
        (grad,) = torch.autograd.grad(theirs.sum(), logits)
        closed_form = cross_entropy_gradient(logits.detach(), labels, eps, reduction)
        print(
            f"{reduction:<4} label_smoothing={eps}: loss {torch.allclose(ours, theirs)}, "
            f"softmax - q == autograd {torch.allclose(closed_form, grad)}"
        )
extreme = torch.tensor([[1000.0, -1000.0]])
print("logits +-1000, wrong class:", cross_entropy(extreme, torch.tensor([1])))
