import torch
from torch import nn

torch.manual_seed(0)
tanhshrink = nn.Tanhshrink()
print(tanhshrink(torch.randn(8, 3)).shape)

x = torch.tensor([-4.0, -1.0, 0.0, 0.5, 1.0, 4.0], requires_grad=True)
y = tanhshrink(x)
print(y.detach().round(decimals=4))  # about x^3 / 3 near 0, about x - sign(x) far away
y.sum().backward()
print(x.grad.round(decimals=4))  # tanh(x)^2: 0 at x = 0, close to 1 for large |x|
print("== x - tanh(x):", torch.allclose(y, x - torch.tanh(x)))
