import torch
from torch import nn

torch.manual_seed(0)
block = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 4))
x = torch.randn(2, 4)

y = x + block(x)  # Keras: layers.Add()([x, block(x)])
print("residual", tuple(y.shape), "| same as torch.add:", torch.equal(y, torch.add(x, block(x))))

a, b, c = torch.randn(3, 2, 4)
print("Add of three inputs = a + b + c:", torch.allclose(a + b + c, torch.stack([a, b, c]).sum(0)))
print("alpha: a + 2 * b:", torch.equal(torch.add(a, b, alpha=2), a + 2 * b))

features = torch.randn(2, 3, 5, 5)  # (N, C, H, W)
per_channel = torch.randn(3, 1, 1)  # broadcast over N, H and W
print("broadcast", tuple((features + per_channel).shape))
