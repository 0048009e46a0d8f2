import torch
from torch import nn

torch.manual_seed(0)

shared = nn.PReLU()  # one slope for every channel, initialised to 0.25
per_channel = nn.PReLU(num_parameters=3)  # one slope per channel (dimension 1)
print(shared.weight.data, per_channel.weight.shape)

x = torch.randn(2, 3, 4, 4, requires_grad=True)  # (N, C, H, W)
y = per_channel(x)
print(tuple(y.shape), "parameters:", sum(p.numel() for p in per_channel.parameters()))

y.sum().backward()
# dy/da = x where x <= 0: the gradient of a channel's slope sums its negative inputs
expected = x.detach().clamp(max=0).sum(dim=(0, 2, 3))
print(torch.allclose(per_channel.weight.grad, expected))
print(torch.allclose(x.grad[x <= 0], torch.tensor(0.25)))  # dy/dx = a for x <= 0
