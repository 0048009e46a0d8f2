import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 6)
for activation in (nn.Sigmoid(), nn.Tanh()):
    layer = nn.Linear(6, 3)
    h = activation(x)  # one example: the input of the linear layer
    layer(h).sum().backward()  # dL/dW[i, j] = delta_i * h_j
    signs = layer.weight.grad.sign()
    same = bool((signs == signs[:, :1]).all())
    print(f"{type(activation).__name__:8s} every row of dL/dW has one sign: {same}")
