import torch
from torch import nn

torch.manual_seed(0)

# 4 input features -> two hidden layers of 8 units -> 3 output scores
model = nn.Sequential(
    nn.Linear(4, 8),  # input -> hidden layer 1
    nn.ReLU(),
    nn.Linear(8, 8),  # hidden layer 1 -> hidden layer 2
    nn.ReLU(),
    nn.Linear(8, 3),  # hidden layer 2 -> output layer
)

x = torch.randn(5, 4)  # a batch of 5 examples
for layer in model:
    x = layer(x)
    print(f"{layer.__class__.__name__:<7} -> {tuple(x.shape)}")

total = sum(p.numel() for p in model.parameters())
print("parameters:", total)
