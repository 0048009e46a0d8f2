import torch
from torch import nn

pool = nn.MaxPool1d(2, return_indices=True)
unpool = nn.MaxUnpool1d(2)

x = torch.tensor([[[3.0, 1.0, 2.0, 6.0, 4.0, 5.0]]])
pooled, indices = pool(x)
print(pooled.tolist(), indices.tolist())
restored = unpool(pooled, indices)
print("output", tuple(restored.shape))
print(restored.tolist())  # each maximum back in its place, zeros elsewhere
