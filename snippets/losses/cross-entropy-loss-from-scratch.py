import torch
import torch.nn.functional as F

from nnref.losses.cross_entropy import cross_entropy

torch.manual_seed(0)
logits = torch.randn(6, 4, 3, dtype=torch.float64, requires_grad=True)  # (N, C, d1)
labels = torch.randint(0, 4, (6, 3))
labels[0, 0] = -100  # ignored
weight = torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=torch.float64)
soft = torch.randn(6, 4, 3, dtype=torch.float64).softmax(dim=1)

for target in (labels, soft):
    kind = "indices" if target is labels else "probabilities"
    for reduction in ("mean", "sum", "none"):
        options = dict(weight=weight, reduction=reduction, label_smoothing=0.1)
        ours = cross_entropy(logits, target, **options)
        theirs = F.cross_entropy(logits, target, **options)
        same_grad = torch.allclose(
            *(torch.autograd.grad(v.sum(), logits)[0] for v in (ours, theirs))
        )
        print(
            f"{kind:>13} {reduction:>4}: value {torch.allclose(ours, theirs)}, gradient {same_grad}"
        )
