import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.RReLU())
x = torch.randn(1, 4)

# a new module is in training mode: the same input gives a different output at every call
print("training:", torch.equal(model(x), model(x)))

model.eval()  # evaluation: the fixed slope (lower + upper) / 2
print("eval:", torch.equal(model(x), model(x)))
