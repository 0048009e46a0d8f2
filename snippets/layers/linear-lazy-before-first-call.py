import torch
from torch import nn

model = nn.Sequential(nn.LazyLinear(8), nn.ReLU(), nn.LazyLinear(1))

try:  # counting (or custom-initialising) parameters before any forward pass
    print(sum(p.numel() for p in model.parameters()))
except ValueError as error:
    print("ValueError:", str(error).split(" in <")[0])

model(torch.zeros(1, 5))  # a dry run with the real feature size materialises every layer
print("parameters:", sum(p.numel() for p in model.parameters()))  # (5*8 + 8) + (8*1 + 1)

try:  # the inferred size is now fixed
    model(torch.zeros(1, 6))
except RuntimeError as error:
    print("RuntimeError:", error)

# Loading a state dict also materialises a lazy layer, with the saved shapes
lazy = nn.LazyLinear(8)
lazy.load_state_dict(nn.Linear(5, 8).state_dict())
print("loaded:", tuple(lazy.weight.shape))
