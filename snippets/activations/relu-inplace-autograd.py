import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)

# nn.Sigmoid saves its output for the backward pass; an in-place ReLU overwrites it
model = nn.Sequential(nn.Sigmoid(), nn.ReLU(inplace=True))
try:
    model(x).sum().backward()
except RuntimeError as error:
    print("RuntimeError:", str(error).split(":")[0])

# after a Linear layer the in-place ReLU is safe: Linear does not need its output
model = nn.Sequential(nn.Linear(3, 2), nn.ReLU(inplace=True))
model(x).sum().backward()
print("after Linear: backward works:", x.grad is not None)

try:
    torch.relu_(x)  # x is a leaf that requires grad
except RuntimeError as error:
    print("RuntimeError:", error)
