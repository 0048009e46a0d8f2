import torch
from torch import nn

x = torch.tensor([-1.0, 0.5, 1.0, 1.5, 3.0], requires_grad=True)
layer = nn.Threshold(threshold=1.0, value=-1.0)  # both arguments are required
y = layer(x)
y.sum().backward()
print(layer)
print(y.detach())  # x = 1.0 is not above the threshold: replaced by the value
print(x.grad)  # 1 where x > threshold, 0 elsewhere

relu_like = nn.Threshold(0.0, 0.0)
print(torch.equal(relu_like(x), torch.relu(x)))
