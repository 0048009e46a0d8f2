import torch
from torch import nn

x = torch.tensor([[0.1, 0.2, 0.4, 0.8], [2.0, 0.5, 0.0, 1.5]])  # scores, shape (N, C)
y = torch.tensor([3, 0])  # the right class of each sample, int64, shape (N,)

print("p=1:", nn.MultiMarginLoss(reduction="none")(x, y))
# sample 0: sum over the wrong classes of max(0, margin - x[y] + x[i]), divided by C = 4
print("by hand:", (1 - x[0, 3] + x[0, :3]).clamp(min=0).sum() / 4)
print("p=2:", nn.MultiMarginLoss(p=2, reduction="none")(x, y))
print("mean over N:", nn.MultiMarginLoss()(x, y))
