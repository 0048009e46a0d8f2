import torch
from torch import nn

torch.manual_seed(0)
tanh = nn.Tanh()
print(tanh(torch.randn(8, 3)).shape)

x = torch.tensor([-3.0, -1.0, 0.0, 1.0, 3.0], requires_grad=True)
y = tanh(x)
print(y.detach().round(decimals=4))  # odd: tanh(-x) = -tanh(x), so zero-centred
y.sum().backward()
print(x.grad.round(decimals=4))  # 1 - tanh(x)^2: 1 at x = 0, four times sigmoid's 1/4

t = y.detach()
print("grad == 1 - t**2:", torch.allclose(x.grad, 1 - t**2))
print("tanh(x) == 2 * sigmoid(2x) - 1:", torch.allclose(t, 2 * torch.sigmoid(2 * x) - 1))
