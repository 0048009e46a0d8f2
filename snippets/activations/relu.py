import torch
from torch import nn

x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
y = nn.ReLU()(x)
print(y)

y.sum().backward()
print(x.grad)  # the derivative: 0 for x <= 0 (torch picks 0 at x = 0), 1 for x > 0

torch.manual_seed(0)
h = torch.randn(4, 8)  # e.g. the output of a Linear layer
out = nn.ReLU(inplace=True)(h)
print("inplace returns its input:", out is h, "| min:", h.min().item())
print("fraction of zeros:", (h == 0).float().mean().item())  # about half for N(0, 1) inputs
