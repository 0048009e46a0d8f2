import torch
from torch import nn

torch.manual_seed(0)

pool = nn.MaxPool3d(2, return_indices=True)
unpool = nn.MaxUnpool3d(2)

volume = torch.randn(2, 4, 6, 8, 8)  # (N, C, D, H, W)
pooled, indices = pool(volume)
restored = unpool(pooled, indices)
print("pooled", tuple(pooled.shape), "restored", tuple(restored.shape))

kept = restored != 0
print("non-zeros:", int(kept.sum()), "=", pooled.numel())
print("kept values are the input's:", torch.equal(restored[kept], volume[kept]))
