import torch
from torch import nn

softplus = nn.Softplus()  # beta=1.0, threshold=20.0
print(softplus)

x = torch.tensor([-2.0, 0.0, 2.0], requires_grad=True)
y = softplus(x)
print(y.detach().round(decimals=4))
print("log(1 + exp(x)):", torch.allclose(y, torch.log1p(torch.exp(x))))
y.sum().backward()
print("gradient = sigmoid(x):", torch.allclose(x.grad, torch.sigmoid(x.detach())))

# where beta * x > threshold the output is x itself (shown in float64)
for value in (19.999, 20.0, 20.001):
    print(f"x = {value}: {softplus(torch.tensor(value, dtype=torch.float64)).item():.12f}")

sharp = nn.Softplus(beta=10.0)  # closer to ReLU; Softplus(0) = log(2) / beta
print(sharp, round(sharp(torch.tensor(0.0)).item(), 4))
