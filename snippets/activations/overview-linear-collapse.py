import torch
from torch import nn

torch.manual_seed(0)
first, second = nn.Linear(4, 8), nn.Linear(8, 3)
stack = nn.Sequential(first, second)  # two linear layers, no activation in between

merged = nn.Linear(4, 3)  # the single equivalent layer
with torch.no_grad():
    merged.weight.copy_(second.weight @ first.weight)  # W = W2 W1
    merged.bias.copy_(second.weight @ first.bias + second.bias)  # b = W2 b1 + b2

x = torch.randn(5, 4)
print("two layers == one layer:", torch.allclose(stack(x), merged(x), atol=1e-6))
count = sum(p.numel() for p in stack.parameters()), sum(p.numel() for p in merged.parameters())
print("parameters:", count[0], "vs", count[1])

with_relu = nn.Sequential(first, nn.ReLU(), second)
print("with a ReLU in between:", torch.allclose(with_relu(x), merged(x), atol=1e-6))
