import torch
from torch import nn

torch.manual_seed(0)
sigmoid = nn.Sigmoid()
print(sigmoid(torch.randn(8, 3)).shape)  # elementwise: the shape is kept

x = torch.tensor([-10.0, -2.0, 0.0, 2.0, 10.0], requires_grad=True)
y = sigmoid(x)
print(y.detach().round(decimals=4))
y.sum().backward()
print(x.grad)  # at most 1/4, at x = 0; about 4.5e-05 at |x| = 10

s = y.detach()
print("grad == s * (1 - s):", torch.allclose(x.grad, s * (1 - s)))
print("sigmoid(-x) == 1 - sigmoid(x):", torch.allclose(sigmoid(-x.detach()), 1 - s, atol=1e-6))
