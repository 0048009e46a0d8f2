import torch
from torch import nn

torch.manual_seed(0)
softsign = nn.Softsign()
print(softsign(torch.randn(8, 3)).shape)

x = torch.tensor([-10.0, -1.0, 0.0, 1.0, 10.0], requires_grad=True)
y = softsign(x)
print(y.detach().round(decimals=4))  # x / (1 + |x|): 0.5 at 1, still 0.9091 at 10
print(torch.tanh(x.detach()).round(decimals=4))  # tanh is already 1.0 at 10
y.sum().backward()
print(x.grad.round(decimals=4))  # 1 / (1 + |x|)^2: decays like 1 / x^2, not exponentially
print("grad == 1 / (1 + |x|)^2:", torch.allclose(x.grad, 1 / (1 + x.detach().abs()) ** 2))
