import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 1))
x = torch.randn(1, 4)

# Wrong: a new module is in training mode, so every prediction drops different units
print("training mode:", model.training)
print([round(model(x).item(), 3) for _ in range(3)])

# Right: switch to evaluation mode (and back with model.train() before training)
model.eval()
print("training mode:", model.training)
print([round(model(x).item(), 3) for _ in range(3)])
