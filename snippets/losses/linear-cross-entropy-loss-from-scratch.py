import torch
from torch import nn

from nnref.losses.linear_cross_entropy import aspect_ratio_chunk_size, linear_cross_entropy

torch.manual_seed(0)
hidden = torch.randn(37, 16, dtype=torch.float64, requires_grad=True)
labels = torch.randint(0, 300, (37,))
labels[5] = -100  # ignored
criterion = nn.LinearCrossEntropyLoss(16, 300, bias=True, dtype=torch.float64)
weight, bias = criterion.linear.weight, criterion.linear.bias

for chunk in (None, 8):
    for reduction in ("mean", "sum", "none"):
        criterion.reduction = reduction
        ours = linear_cross_entropy(
            hidden, weight, labels, linear_bias=bias, reduction=reduction, batch_chunk_size=chunk
        )
        theirs = criterion(hidden, labels)
        grads = [torch.autograd.grad(v.sum(), (hidden, weight, bias)) for v in (ours, theirs)]
        same = all(torch.allclose(a, b) for a, b in zip(*grads, strict=True))
        print(
            f"chunk {chunk!s:>4} {reduction:>4}: "
            f"value {torch.allclose(ours, theirs)}, gradients {same}"
        )

print(
    "aspect_ratio:2 rows per chunk, N=8192 d=4096 C=128000:",
    aspect_ratio_chunk_size(8192, 4096, 128000, factor=2),
)
