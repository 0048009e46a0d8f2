import torch
from torch import nn

layer = nn.LeakyReLU()  # negative_slope=0.01
x = torch.tensor([-100.0, -1.0, 0.0, 2.0], requires_grad=True)
y = layer(x)
y.sum().backward()
print(layer)
print(y.detach())
print(x.grad)  # the slope 0.01 for x <= 0, also at x = 0

steep = nn.LeakyReLU(negative_slope=0.2)
print(steep(torch.tensor([-5.0, 5.0])))
